package textout

import (
	"strings"
	"testing"

	"github.com/clipperhouse/displaywidth"
)

func TestWrapText(t *testing.T) {
	m := displaywidth.Options{}.String
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		// Chinese breaks between characters, two columns each.
		{"18.新增取得高级工以上职业资格证书", 12, "18.新增取得\n高级工以上职\n业资格证书"},
		// A number or a bracketed total moves whole to the next line.
		{"城镇新增就业人数[1700]", 12, "城镇新增就业\n人数[1700]"},
		{"值为43.6万人", 5, "值为\n43.6\n万人"},
		{"值为43.6万人", 8, "值为43.6\n万人"},
		// A plan reference moves whole, its version with it.
		{"任何指标jlp-hrss-13th@1的", 22, "任何指标\njlp-hrss-13th@1的"},
		// Spaces break English; a word wider than a line is cut.
		{"no total for 2023: no value for 2021", 12, "no total for\n2023: no\nvalue for\n2021"},
		{"abcdefghij", 4, "abcd\nefgh\nij"},
		// Fits: unchanged; existing line breaks kept.
		{"短", 4, "短"},
		{"甲乙丙丁\n戊", 4, "甲乙\n丙丁\n戊"},
	} {
		got := wrapText(c.in, c.width, m)
		if got != c.want {
			t.Errorf("wrapText(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
		for _, line := range strings.Split(got, "\n") {
			if m(line) > c.width {
				t.Errorf("wrapText(%q, %d): line %q is %d wide", c.in, c.width, line, m(line))
			}
		}
	}
	// A message: the first line as wide as the terminal, the others
	// indented two columns and no wider either.
	got := strings.Split(Wrap("plancheck: warning: 2023.xlsx: 表1!C9: a value in 人, but the unit is 万人", 30, 2), "\n")
	if len(got) < 3 || m(got[0]) > 30 {
		t.Errorf("Wrap: %q", got)
	}
	for _, line := range got[1:] {
		if rest, ok := strings.CutPrefix(line, "  "); !ok || strings.HasPrefix(rest, " ") || m(line) > 30 {
			t.Errorf("Wrap: line %q not indented two columns within 30", line)
		}
	}
}
