package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

func TestOpenErrors(t *testing.T) {
	xls := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...)
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"csv", []byte("指标,2021\n失业率,5.2\n"), "not an .xlsx/.xlsm workbook: "},
		{"empty", nil, "not an .xlsx/.xlsm workbook: "},
		{"xls", xls, "an .xls from Excel 97–2003"},
		{"zip without workbook", zipBytes(t, map[string]string{"hello.txt": "hi"}), "no xl/workbook.xml in the zip"},
		{"xlsb", zipBytes(t, map[string]string{"xl/workbook.bin": "\x00"}), "an .xlsb binary workbook"},
		{"workbook not a workbook", zipBytes(t, map[string]string{"xl/workbook.xml": "<html/>"}), "has no <workbook> element"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, "in.xlsx", tc.data)
			w, err := Open(path, DefaultLimits())
			if err == nil {
				w.Close()
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "not an .xlsx/.xlsm workbook: ") {
				t.Errorf("error %q, want it to contain %q", err, tc.want)
			}
			if errors.Is(err, ErrLimit) {
				t.Errorf("error %q wraps ErrLimit", err)
			}
		})
	}
	if _, err := Open(writeFile(t, "missing.xlsx", nil)+".nope", DefaultLimits()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// bomb returns the parts of a workbook whose sheet decompresses to n bytes
// of white space (and so compresses to almost nothing).
func bomb(n int) map[string]string {
	b := handBook()
	b.sheets[0].xml = sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`+strings.Repeat(" ", n), "")
	return b.parts()
}

func TestZipBomb(t *testing.T) {
	data := zipBytes(t, bomb(16<<20))
	if len(data) > 1<<20 {
		t.Fatalf("bomb is %d bytes compressed", len(data))
	}
	path := writeFile(t, "bomb.xlsx", data)
	start := time.Now()
	w, err := Open(path, Limits{MaxPartSize: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	err = w.Rows("Hand", func(Row) error { return nil })
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "xl/worksheets/sheet1.xml: part over 1048576 bytes uncompressed") {
		t.Errorf("Rows: %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

// TestLyingHeader writes a part whose zip header claims 100 bytes but which
// decompresses to 8 MiB: it must fail, and fast, whoever notices first.
func TestLyingHeader(t *testing.T) {
	var body bytes.Buffer
	body.WriteString(sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`+strings.Repeat(" ", 8<<20), ""))
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestCompression)
	fw.Write(body.Bytes())
	fw.Close()

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, text := range handBook().parts() {
		if name == "xl/worksheets/sheet1.xml" {
			w, err := zw.CreateRaw(&zip.FileHeader{
				Name: name, Method: zip.Deflate,
				CRC32:              crc32.ChecksumIEEE(body.Bytes()),
				CompressedSize64:   uint64(comp.Len()),
				UncompressedSize64: 100,
			})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(comp.Bytes())
			continue
		}
		w, _ := zw.Create(name)
		io.WriteString(w, text)
	}
	zw.Close()
	wb, err := openReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()), "lying.xlsx", Limits{MaxPartSize: 1 << 20}.WithDefaults())
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := wb.Rows("Hand", func(Row) error { return nil }); err == nil || !strings.Contains(err.Error(), "xl/worksheets/sheet1.xml") {
		t.Errorf("Rows: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
}

// TestPartReaderCounts checks the byte counting itself, which the header
// checks and archive/zip's own checks normally make unreachable.
func TestPartReaderCounts(t *testing.T) {
	w := &Workbook{lim: Limits{MaxPartSize: 1000, MaxTotalSize: 1500}.WithDefaults(), counted: map[string]int64{}}
	read := func(name string, n int) error {
		p := &partReader{rc: io.NopCloser(strings.NewReader(strings.Repeat("x", n))), w: w, name: name}
		_, err := io.Copy(io.Discard, p)
		return err
	}
	if err := read("a", 2000); !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "part over 1000 bytes") {
		t.Errorf("part: %v", err)
	}
	w.counted, w.total = map[string]int64{}, 0
	if err := read("a", 900); err != nil {
		t.Fatal(err)
	}
	if err := read("a", 900); err != nil {
		t.Errorf("reading a part again counted it twice: %v", err)
	}
	if err := read("b", 900); !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "workbook over 1500 bytes") {
		t.Errorf("total: %v", err)
	}
}

