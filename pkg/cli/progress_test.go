package cli

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// syncBuffer is a strings.Builder safe for the progress goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestProgressSilent: no progress line where stderr is not a terminal (a
// buffer, a file, a pipe) or under --quiet; done on none is harmless.
func TestProgressSilent(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for _, out := range []any{&strings.Builder{}, f, w} {
		if p := newProgress(out.(interface{ Write([]byte) (int, error) }), 10, false, "zh"); p != nil {
			t.Errorf("%T: a progress line off a terminal", out)
		}
	}
	if p := newProgress(os.Stderr, 10, true, "zh"); p != nil {
		t.Error("a progress line under --quiet")
	}
	var none *progress
	none.done()
}

// TestProgressLine: on a terminal, after the delay, one line redrawn in
// place with the files done, rows, rate and time left, in the language
// asked for, and cleared at the end.
func TestProgressLine(t *testing.T) {
	for lang, want := range map[msg.Lang]string{"zh": "已读 1/4 个文件，4096 行，每秒", "en": "1/4 files, 4096 rows, "} {
		var buf syncBuffer
		p := startProgress(&buf, 4, lang, 0, time.Millisecond)
		p.Rows("a.xlsx", 4096)
		p.FileDone("a.xlsx")
		deadline := time.Now().Add(5 * time.Second)
		for !strings.Contains(buf.String(), want) && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		p.done()
		got := buf.String()
		if !strings.HasPrefix(got, "\r\033[K") || !strings.Contains(got, want) || !strings.HasSuffix(got, "\r\033[K") {
			t.Errorf("%s: progress output %q, want a line with %q, cleared at the end", lang, got, want)
		}
		if strings.Contains(got, "\n") {
			t.Errorf("%s: the progress line breaks lines: %q", lang, got)
		}
	}
	// One file of a known size: rows of rows, the share and the time left.
	var sized syncBuffer
	p := startProgress(&sized, 1, "zh", 0, time.Millisecond)
	p.Table("big.xlsx", 327060)
	p.Rows("big.xlsx", 163530)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(sized.String(), "已读 163530/327060 行（50%），每秒") && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	p.done()
	if !strings.Contains(sized.String(), "已读 163530/327060 行（50%），每秒") || !strings.Contains(sized.String(), "约剩") {
		t.Errorf("one file of a known size: %q", sized.String())
	}
	// One file of an unknown size: rows and rate, no file count.
	var buf syncBuffer
	p = startProgress(&buf, 1, "en", 0, time.Millisecond)
	p.Rows("big.xlsx", 327061)
	deadline = time.Now().Add(5 * time.Second)
	for !strings.Contains(buf.String(), "327061 rows read") && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	p.done()
	if !strings.Contains(buf.String(), "327061 rows read") {
		t.Errorf("one file: %q", buf.String())
	}
}

func TestProgressSeconds(t *testing.T) {
	zh, en := &progress{lang: "zh"}, &progress{lang: "en"}
	for s, want := range map[float64][2]string{-1: {"—", "—"}, 0.2: {"0 秒", "0s"}, 12.4: {"12 秒", "12s"}, 185: {"3 分 5 秒", "3m5s"}} {
		if got := [2]string{zh.seconds(s), en.seconds(s)}; got != want {
			t.Errorf("seconds(%v) = %q, want %q", s, got, want)
		}
	}
}
