package actuals

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
)

// TestSniffHTML: a web page is told by its start, whatever its name; a
// workbook's zip stays the workbook reader's.
func TestSniffHTML(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct {
		data string
		want Format
	}{
		"a.xls":   {"<html><body><table><tr><td>指标</td></tr></table>", FormatHTML},
		"b.xlsx":  {"\xEF\xBB\xBF\r\n <!DOCTYPE HTML><p>", FormatHTML},
		"c.htm":   {"<TABLE border=1><tr><td>1</td></tr></TABLE>", FormatHTML},
		"d.xls":   {"<?xml version=\"1.0\"?>\n<meta charset=gbk>", FormatHTML},
		"e.xls":   {"\xFF\xFE<\x00h\x00t\x00m\x00l\x00>\x00", FormatHTML},
		"f.csv":   {"指标,<table>\n", FormatCSV}, // not starting with <
		"g.xlsx":  {"PK\x03\x04<html>", FormatXLSX},
		"h.xls":   {"\xd0\xcf\x11\xe0<html>", FormatXLS}, // a broken .xls: its reader says so
		"i.txt":   {"<p>no table</p>", FormatCSV},
		"j.html":  {strings.Repeat(" ", 600) + "<html>", FormatCSV}, // beyond the first 512 bytes
		"k.xlsx2": {"<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">", FormatCSV},
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(tc.data), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := sniff(p); err != nil || got != tc.want {
			t.Errorf("%s: %q, %v; want %q", name, got, err, tc.want)
		}
	}
}

// htmlRowsOf reads a page's sheets as "sheet row: col=text …" lines, a
// merged cell's text marked with *.
func htmlRowsOf(t *testing.T, page string, lim xlsx.Limits) (string, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "p.html")
	if err := os.WriteFile(p, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := openHTML(p, lim, Options{})
	if err != nil {
		return "", err
	}
	defer src.Close()
	var out []string
	for _, sheet := range src.Sheets() {
		err := src.Rows(sheet, func(r xlsx.Row) error {
			line := fmt.Sprintf("%s %d:", sheet, r.Num)
			for _, c := range r.Cells {
				mark := ""
				if c.Merged {
					mark = "*"
				}
				line += fmt.Sprintf(" %s=%s%s", c.Ref(), mark, c.Text)
			}
			out = append(out, line)
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	return strings.Join(out, "\n"), nil
}

// TestHTMLLayout: cells go where a browser draws them; spans are merged
// ranges; text is collapsed, a <br> a line break; a nested table is a
// sheet of its own; tables without text are no sheets.
func TestHTMLLayout(t *testing.T) {
	page := `<table></table>
<table>
<thead><tr><th colspan=3>标题</th></tr></thead>
<tbody>
<tr><td rowspan=2>甲</td><td>指标<br>名称</td><td rowspan=5>  a
  b&nbsp;c </td>
<tr><td>x<table><tr><td>内</td></tr></table></td>
<tr><td></td><td colspan=0>y</td>
</tbody>
</table>`
	got, err := htmlRowsOf(t, page, xlsx.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"表2 1: A1=标题 B1=*标题 C1=*标题",
		"表2 2: A2=甲 B2=指标\n名称 C2=a b c",
		"表2 3: A3=*甲 B3=x C3=*a b c",
		"表2 4: B4=y C4=*a b c",
		"表3 1: A1=内",
	}, "\n")
	if got != want {
		t.Errorf("rows:\n%s\nwant:\n%s", got, want)
	}
}

// TestHTMLLimits: a page over a limit is an error of going over it, before
// anything big is allocated.
func TestHTMLLimits(t *testing.T) {
	lim := xlsx.DefaultLimits()
	lim.MaxFileSize, lim.MaxRows, lim.MaxCols, lim.MaxCellBytes, lim.MaxMergedCells = 4000, 3, 5, 10, 20
	for name, page := range map[string]string{
		"size":     "<table>" + strings.Repeat("<tr><td>1</td></tr>", 300) + "</table>",
		"colspan":  "<table><tr><td colspan=100000>标题</td></tr></table>",
		"colspan2": "<table><tr><td>a</td><td colspan=9223372036854775807>b</td></tr></table>",
		"cols":     "<table><tr><td>1<td>2<td>3<td>4<td>5<td>6</tr></table>",
		"rows":     "<table><tr><td>1<tr><td>2<tr><td>3<tr><td>4</table>",
		"cell":     "<table><tr><td>" + strings.Repeat("长", 4) + "</td></tr></table>",
		"merged":   "<table><tr><td rowspan=3 colspan=5>a</td></tr><tr></tr><tr></tr></table><table><tr><td colspan=5 rowspan=2>b<tr></table>",
	} {
		_, err := htmlRowsOf(t, page, lim)
		if !errors.Is(err, xlsx.ErrLimit) {
			t.Errorf("%s: %v, want a limit error", name, err)
		}
	}
	// A huge colspan with the default limits: an error, not 100000 cells.
	if _, err := htmlRowsOf(t, "<table><tr><td colspan=100000>标题</td></tr></table>", xlsx.DefaultLimits()); !errors.Is(err, xlsx.ErrLimit) {
		t.Errorf("colspan 100000: %v, want a limit error", err)
	}
	// A rowspan past the table's end stops at its last row.
	got, err := htmlRowsOf(t, "<table><tr><td rowspan=1000000>a</td></tr><tr><td>b</td></tr></table>", lim)
	if err != nil || got != "表1 1: A1=a\n表1 2: A2=*a B2=b" {
		t.Errorf("rowspan past the end: %q, %v", got, err)
	}
}

// FuzzHTMLSource: any bytes read as a web page give rows or an error, never
// a panic; every cell has text within the limits, rows and cells in order.
func FuzzHTMLSource(f *testing.F) {
	f.Add([]byte("<html><meta charset=gbk><table><tr><th colspan=2>标题<tr><td rowspan=2>甲<td>1</table>"))
	f.Add([]byte("\xEF\xBB\xBF<table><tr><td>指标<br>名称</td><td colspan=3 rowspan=0>x</td></tr><tr><td>a<table><tr><td>b</table></table>"))
	f.Add([]byte("\xFF\xFE<\x00t\x00a\x00b\x00l\x00e\x00>\x00"))
	f.Add([]byte("<table><tr><td rowspan=3>a<td colspan=2>b<tr><td colspan=3>c<tr><td>d</table>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.xls")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		lim := xlsx.DefaultLimits()
		lim.MaxFileSize, lim.MaxRows, lim.MaxCols, lim.MaxMergedCells = 1<<20, 1000, 200, 10000
		src, err := openHTML(path, lim, Options{})
		if err != nil {
			return
		}
		defer src.Close()
		for _, sheet := range src.Sheets() {
			last := 0
			err := src.Rows(sheet, func(r xlsx.Row) error {
				if r.Num <= last || r.Num > lim.MaxRows || r.Num > src.LastRow(sheet) {
					t.Fatalf("row %d after %d", r.Num, last)
				}
				last = r.Num
				col := 0
				for _, c := range r.Cells {
					if c.Text == "" || len(c.Text) > lim.MaxCellBytes || c.Row != r.Num || c.Col <= col || c.Col > lim.MaxCols {
						t.Fatalf("cell %+v of row %d", c, r.Num)
					}
					col = c.Col
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	})
}
