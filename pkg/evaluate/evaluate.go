package evaluate

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"

	"github.com/jlp-hrss/plancheck/pkg/expr"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// TimeProgress is 时序进度 f = (y − S + 1) / (E − S + 1): 2023 in 2021–2025 is 0.6.
func TimeProgress(p plan.Period, year int) float64 {
	return float64(year-p.Start+1) / float64(p.Years())
}

// round rounds to the given decimals. Values meet targets after rounding to 9
// decimals; p and r meet thresholds after rounding to 6 (spec §4), so that
// 112 → 115 at 113.71 in 2023 is r = 0.95 exactly.
func round(v float64, decimals int) float64 {
	scale := math.Pow(10, float64(decimals))
	return math.Round(v*scale) / scale
}

func r9(v float64) float64 { return round(v, 9) }
func r6(v float64) float64 { return round(v, 6) }

func ptr(v float64) *float64 { return &v }

// num formats an input number as written: 44.74, 60, 0.6.
func num(v float64) string { return strconv.FormatFloat(r9(v), 'f', -1, 64) }

// percentOf formats a share as a percentage to one decimal, a trailing .0
// dropped: 0.869 is 86.9%, 0.6 is 60%.
func percentOf(v float64) string {
	s := strconv.FormatFloat(v*100, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0") + "%"
}

// frac formats a derived ratio to 3 decimals, trailing zeros dropped.
func frac(v float64) string {
	s := strconv.FormatFloat(v, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// baselineNumber is the number a baseline stands for: a number, an
// approximate number (83 左右), or a bound's number (>60 counts as 60).
func baselineNumber(ind *plan.Indicator) (float64, bool) {
	switch ind.Baseline.Kind {
	case expr.Number, expr.Approx, expr.Bound, expr.Cumulative:
		return ind.Baseline.Value, true
	case expr.Range:
		return ind.Baseline.Value, true
	}
	return 0, false
}

// direction is the indicator's single direction of improvement (Up where the
// plan has none, which validation does not allow).
func direction(ind *plan.Indicator) plan.Direction {
	if len(ind.Better) == 1 {
		return ind.Better[0]
	}
	return plan.Up
}

// Judge is the way an indicator is judged (spec §4): the plan's judge where it
// sets one; otherwise control for targets that must hold every year (a bound
// the baseline already meets, a bound with no baseline, a level equal to its
// baseline, a ratio, a cumulative ceiling) and path for targets to move
// towards (cumulative totals, a level away from its baseline, a bound the
// baseline is on the wrong side of, a level with no baseline).
func Judge(ind *plan.Indicator) plan.Judge {
	if ind.Judge != plan.Auto {
		return ind.Judge
	}
	t := ind.Target
	switch {
	case t.Kind == expr.Ratio:
		return plan.Control
	case t.Kind == expr.Bound && t.Cumulative:
		if !t.Op.Up() {
			return plan.Control // a ceiling on the total: it holds while within
		}
		return plan.Path
	case t.Kind == expr.Cumulative || t.Cumulative:
		return plan.Path
	case t.Kind == expr.Bound:
		b, ok := baselineNumber(ind)
		if !ok || b == t.Value || meetsBound(b, t.Op, t.Value) {
			return plan.Control
		}
		return plan.Path
	default: // a level: number, approximate, range
		b, ok := baselineNumber(ind)
		if ok && r9(b) == r9(t.Value) {
			return plan.Control
		}
		return plan.Path
	}
}

// meetsBound reports whether v satisfies "op x", compared at 9 decimals.
func meetsBound(v float64, op expr.Op, x float64) bool {
	v, x = r9(v), r9(x)
	switch op {
	case expr.GT:
		return v > x
	case expr.GE:
		return v >= x
	case expr.LT:
		return v < x
	case expr.LE:
		return v <= x
	}
	return false
}

// levelOp is the comparison a level target X means for a direction: at least X
// when up is better, at most X when down is.
func levelOp(d plan.Direction) expr.Op {
	if d == plan.Down {
		return expr.LE
	}
	return expr.GE
}

// targetOp is the comparison the final target asks for.
func targetOp(ind *plan.Indicator) expr.Op {
	if ind.Target.Kind == expr.Bound {
		return ind.Target.Op
	}
	return levelOp(direction(ind))
}

// Evaluate judges every indicator the input reports, in plan order.
func Evaluate(in Input) ([]Outcome, error) {
	p := in.Plan
	if in.Year < p.Period.Start || in.Year > p.Period.End {
		return nil, fmt.Errorf("year %d is outside the plan's period %s", in.Year, p.Period)
	}
	var out []Outcome
	for _, ind := range p.Indicators() {
		obs, reported := in.Values[ind.ID]
		if !reported {
			continue
		}
		o := evaluateIndicator(p, ind, in.Year, obs, in.lang())
		o.Entity = in.Entity
		out = append(out, o)
	}
	return out, nil
}

// byYear indexes observations by year; the reader never gives two for one year.
func byYear(obs []Observation) map[int]Observation {
	m := make(map[int]Observation, len(obs))
	for _, o := range obs {
		m[o.Year] = o
	}
	return m
}

func evaluateIndicator(p *plan.Plan, ind *plan.Indicator, year int, obs []Observation, lang msg.Lang) Outcome {
	o := Outcome{
		Indicator:    ind,
		Year:         year,
		Final:        year == p.Period.End,
		Judge:        Judge(ind),
		TimeProgress: TimeProgress(p.Period, year),
	}
	if b, ok := baselineNumber(ind); ok && ind.Target.Kind != expr.Ratio {
		o.Baseline = ptr(b)
	}
	if ind.Target.Kind != expr.Ratio {
		o.Target = ptr(ind.Target.Value)
	}
	values := byYear(obs)

	// The actual: the year's value, or the cumulative total through it.
	var actual float64
	switch {
	case ind.Target.Kind == expr.Ratio:
		v, ok := values[year]
		if !ok || v.Kind != Parts {
			return noData(o, lang.T("reason.no-value", year))
		}
		o.ActualText, o.Cells, o.Approximate = v.Text, []string{v.Cell}, v.Approximate
		return judgeRatio(o, ind, v.Parts, lang)
	case ind.Target.IsCumulative():
		total, cells, missing, approximate := cumulativeTotal(p.Period.Start, year, values)
		if missing != nil {
			return noData(o, lang.T("reason.no-total", year, joinYears(missing, lang.T("punct.enumeration"))))
		}
		actual, o.Cells, o.Approximate = total, cells, approximate
	default:
		v, ok := values[year]
		if !ok || v.Kind != Amount {
			return noData(o, lang.T("reason.no-value", year))
		}
		actual, o.Cells, o.Approximate = v.Number, []string{v.Cell}, v.Approximate
	}
	o.Actual = ptr(actual)

	if o.Judge == plan.Control {
		o = judgeControl(o, ind, actual, lang)
	} else {
		o = judgePath(o, p, ind, actual, lang)
	}
	o.Projection = project(p, ind, year, values, o.Baseline, lang)
	return o
}

func noData(o Outcome, reason string) Outcome {
	o.Status, o.Reason = NoData, reason
	return o
}

func joinYears(ys []int, sep string) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, sep)
}

// cumulativeTotal is the total from the period start through year: the latest
// bracketed total at or before year plus the bare amounts of the years after
// it, or, with no bracketed total, the sum of every year's amount. It returns
// the years whose value is missing, and whether any value added was
// approximate.
func cumulativeTotal(start, year int, values map[int]Observation) (float64, []string, []int, bool) {
	from, total, approximate := start, 0.0, false
	var cells []string
	for y := year; y >= start; y-- {
		if v, ok := values[y]; ok && v.Kind == Total {
			from, total, cells, approximate = y+1, v.Number, []string{v.Cell}, v.Approximate
			break
		}
	}
	var missing []int
	for y := from; y <= year; y++ {
		v, ok := values[y]
		if !ok || v.Kind != Amount {
			missing = append(missing, y)
			continue
		}
		total += v.Number
		cells = append(cells, v.Cell)
		approximate = approximate || v.Approximate
	}
	sort.Strings(cells)
	return r9(total), cells, missing, approximate
}

// judgeControl judges a target that must hold in every year.
func judgeControl(o Outcome, ind *plan.Indicator, actual float64, lang msg.Lang) Outcome {
	op := targetOp(ind)
	target := ind.Target.Value
	met := meetsBound(actual, op, target)
	shown := num(actual)
	if ind.Target.IsCumulative() {
		shown = "[" + shown + "]"
	}
	if met {
		o.Reason = lang.T("reason.control-met", shown, op, num(target))
		o.Status = OnTrack
		if o.Final {
			o.Status = Achieved
		}
		return o
	}
	o.Reason = lang.T("reason.control-not-met", shown, op, num(target))
	o.Status = Lagging
	if ind.Attribute == plan.Binding || o.Final {
		o.Status = NotAchieved
	}
	return o
}

// judgeRatio judges a ratio: each component against its own direction.
func judgeRatio(o Outcome, ind *plan.Indicator, parts []float64, lang msg.Lang) Outcome {
	o.Judge = plan.Control
	t := ind.Target.Parts
	if len(parts) != len(t) {
		return noData(o, lang.T("reason.ratio-parts", len(parts), len(t)))
	}
	var checks []string
	met := true
	for i := range t {
		d := plan.Up
		if i < len(ind.Better) {
			d = ind.Better[i]
		}
		op := levelOp(d)
		ok := meetsBound(parts[i], op, t[i])
		met = met && ok
		check := "reason.ratio-check"
		if !ok {
			check = "reason.ratio-check-fails"
		}
		checks = append(checks, lang.T(msg.Key(check), num(parts[i]), op, num(t[i])))
	}
	verdict := lang.T("reason.ratio-hold")
	if !met {
		verdict = lang.T("reason.ratio-not-hold")
	}
	o.Reason = lang.T("reason.ratio", o.ActualText, ind.Target.Text, strings.Join(checks, lang.T("reason.ratio-separator")), verdict)
	switch {
	case met && o.Final:
		o.Status = Achieved
	case met:
		o.Status = OnTrack
	case ind.Attribute == plan.Binding || o.Final:
		o.Status = NotAchieved
	default:
		o.Status = Lagging
	}
	return o
}

// judgePath judges a target to move towards.
func judgePath(o Outcome, p *plan.Plan, ind *plan.Indicator, actual float64, lang msg.Lang) Outcome {
	x := ind.Target.Value
	op := targetOp(ind)
	met := meetsBound(actual, op, x)
	f := o.TimeProgress
	cumulative := ind.Target.IsCumulative()

	var base float64
	hasBase := false
	if cumulative {
		hasBase = true // a total starts from zero
	} else if o.Baseline != nil {
		base, hasBase = *o.Baseline, true
	}

	if hasBase && r9(x-base) != 0 {
		var required, progress float64
		if cumulative {
			required, progress = x*f, actual/x
		} else {
			required, progress = base+(x-base)*f, (actual-base)/(x-base)
		}
		// p and r are each rounded once, from the exact quotients (spec §4).
		pr := r6(progress)
		ratio := r6(progress / f)
		o.Required, o.Progress, o.Ratio = ptr(r9(required)), ptr(pr), ptr(ratio)
		// In Chinese, progress and time progress read as percentages.
		share := func(v float64) string {
			if lang == msg.English {
				return frac(v)
			}
			return percentOf(v)
		}
		var way string
		if cumulative {
			way = lang.T("reason.way-cumulative", num(actual), num(x), share(pr))
		} else {
			way = lang.T("reason.way-level", num(actual), num(base), num(x), num(base), share(pr))
		}
		reason := lang.T("reason.path", way, share(f), frac(ratio))
		onTrack := p.Thresholds.OnTrack
		if ind.Attribute == plan.Binding {
			onTrack = p.Thresholds.BindingOnTrack
		}
		switch {
		case met:
			o.Status, o.Reason = Achieved, reason+lang.T("reason.path-reached", num(actual), op, num(x))
		case o.Final:
			o.Status, o.Reason = NotAchieved, reason+lang.T("reason.path-final-missed", num(actual), op, num(x))
		case ratio >= p.Thresholds.Ahead:
			o.Status, o.Reason = Ahead, reason+lang.T("reason.path-ahead", p.Thresholds.Ahead)
		case ratio >= onTrack:
			o.Status, o.Reason = OnTrack, reason+lang.T("reason.path-on-track", onTrack)
		default:
			o.Status, o.Reason = Lagging, reason+lang.T("reason.path-lagging", onTrack)
		}
		return o
	}

	// A level with no baseline (or one equal to the target, judged as a path
	// by the plan's choice) is judged against the target alone.
	switch {
	case met:
		o.Status, o.Reason = Achieved, lang.T("reason.reached", num(actual), op, num(x))
	case o.Final:
		o.Status, o.Reason = NotAchieved, lang.T("reason.final-missed", num(actual), op, num(x))
	default:
		o.Status, o.Reason = Lagging, lang.T("reason.no-baseline", num(actual), op, num(x))
	}
	return o
}
