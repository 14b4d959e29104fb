package xlsx

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// calcBook opens a book of sheets given as their sheetData bodies.
func calcBook(t testing.TB, lim Limits, sheets ...bookSheet) *Workbook {
	t.Helper()
	w, err := openBytes(t, book{sheets: sheets}, lim.WithDefaults())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// TestCalcValues: what the evaluator computes, each case worked out in its
// comment, against cells of the file (cached values) and other formulas
// without a value.
func TestCalcValues(t *testing.T) {
	rows := `<row r="1"><c r="A1"><v>2</v></c><c r="B1"><v>3</v></c><c r="C1" t="s"><v>0</v></c><c r="D1" t="b"><v>1</v></c><c r="E1"><f>A1*10</f><v>20</v></c></row>` +
		`<row r="2"><c r="A2"><v>4</v></c><c r="B2"><f>A1+A2</f></c><c r="C2"><f>B2*2</f></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>12.5</t></is></c><c r="B3" t="e"><v>#N/A</v></c></row>` +
		`<row r="5"><c r="A5"><f>SUM(A1:A4)</f></c></row>`
	sheets := []bookSheet{
		{name: "S", xml: rows},
		{name: "带 空格", xml: `<row r="1"><c r="A1"><v>7</v></c><c r="B1"><f>S!A1+1</f></c></row>`},
	}
	b := book{sheets: sheets, sst: []string{`<t>文本</t>`}}
	w, err := openBytes(t, b, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, c := range []struct{ formula, want string }{
		{`1+2*3`, "7"},
		{`(1+2)*3`, "9"},
		{`-2^2`, "4"},              // negation binds tighter than ^ in Excel
		{`2^3^2`, "64"},            // ^ is left to right: (2^3)^2
		{`50%*A1`, "1"},            // 0.5 × 2
		{`A1+B1`, "5"},             // 2 + 3
		{`$A$1*$B$1`, "6"},         // absolute references
		{`B2`, "6"},                // a formula without value: A1+A2 = 2+4
		{`C2+1`, "13"},             // B2*2+1 = 13: formulas two deep
		{`E1`, "20"},               // a cached formula value is read as it is
		{`SUM(A1:B2)`, "15"},       // 2+3+4+6: B2 computed, text and bools skipped
		{`SUM(A1:A3)`, "6"},        // "12.5" in a range is text: skipped
		{`SUM(A1,"12.5")`, "14.5"}, // given directly, text that is a number counts
		{`AVERAGE(A1:A2)`, "3"},
		{`MIN(A1:B2)`, "2"},
		{`MAX(A1:B2,100)`, "100"},
		{`COUNT(A1:D3)`, "5"}, // A1 B1 A2, and B2 C2 computed; C1 D1 A3 B3 are not numbers
		{`COUNTA(A1:D1)`, "4"},
		{`ROUND(2.675,2)`, "2.68"}, // as Excel, not as binary 2.67499…
		{`ROUND(-2.5,0)`, "-3"},    // half away from zero
		{`ROUNDUP(1.21,1)`, "1.3"},
		{`ROUNDDOWN(-1.29,1)`, "-1.2"},
		{`INT(-1.5)`, "-2"},
		{`ABS(-3)`, "3"},
		{`MOD(-3,2)`, "1"}, // the sign of the divisor
		{`IF(A1>1,"big","small")`, "big"},
		{`IF(A1>5,1)`, "FALSE"},
		{`IFERROR(1/0,"x")`, "x"},
		{`1/0`, "#DIV/0!"},
		{`B3+1`, "#N/A"},
		{`"a"&A1&TRUE`, "a2TRUE"},
		{`C1="文本"`, "TRUE"},
		{`"ABC"="abc"`, "TRUE"}, // case does not matter
		{`Z99=0`, "TRUE"},       // an empty cell is 0
		{`AND(A1>1,B1>1)`, "TRUE"},
		{`OR(A1>5,FALSE)`, "FALSE"},
		{`NOT(0)`, "TRUE"},
		{`LEN("十四五")`, "3"},
		{`'带 空格'!A1*2`, "14"},
		{`'带 空格'!B1`, "3"}, // S!A1+1, a formula of another sheet
		{`0.1+0.2`, "0.3"}, // to 15 digits, as Excel keeps it
		{`A5`, "6"},        // SUM(A1:A4) = 2+4, A3 is text
		{`CONCATENATE("x",1)`, "x1"},
		{`SQRT(-1)`, "#NUM!"},
		{`POWER(2,10)`, "1024"},
		{`NA()`, "#N/A"},
		{`IF(TRUE(),PI()>3)`, "TRUE"},
	} {
		got, err := evalIn(t, w, c.formula)
		if err != nil || got != c.want {
			t.Errorf("=%s: %q, %v; want %q", c.formula, got, err, c.want)
		}
	}
}

// evalIn computes a formula as if it were in cell S!Z1000 (empty) of w.
func evalIn(t *testing.T, w *Workbook, formula string) (string, error) {
	t.Helper()
	w.calcMu.Lock()
	defer w.calcMu.Unlock()
	if w.calc == nil {
		w.calc = &calcState{sheets: map[int]*calcSheet{}}
	}
	w.calc.steps = 0
	node, err := parseFormula(formula, w.lim, w.sheetIdx)
	if err != nil {
		return "", err
	}
	v, err := w.eval(node, ctx{sheet: 0})
	return formatVal(v), err
}

// TestCalcCannot: a formula the evaluator does not compute is an error that
// names the cell and says to save the workbook in a spreadsheet program, in
// both languages; it is not a limit, so the reader reports the cell, not
// the workbook.
func TestCalcCannot(t *testing.T) {
	for _, f := range []string{`VLOOKUP(1,A1:B2,2)`, `Rate*2`, `SUM(`, `{1,2}`, `[1]Sheet1!A1`, `Nope!A1`, `1:2`, `_xlfn.STDEV.S(A1:A2)`, `SUM(1`} {
		w := calcBook(t, Limits{}, bookSheet{name: "S", xml: `<row r="1"><c r="A1"><f>` + xmlEscape(f) + `</f></c></row>`})
		_, err := w.Calc("S", "A1")
		if err == nil {
			t.Errorf("=%s: no error", f)
			continue
		}
		if errors.Is(err, ErrLimit) || errors.Is(err, ErrCircular) {
			t.Errorf("=%s: %v is a refusal", f, err)
		}
		if !strings.HasPrefix(err.Error(), "S!A1: ") {
			t.Errorf("=%s: %v does not name the cell", f, err)
		}
		zh := msg.Text(CalcReason(err), msg.Chinese)
		if f != `Nope!A1` && !strings.Contains(zh, "请用 Excel、WPS 或 LibreOffice 打开并保存后再试") {
			t.Errorf("=%s: %s", f, zh)
		}
	}
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// TestCalcCircular: a formula that refers to itself, directly or through
// others, is refused naming the cells of the loop (Excel warns; excelize
// gave 1 without a word).
func TestCalcCircular(t *testing.T) {
	w := calcBook(t, Limits{}, bookSheet{name: "S", xml: `<row r="1"><c r="A1"><f>B1+1</f></c><c r="B1"><f>C1*2</f></c><c r="C1"><f>A1</f></c><c r="D1"><f>D1</f></c></row>`})
	_, err := w.Calc("S", "A1")
	if !errors.Is(err, ErrCircular) || err.Error() != "S!A1: circular reference: S!A1 → S!B1 → S!C1 → S!A1" {
		t.Errorf("A1: %v", err)
	}
	_, err = w.Calc("S", "D1")
	if !errors.Is(err, ErrCircular) || err.Error() != "S!D1: circular reference: S!D1 → S!D1" {
		t.Errorf("D1: %v", err)
	}
	if zh := msg.Text(err, msg.Chinese); zh != "S!D1：公式循环引用：S!D1 → S!D1" {
		t.Errorf("Chinese: %s", zh)
	}
}

// chainRows is a column of n formulas without value, each the next plus
// one: A1 = A2+1, …, A(n) = 1.
func chainRows(n int) string {
	var b strings.Builder
	for r := 1; r < n; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><f>A%d+1</f></c></row>`, r, r, r+1)
	}
	fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><f>1</f></c></row>`, n, n)
	return b.String()
}

// TestCalcChain: a chain of formulas within MaxCalcDepth is computed; a
// longer one (200,000 cells, which ended excelize in a fatal stack overflow)
// is refused as a limit naming where it stopped.
func TestCalcChain(t *testing.T) {
	w := calcBook(t, Limits{}, bookSheet{name: "S", xml: chainRows(200)})
	if got, err := w.Calc("S", "A1"); err != nil || got != "200" {
		t.Errorf("200 deep: %q, %v", got, err)
	}
	n := 200_000
	if !fullSize() {
		n = 20_000
	}
	w = calcBook(t, Limits{}, bookSheet{name: "S", xml: chainRows(n)})
	_, err := w.Calc("S", "A1")
	want := "S!A1: formulas without a saved value refer to each other over 256 deep (at S!A257): over a limit"
	if !errors.Is(err, ErrLimit) || err.Error() != want {
		t.Errorf("%d deep: %v\nwant %s", n, err, want)
	}
}

// TestCalcBomb: text growing past MaxCellBytes (=LEN(REPT(REPT(REPT("x",
// 32767),32767),32767)) grew to gigabytes in excelize) and work past
// MaxCalcSteps are limits.
func TestCalcBomb(t *testing.T) {
	w := calcBook(t, Limits{}, bookSheet{name: "S", xml: `<row r="1"><c r="A1"><f>LEN(REPT(REPT(REPT("x",32767),32767),32767))</f></c>` +
		`<c r="B1"><f>A1&amp;A1</f></c></row>`})
	_, err := w.Calc("S", "A1")
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "a formula's result over 131068 bytes") {
		t.Errorf("REPT: %v", err)
	}
	// Each of 59 formulas sums the 701 values of row 1: 41,359 cells
	// visited, over 10,000 steps.
	var b strings.Builder
	b.WriteString(`<row r="1">`)
	for c := 2; c <= 702; c++ {
		fmt.Fprintf(&b, `<c r="%s1"><v>1</v></c>`, colName(c))
	}
	b.WriteString(`</row>`)
	for r := 2; r <= 60; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><f>SUM($B$1:$ZZ$1)+A%d</f></c></row>`, r, r, r+1)
	}
	w = calcBook(t, Limits{MaxCalcSteps: 10_000}, bookSheet{name: "S", xml: b.String()})
	_, err = w.Calc("S", "A2")
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "over 10000 steps") {
		t.Errorf("steps: %v", err)
	}
}

// TestCalcShared: a shared formula's child without a value moves its
// master's relative references, not the absolute ones.
func TestCalcShared(t *testing.T) {
	w := calcBook(t, Limits{}, bookSheet{name: "S", xml: `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*$D$1</f><v>10</v></c><c r="D1"><v>10</v></c></row>` +
		`<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/></c></row>` +
		`<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/></c></row>` +
		`<row r="4"><c r="B4"><f>SUM(B1:B3)</f></c></row>`})
	for ref, want := range map[string]string{"B2": "20", "B3": "30", "B4": "60"} {
		if got, err := w.Calc("S", ref); err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", ref, got, err, want)
		}
	}
}

// TestCalcLongSums: a long run of operators (=A2+1+1+… with 3,000 terms, as
// a sum of scattered cells is written) is evaluated in a loop, so a chain of
// 250 such formulas is 250 calls deep, not 750,000: A1 = 1 + 249 × 3,000.
func TestCalcLongSums(t *testing.T) {
	var b strings.Builder
	terms := strings.Repeat("+1", 3000)
	for r := 1; r < 250; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d"><f>A%d%s</f></c></row>`, r, r, r+1, terms)
	}
	b.WriteString(`<row r="250"><c r="A250"><f>1</f></c></row>`)
	w := calcBook(t, Limits{}, bookSheet{name: "S", xml: b.String()})
	if got, err := w.Calc("S", "A1"); err != nil || got != "747001" {
		t.Errorf("A1 = %q, %v; want 747001", got, err)
	}
}
