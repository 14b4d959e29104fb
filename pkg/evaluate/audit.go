package evaluate

import (
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"

	"golang.org/x/text/unicode/norm"
)

// WrittenStatus is what a workbook's 完成情况 column says for an indicator.
type WrittenStatus struct {
	Indicator string
	Text      string
	Cell      string
}

// Disagreement is a written status that differs from the computed one.
type Disagreement struct {
	Indicator string
	Cell      string
	Written   string // as written
	// WrittenStatus is what the written label means.
	WrittenStatus Status
	Computed      Status
}

// writtenLabels maps the labels analysts write to statuses (spec §4).
var writtenLabels = map[string]Status{
	"完成": Achieved, "已完成": Achieved, "提前完成": Achieved, "超额完成": Achieved, "提前实现": Achieved,
	"快于预期": Ahead,
	"符合预期": OnTrack, "基本符合预期": OnTrack, "达到时序进度": OnTrack, "进度正常": OnTrack,
	"滞后": Lagging, "进度滞后": Lagging, "未达时序进度": Lagging,
	"未完成": NotAchieved,
}

// ParseLabel reads a written 完成情况 label (white space and width ignored).
func ParseLabel(s string) (Status, bool) {
	s = strings.Join(strings.Fields(norm.NFKC.String(s)), "")
	st, ok := writtenLabels[s]
	return st, ok
}

// Audit compares the written statuses with the outcomes computed for the
// same indicators. It returns every disagreement, and a warning for each
// label it does not know.
func Audit(outcomes []Outcome, written []WrittenStatus) (disagreements []Disagreement, warnings []string) {
	return AuditIn(msg.English, outcomes, written)
}

// AuditIn is Audit with its warnings in the given language.
func AuditIn(lang msg.Lang, outcomes []Outcome, written []WrittenStatus) (disagreements []Disagreement, warnings []string) {
	computed := map[string]Status{}
	for _, o := range outcomes {
		computed[o.Indicator.ID] = o.Status
	}
	for _, w := range written {
		got, ok := computed[w.Indicator]
		if !ok {
			continue
		}
		st, known := ParseLabel(w.Text)
		if !known {
			warnings = append(warnings, lang.T("audit.unknown-label", w.Cell, w.Text))
			continue
		}
		if st != got {
			disagreements = append(disagreements, Disagreement{Indicator: w.Indicator, Cell: w.Cell, Written: w.Text, WrittenStatus: st, Computed: got})
		}
	}
	return disagreements, warnings
}
