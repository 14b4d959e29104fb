package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jlp-hrss/plancheck/pkg/plan"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// bigTable is a district table of 2,826 reporting units × the 23 indicators
// of jlp-hrss-14th@1 — 64,999 rows and a header, within an .xls sheet's
// 65,536 — with a 备注 of about 760 bytes on every row (one of 50 texts),
// so that it is 50 MB as CSV: 区县 | 指标 | 单位 | 2021年 | 2022年 | 2023年 | 备注.
func bigTable(t *testing.T, yield func(row []string) error) {
	bigTableOf(t, false, yield)
}

// bigTableOf is bigTable; with unique, every 备注 differs (its row's number
// first), so that a workbook's shared strings hold them all.
func bigTableOf(t *testing.T, unique bool, yield func(row []string) error) {
	t.Helper()
	p, err := plan.Resolve("jlp-hrss-14th@1")
	if err != nil {
		t.Fatal(err)
	}
	inds := p.Indicators()
	var remarks [50]string
	for i := range remarks {
		b := []byte(fmt.Sprintf("备注%02d：", i))
		for len(b) < 760 || unique && len(b) < 960 {
			b = append(b, "数据来源为区人力社保局统计报表，按季度汇总，经分管领导审核后报送；"...)
		}
		remarks[i] = string(b)
	}
	if err := yield([]string{"区县", "指标", "单位", "2021年", "2022年", "2023年", "备注"}); err != nil {
		t.Fatal(err)
	}
	for u := range 2826 {
		for i, ind := range inds {
			v := 50 + float64((u+i)%40)/10
			row := []string{fmt.Sprintf("第%04d街道", u+1), ind.Name, ind.Unit,
				strconv.FormatFloat(v, 'f', -1, 64), strconv.FormatFloat(v+0.5, 'f', -1, 64), strconv.FormatFloat(v+1, 'f', -1, 64),
				remarks[(u*23+i)%len(remarks)]}
			if unique {
				row[6] = fmt.Sprintf("第%d行：", u*len(inds)+i+2) + row[6]
			}
			if err := yield(row); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// writeBigCSV writes bigTable as UTF-8 CSV.
func writeBigCSV(t *testing.T, path string) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	bigTable(t, w.Write)
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// writeBigXLSX writes bigTable as a minimal .xlsx: one sheet, numbers as
// numbers, text as inline strings.
func writeBigXLSX(t *testing.T, path string) { writeBigXLSXOf(t, path, false) }

func writeBigXLSXOf(t *testing.T, path string, unique bool) {
	hostileBook(t, path, func(w io.Writer) {
		r := 0
		bigTableOf(t, unique, func(row []string) error {
			r++
			fmt.Fprintf(w, `<row r="%d">`, r)
			for c, v := range row {
				ref := string(rune('A'+c)) + strconv.Itoa(r)
				if _, err := strconv.ParseFloat(v, 64); err == nil && r > 1 && c >= 3 && c <= 5 {
					fmt.Fprintf(w, `<c r="%s"><v>%s</v></c>`, ref, v)
				} else {
					fmt.Fprintf(w, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, html.EscapeString(v))
				}
			}
			_, err := io.WriteString(w, `</row>`)
			return err
		})
	}, "", nil, 0)
}

// peakOf evaluates path for 2023 as JSON on a child process of bin, checks
// that it ran, logs what it took under label, and returns the file's size
// and the child's peak resident memory.
func peakOf(t *testing.T, bin, path, label string) (size, rss int64) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	r := runChild(t, bin, "eval", path, "--plan", "jlp-hrss-14th@1", "--year", "2023", "--format", "json", "-q")
	if r.code > 1 || len(r.stdout) < 1<<20 {
		t.Fatalf("%s: exit %d, %d bytes of JSON\n%s", path, r.code, len(r.stdout), r.stderr)
	}
	t.Logf("%s: %.1f MB, peak RSS %.1f MB, %v", label, float64(info.Size())/1e6, float64(r.maxRSS)/(1<<20), r.wall.Round(1e7))
	return info.Size(), r.maxRSS
}

// TestPeakMemoryByFormat: reading the 50 MB CSV of bigTable takes no more
// peak memory than reading the same table as an .xlsx (within a margin for
// the Go runtime's own variation), measured on a child process of the plain
// binary, as users run it.
func TestPeakMemoryByFormat(t *testing.T) {
	if testing.Short() {
		t.Skip("builds plancheck and reads 50 MB files")
	}
	if runtime.GOOS != "linux" {
		t.Skip("ru_maxrss is in KiB on Linux only")
	}
	bin := plainBinary(t)
	dir := t.TempDir()
	books := map[string]func(*testing.T, string){"big.xlsx": writeBigXLSX, "big.csv": writeBigCSV}
	rss := map[string]int64{}
	for _, name := range []string{"big.xlsx", "big.csv"} {
		path := filepath.Join(dir, name)
		books[name](t, path)
		size, peak := peakOf(t, bin, path, name)
		rss[name] = peak
		if name == "big.csv" && size < 50e6 {
			t.Errorf("big.csv is %d bytes, under 50 MB", size)
		}
	}
	if bound := rss["big.xlsx"]*5/4 + 16<<20; rss["big.csv"] > bound {
		t.Errorf("reading the CSV peaked at %d MiB, over the .xlsx's %d MiB + 25%% + 16 MiB", rss["big.csv"]>>20, rss["big.xlsx"]>>20)
	}
}

// TestPeakMemoryXLS: reading a 50 MB .xls (bigTable with every 备注 its
// own, as LibreOffice saves it) takes no more peak memory than reading the
// .xlsx LibreOffice saves of the same table — both hold the shared strings,
// the rest streams — measured on a child process of the plain binary.
func TestPeakMemoryXLS(t *testing.T) {
	wbt.RequireLibreOffice(t)
	if runtime.GOOS != "linux" {
		t.Skip("ru_maxrss is in KiB on Linux only")
	}
	bin := plainBinary(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "big.xlsx")
	writeBigXLSXOf(t, src, true)
	rss := map[string]int64{}
	for _, ext := range []string{"xlsx", "xls"} {
		path := wbt.ConvertLibreOfficeTo(t, src, filepath.Join(dir, "lo"), ext)
		size, peak := peakOf(t, bin, path, "LibreOffice's ."+ext)
		rss[ext] = peak
		if ext == "xls" && size < 50e6 {
			t.Errorf("the .xls is %d bytes, under 50 MB", size)
		}
	}
	if bound := rss["xlsx"]*5/4 + 16<<20; rss["xls"] > bound {
		t.Errorf("reading the .xls peaked at %d MiB, over the .xlsx's %d MiB + 25%% + 16 MiB", rss["xls"]>>20, rss["xlsx"]>>20)
	}
}

// TestInterruptRemovesTemporaryFile: SIGINT or SIGTERM while plancheck
// writes -o into a named temporary file (PLANCHECK_TEMPFILE=named) removes
// it and leaves no output; the status is the signal's (130, 143). On Linux
// SIGKILL leaves nothing either: by default the temporary file has no name
// while it is written (O_TMPFILE).
func TestInterruptRemovesTemporaryFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds plancheck and writes a 57 MB file")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no signals to send")
	}
	bin := plainBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "big.csv")
	writeBigCSV(t, in)
	cases := []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}}
	if runtime.GOOS == "linux" {
		cases = append(cases, struct {
			sig  syscall.Signal
			code int
		}{syscall.SIGKILL, -1})
	}
	for _, tc := range cases {
		t.Run(tc.sig.String(), func(t *testing.T) {
			outDir := t.TempDir()
			if tc.sig == syscall.SIGKILL && !unnamedFiles(outDir) {
				t.Skip("the file system of the temporary folder has no unnamed files (O_TMPFILE)")
			}
			cmd := exec.Command(bin, "eval", in, "--plan", "jlp-hrss-14th@1", "--year", "2023", "-q", "-o", filepath.Join(outDir, "out.json"))
			if tc.sig != syscall.SIGKILL {
				// A named temporary file, which the signal must remove
				// (an unnamed one leaves nothing whether or not it is).
				cmd.Env = append(os.Environ(), "PLANCHECK_TEMPFILE=named")
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(20 * time.Second)
			for !writingInto(cmd.Process.Pid, outDir) {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("plancheck never opened a file in the output's folder")
				}
				time.Sleep(2 * time.Millisecond)
			}
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != tc.code {
				t.Errorf("status %v, want %d", err, tc.code)
			}
			if entries, _ := os.ReadDir(outDir); len(entries) != 0 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
}

// writingInto reports whether process pid has a file of dir open (on Linux,
// by /proc: an unnamed file too, which /proc shows as dir/#NNN (deleted)),
// or elsewhere whether dir holds a temporary file.
func writingInto(pid int, dir string) bool {
	if runtime.GOOS != "linux" {
		tmp, _ := filepath.Glob(filepath.Join(dir, ".*.tmp*"))
		return len(tmp) > 0
	}
	fds, _ := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	for _, fd := range fds {
		if target, err := os.Readlink(fmt.Sprintf("/proc/%d/fd/%s", pid, fd.Name())); err == nil && strings.HasPrefix(target, dir+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// TestSummaryOfManyUnits: the summary workbook of bigTable's 2,826 units
// (the size of the 2,844-unit benchmark) is written in under 10 s of CPU
// and under 200 MB of memory, on a child process of the plain binary (it
// took minutes when excelize checked every merge against all before it and
// placed a chart per unit, and 370 MB while 明细 and 完成情况 were held whole).
func TestSummaryOfManyUnits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds plancheck and writes a summary of 2,826 units")
	}
	if runtime.GOOS != "linux" {
		t.Skip("ru_maxrss and CPU time as on Linux")
	}
	bin := plainBinary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "big.xlsx")
	writeBigXLSX(t, in)
	out := filepath.Join(dir, "summary.xlsx")
	r := runChild(t, bin, "eval", in, "--plan", "jlp-hrss-14th@1", "--year", "2023", "-q", "-o", out)
	info, err := os.Stat(out)
	if r.code > 1 || err != nil {
		t.Fatalf("exit %d, %v\n%s", r.code, err, r.stderr)
	}
	t.Logf("summary of 2,826 units: %.1f MB, %v of CPU, %v wall, peak RSS %.0f MB", float64(info.Size())/1e6, r.cpu.Round(1e7), r.wall.Round(1e7), float64(r.maxRSS)/(1<<20))
	if r.cpu > 10*time.Second {
		t.Errorf("%v of CPU, over 10 s", r.cpu)
	}
	// 明细 and 完成情况 are streamed a row at a time (370 MB when held).
	if r.maxRSS > 200<<20 {
		t.Errorf("peak RSS %.0f MB, over 200 MB", float64(r.maxRSS)/(1<<20))
	}
}
