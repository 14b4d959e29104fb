package pipeline

import (
	"slices"
	"sync/atomic"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// batchRows is how many rows travel together from the reading goroutine to
// the matching one: enough that the hand-over costs nothing per row.
const batchRows = 512

// batch is a run of rows (and the rows skipped among them), with the
// header first when the batch opens the table.
type batch struct {
	header *actuals.Header
	// nextSheet marks header as the next sheet's of a workbook read one
	// sheet per year (actuals.SheetSink), not the table's first.
	nextSheet bool
	rows      []actuals.TableRow
	skipped   []skippedAt
	cells     []xlsx.Cell // backing store of the rows' cells
}

// skippedAt is a skipped row and how many rows came before it in the batch,
// so the consumer hears of it in order.
type skippedAt struct {
	after int
	row   actuals.SkippedRow
}

// scanAsync runs actuals.Scan in its own goroutine and feeds sink from the
// calling one: decompressing and scanning the sheet proceed while the rows
// already read are matched. The result is exactly that of
// actuals.Scan(path, opts, sink). A panic in either goroutine becomes an
// error naming the file.
func scanAsync(path string, opts actuals.Options, sink actuals.RowSink, lang msg.Lang) error {
	ch := make(chan *batch, 4)
	free := make(chan *batch, 6)
	var stopped atomic.Bool // the consumer failed: the reader stops
	done := make(chan error, 1)
	go func() {
		var err error
		defer func() {
			if r := recover(); r != nil {
				err = panicError(path, r, lang)
			}
			close(ch)
			done <- err
		}()
		p := &producer{ch: ch, free: free, stopped: &stopped}
		err = actuals.Scan(path, opts, p)
		if err == nil {
			p.flush()
		}
	}()
	consumeErr := consume(ch, free, sink, path, lang)
	if consumeErr != nil {
		stopped.Store(true)
		for range ch { // let the reader finish and close
		}
	}
	readErr := <-done
	if consumeErr != nil {
		return consumeErr
	}
	return readErr
}

// consume hands the batches to sink in order.
func consume(ch chan *batch, free chan *batch, sink actuals.RowSink, path string, lang msg.Lang) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = panicError(path, r, lang)
		}
	}()
	for b := range ch {
		if b.header != nil {
			var err error
			if ss, ok := sink.(actuals.SheetSink); ok && b.nextSheet {
				err = ss.NextSheet(b.header)
			} else {
				err = sink.Header(b.header)
			}
			if err != nil {
				return err
			}
		}
		s := 0
		for i, r := range b.rows {
			for ; s < len(b.skipped) && b.skipped[s].after == i; s++ {
				sink.Skipped(b.skipped[s].row)
			}
			if err := sink.Row(r); err != nil {
				return err
			}
		}
		for ; s < len(b.skipped); s++ {
			sink.Skipped(b.skipped[s].row)
		}
		select {
		case free <- b:
		default:
		}
	}
	return nil
}

// stopError ends a scan whose consumer has failed; its error is the one
// reported.
type stopError struct{}

func (stopError) Error() string { return "stopped" }

// producer is the RowSink of the reading goroutine: it copies rows into
// batches.
type producer struct {
	ch      chan *batch
	free    chan *batch
	stopped *atomic.Bool
	cur     *batch
}

func (p *producer) batch() *batch {
	if p.cur == nil {
		select {
		case b := <-p.free:
			b.header, b.nextSheet, b.rows, b.skipped, b.cells = nil, false, b.rows[:0], b.skipped[:0], b.cells[:0]
			p.cur = b
		default:
			p.cur = &batch{}
		}
	}
	return p.cur
}

func (p *producer) Header(h *actuals.Header) error {
	hc := *h
	hc.Columns = slices.Clone(h.Columns)
	p.batch().header = &hc
	return nil
}

// NextSheet opens a batch with the next sheet's header, after the rows of
// the sheets before it.
func (p *producer) NextSheet(h *actuals.Header) error {
	p.flush()
	hc := *h
	hc.Columns = slices.Clone(h.Columns)
	b := p.batch()
	b.header, b.nextSheet = &hc, true
	return nil
}

func (p *producer) Row(r actuals.TableRow) error {
	if p.stopped.Load() {
		return stopError{}
	}
	b := p.batch()
	// The cells go into the batch's store; the rows point into it once it
	// no longer moves (flush).
	start := len(b.cells)
	b.cells = append(b.cells, r.Cells...)
	r.Cells = b.cells[start:len(b.cells):len(b.cells)]
	b.rows = append(b.rows, r)
	if len(b.rows) == batchRows {
		p.flush()
	}
	return nil
}

func (p *producer) Skipped(s actuals.SkippedRow) {
	b := p.batch()
	b.skipped = append(b.skipped, skippedAt{after: len(b.rows), row: s})
}

// flush sends the current batch, fixing its rows' cells to the final store.
func (p *producer) flush() {
	b := p.cur
	if b == nil {
		return
	}
	off := 0
	for i := range b.rows {
		n := len(b.rows[i].Cells)
		b.rows[i].Cells = b.cells[off : off+n : off+n]
		off += n
	}
	p.cur = nil
	p.ch <- b
}
