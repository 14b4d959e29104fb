package actuals

import (
	"math"
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
	NoValue ValueKind = "none"   // empty, or one of NoValueWords (—, /, 暂无, #N/A …)
	Amount  ValueKind = "amount" // a plain number: a level, or a cumulative indicator's amount for that year
	Total   ValueKind = "total"  // a bracketed number [27]: the cumulative total from the period start
	Parts   ValueKind = "ratio"  // 16:47:37
)

// NoValueWords are the texts that mean "no value" in a value cell,
// compared after NFKC (so － is -, Ｎ／Ａ is N/A) and upper-casing. An
// empty cell is no value too. The README's reading section lists them, and a
// test holds it to this list. #N/A is also no value as an error cell (Excel's
// NA()).
var NoValueWords = []string{"—", "——", "-", "--", "–", "…", "/", "无", "暂无", "无数据", "未统计", "待统计", "不详", "N/A", "NA", "#N/A"}

// ApproximatePrefixes and ApproximateSuffixes are the words around a number
// that say it is approximate or provisional (约72, 72左右, 72（快报）, 72*):
// the number is read, with a warning naming the word dropped, and the outcome
// is marked approximate. They are written as people type them and compared
// after NFKC, so (快报) is （快报） too.
var (
	ApproximatePrefixes = []string{"约"}
	ApproximateSuffixes = []string{"左右", "（快报）", "（预计）", "*", "※"}
)

// approximatePrefixes and approximateSuffixes are the words as compared,
// after NFKC.
var approximatePrefixes, approximateSuffixes = nfkcAll(ApproximatePrefixes), nfkcAll(ApproximateSuffixes)

func nfkcAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = norm.NFKC.String(w)
	}
	return out
}

// noValueMarkers is NoValueWords as a set, as compared (… is ... after
// NFKC), with the empty text.
var noValueMarkers = func() map[string]bool {
	m := map[string]bool{"": true}
	for _, w := range NoValueWords {
		m[strings.ToUpper(norm.NFKC.String(w))] = true
	}
	return m
}()

// isNoValue reports whether a value cell's text (after NFKC and trimming)
// means no value.
func isNoValue(s string) bool { return noValueMarkers[strings.ToUpper(s)] }

// parsedValue is one cell's value, in the plan's unit.
type parsedValue struct {
	kind   ValueKind
	number float64
	parts  []float64
	// unit is the unit the cell states (a percent format, a % sign, a unit
	// word after the number), if any.
	unit string
	// multiplier is 万 or 亿 written after the number without being part of
	// a unit word (42.5万): a multiple of the row's unit.
	multiplier string
	fraction   bool // a plain number a % indicator might have meant as a fraction
	// percentFormat is the number format of a percent-formatted cell.
	percentFormat string
	// dropped are the approximate words taken off the number (约, 左右 …).
	dropped approximateWords
}

// approximateWords are the approximate words taken off a number: 1 + the
// index of its prefix in ApproximatePrefixes and of its suffix in
// ApproximateSuffixes, 0 for none; suffix2 is a second suffix inside the
// first (72左右（快报）: 左右 is suffix2, （快报） suffix). Bytes, not strings:
// every cell's parsedValue carries them.
type approximateWords struct{ prefix, suffix, suffix2 uint8 }

// any reports whether a word was taken off: the value was written as
// approximate or provisional.
func (a approximateWords) any() bool { return a != approximateWords{} }

// words lists the words taken off, prefix first, as the lists write them.
func (a approximateWords) words() []string {
	var out []string
	if a.prefix > 0 {
		out = append(out, ApproximatePrefixes[a.prefix-1])
	}
	if a.suffix2 > 0 {
		out = append(out, ApproximateSuffixes[a.suffix2-1])
	}
	if a.suffix > 0 {
		out = append(out, ApproximateSuffixes[a.suffix-1])
	}
	return out
}

// multipliers are the words that multiply a number in front of a unit (or
// alone, of the row's unit), in the order they are tried.
var multipliers = [...]struct {
	word  string
	scale float64
}{{"万", 1e4}, {"亿", 1e8}}

// typedNumber is a number as people type it, taken apart: 42.5, 1,010,
// 1 010, 250人, 3.2万人, 42.5万, 98%.
type typedNumber struct {
	number     float64
	unit       string // a known unit written after the number, or ""
	multiplier string // 万 or 亿 written after the number and before any unit
}

