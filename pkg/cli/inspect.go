package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

type inspectOptions struct {
	io      *IOStreams
	global  *globalOptions
	file    string
	planRef string
	sheet   string
	format  string
	strict  bool
	lenient bool
	wide    bool
}

func newInspectCmd(ios *IOStreams, g *globalOptions, runF func(*inspectOptions) error) *cobra.Command {
	opts := &inspectOptions{io: ios, global: g}
	cmd := &cobra.Command{
		Use:   "inspect FILE",
		Short: "Show what plancheck reads from an actuals workbook",
		Long: `Inspect shows what plancheck reads from an actuals workbook (.xlsx or .xlsm): the
sheet and the layout found (wide: one column per year; long: one row per year), the
header row and what each column is read as, each row's indicator (or why it matched
none), each value with its cell, unit conversions and warnings. It is how to find out
why a number was not picked up.

Without --plan, the embedded plan whose indicators the rows match best is used (the
newest version on a tie), and said on stderr.

Bad cells (text that is not a number, a date where a number belongs, …) are errors,
every one listed with its cell, and nothing else is printed; --lenient reads them as
no value with a warning each instead.`,
		Example: `  plancheck inspect 2023.xlsx
  plancheck inspect 2023.xlsx --plan jlp-hrss-14th --sheet 十四五指标
  plancheck inspect 2023.xlsx --format json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return withHint(fmt.Errorf("inspect takes one workbook, got %d arguments", len(args)), "see 'plancheck inspect -h'")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			switch opts.format {
			case "table", "markdown", "json":
			default:
				return withHint(fmt.Errorf("unknown format %q", opts.format), "use --format table, markdown or json")
			}
			if opts.strict && opts.lenient {
				return errors.New("--strict and --lenient cannot be used together")
			}
			if runF != nil {
				return runF(opts)
			}
			return runInspect(opts)
		},
	}
	cmd.Flags().StringVar(&opts.planRef, "plan", "", "plan: an embedded id, ID@VERSION or a plan file (default: the best match)")
	cmd.Flags().StringVar(&opts.sheet, "sheet", "", "the sheet to read (default: the first with a table)")
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table, markdown or json")
	cmd.Flags().BoolVar(&opts.strict, "strict", false, "rows that match no indicator are errors")
	cmd.Flags().BoolVar(&opts.lenient, "lenient", false, "read bad cells as no value, with a warning each")
	cmd.Flags().BoolVar(&opts.wide, "wide", false, "one line per table row even on a narrow terminal (piped output always is)")
	return cmd
}

func runInspect(opts *inspectOptions) error {
	popts := pipeline.Options{Lang: opts.global.lang, Read: actuals.Options{Sheet: opts.sheet, Strict: opts.strict, Lenient: opts.lenient, Lang: opts.global.lang}}
	if opts.planRef != "" {
		p, err := resolvePlan(opts.planRef)
		if err != nil {
			return err
		}
		popts.Plan = p
	}
	res, notes, err := pipeline.Inspect(opts.file, popts)
	stderr := newNoteWriter(opts.io.ErrOut)
	for _, n := range notes {
		stderr.line("plancheck: " + n)
	}
	if pipeline.Lenient(err) {
		return withHint(err, "%s", opts.global.lang.T("hint.lenient"))
	}
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return report.InspectJSON(opts.io.Out, res)
	}
	width := 0
	if !opts.wide {
		width = terminalWidth(opts.io.Out)
	}
	return report.InspectWidth(opts.io.Out, res, opts.global.lang, report.TableFormat(opts.format), width)
}
