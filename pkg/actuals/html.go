package actuals

import (
	"bytes"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// htmlMarkers are what a web page's start holds (lower case) when it is one:
// the "xls" that web reporting systems export is such a page with a table.
var htmlMarkers = [][]byte{[]byte("<html"), []byte("<table"), []byte("<!doctype html"), []byte("<meta")}

// looksLikeHTML reports whether a file's start is a web page: after a byte
// order mark and white space, a "<", and one of htmlMarkers in the start.
func looksLikeHTML(head []byte) bool {
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		s, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(head[:len(head)&^1])
		if err != nil {
			return false
		}
		head = s
	default:
		head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	}
	head = bytes.TrimLeft(head, " \t\r\n\f")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	lower := bytes.ToLower(head)
	for _, m := range htmlMarkers {
		if bytes.Contains(lower, m) {
			return true
		}
	}
	return false
}

// metaCharset finds the charset a page declares in its start, in
// <meta charset="gbk"> or <meta http-equiv="Content-Type"
// content="text/html; charset=gb2312">.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

// metaPrescan is how much of a page's start is searched for its charset
// (as browsers do).
const metaPrescan = 1024

// htmlEncoding is the encoding named by a <meta> charset, "" for one
// plancheck does not know (the bytes then decide).
func htmlEncoding(name string) string {
	switch strings.ToLower(name) {
	case "utf-8", "utf8":
		return EncodingUTF8
	case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936", "euc-cn", "hz-gb-2312":
		return EncodingGB18030
	}
	return ""
}

// decodeHTML is a page's bytes as UTF-8: the encoding is the byte order
// mark's, else --encoding, else the <meta> charset's, else UTF-8 if the
// bytes are valid UTF-8, else GB18030 (which holds GBK and GB2312).
func decodeHTML(data []byte, forced string) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
	}
	enc := forced
	if enc == "" {
		if m := metaCharset.FindSubmatch(data[:min(len(data), metaPrescan)]); m != nil {
			enc = htmlEncoding(string(m[1]))
		}
	}
	if enc == "" {
		enc = EncodingGB18030
		if utf8.Valid(data) {
			enc = EncodingUTF8
		}
	}
	switch enc {
	case EncodingGB18030:
		return simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	case EncodingUTF16:
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
	}
	return data, nil
}

// htmlSource is a web page: each <table> with a cell of text is a sheet,
// named 表1, 表2… by its place among the page's tables (in the order they
// open, a table inside a cell counted after the table holding it). A
// <td> or <th> is a text cell; rowspan and colspan are merged ranges, the
// covered cells carrying the first cell's text.
type htmlSource struct {
	names  []string
	tables map[string]*htmlTable
}

// htmlTable is one table laid out: its rows as <tr> gives them, each with
// the cells that start in it.
type htmlTable struct {
	rows [][]htmlCell
}

// htmlCell is a cell where it starts, and the range it covers.
type htmlCell struct {
	col, rowspan, colspan int
	text                  string
}

// openHTML reads a web page's tables: the whole file, within the limits
// (the file's size, a table's rows and columns, a cell's bytes, the cells
// spans cover).
func openHTML(path string, lim xlsx.Limits, opts Options) (source, error) {
	lim = lim.WithDefaults()
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, lim.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > lim.MaxFileSize {
		return nil, xlsx.LimitError(msg.Errorf("html.too-large", lim.MaxFileSize))
	}
	data, err = decodeHTML(data, opts.Encoding)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	src := &htmlSource{tables: map[string]*htmlTable{}}
	var merged int64
	n := 0
	for node := range walk(doc) {
		if node.Type != html.ElementNode || node.DataAtom != atom.Table {
			continue
		}
		n++
		name := "表" + strconv.Itoa(n)
		t, err := layoutTable(node, name, lim, &merged)
		if err != nil {
			return nil, err
		}
		if t != nil {
			src.names = append(src.names, name)
			src.tables[name] = t
		}
	}
	return src, nil
}

// walk yields a node and those under it in document order, without
// recursion (a page may nest deeply).
func walk(root *html.Node) func(func(*html.Node) bool) {
	return func(yield func(*html.Node) bool) {
		for n := root; n != nil; {
			if !yield(n) {
				return
			}
			if n.FirstChild != nil {
				n = n.FirstChild
				continue
			}
			for n != root && n.NextSibling == nil {
				n = n.Parent
			}
			if n == root {
				return
			}
			n = n.NextSibling
		}
	}
}

// tableRows are a table's own <tr>, in order: its children and those of its
// <thead>, <tbody> and <tfoot>, not a nested table's.
func tableRows(table *html.Node) []*html.Node {
	var rows []*html.Node
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.DataAtom == atom.Tr {
					rows = append(rows, r)
				}
			}
		}
	}
	return rows
}

// span is a rowspan or colspan attribute: a positive number, else 1.
func span(n *html.Node, key string) int {
	for _, a := range n.Attr {
		if a.Key == key {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err != nil || v < 1 {
				return 1
			}
			return v
		}
	}
	return 1
}

// colsAbove is a range of columns held by a cell with a rowspan from a row
// above, through row last.
type colsAbove struct{ left, right, last int }

