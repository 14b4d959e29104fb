package xlsx

import (
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// This file parses the formulas of cells saved without a cached value (see
// Workbook.Calc): numbers, strings, TRUE and FALSE, error values, cell
// references (A1, $A$1, Sheet!A1, '带 空格'!A1), ranges (A1:B9, A:B), the
// operators + - * / ^ & % and comparisons, parentheses, and calls of the
// functions in calcFuncs. Anything else (a defined name, an array constant,
// a reference to another workbook, a 3-D reference) cannot be parsed, and
// the cell is reported as one to open and save in a spreadsheet program.

// maxFormulaLen bounds a formula's text: Excel's own limit is 8192
// characters.
const maxFormulaLen = 8192 * 4

// maxFormulaNesting bounds the nesting of parentheses, calls and operators
// in one formula; Excel allows 64 levels of nested functions.
const maxFormulaNesting = 64

// fnode is a node of a parsed formula.
type fnode interface{ isNode() }

type (
	numNode  float64
	strNode  string
	boolNode bool
	errNode  string
	// refNode is a cell or a range. sheet is the sheet's index in the
	// workbook, or -1 for the formula's own sheet. Rows and columns are
	// 1-based; a relative one (no $) moves with a shared formula.
	refNode struct {
		sheet          int
		r1, c1, r2, c2 int
		absR1, absC1   bool
		absR2, absC2   bool
		isRange        bool
	}
	unaryNode struct {
		op byte // '-', '+' or '%' (postfix)
		x  fnode
	}
	// binNode is a run of operators of one precedence, applied left
	// to right: 1+2-3 is one node, so that =A1+A2+…+A200 is evaluated
	// in a loop, not 200 calls deep.
	binNode struct {
		first fnode
		ops   []string // + - * / ^ & = <> < > <= >=
		rest  []fnode
	}
	callNode struct {
		name string // upper case
		args []fnode
	}
)

func (numNode) isNode()   {}
func (strNode) isNode()   {}
func (boolNode) isNode()  {}
func (errNode) isNode()   {}
func (refNode) isNode()   {}
func (unaryNode) isNode() {}
func (binNode) isNode()   {}
func (callNode) isNode()  {}

// formulaParser is a recursive-descent parser over the formula text.
type formulaParser struct {
	src    string
	pos    int
	depth  int
	lim    Limits
	sheets func(name string) (int, bool) // a sheet's index by name
}

// parseFormula parses a cell's formula (without the leading '=' the file
// does not store). Errors are *msg.Error: a formula that is not understood
// here, never a limit.
func parseFormula(src string, lim Limits, sheets func(string) (int, bool)) (fnode, error) {
	if len(src) > maxFormulaLen {
		return nil, msg.Errorf("xlsx.formula-long", maxFormulaLen)
	}
	p := &formulaParser{src: strings.TrimPrefix(src, "="), lim: lim, sheets: sheets}
	n, err := p.compare()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(p.src) {
		return nil, p.unexpected()
	}
	return n, nil
}

// appendOp adds op r to the run of operators that began with the operand
// at start, or begins one.
func appendOp(l fnode, op string, r fnode, run *binNode) fnode {
	if run.first == nil {
		run.first = l
	}
	run.ops = append(run.ops, op)
	run.rest = append(run.rest, r)
	return *run
}

func (p *formulaParser) unexpected() error {
	if p.pos >= len(p.src) {
		return msg.Errorf("xlsx.formula-end")
	}
	rest := p.src[p.pos:]
	if len(rest) > 20 {
		rest = rest[:20] + "…"
	}
	return msg.Errorf("xlsx.formula-syntax", rest)
}

func (p *formulaParser) space() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\n' || p.src[p.pos] == '\r' || p.src[p.pos] == '\t') {
		p.pos++
	}
}

// peekOp returns the operator at the current position, if any of ops.
func (p *formulaParser) peekOp(ops ...string) string {
	p.space()
	for _, op := range ops {
		if strings.HasPrefix(p.src[p.pos:], op) {
			return op
		}
	}
	return ""
}

