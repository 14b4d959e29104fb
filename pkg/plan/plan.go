// Package plan holds the model of a five-year plan (规划) and its indicators (指标),
// loads plan files strictly from versioned YAML with the line and column of every
// value kept for messages, validates them, and keeps the registry of plans: those
// embedded in the binary and those of a team's plan folders. Diff lists what
// changed between two plans.
package plan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/expr"
)

// SchemaV1 is the only plan schema this version of plancheck reads.
const SchemaV1 = "plancheck/v1"

// Default thresholds of spec §4: r ≥ Ahead is 快于预期, r ≥ OnTrack is 符合预期, and
// BindingOnTrack replaces OnTrack for a binding (约束性) indicator.
const (
	DefaultAhead          = 1.10
	DefaultOnTrack        = 0.95
	DefaultBindingOnTrack = 1.00
)

// Pos is a place in a plan file, 1-based.
type Pos struct {
	Line, Col int
}

// Plan is one version of a plan, as loaded and validated.
type Plan struct {
	Schema  string
	ID      string
	Version int
	Title   string
	Period  Period
	// BaselineYear is the year the baselines describe; the year before the
	// period unless the file says otherwise.
	BaselineYear int
	Issuer       string
	Issued       string
	Source       string
	Note         string
	// Thresholds holds the file's thresholds, or the defaults.
	Thresholds Thresholds
	Groups     []*Group

	// File is the name the plan was loaded from, for messages.
	File string
	// Warnings are what is odd in the file but leaves the plan valid (a
	// unit plancheck does not know), in file order; validate prints them.
	Warnings Problems
	// Embedded is true for a plan built into the binary (File is then
	// its name under EmbeddedDir).
	Embedded bool
	// pos maps a field name to the place of its value.
	pos map[string]Pos
}

// Period is the span of years a plan covers, both ends included.
type Period struct {
	Start, End int
}

// Years is the number of years in the period.
func (p Period) Years() int { return p.End - p.Start + 1 }

func (p Period) String() string { return fmt.Sprintf("%d—%d", p.Start, p.End) }

// Thresholds are the ratio r = progress / time progress at which a path target is
// judged ahead (快于预期) or on track (符合预期).
type Thresholds struct {
	Ahead          float64
	OnTrack        float64
	BindingOnTrack float64
}

// Group is a group of indicators as the plan prints it (一、就业).
type Group struct {
	Name       string
	Source     string
	Note       string
	Indicators []*Indicator
	Pos        Pos
}

// Attribute is an indicator's attribute (指标属性).
type Attribute int

// The two attributes a plan gives its indicators.
const (
	Expected Attribute = iota // 预期性
	Binding                   // 约束性
)

// String returns the attribute as the plan prints it.
func (a Attribute) String() string {
	if a == Binding {
		return "约束性"
	}
	return "预期性"
}

// English returns the attribute's English name, as JSON output uses it.
func (a Attribute) English() string {
	if a == Binding {
		return "binding"
	}
	return "expected"
}

// Direction says which way an indicator improves.
type Direction int

// The two directions; NoDirection where none applies or none is known.
const (
	NoDirection Direction = iota
	Up
	Down
)

func (d Direction) String() string {
	switch d {
	case Up:
		return "up"
	case Down:
		return "down"
	}
	return ""
}

// Judge is the way a target is judged (spec §4).
type Judge int

// Auto lets the rules of spec §4 decide; Path and Control override them.
const (
	Auto Judge = iota
	Path
	Control
)

func (j Judge) String() string {
	switch j {
	case Path:
		return "path"
	case Control:
		return "control"
	}
	return ""
}

// Indicator is one indicator (指标) of a plan.
type Indicator struct {
	ID   string
	Name string
	Unit string
	// Target is the target the tool judges against.
	Target expr.Expr
	// Baseline is the baseline as printed; Kind expr.None with an empty Text when
	// the plan gives none.
	Baseline  expr.Expr
	Attribute Attribute
	// Better holds the direction of improvement: one entry, or one per component
	// of a ratio; given in the file or implied by the target. Nil where the target
	// implies none and none was given (an invalid plan).
	Better []Direction
	Judge  Judge
	// Printed is the target exactly as the plan prints it where that differs from
	// Target; empty otherwise.
	Printed string
	// Precision is the number of decimals shown.
	Precision int
	Aliases   []string
	Note      string
	Source    string

	// Group is the name of the group the indicator belongs to.
	Group string
	// Number is the indicator's 1-based position in the plan.
	Number int

	pos map[string]Pos
}

// PrintedTarget is the target as the plan prints it.
func (ind *Indicator) PrintedTarget() string {
	if ind.Printed != "" {
		return ind.Printed
	}
	return ind.Target.Text
}

// Pos returns the place of the named field's value, or of the indicator itself.
func (ind *Indicator) Pos(field string) Pos { return ind.pos[field] }

// Pos returns the place of the named field's value, or of the plan's start.
func (p *Plan) Pos(field string) Pos { return p.pos[field] }

var sourceNumber = regexp.MustCompile(`#\s*(\d+)\s*$`)

// SourceNumber is the indicator's number in the table its source names
// ("专栏2 #16" → 16), or 0 when the source gives none.
func (ind *Indicator) SourceNumber() int {
	m := sourceNumber.FindStringSubmatch(ind.Source)
	if m == nil {
		return 0
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		return 0
	}
	return n
}

// SourceTable is the table the indicator's source numbers it in ("专栏2 #16"
// → "专栏2"), or "" when the source gives no number.
func (ind *Indicator) SourceTable() string {
	m := sourceNumber.FindStringIndex(ind.Source)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(ind.Source[:m[0]])
}

// MainTable is the table a plain number in an actuals workbook's id column
// refers to: the table of the plan's first numbered indicator (专栏2 in the
// 十四五 plan). The key-project boxes a later version adds number their items
// anew, and one item may hold several commitments, so their numbers name no
// single indicator.
func (p *Plan) MainTable() string {
	for _, ind := range p.Indicators() {
		if ind.SourceNumber() > 0 {
			return ind.SourceTable()
		}
	}
	return ""
}

// Indicators returns every indicator of the plan in order.
func (p *Plan) Indicators() []*Indicator {
	var all []*Indicator
	for _, g := range p.Groups {
		all = append(all, g.Indicators...)
	}
	return all
}

// Ref is the plan's reference, "id@version".
func (p *Plan) Ref() string { return fmt.Sprintf("%s@%d", p.ID, p.Version) }
