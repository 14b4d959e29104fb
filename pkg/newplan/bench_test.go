package newplan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLongInputIsBounded: the longest input read, made of the lines that
// cost most (each a header's first word, so every line is tried as a
// header), is read in well under a few seconds, and one line more is
// refused.
func TestLongInputIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("a few seconds")
	}
	for name, line := range map[string]string{
		"names": "指标\n",
		"words": "指标 2020年 基数 指标 2020年 基数 2020年 基数\n",
		"rows":  "1.城镇新增就业人数（万人）\t4.02\t[15]\t预期性\n",
	} {
		text := "指标\t2020年基数\t2025年目标\n" + strings.Repeat(line, MaxLines-2)
		start := time.Now()
		Parse(SplitText(text), "")
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: %d lines read in %v", name, MaxLines, d)
		}
		if _, err := Parse(SplitText(text+line+line), ""); err == nil {
			t.Errorf("%s: %d lines read", name, MaxLines+1)
		}
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
