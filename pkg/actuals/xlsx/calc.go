package xlsx

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// ErrCircular is wrapped by the error of a formula that refers to itself,
// directly or through other cells. Like a limit, it refuses the workbook:
// Excel would warn, and the value a program guesses is not the analyst's.
var ErrCircular = errors.New("circular reference")

// maxCalcScans bounds the passes over worksheets one workbook's formulas
// may cause (each sheet is read once for its formulas and once for the
// cells they refer to; a reference outside what was collected reads that
// sheet again).
const maxCalcScans = 32

// maxCalcCells bounds the cells whose values Calc holds at once (about 48
// bytes each), below MaxCalcSteps, which bounds the work.
const maxCalcCells = 1 << 20

// calcState is what Calc keeps between calls: for each sheet that a formula
// needed, its formulas without cached value and the values of the cells
// they refer to, and the work done so far.
type calcState struct {
	steps  int64
	scans  int
	sheets map[int]*calcSheet
	// stack is the formula cells being evaluated, outermost first, for
	// the message of a circular reference.
	stack []cellKey
	kept  int // formulas kept, over all sheets
	bytes int // bytes of formula text kept
}

// cellKey is a cell of a sheet.
type cellKey struct {
	sheet    int
	row, col int
}

// calcSheet is what is known of one sheet.
type calcSheet struct {
	formulas map[uint64]*calcFormula // uncached formula cells, by pos
	fkeys    []uint64                // their positions, sorted
	masters  map[int]*calcFormula    // shared formulas' master cells, by si
	// The cells collected by the last value pass: those in wanted rows and
	// columns, sorted by position. Formula cells without a value are in
	// formulas instead.
	cells    []calcCell
	rows     [][2]int // wanted rows, disjoint sorted intervals
	cols     []bool   // wanted columns
	allCols  bool     // every column (a chart sheet, with no cells)
	rowsRead int      // the rows read: every formula above is known
}

// calcCell is a cell's value as a formula sees it.
type calcCell struct {
	pos uint64
	val fval
}

// calcFormula is one formula cell.
type calcFormula struct {
	row, col int
	text     string // "" for a shared formula's child
	si       int    // shared formula index, -1 if none
	master   *calcFormula
	node     fnode
	parsed   bool
	perr     error
	state    uint8 // 0 not evaluated, 1 being evaluated, 2 done
	val      fval
	err      error
}

func pos(row, col int) uint64 { return uint64(row)<<20 | uint64(col) }

// fval is a value in a formula: Blank (an empty cell or omitted argument),
// Number, Text, Bool or Error (str holds the error value).
type fval struct {
	kind Kind
	num  float64
	str  string
}

