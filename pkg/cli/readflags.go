package cli

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// readFlags are the flags eval and inspect share about how a workbook is
// read: --sheet, --strict, --lenient, --columns, --aliases, --entity and
// --encoding, parsed into the reader's options.
type readFlags struct {
	sheet           string
	strict, lenient bool
	entity          string
	// columns, aliases and encoding are --columns, --aliases (read) and
	// --encoding, parsed by parse.
	columns *actuals.Columns
	aliases []actuals.Alias
	// aliasesPath is the --aliases file, an input -o must not replace.
	aliasesPath string
	encoding    string
	// limits are the reader's limits with --limit's changes; nil: the
	// defaults.
	limits *xlsx.Limits
}

// add declares the reading flags on cmd, their usage from the
// catalogue under prefix ("flag.eval", "flag.inspect") where it differs.
func (rf *readFlags) add(cmd *cobra.Command, lang msg.Lang, prefix string) {
	f := cmd.Flags()
	f.StringVar(&rf.sheet, "sheet", "", lang.T(msg.Key(prefix+".sheet")))
	f.BoolVar(&rf.strict, "strict", false, lang.T(msg.Key(prefix+".strict")))
	f.BoolVar(&rf.lenient, "lenient", false, lang.T(msg.Key(prefix+".lenient")))
	f.String("columns", "", lang.T("flag.columns"))
	f.String("aliases", "", lang.T("flag.aliases"))
	f.StringVar(&rf.entity, "entity", "", lang.T("flag.entity"))
	f.String("encoding", "", lang.T("flag.encoding"))
	f.StringArray("limit", nil, lang.T("flag.limit"))
}

// parse checks the reading flags once cobra has set them: --strict with
// --lenient, and --encoding, --aliases and --columns read.
func (rf *readFlags) parse(cmd *cobra.Command, lang msg.Lang) error {
	if rf.strict && rf.lenient {
		return errors.New(lang.T("error.strict-lenient"))
	}
	if name, _ := cmd.Flags().GetString("encoding"); name != "" {
		enc, err := actuals.ParseEncoding(name)
		if err != nil {
			return err
		}
		rf.encoding = enc
	}
	if path, _ := cmd.Flags().GetString("aliases"); path != "" {
		rf.aliasesPath = path
		aliases, err := actuals.ReadAliases(path, lang)
		if err != nil {
			return err
		}
		rf.aliases = aliases
	}
	if sets, _ := cmd.Flags().GetStringArray("limit"); len(sets) > 0 {
		lim := xlsx.DefaultLimits()
		for _, set := range sets {
			name, value, ok := strings.Cut(set, "=")
			if !ok {
				return msg.Errorf("limit.syntax", msg.Quoted(set))
			}
			if err := lim.Set(strings.TrimSpace(name), value); err != nil {
				return err
			}
		}
		rf.limits = &lim
	}
	if spec, _ := cmd.Flags().GetString("columns"); spec != "" {
		cols, err := actuals.ParseColumns(spec)
		if err != nil {
			return withHint(err, "%s", lang.T("hint.columns-syntax"))
		}
		rf.columns = &cols
	}
	return nil
}

// options are the reader's options the flags give.
func (rf *readFlags) options() actuals.Options {
	return actuals.Options{Sheet: rf.sheet, Strict: rf.strict, Lenient: rf.lenient, Columns: rf.columns,
		Aliases: rf.aliases, Entity: rf.entity, Encoding: rf.encoding, Limits: rf.limits}
}
