package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]string{
		"r.json": "json", "R.JSON": "json", "r.csv": "csv", "r.md": "markdown", "r.txt": "table", "r": "table",
		"r.xlsx": "xlsx",
		"r.pdf":  `r.pdf: no output format for ".pdf" files`,
	} {
		got, err := formatOf(path)
		if err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("formatOf(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestEvalFlags(t *testing.T) {
	cases := []struct {
		args    []string
		want    string // format fail-on year output plan
		wantErr string
	}{
		{[]string{"a.xlsx"}, "table binding 0  ", ""},
		{[]string{"a.xlsx", "-o", "r.json"}, "json binding 0 r.json ", ""},
		{[]string{"a.xlsx", "-o", "r.json", "--format", "csv"}, "csv binding 0 r.json ", ""},
		{[]string{"a.xlsx", "--year", "2023", "--fail-on", "any", "--plan", "jlp-hrss-14th@1"}, "table any 2023  jlp-hrss-14th@1", ""},
		{[]string{"a.xlsx", "--fail-on", "some"}, "", `unknown --fail-on "some"`},
		{[]string{"a.xlsx", "--format", "xml"}, "", `unknown format "xml"`},
		{[]string{"a.xlsx", "-o", "s.xlsx"}, "xlsx binding 0 s.xlsx ", ""},
		{[]string{"a.xlsx", "--format", "xlsx"}, "", "--format xlsx writes a workbook: name it with -o"},
		{[]string{"a.xlsx", "--year", "x"}, "", `invalid argument "x" for "--year"`},
		{[]string{"a.xlsx", "--strict", "--lenient"}, "", "--strict and --lenient cannot be used together"},
		{nil, "", "eval needs at least one workbook"},
	}
	for _, c := range cases {
		ios := &IOStreams{Out: &strings.Builder{}, ErrOut: &strings.Builder{}}
		var got *evalOptions
		cmd := newEvalCmd(ios, &globalOptions{}, func(o *evalOptions) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SetOut(ios.Out)
		cmd.SetErr(ios.ErrOut)
		err := cmd.Execute()
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) || got != nil {
				t.Errorf("%v: err %v, ran %v", c.args, err, got != nil)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", c.args, err)
			continue
		}
		s := strings.Join([]string{got.format, got.failOn, strconv.Itoa(got.year), got.output, got.planRef}, " ")
		if s != c.want {
			t.Errorf("%v: %q, want %q", c.args, s, c.want)
		}
	}
}

func TestCheckOutputAndAtomicWrite(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "2023.xlsx")
	if err := os.WriteFile(in, []byte("input"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := checkOutput(in, []string{in}); err == nil || !strings.Contains(err.Error(), "is one of the inputs") {
		t.Errorf("same path: %v", err)
	}
	link := filepath.Join(dir, "link.xlsx")
	if err := os.Symlink(in, link); err == nil {
		if err := checkOutput(link, []string{in}); err == nil {
			t.Error("a link to an input is accepted as output")
		}
	}
	if err := checkOutput(filepath.Join(dir, "out.json"), []string{in}); err != nil {
		t.Errorf("a new file: %v", err)
	}
	out := filepath.Join(dir, "out.json")
	if err := writeAtomic(out, []byte("{}")); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	info, _ := os.Stat(out)
	if string(data) != "{}" || info.Mode().Perm() != 0o644 {
		t.Errorf("wrote %q with mode %v", data, info.Mode())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 && len(entries) != 2 {
		t.Errorf("left files behind: %v", entries)
	}
	if err := writeAtomic(filepath.Join(dir, "no", "such", "dir.json"), []byte("x")); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}

func TestYearsInName(t *testing.T) {
	for name, want := range map[string]string{
		"2023.xlsx":                  "2023",
		"九龙坡2023年.xlsx":              "2023",
		"dir2019/2023.xlsx":          "2023", // only the base name counts
		"2021-2025规划.xlsx":           "",     // a span is the period, not the year
		"十四五2021—2025年指标2023.xlsx":   "2023",
		"九龙坡区2024年上报（2023年数据）.xlsx":  "2024 2023",
		"report_20230105.xlsx":       "", // a date, not a year
		"actuals.xlsx":               "",
		"v1999-final-2023-2023.xlsx": "1999",
	} {
		var got []string
		for _, y := range yearsInName(name) {
			got = append(got, strconv.Itoa(y))
		}
		if strings.Join(got, " ") != want {
			t.Errorf("yearsInName(%q) = %v, want %q", name, got, want)
		}
	}
}

// tieTable is a wide table whose two rows match both seed plans by name, with
// year columns 2020 (十三五) to 2023 (十四五).
func tieTable() *actuals.Table {
	cell := func(ref string, col, row int, text string) xlsx.Cell {
		return xlsx.Cell{Row: row, Col: col, Kind: xlsx.Text, Text: text}
	}
	num := func(ref string, col, row int, v float64) xlsx.Cell {
		return xlsx.Cell{Row: row, Col: col, Kind: xlsx.Number, Number: v, Text: strconv.FormatFloat(v, 'f', -1, 64)}
	}
	return &actuals.Table{File: "tie.xlsx", Sheet: "S", Layout: actuals.Wide, HeaderRow: 1,
		Columns: []actuals.Column{{Col: 1, Role: actuals.RoleName}, {Col: 2, Role: actuals.RoleYear, Year: 2020},
			{Col: 3, Role: actuals.RoleYear, Year: 2023}},
		Rows: []actuals.TableRow{
			{Num: 2, Cells: []xlsx.Cell{cell("A2", 1, 2, "城镇新增就业人数"), num("B2", 2, 2, 3), num("C2", 3, 2, 3)}},
			{Num: 3, Cells: []xlsx.Cell{cell("A3", 1, 3, "专业技术人才总量"), num("B3", 2, 3, 13.2), num("C3", 3, 3, 14.1)}},
		}}
}

// TestBestPlanTie: both plans match both rows; the year decides.
func TestBestPlanTie(t *testing.T) {
	for hint, want := range map[int]string{2023: "jlp-hrss-14th@1", 2020: "jlp-hrss-13th@1", 0: "jlp-hrss-14th@1"} {
		p, note, err := bestPlan(tieTable(), hint)
		if err != nil {
			t.Fatal(err)
		}
		if p.Ref() != want || !strings.HasPrefix(note, "plan "+want+" (2 of 2 rows") {
			t.Errorf("hint %d: %s (%s), want %s", hint, p.Ref(), note, want)
		}
	}
	if got := yearHint(0, "tie.xlsx", tieTable()); got != 2023 {
		t.Errorf("year hint from the table: %d", got)
	}
	empty := &actuals.Table{File: "e.xlsx", Layout: actuals.Wide}
	if _, note, err := bestPlan(empty, 0); err == nil || note != "" ||
		err.Error() != "e.xlsx: no row matches an indicator of any embedded plan in a year of its period" {
		t.Errorf("no match: %q %v", note, err)
	}
}

func TestEvalYear(t *testing.T) {
	p, err := plan.Resolve("jlp-hrss-14th")
	if err != nil {
		t.Fatal(err)
	}
	m := &actuals.Result{Table: &actuals.Table{}, Plan: p, Values: []actuals.Value{
		{Year: 2022, Kind: actuals.Amount}, {Year: 2023, Kind: actuals.Amount}, {Year: 2024, Kind: actuals.NoValue}}}
	for _, c := range []struct {
		given int
		path  string
		want  string
	}{
		{0, "2022.xlsx", "2022 from the file name"},
		{0, "data.xlsx", "2023 the latest year with a value"},
		{2024, "2022.xlsx", "2024 "},
		{0, "九龙坡区2024年上报（2023年数据）.xlsx", "2023 the file name holds 2024, 2023; 2023 is the latest year with a value"},
		{0, "2019与2024.xlsx", "error: 2019与2024.xlsx: the file name holds several years (2019, 2024)"},
		{0, "2019.xlsx", "error: 2019.xlsx: year 2019 is outside the period 2021—2025 of jlp-hrss-14th@1"},
	} {
		y, how, err := evalYear(c.given, c.path, m)
		got := fmt.Sprintf("%d %s", y, how)
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != c.want {
			t.Errorf("evalYear(%d, %q) = %q, want %q", c.given, c.path, got, c.want)
		}
	}
}
