package actuals

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// xlsCompareBook is the workbook of TestXLSAgainstLibreOffice: every kind of
// value the .xls reader decodes, in the cells LibreOffice writes for them.
func xlsCompareBook() workbooktest.Book {
	main := workbooktest.Sheet{Name: "十四五指标", Merges: []string{"A1:D1", "F3:G5"}}
	add := func(ref string, v any, format, formula string) {
		main.Cells = append(main.Cells, workbooktest.Cell{Ref: ref, Value: v, Format: format, Formula: formula})
	}
	add("A1", "重庆市九龙坡区人力资源和社会保障事业发展“十四五”规划指标", "", "")
	add("A2", 0.9615, "0.00%", "")
	add("B2", 0.97, "0%", "")
	add("C2", -42, "", "")
	add("D2", -1.25, "", "")
	add("E2", 123456789, "", "")
	add("F2", 9007199254740993.0, "", "") // beyond 2^53
	add("G2", 1234567890123.5, "", "")
	add("H2", -0.07, "", "")
	add("I2", 43.6, "0.0", "")
	add("J2", 1e-7, "", "")
	add("K2", 3.14159265358979, "", "")
	add("L2", -536870912, "", "") // RK's most negative integer
	add("M2", 536870911, "", "")
	add("N2", 12.34, "", "") // RK ×100
	add("O2", -12.34, "", "")
	add("P2", 2.0/3, "", "")
	add("Q2", 0.1+0.2, "0.00%", "")
	add("R2", 1e17, "", "")
	add("A3", time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC), "yyyy/m/d", "")
	add("B3", time.Date(2021, 1, 1, 16, 47, 37, 0, time.UTC), "yyyy-mm-dd hh:mm:ss", "")
	add("C3", true, "", "")
	add("D3", false, "", "")
	add("E3", nil, "", "A2*100")
	add("F3", "合并", "", "")
	add("H3", nil, "", `"文本"&"结果"`)
	add("I3", nil, "", "1/0")
	add("J3", nil, "", "C3")
	add("K3", nil, "", `""`)
	add("L3", nil, "", "NA()")
	add("M3", nil, "", `REPT("长",300)`)
	add("A4", "plan 计划 mixed", "", "")
	add("B4", strings.Repeat("长字符串", 2100), "", "")       // 8400 characters, UTF-16: across CONTINUE
	add("C4", strings.Repeat("long ascii ", 900), "", "") // 9900 bytes compressed
	add("D4", "after the long ones", "", "")
	add("A6", 1.0, "0.00%", "")
	add("A7", 0.5, "0.0%", "")
	add("B7", 96.15, `0.0"%"`, "")
	for i := 0; i < 3000; i++ {
		add(fmt.Sprintf("%s%d", string(rune('A'+i%8)), 10+i/8), fmt.Sprintf("指标%05d 名称", i), "", "")
	}
	hidden := workbooktest.Sheet{Name: "隐藏", Cells: []workbooktest.Cell{{Ref: "B2", Value: "hidden text"}, {Ref: "C5", Value: 7.5}}}
	return workbooktest.Book{Sheets: []workbooktest.Sheet{main, hidden, {Name: "Sheet3", Cells: []workbooktest.Cell{{Ref: "A1", Value: 1}}}}}
}

// xlsCellLine is one cell as the comparison sees it.
func xlsCellLine(c xlsx.Cell) string {
	line := fmt.Sprintf("%s %s %q %v", c.Ref(), c.Kind, c.Text, c.Number)
	if c.Percent {
		line += " percent"
	}
	if c.Date {
		line += " date"
	}
	if c.Merged {
		line += " merged"
	}
	return line
}

