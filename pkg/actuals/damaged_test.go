package actuals

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// brokenBook writes a workbook of one sheet, S, whose worksheet part is
// sheetData (its body) and whose shared strings are sst (<si> bodies).
func brokenBook(t *testing.T, sheetData string, sst ...string) string {
	t.Helper()
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	sstXML := `<sst ` + ns + `>`
	for _, si := range sst {
		sstXML += "<si>" + si + "</si>"
	}
	parts := [][2]string{
		{"xl/workbook.xml", `<workbook ` + ns + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + rel + `sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", sstXML + `</sst>`},
		{"xl/worksheets/sheet1.xml", `<worksheet ` + ns + `><sheetData>` + sheetData + `</sheetData></worksheet>`},
	}
	path := filepath.Join(t.TempDir(), "x.xlsx")
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
		w.Write([]byte(p[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDamagedWorded: a workbook broken inside is named once and said to be
// damaged, with what the reader found, wholly in the run's language; one
// over a limit is too big. The reader's own errors are still there for
// errors.Is.
func TestDamagedWorded(t *testing.T) {
	header := `<row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c><c r="B1" t="inlineStr"><is><t>2023年</t></is></c></row>`
	english := regexp.MustCompile(`[A-Za-z]{3,}( [A-Za-z]{2,})+`)
	for _, tc := range []struct {
		name  string
		sheet string
		sst   []string
		lim   *xlsx.Limits
		zh    string
		en    string
	}{
		{
			name:  "shared string out of range",
			sheet: header + `<row r="3"><c r="A3" t="inlineStr"><is><t>失业率</t></is></c><c r="B3" t="s"><v>9</v></c></row>`,
			sst:   []string{"<t>a</t>", "<t>b</t>", "<t>c</t>"},
			zh:    "x.xlsx：工作簿已损坏（请用 Excel 或 WPS 打开后重新保存）：xl/worksheets/sheet1.xml：单元格 B3：共享字符串序号 9 超出范围（共 3 个）",
			en:    "x.xlsx: the workbook is damaged (open it in Excel or WPS and save it again): xl/worksheets/sheet1.xml: cell B3: shared string index 9 out of range (the table has 3)",
		},
		{
			name:  "malformed XML",
			sheet: header + `<row r="2"><c r="B2" t="inlineStr"><is><t>&nbsp;</t></is></c></row>`,
			zh:    "x.xlsx：工作簿已损坏（请用 Excel 或 WPS 打开后重新保存）：xl/worksheets/sheet1.xml：单元格 B2：第 1 行 XML 语法错误：无效的字符实体 &nbsp;",
			en:    "x.xlsx: the workbook is damaged (open it in Excel or WPS and save it again): xl/worksheets/sheet1.xml: cell B2: XML syntax error on line 1: invalid character entity &nbsp;",
		},
		{
			name:  "over a limit",
			sheet: header,
			sst:   []string{"<t>a</t>", "<t>b</t>", "<t>c</t>"},
			lim:   &xlsx.Limits{MaxSharedStrings: 2},
			zh:    "x.xlsx：工作簿过大，无法读取：xl/sharedStrings.xml：共享字符串超过 2 个",
			en:    "x.xlsx: the workbook is too big to read: xl/sharedStrings.xml: shared string table over 2 entries: over a limit",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := brokenBook(t, tc.sheet, tc.sst...)
			t.Chdir(filepath.Dir(path))
			for lang, want := range map[msg.Lang]string{msg.Chinese: tc.zh, msg.English: tc.en} {
				_, err := ReadTable("x.xlsx", Options{Lang: lang, Limits: tc.lim})
				if err == nil {
					t.Fatalf("%s: no error", lang)
				}
				if got := msg.Text(err, lang); got != want {
					t.Errorf("%s:\n got %s\nwant %s", lang, got, want)
				}
				if lang == msg.Chinese {
					if m := english.FindString(regexp.MustCompile(`[\w/]+\.xml|\b[A-Z]{1,3}\d+\b`).ReplaceAllString(want, "")); m != "" {
						t.Errorf("English in the Chinese: %q", m)
					}
				}
				if errors.Is(err, xlsx.ErrLimit) != (tc.lim != nil) {
					t.Errorf("%s: errors.Is(ErrLimit) = %v", lang, tc.lim == nil)
				}
			}
		})
	}
}
