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
	in := evaluate.Input{Plan: j.e.Plan, Year: j.e.Year, Entity: j.e.entities[i], Values: map[string][]evaluate.Observation{}, Lang: j.e.lang}
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
	o := evaluate.Observation{Year: r.Year(), Number: r.Number, Parts: parts, Text: text, Cell: m.CellRef(r.Row, int32(r.Col)),
		Approximate: r.Approximate()}
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

// digester gathers, as the outcomes of every entity pass in order, what
// depends on all of them: the counts, the failures, the audit and its
// warnings. Nothing is kept unless the pass reaches the last entity.
type digester struct {
	e        *Evaluation
	index    map[*plan.Indicator]int
	inds     []*plan.Indicator
	total    map[evaluate.Status]int
	failures []failure
	audit    []AuditEntry
	warnings []string
	keep     bool
	kept     []EntityEvaluation
	next     int
}

// startDigest starts gathering, or returns a digester that does nothing when
// the evaluation has been digested already.
func (e *Evaluation) startDigest() *digester {
	if e.digested {
		return &digester{}
	}
	d := &digester{e: e, index: map[*plan.Indicator]int{}, inds: e.m.Indicators(), total: map[evaluate.Status]int{},
		keep: len(e.entities)*len(e.m.Indicators()) <= keepOutcomes}
	for i, ind := range d.inds {
		d.index[ind] = i
	}
	return d
}

// add takes the i-th entity's outcomes; entities must come in order.
func (d *digester) add(i int, en *EntityEvaluation) {
	if d.e == nil || i != d.next {
		return
	}
	d.next++
	e := d.e
	d.failures = tally(d.total, d.failures, i, en, d.index)
	var written []evaluate.WrittenStatus
	for _, s := range e.m.Statuses(i) {
		if e.noAudit {
			break
		}
		if s.Year == 0 || int(s.Year) == e.Year {
			written = append(written, evaluate.WrittenStatus{Indicator: d.inds[s.Indicator].ID, Text: e.m.StatusText(s), Cell: e.m.CellRef(s.Row, int32(s.Col))})
		}
	}
	disagreements, warnings := evaluate.AuditIn(e.lang, en.Outcomes, written)
	for _, dis := range disagreements {
		d.audit = append(d.audit, AuditEntry{Entity: en.Entity, Disagreement: dis})
	}
	for _, w := range warnings {
		d.warnings = append(d.warnings, e.lang.T("cell.issue", e.File, w))
	}
	if d.keep {
		d.kept = append(d.kept, *en)
	}
}

// finish keeps what was gathered, once every entity has passed.
func (d *digester) finish() {
	e := d.e
	if e == nil || e.digested || d.next != len(e.entities) {
		return
	}
	e.total, e.failures, e.audit = d.total, d.failures, d.audit
	e.warnings = append(e.warnings, d.warnings...)
	if d.keep && e.kept == nil {
		e.kept = d.kept
	}
	e.digested = true
}

// digest judges every entity, when no pass over them all has yet, for what
// depends on all of them.
func (e *Evaluation) digest() {
	if e.digested {
		return
	}
	j := newJudge(e)
	d := e.startDigest()
	for i := range e.entities {
		en := j.entity(i)
		d.add(i, &en)
	}
	d.finish()
}
