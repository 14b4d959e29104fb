package actuals

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
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
}

// String is the issue as one message line: `Sheet!G9: "text": message`.
func (i Issue) String() string {
	var b strings.Builder
	if i.Cell != "" {
		b.WriteString(i.Cell + ": ")
	}
	if i.Text != "" {
		fmt.Fprintf(&b, "%q: ", i.Text)
	}
	b.WriteString(i.Msg)
	return b.String()
}

// format is the issue's line with the file in front.
func (i Issue) format(file string) string { return file + ": " + i.String() }

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
	lines := make([]string, len(e.Issues))
	for i, is := range e.Issues {
		lines[i] = is.format(e.File)
	}
	return strings.Join(lines, "\n")
}

// RowMatch says what became of one row of the table.
type RowMatch struct {
	Row       int
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
func splitName(s string) (name, unit string) {
	s = strings.TrimSpace(norm.NFKC.String(s))
	s = leadingNumber.ReplaceAllString(s, "")
	if m := trailingUnit.FindStringSubmatchIndex(s); m != nil {
		u := strings.TrimSpace(s[m[2]:m[3]])
		if _, known := plan.LookupUnit(u); known && u != "" {
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

// matcher finds indicators by id, 专栏 number, name and alias.
type matcher struct {
	byID     map[string]*plan.Indicator
	byNumber map[int]*plan.Indicator // only numbers no two indicators share
	byName   map[string]*plan.Indicator
	byAlias  map[string]*plan.Indicator
}

func newMatcher(p *plan.Plan) *matcher {
	m := &matcher{byID: map[string]*plan.Indicator{}, byNumber: map[int]*plan.Indicator{},
		byName: map[string]*plan.Indicator{}, byAlias: map[string]*plan.Indicator{}}
	shared := map[int]bool{}
	for _, ind := range p.Indicators() {
		m.byID[strings.ToLower(ind.ID)] = ind
		if n := ind.SourceNumber(); n > 0 {
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
	s := strings.ToLower(strings.TrimSpace(norm.NFKC.String(text)))
	if ind := m.byID[s]; ind != nil {
		return ind, "id"
	}
	if n, err := strconv.Atoi(strings.TrimSuffix(s, ".")); err == nil {
		if ind := m.byNumber[n]; ind != nil {
			return ind, "number"
		}
	}
	return nil, ""
}

// row matches a table row: by its id cell (the plan's id, or the 专栏
// number), else by its name cell (name, then alias). It says how.
func (m *matcher) row(r TableRow, idCol, nameCol int) (*plan.Indicator, string) {
	if c, ok := r.cell(idCol); ok && idCol > 0 {
		if ind, by := m.id(cellText(c)); ind != nil {
			return ind, by
		}
	}
	if c, ok := r.cell(nameCol); ok && nameCol > 0 {
		return m.name(c.Text)
	}
	return nil, ""
}

func (m *matcher) name(text string) (*plan.Indicator, string) {
	n, _ := splitName(text)
	if ind := m.byName[n]; ind != nil {
		return ind, "name"
	}
	if ind := m.byAlias[n]; ind != nil {
		return ind, "alias"
	}
	return nil, ""
}

// cellText is a cell's text for matching: a number in an id column is its
// number.
func cellText(c xlsx.Cell) string {
	return strings.TrimSpace(c.Text)
}

// Match reads the table's rows against the plan's indicators. Bad cells are
// gathered, every one, and returned as *CellErrors (unless opts.Lenient);
// with opts.Strict an unmatched row is an error too.
func Match(t *Table, p *plan.Plan, opts Options) (*Result, error) {
	res := &Result{Table: t, Plan: p, Reported: map[string]map[string]bool{}}
	m := newMatcher(p)
	first := t.firstColumn
	nameCol, idCol, unitCol := first(RoleName), first(RoleID), first(RoleUnit)
	entityCol, statusCol, attrCol := first(RoleEntity), first(RoleStatus), first(RoleAttribute)
	yearKeyCol, valueCol := first(RoleYearKey), first(RoleValue)
	var yearCols []Column
	for _, c := range t.Columns {
		if c.Role == RoleYear {
			yearCols = append(yearCols, c)
		}
	}

	var bad []Issue
	// badCell reports a cell that holds no usable value: an error, or under
	// --lenient a warning (the caller then reads no value from it).
	badCell := func(c xlsx.Cell, msg string) {
		is := Issue{Cell: t.Ref(c.Ref()), Text: displayText(c), Msg: msg, BadCell: true}
		if opts.Lenient {
			is.Msg += "; read as no value (--lenient)"
			res.Warnings = append(res.Warnings, is)
			return
		}
		bad = append(bad, is)
	}
	conflict := func(c xlsx.Cell, msg string) {
		bad = append(bad, Issue{Cell: t.Ref(c.Ref()), Text: c.Text, Msg: msg})
	}
	type key struct {
		ind, entity string
		year        int
	}
	seen := map[key]string{}
	entities := map[string]bool{}

	for _, row := range t.Rows {
		rm := RowMatch{Row: row.Num}
		ind, by := m.row(row, idCol, nameCol)
		rm.By = by
		// The row is named by the cell that matched it: the name, unless the
		// id matched or there is no name.
		idCell, hasID := row.cell(idCol)
		nameCell, hasName := row.cell(nameCol)
		hasID, hasName = hasID && idCol > 0, hasName && nameCol > 0
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
			_, rm.Unit = splitName(nameCell.Text)
		}
		if c, ok := row.cell(unitCol); ok && unitCol > 0 && c.Kind == xlsx.Text {
			if u := strings.TrimSpace(norm.NFKC.String(c.Text)); u != "" {
				rm.Unit = u
			}
		}
		if entityCol > 0 {
			c, ok := row.cell(entityCol)
			if ok {
				rm.Entity = strings.TrimSpace(c.Text)
			}
			if rm.Entity == "" {
				// Every row of a table with an entity column belongs to one;
				// a blank one would be mixed up with the total of all.
				if !ok {
					c = xlsx.Cell{Row: row.Num, Col: entityCol}
				}
				badCell(c, "no reporting unit in this row's entity column")
				continue
			}
		}

		// The cells holding values: one per year column (wide), or the value
		// column with the year from the year column (long).
		type yearCell struct {
			year int
			cell xlsx.Cell
		}
		var cells []yearCell
		if t.Layout == Wide {
			for _, yc := range yearCols {
				if c, ok := row.cell(yc.Col); ok {
					cells = append(cells, yearCell{yc.Year, c})
				}
			}
		} else if c, ok := row.cell(valueCol); ok {
			yc, hasYear := row.cell(yearKeyCol)
			year, ok := yearOf(yc)
			switch {
			case !hasYear:
				badCell(c, "a value with no year in its row")
				continue
			case !ok:
				badCell(yc, "not a year")
				continue
			}
			if reason, failed := row.CalcErrors[yc.Col]; failed {
				badCell(yc, "a formula with no saved value that cannot be calculated: "+reason)
				continue
			}
			cells = append(cells, yearCell{year, c})
		}

		if ind == nil {
			if len(cells) == 0 && groupTitle.MatchString(strings.TrimSpace(norm.NFKC.String(rm.Text))) {
				rm.By = "group"
			} else {
				rm.By = "unmatched"
				msg := fmt.Sprintf("matches no indicator of %s", p.Ref())
				if rm.Cell == "" {
					rm.Cell = row.Cells[0].Ref()
				}
				issue := Issue{Cell: t.Ref(rm.Cell), Text: rm.Text, Msg: msg}
				if opts.Strict {
					bad = append(bad, issue)
				} else {
					res.Warnings = append(res.Warnings, issue)
				}
			}
			res.Rows = append(res.Rows, rm)
			continue
		}
		rm.Indicator = ind.ID
		res.Rows = append(res.Rows, rm)
		if !entities[rm.Entity] {
			entities[rm.Entity] = true
			res.Entities = append(res.Entities, rm.Entity)
		}
		if res.Reported[rm.Entity] == nil {
			res.Reported[rm.Entity] = map[string]bool{}
		}
		res.Reported[rm.Entity][ind.ID] = true

		if c, ok := row.cell(attrCol); ok && attrCol > 0 {
			if a := strings.TrimSpace(c.Text); a != "" && a != ind.Attribute.String() && a != ind.Attribute.English() {
				res.Warnings = append(res.Warnings, Issue{Cell: t.Ref(c.Ref()), Text: c.Text,
					Msg: fmt.Sprintf("the plan says %s is %s", ind.ID, ind.Attribute)})
			}
		}
		if c, ok := row.cell(statusCol); ok && statusCol > 0 && strings.TrimSpace(c.Text) != "" {
			st := Status{Indicator: ind.ID, Entity: rm.Entity, Text: strings.TrimSpace(c.Text), Cell: t.Ref(c.Ref())}
			if t.Layout == Long && len(cells) > 0 {
				st.Year = cells[0].year
			}
			res.Statuses = append(res.Statuses, st)
		}

		unitOK := true
		if rm.Unit != "" && rm.Unit != ind.Unit {
			if _, ok := plan.ConvertUnit(1, rm.Unit, ind.Unit); !ok {
				unitOK = false
			}
		}
		for _, yc := range cells {
			c := yc.cell
			k := key{ind.ID, rm.Entity, yc.year}
			if prev, dup := seen[k]; dup {
				conflict(c, fmt.Sprintf("a second value for %s in %d%s (the first is %s)", ind.ID, yc.year, entityNote(rm.Entity), prev))
				continue
			}
			seen[k] = t.Ref(c.Ref())
			v := Value{Indicator: ind.ID, Entity: rm.Entity, Year: yc.year, Cell: t.Ref(c.Ref()), Text: displayText(c)}
			var pv parsedValue
			reason, failed := row.CalcErrors[c.Col]
			if failed {
				reason = "a formula with no saved value that cannot be calculated: " + reason
			} else {
				pv, reason = readValue(c, ind)
			}
			if reason == "" && pv.kind != NoValue {
				reason = convert(&pv, &v, rm.Unit, unitOK, ind)
			}
			if reason != "" {
				badCell(c, reason)
				if opts.Lenient {
					v.Kind, v.Note = NoValue, "bad cell read as no value: "+reason
					res.Values = append(res.Values, v)
				}
				continue
			}
			v.Kind, v.Number, v.Parts = pv.kind, pv.number, pv.parts
			if pv.kind == Amount || pv.kind == Total {
				if w := plausibility(v.Number, ind.Unit); w != "" && pv.kind == Amount {
					res.Warnings = append(res.Warnings, Issue{Cell: v.Cell, Text: c.Text, Msg: w})
				}
				if w := magnitude(v.Number, ind); w != "" {
					res.Warnings = append(res.Warnings, Issue{Cell: v.Cell, Text: c.Text, Msg: w})
				}
				if pv.fraction && ind.Unit == "%" && v.Number != 0 && v.Number <= 1.5 && v.Number >= -1.5 {
					res.Warnings = append(res.Warnings, Issue{Cell: v.Cell, Text: c.Text,
						Msg: fmt.Sprintf("%s looks like a fraction for a %% indicator: write %s, or format the cell as a percentage",
							formatNumber(v.Number), formatNumber(round9(v.Number*100)))})
				}
			}
			res.Values = append(res.Values, v)
		}
	}
	if len(res.Entities) == 0 {
		res.Entities = []string{""}
	}
	if len(bad) > 0 {
		return nil, &CellErrors{File: t.File, Issues: bad}
	}
	return res, nil
}

func entityNote(entity string) string {
	if entity == "" {
		return ""
	}
	return " for " + entity
}

// convert brings a value into the plan's unit: from a percent format or a %
// sign, or from the row's unit. It returns why it cannot, or "".
func convert(pv *parsedValue, v *Value, rowUnit string, rowUnitOK bool, ind *plan.Indicator) string {
	from := rowUnit
	if pv.unit != "" {
		from = pv.unit
	}
	if from == "" || from == ind.Unit || norm.NFKC.String(from) == norm.NFKC.String(ind.Unit) {
		if pv.percentFormat != "" && ind.Unit == "%" {
			v.Note = fmt.Sprintf("%s in a %s cell → %s %%", v.Text, pv.percentFormat, formatNumber(pv.number))
		}
		return ""
	}
	if pv.unit == "" && !rowUnitOK {
		return fmt.Sprintf("the row's unit %s does not convert to %s, the unit of %s", rowUnit, ind.Unit, ind.ID)
	}
	n, ok := plan.ConvertUnit(pv.number, from, ind.Unit)
	if !ok {
		return fmt.Sprintf("a value in %s, but %s is in %s", from, ind.ID, unitName(ind.Unit))
	}
	v.Note = fmt.Sprintf("%s %s → %s %s", formatNumber(pv.number), from, formatNumber(round9(n)), ind.Unit)
	pv.number = round9(n)
	pv.fraction = false
	return ""
}

func unitName(u string) string {
	if u == "" {
		return "no unit"
	}
	return u
}

// yearOf reads a long table's year cell: 2023, "2023", "2023年".
func yearOf(c xlsx.Cell) (int, bool) {
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

// CountMatches is how many of the table's rows match an indicator of the plan
// (by id, number, name or alias) and hold a year of the plan's period: how well
// the plan fits the workbook. A row of a year outside the period cannot be
// judged against the plan, so it does not count.
func CountMatches(t *Table, p *plan.Plan) int {
	m := newMatcher(p)
	idCol, nameCol, yearKeyCol := t.firstColumn(RoleID), t.firstColumn(RoleName), t.firstColumn(RoleYearKey)
	inPeriod := func(y int) bool { return y >= p.Period.Start && y <= p.Period.End }
	if t.Layout == Wide {
		anyYear := false
		for _, c := range t.Columns {
			anyYear = anyYear || c.Role == RoleYear && inPeriod(c.Year)
		}
		if !anyYear {
			return 0
		}
	}
	n := 0
	for _, row := range t.Rows {
		if t.Layout == Long {
			yc, _ := row.cell(yearKeyCol)
			if y, ok := yearOf(yc); !ok || !inPeriod(y) {
				continue
			}
		}
		if ind, _ := m.row(row, idCol, nameCol); ind != nil {
			n++
		}
	}
	return n
}

// LatestYear is the latest year the table has a column (wide) or a row (long)
// for, or 0.
func LatestYear(t *Table) int {
	latest := 0
	for _, c := range t.Columns {
		if c.Role == RoleYear && c.Year > latest {
			latest = c.Year
		}
	}
	if col := t.firstColumn(RoleYearKey); t.Layout == Long && col > 0 {
		for _, r := range t.Rows {
			if c, ok := r.cell(col); ok {
				if y, ok := yearOf(c); ok && y > latest {
					latest = y
				}
			}
		}
	}
	return latest
}
