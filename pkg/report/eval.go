package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// StatusLabel is a status as the completion tables print it: achieved is 完成
// in the final year and 提前完成 before it.
func StatusLabel(s evaluate.Status, final bool, lang Lang) string {
	switch s {
	case evaluate.Achieved:
		if final {
			return lang.T("report.achieved")
		}
		return lang.T("report.achieved-early")
	case evaluate.Ahead:
		return lang.T("report.ahead")
	case evaluate.OnTrack:
		return lang.T("report.on-track")
	case evaluate.Lagging:
		return lang.T("report.lagging")
	case evaluate.NotAchieved:
		return lang.T("report.not-achieved")
	case evaluate.NoData:
		return lang.T("report.no-data")
	}
	return string(s)
}

// ProjectionLabel is a projection's status as the tables print it.
func ProjectionLabel(p *evaluate.Projection, lang Lang) string {
	if p == nil {
		return ""
	}
	if p.Status == evaluate.WillMeet {
		return lang.T("report.will-meet")
	}
	return lang.T("report.at-risk")
}

// valueDecimals is how many decimals a value is shown with: its own, as the
// workbook gives them (56.1 stays 56.1 beside a baseline of 44.74), but no
// more than the indicator's precision or two, whichever is more — so that a
// formula's 96.283333333 shows as 96.28, and an analyst's 97.1 against a
// plan's 95 keeps its decimal.
func valueDecimals(v float64, ind *plan.Indicator) int {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	own := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		own = len(s) - i - 1
	}
	return min(own, max(ind.Precision, 2))
}

// formatValue prints a value with valueDecimals decimals.
func formatValue(v float64, ind *plan.Indicator) string {
	return strconv.FormatFloat(v, 'f', valueDecimals(v, ind), 64)
}

// actualText is the actual as the completion table prints it: [9.4] for a
// cumulative total, the ratio as written, — for none.
func actualText(o evaluate.Outcome) string {
	switch {
	case o.ActualText != "":
		return o.ActualText
	case o.Actual == nil:
		return "—"
	case o.Indicator.Target.IsCumulative():
		return "[" + formatValue(*o.Actual, o.Indicator) + "]"
	}
	return formatValue(*o.Actual, o.Indicator)
}

func percent(v *float64) string {
	if v == nil {
		return "—"
	}
	s := strconv.FormatFloat(*v*100, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0") + "%"
}

// summaryLine is "完成 2 · 快于预期 1 · …" for counts; achieved takes its label
// for the evaluation year. In the plan's final year only 完成, 未完成 and 无数据
// can occur (spec §4: ahead, on-track and lagging are judgements of progress
// before the end), so the line leaves out the others rather than print zeros
// that could never be anything else; one that does occur is still printed, so
// the counts always add up. JSON keeps every status: it is the machine contract.
func summaryLine(counts map[evaluate.Status]int, final bool, lang Lang) string {
	var parts []string
	for _, s := range evaluate.Statuses {
		possible := s == evaluate.Achieved || s == evaluate.NotAchieved || s == evaluate.NoData
		if final && !possible && counts[s] == 0 {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %d", StatusLabel(s, final, lang), counts[s]))
	}
	return strings.Join(parts, " · ")
}

// attributeOf is the indicator's attribute label.
func attributeOf(ind *plan.Indicator, lang Lang) string { return AttributeLabel(ind.Attribute, lang) }
