package xlsx

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// calcFuncs are the functions Calc computes, with their argument counts
// (max -1: any number). They are those of the statistics workbooks
// plancheck reads; a formula calling any other is not computed.
var calcFuncs = map[string]struct{ min, max int }{
	"SUM": {1, -1}, "AVERAGE": {1, -1}, "MIN": {1, -1}, "MAX": {1, -1},
	"COUNT": {1, -1}, "COUNTA": {1, -1},
	"ROUND": {2, 2}, "ROUNDUP": {2, 2}, "ROUNDDOWN": {2, 2}, "INT": {1, 1},
	"ABS": {1, 1}, "SQRT": {1, 1}, "POWER": {2, 2}, "MOD": {2, 2},
	"IF": {2, 3}, "IFERROR": {2, 2}, "AND": {1, -1}, "OR": {1, -1}, "NOT": {1, 1},
	"LEN": {1, 1}, "REPT": {2, 2}, "CONCATENATE": {1, -1}, "CONCAT": {1, -1},
	"NA": {0, 0}, "TRUE": {0, 0}, "FALSE": {0, 0}, "PI": {0, 0},
}

// call computes a function call.
func (w *Workbook) call(n callNode, c ctx) (fval, error) {
	spec := calcFuncs[n.name]
	if len(n.args) < spec.min || (spec.max >= 0 && len(n.args) > spec.max) {
		return fval{}, msg.Errorf("xlsx.formula-args", n.name)
	}
	switch n.name {
	case "SUM", "AVERAGE", "MIN", "MAX", "COUNT", "COUNTA":
		return w.aggregate(n, c)
	case "NA":
		return errVal("#N/A"), nil
	case "TRUE", "FALSE":
		return boolVal(n.name == "TRUE"), nil
	case "PI":
		return numVal(math.Pi), nil
	case "IF":
		cond, err := w.eval(n.args[0], c)
		if err != nil || cond.kind == Error {
			return cond, err
		}
		b, e := toBool(cond)
		if e != "" {
			return errVal(e), nil
		}
		if b {
			return w.evalOrZero(n.args[1], c)
		}
		if len(n.args) < 3 {
			return boolVal(false), nil
		}
		return w.evalOrZero(n.args[2], c)
	case "IFERROR":
		v, err := w.eval(n.args[0], c)
		if err != nil {
			return v, err
		}
		if v.kind == Error {
			return w.evalOrZero(n.args[1], c)
		}
		return v, nil
	case "AND", "OR":
		result := n.name == "AND"
		for _, a := range n.args {
			err := w.values(a, c, func(v fval, inRange bool) (bool, error) {
				if inRange && (v.kind == Text || v.kind == Blank) {
					return true, nil
				}
				b, e := toBool(v)
				if e != "" {
					return false, errFunc(e)
				}
				if n.name == "AND" {
					result = result && b
				} else {
					result = result || b
				}
				return true, nil
			})
			if ev, ok := err.(errFunc); ok {
				return errVal(string(ev)), nil
			}
			if err != nil {
				return fval{}, err
			}
		}
		return boolVal(result), nil
	case "CONCATENATE", "CONCAT":
		var b strings.Builder
		for _, a := range n.args {
			v, err := w.eval(a, c)
			if err != nil || v.kind == Error {
				return v, err
			}
			if b.Len()+len(toText(v)) > w.lim.MaxCellBytes {
				return fval{}, limitErr(msg.Errorf("xlsx.calc-text-over", w.lim.MaxCellBytes))
			}
			b.WriteString(toText(v))
		}
		return strVal(b.String()), nil
	}
	// The rest take fixed scalar arguments.
	args := make([]fval, len(n.args))
	for i, a := range n.args {
		v, err := w.eval(a, c)
		if err != nil {
			return v, err
		}
		if v.kind == Error {
			return v, nil
		}
		args[i] = v
	}
	switch n.name {
	case "NOT":
		b, e := toBool(args[0])
		if e != "" {
			return errVal(e), nil
		}
		return boolVal(!b), nil
	case "LEN":
		return numVal(float64(utf8.RuneCountInString(toText(args[0])))), nil
	case "REPT":
		count, e := toNum(args[1])
		if e != "" {
			return errVal(e), nil
		}
		s := toText(args[0])
		if count < 0 {
			return errVal("#VALUE!"), nil
		}
		if float64(len(s))*math.Trunc(count) > float64(w.lim.MaxCellBytes) {
			return fval{}, limitErr(msg.Errorf("xlsx.calc-text-over", w.lim.MaxCellBytes))
		}
		return strVal(strings.Repeat(s, int(count))), nil
	}
	nums := make([]float64, len(args))
	for i, v := range args {
		x, e := toNum(v)
		if e != "" {
			return errVal(e), nil
		}
		nums[i] = x
	}
	switch n.name {
	case "ROUND", "ROUNDUP", "ROUNDDOWN":
		return numVal(round(n.name, nums[0], nums[1])), nil
	case "INT":
		return numVal(math.Floor(nums[0])), nil
	case "ABS":
		return numVal(math.Abs(nums[0])), nil
	case "SQRT":
		if nums[0] < 0 {
			return errVal("#NUM!"), nil
		}
		return numVal(math.Sqrt(nums[0])), nil
	case "POWER":
		if nums[0] == 0 && nums[1] == 0 {
			return errVal("#NUM!"), nil
		}
		return numVal(math.Pow(nums[0], nums[1])), nil
	case "MOD":
		if nums[1] == 0 {
			return errVal("#DIV/0!"), nil
		}
		// Excel's MOD takes the sign of the divisor.
		return numVal(nums[0] - nums[1]*math.Floor(nums[0]/nums[1])), nil
	}
	return fval{}, msg.Errorf("xlsx.formula-function", n.name)
}

