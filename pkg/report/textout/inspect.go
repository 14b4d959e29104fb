package textout

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// roleLabel names a column's role for inspect.
func roleLabel(c actuals.Column, lang Lang) string {
	switch c.Role {
	case actuals.RoleName:
		return lang.T("report.name")
	case actuals.RoleID:
		return lang.T("report.id")
	case actuals.RoleUnit:
		return lang.T("report.unit")
	case actuals.RoleAttribute:
		return lang.T("report.attribute-read-only")
	case actuals.RoleStatus:
		return lang.T("report.status-2")
	case actuals.RoleYear:
		return lang.T("report.actual-2", c.Year)
	case actuals.RoleYearKey:
		return lang.T("report.year")
	case actuals.RoleValue:
		return lang.T("report.value")
	case actuals.RoleEntity:
		return lang.T("report.entity")
	}
	return lang.T("report.not-read")
}

func byLabel(by string, lang Lang) string {
	switch by {
	case "id":
		return lang.T("report.by-id")
	case "number":
		return lang.T("report.by-number")
	case "name":
		return lang.T("report.by-name")
	case "alias":
		return lang.T("report.by-alias")
	case "group":
		return lang.T("report.group-row-skipped")
	case "unmatched":
		return lang.T("report.matches-no-indicator")
	}
	return by
}

func skipLabel(reason string, lang Lang) string {
	switch reason {
	case "header repeated":
		return lang.T("report.header-repeated")
	case "note":
		return lang.T("report.note")
	}
	return reason
}

// valueText is a value as inspect prints it: the number in the plan's unit,
// [total] for a cumulative total, the ratio, or — for no value.
func valueText(v actuals.Value) string {
	switch v.Kind {
	case actuals.Total:
		return "[" + strconv.FormatFloat(v.Number, 'f', -1, 64) + "]"
	case actuals.Amount:
		return strconv.FormatFloat(v.Number, 'f', -1, 64)
	case actuals.Parts:
		parts := make([]string, len(v.Parts))
		for i, p := range v.Parts {
			parts[i] = strconv.FormatFloat(p, 'f', -1, 64)
		}
		return strings.Join(parts, ":")
	}
	return "—"
}

// Inspect prints what was read from a workbook: the sheet and layout, the
// header's columns, each row's match, each value with its cell, and the
// warnings.
func Inspect(w io.Writer, r *actuals.Result, lang Lang, format TableFormat) error {
	return InspectWidth(w, r, lang, format, 0)
}

