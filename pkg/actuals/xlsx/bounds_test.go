package xlsx

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// Bounds every hostile case below must keep, measured in this process: the
// growth of the heap in use, sampled every millisecond while the case
// runs, and the wall time (asserted only without -race, which is several
// times slower).
const (
	maxCaseHeap = 200 << 20
	maxCaseTime = 5 * time.Second
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
	if testing.Short() {
		rows = 100_000
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
