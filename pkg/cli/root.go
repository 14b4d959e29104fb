// Package cli is plancheck's command line: the cobra wiring, one file per
// command, and the mapping of errors to exit statuses (exit.go).
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
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
	// plansDirs are the --plans folders; errOut is where the warnings about
	// their files go; reg, regErr and regDone hold the registry once made
	// (planfolders.go).
	plansDirs []string
	errOut    io.Writer
	reg       *plan.Registry
	regErr    error
	regDone   bool
}

// newRootCmd builds the command tree afresh, so tests can run in parallel.
func newRootCmd(ios *IOStreams, args []string) *cobra.Command {
	// The help texts are set as the commands are built, before the flags
	// are parsed: the language comes from the arguments as they stand.
	g := &globalOptions{lang: helpLang(args), errOut: ios.ErrOut}
	root := &cobra.Command{
		Use:           "plancheck",
		Short:         g.lang.T("help.root.short"),
		Long:          g.lang.T("help.root.long"),
		Version:       Version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			// --lang, else PLANCHECK_LANG, else Chinese; any other value
			// is a usage error (exit 2).
			lang, err := msg.Choose(g.langFlag)
			if le := (*msg.LangError)(nil); errors.As(err, &le) {
				// Worded in the help's language: Chinese, as --lang is wrong.
				return withHint(errors.New(g.lang.T("error.bad-lang", le.Source, le.Value)), "%s", g.lang.T("hint.lang", msg.EnvVar))
			}
			if err != nil {
				return err
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
	root.PersistentFlags().StringVar(&g.langFlag, "lang", "", g.lang.T("flag.lang"))
	addPlansFlag(root, g)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return withHint(flagError(g.lang, err), "%s", g.lang.T("hint.see-help", cmd.CommandPath()))
	})

	root.AddCommand(
		newValidateCmd(ios, g, nil),
		newPlansCmd(ios, g, nil),
		newShowCmd(ios, g, nil),
		newDiffCmd(ios, g, nil),
		newInspectCmd(ios, g, nil),
		newEvalCmd(ios, g, nil),
		newTemplateCmd(ios, g, nil),
		newSchemaCmd(ios, g, nil),
		newNewPlanCmd(ios, g, nil),
	)
	fixCompletion(root, g)
	registerCompletions(root)
	localizeCobra(root, g.lang)
	return root
}

// helpLang is the language of the help texts: --lang as the arguments give
// it, else PLANCHECK_LANG, else Chinese; a value that is neither zh nor en
// is left for the flag parsing to report, and the help is Chinese.
func helpLang(args []string) msg.Lang {
	flag := ""
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			flag = v
		} else if a == "--lang" && i+1 < len(args) {
			flag = args[i+1]
		}
	}
	l, err := msg.Choose(flag)
	if err != nil {
		return msg.Chinese
	}
	return l
}

// localizeCobra gives what cobra writes itself — the usage template's
// headings, the help and version flags, the help and completion commands —
// the language of the rest.
func localizeCobra(root *cobra.Command, lang msg.Lang) {
	root.InitDefaultHelpCmd()
	root.Flags().BoolP("version", "v", false, lang.T("flag.version"))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Flags().Lookup("help") == nil {
			c.Flags().BoolP("help", "h", false, lang.T("flag.help", c.Name()))
		}
		switch c.Name() {
		case "help":
			c.Short, c.Long = lang.T("help.help.short"), ""
		case "completion":
			if c.Parent() == root {
				c.Short, c.Long = lang.T("help.completion.short"), lang.T("help.completion.long")
			}
		}
		if p := c.Parent(); p != nil && p.Name() == "completion" && p.Parent() == root && lang != msg.English {
			// cobra's own instructions per shell stay in English
			// (--lang en); in Chinese, a short account.
			c.Short = lang.T("help.completion.shell.short", c.Name())
			c.Long = lang.T("help.completion.shell.long", c.Name())
		}
		if f := c.Flags().Lookup("no-descriptions"); f != nil {
			f.Usage = lang.T("flag.no-descriptions")
		}
		if lang != msg.English {
			// pflag appends (default "table") to a flag's usage; in
			// Chinese the usage says it itself. DefValue is read for
			// the help only.
			c.Flags().VisitAll(func(f *pflag.Flag) {
				if f.Value.Type() == "string" && f.DefValue != "" {
					f.Usage += lang.T("flag.default", f.DefValue)
					f.DefValue = ""
				}
			})
		}
		c.SetUsageTemplate(lang.T("help.usage-template"))
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// noArgs is cobra.NoArgs with a message that says what was wrong.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		lang := langOfCmd(cmd)
		return withHint(errors.New(lang.T("error.no-args", cmd.CommandPath(), args[0])), "%s", lang.T("hint.see-help", cmd.CommandPath()))
	}
	return nil
}