// InspectWidth is Inspect fitted to a terminal width wide display columns
// (boxes only; 0: one line per row): the values column wraps, then the
// borders thin.
func InspectWidth(w io.Writer, r *actuals.Result, lang Lang, format TableFormat, width int) error {
	if format != Box {
		width = 0
	}
	text := func(s string) {
		s = msg.Printable(s)
		if width > 0 {
			s = Wrap(s, width, 2)
		}
		fmt.Fprintln(w, s)
	}
	layout := lang.T("report.layout-wide")
	if r.Layout == actuals.Long {
		layout = lang.T("report.layout-long")
	}
	text(lang.T("report.sheet-layout-header-row-plan", r.File, r.Sheet, layout, r.HeaderRow, r.Plan.Ref(), readerLabel(r.Format, lang)))
	fmt.Fprintln(w)

	cols := newGrid(format, []string{lang.T("report.cell"), lang.T("report.header"), lang.T("report.read-as")})
	cols.wrapCols, cols.noFold = []int{1, 2}, true
	for _, c := range r.Columns {
		cols.append([]string{c.Cell, oneLine(c.Header), roleLabel(c, lang)})
	}
	cols.fit(width)
	if err := cols.render(w); err != nil {
		return err
	}
	fmt.Fprintln(w)

	// A row's values, by its sheet and row: a workbook read one sheet per
	// year has a row 5 on each sheet.
	type place struct {
		sheet string
		row   int
	}
	values := map[place][]actuals.Value{}
	for _, v := range r.Values {
		sheet, _, _ := strings.Cut(v.Cell, "!")
		values[place{sheet, rowOf(v.Cell)}] = append(values[place{sheet, rowOf(v.Cell)}], v)
	}
	sheets := false // several: cells are named with their sheet
	for _, m := range r.Rows {
		sheets = sheets || m.Sheet != r.Rows[0].Sheet
	}
	header := []string{lang.T("report.row"), lang.T("report.cell"), lang.T("report.cell-text")}
	multi := len(r.Entities) > 1 || r.Entities[0] != ""
	if multi {
		header = append(header, lang.T("col.entity"))
	}
	header = append(header, lang.T("report.match"), lang.T("col.unit"), lang.T("report.values-cell"))
	rows := newGrid(format, header)
	rows.wrapCols, rows.noFold = []int{2, len(header) - 3, len(header) - 1}, true
	// An indicator by its name as the plan prints it; the id stays in JSON.
	names := map[string]string{}
	for _, ind := range r.Plan.Indicators() {
		names[ind.ID] = ind.Name
	}
	nameOf := func(id string) string {
		if n, ok := names[id]; ok {
			return n
		}
		return id
	}
	for _, m := range r.Rows {
		match := byLabel(m.By, lang)
		if m.Indicator != "" {
			match = nameOf(m.Indicator) + " " + match
		}
		var vals []string
		for _, v := range values[place{m.Sheet, m.Row}] {
			cell := cellOnly(v.Cell)
			if sheets {
				cell = v.Cell
			}
			s := fmt.Sprintf("%d: %s (%s)", v.Year, valueText(v), cell)
			if v.Note != "" {
				s += " " + v.Note
			}
			vals = append(vals, s)
		}
		cell := m.Cell
		if sheets {
			cell = m.Sheet + "!" + m.Cell
		}
		row := []string{strconv.Itoa(m.Row), cell, oneLine(m.Text)}
		if multi {
			row = append(row, m.Entity)
		}
		row = append(row, match, m.Unit, strings.Join(vals, "; "))
		rows.append(row)
	}
	rows.fit(width)
	if err := rows.render(w); err != nil {
		return err
	}
	if format == Markdown && len(r.Skipped)+len(r.Statuses)+len(r.Warnings) > 0 {
		// A line right under a Markdown table is one more of its rows; the
		// lines after it are a paragraph, each ended by a Markdown line
		// break.
		fmt.Fprintln(w)
		plain := text
		text = func(s string) { plain(s + "  ") }
	}
	for _, s := range r.Skipped {
		text(lang.T("report.skipped-row", s.Num, skipLabel(s.Reason, lang), oneLine(s.Text)))
	}
	for _, st := range r.Statuses {
		text(lang.T("report.status-3", st.Cell, nameOf(st.Indicator), st.Text))
	}
	for _, line := range actuals.IssueLines(r.Warnings) {
		text(lang.T("prefix.warning") + line)
	}
	return nil
}

// oneLine keeps a multi-line header or name on one table line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cellOnly drops the sheet from "Sheet!G9".
func cellOnly(ref string) string {
	if i := strings.LastIndex(ref, "!"); i >= 0 {
		return ref[i+1:]
	}
	return ref
}

// rowOf is the row number of "Sheet!G9".
func rowOf(ref string) int {
	ref = cellOnly(ref)
	i := strings.IndexAny(ref, "0123456789")
	if i < 0 {
		return 0
	}
	n, _ := strconv.Atoi(ref[i:])
	return n
}

// inspectJSON is `plancheck inspect --format json`.
type inspectJSON struct {
	File      string        `json:"file"`
	Sheet     string        `json:"sheet"`
	Layout    string        `json:"layout"`
	HeaderRow int           `json:"header_row"`
	Plan      string        `json:"plan"`
	Columns   []columnJSON  `json:"columns"`
	Rows      []rowJSON     `json:"rows"`
	Skipped   []skippedJSON `json:"skipped"`
	Values    []valueJSON   `json:"values"`
	Status    []statusJSON  `json:"statuses"`
	Warnings  []issueJSON   `json:"warnings"`
}

type columnJSON struct {
	Cell   string `json:"cell"`
	Header string `json:"header"`
	Role   string `json:"role"`
	Year   *int   `json:"year"`
}

