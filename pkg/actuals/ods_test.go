package actuals

import (
	"archive/zip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// odsContent is a content.xml holding the tables given.
func odsContent(tables string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3"><office:body><office:spreadsheet>` +
		tables + `</office:spreadsheet></office:body></office:document-content>`
}

// writeZip writes a zip of the named parts, in order.
func writeZip(t testing.TB, path string, parts ...[2]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// writeODS writes a minimal .ods: the mimetype entry and content.xml.
func writeODS(t testing.TB, path, tables string) string {
	t.Helper()
	writeZip(t, path, [2]string{"mimetype", odsMimeType}, [2]string{"content.xml", odsContent(tables)})
	return path
}

// odsRows reads every row of the sheet as "ref kind text [flags]" lines.
func odsRows(t *testing.T, src source, sheet string) (string, error) {
	t.Helper()
	var out []string
	err := src.Rows(sheet, func(r xlsx.Row) error {
		for _, c := range r.Cells {
			if c.Row != r.Num {
				t.Fatalf("cell %+v in row %d", c, r.Num)
			}
			line := fmt.Sprintf("%s %s %q", c.Ref(), c.Kind, c.Text)
			if c.Percent {
				line += " percent"
			}
			if c.Date {
				line += " date"
			}
			if c.Formula {
				line += " formula"
			}
			if c.Merged {
				line += " merged"
			}
			out = append(out, line)
		}
		return nil
	})
	return strings.Join(out, "\n"), err
}

// TestODSCells: what each kind of OpenDocument cell becomes; merged ranges
// fill their covered cells, empty repetitions are skipped, repeated
// content repeats, row groups and header rows are read, comments are not.
func TestODSCells(t *testing.T) {
	path := writeODS(t, filepath.Join(t.TempDir(), "a.ods"),
		`<table:table table:name="封面"><table:table-row><table:table-cell office:value-type="string"><text:p>封面</text:p></table:table-cell></table:table-row></table:table>`+
			`<table:table table:name="表1" table:display="false">`+
			`<table:table-column table:number-columns-repeated="16384"/>`+
			`<table:table-header-rows><table:table-row>`+
			`<table:table-cell office:value-type="string" table:number-columns-spanned="3" table:number-rows-spanned="2"><text:p>标题</text:p><text:p>第二行<text:s text:c="2"/>完</text:p><office:annotation><text:p>批注</text:p></office:annotation></table:table-cell>`+
			`<table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell table:number-columns-repeated="16381"/>`+
			`</table:table-row></table:table-header-rows>`+
			`<table:table-row-group><table:table-row><table:covered-table-cell/><table:covered-table-cell office:value-type="string"><text:p>hidden</text:p></table:covered-table-cell><table:covered-table-cell/>`+
			`<table:table-cell office:value-type="percentage" office:value="0.9615"><text:p>96.15%</text:p></table:table-cell>`+
			`<table:table-cell office:value-type="float" office:value="44.3" table:formula="of:=43.9+0.4"><text:p>44.3</text:p></table:table-cell>`+
			`<table:table-cell table:formula="of:=A1"/>`+
			`</table:table-row></table:table-row-group>`+
			`<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>`+
			`<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2"/>`+
			`<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>`+
			`<table:table-cell office:value-type="date" office:date-value="2023-12-31"><text:p>2023/12/31</text:p></table:table-cell>`+
			`<table:table-cell office:value-type="currency" office:value="-1.5e3" table:number-columns-repeated="2"><text:p>¥-1,500</text:p></table:table-cell>`+
			`<table:table-cell office:value-type="string" calcext:value-type="error" table:formula="of:=1/0"><text:p>#DIV/0!</text:p></table:table-cell>`+
			`</table:table-row></table:table>`)
	if f, err := sniff(path); err != nil || f != FormatODS {
		t.Fatalf("sniff: %v, %v", f, err)
	}
	src, err := openODS(path, xlsx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if got := strings.Join(src.Sheets(), ","); got != "封面,表1" {
		t.Errorf("sheets: %s", got)
	}
	got, err := odsRows(t, src, "表1")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		`A1 text "标题\n第二行  完"`,
		`B1 text "标题\n第二行  完" merged`,
		`C1 text "标题\n第二行  完" merged`,
		`A2 text "标题\n第二行  完" merged`,
		`B2 text "标题\n第二行  完" merged`,
		`C2 text "标题\n第二行  完" merged`,
		`D2 number "0.9615" percent`,
		`E2 number "44.3" formula`,
		`F2 blank "" formula`,
		`C1048003 bool "TRUE"`,
		`D1048003 text "2023-12-31" date`,
		`E1048003 number "-1.5e3"`,
		`F1048003 number "-1.5e3"`,
		`G1048003 error "#DIV/0!" formula`,
		`C1048004 bool "TRUE"`,
		`D1048004 text "2023-12-31" date`,
		`E1048004 number "-1.5e3"`,
		`F1048004 number "-1.5e3"`,
		`G1048004 error "#DIV/0!" formula`,
	}, "\n")
	if got != want {
		t.Errorf("rows:\n%s\nwant:\n%s", got, want)
	}
	if _, err := odsRows(t, src, "表2"); err == nil {
		t.Errorf("no error for a sheet not there")
	}
	if _, err := src.Calc("表1", "F2"); err == nil {
		t.Errorf("Calc gave no error")
	}
}

// TestSniffODS: a zip is an .ods by its mimetype entry, or by a content.xml
// without xl/workbook.xml; an .xlsx is not.
func TestSniffODS(t *testing.T) {
	dir := t.TempDir()
	noMime := filepath.Join(dir, "no-mimetype.zip")
	writeZip(t, noMime, [2]string{"content.xml", odsContent("")})
	odt := filepath.Join(dir, "text.odt")
	writeZip(t, odt, [2]string{"mimetype", "application/vnd.oasis.opendocument.text"}, [2]string{"content.xml", ""})
	both := filepath.Join(dir, "both.xlsx")
	writeZip(t, both, [2]string{"content.xml", ""}, [2]string{"xl/workbook.xml", ""})
	book := filepath.Join(dir, "book.xlsx")
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: []wbt.Cell{{Ref: "A1", Value: "指标"}}}}}, book)
	for path, want := range map[string]Format{noMime: FormatODS, odt: FormatXLSX, both: FormatXLSX, book: FormatXLSX} {
		if got, err := sniff(path); err != nil || got != want {
			t.Errorf("%s: %v, %v; want %v", filepath.Base(path), got, err, want)
		}
	}
}