// allCells reads every sheet of a source as lines.
func allCells(t *testing.T, src source) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, s := range src.Sheets() {
		err := src.Rows(s, func(r xlsx.Row) error {
			for _, c := range r.Cells {
				if c.Row != r.Num {
					t.Fatalf("%s: cell %s in row %d", s, c.Ref(), r.Num)
				}
				out[s] = append(out[s], xlsCellLine(c))
			}
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return out
}

// TestXLSAgainstLibreOffice: a workbook converted to .xls by LibreOffice
// reads, cell for cell, as LibreOffice's own .xlsx of that .xls reads
// through the xlsx reader: kind, text, number, percent, date, merged.
func TestXLSAgainstLibreOffice(t *testing.T) {
	workbooktest.RequireLibreOffice(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "book.xlsx")
	workbooktest.WriteExcelize(t, xlsCompareBook(), in)
	// The second sheet hidden, which workbooktest cannot say.
	f, err := excelize.OpenFile(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetVisible("隐藏", false); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	xlsPath := workbooktest.ConvertLibreOfficeTo(t, in, filepath.Join(dir, "xls"), "xls")
	back := workbooktest.ConvertLibreOfficeTo(t, xlsPath, filepath.Join(dir, "back"), "xlsx")

	if got, err := sniff(xlsPath); err != nil || got != FormatXLS {
		t.Fatalf("sniff: %v %v", got, err)
	}
	src0, err := openXLS(xlsPath, xlsx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	xs := src0.(*xlsSource)
	defer xs.Close()
	// The test is about the shared strings LibreOffice splits across
	// CONTINUE records: make sure there are some.
	r := xs.records(0)
	continues, inSST := 0, false
	for {
		typ, _, err := r.next()
		if err != nil || typ == recEOF {
			break
		}
		switch {
		case typ == recSST:
			inSST = true
		case typ == recContinue && inSST:
			continues++
		default:
			inSST = false
		}
	}
	if continues == 0 {
		t.Error("LibreOffice wrote no CONTINUE after the SST")
	}
	t.Logf("SST with %d CONTINUE records, %d strings", continues, len(xs.sst))
	wb, err := xlsx.Open(back, xlsx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if g, w := strings.Join(xs.Sheets(), ","), strings.Join(wb.Sheets(), ","); g != w || g != "十四五指标,隐藏,Sheet3" {
		t.Fatalf("sheets: .xls %s, .xlsx %s", g, w)
	}
	got, want := allCells(t, xs), allCells(t, wb)
	// LibreOffice's .xlsx types the result of =C3 (C3 TRUE) as the number
	// 1; the .xls it wrote says, as Excel would, the bool TRUE.
	for i, l := range want["十四五指标"] {
		if l == `J3 number "1" 1` {
			want["十四五指标"][i] = `J3 bool "TRUE" 0`
		}
	}
	cells := 0
	for _, s := range wb.Sheets() {
		g, w := got[s], want[s]
		cells += len(w)
		for i := 0; i < max(len(g), len(w)); i++ {
			var gl, wl string
			if i < len(g) {
				gl = g[i]
			}
			if i < len(w) {
				wl = w[i]
			}
			if gl != wl {
				t.Errorf("%s cell %d:\n .xls  %.200s\n .xlsx %.200s", s, i, gl, wl)
			}
		}
	}
	if cells < 3000 {
		t.Errorf("only %d cells compared", cells)
	}
	t.Logf("%d cells compared", cells)
	if n := xs.LastRow("十四五指标"); n != wb.LastRow("十四五指标") {
		t.Errorf("LastRow %d, .xlsx says %d", n, wb.LastRow("十四五指标"))
	}
	// The file read through Scan's path: the reader's name, no note.
	src, note, err := openSource(xlsPath, xlsx.Limits{}, Options{})
	if err != nil || note != "" || formatOf(src) != FormatXLS {
		t.Fatalf("openSource: %v %q %v", formatOf(src), note, err)
	}
	src.Close()
	renamed := filepath.Join(dir, "renamed.xlsx")
	data, _ := os.ReadFile(xlsPath)
	os.WriteFile(renamed, data, 0o644)
	src, note, err = openSource(renamed, xlsx.Limits{}, Options{})
	if err != nil || !strings.Contains(note, "read as such") {
		t.Fatalf("renamed: %q %v", note, err)
	}
	src.Close()
	if _, err := xs.Calc("十四五指标", "E3"); err == nil || errors.Is(err, xlsx.ErrLimit) {
		t.Errorf("Calc: %v", err)
	}
}

// TestXLSNumberText: numbers as LibreOffice 7.4 writes them in an .xlsx
// (seen converting these values: see numberText); LibreOffice cuts the
// digits, 2/3 is 0.666666666666666.
func TestXLSNumberText(t *testing.T) {
	for v, want := range map[float64]string{
		1e15: "1000000000000000", 1e16: "10000000000000000", 1e17: "1E+017", 1e20: "1E+020",
		123456789012345678: "1.23456789012345E+017", 99999999999999.9: "99999999999999.9",
		1e-5: "1E-005", 1e-4: "0.0001", 0.0001234: "0.0001234", 1.5e-5: "1.5E-005", 1e300: "1E+300",
		-1e-7: "-1E-007", 2.5e-10: "2.5E-010", 0.1 + 0.2: "0.3", 1.0 / 3: "0.333333333333333",
		100.0 / 3: "33.3333333333333", 123456789012345.6: "123456789012345", 9007199254740992: "9007199254740992",
		2.0 / 3: "0.666666666666666", 1.9999999999999998: "1.99999999999999", 98765432109876.54: "98765432109876.5",
		9007199254740994: "9007199254740990", 18014398509481984: "18014398509481900", 0.97: "0.97",
		1.2345678901234567e-7: "1.23456789012345E-007", 1234567890123456.7: "1234567890123450",
		-42: "-42", 0.9615: "0.9615", -12.34: "-12.34", 0: "0",
	} {
		if got := numberText(v); got != want {
			t.Errorf("%v: %s, want %s", v, got, want)
		}
	}
}
