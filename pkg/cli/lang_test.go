package cli

import (
	"archive/zip"
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

// englishWords finds English in an error: two words in a row (“no such”,
// “not a”), once what may stay in Latin letters in a Chinese message is
// taken out by notProse.
var englishWords = regexp.MustCompile(`[A-Za-z]{2,}[,.:;]? [A-Za-z]{2,}`)

// notProse is what a Chinese error may hold in Latin letters: a path or
// file name, a flag, a quoted value the user typed, a YAML line to write
// (better: up).
var notProse = regexp.MustCompile(`\b[a-z_]+: [a-z]+\b|DIR[^\s：，；）]*|[\w./-]+\.(?:xlsx|xlsm|xls|xml|yaml|json|csv|pdf)\b|--?[a-z][\w-]*|“[^”]*”|"[^"]*"`)

// stderrPrefix is how a line of stderr starts, in either language.
var stderrPrefix = regexp.MustCompile(`^plancheck: (?:错误：|提示：|警告：|error: |hint: |warning: )?`)

// missingKey is a catalogue key that T did not find, shown in brackets.
var missingKey = regexp.MustCompile(`\[[a-z]+\.[a-z0-9.-]+\]`)

// command is a plancheck command quoted in a sentence.
var command = regexp.MustCompile(`plancheck(?: [-\w@./*\[\]]+)*`)

// TestHelpHasNoEnglishProse: in Chinese, every command's help has no English
// sentence left: what remains in Latin letters is a command, a flag, a format
// or file name, or an example to type. In English, the same help has no
// Chinese but the plan's own words it quotes. A text that bypassed the
// catalogue shows up here.
func TestHelpHasNoEnglishProse(t *testing.T) {
	t.Setenv("PLANCHECK_LANG", "") // Chinese, whatever the developer's shell says
	commands := [][]string{{}, {"eval"}, {"inspect"}, {"plans"}, {"show"}, {"validate"}, {"template"}, {"schema"}, {"new-plan"}, {"help"}, {"completion"}, {"completion", "bash"}, {"completion", "powershell"}}
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

// TestErrorsHaveNoEnglishProse: in Chinese, every error and hint — the
// command line's own, the plan loader's and validation's, and a broken
// workbook's — holds no English; and each reads differently in English, so
// none bypassed the catalogue (checkErrorWorded).
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
		"bad.yaml":   brokenPlan,
		"slips.yaml": slipsPlan,
		"tab.yaml":   strings.Replace(slipsPlan, "        target: >95\n", "\ttarget: \">95\"\n", 1),
		"prose.txt":  "一段正文。\n",
		"nyear.txt":  "指标\t基数\t目标\n1.a（个）\t1\t2\n",
		"table.txt":  "专栏2 主要指标\n指标\t2020年基数\t2025年目标\n1.a（个）\t1\t2\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.xlsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeDamaged(t, sample, filepath.Join(dir, "damaged.xlsx"))
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
		{"eval", "--plan", "nosuch", sample},
		{"eval", "--plan", "jlp-hrss-14th@9", sample},
		{"eval", "--plan", "jlp-hrss-14th@x", sample},
		{"eval", "--plan", dir + "/bad.yaml", sample},
		{"eval", "--plan", dir + "/missing.yaml", sample},
		{"show", "nosuch"},
		{"template", "nosuch", "-o", dir + "/t.xlsx"},
		{"validate", dir + "/missing.yaml"},
		{"eval", dir + "/damaged.xlsx"},
		{"inspect", dir + "/damaged.xlsx"},
		{"new-plan"},
		{"new-plan", "--from", dir + "/table.txt"},
		{"new-plan", "--from", dir + "/table.txt", "--id", "Bad_ID"},
		{"new-plan", "--from", dir + "/table.txt", "--id", "x", "--period", "soon"},
		{"new-plan", "--from", dir + "/missing.txt", "--id", "x"},
		{"new-plan", "--from", dir + "/prose.txt", "--id", "x"},
		{"new-plan", "--from", dir + "/nyear.txt", "--id", "x"},
		{"new-plan", "--from", dir + "/nyear.txt", "--id", "x", "--title", "t"},
		{"new-plan", "--from", dir + "/table.txt", "--id", "x", "--table", "专栏9"},
		{"new-plan", "--from", dir + "/table.txt", "--id", "x", "-o", dir + "/table.txt"},
		{"new-plan", "--from", dir + "/nyear.txt", "--id", "x", "-o", dir + "/bad.yaml"},
	} {
		checkErrorWorded(t, dir, args, ExitTrouble)
	}
	// Invalid plans: problems at file:line:col, status 1.
	checkErrorWorded(t, dir, []string{"validate", dir + "/bad.yaml"}, ExitFailed)
	// Slips, each with its hint: an unquoted bound, a full-width colon, a tab.
	checkErrorWorded(t, dir, []string{"validate", dir + "/slips.yaml", dir + "/tab.yaml"}, ExitFailed)
	checkErrorWorded(t, dir, []string{"eval", "--plan", dir + "/slips.yaml", sample}, ExitTrouble)
}

