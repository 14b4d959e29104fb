package msg

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Printable is s made safe to print to a terminal: every control character
// but the line break — C0 (ESC, BEL, CR, tab …), DEL and C1 — and every
// character that reorders or hides text (the bidirectional controls, line
// and paragraph separators) is written as its escape, \x1b or \u202e,
// visibly and on one line. A cell holding ESC]8;;… cannot make a link, a
// colour or a cleared screen, and a name holding U+202E cannot print
// backwards. Text without such characters is returned as it is, without
// copying. Every writer of text for a terminal or a Markdown file uses it
// (see MarkdownCell); messages do through Quoted.
func Printable(s string) string {
	i := unsafeIndex(s)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if unsafeRune(r) {
			writeEscape(&b, r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// MarkdownCell is Printable(s) for a cell of a Markdown table: a | is
// escaped and a line break is <br>, so that the cell stays one cell of one
// row.
func MarkdownCell(s string) string {
	s = Printable(s)
	if !strings.ContainsAny(s, "|\n") {
		return s
	}
	return strings.NewReplacer("|", `\|`, "\n", "<br>").Replace(s)
}

// unsafeIndex is the index of the first character of s that Printable
// escapes, or -1.
func unsafeIndex(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7f {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r) {
			return i
		}
		i += size
	}
	return -1
}

// unsafeRune reports whether Printable escapes r.
func unsafeRune(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true // bidirectional controls
	case r == 0x2028, r == 0x2029, r == 0xfeff, r == utf8.RuneError:
		return true // line and paragraph separators, a stray byte order mark, invalid UTF-8
	}
	return false
}

func writeEscape(b *strings.Builder, r rune) {
	switch {
	case r == utf8.RuneError:
		b.WriteString(`\ufffd`)
	case r < 0x100:
		fmt.Fprintf(b, `\x%02x`, r)
	default:
		fmt.Fprintf(b, `\u%04x`, r)
	}
}
