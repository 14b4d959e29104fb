package book

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
	"github.com/xuri/excelize/v2"
)

// sheetWriter writes the cells of one worksheet and fits its columns to the display
// width of what they hold.
//
// Cells are written at any position, in any order, and kept here (rows), not
// in excelize's model: the column widths and row heights come from all of a
// sheet's text, and excelize's StreamWriter takes widths before the first
// row and rows only in order. finish sets the widths and counts the heights;
// flush streams the rows, once every setting of the sheet (panes, filter,
// page setup, charts) is made. A summary of thousands of units spent most of
// its time setting cells one by one in excelize's model and marshalling it.
type sheetWriter struct {
	b    *summaryBook
	name string
	// rows are the cells written, by row (rows[0] is row 1).
	rows [][]sheetCell
	// heights are the rows' heights in points, where set; 0 is the default.
	heights map[int]float64
	// merges are the merged ranges, in the order made; plancheck's never
	// overlap (one row each, or the two header rows of a column).
	merges [][2]string
	// lastCol and lastRow are the extent of the cells written, for the
	// print area.
	lastCol, lastRow int
	// widths are the column widths set by finish.
	widths map[int]float64
	// fit is the widest display width of each column's fitted cells.
	fit map[int]int
	// limit caps a column's width; wider text wraps.
	limit map[int]int
	// wrapped are the cells whose text may wrap: their rows get the height
	// of their lines once the widths are known.
	wrapped []wrappedCell
	// wrapCols are the columns with a wrapped cell of their own (not a
	// banner across several): they take their whole limit.
	wrapCols map[int]bool

	// measuring is the first pass over a streamed sheet (see stream): cells
	// are measured (widths, extent), not kept.
	measuring bool
	// scratch is the cell a measured write goes to.
	scratch sheetCell
	// measureUnstyled leaves the styles out of the measuring pass: for a
	// sheet measured while another is written, whose styles must come
	// after the other's (see styleCell).
	measureUnstyled bool
	// sw is the stream of a sheet written row by row (see stream): rows[0]
	// holds the cells of row streamRow, wrapped its wrapped cells.
	sw        *excelize.StreamWriter
	streamRow int
	// lineCache holds the line counts lines worked out lately.
	lineCache map[lineKey]int
	// values and buf are reused from row to row by writeRow.
	values []any
	buf    []excelize.Cell
}

// sheetCell is one cell of a sheetWriter: its value (a string, a float64,
// or nil for a cell that has only a style) and its style id.
type sheetCell struct {
	col   int
	value any
	style int
}

type wrappedCell struct {
	row, col, lastCol int
	text              string
}

func (b *summaryBook) openSheet(name string) *sheetWriter {
	return &sheetWriter{b: b, name: name, heights: map[int]float64{}, fit: map[int]int{}, limit: map[int]int{}, widths: map[int]float64{}, wrapCols: map[int]bool{}}
}

// cell is the cell at col, row, added if new.
func (s *sheetWriter) cell(col, row int) *sheetCell {
	if s.measuring {
		s.lastCol, s.lastRow = max(s.lastCol, col), max(s.lastRow, row)
		s.scratch = sheetCell{col: col}
		return &s.scratch
	}
	at := row - 1
	if s.sw != nil {
		if row != s.streamRow {
			s.emitRow()
			if row < s.streamRow {
				// a bug of plancheck's, never of the input
				s.b.check(fmt.Errorf("internal error: sheet %s: row %d written after row %d", s.name, row, s.streamRow))
			}
			s.streamRow = row
		}
		at = 0
	}
	for len(s.rows) <= at {
		s.rows = append(s.rows, nil)
	}
	cells := s.rows[at]
	// cells are mostly written left to right: look from the end
	for i := len(cells) - 1; i >= 0; i-- {
		if cells[i].col == col {
			return &cells[i]
		}
	}
	if cells == nil {
		// a row as wide as the widest so far: tables are as wide in every
		// row, and appending cell by cell would grow the slice five times
		cells = make([]sheetCell, 0, max(s.lastCol, 1))
	}
	s.rows[at] = append(cells, sheetCell{col: col})
	s.lastCol, s.lastRow = max(s.lastCol, col), max(s.lastRow, row)
	return &s.rows[at][len(cells)]
}

// rowHeight sets the height of a row, in points.
func (s *sheetWriter) rowHeight(row int, points float64) {
	s.heights[row] = points
}

