package pipeline

import (
	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// keepOutcomes is how many outcomes an evaluation keeps after the first
// judging, so that the writer does not judge them again; above it (a
// workbook of hundreds of reporting units), memory matters more than the
// second judging.
const keepOutcomes = 5000

// judge turns a Matcher's readings into outcomes, one entity at a time.
type judge struct {
	e    *Evaluation
	inds []*plan.Indicator
}

func newJudge(e *Evaluation) *judge {
	return &judge{e: e, inds: e.m.Indicators()}
}

// entity judges the i-th reporting unit.
func (j *judge) entity(i int) EntityEvaluation {
	m := j.e.m
	in := evaluate.Input{Plan: j.e.Plan, Year: j.e.Year, Entity: j.e.entities[i], Values: map[string][]evaluate.Observation{}}
	en := EntityEvaluation{Entity: j.e.entities[i]}
	for ii, ind := range j.inds {
		if !m.Reported(i, ii) {
			en.NotReported = append(en.NotReported, ind)
			continue
		}
		var obs []evaluate.Observation
		for _, r := range m.Readings(i, ii) {
			if o, ok := observation(m, r); ok {
				obs = append(obs, o)
			}
		}
		in.Values[ind.ID] = obs // reported: an outcome even without values (无数据)
	}
	// The year was checked against the period before: Evaluate cannot fail.
	en.Outcomes, _ = evaluate.Evaluate(in)
	return en
}

// observation is a reading as evaluate takes it; a bad cell kept only to
// find duplicates is none.
func observation(m *actuals.Matcher, r actuals.Reading) (evaluate.Observation, bool) {
	parts, text := m.Ratio(r)
	o := evaluate.Observation{Year: r.Year(), Number: r.Number, Parts: parts, Text: text, Cell: m.CellRef(r.Row, int32(r.Col))}
	switch r.Kind() {
	case actuals.Amount:
		o.Kind = evaluate.Amount
	case actuals.Total:
		o.Kind = evaluate.Total
	case actuals.Parts:
		o.Kind, o.Number = evaluate.Parts, 0 // Number holds where the parts are kept
	case actuals.NoValue:
		o.Kind = evaluate.None
	default:
		return o, false
	}
	return o, true
}

// digest judges every entity once, for what must be known before anything
// is written: the counts, the audit, its warnings and the failures. It keeps
// the outcomes when they are few.
func (e *Evaluation) digest() {
	j := newJudge(e)
	var kept []EntityEvaluation
	keep := len(e.entities)*len(j.inds) <= keepOutcomes
	e.total = map[evaluate.Status]int{}
	index := map[*plan.Indicator]int{}
	for i, ind := range j.inds {
		index[ind] = i
	}
	for i := range e.entities {
		en := j.entity(i)
		e.count(i, &en, index)

		var written []evaluate.WrittenStatus
		for _, s := range e.m.Statuses(i) {
			if s.Year == 0 || int(s.Year) == e.Year {
				written = append(written, evaluate.WrittenStatus{Indicator: j.inds[s.Indicator].ID, Text: e.m.StatusText(s), Cell: e.m.CellRef(s.Row, int32(s.Col))})
			}
		}
		disagreements, warnings := evaluate.Audit(en.Outcomes, written)
		for _, d := range disagreements {
			e.Audit = append(e.Audit, AuditEntry{Entity: en.Entity, Disagreement: d})
		}
		for _, w := range warnings {
			e.Warnings = append(e.Warnings, e.File+": "+w)
		}
		if keep {
			kept = append(kept, en)
		}
	}
	e.kept = kept
}
