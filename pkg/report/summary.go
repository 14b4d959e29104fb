package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// Colours of the summary workbook. Status fills follow a traffic light: green
// for achieved, light green for ahead and on track, amber for lagging, red for
// not achieved, grey for no data.
const (
	sumFillAchieved    = "A9D08E"
	sumFillOnPath      = "E2EFDA"
	sumFillLagging     = "FFD966"
	sumFillNotAchieved = "FF7C80"
	sumFillNoData      = "D9D9D9"
	sumFillHeader      = "DDEBF7"
	sumFillSection     = "BDD7EE"
	sumFillEntity      = "D9E1F2"
	sumFillGroup       = "F2F2F2"
	sumBorderColour    = "BFBFBF"
	sumSeriesProgress  = "4472C4"
	sumSeriesTime      = "A5A5A5"
)

// summaryStatusFill is the fill of a status cell.
func summaryStatusFill(s evaluate.Status) string {
	switch s {
	case evaluate.Achieved:
		return sumFillAchieved
	case evaluate.Ahead, evaluate.OnTrack:
		return sumFillOnPath
	case evaluate.Lagging:
		return sumFillLagging
	case evaluate.NotAchieved:
		return sumFillNotAchieved
	}
	return sumFillNoData
}

// summaryTimestamp is the creation and modification time of every summary
// workbook: the same inputs must give the same bytes (spec §6), so no clock is
// read. It is excelize's own fixed default, written explicitly so that an
// upgrade of excelize cannot change it.
const summaryTimestamp = "2006-09-16T00:00:00Z"

// Layout of the completion sheet: eight columns like 专栏1, the header in row 2
// under the title, the charts under everything, each starting a printed page
// of its own, as wide as the table: beside the table they made the printed
// table shrink to fit both on one page wide.
const (
	sumCompletionCols = 8
	sumCompletionHead = 2
	// sumChartRowPx is the row height the rows a chart spans are counted
	// in: LibreOffice's default, 0.45 cm, is less than Excel's 15 pt (20
	// pixels), and the print area must reach the chart's foot in both.
	sumChartRowPx      = 17
	sumColPx           = 8 // pixels per unit of column width, as excelize anchors a chart
	sumPointsPerLine   = 15.0
	sumMaxIndicatorCol = 50
	sumMaxTextCol      = 60
)

// summarySheetLabels are the sheet names in one language.
type summarySheetLabels struct{ completion, details, trend, about, chartData string }

func summarySheetNames(lang Lang) summarySheetLabels {
	return summarySheetLabels{
		completion: lang.T("summary.completion"),
		details:    lang.T("summary.details"),
		trend:      lang.T("summary.trend"),
		about:      lang.T("summary.about"),
		chartData:  lang.T("summary.chart-data"),
	}
}

// WriteSummary writes the year-end summary workbook of one or more evaluations
// (spec §5, -o x.xlsx): the completion table grouped like 专栏1 with status
// fills, the 未报送 list and the counts, and a chart of completion progress
// against time progress (完成情况); every number behind each status (明细); with
// several evaluations, each indicator's statuses and values side by side (趋势);
// and where the numbers came from: plan, files and their SHA-256, thresholds,
// version (说明). Text from the inputs is always stored as text, never as a
// formula, and the same evaluations give the same bytes.
func WriteSummary(w io.Writer, evals []*pipeline.Evaluation, lang Lang, version string) error {
	if len(evals) == 0 {
		return fmt.Errorf("summary: no evaluation to write")
	}
	for i, e := range evals {
		if e == nil || e.Plan == nil {
			return fmt.Errorf("summary: evaluation %d has no plan", i+1)
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	names := summarySheetNames(lang)
	b := &summaryBook{f: f, lang: lang, styles: map[summaryStyle]int{}, names: names, plans: summaryPlanRefs(evals)}
	b.check(f.SetSheetName(f.GetSheetName(0), names.completion))
	b.newSheet(names.details)
	if len(evals) > 1 {
		b.newSheet(names.trend)
	}
	b.newSheet(names.about)
	if b.err != nil {
		return b.err
	}

	b.completionSheet(names.completion, evals)
	b.detailsSheet(names.details, evals)
	if len(evals) > 1 {
		b.trendSheet(names.trend, evals)
	}
	b.aboutSheet(names.about, evals, version)
	if b.hasChartData {
		// Hidden, so that it does not print; Excel and LibreOffice plot the
		// data of a hidden sheet (only hidden rows and columns of a shown
		// sheet are left out of a chart).
		b.check(f.SetSheetVisible(names.chartData, false))
	}
	b.check(f.SetDocProps(&excelize.DocProperties{
		Creator:        "plancheck",
		LastModifiedBy: "plancheck",
		Title:          lang.T("summary.completion-of-the-main-indicators"),
		Subject:        evals[0].Plan.Ref(),
		Created:        summaryTimestamp,
		Modified:       summaryTimestamp,
	}))
	f.SetActiveSheet(0)
	if b.err != nil {
		return b.err
	}
	return SaveWorkbook(f, w)
}

// summaryBook writes one summary workbook; the first error stops everything after it.
type summaryBook struct {
	f      *excelize.File
	lang   Lang
	styles map[summaryStyle]int
	names  summarySheetLabels
	// plans names the plans and versions in every page's footer.
	plans string
	// hasChartData is set once the chart data sheet exists.
	hasChartData bool
	err          error
}

// summaryPlanRefs are the distinct plan references of the evaluations, in
// order: "jlp-hrss-14th@1".
func summaryPlanRefs(evals []*pipeline.Evaluation) string {
	var refs []string
	seen := map[string]bool{}
	for _, e := range evals {
		if ref := e.Plan.Ref(); !seen[ref] {
			seen[ref] = true
			refs = append(refs, ref)
		}
	}
	return strings.Join(refs, ", ")
}

// summaryFileName is the name of an input file without its folder, whether
// the path was given the Unix or the Windows way: a summary is handed on,
// and the folders of the machine it was made on are nobody else's business.
func summaryFileName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 && i < len(path)-1 {
		return path[i+1:]
	}
	return path
}

func (b *summaryBook) check(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *summaryBook) newSheet(name string) {
	if b.err != nil {
		return
	}
	_, err := b.f.NewSheet(name)
	b.check(err)
}

// summaryStyle is what a cell looks like; each distinct one becomes one excelize
// style, created in the order first used (so the style ids are deterministic).
type summaryStyle struct {
	numFmt string // "" is General
	fill   string
	bold   bool
	wrap   bool
	border bool
	align  string // horizontal alignment; "" is the type's default
	size   float64
}

func (b *summaryBook) style(cs summaryStyle) int {
	if id, ok := b.styles[cs]; ok {
		return id
	}
	st := &excelize.Style{
		Alignment: &excelize.Alignment{Horizontal: cs.align, Vertical: "center", WrapText: cs.wrap},
	}
	if cs.numFmt != "" {
		code := cs.numFmt
		st.CustomNumFmt = &code
	}
	if cs.fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{cs.fill}}
	}
	if cs.bold || cs.size != 0 {
		// name and size in full: a font without them is the application's
		// fallback (a serif one in LibreOffice), not the workbook's Calibri 11
		size := cs.size
		if size == 0 {
			size = 11
		}
		st.Font = &excelize.Font{Bold: cs.bold, Size: size, Family: "Calibri"}
	}
	if cs.border {
		for _, side := range []string{"left", "right", "top", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: sumBorderColour, Style: 1})
		}
	}
	id, err := b.f.NewStyle(st)
	b.check(err)
	b.styles[cs] = id
	return id
}

