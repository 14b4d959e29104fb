package cli

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// plansEnvVar names the environment variable that lists plan folders, as
// PATH is written on the platform (":" between folders, ";" on Windows).
const plansEnvVar = "PLANCHECK_PLANS"

// planFolders are the plan folders of a run: every --plans, then every
// folder of PLANCHECK_PLANS (empty entries left out).
func planFolders(flags []string) []string {
	dirs := append([]string(nil), flags...)
	for _, d := range filepath.SplitList(os.Getenv(plansEnvVar)) {
		if d != "" {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// addPlansFlag adds the root's --plans.
func addPlansFlag(root *cobra.Command, g *globalOptions) {
	root.PersistentFlags().StringArrayVar(&g.plansDirs, "plans", nil, g.lang.T("flag.plans"))
	_ = root.MarkPersistentFlagDirname("plans")
}

// registry is the plans of the run: the embedded ones and those of the plan
// folders (--plans, PLANCHECK_PLANS). It is made once, when a command first
// needs a plan, and the files of the folders that were skipped are warned
// about then, one line each on stderr.
func (g *globalOptions) registry() (*plan.Registry, error) {
	if g.regDone {
		return g.reg, g.regErr
	}
	g.regDone = true
	g.reg, g.regErr = loadRegistry(planFolders(g.plansDirs), g.errOut, g.lang)
	return g.reg, g.regErr
}

// loadRegistry is the embedded plans and those of dirs; a skipped file is a
// warning on stderr (when stderr is not nil).
func loadRegistry(dirs []string, stderr io.Writer, lang msg.Lang) (*plan.Registry, error) {
	reg, err := plan.Embedded()
	if err != nil || len(dirs) == 0 {
		return reg, err
	}
	reg, skipped, err := reg.WithFolders(dirs)
	if err != nil {
		return nil, withHint(err, "%s", lang.T("hint.plans-folder"))
	}
	if stderr != nil {
		out := newNoteWriter(stderr)
		for _, s := range skipped {
			out.line("plancheck: " + lang.T("prefix.warning") + skippedLine(s, lang))
		}
	}
	return reg, nil
}

// skippedLine says why a folder's plan file was skipped, in one line: its
// first problem as validate prints it, and how many more there are.
func skippedLine(s plan.Skipped, lang msg.Lang) string {
	var problems plan.Problems
	if !errors.As(s.Err, &problems) || len(problems) == 0 {
		return lang.T("warning.plan-skipped", msg.Text(s.Err, lang))
	}
	if len(problems) == 1 {
		return lang.T("warning.plan-skipped", problems[0].Text(lang))
	}
	return lang.T("warning.plan-skipped-more", problems[0].Text(lang), len(problems)-1, s.File)
}

// resolvePlan selects a plan as --plan and the PLAN arguments do (spec §2): a
// file, or a plan of the run's registry (the embedded plans and the plan
// folders) by id (newest version) or id@version. Every command that takes a
// plan goes through here.
func (g *globalOptions) resolvePlan(ref string) (*plan.Plan, error) {
	if plan.IsFileRef(ref) {
		// A file is loaded as it is: the folders have no say.
		return resolvePlanIn(nil, ref, g.lang)
	}
	reg, err := g.registry()
	if err != nil {
		return nil, err
	}
	return resolvePlanIn(reg, ref, g.lang)
}
