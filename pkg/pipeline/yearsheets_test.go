package pipeline_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// yearSheetsBook is a workbook of one sheet per year, each the same table
// with the year's actuals in a column whose header names no year (本年完成) or
// names the sheet's year; a cover sheet in front.
func yearSheetsBook() wbt.Book {
	sheet := func(name, header string, jobs, injury float64) wbt.Sheet {
		return wbt.Sheet{Name: name, Cells: cells(
			row(1, "指标", "单位", header),
			row(2, "城镇新增就业人数", "万人", jobs),
			row(3, "工伤保险参保人数", "万人", injury),
		)}
	}
	return wbt.Book{Sheets: []wbt.Sheet{
		{Name: "封面", Cells: cells(row(1, "九龙坡区人力社保局"))},
		sheet("2022年", "本年完成", 2.9, 43.9),
		sheet("2021", "本年完成", 3.1, 43.0),
		sheet("2023", "2023年完成值", 3.0, 44.3),
	}}
}

// TestYearSheets: a workbook of one sheet per year reads as one multi-year
// table, to the statuses its single-sheet twin gives, each value's cell named
// in its own sheet.
func TestYearSheets(t *testing.T) {
	dir := t.TempDir()
	twin := filepath.Join(dir, "twin.xlsx")
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: cells(
		row(1, "指标", "单位", "2021年", "2022年", "2023年"),
		row(2, "城镇新增就业人数", "万人", 3.1, 2.9, 3.0),
		row(3, "工伤保险参保人数", "万人", 43.0, 43.9, 44.3),
	)}}}, twin)
	byYear := filepath.Join(dir, "by-year.xlsx")
	wbt.WriteExcelize(t, yearSheetsBook(), byYear)

	judge := func(path string, opts pipeline.Options) (string, []string, []string) {
		res := pipeline.EvaluateFile(context.Background(), path, opts)
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		var st, cellRefs []string
		for _, en := range res.Eval.All() {
			for _, o := range en.Outcomes {
				st = append(st, fmt.Sprintf("%s %s %v", o.Indicator.ID, o.Status, o.Actual != nil && *o.Actual > 0))
				cellRefs = append(cellRefs, strings.Join(o.Cells, " "))
			}
		}
		return strings.Join(st, "\n"), cellRefs, res.Notes
	}
	given := pipeline.Options{Plan: plan14(t), Year: 2023, Lang: msg.Chinese}
	want, _, _ := judge(twin, given)
	got, refs, notes := judge(byYear, given)
	if got != want {
		t.Errorf("statuses:\n%s\nwant (the one-sheet twin):\n%s", got, want)
	}
	// The plan chosen from the rows, as they stream, sheet after sheet.
	if chosen, _, _ := judge(byYear, pipeline.Options{Year: 2023, Lang: msg.Chinese}); chosen != want {
		t.Errorf("with the plan chosen:\n%s\nwant:\n%s", chosen, want)
	}
	// 城镇新增就业人数 is cumulative: its total reads all three years' cells.
	if refs[0] != "2021!C2 2022年!C2 2023!C2" {
		t.Errorf("cells %q", refs[0])
	}
	joined := strings.Join(notes, "\n")
	if !strings.Contains(joined, "按年份分表读取：2021、2022年、2023") || !strings.Contains(joined, "2022年!C1“本年完成”按 2022 年的实际值读取（取自工作表名）") {
		t.Errorf("notes:\n%s", joined)
	}
}

// TestYearSheetsElsewhere: sheets named for years that hold no table leave
// the table to be found where it is.
func TestYearSheetsElsewhere(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.xlsx")
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{
		{Name: "2021", Cells: cells(row(1, "本年工作要点"))},
		{Name: "2022", Cells: cells(row(1, "本年工作要点"))},
		{Name: "汇总", Cells: cells(row(1, "指标", "2023年"), row(2, "工伤保险参保人数", 44.3))},
	}}, path)
	res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: plan14(t), Year: 2023, Lang: msg.Chinese})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
}

// TestYearSheetsReview: each sheet's 完成情况 is for its own year; a 填报单位
// line above the first sheet names the unit of all; a column of another year
// on a year's sheet is a copy, not a second value; a sheet named for a year
// with no table, first or last, is passed over with a note.
func TestYearSheetsReview(t *testing.T) {
	sheet := func(name string, rows ...[]wbt.Cell) wbt.Sheet { return wbt.Sheet{Name: name, Cells: cells(rows...)} }
	path := filepath.Join(t.TempDir(), "x.xlsx")
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{
		sheet("2021", row(1, "说明：2021年数据另见汇总")),
		sheet("2022", row(1, "填报单位：石桥铺街道"), row(2, "指标", "本年完成", "完成情况"), row(3, "工伤保险参保人数", 43.9, "滞后")),
		// 42 → 45 at 44.3 in 2023: p = 0.767, r = 1.28 → ahead; the 2022 copy
		// beside it is not read again
		sheet("2023", row(1, "指标", "2022年完成值", "2023年完成值", "完成情况"), row(2, "工伤保险参保人数", 43.9, 44.3, "快于预期")),
		sheet("2024", row(1, "说明：2024年数据待填报")),
	}}, path)
	res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: plan14(t), Year: 2023, Lang: msg.Chinese})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	e := res.Eval
	var units []string
	for _, en := range e.All() {
		units = append(units, en.Entity+" "+string(en.Outcomes[0].Status))
	}
	if strings.Join(units, "; ") != "石桥铺街道 ahead" {
		t.Errorf("units %q", units)
	}
	if a := e.Audit(); len(a) != 0 {
		t.Errorf("2022's 滞后 audited against 2023: %+v", a)
	}
	if notes := strings.Join(res.Notes, "\n"); !strings.Contains(notes, "工作表 2021、2024 没有表格，未读") {
		t.Errorf("notes:\n%s", notes)
	}
}
