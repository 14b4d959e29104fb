package pipeline

import (
	"slices"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// Evaluation is everything an eval of one workbook found. Its outcomes are
// judged one reporting unit at a time when a writer asks for them (Each), so
// that a workbook of thousands of units never holds all its outcomes at once.
// What depends on every outcome — the counts, the audit and its warnings, the
// failures — is gathered by the first pass over all of them (a writer's
// Each, or one of their own if asked for first), so that each outcome is
// judged once on the way out.
type Evaluation struct {
	Plan         *plan.Plan
	File         string
	SHA256       string
	Year         int
	TimeProgress float64
	// Sources are the workbooks of an evaluation merged from several, one
	// unit each (MergeUnits); nil for one workbook, which File names.
	Sources []Source

	// audit lists the disagreements between the workbook's 完成情况 and the
	// computed statuses, entity by entity; warnings are the reader's, then
	// the audit's, one line each, naming the file.
	audit    []AuditEntry
	warnings []string
	digested bool

	m        *actuals.Matcher
	lang     msg.Lang // of the reasons and warnings judging writes
	entities []string
	total    map[evaluate.Status]int
	// failures are the outcomes that can fail the --fail-on policy, kept in
	// 8 bytes each: a province's counties have tens of thousands.
	failures []failure
	// kept holds every entity's outcomes when they are few enough to keep,
	// so that writing them does not judge them again.
	kept []EntityEvaluation
	// noAudit leaves out the audit of the workbook's 完成情况: a year of a
	// --year range other than the one its statuses are for (ForYear).
	// shared marks an evaluation that reads another's matcher, which
	// closes it.
	noAudit, shared bool
}

// ForYear is the same workbook judged for another year of the plan's period
// (--year 2021-2023 judges each year of the range from one reading): the
// outcomes, counts and failures are its own; the reader's warnings and the
// audit of the workbook's 完成情况 stay with e, whose year the statuses are
// written for. e must stay open while the result is used; closing the result
// does nothing.
func (e *Evaluation) ForYear(year int) *Evaluation {
	return &Evaluation{Plan: e.Plan, File: e.File, SHA256: e.SHA256, Year: year,
		TimeProgress: evaluate.TimeProgress(e.Plan.Period, year),
		m:            e.m, lang: e.lang, entities: e.entities, noAudit: true, shared: true}
}

// FromReading reports whether e was judged from a workbook's reading, and so
// can be judged for another year (ForYear); an evaluation built from
// outcomes (NewEvaluation) cannot.
func (e *Evaluation) FromReading() bool { return e.m != nil }

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

// Close releases what the evaluation holds outside memory (the temporary file
// a province's readings are kept in). Its outcomes can no longer be judged.
func (e *Evaluation) Close() error {
	if e.m == nil || e.shared {
		return nil
	}
	return e.m.Close()
}

// Multi reports whether the workbook holds several reporting units.
func (e *Evaluation) Multi() bool {
	return len(e.entities) > 1 || (len(e.entities) == 1 && e.entities[0] != "")
}

// Entities names the reporting units in the workbook's order; a single-unit
// workbook has one, named "".
func (e *Evaluation) Entities() []string { return e.entities }

// Counts returns the number of outcomes of each status over all entities.
func (e *Evaluation) Counts() map[evaluate.Status]int {
	e.digest()
	return e.total
}

// Audit lists the disagreements between the workbook's 完成情况 and the
// computed statuses, entity by entity.
func (e *Evaluation) Audit() []AuditEntry {
	e.digest()
	return e.audit
}

// AddWarning adds a line to the warnings, after the reader's.
func (e *Evaluation) AddWarning(w string) { e.warnings = append(e.warnings, w) }

// Warnings are the reader's and the audit's, one line each, naming the file.
func (e *Evaluation) Warnings() []string {
	e.digest()
	return e.warnings
}

// Failures are the outcomes that are lagging, not achieved or without data,
// and the indicators not reported, entity by entity, for the --fail-on
// policy.
func (e *Evaluation) Failures() []Failure {
	e.digest()
	inds := e.Plan.Indicators()
	out := make([]Failure, len(e.failures))
	for i, f := range e.failures {
		out[i] = Failure{Entity: e.entities[f.entity], Indicator: inds[f.indicator], Status: evaluate.Statuses[f.status],
			NotReported: f.notReported}
	}
	return out
}

// failure is a Failure in 8 bytes.
type failure struct {
	entity      int32
	indicator   uint16
	status      uint8 // index into evaluate.Statuses
	notReported bool
}

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
	d := e.startDigest()
	for i := range e.entities {
		en := j.entity(i)
		d.add(i, &en)
		if err := fn(i, &en); err != nil {
			return err
		}
	}
	d.finish()
	return nil
}

// All returns every reporting unit's outcomes, judged once and kept: for the
// writers that need them all at once (the summary workbook).
func (e *Evaluation) All() []EntityEvaluation {
	if e.kept == nil {
		j := newJudge(e)
		d := e.startDigest()
		kept := make([]EntityEvaluation, len(e.entities))
		for i := range e.entities {
			kept[i] = j.entity(i)
			d.add(i, &kept[i])
		}
		d.finish()
		e.kept = kept
	}
	return e.kept
}

// NewEvaluation builds an evaluation from outcomes already judged (tests, and
// results that come from elsewhere than a workbook): the counts and failures
// are taken from them.
func NewEvaluation(p *plan.Plan, file, sha string, year int, entities []EntityEvaluation, audit []AuditEntry, warnings []string) *Evaluation {
	e := &Evaluation{Plan: p, File: file, SHA256: sha, Year: year, TimeProgress: evaluate.TimeProgress(p.Period, year),
		audit: audit, warnings: warnings, kept: entities, total: map[evaluate.Status]int{}, digested: true}
	index := map[*plan.Indicator]int{}
	for i, ind := range p.Indicators() {
		index[ind] = i
	}
	for i, en := range entities {
		e.entities = append(e.entities, en.Entity)
		e.failures = tally(e.total, e.failures, i, &en, index)
	}
	return e
}

// tally adds the i-th entity's outcomes to total and returns failures with
// its own appended: outcomes lagging, not achieved or without data, then the
// indicators it does not report. index numbers the plan's indicators.
func tally(total map[evaluate.Status]int, failures []failure, i int, en *EntityEvaluation, index map[*plan.Indicator]int) []failure {
	for _, o := range en.Outcomes {
		total[o.Status]++
		switch o.Status {
		case evaluate.Lagging, evaluate.NotAchieved, evaluate.NoData:
			failures = append(failures, failure{entity: int32(i), indicator: uint16(index[o.Indicator]),
				status: uint8(slices.Index(evaluate.Statuses, o.Status))})
		}
	}
	for _, ind := range en.NotReported {
		failures = append(failures, failure{entity: int32(i), indicator: uint16(index[ind]), notReported: true})
	}
	return failures
}
