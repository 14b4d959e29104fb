package xlsx

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// excelizeBook writes, with excelize, a workbook like an analyst's: a merged
// title, a header, values with percent and date formats, a vertical merge, a
// gap of empty rows, a second sheet and a hidden one.
func excelizeBook(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	style := func(s *excelize.Style) int {
		t.Helper()
		id, err := f.NewStyle(s)
		must(err)
		return id
	}
	custom := func(code string) int { return style(&excelize.Style{CustomNumFmt: &code}) }
	const s = "十四五指标"
	must(f.SetSheetName("Sheet1", s))
	set := func(ref string, v any) { t.Helper(); must(f.SetCellValue(s, ref, v)) }
	setStyle := func(ref string, id int) { t.Helper(); must(f.SetCellStyle(s, ref, ref, id)) }

	set("A1", "表1 “十四五”主要指标")
	must(f.MergeCell(s, "A1", "F1"))
	for i, h := range []string{"编号", "指标名称", "单位", "2021年", "2022年", "属性"} {
		set(refName(i+1, 2), h)
	}
	set("A3", "一、就业")
	must(f.MergeCell(s, "A3", "A5"))
	set("B3", "城镇调查失业率")
	set("C3", "%")
	set("D3", 0.9615)
	setStyle("D3", style(&excelize.Style{NumFmt: 9}))
	set("E3", 0.97)
	setStyle("E3", style(&excelize.Style{NumFmt: 10}))
	set("F3", "预期性")
	set("B4", "新增就业")
	set("C4", "万人")
	set("D4", 0.123)
	setStyle("D4", custom("0.0%"))
	set("E4", 12.5)
	setStyle("E4", custom(`0.0"%"`))
	set("B5", "日期")
	set("D5", 44562)
	setStyle("D5", style(&excelize.Style{NumFmt: 14}))
	set("E5", 44562)
	setStyle("E5", custom("yyyy年m月d日"))
	set("F5", 1.5)
	setStyle("F5", custom("[h]:mm"))
	set("B6", "全角")
	set("D6", "４３．６")
	set("E6", true)
	set("F6", false)
	must(f.SetCellRichText(s, "B7", []excelize.RichTextRun{{Text: "富"}, {Text: "文本", Font: &excelize.Font{Bold: true}}}))
	set("D7", int64(1234567890123456789))
	set("E7", -0.000001)
	set("F7", 0.1+0.2)
	// A formula with a cached (string) value, and one without.
	set("D8", 5)
	must(f.SetCellFormula(s, "D8", `"5"`))
	set("E8", 2)
	set("F8", 3)
	must(f.SetCellFormula(s, "C8", "E8+F8"))
	// Rows 9–11 empty; a header-like merge further down.
	set("B12", "注：数据来源")
	must(f.MergeCell(s, "B12", "D13"))

	_, err := f.NewSheet("Sheet2")
	must(err)
	must(f.SetCellValue("Sheet2", "A1", "second"))
	must(f.SetCellValue("Sheet2", "B2", 42))
	_, err = f.NewSheet("Hidden")
	must(err)
	must(f.SetCellValue("Hidden", "C3", "hidden"))
	must(f.SetSheetVisible("Hidden", false))

	path := filepath.Join(t.TempDir(), "excelize.xlsx")
	must(f.SaveAs(path))
	return path
}

