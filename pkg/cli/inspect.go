package cli

import (
	"errors"

	"github.com/jlp-hrss/plancheck/pkg/report/textout"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
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
	// columns is --columns, parsed: the header row and columns named.
	columns *actuals.Columns
	// encoding is --encoding: a text file's encoding, "" detected.
	encoding string
	// entity is --entity: the reporting unit of a table without an entity
	// column.
	entity string
	// aliases is --aliases, read: the office's own names for indicators.
	aliases []actuals.Alias
	wide    bool
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
			if opts.strict && opts.lenient {
				return errors.New(g.lang.T("error.strict-lenient"))
			}
			if name, _ := cmd.Flags().GetString("encoding"); name != "" {
				enc, err := actuals.ParseEncoding(name)
				if err != nil {
					return err
				}
				opts.encoding = enc
			}
			if path, _ := cmd.Flags().GetString("aliases"); path != "" {
				aliases, err := actuals.ReadAliases(path, g.lang)
				if err != nil {
					return err
				}
				opts.aliases = aliases
			}
			if spec, _ := cmd.Flags().GetString("columns"); spec != "" {
				cols, err := actuals.ParseColumns(spec)
				if err != nil {
					return withHint(err, "%s", g.lang.T("hint.columns-syntax"))
				}
				opts.columns = &cols
			}
			if runF != nil {
				return runF(opts)
			}
			return runInspect(opts)
		},
	}
	cmd.Flags().StringVar(&opts.planRef, "plan", "", g.lang.T("flag.inspect.plan"))
	cmd.Flags().StringVar(&opts.sheet, "sheet", "", g.lang.T("flag.inspect.sheet"))
	cmd.Flags().StringVar(&opts.format, "format", "table", g.lang.T("flag.inspect.format"))
	cmd.Flags().BoolVar(&opts.strict, "strict", false, g.lang.T("flag.inspect.strict"))
	cmd.Flags().BoolVar(&opts.lenient, "lenient", false, g.lang.T("flag.inspect.lenient"))
	cmd.Flags().String("columns", "", g.lang.T("flag.columns"))
	cmd.Flags().String("aliases", "", g.lang.T("flag.aliases"))
	cmd.Flags().StringVar(&opts.entity, "entity", "", g.lang.T("flag.entity"))
	cmd.Flags().String("encoding", "", g.lang.T("flag.encoding"))
	cmd.Flags().BoolVar(&opts.wide, "wide", false, g.lang.T("flag.inspect.wide"))
	return cmd
}

func runInspect(opts *inspectOptions) error {
	popts := pipeline.Options{Lang: opts.global.lang, Read: actuals.Options{Sheet: opts.sheet, Strict: opts.strict, Lenient: opts.lenient, Columns: opts.columns, Aliases: opts.aliases, Entity: opts.entity, Encoding: opts.encoding}}
	if opts.planRef != "" {
		p, err := resolvePlan(opts.planRef, opts.global.lang)
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
		return textout.InspectJSON(opts.io.Out, res)
	}
	width := 0
	if !opts.wide {
		width = terminalWidth(opts.io.Out)
	}
	return textout.InspectWidth(opts.io.Out, res, opts.global.lang, textout.TableFormat(opts.format), width)
}
