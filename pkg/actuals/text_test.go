package actuals

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
)

// TestSniffComma: the separator a text file's lines hold, quotes aside.
func TestSniffComma(t *testing.T) {
	for text, want := range map[string]rune{
		"指标,2021,2022\n人数,1,2\n":     ',',
		"指标;2021;2022\n人数;1,5;2,5\n": ';', // decimal commas, semicolon fields
		"指标\t2021\n人数\t\"1,000\"\n":  '\t',
		"\"a,b\";c\n\"d,e\";f\n":     ';',
		"one column\nno separator\n": ',',
	} {
		if got := sniffComma([]byte(text), false); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// TestTextLimits: a text file over a limit is an error of going over it.
func TestTextLimits(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	lim := xlsx.DefaultLimits()
	lim.MaxFileSize, lim.MaxRows, lim.MaxCols, lim.MaxCellBytes = 1000, 3, 3, 10
	for name, data := range map[string]string{
		"size.csv": strings.Repeat("a,b\n", 300),
		"rows.csv": "指标,2021\na,1\nb,2\nc,3\n",
		"cols.csv": "指标,2021,2022,2023\n",
		"cell.csv": "指标,2021\n" + strings.Repeat("长", 10) + ",1\n",
	} {
		err := Scan(write(name, data), Options{Limits: &lim}, &collector{})
		if !errors.Is(err, xlsx.ErrLimit) {
			t.Errorf("%s: %v, want a limit error", name, err)
		}
	}
}

// FuzzTextSource: any bytes read as a text file give rows or an error, never
// a panic, and every cell has text within the limits.
func FuzzTextSource(f *testing.F) {
	f.Add([]byte("指标,2021\n城镇新增就业人数,3.1\n"))
	f.Add([]byte("\xEF\xBB\xBF指标;2021\n\"a;b\";1\n"))
	f.Add([]byte("\xFF\xFE\x07c\x00"))
	f.Add([]byte("\"unterminated,1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		lim := xlsx.DefaultLimits()
		src, err := openText(path, lim, Options{})
		if err != nil {
			return
		}
		defer src.Close()
		_ = src.Rows(src.Sheets()[0], func(r xlsx.Row) error {
			for _, c := range r.Cells {
				if c.Text == "" || len(c.Text) > lim.MaxCellBytes || c.Row != r.Num {
					t.Fatalf("cell %+v of row %d", c, r.Num)
				}
			}
			return nil
		})
	})
}

// TestZeroLimitsAreDefaults: every source takes zero limits for the
// defaults, as the workbook reader does (Limits.WithDefaults).
func TestZeroLimitsAreDefaults(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "a.csv")
	htmlPath := filepath.Join(dir, "a.html")
	if err := os.WriteFile(csvPath, []byte("指标,2021\n城镇新增就业人数,3.1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(htmlPath, []byte("<table><tr><td>指标</td><td>2021</td></tr><tr><td>城镇新增就业人数</td><td>3.1</td></tr></table>"), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, open := range map[string]func(string, xlsx.Limits, Options) (source, error){csvPath: openText, htmlPath: openHTML} {
		src, err := open(path, xlsx.Limits{}, Options{})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		rows := 0
		if err := src.Rows(src.Sheets()[0], func(xlsx.Row) error { rows++; return nil }); err != nil || rows != 2 {
			t.Errorf("%s: %d rows, %v", path, rows, err)
		}
		src.Close()
	}
}
