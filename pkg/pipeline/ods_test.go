package pipeline_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// TestODSSource: districtBook (a cover sheet, a merged title, group rows
// merged across), its 失业率 written as fractions in 0.00% cells and one
// value a formula, saved by LibreOffice as .ods, gives the statuses and
// actual values of the .xlsx; so does the .ods under an .xlsx name.
func TestODSSource(t *testing.T) {
	dir := t.TempDir()
	book := districtBook()
	sheet := &book.Sheets[1]
	for i, c := range sheet.Cells {
		switch c.Value {
		case 5.2, 5.4, 5.3: // 城镇调查失业率
			sheet.Cells[i].Value, sheet.Cells[i].Format = c.Value.(float64)/100, "0.00%"
		case 44.3: // 工伤保险参保人数, 2023
			sheet.Cells[i].Formula = "43.9+0.4"
		}
	}
	xlsxPath := filepath.Join(dir, "2023.xlsx")
	wbt.WriteExcelize(t, book, xlsxPath)
	want := outcomesOf(t, xlsxPath, actuals.Options{})
	if strings.Count(want, "\n") != len(districtRows)-1 || strings.Contains(want, "—") {
		t.Fatalf("the workbook's outcomes:\n%s", want)
	}
	ods := wbt.ConvertLibreOfficeTo(t, xlsxPath, filepath.Join(dir, "lo"), "ods")
	if got := outcomesOf(t, ods, actuals.Options{}); got != want {
		t.Errorf("the .ods's outcomes:\n%s\nwant (the workbook's):\n%s", got, want)
	}
	if got := outcomesOf(t, ods, actuals.Options{Sheet: "指标监测"}); got != want {
		t.Errorf("the .ods's outcomes, --sheet 指标监测:\n%s\nwant:\n%s", got, want)
	}
	data, err := os.ReadFile(ods)
	if err != nil {
		t.Fatal(err)
	}
	named := filepath.Join(dir, "named-xlsx.xlsx")
	if err := os.WriteFile(named, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := outcomesOf(t, named, actuals.Options{}); got != want {
		t.Errorf("the .ods named .xlsx:\n%s\nwant:\n%s", got, want)
	}
}
