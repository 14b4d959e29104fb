package pipeline

import (
	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// Evaluation is everything an eval of one workbook found. Its outcomes are
// judged one reporting unit at a time when a writer asks for them (Each), so
// that a workbook of thousands of units never holds all its outcomes at once;
// the counts, the audit and the failures are known from the start.
type Evaluation struct {
	Plan         *plan.Plan
	File         string
	SHA256       string
	Year         int
	TimeProgress float64
	// Audit lists the disagreements between the workbook's 完成情况 and the
	// computed statuses, entity by entity.
	Audit []AuditEntry
	// Warnings are the reader's and the audit's, one line each, naming the
	// file.
	Warnings []string
	// Failures are the outcomes that are lagging, not achieved or without
	// data, for the --fail-on policy.
	Failures []Failure

	m        *actuals.Matcher
	entities []string
	counts   []map[evaluate.Status]int // per entity
	total    map[evaluate.Status]int
	// kept holds every entity's outcomes when they are few enough to keep,
	// so that writing them does not judge them again.
	kept []EntityEvaluation
}

// EntityEvaluation is one reporting unit's outcomes.
type EntityEvaluation struct {
	Entity      string
	Outcomes    []evaluate.Outcome
	NotReported []*plan.Indicator
}

// AuditEntry is a disagreement between the workbook's 完成情况 and the
// computed status.
type AuditEntry struct {
	Entity string
	evaluate.Disagreement
}

// Failure is an outcome that can fail the --fail-on policy: lagging, not
// achieved or without data, or (NotReported) an indicator the entity does
// not report.
type Failure struct {
	Entity      string
	Indicator   *plan.Indicator
	Status      evaluate.Status
	NotReported bool
}

// Multi reports whether the workbook holds several reporting units.
func (e *Evaluation) Multi() bool {
	return len(e.entities) > 1 || (len(e.entities) == 1 && e.entities[0] != "")
}

// Entities names the reporting units in the workbook's order; a single-unit
// workbook has one, named "".
func (e *Evaluation) Entities() []string { return e.entities }

// Counts returns the number of outcomes of each status over all entities.
func (e *Evaluation) Counts() map[evaluate.Status]int { return e.total }

// EntityCounts returns the number of the i-th entity's outcomes of each
// status.
func (e *Evaluation) EntityCounts(i int) map[evaluate.Status]int { return e.counts[i] }

// Counts returns the number of the entity's outcomes of each status.
func (en *EntityEvaluation) Counts() map[evaluate.Status]int {
	counts := map[evaluate.Status]int{}
	for _, o := range en.Outcomes {
		counts[o.Status]++
	}
	return counts
}

// Each calls fn with each reporting unit's outcomes, in the workbook's order,
// judging them as it goes. The EntityEvaluation is fn's only during the call.
// It stops at the first error of fn and returns it.
func (e *Evaluation) Each(fn func(i int, en *EntityEvaluation) error) error {
	if e.kept != nil {
		for i := range e.kept {
			if err := fn(i, &e.kept[i]); err != nil {
				return err
			}
		}
		return nil
	}
	j := newJudge(e)
	for i := range e.entities {
		en := j.entity(i)
		if err := fn(i, &en); err != nil {
			return err
		}
	}
	return nil
}

// All returns every reporting unit's outcomes, judged once and kept: for the
// writers that need them all at once (the summary workbook).
func (e *Evaluation) All() []EntityEvaluation {
	if e.kept == nil {
		j := newJudge(e)
		e.kept = make([]EntityEvaluation, len(e.entities))
		for i := range e.entities {
			e.kept[i] = j.entity(i)
		}
	}
	return e.kept
}

// NewEvaluation builds an evaluation from outcomes already judged (tests, and
// results that come from elsewhere than a workbook): the counts and failures
// are taken from them.
func NewEvaluation(p *plan.Plan, file, sha string, year int, entities []EntityEvaluation, audit []AuditEntry, warnings []string) *Evaluation {
	e := &Evaluation{Plan: p, File: file, SHA256: sha, Year: year, TimeProgress: evaluate.TimeProgress(p.Period, year),
		Audit: audit, Warnings: warnings, kept: entities, total: map[evaluate.Status]int{}}
	for _, en := range entities {
		e.entities = append(e.entities, en.Entity)
		counts := en.Counts()
		e.counts = append(e.counts, counts)
		for s, n := range counts {
			e.total[s] += n
		}
		e.Failures = append(e.Failures, failures(en)...)
	}
	return e
}

// failures are the entity's outcomes that can fail the --fail-on policy,
// then its indicators not reported.
func failures(en EntityEvaluation) []Failure {
	var out []Failure
	for _, o := range en.Outcomes {
		if o.Status == evaluate.Lagging || o.Status == evaluate.NotAchieved || o.Status == evaluate.NoData {
			out = append(out, Failure{Entity: en.Entity, Indicator: o.Indicator, Status: o.Status})
		}
	}
	for _, ind := range en.NotReported {
		out = append(out, Failure{Entity: en.Entity, Indicator: ind, NotReported: true})
	}
	return out
}
