package cli

import (
	"errors"

	"github.com/jlp-hrss/plancheck/pkg/report/textout"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

type plansOptions struct {
	io     *IOStreams
	global *globalOptions
	format string
}

func newPlansCmd(ios *IOStreams, g *globalOptions, runF func(*plansOptions) error) *cobra.Command {
	opts := &plansOptions{io: ios, global: g}
	cmd := &cobra.Command{
		Use:   "plans",
		Short: g.lang.T("help.plans.short"),
		Long:  g.lang.T("help.plans.long"),
		Example: `  plancheck plans
  plancheck plans --format json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch opts.format {
			case "table", "markdown", "json":
			default:
				return withHint(errors.New(g.lang.T("error.unknown-format", opts.format)), "%s", g.lang.T("hint.formats-inspect"))
			}
			if runF != nil {
				return runF(opts)
			}
			return runPlans(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "table", g.lang.T("flag.plans.format"))
	return cmd
}

func runPlans(opts *plansOptions) error {
	reg, err := opts.global.registry()
	if err != nil {
		return err
	}
	// Two files that hold the same plan version differently are listed
	// once, and said on stderr: using that version is an error.
	stderr := newNoteWriter(opts.io.ErrOut)
	for _, c := range reg.Conflicts() {
		stderr.line("plancheck: " + opts.global.lang.T("prefix.warning") + msg.Text(c, opts.global.lang))
	}
	if opts.format == "json" {
		return textout.PlanListJSON(opts.io.Out, reg.All())
	}
	return textout.PlanList(opts.io.Out, reg.All(), opts.global.lang, textout.TableFormat(opts.format))
}