// brokenPlan has a problem of each kind the loader reports: a field that is not
// one, a duplicate id, an expression it cannot parse, a target that says no
// direction, an unknown attribute, and a unit plancheck does not know (a
// warning).
const brokenPlan = `schema: plancheck/plan/v1
id: Bad_Plan
version: 0
title: 坏规划
period: {start: 2021, end: 2020}
baseline_year: 2020
colour: red
groups:
  - name: 一、就业
    indicators:
      - id: jobs
        name: 城镇新增就业人数
        unit: 万个人
        target: "≥≥95"
        attribute: 必须性
      - id: jobs
        name: 城镇新增就业人数
        unit: "%"
        target: "95"
        judge: sometimes
`

// slipsPlan has a slip of writing YAML by hand: an unquoted bound.
const slipsPlan = `schema: plancheck/v1
id: slips
version: 1
title: 测试规划
period: {start: 2021, end: 2025}
groups:
  - name: 一、就业
    indicators:
      - id: jobs
        name: 城镇新增就业人数
        unit：万人
        target: >95
`

// writeDamaged writes a copy of the sample workbook whose sheet names a
// shared string the workbook does not have.
func writeDamaged(t *testing.T, sample, dest string) {
	t.Helper()
	zr, err := zip.OpenReader(sample)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>999</v></c></row></sheetData></worksheet>`)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dest, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkErrorWorded runs plancheck with args in Chinese and in English: both
// end with status want; the Chinese stderr holds no English words (beyond
// what notProse allows) and no missing key; and the two differ on every line
// but a bare file:line:col, since a text that bypassed the catalogue reads
// the same in both.
func checkErrorWorded(t *testing.T, dir string, args []string, want int) {
	t.Helper()
	run := func(lang string) []string {
		var stderr bytes.Buffer
		all := append([]string{"--lang", lang}, args...)
		if code := Main(all, strings.NewReader(""), &bytes.Buffer{}, &stderr); code != want {
			t.Errorf("plancheck %s: status %d, want %d\n%s", strings.Join(all, " "), code, want, stderr.String())
		}
		return strings.Split(strings.TrimSpace(strings.ReplaceAll(stderr.String(), dir, "DIR")), "\n")
	}
	zh, en := run("zh"), run("en")
	name := strings.Join(args, " ")
	for i, line := range zh {
		bare := notProse.ReplaceAllString(command.ReplaceAllString(line, ""), "")
		if m := englishWords.FindString(bare); m != "" {
			t.Errorf("plancheck %s: English left in a Chinese error: %q in\n%s", name, m, line)
		}
		if m := missingKey.FindString(line); m != "" {
			t.Errorf("plancheck %s: a key missing from the catalogue: %s in\n%s", name, m, line)
		}
		body := stderrPrefix.ReplaceAllString(line, "")
		if i < len(en) && body == stderrPrefix.ReplaceAllString(en[i], "") && !strings.HasPrefix(body, "plancheck ") {
			t.Errorf("plancheck %s: the same in Chinese and English, so not from the catalogue:\n%s", name, line)
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
