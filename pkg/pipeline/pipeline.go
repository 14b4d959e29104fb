// Package pipeline is the eval path of plancheck in one place: read a
// workbook, choose the plan and the year, match the rows to the plan's
// indicators, judge them and audit the workbook's own 完成情况 column. It
// streams: rows are matched as the reader yields them and kept only as
// compact per-(reporting unit, indicator) readings, and outcomes are judged
// one reporting unit at a time as a writer asks for them. inspect takes the
// same steps, keeping every row for display. The writers (pkg/report) read
// its results; it never imports them.
package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// Options say how workbooks are evaluated.
type Options struct {
	// Plan is the plan to evaluate against; nil: the plan of Candidates
	// (default: the plans of Registry) the rows match best.
	Plan       *plan.Plan
	Candidates []*plan.Plan
	// Registry holds the plans of the run (nil: the embedded plans); a
	// plan chosen from it whose reference two plan files hold with
	// different contents is an error (plan.Registry.Conflict).
	Registry *plan.Registry
	// Year is the evaluation year; 0: from the file name, else the latest
	// year with a value.
	Year int
	// Read says how the workbooks are read (sheet, --strict, --lenient);
	// its Lang is not read: Lang below speaks for the reader too.
	Read actuals.Options
	// Progress, if set, is told of each file done.
	Progress Progress
	// Lang is the language of the reasons, projection methods and audit
	// warnings (the zero value: English).
	Lang msg.Lang
}

// lang is the language of the run's reasons, notes and errors; the zero
// value is English.
func (o Options) lang() msg.Lang {
	return o.Lang.OrEnglish()
}

// Progress hears how far a run has come. Its methods may be called from
// several goroutines at once.
type Progress interface {
	// Table says how many rows below its header the table of file has, as
	// the file declares it (0: it does not).
	Table(file string, rows int)
	// Rows says that n more rows of the table of file have been read.
	Rows(file string, n int)
	// FileDone says that a file has been evaluated (or has failed).
	FileDone(file string)
}

// Result is one workbook's evaluation, or why there is none, and the notes to
// say on stderr about it (the plan and the year chosen); the evaluation's own
// warnings are Eval.Warnings.
type Result struct {
	File  string
	Eval  *Evaluation
	Notes []string
	Err   error
}

// Run evaluates the files on a pool of workers as large as GOMAXPROCS, and
// returns one result per file in the order given. A panic while evaluating a
// file is an error naming that file, never a crash of the run.
func Run(ctx context.Context, files []string, opts Options) []Result {
	results := make([]Result, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(files))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = evaluateSafely(ctx, files[i], opts)
				if opts.Progress != nil {
					opts.Progress.FileDone(files[i])
				}
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

// evaluateSafely is EvaluateFile with a panic turned into an error.
func evaluateSafely(ctx context.Context, path string, opts Options) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			res = Result{File: path, Err: panicError(path, r, opts.lang())}
		}
	}()
	return EvaluateFile(ctx, path, opts)
}

// panicError is the error a recovered panic becomes: it names the file, and
// keeps the stack for a bug report without printing it.
func panicError(path string, r any, lang msg.Lang) error {
	return &InternalError{Lang: lang, File: path, Value: r, Stack: debug.Stack()}
}

// InternalError is a bug of plancheck met while reading a file: a panic
// recovered so that it reaches the user as one line naming the file.
type InternalError struct {
	Lang  msg.Lang
	File  string
	Value any
	Stack []byte
}

func (e *InternalError) Error() string {
	return e.Lang.T("error.internal", e.File, e.Value)
}

// EvaluateFile reads, matches and judges one workbook.
func EvaluateFile(ctx context.Context, path string, opts Options) Result {
	res := Result{File: path}
	if err := ctx.Err(); err != nil {
		res.Err = err
		return res
	}
	// The hash is read beside the scan: both read the same file.
	sumc := make(chan hashResult, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				sumc <- hashResult{err: panicError(path, r, opts.lang())}
			}
		}()
		sum, err := fileSHA256(path, opts.lang())
		sumc <- hashResult{sum, err}
	}()
	p, ms, err := read(path, opts, false, &res.Notes)
	hash := <-sumc
	if err != nil {
		res.Err = err
		return res
	}
	m := ms.m
	year, how, err := evalYear(opts.Year, path, p, m.LatestYear(), opts.lang())
	if err != nil {
		res.Err = err
		return res
	}
	if how != "" {
		res.Notes = append(res.Notes, opts.lang().T("note.year", path, year, how))
	}
	if hash.err != nil {
		res.Err = hash.err
		return res
	}
	e := &Evaluation{Plan: p, File: path, SHA256: hash.sum, Year: year, TimeProgress: evaluate.TimeProgress(p.Period, year),
		m: m, entities: m.Entities(), lang: opts.lang()}
	e.warnings = append(e.warnings, actuals.FormatIssues(path, m.Warnings())...)
	res.Eval = e
	return res
}

