package actuals

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// pct is a number in a percent-formatted cell; date a number in a date cell;
// formula a formula cell whose calculated value is given; merged a copy from a
// merged range; errCell an error value.
type (
	pct     float64
	date    float64
	formula string
	merged  string
	errCell string
)

// grid builds a sheet's rows from Go values, row 1 first: string → text,
// float64 or int → number, nil → empty.
func grid(rows ...[]any) []xlsx.Row {
	var out []xlsx.Row
	for i, r := range rows {
		row := xlsx.Row{Num: i + 1}
		for j, v := range r {
			c := xlsx.Cell{Row: i + 1, Col: j + 1}
			switch v := v.(type) {
			case nil:
				continue
			case string:
				c.Kind, c.Text = xlsx.Text, v
			case int:
				c.Kind, c.Number, c.Text = xlsx.Number, float64(v), strconv.Itoa(v)
			case float64:
				c.Kind, c.Number, c.Text = xlsx.Number, v, strconv.FormatFloat(v, 'g', -1, 64)
			case pct:
				c.Kind, c.Number, c.Text, c.Percent, c.Format = xlsx.Number, float64(v), strconv.FormatFloat(float64(v), 'f', -1, 64), true, "0%"
			case date:
				c.Kind, c.Number, c.Text, c.Date, c.Format = xlsx.Number, float64(v), strconv.FormatFloat(float64(v), 'f', -1, 64), true, "yyyy/m/d"
			case formula:
				c.Kind, c.Formula, c.Text = xlsx.Blank, true, string(v)
			case merged:
				c.Kind, c.Text, c.Merged = xlsx.Text, string(v), true
			case errCell:
				c.Kind, c.Text = xlsx.Error, string(v)
			case bool:
				c.Kind, c.Text = xlsx.Bool, strings.ToUpper(strconv.FormatBool(v))
			default:
				panic(fmt.Sprintf("grid: %T", v))
			}
			row.Cells = append(row.Cells, c)
		}
		out = append(out, row)
	}
	return out
}

// tableOf runs rows through the same builder a sheet's rows go through. A
// formula cell's text is its calculated value.
func tableOf(t *testing.T, rows []xlsx.Row) *Table {
	t.Helper()
	c := &collector{}
	b := newBuilder("2023.xlsx", "表1", func(c xlsx.Cell) (xlsx.Cell, error) {
		if c.Text == "#fail" {
			return c, errors.New("unsupported function")
		}
		c.Kind = xlsx.Text
		return c, nil
	}, c)
	for _, r := range rows {
		if err := b.add(r); err != nil {
			t.Fatal(err)
		}
	}
	if b.h == nil {
		t.Fatal("no header")
	}
	if err := b.finish(); err != nil {
		t.Fatal(err)
	}
	return &c.t
}