// parseNumberText reads a number written as text: "43.6", "1,234",
// "1 234", " 5.4 ", "96.5%", "250人", "42.5万", "1.2亿元" (full-width already
// narrowed by NFKC). A unit word after the number must be a unit plancheck
// knows, or planUnit, the indicator's own (a unit plancheck does not know is
// read only where the plan uses it); 万 or 亿 before it (or alone) is a
// multiplier.
func parseNumberText(s, planUnit string) (typedNumber, bool) {
	end, grouped := scanNumber(s)
	if end == 0 {
		return typedNumber{}, false
	}
	var v float64
	var err error
	if grouped {
		var buf [64]byte
		digits := buf[:0]
		for i := 0; i < end; i++ {
			if c := s[i]; c != ',' && c != ' ' {
				digits = append(digits, c)
			}
		}
		v, err = strconv.ParseFloat(string(digits), 64)
	} else {
		v, err = strconv.ParseFloat(s[:end], 64)
	}
	if err != nil || math.IsInf(v, 0) {
		return typedNumber{}, false
	}
	t := typedNumber{number: v}
	tail := strings.TrimSpace(s[end:])
	if tail == "" {
		return t, true
	}
	if len(tail) > 2 && tail[0] == '(' && tail[len(tail)-1] == ')' {
		tail = strings.TrimSpace(tail[1 : len(tail)-1]) // 72(万人)
	}
	if _, ok := plan.LookupUnit(tail); ok && tail != "" || tail != "" && plan.SameUnit(tail, planUnit) {
		t.unit = tail
		return t, true
	}
	for _, m := range multipliers {
		if rest, ok := strings.CutPrefix(tail, m.word); ok {
			rest = strings.TrimSpace(rest)
			if _, known := plan.LookupUnit(rest); rest != "" && !known {
				return typedNumber{}, false
			}
			t.multiplier, t.unit = m.word, rest
			return t, true
		}
	}
	return typedNumber{}, false
}

