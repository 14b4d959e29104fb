package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// Bounds every hostile case below must keep, measured in this process: the
// growth of the heap in use, sampled while the case runs, and the wall time
// (asserted only without -race, which is several times slower). The time
// bound here is three times the 5 s a user waits at most, because go test
// runs packages side by side on a machine of two cores: it catches a case
// that takes minutes again. The 5 s itself is asserted on a child process
// of the plain binary, run alone (cmd/plancheck TestHostileWorkbooks).
const (
	maxCaseHeap = 200 << 20
	maxCaseTime = 15 * time.Second
	// sampleEvery is how often the heap is sampled: ReadMemStats stops
	// the world, so more often would slow what is measured.
	sampleEvery = 20 * time.Millisecond
)

// measured runs fn and reports the peak growth of the heap in use and the
// time it took, failing the test past the bounds.
func measured(t *testing.T, what string, fn func()) (peak uint64, took time.Duration) {
	t.Helper()
	return measuredWithin(t, what, maxCaseTime, fn)
}

// measuredWithin is measured with another time bound, 0 for none.
func measuredWithin(t *testing.T, what string, within time.Duration, fn func()) (peak uint64, took time.Duration) {
	t.Helper()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		tick := time.NewTicker(sampleEvery)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			mu.Lock()
			if ms.HeapInuse > base && ms.HeapInuse-base > peak {
				peak = ms.HeapInuse - base
			}
			mu.Unlock()
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	fn()
	took = time.Since(start)
	close(done)
	wg.Wait()
	t.Logf("%s: peak heap growth %.1f MB, %v", what, float64(peak)/(1<<20), took.Round(time.Millisecond))
	if peak > maxCaseHeap {
		t.Errorf("%s: peak heap growth %.1f MB, over %d MB", what, float64(peak)/(1<<20), maxCaseHeap>>20)
	}
	if !raceEnabled && within > 0 && took > within {
		t.Errorf("%s: took %v, over %v", what, took, within)
	}
	return peak, took
}

