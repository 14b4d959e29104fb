package main

import (
	"archive/zip"
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/jlp-hrss/plancheck/pkg/cli"
)

var update = flag.Bool("update", false, "rewrite the expected files of cmp in testdata/script from the actual output")

// TestMain makes the test binary double as plancheck: testscript puts a copy of
// it on the scripts' PATH under that name, and running it runs cli.Main.
func TestMain(m *testing.M) {
	if out := os.Getenv(rusageEnv); out != "" {
		os.Exit(measureChild(out, os.Args[1:]))
	}
	testscript.Main(m, map[string]func(){
		"plancheck": func() { os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// shippedPlan is a real plan file for scripts that need one as a file (show
// ./plan.yaml): the embedded 十四五 plan, read from the source tree.
const shippedPlan = "jlp-hrss-14th.v1.yaml"

// TestScript runs the end-to-end scripts of testdata/script. Each script runs
// plancheck and checks its stdout, stderr and exact exit status (see exitcode).
// With -update, the expected files compared by cmp are rewritten.
func TestScript(t *testing.T) {
	plan, err := os.ReadFile(filepath.Join("..", "..", "plans", shippedPlan))
	if err != nil {
		t.Fatalf("read the shipped plan: %v", err)
	}
	books := buildScriptBooks(t)
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			if err := copyBooks(books, env.WorkDir); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(env.WorkDir, shippedPlan), plan, 0o644)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": cmdExitcode,
			"zip":      cmdZip,
			"replace":  cmdReplace,
		},
	})
}

// cmdExitcode is the script command
//
//	exitcode N program [args...]
//
// It runs the program like exec and fails unless it exits with status N. The
// program's stdout and stderr are kept for the stdout, stderr and cmp commands
// that follow. `! exec` accepts any failure; the exit status is part of
// plancheck's contract (spec §5), so the scripts check it exactly.
func cmdExitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("exitcode does not support !; give the status expected")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: bad status %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			ts.Fatalf("exitcode: %v", err)
		}
		got = exitErr.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// cmdReplace is the script command
//
//	replace FILE LINE OLD NEW
//
// It replaces OLD with NEW on line LINE of FILE, and fails unless OLD is on
// that line: a script fills in the placeholders new-plan lists by their
// lines, as a user would in an editor.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 4 {
		ts.Fatalf("usage: replace FILE LINE OLD NEW")
	}
	path := ts.MkAbs(args[0])
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	data, err := os.ReadFile(path)
	ts.Check(err)
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) || !strings.Contains(lines[n-1], args[2]) {
		ts.Fatalf("replace: %s:%d does not hold %q", args[0], n, args[2])
	}
	lines[n-1] = strings.Replace(lines[n-1], args[2], args[3], 1)
	ts.Check(os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644))
}

// cmdZip is the script command
//
//	zip out.xlsx dir
//
// It writes the files under dir into the zip out.xlsx, named by their paths
// inside dir, so that a script can hold a workbook broken inside as text.
func cmdZip(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: zip out.xlsx dir")
	}
	f, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	zw := zip.NewWriter(f)
	dir := ts.MkAbs(args[1])
	ts.Check(filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		w, err := zw.Create(filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}))
	ts.Check(zw.Close())
	ts.Check(f.Close())
}