func TestExcelizeBook(t *testing.T) {
	path := excelizeBook(t)
	w, err := Open(path, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if got, want := w.Sheets(), []string{"十四五指标", "Sheet2", "Hidden"}; !slices.Equal(got, want) {
		t.Errorf("Sheets() = %q, want %q", got, want)
	}
	rows := readAll(t, w, "十四五指标")
	cells := cellMap(t, rows)
	var nums []int
	for _, r := range rows {
		nums = append(nums, r.Num)
	}
	// Rows 9–11 are empty, row 13 is only filled by the merge B12:D13.
	if want := []int{1, 2, 3, 4, 5, 6, 7, 8, 12, 13}; !slices.Equal(nums, want) {
		t.Errorf("row numbers %v, want %v", nums, want)
	}
	check := func(ref string, want Cell) {
		t.Helper()
		got, ok := cells[ref]
		if !ok {
			t.Errorf("%s: missing", ref)
			return
		}
		want.Col, want.Row, _ = parseRef(ref, DefaultLimits())
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", ref, got, want)
		}
	}
	title := "表1 “十四五”主要指标"
	check("A1", Cell{Kind: Text, Text: title})
	check("F1", Cell{Kind: Text, Text: title, Merged: true})
	check("A4", Cell{Kind: Text, Text: "一、就业", Merged: true})
	check("A5", Cell{Kind: Text, Text: "一、就业", Merged: true})
	check("D3", Cell{Kind: Number, Text: "0.9615", Number: 0.9615, Percent: true, Format: "0%"})
	check("E3", Cell{Kind: Number, Text: "0.97", Number: 0.97, Percent: true, Format: "0.00%"})
	check("D4", Cell{Kind: Number, Text: "0.123", Number: 0.123, Percent: true, Format: "0.0%"})
	check("E4", Cell{Kind: Number, Text: "12.5", Number: 12.5, Format: `0.0"%"`})
	check("D5", Cell{Kind: Number, Text: "44562", Number: 44562, Date: true, Format: "mm-dd-yy"})
	check("E5", Cell{Kind: Number, Text: "44562", Number: 44562, Date: true, Format: "yyyy年m月d日"})
	check("F5", Cell{Kind: Number, Text: "1.5", Number: 1.5, Date: true, Format: "[h]:mm"})
	check("D6", Cell{Kind: Text, Text: "４３．６"})
	check("E6", Cell{Kind: Bool, Text: "TRUE"})
	check("F6", Cell{Kind: Bool, Text: "FALSE"})
	check("B7", Cell{Kind: Text, Text: "富文本"})
	check("D7", Cell{Kind: Number, Text: "1234567890123456789", Number: 1234567890123456789})
	check("D8", Cell{Kind: Text, Text: "5", Formula: true})
	check("C8", Cell{Kind: Blank, Formula: true})
	check("C13", Cell{Kind: Text, Text: "注：数据来源", Merged: true})
	if _, ok := cells["B2"]; !ok {
		t.Error("B2 missing")
	}

	if got, err := w.Calc("十四五指标", "C8"); err != nil || got != "5" {
		t.Errorf(`Calc(C8) = %q, %v; want "5"`, got, err)
	}
	if rows := readAll(t, w, "Hidden"); len(rows) != 1 || rows[0].Cells[0].Text != "hidden" {
		t.Errorf("hidden sheet rows %+v", rows)
	}
	crossCheck(t, path)
}

// handBook is a workbook excelize cannot write: inline strings, a rich inline
// string, error and ISO date cells, formulas with cached numbers, a row and
// cells without r, phonetic runs, _xHHHH_ escapes, and a vertical merge that
// reaches into rows the file does not have.
func handBook() book {
	return book{
		sst: []string{
			`<t>2021年</t>`,
			`<t>城镇调查失业率（%）</t>`,
			`<r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>`,
			"<t>line1_x000D_\nline2 _x005F_x0041_ _x4E2D_</t>",
			`<t xml:space="preserve"> 5.4 </t>`,
		},
		sheets: []bookSheet{{name: "Hand", xml: sheetXML(`
<row r="1"><c r="A1" t="inlineStr"><is><t>指标名称</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>20</t></r><r><rPr><b/></rPr><t>22年</t></r></is></c><c r="E1" t="inlineStr"><is><t>merged</t></is></c></row>
<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>0.9615</v></c><c r="C2" s="2"><f>B2*1</f><v>0.9615</v></c></row>
<row r="3"><c r="A3" t="e"><v>#DIV/0!</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D3"><f>SUM(B2:C2)</f></c><c r="E3" t="b"><v>0</v></c></row>
<row r="4" spans="1:4"><c r="A4" s="3"><v>0.123</v></c><c r="B4" s="4"><v>44562</v></c><c r="C4" s="5"><v>44562</v></c><c r="D4" s="6"><v>12.5</v></c></row>
<row><c t="inlineStr"><is><t>no r</t></is></c><c><v>7</v></c><c t="inlineStr"><is><t xml:space="preserve">  spaced  </t></is></c></row>
<row r="7"><c r="B7" t="d"><v>2024-01-31T00:00:00Z</v></c><c r="C7" t="e"><v>#N/A</v></c></row>
<row r="8"><c r="A8" t="s"><v>2</v></c><c r="B8" t="s"><v>4</v></c></row>
<row r="9"><c r="A9" s="1"/><c r="B9" t="s"><v>3</v></c><c r="C9" t="inlineStr"><is><t>a_x000D_b</t><rPh><t>skip</t></rPh></is></c></row>
<row r="11"><c r="A11" t="inlineStr"><is><t>一、就业</t></is></c><c r="B11"><v>1</v></c></row>
`, `<mergeCells count="2"><mergeCell ref="E1:F2"/><mergeCell ref="A11:A13"/></mergeCells>`)}},
	}
}

