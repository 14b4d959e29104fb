package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// formatValues are the values shell completion offers for a command's
// --format, by command name, with what each gives. Each command still checks
// its value itself; TestCompletionValuesAccepted holds this list to what the
// commands accept, so that the two cannot drift apart.
var formatValues = map[string][]string{
	"diff": {
		"table\tcompletion.diff.table",
		"markdown\tcompletion.diff.markdown",
		"json\tcompletion.diff.json",
	},
	"eval": {
		"table\tcompletion.eval.table",
		"markdown\tcompletion.eval.markdown",
		"csv\tcompletion.eval.csv",
		"json\tcompletion.eval.json",
		"xlsx\tcompletion.eval.xlsx",
		"html\tcompletion.eval.html",
	},
	"inspect": {
		"table\tcompletion.inspect.table",
		"markdown\tcompletion.inspect.markdown",
		"json\tcompletion.inspect.json",
	},
	"plans": {
		"table\tcompletion.plans.table",
		"markdown\tcompletion.plans.markdown",
		"json\tcompletion.plans.json",
	},
	"show": {
		"table\tcompletion.show.table",
		"markdown\tcompletion.show.markdown",
		"yaml\tcompletion.show.yaml",
	},
	"validate": {
		"text\tcompletion.validate.text",
		"github\tcompletion.validate.github",
	},
}

var failOnValues = []string{
	"binding\tcompletion.fail-on.binding",
	"any\tcompletion.fail-on.any",
	"none\tcompletion.fail-on.none",
}

var langValues = []string{
	"zh\tcompletion.lang.zh",
	"en\tcompletion.lang.en",
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
		case "diff":
			c.ValidArgsFunction = func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				if len(args) > 1 {
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

// fixedValues completes a flag from a fixed list ("value\tkey", the key of
// the value's description in the catalogue), in the run's language, and
// never offers files.
func fixedValues(values []string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		lang := langOfCmd(cmd)
		out := make([]string, len(values))
		for i, v := range values {
			value, key, _ := strings.Cut(v, "\t")
			out[i] = value + "\t" + lang.T(msg.Key(key))
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// fileExtensions completes arguments with the files of the given extensions
// (and directories).
func fileExtensions(exts ...string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return exts, cobra.ShellCompDirectiveFilterFileExt
	}
}

// completePlanRef offers the embedded plans and the plan folders' as --plan and PLAN name them: ID
// (its newest version) and ID@VERSION for every version. A plan can also be a
// file, so when no embedded plan starts with what was typed (./, ../, a
// folder), plan files are offered instead.
func completePlanRef(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var refs []string
	// The folders' plans too (--plans as typed so far, PLANCHECK_PLANS),
	// without a word about their files: a completion prints nothing else.
	dirs, _ := cmd.Flags().GetStringArray("plans")
	if reg, err := loadRegistry(planFolders(dirs), nil, langOfCmd(cmd)); err == nil {
		refs = planRefCompletions(reg, langOfCmd(cmd))
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
// plan's title as the description, in lang.
func planRefCompletions(reg *plan.Registry, lang msg.Lang) []string {
	newest := map[string]*plan.Plan{}
	for _, p := range reg.Newest() {
		newest[p.ID] = p
	}
	var out []string
	prevID := ""
	for _, p := range reg.All() { // sorted by id, then version
		if p.ID != prevID {
			n := newest[p.ID]
			out = append(out, p.ID+"\t"+lang.T("completion.newest", oneLine(n.Title), n.Version))
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