// errFunc carries an Excel error value out of a values callback.
type errFunc string

func (e errFunc) Error() string { return string(e) }

// evalOrZero evaluates an argument; an omitted one, IF(A1,,2), is 0.
func (w *Workbook) evalOrZero(n fnode, c ctx) (fval, error) {
	if n == nil {
		return numVal(0), nil
	}
	v, err := w.eval(n, c)
	if err == nil && v.kind == Blank {
		v = numVal(0)
	}
	return v, err
}

// round rounds x to digits places as ROUND (half away from zero), ROUNDUP
// (away from zero) and ROUNDDOWN (toward zero) do.
func round(name string, x, digits float64) float64 {
	d := math.Trunc(digits)
	if d > 15 {
		d = 15
	}
	if d < -15 {
		d = -15
	}
	p := math.Pow(10, d)
	// To 15 significant digits first, so that 2.675 rounds to 2.68 as in
	// Excel, not 2.67 as its binary value would.
	y, _ := parseNumber(formatNum(x * p))
	switch name {
	case "ROUNDUP":
		if y < 0 {
			return math.Floor(y) / p
		}
		return math.Ceil(y) / p
	case "ROUNDDOWN":
		return math.Trunc(y) / p
	}
	return math.Round(y) / p
}

// toBool converts a value for IF, AND, OR and NOT.
func toBool(v fval) (bool, string) {
	switch v.kind {
	case Blank:
		return false, ""
	case Number, Bool:
		return v.num != 0, ""
	case Error:
		return false, v.str
	}
	switch strings.ToUpper(strings.TrimSpace(v.str)) {
	case "TRUE":
		return true, ""
	case "FALSE":
		return false, ""
	}
	return false, "#VALUE!"
}

