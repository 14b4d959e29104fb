package htmlout

import (
	"sort"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// unitValue is one reporting unit's value of an indicator.
type unitValue struct {
	entity string
	value  float64
	status evaluate.Status
	final  bool
}

// compare ranks the units of each indicator, best first by the indicator's
// direction, and keeps the TopBottom best and worst; the average of the
// units' values and the workbook's own total row are marked, and a unit
// worse than the average is flagged. A ratio, or an indicator with no
// direction, is not ranked.
func compare(inds []*plan.Indicator, perInd [][]unitValue, total *pipeline.EntityEvaluation, lang Lang) []compareView {
	var out []compareView
	totals := map[*plan.Indicator]*float64{}
	if total != nil {
		for _, o := range total.Outcomes {
			if o.ActualText == "" {
				totals[o.Indicator] = o.Actual
			}
		}
	}
	for i, ind := range inds {
		units := perInd[i]
		if len(units) == 0 {
			continue
		}
		cv := compareView{Indicator: report.IndicatorLabel(ind)}
		dir := plan.NoDirection
		if len(ind.Better) == 1 {
			dir = ind.Better[0]
		}
		if dir == plan.NoDirection {
			cv.NoRanking = true
			out = append(out, cv)
			continue
		}
		ranked := append([]unitValue(nil), units...)
		// Stable, by value then by the workbook's order: the same
		// ranking every run.
		sort.SliceStable(ranked, func(a, b int) bool {
			if dir == plan.Down {
				return ranked[a].value < ranked[b].value
			}
			return ranked[a].value > ranked[b].value
		})
		sum := 0.0
		for _, u := range ranked {
			sum += u.value
		}
		// The mean of the units' values, a plain average: never a sum
		// of rates.
		avg := sum / float64(len(ranked))
		cv.Average = lang.T("htmlreport.average", report.FormatValue(avg, ind))
		if t := totals[ind]; t != nil {
			cv.Total = lang.T("htmlreport.total-value", report.FormatValue(*t, ind))
		}
		below := func(v float64) bool {
			if dir == plan.Down {
				return v > avg
			}
			return v < avg
		}
		row := func(rank int) rankView {
			u := ranked[rank]
			return rankView{Rank: rank + 1, Entity: report.EntityLabel(u.entity, lang), Value: report.FormatValue(u.value, ind),
				Status: statusOf(u.status, u.final, lang), Below: below(u.value)}
		}
		n := len(ranked)
		if n <= 2*TopBottom {
			cv.Caption = lang.T("htmlreport.all-ranked", n)
			for r := range n {
				cv.Rows = append(cv.Rows, row(r))
			}
		} else {
			cv.Caption = lang.T("htmlreport.top-bottom", TopBottom, TopBottom, n)
			for r := range TopBottom {
				cv.Rows = append(cv.Rows, row(r))
			}
			cv.Gap, cv.Split = true, TopBottom
			for r := n - TopBottom; r < n; r++ {
				cv.Rows = append(cv.Rows, row(r))
			}
		}
		var tv *float64
		if t := totals[ind]; t != nil {
			tv = t
		}
		cv.Plot = dotPlot(ranked, avg, tv, 520, 34)
		out = append(out, cv)
	}
	return out
}
