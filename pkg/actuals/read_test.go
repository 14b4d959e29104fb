package actuals_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// row builds a sheet row's cells from values, starting at column A.
func row(n int, values ...any) []wbt.Cell {
	var cells []wbt.Cell
	for i, v := range values {
		if v == nil {
			continue
		}
		ref := fmt.Sprintf("%c%d", 'A'+i, n)
		switch v := v.(type) {
		case wbt.Cell:
			v.Ref = ref
			cells = append(cells, v)
		default:
			cells = append(cells, wbt.Cell{Ref: ref, Value: v})
		}
	}
	return cells
}

func cells(rows ...[]wbt.Cell) []wbt.Cell {
	var out []wbt.Cell
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// wideBook is a 专栏2-shaped workbook as analysts keep it: a title merged
// across the table, a header with wrapped text, percent formats (0% rounds
// 0.9615 to 96% on screen), a formula, full-width text, a merged group row, a
// second sheet in front that holds no table.
func wideBook() wbt.Book {
	return wbt.Book{Sheets: []wbt.Sheet{
		{Name: "说明", Cells: cells(row(1, "本表填报说明：数值填在年份列"))},
		{Name: "十四五指标", Merges: []string{"A1:F1", "A4:F4"}, Cells: cells(
			row(1, "九龙坡区人力社保“十四五”规划主要指标 2023年"),
			row(3, "指标", "2020年\n基数", "2021年", "2022年", "2023年\n实际值", "完成情况"),
			row(4, "一、就业"),
			row(5, "1.城镇新增就业人数（万人）", 4.02, 3.1, 3.2, "[9.4]", "符合预期"),
			row(6, "2.城镇调查失业率（%）", 5.5, wbt.Cell{Value: 0.052, Format: "0.0%"}, "５．３", 5.1),
			row(7, "4.基本养老保险参保率（%）", 97, wbt.Cell{Value: 0.9615, Format: "0%"}, wbt.Cell{Value: 0.97, Format: "0.00%"}, "—"),
			row(8, "5.失业保险参保人数（万人）", 41.6, 42, wbt.Cell{Formula: "C8+0.5", Value: 42.5}, "43.1"),
			row(9, "22.社会保障卡持卡人数", 112, "1,130,000", nil, nil),
			row(10, "23.申领电子社保卡人口覆盖率（%）", 29.5, wbt.Cell{Formula: "0.3+0.05", Value: 0.35, Format: "0%"}),
			row(11, "注：[]内为五年累计值"),
		)},
	}}
}

// TestReadProducers reads the same workbook made by excelize, by openpyxl and
// by LibreOffice, and expects the same values from each.
func TestReadProducers(t *testing.T) {
	p, err := plan.Resolve("jlp-hrss-14th@1")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"urban-new-jobs 2021 amount 3.1 十四五指标!C5",
		"urban-new-jobs 2022 amount 3.2 十四五指标!D5",
		"urban-new-jobs 2023 total 9.4 十四五指标!E5",
		"surveyed-unemployment-rate 2021 amount 5.2 十四五指标!C6",
		"surveyed-unemployment-rate 2022 amount 5.3 十四五指标!D6",
		"surveyed-unemployment-rate 2023 amount 5.1 十四五指标!E6",
		"pension-insurance-coverage 2021 amount 96.15 十四五指标!C7",
		"pension-insurance-coverage 2022 amount 97 十四五指标!D7",
		"pension-insurance-coverage 2023 none - 十四五指标!E7",
		"unemployment-insurance-enrolment 2021 amount 42 十四五指标!C8",
		"unemployment-insurance-enrolment 2022 amount 42.5 十四五指标!D8",
		"unemployment-insurance-enrolment 2023 amount 43.1 十四五指标!E8",
		"social-security-card-holders 2021 amount 1130000 十四五指标!C9",
		// a formula in a 0% cell: cached by excelize and LibreOffice,
		// calculated for openpyxl's file, which caches nothing
		"electronic-social-security-card-coverage 2021 amount 35 十四五指标!C10",
	}
	for producer, path := range wbt.AllProducers(t, wideBook()) {
		t.Run(producer, func(t *testing.T) {
			tbl, err := actuals.ReadTable(path, actuals.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if tbl.Sheet != "十四五指标" || tbl.Layout != actuals.Wide || tbl.HeaderRow != 3 {
				t.Errorf("sheet %q layout %s header %d", tbl.Sheet, tbl.Layout, tbl.HeaderRow)
			}
			res, err := actuals.Match(tbl, p, actuals.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, v := range res.Values {
				s := fmt.Sprintf("%s %d %s ", v.Indicator, v.Year, v.Kind)
				if v.Kind == actuals.NoValue {
					s += "-"
				} else {
					s += strconv.FormatFloat(v.Number, 'f', -1, 64)
				}
				got = append(got, s+" "+v.Cell)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("values:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if len(res.Statuses) != 1 || res.Statuses[0].Cell != "十四五指标!F5" {
				t.Errorf("statuses %+v", res.Statuses)
			}
			// 1,130,000 in a 万人 indicator (target 115) is read as written,
			// with a warning that the unit looks wrong; no other warning.
			var warned []string
			for _, w := range res.Warnings {
				warned = append(warned, w.Cell+": "+w.Msg)
			}
			if strings.Join(warned, "\n") != "十四五指标!C9: 1130000 is more than 100 times the target 115 万人: is the unit right?" {
				t.Errorf("warnings %q", warned)
			}
		})
	}
}

func TestReadTableErrors(t *testing.T) {
	dir := t.TempDir()
	noTable := filepath.Join(dir, "empty.xlsx")
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{
		{Name: "Sheet1", Cells: cells(row(1, "九龙坡区"), row(2, "项目", "备注"))},
		{Name: "Sheet2", Cells: cells(row(25, "指标", "2023年"))}, // below the first 20 rows
	}}, noTable)
	_, err := actuals.ReadTable(noTable, actuals.Options{})
	// The first line says so; the lines under it, the row nearest to a
	// header and its name column; the hint, --columns.
	want := noTable + `: no table found in sheets "Sheet1", "Sheet2": looked in the first 20 rows for a header with a name (项目, 指标, 指标名称, 名称) or id (编号, 代码) column and a year column (2023, 2023年, 2023年完成值 …), or a long table's 年份 and 数值 columns
  nearest to a header: sheet "Sheet1", row 2:
  name column Sheet1!A2 "项目"`
	var h interface{ Hint() string }
	if err == nil || err.Error() != want || !errors.As(err, &h) || h.Hint() != "name the header row and the columns with --columns, e.g. --columns header=2,name=A,year:2023=E" {
		t.Errorf("got %v\nwant %s", err, want)
	}
	_, err = actuals.ReadTable(noTable, actuals.Options{Sheet: "Sheet3"})
	if err == nil || err.Error() != noTable+`: no sheet named "Sheet3" (sheets: Sheet1, Sheet2)` {
		t.Errorf("got %v", err)
	}
	csv := filepath.Join(dir, "data.csv")
	if err := os.WriteFile(csv, []byte("a,b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// a CSV is read as a sheet named after the file: here one with no table
	if _, err := actuals.ReadTable(csv, actuals.Options{}); err == nil || !strings.HasPrefix(err.Error(), csv+`: no table found in sheet "data"`) {
		t.Errorf("got %v", err)
	}
	fake := filepath.Join(dir, "fake.xlsx")
	if err := os.WriteFile(fake, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := actuals.ReadTable(fake, actuals.Options{}); err == nil || !strings.HasPrefix(err.Error(), fake+": ") {
		t.Errorf("got %v", err)
	}
	if _, err := actuals.ReadTable(filepath.Join(dir, "none.xlsx"), actuals.Options{}); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// TestReadSheetFlag: --sheet picks a sheet that is not the first with a table.
func TestReadSheetFlag(t *testing.T) {
	path := filepath.Join(t.TempDir(), "two.xlsx")
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{
		{Name: "2022", Cells: cells(row(1, "指标", "2022年"), row(2, "城镇新增就业人数", 3.2))},
		{Name: "2023", Cells: cells(row(1, "指标", "2023年"), row(2, "城镇新增就业人数", 3.3))},
	}}, path)
	for sheet, year := range map[string]int{"": 2022, "2023": 2023} {
		tbl, err := actuals.ReadTable(path, actuals.Options{Sheet: sheet})
		if err != nil {
			t.Fatal(err)
		}
		if tbl.Columns[1].Year != year {
			t.Errorf("--sheet %q: read %s, year %d", sheet, tbl.Sheet, tbl.Columns[1].Year)
		}
	}
}

// TestLongLayout: one row per indicator, year and entity — a city's districts
// in one workbook, the entity merged down its rows.
func TestLongLayout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "long.xlsx")
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "汇总", Merges: []string{"A2:A3"}, Cells: cells(
		row(1, "区县", "指标名称", "年份", "数值", "单位"),
		row(2, "九龙坡区", "城镇新增就业人数", 2021, 3.1, "万人"),
		row(3, nil, "城镇新增就业人数", "2022年", 32000, "人"),
		row(4, "渝中区", "城镇新增就业人数", 2021, 2.5),
		row(5, "渝中区", "城镇调查失业率", 2021, wbt.Cell{Value: 0.051, Format: "0.0%"}),
	)}}}, path)
	tbl, err := actuals.ReadTable(path, actuals.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := plan.Resolve("jlp-hrss-14th")
	res, err := actuals.Match(tbl, p, actuals.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range res.Values {
		got = append(got, fmt.Sprintf("%s|%s|%d|%v|%s|%s", v.Entity, v.Indicator, v.Year, v.Number, v.Cell, v.Note))
	}
	want := []string{
		"九龙坡区|urban-new-jobs|2021|3.1|汇总!D2|",
		"九龙坡区|urban-new-jobs|2022|3.2|汇总!D3|32000 人 → 3.2 万人",
		"渝中区|urban-new-jobs|2021|2.5|汇总!D4|",
		"渝中区|surveyed-unemployment-rate|2021|5.1|汇总!D5|0.051 in a 0.0% cell → 5.1 %",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("values:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if strings.Join(res.Entities, ",") != "九龙坡区,渝中区" {
		t.Errorf("entities %v", res.Entities)
	}
}

// TestDateCell: a date where a number belongs is a bad cell, whichever
// producer wrote it.
func TestDateCell(t *testing.T) {
	book := wbt.Book{Sheets: []wbt.Sheet{{Name: "S", Cells: cells(
		row(1, "指标", "2023年"),
		row(2, "城镇新增就业人数", time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC)),
	)}}}
	p, _ := plan.Resolve("jlp-hrss-14th")
	for producer, path := range wbt.AllProducers(t, book) {
		tbl, err := actuals.ReadTable(path, actuals.Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, err = actuals.Match(tbl, p, actuals.Options{})
		var ce *actuals.CellErrors
		if !errors.As(err, &ce) || len(ce.Issues) != 1 || ce.Issues[0].Cell != "S!B2" || !strings.Contains(ce.Issues[0].Msg, "a date") {
			t.Errorf("%s: got %v", producer, err)
		}
	}
}

// TestLimits: a workbook over a limit is refused with a message that says so.
func TestLimits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.xlsx")
	var rows [][]wbt.Cell
	rows = append(rows, row(1, "指标", "2023年"))
	for i := 2; i < 200; i++ {
		rows = append(rows, row(i, fmt.Sprintf("指标%d", i), float64(i)))
	}
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "S", Cells: cells(rows...)}}}, path)
	lim := xlsx.DefaultLimits()
	lim.MaxSharedStrings = 10
	_, err := actuals.ReadTable(path, actuals.Options{Limits: &lim})
	if !errors.Is(err, xlsx.ErrLimit) || !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("got %v", err)
	}
}
