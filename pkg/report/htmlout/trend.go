package htmlout

import (
	"html/template"
	"sort"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/expr"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// trendView is the 趋势 section: the years of the evaluations, and per
// indicator its chart and its status year by year.
type trendView struct {
	Years []string
	Rows  []trendRow
	// Compact is the trend of one workbook's own years: small charts, no
	// page of its own.
	Compact bool
}

type trendRow struct {
	Indicator string
	Chart     template.HTML
	History   []*statusView // one per year; nil where the year has no outcome
	Values    []string
}

// buildTrend follows one plan's indicators across the evaluations, where
// they are two or more years of it: the only unit of each, or its total
// rows. Evaluations of another plan, or many-unit ones without a total, are
// left out of it; nil when fewer than two years remain.
func buildTrend(evals []*pipeline.Evaluation, files []*fileView, lang Lang, width, height float64) *trendView {
	p := evals[0].Plan
	byYear := map[int]*fileView{}
	var years []int
	for _, fv := range files {
		if fv.e.Plan.Ref() != p.Ref() || fv.headline == nil {
			continue
		}
		if _, seen := byYear[fv.Year]; !seen {
			years = append(years, fv.Year)
		}
		byYear[fv.Year] = fv // a later file of the same year stands
	}
	if len(years) < 2 {
		return nil
	}
	sort.Ints(years)
	tv := &trendView{}
	for _, y := range years {
		tv.Years = append(tv.Years, report.YearLabel(y, lang))
	}
	for _, ind := range p.Indicators() {
		row := trendRow{Indicator: report.IndicatorLabel(ind)}
		chart := &lineChart{from: p.BaselineYear, to: p.Period.End,
			format: func(v float64) string { return report.FormatValue(v, ind) }}
		if p.BaselineYear >= p.Period.Start {
			chart.from = p.Period.Start - 1
		}
		if ind.Baseline.HasNumber() && !ind.Target.IsCumulative() {
			chart.baseline = &linePoint{chart.from, ind.Baseline.Number()}
		}
		any := false
		var last *evaluate.Outcome
		for _, y := range years {
			var out *evaluate.Outcome
			for k := range byYear[y].headline {
				if byYear[y].headline[k].Indicator.ID == ind.ID {
					out = &byYear[y].headline[k]
				}
			}
			if out == nil {
				row.History = append(row.History, nil)
				row.Values = append(row.Values, "")
				continue
			}
			any = true
			st := statusOf(out.Status, out.Final, lang)
			row.History = append(row.History, &st)
			row.Values = append(row.Values, report.ActualText(*out))
			if out.Actual != nil && out.ActualText == "" {
				chart.actual = append(chart.actual, linePoint{y, *out.Actual})
				last = out
			}
		}
		if !any {
			continue
		}
		t := ind.Target
		switch {
		case t.Kind == expr.Ratio || t.Kind == expr.None:
		case t.IsCumulative():
			// The cumulative path from nothing before the period to X
			// at its end.
			chart.path = []linePoint{{chart.from, 0}, {p.Period.End, t.Value}}
			if t.Kind == expr.Range {
				chart.band, chart.hasBand = [2]float64{t.Value, t.High}, true
			}
		case t.Kind == expr.Range:
			chart.band, chart.hasBand = [2]float64{t.Value, t.High}, true
		default:
			v := t.Value
			chart.target = &v
		}
		if last != nil && last.Projection != nil && last.Year < p.Period.End {
			chart.projection = &linePoint{p.Period.End, last.Projection.Value}
		}
		if len(chart.actual) > 0 && t.Kind != expr.Ratio {
			row.Chart = chart.draw(width, height)
		}
		tv.Rows = append(tv.Rows, row)
	}
	return tv
}
