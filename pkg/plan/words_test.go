package plan_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// englishProse finds what a Chinese message must not hold: three ASCII words
// in a row (field names and YAML values stand alone or in pairs, as in
// "better: up"), or a word only English prose uses.
var englishProse = regexp.MustCompile(`[A-Za-z_]{2,}[^\p{Han}“”（）：，；、A-Za-z_]+[A-Za-z_]{2,}[^\p{Han}“”（）：，；、A-Za-z_]+[A-Za-z_]{2,}|\b(?:must|not|the|unknown|indicator|plan|group|expression|number|field|missing|duplicate|line)\b`)

// yamlDetail is the YAML parser's own text after a syntax error: the library
// words it, in English only.
var yamlDetail = regexp.MustCompile(`YAML 语法错误：.*$`)

// TestProblemsInChinese: every problem of every broken file of TestLoadProblems
// words in Chinese with no English prose, and in English as Error has it.
func TestProblemsInChinese(t *testing.T) {
	for text, want := range map[string]bool{"must be text": true, "缺少 unknown": true, "better: up 或 better: down": false, "（可用字段：id、name、unit）": false} {
		if englishProse.MatchString(text) != want {
			t.Fatalf("englishProse on %q: %v, want %v", text, !want, want)
		}
	}
	for _, c := range problemCases() {
		t.Run(c.name, func(t *testing.T) {
			_, err := plan.Load("f.yaml", []byte(c.src))
			var problems plan.Problems
			if !errors.As(err, &problems) {
				t.Fatalf("got %v, want problems", err)
			}
			if got := problems.Text(msg.English); got != problems.Error() {
				t.Errorf("in English:\n%s\nError:\n%s", got, problems.Error())
			}
			for i, p := range problems {
				zh := p.Message(msg.Chinese)
				if !strings.HasPrefix(p.Text(msg.Chinese), "f.yaml:") {
					t.Errorf("problem %d lost its place: %s", i, p.Text(msg.Chinese))
				}
				if bad := englishProse.FindString(yamlDetail.ReplaceAllString(zh, "")); bad != "" {
					t.Errorf("problem %d has English %q: %s", i, bad, zh)
				}
				if strings.ContainsAny(zh, "\n") || strings.Contains(zh, "%!") || strings.Contains(zh, "[plan.") || strings.Contains(zh, "[expr.") {
					t.Errorf("problem %d is badly worded: %q", i, zh)
				}
				if !regexp.MustCompile(`\p{Han}`).MatchString(zh) {
					t.Errorf("problem %d is not Chinese: %s", i, zh)
				}
			}
		})
	}
}

// TestProblemOnOneLine: a value with a line break in it is quoted in either
// language, so that a problem stays one line.
func TestProblemOnOneLine(t *testing.T) {
	src := header + "      - id: x\n        name: 指标\n        unit: \"%\"\n        target: \"≥≥\\n95\"\n"
	_, err := plan.Load("f.yaml", []byte(src))
	var problems plan.Problems
	if !errors.As(err, &problems) || len(problems) != 1 {
		t.Fatalf("got %v, want one problem", err)
	}
	for _, l := range []msg.Lang{msg.English, msg.Chinese} {
		if got := problems[0].Text(l); strings.Contains(got, "\n") || !strings.Contains(got, `≥≥\n95`) {
			t.Errorf("%s: %q", l, got)
		}
	}
}

// TestErrorsInChinese: the errors of finding and reading a plan word in
// Chinese, and sentinels still match.
func TestErrorsInChinese(t *testing.T) {
	reg := testRegistry(t)
	dir := t.TempDir()
	missing := filepath.Join(dir, "none.yaml")
	for _, c := range []struct {
		ref, want string
	}{
		{"c", `未知的规划“c”（可用的规划：a、b）`},
		{"a@3", "a 没有第 3 版（已有版本：1、2）"},
		{"a@x", "规划引用“a@x”有误：@ 后的版本应为从 1 起的整数"},
		{"", "规划引用为空"},
		{missing, missing + "：规划文件不存在"},
		{dir + "/", dir + "/ 是目录，不是规划文件"},
	} {
		_, err := reg.Resolve(c.ref)
		if got := msg.Text(err, msg.Chinese); got != c.want {
			t.Errorf("Resolve(%q) in Chinese = %q, want %q", c.ref, got, c.want)
		}
	}
	if _, err := reg.Resolve("c"); !errors.Is(err, plan.ErrUnknownPlan) {
		t.Errorf("unknown id: %v is not ErrUnknownPlan", err)
	}
	if _, err := reg.Resolve(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v is not os.ErrNotExist", err)
	}

	_, err := plan.Load("big.yaml", make([]byte, plan.MaxFileSize+1))
	if got, want := msg.Text(err, msg.Chinese), "big.yaml：规划文件过大（超过 1048576 字节）"; got != want {
		t.Errorf("too large in Chinese = %q, want %q", got, want)
	}
	if got, want := err.Error(), "big.yaml: plan file too large (over 1048576 bytes)"; got != want {
		t.Errorf("too large = %q, want %q", got, want)
	}
	if !errors.Is(err, plan.ErrTooLarge) {
		t.Errorf("%v is not ErrTooLarge", err)
	}

	p, err := reg.Resolve("a@1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := plan.NewRegistry(p, p); msg.Text(err, msg.Chinese) != "plans/a.v1.yaml 和 plans/a.v1.yaml 都是规划 a@1" {
		t.Errorf("same plan twice: %q", msg.Text(err, msg.Chinese))
	}
	if err := plan.CheckEmbeddedName("plans/b.v1.yaml", p); msg.Text(err, msg.Chinese) != "plans/b.v1.yaml 中是规划 a@1，因此文件名应为 a.v1.yaml" {
		t.Errorf("embedded name: %q", msg.Text(err, msg.Chinese))
	}
}

// TestKeysInCatalogue: every key the loader passes to errorf and checkf (which
// pkg/msg's TestKeysUsed does not see) is in the catalogue.
func TestKeysInCatalogue(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`"((?:plan|expr)\.[a-z.-]+)"`)
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			found++
			if !msg.Has(msg.Key(m[1])) {
				t.Errorf("%s: key %q is not in the catalogue", f, m[1])
			}
		}
	}
	if found < 50 {
		t.Errorf("found %d keys: the scan is broken", found)
	}
}