func numVal(n float64) fval {
	if math.IsNaN(n) || math.IsInf(n, 0) {
		return errVal("#NUM!")
	}
	return fval{kind: Number, num: n}
}
func errVal(e string) fval { return fval{kind: Error, str: e} }
func boolVal(b bool) fval  { return fval{kind: Bool, num: b2f(b)} }
func strVal(s string) fval { return fval{kind: Text, str: s} }
func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Calc computes the value of the formula in sheet!ref, for a formula cell
// that was saved without a cached value (Cell.Kind Blank with Cell.Formula),
// as openpyxl and pandas write them. It uses this package's own evaluator:
// arithmetic, comparisons, & and the functions of calcFuncs over the cells
// the formula refers to, with cached values read as they are and formulas
// without one computed in turn, within Limits.MaxCalcDepth,
// Limits.MaxCalcSteps and Limits.MaxCalcFormulas. The sheets involved are
// read in passes that keep only those formulas and the cells they refer to,
// never a whole sheet.
//
// The result is the raw value: a number as plain decimal text ("0.9615",
// not "96%"), a string, TRUE/FALSE, or an Excel error value such as
// "#DIV/0!"; a cell without a formula gives its value, an empty cell "".
// A formula it cannot compute (a function it does not know, a name, a
// syntax error) is an error that says to open and save the workbook in a
// spreadsheet program; a formula over a limit is an error wrapping
// ErrLimit, and a circular one wraps ErrCircular. Every error names the
// cell as sheet!ref (see CalcReason). The sheet name matches as in Rows.
func (w *Workbook) Calc(sheet, ref string) (string, error) {
	idx, ok := w.sheetIdx(sheet)
	if !ok {
		return "", msg.Errorf("xlsx.no-sheet", sheet, SheetList(w.Sheets()))
	}
	s := w.sheets[idx]
	place := s.name + "!" + ref
	col, row, err := parseRef(ref, w.lim)
	if err != nil {
		return "", msg.Errorf("xlsx.calc-at", place, err)
	}
	w.mu.Lock()
	closed := w.closed
	w.mu.Unlock()
	if closed {
		return "", msg.Errorf("xlsx.closed")
	}
	w.calcMu.Lock()
	defer w.calcMu.Unlock()
	if w.calc == nil {
		w.calc = &calcState{sheets: map[int]*calcSheet{}}
	}
	sh := w.calcSheet(idx)
	w.calc.stack = w.calc.stack[:0]
	v, err := w.cellValue(cellKey{idx, row, col}, 0)
	if err != nil {
		return "", msg.Errorf("xlsx.calc-at", place, err)
	}
	if _, isFormula := sh.formulas[pos(row, col)]; isFormula && v.kind == Blank {
		v = numVal(0) // =A1 of an empty A1 shows 0
	}
	return formatVal(v), nil
}

// CalcReason is the error of Calc without the cell it names, for a caller
// that names the cell itself.
func CalcReason(err error) error {
	var me *msg.Error
	if errors.As(err, &me) && me.Key == "xlsx.calc-at" && len(me.Args) == 2 {
		if inner, ok := me.Args[1].(error); ok {
			return inner
		}
	}
	return err
}

// calcSheet returns what is known of sheet idx.
func (w *Workbook) calcSheet(idx int) *calcSheet {
	cs := w.calc
	sh, ok := cs.sheets[idx]
	if !ok {
		sh = &calcSheet{formulas: map[uint64]*calcFormula{}, masters: map[int]*calcFormula{}}
		cs.sheets[idx] = sh
	}
	return sh
}

func (w *Workbook) countScan() error {
	w.calc.scans++
	if w.calc.scans > maxCalcScans {
		return limitErr(msg.Errorf("xlsx.calc-scans-over", maxCalcScans))
	}
	return nil
}

// formula returns the parsed formula of f and the offset its relative
// references move by (a shared formula's child uses its master's).
func (w *Workbook) formula(sheet int, f *calcFormula) (fnode, int, int, error) {
	src := f
	if f.text == "" {
		if f.master == nil {
			return nil, 0, 0, msg.Errorf("xlsx.formula-no-text")
		}
		src = f.master
	}
	if !src.parsed {
		src.parsed = true
		src.node, src.perr = parseFormula(src.text, w.lim, w.sheetIdx)
	}
	return src.node, f.row - src.row, f.col - src.col, src.perr
}

// area is a rectangle of cells of one sheet.
type area struct {
	sheet          int
	r1, c1, r2, c2 int
}

// resolve turns a reference of a formula in sheet, moved by dr, dc if it is
// a shared formula's child, into an area. ok is false for a reference moved
// off the sheet (#REF!).
func (w *Workbook) resolve(r refNode, sheet, dr, dc int) (area, bool) {
	a := area{sheet: r.sheet, r1: r.r1, c1: r.c1, r2: r.r2, c2: r.c2}
	if a.sheet < 0 {
		a.sheet = sheet
	}
	if !r.absR1 {
		a.r1 += dr
	}
	if !r.absR2 {
		a.r2 += dr
	}
	if !r.absC1 {
		a.c1 += dc
	}
	if !r.absC2 {
		a.c2 += dc
	}
	if a.r1 > a.r2 {
		a.r1, a.r2 = a.r2, a.r1
	}
	if a.c1 > a.c2 {
		a.c1, a.c2 = a.c2, a.c1
	}
	if a.r1 < 1 || a.c1 < 1 || a.r2 > w.lim.MaxRows || a.c2 > w.lim.MaxCols {
		return a, false
	}
	return a, true
}

