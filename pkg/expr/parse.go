package expr

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/jlp-hrss/plancheck/pkg/msg"
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
var reasonGeneric = msg.Errorf("expr.generic")

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
	fail := func(reason *msg.Error) (Expr, error) {
		return Expr{}, &Error{Text: s, Reason: reason.Error(), reason: reason}
	}
	if len(s) > MaxLen {
		return fail(msg.Errorf("expr.too-long"))
	}
	if r, ok := CompatDigit(s); ok {
		return fail(msg.Errorf("expr.compat-digit", string(r)))
	}
	toks, reason := tokenize(norm.NFKC.String(s))
	if reason != nil {
		return fail(reason)
	}
	e, reason := parseTokens(toks)
	if reason != nil {
		return fail(reason)
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
func tokenize(s string) ([]token, *msg.Error) {
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
			if reason != nil {
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
			return nil, msg.Errorf("expr.unexpected", msg.Quoted(string(r)))
		}
	}
	return toks, nil
}

// scanNumber reads a number, with an optional leading minus sign, from the
// start of rs. It returns the token, the runes read, or a reason it is bad.
func scanNumber(rs []rune) (token, int, *msg.Error) {
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
		return token{}, 0, msg.Errorf("expr.exponent")
	}
	if len(text) > MaxNumberLen {
		return token{}, 0, msg.Errorf("expr.number-too-long", MaxNumberLen)
	}
	intPart, frac, hasPoint := strings.Cut(text, ".")
	if intPart == "" || hasPoint && frac == "" || strings.Contains(frac, ".") {
		return token{}, 0, msg.Errorf("expr.bad-number", text)
	}
	if strings.Contains(frac, ",") || !thousandsOK(intPart) {
		return token{}, 0, msg.Errorf("expr.thousands", text)
	}
	if len(frac) > MaxDecimals {
		return token{}, 0, msg.Errorf("expr.decimals", text, MaxDecimals)
	}
	clean := strings.ReplaceAll(intPart, ",", "")
	if hasPoint {
		clean += "." + frac
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || v >= MaxMagnitude {
		return token{}, 0, msg.Errorf("expr.too-large", text)
	}
	if neg {
		text = "-" + text
		v = -v
	}
	if v == 0 {
		v = 0 // no negative zero
	}
	return token{kind: tNum, text: text, val: v, dec: len(frac)}, i, nil
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
func (ps *parser) unexpected() *msg.Error {
	if ps.p == 0 {
		return reasonGeneric
	}
	t := ps.toks[ps.p]
	if t.kind == tRBr {
		return msg.Errorf("expr.missing-open")
	}
	return msg.Errorf("expr.unexpected", msg.Quoted(t.text))
}

// parseTokens reads the tokens as one expression, or returns a reason it
// cannot. Text is left empty.
func parseTokens(toks []token) (Expr, *msg.Error) {
	if len(toks) == 0 {
		return Expr{}, msg.Errorf("expr.empty")
	}
	allDashes := true
	for _, t := range toks {
		allDashes = allDashes && t.kind == tDash
	}
	if allDashes {
		return Expr{Kind: None}, nil
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
			return Expr{}, msg.Errorf("expr.two-operators")
		}
	}
	bracket := ps.peek(tLBr)
	if bracket {
		ps.next()
		switch {
		case ps.peek(tOp):
			t := ps.toks[ps.p]
			if ps.p+1 < len(ps.toks) && ps.toks[ps.p+1].kind == tNum {
				return Expr{}, msg.Errorf("expr.operator-in-brackets-write", t.op.String(), ps.toks[ps.p+1].text)
			}
			return Expr{}, msg.Errorf("expr.operator-in-brackets")
		case ps.peek(tRBr):
			return Expr{}, msg.Errorf("expr.empty-brackets")
		}
	}

	// expectNum reads the number the grammar needs next; what names it for
	// a message when the text ends.
	expectNum := func(what *msg.Error) (token, *msg.Error) {
		if ps.peek(tNum) {
			return ps.next(), nil
		}
		if ps.end() {
			return token{}, what
		}
		return token{}, ps.unexpected()
	}
	var missing *msg.Error
	switch {
	case bracket:
		missing = msg.Errorf("expr.missing-number-and-close")
	case op != NoOp:
		missing = msg.Errorf("expr.no-number-after", op.String())
	default:
		missing = msg.Errorf("expr.no-number-after", "约")
	}
	first, reason := expectNum(missing)
	if reason != nil {
		return Expr{}, reason
	}
	nums := []token{first}

	e := Expr{Kind: Number, Value: first.val}
	switch {
	case ps.peek(tDash) || ps.peek(tTilde):
		ps.next()
		high, reason := expectNum(msg.Errorf("expr.range-no-high"))
		if reason != nil {
			return Expr{}, reason
		}
		nums = append(nums, high)
		e.Kind, e.High = Range, high.val
	case ps.peek(tColon):
		e.Kind, e.Value = Ratio, 0
		for ps.peek(tColon) {
			ps.next()
			if ps.end() || ps.peek(tColon) {
				return Expr{}, msg.Errorf("expr.empty-ratio-part")
			}
			part, reason := expectNum(nil)
			if reason != nil {
				return Expr{}, reason
			}
			nums = append(nums, part)
		}
	}
	if bracket {
		if !ps.peek(tRBr) {
			if ps.end() {
				return Expr{}, msg.Errorf("expr.missing-close")
			}
			return Expr{}, ps.unexpected()
		}
		ps.next()
	}
	approx := about
	if ps.peek(tApprox) {
		if about {
			return Expr{}, msg.Errorf("expr.both-approx")
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
			return Expr{}, msg.Errorf("expr.ratio-cumulative")
		case op != NoOp:
			return Expr{}, msg.Errorf("expr.ratio-bound")
		case approx:
			return Expr{}, msg.Errorf("expr.ratio-approx")
		}
		e.Parts = make([]float64, len(nums))
		for i, n := range nums {
			if n.val < 0 {
				return Expr{}, msg.Errorf("expr.ratio-negative", n.text)
			}
			e.Parts[i] = n.val
		}
		return e, nil
	case Range:
		switch {
		case op != NoOp:
			return Expr{}, msg.Errorf("expr.range-bound")
		case approx:
			return Expr{}, msg.Errorf("expr.range-approx")
		case !(nums[0].val < nums[1].val):
			return Expr{}, msg.Errorf("expr.range-order", nums[0].text, nums[1].text)
		}
		e.Cumulative = bracket
		return e, nil
	}
	switch {
	case approx && op != NoOp:
		return Expr{}, msg.Errorf("expr.bound-approx")
	case approx && bracket:
		return Expr{}, msg.Errorf("expr.cumulative-approx")
	case approx:
		e.Kind = Approx
	case op != NoOp:
		e.Kind, e.Op, e.Cumulative = Bound, op, bracket
	case bracket:
		e.Kind, e.Cumulative = Cumulative, true
	}
	return e, nil
}