type hashResult struct {
	sum string
	err error
}

// read finds the plan (the given one, or the best fit) and matches the
// workbook's rows to it, in one streaming pass over the sheet, or two when
// the plan must be chosen first. With detail, the rows and values are kept
// for inspect.
func read(path string, opts Options, detail bool, notes *[]string) (*plan.Plan, *matchSink, error) {
	ro := opts.Read
	ro.Lang, ro.Year = opts.lang(), opts.Year
	p := opts.Plan
	if p != nil && len(ro.Aliases) > 0 {
		if err := actuals.CheckAliases(ro.Aliases, p, opts.lang()); err != nil {
			return nil, nil, err
		}
	}
	if p == nil {
		candidates, reg := opts.Candidates, opts.Registry
		if candidates == nil {
			if reg == nil {
				var err error
				if reg, err = plan.Embedded(); err != nil {
					return nil, nil, err
				}
			}
			candidates = reg.All()
		}
		spec := &speculation{fit: actuals.NewFit(candidates, ro.Aliases...), path: path, year: opts.Year,
			ms: matchSink{opts: ro, detail: detail, progress: opts.Progress, file: path}}
		if err := scanAsync(path, ro, spec, opts.lang()); err != nil {
			return nil, nil, err
		}
		if !spec.done {
			// A short table: every row is in; the guess is the choice.
			if err := spec.guess(); err != nil {
				return nil, nil, err
			}
		}
		var note string
		var err error
		p, note, err = bestPlan(spec.fit, path, yearHint(opts.Year, path, spec.fit.Latest), opts.lang())
		if note != "" {
			*notes = append(*notes, note)
		}
		if err != nil {
			return nil, nil, err
		}
		if reg != nil {
			if err := reg.Conflict(p); err != nil {
				return nil, nil, Hint(err, opts.lang().T("hint.plan-conflict"))
			}
		}
		if err := actuals.CheckAliases(ro.Aliases, p, opts.lang()); err != nil {
			return nil, nil, err
		}
		if spec.chosen == p {
			// The plan the rows were matched against as they were read is
			// the plan the whole sheet chooses: one pass was enough.
			return finish(p, &spec.ms, notes)
		}
	}
	ms := &matchSink{p: p, opts: ro, detail: detail, progress: opts.Progress, file: path}
	if err := scanAsync(path, ro, ms, opts.lang()); err != nil {
		return nil, nil, err
	}
	return finish(p, ms, notes)
}

func finish(p *plan.Plan, ms *matchSink, notes *[]string) (*plan.Plan, *matchSink, error) {
	*notes = append(*notes, ms.notes...)
	ms.flushProgress()
	if err := ms.m.Finish(); err != nil {
		return nil, nil, err
	}
	return p, ms, nil
}

// speculateRows is how many rows are read before the plan the rows fit best
// so far is taken to match against while the rest is read.
const speculateRows = 2048

// speculation chooses the plan and matches in one pass over the sheet
// (a RowSink): every row counts for the choice (actuals.Fit); the first
// speculateRows rows are kept, then matched against the plan they fit best,
// and every row after is matched as it comes. When the whole sheet chooses
// another plan — rows that fit one plan at the top and another below —
// read matches again in a second pass, so the result is always that of
// choosing first and matching after; only its cost depends on the guess.
type speculation struct {
	fit    *actuals.Fit
	path   string
	year   int
	header *actuals.Header
	events []any // kept rows and skipped rows, in order
	done   bool  // the guess is made (or given up)
	chosen *plan.Plan
	ms     matchSink
}

func (s *speculation) Header(h *actuals.Header) error {
	s.header = h
	if s.ms.progress != nil {
		s.ms.progress.Table(s.path, max(h.LastRow-h.HeaderRow, 0))
		s.ms.told = true
	}
	return s.fit.Header(h)
}

// sheetEvent is the next sheet's header among the events a speculation
// keeps.
type sheetEvent struct{ h *actuals.Header }

// NextSheet takes the next sheet of a workbook read one sheet per year.
func (s *speculation) NextSheet(h *actuals.Header) error {
	if err := s.fit.Header(h); err != nil {
		return err
	}
	switch {
	case !s.done:
		s.events = append(s.events, sheetEvent{h})
	case s.chosen != nil:
		return s.ms.NextSheet(h)
	}
	return nil
}

