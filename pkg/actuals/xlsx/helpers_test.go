package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// book describes a workbook written by hand, for what excelize cannot write:
// inline strings, cells and rows without r, cached formula numbers, error
// cells, phonetic runs.
type book struct {
	sheets []bookSheet
	sst    []string // <si> bodies, written as they are
	styles string   // the whole styles.xml, "" for a default one
	extra  map[string]string
	omit   map[string]bool // parts to leave out
}

type bookSheet struct {
	name  string
	state string // "", "hidden"
	xml   string // the whole worksheet part, or just the sheetData body
}

const nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// sheetXML wraps the body of <sheetData> (and anything after it, such as
// mergeCells) into a worksheet.
func sheetXML(rows string, after string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet ` + nsMain + `><sheetData>` + rows + `</sheetData>` + after + `</worksheet>`
}

// defaultStyles has cell formats 0 General, 1 "0%" (9), 2 "0.00%" (10),
// 3 custom "0.0%", 4 date 14, 5 custom "yyyy年m月d日", 6 custom `0.0"%"`.
const defaultStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="166" formatCode="0.0&quot;%&quot;"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="7">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`

// parts returns the zip parts of the book.
func (b book) parts() map[string]string {
	p := map[string]string{}
	var ct, wbSheets, rels strings.Builder
	ct.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, s := range b.sheets {
		n := i + 1
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		state := ""
		if s.state != "" {
			state = ` state="` + s.state + `"`
		}
		fmt.Fprintf(&wbSheets, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, s.name, n, state, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
		body := s.xml
		if !strings.Contains(body, "<worksheet") {
			body = sheetXML(body, "")
		}
		p[fmt.Sprintf("xl/worksheets/sheet%d.xml", n)] = body
	}
	ct.WriteString(`</Types>`)
	n := len(b.sheets)
	fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, n+1)
	fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/>`, n+2)
	rels.WriteString(`</Relationships>`)
	p["[Content_Types].xml"] = ct.String()
	p["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	p["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook ` + nsMain + `><sheets>` + wbSheets.String() + `</sheets></workbook>`
	p["xl/_rels/workbook.xml.rels"] = rels.String()
	styles := b.styles
	if styles == "" {
		styles = defaultStyles
	}
	p["xl/styles.xml"] = styles
	var sst strings.Builder
	fmt.Fprintf(&sst, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(b.sst), len(b.sst))
	for _, si := range b.sst {
		sst.WriteString("<si>" + si + "</si>")
	}
	sst.WriteString("</sst>")
	p["xl/sharedStrings.xml"] = sst.String()
	for k, v := range b.extra {
		p[k] = v
	}
	for k := range b.omit {
		delete(p, k)
	}
	return p
}

// zipBytes writes parts into a zip, in name order so the bytes are stable.
func zipBytes(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for k := range parts {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeBook writes the book to a file in a temporary folder.
func writeBook(t testing.TB, b book) string {
	t.Helper()
	return writeFile(t, "book.xlsx", zipBytes(t, b.parts()))
}

func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// readAll reads every row of a sheet.
func readAll(t testing.TB, w *Workbook, sheet string) []Row {
	t.Helper()
	var rows []Row
	if err := w.Rows(sheet, func(r Row) error {
		r.Cells = slices.Clone(r.Cells) // the reader reuses its buffer
		rows = append(rows, r)
		return nil
	}); err != nil {
		t.Fatalf("Rows(%q): %v", sheet, err)
	}
	return rows
}

// cellMap indexes cells by reference, failing on duplicates.
func cellMap(t testing.TB, rows []Row) map[string]Cell {
	t.Helper()
	m := map[string]Cell{}
	for _, r := range rows {
		for _, c := range r.Cells {
			if _, dup := m[c.Ref()]; dup {
				t.Fatalf("cell %s twice", c.Ref())
			}
			m[c.Ref()] = c
		}
	}
	return m
}

// openBytes opens the book from memory.
func openBytes(t testing.TB, b book, lim Limits) (*Workbook, error) {
	t.Helper()
	data := zipBytes(t, b.parts())
	return openReader(bytes.NewReader(data), int64(len(data)), "test.xlsx", lim.WithDefaults())
}

func writeFileAt(path string, data []byte) error {
	return os.WriteFile(path, data, 0o644)
}

// colName returns the letters of a 1-based column number.
func colName(col int) string { return string(appendCol(nil, col)) }
