package cli

import (
	"errors"
	"os"

	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// resolvePlan selects a plan as --plan and the PLAN arguments do (spec §2): a
// file, an embedded id (newest version) or id@version. Every command that takes
// a plan goes through here.
func resolvePlan(ref string) (*plan.Plan, error) {
	p, err := plan.Resolve(ref)
	switch {
	case errors.Is(err, plan.ErrUnknownPlan):
		return nil, withHint(err, "'plancheck plans' lists the embedded plans; a plan file needs a path ending in .yaml")
	case errors.Is(err, os.ErrNotExist):
		return nil, withHint(err, "check the path, or name an embedded plan ('plancheck plans' lists them)")
	}
	return p, err
}
