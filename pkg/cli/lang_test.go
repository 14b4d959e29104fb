package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// english finds English prose: three words of three letters or more in a row.
var english = regexp.MustCompile(`[A-Za-z]{3,}[,.]? [A-Za-z]{3,}[,.]? [A-Za-z]{3,}`)

// command is a plancheck command quoted in a sentence.
var command = regexp.MustCompile(`plancheck(?: [-\w@./*\[\]]+)*`)

// TestHelpHasNoEnglishProse: in Chinese, every command's help has no English
// sentence left: what remains in Latin letters is a command, a flag, a format
// or file name, or an example to type. In English, the same help has no
// Chinese but the plan's own words it quotes. A text that bypassed the
// catalogue shows up here.
func TestHelpHasNoEnglishProse(t *testing.T) {
	t.Setenv("PLANCHECK_LANG", "") // Chinese, whatever the developer's shell says
	commands := [][]string{{}, {"eval"}, {"inspect"}, {"plans"}, {"show"}, {"validate"}, {"template"}, {"help"}, {"completion"}, {"completion", "bash"}, {"completion", "powershell"}}
	for _, c := range commands {
		var out bytes.Buffer
		args := append(append([]string{}, c...), "-h")
		if code := Main(args, strings.NewReader(""), &out, &bytes.Buffer{}); code != ExitOK {
			t.Fatalf("plancheck %v: status %d", args, code)
		}
		for _, line := range strings.Split(out.String(), "\n") {
			trimmed := strings.TrimSpace(line)
			if strings.HasPrefix(trimmed, "plancheck ") || strings.HasPrefix(trimmed, "::error") {
				continue // an example to type
			}
			if m := english.FindString(command.ReplaceAllString(line, "")); m != "" {
				t.Errorf("plancheck %s: English left in the Chinese help: %q in\n%s", strings.Join(args, " "), m, line)
			}
			if strings.Contains(line, "(default ") {
				t.Errorf("plancheck %s: pflag's (default …) in the Chinese help:\n%s", strings.Join(args, " "), line)
			}
		}
	}
}

// TestErrorsHaveNoEnglishProse: in Chinese, the command line's own errors and
// hints hold no English sentence either. (The plan loader's and validation's
// messages, and those of broken files, are still English: not run here.)
func TestErrorsHaveNoEnglishProse(t *testing.T) {
	t.Setenv("PLANCHECK_LANG", "")
	dir := t.TempDir()
	sample := "../../testdata/2023.xlsx"
	// Files that are not workbooks: empty, an .xls saved under .xlsx, text,
	// and a directory.
	for name, data := range map[string]string{
		"empty.xlsx": "",
		"old.xlsx":   "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 512),
		"text.xlsx":  "指标,2021\n失业率,5.2\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.xlsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"eval", dir + "/empty.xlsx"},
		{"eval", dir + "/old.xlsx"},
		{"eval", dir + "/text.xlsx"},
		{"inspect", dir + "/folder.xlsx"},
		{"eval"},
		{"eval", "--format", "xml", sample},
		{"eval", "--fail-on", "some", sample},
		{"eval", "--strict", "--lenient", sample},
		{"eval", "--format", "xlsx", sample},
		{"eval", sample, "-o", dir + "/x.pdf"},
		{"eval", sample, "-o", sample},
		{"eval", sample, "-o", dir + "/missing/x.json"},
		{"eval", "--bom", "--format", "json", sample},
		{"eval", "--year", "2030", sample},
		{"eval", "--bogus", sample},
		{"inspect"},
		{"inspect", "--format", "csv", sample},
		{"plans", "extra"},
		{"plans", "--format", "xml"},
		{"show"},
		{"validate", "--format", "xml"},
		{"template"},
		{"template", "-o", dir + "/t.csv"},
		{"template", "-o", dir + "/t.xlsx", "--years", "soon"},
		{"template", "-o", dir + "/t.xlsx", "--years", "2025-2021"},
		{"template", "-o", dir + "/t.xlsx", "--years", "2030"},
		{"completion"},
		{"completion", "nosuch"},
	} {
		var stderr bytes.Buffer
		if code := Main(args, strings.NewReader(""), &bytes.Buffer{}, &stderr); code != ExitTrouble {
			t.Errorf("plancheck %s: status %d, want 2", strings.Join(args, " "), code)
		}
		for _, line := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
			line = strings.ReplaceAll(line, dir, "DIR")
			if m := english.FindString(command.ReplaceAllString(line, "")); m != "" {
				t.Errorf("plancheck %s: English left in a Chinese error: %q in\n%s", strings.Join(args, " "), m, line)
			}
		}
	}
}

// TestFlagErrorWorded: pflag's errors read in Chinese as the catalogue words
// them, and in English exactly as pflag writes them.
func TestFlagErrorWorded(t *testing.T) {
	for _, tc := range []struct {
		args []string
		zh   string
	}{
		{[]string{"--bogus"}, "未知的选项 --bogus"},
		{[]string{"-z"}, "未知的选项 -z"},
		{[]string{"-qz"}, "未知的选项 -z"},
		{[]string{"-zq"}, "未知的选项 -z（在 -zq 中）"},
		{[]string{"--plan"}, "选项 --plan 需要一个值"},
		{[]string{"-o"}, "选项 -o 需要一个值"},
		{[]string{"-qo"}, "选项 -o 需要一个值"},
		{[]string{"--year", "abc"}, `选项 --year 的值 "abc" 不是整数`},
		{[]string{"--bom=maybe"}, `选项 --bom 的值 "maybe" 应为 true 或 false`},
		{[]string{"-o=x", "-q=perhaps"}, `选项 -q, --quiet 的值 "perhaps" 应为 true 或 false`},
		{[]string{"---x"}, "选项写法有误：---x"},
	} {
		fs := pflag.NewFlagSet("eval", pflag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fs.String("plan", "", "")
		fs.StringP("output", "o", "", "")
		fs.BoolP("quiet", "q", false, "")
		fs.Int("year", 0, "")
		fs.Bool("bom", false, "")
		err := fs.Parse(tc.args)
		if err == nil {
			t.Fatalf("%v: pflag took it", tc.args)
		}
		if got := flagError(msg.Chinese, err).Error(); got != tc.zh {
			t.Errorf("%v: zh %q, want %q", tc.args, got, tc.zh)
		}
		if got := flagError(msg.English, err).Error(); got != err.Error() {
			t.Errorf("%v: en %q, want pflag's %q", tc.args, got, err.Error())
		}
	}
}
