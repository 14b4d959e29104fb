package book

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// textWidth is the width of s in units of column width, the one measure of
// both workbooks: a Chinese (East-Asian wide or full-width) character counts
// two, everything else one — East-Asian ambiguous characters (— “ ” ·)
// too, as Calibri draws them, which the cells' font names. For text of
// several lines, the widest line.
func textWidth(s string) int {
	widest, n := 0, 0
	for _, r := range s {
		if r == '\n' {
			widest, n = max(widest, n), 0
			continue
		}
		n += runeWidth(r)
	}
	return max(widest, n)
}

// runeWidth is a character's width: 2 for a wide or full-width one.
func runeWidth(r rune) int {
	if r < 0x1100 {
		return 1 // nothing below the Hangul Jamo is wide
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// wrapLines is how many lines a spreadsheet wraps one line of text
// into at the given width, breaking as they do: between Chinese characters,
// and after a space or a hyphen in other text; a word wider than the line is
// cut where it must. Counting characters alone undercounts a wrapped
// sentence by a line now and then, and its last line then does not print.
func wrapLines(text string, avail int) int {
	if textWidth(text) <= avail {
		return 1
	}
	// The text goes word by word (each with its trailing space or hyphen;
	// a Chinese character is a word), without collecting the words: the
	// summary of thousands of units wraps hundreds of thousands of cells.
	lines, used := 1, 0
	add := func(w string) {
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
	start := 0
	for i, r := range text {
		wide := runeWidth(r) == 2
		switch {
		case wide:
			if i > start {
				add(text[start:i])
			}
			size := utf8.RuneLen(r)
			add(text[i : i+size])
			start = i + size
		case r == ' ' || r == '-':
			add(text[start : i+1])
			start = i + 1
		}
	}
	if start < len(text) {
		add(text[start:])
	}
	return lines
}
