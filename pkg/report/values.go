package report

import (
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// ValueDecimals is how many decimals a value is shown with: its own, as the
// workbook gives them (56.1 stays 56.1 beside a baseline of 44.74), but no
// more than the indicator's precision or two, whichever is more — so that a
// formula's 96.283333333 shows as 96.28, and an analyst's 97.1 against a
// plan's 95 keeps its decimal.
func ValueDecimals(v float64, ind *plan.Indicator) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	own := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		own = len(s) - i - 1
	}
	return min(own, max(ind.Precision, 2))
}

// FormatValue prints a value with ValueDecimals decimals.
func FormatValue(v float64, ind *plan.Indicator) string {
	return strconv.FormatFloat(v, 'f', ValueDecimals(v, ind), 64)
}

// ActualText is the actual as the completion table prints it: [9.4] for a
// cumulative total, the ratio as written, — for none.
func ActualText(o evaluate.Outcome) string {
	switch {
	case o.ActualText != "":
		return o.ActualText
	case o.Actual == nil:
		return "—"
	case o.Indicator.Target.IsCumulative():
		return "[" + FormatValue(*o.Actual, o.Indicator) + "]"
	}
	return FormatValue(*o.Actual, o.Indicator)
}

// Percent is a fraction as a percentage with at most one decimal (60%,
// 67.5%), or — for none.
func Percent(v *float64) string {
	if v == nil {
		return "—"
	}
	s := strconv.FormatFloat(*v*100, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0") + "%"
}
