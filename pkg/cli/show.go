package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/report"
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
		Short: "Print a plan's indicator table as the plan prints it",
		Long: `Show prints a plan's indicators the way its main-indicator table prints them:
指标 | 基数 | 目标 | 指标属性, grouped, with each target exactly as printed. Where the
plan evaluates a target other than the print (a contradiction in the plan), a note
under the table says which and why.

PLAN is an embedded plan's id (its newest version), ID@VERSION, or a plan file.`,
		Example: `  plancheck show jlp-hrss-14th
  plancheck show jlp-hrss-13th@1
  plancheck show ./my-plan.yaml --format markdown
  plancheck show jlp-hrss-14th --lang en`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return withHint(fmt.Errorf("show takes one PLAN, got %d arguments", len(args)),
					"name an embedded plan ('plancheck plans' lists them), ID@VERSION, or a plan file")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.planRef = args[0]
			if opts.format != "table" && opts.format != "markdown" {
				return withHint(fmt.Errorf("unknown format %q", opts.format), "use --format table or markdown")
			}
			if runF != nil {
				return runF(opts)
			}
			return runShow(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", "output format: table or markdown")
	return cmd
}

func runShow(opts *showOptions) error {
	p, err := resolvePlan(opts.planRef)
	if err != nil {
		return err
	}
	return report.PlanTable(opts.io.Out, p, opts.global.lang, report.TableFormat(opts.format))
}
