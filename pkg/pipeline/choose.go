package pipeline

import (
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// bestPlan is the plan whose indicators the table's rows match best (rows in
// a year of the plan's period); on a tie, the plan whose period holds
// yearHint, then the later period, then the newer version. The note says
// which was chosen and why.
func bestPlan(fit *actuals.Fit, file string, yearHint int, lang msg.Lang) (*plan.Plan, string, error) {
	holds := func(p *plan.Plan) bool { return yearHint >= p.Period.Start && yearHint <= p.Period.End }
	var best *plan.Plan
	bestN := 0
	for i, p := range fit.Plans {
		n := fit.Counts[i]
		if n == 0 {
			continue
		}
		better := best == nil || n > bestN
		if !better && n == bestN {
			switch {
			case holds(p) != holds(best):
				better = holds(p)
			case p.ID == best.ID:
				better = p.Version > best.Version
			default:
				better = p.Period.End > best.Period.End
			}
		}
		if better {
			best, bestN = p, n
		}
	}
	if best == nil {
		return nil, "", Hint(errors.New(lang.T("error.no-plan-matches", file)), lang.T("hint.name-plan"))
	}
	note := lang.T("note.plan-chosen", best.Ref(), bestN, fit.Rows, best.Period)
	return best, note, nil
}

// YearsInName lists the distinct years a file name holds, in order
// (actuals.YearsIn).
func YearsInName(path string) []int { return actuals.YearsIn(filepath.Base(path)) }

// yearHint is the year plan choice leans on: --year, else the one year in the
// file name, else the table's latest year.
func yearHint(given int, path string, latest int) int {
	if given != 0 {
		return given
	}
	if ys := YearsInName(path); len(ys) == 1 {
		return ys[0]
	}
	return latest
}

// evalYear is --year, else the year in the file name, else the latest year
// with a value. A name with several years takes the one that is also the
// latest year with a value, or asks for --year. It says how it chose when it
// was not given.
func evalYear(given int, path string, p *plan.Plan, latest int, lang msg.Lang) (int, string, error) {
	year, how := given, ""
	if year == 0 {
		switch ys := YearsInName(path); {
		case len(ys) == 1:
			year, how = ys[0], lang.T("note.year-from-name")
		case len(ys) > 1 && slices.Contains(ys, latest):
			year, how = latest, lang.T("note.year-name-latest", joinInts(ys, lang), latest)
		case len(ys) > 1:
			return 0, "", Hint(errors.New(lang.T("error.several-years", path, joinInts(ys, lang))), lang.T("hint.give-year"))
		default:
			year, how = latest, lang.T("note.year-latest")
		}
	}
	if year == 0 {
		return 0, "", Hint(errors.New(lang.T("error.no-year", path)), lang.T("hint.give-one-year"))
	}
	if year < p.Period.Start || year > p.Period.End {
		hint := lang.T("hint.year-or-plan")
		if given != 0 {
			hint = lang.T("hint.plan-holding-year")
		}
		return 0, "", Hint(errors.New(lang.T("error.year-outside", path, year, p.Period, p.Ref())), hint)
	}
	return year, how, nil
}

func joinInts(ns []int, lang msg.Lang) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, lang.T("list.separator-numbers"))
}

// HintError is an error with a line that says how to fix it.
type HintError struct {
	Err     error
	HintMsg string
}

// Hint adds a line that says how to fix err.
func Hint(err error, hint string) error { return &HintError{Err: err, HintMsg: hint} }

func (e *HintError) Error() string { return e.Err.Error() }
func (e *HintError) Unwrap() error { return e.Err }

// Hint is the line that says how to fix the error.
func (e *HintError) Hint() string { return e.HintMsg }
