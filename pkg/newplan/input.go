package newplan

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Line is one line of the input (or one row of a sheet): its cells, and
// where it is.
type Line struct {
	Num   int      // 1-based line or row number
	Cells []string // each trimmed of white space; "" where empty
	// Positional says the cells stand in their columns (a tab-separated
	// line, a sheet's row); a line split at runs of spaces lost its empty
	// cells, so its values are read from the right.
	Positional bool
}

// MaxInput bounds the text read, and MaxLines the lines read from it: a
// 专栏 table is a few kilobytes and tens of lines, a whole plan document a
// few hundred kilobytes and hundreds of (long) lines.
const (
	MaxInput = 1 << 20
	MaxLines = 20000
)

// DecodeText turns the bytes of a pasted file into text: UTF-8 (a byte
// order mark dropped), UTF-16 with a byte order mark, else GB18030 where
// the bytes are not UTF-8 (a Windows editor's 简体中文 text).
func DecodeText(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(data[3:])
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		if s, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data); err == nil {
			return string(s)
		}
	case !utf8.Valid(data):
		if s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data); err == nil {
			return string(s)
		}
	}
	return string(data)
}

// spaceRun separates cells in a line without tabs: two or more spaces
// (ideographic spaces count), as a PDF or Word copy lays a table out.
var spaceRun = regexp.MustCompile(`[ \x{3000}\x{00A0}]{2,}`)

// SplitText splits pasted text into lines of cells. A line with a tab is
// split at its tabs (a spreadsheet's copy, or a Word table's); a field that
// starts with a double quote runs to its closing quote, line breaks
// included, as a spreadsheet quotes a cell with a line break in it. Any
// other line is split at runs of two or more spaces; a line that starts
// with such a run has an empty first cell.
func SplitText(text string) []Line {
	text = strings.ToValidUTF8(text, "\uFFFD")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw := strings.Split(text, "\n")
	tabbed := strings.Contains(text, "\t")
	var out []Line
	for i := 0; i < len(raw); i++ {
		num := i + 1
		l := raw[i]
		if !strings.Contains(l, "\t") && !(tabbed && strings.HasPrefix(l, `"`)) {
			out = append(out, Line{Num: num, Cells: trimCells(spaceRun.Split(strings.TrimRight(l, " \t\u3000\u00a0"), -1))})
			continue
		}
		var cells []string
		for {
			cell, rest, open := nextTabField(l)
			for open && i+1 < len(raw) {
				// A quoted field goes on over the line break.
				i++
				l += "\n" + raw[i]
				cell, rest, open = nextTabField(l)
			}
			cells = append(cells, cell)
			if rest == nil {
				break
			}
			l = *rest
		}
		out = append(out, Line{Num: num, Cells: trimCells(cells), Positional: true})
	}
	return out
}

// nextTabField reads the first field of a tab-separated line: the field,
// what follows its tab (nil at the end), and whether a quoted field was
// left open by the end of the line.
func nextTabField(l string) (field string, rest *string, open bool) {
	if strings.HasPrefix(l, `"`) {
		var b strings.Builder
		for i := 1; i < len(l); i++ {
			if l[i] != '"' {
				b.WriteByte(l[i])
				continue
			}
			if i+1 < len(l) && l[i+1] == '"' {
				b.WriteByte('"')
				i++
				continue
			}
			// The closing quote: the field ends at the next tab.
			after := l[i+1:]
			tab := strings.IndexByte(after, '\t')
			if tab < 0 {
				return b.String() + after, nil, false
			}
			r := after[tab+1:]
			return b.String() + after[:tab], &r, false
		}
		return l, nil, true
	}
	tab := strings.IndexByte(l, '\t')
	if tab < 0 {
		return l, nil, false
	}
	r := l[tab+1:]
	return l[:tab], &r, false
}

func trimCells(cells []string) []string {
	for i, c := range cells {
		cells[i] = strings.TrimSpace(strings.Trim(strings.ToValidUTF8(c, "\uFFFD"), "\u3000\u00a0"))
	}
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// SheetLines turns a sheet's cells (row i+1 at rows[i]) into lines.
func SheetLines(rows [][]string) []Line {
	out := make([]Line, len(rows))
	for i, r := range rows {
		out[i] = Line{Num: i + 1, Cells: trimCells(append([]string(nil), r...)), Positional: true}
	}
	return out
}
