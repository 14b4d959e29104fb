package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestHostileTextIsEscaped: control and bidirectional characters in a
// workbook's cells, a unit's name, a plan's title and names reach no
// terminal as themselves (ESC, BEL, an OSC 8 link, U+202E), in any command
// or format; a | or a line break in a name does not split a Markdown row.
func TestHostileTextIsEscaped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const esc, link, rlo = "\x1b[2J", "\x1b]8;;http://evil.example\x07点我\x1b]8;;\x07", "\u202e"
	// A CSV holds control characters as they are (an .xlsx cannot: XML
	// has no ESC), and its name is the sheet's.
	book := filepath.Join(dir, "2023年"+esc+".csv")
	csv := "区县,指标,2023年\n" +
		"街道" + esc + ",城镇新增就业人数,[9.3]\n" +
		"街道" + esc + ",城镇调查失业率,\"5.3" + link + "\"\n" +
		"街道" + rlo + "乙,城镇新增就业人数,3.1\n" +
		"街道" + rlo + "乙,城镇调查失业率,响铃\a\n"
	if err := os.WriteFile(book, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	planFile := filepath.Join(dir, "plan.yaml")
	shipped, err := os.ReadFile(filepath.Join("..", "..", "plans", "jlp-hrss-14th.v1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	hostile := regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(string(shipped), `title: "标题\e[31m九龙坡区"`)
	hostile = strings.Replace(hostile, "name: 城镇新增就业人数", `name: "城镇新增|就业人数\u202e"`, 1)
	if err := os.WriteFile(planFile, []byte(hostile), 0o644); err != nil {
		t.Fatal(err)
	}
	// A plan in a folder whose name holds ESC: validate's ok line, diff's
	// title and template's notes name it.
	escDir := filepath.Join(dir, "h"+esc+"X")
	escDirPlan := filepath.Join(escDir, "p.yaml")
	if err := os.MkdirAll(escDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(escDirPlan, shipped, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"eval", book, "--plan", "jlp-hrss-14th@1"},
		{"eval", book, "--plan", "jlp-hrss-14th@1", "--format", "markdown"},
		{"eval", book, "--plan", planFile, "--format", "markdown"},
		{"inspect", book, "--plan", "jlp-hrss-14th@1"},
		{"inspect", book, "--plan", "jlp-hrss-14th@1", "--lang", "en"},
		{"show", planFile},
		{"show", planFile, "--format", "markdown"},
		{"validate", escDirPlan},
		{"diff", "jlp-hrss-14th@1", escDirPlan},
		{"template", "--plan", escDirPlan, "-o", filepath.Join(escDir, "t.xlsx")},
		{"eval", filepath.Join(dir, "缺失"+esc+".xlsx")},
	} {
		code, stdout, stderr := runMain(args...)
		if code > 2 {
			t.Errorf("%q: status %d", args, code)
		}
		for name, out := range map[string]string{"stdout": stdout, "stderr": stderr} {
			if i := strings.IndexAny(out, "\x1b\a\u202e"); i >= 0 {
				t.Errorf("%q: %s holds a raw control at %d: %q", args, name, i, out[max(0, i-20):min(len(out), i+20)])
			}
		}
		if args[len(args)-1] == "markdown" {
			for _, line := range strings.Split(stdout, "\n") {
				if strings.HasPrefix(line, "|") && strings.Count(line, "|")-strings.Count(line, `\|`) != countCols(stdout) {
					t.Errorf("%q: a row split by a |: %q", args, line)
				}
			}
		}
		if !strings.Contains(stdout+stderr, `\x1b`) {
			t.Errorf("%q: no visible \\x1b in\n%s%s", args, stdout, stderr)
		}
	}
}

// countCols is the number of | on the first table line of a Markdown text.
func countCols(md string) int {
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "|") {
			return strings.Count(line, "|") - strings.Count(line, `\|`)
		}
	}
	return 0
}
