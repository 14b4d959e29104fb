package pipeline

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

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
		for _, y := range YearsInName(name) {
			got = append(got, strconv.Itoa(y))
		}
		if strings.Join(got, " ") != want {
			t.Errorf("YearsInName(%q) = %v, want %q", name, got, want)
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
	return &actuals.Table{Header: actuals.Header{File: "tie.xlsx", Sheet: "S", Layout: actuals.Wide, HeaderRow: 1,
		Columns: []actuals.Column{{Col: 1, Role: actuals.RoleName}, {Col: 2, Role: actuals.RoleYear, Year: 2020},
			{Col: 3, Role: actuals.RoleYear, Year: 2023}}},
		Rows: []actuals.TableRow{
			{Num: 2, Cells: []xlsx.Cell{cell("A2", 1, 2, "城镇新增就业人数"), num("B2", 2, 2, 3), num("C2", 3, 2, 3)}},
			{Num: 3, Cells: []xlsx.Cell{cell("A3", 1, 3, "专业技术人才总量"), num("B3", 2, 3, 13.2), num("C3", 3, 3, 14.1)}},
		}}
}

// TestBestPlanTie: both plans match both rows; the year decides.
func TestBestPlanTie(t *testing.T) {
	reg, err := plan.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	fit := func(tbl *actuals.Table) *actuals.Fit {
		f := actuals.NewFit(reg.All())
		f.Header(&tbl.Header)
		for _, r := range tbl.Rows {
			f.Row(r)
		}
		return f
	}
	// Both versions of 十四五 match both rows too: the newer one, the whole
	// plan, wins the tie with 专栏2 alone.
	for hint, want := range map[int]string{2023: "jlp-hrss-14th@2", 2020: "jlp-hrss-13th@1", 0: "jlp-hrss-14th@2"} {
		p, note, err := bestPlan(fit(tieTable()), "tie.xlsx", hint, msg.English)
		if err != nil {
			t.Fatal(err)
		}
		if p.Ref() != want || !strings.HasPrefix(note, "plan "+want+" (2 of 2 rows") {
			t.Errorf("hint %d: %s (%s), want %s", hint, p.Ref(), note, want)
		}
	}
	if got := yearHint(0, "tie.xlsx", fit(tieTable()).Latest); got != 2023 {
		t.Errorf("year hint from the table: %d", got)
	}
	empty := &actuals.Table{Header: actuals.Header{File: "e.xlsx", Layout: actuals.Wide}}
	if _, note, err := bestPlan(fit(empty), "e.xlsx", 0, msg.English); err == nil || note != "" ||
		err.Error() != "e.xlsx: no row matches an indicator of any embedded plan in a year of its period" {
		t.Errorf("no match: %q %v", note, err)
	}
}

func TestEvalYear(t *testing.T) {
	p, err := plan.Resolve("jlp-hrss-14th")
	if err != nil {
		t.Fatal(err)
	}
	latest := 2023 // values in 2022 and 2023, and a 2024 cell with no value
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
		{0, "2019.xlsx", "error: 2019.xlsx: year 2019 is outside the period 2021—2025 of jlp-hrss-14th@2"},
	} {
		y, how, err := evalYear(c.given, c.path, p, latest, msg.English)
		got := fmt.Sprintf("%d %s", y, how)
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != c.want {
			t.Errorf("evalYear(%d, %q) = %q, want %q", c.given, c.path, got, c.want)
		}
	}
}
