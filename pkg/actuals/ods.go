package actuals

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// OpenDocument namespaces, as encoding/xml resolves them.
const (
	nsOffice  = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsTable   = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsText    = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsCalcExt = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
)

// odsMimeType is the mimetype entry of an OpenDocument spreadsheet (and,
// with "-template", of a template).
const odsMimeType = "application/vnd.oasis.opendocument.spreadsheet"

// odsSource is an OpenDocument spreadsheet (.ods, as LibreOffice and WPS
// save it): content.xml read as a stream of tokens with encoding/xml, once
// for the sheets' names when opened and once per Rows call.
//
// Every sheet is listed, hidden ones included, as the xlsx reader lists
// them. Cells are typed by office:value-type: float and currency are
// numbers, percentage a number with Percent (office:value holds the
// fraction), date and time text with Date, boolean a Bool, a string (or a
// formula's result that calcext:value-type calls an error) text or an
// Error. A formula's saved result is its value; nothing is calculated
// (Calc is an error). A cell spanning columns or rows (a merge) fills the
// covered cells of its range, Merged set; a covered cell's own content is
// ignored, as Excel shows only the top-left value.
//
// Repeated rows and cells (table:number-rows-repeated,
// table:number-columns-repeated) without content are skipped, however many;
// with content, each repetition is a row or cell, and the repeated cells
// beyond the first count, with the merged ones, against MaxMergedCells.
type odsSource struct {
	path    string
	lim     xlsx.Limits
	zr      *zip.ReadCloser
	content *zip.File
	sheets  []string
}

// openODS opens an OpenDocument spreadsheet and reads its sheets' names.
func openODS(path string, lim xlsx.Limits) (source, error) {
	lim = lim.WithDefaults()
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.Size() > lim.MaxFileSize {
		return nil, xlsx.LimitError(msg.Errorf("ods.too-large", lim.MaxFileSize))
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, msg.Errorf("ods.bad-zip", err)
	}
	o := &odsSource{path: path, lim: lim, zr: zr}
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			o.content = f
		}
	}
	if o.content == nil {
		zr.Close()
		return nil, msg.Errorf("ods.no-content")
	}
	if err := o.readNames(); err != nil {
		zr.Close()
		return nil, err
	}
	if len(o.sheets) == 0 {
		zr.Close()
		return nil, msg.Errorf("ods.no-sheets")
	}
	return o, nil
}

func (o *odsSource) Sheets() []string   { return o.sheets }
func (o *odsSource) LastRow(string) int { return 0 }
func (o *odsSource) Close() error       { return o.zr.Close() }
func (o *odsSource) Calc(string, string) (string, error) {
	return "", msg.Errorf("ods.no-calc")
}

// partReader reads a zip part, an error of going over MaxPartSize past its
// limit, whatever the zip's header claims.
type partReader struct {
	r    io.Reader
	left int64
	max  int64
}

func (p *partReader) Read(b []byte) (int, error) {
	if p.left <= 0 {
		return 0, xlsx.LimitError(msg.Errorf("ods.part-too-large", "content.xml", p.max))
	}
	if int64(len(b)) > p.left {
		b = b[:p.left]
	}
	n, err := p.r.Read(b)
	p.left -= int64(n)
	return n, err
}

// decoder opens content.xml for one pass.
func (o *odsSource) decoder() (*xml.Decoder, io.Closer, error) {
	if o.content.UncompressedSize64 > uint64(o.lim.MaxPartSize) {
		return nil, nil, xlsx.LimitError(msg.Errorf("ods.part-too-large", "content.xml", o.lim.MaxPartSize))
	}
	rc, err := o.content.Open()
	if err != nil {
		return nil, nil, msg.Errorf("ods.bad-zip", err)
	}
	// one byte more than the limit, so that reaching it is an error
	d := xml.NewDecoder(&partReader{r: rc, left: o.lim.MaxPartSize + 1, max: o.lim.MaxPartSize})
	return d, rc, nil
}

// xmlErr words an error of the XML stream.
func xmlErr(err error) error {
	if errors.Is(err, xlsx.ErrLimit) {
		return err
	}
	return msg.Errorf("ods.bad-xml", err)
}

