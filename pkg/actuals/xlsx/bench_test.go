package xlsx

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const benchCols = 20

// streamBook writes rows×20 cells with excelize's StreamWriter: a merged
// title, a header, then per row 10 numbers (every other one in a "0%" cell)
// and 10 strings (inline, which is what StreamWriter writes).
func streamBook(b *testing.B, dir string, rows int) string {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	if err != nil {
		b.Fatal(err)
	}
	if err := sw.MergeCell("A1", "T1"); err != nil {
		b.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"表1 主要指标"}); err != nil {
		b.Fatal(err)
	}
	vals := make([]any, benchCols)
	for r := 2; r <= rows; r++ {
		for c := range benchCols {
			switch {
			case c%2 == 0 && c < 10:
				vals[c] = excelize.Cell{StyleID: pct, Value: float64(r%1000) / 1000}
			case c < 10:
				vals[c] = float64(r*c) + 0.25
			default:
				vals[c] = "指标" + strconv.Itoa((r*c)%1000)
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(r), vals); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("stream-%d.xlsx", rows))
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	return path
}

// sharedBook writes the same shape by hand the way Excel saves it, with the
// strings in the shared string table.
func sharedBook(b *testing.B, dir string, rows int) string {
	bk := book{sheets: []bookSheet{{name: "Sheet1"}}}
	for i := range 1000 {
		bk.sst = append(bk.sst, "<t>指标"+strconv.Itoa(i)+"</t>")
	}
	var sb strings.Builder
	sb.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)
	for r := 2; r <= rows; r++ {
		rs := strconv.Itoa(r)
		sb.WriteString(`<row r="` + rs + `" spans="1:20">`)
		for c := range benchCols {
			ref := colName(c+1) + rs
			switch {
			case c%2 == 0 && c < 10:
				sb.WriteString(`<c r="` + ref + `" s="1"><v>` + strconv.FormatFloat(float64(r%1000)/1000, 'f', -1, 64) + `</v></c>`)
			case c < 10:
				sb.WriteString(`<c r="` + ref + `"><v>` + strconv.FormatFloat(float64(r*c)+0.25, 'f', -1, 64) + `</v></c>`)
			default:
				sb.WriteString(`<c r="` + ref + `" t="s"><v>` + strconv.Itoa((r*c)%1000) + `</v></c>`)
			}
		}
		sb.WriteString(`</row>`)
	}
	bk.sheets[0].xml = sheetXML(sb.String(), `<mergeCells count="1"><mergeCell ref="A1:T1"/></mergeCells>`)
	path := filepath.Join(dir, fmt.Sprintf("shared-%d.xlsx", rows))
	data := zipBytes(b, bk.parts())
	if err := writeFileAt(path, data); err != nil {
		b.Fatal(err)
	}
	return path
}

