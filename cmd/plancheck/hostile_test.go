package main

import (
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sampleBook is the README's sample workbook.
var sampleBook = filepath.Join("..", "..", "testdata", "2023.xlsx")

// TestOutputOntoDevices: -o /dev/stdout writes to the descriptor, whatever
// it is, and -o /dev/null leaves the device a device (as root, a rename
// would have replaced it with a file).
func TestOutputOntoDevices(t *testing.T) {
	if testing.Short() {
		t.Skip("builds plancheck")
	}
	if runtime.GOOS != "linux" {
		t.Skip("Linux devices")
	}
	bin := plainBinary(t)
	r := runChild(t, bin, "eval", sampleBook, "--format", "json", "-q", "-o", "/dev/stdout")
	if r.code > 1 || !strings.HasPrefix(r.stdout, "{") {
		t.Errorf("-o /dev/stdout: status %d, stdout %.40q, stderr %s", r.code, r.stdout, r.stderr)
	}
	r = runChild(t, bin, "eval", sampleBook, "--format", "json", "-q", "-o", "/dev/null")
	if r.code > 1 || r.stdout != "" {
		t.Errorf("-o /dev/null: status %d, stdout %.40q, stderr %s", r.code, r.stdout, r.stderr)
	}
	if info, err := os.Lstat("/dev/null"); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", info.Mode(), err)
	}
	// -o /dev/stdout is the stream the shell opened: >> appends.
	log := filepath.Join(t.TempDir(), "log.json")
	if err := os.WriteFile(log, []byte("LINE-1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sh := exec.Command("sh", "-c", `"$0" eval "$1" --format json -q --fail-on none -o /dev/stdout >> "$2"`, bin, sampleBook, log)
	if out, err := sh.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if data, _ := os.ReadFile(log); !strings.HasPrefix(string(data), "LINE-1\n{") {
		t.Errorf(">> with -o /dev/stdout: the file starts %.20q", data)
	}
}

// hostileCase is one input of the hostile corpus (issue 14): the files it
// needs, made in dir, and the command; what it must give is checked by
// TestHostileCorpus.
type hostileCase struct {
	name string
	// make writes the case's files into dir and returns the arguments.
	make func(t *testing.T, dir string) []string
	// code is the exit status; want must be in stderr (or stdout), and
	// nothing in dir may change (no output file where refused).
	code int
	want string
}

// hostileCorpus are the cases of issue 14 this package holds; each is
// refused with exit 2 and one clear message with its place, or read.
func hostileCorpus() []hostileCase {
	csv := func(name, body string) func(t *testing.T, dir string) string {
		return func(t *testing.T, dir string) string {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}
	}
	plan := func(t *testing.T, dir, name, replace, with string) string {
		data, err := os.ReadFile(filepath.Join("..", "..", "plans", "jlp-hrss-14th.v1.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), replace, with, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	return []hostileCase{
		{name: "compatibility digit in a cell", code: 2, want: "2023!B3：“5.3¹”：“¹”不是普通数字",
			make: func(t *testing.T, dir string) []string {
				return []string{"eval", csv("2023.csv", "指标,2023年\n城镇新增就业人数,[9.3]\n城镇调查失业率,5.3¹\n")(t, dir), "--plan", "jlp-hrss-14th@1"}
			}},
		{name: "compatibility digit in a target", code: 1, want: "target 字段：无法识别的表达式“43.6¹”",
			make: func(t *testing.T, dir string) []string {
				return []string{"validate", plan(t, dir, "plan.yaml", `target: "43.6"`, `target: "43.6¹"`)}
			}},
		{name: "-o onto the plan", code: 2, want: "是输入之一",
			make: func(t *testing.T, dir string) []string {
				p := plan(t, dir, "plan.md", "", "")
				return []string{"eval", sampleBook, "--plan", p, "-o", p}
			}},
		{name: "-o onto a read-only file", code: 2, want: "是只读文件",
			make: func(t *testing.T, dir string) []string {
				p := csv("locked.json", "{}")(t, dir)
				if err := os.Chmod(p, 0o444); err != nil {
					t.Fatal(err)
				}
				return []string{"eval", sampleBook, "-o", p}
			}},
		{name: "a named pipe as the workbook", code: 2, want: "不是普通文件",
			make: func(t *testing.T, dir string) []string {
				p := filepath.Join(dir, "2023.xlsx")
				if err := syscall.Mkfifo(p, 0o644); err != nil {
					t.Skipf("mkfifo: %v", err)
				}
				return []string{"eval", p}
			}},
		{name: "a plan saved as GBK", code: 1, want: "plan.yaml:4:8: 这里不是 UTF-8 文字",
			make: func(t *testing.T, dir string) []string {
				return []string{"validate", csv("plan.yaml", "schema: plancheck/v1\nid: x\nversion: 1\ntitle: \xb9\xe6\xbb\xae\n")(t, dir)}
			}},
		{name: "control characters in cells", code: 0, want: `\x1b[2J`,
			make: func(t *testing.T, dir string) []string {
				return []string{"eval", csv("2023.csv", "区县,指标,2023年\n街道\x1b[2J,城镇新增就业人数,[9.3]\n")(t, dir), "--plan", "jlp-hrss-14th@1", "--fail-on", "none"}
			}},
	}
}

// TestHostileCorpus runs each case of hostileCorpus on a child process of
// the plain binary: the exit status and the one message it asserts, no
// output file where refused, every input unchanged, and bounded work —
// peak memory under 200 MB and under 5 s of CPU (wall time depends on
// what else the machine runs).
func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds plancheck; the corpus runs in make test")
	}
	if runtime.GOOS != "linux" {
		t.Skip("ru_maxrss and named pipes as on Linux")
	}
	bin := plainBinary(t)
	for _, tc := range hostileCorpus() {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			args := tc.make(t, dir)
			before := snapshot(t, dir)
			r := runChild(t, bin, args...)
			if r.code != tc.code {
				t.Errorf("exit %d, want %d\n%s", r.code, tc.code, r.stderr)
			}
			if !strings.Contains(r.stderr+r.stdout, tc.want) {
				t.Errorf("no %q in\n%s%s", tc.want, r.stdout, r.stderr)
			}
			if r.code == 2 && strings.Count(r.stderr, "错误") != 1 {
				t.Errorf("want one error line:\n%s", r.stderr)
			}
			if after := snapshot(t, dir); after != before {
				t.Errorf("the files changed:\n%s\nwere:\n%s", after, before)
			}
			if r.maxRSS > 200<<20 || r.cpu > 5*time.Second {
				t.Errorf("peak memory %d MiB, %v of CPU: want under 200 MiB and 5 s", r.maxRSS>>20, r.cpu)
			}
		})
	}
}

// snapshot lists the files of dir with their sizes, modes and contents'
// hashes (a named pipe by its mode only).
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %v %d", e.Name(), info.Mode(), info.Size())
		if info.Mode().IsRegular() {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, " %x", sha256.Sum256(data))
		}
		b.WriteString("\n")
	}
	return b.String()
}
