package actuals

import (
	"encoding/binary"
	"errors"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/jlp-hrss/plancheck/pkg/actuals/cfb/cfbtest"
	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// A test-only BIFF8 writer: records, a Workbook stream of globals and sheet
// substreams, in a compound file (cfbtest).

func u16(v int) []byte    { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }
func u32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }
func cat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// rec is a record: type, length, data.
func rec(typ int, data ...[]byte) []byte {
	d := cat(data...)
	return cat(u16(typ), u16(len(d)), d)
}

// chars are a string's characters, compressed (Latin-1) or UTF-16.
func chars(s string, wide bool) []byte {
	if !wide {
		b := make([]byte, 0, len(s))
		for _, r := range s {
			b = append(b, byte(r))
		}
		return b
	}
	var b []byte
	for _, c := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, c)
	}
	return b
}

// xstr is an XLUnicodeString: 16-bit count, flags, characters (UTF-16 when
// s is not Latin-1).
func xstr(s string) []byte {
	wide := false
	n := 0
	for _, r := range s {
		wide = wide || r > 0xFF
		n += len(utf16.Encode([]rune{r}))
	}
	flags := byte(0)
	if wide {
		flags = 1
	}
	return cat(u16(n), []byte{flags}, chars(s, wide))
}

// sstr is the ShortXLUnicodeString of a BOUNDSHEET.
func sstr(s string) []byte {
	x := xstr(s)
	return cat([]byte{x[0]}, x[2:])
}

func f64(v float64) []byte { return binary.LittleEndian.AppendUint64(nil, math.Float64bits(v)) }

func bof(dt int) []byte { return rec(recBOF, u16(0x0600), u16(dt), make([]byte, 12)) }

var eofRec = rec(recEOF)

// xfRec is an XF record with number format id.
func xfRec(fmtID int) []byte { return rec(recXF, u16(0), u16(fmtID), make([]byte, 16)) }

func cellHdr(row, col, xf int) []byte { return cat(u16(row), u16(col), u16(xf)) }

// rkInt, rkInt100, rkFloat, rkFloat100 are the four RK encodings.
func rkInt(n int32) uint32    { return uint32(n)<<2 | 2 }
func rkInt100(n int32) uint32 { return uint32(n)<<2 | 3 }
func rkFloat(v float64) uint32 {
	return uint32(math.Float64bits(v) >> 32)
}
func rkFloat100(v float64) uint32 { return rkFloat(v*100) | 1 }

type biffSheet struct {
	name    string
	state   byte // 0 visible, 1 hidden, 2 very hidden
	dt      byte // 0 worksheet, 2 chart
	records [][]byte
}

// workbookStream lays out the globals (BOF, globals, BOUNDSHEETs, EOF) and
// the sheets' substreams.
func workbookStream(globals [][]byte, sheets ...biffSheet) []byte {
	head := cat(bof(0x0005), cat(globals...))
	size := len(head) + len(eofRec)
	for _, s := range sheets {
		size += len(rec(recBoundSheet, u32(0), []byte{s.state, s.dt}, sstr(s.name)))
	}
	var bounds, subs []byte
	for _, s := range sheets {
		bounds = append(bounds, rec(recBoundSheet, u32(uint32(size+len(subs))), []byte{s.state, s.dt}, sstr(s.name))...)
		subs = append(subs, cat(bof(0x0010), cat(s.records...), eofRec)...)
	}
	return cat(head, bounds, eofRec, subs)
}

