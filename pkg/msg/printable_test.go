package msg

import "testing"

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"城镇新增就业人数":                           "城镇新增就业人数",
		"“十四五”":                              "“十四五”",
		"a\nb":                               "a\nb",
		"\x1b[2J清屏":                          `\x1b[2J清屏`,
		"\x1b]8;;http://x\x07链接\x1b]8;;\x07": `\x1b]8;;http://x\x07链接\x1b]8;;\x07`,
		"响铃\a":                               `响铃\x07`,
		"回车\r覆盖":                             `回车\x0d覆盖`,
		"tab\there":                          `tab\x09here`,
		"c1\u009b31m":                        `c1\x9b31m`,
		"abc\u202edcba":                      `abc\u202edcba`,
		"\u2066隔离\u2069":                     `\u2066隔离\u2069`,
		"bad\xffbyte":                        `bad\ufffdbyte`,
		"del\x7f":                            `del\x7f`,
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"a|b":       `a\|b`,
		"2020年\n基数": "2020年<br>基数",
		"\x1b|":     `\x1b\|`,
	} {
		if got := MarkdownCell(in); got != want {
			t.Errorf("MarkdownCell(%q) = %q, want %q", in, got, want)
		}
	}
}
