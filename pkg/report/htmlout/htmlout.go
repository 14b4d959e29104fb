// Package htmlout writes the HTML report of an evaluation (eval -o
// report.html): one self-contained file — no network, no script, the
// reader's system fonts — that reads on screen and prints on A4 portrait.
// Its sections are the summary (封面/摘要), the alerts (预警), the completion
// table (完成情况), the trend across years (趋势), the comparison of
// reporting units (区县对比) and the audit and notes (审核与说明), each only
// where it has content.
//
// Every text of a workbook or a plan passes through html/template, which
// escapes it; the charts are small SVG drawn here (svg.go), whose only texts
// are escaped with the same escaper. Nothing is judged here: the statuses,
// numbers and reasons are the pipeline's.
package htmlout

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// Lang is the language of the report's texts.
type Lang = report.Lang

//go:embed report.html.tmpl
var pageTemplate string

//go:embed report.css
var styleSheet string

// TopBottom is how many units the comparison of a many-unit workbook shows
// at each end of its ranking: the report of a province's 2,844 units stays
// readable and small.
const TopBottom = 10

// MaxListed is how many disagreements of the audit, and how many warnings,
// the report lists; the rest are counted, and the JSON output and the
// summary workbook list them all.
const MaxListed = 100

// Write writes the HTML report of evals, in order: one part per
// evaluation, then the trend across them where they are several years of
// one plan, then the audit and notes. missing are the workbooks of the
// batch that could not be evaluated; version is plancheck's.
func Write(w io.Writer, evals []*pipeline.Evaluation, missing []pipeline.NotEvaluated, lang Lang, version string) error {
	if len(evals) == 0 {
		return fmt.Errorf("html report: no evaluation to write")
	}
	for i, e := range evals {
		if e == nil || e.Plan == nil {
			return fmt.Errorf("html report: evaluation %d has no plan", i+1)
		}
	}
	if version == "" {
		version = "—"
	}
	v := &pageView{Lang: htmlLang(lang), Version: version, CSS: template.CSS(styleSheet), Symbols: symbolDefs}
	v.Title = lang.T("htmlreport.title")
	for i, e := range evals {
		fv, err := buildFile(e, lang, i, len(evals))
		if err != nil {
			return err
		}
		v.Files = append(v.Files, fv)
	}
	v.Trend = buildTrend(evals, v.Files, lang, 220, 96)
	if v.Trend == nil {
		// One year judged, of a workbook that also holds the years before
		// it (2021年, 2022年 columns beside 2023年): its own trend, drawn
		// small and flowing on from the completion table, so that the
		// report of one year stays on a few pages.
		hist, err := earlierYears(v.Files)
		if err != nil {
			return err
		}
		if v.Trend = buildTrend(evals, append(hist, v.Files...), lang, 150, 40); v.Trend != nil {
			v.Trend.Compact = true
		}
	}
	v.About = buildAbout(evals, v.Files, missing, lang, version)
	t, err := template.New("report").Funcs(template.FuncMap{
		"t": func(k string, args ...any) string { return lang.T(msg.Key(k), args...) },
	}).Parse(pageTemplate)
	if err != nil {
		return err
	}
	return t.Execute(w, v)
}

func htmlLang(l Lang) string {
	if l == report.English {
		return "en"
	}
	return "zh-CN"
}

// pageView is what the template reads.
type pageView struct {
	Lang, Title, Version string
	CSS                  template.CSS
	Symbols              template.HTML
	Files                []*fileView
	Trend                *trendView
	About                *aboutView
}

// statusView is a status as the report shows it: a shape and a word, in a
// colour; never the colour alone, so that a greyscale print keeps it.
type statusView struct {
	Class, Label string
	Symbol       template.HTML
}

func statusOf(s evaluate.Status, final bool, lang Lang) statusView {
	return statusView{Class: "st-" + string(s), Label: report.StatusLabel(s, final, lang), Symbol: symbol(s)}
}

// countView is one status's count in a summary.
type countView struct {
	Status statusView
	N      int
}

