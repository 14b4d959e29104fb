// Package workbooktest makes the same spreadsheet through several producers
// (excelize, openpyxl, LibreOffice) so that the workbook reader's tests can
// check that every producer's file reads the same.
//
// A Book describes a workbook independently of any producer. Each producer
// writes it the way that program really writes files, quirks included,
// because they are exactly what a reader has to cope with. What each one
// writes (asserted by this package's tests, TestAllProducers):
//
//   - excelize v2.11.1 (WriteExcelize): strings in the shared string table
//     (t="s"); numbers, ints and dates plain numeric cells without t; bools
//     t="b". "0%" and "0.00%" (and the other codes in BuiltinNumFmt) use the
//     built-in number format ids 9, 10, …; other codes are custom <numFmt>
//     ids ≥ 164. Every formula cell is t="str", whatever its cached value:
//     <c t="str"><f>B3*100</f></c> without one, <c t="str"><f>D3*2</f><v>84</v></c>
//     with one; a cached bool is then <v>1</v>. Because of t="str",
//     excelize's GetCellValue returns a formula's cached number unformatted
//     even without RawCellValue ("0.9615", not "96%").
//   - openpyxl 3.0 (WriteOpenpyxl, Debian's python3-openpyxl): strings inline
//     (t="inlineStr", <is><t>…</t></is>), no shared string table; numbers and
//     dates t="n"; bools t="b"; a style-only cell is <c s=".." t="n"/>.
//     Formula cells have no t and an empty <v></v>: openpyxl never stores a
//     cached value, so Cell.Value is ignored for formula cells and every
//     formula reads "". Built-in format codes get their built-in ids like
//     excelize ("0%" → 9, "0.00%" → 10), others custom ids ≥ 164. The
//     covered cells of a merge are not written.
//   - LibreOffice 7.4 (ConvertLibreOffice, of the excelize file): see
//     ConvertLibreOffice.
//
// For all three, excelize's GetCellValue on a cell covered by a merge
// returns the merge's value, while Rows gives "" there.
//
// # When the tests that need LibreOffice or openpyxl run
//
// Everything here that runs soffice or /usr/bin/python3 (RequireLibreOffice,
// RequireOpenpyxl, and through them ConvertLibreOffice, WriteOpenpyxl and
// AllProducers) decides first whether the test runs at all:
//
//   - With -short (go test -short, make test-short) the test is skipped,
//     without starting either program, whether or not CI=true: -short is the
//     fast tier, and a LibreOffice start alone takes seconds. CI runs the full
//     tier (make test, no -short).
//   - Without -short, on a machine that lacks the program, the test is
//     skipped; with CI=true it fails instead, because .ci/run installs
//     libreoffice-calc-nogui and python3-openpyxl, so a skip there would hide
//     a broken set-up.
//
// Tests elsewhere that run these programs themselves call RequireLibreOffice
// or RequireOpenpyxl first, so that they follow the same rule.
package workbooktest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// A Book is a workbook described independently of any producer.
type Book struct{ Sheets []Sheet }

// A Sheet is one worksheet of a Book.
type Sheet struct {
	Name   string
	Cells  []Cell
	Merges []string // "A1:D1"; put values only in the top-left cell (openpyxl drops the others)
}

// A Cell is one cell of a Sheet.
type Cell struct {
	Ref string // "B3"
	// Value is a string, float64, int, int64, bool, time.Time (written as a
	// date: the wall-clock time in its own location, as a serial number with
	// a date format), or nil (the cell has only a style and/or a formula).
	Value any
	// Format is the number format code: "" is General (but a time.Time gets
	// DefaultDateFormat), "0%", "0.00%", "0.0%", "yyyy/m/d", `0.0"%"` …
	Format string
	// Formula is without the leading "=", e.g. "B3*100". With Value nil the
	// cell has no cached value; with Value set, Value is the cached value
	// (excelize only: openpyxl never stores one, LibreOffice recalculates).
	Formula string
}

// DefaultDateFormat is the number format given to a time.Time value whose
// Cell.Format is empty.
const DefaultDateFormat = "yyyy-mm-dd"

// Producer names, the keys of AllProducers' result.
const (
	Excelize    = "excelize"
	Openpyxl    = "openpyxl"
	LibreOffice = "libreoffice"
)

// Producers lists the producer names in a fixed order.
var Producers = []string{Excelize, Openpyxl, LibreOffice}

