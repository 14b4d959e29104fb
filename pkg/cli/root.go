// Package cli is plancheck's command line: the cobra wiring, one file per
// command, and the mapping of errors to exit statuses (exit.go).
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// version is set at build time with -ldflags "-X github.com/jlp-hrss/plancheck/pkg/cli.version=v1.2.3";
// otherwise it comes from the module's build information.
var version = ""

// Version is plancheck's version as --version prints it.
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// IOStreams are a command's standard streams; tests pass buffers.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// globalOptions are the flags every command takes.
type globalOptions struct {
	langFlag string
	lang     report.Lang
}

const rootLong = `plancheck evaluates the progress of a five-year plan (规划): it loads the plan's
indicators (指标) from versioned YAML, embedded in the binary, and judges them
against the actual values analysts keep in Excel.

Plans are named by --plan: an embedded plan's id (its newest version), ID@VERSION,
or a plan file (a path ending in .yaml or .yml, or containing a slash).

EXIT STATUS
  0  done: evaluated with nothing failing the --fail-on policy; every plan valid
  1  evaluated, but something failed the policy; a plan was read but is invalid
  2  could not do the job: bad arguments, a file unreadable or over a limit,
     bad cells in a workbook, an invalid plan where a plan is needed`

// newRootCmd builds the command tree afresh, so tests can run in parallel.
func newRootCmd(ios *IOStreams) *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:           "plancheck",
		Short:         "Evaluate five-year plan (规划) indicators against actual values",
		Long:          rootLong,
		Version:       Version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			// --lang, else PLANCHECK_LANG, else Chinese; any other value
			// is a usage error (exit 2).
			lang, err := msg.Choose(g.langFlag)
			if err != nil {
				return withHint(err, "use --lang zh or --lang en, or set %s=zh or en", msg.EnvVar)
			}
			g.lang = lang
			return nil
		},
		// eval first: it is what analysts run plancheck for.
		Example: `  plancheck eval 2023.xlsx
  plancheck eval 2023.xlsx -o 2023-summary.xlsx
  plancheck template -o 2023.xlsx
  plancheck plans
  plancheck show jlp-hrss-14th
  plancheck validate plans/*.yaml`,
	}
	root.SetIn(ios.In)
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	root.SetVersionTemplate("plancheck {{.Version}}\n")
	root.PersistentFlags().StringVar(&g.langFlag, "lang", "", "language of what plancheck prints: zh or en (default: $PLANCHECK_LANG, else zh)")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return withHint(err, "see '%s -h'", cmd.CommandPath())
	})

	root.AddCommand(
		newValidateCmd(ios, g, nil),
		newPlansCmd(ios, g, nil),
		newShowCmd(ios, g, nil),
		newInspectCmd(ios, g, nil),
		newEvalCmd(ios, g, nil),
		newTemplateCmd(ios, g, nil),
	)
	fixCompletion(root)
	registerCompletions(root)
	return root
}

// noArgs is cobra.NoArgs with a message that says what was wrong.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return withHint(fmt.Errorf("%s takes no arguments, got %q", cmd.CommandPath(), args[0]), "see '%s -h'", cmd.CommandPath())
	}
	return nil
}

// fixCompletion makes "completion" fail on a shell it does not know, instead
// of printing help and succeeding.
func fixCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return withHint(errors.New("completion needs a shell: bash, zsh, fish or powershell"), "see 'plancheck completion -h'")
			}
			return withHint(fmt.Errorf("unknown shell %q (want bash, zsh, fish or powershell)", args[0]), "see 'plancheck completion -h'")
		}
	}
}

// Main runs plancheck with the given arguments and streams and returns the exit
// status. It never panics: a panic is reported as an internal error.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "plancheck: error: internal error: %v\n", r)
			fmt.Fprintf(stderr, "plancheck: hint: this is a bug in plancheck; please report it with the command you ran\n")
			code = ExitTrouble
		}
	}()
	ios := &IOStreams{In: stdin, Out: stdout, ErrOut: stderr}
	root := newRootCmd(ios)
	root.SetArgs(args)
	return reportError(stderr, root.ExecuteContext(context.Background()))
}