// fileView is one evaluation's part of the report.
type fileView struct {
	Anchor       string
	Heading      string
	File         string
	PlanTitle    string
	Year         int
	TimeProgress string
	Multi        bool
	Units        int
	Counts       []countView
	CountsBar    template.HTML
	Sentence     string

	Alerts     []alertView
	AlertsNote bool

	Rows        []rowView
	Footnotes   []string
	NotReported string
	// TotalLabel names the workbook's own total rows (合计) a many-unit
	// workbook's completion table shows; PerStatus is shown instead where
	// it has none.
	TotalLabel string
	PerStatus  []perStatusView
	Statuses   []statusView // the columns of PerStatus and EntityCounts

	Compare      []compareView
	EntityCounts []entityCountView

	// for the trend and the audit
	e        *pipeline.Evaluation
	headline []evaluate.Outcome // the unit the trend follows: the only one, or the total
}

type rowView struct {
	Group                                string
	Indicator, Attribute, Target, Actual string
	Time, Progress, Projection           string
	Bar                                  template.HTML
	Status                               statusView
	Binding                              bool
}

type alertView struct {
	Indicator, Attribute, Target, Actual, Required, Progress, Reason string
	Units                                                            string
	Status                                                           statusView
	Binding                                                          bool
}

type perStatusView struct {
	Indicator string
	Counts    []int
	Bar       template.HTML
}

type entityCountView struct {
	Entity string
	Counts []int
}

type compareView struct {
	Indicator string
	Caption   string
	Average   string
	Total     string
	NoRanking bool
	Rows      []rankView
	Gap       bool // the middle of the ranking is left out between Rows[Split-1] and Rows[Split]
	Split     int
	Plot      template.HTML
}

type rankView struct {
	Rank          int
	Entity, Value string
	Status        statusView
	Below         bool
}

