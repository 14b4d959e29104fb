package textout

import (
	"slices"
	"strings"

	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
)

// minNameWidth is the narrowest the name column is wrapped to before the
// table changes layout: ten Chinese characters a line.
const minNameWidth = 20

// fit makes the table no wider than width display columns (0: no limit, one
// line per row). The steps, each taken only when the one before is not
// enough: the name column (the first) wraps; the last column (预计) folds
// under its row, into the name cell; the borders thin to spaces. The wrapped
// column never breaks inside a number or a word.
func (g *grid) fit(width int) {
	if width <= 0 || g.width(g.widths()) <= width {
		return
	}
	if g.wrapFirst(width) {
		return
	}
	if !g.noFold {
		g.foldLast()
		if g.wrapFirst(width) {
			return
		}
	}
	g.light = true
	g.wrapFirst(width)
}

// width is the table's display width with the given column widths.
func (g *grid) width(widths []int) int {
	total := 0
	for _, w := range widths {
		total += w
	}
	if g.light {
		return total + 2*(len(widths)-1)
	}
	return total + 3*len(widths) + 1
}

// widths are the columns' display widths.
func (g *grid) widths() []int {
	widths := make([]int, len(g.header))
	measure := func(row []string) {
		for i, cell := range row {
			if i >= len(widths) {
				break
			}
			for _, line := range strings.Split(cell, "\n") {
				widths[i] = max(widths[i], g.width0(line))
			}
		}
	}
	measure(g.header)
	for _, r := range g.rows {
		measure(r)
	}
	return widths
}

func (g *grid) width0(s string) int { return g.w.String(s) }

// wrapFirst wraps the columns that may wrap (wrapCols, else the first) so
// that the table fits width: the widest of them narrows first, none below
// minNameWidth (or, in the light style, a few characters). It reports whether
// the table fits.
func (g *grid) wrapFirst(width int) bool {
	cols := g.wrapCols
	if cols == nil {
		cols = []int{0}
	}
	least := minNameWidth
	if g.light {
		least = 8
	}
	widths := g.widths()
	target := slices.Clone(widths)
	for excess := g.width(widths) - width; excess > 0; excess-- {
		widest := -1
		for _, c := range cols {
			if target[c] > least && (widest < 0 || target[c] > target[widest]) {
				widest = c
			}
		}
		if widest < 0 {
			return false
		}
		target[widest]--
	}
	for _, c := range cols {
		if target[c] < widths[c] {
			for _, r := range g.rows {
				if c < len(r) {
					r[c] = wrapText(r[c], target[c], g.width0)
				}
			}
		}
	}
	return true
}

// foldLast moves the last column under each row: a line "预计：…" in the
// first cell, where the last cell has text.
func (g *grid) foldLast() {
	last := len(g.header) - 1
	label := g.header[last]
	for i, r := range g.rows {
		if len(r) > last {
			switch v := r[last]; {
			case v == "":
			case strings.HasPrefix(v, label): // 预计可如期完成 says what it is
				r[0] += "\n  " + v
			default:
				r[0] += "\n  " + label + g.colon + v
			}
			g.rows[i] = r[:last]
		}
	}
	g.header = g.header[:last]
}

// Wrap breaks a message into lines no wider than width terminal columns,
// as the completion table wraps its names, and indents every line after the
// first (those it makes and any already in s) by indent spaces.
func Wrap(s string, width, indent int) string {
	m := displaywidth.Options{EastAsianWidth: eastAsian().Enabled()}
	rest := width
	if width > indent+8 {
		rest = width - indent
	}
	return strings.ReplaceAll(strings.Join(wrapLine(s, width, rest, m.String), "\n"), "\n", "\n"+strings.Repeat(" ", indent))
}

// wrapText breaks s into lines no wider than width, at the width of runes
// (a Chinese character is two columns): between Chinese characters, after
// punctuation, at spaces; never inside a run of letters, digits and the
// signs of a number (43.6, [1700], 16:47:37), which moves whole to the next
// line (or is cut only when it alone is wider than a line). Lines already in
// s are kept.
func wrapText(s string, width int, measure func(string) int) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		out = append(out, wrapLine(line, width, width, measure)...)
	}
	return strings.Join(out, "\n")
}

// wrapLine breaks one line: the first no wider than first, the others no
// wider than rest.
func wrapLine(s string, first, rest int, measure func(string) int) []string {
	if measure(s) <= first {
		return []string{s}
	}
	width := first
	var lines []string
	var cur strings.Builder
	curWidth := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(cur.String(), " "))
		cur.Reset()
		curWidth = 0
		width = rest
	}
	for _, unit := range breakUnits(s) {
		w := measure(unit)
		if curWidth > 0 && curWidth+w > width {
			flush()
			if unit == " " {
				continue
			}
		}
		for w > width { // a unit wider than a line is cut
			cut, cw := cutTo(unit, width-curWidth, measure)
			cur.WriteString(cut)
			curWidth += cw
			flush()
			unit = unit[len(cut):]
			w = measure(unit)
		}
		cur.WriteString(unit)
		curWidth += w
	}
	if cur.Len() > 0 {
		flush()
	}
	return lines
}

// cutTo is the longest prefix of s no wider than width (at least one rune).
func cutTo(s string, width int, measure func(string) int) (string, int) {
	end, w := 0, 0
	for i, r := range s {
		rw := measure(string(r))
		if w+rw > width && end > 0 {
			break
		}
		end, w = i+utf8.RuneLen(r), w+rw
	}
	return s[:end], w
}

// breakUnits splits s into the pieces a line may break between: runs of
// letters, digits and number signs stay whole, and so does a short bracketed
// unit such as （万人） or （%）; punctuation that closes or follows (）。，、)
// stays with what comes before it, and an opening bracket with what follows;
// anything else is a piece of its own.
func breakUnits(s string) []string {
	var units []string
	runes := []rune(s)
	for i := 0; i < len(runes); {
		r := runes[i]
		j := i + 1
		switch {
		case keepTogether(r):
			for j < len(runes) && keepTogether(runes[j]) {
				j++
			}
		case r == '（' || r == '(' || r == '【' || r == '[' || r == '《':
			// A short bracketed group whole (（万人次）), else the bracket
			// goes with the next rune.
			if k := closingWithin(runes, i, 6); k > 0 {
				j = k + 1
			} else if j < len(runes) {
				j++
			}
		}
		for j < len(runes) && strings.ContainsRune("）)】]》，。、；：！？”’", runes[j]) {
			j++
		}
		units = append(units, string(runes[i:j]))
		i = j
	}
	return units
}

// closingWithin is where the bracket opened at runes[open] closes, within n
// runes after it, or 0.
func closingWithin(runes []rune, open, n int) int {
	for k := open + 1; k < len(runes) && k <= open+n+1; k++ {
		if strings.ContainsRune("）)】]》", runes[k]) {
			return k
		}
	}
	return 0
}

// keepTogether are the runes of words and numbers: ASCII letters and digits
// and the signs that stand inside a number, a bracketed total or a plan
// reference (jlp-hrss-13th@1).
func keepTogether(r rune) bool {
	if r < utf8.RuneSelf {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".,%:[]<>=+-/()@_", r)
	}
	return false
}
