package book

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
	"github.com/xuri/excelize/v2"
)

// Layout of the completion sheet: eight columns like 专栏1, the header in row 2
// under the title, the charts under everything, each starting a printed page
// of its own, as wide as the table: beside the table they made the printed
// table shrink to fit both on one page wide.
const (
	completionCols = compProjection
	completionHead = 2
	// chartRowPx is the row height the rows a chart spans are counted
	// in: LibreOffice's default, 0.45 cm, is less than Excel's 15 pt (20
	// pixels), and the print area must reach the chart's foot in both.
	chartRowPx    = 17
	colPx         = 8 // pixels per unit of column width, as excelize anchors a chart
	pointsPerLine = 15.0
	// maxCharts is the most progress charts 完成情况 draws, one per
	// reporting unit: a city's 38 districts and its total.
	maxCharts       = 40
	maxIndicatorCol = 50
	maxTextCol      = 60
)

// The columns of the completion table, as report.CompletionColumns heads
// them.
const (
	compIndicator = iota + 1
	compAttribute
	compTarget
	compActual
	compTime
	compProgress
	compStatus
	compProjection
)

// The columns of a chart's data on the chart data sheet: the indicator, its
// completion progress and the time progress (the two series).
const (
	chartLabelCol = iota + 1
	chartProgressCol
	chartTimeCol
)

// chart is the data of one chart: the path indicators of one entity of
// one evaluation that have a completion progress.
type chart struct {
	title    string
	outcomes []evaluate.Outcome
	// sheet holds its data; head, first and last are the rows of the data's
	// header and values there.
	sheet             string
	head, first, last int
}

// chartLabel is an indicator's number and name, cut to fit a chart's axis.
func chartLabel(ind *plan.Indicator) string {
	name := []rune(ind.Name)
	if len(name) > 12 {
		name = append(name[:11], '…')
	}
	return strconv.Itoa(ind.Number) + "." + string(name)
}

// chartHeight is the height in pixels of a chart of n indicators, at
// most what a landscape A4 page holds under the repeated title rows at 100%
// (the rows it spans, counted as LibreOffice's, at Excel's 15 pt each).
func chartHeight(n int) int { return min(max(300, 90+n*26), 540) }

