package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// hostileBook writes an .xlsx of sheets 表1, 表2 … (one if sheets is 0),
// each with the sheetData body rows writes; entries are added after the workbook's own parts as they are
// (a second copy of a part's name included).
func hostileBook(t *testing.T, path string, rows func(w io.Writer), after string, entries [][2]string, sheets int) {
	hostileBookBulk(t, path, rows, after, entries, sheets, nil)
}

// bulkPart is a zip entry of hundreds of megabytes made of one chunk
// repeated: head, then chunk n times, then tail.
type bulkPart struct {
	name, head, chunk, tail string
	n                       int
	// shared points every sheet at this part (a worksheet part).
	shared bool
}

// sheetBulk is a sheet part whose sheetData holds head (the first rows), then
// chunk n times.
func sheetBulk(head, chunk string, n int) *bulkPart {
	return &bulkPart{name: "xl/worksheets/sheet1.xml",
		head:  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + head,
		chunk: chunk, n: n, tail: `</sheetData></worksheet>`}
}

// write adds the part to zw compressed once: each piece is deflated on its
// own and flushed to a byte boundary, so that the chunk's deflate can be
// repeated n times (a deflate stream may be cut into such pieces). Under
// -race, compressing hundreds of megabytes in the test process took
// minutes; this takes milliseconds.
func (b *bulkPart) write(t *testing.T, zw *zip.Writer) {
	t.Helper()
	deflate := func(s string, last bool) []byte {
		var buf bytes.Buffer
		fw, err := flate.NewWriter(&buf, flate.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(fw, s)
		if last {
			err = fw.Close()
		} else {
			err = fw.Flush()
		}
		if err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	head, chunk, tail := deflate(b.head, false), deflate(b.chunk, false), deflate(b.tail, true)
	crc := crc32.Update(0, crc32.IEEETable, []byte(b.head))
	for range b.n {
		crc = crc32.Update(crc, crc32.IEEETable, []byte(b.chunk))
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(b.tail))
	w, err := zw.CreateRaw(&zip.FileHeader{Name: b.name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64:   uint64(len(head) + b.n*len(chunk) + len(tail)),
		UncompressedSize64: uint64(len(b.head) + b.n*len(b.chunk) + len(b.tail))})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(head)
	for range b.n {
		w.Write(chunk)
	}
	if _, err := w.Write(tail); err != nil {
		t.Fatal(err)
	}
}

// hostileBookBulk is hostileBook with a bulk part: the sheet part of its
// name is not written, or it is added after the entries.
func hostileBookBulk(t *testing.T, path string, rows func(w io.Writer), after string, entries [][2]string, sheets int, bulk *bulkPart) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	part := func(name, body string) {
		w, err := zw.Create(name)
		if err == nil {
			_, err = io.WriteString(w, body)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	part("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	var list, rels strings.Builder
	shared := bulk != nil && bulk.shared
	for i := 1; i <= max(sheets, 1); i++ {
		target := i
		if shared {
			target = 1
		}
		fmt.Fprintf(&list, `<sheet name="表%d" sheetId="%d" r:id="rId%d"/>`, i, i, i)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i, target)
	}
	part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`+list.String()+`</sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	for i := 1; i <= max(sheets, 1); i++ {
		name := fmt.Sprintf("xl/worksheets/sheet%d.xml", i)
		if bulk != nil && bulk.name == name {
			bulk.write(t, zw)
			continue
		}
		if shared {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriter(w)
		bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		rows(bw)
		bw.WriteString(`</sheetData>` + after + `</worksheet>`)
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range entries {
		part(e[0], e[1])
	}
	if bulk != nil && !strings.HasPrefix(bulk.name, "xl/worksheets/") {
		bulk.write(t, zw)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// longSharedString is a shared string table of one string of 100 KB.
var longSharedString = [2]string{"xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>` + strings.Repeat("约", 100_000/3) + `</t></si></sst>`}

// manyEntries is n empty zip entries.
func manyEntries(n int) [][2]string {
	e := make([][2]string, n)
	for i := range e {
		e[i] = [2]string{fmt.Sprintf("x/%d", i), ""}
	}
	return e
}

// header writes the header row of a wide table of jlp-hrss-14th@1 and its
// first indicator's row, whose 2023 value is the cell C2 value writes.
func header(w io.Writer, value string) {
	io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>指标名称</t></is></c><c r="B1" t="inlineStr"><is><t>单位</t></is></c><c r="C1" t="inlineStr"><is><t>2023年</t></is></c></row>`)
	io.WriteString(w, `<row r="2"><c r="A2" t="inlineStr"><is><t>城镇新增就业</t></is></c><c r="B2" t="inlineStr"><is><t>万人</t></is></c>`+value+`</row>`)
}

// TestHostileWorkbooks: each hostile case of issue 14 run as users run
// plancheck, on a child process of the plain binary: refused with exit 2
// and one error line naming where, no output file, the input unchanged —
// or read within the bounds — with peak memory under 200 MB and time under
// 5 s (the child is the plain binary, -race or not). The parts of hundreds
// of megabytes (the element bomb, the shared strings, the million-row
// sheet) are one chunk repeated, deflated once (bulkPart), so they are
// full size under -race too; under -race the formula chain and the zip of
// many entries, whose parts all differ, are made a tenth of their size
// (still over the limits).
func TestHostileWorkbooks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds plancheck and writes large workbooks")
	}
	if runtime.GOOS != "linux" {
		t.Skip("ru_maxrss is in KiB on Linux only")
	}
	bin := plainBinary(t)
	scale := func(n int) int {
		if hostileFullSize {
			return n
		}
		return n / 10
	}
	dir := t.TempDir()
	sheetXML := func(rows string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`
	}
	for _, c := range []struct {
		name    string
		rows    func(w io.Writer)
		after   string
		entries [][2]string
		sheets  int
		bulk    *bulkPart
		code    int
		stderr  string // what the (last) error line holds
		// lines is how many error lines: 1, or more for problems of one
		// kind (20 and one counting the rest, and those of other kinds)
		lines int
	}{
		{name: "formula-chain", code: 2, stderr: "表1!C2：没有保存结果的公式层层引用超过 256 层（到 表1!C258）", rows: func(w io.Writer) {
			header(w, `<c r="C2"><f>C3+1</f></c>`)
			for r := 3; r <= scale(200_000); r++ {
				fmt.Fprintf(w, `<row r="%d"><c r="C%d"><f>C%d+1</f></c></row>`, r, r, r+1)
			}
		}},
		{name: "formula-bomb", code: 2, stderr: "表1!C2：公式结果超过 131068 字节", rows: func(w io.Writer) {
			header(w, `<c r="C2"><f>LEN(REPT(REPT(REPT("x",32767),32767),32767))</f></c>`)
		}},
		{name: "circular", code: 2, stderr: "表1!C2：公式循环引用：表1!C2 → 表1!D2 → 表1!C2", rows: func(w io.Writer) {
			header(w, `<c r="C2"><f>D2*2</f></c><c r="D2"><f>C2+1</f></c>`)
		}},
		{name: "duplicate-entry", code: 2, stderr: "压缩包中有两个名为 xl/worksheets/sheet1.xml 的条目", rows: func(w io.Writer) {
			header(w, `<c r="C2"><v>100</v></c>`)
		}, entries: [][2]string{{"xl/worksheets/sheet1.xml", sheetXML(`<row r="2"><c r="C2"><v>999</v></c></row>`)}}},
		{name: "huge-merge", code: 0, rows: func(w io.Writer) {
			header(w, `<c r="C2"><v>100</v></c>`)
			io.WriteString(w, `<row r="6"><c r="A6" t="inlineStr"><is><t>注：数据来源于统计年报</t></is></c></row>`)
		}, after: `<mergeCells count="1"><mergeCell ref="A6:P1000000"/></mergeCells>`},
		{name: "many-sheets", code: 2, sheets: 2000, stderr: `"表9", "表10" 等 1990 个 中没有找到表格`, rows: func(w io.Writer) {
			io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>封面</t></is></c></row>`)
		}},
		{name: "element-bomb", code: 2, stderr: "xl/worksheets/sheet1.xml：XML 元素超过 64000000 个",
			bulk: sheetBulk("", strings.Repeat("<x/>", 1<<16), 70_000_000>>16+1)},
		{name: "sheets-over-one-part", code: 2, sheets: 200, stderr: `"表9", "表10" 等 190 个 中没有找到表格`, bulk: func() *bulkPart {
			// 30 MB of rows that are no table, under 200 sheets
			b := sheetBulk("", strings.Repeat(`<row><c t="inlineStr"><is><t>封面说明文字</t></is></c><c><v>1</v></c></row>`, 1000), 450)
			b.shared = true
			return b
		}()},
		{name: "one-long-string-as-values", code: 2, lines: 21, stderr: "另有 4980 处同类问题，如：不是数字", rows: func(w io.Writer) {
			// a 100 KB shared string as the value of 5,000 units: every
			// message about it quotes 40 characters, 20 are listed, and
			// the text is not read through (it took 24 s)
			io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>区县</t></is></c><c r="B1" t="inlineStr"><is><t>指标名称</t></is></c><c r="C1" t="inlineStr"><is><t>2023年</t></is></c></row>`)
			for r := 2; r <= 5001; r++ {
				fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>街道%d</t></is></c><c r="B%d" t="inlineStr"><is><t>城镇新增就业人数</t></is></c><c r="C%d" t="s"><v>0</v></c></row>`, r, r, r, r, r)
			}
		}, entries: [][2]string{longSharedString}},
		{name: "one-long-string-as-unit-and-units", code: 2, lines: 22, stderr: "另有 4979 处同类问题，如：城镇新增就业人数 2023 年（约约", rows: func(w io.Writer) {
			// the same string as every row's unit (区县) and unit of
			// measure (单位): a unit named in a message is cut as a
			// cell's text is (each line was 100 KB, the run 20 s). The
			// first row's unit does not convert, the others are
			// duplicates of it.
			io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>区县</t></is></c><c r="B1" t="inlineStr"><is><t>指标名称</t></is></c><c r="C1" t="inlineStr"><is><t>单位</t></is></c><c r="D1" t="inlineStr"><is><t>2023年</t></is></c></row>`)
			for r := 2; r <= 5001; r++ {
				fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="s"><v>0</v></c><c r="B%d" t="inlineStr"><is><t>城镇新增就业人数</t></is></c><c r="C%d" t="s"><v>0</v></c><c r="D%d"><v>1</v></c></row>`, r, r, r, r, r)
			}
		}, entries: [][2]string{longSharedString}},
		{name: "zip-entries", code: 2, stderr: "压缩包中的条目超过 10000 个", rows: func(w io.Writer) {
			header(w, `<c r="C2"><v>100</v></c>`)
		}, entries: manyEntries(scale(120_000))},
		{name: "shared-strings", code: 0, rows: func(w io.Writer) {
			header(w, `<c r="C2"><v>100</v></c>`)
		}, bulk: &bulkPart{name: "xl/sharedStrings.xml", head: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`,
			chunk: strings.Repeat(`<si><t>ab</t></si>`, 1000), n: 4900, tail: `</sst>`}},
		{name: "one-formula-big-sheet", code: 0, bulk: func() *bulkPart {
			var head strings.Builder
			header(&head, `<c r="C2"><f>E2+0.1</f></c><c r="E2"><v>99.9</v></c>`)
			// a million rows more, a number in column A (not a name)
			return sheetBulk(head.String(), strings.Repeat(`<row><c><v>7</v></c></row>`, 1000), 1000)
		}()},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name+".xlsx")
			rows := c.rows
			if rows == nil {
				rows = func(io.Writer) {}
			}
			hostileBookBulk(t, path, rows, c.after, c.entries, c.sheets, c.bulk)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, c.name+"-out.xlsx")
			r := runChild(t, bin, "eval", path, "--plan", "jlp-hrss-14th@1", "--year", "2023", "-o", out, "--lang", "zh", "-q")
			t.Logf("%s: %d KB, exit %d, peak RSS %.1f MB, %v CPU, %v wall, stderr %d bytes", c.name, len(before)>>10, r.code, float64(r.maxRSS)/(1<<20), r.cpu.Round(time.Millisecond), r.wall.Round(time.Millisecond), len(r.stderr))
			wantLines := max(c.lines, 1)
			if len(r.stderr) > wantLines*400+4<<10 {
				t.Errorf("stderr of %d bytes:\n%.2000s", len(r.stderr), r.stderr)
			}
			if r.code != c.code {
				t.Errorf("exit %d, want %d\n%s", r.code, c.code, r.stderr)
			}
			if r.maxRSS > 200<<20 {
				t.Errorf("peak RSS %.1f MB, over 200 MB", float64(r.maxRSS)/(1<<20))
			}
			if r.cpu > 5*time.Second {
				t.Errorf("took %v of CPU (%v wall), over 5 s", r.cpu, r.wall)
			}
			after, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(before, after) {
				t.Errorf("the input changed")
			}
			_, statErr := os.Stat(out)
			if c.code == 2 {
				if statErr == nil {
					t.Errorf("an output file %s where the workbook is refused", out)
				}
				lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
				var errs []string
				for _, l := range lines {
					if strings.HasPrefix(l, "plancheck: error: ") || strings.HasPrefix(l, "plancheck: 错误：") {
						errs = append(errs, l)
					}
				}
				if len(errs) != wantLines || !strings.Contains(errs[len(errs)-1], c.stderr) {
					t.Errorf("stderr:\n%s\nwant %d error lines, the last holding %q", r.stderr, wantLines, c.stderr)
				}
			} else if statErr != nil {
				t.Errorf("no output: %v\n%s", statErr, r.stderr)
			}
		})
	}
}
