package book_test

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/report/book"

	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/report"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

var printPNG = flag.String("print-png", "", "write page 1 of the printed summary and template, as LibreOffice prints them, to DIR/summary-page1.png and DIR/template-page1.png")

// requirePoppler skips the test without pdfinfo, pdftotext and pdftoppm
// (Debian package poppler-utils), or fails it when CI=true: .ci/run installs
// them.
func requirePoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s not found (install poppler-utils): %v", tool, err)
			}
			t.Skipf("%s not found (install poppler-utils): %v", tool, err)
		}
	}
}

// printPDF prints the workbook in as LibreOffice does (every sheet, its own
// page setup) and returns the PDF's path.
func printPDF(t *testing.T, in string) string {
	t.Helper()
	outDir := t.TempDir()
	soffice(t, in, outDir, "pdf")
	pdf := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))+".pdf")
	if _, err := os.Stat(pdf); err != nil {
		t.Fatal(err)
	}
	return pdf
}

// pdfPages returns the page count and the size of page 1 in points, from
// pdfinfo.
func pdfPages(t *testing.T, pdf string) (pages int, width, height float64) {
	t.Helper()
	out, err := exec.CommandContext(t.Context(), "pdfinfo", pdf).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	size := regexp.MustCompile(`(?m)^Page size:\s+([\d.]+) x ([\d.]+) pts`).FindSubmatch(out)
	if m == nil || size == nil {
		t.Fatalf("pdfinfo: no page count or size:\n%s", out)
	}
	pages, _ = strconv.Atoi(string(m[1]))
	width, _ = strconv.ParseFloat(string(size[1]), 64)
	height, _ = strconv.ParseFloat(string(size[2]), 64)
	return pages, width, height
}

// pdfText is the text of the PDF, from pdftotext.
func pdfText(t *testing.T, pdf string) string {
	t.Helper()
	out, err := exec.CommandContext(t.Context(), "pdftotext", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// isA4 is true for 595 × 842 points (210 × 297 mm), either way round.
func isA4(w, h float64) bool {
	near := func(a, b float64) bool { return a > b-2 && a < b+2 }
	return near(w, 595) && near(h, 842) || near(w, 842) && near(h, 595)
}

// renderPage1 writes page 1 of pdf to dest as a PNG at dpi, with a palette
// (see paletted), for the README.
func renderPage1(t *testing.T, pdf, dest string, dpi int) {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "page")
	cmd := exec.CommandContext(t.Context(), "pdftoppm", "-png", "-r", strconv.Itoa(dpi), "-f", "1", "-l", "1", "-singlefile", pdf, prefix)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	data, err := os.ReadFile(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	small, err := paletted(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dest, small, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d bytes (%d as rendered)", dest, len(small), len(data))
}

// TestPrintSummary prints the summary of testdata/2023.xlsx, recorded under
// its absolute path as `plancheck eval /abs/2023.xlsx` records it, with
// LibreOffice: at most 6 A4 pages (it was 12 US-Letter pages before the
// sheets had a page setup), and no folder of the input anywhere in it, only
// its base name.
//
//	go test ./pkg/report/book -run TestPrint -print-png ../../../docs
func TestPrintSummary(t *testing.T) {
	t.Parallel() // LibreOffice starts slowly; each call has its own profile
	requirePoppler(t)
	wbt.RequireLibreOffice(t)
	abs, err := filepath.Abs("../../../testdata/2023.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	e := evaluateWorkbook(t, abs, abs, 2023, report.Chinese)
	in := saveSummary(t, writeSummary(t, []*pipeline.Evaluation{e}, report.Chinese), "summary.xlsx")
	pdf, text := printChecked(t, in, "summary", 6)
	if dir := filepath.Dir(abs); strings.Contains(text, dir) || strings.Contains(text, filepath.ToSlash(dir)) {
		t.Errorf("the printed summary holds the input's folder %s", dir)
	}
	for _, want := range []string{"2023.xlsx", "jlp-hrss-14th", "城镇新增就业人数"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed summary does not hold %q", want)
		}
	}
	if *printPNG != "" {
		renderPage1(t, pdf, filepath.Join(*printPNG, "summary-page1.png"), 80)
	}
}

// printChecked prints a workbook to PDF with LibreOffice and checks that it
// takes at most maxPages pages of A4; it returns the PDF and its text.
func printChecked(t *testing.T, in, what string, maxPages int) (pdf, text string) {
	t.Helper()
	pdf = printPDF(t, in)
	pages, w, h := pdfPages(t, pdf)
	t.Logf("%s: %d pages of %g × %g pt", what, pages, w, h)
	if pages > maxPages {
		t.Errorf("the %s prints on %d pages, want at most %d", what, pages, maxPages)
	}
	if !isA4(w, h) {
		t.Errorf("the %s's paper is %g × %g pt, want A4 (595 × 842)", what, w, h)
	}
	return pdf, pdfText(t, pdf)
}

// TestPrintTemplate prints the template of 专栏2 (jlp-hrss-14th@1) with LibreOffice:
// at most 3 A4 pages (it was 6, the id column alone on page 1).
func TestPrintTemplate(t *testing.T) {
	t.Parallel()
	requirePoppler(t)
	wbt.RequireLibreOffice(t)
	in := writeTemplate(t, "jlp-hrss-14th@1", book.TemplateOptions{Lang: report.Chinese}, "template.xlsx") // 专栏2's 23 rows
	pdf, text := printChecked(t, in, "template", 3)
	for _, want := range []string{"jlp-hrss-14th", "城镇新增就业人数", "填写说明"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed template does not hold %q", want)
		}
	}
	if *printPNG != "" {
		renderPage1(t, pdf, filepath.Join(*printPNG, "template-page1.png"), 80)
	}
}

// TestPrintTemplateWholePlan prints the template `plancheck template` writes by
// default, the whole 十四五 plan (jlp-hrss-14th@2, 59 rows in 12 groups), with
// LibreOffice: at most 4 A4 pages, the last rows and the instructions included.
func TestPrintTemplateWholePlan(t *testing.T) {
	t.Parallel()
	requirePoppler(t)
	wbt.RequireLibreOffice(t)
	in := writeTemplate(t, "jlp-hrss-14th@2", book.TemplateOptions{Lang: report.Chinese}, "template.xlsx")
	_, text := printChecked(t, in, "template of the whole plan", 4)
	for _, want := range []string{"jlp-hrss-14th@2", "城镇新增就业人数", "十二、提高基本公共服务能力和质量重点项目", "导服站现场咨询人员", "填写说明"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed template does not hold %q", want)
		}
	}
}
