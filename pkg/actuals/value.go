package actuals

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/expr"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// ValueKind is what a value cell holds.
type ValueKind string

// The kinds of value a cell can hold (spec §3).
const (
	NoValue ValueKind = "none"   // —, -, /, 无, N/A, empty
	Amount  ValueKind = "amount" // a plain number: a level, or a cumulative indicator's amount for that year
	Total   ValueKind = "total"  // a bracketed number [27]: the cumulative total from the period start
	Parts   ValueKind = "ratio"  // 16:47:37
)

// noValueMarkers are the texts that mean "no value", compared after NFKC and
// upper-casing.
var noValueMarkers = map[string]bool{
	"": true, "—": true, "——": true, "-": true, "--": true, "/": true, "无": true,
	"N/A": true, "NA": true, "–": true, "…": true,
}

var (
	plainNumber = regexp.MustCompile(`^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$`)
	bracketed   = regexp.MustCompile(`^\[(.*)\]$`)
)

// parsedValue is one cell's value, in the plan's unit.
type parsedValue struct {
	kind   ValueKind
	number float64
	parts  []float64
	// unit is the unit the cell states (a percent format or a % sign), if any.
	unit     string
	fraction bool // a plain number a % indicator might have meant as a fraction
	// percentFormat is the number format of a percent-formatted cell.
	percentFormat string
}

