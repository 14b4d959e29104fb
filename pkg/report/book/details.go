package book

import (
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// detailColumnNames are the columns of 明细; file, year and entity only where they
// tell rows apart.
func detailColumnNames(lang Lang, several, multi bool) []string {
	var cols []string
	if several {
		cols = append(cols, lang.T("summary.file"), lang.T("summary.year"))
	}
	if multi {
		cols = append(cols, lang.T("col.entity"))
	}
	return append(cols, lang.T("col.id"), lang.T("col.indicator"), lang.T("summary.group"),
		lang.T("col.attribute"), lang.T("summary.judged-as"), lang.T("summary.baseline"),
		lang.T("col.target"), lang.T("summary.target-value"), lang.T("col.actual"),
		lang.T("summary.required-by-now"), lang.T("col.progress"), lang.T("summary.time-progress"),
		lang.T("summary.ratio"), lang.T("col.status"), lang.T("summary.reason"),
		lang.T("summary.projected-value"), lang.T("col.projection"), lang.T("summary.projection-method"),
		lang.T("summary.cells"))
}

func anyMulti(evals []*pipeline.Evaluation) bool {
	for _, e := range evals {
		if e.Multi() {
			return true
		}
	}
	return false
}

// detailsSheet writes 明细: one row per indicator, entity and evaluation with
// every number behind its status, the header and the identifying columns
// frozen and a filter on every column.
func (b *summaryBook) detailsSheet(name string, evals []*pipeline.Evaluation) {
	lang := b.lang
	s := b.openSheet(name)
	several, multi := len(evals) > 1, anyMulti(evals)
	header := detailColumnNames(lang, several, multi)
	// Printed one page wide, nineteen columns need narrow ones: the headers
	// wrap (numbers, not headers, set a number column's width), and the text
	// columns wrap at the fixed widths of detailWidths.
	wrappedHeader := headerCell
	wrappedHeader.wrap = true
	for i, h := range header {
		s.text(i+1, 1, h, wrappedHeader)
	}
	keyCols := 2 // 编号, 指标
	if several {
		keyCols += 2
	}
	if multi {
		keyCols++
	}
	first := keyCols - 1 // 编号
	if several {
		s.limit[1] = detailWidths.file
	}
	if multi {
		s.limit[first-1] = detailWidths.entity
	}
	for offset, width := range map[int]int{0: detailWidths.id, 1: detailWidths.indicator, 2: detailWidths.group,
		14: detailWidths.reason, 16: detailWidths.projection, 17: detailWidths.method, 18: detailWidths.cells} {
		s.limit[first+offset] = width
	}
	wrapped := cellStyle{border: true, wrap: true}
	row := 2
	for _, e := range evals {
		for _, en := range e.All() {
			for _, o := range en.Outcomes {
				ind := o.Indicator
				c := 1
				if several {
					s.text(c, row, fileName(e.File), wrapped)
					s.number(c+1, row, float64(e.Year), strconv.Itoa(e.Year), centerCell)
					c += 2
				}
				if multi {
					s.text(c, row, en.Entity, wrapped)
					c++
				}
				tp := o.TimeProgress
				s.text(c, row, ind.ID, wrapped)
				s.text(c+1, row, report.IndicatorLabel(ind), wrapped)
				s.text(c+2, row, ind.Group, wrapped)
				s.text(c+3, row, report.AttributeLabel(ind.Attribute, lang), centerCell)
				s.text(c+4, row, report.JudgeLabel(o.Judge, lang), centerCell)
				s.indicatorValue(c+5, row, o.Baseline, ind, ind.Baseline.IsCumulative(), plainCell)
				s.text(c+6, row, ind.PrintedTarget(), centerCell)
				s.indicatorValue(c+7, row, o.Target, ind, false, plainCell)
				s.actualValue(c+8, row, o, plainCell)
				s.indicatorValue(c+9, row, o.Required, ind, ind.Target.IsCumulative(), plainCell)
				s.percentValue(c+10, row, o.Progress, plainCell)
				s.percentValue(c+11, row, &tp, plainCell)
				if o.Ratio != nil {
					s.number(c+12, row, *o.Ratio, strconv.FormatFloat(*o.Ratio, 'f', 3, 64), cellStyle{border: true, numFmt: "0.000"})
				} else {
					s.text(c+12, row, "—", centerCell)
				}
				s.status(c+13, row, o, lang)
				s.text(c+14, row, o.Reason, wrapped)
				if p := o.Projection; p != nil {
					v := p.Value
					s.indicatorValue(c+15, row, &v, ind, ind.Target.IsCumulative(), plainCell)
					s.text(c+16, row, report.ProjectionLabel(p, lang), cellStyle{border: true, align: "center", wrap: true, fill: projectionFill(p)})
					s.text(c+17, row, p.Method, wrapped)
				} else {
					s.text(c+15, row, "—", centerCell)
					for k := 16; k <= 17; k++ {
						s.text(c+k, row, "—", cellStyle{border: true, align: "center", wrap: true})
					}
				}
				s.text(c+18, row, strings.Join(o.Cells, " "), wrapped)
				row++
			}
		}
	}
	s.freeze(keyCols, 1)
	if row > 2 && b.err == nil {
		b.check(b.f.AutoFilter(name, "A1:"+cellName(len(header), row-1), nil))
	}
	s.finish()
	s.print(true, 1, 0)
}

// detailWidths are the widths of 明细's text columns, which wrap: with
// the number columns fitted to their values, the sheet is about 220
// characters wide and prints one landscape A4 page wide at two thirds of its
// size.
var detailWidths = struct {
	file, entity, id, indicator, group, reason, projection, method, cells int
}{file: 14, entity: 14, id: 16, indicator: 24, group: 12, reason: 30, projection: 10, method: 18, cells: 16}

func projectionFill(p *evaluate.Projection) string {
	if p.Status == evaluate.WillMeet {
		return fillOnPath
	}
	return fillLagging
}
