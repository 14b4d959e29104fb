package actuals

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

func indicator(t *testing.T, p *plan.Plan, id string) *plan.Indicator {
	t.Helper()
	for _, ind := range p.Indicators() {
		if ind.ID == id {
			return ind
		}
	}
	t.Fatalf("no indicator %s", id)
	return nil
}

// TestReadValue: every form a value cell can take (spec §3), for a rate, a
// cumulative count and a ratio.
func TestReadValue(t *testing.T) {
	p14, p13 := plan14(t), plan13(t)
	rate := indicator(t, p14, "surveyed-unemployment-rate") // %
	jobs := indicator(t, p14, "urban-new-jobs")             // 万人, [15]
	ratio := indicator(t, p13, "professional-title-ratio")  // 15:45:40
	text := func(s string) xlsx.Cell { return xlsx.Cell{Kind: xlsx.Text, Text: s} }
	num := func(v float64) xlsx.Cell { return xlsx.Cell{Kind: xlsx.Number, Number: v, Text: fmt.Sprint(v)} }
	cases := []struct {
		ind  *plan.Indicator
		cell xlsx.Cell
		want string // kind number/parts unit, or "bad: reason"
	}{
		{rate, num(5.2), "amount 5.2"},
		{rate, text("43.6"), "amount 43.6"},
		{rate, text("４３．６"), "amount 43.6"},
		{rate, text(" 5.4 "), "amount 5.4"},
		{rate, text("96.5%"), "amount 96.5 %"},
		{rate, text("96.5％"), "amount 96.5 %"},
		{jobs, text("1,234"), "amount 1234"},
		{jobs, text("１，２３４"), "amount 1234"},
		{jobs, text("-3"), "amount -3"},
		{rate, xlsx.Cell{Kind: xlsx.Number, Number: 0.9615, Text: "0.9615", Percent: true, Format: "0%"}, "amount 96.15 %"},
		{rate, xlsx.Cell{Kind: xlsx.Text, Formula: true, Text: "0.9615", Percent: true, Format: "0%"}, "amount 96.15 %"},
		{jobs, xlsx.Cell{Kind: xlsx.Text, Formula: true, Text: "3.25"}, "amount 3.25"},
		{jobs, text("[27]"), "total 27"},
		{jobs, text("［２７］"), "total 27"},
		{jobs, text("[ 9.4 ]"), "total 9.4"},
		{ratio, text("16:47:37"), "ratio [16 47 37]"},
		{ratio, text("16：47：37"), "ratio [16 47 37]"},
		// no value
		{rate, text("—"), "none"}, {rate, text("——"), "none"}, {rate, text("-"), "none"}, {rate, text("－"), "none"},
		{rate, text("/"), "none"}, {rate, text(""), "none"}, {rate, text("  "), "none"}, {rate, text("无"), "none"},
		{rate, text("N/A"), "none"}, {rate, text("n/a"), "none"}, {rate, text("NA"), "none"},
		{rate, xlsx.Cell{Kind: xlsx.Blank}, "none"}, {ratio, text("—"), "none"},
		// bad
		{rate, text("九十五"), "bad: not a number"},
		// A text longer than any value is not read through (issue 14).
		{jobs, text("约" + strings.Repeat(" ", maxValueText) + "9.3"), "bad: not a number"},
		{jobs, text("约" + strings.Repeat(" ", maxValueText-10) + "9.3"), "amount 9.3"},
		// Minus zero and a denormal are zero (issue 14): no output prints -0.
		{rate, num(math.Copysign(0, -1)), "amount 0"},
		{rate, num(5e-324), "amount 0"},
		{rate, text("-0"), "amount 0"},
		// Only full-width digits fold (issue 14): 5.3¹ is not 5.31.
		{rate, text("５．３"), "amount 5.3"},
		{rate, text("5.3¹"), `bad: "¹" is not a plain digit (a superscript, subscript or circled number) and is not read as a number`},
		{rate, text("96.5²"), `bad: "²" is not a plain digit (a superscript, subscript or circled number) and is not read as a number`},
		{rate, text("5₃"), `bad: "₃" is not a plain digit (a superscript, subscript or circled number) and is not read as a number`},
		{rate, text("⑤"), `bad: "⑤" is not a plain digit (a superscript, subscript or circled number) and is not read as a number`},
		{rate, text("5.2万"), "amount 5.2 ×万"}, // and then a bad cell: 万 multiplies no % (TestValuesAsTyped)
		{rate, text("1,23"), "bad: not a number"},
		{rate, text("[5.2]"), "bad: a bracketed total, but 城镇调查失业率 is not a cumulative ([X]) indicator"},
		{jobs, text("[abc]"), "bad: not a number inside the brackets"},
		{rate, text("1:2"), "bad: a ratio, but 城镇调查失业率 is not a ratio indicator"},
		{ratio, text("16:84"), "bad: a ratio of 2 parts, but the target 15:45:40 has 3"},
		{ratio, text("16::37"), "bad: not a ratio like 16:47:37"},
		{ratio, num(16), "bad: 16 is a number, but 高、中、初级专业技术人才比例 is a ratio like 16:47:37"},
		{ratio, text("16"), "bad: 16 is a number, but 高、中、初级专业技术人才比例 is a ratio like 16:47:37"},
		{rate, xlsx.Cell{Kind: xlsx.Number, Number: 45000, Text: "45000", Date: true, Format: "yyyy/m/d"}, `bad: a date (format "yyyy/m/d") where a number belongs`},
		{rate, xlsx.Cell{Kind: xlsx.Text, Text: "2023-05-01", Date: true}, "bad: a date where a number belongs"},
		{rate, xlsx.Cell{Kind: xlsx.Error, Text: "#DIV/0!"}, "bad: the cell holds the error #DIV/0!"},
		{rate, xlsx.Cell{Kind: xlsx.Error, Text: "#N/A"}, "none"},
		{rate, xlsx.Cell{Kind: xlsx.Bool, Text: "FALSE"}, "bad: FALSE is not a number"},
	}
	for _, c := range cases {
		pv, reason := readValue(c.cell, c.ind, msg.English)
		got := ""
		switch {
		case reason != "":
			got = "bad: " + reason
		case pv.kind == NoValue:
			got = "none"
		case pv.kind == Parts:
			got = fmt.Sprintf("ratio %v", pv.parts)
		default:
			got = fmt.Sprintf("%s %s", pv.kind, formatNumber(pv.number))
			if pv.unit != "" {
				got += " " + pv.unit
			}
			if pv.multiplier != "" {
				got += " ×" + pv.multiplier
			}
		}
		if got != c.want {
			t.Errorf("%s %q (%+v): %s, want %s", c.ind.ID, c.cell.Text, c.cell, got, c.want)
		}
	}
}

