// Package assess joins the steps of an evaluation: a workbook's values, as
// pkg/actuals matched them to a plan, are judged per reporting unit by
// pkg/evaluate, audited against the workbook's 完成情况 column, and gathered into
// the report.Evaluation every writer takes. It does no I/O.
package assess

import (
	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// Workbook judges every entity of a matched workbook for the year. The
// evaluation's File and SHA256 are left for the caller. Warnings are the
// reader's and the audit's, one line each, naming the file.
func Workbook(m *actuals.Result, year int) (*report.Evaluation, error) {
	p := m.Plan
	e := &report.Evaluation{Plan: p, Year: year, TimeProgress: evaluate.TimeProgress(p.Period, year)}
	for _, w := range m.Warnings {
		e.Warnings = append(e.Warnings, m.File+": "+w.String())
	}
	// Index values and statuses by entity once: a city workbook has many.
	values := map[string][]actuals.Value{}
	for _, v := range m.Values {
		values[v.Entity] = append(values[v.Entity], v)
	}
	statuses := map[string][]actuals.Status{}
	for _, s := range m.Statuses {
		statuses[s.Entity] = append(statuses[s.Entity], s)
	}
	for _, entity := range m.Entities {
		in := evaluate.Input{Plan: p, Year: year, Entity: entity, Values: map[string][]evaluate.Observation{}}
		for id := range m.Reported[entity] {
			in.Values[id] = nil // reported: an outcome even without values (无数据)
		}
		for _, v := range values[entity] {
			in.Values[v.Indicator] = append(in.Values[v.Indicator], Observation(v))
		}
		outcomes, err := evaluate.Evaluate(in)
		if err != nil {
			return nil, err
		}
		ee := report.EntityEvaluation{Entity: entity, Outcomes: outcomes}
		for _, ind := range p.Indicators() {
			if !m.Reported[entity][ind.ID] {
				ee.NotReported = append(ee.NotReported, ind)
			}
		}
		e.Entities = append(e.Entities, ee)

		var written []evaluate.WrittenStatus
		for _, s := range statuses[entity] {
			if s.Year == 0 || s.Year == year {
				written = append(written, evaluate.WrittenStatus{Indicator: s.Indicator, Text: s.Text, Cell: s.Cell})
			}
		}
		disagreements, warnings := evaluate.Audit(outcomes, written)
		for _, d := range disagreements {
			e.Audit = append(e.Audit, report.AuditEntry{Entity: entity, Disagreement: d})
		}
		for _, w := range warnings {
			e.Warnings = append(e.Warnings, m.File+": "+w)
		}
	}
	return e, nil
}

// Observation is a value read from a workbook as evaluate takes it.
func Observation(v actuals.Value) evaluate.Observation {
	o := evaluate.Observation{Year: v.Year, Number: v.Number, Parts: v.Parts, Text: v.Text, Cell: v.Cell}
	switch v.Kind {
	case actuals.Amount:
		o.Kind = evaluate.Amount
	case actuals.Total:
		o.Kind = evaluate.Total
	case actuals.Parts:
		o.Kind = evaluate.Parts
	default:
		o.Kind = evaluate.None
	}
	return o
}