// summarySheet writes the cells of one worksheet and fits its columns to the display
// width of what they hold.
type summarySheet struct {
	b    *summaryBook
	name string
	// lastCol and lastRow are the extent of the cells written, for the
	// print area.
	lastCol, lastRow int
	// widths are the column widths set by finish.
	widths map[int]float64
	// fit is the widest display width of each column's fitted cells.
	fit map[int]int
	// limit caps a column's width; wider text wraps.
	limit map[int]int
	// wrapped are the cells whose text may wrap: their rows get the height
	// of their lines once the widths are known.
	wrapped []summaryWrapped
}

type summaryWrapped struct {
	row, col, lastCol int
	text              string
}

func (b *summaryBook) sheet(name string) *summarySheet {
	return &summarySheet{b: b, name: name, fit: map[int]int{}, limit: map[int]int{}, widths: map[int]float64{}}
}

func summaryCell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func summaryCol(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// summaryTextWidth is the width of s in columns of a fixed-width font: a Chinese
// (East-Asian wide or full-width) character counts two, everything else one
// (East-Asian ambiguous characters such as — count one). For text of several
// lines, the widest line.
func summaryTextWidth(s string) int {
	widest := 0
	for _, line := range strings.Split(s, "\n") {
		n := 0
		for _, r := range line {
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
		widest = max(widest, n)
	}
	return widest
}

// summaryWrapLines is how many lines a spreadsheet wraps one line of text
// into at the given width, breaking as they do: between Chinese characters,
// and after a space or a hyphen in other text; a word wider than the line is
// cut where it must. Counting characters alone undercounts a wrapped
// sentence by a line now and then, and its last line then does not print.
func summaryWrapLines(text string, avail int) int {
	var words []string // each with its trailing space or hyphen
	start := 0
	for i, r := range text {
		wide := summaryTextWidth(string(r)) == 2
		switch {
		case wide:
			if i > start {
				words = append(words, text[start:i])
			}
			words = append(words, string(r))
			start = i + len(string(r))
		case r == ' ' || r == '-':
			words = append(words, text[start:i+1])
			start = i + 1
		}
	}
	if start < len(text) {
		words = append(words, text[start:])
	}
	lines, used := 1, 0
	for _, w := range words {
		wd := summaryTextWidth(w)
		shown := summaryTextWidth(strings.TrimRight(w, " ")) // a space at a line's end takes no room
		switch {
		case used+shown <= avail:
			used += wd
		case shown > avail: // cut where it must, from a line of its own
			if used > 0 {
				lines++
			}
			lines += (shown - 1) / avail
			used = wd - (shown-1)/avail*avail
		default:
			lines++
			used = wd
		}
	}
	return lines
}

func (s *summarySheet) styleCell(col, row int, cs summaryStyle) {
	if s.b.err != nil {
		return
	}
	ref := summaryCell(col, row)
	s.b.check(s.b.f.SetCellStyle(s.name, ref, ref, s.b.style(cs)))
	s.lastCol, s.lastRow = max(s.lastCol, col), max(s.lastRow, row)
}

func (s *summarySheet) fitWidth(col int, text string) {
	s.fit[col] = max(s.fit[col], summaryTextWidth(text))
}

// text writes a string cell. SetCellStr always stores text (a shared string),
// so a value from an input that starts with =, +, - or @ stays text: it never
// becomes a formula.
func (s *summarySheet) text(col, row int, v string, cs summaryStyle) {
	if s.b.err != nil {
		return
	}
	s.b.check(s.b.f.SetCellStr(s.name, summaryCell(col, row), v))
	s.styleCell(col, row, cs)
	if cs.wrap {
		s.wrapped = append(s.wrapped, summaryWrapped{row: row, col: col, lastCol: col, text: v})
	} else {
		s.fitWidth(col, v)
	}
}

// number writes a number cell; shown is the text it displays, for the width.
func (s *summarySheet) number(col, row int, v float64, shown string, cs summaryStyle) {
	if s.b.err != nil {
		return
	}
	s.b.check(s.b.f.SetCellFloat(s.name, summaryCell(col, row), v, -1, 64))
	s.styleCell(col, row, cs)
	s.fitWidth(col, shown)
}

// banner writes a string across columns col..lastCol (merged); it does not
// widen the columns and wraps when wrap is set.
func (s *summarySheet) banner(col, lastCol, row int, v string, cs summaryStyle) {
	if s.b.err != nil {
		return
	}
	s.b.check(s.b.f.SetCellStr(s.name, summaryCell(col, row), v))
	for c := col; c <= lastCol; c++ {
		s.styleCell(c, row, cs)
	}
	if lastCol > col {
		s.b.check(s.b.f.MergeCell(s.name, summaryCell(col, row), summaryCell(lastCol, row)))
	}
	if cs.wrap {
		s.wrapped = append(s.wrapped, summaryWrapped{row: row, col: col, lastCol: lastCol, text: v})
	}
}

// finish sets the column widths (display width + 2, at least 6, at most the
// column's limit) and the heights of rows whose text wraps.
func (s *summarySheet) finish() {
	if s.b.err != nil {
		return
	}
	// A column whose own text wraps takes its whole limit, so that short
	// and long texts share one width.
	for _, wc := range s.wrapped {
		if wc.col == wc.lastCol && s.limit[wc.col] != 0 {
			s.fit[wc.col] = max(s.fit[wc.col], s.limit[wc.col])
		}
	}
	cols := make([]int, 0, len(s.fit))
	for c := range s.fit {
		cols = append(cols, c)
	}
	sort.Ints(cols)
	widths := map[int]float64{}
	for _, c := range cols {
		limit := s.limit[c]
		if limit == 0 {
			limit = sumMaxTextCol
		}
		wd := float64(min(max(s.fit[c]+2, 6), limit))
		widths[c] = wd
		s.b.check(s.b.f.SetColWidth(s.name, summaryCol(c), summaryCol(c), wd))
	}
	s.widths = widths
	lines := map[int]int{}
	for _, wc := range s.wrapped {
		avail := 0.0
		for c := wc.col; c <= wc.lastCol; c++ {
			wd, ok := widths[c]
			if !ok {
				wd = 9 // excelize's default column width
			}
			avail += wd
		}
		n := 0
		for _, line := range strings.Split(wc.text, "\n") {
			n += summaryWrapLines(line, max(int(avail)-1, 1))
		}
		lines[wc.row] = max(lines[wc.row], n)
	}
	rows := make([]int, 0, len(lines))
	for r, n := range lines {
		if n > 1 {
			rows = append(rows, r)
		}
	}
	sort.Ints(rows)
	for _, r := range rows {
		s.b.check(s.b.f.SetRowHeight(s.name, r, float64(lines[r])*sumPointsPerLine+3))
	}
}

// print gives the sheet its page setup (see printLayout): the print area
// covers every cell written, and lastRow where something else (a chart)
// reaches further down.
func (s *summarySheet) print(landscape bool, titleRows, lastRow int) {
	if s.b.err != nil {
		return
	}
	s.b.check(setPrintLayout(s.b.f, s.name, printLayout{
		landscape: landscape, titleRows: titleRows, lastCol: s.lastCol, lastRow: max(s.lastRow, lastRow),
		plan: s.b.plans, lang: s.b.lang,
	}))
}

// summaryPortraitWidth is about the width, in units of column width, that an
// upright A4 page prints at 100% within printLayout's margins (7.8 inches
// of about 7.5 pixels a unit at 96 pixels an inch).
const summaryPortraitWidth = 100

// wide is true when the sheet's columns are wider than an upright page: it
// then prints landscape, at or nearer to its full size.
func (s *summarySheet) wide() bool {
	total := 0.0
	for c := 1; c <= s.lastCol; c++ {
		wd, ok := s.widths[c]
		if !ok {
			wd = 9 // excelize's default column width
		}
		total += wd
	}
	return total > summaryPortraitWidth
}

// freeze keeps the first rows and columns in view.
func (s *summarySheet) freeze(cols, rows int) {
	if s.b.err != nil {
		return
	}
	topLeft := summaryCell(cols+1, rows+1)
	pane := "bottomLeft"
	switch {
	case cols > 0 && rows > 0:
		pane = "bottomRight"
	case cols > 0:
		pane = "topRight"
	}
	s.b.check(s.b.f.SetPanes(s.name, &excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: topLeft, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: topLeft, ActiveCell: topLeft, Pane: pane}},
	}))
}

