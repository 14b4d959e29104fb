package pipeline

import (
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// NotEvaluated is a workbook of a batch that could not be evaluated (missing,
// not a workbook, damaged, no table, no plan or year for it), and why. The
// batch's other workbooks are written; every output names this one, so that
// no reader takes the output for the whole batch.
type NotEvaluated struct {
	File string
	Err  error
}

// Message is why, worded in lang as stderr says it: it names the file.
func (n NotEvaluated) Message(lang msg.Lang) string {
	return strings.TrimRight(msg.Text(n.Err, lang), "\n")
}

// Reason is Message without the file name it starts with, for an output
// that names the file beside it.
func (n NotEvaluated) Reason(lang msg.Lang) string {
	m := n.Message(lang)
	for _, sep := range []string{"：", ": "} {
		if rest, ok := strings.CutPrefix(m, n.File+sep); ok && rest != "" {
			return rest
		}
	}
	return m
}