// TestUnitsAndWarnings: a row's unit converts exactly (人 → 万人, 万人次 →
// 人次 …) or is an error; implausible values and fraction-like percentages are
// warnings with their cells.
func TestUnitsAndWarnings(t *testing.T) {
	rows := grid(
		[]any{"指标", "单位", "2021年", "2022年"},
		[]any{"城镇新增就业人数", "人", 31000, "[62,000]"},
		[]any{"开展补贴性职业技能培训人次", "人次", 8000, nil},
		[]any{"城镇调查失业率", nil, 0.052, 105},
		[]any{"失业保险参保人数", "万人", -1, nil},
		[]any{"基本养老保险参保率（%）", "%", pct(0.97), "97%"},
		[]any{"社会保障卡持卡人数", "元", 1, nil},
	)
	_, err := Match(tableOf(t, rows), plan14(t), Options{})
	equalLines(t, "errors", []string{fmt.Sprint(err)}, []string{
		`2023.xlsx: 表1!C7: "1": the row's unit 元 does not convert to 万人, the unit of 社会保障卡持卡人数`,
	})
	res, err := Match(tableOf(t, rows[:len(rows)-1]), plan14(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	equalLines(t, "values", values(res), []string{
		"urban-new-jobs 2021 amount 3.1 表1!C2 (31000 人 → 3.1 万人)",
		"urban-new-jobs 2022 total 6.2 表1!D2 (62000 人 → 6.2 万人)",
		"subsidised-skills-training 2021 amount 0.8 表1!C3 (8000 人次 → 0.8 万人次)",
		"surveyed-unemployment-rate 2021 amount 0.052 表1!C4",
		"surveyed-unemployment-rate 2022 amount 105 表1!D4",
		"unemployment-insurance-enrolment 2021 amount -1 表1!C5",
		"pension-insurance-coverage 2021 amount 97 表1!C6 (0.97 in a 0% cell → 97 %)",
		"pension-insurance-coverage 2022 amount 97 表1!D6",
	})
	equalLines(t, "warnings", issues(res.Warnings), []string{
		`2023.xlsx: 表1!C4: "0.052": 0.052 looks like a fraction for a % indicator: write 5.2, or format the cell as a percentage`,
		`2023.xlsx: 表1!D4: "105": 105 % is not a plausible rate`,
		`2023.xlsx: 表1!C5: "-1": -1 万人 is a negative count`,
	})
}

// TestMatchByIDAndNumber: an id column matches the plan's id or the
// indicator's number in its 专栏; names match after numbering and the unit are
// removed, then aliases.
func TestMatchByIDAndNumber(t *testing.T) {
	rows := grid(
		[]any{"编号", "指标名称", "2023"},
		[]any{"urban-new-jobs", "随便写的名字", 3.1},
		[]any{7, nil, 96},
		[]any{"16.", nil, 400},
		[]any{nil, "（2）城镇调查失业率 （%）", 5.1},
		[]any{nil, "一、养老保险参保率", 97},
		[]any{"99", "未知指标", 1},
	)
	res, err := Match(tableOf(t, rows), plan14(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res.Rows {
		got = append(got, fmt.Sprintf("%d %s %s %s", r.Row, r.Cell, r.Indicator, r.By))
	}
	equalLines(t, "rows", got, []string{
		"2 A2 urban-new-jobs id",
		"3 A3 medical-insurance-coverage number",
		"4 A4 new-senior-title-professionals number",
		"5 B5 surveyed-unemployment-rate name",
		"6 B6 pension-insurance-coverage alias",
		"7 A7  unmatched",
	})
}

// TestLongWithoutEntities: a long table of one reporting unit.
func TestLongWithoutEntities(t *testing.T) {
	rows := grid(
		[]any{"指标", "年度", "实际值", "完成情况"},
		[]any{"城镇新增就业人数", "2021年", 3.1, nil},
		[]any{"城镇新增就业人数", 2022, 3.0, nil},
		[]any{"城镇新增就业人数", "２０２３", "[9.4]", "符合预期"},
		[]any{"城镇调查失业率", "去年", 5.2, nil},
		[]any{"城镇调查失业率", nil, 5.3, nil},
	)
	_, err := Match(tableOf(t, rows), plan14(t), Options{})
	if err == nil || err.Error() != "2023.xlsx: 表1!B5: \"去年\": not a year\n2023.xlsx: 表1!C6: \"5.3\": a value with no year in its row" {
		t.Errorf("got %v", err)
	}
	res, err := Match(tableOf(t, rows[:4]), plan14(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	equalLines(t, "values", values(res), []string{
		"urban-new-jobs 2021 amount 3.1 表1!C2",
		"urban-new-jobs 2022 amount 3 表1!C3",
		"urban-new-jobs 2023 total 9.4 表1!C4",
	})
	if len(res.Statuses) != 1 || res.Statuses[0].Year != 2023 || res.Entities[0] != "" {
		t.Errorf("statuses %+v entities %q", res.Statuses, res.Entities)
	}
}