// covers reports whether the last value pass over sh collected every cell
// of a.
func (sh *calcSheet) covers(a area) bool {
	if a.r2 > sh.rowsRead {
		return false
	}
	if sh.allCols {
		return true
	}
	i, _ := slices.BinarySearchFunc(sh.rows, a.r1, func(iv [2]int, r int) int {
		if iv[1] < r {
			return -1
		}
		if iv[0] > r {
			return 1
		}
		return 0
	})
	if i >= len(sh.rows) || sh.rows[i][0] > a.r1 || sh.rows[i][1] < a.r2 {
		return false
	}
	for c := a.c1; c <= a.c2; c++ {
		if c >= len(sh.cols) || !sh.cols[c] {
			return false
		}
	}
	return true
}

// collect makes sure the cells of a are known: that the sheet was read
// down to a's last row (every formula without a value above it is known)
// and that the values of a's cells were kept. If not, the sheet is read
// again from the top down to the last row wanted, or twice as far as
// before if that is further (a chain of formulas going down is then read
// in a few passes), keeping every formula without a value and the values of
// the cells that a and every formula known so far refer to.
func (w *Workbook) collect(a area) (*calcSheet, error) {
	sh := w.calcSheet(a.sheet)
	if sh.covers(a) {
		return sh, nil
	}
	part := w.sheets[a.sheet].part
	if part == "" {
		// A chart sheet: no cells.
		sh.rows, sh.cols, sh.rowsRead = [][2]int{{1, w.lim.MaxRows}}, nil, w.lim.MaxRows
		sh.allCols = true
		return sh, nil
	}
	if err := w.countScan(); err != nil {
		return nil, err
	}
	wanted := []area{a}
	for idx, other := range w.calc.sheets {
		for _, f := range other.formulas {
			node, dr, dc, err := w.formula(idx, f)
			if err != nil {
				continue
			}
			walkRefs(node, func(r refNode) {
				if ra, ok := w.resolve(r, idx, dr, dc); ok && ra.sheet == a.sheet {
					wanted = append(wanted, ra)
				}
			})
		}
	}
	// Rows as merged intervals, columns as a table.
	var rows [][2]int
	colDiff := make([]int32, w.lim.MaxCols+2)
	for _, g := range wanted {
		rows = append(rows, [2]int{g.r1, g.r2})
		colDiff[g.c1]++
		colDiff[g.c2+1]--
	}
	slices.SortFunc(rows, func(x, y [2]int) int { return x[0] - y[0] })
	merged := rows[:0]
	for _, iv := range rows {
		if n := len(merged); n > 0 && iv[0] <= merged[n-1][1]+1 {
			merged[n-1][1] = max(merged[n-1][1], iv[1])
			continue
		}
		merged = append(merged, iv)
	}
	cols := make([]bool, w.lim.MaxCols+1)
	run := int32(0)
	for c := 1; c <= w.lim.MaxCols; c++ {
		run += colDiff[c]
		cols[c] = run > 0
	}
	last := max(merged[len(merged)-1][1], min(2*sh.rowsRead, w.lim.MaxRows))
	sh.rows, sh.cols, sh.cells, sh.rowsRead = nil, nil, nil, 0
	var cells []calcCell
	keep := min(w.lim.MaxCalcSteps, maxCalcCells)
	ri := 0
	maxBytes := w.lim.MaxCalcFormulas * 128
	cs := w.calc
	err := w.streamSheet(part, nil, func(r Row) error {
		if r.Num > last {
			return errStopPass
		}
		for ri < len(merged) && merged[ri][1] < r.Num {
			ri++
		}
		if ri >= len(merged) || merged[ri][0] > r.Num {
			return nil
		}
		for _, c := range r.Cells {
			if c.Kind == Blank || c.Col >= len(cols) || !cols[c.Col] {
				continue
			}
			if int64(len(cells)) >= keep {
				return limitErr(msg.Errorf("xlsx.calc-cells-over", keep))
			}
			v := fval{kind: c.Kind, num: c.Number, str: c.Text}
			if c.Kind == Bool {
				v.num = b2f(c.Text == "TRUE")
			}
			cells = append(cells, calcCell{pos: pos(r.Num, c.Col), val: v})
		}
		return nil
	}, func(f *formulaCell) error {
		master := f.si >= 0 && len(f.text) > 0
		if !f.uncached && !master {
			return nil // a cached value, and not a shared formula's master
		}
		key := pos(f.row, f.col)
		_, known := sh.formulas[key]
		_, knownMaster := sh.masters[f.si]
		if (known || !f.uncached) && (knownMaster || !master) {
			return nil
		}
		text := f.text
		if f.typ == "dataTable" {
			text = nil // a what-if table: never computed here
		}
		cf := &calcFormula{row: f.row, col: f.col, text: string(text), si: f.si}
		if master && !knownMaster {
			sh.masters[f.si] = cf
		}
		if f.uncached && !known {
			sh.formulas[key] = cf
			sh.fkeys = append(sh.fkeys, key)
		}
		cs.kept++
		cs.bytes += len(text)
		if cs.kept > w.lim.MaxCalcFormulas || cs.bytes > maxBytes {
			return limitErr(msg.Errorf("xlsx.calc-formulas-over", w.lim.MaxCalcFormulas))
		}
		return nil
	})
	if err != nil && err != errStopPass {
		return nil, err
	}
	for _, f := range sh.formulas {
		if f.text == "" && f.si >= 0 && f.master == nil {
			f.master = sh.masters[f.si]
		}
	}
	slices.Sort(sh.fkeys)
	// The XML fallback of streamSheet may give a row again.
	slices.SortStableFunc(cells, func(x, y calcCell) int { return cmpPos(x, y.pos) })
	sh.cells = slices.CompactFunc(cells, func(x, y calcCell) bool { return x.pos == y.pos })
	sh.rows, sh.cols, sh.rowsRead = merged, cols, last
	return sh, nil
}