// completionSheet writes 完成情况: title, header (frozen), then for each
// evaluation a section row, per entity the grouped table and its 未报送 list,
// the audit, and a table of counts per status (one row per entity in a
// multi-entity workbook, then all); under everything the charts, each on a
// printed page of its own, their data on the hidden chart data sheet.
//
// Its first pass over the units measures details too (see detailsWriter).
func (b *summaryBook) completionSheet(name string, evals []*pipeline.Evaluation, missing []pipeline.NotEvaluated, details *detailsWriter) {
	lang := b.lang
	s := b.openSheet(name)
	s.limit[1] = maxIndicatorCol
	title := evals[0].Plan.Title + lang.T("summary.completion-of-the-main-indicators-2")
	if !samePlan(evals) {
		title = lang.T("summary.completion-of-the-main-indicators")
	}
	withPlan := !samePlan(evals)
	s.rowHeight(1, 24)
	var (
		row        int
		charts     []chart
		chartCount int
	)
	// A table of thousands of units is streamed: write runs twice (see
	// stream), and leaves row after the table and the charts to draw.
	write := func() {
		charts, chartCount = nil, 0
		measuring := s.measuring
		if measuring {
			details.s.measuring = true
			defer func() { details.s.measuring = false }()
			details.header()
		}
		s.banner(1, completionCols, 1, title, titleCell)
		for i, h := range report.CompletionColumns(lang) {
			s.text(i+1, completionHead, h, headerCell)
		}
		row = completionHead + 1
		for _, e := range evals {
			final := e.Year == e.Plan.Period.End
			s.banner(1, completionCols, row, sectionTitle(e, lang, withPlan), cellStyle{bold: true, fill: fillSection, border: true})
			row++
			// Each judges the units again on every pass rather than keep
			// the outcomes of thousands of them (see pipeline.keepOutcomes).
			var unitCounts []map[evaluate.Status]int // for countsTable
			b.check(e.Each(func(ei int, en *pipeline.EntityEvaluation) error {
				if measuring {
					details.unit(e, ei, en)
				}
				if e.Multi() {
					unitCounts = append(unitCounts, en.Counts())
					s.banner(1, completionCols, row, lang.T("report.entity-line", report.EntityLabel(en.Entity, lang)), cellStyle{bold: true, fill: fillEntity, border: true})
					row++
				}
				var path []evaluate.Outcome
				footnotes := report.Footnotes{Lang: lang}
				group := ""
				for _, o := range en.Outcomes {
					ind := o.Indicator
					if ind.Group != group {
						group = ind.Group
						s.banner(1, completionCols, row, group, cellStyle{bold: true, fill: fillGroup, border: true})
						row++
					}
					tp := o.TimeProgress
					label := report.IndicatorLabel(ind)
					s.text(compIndicator, row, label, cellStyle{border: true, wrap: textWidth(label) > maxIndicatorCol-2})
					s.text(compAttribute, row, report.AttributeLabel(ind.Attribute, lang), centerCell)
					s.text(compTarget, row, ind.PrintedTarget(), centerCell)
					s.actualValue(compActual, row, o, cellStyle{border: true, align: "right"})
					s.percentValue(compTime, row, &tp, cellStyle{border: true, align: "right"})
					s.percentValue(compProgress, row, o.Progress, cellStyle{border: true, align: "right"})
					s.text(compStatus, row, footnotes.Status(o), cellStyle{border: true, align: "center", fill: statusFill(o.Status)})
					s.text(compProjection, row, report.ProjectionLabel(o.Projection, lang), centerCell)
					row++
					if o.Judge == plan.Path && o.Progress != nil {
						path = append(path, o)
					}
				}
				if line := report.NotReportedLine(e.Plan, en.NotReported, lang); line != "" {
					s.banner(1, completionCols, row, line, cellStyle{wrap: true})
					row++
				}
				for _, note := range footnotes.Notes {
					s.banner(1, completionCols, row, note, cellStyle{wrap: true})
					row++
				}
				if len(path) > 0 {
					// past maxCharts they are only counted; the charts
					// are drawn after the measuring pass
					if chartCount++; measuring && chartCount <= maxCharts {
						cp := chart{title: lang.T("summary.progress-and-time-progress", e.Year),
							outcomes: path}
						if e.Multi() {
							cp.title += lang.T("punct.open-paren") + report.EntityLabel(en.Entity, lang) + lang.T("punct.close-paren")
						}
						charts = append(charts, cp)
					}
				}
				return nil
			}))
			labels := map[string]string{}
			for _, ind := range e.Plan.Indicators() {
				labels[ind.ID] = report.IndicatorLabel(ind)
			}
			for _, a := range e.Audit() {
				indicator := a.Indicator
				if l, ok := labels[a.Indicator]; ok {
					indicator = l
				}
				text := lang.T("summary.audit-says-computed", a.Cell, indicator, a.Written, report.StatusLabel(a.Computed, final, lang))
				if a.Entity != "" {
					text = a.Entity + lang.T("punct.colon") + text
				}
				s.banner(1, completionCols, row, text, cellStyle{wrap: true})
				row++
			}
			row++
			row = s.countsTable(row, e, final, unitCounts)
			row++
		}
		// The workbooks of the batch left out, under the tables, as the
		// terminal's table ends (说明 says it again, beside the input files).
		for _, n := range missing {
			s.banner(1, completionCols, row, lang.T("report.not-evaluated", report.FileName(n.File), notEvaluatedReason(n, lang)), cellStyle{wrap: true})
			row++
		}
		if len(missing) > 0 {
			row++
		}
		if chartCount > maxCharts {
			// A chart per unit helps a city's districts; a province's counties
			// or a district's thousands of streets and villages would get a
			// page of chart each, and excelize places each chart by walking
			// every row above it: the table says it all already.
			s.banner(1, completionCols, row, lang.T("summary.charts-left-out", chartCount, maxCharts), cellStyle{wrap: true})
			row += 2
			charts = nil
		}
	}
	s.measure(write)
	s.freeze(0, completionHead)
	if len(charts) > 0 {
		data := b.chartDataSheet()
		dataRow := 1
		for i := range charts {
			dataRow = data.chartData(dataRow, &charts[i])
		}
		data.finish()
		data.flush()
		// No page setup: it is hidden, and LibreOffice prints a hidden
		// sheet that has a print area.
	}
	// The charts go in once the rows and columns have their sizes: a chart's
	// anchor spans the cells its size covers when it is added.
	s.finish()
	tableWidth := 0
	for c := 1; c <= completionCols; c++ {
		wd, ok := s.widths[c]
		if !ok {
			wd = 9 // excelize's default column width
		}
		tableWidth += int(wd*colPx + 0.5)
	}
	for i := range charts {
		// A chart cut by a page break prints as two halves.
		s.b.check(s.b.f.InsertPageBreak(name, cellName(1, row)))
		height := chartHeight(len(charts[i].outcomes))
		s.addChart(&charts[i], row, tableWidth, height)
		row += (height+chartRowPx-1)/chartRowPx + 1
	}
	// The title and header repeat on every page.
	s.print(s.wide(), completionHead, row-1)
	s.stream(write)
}

