package cli

import (
	"errors"

	"github.com/jlp-hrss/plancheck/pkg/report/textout"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/pipeline"
)

type inspectOptions struct {
	io      *IOStreams
	global  *globalOptions
	file    string
	planRef string
	format  string
	wide    bool
	// readFlags are how the workbook is read (--sheet, --strict, --columns …).
	readFlags
}

func newInspectCmd(ios *IOStreams, g *globalOptions, runF func(*inspectOptions) error) *cobra.Command {
	opts := &inspectOptions{io: ios, global: g}
	cmd := &cobra.Command{
		Use:   "inspect FILE",
		Short: g.lang.T("help.inspect.short"),
		Long:  g.lang.T("help.inspect.long"),
		Example: `  plancheck inspect 2023.xlsx
  plancheck inspect 2023.xlsx --plan jlp-hrss-14th --sheet 十四五指标
  plancheck inspect 2023.xlsx --format json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return withHint(errors.New(g.lang.T("error.inspect-one", len(args))), "%s", g.lang.T("hint.see-help", "plancheck inspect"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			switch opts.format {
			case "table", "markdown", "json":
			default:
				return withHint(errors.New(g.lang.T("error.unknown-format", opts.format)), "%s", g.lang.T("hint.formats-inspect"))
			}
			if err := opts.readFlags.parse(cmd, g.lang); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runInspect(opts)
		},
	}
	cmd.Flags().StringVar(&opts.planRef, "plan", "", g.lang.T("flag.inspect.plan"))
	cmd.Flags().StringVar(&opts.format, "format", "table", g.lang.T("flag.inspect.format"))
	cmd.Flags().BoolVar(&opts.wide, "wide", false, g.lang.T("flag.inspect.wide"))
	opts.readFlags.add(cmd, g.lang, "flag.inspect")
	return cmd
}

func runInspect(opts *inspectOptions) error {
	popts := pipeline.Options{Lang: opts.global.lang, Read: opts.options()}
	if opts.planRef != "" {
		p, err := opts.global.resolvePlan(opts.planRef)
		if err != nil {
			return err
		}
		popts.Plan = p
	} else {
		// The plan is chosen among the embedded plans and the folders'.
		reg, err := opts.global.registry()
		if err != nil {
			return err
		}
		popts.Registry = reg
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
		return textout.InspectJSON(opts.io.Out, res)
	}
	width := 0
	if !opts.wide {
		width = terminalWidth(opts.io.Out)
	}
	return textout.InspectWidth(opts.io.Out, res, opts.global.lang, textout.TableFormat(opts.format), width)
}
