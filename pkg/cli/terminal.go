package cli

import (
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"io"
	"os"

	"github.com/jlp-hrss/plancheck/pkg/report/textout"

	"golang.org/x/term"
)

// terminalWidth is the width of the terminal w writes to, or 0 when w is not
// a terminal (a pipe, a file: one line per table row there).
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width <= 0 {
		return 0
	}
	return width
}

// noteWriter writes stderr's notes, warnings and errors, each wrapped to the
// terminal's width when stderr is one, the lines after the first indented.
type noteWriter struct {
	w     io.Writer
	width int
}

func newNoteWriter(w io.Writer) *noteWriter { return &noteWriter{w: w, width: terminalWidth(w)} }

// line writes one message line, wrapped.
func (n *noteWriter) line(s string) {
	s = msg.Printable(s)
	if n.width > 0 {
		s = textout.Wrap(s, n.width, 2)
	}
	io.WriteString(n.w, s+"\n")
}
