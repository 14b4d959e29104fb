package book

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/jlp-hrss/plancheck/pkg/expr"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// The blank actuals workbook (`plancheck template`) is written so that
// pkg/actuals reads it back, filled, as a wide table with no edit to its
// structure:
//
//	row 1  the plan's reference and title (a title row; the reader skips it)
//	row 2  编号 | 指标 | 单位 | 2020年基数 | 2025年目标 | 指标属性 | 2021年 … 2025年 | 完成情况 | 填写说明
//	row 3… a group row (一、就业 in the 指标 column, no values), then one row per
//	       indicator: its id (rows are matched by id), its label as the plan's
//	       tables print it, and what the plan says of it; the year cells and
//	       完成情况 are the only cells to fill
//	then   a blank row and the notes (注：…, which the reader skips)
//
// The 基数 column is left out when no indicator has a baseline, as `show` does
// (专栏1). A second sheet, 填写说明, says how to fill the first.
//
// Data validation checks the form the reader needs, not plausibility: a
// number (decimal, between ±1E+15: the rule needs bounds) in a plain row; a
// number (that year's amount) or a bracketed total [27] in a cumulative row
// (a custom formula, since a decimal rule refuses all text; its result on
// typical entries is checked by LibreOffice in the tests); only [27] in a
// cumulative row when the
// template starts after the period does (a bare amount could never be summed
// from the period's start); a ratio with the target's number of parts in a
// ratio row, whose cells are text (@) so that 15:45:40 is not read as a time
// of day. Every one stops the entry (errorStyle stop) and allows a blank
// cell, which is no value. Implausible values (a rate over 100 %) stay
// warnings of the reader, since a stop alert would refuse a real, unusual
// value. 完成情况 offers the six status labels as a list, with a warning
// alert only, because the audit also knows their synonyms (基本符合预期 …).

// TemplateOptions say which years a template has columns for, and its language.
type TemplateOptions struct {
	// From and To are the first and last year with a column to fill; both zero:
	// the plan's period.
	From, To int
	Lang     Lang
}

// Rows of the data sheet.
const (
	templateTitleRow  = 1
	templateHeaderRow = 2
)

// TemplateSheet is the name of a template's data sheet.
func TemplateSheet(lang Lang) string { return lang.T("template.actuals") }

// TemplateInstructionsSheet is the name of a template's instructions sheet.
func TemplateInstructionsSheet(lang Lang) string { return lang.T("template.instructions") }

// tmplStatusLabels are the 完成情况 labels the template offers: the ones plancheck
// prints, all of which the audit reads (in Chinese whatever --lang says: they
// are what analysts write and what the audit knows).
var tmplStatusLabels = []string{"提前完成", "完成", "快于预期", "符合预期", "滞后", "未完成"}

// tmplInput is what a row's year cells accept.
type tmplInput int

const (
	tmplNumber     tmplInput = iota // a number
	tmplCumulative                  // that year's amount, or the total so far as [27]
	tmplTotal                       // only the total so far as [27]: the template starts after the period does
	tmplRatio                       // a ratio like 15:45:40, as text
)

func tmplInputOf(ind *plan.Indicator, from int, p *plan.Plan) tmplInput {
	switch {
	case ind.Target.Kind == expr.Ratio:
		return tmplRatio
	case ind.Target.IsCumulative() && from > p.Period.Start:
		return tmplTotal
	case ind.Target.IsCumulative():
		return tmplCumulative
	}
	return tmplNumber
}

// column roles of the data sheet.
const (
	tmplColID = iota
	tmplColName
	tmplColUnit
	tmplColBaseline
	tmplColTarget
	tmplColAttribute
	tmplColYear
	tmplColStatus
	tmplColHint
)

type templateColumn struct {
	role   int
	header string
	year   int
	col    int    // 1-based
	name   string // "A"
}

// templateStyles are the style ids of the data and instructions sheets.
type templateStyles struct {
	title, header, group, fixed, fixedWrap, hint          int
	number, cumulative, ratio, status, note, instructions int
	heading                                               int
}

// Template writes the blank actuals workbook for the plan: see the layout
// above. Identical inputs give identical bytes (SaveWorkbook).
func Template(w io.Writer, p *plan.Plan, opts TemplateOptions) error {
	from, to := opts.From, opts.To
	if from == 0 && to == 0 {
		from, to = p.Period.Start, p.Period.End
	}
	if from > to || from < p.Period.Start || to > p.Period.End {
		return fmt.Errorf("years %d—%d are not within the period %s of %s", from, to, p.Period, p.Ref())
	}
	f := excelize.NewFile()
	defer f.Close()
	tw := &templateWriter{f: f, p: p, lang: opts.Lang, from: from, to: to, sheet: TemplateSheet(opts.Lang)}
	if err := tw.write(); err != nil {
		return err
	}
	return SaveWorkbook(f, w)
}

