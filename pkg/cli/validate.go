package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

type validateOptions struct {
	io     *IOStreams
	global *globalOptions
	files  []string
	format string
}

func newValidateCmd(ios *IOStreams, g *globalOptions, runF func(*validateOptions) error) *cobra.Command {
	opts := &validateOptions{io: ios, global: g}
	cmd := &cobra.Command{
		Use:   "validate [FILE...]",
		Short: g.lang.T("help.validate.short"),
		Long:  g.lang.T("help.validate.long"),
		Example: `  plancheck validate
  plancheck validate plans/*.yaml
  plancheck validate --format github plans/*.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.files = args
			if opts.format != "text" && opts.format != "github" {
				return withHint(errors.New(g.lang.T("error.unknown-format", opts.format)), "%s", g.lang.T("hint.formats-validate"))
			}
			if runF != nil {
				return runF(opts)
			}
			return runValidate(opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "text", g.lang.T("flag.validate.format"))
	return cmd
}

func runValidate(opts *validateOptions) error {
	type input struct {
		name string
		data []byte
		err  error
		// embedded files must be named after the plan they hold
		embedded bool
	}
	var inputs []input
	lang := opts.global.lang
	unreadable, invalid := 0, 0
	if len(opts.files) == 0 {
		// The plans of a run: the embedded ones, then the folders'.
		names, err := plan.EmbeddedFiles()
		if err != nil {
			return err
		}
		for _, n := range names {
			data, err := plan.ReadEmbedded(n)
			inputs = append(inputs, input{name: n, data: data, err: err, embedded: true})
		}
		for _, dir := range planFolders(opts.global.plansDirs) {
			files, bad, err := plan.FolderFiles(dir)
			if err != nil {
				unreadable++
				opts.annotate(dir, plan.Pos{}, msg.Text(err, lang))
				continue
			}
			for _, b := range bad {
				inputs = append(inputs, input{name: b.File, err: b.Err})
			}
			for _, f := range files {
				data, err := plan.ReadFile(f)
				inputs = append(inputs, input{name: f, data: data, err: err})
			}
		}
	} else {
		for _, f := range opts.files {
			data, err := plan.ReadFile(f)
			inputs = append(inputs, input{name: f, data: data, err: err})
		}
	}

	var valid []plan.Loaded // the files' plans (not the embedded ones) that are valid
	for _, in := range inputs {
		if in.err != nil {
			unreadable++
			opts.annotate(in.name, plan.Pos{}, msg.Text(in.err, lang))
			continue
		}
		p, err := plan.Load(in.name, in.data)
		var problems plan.Problems
		switch {
		case errors.As(err, &problems):
			invalid++
			for _, pr := range problems {
				opts.problem(pr)
			}
			continue
		case err != nil:
			unreadable++
			opts.annotate(in.name, plan.Pos{}, msg.Text(err, lang))
			continue
		}
		if in.embedded {
			if err := plan.CheckEmbeddedName(in.name, p); err != nil {
				invalid++
				opts.annotate(in.name, plan.Pos{Line: 1, Col: 1}, msg.Text(err, lang))
				continue
			}
		}
		for _, w := range p.Warnings {
			opts.problem(w) // the exit status stays 0
		}
		if !in.embedded {
			valid = append(valid, plan.Loaded{Plan: p, Data: in.data})
		}
		if opts.format == "text" {
			fmt.Fprintln(opts.io.Out, msg.Printable(lang.T("plan.valid", in.name, p.Ref(), len(p.Indicators()))))
		}
	}
	// The same id@version in two files with different contents: an error
	// for whoever uses it, so one here. The files named are checked among
	// themselves; without files, the folders' plans against each other and
	// the embedded ones, as a run would see them.
	base, err := plan.NewRegistry()
	if len(opts.files) == 0 {
		base, err = plan.Embedded()
	}
	if err != nil {
		return err
	}
	// The plans as loaded above: a file is not read again (a named pipe
	// could not be).
	reg := base.WithLoaded(valid)
	for _, c := range reg.Conflicts() {
		invalid++
		opts.annotate(c.Second, plan.Pos{Line: 1, Col: 1}, msg.Text(c, lang))
	}
	if invalid > 0 && opts.format == "text" {
		fmt.Fprintf(opts.io.ErrOut, "plancheck: %s\n", lang.T("note.invalid-plans", invalid, len(inputs)))
	}
	switch {
	case unreadable > 0:
		return silentExit(ExitTrouble)
	case invalid > 0:
		return silentExit(ExitFailed)
	}
	return nil
}

// problem prints a problem of a plan file, an error or a warning, with its
// hint: a "plancheck: hint:" line under it on stderr, or a second line of
// the GitHub annotation.
func (opts *validateOptions) problem(pr plan.Problem) {
	lang := opts.global.lang
	text, hint := pr.Message(lang), pr.HintText(lang)
	if opts.format == "github" {
		level := "error"
		if pr.Warning {
			level = "warning"
		}
		if hint != "" {
			text += "\n" + lang.T("prefix.hint") + hint
		}
		fmt.Fprintf(opts.io.Out, "::%s file=%s,line=%d,col=%d::%s\n", level, escapeProperty(pr.File), pr.Line, pr.Col, escapeData(text))
		return
	}
	fmt.Fprintln(opts.io.ErrOut, msg.Printable(pr.Text(lang)))
	if hint != "" {
		fmt.Fprintln(opts.io.ErrOut, msg.Printable("plancheck: "+lang.T("prefix.hint")+hint))
	}
}

// annotate prints one problem: file:line:col: message on stderr, or a GitHub
// Actions annotation on stdout. A problem with no place (an unreadable file)
// is "plancheck: error: message" on stderr.
func (opts *validateOptions) annotate(file string, at plan.Pos, text string) {
	if opts.format == "github" {
		props := "file=" + escapeProperty(file)
		if at.Line > 0 {
			props += fmt.Sprintf(",line=%d,col=%d", at.Line, at.Col)
		}
		fmt.Fprintf(opts.io.Out, "::error %s::%s\n", props, escapeData(text))
		return
	}
	if at.Line == 0 {
		fmt.Fprintln(opts.io.ErrOut, msg.Printable("plancheck: "+opts.global.lang.T("prefix.error")+text))
		return
	}
	fmt.Fprintln(opts.io.ErrOut, msg.Printable(fmt.Sprintf("%s:%d:%d: %s", file, at.Line, at.Col, text)))
}

// escapeData and escapeProperty escape a workflow command's message and
// property values as the GitHub Actions runner expects.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