func (p *formulaParser) enter() error {
	p.depth++
	if p.depth > maxFormulaNesting {
		return msg.Errorf("xlsx.formula-nesting", maxFormulaNesting)
	}
	return nil
}

// compare: concat ((= <> <= >= < >) concat)*
func (p *formulaParser) compare() (fnode, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	l, err := p.concat()
	if err != nil {
		return nil, err
	}
	start := &binNode{}
	for {
		op := p.peekOp("<>", "<=", ">=", "=", "<", ">")
		if op == "" {
			return l, nil
		}
		p.pos += len(op)
		r, err := p.concat()
		if err != nil {
			return nil, err
		}
		l = appendOp(l, op, r, start)
	}
}

// concat: additive (& additive)*
func (p *formulaParser) concat() (fnode, error) {
	l, err := p.additive()
	if err != nil {
		return nil, err
	}
	start := &binNode{}
	for p.peekOp("&") != "" {
		p.pos++
		r, err := p.additive()
		if err != nil {
			return nil, err
		}
		l = appendOp(l, "&", r, start)
	}
	return l, nil
}

// additive: term ((+ -) term)*
func (p *formulaParser) additive() (fnode, error) {
	l, err := p.term()
	if err != nil {
		return nil, err
	}
	start := &binNode{}
	for {
		op := p.peekOp("+", "-")
		if op == "" {
			return l, nil
		}
		p.pos++
		r, err := p.term()
		if err != nil {
			return nil, err
		}
		l = appendOp(l, op, r, start)
	}
}

// term: power ((* /) power)*
func (p *formulaParser) term() (fnode, error) {
	l, err := p.power()
	if err != nil {
		return nil, err
	}
	start := &binNode{}
	for {
		op := p.peekOp("*", "/")
		if op == "" {
			return l, nil
		}
		p.pos++
		r, err := p.power()
		if err != nil {
			return nil, err
		}
		l = appendOp(l, op, r, start)
	}
}

// power: unary (^ unary)*, left to right as in Excel (2^3^2 is 64).
func (p *formulaParser) power() (fnode, error) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	start := &binNode{}
	for p.peekOp("^") != "" {
		p.pos++
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = appendOp(l, "^", r, start)
	}
	return l, nil
}

// unary: (- +)* postfix; negation binds tighter than ^ in Excel (-2^2 is 4).
func (p *formulaParser) unary() (fnode, error) {
	if op := p.peekOp("-", "+"); op != "" {
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer func() { p.depth-- }()
		p.pos++
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return unaryNode{op: op[0], x: x}, nil
	}
	return p.postfix()
}

// postfix: primary %*
func (p *formulaParser) postfix() (fnode, error) {
	x, err := p.primary()
	if err != nil {
		return nil, err
	}
	for p.peekOp("%") != "" {
		p.pos++
		x = unaryNode{op: '%', x: x}
	}
	return x, nil
}

func (p *formulaParser) primary() (fnode, error) {
	p.space()
	if p.pos >= len(p.src) {
		return nil, p.unexpected()
	}
	c := p.src[p.pos]
	switch {
	case c == '(':
		p.pos++
		x, err := p.compare()
		if err != nil {
			return nil, err
		}
		if p.peekOp(")") == "" {
			return nil, p.unexpected()
		}
		p.pos++
		return x, nil
	case c == '"':
		return p.str()
	case c == '#':
		return p.errValue()
	case c == '\'':
		name, err := p.quotedSheet()
		if err != nil {
			return nil, err
		}
		return p.sheetRef(name)
	case '0' <= c && c <= '9' || c == '.':
		return p.number()
	case c == '$' || isNameByte(c):
		return p.name()
	}
	return nil, p.unexpected()
}

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c >= 0x80
}