// TestODSLimits: repeated content beyond the rows, columns or filled cells
// allowed, a merge beyond them, a long cell or a large content.xml is an
// error of going over a limit; empty repetitions of any size are not.
func TestODSLimits(t *testing.T) {
	dir := t.TempDir()
	lim := xlsx.DefaultLimits()
	lim.MaxRows, lim.MaxCols, lim.MaxMergedCells, lim.MaxCellBytes, lim.MaxMergedRanges = 100, 20, 50, 10, 2
	text := `office:value-type="string"><text:p>x</text:p></table:table-cell>`
	row := func(cells string) string { return `<table:table-row>` + cells + `</table:table-row>` }
	table := func(rows string) string { return `<table:table table:name="表1">` + rows + `</table:table>` }
	ok := table(`<table:table-row table:number-rows-repeated="1048576">` +
		`<table:table-cell table:number-columns-repeated="16384"/></table:table-row>` +
		row(`<table:table-cell table:number-columns-repeated="999999999"/>`) +
		`<table:table-row table:number-rows-repeated="3">` + `<table:table-cell table:number-columns-repeated="3" ` + text + `</table:table-row>`)
	src, err := openODS(writeODS(t, filepath.Join(dir, "ok.ods"), ok), lim)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := odsRows(t, src, "表1"); !errors.Is(err, xlsx.ErrLimit) {
		// the content rows lie beyond MaxRows after the empty ones
		t.Errorf("content after 1048576 empty rows: %v, want a limit error", err)
	}
	src.Close()
	fine := table(`<table:table-row table:number-rows-repeated="50"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>` +
		row(`<table:table-cell table:number-columns-repeated="5"/><table:table-cell `+text) +
		row(`<table:table-cell table:number-columns-repeated="999999999"/>`) +
		`<table:table-row table:number-rows-repeated="99999999"/>`)
	src, err = openODS(writeODS(t, filepath.Join(dir, "fine.ods"), fine), lim)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := odsRows(t, src, "表1"); err != nil || got != `F51 text "x"` {
		t.Errorf("empty repetitions: %q, %v", got, err)
	}
	src.Close()
	for name, tables := range map[string]string{
		"rows":        table(`<table:table-row table:number-rows-repeated="101">` + `<table:table-cell ` + text + `</table:table-row>`),
		"cols":        table(row(`<table:table-cell table:number-columns-repeated="21" ` + text)),
		"cols-after":  table(row(`<table:table-cell table:number-columns-repeated="20"/><table:table-cell ` + text)),
		"filled":      table(`<table:table-row table:number-rows-repeated="10">` + `<table:table-cell table:number-columns-repeated="10" ` + text + `</table:table-row>`),
		"merge-big":   table(row(`<table:table-cell table:number-columns-spanned="10" table:number-rows-spanned="10" ` + text)),
		"merge-rows":  table(row(`<table:table-cell table:number-rows-spanned="200" ` + text)),
		"merge-count": table(row(strings.Repeat(`<table:table-cell table:number-columns-spanned="2" `+text+`<table:covered-table-cell/>`, 3))),
		"cell":        table(row(`<table:table-cell office:value-type="string"><text:p>` + strings.Repeat("长", 4) + `</text:p></table:table-cell>`)),
		"spaces":      table(row(`<table:table-cell office:value-type="string"><text:p><text:s text:c="999999999"/></text:p></table:table-cell>`)),
	} {
		src, err := openODS(writeODS(t, filepath.Join(dir, name+".ods"), tables), lim)
		if err == nil {
			_, err = odsRows(t, src, "表1")
			src.Close()
		}
		if !errors.Is(err, xlsx.ErrLimit) {
			t.Errorf("%s: %v, want a limit error", name, err)
		}
	}
	small := lim
	small.MaxPartSize = 200
	if _, err := openODS(writeODS(t, filepath.Join(dir, "part.ods"), table(row(`<table:table-cell `+text))), small); !errors.Is(err, xlsx.ErrLimit) {
		t.Errorf("content.xml over MaxPartSize: %v", err)
	}
	small = lim
	small.MaxFileSize = 100
	if _, err := openODS(writeODS(t, filepath.Join(dir, "file.ods"), table("")), small); !errors.Is(err, xlsx.ErrLimit) {
		t.Errorf("a file over MaxFileSize: %v", err)
	}
}

