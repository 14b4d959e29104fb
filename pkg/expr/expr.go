// Package expr parses the target and baseline expressions of a plan, written as
// the plan prints them: "15", "[15]", "≥ 95", "83 左右", "15:45:40", "2—3", "<[1700]".
//
// Parse accepts full-width and half-width forms, with or without spaces between
// tokens; String prints the canonical half-width form, which Parse reads back to
// the same Expr.
package expr

import (
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// Kind is the shape of an expression.
type Kind int

// The kinds of expression a plan can print.
const (
	None       Kind = iota // "—", "-": no value
	Number                 // "15", "43.6": a level
	Cumulative             // "[15]": a total over the period (注：[]内为五年累计值)
	Bound                  // ">95", "≥ 95", "<[1700]": a strict or non-strict limit
	Approx                 // "83 左右": approximately; its number counts
	Range                  // "2—3", "[5—10]": from Value to High
	Ratio                  // "15:45:40": components in order
)

var kindNames = [...]string{
	None:       "none",
	Number:     "number",
	Cumulative: "cumulative",
	Bound:      "bound",
	Approx:     "approx",
	Range:      "range",
	Ratio:      "ratio",
}

// String returns the name of the kind: "none", "number", "cumulative",
// "bound", "approx", "range" or "ratio"; an unknown kind prints as "Kind(n)".
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Op is the comparison operator of a Bound.
type Op int

// The operators of a bound.
const (
	NoOp Op = iota
	GT      // >
	GE      // ≥
	LT      // <
	LE      // ≤
)

var opNames = [...]string{
	NoOp: "",
	GT:   ">",
	GE:   "≥",
	LT:   "<",
	LE:   "≤",
}

// String returns the operator as printed: ">", "≥", "<" or "≤"; NoOp prints
// as "" and an unknown operator as "Op(n)".
func (o Op) String() string {
	if o >= 0 && int(o) < len(opNames) {
		return opNames[o]
	}
	return "Op(" + strconv.Itoa(int(o)) + ")"
}

// Up reports whether the operator bounds from below (GT or GE): the value
// must be above the number.
func (o Op) Up() bool { return o == GT || o == GE }

// Strict reports whether the operator excludes its number (GT or LT).
func (o Op) Strict() bool { return o == GT || o == LT }

// Expr is a parsed expression.
type Expr struct {
	Kind Kind
	// Cumulative is true for a Cumulative expression and for a bracketed
	// Bound or Range ("<[1700]", "[5—10]").
	Cumulative bool
	Op         Op        // Bound only
	Value      float64   // Number, Cumulative, Bound, Approx; the lower end of a Range
	High       float64   // Range only: the upper end
	Parts      []float64 // Ratio only, in order
	// Decimals is the largest number of digits printed after a decimal point
	// in any number of the expression ("43.6" → 1, "15:45:40" → 0).
	Decimals int
	// Text is the expression exactly as written.
	Text string
}

// IsCumulative reports whether the expression is a total over the period:
// a Cumulative expression, or a bracketed Bound or Range.
func (e Expr) IsCumulative() bool { return e.Cumulative || e.Kind == Cumulative }

// HasNumber reports whether the expression has a single number to compare
// with: true for Number, Cumulative, Bound, Approx and Range.
func (e Expr) HasNumber() bool {
	switch e.Kind {
	case Number, Cumulative, Bound, Approx, Range:
		return true
	}
	return false
}

// Number returns the number of an expression for which HasNumber is true:
// Value, which for a Range is its lower end. It returns 0 for None and Ratio.
func (e Expr) Number() float64 {
	if e.HasNumber() {
		return e.Value
	}
	return 0
}

// String returns the canonical half-width form of the expression: "15",
// "[15]", ">95", "≥95", "<[1700]", "83左右", "—", "15:45:40", "2—3", "[5—10]".
// Every number is printed with exactly Decimals digits after the point (a
// negative Decimals prints the shortest form). Parse reads the result back to
// an equal Expr, except for Text.
func (e Expr) String() string {
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', e.Decimals, 64) }
	wrap := func(s string) string {
		if e.Cumulative {
			return "[" + s + "]"
		}
		return s
	}
	switch e.Kind {
	case None:
		return "—"
	case Number:
		return num(e.Value)
	case Cumulative:
		return "[" + num(e.Value) + "]"
	case Bound:
		return e.Op.String() + wrap(num(e.Value))
	case Approx:
		return num(e.Value) + "左右"
	case Range:
		return wrap(num(e.Value) + "—" + num(e.High))
	case Ratio:
		parts := make([]string, len(e.Parts))
		for i, p := range e.Parts {
			parts[i] = num(p)
		}
		return strings.Join(parts, ":")
	}
	return e.Kind.String()
}

// Error is the error Parse returns for an expression it cannot read.
type Error struct {
	Text   string // the expression exactly as given
	Reason string // what was wrong, in lower case English

	reason *msg.Error // Reason as a catalogue message
}

// Error returns `bad expression "text": reason`.
func (e *Error) Error() string { return e.Message().Error() }

// Message is e as a catalogue message, for a caller that words it in the
// reader's language.
// An Error made by hand, with Reason alone, gives Reason in either language.
func (e *Error) Message() *msg.Error {
	if e.reason == nil {
		return msg.Errorf("expr.bad", msg.Quoted(e.Text), e.Reason)
	}
	return msg.Errorf("expr.bad", msg.Quoted(e.Text), e.reason)
}
