package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/report/book"

	"github.com/spf13/cobra"
	"golang.org/x/text/unicode/norm"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

type templateOptions struct {
	io      *IOStreams
	global  *globalOptions
	planRef string
	years   string // as given; parsed into from and to
	from    int    // 0: the plan's period
	to      int
	output  string
	force   bool
}

func newTemplateCmd(ios *IOStreams, g *globalOptions, runF func(*templateOptions) error) *cobra.Command {
	opts := &templateOptions{io: ios, global: g}
	cmd := &cobra.Command{
		Use:   "template -o FILE",
		Short: g.lang.T("help.template.short"),
		Long:  g.lang.T("help.template.long"),
		Example: `  plancheck template -o 2023.xlsx
  plancheck template --plan jlp-hrss-14th@1 --years 2021-2023 -o 九龙坡2023年.xlsx
  plancheck template --plan jlp-hrss-13th --lang en -o actuals-13th.xlsx`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.output == "" {
				return withHint(errors.New(g.lang.T("error.template-needs-o")), "%s", g.lang.T("hint.template-example"))
			}
			if ext := strings.ToLower(filepath.Ext(opts.output)); ext != ".xlsx" {
				return withHint(errors.New(g.lang.T("error.template-xlsx", opts.output, ext)), "%s", g.lang.T("hint.template-xlsx"))
			}
			if err := outputDirError(opts.output, g.lang); err != nil {
				return err
			}
			if cmd.Flags().Changed("years") {
				from, to, err := parseYears("--years", opts.years, g.lang)
				if err != nil {
					return err
				}
				opts.from, opts.to = from, to
			}
			if runF != nil {
				return runF(opts)
			}
			return runTemplate(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.planRef, "plan", "", g.lang.T("flag.template.plan"))
	f.StringVar(&opts.years, "years", "", g.lang.T("flag.template.years"))
	f.StringVarP(&opts.output, "output", "o", "", g.lang.T("flag.template.output"))
	f.BoolVar(&opts.force, "force", false, g.lang.T("flag.template.force"))
	return cmd
}

var yearsFlag = regexp.MustCompile(`^(\d{4})(?:[-–—~至到](\d{4}))?$`)

// parseYears reads template's --years and eval's --year, named flag:
// "2021-2025" (a hyphen, an en or em dash, ~ or 至, full-width or not, with
// or without spaces) or one year, "2023".
func parseYears(flag, s string, lang ...msg.Lang) (from, to int, err error) {
	l := langOf(lang)
	t := strings.Join(strings.Fields(norm.NFKC.String(s)), "")
	m := yearsFlag.FindStringSubmatch(t)
	if m == nil {
		return 0, 0, withHint(errors.New(l.T("error.years-form", flag, s)), "%s", l.T("hint.years-form"))
	}
	from, _ = strconv.Atoi(m[1])
	to = from
	if m[2] != "" {
		to, _ = strconv.Atoi(m[2])
	}
	if from > to {
		return 0, 0, withHint(errors.New(l.T("error.years-order", flag, s, from, to)), "%s", l.T("hint.years-order"))
	}
	return from, to, nil
}

// defaultTemplatePlan is the plan of reg with the latest period (the plan
// now running), its newest version; on a tie, the first by id.
func defaultTemplatePlan(reg *plan.Registry, lang msg.Lang) (*plan.Plan, error) {
	var best *plan.Plan
	for _, p := range reg.Newest() {
		if best == nil || p.Period.End > best.Period.End ||
			p.Period.End == best.Period.End && p.Period.Start > best.Period.Start {
			best = p
		}
	}
	if best == nil {
		return nil, withHint(errors.New(lang.T("error.no-template-plan")), "%s", lang.T("hint.plan-file-flag"))
	}
	if err := reg.Conflict(best); err != nil {
		return nil, withHint(err, "%s", lang.T("hint.plan-conflict"))
	}
	return best, nil
}

func runTemplate(opts *templateOptions) error {
	var p *plan.Plan
	var err error
	if opts.planRef != "" {
		p, err = opts.global.resolvePlan(opts.planRef)
	} else {
		var reg *plan.Registry
		if reg, err = opts.global.registry(); err == nil {
			p, err = defaultTemplatePlan(reg, opts.global.lang)
		}
		if err == nil {
			if p.Embedded {
				fmt.Fprintln(opts.io.ErrOut, msg.Printable("plancheck: "+opts.global.lang.T("note.template-plan", p.Ref())))
			} else {
				fmt.Fprintln(opts.io.ErrOut, msg.Printable("plancheck: "+opts.global.lang.T("note.template-plan-file", p.Ref(), p.File)))
			}
		}
	}
	if err != nil {
		return err
	}
	from, to := opts.from, opts.to
	if from == 0 {
		from, to = p.Period.Start, p.Period.End
	}
	if from < p.Period.Start || to > p.Period.End {
		outside := from
		if from >= p.Period.Start {
			outside = to
		}
		return withHint(errors.New(opts.global.lang.T("error.years-outside", "--years", opts.years, outside, p.Period, p.Ref())), "%s", opts.global.lang.T("hint.years-within", p.Period))
	}

	var inputs []string
	if plan.IsFileRef(opts.planRef) {
		inputs = append(inputs, opts.planRef)
	}
	if err := checkOutput(opts.output, inputs, opts.global.lang); err != nil {
		return err
	}
	if !opts.force {
		if _, err := os.Stat(opts.output); err == nil {
			return withHint(errors.New(opts.global.lang.T("error.output-exists", opts.output)), "%s", opts.global.lang.T("hint.output-exists"))
		}
	}

	// The whole workbook is made in memory and written by writeAtomic: an
	// error leaves no file, and never half a one.
	var buf bytes.Buffer
	if err := book.Template(&buf, p, book.TemplateOptions{From: from, To: to, Lang: opts.global.lang}); err != nil {
		return err
	}
	if err := writeAtomic(opts.output, opts.global.lang, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintln(opts.io.ErrOut, msg.Printable("plancheck: "+opts.global.lang.T("note.template-wrote", opts.output, p.Ref(), len(p.Indicators()), from, to)))
	return nil
}
