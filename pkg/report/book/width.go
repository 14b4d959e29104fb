package book

import (
	"strings"

	"golang.org/x/text/width"
)

// textWidth is the width of s in units of column width, the one measure of
// both workbooks: a Chinese (East-Asian wide or full-width) character counts
// two, everything else one — East-Asian ambiguous characters (— “ ” ·)
// too, as Calibri draws them, which the cells' font names. For text of
// several lines, the widest line.
func textWidth(s string) int {
	widest := 0
	for _, line := range strings.Split(s, "\n") {
		n := 0
		for _, r := range line {
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
		widest = max(widest, n)
	}
	return widest
}

// wrapLines is how many lines a spreadsheet wraps one line of text
// into at the given width, breaking as they do: between Chinese characters,
// and after a space or a hyphen in other text; a word wider than the line is
// cut where it must. Counting characters alone undercounts a wrapped
// sentence by a line now and then, and its last line then does not print.
func wrapLines(text string, avail int) int {
	var words []string // each with its trailing space or hyphen
	start := 0
	for i, r := range text {
		wide := textWidth(string(r)) == 2
		switch {
		case wide:
			if i > start {
				words = append(words, text[start:i])
			}
			words = append(words, string(r))
			start = i + len(string(r))
		case r == ' ' || r == '-':
			words = append(words, text[start:i+1])
			start = i + 1
		}
	}
	if start < len(text) {
		words = append(words, text[start:])
	}
	lines, used := 1, 0
	for _, w := range words {
		wd := textWidth(w)
		shown := textWidth(strings.TrimRight(w, " ")) // a space at a line's end takes no room
		switch {
		case used+shown <= avail:
			used += wd
		case shown > avail: // cut where it must, from a line of its own
			if used > 0 {
				lines++
			}
			lines += (shown - 1) / avail
			used = wd - (shown-1)/avail*avail
		default:
			lines++
			used = wd
		}
	}
	return lines
}