// scanNumber finds the number at the start of s: a sign, digits, perhaps in
// groups of three after a comma or a space (1,010 or 1 010, one separator
// throughout, at most three digits before the first), and decimals. It
// returns where the number ends (0 for none) and whether it has separators
// to remove. 1,01 is the number 1 followed by ",01", which is no unit.
func scanNumber(s string) (end int, grouped bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == start {
		return 0, false
	}
	if i-start <= 3 && i < len(s) && (s[i] == ',' || s[i] == ' ') {
		sep := s[i]
		for i+3 < len(s) && s[i] == sep && isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(i+4 == len(s) || !isDigit(s[i+4])) {
			i += 4
			grouped = true
		}
	}
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	return i, grouped
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// trimApproximate takes the approximate words off a number's text: one
// prefix (约) and one suffix (左右, (快报), *), with the white space beside
// them. It returns the rest and the words, "" where there is none.
func trimApproximate(s string) (rest string, dropped approximateWords) {
	for i, w := range approximatePrefixes {
		if r, ok := strings.CutPrefix(s, w); ok {
			s, dropped.prefix = strings.TrimSpace(r), uint8(i+1)
			break
		}
	}
	for i, w := range approximateSuffixes {
		if r, ok := strings.CutSuffix(s, w); ok {
			s, dropped.suffix = strings.TrimSpace(r), uint8(i+1)
			break
		}
	}
	if dropped.suffix > 0 { // a second, inside the first: 72左右（快报）
		for i, w := range approximateSuffixes {
			if r, ok := strings.CutSuffix(s, w); ok && uint8(i+1) != dropped.suffix {
				s, dropped.suffix2 = strings.TrimSpace(r), uint8(i+1)
				break
			}
		}
	}
	return s, dropped
}

// totalBrackets are the brackets of a cumulative total as people type them:
// [27] (and ［27］, narrowed by NFKC), 【27】, 〔27〕.
var totalBrackets = [...][2]string{{"[", "]"}, {"【", "】"}, {"〔", "〕"}}

// bracketedTotal returns what is inside a total's brackets, and whether s is
// one.
func bracketedTotal(s string) (string, bool) {
	for _, b := range totalBrackets {
		if len(s) >= len(b[0])+len(b[1]) && strings.HasPrefix(s, b[0]) && strings.HasSuffix(s, b[1]) {
			return strings.TrimSpace(s[len(b[0]) : len(s)-len(b[1])]), true
		}
	}
	return "", false
}

// maxValueText is the longest text a value cell can hold and be read as a
// value, in bytes: about 340 Chinese characters, far more than a number
// with its words (约 9.3 万人（快报数）).
const maxValueText = 1024

// readValue reads a value cell for an indicator. It returns the reason the
// cell is bad, or "".
func readValue(c xlsx.Cell, ind *plan.Indicator, lang msg.Lang) (parsedValue, string) {
	pv, reason := readValueAsIs(c, ind, lang)
	pv.number = cleanNumber(pv.number)
	for i, p := range pv.parts {
		pv.parts[i] = cleanNumber(p)
	}
	return pv, reason
}

// cleanNumber is a value as an indicator can have it: one nearer zero than
// a billionth (5e-324, a denormal) is zero, and so is minus zero, so that
// no output prints -0, or 0.00 for a value whose reason says 5e-324.
func cleanNumber(v float64) float64 {
	if math.Abs(v) < 1e-9 {
		return 0
	}
	return v
}

// readValueAsIs is readValue before cleanNumber.
func readValueAsIs(c xlsx.Cell, ind *plan.Indicator, lang msg.Lang) (parsedValue, string) {
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
		if isNoValue(strings.TrimSpace(c.Text)) {
			return parsedValue{kind: NoValue}, "" // #N/A: Excel's "not available"
		}
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
	if len(c.Text) > maxValueText {
		// Not a number, however it ends; and not read a thousand times
		// over (one 100 KB string as every unit's value took 24 s).
		return parsedValue{}, lang.T("cell.not-number")
	}
	if r, ok := expr.CompatDigit(c.Text); ok {
		return parsedValue{}, lang.T("cell.compat-digit", string(r))
	}
	s := strings.TrimSpace(norm.NFKC.String(c.Text))
	if isNoValue(s) {
		return parsedValue{kind: NoValue}, ""
	}
	s, dropped := trimApproximate(s)
	if inner, ok := bracketedTotal(s); ok {
		if !cumulative {
			return parsedValue{}, lang.T("cell.bracket-not-cumul", ind.Name)
		}
		inner, innerDropped := trimApproximate(inner)
		dropped.prefix = max(dropped.prefix, innerDropped.prefix) // 约[9.3] or [约9.3]
		dropped.suffix = max(dropped.suffix, innerDropped.suffix)
		dropped.suffix2 = max(dropped.suffix2, innerDropped.suffix2)
		t, ok := parseNumberText(inner, ind.Unit)
		if !ok {
			return parsedValue{}, lang.T("cell.bracket-not-number")
		}
		if math.Abs(t.number) >= maxValue {
			return parsedValue{}, lang.T("cell.too-large")
		}
		return parsedValue{kind: Total, number: t.number, unit: t.unit, multiplier: t.multiplier, dropped: dropped}, ""
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
		return parsedValue{kind: Parts, parts: e.Parts, dropped: dropped}, ""
	}
	t, ok := parseNumberText(s, ind.Unit)
	if !ok {
		return parsedValue{}, lang.T("cell.not-number")
	}
	if math.Abs(t.number) >= maxValue {
		return parsedValue{}, lang.T("cell.too-large")
	}
	if ratio {
		return parsedValue{}, lang.T("cell.number-for-ratio", s, ind.Name)
	}
	return parsedValue{kind: Amount, number: t.number, unit: t.unit, multiplier: t.multiplier,
		fraction: t.unit == "" && t.multiplier == "", dropped: dropped}, ""
}

// round9 rounds to 9 decimals, the precision numbers are compared at (spec §4),
// so that 0.9615 × 100 is 96.15 and not 96.14999999999999.
func round9(v float64) float64 {
	return math.Round(v*1e9) / 1e9
}

// plausibility returns a warning for a value no indicator of its unit can
// have: a rate below 0 or above 100 %, a negative count.
func plausibility(v float64, unit string, lang msg.Lang) string {
	u, ok := plan.LookupUnit(unit)
	if !ok {
		return ""
	}
	switch {
	case u.Family == "%" && (v < 0 || v > 100):
		return lang.T("cell.implausible-rate", formatNumber(v))
	case u.Count && v < 0:
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