// errStopPass ends a pass of collect at the last row it wants.
var errStopPass = errors.New("stop")

// walkRefs calls fn for every reference in n.
func walkRefs(n fnode, fn func(refNode)) {
	switch n := n.(type) {
	case refNode:
		fn(n)
	case unaryNode:
		walkRefs(n.x, fn)
	case binNode:
		walkRefs(n.first, fn)
		for _, r := range n.rest {
			walkRefs(r, fn)
		}
	case callNode:
		for _, a := range n.args {
			walkRefs(a, fn)
		}
	}
}

// step counts one unit of work against MaxCalcSteps.
func (w *Workbook) step(n int64) error {
	w.calc.steps += n
	if w.calc.steps > w.lim.MaxCalcSteps {
		return limitErr(msg.Errorf("xlsx.calc-steps-over", w.lim.MaxCalcSteps))
	}
	return nil
}

// cellValue is the value of one cell: its formula's, computed, if it has
// one without a cached value, else what the file holds.
func (w *Workbook) cellValue(k cellKey, depth int) (fval, error) {
	if err := w.step(1); err != nil {
		return fval{}, err
	}
	sh, err := w.collect(area{k.sheet, k.row, k.col, k.row, k.col})
	if err != nil {
		return fval{}, err
	}
	if f, ok := sh.formulas[pos(k.row, k.col)]; ok {
		return w.evalFormula(k, f, depth)
	}
	if i, found := slices.BinarySearchFunc(sh.cells, pos(k.row, k.col), cmpPos); found {
		return sh.cells[i].val, nil
	}
	return fval{}, nil
}

func cmpPos(c calcCell, p uint64) int {
	switch {
	case c.pos < p:
		return -1
	case c.pos > p:
		return 1
	}
	return 0
}

