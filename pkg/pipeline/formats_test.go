package pipeline_test

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

var updateFormats = flag.Bool("update-formats", false, "rewrite testdata/formats from LibreOffice's conversions of formatsBook")

// formatsDir holds formatsBook as LibreOffice saves it in every format
// plancheck reads (TestFormatsReconverted makes them again).
const formatsDir = "testdata/formats"

// formatsBook is districtBook with its 失业率 written as fractions in 0.00%
// cells and one value a formula: what a CSV or a web page holds as shown
// (5.20%), a workbook as a number and a format.
func formatsBook() wbt.Book {
	book := districtBook()
	sheet := &book.Sheets[1]
	for i, c := range sheet.Cells {
		switch c.Value {
		case 5.2, 5.4, 5.3: // 城镇调查失业率
			sheet.Cells[i].Value, sheet.Cells[i].Format = c.Value.(float64)/100, "0.00%"
		case 44.3: // 工伤保险参保人数, 2023
			sheet.Cells[i].Formula = "43.9+0.4"
		}
	}
	return book
}

// formatFixture is one file of testdata/formats: how LibreOffice makes it
// from formatsBook saved as .xlsx, and whether plancheck notes that its
// name says another format than its content.
type formatFixture struct {
	name string
	make func(t *testing.T, src, dir string) []byte
}

func converted(ext string) func(t *testing.T, src, dir string) []byte {
	return func(t *testing.T, src, dir string) []byte {
		return readFile(t, wbt.ConvertLibreOfficeTo(t, src, filepath.Join(dir, ext), ext))
	}
}

func csvOf(sep rune, charset int, prefix string) func(t *testing.T, src, dir string) []byte {
	return func(t *testing.T, src, dir string) []byte {
		out := wbt.ConvertLibreOfficeCSV(t, src, filepath.Join(dir, "csv"), 2, sep, charset)
		return append([]byte(prefix), readFile(t, out)...)
	}
}

var formatFixtures = []formatFixture{
	{"libreoffice.xlsx", converted("xlsx")},
	{"libreoffice.xls", converted("xls")},
	{"libreoffice.ods", converted("ods")},
	{"utf-8.csv", csvOf(',', wbt.CharsetUTF8, "")},
	{"utf-8-bom.csv", csvOf(',', wbt.CharsetUTF8, "\xEF\xBB\xBF")},
	{"gbk.csv", csvOf(',', wbt.CharsetGBK, "")},
	{"utf-16.txt", csvOf('\t', wbt.CharsetUTF16, "")}, // Excel's "Unicode text"
	// The "xls" a web system exports: a web page's table under an .xls name.
	{"web-page.xls", converted("html")},
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// formatsWant is the statuses and actual values of formatsBook as excelize
// writes it.
func formatsWant(t *testing.T, dir string) (string, string) {
	t.Helper()
	src := filepath.Join(dir, "2023.xlsx")
	wbt.WriteExcelize(t, formatsBook(), src)
	want := outcomesOf(t, src, actuals.Options{})
	if strings.Count(want, "\n") != len(districtRows)-1 || strings.Contains(want, "—") || !strings.Contains(want, "0.053") && !strings.Contains(want, "5.3") {
		t.Fatalf("the workbook's outcomes:\n%s", want)
	}
	return src, want
}

// TestFormatsAgree: formatsBook saved by LibreOffice as .xlsx, .xls and .ods,
// as CSV in UTF-8, UTF-8 with a BOM, GBK and UTF-16, and as a web page named
// .xls (the files of testdata/formats), gives the statuses and actual
// values of the workbook excelize writes. It needs no LibreOffice:
// TestFormatsReconverted keeps the files honest.
func TestFormatsAgree(t *testing.T) {
	_, want := formatsWant(t, t.TempDir())
	for _, f := range formatFixtures {
		t.Run(f.name, func(t *testing.T) {
			path := filepath.Join(formatsDir, f.name)
			if got := outcomesOf(t, path, actuals.Options{}); got != want {
				t.Errorf("%s:\n%s\nwant (the workbook's):\n%s", path, got, want)
			}
		})
	}
	// Each text file is in the encoding its name says.
	for name, valid := range map[string]bool{"utf-8.csv": true, "utf-8-bom.csv": true, "gbk.csv": false} {
		if data := readFile(t, filepath.Join(formatsDir, name)); utf8.Valid(data) != valid {
			t.Errorf("%s: valid UTF-8 %v", name, !valid)
		}
	}
	if data := readFile(t, filepath.Join(formatsDir, "utf-16.txt")); !slices.Equal(data[:2], []byte{0xFF, 0xFE}) {
		t.Errorf("utf-16.txt starts % x, not a UTF-16LE byte order mark", data[:2])
	}
}

// TestFormatsReconverted makes testdata/formats again with this machine's
// LibreOffice (CI installs it) and checks the new files read as the
// committed ones do, so the fixtures stay what LibreOffice writes;
// -update-formats rewrites them.
func TestFormatsReconverted(t *testing.T) {
	wbt.RequireLibreOffice(t)
	dir := t.TempDir()
	src, want := formatsWant(t, dir)
	for _, f := range formatFixtures {
		t.Run(f.name, func(t *testing.T) {
			data := f.make(t, src, dir)
			path := filepath.Join(dir, "new", f.name)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if got := outcomesOf(t, path, actuals.Options{}); got != want {
				t.Errorf("LibreOffice's %s now:\n%s\nwant (the workbook's):\n%s", f.name, got, want)
			}
			if *updateFormats {
				if err := os.WriteFile(filepath.Join(formatsDir, f.name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
