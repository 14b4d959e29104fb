package expr

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Expr // Text is filled in from in
	}{
		// number
		{"15", Expr{Kind: Number, Value: 15}},
		{"43.6", Expr{Kind: Number, Value: 43.6, Decimals: 1}},
		{"43.60", Expr{Kind: Number, Value: 43.6, Decimals: 2}},
		{"0.8", Expr{Kind: Number, Value: 0.8, Decimals: 1}},
		{"-3", Expr{Kind: Number, Value: -3}},
		{"−3", Expr{Kind: Number, Value: -3}},
		{"－３", Expr{Kind: Number, Value: -3}},
		{"-0", Expr{Kind: Number, Value: 0}},
		{"1,234", Expr{Kind: Number, Value: 1234}},
		{"12,345,678.5", Expr{Kind: Number, Value: 12345678.5, Decimals: 1}},
		{"１５", Expr{Kind: Number, Value: 15}},
		{"４３．６", Expr{Kind: Number, Value: 43.6, Decimals: 1}},
		{" 15 ", Expr{Kind: Number, Value: 15}},
		{"\u300015\u00a0", Expr{Kind: Number, Value: 15}},
		// cumulative
		{"[15]", Expr{Kind: Cumulative, Cumulative: true, Value: 15}},
		{"[4.3]", Expr{Kind: Cumulative, Cumulative: true, Value: 4.3, Decimals: 1}},
		{"［１５］", Expr{Kind: Cumulative, Cumulative: true, Value: 15}},
		{"[ 15 ]", Expr{Kind: Cumulative, Cumulative: true, Value: 15}},
		// bound
		{">95", Expr{Kind: Bound, Op: GT, Value: 95}},
		{"＞９５", Expr{Kind: Bound, Op: GT, Value: 95}},
		{"≥ 95", Expr{Kind: Bound, Op: GE, Value: 95}},
		{"≥95", Expr{Kind: Bound, Op: GE, Value: 95}},
		{">=95", Expr{Kind: Bound, Op: GE, Value: 95}},
		{"＞＝９５", Expr{Kind: Bound, Op: GE, Value: 95}},
		{"⩾95", Expr{Kind: Bound, Op: GE, Value: 95}},
		{"≧95", Expr{Kind: Bound, Op: GE, Value: 95}},
		{"<5.5", Expr{Kind: Bound, Op: LT, Value: 5.5, Decimals: 1}},
		{"≤4.5", Expr{Kind: Bound, Op: LE, Value: 4.5, Decimals: 1}},
		{"<=4.5", Expr{Kind: Bound, Op: LE, Value: 4.5, Decimals: 1}},
		{"⩽4.5", Expr{Kind: Bound, Op: LE, Value: 4.5, Decimals: 1}},
		{"≦4.5", Expr{Kind: Bound, Op: LE, Value: 4.5, Decimals: 1}},
		{"< -3", Expr{Kind: Bound, Op: LT, Value: -3}},
		// bounded cumulative
		{"<[1700]", Expr{Kind: Bound, Op: LT, Cumulative: true, Value: 1700}},
		{"＜［1700］", Expr{Kind: Bound, Op: LT, Cumulative: true, Value: 1700}},
		{"≥[500]", Expr{Kind: Bound, Op: GE, Cumulative: true, Value: 500}},
		{"≥ [ 500 ]", Expr{Kind: Bound, Op: GE, Cumulative: true, Value: 500}},
		// approximate
		{"83 左右", Expr{Kind: Approx, Value: 83}},
		{"83左右", Expr{Kind: Approx, Value: 83}},
		{"83.5　左右", Expr{Kind: Approx, Value: 83.5, Decimals: 1}},
		{"约83", Expr{Kind: Approx, Value: 83}},
		{"约 83", Expr{Kind: Approx, Value: 83}},
		// none
		{"—", Expr{Kind: None}},
		{"——", Expr{Kind: None}},
		{"-", Expr{Kind: None}},
		{"－", Expr{Kind: None}},
		{"–", Expr{Kind: None}},
		{"――", Expr{Kind: None}},
		{" — ", Expr{Kind: None}},
		// ratio
		{"15:45:40", Expr{Kind: Ratio, Parts: []float64{15, 45, 40}}},
		{"１５：４５：４０", Expr{Kind: Ratio, Parts: []float64{15, 45, 40}}},
		{"15 : 45 : 40", Expr{Kind: Ratio, Parts: []float64{15, 45, 40}}},
		{"15.5:84.5", Expr{Kind: Ratio, Parts: []float64{15.5, 84.5}, Decimals: 1}},
		{"0:100", Expr{Kind: Ratio, Parts: []float64{0, 100}}},
		// range
		{"2—3", Expr{Kind: Range, Value: 2, High: 3}},
		{"2-3", Expr{Kind: Range, Value: 2, High: 3}},
		{"2–3", Expr{Kind: Range, Value: 2, High: 3}},
		{"2~3", Expr{Kind: Range, Value: 2, High: 3}},
		{"2～3", Expr{Kind: Range, Value: 2, High: 3}},
		{"2 — 3", Expr{Kind: Range, Value: 2, High: 3}},
		{"2——3", Expr{Kind: Range, Value: 2, High: 3}},
		{"２－３", Expr{Kind: Range, Value: 2, High: 3}},
		{"2.5—3", Expr{Kind: Range, Value: 2.5, High: 3, Decimals: 1}},
		{"-3—-1", Expr{Kind: Range, Value: -3, High: -1}},
		{"-3-5", Expr{Kind: Range, Value: -3, High: 5}},
		{"[5—10]", Expr{Kind: Range, Cumulative: true, Value: 5, High: 10}},
		{"［５－１０］", Expr{Kind: Range, Cumulative: true, Value: 5, High: 10}},
		{"[ 5 — 10 ]", Expr{Kind: Range, Cumulative: true, Value: 5, High: 10}},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		want := tt.want
		want.Text = tt.in
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Parse(%q)\n got %+v\nwant %+v", tt.in, got, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	generic := "not a number, bound, [cumulative], range, ratio or —"
	tests := []struct{ in, reason string }{
		{"≥≥95", "two operators"},
		{">>95", "two operators"},
		{"> =95", `unexpected "="`},
		{">", "no number after >"},
		{">=", "no number after ≥"},
		{"约", "no number after 约"},
		{"[]", "empty brackets"},
		{"[", "missing number and ]"},
		{"[15", "missing ]"},
		{"[15 16]", `unexpected "16"`},
		{"15]", "missing ["},
		{"abc", generic},
		{"NaN", generic},
		{"Inf", generic},
		{"—3", generic},
		{":15", generic},
		{"1e3", "exponents are not allowed"},
		{"1E-3", "exponents are not allowed"},
		{"5—3", "range low end 5 is not below high end 3"},
		{"3—3", "range low end 3 is not below high end 3"},
		{"2—", "range has no high end"},
		{"15::40", "empty ratio part"},
		{"15:", "empty ratio part"},
		{"15:-3", "ratio part -3 is negative"},
		{"[15:45]", "a ratio cannot be cumulative"},
		{">15:45", "a ratio cannot be a bound"},
		{"[>95]", "operator inside brackets (write >[95])"},
		{"[>]", "operator inside brackets"},
		{">2—3", "a range cannot be a bound"},
		{"2—3左右", "a range cannot be approximate"},
		{">95左右", "a bound cannot be approximate"},
		{"[83]左右", "a cumulative value cannot be approximate"},
		{"约83左右", "both 约 and 左右"},
		{"95%", `unexpected "%"`},
		{"", "empty"},
		{" \u3000 ", "empty"},
		{"1,23", `bad thousands separator in "1,23"`},
		{"1234,567", `bad thousands separator in "1234,567"`},
		{"15,", `bad thousands separator in "15,"`},
		{"1.2.3", `bad number "1.2.3"`},
		{"5.", `bad number "5."`},
		{".5", `bad number ".5"`},
		{"15 16", `unexpected "16"`},
		{"1.12345678901", `number "1.12345678901" has more than 10 decimal places`},
		{"1000000000000000000", `number "1000000000000000000" is too large`},
		{strings.Repeat("1", 31), "number is longer than 30 characters"},
		{strings.Repeat(" ", 199) + "15", "too long"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %+v, want error %q", tt.in, got, tt.reason)
			continue
		}
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("Parse(%q) error %T, want *Error", tt.in, err)
			continue
		}
		if pe.Text != tt.in || pe.Reason != tt.reason {
			t.Errorf("Parse(%q) error {Text %q, Reason %q}, want reason %q", tt.in, pe.Text, pe.Reason, tt.reason)
		}
		if want := fmt.Sprintf("bad expression %q: %s", tt.in, tt.reason); err.Error() != want {
			t.Errorf("Parse(%q) error\n got %s\nwant %s", tt.in, err, want)
		}
	}
}

