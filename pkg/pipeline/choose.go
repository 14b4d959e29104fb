package pipeline

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// bestPlan is the plan whose indicators the table's rows match best (rows in
// a year of the plan's period); on a tie, the plan whose period holds
// yearHint, then the later period, then the newer version. The note says
// which was chosen and why.
func bestPlan(fit *actuals.Fit, file string, yearHint int) (*plan.Plan, string, error) {
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
		return nil, "", Hint(fmt.Errorf("%s: no row matches an indicator of any embedded plan in a year of its period", file),
			"name the plan with --plan ('plancheck plans' lists the embedded ones)")
	}
	note := fmt.Sprintf("plan %s (%d of %d rows match its indicators and its period %s)", best.Ref(), bestN, fit.Rows, best.Period)
	return best, note, nil
}

var (
	// yearSpan is a span of years in a file name (2021-2025规划): not the year
	// the workbook reports.
	yearSpan = regexp.MustCompile(`(?:19|20)\d{2}\s*[-—–~～至到]\s*(?:19|20)\d{2}`)
	digits   = regexp.MustCompile(`\d+`)
)

// YearsInName lists the distinct years a file name holds, in order: runs of
// exactly four digits from 1990 to 2100, spans of years left out
// (九龙坡2023年.xlsx → 2023; report_20230105.xlsx → none).
func YearsInName(path string) []int {
	name := yearSpan.ReplaceAllString(filepath.Base(path), " ")
	var years []int
	for _, d := range digits.FindAllString(name, -1) {
		if len(d) != 4 {
			continue
		}
		y, _ := strconv.Atoi(d)
		if y >= 1990 && y <= 2100 && !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	return years
}

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
func evalYear(given int, path string, p *plan.Plan, latest int) (int, string, error) {
	year, how := given, ""
	if year == 0 {
		switch ys := YearsInName(path); {
		case len(ys) == 1:
			year, how = ys[0], "from the file name"
		case len(ys) > 1 && slices.Contains(ys, latest):
			year, how = latest, fmt.Sprintf("the file name holds %s; %d is the latest year with a value", joinInts(ys), latest)
		case len(ys) > 1:
			return 0, "", Hint(fmt.Errorf("%s: the file name holds several years (%s)", path, joinInts(ys)), "give the year to evaluate with --year")
		default:
			year, how = latest, "the latest year with a value"
		}
	}
	if year == 0 {
		return 0, "", Hint(fmt.Errorf("%s: no year to evaluate: the file name has none and no cell has a value", path), "give one with --year")
	}
	if year < p.Period.Start || year > p.Period.End {
		hint := "give a year of the period with --year, or the plan the workbook belongs to with --plan"
		if given != 0 {
			hint = "name the plan whose period holds it with --plan ('plancheck plans' lists them)"
		}
		return 0, "", Hint(fmt.Errorf("%s: year %d is outside the period %s of %s", path, year, p.Period, p.Ref()), hint)
	}
	return year, how, nil
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
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
