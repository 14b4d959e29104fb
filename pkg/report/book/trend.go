package book

import (
	"sort"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// trendSheet writes 趋势: one row per indicator (and entity), two columns per
// evaluation in the order given: its actual and its status.
func (b *summaryBook) trendSheet(name string, evals []*pipeline.Evaluation) {
	lang := b.lang
	s := b.openSheet(name)
	multi := anyMulti(evals)
	type key struct{ entity, plan, id string }
	type rowData struct {
		ind      *plan.Indicator
		entity   string
		outcomes map[int]evaluate.Outcome // by evaluation index
	}
	rows := map[key]*rowData{}
	entityOrder, planOrder := map[string]int{}, map[string]int{}
	hasEntity := make([]map[string]bool, len(evals)) // the entities of each evaluation
	for i, e := range evals {
		hasEntity[i] = map[string]bool{}
		if _, ok := planOrder[e.Plan.ID]; !ok {
			planOrder[e.Plan.ID] = len(planOrder)
		}
		for _, en := range e.All() {
			hasEntity[i][en.Entity] = true
			if _, ok := entityOrder[en.Entity]; !ok {
				entityOrder[en.Entity] = len(entityOrder)
			}
			for _, o := range en.Outcomes {
				k := key{en.Entity, e.Plan.ID, o.Indicator.ID}
				if rows[k] == nil {
					rows[k] = &rowData{ind: o.Indicator, entity: en.Entity, outcomes: map[int]evaluate.Outcome{}}
				}
				rows[k].outcomes[i] = o
			}
		}
	}
	keys := make([]key, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if entityOrder[a.entity] != entityOrder[b.entity] {
			return entityOrder[a.entity] < entityOrder[b.entity]
		}
		if planOrder[a.plan] != planOrder[b.plan] {
			return planOrder[a.plan] < planOrder[b.plan]
		}
		return rows[a].ind.Number < rows[b].ind.Number
	})

	sameFile, sameYear := true, true
	for _, e := range evals[1:] {
		sameFile = sameFile && e.File == evals[0].File
		sameYear = sameYear && e.Year == evals[0].Year
	}
	label := func(e *pipeline.Evaluation) string {
		year := report.YearLabel(e.Year, lang)
		switch {
		case sameFile:
			return year
		case sameYear:
			return report.FileLabel(e)
		}
		return report.FileLabel(e) + " · " + year
	}

	c := 1
	if multi {
		s.text(c, 1, lang.T("col.entity"), headerCell)
		s.styleCell(c, 2, headerCell) // covered by the merge: a style, no value
		s.merge(cellName(c, 1), cellName(c, 2))
		c++
	}
	s.limit[c] = maxIndicatorCol
	for _, h := range []string{lang.T("col.indicator"), lang.T("col.attribute"), lang.T("col.target")} {
		s.text(c, 1, h, headerCell)
		s.styleCell(c, 2, headerCell) // covered by the merge: a style, no value
		s.merge(cellName(c, 1), cellName(c, 2))
		c++
	}
	keyCols := c - 1
	// Each evaluation has two columns after the key columns: its actual,
	// then its status.
	actualCol := func(i int) int { return keyCols + 1 + 2*i }
	for i, e := range evals {
		col := actualCol(i)
		s.banner(col, col+1, 1, label(e), headerCell)
		s.text(col, 2, lang.T("col.actual"), headerCell)
		s.text(col+1, 2, lang.T("col.status"), headerCell)
	}
	row := 3
	for _, k := range keys {
		rd := rows[k]
		c := 1
		if multi {
			s.text(c, row, rd.entity, plainCell)
			c++
		}
		s.text(c, row, report.IndicatorLabel(rd.ind), cellStyle{border: true, wrap: textWidth(report.IndicatorLabel(rd.ind)) > maxIndicatorCol-2})
		s.text(c+1, row, report.AttributeLabel(rd.ind.Attribute, lang), centerCell)
		s.text(c+2, row, rd.ind.PrintedTarget(), centerCell)
		for i := range evals {
			col := actualCol(i)
			o, ok := rd.outcomes[i]
			if !ok {
				// the entity has no row for the indicator in this file, or
				// the file has no such entity at all
				s.styleCell(col, row, plainCell)
				if hasEntity[i][rd.entity] {
					s.text(col+1, row, lang.T("summary.not-reported-2"), centerCell)
				} else {
					s.styleCell(col+1, row, plainCell)
				}
				continue
			}
			s.actualValue(col, row, o, cellStyle{border: true, align: "right"})
			s.status(col+1, row, o, lang)
		}
		row++
	}
	s.freeze(keyCols, 2)
	s.finish()
	s.print(s.wide(), 2, 0)
	s.flush()
}
