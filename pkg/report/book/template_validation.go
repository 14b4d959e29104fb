package book

import (
	"fmt"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/xuri/excelize/v2"
)

// validate adds the data validation of an indicator's year cells (see the
// comment at the top of template.go). Formulas are relative to the range's
// first cell, as Excel and LibreOffice apply them.
func (tw *templateWriter) validate(ind *plan.Indicator, kind tmplInput, sqref string) error {
	lang := tw.lang
	first, _, _ := strings.Cut(sqref, ":")
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	unit := ind.Unit
	var promptTitle, prompt, errTitle, errMsg string
	switch kind {
	case tmplNumber:
		// Any number: decimal needs bounds, and these hold every real value.
		if err := dv.SetRange(-1e15, 1e15, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		promptTitle = lang.T("template.a-number")
		prompt = lang.T("template.the-year-s-actual-value-leave-it-empty-i")
		if unit == "%" {
			prompt = lang.T("template.a-percentage-96-5-or-96-5-not-0-965-leav")
		}
		errTitle = lang.T("template.not-a-number")
		errMsg = lang.T("template.this-cell-takes-a-number-leave-it-empty")
	case tmplCumulative:
		dv.Type = "custom"
		dv.Formula1 = tmplEscape(fmt.Sprintf(`OR(ISNUMBER(%[1]s),%[2]s)`, first, tmplBracketed(first)))
		promptTitle = lang.T("template.cumulative")
		prompt = lang.T("template.the-year-s-amount-or-the-total-since-wri", tw.startYear())
		errTitle = lang.T("template.not-a-number-or-total")
		errMsg = lang.T("template.write-a-number-the-year-s-amount-or-the")
	case tmplTotal:
		dv.Type = "custom"
		dv.Formula1 = tmplEscape(tmplBracketed(first))
		promptTitle = lang.T("template.cumulative")
		prompt = lang.T("template.the-total-since-written-27-this-sheet-ha", tw.startYear(), tw.missingYears())
		errTitle = lang.T("template.not-a-total")
		errMsg = lang.T("template.write-the-total-since-in-brackets-like-2", tw.startYear())
	case tmplRatio:
		parts := len(ind.Target.Parts)
		dv.Type = "custom"
		dv.Formula1 = tmplEscape(fmt.Sprintf(`AND(ISTEXT(%[1]s),LEN(%[1]s)-LEN(SUBSTITUTE(SUBSTITUTE(%[1]s,"：",":"),":",""))=%[2]d)`, first, parts-1))
		promptTitle = lang.T("template.ratio")
		prompt = lang.T("template.a-ratio-of-parts-like-leave-it-empty-if", parts, ind.Target.Text)
		errTitle = lang.T("template.not-a-ratio")
		errMsg = lang.T("template.write-a-ratio-of-parts-separated-by-colo", parts, ind.Target.Text)
	}
	if unit != "" {
		promptTitle = lang.T("template.with-unit", promptTitle, unit)
	}
	dv.SetInput(promptTitle, prompt)
	dv.SetError(excelize.DataValidationErrorStyleStop, errTitle, errMsg)
	return tw.f.AddDataValidation(tw.sheet, dv)
}

// tmplBracketed is true when the cell holds a bracketed number, [27].
func tmplBracketed(cell string) string {
	return fmt.Sprintf(`AND(LEFT(%[1]s,1)="[",RIGHT(%[1]s,1)="]",ISNUMBER(VALUE(MID(%[1]s,2,LEN(%[1]s)-2))))`, cell)
}

// tmplEscape escapes a formula for the XML element excelize puts it in
// as it is.
func tmplEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// validateStatus offers the status labels in the 完成情况 cells.
func (tw *templateWriter) validateStatus(cells []string) error {
	if len(cells) == 0 {
		return nil
	}
	lang := tw.lang
	dv := excelize.NewDataValidation(true)
	dv.Sqref = strings.Join(tmplRuns(cells), " ")
	if err := dv.SetDropList(tmplStatusLabels); err != nil {
		return err
	}
	dv.SetInput(lang.T("template.status-optional"),
		lang.T("template.optional-plancheck-compares-it-with-what"))
	dv.SetError(excelize.DataValidationErrorStyleWarning, lang.T("template.a-status-plancheck-may-not-know"),
		lang.T("template.plancheck-knows-and-synonyms-such-as"))
	return tw.f.AddDataValidation(tw.sheet, dv)
}

// tmplRuns turns cells of one column, in order, into ranges of consecutive
// rows: L4 L5 L6 L8 → L4:L6 L8.
func tmplRuns(cells []string) []string {
	var out []string
	start, prevCol, prevRow := "", "", 0
	flush := func(end string) {
		if start == end {
			out = append(out, start)
		} else {
			out = append(out, start+":"+end)
		}
	}
	prevCell := ""
	for _, c := range cells {
		col, row, err := excelize.SplitCellName(c)
		if err != nil {
			continue
		}
		if start != "" && col == prevCol && row == prevRow+1 {
			prevRow, prevCell = row, c
			continue
		}
		if start != "" {
			flush(prevCell)
		}
		start, prevCol, prevRow, prevCell = c, col, row, c
	}
	if start != "" {
		flush(prevCell)
	}
	return out
}
