package actuals

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// TestOtherDocuments: a PDF, a Word document, a PowerPoint presentation and
// an Apple Numbers file, whatever their names, are told for what they are,
// with what to do; never read as text nor taken for a broken workbook.
func TestOtherDocuments(t *testing.T) {
	dir := t.TempDir()
	zipped := func(name, part string) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		zw := zip.NewWriter(f)
		w, _ := zw.Create(part)
		w.Write([]byte("<x/>"))
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return p
	}
	pdf := filepath.Join(dir, "表.xlsx")
	if err := os.WriteFile(pdf, []byte("%PDF-1.7\n1 0 obj\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		pdf: "这是 PDF 文件，不是工作簿",
		zipped("报告.docx", "word/document.xml"):    "这是 Word 文档，不是工作簿",
		zipped("汇报.xlsx", "ppt/presentation.xml"): "这是 PowerPoint 演示文稿，不是工作簿",
		zipped("表.numbers", "Index/Document.iwa"): "这是 Apple Numbers 文稿，不是工作簿",
	} {
		err := Scan(path, Options{Lang: msg.Chinese}, &collector{})
		var h interface{ Hint() string }
		if err == nil || err.Error() != path+"："+want || !errors.As(err, &h) || h.Hint() == "" {
			t.Errorf("%s: %v", filepath.Base(path), err)
		}
		if h != nil && strings.Contains(filepath.Base(path), "numbers") && !strings.Contains(h.Hint(), "导出为") {
			t.Errorf("numbers hint %q", h.Hint())
		}
	}
}