// evalFormula computes a formula cell once; its value (or error) is kept.
func (w *Workbook) evalFormula(k cellKey, f *calcFormula, depth int) (fval, error) {
	cs := w.calc
	switch f.state {
	case 2:
		return f.val, f.err
	case 1:
		return fval{}, msg.Errorf("xlsx.calc-circular", w.cycle(k), ErrCircular)
	}
	if depth >= w.lim.MaxCalcDepth {
		return fval{}, limitErr(msg.Errorf("xlsx.calc-depth-over", w.lim.MaxCalcDepth, w.placeName(k)))
	}
	node, dr, dc, err := w.formula(k.sheet, f)
	if err != nil {
		f.state, f.err = 2, err
		if depth > 0 {
			f.err = msg.Errorf("xlsx.calc-at", w.placeName(k), err)
		}
		return fval{}, f.err
	}
	f.state = 1
	cs.stack = append(cs.stack, k)
	v, err := w.eval(node, ctx{sheet: k.sheet, dr: dr, dc: dc, depth: depth + 1})
	cs.stack = cs.stack[:len(cs.stack)-1]
	if err == nil && v.kind == Text && len(v.str) > w.lim.MaxCellBytes {
		err = limitErr(msg.Errorf("xlsx.calc-text-over", w.lim.MaxCellBytes))
	}
	f.state, f.val, f.err = 2, v, err
	return v, err
}

func (w *Workbook) placeName(k cellKey) string {
	return w.sheets[k.sheet].name + "!" + refName(k.col, k.row)
}

// cycle names the cells of a circular reference that ends at k, at most
// eight of them.
func (w *Workbook) cycle(k cellKey) string {
	st := w.calc.stack
	i := slices.Index(st, k)
	if i < 0 {
		i = 0
	}
	names := []string{}
	for j := i; j < len(st); j++ {
		if len(names) == 8 {
			names = append(names, "…")
			break
		}
		names = append(names, w.placeName(st[j]))
	}
	return strings.Join(append(names, w.placeName(k)), " → ")
}

// ctx is where a formula is evaluated: its sheet, the offset of a shared
// formula's child, and the depth of formula cells being evaluated.
type ctx struct {
	sheet, dr, dc, depth int
}

// eval computes a node in a scalar context.
func (w *Workbook) eval(n fnode, c ctx) (fval, error) {
	if err := w.step(1); err != nil {
		return fval{}, err
	}
	switch n := n.(type) {
	case nil:
		return fval{}, nil
	case numNode:
		return numVal(float64(n)), nil
	case strNode:
		return strVal(string(n)), nil
	case boolNode:
		return boolVal(bool(n)), nil
	case errNode:
		return errVal(string(n)), nil
	case refNode:
		a, ok := w.resolve(n, c.sheet, c.dr, c.dc)
		if !ok {
			return errVal("#REF!"), nil
		}
		if a.r1 != a.r2 || a.c1 != a.c2 {
			return errVal("#VALUE!"), nil // a range where one value belongs
		}
		return w.cellValue(cellKey{a.sheet, a.r1, a.c1}, c.depth)
	case unaryNode:
		x, err := w.eval(n.x, c)
		if err != nil {
			return x, err
		}
		num, e := toNum(x)
		if e != "" {
			return errVal(e), nil
		}
		switch n.op {
		case '-':
			return numVal(-num), nil
		case '%':
			return numVal(num / 100), nil
		}
		return numVal(num), nil
	case binNode:
		v, err := w.eval(n.first, c)
		if err != nil {
			return v, err
		}
		for i, op := range n.ops {
			r, err := w.eval(n.rest[i], c)
			if err != nil {
				return r, err
			}
			if v, err = w.binary(op, v, r); err != nil {
				return v, err
			}
		}
		return v, nil
	case callNode:
		return w.call(n, c)
	}
	return fval{}, msg.Errorf("xlsx.formula-syntax", "?")
}