func plan14(t *testing.T) *plan.Plan {
	t.Helper()
	p, err := plan.Resolve("jlp-hrss-14th@1")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func plan13(t *testing.T) *plan.Plan {
	t.Helper()
	p, err := plan.Resolve("jlp-hrss-13th@1")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// values renders a result's values as "id entity year kind number cell note"
// lines, for exact comparison.
func values(r *Result) []string {
	var out []string
	for _, v := range r.Values {
		s := fmt.Sprintf("%s %d %s ", v.Indicator, v.Year, v.Kind)
		switch v.Kind {
		case Amount, Total:
			s += formatNumber(v.Number)
		case Parts:
			s += fmt.Sprint(v.Parts)
		default:
			s += "-"
		}
		s += " " + v.Cell
		if v.Entity != "" {
			s = v.Entity + " " + s
		}
		if v.Note != "" {
			s += " (" + v.Note + ")"
		}
		out = append(out, s)
	}
	return out
}

func issues(list []Issue) []string {
	var out []string
	for _, i := range list {
		out = append(out, i.Format("2023.xlsx"))
	}
	return out
}

func equalLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n%s\nwant:\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestHeaderForms(t *testing.T) {
	cases := []struct {
		cell any
		role Role
		year int
	}{
		{"项目", RoleName, 0}, {"指标名称", RoleName, 0}, {" 指 标 ", RoleName, 0}, {"Name", RoleName, 0},
		{"名称", RoleName, 0}, {"编号", RoleID, 0}, {"代码", RoleID, 0}, {"ID", RoleID, 0},
		{"单位", RoleUnit, 0}, {"属性", RoleAttribute, 0}, {"指标\n属性", RoleAttribute, 0},
		{"完成情况", RoleStatus, 0}, {"完成情况说明", RoleStatus, 0},
		{"2023", RoleYear, 2023}, {"2023年", RoleYear, 2023}, {"2023年实际值", RoleYear, 2023},
		{"2023年\n实际值", RoleYear, 2023}, {"2023年实际", RoleYear, 2023}, {"2023实际值", RoleYear, 2023},
		{"２０２３年", RoleYear, 2023}, {2023, RoleYear, 2023}, {2023.0, RoleYear, 2023},
		// not actuals, with the year they name (for the no-table error's hint)
		{"2020年基数", RoleOther, 2020}, {"2025年目标", RoleOther, 2025}, {"2023年预期", RoleOther, 2023},
		{"2023年规划值", RoleOther, 2023}, {"2023 target", RoleOther, 2023}, {"“十三五”目标", RoleOther, 0},
		{1999, RoleOther, 0}, {2101, RoleOther, 0}, {2023.5, RoleOther, 0}, {date(45000), RoleOther, 0},
		{"年份", RoleYearKey, 0}, {"年度", RoleYearKey, 0}, {"数值", RoleValue, 0}, {"实际值", RoleValue, 0},
		{"地区", RoleEntity, 0}, {"区县", RoleEntity, 0}, {"单位名称", RoleEntity, 0}, {"备注", RoleOther, 0},
	}
	for _, c := range cases {
		col := classify(grid([]any{c.cell})[0].Cells[0])
		if col.Role != c.role || col.Year != c.year {
			t.Errorf("header %#v: role %q year %d, want %q %d", c.cell, col.Role, col.Year, c.role, c.year)
		}
	}
}

// TestWide14th: a 专栏2 table with actuals columns beside the printed ones, a
// title above, group rows, a repeated header, a note, a wrapped header cell.
func TestWide14th(t *testing.T) {
	tbl := tableOf(t, grid(
		[]any{"九龙坡区“十四五”人社事业主要指标 2023年完成情况"},
		nil,
		[]any{"指标", "2020年\n基数", "2025年\n目标", "2021年", "2022年", "2023年\n实际值", "指标属性", "完成情况"},
		[]any{"一、就业"},
		[]any{"1.城镇新增就业人数（万人）", 4.02, "[15]", 3.1, 3.2, "[9.4]", "预期性", "符合预期"},
		[]any{"2.城镇调查失业率（%）", 5.5, "<5.5", "5.2", "５．３", pct(0.051), "预期性"},
		[]any{"指标", "2020年基数", "2025年目标", "2021年", "2022年", "2023年"},
		[]any{"二、社会保障", merged("二、社会保障"), merged("二、社会保障"), merged("二、社会保障"), merged("二、社会保障"), merged("二、社会保障")},
		[]any{"（4）基本养老保险参保率", "97", ">95", pct(0.9615), "—", "/", "约束性"},
		[]any{"5、失业保险参保人数（人）", nil, nil, "416,000", 420000, formula("425000")},
		[]any{"填报人：张三", nil, nil, nil, nil, "2024-01-05"},
		[]any{"注：[]内为五年累计值"},
	))
	if tbl.Layout != Wide || tbl.HeaderRow != 3 {
		t.Fatalf("layout %s header %d", tbl.Layout, tbl.HeaderRow)
	}
	res, err := Match(tbl, plan14(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	equalLines(t, "values", values(res), []string{
		"urban-new-jobs 2021 amount 3.1 表1!D5",
		"urban-new-jobs 2022 amount 3.2 表1!E5",
		"urban-new-jobs 2023 total 9.4 表1!F5",
		"surveyed-unemployment-rate 2021 amount 5.2 表1!D6",
		"surveyed-unemployment-rate 2022 amount 5.3 表1!E6",                              // full-width text
		"surveyed-unemployment-rate 2023 amount 5.1 表1!F6 (0.051 in a 0% cell → 5.1 %)", // 0.051 in a 0% cell
		"pension-insurance-coverage 2021 amount 96.15 表1!D9 (0.9615 in a 0% cell → 96.15 %)",
		"pension-insurance-coverage 2022 none - 表1!E9",
		"pension-insurance-coverage 2023 none - 表1!F9",
		// 人 → 万人: 416,000 人 is 41.6 万人
		"unemployment-insurance-enrolment 2021 amount 41.6 表1!D10 (416000 人 → 41.6 万人)",
		"unemployment-insurance-enrolment 2022 amount 42 表1!E10 (420000 人 → 42 万人)",
		"unemployment-insurance-enrolment 2023 amount 42.5 表1!F10 (425000 人 → 42.5 万人)",
	})
	var by []string
	for _, r := range res.Rows {
		by = append(by, fmt.Sprintf("%d %s %s %s", r.Row, r.Indicator, r.By, r.Unit))
	}
	equalLines(t, "rows", by, []string{
		"4  group ",
		"5 urban-new-jobs name 万人",
		"6 surveyed-unemployment-rate name %",
		"8  group ", // merged across: the copies in year columns are not values
		"9 pension-insurance-coverage name ",
		"10 unemployment-insurance-enrolment name 人",
		"11  unmatched ", // no values, but not a group title: a warning
	})
	equalLines(t, "skipped", func() (out []string) {
		for _, s := range tbl.Skipped {
			out = append(out, fmt.Sprintf("%d %s", s.Num, s.Reason))
		}
		return
	}(), []string{"7 header repeated", "12 note"})
	equalLines(t, "warnings", issues(res.Warnings), []string{
		`2023.xlsx: 表1!G9: "约束性": the plan says 基本养老保险参保率 is 预期性`,
		`2023.xlsx: 表1!A11: "填报人：张三": matches no indicator of jlp-hrss-14th@1`,
	})
	if len(res.Statuses) != 1 || res.Statuses[0].Text != "符合预期" || res.Statuses[0].Cell != "表1!H5" {
		t.Errorf("statuses %+v", res.Statuses)
	}
	if got := len(res.Reported[""]); got != 4 {
		t.Errorf("%d indicators reported", got)
	}
}

// TestZhuanlan1AsPrinted: 专栏1 pasted from the plan, page-break header
// repeats included, reads all 14 rows.
func TestZhuanlan1AsPrinted(t *testing.T) {
	tbl := tableOf(t, grid(
		[]any{"专栏1 “十三五”规划主要发展指标完成情况表"},
		[]any{"项目", "“十三五”目标", "2020年实际值", "完成情况"},
		[]any{"一、创业就业方面"},
		[]any{"1.城镇新增就业人数（万人）", "[23]", "[27]", "完成"},
		[]any{"2.城镇登记失业率（%）", 4.5, 4.49, "完成"},
		[]any{"3.高校毕业生创业人数（人）", 1000, 1100, "完成"},
		[]any{"二、社会保障方面"},
		[]any{"4.城乡基本养老保险参保率（%）", 95, 97, "完成"},
		[]any{"5.城乡基本医疗保险参保率（%）", 97, 97, "完成"},
		[]any{"6.失业保险参保率（%）", 85, 87, "完成"},
		[]any{"7.工伤保险参保率（%）", 85, 95, "完成"},
		[]any{"8.纳入社区管理的企业退休人员比例（%）", 85, 95, "完成"},
		[]any{"三、人事人才方面"},
		[]any{"9.专业技术人才总量（万人）", 13, 13.2, "完成"},
		[]any{"项目", "“十三五” 目标", "2020年 实际值", "完成 情况"},
		[]any{"10.高、中、初级专业技术人才比例", "15:45:40", "16:47:37", "完成"},
		[]any{"11.高技能人才总量(万人)", 4.9, 5.2, "完成"},
		[]any{"项目", "“十三五” 目标", "2020年 实际值", "完成 情况"},
		[]any{"四、劳动关系方面"},
		[]any{"12.企业劳动合同签订率(%)", 98, 98.59, "完成"},
		[]any{"13.劳动保障监察结案率(%)", 100, 100, "完成"},
		[]any{"14.劳动人事争议仲裁案件结案率(%)", 92, 96.19, "完成"},
	))
	res, err := Match(tbl, plan13(t), Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Values) != 14 || len(res.Statuses) != 14 || len(res.Reported[""]) != 14 {
		t.Fatalf("%d values, %d statuses, %d reported", len(res.Values), len(res.Statuses), len(res.Reported[""]))
	}
	got := values(res)
	for _, want := range []string{
		"urban-new-jobs 2020 total 27 表1!C4",
		"registered-unemployment-rate 2020 amount 4.49 表1!C5",
		"professional-title-ratio 2020 ratio [16 47 37] 表1!C16",
		"labour-arbitration-closure-rate 2020 amount 96.19 表1!C22",
	} {
		if !strings.Contains(strings.Join(got, "\n"), want) {
			t.Errorf("missing %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings %v", issues(res.Warnings))
	}
}

// TestBadCells: every bad cell is reported, with its place and text, in one
// error; --lenient reads them as no value with a warning each.
func TestBadCells(t *testing.T) {
	rows := grid(
		[]any{"指标", "2021年", "2022年", "2023年"},
		[]any{"城镇新增就业人数", "九十五", date(45000), "[x]"},
		[]any{"城镇调查失业率", "[5.2]", "16:47:37", errCell("#DIV/0!")},
		[]any{"基本养老保险参保率", true, "96.5%", "97%%"},
		[]any{"工伤保险参保人数（个）", 4, nil, nil},
		[]any{"城镇新增就业人数", 1, nil, nil},
	)
	_, err := Match(tableOf(t, rows), plan14(t), Options{})
	var ce *CellErrors
	if !errors.As(err, &ce) {
		t.Fatalf("got %v", err)
	}
	equalLines(t, "errors", strings.Split(ce.Error(), "\n"), []string{
		`2023.xlsx: 表1!B2: "九十五": not a number`,
		`2023.xlsx: 表1!C2: "2023-03-15": a date (format "yyyy/m/d") where a number belongs`, // serial 45000, quoted as shown
		`2023.xlsx: 表1!D2: "[x]": not a number inside the brackets`,
		`2023.xlsx: 表1!B3: "[5.2]": a bracketed total, but 城镇调查失业率 is not a cumulative ([X]) indicator`,
		`2023.xlsx: 表1!C3: "16:47:37": a ratio, but 城镇调查失业率 is not a ratio indicator`,
		`2023.xlsx: 表1!D3: "#DIV/0!": the cell holds the error #DIV/0!`,
		`2023.xlsx: 表1!B4: "TRUE": TRUE is not a number`,
		`2023.xlsx: 表1!D4: "97%%": not a number`,
		`2023.xlsx: 表1!B5: "4": the row's unit 个 does not convert to 万人, the unit of 工伤保险参保人数`,
		`2023.xlsx: 表1!B6: "1": a second value for 城镇新增就业人数 in 2021 (the first is 表1!B2)`,
	})

	// --lenient reads bad cells as no value; two values for one indicator and
	// year are not a bad cell but a contradiction, and stay an error.
	_, err = Match(tableOf(t, rows), plan14(t), Options{Lenient: true})
	if err == nil || err.Error() != `2023.xlsx: 表1!B6: "1": a second value for 城镇新增就业人数 in 2021 (the first is 表1!B2)` {
		t.Errorf("lenient with a duplicate: %v", err)
	}
	res, err := Match(tableOf(t, rows[:len(rows)-1]), plan14(t), Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	equalLines(t, "lenient warnings", issues(res.Warnings), []string{
		`2023.xlsx: 表1!B2: "九十五": not a number; read as no value (--lenient)`,
		`2023.xlsx: 表1!C2: "2023-03-15": a date (format "yyyy/m/d") where a number belongs; read as no value (--lenient)`,
		`2023.xlsx: 表1!D2: "[x]": not a number inside the brackets; read as no value (--lenient)`,
		`2023.xlsx: 表1!B3: "[5.2]": a bracketed total, but 城镇调查失业率 is not a cumulative ([X]) indicator; read as no value (--lenient)`,
		`2023.xlsx: 表1!C3: "16:47:37": a ratio, but 城镇调查失业率 is not a ratio indicator; read as no value (--lenient)`,
		`2023.xlsx: 表1!D3: "#DIV/0!": the cell holds the error #DIV/0!; read as no value (--lenient)`,
		`2023.xlsx: 表1!B4: "TRUE": TRUE is not a number; read as no value (--lenient)`,
		`2023.xlsx: 表1!D4: "97%%": not a number; read as no value (--lenient)`,
		`2023.xlsx: 表1!B5: "4": the row's unit 个 does not convert to 万人, the unit of 工伤保险参保人数; read as no value (--lenient)`,
	})
	for _, v := range res.Values {
		if v.Cell == "表1!C4" && (v.Kind != Amount || v.Number != 96.5) {
			t.Errorf("96.5%% read as %+v", v)
		}
	}
}

// TestMergedHeaders: a merged header names only its first column; a title
// merged across the header does not make the columns it spans into headers.
func TestMergedHeaders(t *testing.T) {
	// 项目 merged over the name and the (unlabelled) unit column: B is not a
	// second name column, so the unit 人 is not read, and the value in 人 draws
	// the magnitude warning instead of passing silently.
	tbl := tableOf(t, grid(
		[]any{"项目", merged("项目"), "2022年", "2023年"},
		[]any{"社会保障卡持卡人数", "人", 1130000, 1137100},
	))
	var roles []string
	for _, c := range tbl.Columns {
		roles = append(roles, fmt.Sprintf("%s=%s", c.Cell, c.Role))
	}
	equalLines(t, "columns", roles, []string{"A1=name", "C1=year", "D1=year"})
	res, err := Match(tbl, plan14(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 2 || !strings.Contains(res.Warnings[0].Msg, "more than 100 times the target 115 万人") {
		t.Errorf("warnings %v", issues(res.Warnings))
	}

	// A two-row header: 2023年 merged over 实际值 and 完成情况, 指标 merged down.
	// Row 1 is the header; row 2 repeats it and is skipped; the copy of 2023年
	// over C is not a second 2023 column.
	tbl = tableOf(t, grid(
		[]any{"指标", "2023年", merged("2023年")},
		[]any{merged("指标"), "实际值", "完成情况"},
		[]any{"城镇调查失业率", 5.4, "符合预期"},
	))
	res, err = Match(tbl, plan14(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	equalLines(t, "values", values(res), []string{"surveyed-unemployment-rate 2023 amount 5.4 表1!B3"})
}

// TestNotesAndRepeatedHeaders: note rows are 注：…, not names that start with
// 注; an id-only table skips its repeated headers and notes too.
func TestNotesAndRepeatedHeaders(t *testing.T) {
	tbl := tableOf(t, grid(
		[]any{"编号", "2022年", "2023年"},
		[]any{"surveyed-unemployment-rate", 5.2, 5.4},
		[]any{"编号", "2022年", "2023年"},
		[]any{22, 113, 113.71},
		[]any{"注：数据来源统计局"},
		[]any{"注1：人数为年末数"},
		[]any{"备注"},
		[]any{"注 (note): a value in [] is the total"},
		[]any{"注册城乡规划师人数", 110, 120},
	))
	var skipped []string
	for _, s := range tbl.Skipped {
		skipped = append(skipped, fmt.Sprintf("%d %s", s.Num, s.Reason))
	}
	equalLines(t, "skipped", skipped, []string{"3 header repeated", "5 note", "6 note", "7 note", "8 note"})
	if last := tbl.Rows[len(tbl.Rows)-1]; last.Num != 9 {
		t.Errorf("注册城乡规划师人数 was skipped")
	}
}

// TestBadCellsGathered: a formula that cannot be calculated, a value too
// large to be one, a time of day typed for a ratio, a long table's bad year and
// a row without its entity are bad cells like the others: all reported, or
// read as no value under --lenient.
func TestBadCellsGathered(t *testing.T) {
	rows := grid(
		[]any{"地区", "指标", "年份", "数值"},
		[]any{"A区", "城镇调查失业率", 2023, formula("#fail")},
		[]any{"A区", "社会保障卡持卡人数", 2023, 1e300},
		[]any{"A区", "失业保险参保人数", "2023.5", 42},
		[]any{nil, "工伤保险参保人数", 2023, 43},
		[]any{"A区", "城镇新增就业人数", 2023, "[9.4]"},
	)
	_, err := Match(tableOf(t, rows), plan14(t), Options{})
	equalLines(t, "errors", strings.Split(fmt.Sprint(err), "\n"), []string{
		`2023.xlsx: 表1!D2: "#fail": a formula with no saved value that cannot be calculated: unsupported function`,
		`2023.xlsx: 表1!D3: "1e+300": too large to be a value`, // |v| ≥ 10^15
		`2023.xlsx: 表1!C4: "2023.5": not a year`,
		`2023.xlsx: 表1!A5: no reporting unit in this row's entity column`,
	})
	var ce *CellErrors
	if !errors.As(err, &ce) || !ce.Lenient() {
		t.Errorf("not all lenient-readable: %v", err)
	}
	res, err := Match(tableOf(t, rows), plan14(t), Options{Lenient: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 4 {
		t.Errorf("lenient warnings %v", issues(res.Warnings))
	}
	equalLines(t, "lenient values", values(res), []string{
		"A区 surveyed-unemployment-rate 2023 none - 表1!D2 (bad cell read as no value: a formula with no saved value that cannot be calculated: unsupported function)",
		"A区 social-security-card-holders 2023 none - 表1!D3 (bad cell read as no value: too large to be a value)",
		"A区 urban-new-jobs 2023 total 9.4 表1!D6",
	})

	// A ratio Excel turned into a time of day is quoted as the analyst sees it.
	_, err = Match(tableOf(t, grid(
		[]any{"项目", "2020年"},
		[]any{"高、中、初级专业技术人才比例", date(0.6997337962962963)},
	)), plan13(t), Options{})
	if err == nil || err.Error() != `2023.xlsx: 表1!B2: "16:47:37": a time of day where a ratio belongs: Excel turned 16:47:37 into a time; format the cell as text and type it again` {
		t.Errorf("time for a ratio: %v", err)
	}
}

// TestNumbersAreTheMainTables: against jlp-hrss-14th@2, whose key-project
// boxes number their items anew (专栏3 #5, 专栏7 #2 …, several commitments to
// an item), a plain number in an id column is still 专栏2's: 5 is 失业保险参保人数
// and 22 社会保障卡持卡人数, as against version 1; a key-project indicator
// matches by its id.
func TestNumbersAreTheMainTables(t *testing.T) {
	v2, err := plan.Resolve("jlp-hrss-14th@2")
	if err != nil {
		t.Fatal(err)
	}
	rows := grid(
		[]any{"编号", "2023年"},
		[]any{5, 42.6},
		[]any{"22.", 113.71},
		[]any{"mediators", 12},
	)
	for _, p := range []*plan.Plan{plan14(t), v2} {
		res, err := Match(tableOf(t, rows), p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"unemployment-insurance-enrolment 2023 amount 42.6 表1!B2", "social-security-card-holders 2023 amount 113.71 表1!B3"}
		if p.Version == 2 {
			want = append(want, "mediators 2023 amount 12 表1!B4")
		}
		equalLines(t, p.Ref(), values(res), want)
	}
}
