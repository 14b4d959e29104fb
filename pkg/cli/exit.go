package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
)

// Exit statuses of spec §5.
const (
	ExitOK      = 0 // done; evaluated and nothing failed the policy; every plan valid
	ExitFailed  = 1 // evaluated but the policy failed; a plan read but invalid
	ExitTrouble = 2 // could not do the job: bad arguments, unreadable or bad input
)

// exitError carries an exit status. When silent, the command has already
// printed what went wrong, and Main prints nothing more.
type exitError struct {
	code   int
	err    error
	silent bool
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// silentExit ends a command with the given status after it has reported the
// problems itself.
func silentExit(code int) error { return &exitError{code: code, silent: true} }

// withHint adds a line that says how to fix the error: the same
// pipeline.HintError the pipeline's own errors carry.
func withHint(err error, format string, args ...any) error {
	return pipeline.Hint(err, fmt.Sprintf(format, args...))
}

// reportError prints err, one "plancheck: error:" line per line of its text, and any
// hint, and returns the exit status it maps to. Anything not marked otherwise is
// trouble (2): the job could not be done.
func reportError(stderr io.Writer, err error, lang ...msg.Lang) int {
	if err == nil {
		return ExitOK
	}
	code := ExitTrouble
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
		if ee.silent {
			return code
		}
	}
	l := msg.Chinese
	if len(lang) > 0 {
		l = lang[0]
	}
	out := newNoteWriter(stderr)
	for _, line := range strings.Split(strings.TrimRight(msg.Text(err, l), "\n"), "\n") {
		out.line("plancheck: " + l.T("prefix.error") + line)
	}
	// A hint from any layer: this package's, or the pipeline's.
	var he interface{ Hint() string }
	if errors.As(err, &he) {
		out.line("plancheck: " + l.T("prefix.hint") + he.Hint())
	}
	return code
}