// summaryDecimalFormat is the number format code of dec decimals: "0", "0.00".
func summaryDecimalFormat(dec int) string {
	if dec <= 0 {
		return "0"
	}
	return "0." + strings.Repeat("0", dec)
}

// summaryValueFormat is the number format that shows v as formatValue prints it;
// a cumulative total in brackets, as the plans print it: [9.00].
func summaryValueFormat(v float64, ind *plan.Indicator, cumulative bool) (code, shown string) {
	code, shown = summaryDecimalFormat(valueDecimals(v, ind)), formatValue(v, ind)
	if cumulative {
		// \[ \] are literal brackets: a bare [ opens a condition or colour
		code, shown = `\[`+code+`\]`, "["+shown+"]"
	}
	return code, shown
}

const summaryPercentFormat = "0.0%"

func summaryPercent(v float64) string { return strconv.FormatFloat(v*100, 'f', 1, 64) + "%" }

// plain, bordered and the other looks of table cells.
var (
	summaryPlain  = summaryStyle{border: true}
	summaryHeader = summaryStyle{border: true, bold: true, fill: sumFillHeader, align: "center", wrap: false}
	summaryCenter = summaryStyle{border: true, align: "center"}
)

// indicatorValue writes a value of an indicator: the number with the
// indicator's precision (a cumulative total in brackets), or — for none.
func (s *summarySheet) indicatorValue(col, row int, v *float64, ind *plan.Indicator, cumulative bool, cs summaryStyle) {
	if v == nil {
		cs.align = "center"
		s.text(col, row, "—", cs)
		return
	}
	code, shown := summaryValueFormat(*v, ind, cumulative)
	cs.numFmt = code
	s.number(col, row, *v, shown, cs)
}

