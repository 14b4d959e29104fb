package book_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jlp-hrss/plancheck/pkg/report/book"
	"github.com/jlp-hrss/plancheck/pkg/report/internal/golden"
	"github.com/jlp-hrss/plancheck/pkg/report/textout"

	"github.com/xuri/excelize/v2"

	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/report"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

var summaryPNG = flag.String("summary-png", "", "render the 完成情况 sheet of the summary of testdata/2023.xlsx to this PNG (LibreOffice, pdftoppm)")

// evaluateWorkbook runs the eval pipeline on one workbook as `plancheck eval`
// does, against the 十四五 plan's 专栏2 (version 1, which the golden files were
// written for): read, match, judge every entity for the year and audit the
// written statuses. The file is recorded under name; reasons and projection
// methods are in lang, as the summary they go in.
func evaluateWorkbook(t testing.TB, path, name string, year int, lang report.Lang) *pipeline.Evaluation {
	t.Helper()
	return evaluateAgainst(t, "jlp-hrss-14th@1", path, name, year, lang)
}

func evaluateAgainst(t testing.TB, ref, path, name string, year int, lang report.Lang) *pipeline.Evaluation {
	t.Helper()
	p := golden.Plan(t, ref)
	res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: p, Year: year, Lang: lang})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	res.Eval.File = name
	return res.Eval
}

// sample2023 is testdata/2023.xlsx evaluated for 2023: every status of a
// year before the last (3 提前完成, 4 快于预期, 11 符合预期, 4 滞后, 1 无数据), one
// audit disagreement.
func sample2023(t *testing.T, lang report.Lang) *pipeline.Evaluation {
	return evaluateWorkbook(t, "../../../testdata/2023.xlsx", "2023.xlsx", 2023, lang)
}

// entitiesBook is a long table of two reporting units for 2024 and 2025,
// evaluated for the final year 2025. The first unit's name is a formula to a
// spreadsheet. Worked by hand (十四五: 6. 工伤保险参保人数 42 → 45, path; 7. 基本医疗
// 保险参保率 ≥ 95, binding, control):
//
//	=HYPERLINK…  6. 45.2 ≥ 45 → 完成        7. 96 ≥ 95 → 完成
//	渝中区        6. 44 < 45 → 未完成        7. 94 < 95 → 未完成
const hyperlinkEntity = `=HYPERLINK("http://example.com","点击")`

func entitiesBook(t *testing.T, dir, name string) string {
	t.Helper()
	rows := [][]any{
		{"区县", "指标", "年份", "数值"},
		{hyperlinkEntity, "工伤保险参保人数", 2024, 44.6},
		{hyperlinkEntity, "工伤保险参保人数", 2025, 45.2},
		{hyperlinkEntity, "基本医疗保险参保率", 2025, 96},
		{"渝中区", "工伤保险参保人数", 2024, 43.5},
		{"渝中区", "工伤保险参保人数", 2025, 44},
		{"渝中区", "基本医疗保险参保率", 2025, 94},
	}
	var cells []wbt.Cell
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			cells = append(cells, wbt.Cell{Ref: ref, Value: v})
		}
	}
	p := filepath.Join(dir, name)
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "汇总", Cells: cells}}}, p)
	return p
}

func writeSummary(t *testing.T, evals []*pipeline.Evaluation, lang report.Lang) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := book.WriteSummary(&buf, evals, nil, lang, "v1.2.3-test"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func saveSummary(t *testing.T, data []byte, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// builtinFormats are the codes of the built-in number formats excelize may
// report by id.
var builtinFormats = map[int]string{1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 49: "@"}

// dumpSummary is the text the golden files hold, what a reader of the
// workbook sees: the document properties, then per sheet its panes, column
// widths, merged cells, one line per row of its cells (a string quoted, a
// number with its format, and the fill) and its charts (where anchored,
// type, title, the ranges of each series). Row heights are left out: the
// print tests judge them by the pages LibreOffice prints.
func dumpSummary(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "properties: creator %q title %q subject %q created %s modified %s\n",
		props.Creator, props.Title, props.Subject, props.Created, props.Modified)
	charts := chartsBySheet(t, data)
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "\n== %s\n", sheet)
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "panes: freeze %v x %d y %d top-left %s\n", panes.Freeze, panes.XSplit, panes.YSplit, panes.TopLeftCell)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		maxCol := 0
		for _, r := range rows {
			maxCol = max(maxCol, len(r))
		}
		var widths []string
		for c := 1; c <= maxCol; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			w, err := f.GetColWidth(sheet, name)
			if err != nil {
				t.Fatal(err)
			}
			widths = append(widths, fmt.Sprintf("%s %g", name, w))
		}
		fmt.Fprintf(&b, "widths: %s\n", strings.Join(widths, ", "))
		merges, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var refs []string
		for _, m := range merges {
			refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		fmt.Fprintf(&b, "merged: %s\n", strings.Join(refs, " "))
		for r, row := range rows {
			var cells []string
			for c, v := range row {
				if v == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				cells = append(cells, summaryCellText(t, f, sheet, ref, v))
			}
			if len(cells) > 0 {
				fmt.Fprintf(&b, "%d: %s\n", r+1, strings.Join(cells, " | "))
			}
		}
		for _, c := range charts[sheet] {
			b.WriteString("chart: " + c + "\n")
		}
	}
	return b.String()
}

// summaryCellText is one cell of dumpSummary: B5 "预期性", D5 9 \[0\], G5 "符合预期" #E2EFDA.
func summaryCellText(t *testing.T, f *excelize.File, sheet, ref, v string) string {
	t.Helper()
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	line := fmt.Sprintf("%s %s", ref, v)
	switch typ {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString:
		line = fmt.Sprintf("%s %q", ref, v)
	case excelize.CellTypeFormula, excelize.CellTypeBool:
		line = fmt.Sprintf("%s %s:%s", ref, cellTypeName(typ), v)
	}
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case st.CustomNumFmt != nil:
		line += " " + *st.CustomNumFmt
	case st.NumFmt != 0:
		line += " " + builtinFormats[st.NumFmt]
	}
	if len(st.Fill.Color) > 0 {
		line += " #" + strings.Join(st.Fill.Color, ",")
	}
	return line
}

