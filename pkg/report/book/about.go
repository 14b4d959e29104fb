package book

import (
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// aboutSheet writes 说明: what the numbers rest on. Per plan its id, version,
// title, period and thresholds; the year(s); each input file with its SHA-256;
// the workbooks of the batch that could not be evaluated, and why; the
// plancheck version; the status colours; how the numbers are computed; and
// the warnings of the evaluations.
func (b *summaryBook) aboutSheet(name string, evals []*pipeline.Evaluation, missing []pipeline.NotEvaluated, version string) {
	lang := b.lang
	s := b.openSheet(name)
	// Fixed widths that wrap what is longer: the SHA-256 (64 characters)
	// sets the second column's.
	s.limit[aboutKeyCol], s.limit[aboutValueCol], s.limit[fileEntitiesCol] = 25, 66, 30
	wrapped := cellStyle{border: true, wrap: true}
	key := cellStyle{border: true, bold: true, fill: fillGroup}
	row := 1
	s.text(aboutKeyCol, row, lang.T("summary.about-this-summary"), titleCell)
	row += 2
	pair := func(k string, v string) {
		s.text(aboutKeyCol, row, k, key)
		s.text(aboutValueCol, row, v, wrapped)
		row++
	}
	pairNumber := func(k string, v float64, code string) {
		s.text(aboutKeyCol, row, k, key)
		s.number(aboutValueCol, row, v, strconv.FormatFloat(v, 'f', -1, 64), cellStyle{border: true, align: "left", numFmt: code})
		row++
	}
	if version == "" {
		version = "—"
	}
	pair(lang.T("summary.plancheck-version"), version)
	var years []string
	seenYear := map[int]bool{}
	for _, e := range evals {
		if !seenYear[e.Year] {
			seenYear[e.Year] = true
			years = append(years, strconv.Itoa(e.Year))
		}
	}
	pair(lang.T("summary.year-evaluated"), strings.Join(years, lang.T("punct.enumeration")))
	row++

	seenPlan := map[string]bool{}
	for _, e := range evals {
		p := e.Plan
		if seenPlan[p.Ref()] {
			continue
		}
		seenPlan[p.Ref()] = true
		pair(lang.T("summary.plan-id"), p.ID)
		pairNumber(lang.T("summary.plan-version"), float64(p.Version), "0")
		pair(lang.T("summary.plan-title"), p.Title)
		pair(lang.T("summary.period"), p.Period.String())
		pairNumber(lang.T("summary.baseline-year"), float64(p.BaselineYear), "0")
		pairNumber(lang.T("summary.ahead-ratio-r"), p.Thresholds.Ahead, "0.00")
		pairNumber(lang.T("summary.on-track-ratio-r"), p.Thresholds.OnTrack, "0.00")
		pairNumber(lang.T("summary.on-track-binding-r"), p.Thresholds.BindingOnTrack, "0.00")
		row++
	}

	fileHeader := []string{lang.T("summary.input-file"), "SHA-256", lang.T("summary.year"),
		lang.T("summary.time-progress"), lang.T("summary.plan"), lang.T("summary.entities")}
	for i, h := range fileHeader {
		s.text(fileNameCol+i, row, h, headerCell)
	}
	row++
	for _, e := range evals {
		var entities []string
		if e.Multi() {
			for _, en := range e.Entities() {
				entities = append(entities, report.EntityLabel(en, lang))
			}
		}
		// A result merged from a street's files lists each file, with its
		// unit; any other names its one file.
		sources := []pipeline.Source{{File: e.File, SHA256: e.SHA256}}
		if e.Sources != nil {
			sources = e.Sources
		}
		for i, src := range sources {
			s.text(fileNameCol, row, report.FileName(src.File), wrapped)
			s.text(fileHashCol, row, src.SHA256, wrapped)
			s.number(fileYearCol, row, float64(e.Year), strconv.Itoa(e.Year), centerCell)
			tp := e.TimeProgress
			s.percentValue(fileTimeCol, row, &tp, plainCell)
			s.text(filePlanCol, row, e.Plan.Ref(), plainCell)
			units := entities
			if e.Sources != nil && i < len(entities) {
				units = entities[i : i+1]
			}
			entityStyle := plainCell
			if len(units) > 0 { // an empty cell would widen the column to its limit
				entityStyle = wrapped
			}
			s.text(fileEntitiesCol, row, strings.Join(units, lang.T("punct.enumeration")), entityStyle)
			row++
		}
	}
	row++

	if len(missing) > 0 {
		// Right under the files evaluated, where a reader looks for them.
		s.text(fileNameCol, row, lang.T("summary.not-evaluated"), headerCell)
		s.text(fileHashCol, row, lang.T("summary.not-evaluated-why"), headerCell)
		row++
		for _, n := range missing {
			s.text(fileNameCol, row, report.FileName(n.File), wrapped)
			s.text(fileHashCol, row, notEvaluatedReason(n, lang), wrapped)
			row++
		}
		s.banner(aboutKeyCol, aboutValueCol, row, lang.T("summary.not-evaluated-note"), cellStyle{wrap: true})
		row += 2
	}

	s.text(aboutKeyCol, row, lang.T("col.status"), headerCell)
	s.text(aboutValueCol, row, lang.T("summary.meaning"), headerCell)
	row++
	legend := []struct {
		status  evaluate.Status
		final   bool
		meaning msg.Key
	}{
		{evaluate.Achieved, true, "summary.meaning-achieved"},
		{evaluate.Achieved, false, "summary.meaning-achieved-early"},
		{evaluate.Ahead, false, "summary.meaning-ahead"},
		{evaluate.OnTrack, false, "summary.meaning-on-track"},
		{evaluate.Lagging, false, "summary.meaning-lagging"},
		{evaluate.NotAchieved, true, "summary.meaning-not-achieved"},
		{evaluate.NoData, false, "summary.meaning-no-data"},
	}
	for _, l := range legend {
		s.text(aboutKeyCol, row, report.StatusLabel(l.status, l.final, lang), cellStyle{border: true, align: "center", fill: statusFill(l.status)})
		s.text(aboutValueCol, row, lang.T(l.meaning), wrapped)
		row++
	}
	row++

	notes := []string{
		lang.T("summary.time-progress-f-year-first-year-1-years"),
		lang.T("summary.progress-p-total-target-cumulative-or-ac"),
		lang.T("summary.required-by-now-target-f-cumulative-or-b"),
		lang.T("summary.a-value-in-is-a-total-over-the-period-nu"),
	}
	s.text(aboutKeyCol, row, lang.T("summary.notes"), headerCell)
	row++
	for _, n := range notes {
		s.banner(aboutKeyCol, aboutValueCol, row, n, cellStyle{wrap: true})
		row++
	}
	var warnings []string
	for _, e := range evals {
		for _, w := range e.Warnings() {
			// a warning names its file as it was given
			files := []string{e.File}
			for _, src := range e.Sources {
				files = append(files, src.File)
			}
			for _, f := range files {
				if base := report.FileName(f); base != f {
					w = strings.ReplaceAll(w, f, base)
				}
			}
			warnings = append(warnings, w)
		}
	}
	if len(warnings) > 0 {
		row++
		s.text(aboutKeyCol, row, lang.T("summary.warnings"), headerCell)
		row++
		for _, w := range warnings {
			s.banner(aboutKeyCol, aboutValueCol, row, w, cellStyle{wrap: true})
			row++
		}
	}
	s.finish()
	s.print(s.wide(), 0, 0)
	s.flush()
}

// The columns of 说明: a key and its value, and the table of input files
// under them.
const (
	aboutKeyCol   = 1
	aboutValueCol = 2
)

const (
	fileNameCol = iota + 1
	fileHashCol
	fileYearCol
	fileTimeCol
	filePlanCol
	fileEntitiesCol
)

// notEvaluatedReason is why a workbook was not evaluated, naming files by
// their names alone, as the summary names its input files.
func notEvaluatedReason(n pipeline.NotEvaluated, lang Lang) string {
	why := n.Reason(lang)
	if base := report.FileName(n.File); base != n.File {
		why = strings.ReplaceAll(why, n.File, base)
	}
	return why
}