// readNames lists the sheets, skimming content.xml.
func (o *odsSource) readNames() error {
	d, closer, err := o.decoder()
	if err != nil {
		return err
	}
	defer closer.Close()
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return xmlErr(err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Space == nsTable && se.Name.Local == "table" {
			name := attr(se, nsTable, "name")
			if name == "" {
				name = "Sheet" + strconv.Itoa(len(o.sheets)+1)
			}
			o.sheets = append(o.sheets, name)
			if err := d.Skip(); err != nil {
				return xmlErr(err)
			}
		}
	}
}

func attr(se xml.StartElement, space, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value
		}
	}
	return ""
}

// odsMerge is a cell spanning rows or columns, and the value its covered
// cells show.
type odsMerge struct {
	r1, c1, r2, c2 int
	cell           xlsx.Cell
}

// odsReader is the state of one Rows call.
type odsReader struct {
	o      *odsSource
	d      *xml.Decoder
	fn     func(xlsx.Row) error
	row    int // the current row's number
	col    int // the next cell's column
	cells  []xlsx.Cell
	merges []odsMerge // those that reach the current row or below
	// filled counts the cells made by repetition and merges.
	filled      int64
	mergeRanges int
	text        strings.Builder
}

// Rows streams the rows of the sheet: see odsSource.
func (o *odsSource) Rows(sheet string, fn func(xlsx.Row) error) error {
	d, closer, err := o.decoder()
	if err != nil {
		return err
	}
	defer closer.Close()
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return msg.Errorf("ods.no-sheet", sheet)
		}
		if err != nil {
			return xmlErr(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Space != nsTable || se.Name.Local != "table" {
			continue
		}
		if attr(se, nsTable, "name") != sheet {
			if err := d.Skip(); err != nil {
				return xmlErr(err)
			}
			continue
		}
		r := &odsReader{o: o, d: d, fn: fn, row: 1}
		return r.table()
	}
}

// repeat reads a number-*-repeated or -spanned attribute: 1 when absent or
// bad, and at most max+1 (beyond max is beyond any limit).
func repeat(se xml.StartElement, local string, max int) int {
	v := attr(se, nsTable, local)
	if v == "" {
		return 1
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 1
	}
	return min(n, max+1)
}

// table reads the rows of a table:table, row groups and header rows
// included, up to its end.
func (r *odsReader) table() error {
	depth := 0
	for {
		tok, err := r.d.Token()
		if err != nil {
			return xmlErr(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		case xml.StartElement:
			switch {
			case t.Name.Space == nsTable && (t.Name.Local == "table-row-group" || t.Name.Local == "table-header-rows" || t.Name.Local == "table-rows"):
				depth++
			case t.Name.Space == nsTable && t.Name.Local == "table-row":
				if err := r.tableRow(t); err != nil {
					return err
				}
			default:
				if err := r.d.Skip(); err != nil {
					return xmlErr(err)
				}
			}
		}
	}
}

// tableRow reads a table:table-row and hands it to fn, once per repetition.
func (r *odsReader) tableRow(se xml.StartElement) error {
	lim := r.o.lim
	n := repeat(se, "number-rows-repeated", lim.MaxRows)
	r.col, r.cells = 1, r.cells[:0]
	for {
		tok, err := r.d.Token()
		if err != nil {
			return xmlErr(err)
		}
		if _, ok := tok.(xml.EndElement); ok {
			break
		}
		t, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if t.Name.Space != nsTable || (t.Name.Local != "table-cell" && t.Name.Local != "covered-table-cell") {
			if err := r.d.Skip(); err != nil {
				return xmlErr(err)
			}
			continue
		}
		if err := r.tableCell(t); err != nil {
			return err
		}
	}
	if len(r.cells) > 0 {
		slices.SortFunc(r.cells, func(a, b xlsx.Cell) int { return a.Col - b.Col })
		if r.row+n-1 > lim.MaxRows {
			return xlsx.LimitError(msg.Errorf("xlsx.row-beyond", lim.MaxRows))
		}
		if err := r.fill(int64(n-1) * int64(len(r.cells))); err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			for j := range r.cells {
				r.cells[j].Row = r.row
			}
			if err := r.fn(xlsx.Row{Num: r.row, Cells: r.cells}); err != nil {
				return err
			}
			r.row++
		}
	} else {
		r.row = min(r.row+n, lim.MaxRows+2)
	}
	// merges wholly above the next row are done
	live := r.merges[:0]
	for _, m := range r.merges {
		if m.r2 >= r.row {
			live = append(live, m)
		}
	}
	r.merges = live
	return nil
}

