package actuals

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedPartBook writes an .xlsx whose sheets, named names, all point at
// one worksheet part holding sheetData.
func sharedPartBook(t *testing.T, names []string, sheetData string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shared.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	var list, rels strings.Builder
	for i, name := range names {
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, name, i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`, i+1)
	}
	for _, p := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` + list.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheetData + `</sheetData></worksheet>`},
	} {
		w, err := zw.Create(p[0])
		if err == nil {
			_, err = w.Write([]byte(p[1]))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

const sharedTable = `<row r="1"><c r="A1" t="inlineStr"><is><t>指标名称</t></is></c><c r="B1" t="inlineStr"><is><t>2023年</t></is></c></row>` +
	`<row r="2"><c r="A2" t="inlineStr"><is><t>城镇新增就业人数</t></is></c><c r="B2"><v>3.1</v></c></row>`

// TestSheetsOverOnePart: sheets that share one worksheet part (LibreOffice
// shows them as sheets of the same cells) are read as such: the table is
// the first sheet's; sheets named for years over one part are refused, as
// they would give two years the same numbers.
func TestSheetsOverOnePart(t *testing.T) {
	path := sharedPartBook(t, []string{"表1", "表2", "表3"}, sharedTable)
	tab, err := ReadTable(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Header.Sheet != "表1" || len(tab.Rows) != 1 {
		t.Errorf("sheet %q, %d rows", tab.Header.Sheet, len(tab.Rows))
	}
	// No table: each part is read once; the message still names every sheet.
	path = sharedPartBook(t, []string{"表1", "表2", "表3"}, `<row r="1"><c r="A1" t="inlineStr"><is><t>封面</t></is></c></row>`)
	if _, err := ReadTable(path, Options{}); err == nil || !strings.Contains(err.Error(), `"表1", "表2", "表3"`) {
		t.Errorf("no table: %v", err)
	}
	path = sharedPartBook(t, []string{"2022", "2023"}, sharedTable)
	err = Scan(path, Options{}, &sheetCollector{})
	if err == nil || err.Error() != path+`: sheets "2022" and "2023" point at the same part xl/worksheets/sheet1.xml, so two years would read the same numbers; give each year's sheet its own data (copy the sheet in Excel or WPS)` {
		t.Errorf("year sheets over one part: %v", err)
	}
}

// sheetCollector is a collector that takes a table of one sheet per year.
type sheetCollector struct{ collector }

func (c *sheetCollector) NextSheet(h *Header) error { return nil }
