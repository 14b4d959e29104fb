package cli

import (
	"bufio"
	"context"
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/jlp-hrss/plancheck/pkg/report/book"
	"github.com/jlp-hrss/plancheck/pkg/report/htmlout"
	"github.com/jlp-hrss/plancheck/pkg/report/textout"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

type evalOptions struct {
	io      *IOStreams
	global  *globalOptions
	files   []string
	planRef string
	year    int
	// years is every year of a --year range (2021-2023), in order; nil for
	// one year.
	years []int
	// yearText is --year as given, for messages.
	yearText string
	format   string
	output   string
	bom      bool // start CSV with a UTF-8 byte order mark; settled by resolveBOM
	failOn   string
	quiet    bool
	wide     bool
	// readFlags are how the workbook is read (--sheet, --strict, --columns …).
	readFlags
}

func newEvalCmd(ios *IOStreams, g *globalOptions, runF func(*evalOptions) error) *cobra.Command {
	opts := &evalOptions{io: ios, global: g}
	cmd := &cobra.Command{
		Use:   "eval FILE...",
		Short: g.lang.T("help.eval.short"),
		Long:  g.lang.T("help.eval.long"),
		Example: `  plancheck eval 2023.xlsx
  plancheck eval 2023.xlsx --plan jlp-hrss-14th@1 --year 2023
  plancheck eval 2023.xlsx -o 2023-summary.xlsx
  plancheck eval 2022.xlsx 2023.xlsx -o report.html
  plancheck eval 2022.xlsx 2023.xlsx --format json -o results.json
  plancheck eval 2023数据 -o 2023-summary.xlsx
  plancheck eval "*.xlsx"
  plancheck eval 监测表.xlsx --year 2021-2023 -o 趋势.xlsx
  plancheck eval 监测表.xlsx --columns header=4,name=B,year:2023=H --aliases 别名.yaml
  plancheck eval 2023.xlsx --fail-on any --lang en`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return withHint(errors.New(g.lang.T("error.eval-needs-workbook")), "%s", g.lang.T("hint.see-help", "plancheck eval"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			if opts.output != "" && !cmd.Flags().Changed("format") {
				f, err := formatOf(opts.output, g.lang)
				if err != nil {
					return err
				}
				opts.format = f
			}
			switch opts.format {
			case "table", "markdown", "csv", "json", "html":
			case "xlsx":
				if opts.output == "" {
					return withHint(errors.New(g.lang.T("error.xlsx-needs-o")), "plancheck eval 2023.xlsx -o summary.xlsx")
				}
			default:
				return withHint(errors.New(g.lang.T("error.unknown-format", opts.format)), "%s", g.lang.T("hint.formats-eval"))
			}
			switch opts.failOn {
			case "binding", "any", "none":
			default:
				return withHint(errors.New(g.lang.T("error.unknown-fail-on", opts.failOn)), "%s", g.lang.T("hint.fail-on-values"))
			}
			if err := opts.readFlags.parse(cmd, g.lang); err != nil {
				return err
			}
			if text, _ := cmd.Flags().GetString("year"); text != "" {
				opts.yearText = text
				from, to, err := parseYears("--year", text, g.lang)
				if err != nil {
					return err
				}
				opts.year = to
				if from < to {
					// A range: each file is read for its own year (its
					// name, else its latest), which its 完成情况 is for and
					// a 本年完成 column takes; the others are judged from
					// the same reading.
					opts.year = 0
					for y := from; y <= to; y++ {
						opts.years = append(opts.years, y)
					}
				}
			}
			if err := resolveBOM(opts, cmd.Flags().Changed("bom")); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runEval(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.planRef, "plan", "", g.lang.T("flag.eval.plan"))
	f.String("year", "", g.lang.T("flag.eval.year"))
	f.StringVar(&opts.format, "format", "table", g.lang.T("flag.eval.format"))
	f.StringVarP(&opts.output, "output", "o", "", g.lang.T("flag.eval.output"))
	f.BoolVar(&opts.bom, "bom", false, g.lang.T("flag.eval.bom"))
	f.StringVar(&opts.failOn, "fail-on", "binding", g.lang.T("flag.eval.fail-on"))
	f.BoolVarP(&opts.quiet, "quiet", "q", false, g.lang.T("flag.eval.quiet"))
	f.BoolVar(&opts.wide, "wide", false, g.lang.T("flag.eval.wide"))
	opts.readFlags.add(cmd, g.lang, "flag.eval")
	return cmd
}

// formatOf is the output format an -o file's extension asks for.
func formatOf(path string, l msg.Lang) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".json":
		return "json", nil
	case ".csv":
		return "csv", nil
	case ".md", ".markdown":
		return "markdown", nil
	case ".txt", "":
		return "table", nil
	case ".xlsx":
		return "xlsx", nil
	case ".html", ".htm":
		return "html", nil
	default:
		return "", withHint(errors.New(l.T("error.no-output-format", path, ext)), "%s", l.T("hint.output-extensions"))
	}
}

func runEval(opts *evalOptions) error {
	in, err := expandInputs(opts.files, opts.output, opts.global.lang)
	if err != nil {
		return err
	}
	stderr := newNoteWriter(opts.io.ErrOut)
	if !opts.quiet {
		for _, n := range in.notes {
			stderr.line("plancheck: " + n)
		}
	}
	files := in.files
	if opts.output != "" {
		inputs := append([]string{opts.aliasesPath}, files...)
		if plan.IsFileRef(opts.planRef) {
			inputs = append(inputs, opts.planRef)
		}
		if err := checkOutput(opts.output, inputs, opts.global.lang); err != nil {
			return err
		}
	}
	popts := pipeline.Options{Year: opts.year, Lang: opts.global.lang,
		Read: opts.options()}
	// A plan named by --plan is loaded once for all the workbooks.
	if opts.planRef != "" {
		p, err := opts.global.resolvePlan(opts.planRef)
		if err != nil {
			return err
		}
		popts.Plan = p
	} else if popts.Registry, err = opts.global.registry(); err != nil {
		// The plan is chosen among the embedded plans and the folders'.
		return err
	}
	bar := newProgress(opts.io.ErrOut, len(files), opts.quiet, opts.global.lang)
	if bar != nil {
		popts.Progress = bar
	}
	results := pipeline.Run(context.Background(), files, popts)
	bar.done()

	var errs []error
	var evals []*pipeline.Evaluation
	var missing []pipeline.NotEvaluated
	stop := false // an error that leaves no output at all
	defer func() {
		for _, r := range results {
			if r.Eval != nil {
				r.Eval.Close()
			}
		}
	}()
	for _, r := range results {
		if r.Err != nil {
			errs = append(errs, r.Err)
			missing = append(missing, pipeline.NotEvaluated{File: r.File, Err: r.Err})
			stop = stop || stopsBatch(r.Err)
			continue
		}
		evals = append(evals, r.Eval)
	}
	if len(opts.years) > 1 && len(evals) > 0 {
		// --year 2021-2023: each file read once, judged for each year of
		// the range, in year order; the last year's is the file's own
		// evaluation, which keeps the reader's warnings and the audit.
		var ranged []*pipeline.Evaluation
		for _, e := range evals {
			first, last := opts.years[0], opts.years[len(opts.years)-1]
			if p := e.Plan; first < p.Period.Start || last > p.Period.End {
				lang := opts.global.lang
				outside := first
				if outside >= p.Period.Start {
					outside = last
				}
				return withHint(errors.New(lang.T("error.years-outside", "--year", opts.yearText, outside, p.Period, p.Ref())), "%s", lang.T("hint.year-or-plan"))
			}
		}
		for _, y := range opts.years {
			for _, e := range evals {
				if y == e.Year {
					ranged = append(ranged, e)
				} else {
					ranged = append(ranged, e.ForYear(y))
				}
			}
		}
		evals = ranged
	}
	evals, merged := mergeUnits(evals, opts.global.lang)
	// The notes of each file — the plan and year chosen, then the warnings
	// of its reading and of its audit — come after the output: the audit is
	// known once every outcome has been judged, which writing does.
	notes := func() {
		if opts.quiet {
			return
		}
		for _, n := range merged {
			stderr.line("plancheck: " + n)
		}
		for _, r := range results {
			for _, n := range r.Notes {
				stderr.line("plancheck: " + n)
			}
			if r.Eval != nil {
				for _, w := range r.Eval.Warnings() {
					stderr.line("plancheck: " + opts.global.lang.T("prefix.warning") + w)
				}
			}
		}
	}
	if len(errs) > 0 && (stop || len(evals) == 0) {
		// Nothing is written when a workbook has bad cells, or when no
		// workbook could be evaluated (one file alone among them).
		notes()
		err := errors.Join(errs...)
		if pipeline.Lenient(err) {
			return withHint(err, "%s", opts.global.lang.T("hint.lenient"))
		}
		return err
	}

	// Past here every file of the run was evaluated, or the output is a
	// batch's without the workbooks in missing, which it names.
	if err := writeOutput(opts, func(w io.Writer) error {
		lang := opts.global.lang
		switch opts.format {
		case "json":
			return textout.JSONBatch(w, evals, missing, lang)
		case "csv":
			return textout.CSV(w, evals, lang)
		case "xlsx":
			return book.WriteSummary(w, evals, missing, lang, Version())
		case "html":
			return htmlout.Write(w, evals, missing, lang, Version())
		}
		width := 0
		if !opts.wide && opts.output == "" {
			width = terminalWidth(opts.io.Out)
		}
		for i, e := range evals {
			if i > 0 {
				if _, err := io.WriteString(w, "\n"); err != nil {
					return err
				}
			}
			if err := textout.CompletionTableWidth(w, e, lang, textout.TableFormat(opts.format), width); err != nil {
				return err
			}
		}
		return textout.NotEvaluatedLines(w, missing, lang, textout.TableFormat(opts.format), width)
	}); err != nil {
		return err
	}
	notes()
	failed := policyFailures(evals, opts.failOn, opts.strict, opts.global.lang)
	if !opts.quiet {
		for _, f := range failed {
			stderr.line("plancheck: " + opts.global.lang.T("prefix.fail") + f)
		}
	}
	if len(missing) > 0 {
		// Each workbook not evaluated is an error, as it would be alone,
		// and the last line says the output is not the whole batch.
		for _, n := range missing {
			reportError(opts.io.ErrOut, n.Err, opts.global.lang)
		}
		return errors.New(opts.global.lang.T("batch.not-evaluated", len(files), len(missing)))
	}
	if len(failed) > 0 {
		return silentExit(ExitFailed)
	}
	return nil
}

// stopsBatch reports whether a workbook's error leaves the whole run without
// output, as spec §3 has it for bad cells (and duplicate values, and rows
// that match nothing under --strict): the workbook was read, and what it
// holds must be put right, or read with --lenient. Every other error of a
// workbook (missing, not a workbook, damaged, over a limit, no table, no
// plan or year for it) leaves that workbook out of a batch and the others
// written.
func stopsBatch(err error) bool {
	var cellErrs *actuals.CellErrors
	return errors.As(err, &cellErrs)
}

// writeOutput runs write on the output: -o's file, written whole beside it and
// renamed into place, or standard output, through a buffer.
func writeOutput(opts *evalOptions, write func(io.Writer) error) error {
	if opts.bom {
		// Only CSV ever gets here with bom set (resolveBOM).
		body := write
		write = func(w io.Writer) error {
			if _, err := io.WriteString(w, utf8BOM); err != nil {
				return err
			}
			return body(w)
		}
	}
	if opts.output != "" {
		return writeAtomicFunc(opts.output, opts.global.lang, write)
	}
	bw := bufio.NewWriterSize(opts.io.Out, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	return bw.Flush()
}

// policyFailures lists the outcomes that fail the --fail-on policy, each
// naming the indicator as the plan prints it, with its id beside it.
func policyFailures(evals []*pipeline.Evaluation, failOn string, strict bool, lang report.Lang) []string {
	if failOn == "none" {
		return nil
	}
	var out []string
	perFile := map[string]int{}
	for _, e := range evals {
		perFile[e.File]++
	}
	for _, e := range evals {
		for _, f := range e.Failures() {
			where := e.File
			if perFile[e.File] > 1 { // a --year range: which year
				where += " " + report.YearLabel(e.Year, lang)
			}
			if f.Entity != "" {
				where += " " + f.Entity
			}
			ind := f.Indicator
			attribute := report.AttributeLabel(ind.Attribute, lang)
			if f.NotReported {
				if strict && ind.Attribute == plan.Binding {
					out = append(out, lang.T("fail.not-reported", where, report.IndicatorLabel(ind), ind.ID, attribute))
				}
				continue
			}
			if failOn == "any" || ind.Attribute == plan.Binding {
				status := string(f.Status) // the JSON's word, for scripts that read stderr
				if lang != report.English {
					status = report.StatusLabel(f.Status, e.Year == e.Plan.Period.End, lang)
				}
				out = append(out, lang.T("fail.outcome", where, report.IndicatorLabel(ind), ind.ID, attribute, status))
			}
		}
	}
	return out
}

// writeError is a failed write of path, worded in lang: the common causes in
// its words, anything else as the system says it. errors.Is still sees err.
func writeError(lang msg.Lang, path string, err error) error {
	why := err.Error()
	switch {
	case errors.Is(err, fs.ErrPermission):
		why = lang.T("error.write-permission")
	case errors.Is(err, syscall.ENOSPC):
		why = lang.T("error.write-no-space")
	}
	return msg.Worded(lang.T("error.write", path, why), err)
}

// mergeUnits makes one multi-unit result of the workbooks of one year that
// each report one named unit (a street's own file: pipeline.MergeUnits), and
// says so; other evaluations stay as they are, in order.
func mergeUnits(evals []*pipeline.Evaluation, lang msg.Lang) ([]*pipeline.Evaluation, []string) {
	byYear := map[int][]*pipeline.Evaluation{}
	for _, e := range evals {
		byYear[e.Year] = append(byYear[e.Year], e)
	}
	// into is the merged result each evaluation of a merged year goes in.
	into := map[*pipeline.Evaluation]*pipeline.Evaluation{}
	var notes []string
	for _, e := range evals {
		group := byYear[e.Year]
		if _, done := into[group[0]]; done || e != group[0] {
			continue
		}
		m, ok := pipeline.MergeUnits(group)
		if !ok {
			continue
		}
		var units []string
		for _, en := range m.All() {
			units = append(units, en.Entity)
		}
		notes = append(notes, lang.T("note.merged-units", len(group), e.Year, strings.Join(units, lang.T("punct.enumeration"))))
		for _, g := range group {
			into[g] = m
		}
	}
	// In the order given; a merged result where its first workbook was.
	var out []*pipeline.Evaluation
	emitted := map[*pipeline.Evaluation]bool{}
	for _, e := range evals {
		m, ok := into[e]
		switch {
		case !ok:
			out = append(out, e)
		case !emitted[m]:
			emitted[m] = true
			out = append(out, m)
		}
	}
	return out, notes
}
