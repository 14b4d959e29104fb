package xlsx

import (
	"archive/zip"
	"bytes"
	"maps"
	"math"
	"slices"
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
