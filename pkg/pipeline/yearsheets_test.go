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