// fixCompletion makes "completion" fail on a shell it does not know, instead
// of printing help and succeeding.
func fixCompletion(root *cobra.Command, g *globalOptions) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return withHint(errors.New(g.lang.T("error.completion-shell")), "%s", g.lang.T("hint.see-help", "plancheck completion"))
			}
			return withHint(errors.New(g.lang.T("error.unknown-shell", args[0])), "%s", g.lang.T("hint.see-help", "plancheck completion"))
		}
	}
}

// Main runs plancheck with the given arguments and streams and returns the exit
// status. It never panics: a panic is reported as an internal error.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			lang := helpLang(args)
			fmt.Fprintf(stderr, "plancheck: %s%s\n", lang.T("prefix.error"), lang.T("error.internal-main", r))
			fmt.Fprintf(stderr, "plancheck: %s%s\n", lang.T("prefix.hint"), lang.T("hint.internal"))
			code = ExitTrouble
		}
	}()
	ios := &IOStreams{In: stdin, Out: stdout, ErrOut: stderr}
	root := newRootCmd(ios, args)
	root.SetArgs(args)
	// Errors are in the language the arguments give, as the help is (the
	// same choice the flags make, and Chinese where --lang is wrong).
	lang := helpLang(args)
	if err := unknownCommand(root, args, lang); err != nil {
		return reportError(stderr, err, lang)
	}
	return reportError(stderr, root.ExecuteContext(context.Background()), lang)
}

// unknownCommand is the error for a first word that names no command, with
// the commands it may be a typo of (cobra's suggestions), in lang; nil when
// the arguments name a command, or none. Cobra's own is English over
// several lines.
func unknownCommand(root *cobra.Command, args []string, lang msg.Lang) error {
	if _, _, err := root.Find(args); err == nil {
		return nil
	}
	word := ""
	for i := 0; i < len(args) && word == ""; i++ {
		switch a := args[i]; {
		case a == "--lang":
			i++ // its value
		case !strings.HasPrefix(a, "-"):
			word = a
		}
	}
	if word == "" || word == cobra.ShellCompRequestCmd || word == cobra.ShellCompNoDescRequestCmd {
		return nil // cobra says what is wrong; cobra adds its hidden completion commands as it runs
	}
	err := errors.New(lang.T("error.unknown-command", word))
	if s := root.SuggestionsFor(word); len(s) > 0 {
		return withHint(err, "%s", lang.T("hint.did-you-mean", strings.Join(s, lang.T("punct.enumeration"))))
	}
	return withHint(err, "%s", lang.T("hint.see-help", "plancheck"))
}

// langOfCmd is the language of a command's run, as its root's flags and
// PLANCHECK_LANG give it (for checks that have no options at hand).
func langOfCmd(cmd *cobra.Command) msg.Lang {
	f := cmd.Flags().Lookup("lang")
	if f == nil {
		return msg.English // a command outside the tree (tests)
	}
	l, err := msg.Choose(f.Value.String())
	if err != nil {
		return msg.Chinese
	}
	return l
}

// flagError words pflag's errors (an unknown flag, a flag without its value,
// a value it cannot parse) in the help's language. In English they read as
// pflag writes them.
func flagError(lang msg.Lang, err error) error {
	var (
		notExist *pflag.NotExistError
		required *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
		text     string
	)
	switch {
	case errors.As(err, &notExist):
		if short, c := notExist.GetSpecifiedShortnames(), firstRune(notExist.GetSpecifiedName()); short == string(c) {
			text = lang.T("flag.unknown-short-alone", c)
		} else if short != "" {
			text = lang.T("flag.unknown-short", c, short)
		} else {
			text = lang.T("flag.unknown", notExist.GetSpecifiedName())
		}
	case errors.As(err, &required):
		// A shorthand needs its value only at the end of its cluster
		// (-qo), so pflag names the cluster as the flag alone.
		if short := required.GetSpecifiedShortnames(); short != "" {
			text = lang.T("flag.needs-value-short", firstRune(short))
		} else {
			text = lang.T("flag.needs-value", required.GetSpecifiedName())
		}
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		name := "--" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			name = "-" + f.Shorthand + ", " + name
		}
		key := msg.Key("flag.invalid")
		var num *strconv.NumError
		if errors.As(invalid, &num) {
			key = "flag.not-integer"
			if num.Func == "ParseBool" {
				key = "flag.not-bool"
			}
		}
		text = lang.T(key, invalid.GetValue(), name, errors.Unwrap(invalid))
	case errors.As(err, &syntax):
		text = lang.T("flag.bad-syntax", syntax.GetSpecifiedFlag())
	default:
		return err
	}
	return msg.Worded(text, err)
}

// firstRune is s's first rune, or 0 for "".
func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}
