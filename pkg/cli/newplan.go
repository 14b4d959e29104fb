package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/newplan"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

type newPlanOptions struct {
	io     *IOStreams
	global *globalOptions
	from   string
	id     string
	title  string
	period string // as given; parsed into start and end
	start  int    // 0: from the table
	end    int
	output string
	force  bool
	sheet  string
	table  string
}

func newNewPlanCmd(ios *IOStreams, g *globalOptions, runF func(*newPlanOptions) error) *cobra.Command {
	opts := &newPlanOptions{io: ios, global: g}
	cmd := &cobra.Command{
		Use:   "new-plan --from FILE|- --id ID",
		Short: g.lang.T("help.newplan.short"),
		Long:  g.lang.T("help.newplan.long"),
		Example: `  plancheck new-plan --from 专栏2.txt --id jlp-hrss-15th -o plans/jlp-hrss-15th.v1.yaml
  plancheck new-plan --from - --id city-build-14th --period 2021-2025 < paste.txt
  plancheck new-plan --from 规划全文.txt --table 专栏2 --id jlp-hrss-14th
  plancheck new-plan --from 专栏2.xlsx --id jlp-hrss-15th --title "九龙坡区人力资源和社会保障事业发展“十五五”规划"`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.from == "" {
				return withHint(errors.New(g.lang.T("error.newplan-needs-from")), "%s", g.lang.T("hint.newplan-example"))
			}
			if opts.id == "" {
				return withHint(errors.New(g.lang.T("error.newplan-needs-id")), "%s", g.lang.T("hint.newplan-example"))
			}
			if !newplan.ValidID(opts.id) {
				return withHint(errors.New(g.lang.T("newplan.bad-id", opts.id)), "%s", g.lang.T("hint.newplan-id"))
			}
			if cmd.Flags().Changed("period") {
				start, end, err := parseYears("--period", opts.period, g.lang)
				if err != nil {
					return err
				}
				opts.start, opts.end = start, end
			}
			if opts.output != "" {
				if ext := strings.ToLower(filepath.Ext(opts.output)); ext != ".yaml" && ext != ".yml" {
					return withHint(errors.New(g.lang.T("error.newplan-yaml", opts.output)), "%s", g.lang.T("hint.newplan-yaml"))
				}
				inputs := []string{}
				if opts.from != "-" {
					inputs = append(inputs, opts.from)
				}
				if err := checkOutput(opts.output, inputs, g.lang); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return runNewPlan(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.from, "from", "", g.lang.T("flag.newplan.from"))
	f.StringVar(&opts.id, "id", "", g.lang.T("flag.newplan.id"))
	f.StringVar(&opts.title, "title", "", g.lang.T("flag.newplan.title"))
	f.StringVar(&opts.period, "period", "", g.lang.T("flag.newplan.period"))
	f.StringVarP(&opts.output, "output", "o", "", g.lang.T("flag.newplan.output"))
	f.BoolVar(&opts.force, "force", false, g.lang.T("flag.newplan.force"))
	f.StringVar(&opts.sheet, "sheet", "", g.lang.T("flag.newplan.sheet"))
	f.StringVar(&opts.table, "table", "", g.lang.T("flag.newplan.table"))
	return cmd
}

// workbookExts are the files new-plan reads as a spreadsheet; anything else
// is pasted text.
var workbookExts = map[string]bool{".xlsx": true, ".xlsm": true, ".ods": true, ".csv": true, ".html": true, ".htm": true}

func runNewPlan(opts *newPlanOptions) error {
	lang := opts.global.lang
	if opts.output != "" && !opts.force {
		if _, err := os.Stat(opts.output); err == nil {
			return withHint(errors.New(lang.T("error.output-exists", opts.output)), "%s", lang.T("hint.newplan-exists"))
		}
	}
	lines, err := readNewPlanInput(opts)
	if err != nil {
		return err
	}
	from := opts.from
	if from == "-" {
		from = lang.T("newplan.stdin")
	}
	t, err := newplan.Parse(lines, opts.table)
	if err != nil {
		return newPlanError(from, err, lang)
	}
	res, err := newplan.Make(t, newplan.Options{ID: opts.id, Title: opts.title, Start: opts.start, End: opts.end, Lang: lang})
	if err != nil {
		return newPlanError(from, err, lang)
	}

	out := opts.output
	if out == "" {
		if _, err := opts.io.Out.Write(res.YAML); err != nil {
			return err
		}
		out = "-"
	} else if err := writeAtomic(opts.output, lang, res.YAML); err != nil {
		return err
	}

	// What the reading decided, then what is left to fill in.
	notes := newNoteWriter(opts.io.ErrOut)
	for _, r := range t.Remarks {
		notes.line(fmt.Sprintf("plancheck: %s%s:%d: %s", lang.T("prefix.warning"), from, r.Line, r.Msg.In(lang)))
	}
	periodFrom := "--period"
	if res.PeriodFrom != nil {
		periodFrom = res.PeriodFrom.In(lang)
	}
	where := out
	if out == "-" {
		where = lang.T("newplan.stdout")
	}
	notes.line("plancheck: " + lang.T("newplan.wrote", where, res.Groups, res.Rows, res.Start, res.End, periodFrom))
	// The plan as validate will read it: besides the placeholders, any
	// problem (a target that does not parse, a unit not known) is said now.
	if _, err := plan.Load(out, res.YAML); err != nil {
		var problems plan.Problems
		if !errors.As(err, &problems) {
			return err
		}
		for _, p := range problems {
			if p.Msg != nil && p.Msg.Key == "plan.better-placeholder" {
				continue
			}
			notes.line("plancheck: " + lang.T("prefix.warning") + lang.T("newplan.problem", p.Text(lang)))
		}
	}
	for _, p := range res.Placeholders {
		notes.line(lang.T("newplan.placeholder", out, p.Line, p.Col, p.Name, p.Target))
	}
	check := out
	if out == "-" {
		check = "FILE.yaml"
	}
	if n := len(res.Placeholders); n > 0 {
		notes.line("plancheck: " + lang.T("newplan.fill-then-check", n, check))
	} else {
		notes.line("plancheck: " + lang.T("newplan.check", check))
	}
	return nil
}

// inputError is err about the input, worded in lang and led by its name.
func inputError(from string, err error, lang msg.Lang) error {
	return msg.Worded(from+lang.T("punct.colon")+msg.Text(err, lang), err)
}

// readNewPlanInput reads --from as lines of cells: a spreadsheet's first
// sheet (or --sheet), or pasted text.
func readNewPlanInput(opts *newPlanOptions) ([]newplan.Line, error) {
	lang := opts.global.lang
	if opts.from != "-" && workbookExts[strings.ToLower(filepath.Ext(opts.from))] {
		_, rows, err := actuals.SheetCells(opts.from, actuals.Options{Sheet: opts.sheet, Lang: lang})
		if err != nil {
			return nil, err
		}
		return newplan.SheetLines(rows), nil
	}
	var r io.Reader = opts.io.In
	name := lang.T("newplan.stdin")
	if opts.from != "-" {
		f, err := os.Open(opts.from)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, msg.Worded(lang.T("newplan.read-missing", opts.from), err)
			}
			return nil, msg.Worded(lang.T("newplan.read", opts.from, err), err)
		}
		defer f.Close()
		r, name = f, opts.from
	}
	data, err := io.ReadAll(io.LimitReader(r, newplan.MaxInput+1))
	if err != nil {
		return nil, msg.Worded(lang.T("newplan.read", name, err), err)
	}
	if len(data) > newplan.MaxInput {
		return nil, errors.New(lang.T("newplan.input-too-large", name, newplan.MaxInput))
	}
	return newplan.SplitText(newplan.DecodeText(data)), nil
}

// newPlanHints are the hints of the errors of reading a pasted table or
// making a plan of it that a hint helps.
var newPlanHints = map[msg.Key]msg.Key{
	"newplan.no-header":          "hint.newplan-header",
	"newplan.no-table-captioned": "hint.newplan-table",
	"newplan.no-period":          "hint.newplan-period",
	"newplan.no-title":           "hint.newplan-title",
}

// newPlanError is an error of new-plan's input (from), with its hint.
func newPlanError(from string, err error, lang msg.Lang) error {
	var me *msg.Error
	if errors.As(err, &me) {
		if hint, ok := newPlanHints[me.Key]; ok {
			return withHint(inputError(from, err, lang), "%s", lang.T(hint))
		}
	}
	return inputError(from, err, lang)
}
