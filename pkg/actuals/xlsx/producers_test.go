package xlsx

import (
	"testing"
	"time"

	"github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// producerBook has what the reader must read the same whoever wrote the
// file: percent and date formats, a literal-% format, a horizontal and a
// vertical merge, formulas with and without a cached value, a bool, a
// style-only cell, full-width text.
func producerBook() workbooktest.Book {
	return workbooktest.Book{Sheets: []workbooktest.Sheet{{
		Name: "十四五指标",
		Cells: []workbooktest.Cell{
			{Ref: "A1", Value: "表1　主要指标（全角）"},
			{Ref: "A2", Value: "编号"}, {Ref: "B2", Value: "指标"}, {Ref: "C2", Value: "2021年"}, {Ref: "D2", Value: "2022年"}, {Ref: "E2", Value: "日期"},
			{Ref: "A3", Value: "一、就业"},
			{Ref: "B3", Value: "失业率"},
			{Ref: "C3", Value: 0.9615, Format: "0%"},
			{Ref: "D3", Value: 0.5, Format: "0.00%"},
			{Ref: "E3", Value: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), Format: "yyyy/m/d"},
			{Ref: "B4", Value: "新增就业"},
			{Ref: "C4", Value: 43.6, Format: `0.0"%"`},
			{Ref: "D4", Value: 0.125, Format: "0.0%"},
			{Ref: "E4", Value: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)},
			{Ref: "C5", Formula: "C3*100", Format: "0.0"},
			{Ref: "D5", Formula: "C4*2", Value: 87.2},
			{Ref: "E5", Value: true},
			{Ref: "A6", Format: "0%"},
			{Ref: "B6", Value: "４３．６"},
		},
		Merges: []string{"A1:E1", "A3:A5"},
	}, {
		Name:  "Sheet2",
		Cells: []workbooktest.Cell{{Ref: "B2", Value: 42}},
	}}}
}

// TestProducers reads the same book as excelize, openpyxl and LibreOffice
// write it, checks the facts plancheck relies on, and compares every cell
// with excelize's own reading.
func TestProducers(t *testing.T) {
	paths := workbooktest.AllProducers(t, producerBook())
	for _, name := range workbooktest.Producers {
		t.Run(name, func(t *testing.T) {
			path := paths[name]
			w, err := Open(path, DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			cells := cellMap(t, readAll(t, w, "十四五指标"))
			expect := func(ref string, ok bool, what string) {
				t.Helper()
				if !ok {
					t.Errorf("%s: %s; got %+v", ref, what, cells[ref])
				}
			}
			c := cells["C3"]
			expect("C3", c.Kind == Number && c.Number == 0.9615 && c.Percent && c.Format == "0%", "0.9615 in a 0% cell")
			c = cells["D3"]
			expect("D3", c.Kind == Number && c.Number == 0.5 && c.Percent, "a 0.00% cell")
			c = cells["C4"]
			expect("C4", c.Kind == Number && c.Number == 43.6 && !c.Percent, "a literal % is not a percentage")
			c = cells["D4"]
			expect("D4", c.Kind == Number && c.Number == 0.125 && c.Percent && c.Format == "0.0%", "a 0.0% cell")
			for _, ref := range []string{"E3", "E4"} {
				c = cells[ref]
				expect(ref, c.Kind == Number && c.Date && !c.Percent, "a date")
			}
			for _, ref := range []string{"B1", "E1"} {
				c = cells[ref]
				expect(ref, c.Merged && c.Text == "表1　主要指标（全角）", "filled from A1")
			}
			for _, ref := range []string{"A4", "A5"} {
				c = cells[ref]
				expect(ref, c.Merged && c.Text == "一、就业", "filled from A3")
			}
			c = cells["C5"]
			expect("C5", c.Formula, "a formula")
			if c.Kind == Blank {
				if v, err := w.Calc("十四五指标", "C5"); err != nil || v != "96.15" {
					t.Errorf("Calc(C5) = %q, %v", v, err)
				}
			}
			c = cells["E5"]
			expect("E5", c.Kind == Bool && c.Text == "TRUE", "TRUE")
			_, ok := cells["A6"]
			expect("A6", !ok, "a style-only cell is left out")
			expect("B6", cells["B6"].Text == "４３．６", "full-width text as written")
			crossCheck(t, path)
		})
	}
}
