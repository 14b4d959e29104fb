package book

import (
	"fmt"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/report"
)

// notes are the notes under the table: the cumulative note, and each target
// the plan evaluates in place of its print, as `show` prints them. In English
// they keep the 注 the reader knows a note row by.
func (tw *templateWriter) notes() []string {
	p, lang := tw.p, tw.lang
	var notes []string
	for _, ind := range p.Indicators() {
		if ind.Target.IsCumulative() || ind.Baseline.IsCumulative() {
			notes = append(notes, lang.T("template.note-a-value-in-is-the-total-over-the-pe"))
			break
		}
	}
	for _, ind := range p.Indicators() {
		if ind.Printed != "" {
			notes = append(notes, lang.T("template.note-printed-evaluated-as", ind.Number, ind.Printed, ind.Target.Text, ind.Note))
		}
	}
	return notes
}

func (tw *templateWriter) instructionsSheet() error {
	f, p, lang := tw.f, tw.p, tw.lang
	sheet := TemplateInstructionsSheet(lang)
	hasCumulative, hasRatio := false, false
	for _, ind := range p.Indicators() {
		switch tmplInputOf(ind, tw.from, p) {
		case tmplCumulative, tmplTotal:
			hasCumulative = true
		case tmplRatio:
			hasRatio = true
		}
	}
	firstYear, lastYear := tw.years()
	years := firstYear.header
	if lastYear.year != firstYear.year {
		years += " … " + lastYear.header
	}
	status := tw.column(tmplColStatus).header
	start := tw.startYear()

	items := []string{lang.T("template.on-the-sheet-fill-only-the-white-and-yel", tw.sheet, years, status),
		lang.T("template.write-values-in-the-unit-of-the-unit-col"),
	}
	if hasCumulative {
		item := lang.T("template.cumulative-indicators-a-target-in-yellow", start, start)
		if tw.from > tw.p.Period.Start {
			item += lang.T("template.this-sheet-starts-in-and-has-no-column-f", tw.from, tw.missingYears())
		}
		items = append(items, item)
	}
	if hasRatio {
		items = append(items, lang.T("template.ratio-indicators-write-a-ratio-like-15-4"))
	}
	items = append(items,
		lang.T("template.leave-a-year-without-data-empty"),
		lang.T("template.status-optional-item", status, strings.Join(tmplStatusLabels, lang.T("punct.enumeration"))),
		lang.T("template.the-cells-to-fill-have-data-validation-t"),
		lang.T("template.to-evaluate-plancheck-eval-file-xlsx-pla", p.Ref(), tw.to),
	)

	type line struct {
		text  string
		style int
	}
	lines := []line{
		{lang.T("template.how-to-fill-in-this-workbook"), tw.st.heading},
		{report.PlanTitle(p), tw.st.instructions},
		{lang.T("template.the-actuals-workbook-of-plan-made-by-pla", p.Ref(), tw.from, tw.to), tw.st.instructions},
		{"", tw.st.instructions},
	}
	for i, it := range items {
		lines = append(lines, line{fmt.Sprintf("%d. %s", i+1, it), tw.st.instructions})
	}
	if notes := tw.notes(); len(notes) > 0 {
		lines = append(lines, line{"", tw.st.instructions})
		for _, n := range notes {
			lines = append(lines, line{n, tw.st.instructions})
		}
	}
	const colWidth = 100
	if err := f.SetColWidth(sheet, "A", "A", colWidth); err != nil {
		return err
	}
	if err := f.SetSheetDimension(sheet, "A1:"+tmplCell("A", len(lines))); err != nil {
		return err
	}
	// Upright: the one column of 100 characters fits an A4 page's width.
	if err := setPrintLayout(f, sheet, printLayout{lastCol: 1, lastRow: len(lines), plan: p.Ref(), lang: lang}); err != nil {
		return err
	}
	for i, l := range lines {
		ref := tmplCell("A", i+1)
		if l.text != "" {
			if err := f.SetCellStr(sheet, ref, l.text); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sheet, ref, ref, l.style); err != nil {
			return err
		}
		if n := tmplLines(l.text, colWidth); n > 1 {
			if err := f.SetRowHeight(sheet, i+1, float64(16*n)); err != nil {
				return err
			}
		}
	}
	return nil
}
