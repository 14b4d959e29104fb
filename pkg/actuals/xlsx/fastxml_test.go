package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// sheetRun is what one way of reading a sheet gave: the rows (cells
// copied), the error text, and whether the fast tokenizer gave up.
type sheetRun struct {
	rows   []Row
	err    string
	bailed bool
}

// sheetHarness reads one worksheet part, given as bytes, inside an otherwise
// fixed workbook (handBook's shared strings and styles), stored uncompressed
// so that the fuzzer runs fast.
type sheetHarness struct {
	names []string
	parts map[string]string
	lim   Limits
}

const harnessSheet = "xl/worksheets/sheet1.xml"

func newSheetHarness(lim Limits) *sheetHarness {
	parts := handBook().parts()
	delete(parts, harnessSheet)
	return &sheetHarness{names: slices.Sorted(maps.Keys(parts)), parts: parts, lim: lim.WithDefaults()}
}

func (h *sheetHarness) open(t testing.TB, sheet []byte) *Workbook {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	add(harnessSheet, sheet)
	for _, name := range h.names {
		add(name, []byte(h.parts[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	w, err := openReader(bytes.NewReader(data), int64(len(data)), "fuzz.xlsx", h.lim)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return w
}

// read reads the sheet with one tokenizer; fn fails on row stopAt (0: never)
// with errStop.
func (h *sheetHarness) read(t testing.TB, sheet []byte, mode tokenizerMode, stopAt int) sheetRun {
	t.Helper()
	w := h.open(t, sheet)
	w.tokenizer = mode
	var run sheetRun
	err := w.Rows("Hand", func(r Row) error {
		for _, prev := range run.rows {
			if prev.Num == r.Num {
				t.Fatalf("row %d delivered twice", r.Num)
			}
		}
		r.Cells = slices.Clone(r.Cells)
		run.rows = append(run.rows, r)
		if r.Num == stopAt {
			return errStop
		}
		return nil
	})
	if err != nil {
		run.err = err.Error()
		run.bailed = errors.Is(err, errBail)
	}
	return run
}

var errStop = errors.New("stop")

// compareWays reads sheet with encoding/xml only, with the fast tokenizer
// only, and the way Rows does (fast, falling back), and requires the same
// rows and the same error from the last and the first, and a prefix of the
// rows from the fast tokenizer when it gives up. It reports whether the fast
// tokenizer read the whole sheet.
func (h *sheetHarness) compareWays(t testing.TB, sheet []byte, stopAt int) bool {
	t.Helper()
	want := h.read(t, sheet, tokenizeXML, stopAt)
	got := h.read(t, sheet, tokenizeAuto, stopAt)
	if !sameRows(got.rows, want.rows) {
		t.Fatalf("rows differ from encoding/xml's\nfast+fallback: %+v\nencoding/xml:  %+v", got.rows, want.rows)
	}
	if got.err != want.err {
		t.Fatalf("error differs from encoding/xml's\nfast+fallback: %q\nencoding/xml:  %q", got.err, want.err)
	}
	fast := h.read(t, sheet, tokenizeFast, stopAt)
	if fast.bailed {
		if len(fast.rows) > len(want.rows) || !sameRows(fast.rows, want.rows[:len(fast.rows)]) {
			t.Fatalf("fast tokenizer gave rows encoding/xml does not before giving up\nfast:         %+v\nencoding/xml: %+v", fast.rows, want.rows)
		}
		return false
	}
	// Without a fallback, an error of the file met by the fast tokenizer
	// must read as encoding/xml's too.
	if !sameRows(fast.rows, want.rows) || fast.err != want.err {
		t.Fatalf("fast tokenizer alone differs from encoding/xml\nfast:         %+v %q\nencoding/xml: %+v %q", fast.rows, fast.err, want.rows, want.err)
	}
	return true
}

// sameRows compares rows deeply, an empty list being equal to none.
func sameRows(a, b []Row) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

// scannerSeeds are sheets in the forms producers write, and the odd
// constructs the fast tokenizer must hand over.
var scannerSeeds = []string{
	`<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.5</v></c></row></sheetData><mergeCells><mergeCell ref="A1:A3"/><mergeCell ref="C2:D2"/></mergeCells>`,
	`<sheetData><row><c><v>1</v></c><c t="inlineStr"><is><t>x</t></is></c></row><row r="5"><c r="C5" t="b"><v>1</v></c></row></sheetData>`,
	`<sheetData><row r="2"><c r="B2" t="e"><v>#N/A</v></c><c r="C2"><f>1+1</f></c><c r="D2" t="d"><v>2024-01-01</v></c></row></sheetData><mergeCell ref="B2:B9"/>`,
	`<x:sheetData><x:row><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData><!-- <mergeCell ref="A1:B1"/> -->`,
	`<sheetData><row r="2"><c r="A2" t="inlineStr"><is><r><t>a_x000D_</t></r><rPh><t>b</t></rPh></is></c><c r="B2" t="str"><f>x</f><v></v></c></row></sheetData>`,
	`<sheetData><row><c s="3"><v><![CDATA[12]]></v></c><c r="C1" t="s"><v>4</v></c></row><row r="3"/></sheetData><mergeCell ref="A1:B2"/>`,
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<worksheet><sheetData><row r="1" spans="1:2" x14ac:dyDescent="0.25"><c r="A1" t="inlineStr"><is><t xml:space="preserve">a &amp; b &lt;&#20013;&#x6587;&gt;` + "\r\n" + `x</t></is></c><c r="B1" t="str"><f t="shared" ref="B1:B3" si="0"/><v>&quot;q&apos;</v></c></row></sheetData></worksheet>`,
	`<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>x</v></c></row></sheetData>`,
	`<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>1</c></row></sheetData>`,
	`<!DOCTYPE x><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`,
	"<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\xff</t></is></c></row></sheetData>",
	`<sheetData><row r='1'><c r='A1' s = "2" ><v> 3 </v ></c><c r="b1"><v>4</v></c></row></sheetData>`,
	`<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>&bogus;</v></c></row></sheetData>`,
	`<?xml version="1.0" encoding="GBK"?><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`,
	"\xef\xbb\xbf<sheetData><row><c><v>1</v></c></row></sheetData><?pi x?>",
}

// FuzzScanner is the differential fuzz target of the fast tokenizer (its
// seeds are kept short, as FuzzRows explains; TestScannerSeeds runs
// handBook's sheet): every
// input must give the same rows and the same error through the fast path
// (with its fallback) as through encoding/xml, and the fast tokenizer alone
// must agree wherever it does not give up.
func FuzzScanner(f *testing.F) {
	for _, s := range scannerSeeds {
		f.Add([]byte(s), uint8(0))
	}
	f.Add([]byte(scannerSeeds[7]), uint8(2))
	h := newSheetHarness(Limits{MaxMergedCells: 1 << 10, MaxCellBytes: 1 << 10})
	f.Fuzz(func(t *testing.T, sheet []byte, stopAt uint8) {
		h.compareWays(t, sheet, int(stopAt))
	})
}

// TestScannerSeeds runs the seeds of FuzzScanner as a test and checks which
// the fast tokenizer reads itself: the forms producers write must not fall
// back, the odd ones must.
func TestScannerSeeds(t *testing.T) {
	h := newSheetHarness(DefaultLimits())
	fallsBack := map[int]bool{5: true, 8: true, 9: true, 10: true, 12: true, 13: true}
	for i, s := range scannerSeeds {
		if read := h.compareWays(t, []byte(s), 0); read == fallsBack[i] {
			t.Errorf("seed %d: fast tokenizer read it = %v, want %v:\n%s", i, read, !fallsBack[i], s)
		}
	}
	if !h.compareWays(t, []byte(handBook().sheets[0].xml), 0) {
		t.Error("the fast tokenizer gave up on handBook")
	}
}

// TestFastPathForms reads, with the fast tokenizer alone, the constructs
// real producers write, and checks the cells.
func TestFastPathForms(t *testing.T) {
	h := newSheetHarness(DefaultLimits())
	for _, tc := range []struct {
		name, sheet string
		want        []string // ref=kind:text[:f]
	}{
		{
			name:  "prefixed",
			sheet: `<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>0.5</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r><x:rPh><x:t>no</x:t></x:rPh></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
			want:  []string{"A1=number:0.5", "B1=text:a"},
		},
		{
			name:  "entities",
			sheet: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;&amp;&gt;&quot;&apos;&#65;&#x4e2d;&#x1F600;</t></is></c><c r="B1" t="e"><v>#DIV/0!</v></c></row></sheetData>`,
			want:  []string{"A1=text:<&>\"'A中😀", "B1=error:#DIV/0!"},
		},
		{
			name:  "self-closing f",
			sheet: `<sheetData><row r="2"><c r="A2"><f/></c><c r="B2"><f t="shared" si="0"/><v>3</v></c><c r="C2" t="str"><f>"x"</f><v/></c><c r="D2"/></row></sheetData>`,
			want:  []string{"A2=blank::f", "B2=number:3:f", "C2=text::f"},
		},
		{
			name:  "rows without r",
			sheet: "<sheetData>\r\n<row><c><v>1</v></c><c><v>2</v></c></row>\r\n<row><c r=\"C4\"><v>3</v></c></row><row><c><v>4</v></c></row></sheetData>",
			want:  []string{"A1=number:1", "B1=number:2", "C4=number:3", "A5=number:4"},
		},
		{
			name:  "line ends and escapes",
			sheet: "<?xml version=\"1.0\"?><!-- made by hand --><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a\r\nb\rc_x000D_d</t></is></c></row></sheetData>",
			want:  []string{"A1=text:a\nb\nc\rd"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !h.compareWays(t, []byte(tc.sheet), 0) {
				t.Fatal("the fast tokenizer gave up")
			}
			var got []string
			for _, r := range h.read(t, []byte(tc.sheet), tokenizeFast, 0).rows {
				for _, c := range r.Cells {
					s := c.Ref() + "=" + c.Kind.String() + ":" + c.Text
					if c.Formula {
						s += ":f"
					}
					got = append(got, s)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestFallbackMidSheet: the fast tokenizer gives up, or meets an error of
// the file, after rows went to fn; Rows must give each row once and end
// with encoding/xml's error.
func TestFallbackMidSheet(t *testing.T) {
	h := newSheetHarness(DefaultLimits())
	rows := `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>`
	for _, tc := range []struct {
		name, sheet, wantErr string
		wantRows             int
	}{
		{"CDATA then a bad number", `<sheetData>` + rows + `<row r="3"><c r="A3"><v><![CDATA[3]]></v></c></row><row r="4"><c r="A4"><v>x</v></c></row></sheetData>`,
			`xl/worksheets/sheet1.xml: cell A4: invalid number "x"`, 3},
		{"malformed", `<sheetData>` + rows + `<row r="3"><c r="A3"><v>3</v></c></row><row r="4"><c r="A4"><v>4</c></row></sheetData>`,
			`xl/worksheets/sheet1.xml: XML ends inside an element`, 4},
		{"rows out of order", `<sheetData>` + rows + `<row r="1"><c r="A1"><v>1</v></c></row></sheetData>`,
			`xl/worksheets/sheet1.xml: row 1 after row 2: rows out of order`, 2},
		{"unknown entity", `<sheetData>` + rows + `<row r="3"><c r="A3" t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData>`,
			`xl/worksheets/sheet1.xml: cell A3: XML syntax error on line 1: invalid character entity &nbsp;`, 2},
		{"merged rows then CDATA", `<sheetData>` + rows + `<row r="5"><c r="A5"><v><![CDATA[5]]></v></c></row></sheetData><mergeCells><mergeCell ref="A2:B3"/></mergeCells>`,
			``, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h.compareWays(t, []byte(tc.sheet), 0)
			got := h.read(t, []byte(tc.sheet), tokenizeAuto, 0)
			if got.err != tc.wantErr || len(got.rows) != tc.wantRows {
				t.Errorf("%d rows, error %q; want %d rows, error %q", len(got.rows), got.err, tc.wantRows, tc.wantErr)
			}
			fast := h.read(t, []byte(tc.sheet), tokenizeFast, 0)
			if len(fast.rows) == 0 {
				t.Errorf("the fast tokenizer gave no rows before stopping (%q): the test does not test the fallback", fast.err)
			}
		})
	}
}

// TestFallbackKeepsFnError: an error of fn ends Rows, unchanged, even when
// the sheet would have made the fast tokenizer give up later.
func TestFallbackKeepsFnError(t *testing.T) {
	h := newSheetHarness(DefaultLimits())
	sheet := []byte(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><!DOCTYPE x></sheetData>`)
	got := h.read(t, sheet, tokenizeAuto, 1)
	if got.err != errStop.Error() || len(got.rows) != 1 {
		t.Errorf("%d rows, error %q; want 1 row and %q", len(got.rows), got.err, errStop)
	}
}

// TestAppendDecoded checks the text decoding against encoding/xml's rules
// case by case (FuzzScanner checks it at large).
func TestAppendDecoded(t *testing.T) {
	for _, tc := range []struct {
		raw, want string
		ok        bool
	}{
		{"a&amp;b", "a&b", true},
		{"&#0;", "", false},
		{"&#xD800;", "\uFFFD", true},
		{"&#X41;", "", false},
		{"&#x110000;", "", false},
		{"&#;", "", false},
		{"a]]>b", "", false},
		{"]&amp;]>", "]&]>", true},
		{"\r\n\r\r\n", "\n\n\n", true},
		{"\r&amp;\n", "\n&\n", true},
		{"&#13;\n", "\r\n", true},
		{"\x01", "", false},
		{"\xef\xbf\xbe", "", false},
		{"&#65", "", false},
	} {
		got, ok := appendDecoded(nil, []byte(tc.raw), 0)
		if ok != tc.ok || ok && string(got) != tc.want {
			t.Errorf("appendDecoded(%q) = %q, %v; want %q, %v", tc.raw, got, ok, tc.want, tc.ok)
		}
		plain := !needsDecode([]byte(tc.raw))
		if plain && validPlain([]byte(tc.raw)) != tc.ok {
			t.Errorf("validPlain(%q) = %v, want %v", tc.raw, !tc.ok, tc.ok)
		}
	}
}

// partsWorkbook is a Workbook over a zip of the given parts only, enough to
// read one part with the part readers.
func partsWorkbook(t testing.TB, parts map[string][]byte, lim Limits) *Workbook {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(parts[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	w := &Workbook{lim: lim.WithDefaults(), parts: map[string]*zip.File{}, lower: map[string]*zip.File{}, counted: map[string]int64{}}
	for _, zf := range zr.File {
		w.parts[zf.Name], w.lower[strings.ToLower(zf.Name)] = zf, zf
	}
	return w
}

// FuzzParts is the differential fuzz target of the shared strings and styles
// readers: where the fast tokenizer reads a part, the result must be
// encoding/xml's, and Rows' way (fast, then encoding/xml) must give
// encoding/xml's result or error exactly.
func FuzzParts(f *testing.F) {
	b := handBook().parts()
	f.Add([]byte(b["xl/sharedStrings.xml"]), []byte(b["xl/styles.xml"]))
	f.Add([]byte(`<sst><si><t>a&amp;b</t></si><si><r><t>x</t></r><rPh><t>y</t></rPh></si><x:si><x:t>_x0041_</x:t></x:si></sst>`),
		[]byte(`<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%" x:formatCode16="0%"/></numFmts><cellXfs><xf numFmtId="164"><xf numFmtId="9"/></xf><xf/></cellXfs></styleSheet>`))
	f.Add([]byte(`<sst><si><t><![CDATA[a]]></t></si></sst>`), []byte(`<styleSheet><numFmts><numFmt numFmtId="x"/></numFmts></styleSheet>`))
	lim := Limits{MaxCellBytes: 1 << 10, MaxSharedStrings: 50, MaxSharedStringBytes: 1 << 12}
	f.Fuzz(func(t *testing.T, sst, st []byte) {
		w := partsWorkbook(t, map[string][]byte{"s.xml": sst, "y.xml": st}, lim)
		errText := func(err error) string {
			if err == nil {
				return ""
			}
			return err.Error()
		}
		wantSST, wantErr := w.readSharedStringsWith("s.xml", false)
		gotSST, gotErr := w.readSharedStrings("s.xml")
		if errText(gotErr) != errText(wantErr) || !reflect.DeepEqual(gotSST, wantSST) {
			t.Fatalf("shared strings: got %+v, %v; encoding/xml %+v, %v", gotSST, gotErr, wantSST, wantErr)
		}
		if fast, err := w.readSharedStringsWith("s.xml", true); err == nil && !reflect.DeepEqual(fast, wantSST) {
			t.Fatalf("shared strings: fast %+v; encoding/xml %+v, %v", fast, wantSST, wantErr)
		}
		wantSt, wantErr := w.readStylesWith("y.xml", false)
		gotSt, gotErr := w.readStyles("y.xml")
		if errText(gotErr) != errText(wantErr) || !reflect.DeepEqual(gotSt, wantSt) {
			t.Fatalf("styles: got %+v, %v; encoding/xml %+v, %v", gotSt, gotErr, wantSt, wantErr)
		}
		if fast, err := w.readStylesWith("y.xml", true); err == nil && !reflect.DeepEqual(fast, wantSt) {
			t.Fatalf("styles: fast %+v; encoding/xml %+v, %v", fast, wantSt, wantErr)
		}
	})
}

// FuzzMergeRef checks mergeRef, which reads a <mergeCell> tag with the fast
// tokenizer where it can, against encoding/xml alone: same ref, same error.
func FuzzMergeRef(f *testing.F) {
	for _, s := range []string{`<mergeCell ref="A1:B2"/>`, `<x:mergeCell ref='A1:B2' >`, `<mergeCell x:ref="A1" ref="&#65;1:B2"/>`, `<mergeCell ref=A1/>`, `<mergeCell ref="A1" ref="B2"/>`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, tag []byte) {
		got, gotErr := mergeRef(tag)
		want, wantErr := mergeRefXML(tag)
		if got != want || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("%q: ref %q, %v; encoding/xml %q, %v", tag, got, gotErr, want, wantErr)
		}
	})
}

// requireFastPath reads every sheet of the workbook at path with the fast
// tokenizer alone and with encoding/xml alone: a workbook a real producer
// wrote must not need the fallback, and both must read it the same.
func requireFastPath(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	open := func(mode tokenizerMode) *Workbook {
		w, err := openReaderWith(bytes.NewReader(data), int64(len(data)), path, DefaultLimits(), mode)
		if err != nil {
			t.Fatalf("open with tokenizer %d: %v", mode, err)
		}
		return w
	}
	fast, slow := open(tokenizeFast), open(tokenizeXML)
	if !reflect.DeepEqual(fast.sst, slow.sst) || !reflect.DeepEqual(fast.styles, slow.styles) {
		t.Fatalf("%s: shared strings or styles differ between the tokenizers", path)
	}
	for _, sheet := range slow.Sheets() {
		if got, want := readAll(t, fast, sheet), readAll(t, slow, sheet); !sameRows(got, want) {
			t.Fatalf("%s: sheet %q: fast tokenizer %+v\nencoding/xml %+v", path, sheet, got, want)
		}
	}
}
