// Package report writes what plancheck found: the plan and completion tables as
// terminal tables, Markdown, CSV and JSON. It formats; it never judges.
package report

import (
	"encoding/json"
	"io"
	"os"

	"github.com/jlp-hrss/plancheck/pkg/msg"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Lang is the language of user-facing labels (see pkg/msg, the catalogue
// they come from).
type Lang = msg.Lang

// The languages labels come in; Chinese is the default, as the plans print.
const (
	Chinese = msg.Chinese
	English = msg.English
)

// ParseLang accepts the values of --lang ("" is Chinese).
func ParseLang(s string) (Lang, error) {
	if s == "" {
		return Chinese, nil
	}
	return msg.Parse(s)
}

// pick is the text in the given language, for the texts not yet in the
// catalogue (those built with arguments).
func pick(l Lang, zh, en string) string {
	if l == English {
		return en
	}
	return zh
}

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
func newTable(w io.Writer, format TableFormat) *tablewriter.Table {
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
	return tablewriter.NewTable(w, opts...)
}

// writeJSON writes v as every JSON output of plancheck is written: indented
// two spaces, with <, > and & left as they are (names are not HTML).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