type templateWriter struct {
	f        *excelize.File
	p        *plan.Plan
	lang     Lang
	from, to int
	sheet    string
	cols     []templateColumn
	st       templateStyles
}

func (tw *templateWriter) write() error {
	f, lang := tw.f, tw.lang
	if err := f.SetSheetName("Sheet1", tw.sheet); err != nil {
		return err
	}
	if _, err := f.NewSheet(TemplateInstructionsSheet(lang)); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:     "plancheck",
		Title:       tw.p.Title,
		Subject:     lang.T("template.actuals-template") + tw.p.Ref(),
		Description: lang.T("template.made-by-plancheck-template"),
	}); err != nil {
		return err
	}
	if err := tw.styles(); err != nil {
		return err
	}
	tw.columns()
	if err := tw.dataSheet(); err != nil {
		return err
	}
	return tw.instructionsSheet()
}

// styles makes the looks of the template's cells: the shared header and
// title, grey for what comes from the plan, white (a number or a ratio, as
// text so that 15:45:40 is not made a time) or yellow (a cumulative amount)
// for the cells to fill.
func (tw *templateWriter) styles() error {
	cache := newStyleCache(tw.f)
	defs := []struct {
		id    *int
		style cellStyle
	}{
		{&tw.st.title, titleCell},
		{&tw.st.header, cellStyle{bold: true, fill: fillHeader, border: true, align: "center", wrap: true}},
		{&tw.st.group, cellStyle{bold: true, fill: fillGroup, border: true}},
		{&tw.st.fixed, cellStyle{fill: fillFixed, border: true}},
		{&tw.st.fixedWrap, cellStyle{fill: fillFixed, border: true, wrap: true}},
		{&tw.st.hint, cellStyle{colour: textGrey, fill: fillFixed, border: true, wrap: true}},
		{&tw.st.number, plainCell},
		{&tw.st.cumulative, cellStyle{fill: fillCumulative, border: true}},
		{&tw.st.ratio, cellStyle{border: true, numFmtID: 49}},
		{&tw.st.status, plainCell},
		{&tw.st.note, cellStyle{italic: true, colour: textGrey}},
		{&tw.st.instructions, cellStyle{top: true, wrap: true}},
		{&tw.st.heading, titleCell},
	}
	for _, d := range defs {
		id, err := cache.id(d.style)
		if err != nil {
			return err
		}
		*d.id = id
	}
	return nil
}

// tmplHasBaseline reports whether any indicator has a baseline (专栏1 has none).
func tmplHasBaseline(p *plan.Plan) bool {
	for _, ind := range p.Indicators() {
		if ind.Baseline.Text != "" {
			return true
		}
	}
	return false
}

// columns lays out the data sheet's columns. The headers are words the reader
// recognises (spec §3): 编号/id, 指标/name, 单位/unit, 指标属性/attribute, year
// columns 2021年/2021, 完成情况/status; 基数 and 目标 (baseline, target) keep a
// year but are never read as actuals.
func (tw *templateWriter) columns() {
	p, lang := tw.p, tw.lang
	add := func(role int, header string, year int) {
		tw.cols = append(tw.cols, templateColumn{role: role, header: header, year: year})
	}
	add(tmplColID, lang.T("col.id"), 0)
	add(tmplColName, lang.T("template.name"), 0)
	add(tmplColUnit, lang.T("col.unit"), 0)
	if tmplHasBaseline(p) {
		add(tmplColBaseline, lang.T("col.baseline-year", p.BaselineYear), 0)
	}
	add(tmplColTarget, lang.T("col.target-year", p.Period.End), 0)
	add(tmplColAttribute, lang.T("col.attribute-full"), 0)
	for y := tw.from; y <= tw.to; y++ {
		add(tmplColYear, report.YearLabel(y, lang), y)
	}
	add(tmplColStatus, lang.T("col.status"), 0)
	add(tmplColHint, lang.T("template.how-to-fill"), 0)
	for i := range tw.cols {
		tw.cols[i].col = i + 1
		tw.cols[i].name, _ = excelize.ColumnNumberToName(i + 1)
	}
}

// column is the first column of the role. Every role but the baseline's is
// always there (columns), and the baseline's is never asked for.
func (tw *templateWriter) column(role int) templateColumn {
	for _, c := range tw.cols {
		if c.role == role {
			return c
		}
	}
	return templateColumn{}
}

func (tw *templateWriter) years() (first, last templateColumn) {
	for _, c := range tw.cols {
		if c.role == tmplColYear {
			if first.col == 0 {
				first = c
			}
			last = c
		}
	}
	return first, last
}

func tmplCell(col string, row int) string { return col + strconv.Itoa(row) }

