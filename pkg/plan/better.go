package plan

import "github.com/jlp-hrss/plancheck/pkg/expr"

// ImpliedBetter is the direction a target states by itself — a bound by its
// operator, a cumulative total up — or NoDirection where the plan must give
// better: the rule validation applies, for new-plan to leave better out
// exactly where the loader derives it.
func ImpliedBetter(target expr.Expr) Direction { return impliedBetter(target) }
