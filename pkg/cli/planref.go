package cli

import (
	"errors"
	"os"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// resolvePlan selects a plan as --plan and the PLAN arguments do (spec §2): a
// file, an embedded id (newest version) or id@version. Every command that takes
// a plan goes through here.
func resolvePlan(ref string, lang ...msg.Lang) (*plan.Plan, error) {
	l := langOf(lang)
	p, err := plan.Resolve(ref)
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
		err := msg.Worded(errs.Text(l), err)
		for _, pr := range errs {
			if pr.Hint != nil {
				return nil, withHint(err, "%s", pr.HintText(l))
			}
		}
		return nil, err
	case errors.Is(err, plan.ErrUnknownPlan):
		return nil, withHint(err, "%s", l.T("hint.plan-unknown"))
	case errors.Is(err, os.ErrNotExist):
		return nil, withHint(err, "%s", l.T("hint.plan-file"))
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