// CompatDigit finds the first character of s that NFKC would turn into a
// digit but that is not one as written: a superscript (5.3¹), a subscript
// (5₃), a circled or parenthesised number (⑤, ⑴), a fraction (½), a
// mathematical digit. Folding them would make wrong numbers (5.3¹ is not
// 5.31); full-width digits (５) are ordinary digits typed with a Chinese
// input method and are not reported.
//
// A unit keeps its powers: a superscript after a letter (m², km³) and a
// character that is a unit of its own (㎡, ㎥: NFKC gives m2, m3) are not
// reported.
func CompatDigit(s string) (rune, bool) {
	prev := rune(0)
	for _, r := range s {
		// ASCII, full-width digits and Chinese characters (none folds to
		// a digit) go by without folding: a long Chinese text is cheap.
		if r < 0x80 || (r >= '０' && r <= '９') || unicode.Is(unicode.Han, r) {
			prev = r
			continue
		}
		folded := norm.NFKC.String(string(r))
		if strings.ContainsAny(folded, "0123456789") && !strings.ContainsFunc(folded, unicode.IsLetter) && !isLatinLetter(prev) {
			return r, true
		}
		prev = r
	}
	return 0, false
}

// isLatinLetter reports whether r is a letter of a unit's symbol (m, k, g).
func isLatinLetter(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }
