package textout

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// CompletionTable prints the completion table of each reporting unit, grouped
// like 专栏1 (指标 | 属性 | 目标 | 实际值 | 时序进度 | 完成进度 | 完成情况 | 预计), the
// indicators not reported (未报送), the audit of the workbook's 完成情况 column,
// and a summary line of counts per status (per entity, then for all).
func CompletionTable(w io.Writer, e *pipeline.Evaluation, lang Lang, format TableFormat) error {
	return CompletionTableWidth(w, e, lang, format, 0)
}

// CompletionTableWidth is CompletionTable fitted to a terminal width wide
// display columns (boxes only; 0: one line per row, as for a pipe or a
// file): the name column wraps, then 预计 folds under its row, then the
// borders thin (see grid.fit).
func CompletionTableWidth(w io.Writer, e *pipeline.Evaluation, lang Lang, format TableFormat, width int) error {
	bw := &errWriter{w: w}
	if format != Box {
		width = 0 // Markdown lines are never broken
	}
	// text writes a line of text around the tables, wrapped to the width.
	text := func(s string) {
		s = msg.Printable(s)
		if width > 0 {
			s = Wrap(s, width, 2)
		}
		bw.printf("%s\n", s)
	}
	text(report.PlanTitle(e.Plan))
	text(lang.T("report.time-progress", e.File, e.Year, report.Percent(&e.TimeProgress)))
	final := e.Year == e.Plan.Period.End
	err := e.Each(func(_ int, en *pipeline.EntityEvaluation) error {
		bw.printf("\n")
		if e.Multi() {
			text(lang.T("report.entity-line", report.EntityLabel(en.Entity, lang)))
			if format == Markdown {
				bw.printf("\n")
			}
		}
		t := newGrid(format, report.CompletionColumns(lang))
		group := ""
		// Every 无数据 row says why in a numbered note under the table.
		footnotes := report.Footnotes{Lang: lang}
		for _, o := range en.Outcomes {
			ind := o.Indicator
			if ind.Group != group {
				group = ind.Group
				t.append([]string{group, "", "", "", "", "", "", ""})
			}
			tp := o.TimeProgress
			status := footnotes.Status(o)
			t.append([]string{report.IndicatorLabel(ind), report.AttributeLabel(ind.Attribute, lang), ind.PrintedTarget(), report.ActualText(o),
				report.Percent(&tp), report.Percent(o.Progress), status, report.ProjectionLabel(o.Projection, lang)})
		}
		if format == Box {
			t.colon = lang.T("punct.colon")
			t.fit(width)
		}
		if err := t.render(bw); err != nil {
			return err
		}
		if format == Markdown {
			bw.printf("\n") // what follows is not a row of the table
		}
		for _, f := range footnotes.Notes {
			text(f)
		}
		if line := report.NotReportedLine(e.Plan, en.NotReported, lang); line != "" {
			text(line)
		}
		if e.Multi() {
			text(lang.T("report.summary") + summaryLine(en.Counts(), final, lang))
		}
		return bw.err
	})
	if err != nil {
		return err
	}
	if len(e.Audit()) > 0 {
		bw.printf("\n")
		text(lang.T("report.audit-the-workbook-s-status-differs-from"))
		bullet := "  "
		if format == Markdown {
			bw.printf("\n")
			bullet = "- "
		}
		for _, a := range e.Audit() {
			// The indicator as the plan prints it, as every other line
			// names it; not its id.
			text(bullet + a.Cell + lang.T("punct.colon") + lang.T("report.says-computed", report.IndicatorName(e.Plan, a.Indicator), a.Written, report.StatusLabel(a.Computed, final, lang)))
		}
	}
	label := lang.T("report.summary")
	if e.Multi() {
		label = lang.T("report.summary-all")
	}
	bw.printf("\n")
	text(label + summaryLine(e.Counts(), final, lang))
	return bw.err
}

// fileErrorJSON is a workbook of a batch that could not be evaluated.
type fileErrorJSON struct {
	File    string `json:"file"`
	Message string `json:"message"`
}

