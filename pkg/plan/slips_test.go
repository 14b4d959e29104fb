package plan_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// problemLines words a file's problems in l, each hint on a line of its own
// under its problem.
func problemLines(t *testing.T, path string, l msg.Lang) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = plan.Load(filepath.Base(path), data)
	var problems plan.Problems
	if !errors.As(err, &problems) {
		t.Fatalf("%s: got %v, want problems", path, err)
	}
	var lines []string
	for _, p := range problems {
		lines = append(lines, p.Text(l))
		if h := p.HintText(l); h != "" {
			lines = append(lines, l.T("prefix.hint")+h)
		}
	}
	return strings.Join(lines, "\n")
}

// TestSlips: each common slip in writing a plan by hand is reported at its
// line and column with a hint, in both languages, in place of (or beside)
// what the YAML parser says. The note of every fixture, a folded block,
// holds the same slips as text, which are not reported.
func TestSlips(t *testing.T) {
	for _, c := range []struct{ file, zh, en string }{
		{"bound.yaml",
			"bound.yaml:16:17: target 字段的值 >95 没有加引号：YAML 把开头的 > 读作折叠文本的标记\n提示：加上引号：target: \">95\"",
			"bound.yaml:16:17: target >95 is not quoted: YAML reads a leading > as the mark of folded text\nhint: quote it: target: \">95\""},
		// ≥95 is text to YAML, and fine; >= 97 is not.
		{"bound-ge.yaml",
			"bound-ge.yaml:16:19: baseline 字段的值 >= 97 没有加引号：YAML 把开头的 > 读作折叠文本的标记\n提示：加上引号：baseline: \">= 97\"",
			"bound-ge.yaml:16:19: baseline >= 97 is not quoted: YAML reads a leading > as the mark of folded text\nhint: quote it: baseline: \">= 97\""},
		{"list.yaml",
			"list.yaml:15:17: 指标“城镇新增就业人数”（jobs）的 target 字段：[15] 没有加引号，在这里是 YAML 列表，不是累计值\n提示：加上引号：target: \"[15]\"",
			"list.yaml:15:17: indicator \"jobs\" (城镇新增就业人数) target: [15] is not quoted, so it is a YAML list here, not a cumulative value\nhint: quote it: target: \"[15]\""},
		{"tab.yaml",
			"tab.yaml:14:1: 缩进中有制表符（Tab）\n提示：YAML 只能用空格缩进：把制表符换成空格",
			"tab.yaml:14:1: a tab in the indentation\nhint: YAML indents with spaces only: replace the tab with spaces"},
		{"colon.yaml",
			"colon.yaml:14:9: “unit：”用的是全角冒号，YAML 不把它读作字段名\n提示：字段名后要用半角冒号和一个空格：unit: 万人",
			"colon.yaml:14:9: unit： has a full-width colon, which YAML does not read as a key\nhint: write a half-width colon and a space after the key: unit: 万人"},
		// Deeper, the line parses as the rest of the name, and the
		// indicator has no unit: both are reported, the slip with its hint.
		{"colon-parsed.yaml",
			"colon-parsed.yaml:12:9: 指标缺少必填字段 unit\ncolon-parsed.yaml:14:11: “unit：”用的是全角冒号，YAML 不把它读作字段名\n提示：字段名后要用半角冒号和一个空格：unit: 万人",
			"colon-parsed.yaml:12:9: indicator: missing required field \"unit\"\ncolon-parsed.yaml:14:11: unit： has a full-width colon, which YAML does not read as a key\nhint: write a half-width colon and a space after the key: unit: 万人"},
	} {
		path := filepath.Join("testdata", "slips", c.file)
		if got := problemLines(t, path, msg.Chinese); got != c.zh {
			t.Errorf("%s in Chinese:\n%s\nwant:\n%s", c.file, got, c.zh)
		}
		if got := problemLines(t, path, msg.English); got != c.en {
			t.Errorf("%s in English:\n%s\nwant:\n%s", c.file, got, c.en)
		}
	}
}