func (s *speculation) Row(r actuals.TableRow) error {
	if err := s.fit.Row(r); err != nil {
		return err
	}
	if s.done {
		if s.chosen != nil {
			return s.ms.Row(r)
		}
		return nil
	}
	r.Cells = slices.Clone(r.Cells)
	s.events = append(s.events, r)
	if s.fit.Rows >= speculateRows {
		return s.guess()
	}
	return nil
}

func (s *speculation) Skipped(sk actuals.SkippedRow) {
	switch {
	case !s.done:
		s.events = append(s.events, sk)
	case s.chosen != nil:
		s.ms.Skipped(sk)
	}
}

// guess takes the plan the rows read so far fit best, and matches the kept
// rows against it.
func (s *speculation) guess() error {
	s.done = true
	events := s.events
	s.events = nil
	p, _, err := bestPlan(s.fit, s.path, yearHint(s.year, s.path, s.fit.Latest), msg.English)
	if err != nil {
		return nil // nothing fits yet: the plan is chosen at the end, and matched in a second pass
	}
	s.chosen, s.ms.p = p, p
	if err := s.ms.Header(s.header); err != nil {
		return err
	}
	for _, e := range events {
		switch e := e.(type) {
		case actuals.TableRow:
			if err := s.ms.Row(e); err != nil {
				return err
			}
		case actuals.SkippedRow:
			s.ms.Skipped(e)
		case sheetEvent:
			if err := s.ms.NextSheet(e.h); err != nil {
				return err
			}
		}
	}
	return nil
}

// matchSink feeds the rows of a scan to a Matcher, made when the header is
// known.
type matchSink struct {
	p        *plan.Plan
	opts     actuals.Options
	detail   bool
	m        *actuals.Matcher
	table    *actuals.Table // detail: the rows, for inspect
	progress Progress
	file     string
	pending  int
	told     bool     // the table's size was told to progress
	notes    []string // the header's notes (actuals.Header.Notes)
}

func (s *matchSink) Header(h *actuals.Header) error {
	if s.progress != nil && !s.told {
		s.progress.Table(s.file, max(h.LastRow-h.HeaderRow, 0))
		s.told = true
	}
	s.m = actuals.NewMatcher(h, s.p, s.opts)
	s.notes = h.Notes
	if s.detail {
		s.m.KeepDetail()
		s.table = &actuals.Table{Header: *h}
	}
	return nil
}

// NextSheet takes the next sheet of a workbook read one sheet per year.
func (s *matchSink) NextSheet(h *actuals.Header) error {
	s.notes = append(s.notes, h.Notes...)
	if s.table != nil {
		s.table.Sheet += "、" + h.Sheet
	}
	return s.m.NextSheet(h)
}

func (s *matchSink) Row(r actuals.TableRow) error {
	s.m.Row(r)
	if s.table != nil {
		r.Cells = slices.Clone(r.Cells)
		s.table.Rows = append(s.table.Rows, r)
	}
	if s.progress != nil {
		s.pending++
		if s.pending == progressEvery {
			s.flushProgress()
		}
	}
	return nil
}

func (s *matchSink) Skipped(sk actuals.SkippedRow) {
	if s.table != nil {
		s.table.Skipped = append(s.table.Skipped, sk)
	}
}

// progressEvery is how many rows are read between two progress reports.
const progressEvery = 4096

func (s *matchSink) flushProgress() {
	if s.progress != nil && s.pending > 0 {
		s.progress.Rows(s.file, s.pending)
		s.pending = 0
	}
}

// Inspect reads and matches one workbook as eval does, keeping every row's
// match and every value for display. The notes say which plan was chosen.
func Inspect(path string, opts Options) (res *actuals.Result, notes []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, panicError(path, r, opts.lang())
		}
	}()
	opts.Year = 0 // inspect has no year; the plan choice leans on the file name
	_, ms, err := read(path, opts, true, &notes)
	if err != nil {
		return nil, notes, err
	}
	return ms.m.Result(ms.table), notes, nil
}

func fileSHA256(path string, lang msg.Lang) (string, error) {
	// A named pipe would block the open; the reader says what it is.
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return "", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", msg.Worded(lang.T("xlsx.read-failed", path, err), err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Lenient reports whether every error in err is a bad cell that --lenient
// would read as no value.
func Lenient(err error) bool {
	var cellErrs *actuals.CellErrors
	return errors.As(err, &cellErrs) && cellErrs.Lenient()
}