func TestHandBook(t *testing.T) {
	path := writeBook(t, handBook())
	w, err := Open(path, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	rows := readAll(t, w, "Hand")
	cells := cellMap(t, rows)
	want := map[string]Cell{
		"A1":  {Kind: Text, Text: "指标名称"},
		"B1":  {Kind: Text, Text: "2021年"},
		"C1":  {Kind: Text, Text: "2022年"},
		"E1":  {Kind: Text, Text: "merged"},
		"F1":  {Kind: Text, Text: "merged", Merged: true},
		"E2":  {Kind: Text, Text: "merged", Merged: true},
		"F2":  {Kind: Text, Text: "merged", Merged: true},
		"A2":  {Kind: Text, Text: "城镇调查失业率（%）"},
		"B2":  {Kind: Number, Text: "0.9615", Number: 0.9615, Percent: true, Format: "0%"},
		"C2":  {Kind: Number, Text: "0.9615", Number: 0.9615, Percent: true, Format: "0.00%", Formula: true},
		"A3":  {Kind: Error, Text: "#DIV/0!"},
		"B3":  {Kind: Bool, Text: "TRUE"},
		"C3":  {Kind: Text, Text: "ab", Formula: true},
		"D3":  {Kind: Blank, Formula: true},
		"E3":  {Kind: Bool, Text: "FALSE"},
		"A4":  {Kind: Number, Text: "0.123", Number: 0.123, Percent: true, Format: "0.0%"},
		"B4":  {Kind: Number, Text: "44562", Number: 44562, Date: true, Format: "mm-dd-yy"},
		"C4":  {Kind: Number, Text: "44562", Number: 44562, Date: true, Format: `yyyy"年"m"月"d"日"`},
		"D4":  {Kind: Number, Text: "12.5", Number: 12.5, Format: `0.0"%"`},
		"A5":  {Kind: Text, Text: "no r"},
		"B5":  {Kind: Number, Text: "7", Number: 7},
		"C5":  {Kind: Text, Text: "  spaced  "},
		"B7":  {Kind: Text, Text: "2024-01-31T00:00:00Z", Date: true},
		"C7":  {Kind: Error, Text: "#N/A"},
		"A8":  {Kind: Text, Text: "東京"},
		"B8":  {Kind: Text, Text: " 5.4 "},
		"B9":  {Kind: Text, Text: "line1\r\nline2 _x0041_ 中"},
		"C9":  {Kind: Text, Text: "a\rb"},
		"A11": {Kind: Text, Text: "一、就业"},
		"B11": {Kind: Number, Text: "1", Number: 1},
		"A12": {Kind: Text, Text: "一、就业", Merged: true},
		"A13": {Kind: Text, Text: "一、就业", Merged: true},
	}
	for ref, c := range want {
		c.Col, c.Row, _ = parseRef(ref, DefaultLimits())
		if !reflect.DeepEqual(cells[ref], c) {
			t.Errorf("%s:\n got %+v\nwant %+v", ref, cells[ref], c)
		}
	}
	for ref := range cells {
		if _, ok := want[ref]; !ok {
			t.Errorf("unexpected cell %s: %+v", ref, cells[ref])
		}
	}
	if got, err := w.Calc("Hand", "D3"); err != nil || got != "1.923" {
		t.Errorf(`Calc(D3) = %q, %v; want "1.923"`, got, err)
	}
	crossCheck(t, path)
}

// knownCodes says what the custom format codes of the test workbooks are.
var knownCodes = map[string][2]bool{ // percent, date
	"0.0%":            {true, false},
	`0.0"%"`:          {false, false},
	"yyyy年m月d日":       {false, true},
	`yyyy"年"m"月"d"日"`: {false, true},
	"[h]:mm":          {false, true},
	// openpyxl and LibreOffice (which respells codes, and writes even the
	// built-in ones as custom codes)
	"yyyy/m/d":     {false, true},
	"yyyy-mm-dd":   {false, true},
	`yyyy\-mm\-dd`: {false, true},
	`0.0\%`:        {false, false},
	"0.0":          {false, false},
	"0%":           {true, false},
	"0.00%":        {true, false},
}

// crossCheck compares, for every cell in the used range of every sheet, the
// reader with excelize itself: the raw value from GetCellValue (which, like
// Rows, gives a merged range's value in all its cells) and the number format
// from GetCellStyle and GetStyle (of the top-left cell for merged cells).
// It also requires the fast tokenizer to read the whole workbook without
// falling back, and as encoding/xml does (requireFastPath).
func crossCheck(t *testing.T, path string) {
	t.Helper()
	requireFastPath(t, path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, err := Open(path, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	raw := excelize.Options{RawCellValue: true}
	for _, sheet := range w.Sheets() {
		mine := cellMap(t, readAll(t, w, sheet))
		xrows, err := f.GetRows(sheet, raw)
		if err != nil {
			t.Fatal(err)
		}
		maxRow, maxCol := len(xrows), 0
		for _, r := range xrows {
			maxCol = max(maxCol, len(r))
		}
		for _, c := range mine {
			maxRow, maxCol = max(maxRow, c.Row), max(maxCol, c.Col)
		}
		merges, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		topLeft := func(col, row int) string {
			for _, m := range merges {
				c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
				c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
				if c1 <= col && col <= c2 && r1 <= row && row <= r2 {
					return m.GetStartAxis()
				}
			}
			return ""
		}
		compared := 0
		for row := 1; row <= maxRow; row++ {
			for col := 1; col <= maxCol; col++ {
				ref := refName(col, row)
				want, err := f.GetCellValue(sheet, ref, raw)
				if err != nil {
					t.Fatalf("%s!%s: excelize: %v", sheet, ref, err)
				}
				typ, _ := f.GetCellType(sheet, ref)
				if typ == excelize.CellTypeBool {
					want = map[string]string{"1": "TRUE", "0": "FALSE"}[want]
				}
				got, ok := mine[ref]
				if got.Text != want {
					t.Errorf("%s!%s: text %q, excelize %q", sheet, ref, got.Text, want)
				}
				if !ok {
					continue
				}
				compared++
				src := ref
				if tl := topLeft(col, row); tl != "" {
					src = tl
					if got.Merged != (tl != ref) {
						t.Errorf("%s!%s: Merged %v in range from %s", sheet, ref, got.Merged, tl)
					}
				} else if got.Merged {
					t.Errorf("%s!%s: Merged outside any merged range", sheet, ref)
				}
				idx, err := f.GetCellStyle(sheet, src)
				if err != nil {
					t.Fatal(err)
				}
				st, err := f.GetStyle(idx)
				if err != nil {
					t.Fatal(err)
				}
				var code string
				var pct, date bool
				if st.CustomNumFmt != nil {
					code = *st.CustomNumFmt
					if strings.EqualFold(code, "general") {
						code = "" // LibreOffice writes General as a custom code
					} else {
						known, ok := knownCodes[code]
						if !ok {
							t.Fatalf("%s!%s: format %q not in knownCodes", sheet, ref, code)
						}
						pct, date = known[0], known[1]
					}
				} else {
					code = builtinFormats[st.NumFmt]
					pct = st.NumFmt == 9 || st.NumFmt == 10
					date = 14 <= st.NumFmt && st.NumFmt <= 22 || 45 <= st.NumFmt && st.NumFmt <= 47
				}
				if got.Kind == Text && got.Date && !date {
					date = true // an ISO date cell
				}
				if got.Format != code || got.Percent != pct || got.Date != date {
					t.Errorf("%s!%s: format %q percent %v date %v; excelize style %d: %q %v %v",
						sheet, ref, got.Format, got.Percent, got.Date, idx, code, pct, date)
				}
			}
		}
		if compared == 0 {
			t.Errorf("%s: no cells compared", sheet)
		}
	}
}

// TestRowsWithoutRef: cells without r follow the previous cell, and a row
// without r takes its number from its cells. (excelize places a cell without
// r by its position in the row instead, so there is no cross-check here;
// handBook has cells without r where both readings agree.)
func TestRowsWithoutRef(t *testing.T) {
	b := book{sheets: []bookSheet{{name: "S", xml: `
<row r="2"><c r="C2"><v>1</v></c><c><v>2</v></c><c r="F2"><v>3</v></c><c><v>4</v></c></row>
<row><c><v>5</v></c></row>
<row><c r="B7"><v>6</v></c><c><v>7</v></c></row>
<row><c r="b8" s="99"><v>8</v></c></row>`}}}
	w, err := openBytes(t, b, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range readAll(t, w, "S") {
		for _, c := range r.Cells {
			got = append(got, fmt.Sprintf("%d:%s=%s", r.Num, c.Ref(), c.Text))
		}
	}
	want := []string{"2:C2=1", "2:D2=2", "2:F2=3", "2:G2=4", "3:A3=5", "7:B7=6", "7:C7=7", "8:B8=8"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

// TestPrefixedNamespace reads a sheet whose elements carry a namespace
// prefix, as some generators write them. (excelize reads no cells from it,
// so there is no cross-check.)
func TestPrefixedNamespace(t *testing.T) {
	b := book{sheets: []bookSheet{{name: "S", xml: `<?xml version="1.0"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" s="1"><x:v>0.5</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>t</x:t></x:is></x:c></x:row>
</x:sheetData><x:mergeCells><x:mergeCell ref="B1:C1"/></x:mergeCells></x:worksheet>`}}}
	w, err := openBytes(t, b, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	cells := cellMap(t, readAll(t, w, "S"))
	if c := cells["A1"]; c.Number != 0.5 || !c.Percent {
		t.Errorf("A1 = %+v", c)
	}
	if c := cells["C1"]; c.Text != "t" || !c.Merged {
		t.Errorf("C1 = %+v", c)
	}
}

func TestMergeScanSkipsComments(t *testing.T) {
	b := book{sheets: []bookSheet{{name: "S", xml: sheetXML(
		`<row r="1"><c r="A1"><v>1</v></c></row><!-- <mergeCell ref="A1:B1"/> --><?pi <mergeCell ref="A1:C1"/>?>`,
		`<mergeCells><mergeCell ref="A1:A2"/></mergeCells>`)}}}
	w, err := openBytes(t, b, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	cells := cellMap(t, readAll(t, w, "S"))
	if _, ok := cells["B1"]; ok || len(cells) != 2 || !cells["A2"].Merged {
		t.Errorf("cells %v", cells)
	}
	crossCheck(t, writeBook(t, b))
}

func TestRowsStopsOnError(t *testing.T) {
	w, err := openBytes(t, handBook(), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	n := 0
	err = w.Rows("Hand", func(Row) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("Rows = %v after %d rows, want stop after 1", err, n)
	}
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		code          string
		percent, date bool
		format        string
	}{
		{"General", false, false, ""},
		{"0%", true, false, "0%"},
		{"0.0%;[Red]-0.0%", true, false, "0.0%;[Red]-0.0%"},
		{`0.0"%"`, false, false, `0.0"%"`},
		{`0.0\%`, false, false, `0.0\%`},
		{"0_%", false, false, "0_%"},
		{"yyyy/m/d", false, true, "yyyy/m/d"},
		{"[$-804]yyyy年m月d日", false, true, "[$-804]yyyy年m月d日"},
		{"[h]:mm", false, true, "[h]:mm"},
		{"[mm]:ss", false, true, "[mm]:ss"},
		{"[Red]0.00", false, false, "[Red]0.00"},
		{"[$¥-804]#,##0.00", false, false, "[$¥-804]#,##0.00"},
		{`#,##0" 万元"`, false, false, `#,##0" 万元"`},
		{"0.00E+00", false, false, "0.00E+00"},
		{"h AM/PM", false, true, "h AM/PM"},
		{`"unterminated`, false, false, `"unterminated`},
		{"[unterminated", false, false, "[unterminated"},
	} {
		fi := classify(tc.code)
		if fi.percent != tc.percent || fi.date != tc.date || fi.code != tc.format {
			t.Errorf("classify(%q) = %+v, want percent %v date %v code %q", tc.code, fi, tc.percent, tc.date, tc.format)
		}
	}
}

func TestRefs(t *testing.T) {
	lim := DefaultLimits()
	for _, tc := range []struct {
		ref      string
		col, row int
	}{{"A1", 1, 1}, {"Z9", 26, 9}, {"AA10", 27, 10}, {"XFD1048576", 16384, 1048576}, {"g9", 7, 9}} {
		col, row, err := parseRef(tc.ref, lim)
		if err != nil || col != tc.col || row != tc.row {
			t.Errorf("parseRef(%q) = %d, %d, %v", tc.ref, col, row, err)
		}
		if err == nil && refName(col, row) != strings.ToUpper(tc.ref) {
			t.Errorf("refName(%d, %d) = %q", col, row, refName(col, row))
		}
	}
	for _, ref := range []string{"", "A", "1", "A0", "A01", "AAAA1", "A1B", "$A$1", "A12345678"} {
		if _, _, err := parseRef(ref, lim); err == nil || errors.Is(err, ErrLimit) {
			t.Errorf("parseRef(%q): %v, want a plain error", ref, err)
		}
	}
	for _, ref := range []string{"XFE1", "A1048577"} {
		if _, _, err := parseRef(ref, lim); !errors.Is(err, ErrLimit) {
			t.Errorf("parseRef(%q): %v, want a limit error", ref, err)
		}
	}
}

func TestConcurrentRows(t *testing.T) {
	w, err := Open(writeBook(t, handBook()), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	want := readAll(t, w, "Hand")
	errs := make(chan error, 8)
	for range 4 {
		go func() {
			var got []Row
			err := w.Rows("Hand", func(r Row) error {
				r.Cells = slices.Clone(r.Cells)
				got = append(got, r)
				return nil
			})
			if err == nil && !reflect.DeepEqual(got, want) {
				err = errors.New("rows differ")
			}
			errs <- err
		}()
		go func() {
			v, err := w.Calc("Hand", "D3")
			if err == nil && v != "1.923" {
				err = fmt.Errorf("Calc = %q", v)
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestXLSM(t *testing.T) {
	f := excelize.NewFile()
	if err := f.SetCellValue("Sheet1", "A1", 1.5); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "macro.xlsm")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	w, err := Open(path, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	rows := readAll(t, w, "sheet1") // names match ignoring case, as in Excel
	if len(rows) != 1 || rows[0].Cells[0].Number != 1.5 {
		t.Errorf("rows %+v", rows)
	}
}

func TestDecodeEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                "plain",
		"a_x000D_b":            "a\rb",
		"_x005f_x0041_":        "_x0041_",
		"_xD83D__xDE00_":       "😀",
		"_xD800_x":             "\uFFFDx",
		"_xDC00_":              "\uFFFD",
		"_x00G1_ _x12_ _x1234": "_x00G1_ _x12_ _x1234",
		"_x4E2D__x6587_":       "中文",
	} {
		if got := string(decodeEscapes(nil, []byte(in))); got != want {
			t.Errorf("decodeEscapes(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Blank: "blank", Number: "number", Text: "text", Bool: "bool", Error: "error", 9: "kind(9)"} {
		if k.String() != want {
			t.Errorf("Kind(%d).String() = %q", k, k.String())
		}
	}
}

func TestCalc(t *testing.T) {
	b := book{sheets: []bookSheet{{name: "S", xml: `<row r="1"><c r="A1"><f>1/0</f></c><c r="B1"><f>"x"&amp;"y"</f></c><c r="C1"><f>1=1</f></c><c r="D1"><f>NOSUCH(1)</f></c><c r="F1"><v>3</v></c><c r="G1"><f>F1/4</f></c><c r="H1"><f>SUM(</f></c></row>`}}}
	w, err := Open(writeBook(t, b), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for ref, want := range map[string]string{"A1": "#DIV/0!", "B1": "xy", "C1": "TRUE", "F1": "3", "G1": "0.75", "J1": ""} {
		if got, err := w.Calc("s", ref); err != nil || got != want {
			t.Errorf("Calc(%s) = %q, %v; want %q", ref, got, err, want)
		}
	}
	for _, ref := range []string{"D1", "H1"} {
		if got, err := w.Calc("S", ref); err == nil || !strings.HasPrefix(err.Error(), "S!"+ref+": ") {
			t.Errorf("Calc(%s) = %q, %v; want an error", ref, got, err)
		}
	}
}

// TestLastRow: the last row a sheet's <dimension> declares (with or without
// a prefix, a single-cell ref), 0 for a sheet without one or an unknown
// sheet: a hint for progress only.
func TestLastRow(t *testing.T) {
	head := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<worksheet " + nsMain + ">"
	for _, c := range []struct {
		xml  string
		want int
	}{
		{head + `<dimension ref="A1:H327061"/><sheetData/></worksheet>`, 327061},
		{head + `<x:dimension ref="B2"/><sheetData/></worksheet>`, 2},
		{sheetXML(`<row r="7"><c r="A7"><v>1</v></c></row>`, ""), 0},
	} {
		w, err := openBytes(t, book{sheets: []bookSheet{{name: "S", xml: c.xml}}}, DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		if got := w.LastRow("S"); got != c.want {
			t.Errorf("%s: LastRow %d, want %d", c.xml, got, c.want)
		}
		if got := w.LastRow("none"); got != 0 {
			t.Errorf("unknown sheet: %d", got)
		}
		w.Close()
	}
}