func TestString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"15", "15"},
		{"43.60", "43.60"},
		{"1,234.5", "1234.5"},
		{"-3", "-3"},
		{"［１５］", "[15]"},
		{"＞９５", ">95"},
		{">= 95", "≥95"},
		{"<=4.5", "≤4.5"},
		{"＜［1700］", "<[1700]"},
		{"83 左右", "83左右"},
		{"约83", "83左右"},
		{"——", "—"},
		{"-", "—"},
		{"１５：４５：４０", "15:45:40"},
		{"15.5:84.5:0", "15.5:84.5:0.0"},
		{"2 - 3", "2—3"},
		{"2.5~3", "2.5—3.0"},
		{"[5—10]", "[5—10]"},
		{"-3—-1", "-3—-1"},
	}
	for _, tt := range tests {
		e, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		got := e.String()
		if got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
		back, err := Parse(got)
		if err != nil {
			t.Errorf("Parse(%q) (from %q): %v", got, tt.in, err)
			continue
		}
		back.Text = e.Text
		if !reflect.DeepEqual(back, e) {
			t.Errorf("round trip of %q through %q\n got %+v\nwant %+v", tt.in, got, back, e)
		}
	}
	if got := (Expr{}).String(); got != "—" {
		t.Errorf("zero Expr String() = %q, want —", got)
	}
}

