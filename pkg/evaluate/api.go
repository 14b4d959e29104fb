// Package evaluate judges a plan's indicators for one year (spec §4): pure
// functions from a plan, the values read for it and a year to outcomes, with the
// numbers behind each status and a reason a reader can check by hand. It does no
// I/O.
package evaluate

import (
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// Status is the judgement of one indicator for one year.
type Status string

// The statuses of spec §4.
const (
	Achieved    Status = "achieved"     // 完成 in the final year, 提前完成 before it
	Ahead       Status = "ahead"        // 快于预期
	OnTrack     Status = "on-track"     // 符合预期
	Lagging     Status = "lagging"      // 滞后
	NotAchieved Status = "not-achieved" // 未完成
	NoData      Status = "no-data"      // 无数据
)

// Statuses lists every status in the order summaries count them.
var Statuses = []Status{Achieved, Ahead, OnTrack, Lagging, NotAchieved, NoData}

// Kind is what an observation holds.
type Kind int

// The kinds of observation.
const (
	None   Kind = iota // the workbook says there is no value
	Amount             // a plain number: a level, or a cumulative indicator's amount for the year
	Total              // a bracketed number: a cumulative total from the period start through the year
	Parts              // a ratio's components
)

// Observation is one value the workbook gives an indicator for one year.
type Observation struct {
	Year   int
	Kind   Kind
	Number float64   // Amount, Total: in the plan's unit
	Parts  []float64 // Parts
	Text   string    // as written, for a ratio's actual
	Cell   string    // "Sheet!G9"
	// Approximate is true for a value written as approximate or provisional
	// (约72, 72（快报）).
	Approximate bool
}

// Projection is where an indicator is heading at the end of the period (预计).
type Projection struct {
	Value  float64
	Status ProjectionStatus
	Method string // how Value was found, e.g. "least-squares line through 4 points"
}

// ProjectionStatus says whether the projected final value meets the target.
type ProjectionStatus string

// The two projection statuses.
const (
	WillMeet ProjectionStatus = "will-meet" // 预计可如期完成
	AtRisk   ProjectionStatus = "at-risk"   // 预计完成有难度
)

// Outcome is one indicator judged for one year, with every number that
// produced its status. Pointers are nil where a number does not apply.
type Outcome struct {
	Indicator *plan.Indicator
	Entity    string
	Year      int
	// Final is true in the period's last year (achieved is then 完成, not 提前完成).
	Final bool
	Judge plan.Judge // Path or Control, never Auto
	// Actual is the value judged: the year's value, or a cumulative total.
	Actual *float64
	// ActualText is a ratio's actual ("16:47:37"); "" otherwise.
	ActualText string
	Baseline   *float64
	Target     *float64 // the number the target is judged against (a range's lower end)
	Required   *float64 // R(y), path targets with a baseline (or cumulative)
	Progress   *float64 // p
	// TimeProgress is f = (y − S + 1) / (E − S + 1).
	TimeProgress float64
	Ratio        *float64 // r = p / f
	Status       Status
	Reason       string
	Projection   *Projection
	// Cells are the cells the actual came from.
	Cells []string
	// Approximate is true when a value the actual came from was written as
	// approximate or provisional (约72, 72（快报）).
	Approximate bool
}

// Input is what an evaluation needs: the plan, the year, and the observations
// of each indicator the workbook reports (by indicator id). An indicator absent
// from Values is not reported and gets no outcome.
type Input struct {
	Plan   *plan.Plan
	Year   int
	Entity string
	Values map[string][]Observation
	// Lang is the language of the reasons and projection methods. The zero
	// value is English, as the tests of the rules read them; the CLI passes
	// the language of the run (Chinese by default).
	Lang msg.Lang
}

func (in Input) lang() msg.Lang {
	return in.Lang.OrEnglish()
}