func cellTypeName(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString:
		return "s"
	case excelize.CellTypeFormula:
		return "f"
	case excelize.CellTypeBool:
		return "b"
	}
	return "n"
}

// chartsBySheet describes the charts of each sheet from the package's parts:
// sheet → drawing → anchor and chart.
func chartsBySheet(t *testing.T, data []byte) map[string][]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	part := func(name string) string {
		for _, f := range zr.File {
			if f.Name == name {
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				b, err := io.ReadAll(rc)
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
		}
		return ""
	}
	// rels maps each relationship id of the part's rels to its target part.
	rels := func(of string) map[string]string {
		out := map[string]string{}
		dir, base := path.Split(of)
		for _, m := range regexp.MustCompile(`<Relationship [^>]*>`).FindAllString(part(dir+"_rels/"+base+".rels"), -1) {
			id := regexp.MustCompile(`Id="([^"]+)"`).FindStringSubmatch(m)
			target := regexp.MustCompile(`Target="([^"]+)"`).FindStringSubmatch(m)
			if id != nil && target != nil {
				out[id[1]] = path.Clean(path.Join(dir, target[1]))
			}
		}
		return out
	}
	wbRels := rels("xl/workbook.xml")
	out := map[string][]string{}
	for _, m := range regexp.MustCompile(`<sheet [^>]*>`).FindAllString(part("xl/workbook.xml"), -1) {
		name := regexp.MustCompile(`name="([^"]+)"`).FindStringSubmatch(m)[1]
		rid := regexp.MustCompile(`r:id="([^"]+)"`).FindStringSubmatch(m)[1]
		sheetPart := wbRels[rid]
		sheetRels := rels(sheetPart)
		for _, d := range regexp.MustCompile(`<drawing r:id="([^"]+)"`).FindAllStringSubmatch(part(sheetPart), -1) {
			drawing := sheetRels[d[1]]
			drawingRels := rels(drawing)
			anchor := regexp.MustCompile(`(?s)<xdr:from><xdr:col>(\d+)</xdr:col>.*?<xdr:row>(\d+)</xdr:row>.*?r:id="([^"]+)"`)
			for _, a := range anchor.FindAllStringSubmatch(part(drawing), -1) {
				col, _ := strconv.Atoi(a[1])
				row, _ := strconv.Atoi(a[2])
				at, _ := excelize.CoordinatesToCellName(col+1, row+1)
				chart := part(drawingRels[a[3]])
				// excelize writes the chart namespace as the default one;
				// other producers prefix it with c:
				kind := regexp.MustCompile(`<(?:c:)?(\w+Chart)>`).FindStringSubmatch(chart)
				dir := regexp.MustCompile(`<(?:c:)?barDir val="(\w+)"`).FindStringSubmatch(chart)
				var title []string
				for _, tt := range regexp.MustCompile(`(?s)<(?:c:)?title>.*?</(?:c:)?title>`).FindAllString(chart, 1) {
					for _, tx := range regexp.MustCompile(`<a:t>([^<]*)</a:t>`).FindAllStringSubmatch(tt, -1) {
						title = append(title, tx[1])
					}
				}
				desc := fmt.Sprintf("at %s %s", at, drawingRels[a[3]])
				if kind != nil {
					desc += " " + kind[1]
				}
				if dir != nil {
					desc += " " + dir[1]
				}
				desc += fmt.Sprintf(" title %q", strings.Join(title, ""))
				for _, ser := range regexp.MustCompile(`(?s)<(?:c:)?ser>.*?</(?:c:)?ser>`).FindAllString(chart, -1) {
					var fs []string
					for _, f := range regexp.MustCompile(`<(?:c:)?f>([^<]*)</(?:c:)?f>`).FindAllStringSubmatch(ser, -1) {
						fs = append(fs, strings.ReplaceAll(f[1], "&#39;", "'"))
					}
					desc += "; series " + strings.Join(fs, " ")
				}
				out[name] = append(out[name], desc)
			}
		}
	}
	return out
}

// TestSummaryGolden: the summary of testdata/2023.xlsx, as a text dump. The
// golden file was read against the completion table of `plancheck eval
// testdata/2023.xlsx` row by row.
func TestSummaryGolden(t *testing.T) {
	data := writeSummary(t, []*pipeline.Evaluation{sample2023(t, report.Chinese)}, report.Chinese)
	golden.Check(t, "summary-2023.txt", []byte(dumpSummary(t, data)))
}