func (p *formulaParser) number() (fnode, error) {
	start := p.pos
	for p.pos < len(p.src) && ('0' <= p.src[p.pos] && p.src[p.pos] <= '9' || p.src[p.pos] == '.') {
		p.pos++
	}
	if p.pos < len(p.src) && (p.src[p.pos] == 'e' || p.src[p.pos] == 'E') {
		q := p.pos + 1
		if q < len(p.src) && (p.src[q] == '+' || p.src[q] == '-') {
			q++
		}
		if q < len(p.src) && '0' <= p.src[q] && p.src[q] <= '9' {
			for q < len(p.src) && '0' <= p.src[q] && p.src[q] <= '9' {
				q++
			}
			p.pos = q
		}
	}
	// A row range such as 1:3 is not read here.
	if p.pos < len(p.src) && p.src[p.pos] == ':' {
		return nil, msg.Errorf("xlsx.formula-unsupported", p.src[start:min(len(p.src), p.pos+8)])
	}
	n, err := strconv.ParseFloat(p.src[start:p.pos], 64)
	if err != nil {
		p.pos = start
		return nil, p.unexpected()
	}
	return numNode(n), nil
}

func (p *formulaParser) str() (fnode, error) {
	p.pos++ // "
	var b strings.Builder
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		p.pos++
		if c == '"' {
			if p.pos < len(p.src) && p.src[p.pos] == '"' {
				b.WriteByte('"')
				p.pos++
				continue
			}
			return strNode(b.String()), nil
		}
		b.WriteByte(c)
	}
	return nil, msg.Errorf("xlsx.formula-end")
}

func (p *formulaParser) errValue() (fnode, error) {
	rest := strings.ToUpper(p.src[p.pos:])
	for e := range excelErrors {
		if strings.HasPrefix(rest, e) {
			p.pos += len(e)
			return errNode(e), nil
		}
	}
	return nil, p.unexpected()
}

// quotedSheet reads 'a sheet”s name' and the ! after it.
func (p *formulaParser) quotedSheet() (string, error) {
	p.pos++ // '
	var b strings.Builder
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		p.pos++
		if c == '\'' {
			if p.pos < len(p.src) && p.src[p.pos] == '\'' {
				b.WriteByte('\'')
				p.pos++
				continue
			}
			if p.pos >= len(p.src) || p.src[p.pos] != '!' {
				return "", p.unexpected()
			}
			p.pos++
			return b.String(), nil
		}
		b.WriteByte(c)
	}
	return "", msg.Errorf("xlsx.formula-end")
}

// name reads what starts with a letter, $ or _: a function call, TRUE or
// FALSE, a reference, or a sheet name before !.
func (p *formulaParser) name() (fnode, error) {
	start := p.pos
	for p.pos < len(p.src) && (isNameByte(p.src[p.pos]) || p.src[p.pos] == '$') {
		p.pos++
	}
	word := p.src[start:p.pos]
	if p.pos < len(p.src) {
		switch p.src[p.pos] {
		case '!':
			p.pos++
			return p.sheetRef(word)
		case '(':
			if !strings.Contains(word, "$") {
				p.pos++
				return p.call(strings.ToUpper(word))
			}
		}
	}
	switch strings.ToUpper(word) {
	case "TRUE":
		return boolNode(true), nil
	case "FALSE":
		return boolNode(false), nil
	}
	p.pos = start
	return p.ref(-1)
}

// sheetRef reads the reference after Sheet!.
func (p *formulaParser) sheetRef(name string) (fnode, error) {
	if strings.ContainsAny(name, "[]:") {
		// [1]Sheet1!A1 is another workbook, Sheet1:Sheet3!A1 a 3-D
		// reference.
		return nil, msg.Errorf("xlsx.formula-unsupported", name+"!")
	}
	i, ok := p.sheets(name)
	if !ok {
		return nil, msg.Errorf("xlsx.formula-no-sheet", name)
	}
	return p.ref(i)
}

