package plan_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// writeFiles writes name → content under dir, making folders as needed.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestWithFolders(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		// Found at any depth, whatever the name, by the id and version inside.
		"team/c.yaml":           planFile("c", 1, ">1"),
		"team/deep/er/any.yml":  planFile("c", 2, ">2"),
		"team/Upper.YAML":       planFile("d", 1, ">3"),
		"team/notes.txt":        "not a plan",
		"team/.git/x.yaml":      planFile("hidden", 1, ">1"), // hidden folders are passed over
		"team/.swap.yaml":       "garbage: [",
		"team/bad.yaml":         planFile("e", 1, "≥≥1"), // skipped, whole
		"team/copy-of-a.yaml":   planFile("a", 2, ">95"), // the same as the registry's a@2: one plan
		"team/again/c.yaml":     "# a comment\n" + planFile("c", 1, ">1"),
		"team/b-edited.yaml":    planFile("b", 1, ">51"), // b@1 with other contents: a conflict
		"other/f.yaml":          planFile("f", 1, ">1"),
		"other/copy-of-f.yaml":  strings.Replace(planFile("f", 1, ">1"), "title: 测试规划", "title: \"测试规划\"", 1),
		"other/reordered.yaml":  reorder(planFile("g", 1, ">1")),
		"other/g.yaml":          planFile("g", 1, ">1"),
		"other/sub/.hidden.yml": planFile("h", 1, ">1"),
	})
	base := testRegistry(t)
	reg, skipped, err := base.WithFolders([]string{filepath.Join(dir, "team"), filepath.Join(dir, "other")})
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, p := range reg.All() {
		refs = append(refs, p.Ref())
	}
	if got := strings.Join(refs, " "); got != "a@1 a@2 b@1 c@1 c@2 d@1 f@1 g@1" {
		t.Errorf("plans %s", got)
	}
	if len(skipped) != 1 || skipped[0].File != filepath.Join(dir, "team", "bad.yaml") {
		t.Fatalf("skipped %v", skipped)
	}
	var problems plan.Problems
	if !errors.As(skipped[0].Err, &problems) || !strings.Contains(problems[0].String(), "two operators") {
		t.Errorf("skipped for %v", skipped[0].Err)
	}
	// The registry it was made from is left as it was.
	if n := len(base.All()); n != 3 {
		t.Errorf("base registry has %d plans", n)
	}

	// The newest c is the one found deep down.
	if p, err := reg.Resolve("c"); err != nil || p.Version != 2 || !strings.HasSuffix(p.File, "any.yml") {
		t.Errorf("c: %v %v", p, err)
	}
	// A conflict is an error naming both files, only when its plan is used.
	if _, err := reg.Resolve("a"); err != nil {
		t.Errorf("a: %v", err)
	}
	_, err = reg.Resolve("b")
	if !errors.Is(err, plan.ErrConflict) {
		t.Fatalf("b: %v is not ErrConflict", err)
	}
	want := "conflicting plan files: plans/b.v1.yaml and " + filepath.Join(dir, "team", "b-edited.yaml") + " both hold b@1, with different contents"
	if err.Error() != want {
		t.Errorf("b:\n got %s\nwant %s", err, want)
	}
	if got := msg.Text(err, msg.Chinese); !strings.Contains(got, "都是规划 b@1，但内容不同") {
		t.Errorf("b in Chinese: %s", got)
	}
	if len(reg.Conflicts()) != 1 || reg.Conflict(reg.All()[2]) == nil || reg.Conflict(reg.All()[0]) != nil {
		t.Errorf("conflicts %v", reg.Conflicts())
	}
}

// reorder moves the plan's title to the end: the same mapping.
func reorder(src string) string {
	lines := strings.Split(src, "\n")
	var title string
	var out []string
	for _, l := range lines {
		if strings.HasPrefix(l, "title:") {
			title = l
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n") + title + "\n"
}

func TestWithFoldersEmbeddedConflict(t *testing.T) {
	emb, err := plan.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join("..", "..", "plans", "jlp-hrss-14th.v1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"copy.yaml": string(src)})
	reg, skipped, err := emb.WithFolders([]string{dir})
	if err != nil || len(skipped) > 0 {
		t.Fatal(err, skipped)
	}
	if _, err := reg.Resolve("jlp-hrss-14th"); err != nil {
		t.Errorf("a copy of an embedded plan: %v", err)
	}
	writeFiles(t, dir, map[string]string{"copy.yaml": strings.Replace(string(src), "九龙坡区", "某区", 1)})
	reg, _, err = emb.WithFolders([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	_, err = reg.Resolve("jlp-hrss-14th@1")
	if got := msg.Text(err, msg.Chinese); got != "内置的 plans/jlp-hrss-14th.v1.yaml 和 "+filepath.Join(dir, "copy.yaml")+" 都是规划 jlp-hrss-14th@1，但内容不同" {
		t.Errorf("edited copy of an embedded plan: %s", got)
	}
	if _, err := reg.Resolve("jlp-hrss-13th"); err != nil {
		t.Errorf("another plan: %v", err)
	}
}

func TestWithFoldersErrors(t *testing.T) {
	reg := testRegistry(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "plan.yaml")
	writeFiles(t, dir, map[string]string{"plan.yaml": planFile("x", 1, ">1")})
	for _, c := range []struct{ dir, zh string }{
		{filepath.Join(dir, "missing"), "规划文件夹 " + filepath.Join(dir, "missing") + " 不存在"},
		{file, file + " 不是文件夹；--plans 和 PLANCHECK_PLANS 给的是规划文件所在的文件夹"},
	} {
		_, _, err := reg.WithFolders([]string{c.dir})
		if got := msg.Text(err, msg.Chinese); got != c.zh {
			t.Errorf("%s: %q, want %q", c.dir, got, c.zh)
		}
	}
}

func TestWithFoldersLinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"real/p.yaml": planFile("p", 1, ">1")})
	// A link to a folder above it would loop if it were followed.
	if err := os.Symlink(dir, filepath.Join(dir, "real", "loop")); err != nil {
		t.Fatal(err)
	}
	// The folder given may itself be a link; its files are named under it.
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Fatal(err)
	}
	reg, skipped, err := testRegistry(t).WithFolders([]string{link})
	if err != nil || len(skipped) > 0 {
		t.Fatal(err, skipped)
	}
	p, err := reg.Resolve("p")
	if err != nil || p.File != filepath.Join(link, "p.yaml") {
		t.Errorf("p: %v %v", p, err)
	}
}