// BuiltinNumFmt maps the number format codes that excelize writes as a
// built-in number format id (instead of a custom <numFmt>) to that id.
var BuiltinNumFmt = map[string]int{
	"0":        1,
	"0.00":     2,
	"#,##0":    3,
	"#,##0.00": 4,
	"0%":       9,
	"0.00%":    10,
	"0.00E+00": 11,
	"@":        49,
}

// cellFormat is the number format a cell is written with.
func cellFormat(c Cell) string {
	if c.Format == "" {
		if _, ok := c.Value.(time.Time); ok {
			return DefaultDateFormat
		}
	}
	if strings.EqualFold(c.Format, "General") {
		return ""
	}
	return c.Format
}

// checkBook fails the test on a book no producer can write.
func checkBook(t testing.TB, b Book) {
	t.Helper()
	if len(b.Sheets) == 0 {
		t.Fatalf("workbooktest: book has no sheets")
	}
	for _, s := range b.Sheets {
		for _, c := range s.Cells {
			switch v := c.Value.(type) {
			case nil, string, int, int64, bool, time.Time:
			case float64:
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("workbooktest: sheet %q cell %s: %v cannot be stored in a workbook", s.Name, c.Ref, v)
				}
			default:
				t.Fatalf("workbooktest: sheet %q cell %s: unsupported value type %T", s.Name, c.Ref, c.Value)
			}
			if strings.HasPrefix(c.Formula, "=") {
				t.Fatalf("workbooktest: sheet %q cell %s: formula %q must not start with '='", s.Name, c.Ref, c.Formula)
			}
		}
		for _, m := range s.Merges {
			if _, _, ok := strings.Cut(m, ":"); !ok {
				t.Fatalf("workbooktest: sheet %q: merge %q is not a range like A1:D1", s.Name, m)
			}
		}
	}
}

// WriteExcelize writes b to path with excelize (see the package
// documentation for what excelize writes).
//
// A formula with a cached number, bool or date is written by setting the
// value first and then the formula: SetCellFormula keeps the <v> but turns
// the cell into t="str" (excelize has no other API for a cached value). For
// a cached string that would leave the shared string's index as the <v>, so
// WriteExcelize writes the formula alone and then adds <v>text</v> to that
// cell in the saved sheet XML.
func WriteExcelize(t testing.TB, b Book, path string) {
	t.Helper()
	checkBook(t, b)
	f := excelize.NewFile()
	defer f.Close()
	styles := map[string]int{}
	styleFor := func(format string) int {
		if id, ok := styles[format]; ok {
			return id
		}
		st := &excelize.Style{}
		if id, ok := BuiltinNumFmt[format]; ok {
			st.NumFmt = id
		} else {
			code := format
			st.CustomNumFmt = &code
		}
		id, err := f.NewStyle(st)
		if err != nil {
			t.Fatalf("workbooktest: excelize NewStyle %q: %v", format, err)
		}
		styles[format] = id
		return id
	}
	cachedStrings := map[string]map[string]string{} // sheet → ref → cached string
	for i, s := range b.Sheets {
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), s.Name); err != nil {
				t.Fatalf("workbooktest: excelize SetSheetName %q: %v", s.Name, err)
			}
		} else if _, err := f.NewSheet(s.Name); err != nil {
			t.Fatalf("workbooktest: excelize NewSheet %q: %v", s.Name, err)
		}
		for _, c := range s.Cells {
			if str, ok := c.Value.(string); ok && c.Formula != "" {
				// Value-then-formula would leave the shared string's
				// index as the cached value: patched in after saving.
				if cachedStrings[s.Name] == nil {
					cachedStrings[s.Name] = map[string]string{}
				}
				cachedStrings[s.Name][c.Ref] = str
			} else if c.Value != nil {
				if err := f.SetCellValue(s.Name, c.Ref, c.Value); err != nil {
					t.Fatalf("workbooktest: excelize %s!%s = %v: %v", s.Name, c.Ref, c.Value, err)
				}
			}
			if c.Formula != "" {
				if err := f.SetCellFormula(s.Name, c.Ref, c.Formula); err != nil {
					t.Fatalf("workbooktest: excelize %s!%s formula %q: %v", s.Name, c.Ref, c.Formula, err)
				}
			}
			if format := cellFormat(c); format != "" {
				if err := f.SetCellStyle(s.Name, c.Ref, c.Ref, styleFor(format)); err != nil {
					t.Fatalf("workbooktest: excelize %s!%s style %q: %v", s.Name, c.Ref, format, err)
				}
			}
		}
		for _, m := range s.Merges {
			tl, br, _ := strings.Cut(m, ":")
			if err := f.MergeCell(s.Name, tl, br); err != nil {
				t.Fatalf("workbooktest: excelize %s merge %s: %v", s.Name, m, err)
			}
		}
	}
	f.SetActiveSheet(0)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatalf("workbooktest: %v", err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatalf("workbooktest: excelize SaveAs %s: %v", path, err)
	}
	if len(cachedStrings) > 0 {
		if err := patchCachedStrings(path, cachedStrings); err != nil {
			t.Fatalf("workbooktest: excelize %s: storing cached strings: %v", path, err)
		}
	}
}

