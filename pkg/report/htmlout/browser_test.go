package htmlout

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

var reportPNG = flag.String("report-png", "", "render page 1 of the printed report of testdata/2023.xlsx to this PNG (the README's picture)")

// skipOrFail skips the test, or fails it when CI=true: .ci/run installs
// the browser and poppler-utils.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf(format+" (CI=true: the CI installs it, so this is a failure)", args...)
	}
	t.Skipf(format, args...)
}

// browser is the headless Chromium that prints the report: Debian's
// chromium-headless-shell, else chromium.
func browser(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: skipping a test that runs a browser")
	}
	for _, name := range []string{"chromium-headless-shell", "chrome-headless-shell", "chromium", "/usr/lib/chromium/chrome-headless-shell"} {
		if path, err := exec.LookPath(name); err == nil {
			for _, tool := range []string{"pdfinfo", "pdftotext", "pdftoppm"} {
				if _, err := exec.LookPath(tool); err != nil {
					skipOrFail(t, "%s not found (apt-get install poppler-utils)", tool)
				}
			}
			return path
		}
	}
	skipOrFail(t, "no headless Chromium (apt-get install chromium-headless-shell fonts-noto-cjk)")
	return ""
}

// printPDF writes html to a file and prints it to a PDF as a reader's
// browser would, with a fresh profile; it returns the PDF's path.
func printPDF(t *testing.T, chrome string, html []byte) string {
	t.Helper()
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, html, 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "report.pdf")
	cmd := exec.Command(chrome, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+pdf, "file://"+page)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", chrome, err, out)
	}
	return pdf
}

func pdfInfo(t *testing.T, pdf string) (pages int, size string) {
	t.Helper()
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out); m != nil {
		pages, _ = strconv.Atoi(string(m[1]))
	}
	if m := regexp.MustCompile(`(?m)^Page size:\s+(.*)$`).FindSubmatch(out); m != nil {
		size = string(m[1])
	}
	return pages, size
}

// TestPrintOneYear prints the report of one year of jlp-hrss-14th@1 (23
// indicators) in headless Chromium: A4 portrait, at most 4 pages, and the
// text of the PDF holds every indicator's name and every status word the
// table shows.
func TestPrintOneYear(t *testing.T) {
	chrome := browser(t)
	e := evaluateSample(t, 2023, report.Chinese)
	pdf := printPDF(t, chrome, render(t, []*pipeline.Evaluation{e}, nil, report.Chinese))
	pages, size := pdfInfo(t, pdf)
	t.Logf("%d pages, %s", pages, size)
	if pages < 1 || pages > 4 {
		t.Errorf("%d pages, want 1 to 4", pages)
	}
	// A4 is 595 × 842 pt; portrait: the height is the larger.
	if !strings.HasPrefix(size, "594.96 x 841.92 pts") && !strings.HasPrefix(size, "595 x 842 pts") {
		t.Errorf("page size %q, want A4 portrait", size)
	}
	// -raw: the text in the order it is drawn, each cell's lines together
	// (the default reading order interleaves a wrapped name with the
	// cells beside it).
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// A name may wrap in its cell: compare without white space.
	text := strings.Join(strings.Fields(string(out)), "")
	for _, ind := range e.Plan.Indicators() {
		if !strings.Contains(text, ind.Name) {
			t.Errorf("the PDF's text lacks %q", ind.Name)
		}
	}
	for _, word := range []string{"提前完成", "快于预期", "符合预期", "滞后", "无数据", "摘要", "预警", "完成情况", "审核与说明", "时序进度"} {
		if !strings.Contains(text, word) {
			t.Errorf("the PDF's text lacks %q", word)
		}
	}
	if *reportPNG != "" {
		prefix := strings.TrimSuffix(*reportPNG, ".png")
		if out, err := exec.Command("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, prefix).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, out)
		}
	}
}

// TestPrintSeveral prints three years and a workbook of many units: each
// prints on A4, and the trend and the comparison are in the text.
func TestPrintSeveral(t *testing.T) {
	chrome := browser(t)
	for _, tc := range []struct {
		name  string
		evals []*pipeline.Evaluation
		want  []string
	}{
		{"three years", years(t, 2021, 2023), []string{"趋势", "2021年", "2023年", "城镇新增就业人数"}},
		{"many units", []*pipeline.Evaluation{manyUnits(t, 60, true)}, []string{"区县对比", "前10名与后10名", "低于平均", "第0001区"}},
	} {
		pdf := printPDF(t, chrome, render(t, tc.evals, nil, report.Chinese))
		pages, size := pdfInfo(t, pdf)
		t.Logf("%s: %d pages, %s", tc.name, pages, size)
		if !strings.Contains(size, "(A4)") {
			t.Errorf("%s: page size %q", tc.name, size)
		}
		out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(out)), "")
		for _, w := range tc.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the PDF's text lacks %q", tc.name, w)
			}
		}
	}
}