// NotEvaluatedLines ends a batch's tables with a line for each workbook that
// could not be evaluated, naming it and saying why (未评估：bad.xlsx（…）), so
// that the tables are not taken for the whole batch. Nothing when none is
// missing. width wraps the lines as CompletionTableWidth's.
func NotEvaluatedLines(w io.Writer, missing []pipeline.NotEvaluated, lang Lang, format TableFormat, width int) error {
	if len(missing) == 0 {
		return nil
	}
	bw := &errWriter{w: w}
	if format != Box {
		width = 0
	}
	bw.printf("\n")
	for i, n := range missing {
		line := msg.Printable(lang.T("report.not-evaluated", n.File, n.Reason(lang)))
		if width > 0 {
			line = Wrap(line, width, 2)
		}
		if format == Markdown && i < len(missing)-1 {
			line += "  " // a Markdown line break: one line each
		}
		bw.printf("%s\n", line)
	}
	return bw.err
}

// errWriter keeps the first write error so a long sequence of prints needs one
// check.
type errWriter struct {
	w   io.Writer
	err error
}

func (ew *errWriter) Write(p []byte) (int, error) {
	if ew.err != nil {
		return 0, ew.err
	}
	n, err := ew.w.Write(p)
	ew.err = err
	return n, err
}

func (ew *errWriter) printf(format string, args ...any) {
	fmt.Fprintf(ew, format, args...)
}

