package cli

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/schema"
)

type schemaOptions struct {
	io     *IOStreams
	global *globalOptions
	name   string
}

// newSchemaCmd prints a JSON Schema plancheck ships: the plan format (the
// default) or the result of eval --format json.
func newSchemaCmd(ios *IOStreams, g *globalOptions, runF func(*schemaOptions) error) *cobra.Command {
	opts := &schemaOptions{io: ios, global: g}
	cmd := &cobra.Command{
		Use:   "schema [plan|result]",
		Short: g.lang.T("help.schema.short"),
		Long:  g.lang.T("help.schema.long"),
		Example: `  plancheck schema > plan.schema.json
  plancheck schema result > result.schema.json`,
		ValidArgs: []cobra.Completion{
			cobra.CompletionWithDesc("plan", g.lang.T("completion.schema.plan")),
			cobra.CompletionWithDesc("result", g.lang.T("completion.schema.result")),
		},
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return withHint(errors.New(g.lang.T("error.schema-one", len(args))), "%s", g.lang.T("hint.schemas"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.name = schema.Names[0]
			if len(args) == 1 {
				opts.name = args[0]
			}
			if _, err := schema.Get(opts.name); err != nil {
				return withHint(errors.New(g.lang.T("error.unknown-schema", opts.name)), "%s", g.lang.T("hint.schemas"))
			}
			if runF != nil {
				return runF(opts)
			}
			return runSchema(opts)
		},
	}
	return cmd
}

func runSchema(opts *schemaOptions) error {
	data, err := schema.Get(opts.name)
	if err != nil {
		return err
	}
	if !strings.HasSuffix(string(data), "\n") {
		data = append(data, '\n')
	}
	_, err = opts.io.Out.Write(data)
	return err
}