func TestNames(t *testing.T) {
	kinds := map[Kind]string{None: "none", Number: "number", Cumulative: "cumulative", Bound: "bound",
		Approx: "approx", Range: "range", Ratio: "ratio", Kind(9): "Kind(9)"}
	for k, want := range kinds {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, want)
		}
	}
	ops := []struct {
		op           Op
		name         string
		up, isStrict bool
	}{
		{NoOp, "", false, false},
		{GT, ">", true, true},
		{GE, "≥", true, false},
		{LT, "<", false, true},
		{LE, "≤", false, false},
	}
	for _, tt := range ops {
		if got := tt.op.String(); got != tt.name {
			t.Errorf("Op(%d).String() = %q, want %q", int(tt.op), got, tt.name)
		}
		if got := tt.op.Up(); got != tt.up {
			t.Errorf("%q.Up() = %v, want %v", tt.name, got, tt.up)
		}
		if got := tt.op.Strict(); got != tt.isStrict {
			t.Errorf("%q.Strict() = %v, want %v", tt.name, got, tt.isStrict)
		}
	}
}

func TestHelpers(t *testing.T) {
	tests := []struct {
		in         string
		cumulative bool
		hasNumber  bool
		number     float64
	}{
		{"—", false, false, 0},
		{"15", false, true, 15},
		{"[15]", true, true, 15},
		{">95", false, true, 95},
		{"<[1700]", true, true, 1700},
		{"83左右", false, true, 83},
		{"2—3", false, true, 2},
		{"[5—10]", true, true, 5},
		{"15:45:40", false, false, 0},
	}
	for _, tt := range tests {
		e, err := Parse(tt.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.in, err)
		}
		if got := e.IsCumulative(); got != tt.cumulative {
			t.Errorf("Parse(%q).IsCumulative() = %v, want %v", tt.in, got, tt.cumulative)
		}
		if got := e.HasNumber(); got != tt.hasNumber {
			t.Errorf("Parse(%q).HasNumber() = %v, want %v", tt.in, got, tt.hasNumber)
		}
		if got := e.Number(); got != tt.number {
			t.Errorf("Parse(%q).Number() = %v, want %v", tt.in, got, tt.number)
		}
	}
}

// TestCompatDigits: only full-width digits fold; a superscript, subscript,
// circled or mathematical digit is an error quoting it, never a wrong
// number (5.3¹ is not 5.31).
func TestCompatDigits(t *testing.T) {
	for _, s := range []string{"43.6¹", "96.5²", "5₃", "⑤", "⑴", "½", "≥9⁵", "[1𝟓]", "⒌3"} {
		if _, err := Parse(s); err == nil || !strings.Contains(err.Error(), "not a plain digit") {
			t.Errorf("Parse(%q): %v, want a not-a-plain-digit error", s, err)
		}
	}
	// after Chinese text, which is passed over unfolded
	if r, ok := CompatDigit("约" + strings.Repeat("约", 1000) + "5.3¹"); !ok || r != '¹' {
		t.Errorf("CompatDigit after Chinese text: %q, %v", r, ok)
	}
	for _, s := range []string{"12.5万m²", "3km²", "5㎡", "2m³"} {
		if r, ok := CompatDigit(s); ok {
			t.Errorf("CompatDigit(%q) = %q: a unit's power is not a digit", s, r)
		}
	}
	for s, want := range map[string]float64{"４３.６": 43.6, "＞９５": 95, "［１５］": 15} {
		e, err := Parse(s)
		if err != nil {
			t.Errorf("Parse(%q): %v", s, err)
			continue
		}
		if got := e.String(); !strings.Contains(got, strconv.FormatFloat(want, 'f', -1, 64)) {
			t.Errorf("Parse(%q) = %s, want %v in it", s, got, want)
		}
	}
}
