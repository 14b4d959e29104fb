package expr

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Limits on what Parse accepts.
const (
	// MaxLen is the longest input, in bytes.
	MaxLen = 200
	// MaxNumberLen is the longest number, in characters, not counting a sign.
	MaxNumberLen = 30
	// MaxDecimals is the most digits a number may have after its point.
	MaxDecimals = 10
	// MaxMagnitude bounds the absolute value of every number (exclusive).
	MaxMagnitude = 1e18
)

// reasonGeneric is the reason given when the text is not recognisable as any
// form at all.
const reasonGeneric = "not a number, bound, [cumulative], range, ratio or —"

// Parse reads an expression as a plan prints it. The text is first normalised
// to NFKC, so full-width forms ("＞９５", "［１５］", "１５：４５：４０") read as their
// half-width equivalents; spaces (including U+3000 and U+00A0) may appear
// between any two tokens. The forms are:
//
//	15  43.6  -3  1,234     Number
//	[15]                    Cumulative
//	>95  ≥ 95  >=95  <5.5   Bound (also ⩾ ⩽ ≧ ≦ <=)
//	<[1700]                 Bound, Cumulative
//	83左右  约83             Approx
//	—  ——  -  –             None
//	15:45:40                Ratio (two or more non-negative parts)
//	2—3  2-3  2~3  [5—10]   Range (low below high; Cumulative when bracketed)
//
// The returned Expr has Text set to s exactly as given. Any other text gives
// an *Error.
func Parse(s string) (Expr, error) {
	fail := func(format string, args ...any) (Expr, error) {
		return Expr{}, &Error{Text: s, Reason: fmt.Sprintf(format, args...)}
	}
	if len(s) > MaxLen {
		return fail("too long")
	}
	toks, reason := tokenize(norm.NFKC.String(s))
	if reason != "" {
		return fail("%s", reason)
	}
	e, reason := parseTokens(toks)
	if reason != "" {
		return fail("%s", reason)
	}
	e.Text = s
	return e, nil
}

type tokKind int

const (
	tNum    tokKind = iota
	tDash           // — – - and runs of them: None, or a range separator
	tTilde          // ~: a range separator
	tLBr            // [
	tRBr            // ]
	tColon          // :
	tOp             // > ≥ < ≤
	tApprox         // 左右
	tAbout          // 约
)

type token struct {
	kind tokKind
	text string  // as normalised
	val  float64 // tNum
	dec  int     // tNum: digits after the point
	op   Op      // tOp
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isMinus reports whether r may be a minus sign.
func isMinus(r rune) bool { return r == '-' || r == '−' }

// isDash reports whether r is a dash: no value, or a range separator.
func isDash(r rune) bool {
	switch r {
	case '-', '−', '‐', '‒', '–', '—', '―', '⸺', '⸻':
		return true
	}
	return false
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// tokenize splits normalised text into tokens, or returns a reason it cannot.
func tokenize(s string) ([]token, string) {
	rs := []rune(s)
	var toks []token
	prevNum := func() bool { return len(toks) > 0 && toks[len(toks)-1].kind == tNum }
	// signAt reports whether rs[i] is a minus sign belonging to the number
	// that follows it.
	signAt := func(i int) bool {
		return isMinus(rs[i]) && i+1 < len(rs) && isDigit(rs[i+1]) && !prevNum()
	}
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isSpace(r):
			i++
		case isDigit(r) || r == '.' || signAt(i):
			t, n, reason := scanNumber(rs[i:])
			if reason != "" {
				return nil, reason
			}
			toks = append(toks, t)
			i += n
		case isDash(r):
			j := i + 1
			for j < len(rs) && isDash(rs[j]) && !(isMinus(rs[j]) && j+1 < len(rs) && isDigit(rs[j+1])) {
				j++
			}
			toks = append(toks, token{kind: tDash, text: string(rs[i:j])})
			i = j
		case r == '~' || r == '〜' || r == '∼':
			toks = append(toks, token{kind: tTilde, text: string(r)})
			i++
		case r == '[':
			toks = append(toks, token{kind: tLBr, text: "["})
			i++
		case r == ']':
			toks = append(toks, token{kind: tRBr, text: "]"})
			i++
		case r == ':' || r == '∶':
			toks = append(toks, token{kind: tColon, text: ":"})
			i++
		case r == '>' || r == '<':
			op, n := GT, 1
			if r == '<' {
				op = LT
			}
			if i+1 < len(rs) && rs[i+1] == '=' {
				op++ // GT→GE, LT→LE
				n = 2
			}
			toks = append(toks, token{kind: tOp, text: string(rs[i : i+n]), op: op})
			i += n
		case r == '≥' || r == '⩾' || r == '≧':
			toks = append(toks, token{kind: tOp, text: string(r), op: GE})
			i++
		case r == '≤' || r == '⩽' || r == '≦':
			toks = append(toks, token{kind: tOp, text: string(r), op: LE})
			i++
		case r == '左' && i+1 < len(rs) && rs[i+1] == '右':
			toks = append(toks, token{kind: tApprox, text: "左右"})
			i += 2
		case r == '约':
			toks = append(toks, token{kind: tAbout, text: "约"})
			i++
		case unicode.IsLetter(r):
			return nil, reasonGeneric
		default:
			return nil, fmt.Sprintf("unexpected %q", string(r))
		}
	}
	return toks, ""
}

