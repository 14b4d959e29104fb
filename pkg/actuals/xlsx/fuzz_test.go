package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
)

// FuzzRows feeds arbitrary bytes as the worksheet part of an otherwise valid
// workbook: Rows must not panic, and whatever it yields must be consistent.
func FuzzRows(f *testing.F) {
	// Small seeds: the fuzzer minimizes every new input it finds by
	// running it thousands of times, so long seeds stall it.
	for _, seed := range []string{
		`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.5</v></c></row></sheetData><mergeCells><mergeCell ref="A1:A3"/><mergeCell ref="C2:D2"/></mergeCells>`,
		`<sheetData><row><c><v>1</v></c><c t="inlineStr"><is><t>x</t></is></c></row><row r="5"><c r="C5" t="b"><v>1</v></c></row></sheetData>`,
		`<sheetData><row r="2"><c r="B2" t="e"><v>#N/A</v></c><c r="C2"><f>1+1</f></c><c r="D2" t="d"><v>2024-01-01</v></c></row></sheetData><mergeCell ref="B2:B9"/>`,
		`<x:sheetData><x:row><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData><!-- <mergeCell ref="A1:B1"/> -->`,
		`<sheetData><row r="2"><c r="A2" t="inlineStr"><is><r><t>a_x000D_</t></r><rPh><t>b</t></rPh></is></c><c r="B2" t="str"><f>x</f><v></v></c></row></sheetData>`,
		`<sheetData><row><c s="3"><v><![CDATA[12]]></v></c><c r="C1" t="s"><v>4</v></c></row><row r="3"/></sheetData><mergeCell ref="A1:B2"/>`,
	} {
		f.Add([]byte(seed))
	}

	// The other parts are fixed, and stored uncompressed: the fuzzer
	// minimizes inputs by running them thousands of times.
	parts := handBook().parts()
	const sheetPart = "xl/worksheets/sheet1.xml"
	delete(parts, sheetPart)
	names := slices.Sorted(maps.Keys(parts))
	lim := Limits{MaxMergedCells: 1 << 10, MaxCellBytes: 1 << 10}.WithDefaults()
	f.Fuzz(func(t *testing.T, sheet []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		add := func(name string, data []byte) {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(data)
		}
		add(sheetPart, sheet) // as it is, even without a <worksheet>
		for _, name := range names {
			add(name, []byte(parts[name]))
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		w, err := openReader(bytes.NewReader(data), int64(len(data)), "fuzz.xlsx", lim)
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		last := 0
		_ = w.Rows("Hand", func(r Row) error {
			if r.Num <= last || r.Num > lim.MaxRows {
				t.Fatalf("row %d after row %d", r.Num, last)
			}
			last = r.Num
			if len(r.Cells) == 0 {
				t.Fatalf("row %d has no cells", r.Num)
			}
			prev := 0
			for _, c := range r.Cells {
				if c.Row != r.Num || c.Col < 1 || c.Col > lim.MaxCols || c.Col <= prev {
					t.Fatalf("row %d: cell %+v after column %d", r.Num, c, prev)
				}
				prev = c.Col
				if c.Kind == Number && (math.IsNaN(c.Number) || math.IsInf(c.Number, 0)) {
					t.Fatalf("cell %+v: not a finite number", c)
				}
				if c.Kind == Blank && !c.Formula || c.Kind > Error {
					t.Fatalf("cell %+v: kind", c)
				}
				if len(c.Text) > lim.MaxCellBytes*2 {
					t.Fatalf("cell %s: text of %d bytes", c.Ref(), len(c.Text))
				}
			}
			return nil
		})
	})
}

// FuzzFormula feeds arbitrary formulas, in cells without a cached value
// that refer to each other and to values, to Calc: it must not panic, must
// stay within its limits, and must give a value or an error that names the
// cell.
func FuzzFormula(f *testing.F) {
	for _, seed := range []string{
		`SUM(A1:B2)*2`, `IF(A1>1,"a",B1&"x")`, `-2^2+50%`, `'带 空格'!A1+S!$B$1`, `ROUND(AVERAGE(A:A),2)`,
		`A3+1`, `REPT("x",1000)&LEN(A1)`, `MAX(1,MIN(A1:C3),COUNT(A1:A9))`, `IFERROR(1/0,NOT(TRUE))`,
		`"a""b"=C1`, `#DIV/0!`, `A1:B2`, `SUM(`, `Z99<>""`, `MOD(-3,2)+ABS(-1)+INT(2.5)`,
	} {
		f.Add(seed, `A1*2`)
	}
	lim := Limits{MaxCalcSteps: 10_000, MaxCalcDepth: 16, MaxCellBytes: 1 << 12}.WithDefaults()
	f.Fuzz(func(t *testing.T, formula, other string) {
		if len(formula) > 1<<10 || len(other) > 1<<10 {
			return
		}
		esc := func(s string) string {
			var b bytes.Buffer
			if err := xml.EscapeText(&b, []byte(s)); err != nil {
				return ""
			}
			return b.String()
		}
		rows := `<row r="1"><c r="A1"><v>2</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c><c r="C1" t="b"><v>1</v></c></row>` +
			`<row r="2"><c r="A2"><f>` + esc(formula) + `</f></c><c r="B2"><f>` + esc(other) + `</f></c></row>` +
			`<row r="3"><c r="A3"><f>B2+A2</f></c></row>`
		b := book{sheets: []bookSheet{{name: "S", xml: rows}, {name: "带 空格", xml: `<row r="1"><c r="A1"><f>` + esc(other) + `</f></c></row>`}}}
		data := zipBytes(t, b.parts())
		w, err := openReader(bytes.NewReader(data), int64(len(data)), "fuzz.xlsx", lim)
		if err != nil {
			return // the escaped text is not valid XML (a control character)
		}
		defer w.Close()
		for _, ref := range []string{"A2", "B2", "A3"} {
			v, err := w.Calc("S", ref)
			if err != nil {
				if !strings.HasPrefix(err.Error(), "S!"+ref+": ") {
					t.Fatalf("%s: error does not name the cell: %v", ref, err)
				}
				continue
			}
			if len(v) > lim.MaxCellBytes {
				t.Fatalf("%s: a value of %d bytes", ref, len(v))
			}
		}
		if w.calc != nil && w.calc.steps > lim.MaxCalcSteps+1 {
			t.Fatalf("%d steps", w.calc.steps)
		}
	})
}