type rowJSON struct {
	Row       int    `json:"row"`
	Cell      string `json:"cell"`
	Text      string `json:"text"`
	Entity    string `json:"entity"`
	Indicator string `json:"indicator"`
	By        string `json:"by"`
	Unit      string `json:"unit"`
}

type skippedJSON struct {
	Row    int    `json:"row"`
	Reason string `json:"reason"`
	Text   string `json:"text"`
}

type valueJSON struct {
	Indicator string    `json:"indicator"`
	Entity    string    `json:"entity"`
	Year      int       `json:"year"`
	Kind      string    `json:"kind"`
	Number    *float64  `json:"number"`
	Parts     []float64 `json:"parts"`
	Cell      string    `json:"cell"`
	Text      string    `json:"text"`
	Note      string    `json:"note"`
	// Approximate is present, true, for a value written as approximate or
	// provisional (约72, 72（快报）), as in eval's JSON.
	Approximate bool `json:"approximate,omitempty"`
}

type statusJSON struct {
	Indicator string `json:"indicator"`
	Entity    string `json:"entity"`
	Year      *int   `json:"year"`
	Text      string `json:"text"`
	Cell      string `json:"cell"`
}

type issueJSON struct {
	Cell    string `json:"cell"`
	Text    string `json:"text"`
	Message string `json:"message"`
	// More counts the issues of its kind after it that are left out (the
	// first 21 of a kind are listed).
	More int `json:"more,omitempty"`
}

// InspectJSON prints what was read as one JSON object.
func InspectJSON(w io.Writer, r *actuals.Result) error {
	out := inspectJSON{File: r.File, Sheet: r.Sheet, Layout: string(r.Layout), HeaderRow: r.HeaderRow,
		Plan: r.Plan.Ref(), Columns: []columnJSON{}, Rows: []rowJSON{}, Skipped: []skippedJSON{},
		Values: []valueJSON{}, Status: []statusJSON{}, Warnings: []issueJSON{}}
	for _, c := range r.Columns {
		cj := columnJSON{Cell: c.Cell, Header: c.Header, Role: string(c.Role)}
		if c.Role == actuals.RoleYear {
			y := c.Year
			cj.Year = &y
		}
		if cj.Role == "" {
			cj.Role = "other"
		}
		out.Columns = append(out.Columns, cj)
	}
	for _, m := range r.Rows {
		out.Rows = append(out.Rows, rowJSON{m.Row, m.Cell, m.Text, m.Entity, m.Indicator, m.By, m.Unit})
	}
	for _, s := range r.Skipped {
		out.Skipped = append(out.Skipped, skippedJSON{s.Num, s.Reason, s.Text})
	}
	for _, v := range r.Values {
		vj := valueJSON{Indicator: v.Indicator, Entity: v.Entity, Year: v.Year, Kind: string(v.Kind),
			Parts: v.Parts, Cell: v.Cell, Text: v.Text, Note: v.Note, Approximate: v.Approximate}
		if v.Kind == actuals.Amount || v.Kind == actuals.Total {
			n := v.Number
			vj.Number = &n
		}
		out.Values = append(out.Values, vj)
	}
	for _, st := range r.Statuses {
		sj := statusJSON{Indicator: st.Indicator, Entity: st.Entity, Text: st.Text, Cell: st.Cell}
		if st.Year != 0 {
			y := st.Year
			sj.Year = &y
		}
		out.Status = append(out.Status, sj)
	}
	for _, is := range r.Warnings {
		out.Warnings = append(out.Warnings, issueJSON{is.Cell, is.Text, is.Msg, is.More})
	}
	return writeJSON(w, out)
}

// readerLabel names the reader that read a file, for inspect.
func readerLabel(f actuals.Format, lang Lang) string {
	switch f {
	case actuals.FormatCSV:
		return lang.T("report.reader-csv")
	case actuals.FormatHTML:
		return lang.T("report.reader-html")
	case actuals.FormatODS:
		return lang.T("report.reader-ods")
	case actuals.FormatXLS:
		return lang.T("report.reader-xls")
	case actuals.FormatXLSX:
		return lang.T("report.reader-xlsx")
	}
	return string(f)
}