// fill counts n cells made by repetition or merges against MaxMergedCells.
func (r *odsReader) fill(n int64) error {
	r.filled += n
	if r.filled > r.o.lim.MaxMergedCells {
		return xlsx.LimitError(msg.Errorf("ods.filled-over", r.o.lim.MaxMergedCells))
	}
	return nil
}

// tableCell reads a table:table-cell or table:covered-table-cell.
func (r *odsReader) tableCell(se xml.StartElement) error {
	lim := r.o.lim
	n := repeat(se, "number-columns-repeated", lim.MaxCols)
	col := r.col
	r.col = min(r.col+n, lim.MaxCols+2)
	if se.Name.Local == "covered-table-cell" {
		if err := r.d.Skip(); err != nil {
			return xmlErr(err)
		}
		return r.covered(col, col+n-1)
	}
	c, err := r.cellValue(se, col)
	if err != nil {
		return err
	}
	if c.Kind == xlsx.Blank && !c.Formula {
		return nil // an empty cell, however repeated
	}
	if col+n-1 > lim.MaxCols {
		return xlsx.LimitError(msg.Errorf("xlsx.col-beyond", lim.MaxCols))
	}
	if err := r.fill(int64(n - 1)); err != nil {
		return err
	}
	c.Row = r.row
	for i := 0; i < n; i++ {
		c.Col = col + i
		r.cells = append(r.cells, c)
	}
	cols := repeat(se, "number-columns-spanned", lim.MaxCols)
	rows := repeat(se, "number-rows-spanned", lim.MaxRows)
	if cols > 1 || rows > 1 {
		if n > 1 {
			return msg.Errorf("ods.repeated-merge", odsRef(col, r.row))
		}
		if col+cols-1 > lim.MaxCols {
			return xlsx.LimitError(msg.Errorf("xlsx.col-beyond", lim.MaxCols))
		}
		if r.row+rows-1 > lim.MaxRows {
			return xlsx.LimitError(msg.Errorf("xlsx.row-beyond", lim.MaxRows))
		}
		r.mergeRanges++
		if r.mergeRanges > lim.MaxMergedRanges {
			return xlsx.LimitError(msg.Errorf("xlsx.merges-over", lim.MaxMergedRanges))
		}
		if err := r.fill(int64(cols)*int64(rows) - 1); err != nil {
			return err
		}
		r.merges = append(r.merges, odsMerge{r1: r.row, c1: col, r2: r.row + rows - 1, c2: col + cols - 1, cell: c})
	}
	return nil
}

// covered adds the cells from..to of the current row that merges cover,
// with their top-left cell's value; covered cells outside any merge are
// dropped.
func (r *odsReader) covered(from, to int) error {
	for _, m := range r.merges {
		if r.row < m.r1 || r.row > m.r2 {
			continue
		}
		lo, hi := max(from, m.c1), min(to, m.c2)
		for c := lo; c <= hi; c++ {
			if c == m.c1 && r.row == m.r1 {
				continue
			}
			cell := m.cell
			cell.Row, cell.Col, cell.Merged = r.row, c, true
			r.cells = append(r.cells, cell)
		}
	}
	return nil
}

