package expr

import (
	"errors"
	"reflect"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"15", "43.6", "43.60", "0.8", "-3", "1,234", "１５",
		"[15]", "[4.3]", "［１５］",
		">95", "≥ 95", ">=95", "<5.5", "≤4.5", "<=4.5", "⩾95", "⩽4.5", "≧95", "≦4.5", "＞９５",
		"<[1700]", "≥[500]", "＜［1700］",
		"83 左右", "83左右", "约83",
		"—", "——", "-", "－", "–",
		"15:45:40", "１５：４５：４０",
		"2—3", "2-3", "2–3", "2~3", "2～3", "2 — 3", "[5—10]", "-3—-1",
		"≥≥95", ">", "[]", "[15", "15]", "abc", "1e3", "5—3", "15::40", ">>95", "[>95]", "95%", "", "1,23", "NaN",
		"\u300015\u00a0", "9.9999999999", "999999999999999999",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := Parse(s)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error %T %v, want *Error", s, err, err)
			}
			if pe.Text != s {
				t.Fatalf("Parse(%q) error Text %q", s, pe.Text)
			}
			return
		}
		if e.Text != s {
			t.Fatalf("Parse(%q).Text = %q", s, e.Text)
		}
		out := e.String()
		back, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse(%q) = %+v; String() = %q does not parse: %v", s, e, out, err)
		}
		if back.String() != out {
			t.Fatalf("Parse(%q).String() = %q, but reparsed it prints %q", s, out, back.String())
		}
		back.Text = e.Text
		if !reflect.DeepEqual(back, e) {
			t.Fatalf("round trip of %q through %q\n got %+v\nwant %+v", s, out, back, e)
		}
	})
}
