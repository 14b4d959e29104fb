package newplan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLongInputIsBounded: one line more than the longest input read is
// refused (BenchmarkLongInput times the longest, made of the lines that
// cost most: each a header's first word, so every line is tried as a
// header).
func TestLongInputIsBounded(t *testing.T) {
	for name, line := range longLines {
		text := "指标\t2020年基数\t2025年目标\n" + strings.Repeat(line, MaxLines-2)
		if _, err := Parse(SplitText(text+line+line), ""); err == nil {
			t.Errorf("%s: %d lines read", name, MaxLines+1)
		}
	}
}

// longLines are the lines of the longest pastes read: a header, then one
// line repeated up to MaxLines.
var longLines = map[string]string{
	"names": "指标\n",
	"words": "指标 2020年 基数 指标 2020年 基数 2020年 基数\n",
	"rows":  "1.城镇新增就业人数（万人）\t4.02\t[15]\t预期性\n",
}

// BenchmarkLongInput reads pastes of MaxLines lines (0.3–1.2 s each on the
// development machine, 2 busy cores; a paste of that length once took
// minutes). It was a timed unit test, which failed under -race in CI.
func BenchmarkLongInput(b *testing.B) {
	for _, name := range []string{"names", "words", "rows"} {
		text := "指标\t2020年基数\t2025年目标\n" + strings.Repeat(longLines[name], MaxLines-2)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Parse(SplitText(text), "")
			}
		})
	}
}

// BenchmarkSeed reads the whole seed document for its 专栏2.
func BenchmarkSeed(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "jiulongpo-hrss-14th-plan.txt"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Parse(SplitText(string(data)), "专栏2"); err != nil {
			b.Fatal(err)
		}
	}
}
