package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"golang.org/x/term"
)

// progressDelay is how long a run goes before it shows a progress line: a
// quick run stays silent.
const progressDelay = time.Second

// progress draws one line on a terminal's stderr while a long eval runs:
// files done (of how many), rows read, the rate, and the time left when it
// can be told. It draws nothing when stderr is not a terminal or under
// --quiet; its methods are safe on a nil *progress.
type progress struct {
	w     io.Writer
	total int // files
	lang  msg.Lang
	start time.Time
	files atomic.Int64
	rows  atomic.Int64
	// tableRows is how many rows the tables of the files declare, summed.
	tableRows atomic.Int64
	stop      chan struct{}
	wg        sync.WaitGroup
	drawn     bool
	mu        sync.Mutex
	ticker    *time.Ticker
}

// newProgress starts a progress line on w for a run over files, or returns
// nil when none is to be shown.
func newProgress(w io.Writer, files int, quiet bool, lang msg.Lang) *progress {
	f, ok := w.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return startProgress(w, files, lang, progressDelay, 200*time.Millisecond)
}

// startProgress draws on w after delay, every tick.
func startProgress(w io.Writer, files int, lang msg.Lang, delay, tick time.Duration) *progress {
	p := &progress{w: w, total: files, lang: lang, start: time.Now(), stop: make(chan struct{})}
	p.ticker = time.NewTicker(tick)
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for {
			select {
			case <-p.stop:
				return
			case now := <-p.ticker.C:
				if now.Sub(p.start) >= delay {
					p.draw(now)
				}
			}
		}
	}()
	return p
}

// Table implements pipeline.Progress.
func (p *progress) Table(_ string, rows int) { p.tableRows.Add(int64(rows)) }

// Rows implements pipeline.Progress.
func (p *progress) Rows(_ string, n int) { p.rows.Add(int64(n)) }

// FileDone implements pipeline.Progress.
func (p *progress) FileDone(string) { p.files.Add(1) }

func (p *progress) draw(now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	elapsed := now.Sub(p.start).Seconds()
	files, rows := p.files.Load(), p.rows.Load()
	var line string
	if p.total > 1 {
		rate := float64(files) / elapsed
		left := -1.0
		if files > 0 {
			left = float64(p.total-int(files)) / rate
		}
		line = p.lang.T("progress.files", files, p.total, rows, rate, p.seconds(left))
	} else if total := p.tableRows.Load(); total > 0 {
		// One file whose size is known: rows of rows, and the time left.
		rows = min(rows, total)
		rate := float64(rows) / elapsed
		left := -1.0
		if rows > 0 {
			left = float64(total-rows) / rate
		}
		line = p.lang.T("progress.rows-of", rows, total, rows*100/total, rate, p.seconds(left))
	} else {
		line = p.lang.T("progress.rows", rows, float64(rows)/elapsed)
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.drawn = true
}

// seconds is a time left as the line says it: 12 秒, 3 分 5 秒; — when it
// cannot be told yet (negative).
func (p *progress) seconds(s float64) string {
	if s < 0 {
		return "—"
	}
	n := int(s + 0.5)
	if n >= 60 {
		return p.lang.T("progress.min-sec", n/60, n%60)
	}
	return p.lang.T("progress.sec", n)
}

// done stops the line and clears it.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.ticker.Stop()
	close(p.stop)
	p.wg.Wait()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