// The widest a wrapped column gets, in characters: narrow enough for the
// data sheet to print one landscape A4 page wide at nearly its full size
// (ids wrap after their hyphens).
const (
	tmplMaxIDWidth   = 20
	tmplMaxNameWidth = 30
	tmplMaxHintWidth = 24
)

// tmplHeaderWidth is the width a header needs: headers wrap (their row is
// two lines high), so a year and what follows it (2020年 / 基数, Baseline /
// 2020) may take a line each. One more for the Chinese characters, which
// print a little wider than two digits.
func tmplHeaderWidth(h string) int {
	return tmplHeaderLineWidth(h) + 1
}

func tmplHeaderLineWidth(h string) int {
	if i := strings.Index(h, "年"); i > 0 && i+len("年") < len(h) {
		return max(textWidth(h[:i+len("年")]), textWidth(h[i+len("年"):]))
	}
	if before, after, ok := strings.Cut(h, " "); ok {
		return max(textWidth(before), textWidth(after))
	}
	return textWidth(h)
}

func (tw *templateWriter) dataSheet() error {
	f, p, lang, sheet := tw.f, tw.p, tw.lang, tw.sheet
	widths := make([]int, len(tw.cols))
	fit := func(i int, s string) {
		if w := textWidth(s); w > widths[i] {
			widths[i] = w
		}
	}
	setStr := func(ref, s string, style int) error {
		if s != "" {
			// SetCellStr stores text, never a formula, whatever the plan says.
			if err := f.SetCellStr(sheet, ref, s); err != nil {
				return err
			}
		}
		return f.SetCellStyle(sheet, ref, ref, style)
	}

	title := report.PlanTitle(p) + lang.T("template.actuals-workbook")
	if err := setStr(tmplCell("A", templateTitleRow), title, tw.st.title); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, templateTitleRow, 24); err != nil {
		return err
	}
	for i, c := range tw.cols {
		if err := setStr(tmplCell(c.name, templateHeaderRow), c.header, tw.st.header); err != nil {
			return err
		}
		widths[i] = max(widths[i], tmplHeaderWidth(c.header))
	}
	if err := f.SetRowHeight(sheet, templateHeaderRow, 30); err != nil {
		return err
	}

	firstYear, lastYear := tw.years()
	status := tw.column(tmplColStatus)
	var statusCells []string
	row := templateHeaderRow + 1
	firstInput := ""
	for gi, g := range p.Groups {
		for _, c := range tw.cols {
			text := ""
			if c.role == tmplColName {
				text = tmplGroupLabel(gi, g.Name)
			}
			if err := setStr(tmplCell(c.name, row), text, tw.st.group); err != nil {
				return err
			}
		}
		row++
		for _, ind := range g.Indicators {
			kind := tmplInputOf(ind, tw.from, p)
			lines := 1
			for i, c := range tw.cols {
				ref := tmplCell(c.name, row)
				var err error
				switch c.role {
				case tmplColID:
					err = setStr(ref, ind.ID, tw.st.fixedWrap)
					fit(i, ind.ID)
					// a Latin letter is narrower than the digit a unit of
					// width is measured in: the whole width holds an id's line
					lines = max(lines, wrapLines(ind.ID, tmplMaxIDWidth))
				case tmplColName:
					label := report.IndicatorLabel(ind)
					err = setStr(ref, label, tw.st.fixedWrap)
					fit(i, label)
					lines = max(lines, tmplLines(label, tmplMaxNameWidth))
				case tmplColUnit:
					err = setStr(ref, ind.Unit, tw.st.fixed)
					fit(i, ind.Unit)
				case tmplColBaseline:
					err = setStr(ref, ind.Baseline.Text, tw.st.fixed)
					fit(i, ind.Baseline.Text)
				case tmplColTarget:
					err = setStr(ref, ind.PrintedTarget(), tw.st.fixed)
					fit(i, ind.PrintedTarget())
				case tmplColAttribute:
					a := report.AttributeLabel(ind.Attribute, lang)
					err = setStr(ref, a, tw.st.fixed)
					fit(i, a)
				case tmplColYear:
					style := tw.st.number
					switch kind {
					case tmplCumulative, tmplTotal:
						style = tw.st.cumulative
					case tmplRatio:
						style = tw.st.ratio
					}
					err = setStr(ref, "", style)
					if firstInput == "" {
						firstInput = ref
					}
				case tmplColStatus:
					err = setStr(ref, "", tw.st.status)
				case tmplColHint:
					h := tw.hint(ind, kind)
					err = setStr(ref, h, tw.st.hint)
					fit(i, h)
					lines = max(lines, tmplLines(h, tmplMaxHintWidth))
				}
				if err != nil {
					return err
				}
			}
			if lines > 1 {
				if err := f.SetRowHeight(sheet, row, float64(16*lines)); err != nil {
					return err
				}
			}
			if err := tw.validate(ind, kind, tmplCell(firstYear.name, row)+":"+tmplCell(lastYear.name, row)); err != nil {
				return err
			}
			statusCells = append(statusCells, tmplCell(status.name, row))
			row++
		}
	}
	if err := tw.validateStatus(statusCells); err != nil {
		return err
	}

	// Notes, in the 指标 column, where the reader skips a row that starts with 注.
	row++
	for _, n := range tw.notes() {
		if err := setStr(tmplCell(tw.column(tmplColName).name, row), n, tw.st.note); err != nil {
			return err
		}
		row++
	}

	// The used range, which excelize leaves at A1 and some readers (openpyxl's
	// read-only mode) size the sheet by.
	if err := f.SetSheetDimension(sheet, "A1:"+tmplCell(tw.cols[len(tw.cols)-1].name, row-1)); err != nil {
		return err
	}
	for i, c := range tw.cols {
		w := widths[i] + 2
		switch c.role {
		case tmplColID:
			w = min(w, tmplMaxIDWidth)
		case tmplColName:
			w = min(w, tmplMaxNameWidth)
		case tmplColHint:
			w = min(w, tmplMaxHintWidth)
		case tmplColYear:
			w = max(w, 10)
		case tmplColUnit, tmplColAttribute, tmplColStatus:
			w = max(w, 8)
		}
		if err := f.SetColWidth(sheet, c.name, c.name, float64(w)); err != nil {
			return err
		}
	}

	if firstInput == "" { // a plan without indicators
		firstInput = tmplCell(firstYear.name, templateHeaderRow+1)
	}
	// Printed landscape, one page wide, the title and header on every page.
	if err := setPrintLayout(f, sheet, printLayout{landscape: true, titleRows: templateHeaderRow,
		lastCol: len(tw.cols), lastRow: row - 1, plan: p.Ref(), lang: lang}); err != nil {
		return err
	}
	// The title and header rows and the id and name columns stay in view.
	nameCol := tw.column(tmplColName)
	return f.SetPanes(sheet, &excelize.Panes{
		Freeze:      true,
		XSplit:      nameCol.col,
		YSplit:      templateHeaderRow,
		TopLeftCell: tmplCell(tw.cols[nameCol.col].name, templateHeaderRow+1),
		ActivePane:  "bottomRight",
		Selection:   []excelize.Selection{{SQRef: firstInput, ActiveCell: firstInput, Pane: "bottomRight"}},
	})
}

