package actuals

import (
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// BenchmarkReadValue reads one value cell: a number cell (the hot path of
// every workbook, which must not allocate), text that holds a plain number,
// and text as people type it.
func BenchmarkReadValue(b *testing.B) {
	p, err := plan.Resolve("jlp-hrss-14th@1")
	if err != nil {
		b.Fatal(err)
	}
	var jobs *plan.Indicator
	for _, ind := range p.Indicators() {
		if ind.ID == "unemployment-insurance-enrolment" {
			jobs = ind
		}
	}
	for _, c := range []struct {
		name string
		cell xlsx.Cell
	}{
		{"number", xlsx.Cell{Kind: xlsx.Number, Number: 42.5, Text: "42.5"}},
		{"text", xlsx.Cell{Kind: xlsx.Text, Text: "42.5"}},
		{"typed", xlsx.Cell{Kind: xlsx.Text, Text: "约４２.５万（快报）"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				readValue(c.cell, jobs, msg.English)
			}
		})
	}
}
