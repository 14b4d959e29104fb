package htmlout

import (
	"strconv"

	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// aboutView is the 审核与说明 section: what the numbers rest on.
type aboutView struct {
	Audits []auditView
	// AuditEntities is true when an audit entry names a reporting unit.
	AuditEntities bool
	NotReported   []string
	Plans         []planView
	Files         []sourceView
	NotEvaluated  []sourceView
	Warnings      []string
	// AuditMore and WarningsMore count the entries past MaxListed, left
	// out: a province's workbook can have thousands.
	AuditMore, WarningsMore int
	Legend                  []statusView
	Version                 string
}

type auditView struct {
	Heading                 string
	Entity, Cell, Indicator string
	Written                 string
	Computed                statusView
}

type planView struct {
	Ref, Title, Period             string
	Ahead, OnTrack, BindingOnTrack string
}

type sourceView struct {
	Name, SHA256, Year, Plan string
}

func buildAbout(evals []*pipeline.Evaluation, files []*fileView, missing []pipeline.NotEvaluated, lang Lang, version string) *aboutView {
	a := &aboutView{Version: version}
	seenPlan := map[string]bool{}
	for i, e := range evals {
		final := e.Year == e.Plan.Period.End
		for _, d := range e.Audit() {
			a.AuditEntities = a.AuditEntities || d.Entity != ""
			a.Audits = append(a.Audits, auditView{Heading: files[i].Heading, Entity: d.Entity, Cell: d.Cell,
				Indicator: report.IndicatorName(e.Plan, d.Indicator), Written: d.Written,
				Computed: statusOf(d.Computed, final, lang)})
		}
		if fv := files[i]; fv.NotReported != "" {
			a.NotReported = append(a.NotReported, fv.Heading+lang.T("punct.colon")+fv.NotReported)
		}
		a.Warnings = append(a.Warnings, e.Warnings()...)
		p := e.Plan
		if !seenPlan[p.Ref()] {
			seenPlan[p.Ref()] = true
			th := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
			a.Plans = append(a.Plans, planView{Ref: p.Ref(), Title: p.Title, Period: p.Period.String(),
				Ahead: th(p.Thresholds.Ahead), OnTrack: th(p.Thresholds.OnTrack), BindingOnTrack: th(p.Thresholds.BindingOnTrack)})
		}
		sources := []pipeline.Source{{File: e.File, SHA256: e.SHA256}}
		if e.Sources != nil {
			sources = e.Sources
		}
		for _, src := range sources {
			a.Files = append(a.Files, sourceView{Name: report.FileName(src.File), SHA256: src.SHA256, Year: strconv.Itoa(e.Year), Plan: p.Ref()})
		}
	}
	if len(a.Audits) > MaxListed {
		a.AuditMore = len(a.Audits) - MaxListed
		a.Audits = a.Audits[:MaxListed]
	}
	if len(a.Warnings) > MaxListed {
		a.WarningsMore = len(a.Warnings) - MaxListed
		a.Warnings = a.Warnings[:MaxListed]
	}
	for _, n := range missing {
		a.NotEvaluated = append(a.NotEvaluated, sourceView{Name: report.FileName(n.File), SHA256: n.Reason(lang)})
	}
	for _, s := range report.CountedStatuses(nil, false) {
		a.Legend = append(a.Legend, statusOf(s, false, lang))
	}
	return a
}
