package report

import (
	"bufio"
	"io"
	"strings"

	"github.com/clipperhouse/displaywidth"
)

// grid draws a table as tablewriter draws it with plancheck's settings (see
// newTable): left-aligned cells padded by one space, boxes of light lines or
// Markdown pipes, a cell's lines split at line breaks. It exists because the
// completion table is drawn once per reporting unit, and tablewriter's
// general machinery costs about a millisecond a table: 2.3 s for a province's
// counties. Widths are measured as tablewriter measures them.
type grid struct {
	format TableFormat
	width  displaywidth.Options
	header []string
	rows   [][]string
}

func newGrid(format TableFormat, header []string) *grid {
	return &grid{format: format, width: displaywidth.Options{EastAsianWidth: eastAsian().Enabled()}, header: header}
}

// append adds a row; it keeps the slice.
func (g *grid) append(row []string) { g.rows = append(g.rows, row) }

// render writes the table.
func (g *grid) render(w io.Writer) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	widths := make([]int, len(g.header))
	measure := func(row []string) {
		for i, cell := range row {
			for _, line := range strings.Split(cell, "\n") {
				widths[i] = max(widths[i], g.width.String(line))
			}
		}
	}
	measure(g.header)
	for _, r := range g.rows {
		measure(r)
	}
	if g.format == Markdown {
		g.line(bw, widths, g.header, "|", "|", "|")
		bw.WriteString("|")
		for _, wd := range widths {
			bw.WriteString(":" + strings.Repeat("-", wd+1) + "|")
		}
		bw.WriteString("\n")
		for _, r := range g.rows {
			g.line(bw, widths, r, "|", "|", "|")
		}
	} else {
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
		cw := g.width.String("─")
		bw.WriteString(strings.Repeat("─", (wd+2)/cw) + strings.Repeat(" ", (wd+2)%cw))
	}
	bw.WriteString(right + "\n")
}

// line writes one row, as many lines high as its tallest cell.
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
			bw.WriteString(strings.Repeat(" ", wd-g.width.String(text)+1))
		}
		bw.WriteString(right + "\n")
	}
}