// FuzzODSSource: any content.xml in an .ods gives rows or an error, never a
// panic; every cell lies within the limits, in its row, columns rising.
func FuzzODSSource(f *testing.F) {
	f.Add(odsContent(`<table:table table:name="表1"><table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="percentage" office:value="0.5" table:number-columns-spanned="2" table:number-rows-spanned="2"/><table:covered-table-cell/></table:table-row></table:table>`))
	f.Add(odsContent(`<table:table table:name="a"><table:table-row-group><table:table-row><table:table-cell table:number-columns-repeated="3" office:value-type="string"><text:p>x<text:s text:c="3"/></text:p><text:p/></table:table-cell></table:table-row></table:table-row-group></table:table>`))
	f.Add(odsContent(`<table:table table:name="b"><table:table-row><table:covered-table-cell table:number-columns-repeated="9"/><table:table-cell office:value-type="float" office:value="NaN"/></table:table-row></table:table>`))
	f.Add("<x")
	lim := xlsx.DefaultLimits()
	lim.MaxRows, lim.MaxCols, lim.MaxMergedCells, lim.MaxCellBytes = 1000, 50, 5000, 100
	f.Fuzz(func(t *testing.T, content string) {
		path := filepath.Join(t.TempDir(), "f.ods")
		writeZip(t, path, [2]string{"mimetype", odsMimeType}, [2]string{"content.xml", content})
		src, err := openODS(path, lim)
		if err != nil {
			return
		}
		defer src.Close()
		for _, sheet := range src.Sheets() {
			_ = src.Rows(sheet, func(r xlsx.Row) error {
				last := 0
				for _, c := range r.Cells {
					if c.Row != r.Num || c.Col <= last || c.Col > lim.MaxCols || r.Num > lim.MaxRows || len(c.Text) > lim.MaxCellBytes {
						t.Fatalf("cell %+v of row %d", c, r.Num)
					}
					last = c.Col
				}
				return nil
			})
		}
	})
}

// TestDamagedODSIsNamedSo: a file named .ods that is no zip is told of as
// an .ods spreadsheet, not as an .xlsx workbook.
func TestDamagedODSIsNamedSo(t *testing.T) {
	dir := t.TempDir()
	for name, want := range map[string]string{
		"2023.ods":  "2023.ods：不是 .ods 电子表格：不是有效的 zip 压缩包（.ods 电子表格都是 zip 压缩包）",
		"2023.xlsx": "2023.xlsx：不是 .xlsx 或 .xlsm 工作簿：不是有效的 zip 压缩包（.xlsx 工作簿都是 zip 压缩包）",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte("PK\x03\x04damaged"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ReadTable(path, Options{Lang: msg.Chinese})
		if err == nil || err.Error() != filepath.Join(dir, want) {
			t.Errorf("%s: %v\nwant %s", name, err, filepath.Join(dir, want))
		}
	}
}
