package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"hash/crc32"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// englishProse is a run of English words; partName and cellRef are what a
// Chinese message keeps in ASCII, the place.
var (
	englishProse = regexp.MustCompile(`[A-Za-z]{3,}( [A-Za-z]{2,})+`)
	partName     = regexp.MustCompile(`[\w/.\[\]]+\.(xml|rels)`)
	cellRef      = regexp.MustCompile(`\b[A-Z]{1,3}[0-9]+\b`)
)

// TestErrorsWorded: a workbook broken inside gives an error that reads
// wholly in Chinese, naming the part and the cell, while its Error stays the
// English the reader always gave.
func TestErrorsWorded(t *testing.T) {
	sheet := func(xml string) book { return book{sheets: []bookSheet{{name: "S", xml: xml}}} }
	for _, tc := range []struct {
		name  string
		book  book
		data  []byte // the zip itself, instead of book
		lim   Limits
		zh    string // the Chinese, whole
		en    string // in the English
		limit bool
	}{
		{
			name: "shared index out of range",
			book: book{sst: []string{"<t>a</t>"}, sheets: []bookSheet{{name: "S", xml: `<row r="3"><c r="G3" t="s"><v>1</v></c></row>`}}},
			zh:   "xl/worksheets/sheet1.xml：单元格 G3：共享字符串序号 1 超出范围（共 1 个）",
			en:   "xl/worksheets/sheet1.xml: cell G3: shared string index 1 out of range (the table has 1)",
		},
		{
			name: "bad shared index",
			book: sheet(`<row r="2"><c r="B2" t="s"><v>x</v></c></row>`),
			zh:   "xl/worksheets/sheet1.xml：单元格 B2：共享字符串序号 “x” 无效",
			en:   `xl/worksheets/sheet1.xml: cell B2: invalid shared string index "x"`,
		},
		{
			name: "bad number",
			book: sheet(`<row r="1"><c r="B1"><v>NaN</v></c></row>`),
			zh:   "xl/worksheets/sheet1.xml：单元格 B1：数字 “NaN” 无效",
			en:   `xl/worksheets/sheet1.xml: cell B1: invalid number "NaN"`,
		},
		{
			name: "bad boolean",
			book: sheet(`<row r="1"><c r="C1" t="b"><v>2</v></c></row>`),
			zh:   "xl/worksheets/sheet1.xml：单元格 C1：逻辑值 “2” 无效",
			en:   `xl/worksheets/sheet1.xml: cell C1: invalid boolean "2"`,
		},
		{
			name: "bad type",
			book: sheet(`<row r="1"><c r="B1" t="x"><v>1</v></c></row>`),
			zh:   "xl/worksheets/sheet1.xml：单元格 B1：未知的单元格类型 “x”",
			en:   `xl/worksheets/sheet1.xml: cell B1: unknown cell type "x"`,
		},
		{
			name: "bad style",
			book: sheet(`<row r="1"><c r="D1" s="-1"><v>1</v></c></row>`),
			zh:   "xl/worksheets/sheet1.xml：单元格 D1：样式序号 “-1” 无效",
			en:   `xl/worksheets/sheet1.xml: cell D1: invalid style index "-1"`,
		},
		{
			name: "rows out of order",
			book: sheet(`<row r="5"/><row r="3"/>`),
			zh:   "xl/worksheets/sheet1.xml：第 3 行出现在第 5 行之后：行的顺序错乱",
			en:   "xl/worksheets/sheet1.xml: row 3 after row 5: rows out of order",
		},
		{
			name: "bad row number",
			book: sheet(`<row r="2"/><row r="x"/>`),
			zh:   "xl/worksheets/sheet1.xml：第 2 行之后的行：行号 “x” 无效",
			en:   `xl/worksheets/sheet1.xml: row after row 2: invalid row number "x"`,
		},
		{
			name: "cell in the wrong row",
			book: sheet(`<row r="5"><c r="A6"><v>1</v></c></row>`),
			zh:   "xl/worksheets/sheet1.xml：单元格 A6 出现在第 5 行，行号不符",
			en:   "xl/worksheets/sheet1.xml: cell A6 in row 5",
		},
		{
			name: "bad cell reference",
			book: sheet(`<row r="5"><c r="5A"><v>1</v></c></row>`),
			zh:   "xl/worksheets/sheet1.xml：第 5 行：单元格引用 “5A” 无效",
			en:   `xl/worksheets/sheet1.xml: row 5: invalid cell reference "5A"`,
		},
		{
			name: "two cells in one place",
			book: sheet(`<row r="5"><c r="B5"><v>1</v></c><c r="A5"><v>1</v></c><c r="B5"><v>1</v></c></row>`),
			zh:   "xl/worksheets/sheet1.xml：单元格 B5：两个单元格位置相同",
			en:   "xl/worksheets/sheet1.xml: cell B5: two cells in the same place",
		},
		{
			name: "stray end tag",
			book: sheet(`<worksheet></worksheet></x>`),
			zh:   "xl/worksheets/sheet1.xml：第 1 行 XML 语法错误：多余的结束标记",
			en:   "xl/worksheets/sheet1.xml: XML syntax error on line 1: unexpected end element",
		},
		{
			name: "unknown entity",
			book: sheet(`<row r="3"><c r="A3" t="inlineStr"><is><t>&nbsp;</t></is></c></row>`),
			zh:   "xl/worksheets/sheet1.xml：单元格 A3：第 2 行 XML 语法错误：无效的字符实体 &nbsp;",
			en:   "xl/worksheets/sheet1.xml: cell A3: XML syntax error on line 2: invalid character entity &nbsp;",
		},
		{
			name: "invalid UTF-8",
			book: sheet(`<row r="4"><c r="B4" t="inlineStr"><is><t>` + "\xff" + `</t></is></c></row>`),
			zh:   "xl/worksheets/sheet1.xml：单元格 B4：第 2 行 XML 语法错误：不是有效的 UTF-8 编码",
			en:   "xl/worksheets/sheet1.xml: cell B4: XML syntax error on line 2: invalid UTF-8",
		},
		{
			name: "truncated",
			book: sheet(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v>`),
			zh:   "xl/worksheets/sheet1.xml：单元格 A1：XML 不完整：元素没有结束",
			en:   "xl/worksheets/sheet1.xml: cell A1: XML ends inside an element",
		},
		{
			name: "overlapping merges",
			book: sheet(sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>`)),
			zh:   "xl/worksheets/sheet1.xml：合并区域 A1:B2 与 B2:C3 重叠",
			en:   "xl/worksheets/sheet1.xml: merged ranges A1:B2 and B2:C3 overlap",
		},
		{
			name: "bad merged range",
			book: sheet(sheetXML(``, `<mergeCells><mergeCell ref="A1:B"/></mergeCells>`)),
			zh:   "xl/worksheets/sheet1.xml：合并区域 “A1:B”：单元格引用 “B” 无效",
			en:   `xl/worksheets/sheet1.xml: merged range "A1:B": invalid cell reference "B"`,
		},
		{
			name: "bad number format",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="1"><c r="A1"><v>1</v></c></row>`}},
				styles: `<styleSheet><numFmts><numFmt numFmtId="x" formatCode="0%"/></numFmts></styleSheet>`},
			zh: "xl/styles.xml：数字格式编号 “x” 无效",
			en: `xl/styles.xml: numFmt with numFmtId "x"`,
		},
		{
			name: "part missing",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="1"><c r="A1"><v>1</v></c></row>`}}, omit: map[string]bool{"xl/worksheets/sheet1.xml": true}},
			zh:   "工作簿中缺少 xl/worksheets/sheet1.xml",
			en:   "xl/worksheets/sheet1.xml: part missing from the workbook",
		},
		{
			name: "bad cell format",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="1"><c r="A1"><v>1</v></c></row>`}},
				styles: `<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="1.5"/></cellXfs></styleSheet>`},
			zh: "xl/styles.xml：序号 1 的单元格样式：数字格式编号 “1.5” 无效",
			en: `xl/styles.xml: cell format 1: numFmtId "1.5"`,
		},
		{
			name: "sheet without its part",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="1"><c r="A1"><v>1</v></c></row>`}},
				extra: map[string]string{"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`}},
			zh: "工作表“S”在工作簿中没有对应的内容",
			en: `sheet "S": the workbook has no worksheet part for it`,
		},
		{
			name: "checksum",
			data: badChecksum(t),
			zh:   "xl/worksheets/sheet1.xml：压缩数据校验和不符",
			en:   "xl/worksheets/sheet1.xml: zip: checksum error",
		},
		{
			name: "too many shared strings", book: handBook(), lim: Limits{MaxSharedStrings: 3},
			zh:    "xl/sharedStrings.xml：共享字符串超过 3 个",
			en:    "xl/sharedStrings.xml: shared string table over 3 entries: over a limit",
			limit: true,
		},
		{
			name:  "row beyond the limit",
			book:  sheet(`<row r="11"><c r="A11"><v>1</v></c></row>`),
			lim:   Limits{MaxRows: 10},
			zh:    "xl/worksheets/sheet1.xml：第 11 行：行号超过 10",
			en:    "xl/worksheets/sheet1.xml: row 11: row beyond 10: over a limit",
			limit: true,
		},
		{
			name:  "cell too big",
			book:  sheet(`<row r="9"><c r="G9" t="inlineStr"><is><t>` + strings.Repeat("x", 101) + `</t></is></c></row>`),
			lim:   Limits{MaxCellBytes: 100},
			zh:    "xl/worksheets/sheet1.xml：单元格 G9：文本超过 100 字节",
			en:    "xl/worksheets/sheet1.xml: cell G9: text over 100 bytes: over a limit",
			limit: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data
			if data == nil {
				data = zipBytes(t, tc.book.parts())
			}
			w, err := openReader(bytes.NewReader(data), int64(len(data)), "test.xlsx", tc.lim.WithDefaults())
			if err == nil {
				err = w.Rows("S", func(Row) error { return nil })
			}
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tc.en {
				t.Errorf("English:\n got %s\nwant %s", got, tc.en)
			}
			zh := msg.Text(err, msg.Chinese)
			if zh != tc.zh {
				t.Errorf("Chinese:\n got %s\nwant %s", zh, tc.zh)
			}
			checkChinese(t, zh)
			if errors.Is(err, ErrLimit) != tc.limit {
				t.Errorf("errors.Is(ErrLimit) = %v", !tc.limit)
			}
		})
	}
}

