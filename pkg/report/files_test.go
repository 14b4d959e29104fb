package report

import (
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/pipeline"
)

// TestFileLabel: a workbook is named without its folder, given the Unix or
// the Windows way; a result merged from several files names each.
func TestFileLabel(t *testing.T) {
	for path, want := range map[string]string{
		"2023.xlsx": "2023.xlsx", "data/2023.xlsx": "2023.xlsx", `D:\2023数据\石桥铺.xlsx`: "石桥铺.xlsx", "/abs/x.csv": "x.csv",
	} {
		if got := FileName(path); got != want {
			t.Errorf("FileName(%q) = %q, want %q", path, got, want)
		}
	}
	e := &pipeline.Evaluation{File: "街道", Sources: []pipeline.Source{{File: `a\石桥铺.xlsx`}, {File: "b/谢家湾.xlsx"}}}
	if got := FileLabel(e); got != "石桥铺.xlsx、谢家湾.xlsx" {
		t.Errorf("FileLabel = %q", got)
	}
	if got := FileLabel(&pipeline.Evaluation{File: "d/2023.xlsx"}); got != "2023.xlsx" {
		t.Errorf("FileLabel = %q", got)
	}
}
