package xlsx

import (
	"io"
	"regexp"
	"slices"
	"strconv"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// Kind is the type of a cell's value.
type Kind uint8

const (
	// Blank is a cell present without a value: a formula saved without a
	// cached result (Formula is set; see Workbook.Calc).
	Blank Kind = iota
	// Number is a numeric cell, dates included (Date says so).
	Number
	// Text is a string: shared, inline, or the result of a formula; also an
	// ISO 8601 date cell (t="d", with Date set).
	Text
	// Bool is TRUE or FALSE.
	Bool
	// Error is an error value such as #DIV/0! or #N/A.
	Error
)

// String returns the kind's name, for messages.
func (k Kind) String() string {
	switch k {
	case Blank:
		return "blank"
	case Number:
		return "number"
	case Text:
		return "text"
	case Bool:
		return "bool"
	case Error:
		return "error"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Row is one row of a worksheet.
type Row struct {
	// Num is the 1-based row number.
	Num int
	// Cells are sorted by column. They are the cells with a value or a
	// formula (empty and merely styled cells are left out), plus the cells
	// filled in from merged ranges. The slice is reused for the next row:
	// it is valid only until fn returns, and a caller that keeps cells
	// copies them.
	Cells []Cell
}

// Cell is one cell with everything plancheck needs to read it, gathered in a
// single pass over the worksheet.
type Cell struct {
	// Row and Col are 1-based; Ref gives the A1 reference.
	Row, Col int
	// Kind is the type of the value.
	Kind Kind
	// Text is the value as text. Number: the stored text as written in
	// the file ("0.9615"), not as Excel would display it. Text: the string
	// (shared, inline, formula result, or an ISO date). Bool: "TRUE" or
	// "FALSE". Error: the error value ("#DIV/0!"). Blank: "".
	Text string
	// Number is the value of a Number cell.
	Number float64
	// Percent is set when the cell's number format is a percentage
	// (built-in 9 "0%" or 10 "0.00%", or a custom code with % outside
	// quotes and escapes): the stored number is then a fraction, 0.9615
	// for 96.15 %.
	Percent bool
	// Date is set when the number format is a date or time (built-in
	// 14–22, 27–36, 45–47, 50–58, or a custom code with y, m, d, h or s
	// outside quotes, escapes and brackets, or an elapsed time such as
	// [h]:mm), and for ISO date cells.
	Date bool
	// Format is the number format code, for messages ("0%", "yyyy/m/d");
	// "" for General.
	Format string
	// Formula is set when the cell holds a formula, shared formulas
	// included. Number, Text, Bool and Error are then its cached result.
	Formula bool
	// Merged is set on a cell that lies in a merged range but is not its
	// top-left cell: Kind, Text, Number, Percent, Date, Format and Formula
	// are then the top-left cell's, as Excel shows them.
	Merged bool
}

// Ref is the cell's A1 reference, "G9". It is built when asked for, so that
// reading a sheet makes no string per cell.
func (c Cell) Ref() string { return refName(c.Col, c.Row) }

// Rows streams the rows of sheet in order and calls fn for each row that has
// cells (see Row.Cells); rows with none are skipped. It stops at and returns
// the first error of fn, unchanged.
//
// Memory does not grow with the number of rows: the shared strings and number
// formats (read by Open), one row, and the values of the merged ranges are
// all that is held. Cells of a merged range are filled with the top-left
// cell's value (Cell.Merged), also in rows the file does not contain, up to
// maxGapRows (1,000) of them after each row the file holds, so that a range
// of a million rows in a file of a few rows is little work; a cell the file
// does hold inside a merged range is replaced, since Excel shows only the
// top-left value. The worksheet part is read twice: once,
// skimming, for the merged ranges (listed after the cells), then for the
// cells, with a hand-written tokenizer for the XML producers write; a part
// with anything else in it, or with an error, is read a third time with
// encoding/xml, which gives the same rows (fn does not see a row twice) and
// the message (see fastXML).
//
// References are optional in the file format: a cell without one follows
// the cell before it, a row without one follows the row before it unless its
// cells say otherwise. Rows out of order, a cell outside its row, two cells
// in one place, or overlapping merged ranges are errors.
func (w *Workbook) Rows(sheet string, fn func(Row) error) error {
	s, err := w.sheet(sheet)
	if err != nil {
		return err
	}
	w.mu.Lock()
	closed := w.closed
	w.mu.Unlock()
	if closed {
		return msg.Errorf("xlsx.closed")
	}
	if s.part == "" {
		return msg.Errorf("xlsx.no-sheet-part", s.name)
	}
	ranges, err := w.scanMerges(s.part)
	if err != nil {
		return err
	}
	return w.streamSheet(s.part, ranges, fn, nil)
}

// formulaCell is a cell's formula, for Calc's pass over a sheet.
type formulaCell struct {
	row, col int
	text     []byte // the formula, "" for a shared formula's child
	typ      string // the t attribute of <f>: "", "shared", "array" …
	si       int    // the shared formula's index, -1 if not shared
	uncached bool   // the cell has no value
}

// streamSheet reads a worksheet part, calling fn with its rows (merged
// ranges filled from ranges) and, when formulas is not nil, formulas with
// every cell that holds one. See Rows for the fast path and the fallback;
// formulas may see a cell twice, once from each.
func (w *Workbook) streamSheet(part string, ranges []mergeRange, fn func(Row) error, formulas func(*formulaCell) error) error {
	if w.tokenizer == tokenizeXML {
		return w.readSheet(part, ranges, fn, formulas, false)
	}
	// The fast path first, on a copy of the ranges (the merger marks
	// them as it goes). fn's own errors end Rows there, unchanged; any
	// other outcome but success, including an error in the file, reads
	// the part again with encoding/xml, which makes the message, and
	// skips the rows fn already had. Both readers yield the same rows in
	// the same order up to the point where the fast one stopped (its
	// tokens are the same, see fastXML, and the same code interprets
	// them), and row numbers only increase, so "already had" is "number
	// at most the last one given to fn".
	last := 0
	var fnErr error // fn's (or formulas') own error
	wrapF := formulas
	if formulas != nil {
		wrapF = func(f *formulaCell) error {
			if err := formulas(f); err != nil {
				fnErr = err
				return err
			}
			return nil
		}
	}
	err := w.readSheet(part, slices.Clone(ranges), func(r Row) error {
		last = r.Num
		if err := fn(r); err != nil {
			fnErr = err
			return err
		}
		return nil
	}, wrapF, true)
	if fnErr != nil {
		return fnErr
	}
	if err == nil || w.tokenizer == tokenizeFast {
		return err
	}
	return w.readSheet(part, ranges, func(r Row) error {
		if r.Num <= last {
			return nil
		}
		return fn(r)
	}, formulas, false)
}

// tokenizerMode chooses how worksheets, shared strings and styles are
// tokenized; tests compare the ways.
type tokenizerMode uint8

const (
	// tokenizeAuto is the fast tokenizer with encoding/xml as fallback.
	tokenizeAuto tokenizerMode = iota
	// tokenizeXML is encoding/xml only, as before the fast tokenizer.
	tokenizeXML
	// tokenizeFast is the fast tokenizer only: where it would fall back,
	// the reader returns errBail, or the error of the file as the fast
	// path met it.
	tokenizeFast
)

// readSheet reads the cells of a worksheet part with one tokenizer.
func (w *Workbook) readSheet(part string, ranges []mergeRange, fn func(Row) error, formulas func(*formulaCell) error, fast bool) error {
	rc, err := w.openPart(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	sr := &sheetReader{
		w:    w,
		part: part,
		lim:  w.lim,
		sst:  w.sst,
		st:   w.styles,
		fn:   fn,

		formulas: formulas,
	}
	if len(ranges) > 0 {
		sr.merges = newMerger(ranges)
	}
	if fast {
		return sr.runFast(newFastXML(rc))
	}
	sr.xs = newXMLStream(part, rc, sheetToken(w.lim))
	sr.xs.where = sr.where
	return sr.runXML()
}

// sheetToken bounds one XML token of a worksheet or the shared strings: a
// cell's text, escaped (up to 6 bytes for 1, as in &#x1F600;), or a long
// start tag such as a selection listing many ranges.
func sheetToken(lim Limits) int64 {
	return max(int64(lim.MaxCellBytes)*8, 4<<20)
}

// sheetReader is the state of one Rows call.
type sheetReader struct {
	w    *Workbook
	part string
	lim  Limits
	sst  *sharedStrings
	st   *styles
	fn   func(Row) error
	xs   *xmlStream

	merges   *merger
	elements int64 // start tags read, against MaxElements

	// formulas, when set, is given each formula (see streamSheet).
	formulas func(*formulaCell) error
	inF      bool
	f        formulaCell

	inSheetData bool
	inRow       bool
	rowNum      int  // number of the current row
	rowFixed    bool // rowNum came from an r attribute, not counting
	lastRow     int  // number of the last row processed
	lastCol     int  // column of the last <c> in the row
	cells       []Cell
	gapCells    []Cell // cells of rows only merged ranges fill
	sorted      bool

	inCell bool
	cur    cellState
	v      []byte // text of <v>
	is     []byte // text of <is>
	inV    bool
	inIS   bool
	inT    bool
	rph    int
}

// cellState is what is known of the <c> being read.
type cellState struct {
	col   int
	style int
	typ   string
	hasV  bool
	hasIS bool
	hasF  bool
}

// where names the cell or row being read in an error from the XML stream.
func (sr *sheetReader) where(err error) error {
	if sr.inCell {
		return msg.Errorf("xlsx.cell", sr.curRef(), err)
	}
	if sr.inRow {
		return sr.rowErr(err)
	}
	return err
}

// curRef is the current cell's reference. A cell's r attribute always names
// it this way: parseRef takes no leading zero and at most three letters, so
// the one spelling of (col, row) in upper case is refName's, and the row is
// the cell's own (startCell holds them equal).
func (sr *sheetReader) curRef() string {
	return refName(sr.cur.col, sr.rowNum)
}

// cellErr names the part and the current cell in an error.
func (sr *sheetReader) cellErr(err error) error {
	return inPart(sr.part, msg.Errorf("xlsx.cell", sr.curRef(), err))
}

// rowErr names the current row in an error.
func (sr *sheetReader) rowErr(err error) error {
	return msg.Errorf("xlsx.row", sr.rowNum, err)
}

// runXML reads the part with the xmlStream over encoding/xml.
func (sr *sheetReader) runXML() error {
	if err := sr.xs.eachToken(sr.handle); err != nil {
		return err
	}
	return sr.finish()
}

// runFast reads the part with the fast tokenizer. It returns errBail when
// the tokenizer meets something it does not read; see Workbook.Rows for
// what happens then.
//
// It is Workbook.eachToken's fast loop written again on purpose: calling
// sr.handle directly keeps each token on the stack, where a call through
// eachToken's func value moves it to the heap (BenchmarkRows/long: 1.7 s
// becomes 2.6 s).
func (sr *sheetReader) runFast(x *fastXML) error {
	for {
		tok, err := x.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if err := sr.handle(&tok); err != nil {
			return err
		}
	}
	return sr.finish()
}

// handle applies one token to the reader's state: both tokenizers feed
// it, so what the file means is decided in one place.
func (sr *sheetReader) handle(t *token) error {
	switch t.kind {
	case tokStart:
		if sr.elements++; sr.elements > sr.lim.MaxElements {
			return inPart(sr.part, limitErr(msg.Errorf("xlsx.elements-over", sr.lim.MaxElements)))
		}
		switch t.name {
		case "c":
			if sr.inRow {
				if err := sr.startCell(t); err != nil {
					return err
				}
			}
		case "v":
			if sr.inCell && !sr.inIS {
				sr.inV, sr.cur.hasV, sr.v = true, true, sr.v[:0]
			}
		case "f":
			if sr.inCell {
				sr.cur.hasF = true
				if sr.formulas != nil {
					sr.startFormula(t)
				}
			}
		case "is":
			if sr.inCell {
				sr.inIS, sr.cur.hasIS, sr.is, sr.rph = true, true, sr.is[:0], 0
			}
		case "rPh":
			if sr.inIS {
				sr.rph++
			}
		case "t":
			sr.inT = sr.inIS && sr.rph == 0
		case "row":
			if sr.inSheetData {
				if err := sr.startRow(t); err != nil {
					return err
				}
			}
		case "sheetData":
			sr.inSheetData = true
		}
	case tokEnd:
		switch t.name {
		case "v":
			sr.inV = false
		case "f":
			sr.inF = false
		case "t":
			sr.inT = false
		case "rPh":
			if sr.rph > 0 {
				sr.rph--
			}
		case "is":
			sr.inIS, sr.inT = false, false
		case "c":
			if sr.inCell {
				if err := sr.endCell(); err != nil {
					return err
				}
			}
		case "row":
			if sr.inRow {
				if err := sr.endRow(); err != nil {
					return err
				}
			}
		case "sheetData":
			sr.inSheetData = false
		}
	case tokText:
		switch {
		case sr.inF:
			if len(sr.f.text)+len(t.text) > maxFormulaLen {
				return sr.cellErr(limitErr(msg.Errorf("xlsx.formula-long", maxFormulaLen)))
			}
			sr.f.text = append(sr.f.text, t.text...)
		case sr.inV:
			if len(sr.v)+len(t.text) > sr.lim.MaxCellBytes {
				return sr.cellErr(limitErr(msg.Errorf("xlsx.value-over", sr.lim.MaxCellBytes)))
			}
			sr.v = append(sr.v, t.text...)
		case sr.inT:
			if len(sr.is)+len(t.text) > sr.lim.MaxCellBytes {
				return sr.cellErr(limitErr(msg.Errorf("xlsx.text-over", sr.lim.MaxCellBytes)))
			}
			sr.is = append(sr.is, t.text...)
		}
	}
	return nil
}

// finish checks the end of the part and yields the rows below the last one
// that merged ranges fill.
func (sr *sheetReader) finish() error {
	if sr.inRow {
		return inPart(sr.part, sr.rowErr(msg.Errorf("xlsx.row-eof")))
	}
	// Merged ranges may reach below the last row in the file.
	return sr.gap(sr.lastRow+1, sr.lim.MaxRows+1)
}

func (sr *sheetReader) startRow(t *token) error {
	if sr.inRow {
		return inPart(sr.part, sr.rowErr(msg.Errorf("xlsx.row-in-row")))
	}
	sr.inRow, sr.rowFixed, sr.lastCol, sr.sorted = true, false, 0, true
	sr.cells = sr.cells[:0]
	sr.rowNum = sr.lastRow + 1
	if r, ok := t.attrValue("r"); ok {
		n, ok := parseUint(r)
		var err error
		if !ok {
			n, err = strconv.Atoi(string(r)) // a sign, or over nine digits
		}
		if err != nil || n < 1 {
			return inPart(sr.part, msg.Errorf("xlsx.bad-row-number", sr.lastRow, string(r)))
		}
		sr.rowNum, sr.rowFixed = n, true
	}
	if sr.rowNum > sr.lim.MaxRows {
		return inPart(sr.part, sr.rowErr(limitErr(msg.Errorf("xlsx.row-beyond", sr.lim.MaxRows))))
	}
	if sr.rowNum <= sr.lastRow {
		return inPart(sr.part, msg.Errorf("xlsx.rows-out-of-order", sr.rowNum, sr.lastRow))
	}
	return nil
}

func (sr *sheetReader) startCell(t *token) error {
	if sr.inCell {
		return sr.cellErr(msg.Errorf("xlsx.cell-in-cell"))
	}
	sr.cur = cellState{col: sr.lastCol + 1}
	sr.inV, sr.inIS, sr.inT, sr.inF, sr.rph = false, false, false, false, 0
	var ref, style, typ []byte
	hasStyle := false
	// The last of repeated attributes wins, as it always has here.
	for _, a := range t.attrs {
		if a.prefixed {
			continue
		}
		switch a.name {
		case "r":
			ref = a.value
		case "s":
			style, hasStyle = a.value, true
		case "t":
			typ = a.value
		}
	}
	sr.cur.typ = cellType(typ)
	if len(ref) > 0 {
		col, row, err := parseRef(ref, sr.lim)
		if err != nil {
			return inPart(sr.part, sr.rowErr(err))
		}
		if row != sr.rowNum {
			// A row without r takes its number from its cells, as
			// excelize does, unless it is already fixed.
			if sr.rowFixed || row <= sr.lastRow {
				return inPart(sr.part, msg.Errorf("xlsx.cell-wrong-row", string(ref), sr.rowNum))
			}
			sr.rowNum = row
		}
		sr.rowFixed = true
		sr.cur.col = col
	}
	if sr.cur.col > sr.lim.MaxCols {
		return sr.cellErr(limitErr(msg.Errorf("xlsx.col-beyond", sr.lim.MaxCols)))
	}
	if sr.cur.col <= sr.lastCol {
		sr.sorted = false
	}
	sr.lastCol = sr.cur.col
	sr.inCell = true
	if hasStyle {
		n, ok := parseUint(style)
		if !ok {
			return sr.cellErr(msg.Errorf("xlsx.bad-style", string(style)))
		}
		sr.cur.style = n
	}
	return nil
}

// startFormula notes the attributes of an <f>: its type and the index of
// a shared formula.
func (sr *sheetReader) startFormula(t *token) {
	sr.inF = true
	sr.f.text, sr.f.typ, sr.f.si = sr.f.text[:0], "", -1
	if v, ok := t.attrValue("t"); ok {
		sr.f.typ = string(v)
	}
	if v, ok := t.attrValue("si"); ok && sr.f.typ == "shared" {
		if n, ok := parseUint(v); ok {
			sr.f.si = n
		}
	}
}

// endCell turns the cell just read into a Cell, or drops it if it has
// neither a value nor a formula.
func (sr *sheetReader) endCell() error {
	sr.inCell, sr.inV, sr.inIS, sr.inT, sr.inF = false, false, false, false, false
	cur := &sr.cur
	c := Cell{Col: cur.col, Formula: cur.hasF}
	hasV := cur.hasV && len(sr.v) > 0
	switch cur.typ {
	case "", "n":
		if !hasV {
			break
		}
		s := string(sr.v)
		n, err := parseNumber(s)
		if err != nil {
			return sr.cellErr(err)
		}
		c.Kind, c.Text, c.Number = Number, s, n
	case "s":
		if !hasV {
			break
		}
		i, ok := parseUint(trimSpace(sr.v))
		if !ok {
			return sr.cellErr(msg.Errorf("xlsx.bad-sst-index", string(sr.v)))
		}
		if i >= sr.sst.len() {
			return sr.cellErr(msg.Errorf("xlsx.sst-range", i, sr.sst.len()))
		}
		c.Kind, c.Text = Text, sr.sst.get(i)
	case "inlineStr":
		switch {
		case cur.hasIS:
			c.Kind = Text
			if hasEscape(sr.is) {
				c.Text = string(decodeEscapes(nil, sr.is))
			} else {
				c.Text = string(sr.is)
			}
		case hasV:
			c.Kind, c.Text = Text, string(sr.v)
		}
	case "str":
		// A formula's string result; an empty one is a value too.
		if cur.hasV {
			c.Kind, c.Text = Text, string(sr.v)
		}
	case "b":
		if !hasV {
			break
		}
		switch string(trimSpace(sr.v)) {
		case "1", "true":
			c.Kind, c.Text = Bool, "TRUE"
		case "0", "false":
			c.Kind, c.Text = Bool, "FALSE"
		default:
			return sr.cellErr(msg.Errorf("xlsx.bad-bool", string(sr.v)))
		}
	case "e":
		if hasV {
			c.Kind, c.Text = Error, string(sr.v)
		}
	case "d":
		if hasV {
			c.Kind, c.Text, c.Date = Text, string(sr.v), true
		}
	default:
		return sr.cellErr(msg.Errorf("xlsx.bad-cell-type", cur.typ))
	}
	if c.Formula && sr.formulas != nil {
		sr.f.row, sr.f.col, sr.f.uncached = sr.rowNum, cur.col, c.Kind == Blank
		if err := sr.formulas(&sr.f); err != nil {
			return err
		}
	}
	if c.Kind == Blank && !c.Formula {
		return nil
	}
	if c.Kind == Text && c.Text == "" && !c.Formula {
		return nil
	}
	// A row has at most MaxCols cells, unless the file repeats a reference;
	// stop it here rather than hold millions of copies until </row>.
	if len(sr.cells) >= sr.lim.MaxCols {
		return sr.cellErr(limitErr(msg.Errorf("xlsx.row-cells-over", sr.rowNum, sr.lim.MaxCols)))
	}
	fi := sr.st.info(cur.style)
	c.Percent, c.Format = fi.percent, fi.code
	c.Date = c.Date || fi.date
	sr.cells = append(sr.cells, c)
	return nil
}

// endRow completes the row, fills in merged ranges, and hands it to fn.
func (sr *sheetReader) endRow() error {
	sr.inRow = false
	if sr.inCell {
		return sr.cellErr(msg.Errorf("xlsx.row-ends-in-cell"))
	}
	r := sr.rowNum
	cells := sr.cells
	for i := range cells {
		cells[i].Row = r
	}
	if !sr.sorted {
		slices.SortStableFunc(cells, func(a, b Cell) int { return a.Col - b.Col })
		for i := 1; i < len(cells); i++ {
			if cells[i].Col == cells[i-1].Col {
				return inPart(sr.part, msg.Errorf("xlsx.cell", cells[i].Ref(), msg.Errorf("xlsx.cells-same-place")))
			}
		}
	}
	if sr.merges != nil {
		if err := sr.gap(sr.lastRow+1, r); err != nil {
			return err
		}
		var err error
		if cells, err = sr.merges.row(r, cells); err != nil {
			return inPart(sr.part, err)
		}
		sr.cells = cells[:0]
	}
	sr.lastRow = r
	if len(cells) == 0 {
		return nil
	}
	return sr.emit(r, cells)
}

// emit gives fn the row's cells, in the reader's buffer.
func (sr *sheetReader) emit(r int, cells []Cell) error {
	return sr.fn(Row{Num: r, Cells: cells})
}

// maxGapRows bounds the rows the file does not have that one gap between
// rows it has (or after its last row) is filled with from merged ranges: a
// merged label over a few absent rows is filled as Excel shows it, and a
// range of a million rows in a file of five costs no more than this.
const maxGapRows = 1000

// gap yields the rows from..to-1, which the file does not have, where
// merged ranges that began above fill cells, at most maxGapRows of them.
// The rows left out hold nothing but copies of a merged value.
func (sr *sheetReader) gap(from, to int) error {
	m := sr.merges
	if m == nil {
		return nil
	}
	to = min(to, from+maxGapRows)
	for r := from; r < to; r++ {
		if !m.fillsAt(r) {
			return nil
		}
		// Not sr.cells: endRow holds the cells of the row after the gap
		// there.
		cells, err := m.row(r, sr.gapCells[:0])
		if err != nil {
			return inPart(sr.part, err)
		}
		sr.gapCells = cells[:0]
		if len(cells) > 0 {
			if err := sr.emit(r, cells); err != nil {
				return err
			}
		}
	}
	return nil
}

// parseNumber parses a <v> of a numeric cell. Only decimal notation is
// accepted: strconv.ParseFloat would also take "NaN", "Inf" and hex floats,
// which no spreadsheet writes and which would poison any arithmetic.
func parseNumber(s string) (float64, error) {
	t := trimSpace(s)
	if t == "" {
		return 0, msg.Errorf("xlsx.bad-number", s)
	}
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case '0' <= c && c <= '9', c == '.', c == 'e', c == 'E', c == '+', c == '-':
		default:
			return 0, msg.Errorf("xlsx.bad-number", s)
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, msg.Errorf("xlsx.bad-number", s)
	}
	return n, nil
}

// cellType returns the t attribute of a cell as a string, without making
// one for the types a cell may have.
func cellType(t []byte) string {
	switch string(t) {
	case "":
		return ""
	case "n":
		return "n"
	case "s":
		return "s"
	case "inlineStr":
		return "inlineStr"
	case "str":
		return "str"
	case "b":
		return "b"
	case "e":
		return "e"
	case "d":
		return "d"
	}
	return string(t) // an error when the cell ends
}

// parseUint parses a non-negative decimal integer of up to 9 digits without
// allocating.
func parseUint[T string | []byte](b T) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// trimSpace trims XML white space.
func trimSpace[T string | []byte](b T) T {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// dimensionRef is a worksheet's <dimension ref="A1:H327061"/>, which the
// producers write before the cells: the last row it gives is how many rows
// the sheet has, as far as the producer knew.
var dimensionRef = regexp.MustCompile(`<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref\s*=\s*["'][A-Za-z]*\d*:?[A-Za-z]*(\d{1,7})["']`)

// LastRow is the last row of sheet as its <dimension> says, or 0 when the
// sheet does not say within its first few kilobytes: a hint, for progress,
// never for reading.
func (w *Workbook) LastRow(sheet string) int {
	s, err := w.sheet(sheet)
	if err != nil || s.part == "" {
		return 0
	}
	rc, err := w.openPart(s.part)
	if err != nil {
		return 0
	}
	defer rc.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(rc, head)
	m := dimensionRef.FindSubmatch(head[:n])
	if m == nil {
		return 0
	}
	last, _ := strconv.Atoi(string(m[1]))
	return min(last, w.lim.MaxRows)
}