// values calls fn with each value an argument gives: the cells of a
// reference (inRange: text and empty cells are skipped by the aggregates),
// else the argument's own value. fn returns false to stop.
func (w *Workbook) values(n fnode, c ctx, fn func(v fval, inRange bool) (bool, error)) error {
	ref, ok := n.(refNode)
	if !ok {
		v, err := w.eval(n, c)
		if err != nil {
			return err
		}
		_, err = fn(v, false)
		return err
	}
	a, ok := w.resolve(ref, c.sheet, c.dr, c.dc)
	if !ok {
		_, err := fn(errVal("#REF!"), false)
		return err
	}
	return w.eachCell(a, c.depth, func(v fval) (bool, error) { return fn(v, true) })
}

// eachCell calls fn with the value of every cell of a that is not empty:
// the values the file holds, and the formulas without one, computed. Every
// cell visited counts a step.
func (w *Workbook) eachCell(a area, depth int, fn func(fval) (bool, error)) error {
	sh, err := w.collect(a)
	if err != nil {
		return err
	}
	lo := pos(a.r1, a.c1)
	hi := pos(a.r2, a.c2)
	i, _ := slices.BinarySearchFunc(sh.cells, lo, cmpPos)
	for ; i < len(sh.cells) && sh.cells[i].pos <= hi; i++ {
		if err := w.step(1); err != nil {
			return err
		}
		col := int(sh.cells[i].pos & (1<<20 - 1))
		if col < a.c1 || col > a.c2 {
			continue
		}
		if more, err := fn(sh.cells[i].val); err != nil || !more {
			return err
		}
	}
	j, _ := slices.BinarySearch(sh.fkeys, lo)
	// The formulas may be evaluated now, which can read this sheet
	// again: fkeys never changes once read, cells may.
	for ; j < len(sh.fkeys) && sh.fkeys[j] <= hi; j++ {
		if err := w.step(1); err != nil {
			return err
		}
		k := sh.fkeys[j]
		row, col := int(k>>20), int(k&(1<<20-1))
		if col < a.c1 || col > a.c2 {
			continue
		}
		v, err := w.evalFormula(cellKey{a.sheet, row, col}, sh.formulas[k], depth)
		if err != nil {
			return err
		}
		if more, err := fn(v); err != nil || !more {
			return err
		}
	}
	return nil
}

// aggregate computes SUM, AVERAGE, MIN, MAX, COUNT and COUNTA. In a
// reference only numbers count (COUNTA: anything not empty), and an error
// value is the result; a value given directly is converted as for
// arithmetic.
func (w *Workbook) aggregate(n callNode, c ctx) (fval, error) {
	var sum, count float64
	lo, hi := math.Inf(1), math.Inf(-1)
	var errV string
	for _, a := range n.args {
		err := w.values(a, c, func(v fval, inRange bool) (bool, error) {
			if n.name == "COUNTA" {
				if v.kind != Blank || !inRange {
					count++
				}
				return true, nil
			}
			if v.kind == Error {
				if n.name == "COUNT" {
					return true, nil
				}
				errV = v.str
				return false, nil
			}
			var x float64
			if inRange {
				if v.kind != Number {
					return true, nil
				}
				x = v.num
			} else {
				var e string
				if x, e = toNum(v); e != "" {
					if n.name == "COUNT" {
						return true, nil
					}
					errV = e
					return false, nil
				}
			}
			sum += x
			count++
			lo, hi = min(lo, x), max(hi, x)
			return true, nil
		})
		if err != nil {
			return fval{}, err
		}
		if errV != "" {
			return errVal(errV), nil
		}
	}
	switch n.name {
	case "SUM":
		return numVal(sum), nil
	case "AVERAGE":
		if count == 0 {
			return errVal("#DIV/0!"), nil
		}
		return numVal(sum / count), nil
	case "MIN":
		if count == 0 {
			return numVal(0), nil
		}
		return numVal(lo), nil
	case "MAX":
		if count == 0 {
			return numVal(0), nil
		}
		return numVal(hi), nil
	}
	return numVal(count), nil
}