// actualValue writes an outcome's actual: a ratio as written, else the value.
func (s *summarySheet) actualValue(col, row int, o evaluate.Outcome, cs summaryStyle) {
	if o.ActualText != "" {
		s.text(col, row, o.ActualText, cs)
		return
	}
	s.indicatorValue(col, row, o.Actual, o.Indicator, o.Indicator.Target.IsCumulative(), cs)
}

func (s *summarySheet) percentValue(col, row int, v *float64, cs summaryStyle) {
	if v == nil {
		cs.align = "center"
		s.text(col, row, "—", cs)
		return
	}
	cs.numFmt = summaryPercentFormat
	s.number(col, row, *v, summaryPercent(*v), cs)
}

func (s *summarySheet) status(col, row int, o evaluate.Outcome, lang Lang) {
	s.text(col, row, StatusLabel(o.Status, o.Final, lang), summaryStyle{border: true, align: "center", fill: summaryStatusFill(o.Status)})
}

// summarySection names one evaluation: "2023年 · 时序进度 60% · 2023.xlsx".
func summarySection(e *pipeline.Evaluation, lang Lang, withPlan bool) string {
	file := summaryFileName(e.File)
	s := lang.T("summary.time-progress-2", e.Year, percent(&e.TimeProgress), file)
	if withPlan {
		s += " · " + e.Plan.Ref()
	}
	return s
}

func summarySamePlan(evals []*pipeline.Evaluation) bool {
	for _, e := range evals[1:] {
		if e.Plan.Ref() != evals[0].Plan.Ref() {
			return false
		}
	}
	return true
}

// summaryChart is the data of one chart: the path indicators of one entity of
// one evaluation that have a completion progress.
type summaryChart struct {
	title    string
	outcomes []evaluate.Outcome
	// sheet holds its data; head, first and last are the rows of the data's
	// header and values there.
	sheet             string
	head, first, last int
}

// summaryChartLabel is an indicator's number and name, cut to fit a chart's axis.
func summaryChartLabel(ind *plan.Indicator) string {
	name := []rune(ind.Name)
	if len(name) > 12 {
		name = append(name[:11], '…')
	}
	return strconv.Itoa(ind.Number) + "." + string(name)
}

// summaryChartHeight is the height in pixels of a chart of n indicators, at
// most what a landscape A4 page holds under the repeated title rows at 100%
// (the rows it spans, counted as LibreOffice's, at Excel's 15 pt each).
func summaryChartHeight(n int) int { return min(max(300, 90+n*26), 540) }