// tmplGroupTitle is how pkg/actuals knows a group row (its groupTitle): a
// title numbered 一、, (一) or 第一章 …, after NFKC. TestTemplateGroupNames
// checks that the two agree.
var tmplGroupTitle = regexp.MustCompile(`^([一二三四五六七八九十]+\s*[、.]|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十\d]+[章节部分类])`)

// tmplGroupLabel is a group row's title: the group's name, numbered 一、二、…
// by its place where the plan file does not number it, so that the reader
// takes the row for a group and not for an indicator it cannot match.
func tmplGroupLabel(i int, name string) string {
	if tmplGroupTitle.MatchString(strings.TrimSpace(norm.NFKC.String(name))) {
		return name
	}
	return tmplChineseNumber(i+1) + "、" + name
}

// tmplChineseNumber writes 1–99 in Chinese numerals: 一, 十, 十一, 二十三.
func tmplChineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	default:
		return digits[n/10] + "十" + digits[n%10]
	}
}

// tmplLines is how many lines s takes in a wrapped column of the given width.
func tmplLines(s string, colWidth int) int {
	per := colWidth - 2
	return max(1, (textWidth(s)+per-1)/per)
}

// startYear is the period's first year as the messages name it.
func (tw *templateWriter) startYear() string { return strconv.Itoa(tw.p.Period.Start) }

// missingYears are the years of the period before the template's first:
// "2021年", "2021—2022年" ("2021", "2021—2022" in English).
func (tw *templateWriter) missingYears() string {
	s := tw.startYear()
	if last := tw.from - 1; last > tw.p.Period.Start {
		s += "—" + strconv.Itoa(last)
	}
	return tw.lang.T("template.years", s)
}

// hint is the 填写说明 cell of an indicator's row.
func (tw *templateWriter) hint(ind *plan.Indicator, kind tmplInput) string {
	lang := tw.lang
	switch kind {
	case tmplCumulative:
		return lang.T("template.each-year-s-amount-or-the-total-so-far-a")
	case tmplTotal:
		return lang.T("template.the-total-since-as-total", tw.startYear())
	case tmplRatio:
		return lang.T("template.a-ratio-like", ind.Target.Text)
	}
	if ind.Unit == "%" {
		return lang.T("template.a-percentage-96-5-or-96-5")
	}
	return ""
}
