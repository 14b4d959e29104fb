package evaluate

import (
	"github.com/jlp-hrss/plancheck/pkg/msg"

	"github.com/jlp-hrss/plancheck/pkg/expr"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// project is where the indicator is heading at the end of the period (预计),
// judged against the final target; nil in the final year, for a ratio, or
// with too little data.
//
// A level or a rate: the least-squares line through the values of the period
// years with data up to the evaluation year, and the baseline at the year
// before the period where it is a plain number, taken at the final year; at
// least two points. A cumulative total: the total so far plus the mean annual
// amount so far times the years left.
func project(p *plan.Plan, ind *plan.Indicator, year int, values map[int]Observation, baseline *float64, lang msg.Lang) *Projection {
	end := p.Period.End
	if year >= end || ind.Target.Kind == expr.Ratio {
		return nil
	}
	var value float64
	var method string
	if ind.Target.IsCumulative() {
		total, _, missing, _ := cumulativeTotal(p.Period.Start, year, values)
		if missing != nil {
			return nil
		}
		elapsed := year - p.Period.Start + 1
		mean := total / float64(elapsed)
		value = total + mean*float64(end-year)
		// The mean as the method names it, rounded as values are shown
		// (the indicator's precision or two decimals, whichever is more):
		// 0.37, not 0.366666667. The projection itself uses it unrounded.
		method = lang.T("projection.cumulative", num(round(mean, max(ind.Precision, 2))), end-year)
	} else {
		var xs, ys []float64
		if baseline != nil && (ind.Baseline.Kind == expr.Number || ind.Baseline.Kind == expr.Approx) {
			xs, ys = append(xs, float64(p.Period.Start-1)), append(ys, *baseline)
		}
		for y := p.Period.Start; y <= year; y++ {
			if v, ok := values[y]; ok && v.Kind == Amount {
				xs, ys = append(xs, float64(y)), append(ys, v.Number)
			}
		}
		if len(xs) < 2 {
			return nil
		}
		slope, intercept, ok := leastSquares(xs, ys)
		if !ok {
			return nil
		}
		value = intercept + slope*float64(end)
		method = lang.T("projection.least-squares", len(xs))
	}
	value = r9(value)
	status := AtRisk
	if meetsBound(value, targetOp(ind), ind.Target.Value) {
		status = WillMeet
	}
	return &Projection{Value: value, Status: status, Method: method}
}

// leastSquares fits y = intercept + slope·x. Years are centred first so the
// sums stay small and exact.
func leastSquares(xs, ys []float64) (slope, intercept float64, ok bool) {
	n := float64(len(xs))
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	mx /= n
	my /= n
	var sxy, sxx float64
	for i := range xs {
		dx := xs[i] - mx
		sxy += dx * (ys[i] - my)
		sxx += dx * dx
	}
	if sxx == 0 {
		return 0, 0, false
	}
	slope = sxy / sxx
	return slope, my - slope*mx, true
}