// TestSummaryNotReportedGroups: testdata/2023.xlsx, which reports 专栏2,
// evaluated against the whole plan (jlp-hrss-14th@2, which eval chooses for
// it): 完成情况 has 专栏2's 23 rows and no row for a key project; those are
// one 未报送 line, a whole group named once; the counts add up to 23.
func TestSummaryNotReportedGroups(t *testing.T) {
	e := evaluateAgainst(t, "jlp-hrss-14th@2", "../../../testdata/2023.xlsx", "2023.xlsx", 2023, report.Chinese)
	f, err := excelize.OpenReader(bytes.NewReader(writeSummary(t, []*pipeline.Evaluation{e}, report.Chinese)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("完成情况")
	if err != nil {
		t.Fatal(err)
	}
	indicatorRow := regexp.MustCompile(`^\d+\.`)
	var indicators, notReported []string
	total := ""
	for _, r := range rows {
		switch {
		case len(r) == 0:
		case indicatorRow.MatchString(r[0]):
			indicators = append(indicators, r[0])
		case strings.HasPrefix(r[0], "未报送"):
			notReported = append(notReported, r[0])
		case r[0] == "全部指标" && len(r) == 8:
			total = r[7]
		}
	}
	if len(indicators) != 23 || indicators[22] != "23.申领电子社保卡人口覆盖率（%）" {
		t.Errorf("%d indicator rows, want 专栏2's 23: %q", len(indicators), indicators)
	}
	want := "未报送：24.工伤保险参保率（%）；八、实现更加充分更高质量就业重点项目（25—35，11 项）；36.医保定点医药机构示范点（个）；" +
		"十、建设高水平人才队伍重点项目（37—48，12 项）；十一、构建和谐劳动关系重点项目（49—58，10 项）；59.导服站现场咨询人员（名）"
	if len(notReported) != 1 || notReported[0] != want {
		t.Errorf("未报送 lines %q, want one: %s", notReported, want)
	}
	if total != "23" {
		t.Errorf("counts total %q, want 23", total)
	}
}

// TestSummaryGoldenSeveral: three years of testdata/2023.xlsx and the
// two-entity book of 2025 in one summary, in English: a Trend sheet with an
// Entity column, the entities' tables, one counts row per entity.
func TestSummaryGoldenSeveral(t *testing.T) {
	entities := evaluateWorkbook(t, entitiesBook(t, t.TempDir(), "区县.xlsx"), "区县.xlsx", 2025, report.English)
	// the book is made by the test: its hash would tie the golden file to
	// excelize's exact bytes
	entities.SHA256 = strings.Repeat("0", 64)
	evals := []*pipeline.Evaluation{
		evaluateWorkbook(t, "../../../testdata/2023.xlsx", "2023.xlsx", 2021, report.English),
		evaluateWorkbook(t, "../../../testdata/2023.xlsx", "2023.xlsx", 2022, report.English),
		sample2023(t, report.English),
		entities,
	}
	data := writeSummary(t, evals, report.English)
	golden.Check(t, "summary-trend-en.txt", []byte(dumpSummary(t, data)))
}

// TestSummaryAgreesWithCompletionTable: every indicator row of 完成情况, as a
// spreadsheet shows it, says what `plancheck eval` prints (the Markdown
// completion table), percentages aside: the sheet shows one decimal (60.0%),
// the table drops a .0 (60%).
func TestSummaryAgreesWithCompletionTable(t *testing.T) {
	t.Setenv("RUNEWIDTH_EASTASIAN", "")
	e := sample2023(t, report.Chinese)
	var md bytes.Buffer
	if err := textout.CompletionTable(&md, e, report.Chinese, textout.Markdown); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, line := range strings.Split(md.String(), "\n") {
		if !strings.HasPrefix(line, "|") {
			continue
		}
		var cells []string
		for _, c := range strings.Split(strings.Trim(line, "|"), "|") {
			cells = append(cells, strings.TrimSpace(c))
		}
		if len(cells) == 8 && cells[1] != "" && cells[1] != "属性" && !strings.HasPrefix(cells[1], "-") && !strings.HasPrefix(cells[1], ":") {
			// Both mark a 无数据 row with its note's number.
			want[cells[0]] = strings.Join(cells[1:], "|")
		}
	}
	if len(want) != 23 {
		t.Fatalf("%d rows in the completion table:\n%s", len(want), md.String())
	}
	f, err := excelize.OpenReader(bytes.NewReader(writeSummary(t, []*pipeline.Evaluation{e}, report.Chinese)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("完成情况")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, r := range rows {
		if len(r) == 0 {
			continue
		}
		w, ok := want[r[0]]
		if !ok || len(r) < 7 {
			continue
		}
		seen++
		got := strings.ReplaceAll(strings.Join(append(r[1:], "", "")[:7], "|"), ".0%", "%")
		if got != w {
			t.Errorf("%s:\n sheet %s\n table %s", r[0], got, w)
		}
	}
	if seen != 23 {
		t.Errorf("%d of 23 rows found in 完成情况", seen)
	}
}

// TestSummaryDeterministic: the same evaluations give the same bytes, run after
// run (the charts make excelize's part order vary unless SaveWorkbook fixes it),
// and evaluating the file again changes nothing either.
func TestSummaryDeterministic(t *testing.T) {
	evals := []*pipeline.Evaluation{sample2023(t, report.Chinese)}
	first := writeSummary(t, evals, report.Chinese)
	for i := 0; i < 5; i++ {
		if got := writeSummary(t, evals, report.Chinese); !bytes.Equal(got, first) {
			t.Fatalf("run %d wrote different bytes", i+2)
		}
	}
	if got := writeSummary(t, []*pipeline.Evaluation{sample2023(t, report.Chinese)}, report.Chinese); !bytes.Equal(got, first) {
		t.Fatal("a fresh evaluation of the same file wrote different bytes")
	}
	dir := t.TempDir()
	several := []*pipeline.Evaluation{sample2023(t, report.Chinese), evaluateWorkbook(t, entitiesBook(t, dir, "e.xlsx"), "e.xlsx", 2025, report.Chinese)}
	a, b := writeSummary(t, several, report.English), writeSummary(t, several, report.English)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs on several evaluations wrote different bytes")
	}
}

func TestSummaryNoEvaluation(t *testing.T) {
	var buf bytes.Buffer
	if err := book.WriteSummary(&buf, nil, nil, report.Chinese, "v"); err == nil || buf.Len() != 0 {
		t.Errorf("no evaluation: err %v, %d bytes written", err, buf.Len())
	}
}

// TestSummaryNotEvaluated: a batch's workbook that could not be evaluated is
// listed on 说明 under the files evaluated, by its file name, with why (the
// error without the name it starts with), and a line says the summary holds
// none of its data; 完成情况 names it under the tables. Without one there is
// no such section.
func TestSummaryNotEvaluated(t *testing.T) {
	missingPath := filepath.Join(t.TempDir(), "渝中区.xlsx")
	res := pipeline.EvaluateFile(context.Background(), missingPath, pipeline.Options{Lang: report.Chinese})
	if res.Err == nil {
		t.Fatal("a missing workbook was evaluated")
	}
	missing := []pipeline.NotEvaluated{{File: missingPath, Err: res.Err}}
	var buf bytes.Buffer
	if err := book.WriteSummary(&buf, []*pipeline.Evaluation{sample2023(t, report.Chinese)}, missing, report.Chinese, "v"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	files := rowOf(t, f, "说明", "输入文件")
	r := rowOf(t, f, "说明", "未评估的文件")
	if r <= files {
		t.Errorf("未评估的文件 at row %d, above the files evaluated (row %d)", r, files)
	}
	if v, _ := f.GetCellValue("说明", "B"+strconv.Itoa(r)); v != "原因" {
		t.Errorf("B%d = %q, want 原因", r, v)
	}
	if v, _ := f.GetCellValue("说明", "A"+strconv.Itoa(r+1)); v != "渝中区.xlsx" {
		t.Errorf("A%d = %q, want the file name alone", r+1, v)
	}
	if v, _ := f.GetCellValue("说明", "B"+strconv.Itoa(r+1)); v != "文件不存在" {
		t.Errorf("B%d = %q, want 文件不存在", r+1, v)
	}
	if v, _ := f.GetCellValue("说明", "A"+strconv.Itoa(r+2)); !strings.Contains(v, "没有它们的数据") {
		t.Errorf("A%d = %q, want the line that the summary holds none of their data", r+2, v)
	}
	line := rowOf(t, f, "完成情况", "未评估：渝中区.xlsx（文件不存在）")
	if counts := rowOf(t, f, "完成情况", "汇总"); line < counts {
		t.Errorf("完成情况: the line on the missing workbook at row %d, above the counts (row %d)", line, counts)
	}

	plain := writeSummary(t, []*pipeline.Evaluation{sample2023(t, report.Chinese)}, report.Chinese)
	pf, err := excelize.OpenReader(bytes.NewReader(plain))
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	rows, _ := pf.GetRows("说明")
	for i, row := range rows {
		if len(row) > 0 && row[0] == "未评估的文件" {
			t.Errorf("row %d: 未评估的文件 with every workbook evaluated", i+1)
		}
	}
}

// rowOf returns the 1-based row whose column A is text, or fails.
func rowOf(t *testing.T, f *excelize.File, sheet, text string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == text {
			return i + 1
		}
	}
	t.Fatalf("%s: no row with %q in column A", sheet, text)
	return 0
}

// TestSummaryLayout checks the summary of testdata/2023.xlsx through excelize:
// the numbers with their indicators' precision, statuses with their fills,
// the counts, the audit line, the frozen header, the fitted widths.
func TestSummaryLayout(t *testing.T) {
	data := writeSummary(t, []*pipeline.Evaluation{sample2023(t, report.Chinese)}, report.Chinese)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "完成情况,明细,说明,图表数据" {
		t.Errorf("sheets %v", got)
	}
	// the chart's data is on a sheet of its own, hidden, so that it does not print
	if visible, err := f.GetSheetVisible("图表数据"); err != nil || visible {
		t.Errorf("图表数据 visible %v (%v)", visible, err)
	}
	cell := func(sheet, ref string) string {
		t.Helper()
		v, err := f.GetCellValue(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	fill := func(sheet, ref string) string {
		t.Helper()
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(st.Fill.Color, ",")
	}
	// 1. [15] cumulative: 3.1 + 2.9 + 3.0 = [9] (its own decimals), 60% of time,
	// p = 9 / 15 = 0.6, r = 1 → 符合预期 (light green).
	r := rowOf(t, f, "完成情况", "1.城镇新增就业人数（万人）")
	for ref, want := range map[string]string{"B": "预期性", "C": "[15]", "D": "[9]", "E": "60.0%", "F": "60.0%", "G": "符合预期", "H": "预计可如期完成"} {
		if got := cell("完成情况", ref+strconv.Itoa(r)); got != want {
			t.Errorf("完成情况!%s%d = %q, want %q", ref, r, got, want)
		}
	}
	if got := fill("完成情况", "G"+strconv.Itoa(r)); got != "E2EFDA" {
		t.Errorf("符合预期 fill %s", got)
	}
	// 5. 41.6 → 43.6 at 42.6: p = 1 / 2 = 0.5, r = 0.833 → 滞后 (amber).
	r = rowOf(t, f, "完成情况", "5.失业保险参保人数（万人）")
	if cell("完成情况", "G"+strconv.Itoa(r)) != "滞后" || fill("完成情况", "G"+strconv.Itoa(r)) != "FFD966" {
		t.Errorf("row 5: %q %s", cell("完成情况", "G"+strconv.Itoa(r)), fill("完成情况", "G"+strconv.Itoa(r)))
	}
	// 12. >60 → >70 at 72: met before the final year → 提前完成 (green).
	r = rowOf(t, f, "完成情况", "12.住院费用跨省直接结算率（%）")
	if cell("完成情况", "G"+strconv.Itoa(r)) != "提前完成" || fill("完成情况", "G"+strconv.Itoa(r)) != "A9D08E" {
		t.Errorf("row 12: %q %s", cell("完成情况", "G"+strconv.Itoa(r)), fill("完成情况", "G"+strconv.Itoa(r)))
	}
	// 18. the 2023 cell is —: 无数据 (grey), no actual, and note 1 under the
	// table says why, as the terminal's table does.
	r = rowOf(t, f, "完成情况", "18.新增取得高级工以上职业资格证书或者职业技能等级证书人数（万人）")
	if cell("完成情况", "D"+strconv.Itoa(r)) != "—" || cell("完成情况", "G"+strconv.Itoa(r)) != "无数据（1）" || fill("完成情况", "G"+strconv.Itoa(r)) != "D9D9D9" {
		t.Errorf("row 18: %q %q %s", cell("完成情况", "D"+strconv.Itoa(r)), cell("完成情况", "G"+strconv.Itoa(r)), fill("完成情况", "G"+strconv.Itoa(r)))
	}
	if r := rowOf(t, f, "完成情况", "（1）新增取得高级工以上职业资格证书或者职业技能等级证书人数：缺少 2023 年数据，无法累计至 2023 年"); r <= rowOf(t, f, "完成情况", "23.申领电子社保卡人口覆盖率（%）") {
		t.Errorf("note 1 in row %d, want it under the table", r)
	}
	// the counts: 3 提前完成 · 4 快于预期 · 11 符合预期 · 4 滞后 · 0 未完成 · 1 无数据 = 23.
	r = rowOf(t, f, "完成情况", "全部指标")
	var counts []string
	for _, c := range "BCDEFGH" {
		counts = append(counts, cell("完成情况", string(c)+strconv.Itoa(r)))
	}
	if got := strings.Join(counts, " "); got != "3 4 11 4 0 1 23" {
		t.Errorf("counts %s", got)
	}
	if got := cell("完成情况", "C"+strconv.Itoa(r-1)) + fill("完成情况", "F"+strconv.Itoa(r-1)); got != "快于预期FF7C80" {
		t.Errorf("counts header: %s", got)
	}
	// the audit line
	r = rowOf(t, f, "完成情况", "审核：十四五指标!H10：5.失业保险参保人数（万人） 写“符合预期”，计算为“滞后”")
	if r == 0 {
		t.Error("no audit line")
	}
	panes, err := f.GetPanes("完成情况")
	if err != nil || !panes.Freeze || panes.YSplit != 2 || panes.TopLeftCell != "A3" {
		t.Errorf("panes %+v %v", panes, err)
	}
	// 明细: 22. 112 → 115 at 113.71: R = 112 + 3 × 0.6 = 113.8, p = 0.57, r = 0.95.
	r = 0
	rows, _ := f.GetRows("明细")
	for i, row := range rows {
		if row[0] == "social-security-card-holders" {
			r = i + 1
		}
	}
	if r == 0 {
		t.Fatal("明细: no row for social-security-card-holders")
	}
	for ref, want := range map[string]string{"F": "112", "H": "115", "I": "113.71", "J": "113.8", "K": "57.0%", "L": "60.0%", "M": "0.950", "N": "符合预期",
		"O": "（113.71 − 112）÷（115 − 112）= 57%，时序进度 60%，进度比 0.95 ≥ 0.95：符合预期", "S": "十四五指标!F31"} {
		if got := cell("明细", ref+strconv.Itoa(r)); got != want {
			t.Errorf("明细!%s%d = %q, want %q", ref, r, got, want)
		}
	}
	// The column widths follow the display width, a Chinese character two:
	// 指标 takes its cap of 50 as #11 (76) wraps, and #11's row is two lines
	// high; 属性 fits the header 完成进度 of the chart data (8) + 2; 预计 fits
	// 预计可如期完成 (14) + 2.
	for col, want := range map[string]float64{"A": 50, "B": 10, "H": 16} {
		if w, _ := f.GetColWidth("完成情况", col); w != want {
			t.Errorf("完成情况!%s width %v, want %v", col, w, want)
		}
	}
	r = rowOf(t, f, "完成情况", "11.实行按疾病诊断相关分组付费和按病种付费的住院费用占全部住院费用的比例（%）")
	if h, _ := f.GetRowHeight("完成情况", r); h != 33 {
		t.Errorf("#11 row height %v", h)
	}
}

// TestSummaryEnglish: labels follow the language.
func TestSummaryEnglish(t *testing.T) {
	data := writeSummary(t, []*pipeline.Evaluation{sample2023(t, report.English)}, report.English)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "Completion,Details,About,Chart data" {
		t.Errorf("sheets %v", got)
	}
	r := rowOf(t, f, "Completion", "1.城镇新增就业人数（万人）")
	if v, _ := f.GetCellValue("Completion", "G"+strconv.Itoa(r)); v != "on track" {
		t.Errorf("status %q", v)
	}
	if v, _ := f.GetCellValue("Completion", "A2"); v != "Indicator" {
		t.Errorf("header %q", v)
	}
}

// TestSummarySeveral: several evaluations give a 趋势 sheet, indicator × year;
// a multi-entity evaluation gives one counts row per entity, and the final
// year's 完成 and 未完成 with their fills.
func TestSummarySeveral(t *testing.T) {
	dir := t.TempDir()
	evals := []*pipeline.Evaluation{
		evaluateWorkbook(t, "../../../testdata/2023.xlsx", "2023.xlsx", 2022, report.Chinese),
		sample2023(t, report.Chinese),
		evaluateWorkbook(t, entitiesBook(t, dir, "区县.xlsx"), "区县.xlsx", 2025, report.Chinese),
	}
	data := writeSummary(t, evals, report.Chinese)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "完成情况,明细,趋势,说明,图表数据" {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows("趋势")
	if err != nil {
		t.Fatal(err)
	}
	// header: 填报单位 指标 属性 目标, then actual and status per file and year
	if got := strings.Join(rows[0], "|"); got != "填报单位|指标|属性|目标|2023.xlsx · 2022年||2023.xlsx · 2023年||区县.xlsx · 2025年" {
		t.Errorf("trend header %q", got)
	}
	if got := strings.Join(rows[1][4:], "|"); got != "实际值|完成情况|实际值|完成情况|实际值|完成情况" {
		t.Errorf("trend header 2 %q", got)
	}
	find := func(entity, label string) []string {
		for _, r := range rows {
			if len(r) > 1 && r[0] == entity && r[1] == label {
				return r
			}
		}
		t.Fatalf("趋势: no row %q %q", entity, label)
		return nil
	}
	// 6. 42 → 45: 2022 43.9, p = 1.9 / 3 = 0.633, f = 0.4, r = 1.58 → 快于预期;
	// 2023 44.3, p = 0.767, r = 1.28 → 快于预期; 区县.xlsx has no unit "": empty.
	if got := strings.Join(find("", "6.工伤保险参保人数（万人）")[4:], "|"); got != "43.9|快于预期|44.3|快于预期" {
		t.Errorf("trend row 6: %q", got)
	}
	if got := strings.Join(find("渝中区", "6.工伤保险参保人数（万人）")[4:], "|"); got != "||||44|未完成" {
		t.Errorf("trend row 6 渝中区: %q", got)
	}
	// 完成情况: one counts row per entity, then all; in the final year only
	// the statuses that can occur then: 完成, 未完成, 无数据.
	r := rowOf(t, f, "完成情况", "全部")
	for i, want := range []string{hyperlinkEntity + "|2|0|0|2|", "渝中区|0|2|0|2|", "全部|2|2|0|4|"} {
		row := r - 2 + i
		var got []string
		for _, c := range "ABCDEF" {
			v, _ := f.GetCellValue("完成情况", fmt.Sprintf("%c%d", c, row))
			got = append(got, v)
		}
		if strings.Join(got, "|") != want {
			t.Errorf("counts row %d: %q, want %q", row, strings.Join(got, "|"), want)
		}
	}
	// the counts header of the final year says 完成, not 提前完成
	var header []string
	for _, c := range "BCDE" {
		v, _ := f.GetCellValue("完成情况", fmt.Sprintf("%c%d", c, r-3))
		header = append(header, v)
	}
	if got := strings.Join(header, "|"); got != "完成|未完成|无数据|合计" {
		t.Errorf("final-year counts header %q", got)
	}
	// the statuses of the final year with their fills: 完成 green, 未完成 red
	statusFills := map[string]string{}
	all, _ := f.GetRows("完成情况")
	for i, row := range all {
		if len(row) > 6 && (row[6] == "完成" || row[6] == "未完成") {
			id, _ := f.GetCellStyle("完成情况", fmt.Sprintf("G%d", i+1))
			st, _ := f.GetStyle(id)
			statusFills[row[6]] = strings.Join(st.Fill.Color, ",")
		}
	}
	if statusFills["完成"] != "A9D08E" || statusFills["未完成"] != "FF7C80" {
		t.Errorf("final-year fills %v", statusFills)
	}
	// one chart per table part with path indicators: 2022, 2023, and the
	// entity whose 6. has a progress (both do).
	charts := chartsBySheet(t, data)["完成情况"]
	if len(charts) != 4 {
		t.Errorf("%d charts:\n%s", len(charts), strings.Join(charts, "\n"))
	}
}

// TestSummaryFormulaInjection: an entity named =HYPERLINK(…) and a file named
// =cmd.xlsx are text in every sheet: no cell of the summary holds a formula,
// and the text comes back as written, from excelize and after LibreOffice
// has opened and saved the workbook.
func TestSummaryFormulaInjection(t *testing.T) {
	t.Parallel() // LibreOffice and Python start slowly; each call has its own profile
	dir := t.TempDir()
	book := entitiesBook(t, dir, "=cmd.xlsx")
	evals := []*pipeline.Evaluation{evaluateWorkbook(t, book, "=cmd.xlsx", 2025, report.Chinese), sample2023(t, report.Chinese)}
	evals[1].AddWarning("+1: -2 @3")
	data := writeSummary(t, evals, report.Chinese)
	out := saveSummary(t, data, "summary.xlsx")

	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		for ref, c := range wbt.RawCells(t, out, sheet) {
			if c.HasFormula {
				t.Errorf("%s!%s holds a formula %q", sheet, ref, c.Formula)
			}
			if c.Type != "s" && c.Type != "inlineStr" { // the sheets are streamed: inline strings
				continue
			}
			v, _ := f.GetCellValue(sheet, ref)
			if v == hyperlinkEntity || v == "=cmd.xlsx" || v == "+1: -2 @3" {
				found[sheet+" "+v] = true
			}
		}
	}
	for _, want := range []string{"完成情况 " + hyperlinkEntity, "明细 " + hyperlinkEntity, "明细 =cmd.xlsx", "说明 =cmd.xlsx", "说明 +1: -2 @3"} {
		if !found[want] {
			t.Errorf("%q is not a text cell (found %v)", want, found)
		}
	}

	// LibreOffice reads them as text too: its copy has no formula either.
	converted := wbt.ConvertLibreOffice(t, out, filepath.Join(dir, "lo"))
	for _, sheet := range []string{"完成情况", "明细", "说明"} {
		for ref, c := range wbt.RawCells(t, converted, sheet) {
			if c.HasFormula {
				t.Errorf("LibreOffice: %s!%s holds a formula %q", sheet, ref, c.Formula)
			}
		}
	}
	lo, err := excelize.OpenFile(converted)
	if err != nil {
		t.Fatal(err)
	}
	defer lo.Close()
	if rowOf(t, lo, "说明", "=cmd.xlsx") == 0 {
		t.Error("LibreOffice: the file name is lost")
	}
}

// soffice converts in to the given filter with LibreOffice, in a fresh user
// profile (runs sharing one fail silently), and returns the files it wrote.
func soffice(t *testing.T, in, outDir, filter string) []string {
	t.Helper()
	wbt.RequireLibreOffice(t)
	profile := t.TempDir()
	profileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(profile)}).String()
	ctx, cancel := context.WithTimeout(t.Context(), wbt.ConvertTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, wbt.Soffice, "-env:UserInstallation="+profileURL,
		"--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
		"--convert-to", filter, "--outdir", outDir, in)
	cmd.WaitDelay = 10 * time.Second
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, output)
	}
	entries, err := os.ReadDir(outDir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		files = append(files, filepath.Join(outDir, e.Name()))
	}
	if len(files) == 0 {
		t.Fatalf("soffice wrote nothing\n%s", output)
	}
	return files
}

// csvAllSheets is LibreOffice's CSV filter: comma, double quote, UTF-8, from
// line 1, cells as shown (formatted), every sheet to its own file (the last
// token, -1).
const csvAllSheets = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"

// TestSummaryLibreOffice: LibreOffice opens the summary and shows what was
// meant: every sheet exported as CSV as shown, statuses, numbers with their
// precision and brackets, percentages, the plan id on 说明.
func TestSummaryLibreOffice(t *testing.T) {
	t.Parallel() // LibreOffice and Python start slowly; each call has its own profile
	in := saveSummary(t, writeSummary(t, []*pipeline.Evaluation{sample2023(t, report.Chinese)}, report.Chinese), "summary.xlsx")
	outDir := t.TempDir()
	files := soffice(t, in, outDir, csvAllSheets)
	sheets := map[string][][]string{}
	for _, p := range files {
		base := strings.TrimSuffix(filepath.Base(p), ".csv")
		name := strings.TrimPrefix(base, "summary-")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		sheets[name] = recs
	}
	var names []string
	for n := range sheets {
		names = append(names, n)
	}
	sort.Strings(names)
	if strings.Join(names, ",") != "图表数据,完成情况,明细,说明" {
		t.Fatalf("LibreOffice exported %v", names)
	}
	row := func(sheet, first string) []string {
		for _, r := range sheets[sheet] {
			if len(r) > 0 && r[0] == first {
				return r
			}
		}
		t.Fatalf("%s: no row %q", sheet, first)
		return nil
	}
	// as in `plancheck eval`: [9] 60% 60% 符合预期; 3. [2.7] 67.5% 快于预期;
	// 19. 56.1 (its own decimal, below the precision 2) 74.4% 快于预期.
	for first, want := range map[string]string{
		"1.城镇新增就业人数（万人）":       "预期性|[15]|[9]|60.0%|60.0%|符合预期|预计可如期完成",
		"3.开展补贴性职业技能培训人次（万人次）": "预期性|[4]|[2.7]|60.0%|67.5%|快于预期|预计可如期完成",
		"19.劳动人事争议调解成功率（%）":    "预期性|>60|56.1|60.0%|74.4%|快于预期|预计可如期完成",
		"2.城镇调查失业率（%）":         "预期性|<5.5|5.3|60.0%|—|符合预期|预计可如期完成",
	} {
		if got := strings.Join(row("完成情况", first)[1:8], "|"); got != want {
			t.Errorf("完成情况 %s: %q, want %q", first, got, want)
		}
	}
	if got := row("说明", "规划编号")[1]; got != "jlp-hrss-14th" {
		t.Errorf("说明 plan id %q", got)
	}
	if got := row("说明", "规划版本")[1]; got != "1" {
		t.Errorf("说明 plan version %q", got)
	}
	if got := row("说明", "2023.xlsx")[1]; len(got) != 64 {
		t.Errorf("说明 sha256 %q", got)
	}
	if got := row("说明", "plancheck 版本")[1]; got != "v1.2.3-test" {
		t.Errorf("说明 version %q", got)
	}
	if got := row("明细", "social-security-card-holders"); got[9] != "113.8" || got[12] != "0.950" {
		t.Errorf("明细 card holders %q", got)
	}
}

// openpyxlCheck loads the summary with openpyxl and reports, as JSON, each
// sheet's frozen pane and chart count and, for the cells asked for in the
// JSON argv[2] ({"sheet": [refs]}), value, number format and fill colour.
const openpyxlCheck = `
import json, sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
want = json.loads(sys.argv[2])
out = {"sheets": wb.sheetnames, "panes": {}, "charts": {}, "cells": {}}
for ws in wb.worksheets:
    out["panes"][ws.title] = ws.freeze_panes
    out["charts"][ws.title] = [
        {"type": c.tagname, "dir": getattr(c, "barDir", None), "series": len(c.series),
         "values": [s.val.numRef.f for s in c.series]}
        for c in ws._charts]
for sheet, refs in want.items():
    ws = wb[sheet]
    for ref in refs:
        c = ws[ref]
        fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None
        out["cells"][sheet + "!" + ref] = {"value": c.value, "format": c.number_format, "fill": fill, "type": c.data_type}
print(json.dumps(out, ensure_ascii=False))
`

// TestSummaryOpenpyxl: openpyxl, another producer's reader, sees the frozen
// panes, the fills, the number formats and the chart.
func TestSummaryOpenpyxl(t *testing.T) {
	t.Parallel()
	wbt.RequireOpenpyxl(t)
	data := writeSummary(t, []*pipeline.Evaluation{sample2023(t, report.Chinese)}, report.Chinese)
	in := saveSummary(t, data, "summary.xlsx")
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	r1 := rowOf(t, f, "完成情况", "1.城镇新增就业人数（万人）")
	r5 := rowOf(t, f, "完成情况", "5.失业保险参保人数（万人）")
	r19 := rowOf(t, f, "完成情况", "19.劳动人事争议调解成功率（%）")
	f.Close()
	ref := func(col string, row int) string { return col + strconv.Itoa(row) }
	want := map[string][]string{"完成情况": {ref("D", r1), ref("F", r1), ref("G", r1), ref("G", r5), ref("D", r19)}}
	arg, _ := json.Marshal(want)
	script := filepath.Join(t.TempDir(), "check.py")
	if err := os.WriteFile(script, []byte(openpyxlCheck), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), wbt.Python, "-I", script, in, string(arg))
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	var got struct {
		Sheets []string          `json:"sheets"`
		Panes  map[string]string `json:"panes"`
		Charts map[string][]struct {
			Type   string   `json:"type"`
			Dir    string   `json:"dir"`
			Series int      `json:"series"`
			Values []string `json:"values"`
		} `json:"charts"`
		Cells map[string]struct {
			Value  any    `json:"value"`
			Format string `json:"format"`
			Fill   string `json:"fill"`
			Type   string `json:"type"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Panes["完成情况"] != "A3" || got.Panes["明细"] != "C2" {
		t.Errorf("frozen panes %v", got.Panes)
	}
	charts := got.Charts["完成情况"]
	if len(charts) != 1 || charts[0].Type != "barChart" || charts[0].Dir != "bar" || charts[0].Series != 2 ||
		!strings.HasPrefix(charts[0].Values[0], "'图表数据'!$B$") {
		t.Errorf("charts %+v", got.Charts)
	}
	cell := func(col string, row int) struct {
		Value  any    `json:"value"`
		Format string `json:"format"`
		Fill   string `json:"fill"`
		Type   string `json:"type"`
	} {
		return got.Cells["完成情况!"+ref(col, row)]
	}
	// [9]: the number 9 shown in brackets with its own (no) decimals
	if c := cell("D", r1); c.Value != 9.0 || c.Format != `\[0\]` || c.Type != "n" {
		t.Errorf("D%d %+v", r1, c)
	}
	if c := cell("F", r1); c.Value != 0.6 || c.Format != "0.0%" {
		t.Errorf("F%d %+v", r1, c)
	}
	if c := cell("G", r1); c.Value != "符合预期" || !strings.HasSuffix(c.Fill, "E2EFDA") {
		t.Errorf("G%d %+v", r1, c)
	}
	if c := cell("G", r5); c.Value != "滞后" || !strings.HasSuffix(c.Fill, "FFD966") {
		t.Errorf("G%d %+v", r5, c)
	}
	if c := cell("D", r19); c.Value != 56.1 || c.Format != "0.0" {
		t.Errorf("D%d %+v", r19, c)
	}
}

// TestSummaryPicture renders the 完成情况 sheet of the summary of
// testdata/2023.xlsx to the PNG named by -summary-png (docs/summary.png in
// the README): LibreOffice to PDF, pdftoppm for the first page.
//
//	go test ./pkg/report/book -run TestSummaryPicture -summary-png ../../../docs/summary.png
func TestSummaryPicture(t *testing.T) {
	if *summaryPNG == "" {
		t.Skip("no -summary-png")
	}
	in := saveSummary(t, writeSummary(t, []*pipeline.Evaluation{sample2023(t, report.Chinese)}, report.Chinese), "summary.xlsx")
	outDir := t.TempDir()
	pdf := filepath.Join(outDir, "summary.pdf")
	// each sheet on one page of its own size, at 100%
	soffice(t, in, outDir, `pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}`)
	renderPage1(t, pdf, *summaryPNG, 110)
}

// paletted re-encodes a PNG with a palette of its 256 most frequent colours,
// each other colour mapped to the nearest of them: a sheet is flat fills and
// anti-aliased text, which this keeps, at a third of the size.
func paletted(data []byte) ([]byte, error) {
	src, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := src.Bounds()
	counts := map[color.RGBA]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			counts[color.RGBAModel.Convert(src.At(x, y)).(color.RGBA)]++
		}
	}
	colours := make([]color.RGBA, 0, len(counts))
	for c := range counts {
		colours = append(colours, c)
	}
	sort.Slice(colours, func(i, j int) bool {
		a, b := colours[i], colours[j]
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		return uint32(a.R)<<16|uint32(a.G)<<8|uint32(a.B) < uint32(b.R)<<16|uint32(b.G)<<8|uint32(b.B)
	})
	pal := make(color.Palette, 0, 256)
	for _, c := range colours[:min(256, len(colours))] {
		pal = append(pal, c)
	}
	dst := image.NewPaletted(b, pal)
	index := map[color.RGBA]uint8{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.RGBAModel.Convert(src.At(x, y)).(color.RGBA)
			i, ok := index[c]
			if !ok {
				i = uint8(pal.Index(c))
				index[c] = i
			}
			dst.SetColorIndex(x, y, i)
		}
	}
	var out bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, dst); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// manyUnitsBook is a long table of n reporting units for 2024 and 2025,
// each with a path indicator (工伤保险参保人数) and so a progress chart of
// its own; the first unit's name is 3,000 characters, whose heading wraps
// over more than 409 points (Excel's highest row).
func manyUnitsBook(t testing.TB, dir string, n int) string {
	t.Helper()
	cells := []wbt.Cell{{Ref: "A1", Value: "区县"}, {Ref: "B1", Value: "指标"}, {Ref: "C1", Value: "年份"}, {Ref: "D1", Value: "数值"}}
	r := 2
	for u := range n {
		name := fmt.Sprintf("第%03d街道", u+1)
		if u == 0 {
			name = strings.Repeat("很长的街道名称", 3000/7)
		}
		for y, v := range map[int]float64{2024: 44.6, 2025: 45.2} {
			cells = append(cells, wbt.Cell{Ref: fmt.Sprintf("A%d", r), Value: name}, wbt.Cell{Ref: fmt.Sprintf("B%d", r), Value: "工伤保险参保人数"},
				wbt.Cell{Ref: fmt.Sprintf("C%d", r), Value: y}, wbt.Cell{Ref: fmt.Sprintf("D%d", r), Value: v})
			r++
		}
	}
	p := filepath.Join(dir, fmt.Sprintf("units-%d.xlsx", n))
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "汇总", Cells: cells}}}, p)
	return p
}

// TestSummaryManyUnits: up to 40 units get a progress chart each; more get
// none and a line that says so (a chart a page, placed by excelize walking
// every row above it, made a summary of thousands of units take minutes).
// Every unit's heading is merged across the table (the stream writer
// writes the merges); a heading too long for Excel's highest row is
// written at that height, not refused.
func TestSummaryManyUnits(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tc := range []struct{ units, charts int }{{3, 3}, {40, 40}, {41, 0}} {
		e := evaluateWorkbook(t, manyUnitsBook(t, dir, tc.units), "units.xlsx", 2025, report.Chinese)
		data := writeSummary(t, []*pipeline.Evaluation{e}, report.Chinese)
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		charts := 0
		for _, f := range zr.File {
			if strings.HasPrefix(f.Name, "xl/charts/chart") {
				charts++
			}
		}
		if charts != tc.charts {
			t.Errorf("%d units: %d charts, want %d", tc.units, charts, tc.charts)
		}
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		sheet := f.GetSheetName(0)
		merges, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		headings := 0
		for _, m := range merges {
			if strings.Contains(m.GetCellValue(), "街道") {
				headings++
			}
		}
		if headings < tc.units {
			t.Errorf("%d units: %d merged unit headings", tc.units, headings)
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		note := false
		for _, row := range rows {
			note = note || len(row) > 0 && strings.Contains(row[0], "不再逐一作图")
		}
		if note != (tc.charts == 0) {
			t.Errorf("%d units: the no-chart line %v", tc.units, note)
		}
		f.Close()
	}
}

// BenchmarkSummaryUnits writes the summary workbook of 500 and 2,000
// reporting units: the time per unit should not grow with their number
// (excelize's MergeCell and chart placing made it quadratic).
func BenchmarkSummaryUnits(b *testing.B) {
	for _, n := range []int{500, 2000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			e := evaluateWorkbook(b, manyUnitsBook(b, b.TempDir(), n), "units.xlsx", 2025, report.Chinese)
			b.ResetTimer()
			for b.Loop() {
				if err := book.WriteSummary(io.Discard, []*pipeline.Evaluation{e}, nil, report.Chinese, "bench"); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/unit")
		})
	}
}