// layoutTable places a table's cells as a browser does (a cell goes to the
// first column its row's earlier cells and the rowspans from above leave
// free); a rowspan stops at the table's last row. It is nil for a table
// without a cell of text. merged counts the cells spans cover, over the
// whole page.
func layoutTable(table *html.Node, name string, lim xlsx.Limits, merged *int64) (*htmlTable, error) {
	trs := tableRows(table)
	if len(trs) > lim.MaxRows {
		return nil, xlsx.LimitError(msg.Errorf("xlsx.row-beyond", lim.MaxRows))
	}
	t := &htmlTable{rows: make([][]htmlCell, len(trs))}
	var above []colsAbove // sorted by left
	anyText := false
	for r, tr := range trs {
		num := r + 1
		above = slices.DeleteFunc(above, func(a colsAbove) bool { return a.last < num })
		col, next := 1, 0
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if td.Type != html.ElementNode || (td.DataAtom != atom.Td && td.DataAtom != atom.Th) {
				continue
			}
			for next < len(above) && above[next].right < col {
				next++
			}
			for next < len(above) && above[next].left <= col {
				col = above[next].right + 1
				next++
			}
			rs, cs := span(td, "rowspan"), span(td, "colspan")
			if cs > lim.MaxCols || col+cs-1 > lim.MaxCols {
				return nil, xlsx.LimitError(msg.Errorf("xlsx.col-beyond", lim.MaxCols))
			}
			rs = min(rs, len(trs)-r)
			if rs > 1 || cs > 1 {
				*merged += int64(rs) * int64(cs)
				if *merged > lim.MaxMergedCells {
					return nil, xlsx.LimitError(msg.Errorf("xlsx.merged-cells-over", lim.MaxMergedCells))
				}
			}
			text := htmlText(td)
			if len(text) > lim.MaxCellBytes {
				return nil, xlsx.LimitError(msg.Errorf("html.cell-too-long", name, num, lim.MaxCellBytes))
			}
			anyText = anyText || text != ""
			t.rows[r] = append(t.rows[r], htmlCell{col: col, rowspan: rs, colspan: cs, text: text})
			if rs > 1 {
				a := colsAbove{left: col, right: col + cs - 1, last: num + rs - 1}
				i, _ := slices.BinarySearchFunc(above, a.left, func(x colsAbove, left int) int { return x.left - left })
				above = slices.Insert(above, i, a)
				if i < next {
					next++
				}
			}
			col += cs
		}
	}
	if !anyText {
		return nil, nil
	}
	return t, nil
}

// htmlText is a cell's text content as Excel shows it: white space runs
// collapsed to one space and each line trimmed, a <br> (or the end of a
// <p>, <div> or <li>) a line break as in a wrapped header; scripts, styles
// and nested tables (sheets of their own) left out.
func htmlText(td *html.Node) string {
	var b strings.Builder
	for n := td.FirstChild; n != nil; {
		skip := false
		switch {
		case n.Type == html.TextNode:
			b.WriteString(sourceBreaks.Replace(n.Data)) // white space in the source
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte('\n')
		case n.Type == html.ElementNode && (n.DataAtom == atom.Table || n.DataAtom == atom.Script || n.DataAtom == atom.Style):
			skip = true
		}
		if !skip && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != td && n.NextSibling == nil {
			n = n.Parent
			if n != td && n.Type == html.ElementNode && (n.DataAtom == atom.P || n.DataAtom == atom.Div || n.DataAtom == atom.Li) {
				b.WriteByte('\n')
			}
		}
		if n == td {
			break
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.P || n.DataAtom == atom.Div || n.DataAtom == atom.Li) {
			b.WriteByte('\n')
		}
		n = n.NextSibling
	}
	lines := strings.Split(b.String(), "\n")
	out := lines[:0]
	for _, line := range lines {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// sourceBreaks are the line breaks of a page's source, which are white space.
var sourceBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

func (h *htmlSource) Sheets() []string { return h.names }
func (h *htmlSource) Close() error     { return nil }
func (h *htmlSource) Calc(string, string) (string, error) {
	return "", msg.Errorf("html.no-formula")
}

// LastRow is a table's number of rows.
func (h *htmlSource) LastRow(sheet string) int {
	if t := h.tables[sheet]; t != nil {
		return len(t.rows)
	}
	return 0
}

// Rows yields a table's rows: a cell of text where it starts, and, where a
// span covers, a Merged cell with the starting cell's text; empty cells and
// rows left out.
func (h *htmlSource) Rows(sheet string, fn func(xlsx.Row) error) error {
	t := h.tables[sheet]
	if t == nil {
		return msg.Errorf("html.no-sheet", sheet)
	}
	var (
		above []htmlCell // spans from rows above, each with its last row in rowspan
		row   xlsx.Row
	)
	for r, cells := range t.rows {
		num := r + 1
		above = slices.DeleteFunc(above, func(c htmlCell) bool { return c.rowspan < num })
		row.Num, row.Cells = num, row.Cells[:0]
		for _, c := range above {
			for col := c.col; col < c.col+c.colspan; col++ {
				row.Cells = append(row.Cells, xlsx.Cell{Row: num, Col: col, Kind: xlsx.Text, Text: c.text, Merged: true})
			}
		}
		for _, c := range cells {
			if c.text == "" {
				continue
			}
			for col := c.col; col < c.col+c.colspan; col++ {
				row.Cells = append(row.Cells, xlsx.Cell{Row: num, Col: col, Kind: xlsx.Text, Text: c.text, Merged: col != c.col})
			}
			if c.rowspan > 1 {
				c.rowspan = num + c.rowspan - 1
				above = append(above, c)
			}
		}
		if len(row.Cells) == 0 {
			continue
		}
		// a colspan may run into a rowspan from above (a table's error that
		// browsers draw overlapping): the cell from above keeps the column
		slices.SortStableFunc(row.Cells, func(a, b xlsx.Cell) int { return a.Col - b.Col })
		row.Cells = slices.CompactFunc(row.Cells, func(a, b xlsx.Cell) bool { return a.Col == b.Col })
		if err := fn(row); err != nil {
			return err
		}
	}
	return nil
}