// cellValue reads a cell's value from its attributes and text, up to its
// end: Kind Blank, without Formula, when it has none.
func (r *odsReader) cellValue(se xml.StartElement, col int) (xlsx.Cell, error) {
	var c xlsx.Cell
	valueType := attr(se, nsOffice, "value-type")
	c.Formula = attr(se, nsTable, "formula") != ""
	text, err := r.cellText(col)
	if err != nil {
		return c, err
	}
	switch valueType {
	case "float", "currency", "percentage":
		v := attr(se, nsOffice, "value")
		f, ok := parseODSNumber(v)
		if !ok {
			return c, msg.Errorf("ods.bad-number", odsRef(col, r.row), v)
		}
		c.Kind, c.Text, c.Number = xlsx.Number, v, f
		if valueType == "percentage" {
			c.Percent, c.Format = true, "0%"
		}
	case "boolean":
		c.Kind, c.Text = xlsx.Bool, "FALSE"
		if b := attr(se, nsOffice, "boolean-value"); b == "true" || b == "1" {
			c.Text = "TRUE"
		}
	case "date":
		c.Kind, c.Text, c.Date = xlsx.Text, attr(se, nsOffice, "date-value"), true
	case "time":
		c.Kind, c.Text, c.Date = xlsx.Text, attr(se, nsOffice, "time-value"), true
	default: // string, or none
		if s := attr(se, nsOffice, "string-value"); s != "" {
			text = s
		}
		if attr(se, nsCalcExt, "value-type") == "error" {
			c.Kind, c.Text = xlsx.Error, text
		} else if text != "" {
			c.Kind, c.Text = xlsx.Text, text
		}
	}
	if len(c.Text) > r.o.lim.MaxCellBytes {
		return c, xlsx.LimitError(msg.Errorf("ods.cell-too-long", odsRef(col, r.row), r.o.lim.MaxCellBytes))
	}
	if c.Kind != xlsx.Blank && c.Text == "" && c.Kind != xlsx.Text {
		return c, msg.Errorf("ods.no-value", odsRef(col, r.row), valueType)
	}
	return c, nil
}

// cellText reads a cell's content up to its end: its text:p paragraphs
// joined by newlines (comments, shapes and the rest left out).
func (r *odsReader) cellText(col int) (string, error) {
	r.text.Reset()
	paras := 0
	for {
		tok, err := r.d.Token()
		if err != nil {
			return "", xmlErr(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return r.text.String(), nil
		case xml.StartElement:
			if t.Name.Space == nsText && t.Name.Local == "p" {
				if paras > 0 {
					r.text.WriteByte('\n')
				}
				paras++
				if err := r.paragraph(col); err != nil {
					return "", err
				}
				continue
			}
			if err := r.d.Skip(); err != nil {
				return "", xmlErr(err)
			}
		}
	}
}

// paragraph reads a text:p's text, spans and links included, up to its end.
func (r *odsReader) paragraph(col int) error {
	depth := 0
	for {
		if r.text.Len() > r.o.lim.MaxCellBytes {
			return xlsx.LimitError(msg.Errorf("ods.cell-too-long", odsRef(col, r.row), r.o.lim.MaxCellBytes))
		}
		tok, err := r.d.Token()
		if err != nil {
			return xmlErr(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			r.text.Write(t)
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		case xml.StartElement:
			if t.Name.Space != nsText {
				if err := r.d.Skip(); err != nil {
					return xmlErr(err)
				}
				continue
			}
			switch t.Name.Local {
			case "s":
				n := 1
				if v, err := strconv.Atoi(attr(t, nsText, "c")); err == nil && v > 1 {
					n = min(v, r.o.lim.MaxCellBytes+1)
				}
				r.text.WriteString(strings.Repeat(" ", n))
			case "tab":
				r.text.WriteByte('\t')
			case "line-break":
				r.text.WriteByte('\n')
			case "note", "ruby-text":
				if err := r.d.Skip(); err != nil {
					return xmlErr(err)
				}
				continue
			}
			depth++
		}
	}
}

// parseODSNumber parses an office:value: decimal notation only, as
// parseNumber does for the xlsx reader (no NaN, Inf or hex).
func parseODSNumber(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= '0' && b <= '9', b == '.', b == '-', b == '+', b == 'e', b == 'E':
		default:
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// odsRef is the A1 reference of a cell, for messages.
func odsRef(col, row int) string { return xlsx.Cell{Row: row, Col: col}.Ref() }
