package textout

import (
	"fmt"
	"io"
	"strconv"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// PlanTable prints a plan's indicators as its main-indicator table prints them
// (指标 | 2020年基数 | 2025年目标 | 指标属性), grouped, with the target as printed.
// The baseline column is left out when no indicator has a baseline (专栏1).
// Notes follow the table: the cumulative note and every target used in place of
// the print.
func PlanTable(w io.Writer, p *plan.Plan, lang Lang, format TableFormat) error {
	hasBaseline := false
	hasCumulative := false
	for _, ind := range p.Indicators() {
		if ind.Baseline.Text != "" {
			hasBaseline = true
		}
		if ind.Target.IsCumulative() || ind.Baseline.IsCumulative() {
			hasCumulative = true
		}
	}
	header := []string{lang.T("col.indicator")}
	if hasBaseline {
		header = append(header, lang.T("col.baseline-year", p.BaselineYear))
	}
	header = append(header,
		lang.T("col.target-year", p.Period.End),
		lang.T("col.attribute-full"))

	if _, err := fmt.Fprintln(w, msg.Printable(report.PlanTitle(p))); err != nil {
		return err
	}
	if format == Markdown {
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
	}
	t := newTable(w, format)
	t.Header(header)
	for _, g := range p.Groups {
		row := make([]string, len(header))
		row[0] = g.Name
		if err := t.Append(row); err != nil {
			return err
		}
		for _, ind := range g.Indicators {
			row := []string{report.IndicatorLabel(ind)}
			if hasBaseline {
				row = append(row, ind.Baseline.Text)
			}
			row = append(row, ind.PrintedTarget(), report.AttributeLabel(ind.Attribute, lang))
			if err := t.Append(row); err != nil {
				return err
			}
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	var notes []string
	if hasCumulative {
		notes = append(notes, lang.T("report.note-a-value-in-is-the-total-over-the-pe"))
	}
	for _, ind := range p.Indicators() {
		if ind.Printed != "" {
			notes = append(notes, lang.T("report.note-printed-evaluated-as", ind.Number, ind.Printed, ind.Target.Text, ind.Note))
		}
	}
	for _, n := range notes {
		if format == Markdown {
			n = "\n" + n // a paragraph of its own, not a row of the table
		}
		if _, err := fmt.Fprintln(w, msg.Printable(n)); err != nil {
			return err
		}
	}
	return nil
}

// PlanList prints one line per plan: id, version, title, period, indicator count.
func PlanList(w io.Writer, plans []*plan.Plan, lang Lang, format TableFormat) error {
	t := newTable(w, format)
	t.Header([]string{"ID", lang.T("report.version"), lang.T("report.title"),
		lang.T("report.period"), lang.T("report.indicators")})
	for _, p := range plans {
		if err := t.Append([]string{p.ID, strconv.Itoa(p.Version), p.Title, p.Period.String(),
			strconv.Itoa(len(p.Indicators()))}); err != nil {
			return err
		}
	}
	return t.Render()
}

// planSummary is one plan in `plancheck plans --format json`.
type planSummary struct {
	ID         string `json:"id"`
	Version    int    `json:"version"`
	Title      string `json:"title"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Indicators int    `json:"indicators"`
}

// PlanListJSON prints the plan list as a JSON array.
func PlanListJSON(w io.Writer, plans []*plan.Plan) error {
	out := make([]planSummary, 0, len(plans))
	for _, p := range plans {
		out = append(out, planSummary{p.ID, p.Version, p.Title, p.Period.Start, p.Period.End, len(p.Indicators())})
	}
	return writeJSON(w, out)
}