// patchCachedStrings adds <v>text</v> to formula cells written by excelize
// as <c r="B7" t="str"><f>…</f></c>, rewriting the file at xlsxPath.
func patchCachedStrings(xlsxPath string, cached map[string]map[string]string) error {
	zr, err := zip.OpenReader(xlsxPath)
	if err != nil {
		return err
	}
	defer zr.Close()
	patched := map[string][]byte{} // part name → new content
	for sheet, cells := range cached {
		name, err := sheetPart(&zr.Reader, sheet)
		if err != nil {
			return err
		}
		data, err := readPart(&zr.Reader, name)
		if err != nil {
			return err
		}
		for ref, text := range cells {
			start := bytes.Index(data, []byte(`<c r="`+ref+`"`))
			if start < 0 {
				return fmt.Errorf("%s: no cell %s", name, ref)
			}
			end := bytes.Index(data[start:], []byte("</c>"))
			if end < 0 {
				return fmt.Errorf("%s: cell %s is not closed", name, ref)
			}
			end += start
			elem := data[start:end]
			if !bytes.Contains(elem, []byte(` t="str"`)) || !bytes.Contains(elem, []byte("</f>")) || bytes.Contains(elem, []byte("<v>")) {
				return fmt.Errorf("%s: cell %s is not a formula without value: %s", name, ref, elem)
			}
			var v bytes.Buffer
			v.WriteString("<v>")
			if err := xml.EscapeText(&v, []byte(text)); err != nil {
				return err
			}
			v.WriteString("</v>")
			data = append(data[:end:end], append(v.Bytes(), data[end:]...)...)
		}
		patched[name] = data
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		data, ok := patched[f.Name]
		if !ok {
			if err := zw.Copy(f); err != nil {
				return err
			}
			continue
		}
		hdr := f.FileHeader
		w, err := zw.CreateHeader(&zip.FileHeader{Name: hdr.Name, Method: zip.Deflate, Modified: hdr.Modified})
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	zr.Close() // before replacing the file it reads
	return os.WriteFile(xlsxPath, buf.Bytes(), 0o644)
}

// AllProducers writes b with every producer into t.TempDir() and returns the
// paths by producer name: "excelize", "openpyxl" and "libreoffice" (the
// excelize file converted by LibreOffice, which recalculates every formula
// and so stores cached values). It skips, or fails under CI=true, when
// openpyxl or LibreOffice is missing.
func AllProducers(t testing.TB, b Book) map[string]string {
	t.Helper()
	RequireOpenpyxl(t)
	RequireLibreOffice(t)
	dir := t.TempDir()
	paths := map[string]string{
		Excelize: filepath.Join(dir, Excelize, "book.xlsx"),
		Openpyxl: filepath.Join(dir, Openpyxl, "book.xlsx"),
	}
	WriteExcelize(t, b, paths[Excelize])
	WriteOpenpyxl(t, b, paths[Openpyxl])
	paths[LibreOffice] = ConvertLibreOffice(t, paths[Excelize], filepath.Join(dir, LibreOffice))
	return paths
}

// skipIfShort skips the test under -short (even with CI=true), before any
// program is started: see the package documentation.
func skipIfShort(t testing.TB, tool string) {
	t.Helper()
	if testing.Short() {
		t.Skipf("workbooktest: -short: skipping a test that runs %s", tool)
	}
}

// skipOrFail skips the test, or fails it when CI=true (CI installs the tools).
func skipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: the CI installs it, so this is a failure)", msg)
	}
	t.Skip(msg)
}