// merge merges the cells from..to when the sheet is flushed. excelize's
// MergeCell checks a new range against every range before it, and every
// later write of a cell against them all (a summary of thousands of units, a
// heading per unit and per group, took minutes); the stream writer's only
// records it.
func (s *sheetWriter) merge(from, to string) {
	if s.measuring {
		return
	}
	s.merges = append(s.merges, [2]string{from, to})
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// styleCell gives a cell its style. A measured cell's style is made too:
// styles are numbered in the order they are first used, and that order must
// not depend on whether a sheet is streamed.
func (s *sheetWriter) styleCell(col, row int, cs cellStyle) {
	if s.b.err != nil {
		return
	}
	s.set(s.cell(col, row), nil, cs)
}

// set gives cell c its value (none while measuring: a value stored as any
// is allocated) and its style (see styleCell); v nil keeps its value.
func (s *sheetWriter) set(c *sheetCell, v any, cs cellStyle) {
	switch {
	case s.measuring && s.measureUnstyled:
	case s.measuring:
		s.b.style(cs) // made, in its order of first use
	default:
		if v != nil {
			c.value = v
		}
		c.style = s.b.style(cs)
	}
}

// fitWidth widens col to fit text; a streamed sheet's widths are set
// already.
func (s *sheetWriter) fitWidth(col int, text string) {
	if s.sw == nil {
		s.fit[col] = max(s.fit[col], textWidth(text))
	}
}

// text writes a string cell. A string value is always stored as text (an
// inline string), so a value from an input that starts with =, +, - or @
// stays text: it never becomes a formula.
func (s *sheetWriter) text(col, row int, v string, cs cellStyle) {
	if s.b.err != nil {
		return
	}
	s.set(s.cell(col, row), v, cs)
	if cs.wrap {
		s.wrap(wrappedCell{row: row, col: col, lastCol: col, text: v})
	} else {
		s.fitWidth(col, v)
	}
}

// wrap notes a cell whose text wraps, for the widths and the row's height.
func (s *sheetWriter) wrap(wc wrappedCell) {
	if wc.col == wc.lastCol {
		s.wrapCols[wc.col] = true
	}
	if !s.measuring {
		s.wrapped = append(s.wrapped, wc)
	}
}

// number writes a number cell; shown is the text it displays, for the width.
func (s *sheetWriter) number(col, row int, v float64, shown string, cs cellStyle) {
	if s.b.err != nil {
		return
	}
	s.set(s.cell(col, row), v, cs)
	s.fitWidth(col, shown)
}

// banner writes a string across columns col..lastCol (merged); it does not
// widen the columns and wraps when wrap is set.
func (s *sheetWriter) banner(col, lastCol, row int, v string, cs cellStyle) {
	if s.b.err != nil {
		return
	}
	s.set(s.cell(col, row), v, cs)
	for c := col + 1; c <= lastCol; c++ {
		s.styleCell(c, row, cs)
	}
	if lastCol > col {
		s.merge(cellName(col, row), cellName(lastCol, row))
	}
	if cs.wrap {
		s.wrap(wrappedCell{row: row, col: col, lastCol: lastCol, text: v})
	}
}

// maxRowHeight is the highest row Excel allows, in points.
const maxRowHeight = 409

// finish sets the column widths (display width + 2, at least 6, at most the
// column's limit) and the heights of rows whose text wraps; flush writes
// the rows.
func (s *sheetWriter) finish() {
	if s.b.err != nil {
		return
	}
	// A column whose own text wraps takes its whole limit, so that short
	// and long texts share one width.
	for c := range s.wrapCols {
		if s.limit[c] != 0 {
			s.fit[c] = max(s.fit[c], s.limit[c])
		}
	}
	cols := make([]int, 0, len(s.fit))
	for c := range s.fit {
		cols = append(cols, c)
	}
	sort.Ints(cols)
	widths := map[int]float64{}
	for _, c := range cols {
		limit := s.limit[c]
		if limit == 0 {
			limit = maxTextCol
		}
		wd := float64(min(max(s.fit[c]+2, 6), limit))
		widths[c] = wd
		s.b.check(s.b.f.SetColWidth(s.name, colName(c), colName(c), wd))
	}
	s.widths = widths
	lines := map[int]int{}
	for _, wc := range s.wrapped {
		lines[wc.row] = max(lines[wc.row], s.lines(wc))
	}
	for r, n := range lines {
		if n > 1 {
			s.rowHeight(r, linesHeight(n))
		}
	}
}

// lines is how many lines a wrapped cell's text takes at the columns'
// widths (set by finish).
func (s *sheetWriter) lines(wc wrappedCell) int {
	avail := 0.0
	for c := wc.col; c <= wc.lastCol; c++ {
		wd, ok := s.widths[c]
		if !ok {
			wd = 9 // excelize's default column width
		}
		avail += wd
	}
	width := max(int(avail)-1, 1)
	// The same texts come back row after row (a unit's name, an
	// indicator's, —): their count is kept, for a while.
	key := lineKey{wc.text, width}
	if n, ok := s.lineCache[key]; ok {
		return n
	}
	n := 0
	for _, line := range strings.Split(wc.text, "\n") {
		n += wrapLines(line, width)
	}
	if s.lineCache == nil || len(s.lineCache) >= maxLineCache {
		s.lineCache = make(map[lineKey]int, maxLineCache)
	}
	s.lineCache[key] = n
	return n
}

// lineKey is a text and the width it wraps at.
type lineKey struct {
	text  string
	width int
}

// maxLineCache is how many line counts sheetWriter.lines keeps.
const maxLineCache = 4096

// linesHeight is the height of a row of n lines, in points. Excel's rows
// are at most 409 points high; a longer text is all in its cell, shown in
// the formula bar.
func linesHeight(n int) float64 {
	return min(float64(n)*pointsPerLine+3, maxRowHeight)
}

// flush writes the sheet's rows and merged ranges through excelize's
// StreamWriter, in order, and frees them. It comes last: the stream writes
// the sheet's settings (widths, panes, filter, page setup, charts) as they
// are when it starts and ends; a change made later is lost, and excelize
// reads a streamed sheet back whole for it (SetActiveSheet and
// SetSheetVisible read every sheet), or not at all once it is in a
// temporary file.
func (s *sheetWriter) flush() {
	sw := s.openStream()
	if sw == nil {
		return
	}
	for i, cells := range s.rows {
		if !s.writeRow(sw, i+1, cells, s.heights[i+1]) {
			return
		}
	}
	s.end(sw)
}

// openStream starts the sheet's StreamWriter; nil after an error.
func (s *sheetWriter) openStream() *excelize.StreamWriter {
	if s.b.err != nil {
		return nil
	}
	sw, err := s.b.f.NewStreamWriter(s.name)
	s.b.check(err)
	if err != nil {
		return nil
	}
	return sw
}

// measure runs write, the first pass over a streamed sheet: the cells are
// measured, not kept (see stream).
func (s *sheetWriter) measure(write func()) {
	s.measuring = true
	write()
	s.measuring = false
}

// stream writes a sheet too big to hold whole (明细 of thousands of units)
// row by row: write, which writes every cell of the sheet in order of rows,
// runs twice. The first run only measures (the columns' widths, the extent);
// then the caller makes the sheet's settings (finish, freeze, filter,
// print), as before flush; the second run's rows go to the StreamWriter one
// by one, each with the height its wrapped text needs at those widths.
// Only a row's cells are held at a time, and the sheet is the same, byte
// for byte, as one held whole and flushed.
func (s *sheetWriter) stream(write func()) {
	sw := s.openStream()
	if sw == nil {
		return
	}
	s.sw, s.streamRow, s.rows, s.wrapped = sw, 0, nil, nil
	write()
	s.emitRow()
	s.sw = nil
	if s.b.err == nil {
		s.end(sw)
	}
}

// emitRow writes the streamed row held, with the height its wrapped cells
// need.
func (s *sheetWriter) emitRow() {
	if s.streamRow == 0 || s.b.err != nil {
		return
	}
	height, n := s.heights[s.streamRow], 0
	for _, wc := range s.wrapped {
		n = max(n, s.lines(wc))
	}
	if n > 1 {
		height = linesHeight(n)
	}
	var cells []sheetCell
	if len(s.rows) > 0 {
		cells = s.rows[0]
		s.rows[0] = cells[:0]
	}
	s.writeRow(s.sw, s.streamRow, cells, height)
	s.wrapped = s.wrapped[:0]
}

// writeRow writes one row's cells; false after an error.
func (s *sheetWriter) writeRow(sw *excelize.StreamWriter, row int, cells []sheetCell, height float64) bool {
	if len(cells) == 0 && height == 0 {
		return true
	}
	slices.SortFunc(cells, func(a, b sheetCell) int { return a.col - b.col })
	first, width := 1, 0
	if len(cells) > 0 {
		first, width = cells[0].col, cells[len(cells)-1].col-cells[0].col+1
	}
	// values holds pointers into one row's worth of excelize.Cell, reused:
	// a Cell stored in an interface by value is allocated, a pointer is not.
	s.values = slices.Grow(s.values[:0], width)[:width]
	clear(s.values)
	s.buf = slices.Grow(s.buf[:0], len(cells))[:len(cells)]
	for j, c := range cells {
		s.buf[j] = excelize.Cell{StyleID: c.style, Value: c.value}
		s.values[c.col-first] = &s.buf[j]
	}
	if err := sw.SetRow(cellName(first, row), s.values, excelize.RowOpts{Height: height}); err != nil {
		s.b.check(err)
		return false
	}
	return true
}

// end writes the merged ranges and ends the stream, and frees the sheet's
// cells.
func (s *sheetWriter) end(sw *excelize.StreamWriter) {
	for _, m := range s.merges {
		s.b.check(sw.MergeCell(m[0], m[1]))
	}
	s.b.check(sw.Flush())
	s.rows, s.merges, s.wrapped = nil, nil, nil
}

// print gives the sheet its page setup (see printLayout): the print area
// covers every cell written, and lastRow where something else (a chart)
// reaches further down.
func (s *sheetWriter) print(landscape bool, titleRows, lastRow int) {
	if s.b.err != nil {
		return
	}
	s.b.check(setPrintLayout(s.b.f, s.name, printLayout{
		landscape: landscape, titleRows: titleRows, lastCol: s.lastCol, lastRow: max(s.lastRow, lastRow),
		plan: s.b.plans, lang: s.b.lang,
	}))
}

// portraitWidth is about the width, in units of column width, that an
// upright A4 page prints at 100% within printLayout's margins (7.8 inches
// of about 7.5 pixels a unit at 96 pixels an inch).
const portraitWidth = 100

// wide is true when the sheet's columns are wider than an upright page: it
// then prints landscape, at or nearer to its full size.
func (s *sheetWriter) wide() bool {
	total := 0.0
	for c := 1; c <= s.lastCol; c++ {
		wd, ok := s.widths[c]
		if !ok {
			wd = 9 // excelize's default column width
		}
		total += wd
	}
	return total > portraitWidth
}

// freeze keeps the first rows and columns in view.
func (s *sheetWriter) freeze(cols, rows int) {
	if s.b.err != nil {
		return
	}
	topLeft := cellName(cols+1, rows+1)
	pane := "bottomLeft"
	switch {
	case cols > 0 && rows > 0:
		pane = "bottomRight"
	case cols > 0:
		pane = "topRight"
	}
	s.b.check(s.b.f.SetPanes(s.name, &excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: topLeft, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: pane}},
	}))
}