// writeXLS writes the stream as a compound file's Workbook stream.
func writeXLS(t testing.TB, path string, stream []byte, others ...cfbtest.Stream) string {
	t.Helper()
	f := cfbtest.Build(append([]cfbtest.Stream{{Name: "Workbook", Data: stream}}, others...)...)
	if err := os.WriteFile(path, f.Bytes, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// handBuiltStream is a workbook with every record the reader decodes.
func handBuiltStream(date1904 bool) []byte {
	long := strings.Repeat("a", 8300) // too long for the SST record: the string goes on in a CONTINUE
	// The SST: "短", the long string split after 8200-1-... characters so
	// that its tail is in a CONTINUE record that switches to UTF-16, then a
	// UTF-16 string whose tail is compressed, then a rich string with
	// phonetic data split across the boundary.
	sst1 := cat(u32(5), u32(5),
		xstr("短"),
		u16(len(long)+2), []byte{0}, chars(long[:8224-8-5-3], false))
	sst2 := cat([]byte{1}, chars(long[8224-8-5-3:]+"长字", true),
		u16(4), []byte{1}, chars("中文", true))
	sst3 := cat([]byte{0}, chars("ab", false),
		u16(3), []byte{0x0C}, u16(1), u32(6), chars("xyz", false), u32(0), []byte{9, 9})
	sst4 := cat([]byte{9, 9, 9, 9}, // the rest of the phonetic data: no flag byte
		xstr("末"))
	globals := [][]byte{
		rec(recFormat, u16(164), xstr("0.00%")),
		rec(recFormat, u16(165), xstr(`yyyy"年"m"月"d"日"`)),
		xfRec(0), xfRec(164), xfRec(165), xfRec(10), xfRec(14),
		rec(recSST, sst1), rec(recContinue, sst2), rec(recContinue, sst3), rec(recContinue, sst4),
	}
	if date1904 {
		globals = append([][]byte{rec(recDateMode, u16(1))}, globals...)
	}
	mulrk := cat(cellHdr(2, 1, 0)[:4], u16(0), u32(rkInt(7)), u16(3), u32(rkFloat100(-12.5)), u16(0), u32(rkInt100(-1234)), u16(3))
	sheet := [][]byte{
		rec(recDimension, u32(0), u32(6), u16(0), u16(8), u16(0)),
		rec(recLabelSST, cellHdr(0, 0, 0), u32(0)),
		rec(recRK, cellHdr(1, 0, 0), u32(rkInt(-5))),
		rec(recRK, cellHdr(1, 1, 0), u32(rkInt100(-12345))),
		rec(recRK, cellHdr(1, 2, 0), u32(rkFloat(1.5))),
		rec(recRK, cellHdr(1, 3, 1), u32(rkFloat100(96.25))),
		rec(recRK, cellHdr(1, 4, 0), u32(rkInt(-536870912))),
		rec(recNumber, cellHdr(1, 5, 3), f64(0.9615)),
		rec(recMulRK, mulrk),
		rec(recLabelSST, cellHdr(3, 0, 0), u32(1)),
		rec(recLabelSST, cellHdr(3, 1, 0), u32(2)),
		rec(recLabelSST, cellHdr(3, 2, 0), u32(3)),
		rec(recLabelSST, cellHdr(3, 3, 0), u32(4)),
		rec(recLabel, cellHdr(3, 4, 0), xstr("标签")),
		rec(recBoolErr, cellHdr(4, 0, 0), []byte{1, 0}),
		rec(recBoolErr, cellHdr(4, 1, 0), []byte{0x07, 1}),
		rec(recFormula, cellHdr(4, 2, 0), []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, u16(0), u32(0), u16(0)),
		rec(0x04BC, make([]byte, 10)), // SHRFMLA, skipped
		rec(recString, u16(5), []byte{0}, chars("abc", false)),
		rec(recContinue, []byte{1}, chars("中文", true)),
		rec(recFormula, cellHdr(4, 3, 0), []byte{1, 0, 1, 0, 0, 0, 0xFF, 0xFF}, u16(0), u32(0), u16(0)),
		rec(recFormula, cellHdr(4, 4, 0), []byte{2, 0, 0x2A, 0, 0, 0, 0xFF, 0xFF}, u16(0), u32(0), u16(0)),
		rec(recFormula, cellHdr(4, 5, 0), []byte{3, 0, 0, 0, 0, 0, 0xFF, 0xFF}, u16(0), u32(0), u16(0)),
		rec(recFormula, cellHdr(4, 6, 1), f64(0.5), u16(0), u32(0), u16(0)),
		rec(recNumber, cellHdr(5, 0, 2), f64(45291)), // 2023-12-31 in the 1900 system
		rec(recNumber, cellHdr(5, 1, 4), f64(43831)),
		rec(0x0201, cellHdr(5, 2, 0)), // BLANK
		rec(recLabelSST, cellHdr(6, 0, 0), u32(0)),
		rec(recDBCell, u32(0)),
		rec(recMergedCells, u16(2), u16(6), u16(7), u16(0), u16(1), u16(0), u16(0), u16(7), u16(7)),
	}
	hidden := [][]byte{rec(recLabelSST, cellHdr(0, 0, 0), u32(0))}
	return workbookStream(globals,
		biffSheet{name: "表1", records: sheet},
		biffSheet{name: "图表", dt: 2},
		biffSheet{name: "隐藏", state: 1, records: hidden},
	)
}

// TestXLSHandBuilt: every record the reader decodes, from bytes written by
// hand: the four RK encodings (negative integers and hundredths), MULRK,
// SST strings split across CONTINUE with the flag byte switching between
// compressed and UTF-16, rich and phonetic data skipped across a boundary,
// a formula's string in STRING + CONTINUE, BOOLERR, formula results, number
// formats, MERGEDCELLS, a hidden sheet and a chart sheet left out.
func TestXLSHandBuilt(t *testing.T) {
	long := "a×8300长字" // shortened in got, for the messages
	want := strings.Join([]string{
		`A1 text "短"`,
		`A2 number "-5"`,
		`B2 number "-123.45"`,
		`C2 number "1.5"`,
		`D2 number "96.25" percent`,
		`E2 number "-536870912"`,
		`F2 number "0.9615" percent`,
		`B3 number "7"`,
		`C3 number "-12.5" percent`,
		`D3 number "-12.34"`,
		`A4 text "` + long + `"`,
		`B4 text "中文ab"`,
		`C4 text "xyz"`,
		`D4 text "末"`,
		`E4 text "标签"`,
		`A5 bool "TRUE"`,
		`B5 error "#DIV/0!"`,
		`C5 text "abc中文" formula`,
		`D5 bool "TRUE" formula`,
		`E5 error "#N/A" formula`,
		`F5 text "" formula`,
		`G5 number "0.5" percent formula`,
		`A6 number "45291" date`,
		`B6 number "43831" date`,
		`A7 text "短"`,
		`B7 text "短" merged`,
		`A8 text "短" merged`,
		`B8 text "短" merged`,
	}, "\n")
	for _, date1904 := range []bool{false, true} {
		path := writeXLS(t, filepath.Join(t.TempDir(), "a.xls"), handBuiltStream(date1904))
		src, err := openXLS(path, xlsx.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(src.Sheets(), ","); got != "表1,隐藏" {
			t.Errorf("sheets: %s", got)
		}
		got, err := odsRows(t, src, "表1")
		if err != nil {
			t.Fatal(err)
		}
		got = strings.Replace(got, strings.Repeat("a", 8300), "a×8300", 1)
		w := want
		if date1904 {
			// The same serials in the 1904 system are 1462 days later.
			w = strings.Replace(w, `A6 number "45291" date`, `A6 number "46753" date`, 1)
			w = strings.Replace(w, `B6 number "43831" date`, `B6 number "45293" date`, 1)
		}
		if got != w {
			t.Errorf("1904 %v:\n%s\nwant:\n%s", date1904, got, w)
		}
		if got, err := odsRows(t, src, "隐藏"); err != nil || got != `A1 text "短"` {
			t.Errorf("hidden: %q %v", got, err)
		}
		if n := src.LastRow("表1"); n != 6 {
			t.Errorf("LastRow %d", n)
		}
		if _, err := src.Calc("表1", "A1"); err == nil {
			t.Error("Calc: no error")
		}
		src.Close()
	}
}

// TestXLSMiniStream: a workbook under 4096 bytes lives in the compound
// file's mini stream.
func TestXLSMiniStream(t *testing.T) {
	stream := workbookStream([][]byte{rec(recSST, u32(1), u32(1), xstr("小"))},
		biffSheet{name: "S", records: [][]byte{rec(recLabelSST, cellHdr(0, 0, 0), u32(0)), rec(recRK, cellHdr(0, 1, 0), u32(rkInt(-1)))}})
	if len(stream) >= 4096 {
		t.Fatalf("stream of %d bytes", len(stream))
	}
	f := cfbtest.Build(cfbtest.Stream{Name: "Workbook", Data: stream})
	if !f.Mini["Workbook"] {
		t.Fatal("not in the mini stream")
	}
	path := filepath.Join(t.TempDir(), "m.xls")
	os.WriteFile(path, f.Bytes, 0o644)
	src, err := openXLS(path, xlsx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	if got, err := odsRows(t, src, "S"); err != nil || got != "A1 text \"小\"\nB1 number \"-1\"" {
		t.Errorf("%q %v", got, err)
	}
}

// scanErr is the error Scan gives for path, in both languages.
func scanErr(t *testing.T, path string) (zh, en error) {
	t.Helper()
	return Scan(path, Options{Lang: msg.Chinese}, &collector{}), Scan(path, Options{Lang: msg.English}, &collector{})
}

func hintOf(err error) string {
	var h interface{ Hint() string }
	if errors.As(err, &h) {
		return h.Hint()
	}
	return ""
}

// TestXLSRefused: the OLE2 files that are not read, each told with what to
// do: a password (FILEPASS, or an encrypted .xlsx), Excel 5/95, a WPS file
// that is no BIFF8, a Word document; and a WPS .et that is BIFF8 is read.
func TestXLSRefused(t *testing.T) {
	dir := t.TempDir()
	filepass := workbookStream([][]byte{rec(recFilePass, make([]byte, 54))}, biffSheet{name: "S"})
	encrypted := cfbtest.Build(cfbtest.Stream{Name: "EncryptionInfo", Data: make([]byte, 200)}, cfbtest.Stream{Name: "EncryptedPackage", Data: make([]byte, 5000)})
	book := cfbtest.Build(cfbtest.Stream{Name: "Book", Data: rec(recBOF, u16(0x0500), u16(5), make([]byte, 4))})
	word := cfbtest.Build(cfbtest.Stream{Name: "WordDocument", Data: make([]byte, 5000)})
	garbage := cfbtest.Build(cfbtest.Stream{Name: "Foo", Data: make([]byte, 100)})
	for _, tc := range []struct {
		name   string
		data   []byte
		zh, en string // the message's text after the path
		zhHint string
	}{
		{"pass.xls", cfbtest.Build(cfbtest.Stream{Name: "Workbook", Data: filepass}).Bytes, "：工作簿设了打开密码，无法读取", ": the workbook is password-protected", "文件 → 信息 → 保护工作簿"},
		{"enc.xlsx", encrypted.Bytes, "：工作簿设了打开密码，无法读取", ": the workbook is password-protected", "文件 → 信息 → 保护工作簿"},
		{"old.xls", book.Bytes, "：这是 Excel 5.0/95 保存的工作簿，无法读取", ": saved by Excel 5.0/95, which is not read", "另存为 .xlsx"},
		{"wps.et", garbage.Bytes, "：无法按 .xls 读取的 WPS 表格文件：OLE 复合文件中没有 Workbook 流（只有：Foo）", ": a WPS spreadsheet that cannot be read as .xls: no Workbook stream in the compound file (streams: Foo)", "在 WPS 中另存为 .xlsx"},
		{"doc.xls", word.Bytes, "：这是 Word 文档，不是工作簿", ": a Word document, not a workbook", "复制"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			os.WriteFile(path, tc.data, 0o644)
			zh, en := scanErr(t, path)
			if zh == nil || en == nil {
				t.Fatalf("no error: %v %v", zh, en)
			}
			if zh.Error() != path+tc.zh || en.Error() != path+tc.en {
				t.Errorf("\n zh %s\n en %s", zh, en)
			}
			if h := hintOf(zh); !strings.Contains(h, tc.zhHint) {
				t.Errorf("hint %q, want %q in it", h, tc.zhHint)
			}
			if hintOf(en) == "" {
				t.Error("no English hint")
			}
		})
	}
	// A WPS .et that is BIFF8 is read, without a note.
	et := writeXLS(t, filepath.Join(dir, "ok.et"), handBuiltStream(false))
	if f, err := sniff(et); err != nil || f != FormatXLS {
		t.Fatalf("sniff .et: %v %v", f, err)
	}
	src, note, err := openSource(et, xlsx.Limits{}, Options{})
	if err != nil || note != "" {
		t.Fatalf(".et: %q %v", note, err)
	}
	src.Close()
}

// TestSniffOLE: a compound file's format by its streams, whatever its name.
func TestSniffOLE(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name    string
		streams []cfbtest.Stream
		raw     []byte
		want    Format
	}{
		{"a.xls", []cfbtest.Stream{{Name: "Workbook", Data: make([]byte, 10)}}, nil, FormatXLS},
		{"a.xlsx", []cfbtest.Stream{{Name: "\x05SummaryInformation", Data: make([]byte, 10)}, {Name: "workbook", Data: make([]byte, 10)}}, nil, FormatXLS},
		{"b.xls", []cfbtest.Stream{{Name: "Book", Data: make([]byte, 10)}}, nil, FormatXLS},
		{"c.xlsx", []cfbtest.Stream{{Name: "EncryptionInfo", Data: make([]byte, 10)}, {Name: "EncryptedPackage", Data: make([]byte, 10)}}, nil, FormatEncrypted},
		{"d.xls", []cfbtest.Stream{{Name: "WordDocument", Data: make([]byte, 10)}}, nil, FormatWord},
		{"e.xls", []cfbtest.Stream{{Name: "PowerPoint Document", Data: make([]byte, 10)}}, nil, FormatPowerPoint},
		{"f.et", []cfbtest.Stream{{Name: "Other", Data: make([]byte, 10)}}, nil, FormatXLS},
		{"g.xlsx", []cfbtest.Stream{{Name: "Other", Data: make([]byte, 10)}}, nil, FormatXLSX},
		{"h.xls", nil, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 broken"), FormatXLS},
		{"i.xlsx", nil, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 broken"), FormatXLSX},
	} {
		b := tc.raw
		if b == nil {
			b = cfbtest.Build(tc.streams...).Bytes
		}
		p := filepath.Join(dir, tc.name)
		os.WriteFile(p, b, 0o644)
		if got, err := sniff(p); err != nil || got != tc.want {
			t.Errorf("%s: %q %v, want %q", tc.name, got, err, tc.want)
		}
	}
}

// xlsLimited opens stream with limits and reads every sheet, giving the
// first error.
func xlsLimited(t *testing.T, stream []byte, lim xlsx.Limits) error {
	t.Helper()
	path := writeXLS(t, filepath.Join(t.TempDir(), "l.xls"), stream)
	src, err := openXLS(path, lim)
	if err != nil {
		return err
	}
	defer src.Close()
	for _, s := range src.Sheets() {
		if err := src.Rows(s, func(xlsx.Row) error { return nil }); err != nil {
			return err
		}
	}
	return nil
}

// TestXLSLimits: each limit is an error that says so (errors.Is ErrLimit)
// and names it, quickly; a record longer than BIFF8 allows is an error.
func TestXLSLimits(t *testing.T) {
	one := func(recs ...[]byte) biffSheet { return biffSheet{name: "S", records: recs} }
	sst := rec(recSST, u32(3), u32(3), xstr("a"), xstr("bb"), xstr(strings.Repeat("c", 100)))
	for _, tc := range []struct {
		name   string
		stream []byte
		lim    xlsx.Limits
		want   string
		limit  bool
	}{
		{"file size", handBuiltStream(false), xlsx.Limits{MaxFileSize: 1000}, "over 1000 bytes", true},
		{"stream size", handBuiltStream(false), xlsx.Limits{MaxPartSize: 1000}, "Workbook stream over 1000 bytes", true},
		{"shared strings", workbookStream([][]byte{sst}, one()), xlsx.Limits{MaxSharedStrings: 2}, "over 2 entries", true},
		{"shared string bytes", workbookStream([][]byte{sst}, one()), xlsx.Limits{MaxSharedStringBytes: 50}, "over 50 bytes", true},
		{"cell bytes in the SST", workbookStream([][]byte{sst}, one()), xlsx.Limits{MaxCellBytes: 10}, "shared string 2 over 10 bytes", true},
		{"cell bytes in a LABEL", workbookStream(nil, one(rec(recLabel, cellHdr(0, 0, 0), xstr(strings.Repeat("x", 20))))), xlsx.Limits{MaxCellBytes: 10}, "cell A1: text over 10 bytes", true},
		{"cell bytes in a STRING", workbookStream(nil, one(rec(recFormula, cellHdr(0, 0, 0), []byte{0, 0, 0, 0, 0, 0, 0xFF, 0xFF}, u16(0), u32(0), u16(0)), rec(recString, xstr(strings.Repeat("x", 20))))), xlsx.Limits{MaxCellBytes: 10}, "cell A1: text over 10 bytes", true},
		{"rows", workbookStream(nil, one(rec(recRK, cellHdr(100, 0, 0), u32(rkInt(1))))), xlsx.Limits{MaxRows: 100}, "cell A101: row beyond 100", true},
		{"columns", workbookStream(nil, one(rec(recRK, cellHdr(0, 20, 0), u32(rkInt(1))))), xlsx.Limits{MaxCols: 20}, "cell U1: column beyond 20", true},
		{"MULRK columns", workbookStream(nil, one(rec(recMulRK, u16(0), u16(18), u16(0), u32(2), u16(0), u32(2), u16(0), u32(2), u16(20)))), xlsx.Limits{MaxCols: 20}, "column beyond 20", true},
		{"merged ranges", workbookStream(nil, one(rec(recMergedCells, u16(3), u16(0), u16(1), u16(0), u16(0), u16(2), u16(3), u16(0), u16(0), u16(4), u16(5), u16(0), u16(0)))), xlsx.Limits{MaxMergedRanges: 2}, "over 2 merged ranges", true},
		{"merged cells", workbookStream(nil, one(rec(recMergedCells, u16(1), u16(0), u16(999), u16(0), u16(99)))), xlsx.Limits{MaxMergedCells: 1000}, "cover over 1000 cells", true},
		{"merge beyond the rows", workbookStream(nil, one(rec(recMergedCells, u16(1), u16(0), u16(65535), u16(0), u16(1)))), xlsx.Limits{MaxRows: 1000}, "row beyond 1000", true},
		{"record too long", append(workbookStream(nil, one())[:len(workbookStream(nil, one()))-4], cat(u16(0x0203), u16(9000), make([]byte, 9000))...), xlsx.Limits{}, "9000 bytes, over BIFF8's 8224", false},
		{"SST count in a short record", workbookStream([][]byte{rec(recSST, u32(1), u32(4000000000))}, one()), xlsx.Limits{}, "over 5000000 entries", true},
		{"empty CONTINUE in a string", workbookStream([][]byte{rec(recSST, u32(1), u32(1), u16(4), []byte{0}, []byte("ab")), rec(recContinue)}, one()), xlsx.Limits{}, "breaks off", false},
		{"SST strings missing", workbookStream([][]byte{rec(recSST, u32(1), u32(3), xstr("a"))}, one()), xlsx.Limits{}, "breaks off", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			err := xlsLimited(t, tc.stream, tc.lim)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%v\nwant %q in it", err, tc.want)
			}
			if errors.Is(err, xlsx.ErrLimit) != tc.limit {
				t.Errorf("errors.Is ErrLimit %v: %v", !tc.limit, err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestXLSTruncated: a Workbook stream cut at every record boundary (and
// just after each record header) is an error, never a panic or a hang.
func TestXLSTruncated(t *testing.T) {
	stream := handBuiltStream(false)
	var cuts []int
	for off := 0; off+4 <= len(stream); {
		cuts = append(cuts, off, off+4)
		off += 4 + int(binary.LittleEndian.Uint16(stream[off+2:]))
	}
	dir := t.TempDir()
	for _, n := range cuts {
		if n >= len(stream) {
			continue
		}
		path := writeXLS(t, filepath.Join(dir, "t.xls"), stream[:n])
		err := func() error {
			src, err := openXLS(path, xlsx.Limits{})
			if err != nil {
				return err
			}
			defer src.Close()
			for _, s := range src.Sheets() {
				if err := src.Rows(s, func(xlsx.Row) error { return nil }); err != nil {
					return err
				}
			}
			return nil
		}()
		if err == nil {
			t.Errorf("cut at %d of %d: no error", n, len(stream))
		}
		var me *msg.Error
		if err != nil && !errors.As(err, &me) {
			t.Errorf("cut at %d: not a catalogue error: %v", n, err)
		}
	}
}

// TestXLSOutOfOrder: cells of a row block in any order are sorted; a cell
// of a row already given is an error; two cells in one place are an error.
func TestXLSOutOfOrder(t *testing.T) {
	block := func(recs ...[]byte) []byte { return workbookStream(nil, biffSheet{name: "S", records: recs}) }
	path := writeXLS(t, filepath.Join(t.TempDir(), "o.xls"), block(
		rec(recRK, cellHdr(1, 1, 0), u32(rkInt(4))),
		rec(recRK, cellHdr(0, 1, 0), u32(rkInt(2))),
		rec(recRK, cellHdr(1, 0, 0), u32(rkInt(3))),
		rec(recRK, cellHdr(0, 0, 0), u32(rkInt(1))),
		rec(recDBCell, u32(0)),
		rec(recRK, cellHdr(2, 0, 0), u32(rkInt(5))),
	))
	src, err := openXLS(path, xlsx.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := odsRows(t, src, "S")
	src.Close()
	if want := "A1 number \"1\"\nB1 number \"2\"\nA2 number \"3\"\nB2 number \"4\"\nA3 number \"5\""; err != nil || got != want {
		t.Errorf("%q %v", got, err)
	}
	for name, stream := range map[string][]byte{
		"row after its block": block(rec(recRK, cellHdr(3, 0, 0), u32(rkInt(1))), rec(recDBCell, u32(0)), rec(recRK, cellHdr(2, 0, 0), u32(rkInt(1)))),
		"same place":          block(rec(recRK, cellHdr(0, 0, 0), u32(rkInt(1))), rec(recRK, cellHdr(0, 0, 0), u32(rkInt(2)))),
	} {
		if err := xlsLimited(t, stream, xlsx.Limits{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// readXLSStream reads every sheet of a Workbook stream; rows must come in
// order.
func readXLSStream(t *testing.T, path string, stream []byte, lim xlsx.Limits) {
	os.WriteFile(path, cfbtest.Build(cfbtest.Stream{Name: "Workbook", Data: stream}).Bytes, 0o644)
	src, err := openXLS(path, lim)
	if err != nil {
		return
	}
	defer src.Close()
	for _, s := range src.Sheets() {
		src.LastRow(s)
		last := 0
		src.Rows(s, func(r xlsx.Row) error {
			if r.Num <= last {
				t.Fatalf("row %d after %d", r.Num, last)
			}
			last = r.Num
			return nil
		})
	}
}

// TestXLSMutations: seeded random mutations of the hand-built workbook
// (bytes changed, record lengths and cell positions made extreme, the
// stream cut), each read whole without a panic, quickly; what
// FuzzXLSSource does, run as a test everywhere.
func TestXLSMutations(t *testing.T) {
	seed := handBuiltStream(false)
	rnd := rand.New(rand.NewSource(1))
	n := 3000
	if testing.Short() {
		n = 300
	}
	path := filepath.Join(t.TempDir(), "m.xls")
	lim := xlsx.Limits{MaxRows: 2000, MaxCols: 300, MaxMergedCells: 100000, MaxCellBytes: 20000}
	start := time.Now()
	for i := 0; i < n; i++ {
		b := slices.Clone(seed)
		for k := 0; k < 1+rnd.Intn(4); k++ {
			b[rnd.Intn(len(b))] = byte(rnd.Intn(256))
		}
		for k := 0; k < rnd.Intn(3); k++ {
			j := rnd.Intn(len(b) - 1)
			binary.LittleEndian.PutUint16(b[j:], []uint16{0xFFFF, 0, 0x2020, 8224, 8225, uint16(rnd.Intn(300))}[rnd.Intn(6)])
		}
		if rnd.Intn(4) == 0 {
			b = b[:rnd.Intn(len(b))]
		}
		readXLSStream(t, path, b, lim)
	}
	if d := time.Since(start); d > time.Duration(n)*100*time.Millisecond { // a hang, not a slow machine
		t.Errorf("%d files in %v", n, d)
	}
}

// FuzzXLSSource: no Workbook stream makes the reader panic or hang.
func FuzzXLSSource(f *testing.F) {
	f.Add(handBuiltStream(false))
	f.Add(handBuiltStream(true))
	f.Add(workbookStream([][]byte{rec(recSST, u32(1), u32(1), xstr("小"))}, biffSheet{name: "S", records: [][]byte{rec(recLabelSST, cellHdr(0, 0, 0), u32(0))}}))
	dir := f.TempDir()
	lim := xlsx.Limits{MaxRows: 2000, MaxCols: 300, MaxMergedCells: 100000, MaxCellBytes: 20000}
	f.Fuzz(func(t *testing.T, stream []byte) {
		readXLSStream(t, filepath.Join(dir, "f.xls"), stream, lim)
	})
}
