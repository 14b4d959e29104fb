package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// teamFolder writes a team's plan folder: team-plan@3 (a copy of the 十四五
// plan under another id, deep down, named as nothing in particular),
// aaa-team@1 twice with different titles (a conflict; its indicators are
// the 十四五 plan's, and its id sorts first, so it is the plan a 十四五
// workbook is matched to), a file that is not a valid plan, and a hidden
// folder with garbage in it.
func teamFolder(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "plans", "jlp-hrss-14th.v1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	as := func(id string, version int, title string) string {
		s := strings.Replace(string(src), "id: jlp-hrss-14th\nversion: 1\n", "id: "+id+"\nversion: "+string(rune('0'+version))+"\n", 1)
		if title != "" {
			s = strings.Replace(s, "\ntitle: ", "\ntitle: "+title, 1)
		}
		return s
	}
	dir := t.TempDir()
	for name, content := range map[string]string{
		"sub/deeper/whatever.yml": as("team-plan", 3, ""),
		"a/aaa.yaml":              as("aaa-team", 1, "甲"),
		"b/aaa-edited.yaml":       as("aaa-team", 1, "乙"),
		"bad.yaml":                "schema: plancheck/v1\nid: broken\nversion: x\n",
		".git/junk.yaml":          "garbage: [",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runMain(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Main(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestPlanFolders: --plans and PLANCHECK_PLANS add a folder's plans to every
// command that takes a plan; a bad file is one warning line; a conflict is an
// error naming both files only where its plan is used.
func TestPlanFolders(t *testing.T) {
	dir := teamFolder(t)
	book := filepath.Join("..", "..", "testdata", "2023.xlsx")
	bad := filepath.Join(dir, "bad.yaml")
	skipped := "plancheck: warning: skipped " + bad + ":1:1: plan: missing required field \"title\" (and 3 more; 'plancheck validate " + bad + "' lists them all)\n"
	conflict := "plancheck: error: conflicting plan files: " + filepath.Join(dir, "a", "aaa.yaml") + " and " + filepath.Join(dir, "b", "aaa-edited.yaml") + " both hold aaa-team@1, with different contents\n"
	out := filepath.Join(t.TempDir(), "blank.xlsx")
	for _, c := range []struct {
		name   string
		env    bool // the folder given by PLANCHECK_PLANS rather than --plans
		args   []string
		want   int
		stdout []string
		stderr []string // the whole of stderr when stdout is checked, else each in it
	}{
		{name: "plans", args: []string{"plans", "--format", "json"}, want: 0,
			stdout: []string{`"id": "team-plan",`, `"id": "aaa-team",`, `"id": "jlp-hrss-14th",`},
			stderr: []string{skipped, "plancheck: warning: conflicting plan files: "}},
		{name: "show by env", env: true, args: []string{"show", "team-plan"}, want: 0,
			stdout: []string{"team-plan@3  "}, stderr: []string{skipped}},
		{name: "show conflict", args: []string{"show", "aaa-team"}, want: 2,
			stderr: []string{skipped, conflict, "plancheck: hint: raise the version in one of the files"}},
		{name: "embedded still there", args: []string{"show", "jlp-hrss-13th@1"}, want: 0,
			stdout: []string{"jlp-hrss-13th@1  "}},
		{name: "eval --plan", args: []string{"eval", book, "--plan", "team-plan@3", "--fail-on", "none"}, want: 0,
			stdout: []string{"team-plan@3  "}},
		{name: "eval chooses the conflict", args: []string{"eval", book}, want: 2, stderr: []string{conflict}},
		{name: "inspect chooses the conflict", args: []string{"inspect", book}, want: 2, stderr: []string{conflict}},
		{name: "template", args: []string{"template", "--plan", "team-plan", "-o", out}, want: 0,
			stderr: []string{"wrote " + out + ": team-plan@3, 23 indicators"}},
		{name: "validate", args: []string{"validate"}, want: 1,
			stdout: []string{"ok  plans/jlp-hrss-14th.v1.yaml", "ok  " + filepath.Join(dir, "sub", "deeper", "whatever.yml") + "  team-plan@3"},
			stderr: []string{bad + ":3:10: version must be a whole number", filepath.Join(dir, "b", "aaa-edited.yaml") + ":1:1: conflicting plan files: ", "2 of 7 plan files invalid"}},
		{name: "missing folder", args: []string{"plans", "--plans", filepath.Join(dir, "nope")}, want: 2,
			stderr: []string{"plancheck: error: plan folder " + filepath.Join(dir, "nope") + ": ", "plancheck: hint: check the folders"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"--lang", "en"}, c.args...)
			if c.env {
				t.Setenv(plansEnvVar, string(os.PathListSeparator)+dir+string(os.PathListSeparator))
			} else {
				t.Setenv(plansEnvVar, "")
				args = append(args, "--plans", dir)
			}
			code, stdout, stderr := runMain(args...)
			if code != c.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, c.want, stderr)
			}
			for _, s := range c.stdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout)
				}
			}
			for _, s := range c.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
			if strings.Count(stderr, "skipped") > 1 || strings.Contains(stderr+stdout, "junk.yaml") {
				t.Errorf("a skipped file reported twice, or a hidden one read:\n%s", stderr)
			}
		})
	}
}