// ref reads a cell (A1, $A$1), a range (A1:B9) or a column range (A:B).
func (p *formulaParser) ref(sheet int) (fnode, error) {
	start := p.pos
	col1, row1, absC1, absR1, ok := p.cellPart()
	if !ok {
		return nil, p.unknownName()
	}
	r := refNode{sheet: sheet, c1: col1, r1: row1, absC1: absC1, absR1: absR1}
	if p.pos < len(p.src) && p.src[p.pos] == ':' {
		save := p.pos
		p.pos++
		col2, row2, absC2, absR2, ok := p.cellPart()
		if !ok || (row1 == 0) != (row2 == 0) {
			p.pos = save
			return nil, p.unexpected()
		}
		r.c2, r.r2, r.absC2, r.absR2, r.isRange = col2, row2, absC2, absR2, true
	} else {
		if row1 == 0 {
			return nil, msg.Errorf("xlsx.formula-unsupported", p.src[start:p.pos])
		}
		r.c2, r.r2, r.absC2, r.absR2 = col1, row1, absC1, absR1
	}
	if r.r1 == 0 { // A:B, whole columns
		r.r1, r.r2, r.absR1, r.absR2 = 1, p.lim.MaxRows, true, true
	}
	if r.c1 > p.lim.MaxCols || r.c2 > p.lim.MaxCols || r.r1 > p.lim.MaxRows || r.r2 > p.lim.MaxRows {
		return errNode("#REF!"), nil
	}
	return r, nil
}

// unknownName reports the name at the current position: a defined name or
// a function that is not called.
func (p *formulaParser) unknownName() error {
	start := p.pos
	for p.pos < len(p.src) && (isNameByte(p.src[p.pos]) || p.src[p.pos] == '$') {
		p.pos++
	}
	if p.pos == start {
		return p.unexpected()
	}
	return msg.Errorf("xlsx.formula-unsupported", p.src[start:p.pos])
}

// cellPart reads [$]letters[$]digits, or [$]letters alone (row 0), at most
// 3 letters and 7 digits, and nothing name-like after it.
func (p *formulaParser) cellPart() (col, row int, absC, absR bool, ok bool) {
	i := p.pos
	if i < len(p.src) && p.src[i] == '$' {
		absC = true
		i++
	}
	letters := 0
	for i < len(p.src) && letters < 4 {
		c := p.src[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
		letters++
		i++
	}
	if letters == 0 || letters > 3 {
		return 0, 0, false, false, false
	}
	if i < len(p.src) && p.src[i] == '$' {
		absR = true
		i++
	}
	digits := 0
	for i < len(p.src) && '0' <= p.src[i] && p.src[i] <= '9' && digits < 8 {
		row = row*10 + int(p.src[i]-'0')
		digits++
		i++
	}
	if digits > 7 || (digits > 0 && p.src[i-digits] == '0') || (digits == 0 && absR) {
		return 0, 0, false, false, false
	}
	if i < len(p.src) && (isNameByte(p.src[i]) || p.src[i] == '(' || p.src[i] == '$') {
		return 0, 0, false, false, false
	}
	p.pos = i
	return col, row, absC, absR, true
}

// call reads the arguments of a function after its '('.
func (p *formulaParser) call(name string) (fnode, error) {
	if _, ok := calcFuncs[name]; !ok {
		return nil, msg.Errorf("xlsx.formula-function", name)
	}
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := callNode{name: name}
	if p.peekOp(")") != "" {
		p.pos++
		return n, nil
	}
	for {
		var arg fnode
		if op := p.peekOp(",", ")"); op != "" {
			arg = nil // an omitted argument, as in IF(A1,,2)
		} else {
			var err error
			if arg, err = p.compare(); err != nil {
				return nil, err
			}
		}
		if len(n.args) >= 255 {
			return nil, msg.Errorf("xlsx.formula-syntax", name)
		}
		n.args = append(n.args, arg)
		switch p.peekOp(",", ")") {
		case ",":
			p.pos++
		case ")":
			p.pos++
			return n, nil
		default:
			return nil, p.unexpected()
		}
	}
}
