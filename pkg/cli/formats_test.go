package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestInspectNamesTheReader: inspect says which reader read the file, for
// every format, and shows its cells as for an .xlsx (the fixtures are
// LibreOffice's, see pkg/pipeline's TestFormatsReconverted).
func TestInspectNamesTheReader(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "pipeline", "testdata", "formats")
	for name, want := range map[string]string{
		"libreoffice.xlsx": "按 .xlsx 工作簿读取",
		"libreoffice.xls":  "按 .xls（Excel 97–2003）工作簿读取",
		"libreoffice.ods":  "按 .ods 工作簿读取",
		"utf-8.csv":        "按文本（CSV",
		"web-page.xls":     "网页（HTML）表格",
	} {
		code, stdout, stderr := runMain("inspect", filepath.Join(dir, name), "--plan", "jlp-hrss-14th@1")
		if code != ExitOK || !strings.Contains(stdout+stderr, want) || !strings.Contains(stdout, "城镇调查失业率") {
			t.Errorf("inspect %s: status %d, want %q in\n%s%s", name, code, want, stdout, stderr)
		}
	}
}
