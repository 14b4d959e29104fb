package pipeline_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// districtRows are 2021–2023 values of testdata/2023.xlsx for a sample of
// the 十四五 indicators: name as offices write it (no number, no unit), unit,
// baseline, target, then the three years.
var districtRows = []struct {
	group, name, unit string
	baseline, target  any
	values            [3]any
}{
	{"一、就业", "城镇新增就业人数", "万人", 4.02, "[15]", [3]any{3.1, 2.9, 3.0}},
	{"一、就业", "城镇调查失业率", "%", 5.5, "<5.5", [3]any{5.2, 5.4, 5.3}},
	{"二、社会保障", "失业保险参保人数", "万人", 41.6, 43.6, [3]any{42.0, 42.3, 42.6}},
	{"二、社会保障", "工伤保险参保人数", "万人", 42.0, 45.0, [3]any{43.0, 43.9, 44.3}},
	{"三、医疗保障", "住院费用跨省直接结算率", "%", ">60", ">70", [3]any{63.0, 66.0, 72.0}},
	{"四、人才队伍", "新增高级职称专业技术人才数量", "人", 350.0, "<[1700]", [3]any{320.0, 360.0, 380.0}},
	{"五、劳动关系", "劳动保障监察举报投诉案件结案率", "%", 100.0, 100.0, [3]any{100.0, 100.0, 99.2}},
}

// districtBook is a workbook in the shape a district office keeps (issue
// 10): a cover sheet, a merged title, a 填报单位 line, the header 序号 | 指标名称
// | 单位 | 2020年基数 | 2025年目标 | 2021年完成值 | 2022年完成值 | 2023年完成值 | 备注,
// group rows merged across, blank rows between groups and a 注 row.
func districtBook() wbt.Book {
	rows := [][]wbt.Cell{
		row(1, "九龙坡区人力资源和社会保障事业发展“十四五”规划主要指标完成情况"),
		row(2, "填报单位：九龙坡区人力社保局"),
		row(3, "序号", "指标名称", "单位", "2020年基数", "2025年目标", "2021年完成值", "2022年完成值", "2023年完成值", "备注"),
	}
	merges := []string{"A1:I1"}
	r, group := 4, ""
	for i, d := range districtRows {
		if d.group != group {
			if group != "" {
				r++ // a blank row between groups
			}
			group = d.group
			rows = append(rows, row(r, d.group))
			merges = append(merges, fmt.Sprintf("A%d:I%d", r, r))
			r++
		}
		rows = append(rows, row(r, i+1, d.name, d.unit, d.baseline, d.target, d.values[0], d.values[1], d.values[2]))
		r++
	}
	rows = append(rows, row(r+1, "注：[]内为五年累计值"))
	return wbt.Book{Sheets: []wbt.Sheet{
		{Name: "封面", Cells: cells(row(1, "九龙坡区人力社保局"), row(3, "2023年度规划指标监测表"))},
		{Name: "指标监测", Merges: merges, Cells: cells(rows...)},
	}}
}

// cleanBook is districtBook's twin in our template's vocabulary.
func cleanBook() wbt.Book {
	rows := [][]wbt.Cell{row(1, "指标", "单位", "2021年", "2022年", "2023年")}
	for i, d := range districtRows {
		rows = append(rows, row(i+2, d.name, d.unit, d.values[0], d.values[1], d.values[2]))
	}
	return wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: cells(rows...)}}}
}

// statuses evaluates path for 2023 against the 十四五 plan with no other
// option, as `plancheck eval` with no flags does, and lists each
// indicator's status.
func statuses(t *testing.T, path string) string {
	t.Helper()
	res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: plan14(t), Lang: msg.Chinese})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	var out []string
	for _, en := range res.Eval.All() {
		for _, o := range en.Outcomes {
			out = append(out, fmt.Sprintf("%s %s", o.Indicator.ID, o.Status))
		}
	}
	if w := res.Eval.Warnings(); len(w) > 0 {
		t.Errorf("%s: warnings %q", path, w)
	}
	return strings.Join(out, "\n")
}

// TestDistrictWorkbook: a district office's own workbook, as excelize,
// openpyxl and LibreOffice write it, evaluates with no flags to the same
// statuses as its clean twin.
func TestDistrictWorkbook(t *testing.T) {
	clean := filepath.Join(t.TempDir(), "2023.xlsx")
	wbt.WriteExcelize(t, cleanBook(), clean)
	want := statuses(t, clean)
	if n := strings.Count(want, "\n") + 1; n != len(districtRows) {
		t.Fatalf("%d statuses from the clean twin:\n%s", n, want)
	}
	for producer, path := range wbt.AllProducers(t, districtBook()) {
		t.Run(producer, func(t *testing.T) {
			if got := statuses(t, path); got != want {
				t.Errorf("statuses:\n%s\nwant (the clean twin):\n%s", got, want)
			}
		})
	}
}

// row builds the cells of sheet row n from values, from column A; nil
// leaves a cell out.
func row(n int, values ...any) []wbt.Cell {
	var out []wbt.Cell
	for i, v := range values {
		if v != nil {
			out = append(out, wbt.Cell{Ref: fmt.Sprintf("%c%d", 'A'+i, n), Value: v})
		}
	}
	return out
}

func cells(rs ...[]wbt.Cell) []wbt.Cell {
	var out []wbt.Cell
	for _, r := range rs {
		out = append(out, r...)
	}
	return out
}

// entitiesOf evaluates path for 2023 with opts and lists each reporting
// unit with its statuses.
func entitiesOf(t *testing.T, path string, read actuals.Options) string {
	t.Helper()
	res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: plan14(t), Year: 2023, Lang: msg.Chinese, Read: read})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	var out []string
	for _, en := range res.Eval.All() {
		var st []string
		for _, o := range en.Outcomes {
			st = append(st, string(o.Status))
		}
		out = append(out, fmt.Sprintf("%q %s", en.Entity, strings.Join(st, ",")))
	}
	return strings.Join(out, "; ")
}

