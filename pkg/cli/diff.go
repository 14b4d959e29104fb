package cli

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report/textout"
)

type diffOptions struct {
	io     *IOStreams
	global *globalOptions
	// refs are the two plans, as PLAN names them: the old, then the new.
	refs   [2]string
	format string
}

func newDiffCmd(ios *IOStreams, g *globalOptions, runF func(*diffOptions) error) *cobra.Command {
	opts := &diffOptions{io: ios, global: g}
	cmd := &cobra.Command{
		Use:   "diff PLAN PLAN",
		Short: g.lang.T("help.diff.short"),
		Long:  g.lang.T("help.diff.long"),
		Example: `  plancheck diff jlp-hrss-14th@1 jlp-hrss-14th@2
  plancheck diff jlp-hrss-14th 中期调整.yaml --format markdown
  plancheck diff old.yaml new.yaml --format json --lang en`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return withHint(errors.New(g.lang.T("error.diff-two", len(args))), "%s", g.lang.T("hint.diff-two"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.refs = [2]string{args[0], args[1]}
			switch opts.format {
			case "table", "markdown", "json":
			default:
				return withHint(errors.New(g.lang.T("error.unknown-format", opts.format)), "%s", g.lang.T("hint.formats-diff"))
			}
			if runF != nil {
				return runF(opts)
			}
			return runDiff(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", g.lang.T("flag.diff.format"))
	return cmd
}

// runDiff prints what changed from the first plan to the second and ends,
// as diff(1) does, with status 0 when they are the same and 1 when they
// differ (2, as ever, when a plan cannot be had).
func runDiff(opts *diffOptions) error {
	var plans [2]*plan.Plan
	for i, ref := range opts.refs {
		p, err := opts.global.resolvePlan(ref)
		if err != nil {
			return err
		}
		plans[i] = p
	}
	a, b := plans[0], plans[1]
	changes := plan.Diff(a, b)
	var err error
	if opts.format == "json" {
		err = textout.DiffJSON(opts.io.Out, a, b, changes)
	} else {
		err = textout.DiffTable(opts.io.Out, a, b, changes, opts.global.lang, textout.TableFormat(opts.format), terminalWidth(opts.io.Out))
	}
	if err != nil {
		return err
	}
	if len(changes) > 0 {
		return silentExit(ExitFailed)
	}
	return nil
}