// decimalFormat is the number format code of dec decimals: "0", "0.00".
func decimalFormat(dec int) string {
	if dec <= 0 {
		return "0"
	}
	return "0." + strings.Repeat("0", dec)
}

// valueFormat is the number format that shows v as formatValue prints it;
// a cumulative total in brackets, as the plans print it: [9.00].
func valueFormat(v float64, ind *plan.Indicator, cumulative bool) (code, shown string) {
	code, shown = decimalFormat(report.ValueDecimals(v, ind)), report.FormatValue(v, ind)
	if cumulative {
		// \[ \] are literal brackets: a bare [ opens a condition or colour
		code, shown = `\[`+code+`\]`, "["+shown+"]"
	}
	return code, shown
}

const percentFormat = "0.0%"

func percentText(v float64) string { return strconv.FormatFloat(v*100, 'f', 1, 64) + "%" }

// indicatorValue writes a value of an indicator: the number with the
// indicator's precision (a cumulative total in brackets), or — for none.
func (s *sheetWriter) indicatorValue(col, row int, v *float64, ind *plan.Indicator, cumulative bool, cs cellStyle) {
	if v == nil {
		cs.align = "center"
		s.text(col, row, "—", cs)
		return
	}
	code, shown := valueFormat(*v, ind, cumulative)
	cs.numFmt = code
	s.number(col, row, *v, shown, cs)
}

// actualValue writes an outcome's actual: a ratio as written, else the value.
func (s *sheetWriter) actualValue(col, row int, o evaluate.Outcome, cs cellStyle) {
	if o.ActualText != "" {
		s.text(col, row, o.ActualText, cs)
		return
	}
	s.indicatorValue(col, row, o.Actual, o.Indicator, o.Indicator.Target.IsCumulative(), cs)
}

func (s *sheetWriter) percentValue(col, row int, v *float64, cs cellStyle) {
	if v == nil {
		cs.align = "center"
		s.text(col, row, "—", cs)
		return
	}
	cs.numFmt = percentFormat
	s.number(col, row, *v, percentText(*v), cs)
}

func (s *sheetWriter) status(col, row int, o evaluate.Outcome, lang Lang) {
	s.text(col, row, report.StatusLabel(o.Status, o.Final, lang), cellStyle{border: true, align: "center", fill: statusFill(o.Status)})
}
