package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// ciRun runs a command in dir with plancheck on PATH (TestMain put it
// there), PLANCHECK_PLANS unset and PLANCHECK_LANG=en (the messages are
// pinned in English here), and returns its exit status and output.
func ciRun(t *testing.T, dir string, name string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PLANCHECK_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "PLANCHECK_LANG=en")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.ExitCode(), out.String(), errOut.String()
	case err != nil:
		t.Fatalf("%s: %v", name, err)
	}
	return 0, out.String(), errOut.String()
}

// copyTree copies the folder src to a new temporary folder.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// The fixture plan repositories: good holds two valid plans (one .yml, in a
// subfolder) and a README; bad a valid plan and one with two problems.
var ciRepos = []struct {
	name   string
	exit   int
	github []string // the annotations validate --format github prints
	text   []string // the lines validate prints on stderr
}{
	{name: "good", exit: 0},
	{name: "bad", exit: 1,
		github: []string{
			"::error file=plans/sub/broken.yaml,line=13,col=17::indicator \"urban-new-jobs\" (城镇新增就业人数) target: bad expression \"≥≥15\": two operators",
			"::error file=plans/sub/broken.yaml,line=14,col=9::indicator: unknown field \"colour\" (known: id, name, unit, target, baseline, attribute, better, judge, printed, precision, aliases, note, source)",
		},
		text: []string{
			"plans/sub/broken.yaml:13:17: indicator \"urban-new-jobs\" (城镇新增就业人数) target: bad expression \"≥≥15\": two operators",
			"plans/sub/broken.yaml:14:9: indicator: unknown field \"colour\" (known: id, name, unit, target, baseline, attribute, better, judge, printed, precision, aliases, note, source)",
			"plancheck: 1 of 2 plan files invalid",
		}},
}

// TestCIFiles: the GitHub Actions workflow of docs/ci and the pre-commit
// hook of .pre-commit-hooks.yaml run, as they are written, on the fixture
// plan repositories of testdata/planrepo: nothing and status 0 on the good
// one, every problem and status 1 on the bad one.
func TestCIFiles(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the workflow's step is a bash script")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}

	// The workflow: its steps install this module's plancheck, then run
	// validate on plans/**. The run step is run as Actions runs a bash
	// step.
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "ci", "validate.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var workflow struct {
		Jobs map[string]struct {
			Steps []struct{ Name, Run, Shell, Uses string }
		}
	}
	if err := yaml.Unmarshal(data, &workflow); err != nil {
		t.Fatal(err)
	}
	var install, validate string
	var shell string
	for _, job := range workflow.Jobs {
		for _, s := range job.Steps {
			switch {
			case strings.Contains(s.Run, "go install "):
				install = s.Run
			case strings.Contains(s.Run, "plancheck validate"):
				validate, shell = s.Run, s.Shell
			}
		}
	}
	if !strings.Contains(install, "go install github.com/jlp-hrss/plancheck/cmd/plancheck@") {
		t.Errorf("the workflow does not install this module's plancheck: %q", install)
	}
	if shell != "bash" || !strings.Contains(validate, "plancheck validate --format github plans/**/") {
		t.Fatalf("no bash step running plancheck validate --format github on plans/**: %q %q", shell, validate)
	}

	// The hook: pre-commit runs entry with the matching files as arguments.
	data, err = os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct{ ID, Name, Entry, Language, Files string }
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 1 || hooks[0].ID != "plancheck-validate" || hooks[0].Language != "golang" || hooks[0].Name == "" {
		t.Fatalf("hooks: %+v", hooks)
	}
	entry := strings.Fields(hooks[0].Entry)
	if len(entry) < 2 || entry[0] != "plancheck" || entry[1] != "validate" {
		t.Fatalf("hook entry %q", hooks[0].Entry)
	}
	files, err := regexp.Compile(hooks[0].Files) // pre-commit searches with Python's re
	if err != nil {
		t.Fatal(err)
	}

	for _, repo := range ciRepos {
		t.Run(repo.name, func(t *testing.T) {
			dir := copyTree(t, filepath.Join("testdata", "planrepo", repo.name))
			code, stdout, stderr := ciRun(t, dir, bash, "--noprofile", "--norc", "-eo", "pipefail", "-c", validate)
			if code != repo.exit || stderr != "" || !slices.Equal(lines(stdout), repo.github) {
				t.Errorf("workflow: exit %d, want %d; stdout:\n%sstderr:\n%swant:\n%s", code, repo.exit, stdout, stderr, strings.Join(repo.github, "\n"))
			}

			var matched []string
			err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(dir, path)
				if rel = filepath.ToSlash(rel); files.MatchString(rel) {
					matched = append(matched, rel)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(matched) != 2 {
				t.Fatalf("the hook's files match %v", matched)
			}
			args := append(entry[1:], matched...)
			code, _, stderr = ciRun(t, dir, entry[0], args...)
			if code != repo.exit || !slices.Equal(lines(stderr), repo.text) {
				t.Errorf("hook: exit %d, want %d; stderr:\n%swant:\n%s", code, repo.exit, stderr, strings.Join(repo.text, "\n"))
			}
		})
	}
}

// lines splits output into its lines, none for no output.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}
