// Package report holds what every medium plancheck writes in shares: the
// labels of statuses, attributes, indicators and columns, and how values are
// shown (decimals, brackets, percentages). The writers live in its
// subpackages, one per medium: textout (terminal tables, Markdown, CSV,
// JSON) and book (the summary and template workbooks). They format; they
// never judge.
package report

import "github.com/jlp-hrss/plancheck/pkg/msg"

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
