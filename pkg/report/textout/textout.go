// Package textout writes what plancheck found as text: the completion and
// plan tables for a terminal (boxes fitted to its width) or as Markdown, CSV
// and JSON, and the inspect view of a workbook. It formats; it never judges.
// Labels and value formats come from package report, shared with the
// workbooks of package book.
package textout

import (
	"encoding/json"
	"io"
	"os"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/jlp-hrss/plancheck/pkg/report"
)

// Lang is the language of what is written (see pkg/msg).
type Lang = report.Lang

// TableFormat is how a table is drawn.
type TableFormat string

// The ways a table can be drawn.
const (
	Box      TableFormat = "table"
	Markdown TableFormat = "markdown"
)

// eastAsian reports whether ambiguous-width characters (—, …, box drawing) take
// two columns. Off unless RUNEWIDTH_EASTASIAN=1: the terminal's guess from LANG
// breaks borders under cron and CI (tablewriter issue #308).
func eastAsian() tw.State {
	if os.Getenv("RUNEWIDTH_EASTASIAN") == "1" {
		return tw.On
	}
	return tw.Off
}

// newTable returns a table writer with plancheck's settings: headers as given
// (not upper-cased), East-Asian width per eastAsian, boxes or Markdown.
func newTable(w io.Writer, format TableFormat) *table {
	opts := []tablewriter.Option{
		tablewriter.WithEastAsian(eastAsian()),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithTrimSpace(tw.Off),
	}
	if format == Markdown {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
	}
	return &table{t: tablewriter.NewTable(w, opts...), g: &grid{format: format}}
}

// table is a tablewriter table whose cells are made safe to print as the
// grid's are (grid.clean).
type table struct {
	t *tablewriter.Table
	g *grid
}

func (t *table) Header(cells []string)     { t.t.Header(t.g.clean(append([]string(nil), cells...))) }
func (t *table) Append(row []string) error { return t.t.Append(t.g.clean(row)) }
func (t *table) Render() error             { return t.t.Render() }

// writeJSON writes v as every JSON output of plancheck is written: indented
// two spaces, with <, > and & left as they are (names are not HTML).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
