package book

import (
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// detailColumn is a column of 明细. Each is named once, with its heading and,
// for a text column that wraps, its fixed width; positions come from the
// list detailColumns gives, never from arithmetic.
type detailColumn int

const (
	detFile detailColumn = iota
	detYear
	detEntity
	detID
	detIndicator
	detGroup
	detAttribute
	detJudge
	detBaseline
	detPrinted
	detTarget
	detActual
	detRequired
	detProgress
	detTime
	detRatio
	detStatus
	detReason
	detProjected
	detProjection
	detMethod
	detCells
)

// detailHeadings are the columns' headings.
var detailHeadings = map[detailColumn]msg.Key{
	detFile: "summary.file", detYear: "summary.year", detEntity: "col.entity",
	detID: "col.id", detIndicator: "col.indicator", detGroup: "summary.group",
	detAttribute: "col.attribute", detJudge: "summary.judged-as", detBaseline: "summary.baseline",
	detPrinted: "col.target", detTarget: "summary.target-value", detActual: "col.actual",
	detRequired: "summary.required-by-now", detProgress: "col.progress", detTime: "summary.time-progress",
	detRatio: "summary.ratio", detStatus: "col.status", detReason: "summary.reason",
	detProjected: "summary.projected-value", detProjection: "col.projection", detMethod: "summary.projection-method",
	detCells: "summary.cells",
}

// detailWidths are the widths of 明细's text columns, which wrap: with the
// number columns fitted to their values, the sheet is about 220 characters
// wide and prints one landscape A4 page wide at two thirds of its size.
var detailWidths = map[detailColumn]int{
	detFile: 14, detEntity: 14, detID: 16, detIndicator: 24, detGroup: 12,
	detReason: 30, detProjection: 10, detMethod: 18, detCells: 16,
}

// detailColumns are the columns of 明细 in order; file, year and entity only
// where they tell rows apart. keys is how many identify a row (they stay in
// view): those up to and including 指标.
func detailColumns(several, multi bool) (cols []detailColumn, keys int) {
	if several {
		cols = append(cols, detFile, detYear)
	}
	if multi {
		cols = append(cols, detEntity)
	}
	cols = append(cols, detID, detIndicator)
	keys = len(cols)
	for c := detGroup; c <= detCells; c++ {
		cols = append(cols, c)
	}
	return cols, keys
}

func anyMulti(evals []*pipeline.Evaluation) bool {
	for _, e := range evals {
		if e.Multi() {
			return true
		}
	}
	return false
}

// detailsWriter writes 明细: one row per indicator, entity and evaluation
// with every number behind its status, the header and the identifying
// columns frozen and a filter on every column. It is written a unit at a
// time (see sheetWriter.stream): measured during completionSheet's first
// pass over the units, so that the units are judged once less, then
// streamed by write.
type detailsWriter struct {
	s     *sheetWriter
	evals []*pipeline.Evaluation
	cols  []detailColumn
	// keyCols are the columns that identify a row (they stay in view).
	keyCols int
	// at is each column's position, 1-based.
	at map[detailColumn]int
	// row is the next row to write.
	row int
}

func (b *summaryBook) openDetails(name string, evals []*pipeline.Evaluation) *detailsWriter {
	s := b.openSheet(name)
	// Measured without making styles: its styles are made when it is
	// streamed, after the other sheets' (styles are numbered in order of
	// first use).
	s.measureUnstyled = true
	d := &detailsWriter{s: s, evals: evals, at: map[detailColumn]int{}}
	d.cols, d.keyCols = detailColumns(len(evals) > 1, anyMulti(evals))
	for i, c := range d.cols {
		d.at[c] = i + 1
		if w, ok := detailWidths[c]; ok {
			s.limit[i+1] = w
		}
	}
	return d
}

// header writes the header row. Printed one page wide, the columns need to
// be narrow: the headers wrap (numbers, not headers, set a number column's
// width), and the text columns wrap at the fixed widths of detailWidths.
func (d *detailsWriter) header() {
	wrappedHeader := headerCell
	wrappedHeader.wrap = true
	for i, c := range d.cols {
		d.s.text(i+1, 1, d.s.b.lang.T(detailHeadings[c]), wrappedHeader)
	}
	d.row = 2
}

// unit writes the rows of the ei-th unit of e.
func (d *detailsWriter) unit(e *pipeline.Evaluation, ei int, en *pipeline.EntityEvaluation) {
	s, at, lang := d.s, d.at, d.s.b.lang
	wrapped := cellStyle{border: true, wrap: true}
	none := func(c detailColumn, row int, cs cellStyle) {
		cs.align = "center"
		s.text(at[c], row, "—", cs)
	}
	for _, o := range en.Outcomes {
		row := d.row
		ind := o.Indicator
		if c, ok := at[detFile]; ok {
			s.text(c, row, unitFile(e, ei), wrapped)
			s.number(at[detYear], row, float64(e.Year), strconv.Itoa(e.Year), centerCell)
		}
		if c, ok := at[detEntity]; ok {
			entity := en.Entity
			if e.Multi() {
				entity = report.EntityLabel(entity, lang) // 合计 for the total's rows
			}
			s.text(c, row, entity, wrapped)
		}
		tp := o.TimeProgress
		s.text(at[detID], row, ind.ID, wrapped)
		s.text(at[detIndicator], row, report.IndicatorLabel(ind), wrapped)
		s.text(at[detGroup], row, ind.Group, wrapped)
		s.text(at[detAttribute], row, report.AttributeLabel(ind.Attribute, lang), centerCell)
		s.text(at[detJudge], row, report.JudgeLabel(o.Judge, lang), centerCell)
		s.indicatorValue(at[detBaseline], row, o.Baseline, ind, ind.Baseline.IsCumulative(), plainCell)
		s.text(at[detPrinted], row, ind.PrintedTarget(), centerCell)
		s.indicatorValue(at[detTarget], row, o.Target, ind, false, plainCell)
		s.actualValue(at[detActual], row, o, plainCell)
		s.indicatorValue(at[detRequired], row, o.Required, ind, ind.Target.IsCumulative(), plainCell)
		s.percentValue(at[detProgress], row, o.Progress, plainCell)
		s.percentValue(at[detTime], row, &tp, plainCell)
		if o.Ratio != nil {
			s.number(at[detRatio], row, *o.Ratio, strconv.FormatFloat(*o.Ratio, 'f', 3, 64), cellStyle{border: true, numFmt: "0.000"})
		} else {
			none(detRatio, row, plainCell)
		}
		s.status(at[detStatus], row, o, lang)
		s.text(at[detReason], row, o.Reason, wrapped)
		if p := o.Projection; p != nil {
			v := p.Value
			s.indicatorValue(at[detProjected], row, &v, ind, ind.Target.IsCumulative(), plainCell)
			s.text(at[detProjection], row, report.ProjectionLabel(p, lang), cellStyle{border: true, align: "center", wrap: true, fill: projectionFill(p)})
			s.text(at[detMethod], row, p.Method, wrapped)
		} else {
			none(detProjected, row, plainCell)
			none(detProjection, row, wrapped)
			none(detMethod, row, wrapped)
		}
		s.text(at[detCells], row, strings.Join(o.Cells, " "), wrapped)
		d.row++
	}
}

// write writes the sheet once measured: its settings, then its rows,
// streamed (the units judged again, see completionSheet).
func (d *detailsWriter) write() {
	s, b := d.s, d.s.b
	rows := s.lastRow
	s.freeze(d.keyCols, 1)
	if rows > 1 && b.err == nil {
		b.check(b.f.AutoFilter(s.name, "A1:"+cellName(len(d.cols), rows), nil))
	}
	s.finish()
	s.print(true, 1, 0)
	s.stream(func() {
		d.header()
		for _, e := range d.evals {
			b.check(e.Each(func(ei int, en *pipeline.EntityEvaluation) error {
				d.unit(e, ei, en)
				return nil
			}))
		}
	})
}