// longBook writes a long narrow table the way Excel saves it, like the
// 327,061-row sheet of the issue that made the XML tokenizer the cost to cut:
// per row a shared-string name, a shared-string unit, three numbers (one in a
// "0%" cell) and a date serial. The merged title above it keeps the merge
// pre-scan in the measurement.
func longBook(b *testing.B, dir string, rows int) string {
	bk := book{sheets: []bookSheet{{name: "Sheet1"}}}
	for i := range 2000 {
		bk.sst = append(bk.sst, "<t>地区"+strconv.Itoa(i)+"</t>")
	}
	var sb strings.Builder
	sb.Grow(rows * 260)
	sb.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)
	for r := 2; r <= rows; r++ {
		rs := strconv.Itoa(r)
		sb.WriteString(`<row r="` + rs + `" spans="1:6" x14ac:dyDescent="0.25">`)
		sb.WriteString(`<c r="A` + rs + `" t="s"><v>` + strconv.Itoa(r%2000) + `</v></c>`)
		sb.WriteString(`<c r="B` + rs + `" t="s"><v>` + strconv.Itoa(r%7) + `</v></c>`)
		sb.WriteString(`<c r="C` + rs + `"><v>` + strconv.FormatFloat(float64(r)*1.25, 'f', -1, 64) + `</v></c>`)
		sb.WriteString(`<c r="D` + rs + `" s="1"><v>` + strconv.FormatFloat(float64(r%1000)/1000, 'f', -1, 64) + `</v></c>`)
		sb.WriteString(`<c r="E` + rs + `"><v>` + strconv.Itoa(r%97) + `</v></c>`)
		sb.WriteString(`<c r="F` + rs + `" s="4"><v>` + strconv.Itoa(45000+r%365) + `</v></c>`)
		sb.WriteString(`</row>`)
	}
	bk.sheets[0].xml = sheetXML(sb.String(), `<mergeCells count="1"><mergeCell ref="A1:F1"/></mergeCells>`)
	path := filepath.Join(dir, fmt.Sprintf("long-%d.xlsx", rows))
	data := zipBytes(b, bk.parts())
	if err := writeFileAt(path, data); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkRows reads a generated sheet of 1,000,000 cells (50,000 rows × 20
// columns), or a long table of 300,000 rows × 6 columns, per op: Open (shared strings, styles), Rows over every cell,
// Close. peak-heap-MB is the largest growth of the heap in use seen during
// an op; it should not grow with the row count (compare rows=10000).
func BenchmarkRows(b *testing.B) {
	dir := b.TempDir()
	for _, bc := range []struct {
		name string
		rows int
		cols int
		make func(*testing.B, string, int) string
	}{
		{"shared/rows=10000", 10000, benchCols, sharedBook},
		{"shared/rows=50000", 50000, benchCols, sharedBook},
		{"stream/rows=50000", 50000, benchCols, streamBook},
		{"long/rows=300000", 300000, 6, longBook},
	} {
		path := bc.make(b, dir, bc.rows)
		b.Run(bc.name, func(b *testing.B) {
			var peak uint64
			var ms runtime.MemStats
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				runtime.GC()
				runtime.ReadMemStats(&ms)
				base := ms.HeapInuse
				b.StartTimer()
				w, err := Open(path, DefaultLimits())
				if err != nil {
					b.Fatal(err)
				}
				cells := 0
				err = w.Rows("Sheet1", func(r Row) error {
					cells += len(r.Cells)
					if r.Num%5000 == 0 {
						runtime.ReadMemStats(&ms)
						if ms.HeapInuse > base && ms.HeapInuse-base > peak {
							peak = ms.HeapInuse - base
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				w.Close()
				if want := (bc.rows-1)*bc.cols + bc.cols; cells != want {
					b.Fatalf("%d cells, want %d", cells, want)
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// BenchmarkExcelizeRows is the other way libraries.md names, measured on the
// same sheet for the choice between them: excelize's own Rows iterator, which
// gives each cell's formatted text but no style, type or formula flag. Reading
// the style of each percent cell on top (GetCellStyle) loads the whole sheet;
// that part is measured on the 10,000-row sheet only, as "with-styles".
func BenchmarkExcelizeRows(b *testing.B) {
	dir := b.TempDir()
	for _, bc := range []struct {
		name   string
		rows   int
		styles bool
	}{
		{"rows=50000", 50000, false},
		{"with-styles/rows=10000", 10000, true},
	} {
		path := sharedBook(b, dir, bc.rows)
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				f, err := excelize.OpenFile(path)
				if err != nil {
					b.Fatal(err)
				}
				rows, err := f.Rows("Sheet1")
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				for rows.Next() {
					n++
					cols, err := rows.Columns()
					if err != nil {
						b.Fatal(err)
					}
					if bc.styles {
						for c, v := range cols {
							if strings.HasSuffix(v, "%") {
								ref, _ := excelize.CoordinatesToCellName(c+1, n)
								if _, err := f.GetCellStyle("Sheet1", ref); err != nil {
									b.Fatal(err)
								}
							}
						}
					}
				}
				rows.Close()
				f.Close()
			}
		})
	}
}