// safeCell keeps text from an input from becoming a formula when a spreadsheet
// opens the CSV: a leading =, +, -, @, tab or carriage return is escaped with
// a single quote.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func numCell(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// CSV writes one row per indicator and entity, with every number behind the
// status. Several evaluations share one header.
func CSV(w io.Writer, evals []*pipeline.Evaluation, lang Lang) error {
	cw := csv.NewWriter(w)
	header := []string{"file", "plan", "year", "entity", "id", "name", "group", "unit", "attribute", "judge",
		"baseline", "target", "printed", "actual", "required", "progress", "time_progress", "ratio",
		"status", "label", "reason", "projection", "projection_status", "projection_method", "cells"}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, e := range evals {
		err := e.Each(func(i int, en *pipeline.EntityEvaluation) error {
			for _, o := range en.Outcomes {
				ind := o.Indicator
				// A number, never escaped, with the decimals the table
				// shows (never a formula's 96.283333333).
				actual := ""
				if o.Actual != nil {
					actual = report.FormatValue(*o.Actual, ind)
				}
				if o.ActualText != "" {
					actual = safeCell(o.ActualText) // a ratio as written in the workbook
				}
				var proj, projStatus, projMethod string
				if o.Projection != nil {
					proj = numCell(&o.Projection.Value)
					projStatus, projMethod = string(o.Projection.Status), o.Projection.Method
				}
				tp := o.TimeProgress
				file := e.File
				if e.Sources != nil && i < len(e.Sources) {
					file = e.Sources[i].File // a merged result: the unit's own file
				}
				row := []string{safeCell(file), e.Plan.Ref(), strconv.Itoa(e.Year), safeCell(en.Entity), ind.ID,
					safeCell(ind.Name), safeCell(ind.Group), safeCell(ind.Unit), ind.Attribute.English(), o.Judge.String(),
					numCell(o.Baseline), numCell(o.Target), safeCell(ind.PrintedTarget()), actual,
					numCell(o.Required), numCell(o.Progress), numCell(&tp), numCell(o.Ratio),
					string(o.Status), report.StatusLabel(o.Status, o.Final, lang), safeCell(o.Reason),
					proj, projStatus, projMethod, safeCell(strings.Join(o.Cells, " "))}
				if err := cw.Write(row); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// The JSON contract of spec §5, described by schema/result.schema.json.
type (
	resultJSON struct {
		Plan         planRefJSON     `json:"plan"`
		File         string          `json:"file"`
		SHA256       string          `json:"sha256"`
		Year         int             `json:"year"`
		TimeProgress float64         `json:"time_progress"`
		Indicators   []indicatorJSON `json:"indicators"`
		NotReported  []string        `json:"not_reported"`
		// NotReportedBy lists, per entity, the indicators that entity does
		// not report (multi-entity workbooks; empty otherwise).
		NotReportedBy map[string][]string       `json:"not_reported_by_entity"`
		Audit         []auditJSON               `json:"audit"`
		Warnings      []string                  `json:"warnings"`
		Summary       map[string]map[string]int `json:"summary"`
	}
	planRefJSON struct {
		ID      string `json:"id"`
		Version int    `json:"version"`
		Title   string `json:"title"`
	}
	indicatorJSON struct {
		Entity    string   `json:"entity"`
		ID        string   `json:"id"`
		Name      string   `json:"name"`
		Group     string   `json:"group"`
		Unit      string   `json:"unit"`
		Attribute string   `json:"attribute"`
		Judge     string   `json:"judge"`
		Baseline  *float64 `json:"baseline"`
		Target    *float64 `json:"target"`
		Printed   string   `json:"printed"`
		Actual    any      `json:"actual"`
		// Approximate is present, true, where the actual came from a value
		// written as approximate or provisional (约72, 72（快报）).
		Approximate bool            `json:"approximate,omitempty"`
		Required    *float64        `json:"required"`
		Progress    *float64        `json:"progress"`
		Ratio       *float64        `json:"ratio"`
		Status      string          `json:"status"`
		Label       string          `json:"label"`
		Reason      string          `json:"reason"`
		Projection  *projectionJSON `json:"projection"`
		Cells       []string        `json:"cells"`
	}
	projectionJSON struct {
		Value  float64 `json:"value"`
		Status string  `json:"status"`
		Method string  `json:"method"`
	}
	auditJSON struct {
		Entity   string `json:"entity"`
		ID       string `json:"id"`
		Cell     string `json:"cell"`
		Written  string `json:"written"`
		Means    string `json:"means"`
		Computed string `json:"computed"`
	}
)

func statusCounts(c map[evaluate.Status]int) map[string]int {
	out := map[string]int{}
	for _, s := range evaluate.Statuses {
		out[string(s)] = c[s]
	}
	return out
}

// JSON writes one evaluation as an object, several as an array, in order. It
// streams: each indicator is written as it is judged, one reporting unit at
// a time, and the bytes are those json.Encoder would write for the whole
// result indented by two spaces (a test holds it to that).
func JSON(w io.Writer, evals []*pipeline.Evaluation, lang Lang) error {
	return JSONBatch(w, evals, nil, lang)
}

// JSONBatch is JSON for a batch some of whose workbooks could not be
// evaluated: with none missing, JSON's object or array; else an object
// {"results": [...], "errors": [{"file", "message"}]}, the results of the
// workbooks evaluated (an array, however many) and why each missing one is
// not among them, its message as stderr words it.
func JSONBatch(w io.Writer, evals []*pipeline.Evaluation, missing []pipeline.NotEvaluated, lang Lang) error {
	jw := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	jw.enc = json.NewEncoder(&jw.buf)
	jw.enc.SetEscapeHTML(false)
	switch {
	case len(missing) > 0:
		jw.raw("{\n  \"results\": [")
		for i, e := range evals {
			if i > 0 {
				jw.raw(",")
			}
			jw.raw("\n    ")
			jw.result(e, lang, "    ")
		}
		if len(evals) > 0 {
			jw.raw("\n  ")
		}
		jw.raw("]")
		errs := make([]fileErrorJSON, len(missing))
		for i, n := range missing {
			errs[i] = fileErrorJSON{File: n.File, Message: n.Message(lang)}
		}
		jw.field("errors", errs, "  ", false)
		jw.raw("\n}")
	case len(evals) == 1:
		jw.result(evals[0], lang, "")
	default:
		jw.raw("[\n")
		for i, e := range evals {
			if i > 0 {
				jw.raw(",\n")
			}
			jw.raw("  ")
			jw.result(e, lang, "  ")
		}
		jw.raw("\n]")
	}
	jw.raw("\n")
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

// jsonWriter writes a result piece by piece, keeping the first error.
type jsonWriter struct {
	w       *bufio.Writer
	scratch []byte
	buf     bytes.Buffer
	enc     *json.Encoder
	err     error
}

func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.w.WriteString(s)
	}
}

// value writes v as json.Encoder writes it at a depth whose lines start with
// prefix.
func (jw *jsonWriter) value(v any, prefix string) {
	if jw.err != nil {
		return
	}
	jw.buf.Reset()
	jw.enc.SetIndent(prefix, "  ")
	if jw.err = jw.enc.Encode(v); jw.err != nil {
		return
	}
	_, jw.err = jw.w.Write(bytes.TrimSuffix(jw.buf.Bytes(), []byte("\n")))
}

// field writes `"key": value` as a member of an object whose members start
// with prefix; first says whether a comma goes before it.
func (jw *jsonWriter) field(key string, v any, prefix string, first bool) {
	if !first {
		jw.raw(",")
	}
	jw.raw("\n" + prefix + strconv.Quote(key) + ": ")
	jw.value(v, prefix)
}

// result writes one evaluation's object, its first line unindented and the
// rest after indent.
func (jw *jsonWriter) result(e *pipeline.Evaluation, lang Lang, indent string) {
	in := indent + "  "
	jw.raw("{")
	jw.field("plan", planRefJSON{e.Plan.ID, e.Plan.Version, e.Plan.Title}, in, true)
	jw.field("file", e.File, in, false)
	jw.field("sha256", e.SHA256, in, false)
	if e.Sources != nil {
		sources := make([]sourceJSON, len(e.Sources))
		for i, src := range e.Sources {
			sources[i] = sourceJSON{src.File, src.SHA256}
		}
		jw.field("sources", sources, in, false)
	}
	jw.field("year", e.Year, in, false)
	jw.field("time_progress", e.TimeProgress, in, false)
	jw.raw(",\n" + in + `"indicators": [`)
	missing := map[string]int{}
	notReportedBy := map[string][]string{}
	summary := map[string]map[string]int{}
	n := 0
	err := e.Each(func(_ int, en *pipeline.EntityEvaluation) error {
		for _, o := range en.Outcomes {
			if n > 0 {
				jw.raw(",")
			}
			jw.raw("\n" + in + "  ")
			ij := indicatorOf(en.Entity, o, lang)
			jw.scratch = appendIndicator(jw.scratch[:0], &ij, in+"  ")
			if jw.err == nil {
				_, jw.err = jw.w.Write(jw.scratch)
			}
			n++
		}
		for _, ind := range en.NotReported {
			missing[ind.ID]++
			if e.Multi() {
				notReportedBy[en.Entity] = append(notReportedBy[en.Entity], ind.ID)
			}
		}
		if e.Multi() {
			summary[en.Entity] = statusCounts(en.Counts())
		}
		return jw.err
	})
	if err != nil && jw.err == nil {
		jw.err = err
	}
	if n > 0 {
		jw.raw("\n" + in)
	}
	jw.raw("]")
	notReported := []string{}
	for _, ind := range e.Plan.Indicators() {
		if missing[ind.ID] == len(e.Entities()) {
			notReported = append(notReported, ind.ID)
		}
	}
	jw.field("not_reported", notReported, in, false)
	jw.field("not_reported_by_entity", notReportedBy, in, false)
	audit := []auditJSON{}
	for _, a := range e.Audit() {
		audit = append(audit, auditJSON{Entity: a.Entity, ID: a.Indicator, Cell: a.Cell, Written: a.Written,
			Means: string(a.WrittenStatus), Computed: string(a.Computed)})
	}
	jw.field("audit", audit, in, false)
	jw.field("warnings", append([]string{}, e.Warnings()...), in, false)
	summary[""] = statusCounts(e.Counts())
	jw.field("summary", summary, in, false)
	jw.raw("\n" + indent + "}")
}

// indicatorOf is one outcome as the JSON contract has it.
func indicatorOf(entity string, o evaluate.Outcome, lang Lang) indicatorJSON {
	ind := o.Indicator
	ij := indicatorJSON{Entity: entity, ID: ind.ID, Name: ind.Name, Group: ind.Group, Unit: ind.Unit,
		Attribute: ind.Attribute.English(), Judge: o.Judge.String(), Baseline: o.Baseline, Target: o.Target,
		Printed: ind.PrintedTarget(), Required: o.Required, Progress: o.Progress, Ratio: o.Ratio,
		Status: string(o.Status), Label: report.StatusLabel(o.Status, o.Final, lang), Reason: o.Reason,
		Cells: append([]string{}, o.Cells...), Approximate: o.Approximate}
	switch {
	case o.ActualText != "":
		ij.Actual = o.ActualText
	case o.Actual != nil:
		ij.Actual = *o.Actual
	}
	if o.Projection != nil {
		ij.Projection = &projectionJSON{o.Projection.Value, string(o.Projection.Status), o.Projection.Method}
	}
	return ij
}

// summaryLine is "完成 2 · 快于预期 1 · …" for counts; achieved takes its label
// for the evaluation year. In the plan's final year only 完成, 未完成 and 无数据
// can occur, so the line leaves out the others (report.CountedStatuses).
func summaryLine(counts map[evaluate.Status]int, final bool, lang Lang) string {
	var parts []string
	for _, s := range report.CountedStatuses(counts, final) {
		parts = append(parts, fmt.Sprintf("%s %d", report.StatusLabel(s, final, lang), counts[s]))
	}
	return strings.Join(parts, " · ")
}

// sourceJSON is a workbook of a result merged from several, one unit each.
type sourceJSON struct {
	File   string `json:"file"`
	SHA256 string `json:"sha256"`
}