func TestRowsErrors(t *testing.T) {
	big := strings.Repeat("长", 2<<20) // 6 MiB
	for _, tc := range []struct {
		name  string
		book  book
		lim   Limits
		sheet string
		want  string
		limit bool
	}{
		{
			name: "unknown sheet", book: handBook(), sheet: "X",
			want: `no sheet named "X" (sheets: Hand)`,
		},
		{
			name: "too many shared strings", book: handBook(), lim: Limits{MaxSharedStrings: 3},
			want: "xl/sharedStrings.xml: shared string table over 3 entries: over a limit", limit: true,
		},
		{
			name: "shared strings too big", book: handBook(), lim: Limits{MaxSharedStringBytes: 20},
			want: "xl/sharedStrings.xml: shared strings over 20 bytes: over a limit", limit: true,
		},
		{
			name: "shared string too big", book: book{sst: []string{"<t>" + big + "</t>"}}, lim: Limits{MaxCellBytes: 100},
			want: "xl/sharedStrings.xml: ", limit: true,
		},
		{
			name: "workbook too big", book: handBook(), lim: Limits{MaxTotalSize: 2000},
			want: "workbook over 2000 bytes uncompressed: over a limit", limit: true,
		},
		{
			name: "shared index out of range",
			book: book{sst: []string{"<t>a</t>"}, sheets: []bookSheet{{name: "S", xml: `<row r="3"><c r="G3" t="s"><v>1</v></c></row>`}}},
			want: "xl/worksheets/sheet1.xml: cell G3: shared string index 1 out of range (the table has 1)",
		},
		{
			name: "cell too big",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="9"><c r="G9" t="inlineStr"><is><t>` + strings.Repeat("x", 101) + `</t></is></c></row>`}}},
			lim:  Limits{MaxCellBytes: 100},
			want: "xl/worksheets/sheet1.xml: cell G9: text over 100 bytes: over a limit", limit: true,
		},
		{
			name: "cell far too big",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="9"><c r="G9"><v>` + big + `</v></c></row>`}}},
			lim:  Limits{MaxCellBytes: 100},
			// Either check may notice first: the decoder returns what text
			// it read before the guard stopped it.
			want: "xl/worksheets/sheet1.xml: cell G9: ", limit: true,
		},
		{
			name: "attribute far too big",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="9"><c r="G9" x="` + big + `"><v>1</v></c></row>`}}},
			lim:  Limits{MaxCellBytes: 100},
			want: "xl/worksheets/sheet1.xml: row 9: one XML element or text over 4194304 bytes: over a limit", limit: true,
		},
		{
			name: "bad number",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="1"><c r="B1"><v>NaN</v></c></row>`}}},
			want: `xl/worksheets/sheet1.xml: cell B1: invalid number "NaN"`,
		},
		{
			name: "bad type",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="1"><c r="B1" t="x"><v>1</v></c></row>`}}},
			want: `xl/worksheets/sheet1.xml: cell B1: unknown cell type "x"`,
		},
		{
			name: "rows out of order",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="5"/><row r="3"/>`}}},
			want: "xl/worksheets/sheet1.xml: row 3 after row 5: rows out of order",
		},
		{
			name: "cell in the wrong row",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="5"><c r="A6"><v>1</v></c></row>`}}},
			want: "xl/worksheets/sheet1.xml: cell A6 in row 5",
		},
		{
			name: "two cells in one place",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="5"><c r="B5"><v>1</v></c><c r="A5"><v>1</v></c><c r="B5"><v>1</v></c></row>`}}},
			want: "xl/worksheets/sheet1.xml: cell B5: two cells in the same place",
		},
		{
			name: "row beyond the limit",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="11"><c r="A11"><v>1</v></c></row>`}}},
			lim:  Limits{MaxRows: 10},
			want: "xl/worksheets/sheet1.xml: row 11: row beyond 10: over a limit", limit: true,
		},
		{
			name: "column beyond the limit",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row><c r="K1"><v>1</v></c></row>`}}},
			lim:  Limits{MaxCols: 10},
			want: "cell K1: column beyond 10: over a limit", limit: true,
		},
		{
			name: "one cell repeated",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="1">` + strings.Repeat(`<c r="A1"><v>1</v></c>`, 11) + `</row>`}}},
			lim:  Limits{MaxCols: 10},
			want: "xl/worksheets/sheet1.xml: cell A1: row 1 over 10 cells: over a limit", limit: true,
		},
		{
			name: "stray end tag",
			book: book{sheets: []bookSheet{{name: "S", xml: `<worksheet></worksheet></x>`}}},
			want: "xl/worksheets/sheet1.xml: XML syntax error on line 1: unexpected end element",
		},
		{
			name: "too deep",
			book: book{sheets: []bookSheet{{name: "S", xml: strings.Repeat("<a>", 300) + strings.Repeat("</a>", 300)}}},
			want: "xl/worksheets/sheet1.xml: XML nested deeper than 256 elements: over a limit", limit: true,
		},
		{
			name: "malformed",
			book: book{sheets: []bookSheet{{name: "S", xml: `<row r="1"><c r="A1"><v>1</c></row>`}}},
			want: "xl/worksheets/sheet1.xml: ",
		},
		{
			name: "truncated",
			book: book{sheets: []bookSheet{{name: "S", xml: `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v>`}}},
			want: "xl/worksheets/sheet1.xml: ",
		},
		{
			name: "overlapping merges",
			book: book{sheets: []bookSheet{{name: "S", xml: sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`,
				`<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>`)}}},
			want: "xl/worksheets/sheet1.xml: merged ranges A1:B2 and B2:C3 overlap",
		},
		{
			name: "too many merged cells",
			book: book{sheets: []bookSheet{{name: "S", xml: sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`,
				`<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>`)}}},
			want: "xl/worksheets/sheet1.xml: merged ranges cover over 16777216 cells: over a limit", limit: true,
		},
		{
			name: "too many merged ranges",
			book: book{sheets: []bookSheet{{name: "S", xml: sheetXML(``,
				`<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/><mergeCell ref="A3:B3"/></mergeCells>`)}}},
			lim:  Limits{MaxMergedRanges: 2},
			want: "xl/worksheets/sheet1.xml: over 2 merged ranges: over a limit", limit: true,
		},
		{
			name: "bad merged range",
			book: book{sheets: []bookSheet{{name: "S", xml: sheetXML(``, `<mergeCells><mergeCell ref="A1:B"/></mergeCells>`)}}},
			want: `xl/worksheets/sheet1.xml: merged range "A1:B": invalid cell reference "B"`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.sheet == "" {
				tc.sheet = "S"
				if len(tc.book.sheets) > 0 {
					tc.sheet = tc.book.sheets[0].name
				}
			}
			w, err := openBytes(t, tc.book, tc.lim)
			if err == nil {
				err = w.Rows(tc.sheet, func(Row) error { return nil })
			}
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tc.want)
			}
			if errors.Is(err, ErrLimit) != tc.limit {
				t.Errorf("error %q: errors.Is(ErrLimit) = %v", err, !tc.limit)
			}
		})
	}
}

func TestFileTooBig(t *testing.T) {
	path := writeBook(t, handBook())
	_, err := Open(path, Limits{MaxFileSize: 100})
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "file over 100 bytes") {
		t.Errorf("Open: %v", err)
	}
}

func TestCalcErrors(t *testing.T) {
	w, err := Open(writeBook(t, handBook()), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Calc("Nope", "A1"); err == nil || !strings.Contains(err.Error(), `no sheet named "Nope"`) {
		t.Errorf("Calc on a missing sheet: %v", err)
	}
	if _, err := w.Calc("Hand", "A0"); err == nil {
		t.Error("Calc on a bad ref: no error")
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Calc("Hand", "D3"); err == nil {
		t.Error("Calc after Close: no error")
	}
	if err := w.Rows("Hand", func(Row) error { return nil }); err == nil {
		t.Error("Rows after Close: no error")
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}
