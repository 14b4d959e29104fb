package textout

import (
	"strings"
	"testing"
)

// TestGridAsTablewriter: the completion table's own renderer draws, byte for
// byte, what tablewriter draws with plancheck's settings, in boxes and in
// Markdown, with East-Asian ambiguous width off and on, for cells of every
// width class: CJK, full-width brackets, ambiguous dashes and quotes, ASCII,
// empty cells and cells of several lines.
func TestGridAsTablewriter(t *testing.T) {
	header := []string{"指标", "属性", "目标", "Actual"}
	rows := [][]string{
		{"一、就业", "", "", ""},
		{"1.城镇新增就业人数（万人）", "预期性", "[15]", "[9.00]"},
		{"“十三五”目标", "约束性", "≥ 95", "—"},
		{"two\nlines", "a", "", "3.1\n3.2\n3.3"},
		{"x", "", "", ""},
	}
	for _, ea := range []string{"", "1"} {
		t.Setenv("RUNEWIDTH_EASTASIAN", ea)
		for _, format := range []TableFormat{Box, Markdown} {
			var want, got strings.Builder
			tw := newTable(&want, format)
			tw.Header(header)
			for _, r := range rows {
				if err := tw.Append(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := tw.Render(); err != nil {
				t.Fatal(err)
			}
			g := newGrid(format, header)
			for _, r := range rows {
				g.append(r)
			}
			if err := g.render(&got); err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s, RUNEWIDTH_EASTASIAN=%q:\ngot\n%s\nwant (tablewriter)\n%s", format, ea, got.String(), want.String())
			}
		}
	}
}
