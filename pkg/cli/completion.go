package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// formatValues are the values shell completion offers for a command's
// --format, by command name, with what each gives. Each command still checks
// its value itself; TestCompletionValuesAccepted holds this list to what the
// commands accept, so that the two cannot drift apart.
var formatValues = map[string][]string{
	"eval": {
		"table\tthe completion table (the default)",
		"markdown\tthe completion table in Markdown",
		"csv\tone row per indicator, every number",
		"json\tthe machine contract (schema/result.schema.json)",
		"xlsx\tthe year-end summary workbook (needs -o)",
	},
	"inspect": {
		"table\twhat was read, as tables (the default)",
		"markdown\tthe same in Markdown",
		"json\tthe same as JSON",
	},
	"plans": {
		"table\tthe plans as a table (the default)",
		"markdown\tthe same in Markdown",
		"json\tthe same as JSON",
	},
	"show": {
		"table\tthe indicator table (the default)",
		"markdown\tthe same in Markdown",
	},
	"validate": {
		"text\tfile:line:col: message on stderr (the default)",
		"github\tGitHub Actions annotations on stdout",
	},
}

var failOnValues = []string{
	"binding\tfail on a binding indicator lagging, not achieved or without data (the default)",
	"any\tfail on any indicator lagging, not achieved or without data",
	"none\tnever fail",
}

var langValues = []string{
	"zh\tlabels in Chinese (the default)",
	"en\tlabels in English",
}

// registerCompletions teaches shell completion the values plancheck takes:
// plan ids for --plan and show's PLAN, and the fixed values of --format,
// --fail-on and --lang. It is done once over the finished tree, so that a
// command gets them by having the flag, and a new command is not forgotten.
func registerCompletions(root *cobra.Command) {
	// RegisterFlagCompletionFunc fails only for a flag that does not exist or
	// one registered twice: the lookups below rule out the first, this being
	// the only place that registers the second.
	//
	// --lang is persistent: registered on the root, it completes on every
	// command.
	_ = root.RegisterFlagCompletionFunc("lang", fixedValues(langValues))
	for _, c := range root.Commands() {
		if c.Flags().Lookup("plan") != nil {
			_ = c.RegisterFlagCompletionFunc("plan", completePlanRef)
		}
		if values, ok := formatValues[c.Name()]; ok && c.Flags().Lookup("format") != nil {
			_ = c.RegisterFlagCompletionFunc("format", fixedValues(values))
		}
		if c.Flags().Lookup("fail-on") != nil {
			_ = c.RegisterFlagCompletionFunc("fail-on", fixedValues(failOnValues))
		}
		switch c.Name() {
		case "show":
			c.ValidArgsFunction = func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				if len(args) > 0 {
					return nil, cobra.ShellCompDirectiveNoFileComp
				}
				return completePlanRef(cmd, args, toComplete)
			}
		case "eval", "inspect":
			c.ValidArgsFunction = fileExtensions("xlsx", "xlsm")
		case "validate":
			c.ValidArgsFunction = fileExtensions("yaml", "yml")
		}
	}
}

// fixedValues completes a flag from a fixed list ("value\tdescription"), and
// never offers files.
func fixedValues(values []string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// fileExtensions completes arguments with the files of the given extensions
// (and directories).
func fileExtensions(exts ...string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return exts, cobra.ShellCompDirectiveFilterFileExt
	}
}

// completePlanRef offers the embedded plans as --plan and PLAN name them: ID
// (its newest version) and ID@VERSION for every version. A plan can also be a
// file, so when no embedded plan starts with what was typed (./, ../, a
// folder), plan files are offered instead.
func completePlanRef(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var refs []string
	if reg, err := plan.Embedded(); err == nil {
		refs = planRefCompletions(reg)
	}
	var matching []string
	for _, r := range refs {
		if strings.HasPrefix(r, toComplete) {
			matching = append(matching, r)
		}
	}
	if len(matching) == 0 {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	}
	return matching, cobra.ShellCompDirectiveNoFileComp
}

// planRefCompletions lists each plan id, then each of its versions, with the
// plan's title as the description.
func planRefCompletions(reg *plan.Registry) []string {
	newest := map[string]*plan.Plan{}
	for _, p := range reg.Newest() {
		newest[p.ID] = p
	}
	var out []string
	prevID := ""
	for _, p := range reg.All() { // sorted by id, then version
		if p.ID != prevID {
			n := newest[p.ID]
			out = append(out, fmt.Sprintf("%s\t%s (newest version, %d)", p.ID, oneLine(n.Title), n.Version))
			prevID = p.ID
		}
		out = append(out, fmt.Sprintf("%s\t%s", p.Ref(), oneLine(p.Title)))
	}
	return out
}

// oneLine keeps a description on one line: a tab or a line break would end
// the completion's description, or start another completion.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
