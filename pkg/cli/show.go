package cli

import (
	"errors"

	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report/textout"

	"github.com/spf13/cobra"
)

type showOptions struct {
	io      *IOStreams
	global  *globalOptions
	planRef string
	format  string
}

func newShowCmd(ios *IOStreams, g *globalOptions, runF func(*showOptions) error) *cobra.Command {
	opts := &showOptions{io: ios, global: g}
	cmd := &cobra.Command{
		Use:   "show PLAN",
		Short: g.lang.T("help.show.short"),
		Long:  g.lang.T("help.show.long"),
		Example: `  plancheck show jlp-hrss-14th
  plancheck show jlp-hrss-13th@1
  plancheck show ./my-plan.yaml --format markdown
  plancheck show jlp-hrss-14th --format yaml > plans/jlp-hrss-14th.v2.yaml
  plancheck show jlp-hrss-14th --lang en`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return withHint(errors.New(g.lang.T("error.show-one", len(args))), "%s", g.lang.T("hint.name-a-plan"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.planRef = args[0]
			if opts.format != "table" && opts.format != "markdown" && opts.format != "yaml" {
				return withHint(errors.New(g.lang.T("error.unknown-format", opts.format)), "%s", g.lang.T("hint.formats-show"))
			}
			if runF != nil {
				return runF(opts)
			}
			return runShow(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", g.lang.T("flag.show.format"))
	return cmd
}

func runShow(opts *showOptions) error {
	p, err := opts.global.resolvePlan(opts.planRef)
	if err != nil {
		return err
	}
	if opts.format == "yaml" {
		// The plan as a plan file: the start of its next version.
		return plan.Encode(opts.io.Out, p)
	}
	return textout.PlanTable(opts.io.Out, p, opts.global.lang, textout.TableFormat(opts.format))
}
