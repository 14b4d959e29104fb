// Package book writes plancheck's workbooks: the year-end summary (-o
// x.xlsx: 完成情况, 明细, 趋势, 说明) and the blank actuals template. Both share
// one palette and cell styles (style.go), one measure of text width
// (width.go), page setup for A4 and the deterministic save (save.go); labels
// and value formats come from package report, shared with the text outputs.
// Text from the inputs is always stored as text, never as a formula, and the
// same inputs give the same bytes.
package book

import "github.com/jlp-hrss/plancheck/pkg/report"

// Lang is the language of what is written (see pkg/msg).
type Lang = report.Lang