// checkChinese fails when text, but for its part names and cell
// references, has English prose or a key the catalogue lacks.
func checkChinese(t *testing.T, text string) {
	t.Helper()
	rest := cellRef.ReplaceAllString(partName.ReplaceAllString(text, ""), "")
	if m := englishProse.FindString(rest); m != "" {
		t.Errorf("%s: English in the Chinese: %q", text, m)
	}
	if strings.Contains(text, "[xlsx.") {
		t.Errorf("%s: a key the catalogue lacks", text)
	}
}

// TestXMLDetailsWorded: every encoding/xml message xmlDetail knows reads in
// Chinese, and in English as encoding/xml wrote it.
func TestXMLDetailsWorded(t *testing.T) {
	for _, d := range xmlDetails {
		m := d.text
		if d.named {
			m += "&x;"
		}
		err := xmlDetail(m)
		if err == nil {
			t.Errorf("%q: not worded", m)
			continue
		}
		if err.Error() != m {
			t.Errorf("%q: English %q", m, err.Error())
		}
		checkChinese(t, msg.Text(err, msg.Chinese))
	}
	if xmlDetail("something new") != nil {
		t.Error("an unknown message is worded")
	}
}

// badChecksum is a workbook whose worksheet part does not match the CRC-32
// its zip header gives.
func badChecksum(t *testing.T) []byte {
	parts := book{sheets: []bookSheet{{name: "S", xml: `<row r="1"><c r="A1"><v>1</v></c></row>`}}}.parts()
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		body := []byte(parts[name])
		crc := crc32.ChecksumIEEE(body)
		if name == "xl/worksheets/sheet1.xml" {
			crc++
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, CRC32: crc,
			CompressedSize64: uint64(len(body)), UncompressedSize64: uint64(len(body))})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
