package cli

import (
	"errors"
	"os"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// resolvePlanIn selects a plan of reg (or a file) as globalOptions.resolvePlan
// does, and words what goes wrong in lang with a hint; a nil reg is the
// embedded plans.
func resolvePlanIn(reg *plan.Registry, ref string, lang msg.Lang) (*plan.Plan, error) {
	var p *plan.Plan
	var err error
	if reg != nil {
		p, err = reg.Resolve(ref)
	} else {
		p, err = plan.Resolve(ref)
	}
	var problems plan.Problems
	switch {
	case errors.As(err, &problems):
		// One line per error, each worded in the run's language (a
		// warning is validate's to print); the first hint under them.
		var errs plan.Problems
		for _, pr := range problems {
			if !pr.Warning {
				errs = append(errs, pr)
			}
		}
		err := msg.Worded(errs.Text(lang), err)
		for _, pr := range errs {
			if pr.Hint != nil {
				return nil, withHint(err, "%s", pr.HintText(lang))
			}
		}
		return nil, err
	case errors.Is(err, plan.ErrUnknownPlan):
		return nil, withHint(err, "%s", lang.T("hint.plan-unknown"))
	case errors.Is(err, plan.ErrConflict):
		return nil, withHint(err, "%s", lang.T("hint.plan-conflict"))
	case errors.Is(err, os.ErrNotExist):
		return nil, withHint(err, "%s", lang.T("hint.plan-file"))
	}
	return p, err
}

// langOf is the language a helper was given, English when none was (as the
// helpers' own tests read their messages).
func langOf(lang []msg.Lang) msg.Lang {
	if len(lang) == 0 || lang[0] == "" {
		return msg.English
	}
	return lang[0]
}
