package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// plainBinary builds plancheck as users run it (no -race, no coverage) into
// a temporary directory, for tests that measure a child process.
func plainBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "plancheck")
	cmd := exec.Command("go", "build", "-trimpath", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// childRun is what one run of a child plancheck did.
type childRun struct {
	stdout, stderr string
	code           int
	maxRSS         int64 // peak resident memory, bytes
	wall           time.Duration
	// cpu is the user and system time the child took: the work it did,
	// which a busy machine does not stretch as it stretches wall.
	cpu time.Duration
}

// rusageEnv makes the test binary a measuring wrapper (see measureChild):
// its value is the file to write the child's peak memory to.
const rusageEnv = "PLANCHECK_TEST_RUSAGE_FILE"

// runChild runs bin with args and measures it: the peak resident memory
// the kernel recorded for the child (ru_maxrss) and the wall time.
//
// The child is started by a small wrapper process (this test binary,
// re-run with rusageEnv), not by the test itself: Go starts a child with
// vfork, sharing the parent's memory until exec, and Linux records the
// memory's high-water mark at exec as the child's — a test that has just
// written a 50 MB file would measure itself. The wrapper is small when it
// starts plancheck.
func runChild(t *testing.T, bin string, args ...string) childRun {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	rusage := filepath.Join(t.TempDir(), "rusage")
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(self, append([]string{bin}, args...)...)
	cmd.Env = append(os.Environ(), rusageEnv+"="+rusage)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err = cmd.Run()
	r := childRun{stdout: stdout.String(), stderr: stderr.String(), wall: time.Since(start), maxRSS: -1}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	default:
		t.Fatalf("%s: %v", bin, err)
	}
	data, err := os.ReadFile(rusage)
	if err != nil {
		t.Fatalf("%s: the wrapper recorded no peak memory: %v\n%s", bin, err, r.stderr)
	}
	fields := strings.Fields(string(data))
	if len(fields) != 2 {
		t.Fatalf("the wrapper recorded %q", data)
	}
	if r.maxRSS, err = strconv.ParseInt(fields[0], 10, 64); err != nil {
		t.Fatal(err)
	}
	cpu, err := strconv.ParseInt(fields[1], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	r.cpu = time.Duration(cpu)
	return r
}

// measureChild is the wrapper's work: run args[0] with the rest, its
// streams ours, write its peak resident memory in bytes and its CPU time
// in nanoseconds to out, and exit with its status.
func measureChild(out string, args []string) int {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintln(os.Stderr, err)
		return 125
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		fmt.Fprintln(os.Stderr, "no rusage on this system")
		return 125
	}
	cpu := ru.Utime.Nano() + ru.Stime.Nano()
	if err := os.WriteFile(out, []byte(strconv.FormatInt(ru.Maxrss*1024, 10)+" "+strconv.FormatInt(cpu, 10)), 0o644); err != nil { // KiB on Linux
		fmt.Fprintln(os.Stderr, err)
		return 125
	}
	return cmd.ProcessState.ExitCode()
}