// bigSheetFile writes a workbook whose sheet S has rows produced by row,
// streamed into the zip so that no copy of the whole part is held; extra
// parts are added as they are. It returns the path.
func bigSheetFile(t *testing.T, rows int, row func(w io.Writer, r int), after string, extra map[string]string) string {
	t.Helper()
	b := book{sheets: []bookSheet{{name: "S", xml: "@BIG@"}}}
	parts := b.parts()
	for k, v := range extra {
		parts[k] = v
	}
	path := filepath.Join(t.TempDir(), "big.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		head, tail, big := strings.Cut(body, "@BIG@")
		if !big {
			io.WriteString(w, body)
			continue
		}
		// sheetXML wrapped "@BIG@" as the sheetData body.
		io.WriteString(w, head)
		for r := 1; r <= rows; r++ {
			row(w, r)
		}
		tail = strings.Replace(tail, "</sheetData>", "</sheetData>"+after, 1)
		io.WriteString(w, tail)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCalcOneFormulaBigSheet: one formula without a value, =B2+0.1, on a
// sheet of 1,048,576 rows (30 s and 6.9 GB with excelize's calculator) is
// computed by reading the sheet twice, keeping only B2.
func TestCalcOneFormulaBigSheet(t *testing.T) {
	rows := 1048576
	if !fullSize() {
		rows = 100_000
		if raceEnabled {
			rows = 20_000
		}
	}
	path := bigSheetFile(t, rows, func(w io.Writer, r int) {
		switch r {
		case 2:
			fmt.Fprintf(w, `<row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>41.5</v></c><c r="C2"><f>B2+0.1</f></c></row>`)
			return
		case rows:
			fmt.Fprintf(w, `<row r="%d"><c r="C%d"><f>C2*2+B%d</f></c></row>`, r, r, r-1)
			return
		}
		fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d"><v>%d.25</v></c></row>`, r, r, r, r, r%1000)
	}, "", nil)
	w, err := Open(path, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var got string
	measured(t, "=B2+0.1 on a big sheet", func() { got, err = w.Calc("S", "C2") })
	if err != nil || got != "41.6" {
		t.Errorf("Calc(C2) = %q, %v; want 41.6", got, err)
	}
	// In the last row, the whole sheet is read twice more: once down to
	// the formula, once for the cells its formulas refer to, which are
	// above it. Memory is bounded; time is that of two reads of the sheet,
	// so it is logged, not bounded.
	last := fmt.Sprintf("C%d", rows)
	want := fmt.Sprint(41.6*2 + float64((rows-1)%1000) + 0.25)
	measuredWithin(t, "a formula in the last row", 0, func() { got, err = w.Calc("S", last) })
	if err != nil || got != want {
		t.Errorf("Calc(%s) = %q, %v; want %s", last, got, err, want)
	}
}

// TestZipEntries: a zip of 100,000 entries (a million took 346 MB) is
// refused from its central directory, before archive/zip reads it.
func TestZipEntries(t *testing.T) {
	path := filepath.Join(t.TempDir(), "entries.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, body := range (book{sheets: []bookSheet{{name: "S", xml: `<row r="1"><c r="A1"><v>1</v></c></row>`}}}).parts() {
		w, _ := zw.Create(name)
		io.WriteString(w, body)
	}
	entries := 100_000
	if !fullSize() {
		entries = 12_000
	}
	for i := range entries {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("x/%d", i), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	measured(t, fmt.Sprintf("%d zip entries", entries), func() {
		_, err = Open(path, DefaultLimits())
	})
	if !errors.Is(err, ErrLimit) || err.Error() != "zip archive over 10000 entries: over a limit" {
		t.Errorf("Open: %v", err)
	}
	if _, err := Open(path, Limits{MaxZipEntries: 200_000}); err != nil {
		t.Errorf("with MaxZipEntries raised: %v", err)
	}
}

// TestDuplicateEntry: two zip entries of one name (also differing in case
// or separator) are refused naming the entry: archive/zip reads the first,
// LibreOffice the second.
func TestDuplicateEntry(t *testing.T) {
	for _, second := range []string{"xl/worksheets/sheet1.xml", "XL/Worksheets/Sheet1.xml", `xl\worksheets\sheet1.xml`} {
		parts := (book{sheets: []bookSheet{{name: "S", xml: `<row r="1"><c r="A1"><v>1</v></c></row>`}}}).parts()
		data := zipBytes(t, parts)
		// Append the second copy: rebuild with zip.Writer, which allows it.
		var buf strings.Builder
		zw := zip.NewWriter(&buf)
		zr, _ := zip.NewReader(strings.NewReader(string(data)), int64(len(data)))
		for _, zf := range zr.File {
			zw.Copy(zf)
		}
		w, _ := zw.Create(second)
		io.WriteString(w, sheetXML(`<row r="1"><c r="A1"><v>2</v></c></row>`, ""))
		zw.Close()
		_, err := openReader(strings.NewReader(buf.String()), int64(buf.Len()), "dup.xlsx", DefaultLimits())
		want := "the zip holds two entries named " + second + ", which programs read differently"
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v\nwant %s", second, err, want)
		}
	}
}

// TestSheetsSharePart: 200 sheets pointing at one part open, as LibreOffice
// opens them: sheets of the same cells, which SheetPart tells apart (the
// table reader reads such a part once; it was 58 s for 200 sheets over a
// 30 MB part, each sheet's merge pre-scan reading the part again).
func TestSheetsSharePart(t *testing.T) {
	b := book{sheets: []bookSheet{{name: "S", xml: `<row r="1"><c r="A1"><v>1</v></c></row>`}}}
	parts := b.parts()
	var sheets, rels strings.Builder
	for i := 1; i <= 200; i++ {
		fmt.Fprintf(&sheets, `<sheet name="S%d" sheetId="%d" r:id="rId%d"/>`, i, i, i)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`, i)
	}
	wb := parts["xl/workbook.xml"]
	parts["xl/workbook.xml"] = wb[:strings.Index(wb, "<sheets>")+len("<sheets>")] + sheets.String() + wb[strings.Index(wb, "</sheets>"):]
	rl := parts["xl/_rels/workbook.xml.rels"]
	parts["xl/_rels/workbook.xml.rels"] = strings.Replace(rl, "</Relationships>", rels.String()+"</Relationships>", 1)
	data := zipBytes(t, parts)
	w, err := openReader(strings.NewReader(string(data)), int64(len(data)), "share.xlsx", DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	// The book's own relationships rId2 and rId3 (styles, shared
	// strings) come first and win: S1 and S4 are the first two sheets on
	// the worksheet part.
	if p1, p4 := w.SheetPart("S1"), w.SheetPart("S4"); p1 != "xl/worksheets/sheet1.xml" || p4 != p1 || w.SheetPart("S2") == p1 {
		t.Errorf("parts %q, %q, %q", p1, p4, w.SheetPart("S2"))
	}
	for _, sheet := range []string{"S1", "S4", "S200"} {
		var got []string
		if err := w.Rows(sheet, func(r Row) error {
			for _, c := range r.Cells {
				got = append(got, c.Ref()+"="+c.Text)
			}
			return nil
		}); err != nil || len(got) != 1 || got[0] != "A1=1" {
			t.Errorf("%s: %q, %v", sheet, got, err)
		}
	}
}

// TestHugeMergeFill: the .xls reader's MergeFill fills a huge range as the
// .xlsx reader does (TestHugeMerge): at most maxGapRows rows the file lacks
// after each row it has (it filled a million).
func TestHugeMergeFill(t *testing.T) {
	f := NewMergeFill([]MergeRange{{Top: 6, Left: 1, Bottom: 1000000, Right: 16}})
	var nums []int
	cells := 0
	emit := func(r Row) error {
		nums = append(nums, r.Num)
		cells += len(r.Cells)
		return nil
	}
	for _, r := range []Row{
		{Num: 1, Cells: []Cell{{Row: 1, Col: 1, Kind: Text, Text: "指标"}}},
		{Num: 6, Cells: []Cell{{Row: 6, Col: 1, Kind: Text, Text: "注：合并"}}},
		{Num: 500000, Cells: []Cell{{Row: 500000, Col: 17, Kind: Number, Text: "1", Number: 1}}},
	} {
		if err := f.Row(r.Num, r.Cells, emit); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Gap(DefaultLimits().MaxRows+1, emit); err != nil {
		t.Fatal(err)
	}
	if len(nums) != 2+maxGapRows+1+maxGapRows || nums[len(nums)-1] != 500000+maxGapRows {
		t.Errorf("%d rows, the last %d", len(nums), nums[len(nums)-1])
	}
	if want := 1 + 16 + maxGapRows*16 + 17 + maxGapRows*16; cells != want {
		t.Errorf("%d cells, want %d", cells, want)
	}
}

// TestNoSheetList: the error for a missing sheet lists the first ten
// sheets and how many more, in either language.
func TestNoSheetList(t *testing.T) {
	var sheets []bookSheet
	for i := 1; i <= 300; i++ {
		sheets = append(sheets, bookSheet{name: fmt.Sprintf("S%d", i), xml: `<row r="1"><c r="A1"><v>1</v></c></row>`})
	}
	w := calcBook(t, Limits{}, sheets...)
	err := w.Rows("Nope", func(Row) error { return nil })
	if want := `no sheet named "Nope" (sheets: S1, S2, S3, S4, S5, S6, S7, S8, S9, S10 and 290 more)`; err == nil || err.Error() != want {
		t.Errorf("%v\nwant %s", err, want)
	}
	if zh := msg.Text(err, msg.Chinese); !strings.HasSuffix(zh, "S10 等 290 个）") {
		t.Errorf("Chinese: %s", zh)
	}
}

// TestHugeMerge: one merged range A6:P1000000 in a file of a few rows (913
// MB and 12.7 s once, filling 16 million cells of rows the file does not
// have) fills at most maxGapRows rows after the last one the file holds;
// rows the file holds inside the range are all filled.
func TestHugeMerge(t *testing.T) {
	rows := `<row r="1"><c r="A1" t="inlineStr"><is><t>指标</t></is></c><c r="B1" t="inlineStr"><is><t>2023年</t></is></c></row>` +
		`<row r="6"><c r="A6" t="inlineStr"><is><t>注：合并</t></is></c></row>` +
		`<row r="500000"><c r="Q500000"><v>1</v></c></row>`
	w := calcBook(t, Limits{}, bookSheet{name: "S", xml: sheetXML(rows, `<mergeCells count="1"><mergeCell ref="A6:P1000000"/></mergeCells>`)})
	var nums []int
	cells := 0
	measured(t, "a merged range of 16 million cells", func() {
		err := w.Rows("S", func(r Row) error {
			nums = append(nums, r.Num)
			cells += len(r.Cells)
			return nil
		})
		if err != nil {
			t.Error(err)
		}
	})
	// Rows 1 and 6 (A6 and its 15 copies), 7–1006 after row 6, row
	// 500,000 (16 copies and Q), 500,001–501,000 after it.
	if len(nums) != 2+maxGapRows+1+maxGapRows || nums[len(nums)-1] != 500000+maxGapRows {
		t.Errorf("%d rows, the last %d", len(nums), nums[len(nums)-1])
	}
	if want := 2 + 16 + maxGapRows*16 + 17 + maxGapRows*16; cells != want {
		t.Errorf("%d cells, want %d", cells, want)
	}
}

// TestElementBomb: a worksheet of nothing but <x/> elements, compressed
// about a thousand times (1 MB inflating to 1 GiB took 87 s), stops at
// MaxElements in the first pass over the part.
func TestElementBomb(t *testing.T) {
	n, lim := 70_000_000, Limits{} // over the default 64,000,000
	if !fullSize() {
		n, lim = 2_000_000, Limits{MaxElements: 1_000_000}
	}
	chunk := strings.Repeat("<x/>", 1<<16)
	path := bigSheetFile(t, 1, func(w io.Writer, _ int) {
		for i := 0; i < n; i += 1 << 16 {
			io.WriteString(w, chunk)
		}
	}, "", nil)
	st, _ := os.Stat(path)
	t.Logf("%d <x/> elements in a file of %d KB", n, st.Size()>>10)
	var err error
	measured(t, "an element bomb", func() {
		var w *Workbook
		if w, err = Open(path, lim); err != nil {
			return
		}
		defer w.Close()
		err = w.Rows("S", func(Row) error { return nil })
	})
	want := fmt.Sprintf("xl/worksheets/sheet1.xml: over %d XML elements: over a limit", lim.WithDefaults().MaxElements)
	if !errors.Is(err, ErrLimit) || err.Error() != want {
		t.Errorf("%v\nwant %s", err, want)
	}
}

// TestManySharedStrings: 4,900,000 short shared strings in a file of about
// 200 KB (989 MB once) are held as one string and offsets: a few bytes each.
func TestManySharedStrings(t *testing.T) {
	n := 4_900_000
	if !fullSize() {
		n = 500_000
	}
	path := bigSheetFile(t, 1, func(w io.Writer, r int) { io.WriteString(w, `<row r="1"><c r="A1" t="s"><v>7</v></c></row>`) }, "", map[string]string{
		"xl/sharedStrings.xml": `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + strings.Repeat(`<si><t>ab</t></si>`, n) + `</sst>`,
	})
	st, _ := os.Stat(path)
	t.Logf("%d shared strings in a file of %d KB", n, st.Size()>>10)
	var rows []Row
	measured(t, "many shared strings", func() {
		w, err := Open(path, DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		rows = readAll(t, w, "S")
	})
	if len(rows) != 1 || rows[0].Cells[0].Text != "ab" {
		t.Errorf("rows %+v", rows)
	}
}

// TestCalcStepsLimit: formulas that together visit 20 million cells (200
// formulas each summing 100,000) stop at the default MaxCalcSteps, within
// the time and memory bounds (under -short or -race: 4 million, at a limit
// of 1 million).
func TestCalcStepsLimit(t *testing.T) {
	rows, lim := 100_000, DefaultLimits()
	if !fullSize() {
		rows, lim.MaxCalcSteps = 20_000, 1_000_000
	}
	path := bigSheetFile(t, rows, func(w io.Writer, r int) {
		fmt.Fprintf(w, `<row r="%d">`, r)
		if r <= 200 {
			fmt.Fprintf(w, `<c r="A%d"><f>SUM($B$1:$B$%d)+A%d</f></c>`, r, rows, r+1)
		}
		fmt.Fprintf(w, `<c r="B%d"><v>1</v></c></row>`, r)
	}, "", nil)
	w, err := Open(path, lim)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	measured(t, fmt.Sprintf("%d million cells visited", rows*200/1e6), func() { _, err = w.Calc("S", "A1") })
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), fmt.Sprintf("takes over %d steps", lim.MaxCalcSteps)) {
		t.Errorf("%v", err)
	}
}

// fullSize reports whether the hostile cases are built at the sizes of the
// issue (a million rows, 70 million elements): not with -short, and not
// with -race, where building them alone takes minutes; the cases then run
// at a tenth of the size, still over the limits they test.
func fullSize() bool { return !testing.Short() && !raceEnabled }