func (w *Workbook) binary(op string, l, r fval) (fval, error) {
	if l.kind == Error {
		return l, nil
	}
	if r.kind == Error {
		return r, nil
	}
	if op == "&" {
		s := toText(l) + toText(r)
		if len(s) > w.lim.MaxCellBytes {
			return fval{}, limitErr(msg.Errorf("xlsx.calc-text-over", w.lim.MaxCellBytes))
		}
		return strVal(s), nil
	}
	switch op {
	case "=", "<>", "<", ">", "<=", ">=":
		cmp := compareVals(l, r)
		switch op {
		case "=":
			return boolVal(cmp == 0), nil
		case "<>":
			return boolVal(cmp != 0), nil
		case "<":
			return boolVal(cmp < 0), nil
		case ">":
			return boolVal(cmp > 0), nil
		case "<=":
			return boolVal(cmp <= 0), nil
		}
		return boolVal(cmp >= 0), nil
	}
	a, e := toNum(l)
	if e != "" {
		return errVal(e), nil
	}
	b, e := toNum(r)
	if e != "" {
		return errVal(e), nil
	}
	switch op {
	case "+":
		return numVal(a + b), nil
	case "-":
		return numVal(a - b), nil
	case "*":
		return numVal(a * b), nil
	case "/":
		if b == 0 {
			return errVal("#DIV/0!"), nil
		}
		return numVal(a / b), nil
	case "^":
		if a == 0 && b == 0 {
			return errVal("#NUM!"), nil
		}
		return numVal(math.Pow(a, b)), nil
	}
	return fval{}, msg.Errorf("xlsx.formula-syntax", op)
}

// toNum converts a value for arithmetic as Excel does: empty is 0, TRUE 1,
// text that is a number its number; e is the error value otherwise.
func toNum(v fval) (n float64, e string) {
	switch v.kind {
	case Blank:
		return 0, ""
	case Number, Bool:
		return v.num, ""
	case Error:
		return 0, v.str
	}
	t := strings.TrimSpace(v.str)
	if pct := strings.HasSuffix(t, "%"); pct {
		if n, err := parseNumber(strings.TrimSuffix(t, "%")); err == nil {
			return n / 100, ""
		}
		return 0, "#VALUE!"
	}
	n, err := parseNumber(t)
	if err != nil {
		return 0, "#VALUE!"
	}
	return n, ""
}

// toText converts a value for & as Excel does.
func toText(v fval) string {
	switch v.kind {
	case Blank:
		return ""
	case Number:
		return formatNum(v.num)
	case Bool:
		if v.num != 0 {
			return "TRUE"
		}
		return "FALSE"
	}
	return v.str
}

// compareVals orders two values as Excel's comparison operators do:
// numbers before text before TRUE/FALSE, text without regard to case, an
// empty cell as 0, "" or FALSE, whichever the other side is.
func compareVals(l, r fval) int {
	if l.kind == Blank {
		l = blankAs(r)
	}
	if r.kind == Blank {
		r = blankAs(l)
	}
	rank := func(v fval) int {
		switch v.kind {
		case Number, Blank:
			return 0
		case Text:
			return 1
		}
		return 2
	}
	if rl, rr := rank(l), rank(r); rl != rr {
		return rl - rr
	}
	if l.kind == Text {
		return strings.Compare(strings.ToLower(l.str), strings.ToLower(r.str))
	}
	switch {
	case l.num < r.num:
		return -1
	case l.num > r.num:
		return 1
	}
	return 0
}

func blankAs(other fval) fval {
	switch other.kind {
	case Text:
		return strVal("")
	case Bool:
		return boolVal(false)
	}
	return numVal(0)
}

// formatNum writes a number as Excel keeps it, to 15 significant digits,
// in plain decimal notation.
func formatNum(n float64) string {
	if n == 0 {
		return "0"
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(n, 'g', 15, 64), 64)
	if err != nil {
		r = n
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// formatVal is Calc's text of a value.
func formatVal(v fval) string {
	switch v.kind {
	case Number, Bool:
		return toText(v)
	case Text, Error:
		return v.str
	}
	return ""
}
