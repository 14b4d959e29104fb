package textout

import (
	"bufio"
	"io"
	"strings"

	"github.com/clipperhouse/displaywidth"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// grid draws a table as tablewriter draws it with plancheck's settings (see
// newTable): left-aligned cells padded by one space, boxes of light lines or
// Markdown pipes, a cell's lines split at line breaks. It exists because the
// completion table is drawn once per reporting unit, and tablewriter's
// general machinery costs about a millisecond a table: 2.3 s for a province's
// counties. Widths are measured as tablewriter measures them. To fit a
// terminal, fit wraps, folds and thins it (see fit.go).
type grid struct {
	format TableFormat
	w      displaywidth.Options
	header []string
	rows   [][]string
	// light draws no box: columns two spaces apart, a rule under the header.
	light bool
	// colon is the colon of a folded column's label, as the language writes it.
	colon string
	// wrapCols are the columns that wrap to fit a width (nil: the first);
	// noFold keeps the last column where it is (see fit).
	wrapCols []int
	noFold   bool
}

func newGrid(format TableFormat, header []string) *grid {
	g := &grid{format: format, w: displaywidth.Options{EastAsianWidth: eastAsian().Enabled()}, colon: "："}
	g.header = g.clean(append([]string(nil), header...))
	return g
}

// append adds a row; it keeps the slice, its cells made safe to print
// (clean).
func (g *grid) append(row []string) { g.rows = append(g.rows, g.clean(row)) }

// clean makes each cell of row safe to print, in place: msg.Printable, and
// for Markdown msg.MarkdownCell (a | or a line break in a name would split
// the row).
func (g *grid) clean(row []string) []string {
	for i, c := range row {
		if g.format == Markdown {
			row[i] = msg.MarkdownCell(c)
		} else {
			row[i] = msg.Printable(c)
		}
	}
	return row
}

// render writes the table.
func (g *grid) render(w io.Writer) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	widths := g.widths()
	switch {
	case g.format == Markdown:
		g.line(bw, widths, g.header, "|", "|", "|")
		bw.WriteString("|")
		for _, wd := range widths {
			bw.WriteString(":" + strings.Repeat("-", wd+1) + "|")
		}
		bw.WriteString("\n")
		for _, r := range g.rows {
			g.line(bw, widths, r, "|", "|", "|")
		}
	case g.light:
		g.line(bw, widths, g.header, "", "", "")
		for i, wd := range widths {
			if i > 0 {
				bw.WriteString("  ")
			}
			bw.WriteString(strings.Repeat("─", wd/g.width0("─")))
		}
		bw.WriteString("\n")
		for _, r := range g.rows {
			g.line(bw, widths, r, "", "", "")
		}
	default:
		g.rule(bw, widths, "┌", "┬", "┐")
		g.line(bw, widths, g.header, "│", "│", "│")
		g.rule(bw, widths, "├", "┼", "┤")
		for _, r := range g.rows {
			g.line(bw, widths, r, "│", "│", "│")
		}
		g.rule(bw, widths, "└", "┴", "┘")
	}
	if bw != w {
		return bw.Flush()
	}
	return nil
}

func (g *grid) rule(bw *bufio.Writer, widths []int, left, mid, right string) {
	bw.WriteString(left)
	for i, wd := range widths {
		if i > 0 {
			bw.WriteString(mid)
		}
		// A rule is as wide as its cell; where ambiguous characters are
		// wide, so is its line character.
		cw := g.width0("─")
		bw.WriteString(strings.Repeat("─", (wd+2)/cw) + strings.Repeat(" ", (wd+2)%cw))
	}
	bw.WriteString(right + "\n")
}

// line writes one row, as many lines high as its tallest cell. In the light
// style (no edges) cells are two spaces apart and lines carry no trailing
// spaces.
func (g *grid) line(bw *bufio.Writer, widths []int, row []string, left, mid, right string) {
	cells := make([][]string, len(widths))
	height := 1
	for i := range widths {
		if i < len(row) {
			cells[i] = strings.Split(row[i], "\n")
		}
		height = max(height, len(cells[i]))
	}
	for l := range height {
		if g.light && g.format != Markdown {
			var b strings.Builder
			for i, wd := range widths {
				text := ""
				if l < len(cells[i]) {
					text = cells[i][l]
				}
				if i > 0 {
					b.WriteString("  ")
				}
				b.WriteString(text)
				b.WriteString(strings.Repeat(" ", wd-g.width0(text)))
			}
			bw.WriteString(strings.TrimRight(b.String(), " ") + "\n")
			continue
		}
		bw.WriteString(left)
		for i, wd := range widths {
			if i > 0 {
				bw.WriteString(mid)
			}
			text := ""
			if l < len(cells[i]) {
				text = cells[i][l]
			}
			bw.WriteString(" ")
			bw.WriteString(text)
			bw.WriteString(strings.Repeat(" ", wd-g.width0(text)+1))
		}
		bw.WriteString(right + "\n")
	}
}
