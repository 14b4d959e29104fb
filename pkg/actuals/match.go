package actuals

import (
	"errors"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// Value is one value read for an indicator, with the cell it came from.
type Value struct {
	Indicator string // the plan's indicator id
	Entity    string // "" in a single-unit workbook
	Year      int
	Kind      ValueKind
	// Number is the value in the plan's unit (Amount, Total).
	Number float64
	// Parts are a ratio's components.
	Parts []float64
	Cell  string // "Sheet!G9"
	Text  string // the cell as written
	// Note says how the value was read where that is not obvious: a unit
	// conversion, a percent format, a bad cell read as no value.
	Note string
	// Approximate is true for a value written as approximate or provisional
	// (约72, 72（快报）).
	Approximate bool
}

// Status is what the workbook's 完成情况 column says for an indicator.
type Status struct {
	Indicator string
	Entity    string
	Year      int // the row's year in a long table; 0 in a wide one (the evaluation year)
	Text      string
	Cell      string
}

// Issue is a problem or a warning at a place in the workbook.
type Issue struct {
	Cell string // "Sheet!G9"; "" for the workbook as a whole
	Text string // the cell's text, quoted in the message when there is one
	Msg  string
	// BadCell marks a cell whose content is not a value: --lenient reads such
	// a cell as no value. Other errors (a duplicate, an unmatched row under
	// --strict) it leaves as they are.
	BadCell bool
	// Lang is the language of Msg, and of the line String makes (the zero
	// value: English).
	Lang msg.Lang
	// More counts the issues of its kind that came after it and were not
	// kept (see issueList): FormatIssues counts them with it.
	More int
}

// String is the issue as one message line: `Sheet!G9: "text": message`
// (`Sheet!G9：“text”：message` in Chinese).
func (i Issue) String() string {
	lang := i.lang()
	text := quotedText(i.Text)
	switch {
	case i.Cell != "" && text != "":
		return lang.T("cell.issue-text", i.Cell, text, i.Msg)
	case i.Cell != "":
		return lang.T("cell.issue", i.Cell, i.Msg)
	case text != "":
		return lang.T("cell.issue-text-only", text, i.Msg)
	}
	return i.Msg
}

// maxQuoted is how much of a cell's text a message quotes (the cell's own,
// and a unit's or a unit of the row's): a paragraph pasted below a table (a
// plan's prose copied with its 专栏) is named by its start, not printed
// whole in every warning.
const maxQuoted = 40

// quotedText is a cell's text as a message quotes it: at most maxQuoted
// characters, the rest as "…".
func quotedText(s string) string {
	n := 0
	for i := range s { // the first maxQuoted characters only, however long s is
		if n == maxQuoted {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

func (i Issue) lang() msg.Lang {
	return i.Lang.OrEnglish()
}

// Format is the issue's line with the file in front.
func (i Issue) Format(file string) string { return i.lang().T("cell.issue", file, i.String()) }

// CellErrors is every bad cell of a workbook. Its text has one line per cell.
type CellErrors struct {
	File   string
	Issues []Issue
}

// Lenient reports whether --lenient would read every one of these errors as
// no value.
func (e *CellErrors) Lenient() bool {
	for _, i := range e.Issues {
		if !i.BadCell {
			return false
		}
	}
	return true
}

func (e *CellErrors) Error() string {
	return strings.Join(FormatIssues(e.File, e.Issues), "\n")
}

// MaxIssuesPerKind is how many issues of one kind (one message: 不是数字,
// 与规划的任何指标都不相符 …) are listed one by one; the rest are counted.
const MaxIssuesPerKind = 20

// FormatIssues is the issues' lines with the file in front (Issue.Format),
// the first MaxIssuesPerKind of each kind in order, then a line per kind
// with more, counting them: a workbook of 3,000 bad cells gives a screen
// to read, not 3,000 lines (nor, for a long text in every cell, megabytes).
func FormatIssues(file string, issues []Issue) []string {
	lines := IssueLines(issues)
	if len(issues) > 0 {
		lang := issues[0].lang()
		for i, l := range lines {
			lines[i] = lang.T("cell.issue", file, l)
		}
	}
	return lines
}

// IssueLines is FormatIssues without the file (inspect names it once).
func IssueLines(issues []Issue) []string {
	seen := map[string]int{}
	var lines []string
	var kinds []string             // of the kinds with more, in order
	example := map[string]string{} // the first message left out, of each kind
	for _, is := range issues {
		k := issueKind(is.Msg)
		before := seen[k]
		seen[k] = before + 1 + is.More
		switch {
		case before < MaxIssuesPerKind:
			lines = append(lines, is.String())
		case before == MaxIssuesPerKind:
			kinds = append(kinds, k)
			example[k] = is.Msg
		}
	}
	for _, k := range kinds {
		lang := issues[0].lang()
		lines = append(lines, lang.T("issues.more", seen[k]-MaxIssuesPerKind, example[k]))
	}
	return lines
}

// issueSpecifics are the parts of a message that differ between issues of
// one kind: quoted text and numbers (按 1 读取，去掉了“约”; 0.05 像是百分比).
var issueSpecifics = regexp.MustCompile(`“[^”]*”|"[^"]*"|[0-9][0-9.,]*`)

// issueKind is a message with its specifics taken out: what makes issues
// one kind for FormatIssues.
func issueKind(m string) string { return issueSpecifics.ReplaceAllString(m, "#") }

// issueList gathers issues as FormatIssues prints them, in bounded memory:
// the first MaxIssuesPerKind+1 of each kind are kept, and the later ones
// counted on the last one kept (Issue.More). A sheet of a million rows that
// match nothing held a million issues (340 MB) to print 21 lines.
type issueList struct {
	list []Issue
	// count is how many issues of each kind came; last is the index of
	// each kind's last issue kept.
	count, last map[string]int
	// kinds caches issueKind: the same message comes back row after row.
	kinds map[string]string
}

// maxKindCache is how many messages issueList.kinds holds before it starts
// again.
const maxKindCache = 1024

func (l *issueList) add(is Issue) {
	if l.count == nil {
		l.count, l.last, l.kinds = map[string]int{}, map[string]int{}, map[string]string{}
	}
	k, ok := l.kinds[is.Msg]
	if !ok {
		if len(l.kinds) >= maxKindCache {
			clear(l.kinds)
		}
		k = issueKind(is.Msg)
		l.kinds[is.Msg] = k
	}
	n := l.count[k]
	l.count[k] = n + 1
	if n <= MaxIssuesPerKind {
		l.last[k] = len(l.list)
		l.list = append(l.list, is)
		return
	}
	l.list[l.last[k]].More++
}

// RowMatch says what became of one row of the table.
type RowMatch struct {
	Row       int
	Sheet     string // the row's sheet (a workbook read one sheet per year has several)
	Cell      string // the name (or id) cell
	Text      string // the name (or id) as written
	Entity    string
	Indicator string // the matched indicator's id, or ""
	// By says how the row matched: "id", "number", "name", "alias"; or why it
	// was skipped: "group" (a group title, no values), "unmatched".
	By   string
	Unit string // the row's unit, from a 单位 column or the name's brackets
}

// Result is a workbook's table read against a plan.
type Result struct {
	*Table
	Plan     *plan.Plan
	Rows     []RowMatch
	Values   []Value
	Statuses []Status
	Warnings []Issue
	// Entities lists the reporting units in order of appearance; [""] for a
	// single-unit workbook.
	Entities []string
	// Reported holds, per entity, the ids of the indicators the workbook has
	// a row for.
	Reported map[string]map[string]bool
}

// groupTitle is a group row's title: 一、就业, (二)社会保障, 第三部分.
var groupTitle = regexp.MustCompile(`^([一二三四五六七八九十]+\s*[、.]|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十\d]+[章节部分类])`)

var (
	leadingNumber = regexp.MustCompile(`^(\d+\s*[.、]|\(\d+\)|[一二三四五六七八九十]+\s*[、.]|\([一二三四五六七八九十]+\))\s*`)
	trailingUnit  = regexp.MustCompile(`\(([^()]*)\)$`)
)

// splitName normalises a row's name for matching (NFKC; leading numbering
// removed; a trailing bracketed unit removed and returned; white space
// removed).
func splitName(s string) (name, unit string) { return splitNameUnits(s, nil) }

// splitNameUnits is splitName where a bracket holding one of planUnits (the
// units of the plan in use, NFKC) is a unit too, though plancheck does not
// know it: （标准亩） after a name is the unit of a plan that uses 标准亩, and
// a note in brackets (（含灵活就业）) stays part of the name.
func splitNameUnits(s string, planUnits map[string]bool) (name, unit string) {
	s = strings.TrimSpace(norm.NFKC.String(s))
	s = leadingNumber.ReplaceAllString(s, "")
	if m := trailingUnit.FindStringSubmatchIndex(s); m != nil {
		u := strings.TrimSpace(s[m[2]:m[3]])
		if _, known := plan.LookupUnit(u); (known || planUnits[u]) && u != "" {
			unit, s = u, s[:m[0]]
		}
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s), unit
}

// matcher finds indicators by id, 专栏 number, name and alias. It remembers
// what it found for each distinct text: a table repeats the same few names
// on every row.
type matcher struct {
	byID     map[string]*plan.Indicator
	byNumber map[int]*plan.Indicator // numbers of the plan's main table no two indicators share
	byName   map[string]*plan.Indicator
	byAlias  map[string]*plan.Indicator
	// units holds the plan's units (NFKC), known to plancheck or not.
	units map[string]bool

	ids   map[string]found
	names map[string]found
	nears map[string]*plan.Indicator // near, by the text of an unmatched name
}

// found is what a text matched, and how; unit is the bracketed unit a name
// carries.
type found struct {
	ind  *plan.Indicator
	by   string
	unit string
}

func newMatcher(p *plan.Plan) *matcher {
	m := &matcher{byID: map[string]*plan.Indicator{}, byNumber: map[int]*plan.Indicator{},
		byName: map[string]*plan.Indicator{}, byAlias: map[string]*plan.Indicator{},
		ids: map[string]found{}, names: map[string]found{}, nears: map[string]*plan.Indicator{},
		units: map[string]bool{}}
	shared := map[int]bool{}
	main := p.MainTable() // a number is one of the main table's (专栏2), not of a key-project box
	for _, ind := range p.Indicators() {
		m.units[norm.NFKC.String(ind.Unit)] = true
		m.byID[strings.ToLower(ind.ID)] = ind
		if n := ind.SourceNumber(); n > 0 && ind.SourceTable() == main {
			if _, dup := m.byNumber[n]; dup {
				shared[n] = true
			}
			m.byNumber[n] = ind
		}
		m.byName[plan.NormalizeName(ind.Name)] = ind
		for _, a := range ind.Aliases {
			m.byAlias[plan.NormalizeName(a)] = ind
		}
	}
	for n := range shared {
		delete(m.byNumber, n)
	}
	return m
}

func (m *matcher) id(text string) (*plan.Indicator, string) {
	if f, ok := m.ids[text]; ok {
		return f.ind, f.by
	}
	var f found
	s := strings.ToLower(strings.TrimSpace(norm.NFKC.String(text)))
	if ind := m.byID[s]; ind != nil {
		f = found{ind: ind, by: "id"}
	} else if n, err := strconv.Atoi(strings.TrimSuffix(s, ".")); err == nil {
		if ind := m.byNumber[n]; ind != nil {
			f = found{ind: ind, by: "number"}
		}
	}
	if len(m.ids) < maxCached {
		m.ids[text] = f
	}
	return f.ind, f.by
}

// row matches a table row: by its id cell (the plan's id, or the 专栏
// number), else by its name cell (name, then alias). It says how, and gives
// the unit in the name's brackets when the name matched.
func (m *matcher) row(r TableRow, idCol, nameCol int) (*plan.Indicator, string, string) {
	if c, ok := r.cell(idCol); ok && idCol > 0 {
		if ind, by := m.id(cellText(c)); ind != nil {
			return ind, by, ""
		}
	}
	if c, ok := r.cell(nameCol); ok && nameCol > 0 {
		f := m.name(c.Text)
		return f.ind, f.by, f.unit
	}
	return nil, "", ""
}

// name matches a name cell's text, by name then alias.
func (m *matcher) name(text string) found {
	if f, ok := m.names[text]; ok {
		return f
	}
	n, unit := splitNameUnits(text, m.units)
	f := found{unit: unit}
	if ind := m.byName[n]; ind != nil {
		f.ind, f.by = ind, "name"
	} else if ind := m.byAlias[n]; ind != nil {
		f.ind, f.by = ind, "alias"
	}
	if len(m.names) < maxCached {
		m.names[text] = f
	}
	return f
}

// isGroup reports whether a row's text is a group title (一、就业).
func (m *matcher) isGroup(text string) bool {
	return groupTitle.MatchString(strings.TrimSpace(norm.NFKC.String(text)))
}

// cellText is a cell's text for matching: a number in an id column is its
// number.
func cellText(c xlsx.Cell) string {
	return strings.TrimSpace(c.Text)
}

// Reading is one value read for an indicator, kept compact (16 bytes): a
// workbook of thousands of reporting units has hundreds of thousands of
// them. The cell is kept as numbers and named only when a message or an
// output needs it (Matcher.CellRef); a ratio's parts and text are kept aside
// (Matcher.Ratio).
type Reading struct {
	// Number is the value in the plan's unit (Amount, Total); for a ratio,
	// the place of its parts kept aside.
	Number float64
	Row    int32
	Col    uint16
	year   uint8 // the year less minYearHeader
	kind   readingKind
}

// Year is the year the value is for.
func (r Reading) Year() int { return minYearHeader + int(r.year) }

// Approximate reports whether the value was written as approximate or
// provisional (约72, 72左右, 72（快报）, 72*).
func (r Reading) Approximate() bool { return r.kind&kindApproximate != 0 }

// readingKind is a Reading's ValueKind in a byte, with a flag in its top bit
// (kindApproximate): a Reading stays 16 bytes.
type readingKind uint8

// kindApproximate marks, in a Reading's kind, a value written as
// approximate or provisional.
const kindApproximate readingKind = 1 << 7

// base is the kind without its flag.
func (k readingKind) base() readingKind { return k &^ kindApproximate }

const (
	kindNone readingKind = iota
	kindAmount
	kindTotal
	kindParts
	kindBad // a bad cell kept only so that a second value for its year is found
)

var kindNames = [...]ValueKind{kindNone: NoValue, kindAmount: Amount, kindTotal: Total, kindParts: Parts, kindBad: badReading}

func kindOf(k ValueKind) readingKind {
	for i, n := range kindNames {
		if n == k {
			return readingKind(i)
		}
	}
	return kindBad
}

// Kind is what the value holds; a bad cell kept only to find a second value
// for its year is none of the spec's kinds.
func (r Reading) Kind() ValueKind { return kindNames[r.kind.base()] }

// ratioValue is a ratio's components and its text as written.
type ratioValue struct {
	parts []float64
	text  string
}

// entityReadings holds one reporting unit's readings: for each indicator a
// run of slots in one block (a value a year of the period and one more, for
// a baseline-year column), with any further values aside, so that a unit
// costs one allocation rather than one per indicator.
type entityReadings struct {
	block    []Reading // nil while parked in the spill file
	spilled  int64     // 1 + where the block is in the spill file, while parked
	n        []uint8   // readings of each indicator in its slots
	extra    map[int][]Reading
	reported []bool
	statuses []StatusReading
}

// StatusReading is a 完成情况 cell read for an indicator, kept compact; its
// text is Matcher.StatusText.
type StatusReading struct {
	Row       int32
	Col       uint16
	Indicator uint16 // index into the plan's indicators
	Year      int16  // the row's year in a long table; 0 in a wide one
	text      uint32
}

// Matcher matches a table's rows, as they are read, to a plan's indicators and
// keeps the values in per-(reporting unit, indicator) lists. Work that
// depends only on a cell's text (name normalisation, id and alias lookup,
// units) is done once per distinct text. A Matcher holds no row once it has
// matched it.
type Matcher struct {
	h    *Header
	p    *plan.Plan
	opts Options
	m    *matcher
	inds []*plan.Indicator
	// index of each indicator in inds
	indIndex map[*plan.Indicator]int

	nameCol, idCol, unitCol, entityCol, statusCol, attrCol, yearKeyCol, valueCol int
	yearCols                                                                     []Column
	// fixedEntity is every row's reporting unit in a table with no entity
	// column: --entity, else the 填报单位 line above the table; "" for none.
	fixedEntity string
	// sheets are the sheets read, in order: one, or one per year; a
	// reading's row carries its sheet's index (sheetBits) above sheetShift.
	sheets    []string
	sheetBits int32

	bad      issueList
	warnings issueList

	entities  []string
	entityIdx map[string]int
	// readings[entity][indicator] are the values read, in row order;
	// reported[entity][indicator] says whether the workbook has a row for it.
	ents  []*entityReadings
	slots int // slots per indicator in an entity's block
	// spill holds the blocks of units the rows have moved past, once there
	// are more than spillAfter units; last is the unit of the last row.
	spill   *spill
	noSpill bool
	last    int
	ratios  []ratioValue
	// texts are the distinct 完成情况 texts, which StatusReading.text
	// indexes.
	texts     []string
	textIndex map[string]uint32
	latest    int // the latest year with a value

	// detail keeps what inspect shows: every row's match and every value
	// with its cell and note, in row order.
	detail *Result

	units map[string]string // NFKC'd unit cell texts

	// lang is the language of the messages (opts.Lang; zero: English).
	lang msg.Lang
}

// NewMatcher starts matching the table h heads against the plan p.
func NewMatcher(h *Header, p *plan.Plan, opts Options) *Matcher {
	mt := &Matcher{h: h, p: p, opts: opts, m: newMatcher(p), inds: p.Indicators(),
		indIndex: map[*plan.Indicator]int{}, entityIdx: map[string]int{}, units: map[string]string{},
		slots: p.Period.End - p.Period.Start + 2, textIndex: map[string]uint32{}, last: -1, lang: opts.Lang.OrEnglish()}
	for i, ind := range mt.inds {
		mt.indIndex[ind] = i
	}
	mt.m.addAliases(opts.Aliases)
	mt.sheets = []string{h.Sheet}
	mt.setHeader(h)
	return mt
}

// setHeader takes the columns of a table's header: where names, ids, units,
// entities, statuses and values are.
func (mt *Matcher) setHeader(h *Header) {
	mt.h = h
	first := h.firstColumn
	mt.nameCol, mt.idCol, mt.unitCol = first(RoleName), first(RoleID), first(RoleUnit)
	mt.entityCol, mt.statusCol, mt.attrCol = first(RoleEntity), first(RoleStatus), first(RoleAttribute)
	mt.yearKeyCol, mt.valueCol = first(RoleYearKey), first(RoleValue)
	if h.Entity != "" || len(mt.sheets) <= 1 {
		// a later sheet of a workbook by year keeps the unit the first
		// named, unless it names its own
		mt.fixedEntity = h.Entity
	}
	if mt.opts.Entity != "" {
		mt.fixedEntity = mt.opts.Entity
	}
	mt.yearCols = mt.yearCols[:0]
	for _, c := range h.Columns {
		if c.Role == RoleYear {
			mt.yearCols = append(mt.yearCols, c)
		}
	}
}

// sheetShift is where a reading's row keeps the index of its sheet (a
// workbook of one sheet per year): rows are at most 2^20, so 21 bits hold
// the row and the rest, up to maxYearSheets, the sheet.
const (
	sheetShift    = 21
	maxYearSheets = 1 << 10
)

// NextSheet takes the header of the next sheet of a workbook read as one
// table, one sheet per year (SheetSink): its rows are matched by its own
// columns and their cells named in it.
func (mt *Matcher) NextSheet(h *Header) error {
	if len(mt.sheets) >= maxYearSheets {
		return errors.New(mt.lang.T("table.too-many-sheets", maxYearSheets))
	}
	mt.sheets = append(mt.sheets, h.Sheet)
	mt.sheetBits = int32(len(mt.sheets)-1) << sheetShift
	mt.setHeader(h)
	return nil
}

// KeepDetail makes the Matcher keep every row's match and every value as a
// Value, for Result.
func (mt *Matcher) KeepDetail() {
	mt.detail = &Result{Plan: mt.p, Reported: map[string]map[string]bool{}}
}

// Plan is the plan the rows are matched against.
func (mt *Matcher) Plan() *plan.Plan { return mt.p }

// Indicators are the plan's indicators, in plan order: Readings and
// StatusReading.Indicator index into them.
func (mt *Matcher) Indicators() []*plan.Indicator { return mt.inds }

// Entities lists the reporting units in order of appearance; [""] for a
// single-unit workbook.
func (mt *Matcher) Entities() []string {
	if len(mt.entities) == 0 {
		return []string{""}
	}
	return mt.entities
}

// Reported reports whether the workbook has a row for the indicator and the
// entity (both by index).
func (mt *Matcher) Reported(entity, ind int) bool {
	return entity < len(mt.ents) && mt.ents[entity].reported[ind]
}

// Readings are the values read for an entity and an indicator, in row order.
func (mt *Matcher) Readings(entity, ind int) []Reading {
	if entity >= len(mt.ents) {
		return nil
	}
	e := mt.ents[entity]
	in := mt.blockOf(entity)[ind*mt.slots : ind*mt.slots+int(e.n[ind])]
	if more := e.extra[ind]; len(more) > 0 {
		return append(slices.Clone(in), more...)
	}
	return in
}

// Ratio is a ratio reading's components and text as written; nil and "" for
// another kind.
func (mt *Matcher) Ratio(r Reading) ([]float64, string) {
	if r.kind.base() != kindParts {
		return nil, ""
	}
	v := mt.ratios[int(r.Number)]
	return v.parts, v.text
}

// Statuses are the 完成情况 cells read for an entity, in row order.
func (mt *Matcher) Statuses(entity int) []StatusReading {
	if entity >= len(mt.ents) {
		return nil
	}
	return mt.ents[entity].statuses
}

// StatusText is a status cell's text as written (trimmed).
func (mt *Matcher) StatusText(s StatusReading) string { return mt.texts[s.text] }

// addReading keeps a reading for an entity's indicator, in its slots or
// aside.
func (mt *Matcher) addReading(ei, ii int, r Reading) {
	e := mt.ents[ei]
	if n := int(e.n[ii]); n < mt.slots {
		e.block[ii*mt.slots+n] = r
		e.n[ii]++
		return
	}
	if e.extra == nil {
		e.extra = map[int][]Reading{}
	}
	e.extra[ii] = append(e.extra[ii], r)
}

// Warnings are the problems that do not stop the evaluation, in row order.
func (mt *Matcher) Warnings() []Issue { return mt.warnings.list }

// LatestYear is the latest year any value was read for, or 0.
func (mt *Matcher) LatestYear() int { return mt.latest }

// CellRef names a cell as messages print it: "Sheet!G9".
func (mt *Matcher) CellRef(row, col int32) string {
	sheet := mt.sheets[row>>sheetShift]
	return sheet + "!" + xlsx.CellName(int(col), int(row&(1<<sheetShift-1)))
}

// badCell reports a cell that holds no usable value: an error, or under
// --lenient a warning (the caller then reads no value from it).
func (mt *Matcher) badCell(c xlsx.Cell, msg string) {
	is := Issue{Cell: mt.h.Ref(c.Ref()), Text: displayText(c), Msg: msg, BadCell: true, Lang: mt.lang}
	if mt.opts.Lenient {
		is.Msg += mt.lang.T("cell.lenient")
		mt.warnings.add(is)
		return
	}
	mt.bad.add(is)
}

func (mt *Matcher) conflict(c xlsx.Cell, msg string) {
	mt.bad.add(Issue{Cell: mt.h.Ref(c.Ref()), Text: c.Text, Msg: msg, Lang: mt.lang})
}

// entity is the index of a reporting unit, added on first sight.
func (mt *Matcher) entity(name string) int {
	if i, ok := mt.entityIdx[name]; ok {
		return i
	}
	i := len(mt.entities)
	mt.entityIdx[name] = i
	mt.entities = append(mt.entities, name)
	n := len(mt.inds)
	mt.ents = append(mt.ents, &entityReadings{block: make([]Reading, n*mt.slots), n: make([]uint8, n), reported: make([]bool, n)})
	return i
}

// unit is a unit cell's text as compared with the plan's units.
func (mt *Matcher) unit(text string) string {
	if u, ok := mt.units[text]; ok {
		return u
	}
	u := strings.TrimSpace(norm.NFKC.String(text))
	if len(mt.units) < maxCached {
		mt.units[text] = u
	}
	return u
}

// yearCell is a value cell with the year it is for.
type yearCell struct {
	year int
	cell xlsx.Cell
}

// Row matches one row of the table and keeps its values. Bad cells and
// conflicts are gathered for Finish.
func (mt *Matcher) Row(row TableRow) {
	rm := RowMatch{Row: row.Num, Sheet: mt.h.Sheet}
	ind, by, nameUnit := mt.m.row(row, mt.idCol, mt.nameCol)
	rm.By = by
	// The row is named by the cell that matched it: the name, unless the
	// id matched or there is no name.
	idCell, hasID := row.cell(mt.idCol)
	nameCell, hasName := row.cell(mt.nameCol)
	hasID, hasName = hasID && mt.idCol > 0, hasName && mt.nameCol > 0
	switch {
	case hasName && (!hasID || ind != nil && by != "id" && by != "number"):
		rm.Cell, rm.Text = nameCell.Ref(), cellText(nameCell)
	case hasID:
		rm.Cell, rm.Text = idCell.Ref(), cellText(idCell)
		if rm.Text == "" && hasName {
			rm.Text = cellText(nameCell)
		}
	}
	if hasName {
		if by == "name" || by == "alias" {
			rm.Unit = nameUnit
		} else {
			rm.Unit = mt.m.name(nameCell.Text).unit
		}
	}
	if c, ok := row.cell(mt.unitCol); ok && mt.unitCol > 0 && c.Kind == xlsx.Text {
		if u := mt.unit(c.Text); u != "" {
			rm.Unit = u
		}
	}
	if mt.entityCol == 0 {
		rm.Entity = mt.fixedEntity // the 填报单位 line's, or --entity's
	}
	if mt.entityCol > 0 {
		c, ok := row.cell(mt.entityCol)
		if ok {
			rm.Entity = strings.TrimSpace(c.Text)
		}
		if IsTotal(rm.Entity) {
			// 合计, 全区 …: the total of all the units, not one more
			rm.Entity = ""
		} else if rm.Entity == "" {
			// Every row of a table with an entity column belongs to one;
			// a blank one would be mixed up with the total of all.
			if !ok {
				c = xlsx.Cell{Row: row.Num, Col: mt.entityCol}
			}
			mt.badCell(c, mt.lang.T("cell.no-entity"))
			return
		}
	}

	// The cells holding values: one per year column (wide), or the value
	// column with the year from the year column (long).
	var buf [8]yearCell
	cells := buf[:0]
	if mt.h.Layout == Wide {
		for _, yc := range mt.yearCols {
			if c, ok := row.cell(yc.Col); ok {
				cells = append(cells, yearCell{yc.Year, c})
			}
		}
	} else if c, ok := row.cell(mt.valueCol); ok {
		yc, hasYear := row.cell(mt.yearKeyCol)
		year, ok := yearOf(yc)
		switch {
		case !hasYear:
			mt.badCell(c, mt.lang.T("cell.no-year"))
			return
		case !ok:
			mt.badCell(yc, mt.lang.T("cell.not-a-year"))
			return
		}
		if reason, failed := row.CalcErrors[yc.Col]; failed {
			mt.badCell(yc, mt.lang.T("cell.formula-uncomputed", reason))
			return
		}
		cells = append(cells, yearCell{year, c})
	}

	if ind == nil {
		if len(cells) == 0 && mt.m.isGroup(rm.Text) {
			rm.By = "group"
		} else {
			rm.By = "unmatched"
			msg := mt.lang.T("cell.unmatched", mt.p.Ref())
			if ind := mt.m.near(rm.Text); ind != nil {
				msg = mt.lang.T("cell.unmatched-near", mt.p.Ref(), ind.Name, ind.ID)
			}
			if rm.Cell == "" {
				rm.Cell = row.Cells[0].Ref()
			}
			issue := Issue{Cell: mt.h.Ref(rm.Cell), Text: rm.Text, Msg: msg, Lang: mt.lang}
			if mt.opts.Strict {
				mt.bad.add(issue)
			} else {
				mt.warnings.add(issue)
			}
		}
		if mt.detail != nil {
			mt.detail.Rows = append(mt.detail.Rows, rm)
		}
		return
	}
	rm.Indicator = ind.ID
	if mt.detail != nil {
		mt.detail.Rows = append(mt.detail.Rows, rm)
	}
	ii := mt.indIndex[ind]
	ei := mt.entity(rm.Entity)
	if ei != mt.last {
		// The rows have moved to another unit: park the last one's
		// readings, and bring this one's back if it was parked.
		if mt.last >= 0 && len(mt.ents) > spillAfter {
			mt.park(mt.last)
		}
		mt.unpark(ei)
		mt.last = ei
	}
	mt.ents[ei].reported[ii] = true

	if c, ok := row.cell(mt.attrCol); ok && mt.attrCol > 0 {
		if a := strings.TrimSpace(c.Text); a != "" && a != ind.Attribute.String() && a != ind.Attribute.English() {
			mt.warnings.add(Issue{Cell: mt.h.Ref(c.Ref()), Text: c.Text, Lang: mt.lang,
				Msg: mt.lang.T("cell.attribute-differs", ind.Name, ind.Attribute)})
		}
	}
	if c, ok := row.cell(mt.statusCol); ok && mt.statusCol > 0 && strings.TrimSpace(c.Text) != "" {
		text := strings.TrimSpace(c.Text)
		ti, ok := mt.textIndex[text]
		if !ok {
			ti = uint32(len(mt.texts))
			mt.texts = append(mt.texts, text)
			mt.textIndex[text] = ti
		}
		st := StatusReading{Indicator: uint16(ii), Row: int32(c.Row) | mt.sheetBits, Col: uint16(c.Col), text: ti}
		switch {
		case mt.h.Layout == Long && len(cells) > 0:
			st.Year = int16(cells[0].year)
		case mt.h.Year != 0:
			st.Year = int16(mt.h.Year) // a sheet of a workbook by year: for its year
		}
		mt.ents[ei].statuses = append(mt.ents[ei].statuses, st)
	}

	unitOK := true
	if rm.Unit != "" && rm.Unit != ind.Unit {
		if _, ok := plan.ConvertUnit(1, rm.Unit, ind.Unit); !ok {
			unitOK = false
		}
	}
	for _, yc := range cells {
		mt.value(ind, ii, ei, rm, yc, row.CalcErrors, unitOK)
	}
}

// value reads one value cell of a matched row.
func (mt *Matcher) value(ind *plan.Indicator, ii, ei int, rm RowMatch, yc yearCell, calcErrors map[int]string, unitOK bool) {
	c := yc.cell
	for _, prev := range mt.Readings(ei, ii) {
		if prev.Year() == yc.year {
			mt.conflict(c, mt.lang.T("cell.duplicate", ind.Name, yc.year, mt.entityNote(rm.Entity), mt.CellRef(prev.Row, int32(prev.Col))))
			return
		}
	}
	r := Reading{year: uint8(yc.year - minYearHeader), Row: int32(c.Row) | mt.sheetBits, Col: uint16(c.Col), kind: kindBad}
	var pv parsedValue
	var note string
	reason, failed := calcErrors[c.Col]
	if failed {
		reason = mt.lang.T("cell.formula-uncomputed", reason)
	} else {
		pv, reason = readValue(c, ind, mt.lang)
	}
	if reason == "" && pv.kind != NoValue {
		note, reason = convert(&pv, c, rm.Unit, unitOK, ind, mt.detail != nil, mt.lang)
	}
	if reason != "" {
		mt.badCell(c, reason)
		if mt.opts.Lenient {
			r.kind = kindNone
			mt.keepDetail(ind, rm.Entity, r, c, "bad cell read as no value: "+reason)
		}
		// Kept (a bad cell as such) so that a second value for the year is
		// still found.
		mt.addReading(ei, ii, r)
		return
	}
	r.kind, r.Number = kindOf(pv.kind), pv.number
	if pv.dropped.any() && pv.kind != NoValue {
		r.kind |= kindApproximate
		mt.warnings.add(Issue{Cell: mt.CellRef(r.Row, int32(r.Col)), Text: c.Text, Lang: mt.lang,
			Msg: mt.lang.T("cell.approximate", mt.readAs(pv), mt.droppedWords(pv.dropped))})
	}
	if pv.kind == Parts {
		r.Number = float64(len(mt.ratios))
		mt.ratios = append(mt.ratios, ratioValue{pv.parts, displayText(c)})
	}
	if pv.kind != NoValue && yc.year > mt.latest {
		mt.latest = yc.year
	}
	if pv.kind == Amount || pv.kind == Total {
		ref := func() string { return mt.CellRef(r.Row, int32(r.Col)) }
		if w := plausibility(r.Number, ind.Unit, mt.lang); w != "" && pv.kind == Amount {
			mt.warnings.add(Issue{Cell: ref(), Text: c.Text, Msg: w, Lang: mt.lang})
		}
		if w := magnitude(r.Number, ind, mt.lang); w != "" {
			mt.warnings.add(Issue{Cell: ref(), Text: c.Text, Msg: w, Lang: mt.lang})
		}
		if pv.fraction && ind.Unit == "%" && r.Number != 0 && r.Number <= 1.5 && r.Number >= -1.5 {
			mt.warnings.add(Issue{Cell: ref(), Text: c.Text, Lang: mt.lang,
				Msg: mt.lang.T("cell.looks-fraction", formatNumber(r.Number), formatNumber(round9(r.Number*100)))})
		}
	}
	mt.addReading(ei, ii, r)
	mt.keepDetail(ind, rm.Entity, r, c, note)
}

// readAs is a value as the approximate warning says it was read: the number
// in the plan's unit, or the ratio.
func (mt *Matcher) readAs(pv parsedValue) string {
	if pv.kind != Parts {
		return formatNumber(pv.number)
	}
	parts := make([]string, len(pv.parts))
	for i, p := range pv.parts {
		parts[i] = formatNumber(p)
	}
	return strings.Join(parts, ":")
}

// droppedWords lists the approximate words a value lost, each quoted.
func (mt *Matcher) droppedWords(dropped approximateWords) string {
	words := dropped.words()
	for i, w := range words {
		words[i] = mt.lang.T("cell.dropped-word", w)
	}
	return strings.Join(words, mt.lang.T("punct.enumeration"))
}

// keepDetail adds a value to the detailed result, when one is kept.
func (mt *Matcher) keepDetail(ind *plan.Indicator, entity string, r Reading, c xlsx.Cell, note string) {
	if mt.detail == nil {
		return
	}
	parts, _ := mt.Ratio(r)
	number := r.Number
	if r.kind.base() == kindParts {
		number = 0
	}
	mt.detail.Values = append(mt.detail.Values, Value{Indicator: ind.ID, Entity: entity, Year: r.Year(),
		Kind: r.Kind(), Number: number, Parts: parts, Cell: mt.CellRef(r.Row, int32(r.Col)), Text: displayText(c), Note: note,
		Approximate: r.Approximate()})
}

// badReading marks a bad cell kept only so that a second value for its year
// is found; it is never handed on as a value.
const badReading ValueKind = "bad"

// Finish ends the matching. Bad cells are gathered, every one, and returned
// as *CellErrors (unless opts.Lenient); with opts.Strict an unmatched row is
// an error too.
func (mt *Matcher) Finish() error {
	if len(mt.bad.list) > 0 {
		return &CellErrors{File: mt.h.File, Issues: mt.bad.list}
	}
	return nil
}

// Match reads the table's rows against the plan's indicators, keeping every
// row's match and every value (what inspect shows). Bad cells are gathered,
// every one, and returned as *CellErrors (unless opts.Lenient); with
// opts.Strict an unmatched row is an error too.
func Match(t *Table, p *plan.Plan, opts Options) (*Result, error) {
	mt := NewMatcher(&t.Header, p, opts)
	mt.KeepDetail()
	for _, row := range t.Rows {
		mt.Row(row)
	}
	if err := mt.Finish(); err != nil {
		return nil, err
	}
	return mt.Result(t), nil
}

// Result is what a Matcher that keeps detail found, with the table it read.
func (mt *Matcher) Result(t *Table) *Result {
	res := mt.detail
	res.Table, res.Warnings, res.Entities = t, mt.warnings.list, mt.Entities()
	for ei, name := range mt.entities {
		for ii, ind := range mt.inds {
			if mt.ents[ei].reported[ii] {
				if res.Reported[name] == nil {
					res.Reported[name] = map[string]bool{}
				}
				res.Reported[name][ind.ID] = true
			}
		}
	}
	res.Statuses = nil
	// Statuses in row order, as the rows came.
	type keyed struct {
		st     Status
		row    int32
		col    int32
		entity int
	}
	var all []keyed
	for ei, e := range mt.ents {
		for _, s := range e.statuses {
			all = append(all, keyed{Status{Indicator: mt.inds[s.Indicator].ID, Entity: mt.entities[ei], Year: int(s.Year),
				Text: mt.StatusText(s), Cell: mt.CellRef(s.Row, int32(s.Col))}, s.Row, int32(s.Col), ei})
		}
	}
	slices.SortStableFunc(all, func(a, b keyed) int {
		if a.row != b.row {
			return int(a.row - b.row)
		}
		return int(a.col - b.col)
	})
	for _, k := range all {
		res.Statuses = append(res.Statuses, k.st)
	}
	return res
}

func (mt *Matcher) entityNote(entity string) string {
	if entity == "" {
		return ""
	}
	return mt.lang.T("cell.duplicate-entity", quotedText(entity))
}

// convert brings a value into the plan's unit: from a percent format or a %
// sign, or from the row's unit. It returns the note that says how (only when
// wantNote: inspect shows it, eval does not) and why it cannot, or "".
func convert(pv *parsedValue, c xlsx.Cell, rowUnit string, rowUnitOK bool, ind *plan.Indicator, wantNote bool, lang msg.Lang) (note, reason string) {
	from := rowUnit
	if pv.unit != "" {
		from = pv.unit
	}
	if pv.multiplier != "" {
		if pv.unit == "" && !rowUnitOK {
			return "", lang.T("cell.unit-no-convert", quotedText(rowUnit), ind.Unit, ind.Name)
		}
		if from, reason = multiply(pv, from, ind.Unit, lang); reason != "" {
			return "", reason
		}
	}
	if from == "" || from == ind.Unit || norm.NFKC.String(from) == norm.NFKC.String(ind.Unit) {
		if pv.percentFormat != "" && ind.Unit == "%" && wantNote {
			note = lang.T("note.percent-cell", displayText(c), pv.percentFormat, formatNumber(pv.number))
		}
		return note, ""
	}
	if pv.unit == "" && !rowUnitOK {
		return "", lang.T("cell.unit-no-convert", quotedText(rowUnit), ind.Unit, ind.Name)
	}
	n, ok := plan.ConvertUnit(pv.number, from, ind.Unit)
	if !ok {
		return "", lang.T("cell.value-in-unit", quotedText(from), unitName(ind.Unit, lang), ind.Name)
	}
	if math.Abs(n) >= maxValue {
		return "", lang.T("cell.too-large")
	}
	if wantNote {
		note = lang.T("note.converted", formatNumber(pv.number), quotedText(from), formatNumber(round9(n)), ind.Unit)
	}
	pv.number = round9(n)
	pv.fraction = false
	return note, ""
}

// multiply applies a 万 or 亿 written after a number to the unit it
// multiplies: the unit written after it (亿人), else the row's unit, else the
// plan's, less any 万 or 亿 of its own. 42.5万 in a 人 row is 42.5 万人, and
// in a 万人 row 42.5 万人 too: people write the 万 the unit already says
// (decisions.md, "Values as people type them"). Only counts, physical
// amounts and money take a multiplier (plan.Unit.Multiplied). It returns the unit pv.number is now in, or why there is none.
func multiply(pv *parsedValue, from, planUnit string, lang msg.Lang) (string, string) {
	base := from
	if base == "" {
		base = planUnit
	}
	base = unscaled(base)
	u, ok := plan.LookupUnit(base)
	if !ok || !u.Multiplied {
		return "", lang.T("cell.multiplier-unit", pv.multiplier, unitName(base, lang))
	}
	scale := 1.0
	for _, m := range multipliers {
		if m.word == pv.multiplier {
			scale = m.scale
		}
	}
	if math.Abs(pv.number*scale) >= maxValue {
		// Bounded in the unit multiplied (人 for 亿人), as every value is.
		return "", lang.T("cell.too-large")
	}
	unit := pv.multiplier + base
	if _, ok := plan.LookupUnit(unit); ok {
		return unit, "" // 万人, 亿元: the number as it is, in that unit
	}
	pv.number *= scale // 1.2亿 人: 120,000,000 人
	return base, ""
}

// unscaled is a unit less its 万 or 亿 (万人 → 人, 亿元 → 元, 万人次 → 人次),
// or the unit itself.
func unscaled(unit string) string {
	for _, m := range multipliers {
		if rest, ok := strings.CutPrefix(unit, m.word); ok {
			if r, known := plan.LookupUnit(rest); known && rest != "" {
				if u, _ := plan.LookupUnit(unit); u.Family == r.Family {
					return rest
				}
			}
		}
	}
	return unit
}

func unitName(u string, lang msg.Lang) string {
	if u == "" {
		return lang.T("cell.no-unit")
	}
	return u
}

// yearOf reads a long table's year cell: 2023, "2023", "2023年".
func yearOf(c xlsx.Cell) (int, bool) {
	if c.Kind == xlsx.Number && !c.Date && c.Number == math.Trunc(c.Number) {
		y := int(c.Number)
		return y, y >= minYearHeader && y <= maxYearHeader
	}
	s := strings.TrimSuffix(strings.TrimSpace(norm.NFKC.String(c.Text)), "年")
	if c.Kind == xlsx.Number && !c.Date {
		s = formatNumber(c.Number)
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < minYearHeader || y > maxYearHeader {
		return 0, false
	}
	return y, true
}

// Fit measures, as a table's rows stream past (it is a RowSink), how well
// each of several plans fits the workbook: how many rows match an indicator
// of the plan (by id, number, name or alias) in a year of its period. A row
// of a year outside the period cannot be judged against the plan, so it does
// not count. It also counts the rows and finds the latest year the table has
// a column (wide) or a row (long) for.
type Fit struct {
	Plans []*plan.Plan
	// Counts holds the matching rows of each plan, in the order of Plans.
	Counts []int
	// Rows is the number of rows that may hold data.
	Rows int
	// Latest is the latest year of a column (wide) or a row (long), or 0.
	Latest int
	// Table is the table's header, once seen.
	Table *Header

	matchers       []*matcher
	anyYear        []bool // wide: the plan has a year column in its period
	idCol, nameCol int
	yearKeyCol     int
}

// NewFit starts measuring the fit of each plan.
func NewFit(plans []*plan.Plan, aliases ...Alias) *Fit {
	f := &Fit{Plans: plans, Counts: make([]int, len(plans)), anyYear: make([]bool, len(plans))}
	for _, p := range plans {
		m := newMatcher(p)
		m.addAliases(aliases) // an office's own names count for the plan whose ids they name
		f.matchers = append(f.matchers, m)
	}
	return f
}

// Header implements RowSink.
func (f *Fit) Header(h *Header) error {
	f.Table = h
	f.idCol, f.nameCol, f.yearKeyCol = h.firstColumn(RoleID), h.firstColumn(RoleName), h.firstColumn(RoleYearKey)
	for _, c := range h.Columns {
		if c.Role == RoleYear && c.Year > f.Latest {
			f.Latest = c.Year
		}
	}
	for i, p := range f.Plans {
		for _, c := range h.Columns {
			f.anyYear[i] = f.anyYear[i] || c.Role == RoleYear && c.Year >= p.Period.Start && c.Year <= p.Period.End
		}
	}
	return nil
}

// Skipped implements RowSink.
func (f *Fit) Skipped(SkippedRow) {}

// Row implements RowSink.
func (f *Fit) Row(row TableRow) error {
	f.Rows++
	year, yearOK := 0, false
	if f.Table.Layout == Long {
		if yc, ok := row.cell(f.yearKeyCol); ok && f.yearKeyCol > 0 {
			year, yearOK = yearOf(yc)
			if yearOK && year > f.Latest {
				f.Latest = year
			}
		}
	}
	for i, p := range f.Plans {
		if f.Table.Layout == Wide && !f.anyYear[i] {
			continue
		}
		if f.Table.Layout == Long && (!yearOK || year < p.Period.Start || year > p.Period.End) {
			continue
		}
		if ind, _, _ := f.matchers[i].row(row, f.idCol, f.nameCol); ind != nil {
			f.Counts[i]++
		}
	}
	return nil
}