// scanNumber reads a number, with an optional leading minus sign, from the
// start of rs. It returns the token, the runes read, or a reason it is bad.
func scanNumber(rs []rune) (token, int, string) {
	i := 0
	neg := false
	if isMinus(rs[0]) {
		neg = true
		i++
	}
	start := i
	for i < len(rs) && (isDigit(rs[i]) || rs[i] == ',' || rs[i] == '.') {
		i++
	}
	text := string(rs[start:i])
	if i < len(rs) && (rs[i] == 'e' || rs[i] == 'E') {
		return token{}, 0, "exponents are not allowed"
	}
	if len(text) > MaxNumberLen {
		return token{}, 0, fmt.Sprintf("number is longer than %d characters", MaxNumberLen)
	}
	intPart, frac, hasPoint := strings.Cut(text, ".")
	if intPart == "" || hasPoint && frac == "" || strings.Contains(frac, ".") {
		return token{}, 0, fmt.Sprintf("bad number %q", text)
	}
	if strings.Contains(frac, ",") || !thousandsOK(intPart) {
		return token{}, 0, fmt.Sprintf("bad thousands separator in %q", text)
	}
	if len(frac) > MaxDecimals {
		return token{}, 0, fmt.Sprintf("number %q has more than %d decimal places", text, MaxDecimals)
	}
	clean := strings.ReplaceAll(intPart, ",", "")
	if hasPoint {
		clean += "." + frac
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || v >= MaxMagnitude {
		return token{}, 0, fmt.Sprintf("number %q is too large", text)
	}
	if neg {
		text = "-" + text
		v = -v
	}
	if v == 0 {
		v = 0 // no negative zero
	}
	return token{kind: tNum, text: text, val: v, dec: len(frac)}, i, ""
}

// thousandsOK reports whether the integer part of a number is digits, or
// digits in groups of three separated by commas after a first group of one
// to three.
func thousandsOK(s string) bool {
	if !strings.Contains(s, ",") {
		return true
	}
	groups := strings.Split(s, ",")
	if n := len(groups[0]); n < 1 || n > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// parser walks the tokens of one expression.
type parser struct {
	toks []token
	p    int
}

func (ps *parser) peek(k tokKind) bool { return ps.p < len(ps.toks) && ps.toks[ps.p].kind == k }
func (ps *parser) end() bool           { return ps.p >= len(ps.toks) }
func (ps *parser) next() token         { t := ps.toks[ps.p]; ps.p++; return t }

// unexpected describes the token at the cursor, which does not fit.
func (ps *parser) unexpected() string {
	if ps.p == 0 {
		return reasonGeneric
	}
	t := ps.toks[ps.p]
	if t.kind == tRBr {
		return "missing ["
	}
	return fmt.Sprintf("unexpected %q", t.text)
}

// parseTokens reads the tokens as one expression, or returns a reason it
// cannot. Text is left empty.
func parseTokens(toks []token) (Expr, string) {
	if len(toks) == 0 {
		return Expr{}, "empty"
	}
	allDashes := true
	for _, t := range toks {
		allDashes = allDashes && t.kind == tDash
	}
	if allDashes {
		return Expr{Kind: None}, ""
	}

	ps := &parser{toks: toks}
	about := ps.peek(tAbout)
	if about {
		ps.next()
	}
	op := NoOp
	if ps.peek(tOp) {
		op = ps.next().op
		if ps.peek(tOp) {
			return Expr{}, "two operators"
		}
	}
	bracket := ps.peek(tLBr)
	if bracket {
		ps.next()
		switch {
		case ps.peek(tOp):
			t := ps.toks[ps.p]
			if ps.p+1 < len(ps.toks) && ps.toks[ps.p+1].kind == tNum {
				return Expr{}, fmt.Sprintf("operator inside brackets (write %s[%s])", t.op, ps.toks[ps.p+1].text)
			}
			return Expr{}, "operator inside brackets"
		case ps.peek(tRBr):
			return Expr{}, "empty brackets"
		}
	}

	// expectNum reads the number the grammar needs next; what names it for
	// a message when the text ends.
	expectNum := func(what string) (token, string) {
		if ps.peek(tNum) {
			return ps.next(), ""
		}
		if ps.end() {
			return token{}, what
		}
		return token{}, ps.unexpected()
	}
	var missing string
	switch {
	case bracket:
		missing = "missing number and ]"
	case op != NoOp:
		missing = "no number after " + op.String()
	default:
		missing = "no number after 约"
	}
	first, reason := expectNum(missing)
	if reason != "" {
		return Expr{}, reason
	}
	nums := []token{first}

	e := Expr{Kind: Number, Value: first.val}
	switch {
	case ps.peek(tDash) || ps.peek(tTilde):
		ps.next()
		high, reason := expectNum("range has no high end")
		if reason != "" {
			return Expr{}, reason
		}
		nums = append(nums, high)
		e.Kind, e.High = Range, high.val
	case ps.peek(tColon):
		e.Kind, e.Value = Ratio, 0
		for ps.peek(tColon) {
			ps.next()
			if ps.end() || ps.peek(tColon) {
				return Expr{}, "empty ratio part"
			}
			part, reason := expectNum("")
			if reason != "" {
				return Expr{}, reason
			}
			nums = append(nums, part)
		}
	}
	if bracket {
		if !ps.peek(tRBr) {
			if ps.end() {
				return Expr{}, "missing ]"
			}
			return Expr{}, ps.unexpected()
		}
		ps.next()
	}
	approx := about
	if ps.peek(tApprox) {
		if about {
			return Expr{}, "both 约 and 左右"
		}
		ps.next()
		approx = true
	}
	if !ps.end() {
		return Expr{}, ps.unexpected()
	}

	for _, n := range nums {
		e.Decimals = max(e.Decimals, n.dec)
	}
	switch e.Kind {
	case Ratio:
		switch {
		case bracket:
			return Expr{}, "a ratio cannot be cumulative"
		case op != NoOp:
			return Expr{}, "a ratio cannot be a bound"
		case approx:
			return Expr{}, "a ratio cannot be approximate"
		}
		e.Parts = make([]float64, len(nums))
		for i, n := range nums {
			if n.val < 0 {
				return Expr{}, fmt.Sprintf("ratio part %s is negative", n.text)
			}
			e.Parts[i] = n.val
		}
		return e, ""
	case Range:
		switch {
		case op != NoOp:
			return Expr{}, "a range cannot be a bound"
		case approx:
			return Expr{}, "a range cannot be approximate"
		case !(nums[0].val < nums[1].val):
			return Expr{}, fmt.Sprintf("range low end %s is not below high end %s", nums[0].text, nums[1].text)
		}
		e.Cumulative = bracket
		return e, ""
	}
	switch {
	case approx && op != NoOp:
		return Expr{}, "a bound cannot be approximate"
	case approx && bracket:
		return Expr{}, "a cumulative value cannot be approximate"
	case approx:
		e.Kind = Approx
	case op != NoOp:
		e.Kind, e.Op, e.Cumulative = Bound, op, bracket
	case bracket:
		e.Kind, e.Cumulative = Cumulative, true
	}
	return e, ""
}