// completionSheet writes 完成情况: title, header (frozen), then for each
// evaluation a section row, per entity the grouped table and its 未报送 list,
// the audit, and a table of counts per status (one row per entity in a
// multi-entity workbook, then all); under everything the charts, each on a
// printed page of its own, their data on the hidden chart data sheet.
func (b *summaryBook) completionSheet(name string, evals []*pipeline.Evaluation) {
	lang := b.lang
	s := b.sheet(name)
	s.limit[1] = sumMaxIndicatorCol
	title := evals[0].Plan.Title + lang.T("summary.completion-of-the-main-indicators-2")
	if !summarySamePlan(evals) {
		title = lang.T("summary.completion-of-the-main-indicators")
	}
	s.banner(1, sumCompletionCols, 1, title, summaryStyle{bold: true, size: 14})
	s.b.check(s.b.f.SetRowHeight(name, 1, 24))
	header := []string{lang.T("summary.indicator"), lang.T("summary.attribute"), lang.T("summary.target"),
		lang.T("summary.actual"), lang.T("summary.time"), lang.T("summary.progress"),
		lang.T("summary.status"), lang.T("summary.projection")}
	for i, h := range header {
		s.text(i+1, sumCompletionHead, h, summaryHeader)
	}
	s.freeze(0, sumCompletionHead)

	withPlan := !summarySamePlan(evals)
	row := sumCompletionHead + 1
	var charts []summaryChart
	for _, e := range evals {
		final := e.Year == e.Plan.Period.End
		s.banner(1, sumCompletionCols, row, summarySection(e, lang, withPlan), summaryStyle{bold: true, fill: sumFillSection, border: true})
		row++
		for _, en := range e.All() {
			if e.Multi() {
				s.banner(1, sumCompletionCols, row, lang.T("summary.entity")+en.Entity, summaryStyle{bold: true, fill: sumFillEntity, border: true})
				row++
			}
			var path []evaluate.Outcome
			group := ""
			for _, o := range en.Outcomes {
				ind := o.Indicator
				if ind.Group != group {
					group = ind.Group
					s.banner(1, sumCompletionCols, row, group, summaryStyle{bold: true, fill: sumFillGroup, border: true})
					row++
				}
				tp := o.TimeProgress
				s.text(1, row, IndicatorLabel(ind), summaryStyle{border: true, wrap: summaryTextWidth(IndicatorLabel(ind)) > sumMaxIndicatorCol-2})
				s.text(2, row, attributeOf(ind, lang), summaryCenter)
				s.text(3, row, ind.PrintedTarget(), summaryCenter)
				s.actualValue(4, row, o, summaryStyle{border: true, align: "right"})
				s.percentValue(5, row, &tp, summaryStyle{border: true, align: "right"})
				s.percentValue(6, row, o.Progress, summaryStyle{border: true, align: "right"})
				s.status(7, row, o, lang)
				s.text(8, row, ProjectionLabel(o.Projection, lang), summaryCenter)
				row++
				if o.Judge == plan.Path && o.Progress != nil {
					path = append(path, o)
				}
			}
			if len(en.NotReported) > 0 {
				names := make([]string, len(en.NotReported))
				for i, ind := range en.NotReported {
					names[i] = IndicatorLabel(ind)
				}
				s.banner(1, sumCompletionCols, row, lang.T("summary.not-reported")+strings.Join(names, lang.T("punct.semicolon")),
					summaryStyle{wrap: true})
				row++
			}
			if len(path) > 0 {
				cp := summaryChart{title: lang.T("summary.progress-and-time-progress", e.Year),
					outcomes: path}
				if e.Multi() {
					cp.title += lang.T("punct.open-paren") + en.Entity + lang.T("punct.close-paren")
				}
				charts = append(charts, cp)
			}
		}
		labels := map[string]string{}
		for _, ind := range e.Plan.Indicators() {
			labels[ind.ID] = IndicatorLabel(ind)
		}
		for _, a := range e.Audit() {
			indicator := a.Indicator
			if l, ok := labels[a.Indicator]; ok {
				indicator = l
			}
			text := lang.T("summary.audit-says-computed", a.Cell, indicator, a.Written, StatusLabel(a.Computed, final, lang))
			if a.Entity != "" {
				text = a.Entity + lang.T("punct.colon") + text
			}
			s.banner(1, sumCompletionCols, row, text, summaryStyle{wrap: true})
			row++
		}
		row++
		row = s.countsTable(row, e, final)
		row++
	}
	if len(charts) > 0 {
		data := b.chartDataSheet()
		dataRow := 1
		for i := range charts {
			dataRow = data.chartData(dataRow, &charts[i])
		}
		data.finish()
		// No page setup: it is hidden, and LibreOffice prints a hidden
		// sheet that has a print area.
	}
	// The charts go in once the rows and columns have their sizes: a chart's
	// anchor spans the cells its size covers when it is added.
	s.finish()
	tableWidth := 0
	for c := 1; c <= sumCompletionCols; c++ {
		wd, ok := s.widths[c]
		if !ok {
			wd = 9 // excelize's default column width
		}
		tableWidth += int(wd*sumColPx + 0.5)
	}
	for i := range charts {
		// A chart cut by a page break prints as two halves.
		s.b.check(s.b.f.InsertPageBreak(name, summaryCell(1, row)))
		height := summaryChartHeight(len(charts[i].outcomes))
		s.addChart(&charts[i], row, tableWidth, height)
		row += (height+sumChartRowPx-1)/sumChartRowPx + 1
	}
	// The title and header repeat on every page.
	s.print(s.wide(), sumCompletionHead, row-1)
}

// chartDataSheet adds the hidden sheet that holds the charts' data.
func (b *summaryBook) chartDataSheet() *summarySheet {
	b.newSheet(b.names.chartData)
	b.hasChartData = true
	s := b.sheet(b.names.chartData)
	s.limit[1] = sumMaxIndicatorCol
	return s
}

// summaryCountedStatuses are the columns of an evaluation's counts: every
// status, but in the plan's final year only those that can occur then
// (spec §4: 完成, 未完成, 无数据), and any other that does occur all the same.
func summaryCountedStatuses(e *pipeline.Evaluation, final bool) []evaluate.Status {
	if !final {
		return evaluate.Statuses
	}
	counts := e.Counts()
	var out []evaluate.Status
	for _, st := range evaluate.Statuses {
		if st == evaluate.Achieved || st == evaluate.NotAchieved || st == evaluate.NoData || counts[st] > 0 {
			out = append(out, st)
		}
	}
	return out
}

// countsTable writes the counts per status of an evaluation from row on:
// a header of the status labels in their fills, one row per entity in a
// multi-entity workbook, and the row for all. It returns the next free row.
func (s *summarySheet) countsTable(row int, e *pipeline.Evaluation, final bool) int {
	lang := s.b.lang
	statuses := summaryCountedStatuses(e, final)
	s.text(1, row, lang.T("summary.summary"), summaryHeader)
	for i, st := range statuses {
		s.text(2+i, row, StatusLabel(st, final, lang), summaryStyle{border: true, bold: true, align: "center", fill: summaryStatusFill(st)})
	}
	s.text(2+len(statuses), row, lang.T("summary.total"), summaryHeader)
	row++
	line := func(label string, counts map[evaluate.Status]int) {
		s.text(1, row, label, summaryPlain)
		total := 0
		for i, st := range statuses {
			s.number(2+i, row, float64(counts[st]), strconv.Itoa(counts[st]), summaryCenter)
			total += counts[st]
		}
		s.number(2+len(statuses), row, float64(total), strconv.Itoa(total), summaryStyle{border: true, align: "center", bold: true})
		row++
	}
	if e.Multi() {
		for _, en := range e.All() {
			entity := en.Entity
			line(entity, en.Counts())
		}
		line(lang.T("summary.all"), e.Counts())
	} else {
		line(lang.T("summary.all-indicators"), e.Counts())
	}
	return row
}