// TestReportingUnitByFile: a street's own file names its unit on a 填报单位
// line above the table, or --entity names it; --entity wins over the line.
func TestReportingUnitByFile(t *testing.T) {
	book := wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: cells(
		row(1, "2023年主要指标完成情况"),
		row(2, "填报单位：石桥铺街道", nil, "填报人：张三"),
		row(3, "指标", "2021年", "2022年", "2023年"),
		row(4, "工伤保险参保人数", 43.0, 43.9, 44.3),
	)}}}
	path := filepath.Join(t.TempDir(), "石桥铺.xlsx")
	wbt.WriteExcelize(t, book, path)
	if got, want := entitiesOf(t, path, actuals.Options{}), `"石桥铺街道" ahead`; got != want {
		t.Errorf("from the line: %s, want %s", got, want)
	}
	if got, want := entitiesOf(t, path, actuals.Options{Entity: "杨家坪街道"}), `"杨家坪街道" ahead`; got != want {
		t.Errorf("--entity: %s, want %s", got, want)
	}
}

// TestTotalRows: rows named 合计, 全区 … in an entity column are the total of
// all units (the "" entity), not one more unit.
func TestTotalRows(t *testing.T) {
	for _, total := range []string{"合计", "总计", "全区", "全县", "全市"} {
		book := wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: cells(
			row(1, "区县", "指标", "2021年", "2022年", "2023年"),
			row(2, "渝中区", "工伤保险参保人数", 43.0, 43.9, 44.3),
			row(3, total, "工伤保险参保人数", 43.0, 43.2, 43.4),
		)}}}
		path := filepath.Join(t.TempDir(), "x.xlsx")
		wbt.WriteExcelize(t, book, path)
		if got, want := entitiesOf(t, path, actuals.Options{}), `"渝中区" ahead; "" lagging`; got != want {
			t.Errorf("%s: %s, want %s", total, got, want)
		}
	}
}

// TestMergeUnits: the files of two streets, each naming its unit on a 填报单位
// line, merge into one two-unit evaluation with the statuses each gives
// alone, its sources in order and the hash of their hashes.
func TestMergeUnits(t *testing.T) {
	dir := t.TempDir()
	street := func(name, unit string, injury float64) *pipeline.Evaluation {
		path := filepath.Join(dir, name)
		wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: cells(
			row(1, "填报单位："+unit),
			row(2, "指标", "2021年", "2022年", "2023年"),
			row(3, "工伤保险参保人数", 43.0, 43.5, injury),
		)}}}, path)
		res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: plan14(t), Year: 2023, Lang: msg.Chinese})
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		return res.Eval
	}
	a, b := street("a.xlsx", "石桥铺街道", 44.3), street("b.xlsx", "杨家坪街道", 43.4)
	m, ok := pipeline.MergeUnits([]*pipeline.Evaluation{a, b})
	if !ok {
		t.Fatal("not merged")
	}
	var got []string
	for _, en := range m.All() {
		got = append(got, en.Entity+" "+string(en.Outcomes[0].Status))
	}
	// 42 → 45: 石桥铺 p = 2.3 / 3 = 0.767, r = 1.28 → ahead; 杨家坪 p = 1.4 / 3 =
	// 0.467, r = 0.78 → lagging.
	if strings.Join(got, "; ") != "石桥铺街道 ahead; 杨家坪街道 lagging" || !m.Multi() {
		t.Errorf("units %q", got)
	}
	if len(m.Sources) != 2 || m.Sources[0].SHA256 != a.SHA256 || m.Sources[1].File != b.File || len(m.SHA256) != 64 || m.File != a.File+"、"+b.File {
		t.Errorf("sources %+v, file %q, sha %q", m.Sources, m.File, m.SHA256)
	}
	if c := m.Counts(); c["ahead"] != 1 || c["lagging"] != 1 {
		t.Errorf("counts %v", c)
	}
	// Not merged: one file; two of one unit; another year.
	if _, ok := pipeline.MergeUnits([]*pipeline.Evaluation{a}); ok {
		t.Error("one file merged")
	}
	if _, ok := pipeline.MergeUnits([]*pipeline.Evaluation{a, street("c.xlsx", "石桥铺街道", 44.0)}); ok {
		t.Error("two files of one unit merged")
	}
	if _, ok := pipeline.MergeUnits([]*pipeline.Evaluation{a, b.ForYear(2022)}); ok {
		t.Error("two years merged")
	}
}

// TestAliasesChoosePlan: an office's own names count for choosing the plan
// too: a workbook named only in them fits the plan their ids belong to.
func TestAliasesChoosePlan(t *testing.T) {
	path := filepath.Join(t.TempDir(), "2023.xlsx")
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: cells(
		row(1, "指标", "2023年"),
		row(2, "新增就业", 3.0),
		row(3, "工伤参保", 44.3),
	)}}}, path)
	if res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Lang: msg.Chinese}); res.Err == nil {
		t.Fatalf("a plan was chosen for names no plan has: %s", res.Eval.Plan.Ref())
	}
	aliases := []actuals.Alias{{Name: "新增就业", ID: "urban-new-jobs"}, {Name: "工伤参保", ID: "work-injury-insurance-enrolment"}}
	res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Lang: msg.Chinese, Read: actuals.Options{Aliases: aliases}})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if res.Eval.Plan.ID != "jlp-hrss-14th" {
		t.Errorf("plan %s", res.Eval.Plan.Ref())
	}
}