// parseNumberText reads a number written as text: "43.6", "1,234", " 5.4 ",
// "96.5%" (full-width already narrowed by NFKC).
func parseNumberText(s string) (float64, string, bool) {
	unit := ""
	if strings.HasSuffix(s, "%") {
		unit = "%"
		s = strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	if !plainNumber.MatchString(s) {
		return 0, "", false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, "", false
	}
	return v, unit, true
}

// readValue reads a value cell for an indicator. It returns the reason the
// cell is bad, or "".
func readValue(c xlsx.Cell, ind *plan.Indicator, lang msg.Lang) (parsedValue, string) {
	ratio := ind.Target.Kind == expr.Ratio
	cumulative := ind.Target.IsCumulative()
	if c.Kind == xlsx.Text && c.Formula {
		// A formula's number result stored as text (excelize writes t="str"
		// for every formula) or computed here is still a number, and still
		// obeys the cell's percent format.
		if f, err := strconv.ParseFloat(strings.TrimSpace(c.Text), 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			c.Kind, c.Number = xlsx.Number, f
		}
	}
	switch c.Kind {
	case xlsx.Blank:
		return parsedValue{kind: NoValue}, ""
	case xlsx.Error:
		return parsedValue{}, lang.T("cell.error-value", c.Text)
	case xlsx.Bool:
		return parsedValue{}, lang.T("cell.not-number-bool", c.Text)
	case xlsx.Number:
		if math.Abs(c.Number) >= maxValue {
			return parsedValue{}, lang.T("cell.too-large")
		}
		if c.Date {
			if ratio && c.Number >= 0 && c.Number < 1 {
				return parsedValue{}, lang.T("cell.time-for-ratio")
			}
			return parsedValue{}, lang.T("cell.date-format", c.Format)
		}
		if ratio {
			return parsedValue{}, lang.T("cell.number-for-ratio", c.Text, ind.Name)
		}
		if c.Percent {
			// The stored value is the fraction; 0.9615 in a 0% cell is 96.15 %.
			return parsedValue{kind: Amount, number: round9(c.Number * 100), unit: "%", percentFormat: c.Format}, ""
		}
		return parsedValue{kind: Amount, number: c.Number, fraction: true}, ""
	}
	// Text.
	if c.Date {
		return parsedValue{}, lang.T("cell.date")
	}
	s := strings.TrimSpace(norm.NFKC.String(c.Text))
	if noValueMarkers[strings.ToUpper(s)] {
		return parsedValue{kind: NoValue}, ""
	}
	if m := bracketed.FindStringSubmatch(s); m != nil {
		if !cumulative {
			return parsedValue{}, lang.T("cell.bracket-not-cumul", ind.Name)
		}
		v, unit, ok := parseNumberText(strings.TrimSpace(m[1]))
		if !ok {
			return parsedValue{}, lang.T("cell.bracket-not-number")
		}
		if math.Abs(v) >= maxValue {
			return parsedValue{}, lang.T("cell.too-large")
		}
		return parsedValue{kind: Total, number: v, unit: unit}, ""
	}
	if strings.ContainsAny(s, ":") {
		if !ratio {
			return parsedValue{}, lang.T("cell.ratio-not-ratio", ind.Name)
		}
		e, err := expr.Parse(s)
		if err != nil || e.Kind != expr.Ratio {
			return parsedValue{}, lang.T("cell.not-ratio")
		}
		if len(e.Parts) != len(ind.Target.Parts) {
			return parsedValue{}, lang.T("cell.ratio-parts", len(e.Parts), ind.Target.Text, len(ind.Target.Parts))
		}
		return parsedValue{kind: Parts, parts: e.Parts}, ""
	}
	v, unit, ok := parseNumberText(s)
	if !ok {
		return parsedValue{}, lang.T("cell.not-number")
	}
	if math.Abs(v) >= maxValue {
		return parsedValue{}, lang.T("cell.too-large")
	}
	if ratio {
		return parsedValue{}, lang.T("cell.number-for-ratio", s, ind.Name)
	}
	return parsedValue{kind: Amount, number: v, unit: unit, fraction: unit == ""}, ""
}

// round9 rounds to 9 decimals, the precision numbers are compared at (spec §4),
// so that 0.9615 × 100 is 96.15 and not 96.14999999999999.
func round9(v float64) float64 {
	return math.Round(v*1e9) / 1e9
}

// countUnits are the units of counts, which cannot be negative.
var countUnits = map[string]bool{
	"people": true, "person-times": true, "个": true, "家": true, "户": true, "件": true,
	"份": true, "项": true, "所": true, "次": true,
}

// plausibility returns a warning for a value no indicator of its unit can
// have: a rate below 0 or above 100 %, a negative count.
func plausibility(v float64, unit string, lang msg.Lang) string {
	u, ok := plan.LookupUnit(unit)
	if !ok {
		return ""
	}
	switch {
	case u.Dimension == "percent" && (v < 0 || v > 100):
		return lang.T("cell.implausible-rate", formatNumber(v))
	case countUnits[u.Dimension] && v < 0:
		return lang.T("cell.negative-count", formatNumber(v), unit)
	}
	return ""
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// maxValue bounds every value read: no indicator of a district or a city
// reaches 10^15, and beyond it arithmetic on the values loses its digits.
const maxValue = 1e15

// magnitude warns of a value more than 100 times the plan's target or
// baseline: most often a count in 人 read into a 万人 indicator without a unit
// saying so.
func magnitude(v float64, ind *plan.Indicator, lang msg.Lang) string {
	if ind.Unit == "%" || ind.Target.Kind == expr.Ratio {
		return ""
	}
	scale := math.Abs(ind.Target.Value)
	if b := ind.Baseline; b.HasNumber() {
		scale = math.Max(scale, math.Abs(b.Number()))
	}
	if scale == 0 || math.Abs(v) <= 100*scale {
		return ""
	}
	return lang.T("cell.magnitude", formatNumber(v), ind.PrintedTarget(), ind.Unit)
}

// excelEpoch is day 0 of Excel's 1900 date system, as Excel counts it.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// displayText is a cell's text as a message quotes it: a date or time as the
// analyst sees it (2022-01-01, 16:47:37), not its serial number.
func displayText(c xlsx.Cell) string {
	if c.Kind != xlsx.Number || !c.Date || c.Number < 0 || c.Number > 2958465 {
		return c.Text
	}
	t := excelEpoch.Add(time.Duration(math.Round(c.Number*86400)) * time.Second)
	switch {
	case c.Number < 1:
		return t.Format("15:04:05")
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04:05")
}