// chartData writes the data of one chart from row on: a title row, a header,
// one row per indicator. It returns the next free row.
func (s *summarySheet) chartData(row int, cp *summaryChart) int {
	lang := s.b.lang
	s.banner(1, 3, row, lang.T("summary.chart-data-2")+cp.title, summaryStyle{bold: true})
	row++
	cp.sheet = s.name
	cp.head = row
	s.text(1, row, lang.T("summary.indicator"), summaryHeader)
	s.text(2, row, lang.T("summary.progress"), summaryHeader)
	s.text(3, row, lang.T("summary.time"), summaryHeader)
	row++
	cp.first = row
	for _, o := range cp.outcomes {
		tp := o.TimeProgress
		s.text(1, row, summaryChartLabel(o.Indicator), summaryPlain)
		s.percentValue(2, row, o.Progress, summaryPlain)
		s.percentValue(3, row, &tp, summaryPlain)
		row++
	}
	cp.last = row - 1
	return row + 1
}

// addChart adds the bar chart of completion progress and time progress of cp
// at row, width by height pixels.
func (s *summarySheet) addChart(cp *summaryChart, row, width, height int) {
	if s.b.err != nil {
		return
	}
	head, first, last := cp.head, cp.first, cp.last
	ref := func(col, from, to int) string {
		if from == to {
			return fmt.Sprintf("'%s'!$%s$%d", cp.sheet, summaryCol(col), from)
		}
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", cp.sheet, summaryCol(col), from, summaryCol(col), to)
	}
	zero, gap, noVary := 0.0, uint(60), false
	axisFont := excelize.Font{Color: "404040", Size: 9}
	solid := func(colour string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}
	}
	s.b.check(s.b.f.AddChart(s.name, summaryCell(1, row), &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{
			{Name: ref(2, head, head), Categories: ref(1, first, last), Values: ref(2, first, last), Fill: solid(sumSeriesProgress)},
			{Name: ref(3, head, head), Categories: ref(1, first, last), Values: ref(3, first, last), Fill: solid(sumSeriesTime)},
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

// summaryDetailColumns are the columns of 明细; file, year and entity only where they
// tell rows apart.
func summaryDetailColumns(lang Lang, several, multi bool) []string {
	var cols []string
	if several {
		cols = append(cols, lang.T("summary.file"), lang.T("summary.year"))
	}
	if multi {
		cols = append(cols, lang.T("summary.entity-2"))
	}
	return append(cols, lang.T("summary.id"), lang.T("summary.indicator"), lang.T("summary.group"),
		lang.T("summary.attribute"), lang.T("summary.judged-as"), lang.T("summary.baseline"),
		lang.T("summary.target"), lang.T("summary.target-value"), lang.T("summary.actual"),
		lang.T("summary.required-by-now"), lang.T("summary.progress"), lang.T("summary.time-progress"),
		lang.T("summary.ratio"), lang.T("summary.status"), lang.T("summary.reason"),
		lang.T("summary.projected-value"), lang.T("summary.projection"), lang.T("summary.projection-method"),
		lang.T("summary.cells"))
}

func summaryJudge(j plan.Judge, lang Lang) string {
	switch j {
	case plan.Path:
		return lang.T("summary.path")
	case plan.Control:
		return lang.T("summary.control")
	}
	return ""
}

func summaryMulti(evals []*pipeline.Evaluation) bool {
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
	s := b.sheet(name)
	several, multi := len(evals) > 1, summaryMulti(evals)
	header := summaryDetailColumns(lang, several, multi)
	// Printed one page wide, nineteen columns need narrow ones: the headers
	// wrap (numbers, not headers, set a number column's width), and the text
	// columns wrap at the fixed widths of summaryDetailWidths.
	wrappedHeader := summaryHeader
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
		s.limit[1] = summaryDetailWidths.file
	}
	if multi {
		s.limit[first-1] = summaryDetailWidths.entity
	}
	for offset, width := range map[int]int{0: summaryDetailWidths.id, 1: summaryDetailWidths.indicator, 2: summaryDetailWidths.group,
		14: summaryDetailWidths.reason, 16: summaryDetailWidths.projection, 17: summaryDetailWidths.method, 18: summaryDetailWidths.cells} {
		s.limit[first+offset] = width
	}
	wrapped := summaryStyle{border: true, wrap: true}
	row := 2
	for _, e := range evals {
		for _, en := range e.All() {
			for _, o := range en.Outcomes {
				ind := o.Indicator
				c := 1
				if several {
					s.text(c, row, summaryFileName(e.File), wrapped)
					s.number(c+1, row, float64(e.Year), strconv.Itoa(e.Year), summaryCenter)
					c += 2
				}
				if multi {
					s.text(c, row, en.Entity, wrapped)
					c++
				}
				tp := o.TimeProgress
				s.text(c, row, ind.ID, wrapped)
				s.text(c+1, row, IndicatorLabel(ind), wrapped)
				s.text(c+2, row, ind.Group, wrapped)
				s.text(c+3, row, attributeOf(ind, lang), summaryCenter)
				s.text(c+4, row, summaryJudge(o.Judge, lang), summaryCenter)
				s.indicatorValue(c+5, row, o.Baseline, ind, ind.Baseline.IsCumulative(), summaryPlain)
				s.text(c+6, row, ind.PrintedTarget(), summaryCenter)
				s.indicatorValue(c+7, row, o.Target, ind, false, summaryPlain)
				s.actualValue(c+8, row, o, summaryPlain)
				s.indicatorValue(c+9, row, o.Required, ind, ind.Target.IsCumulative(), summaryPlain)
				s.percentValue(c+10, row, o.Progress, summaryPlain)
				s.percentValue(c+11, row, &tp, summaryPlain)
				if o.Ratio != nil {
					s.number(c+12, row, *o.Ratio, strconv.FormatFloat(*o.Ratio, 'f', 3, 64), summaryStyle{border: true, numFmt: "0.000"})
				} else {
					s.text(c+12, row, "—", summaryCenter)
				}
				s.status(c+13, row, o, lang)
				s.text(c+14, row, o.Reason, wrapped)
				if p := o.Projection; p != nil {
					v := p.Value
					s.indicatorValue(c+15, row, &v, ind, ind.Target.IsCumulative(), summaryPlain)
					s.text(c+16, row, ProjectionLabel(p, lang), summaryStyle{border: true, align: "center", wrap: true, fill: summaryProjectionFill(p)})
					s.text(c+17, row, p.Method, wrapped)
				} else {
					s.text(c+15, row, "—", summaryCenter)
					for k := 16; k <= 17; k++ {
						s.text(c+k, row, "—", summaryStyle{border: true, align: "center", wrap: true})
					}
				}
				s.text(c+18, row, strings.Join(o.Cells, " "), wrapped)
				row++
			}
		}
	}
	s.freeze(keyCols, 1)
	if row > 2 && b.err == nil {
		b.check(b.f.AutoFilter(name, "A1:"+summaryCell(len(header), row-1), nil))
	}
	s.finish()
	s.print(true, 1, 0)
}

// summaryDetailWidths are the widths of 明细's text columns, which wrap: with
// the number columns fitted to their values, the sheet is about 220
// characters wide and prints one landscape A4 page wide at two thirds of its
// size.
var summaryDetailWidths = struct {
	file, entity, id, indicator, group, reason, projection, method, cells int
}{file: 14, entity: 14, id: 16, indicator: 24, group: 12, reason: 30, projection: 10, method: 18, cells: 16}

func summaryProjectionFill(p *evaluate.Projection) string {
	if p.Status == evaluate.WillMeet {
		return sumFillOnPath
	}
	return sumFillLagging
}

// trendSheet writes 趋势: one row per indicator (and entity), two columns per
// evaluation in the order given: its actual and its status.
func (b *summaryBook) trendSheet(name string, evals []*pipeline.Evaluation) {
	lang := b.lang
	s := b.sheet(name)
	multi := summaryMulti(evals)
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
		year := pick(lang, fmt.Sprintf("%d年", e.Year), strconv.Itoa(e.Year))
		switch {
		case sameFile:
			return year
		case sameYear:
			return summaryFileName(e.File)
		}
		return summaryFileName(e.File) + " · " + year
	}

	c := 1
	if multi {
		s.text(c, 1, lang.T("summary.entity-2"), summaryHeader)
		s.text(c, 2, "", summaryHeader)
		s.b.check(s.b.f.MergeCell(name, summaryCell(c, 1), summaryCell(c, 2)))
		c++
	}
	s.limit[c] = sumMaxIndicatorCol
	for _, h := range []string{lang.T("summary.indicator"), lang.T("summary.attribute"), lang.T("summary.target")} {
		s.text(c, 1, h, summaryHeader)
		s.text(c, 2, "", summaryHeader)
		s.b.check(s.b.f.MergeCell(name, summaryCell(c, 1), summaryCell(c, 2)))
		c++
	}
	keyCols := c - 1
	for i, e := range evals {
		col := keyCols + 1 + 2*i
		s.banner(col, col+1, 1, label(e), summaryHeader)
		s.text(col, 2, lang.T("summary.actual"), summaryHeader)
		s.text(col+1, 2, lang.T("summary.status"), summaryHeader)
	}
	row := 3
	for _, k := range keys {
		rd := rows[k]
		c := 1
		if multi {
			s.text(c, row, rd.entity, summaryPlain)
			c++
		}
		s.text(c, row, IndicatorLabel(rd.ind), summaryStyle{border: true, wrap: summaryTextWidth(IndicatorLabel(rd.ind)) > sumMaxIndicatorCol-2})
		s.text(c+1, row, attributeOf(rd.ind, lang), summaryCenter)
		s.text(c+2, row, rd.ind.PrintedTarget(), summaryCenter)
		for i := range evals {
			col := keyCols + 1 + 2*i
			o, ok := rd.outcomes[i]
			if !ok {
				// the entity has no row for the indicator in this file, or
				// the file has no such entity at all
				s.styleCell(col, row, summaryPlain)
				if hasEntity[i][rd.entity] {
					s.text(col+1, row, lang.T("summary.not-reported-2"), summaryCenter)
				} else {
					s.styleCell(col+1, row, summaryPlain)
				}
				continue
			}
			s.actualValue(col, row, o, summaryStyle{border: true, align: "right"})
			s.status(col+1, row, o, lang)
		}
		row++
	}
	s.freeze(keyCols, 2)
	s.finish()
	s.print(s.wide(), 2, 0)
}

// aboutSheet writes 说明: what the numbers rest on. Per plan its id, version,
// title, period and thresholds; the year(s); each input file with its SHA-256;
// the plancheck version; the status colours; how the numbers are computed; and
// the warnings of the evaluations.
func (b *summaryBook) aboutSheet(name string, evals []*pipeline.Evaluation, version string) {
	lang := b.lang
	s := b.sheet(name)
	// Fixed widths that wrap what is longer: the SHA-256 (64 characters)
	// sets the second column's.
	s.limit[1], s.limit[2], s.limit[6] = 25, 66, 30
	wrapped := summaryStyle{border: true, wrap: true}
	key := summaryStyle{border: true, bold: true, fill: sumFillGroup}
	row := 1
	s.text(1, row, lang.T("summary.about-this-summary"), summaryStyle{bold: true, size: 14})
	row += 2
	pair := func(k string, v string) {
		s.text(1, row, k, key)
		s.text(2, row, v, wrapped)
		row++
	}
	pairNumber := func(k string, v float64, code string) {
		s.text(1, row, k, key)
		s.number(2, row, v, strconv.FormatFloat(v, 'f', -1, 64), summaryStyle{border: true, align: "left", numFmt: code})
		row++
	}
	if version == "" {
		version = "—"
	}
	pair(lang.T("summary.plancheck-version"), version)
	var years []string
	seenYear := map[int]bool{}
	for _, e := range evals {
		if !seenYear[e.Year] {
			seenYear[e.Year] = true
			years = append(years, strconv.Itoa(e.Year))
		}
	}
	pair(lang.T("summary.year-evaluated"), strings.Join(years, lang.T("punct.enumeration")))
	row++

	seenPlan := map[string]bool{}
	for _, e := range evals {
		p := e.Plan
		if seenPlan[p.Ref()] {
			continue
		}
		seenPlan[p.Ref()] = true
		pair(lang.T("summary.plan-id"), p.ID)
		pairNumber(lang.T("summary.plan-version"), float64(p.Version), "0")
		pair(lang.T("summary.plan-title"), p.Title)
		pair(lang.T("summary.period"), p.Period.String())
		pairNumber(lang.T("summary.baseline-year"), float64(p.BaselineYear), "0")
		pairNumber(lang.T("summary.ahead-ratio-r"), p.Thresholds.Ahead, "0.00")
		pairNumber(lang.T("summary.on-track-ratio-r"), p.Thresholds.OnTrack, "0.00")
		pairNumber(lang.T("summary.on-track-binding-r"), p.Thresholds.BindingOnTrack, "0.00")
		row++
	}

	fileHeader := []string{lang.T("summary.input-file"), "SHA-256", lang.T("summary.year"),
		lang.T("summary.time-progress"), lang.T("summary.plan"), lang.T("summary.entities")}
	for i, h := range fileHeader {
		s.text(1+i, row, h, summaryHeader)
	}
	row++
	for _, e := range evals {
		s.text(1, row, summaryFileName(e.File), wrapped)
		s.text(2, row, e.SHA256, wrapped)
		s.number(3, row, float64(e.Year), strconv.Itoa(e.Year), summaryCenter)
		tp := e.TimeProgress
		s.percentValue(4, row, &tp, summaryPlain)
		s.text(5, row, e.Plan.Ref(), summaryPlain)
		var entities []string
		if e.Multi() {
			for _, en := range e.All() {
				entities = append(entities, en.Entity)
			}
		}
		entityStyle := summaryPlain
		if len(entities) > 0 { // an empty cell would widen the column to its limit
			entityStyle = wrapped
		}
		s.text(6, row, strings.Join(entities, lang.T("punct.enumeration")), entityStyle)
		row++
	}
	row++

	s.text(1, row, lang.T("summary.status"), summaryHeader)
	s.text(2, row, lang.T("summary.meaning"), summaryHeader)
	row++
	legend := []struct {
		status evaluate.Status
		final  bool
		zh, en string
	}{
		{evaluate.Achieved, true, "规划期末年达到目标", "the target is met in the final year"},
		{evaluate.Achieved, false, "规划期末年之前已达到目标", "the target is met before the final year"},
		{evaluate.Ahead, false, "进度比 r 不低于快于预期阈值", "the ratio r reaches the ahead threshold"},
		{evaluate.OnTrack, false, "进度比 r 不低于符合预期阈值，或控制性目标当年达到", "r reaches the on-track threshold, or a control target holds this year"},
		{evaluate.Lagging, false, "规划期末年之前未达到时序进度或控制性目标", "before the final year: behind time, or a control target fails"},
		{evaluate.NotAchieved, true, "规划期末年未达到目标（约束性控制目标任一年未达到）", "the target is missed in the final year (a binding control target in any year)"},
		{evaluate.NoData, false, "填报了指标但无可用数值", "reported with no usable value"},
	}
	for _, l := range legend {
		s.text(1, row, StatusLabel(l.status, l.final, lang), summaryStyle{border: true, align: "center", fill: summaryStatusFill(l.status)})
		s.text(2, row, pick(lang, l.zh, l.en), wrapped)
		row++
	}
	row++

	notes := []string{
		lang.T("summary.time-progress-f-year-first-year-1-years"),
		lang.T("summary.progress-p-total-target-cumulative-or-ac"),
		lang.T("summary.required-by-now-target-f-cumulative-or-b"),
		lang.T("summary.a-value-in-is-a-total-over-the-period-nu"),
	}
	s.text(1, row, lang.T("summary.notes"), summaryHeader)
	row++
	for _, n := range notes {
		s.banner(1, 2, row, n, summaryStyle{wrap: true})
		row++
	}
	var warnings []string
	for _, e := range evals {
		for _, w := range e.Warnings() {
			// a warning names its file as it was given
			if base := summaryFileName(e.File); base != e.File {
				w = strings.ReplaceAll(w, e.File, base)
			}
			warnings = append(warnings, w)
		}
	}
	if len(warnings) > 0 {
		row++
		s.text(1, row, lang.T("summary.warnings"), summaryHeader)
		row++
		for _, w := range warnings {
			s.banner(1, 2, row, w, summaryStyle{wrap: true})
			row++
		}
	}
	s.finish()
	s.print(s.wide(), 0, 0)
}