// chartDataSheet adds the hidden sheet that holds the charts' data.
func (b *summaryBook) chartDataSheet() *sheetWriter {
	b.newSheet(b.names.chartData)
	// Hidden, so that it does not print; Excel and LibreOffice plot the
	// data of a hidden sheet (only hidden rows and columns of a shown sheet
	// are left out of a chart). Now: SetSheetVisible reads every sheet,
	// which must not be streamed yet.
	b.check(b.f.SetSheetVisible(b.names.chartData, false))
	s := b.openSheet(b.names.chartData)
	s.limit[1] = maxIndicatorCol
	return s
}

// countsTable writes the counts per status of an evaluation from row on:
// a header of the status labels in their fills, one row per entity in a
// multi-entity workbook (unitCounts are theirs, in order), and the row for
// all. It returns the next free row.
func (s *sheetWriter) countsTable(row int, e *pipeline.Evaluation, final bool, unitCounts []map[evaluate.Status]int) int {
	lang := s.b.lang
	statuses := report.CountedStatuses(e.Counts(), final)
	s.text(1, row, lang.T("summary.summary"), headerCell)
	for i, st := range statuses {
		s.text(2+i, row, report.StatusLabel(st, final, lang), cellStyle{border: true, bold: true, align: "center", fill: statusFill(st)})
	}
	s.text(2+len(statuses), row, lang.T("summary.total"), headerCell)
	row++
	line := func(label string, counts map[evaluate.Status]int) {
		s.text(1, row, label, plainCell)
		total := 0
		for i, st := range statuses {
			s.number(2+i, row, float64(counts[st]), strconv.Itoa(counts[st]), centerCell)
			total += counts[st]
		}
		s.number(2+len(statuses), row, float64(total), strconv.Itoa(total), cellStyle{border: true, align: "center", bold: true})
		row++
	}
	if e.Multi() {
		entities := e.Entities()
		for i, counts := range unitCounts {
			line(report.EntityLabel(entities[i], lang), counts)
		}
		line(lang.T("summary.all"), e.Counts())
	} else {
		line(lang.T("summary.all-indicators"), e.Counts())
	}
	return row
}

// chartData writes the data of one chart from row on: a title row, a header,
// one row per indicator. It returns the next free row.
func (s *sheetWriter) chartData(row int, cp *chart) int {
	lang := s.b.lang
	s.banner(chartLabelCol, chartTimeCol, row, lang.T("summary.chart-data-2")+cp.title, cellStyle{bold: true})
	row++
	cp.sheet = s.name
	cp.head = row
	s.text(chartLabelCol, row, lang.T("col.indicator"), headerCell)
	s.text(chartProgressCol, row, lang.T("col.progress"), headerCell)
	s.text(chartTimeCol, row, lang.T("col.time"), headerCell)
	row++
	cp.first = row
	for _, o := range cp.outcomes {
		tp := o.TimeProgress
		s.text(chartLabelCol, row, chartLabel(o.Indicator), plainCell)
		s.percentValue(chartProgressCol, row, o.Progress, plainCell)
		s.percentValue(chartTimeCol, row, &tp, plainCell)
		row++
	}
	cp.last = row - 1
	return row + 1
}

// addChart adds the bar chart of completion progress and time progress of cp
// at row, width by height pixels.
func (s *sheetWriter) addChart(cp *chart, row, width, height int) {
	if s.b.err != nil {
		return
	}
	if !slices.Contains(s.b.drawn, s.name) {
		s.b.drawn = append(s.b.drawn, s.name)
	}
	head, first, last := cp.head, cp.first, cp.last
	ref := func(col, from, to int) string {
		if from == to {
			return fmt.Sprintf("'%s'!$%s$%d", cp.sheet, colName(col), from)
		}
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", cp.sheet, colName(col), from, colName(col), to)
	}
	zero, gap, noVary := 0.0, uint(60), false
	axisFont := excelize.Font{Color: "404040", Size: 9}
	solid := func(colour string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}
	}
	s.b.check(s.b.f.AddChart(s.name, cellName(1, row), &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{
			{Name: ref(chartProgressCol, head, head), Categories: ref(chartLabelCol, first, last), Values: ref(chartProgressCol, first, last), Fill: solid(seriesProgress)},
			{Name: ref(chartTimeCol, head, head), Categories: ref(chartLabelCol, first, last), Values: ref(chartTimeCol, first, last), Fill: solid(seriesTime)},
		},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: cp.title, Font: &excelize.Font{Bold: true, Size: 12}}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, Font: axisFont},
		Dimension:  excelize.ChartDimension{Width: uint(width), Height: uint(height)},
		GapWidth:   &gap,
		VaryColors: &noVary,
	}))
}