// TestPlanFoldersChinese: the warnings and errors of plan folders in Chinese.
func TestPlanFoldersChinese(t *testing.T) {
	t.Setenv(plansEnvVar, "")
	dir := teamFolder(t)
	bad := filepath.Join(dir, "bad.yaml")
	code, _, stderr := runMain("show", "aaa-team", "--plans", dir)
	want := "plancheck: 警告：跳过 " + bad + ":1:1: 规划缺少必填字段 title（另有 3 个问题；plancheck validate " + bad + " 列出全部）\n" +
		"plancheck: 错误：" + filepath.Join(dir, "a", "aaa.yaml") + " 和 " + filepath.Join(dir, "b", "aaa-edited.yaml") + " 都是规划 aaa-team@1，但内容不同\n" +
		"plancheck: 提示：给其中一个文件提高 version，或删去其中一个；plancheck validate 检查内置规划和规划文件夹\n"
	if code != 2 || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
}

// TestPlanFoldersErrorsWorded: the errors and warnings of plan folders and
// diff read in Chinese with no English left, as TestErrorsHaveNoEnglishProse
// holds the others.
func TestPlanFoldersErrorsWorded(t *testing.T) {
	t.Setenv("PLANCHECK_LANG", "")
	t.Setenv(plansEnvVar, "")
	dir := teamFolder(t)
	file := filepath.Join(dir, "bad.yaml")
	for _, args := range [][]string{
		{"plans", "--plans", filepath.Join(dir, "missing")},
		{"plans", "--plans", file},
		{"show", "aaa-team", "--plans", dir},
		{"template", "--plan", "aaa-team", "-o", filepath.Join(t.TempDir(), "t.xlsx"), "--plans", dir},
		{"diff", "jlp-hrss-14th"},
		{"diff", "jlp-hrss-14th", "jlp-hrss-13th", "--format", "xml"},
		{"diff", "jlp-hrss-14th", "nosuch"},
		{"diff", "jlp-hrss-14th", "aaa-team", "--plans", dir},
	} {
		checkErrorWorded(t, dir, args, ExitTrouble)
	}
	checkErrorWorded(t, dir, []string{"validate", "--plans", dir}, ExitFailed)
}

// TestPlanFoldersAddUp: --plans and PLANCHECK_PLANS together: the plans of
// every folder of both.
func TestPlanFoldersAddUp(t *testing.T) {
	one, two := t.TempDir(), t.TempDir()
	src, err := os.ReadFile(filepath.Join("testdata", "midterm.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for dir, id := range map[string]string{one: "one", two: "two"} {
		data := strings.Replace(string(src), "id: jlp-hrss-14th\n", "id: "+id+"\n", 1)
		if err := os.WriteFile(filepath.Join(dir, id+".yaml"), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv(plansEnvVar, two)
	code, stdout, stderr := runMain("plans", "--plans", one, "--format", "json")
	if code != 0 || stderr != "" || !strings.Contains(stdout, `"id": "one"`) || !strings.Contains(stdout, `"id": "two"`) || !strings.Contains(stdout, `"id": "jlp-hrss-13th"`) {
		t.Errorf("exit %d, stderr %q\n%s", code, stderr, stdout)
	}
	// The mid-term adjustment as a folder's plan: diff finds it by id.
	t.Setenv(plansEnvVar, string(os.PathListSeparator)+filepath.Join("testdata"))
	code, stdout, _ = runMain("diff", "jlp-hrss-14th@1", "jlp-hrss-14th", "--lang", "en")
	if code != 1 || !strings.HasPrefix(stdout, "jlp-hrss-14th@1 → jlp-hrss-14th@3: 11 changes\n") {
		t.Errorf("diff by id: exit %d\n%s", code, stdout)
	}
}

// TestPlanFoldersComplete: completion offers the folders' plans, and says
// nothing about their bad files.
func TestPlanFoldersComplete(t *testing.T) {
	t.Setenv(plansEnvVar, "")
	dir := teamFolder(t)
	for _, args := range [][]string{
		{"__complete", "show", "--plans", dir, "team"},
		{"__complete", "diff", "jlp-hrss-14th", "--plans", dir, "team"},
		{"__complete", "eval", "x.xlsx", "--plans", dir, "--plan", "team"},
	} {
		code, stdout, stderr := runMain(args...)
		if code != 0 || !strings.HasPrefix(stdout, "team-plan\t") || !strings.Contains(stdout, "\nteam-plan@3\t") || strings.Contains(stdout+stderr, "bad.yaml") {
			t.Errorf("%v: exit %d\n%s%s", args, code, stdout, stderr)
		}
	}
}
