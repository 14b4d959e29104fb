package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/msg"
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

// CountedStatuses are the statuses an evaluation's counts show: every one,
// but in the plan's final year only those that can occur then (spec §4:
// 完成, 未完成, 无数据; ahead, on track and lagging judge progress before the
// end), and any other that does occur all the same, so that the counts
// always add up. JSON keeps every status: it is the machine contract.
func CountedStatuses(counts map[evaluate.Status]int, final bool) []evaluate.Status {
	if !final {
		return evaluate.Statuses
	}
	var out []evaluate.Status
	for _, s := range evaluate.Statuses {
		if s == evaluate.Achieved || s == evaluate.NotAchieved || s == evaluate.NoData || counts[s] > 0 {
			out = append(out, s)
		}
	}
	return out
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

// AttributeLabel is an attribute as the run's language prints it: 预期性, or expected.
func AttributeLabel(a plan.Attribute, lang Lang) string {
	if a == plan.Binding {
		return lang.T("report.binding")
	}
	return lang.T("report.expected")
}

// JudgeLabel is how an indicator is judged: 路径 (against its path) or 控制 (a
// bound held every year).
func JudgeLabel(j plan.Judge, lang Lang) string {
	switch j {
	case plan.Path:
		return lang.T("report.path")
	case plan.Control:
		return lang.T("report.control")
	}
	return ""
}

// YearLabel is a year as a column or section is headed: 2023年, or 2023.
func YearLabel(year int, lang Lang) string { return lang.T("report.year-label", year) }

// IndicatorLabel is an indicator as the plan's tables print it:
// "1.城镇新增就业人数（万人）".
func IndicatorLabel(ind *plan.Indicator) string {
	s := strconv.Itoa(ind.Number) + "." + ind.Name
	if ind.Unit != "" {
		s += "（" + ind.Unit + "）"
	}
	return s
}

// NotReportedLine is the line under a completion table that lists the
// indicators of the plan a workbook (or one of its entities) does not report,
// or "" when it reports every one. A group of two or more indicators none of
// which is reported is named once, with its numbers and its count, instead of
// indicator by indicator: a workbook that holds 专栏2 alone, evaluated against
// the whole 十四五 plan, lists three key-project groups and three indicators,
// not 36 names. A group that holds a binding (约束性) indicator is always
// listed indicator by indicator, so that a binding indicator left out is
// named where a reader looks for it.
func NotReportedLine(p *plan.Plan, notReported []*plan.Indicator, lang Lang) string {
	if len(notReported) == 0 {
		return ""
	}
	missing := make(map[*plan.Indicator]bool, len(notReported))
	for _, ind := range notReported {
		missing[ind] = true
	}
	var items []string
	for _, g := range p.Groups {
		whole := len(g.Indicators) > 1
		for _, ind := range g.Indicators {
			whole = whole && missing[ind] && ind.Attribute != plan.Binding
		}
		if whole {
			first, last := g.Indicators[0], g.Indicators[len(g.Indicators)-1]
			items = append(items, lang.T("report.not-reported-group", g.Name, first.Number, last.Number, len(g.Indicators)))
			continue
		}
		for _, ind := range g.Indicators {
			if missing[ind] {
				items = append(items, IndicatorLabel(ind))
			}
		}
	}
	return lang.T("report.not-reported") + strings.Join(items, lang.T("punct.semicolon"))
}

// IndicatorName is the plan's indicator with the id as IndicatorLabel prints
// it, or the id when the plan has none such.
func IndicatorName(p *plan.Plan, id string) string {
	for _, ind := range p.Indicators() {
		if ind.ID == id {
			return IndicatorLabel(ind)
		}
	}
	return id
}

// PlanTitle is the line that names a plan in every output: its reference and title.
func PlanTitle(p *plan.Plan) string {
	return fmt.Sprintf("%s  %s", p.Ref(), p.Title)
}

// CompletionColumns are the columns of the completion table, as 专栏1 heads
// them, in every medium: 指标 | 属性 | 目标 | 实际值 | 时序进度 | 完成进度 |
// 完成情况 | 预计.
func CompletionColumns(lang Lang) []string {
	keys := []msg.Key{"col.indicator", "col.attribute", "col.target", "col.actual",
		"col.time", "col.progress", "col.status", "col.projection"}
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = lang.T(k)
	}
	return out
}

// Footnotes numbers the reasons of a completion table's 无数据 rows, which
// every medium prints under its table: the row's status reads 无数据（1）, and
// note 1 says why (城镇新增就业人数：缺少 2021 年数据，无法累计).
type Footnotes struct {
	Lang  Lang
	Notes []string
}

// Status is o's status label, with the number of its note when it is 无数据
// for a reason.
func (f *Footnotes) Status(o evaluate.Outcome) string {
	status := StatusLabel(o.Status, o.Final, f.Lang)
	if o.Status != evaluate.NoData || o.Reason == "" {
		return status
	}
	f.Notes = append(f.Notes, f.Lang.T("report.footnote", len(f.Notes)+1, o.Indicator.Name, o.Reason))
	return f.Lang.T("report.footnote-mark", status, len(f.Notes))
}

// EntityLabel is a reporting unit as a table heads its rows: its name, or
// for "" (the rows of the total, 合计 or 全区 in the workbook) 合计.
func EntityLabel(entity string, lang Lang) string {
	if entity == "" {
		return lang.T("report.entity-total")
	}
	return entity
}