// buildFile reads one evaluation: its outcomes one unit at a time (Each), so
// that a workbook of thousands of units keeps only what the report shows.
func buildFile(e *pipeline.Evaluation, lang Lang, index, of int) (*fileView, error) {
	final := e.Year == e.Plan.Period.End
	fv := &fileView{e: e, Anchor: fmt.Sprintf("f%d", index+1), File: report.FileLabel(e), PlanTitle: report.PlanTitle(e.Plan),
		Year: e.Year, Multi: e.Multi(), Units: len(e.Entities())}
	tp := e.TimeProgress
	fv.TimeProgress = report.Percent(&tp)
	fv.Heading = fv.File + " · " + report.YearLabel(e.Year, lang)
	inds := e.Plan.Indicators()
	indIndex := make(map[*plan.Indicator]int, len(inds))
	for i, ind := range inds {
		indIndex[ind] = i
	}
	// What a many-unit workbook's report keeps: per indicator, each unit's
	// value and status (for the ranking) and the counts per status.
	perInd := make([][]unitValue, len(inds))
	perStatus := make([]map[evaluate.Status]int, len(inds))
	var total *pipeline.EntityEvaluation
	err := e.Each(func(_ int, en *pipeline.EntityEvaluation) error {
		if !fv.Multi || en.Entity == "" {
			total = &pipeline.EntityEvaluation{Entity: en.Entity, Outcomes: append([]evaluate.Outcome(nil), en.Outcomes...),
				NotReported: append([]*plan.Indicator(nil), en.NotReported...)}
		}
		if !fv.Multi || en.Entity == "" {
			return nil // the units' counts and rankings leave the total out
		}
		counts := en.Counts()
		ec := entityCountView{Entity: report.EntityLabel(en.Entity, lang)}
		for _, s := range evaluate.Statuses {
			ec.Counts = append(ec.Counts, counts[s])
		}
		fv.EntityCounts = append(fv.EntityCounts, ec)
		for _, o := range en.Outcomes {
			i := indIndex[o.Indicator]
			if perStatus[i] == nil {
				perStatus[i] = map[evaluate.Status]int{}
			}
			perStatus[i][o.Status]++
			if o.Actual != nil && o.ActualText == "" {
				perInd[i] = append(perInd[i], unitValue{entity: en.Entity, value: *o.Actual, status: o.Status, final: o.Final})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if total != nil {
		fv.headline = total.Outcomes
		if fv.Multi {
			fv.TotalLabel = report.EntityLabel("", lang)
		}
	}
	// The counts of the summary are those of the unit the report
	// follows: the only one, or the workbook's own total rows; without
	// total rows, every unit's outcomes.
	counts := e.Counts()
	if fv.Multi && total != nil {
		counts = total.Counts()
	}
	for _, s := range report.CountedStatuses(counts, final) {
		fv.Counts = append(fv.Counts, countView{Status: statusOf(s, final, lang), N: counts[s]})
	}
	fv.CountsBar = countsBar(fv.Counts, 420, 18)
	for _, s := range evaluate.Statuses {
		fv.Statuses = append(fv.Statuses, statusOf(s, final, lang))
	}

	fv.Sentence = sentence(fv, counts, final, lang)

	// 完成情况: the only unit's table, or the workbook's own total rows.
	if total != nil {
		footnotes := report.Footnotes{Lang: lang}
		group := ""
		for _, o := range total.Outcomes {
			ind := o.Indicator
			if ind.Group != group {
				group = ind.Group
				fv.Rows = append(fv.Rows, rowView{Group: group})
			}
			tp := o.TimeProgress
			st := statusOf(o.Status, o.Final, lang)
			st.Label = footnotes.Status(o)
			fv.Rows = append(fv.Rows, rowView{Indicator: report.IndicatorLabel(ind), Attribute: report.AttributeLabel(ind.Attribute, lang),
				Target: ind.PrintedTarget(), Actual: report.ActualText(o), Time: report.Percent(&tp), Progress: report.Percent(o.Progress),
				Projection: report.ProjectionLabel(o.Projection, lang), Bar: progressBar(o.Progress, tp, 110, 12), Status: st,
				Binding: ind.Attribute == plan.Binding})
		}
		fv.Footnotes = footnotes.Notes
		fv.NotReported = report.NotReportedLine(e.Plan, total.NotReported, lang)
	} else {
		for i, ind := range inds {
			if perStatus[i] == nil {
				continue
			}
			ps := perStatusView{Indicator: report.IndicatorLabel(ind)}
			var cv []countView
			for _, s := range evaluate.Statuses {
				ps.Counts = append(ps.Counts, perStatus[i][s])
				cv = append(cv, countView{Status: statusOf(s, final, lang), N: perStatus[i][s]})
			}
			ps.Bar = countsBar(cv, 160, 12)
			fv.PerStatus = append(fv.PerStatus, ps)
		}
	}

	fv.Alerts, fv.AlertsNote = alerts(total, perStatus, inds, final, lang)
	if fv.Multi {
		fv.Compare = compare(inds, perInd, total, lang)
	}
	return fv, nil
}

// sentence is the summary in the words of a 中期评估: 23项主要指标中，提前完成3项、
// 快于预期4项、符合预期11项，滞后4项，未完成1项（约束性指标基本医疗保险参保率）.
func sentence(fv *fileView, counts map[evaluate.Status]int, final bool, lang Lang) string {
	n := 0
	for _, c := range counts {
		n += c
	}
	if n == 0 {
		return ""
	}
	var b strings.Builder
	if fv.Multi && fv.headline == nil {
		b.WriteString(lang.T("htmlreport.sentence-head-many", fv.Units, n))
	} else if fv.Multi {
		// The sentence speaks of the workbook's own total rows.
		b.WriteString(lang.T("htmlreport.sentence-head", len(fv.headline)))
	} else {
		b.WriteString(lang.T("htmlreport.sentence-head", n))
	}
	// The good news joined by 、, the bad each after a comma, as the
	// mid-term reviews write it; a binding indicator among the bad is named.
	var good, bad []string
	for _, s := range evaluate.Statuses {
		if counts[s] == 0 {
			continue
		}
		item := lang.T("htmlreport.sentence-item", report.StatusLabel(s, final, lang), counts[s])
		switch s {
		case evaluate.Achieved, evaluate.Ahead, evaluate.OnTrack:
			good = append(good, item)
		default:
			var names []string
			for _, o := range fv.headline {
				if o.Status == s && o.Indicator.Attribute == plan.Binding {
					names = append(names, o.Indicator.Name)
				}
			}
			if len(names) > 0 {
				item += lang.T("htmlreport.sentence-binding", strings.Join(names, lang.T("punct.enumeration")))
			}
			bad = append(bad, item)
		}
	}
	parts := []string{}
	if len(good) > 0 {
		parts = append(parts, strings.Join(good, lang.T("punct.enumeration")))
	}
	parts = append(parts, bad...)
	b.WriteString(strings.Join(parts, lang.T("punct.comma")))
	b.WriteString(lang.T("htmlreport.sentence-end"))
	return b.String()
}

// alerts lists binding indicators lagging, not achieved or without data,
// then expected ones lagging or not achieved. For a many-unit workbook
// without total rows, an indicator is listed with the number of units in
// each failing status.
func alerts(total *pipeline.EntityEvaluation, perStatus []map[evaluate.Status]int, inds []*plan.Indicator, final bool, lang Lang) ([]alertView, bool) {
	failing := func(ind *plan.Indicator, s evaluate.Status) bool {
		switch s {
		case evaluate.Lagging, evaluate.NotAchieved:
			return true
		case evaluate.NoData:
			return ind.Attribute == plan.Binding
		}
		return false
	}
	var out []alertView
	for _, binding := range []bool{true, false} {
		if total != nil {
			for _, o := range total.Outcomes {
				ind := o.Indicator
				if (ind.Attribute == plan.Binding) != binding || !failing(ind, o.Status) {
					continue
				}
				out = append(out, alertView{Indicator: report.IndicatorLabel(ind), Attribute: report.AttributeLabel(ind.Attribute, lang),
					Target: ind.PrintedTarget(), Actual: report.ActualText(o), Required: number(o.Required, ind),
					Progress: report.Percent(o.Progress), Reason: o.Reason, Status: statusOf(o.Status, o.Final, lang), Binding: binding})
			}
			continue
		}
		for i, ind := range inds {
			if (ind.Attribute == plan.Binding) != binding || perStatus[i] == nil {
				continue
			}
			for _, s := range []evaluate.Status{evaluate.NotAchieved, evaluate.Lagging, evaluate.NoData} {
				if n := perStatus[i][s]; n > 0 && failing(ind, s) {
					out = append(out, alertView{Indicator: report.IndicatorLabel(ind), Attribute: report.AttributeLabel(ind.Attribute, lang),
						Target: ind.PrintedTarget(), Units: fmt.Sprint(n), Status: statusOf(s, final, lang), Binding: binding})
				}
			}
		}
	}
	return out, total == nil
}

// number is a value with the indicator's decimals, or — for none.
func number(v *float64, ind *plan.Indicator) string {
	if v == nil {
		return "—"
	}
	return report.FormatValue(*v, ind)
}

// earlierYears are the years of the period before the one judged that the
// single evaluation's workbook holds values for, each judged as --year
// would (pipeline.Evaluation.ForYear), for the trend; nil where there are
// several evaluations, or a many-unit one without total rows. Of each only
// what the trend reads is made (the year and its headline), not a page.
func earlierYears(files []*fileView) ([]*fileView, error) {
	if len(files) != 1 || files[0].headline == nil || !files[0].e.FromReading() {
		return nil, nil
	}
	e := files[0].e
	var out []*fileView
	for y := e.Plan.Period.Start; y < e.Year; y++ {
		ey := e.ForYear(y)
		h, err := headline(ey)
		if err != nil {
			return nil, err
		}
		for _, o := range h {
			if o.Actual != nil {
				out = append(out, &fileView{e: ey, Year: y, headline: h})
				break
			}
		}
	}
	return out, nil
}

// headline is what the trend follows of an evaluation: the outcomes of its
// only unit, or of a many-unit workbook's total rows (nil without them).
func headline(e *pipeline.Evaluation) ([]evaluate.Outcome, error) {
	multi := e.Multi()
	var out []evaluate.Outcome
	err := e.Each(func(_ int, en *pipeline.EntityEvaluation) error {
		if !multi || en.Entity == "" {
			out = append([]evaluate.Outcome(nil), en.Outcomes...)
		}
		return nil
	})
	return out, err
}
