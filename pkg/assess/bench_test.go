package assess_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/assess"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// BenchmarkLongWorkbook reads, matches and judges a long table of many
// districts: 2,000 entities × 5 indicators × 3 years = 30,000 rows, 120,000
// cells. Each op is the whole of eval but the writing.
func BenchmarkLongWorkbook(b *testing.B) {
	path := filepath.Join(b.TempDir(), "2023.xlsx")
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	ids := []string{"surveyed-unemployment-rate", "pension-insurance-coverage", "unemployment-insurance-enrolment",
		"work-injury-insurance-enrolment", "social-security-card-holders"}
	row := 1
	write := func(v ...any) {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		if err := sw.SetRow(cell, v); err != nil {
			b.Fatal(err)
		}
		row++
	}
	write("区县", "编号", "年份", "数值")
	for e := 0; e < 2000; e++ {
		for i, id := range ids {
			for y := 2021; y <= 2023; y++ {
				write(fmt.Sprintf("单位%04d", e), id, y, 40+float64((e*7+i*3+y)%50))
			}
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	p, err := plan.Resolve("jlp-hrss-14th")
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		t, err := actuals.ReadTable(path, actuals.Options{})
		if err != nil {
			b.Fatal(err)
		}
		m, err := actuals.Match(t, p, actuals.Options{})
		if err != nil {
			b.Fatal(err)
		}
		e, err := assess.Workbook(m, 2023)
		if err != nil {
			b.Fatal(err)
		}
		if len(e.Entities) != 2000 {
			b.Fatalf("%d entities", len(e.Entities))
		}
	}
}
