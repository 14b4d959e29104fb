package actuals

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
)

// Role is what a column of the table holds.
type Role string

// The roles a header can give its column (spec §3).
const (
	RoleName      Role = "name"      // 项目, 指标, 指标名称, 名称
	RoleID        Role = "id"        // 编号, 代码
	RoleUnit      Role = "unit"      // 单位
	RoleAttribute Role = "attribute" // 属性, 指标属性: read, never a name
	RoleStatus    Role = "status"    // 完成情况
	RoleYear      Role = "year"      // wide: 2023, 2023年, 2023年实际值
	RoleYearKey   Role = "year-key"  // long: 年份, 年度
	RoleValue     Role = "value"     // long: 数值, 实际值
	RoleEntity    Role = "entity"    // 填报单位, 地区, 区县, 街道 …
	RoleRowNumber Role = "row"       // 序号: never a name or an id
	RoleOther     Role = ""          // anything else: 2020年基数, 2025年目标, 备注 …
)

// Column is one recognised column of the header row.
type Column struct {
	Col    int    // 1-based
	Cell   string // the header cell, "A3"
	Header string // its text as written
	Role   Role
	// Year is the year of a RoleYear column's actuals (0 until the context
	// gives it), or the year a header not read as actuals names.
	Year int
	// Reject says why a header with a year is not read as actuals (a
	// header.* key), for the no-table error.
	Reject string
}

// normalizeHeader is how headers are compared: NFKC, lower case, with all
// white space (line breaks included) removed.
// maxWordBytes bounds the text compared with a short list of words (合计,
// 全区 …): longer text is none of them.
const maxWordBytes = 64

func normalizeHeader(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// Vocabulary is every header word the reader knows, by the role it gives its
// column: the one list the reader, the template and the README's reading
// section share (TestVocabularyInREADME checks the README against it).
// Words are compared after normalizeHeader.
var Vocabulary = []struct {
	Role  Role
	Words []string
}{
	{RoleName, []string{"项目", "指标", "指标名称", "名称", "name"}},
	{RoleID, []string{"编号", "代码", "指标编号", "id"}},
	{RoleUnit, []string{"单位", "计量单位", "unit"}},
	{RoleAttribute, []string{"属性", "指标属性", "attribute"}},
	{RoleStatus, []string{"完成情况", "完成情况说明", "status"}},
	{RoleYearKey, []string{"年份", "年度", "year"}},
	{RoleValue, []string{"数值", "实际值", "value"}},
	{RoleEntity, []string{"填报单位", "单位名称", "地区", "区县", "县区", "区(县)", "市县", "街道", "镇街", "乡镇", "镇", "部门", "entity"}},
	{RoleRowNumber, []string{"序号", "序", "no."}},
}

// ActualsWords are the words that, beside a four-digit year, make a header
// an actuals column for that year (2023年完成值, 2023年1-12月, 2023全年 …); a
// header of such words with no year (本年完成, 完成值) is one for the year the
// context gives. A unit in brackets may follow (2023年实际值（%或万人）).
var ActualsWords = []string{"实际值", "实际", "实际数", "完成值", "完成数", "实际完成", "实际完成值", "实际完成数", "完成",
	"执行数", "年度", "年末", "年底", "1-12月", "1—12月", "1–12月", "1~12月", "全年", "快报数", "快报"}

// NotActualsWords keep a header with a year out of the actuals: a target, a
// baseline, a plan or a forecast (a 专栏2 table keeps 2020年基数 and 2025年目标
// beside the actuals).
var NotActualsWords = []string{"目标", "基数", "预期", "规划", "计划", "预计", "target", "baseline"}

// headerWords maps a normalised header word to its role.
var headerWords = func() map[string]Role {
	m := map[string]Role{}
	for _, v := range Vocabulary {
		for _, w := range v.Words {
			m[normalizeHeader(w)] = v.Role
		}
	}
	return m
}()

// actualsWords is ActualsWords normalised, with 本年 (this year) before any
// of them for a header with no year.
var actualsWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range ActualsWords {
		m[normalizeHeader(w)] = true
	}
	return m
}()

// headerYear finds the year a header names: four digits from 2000 to 2100
// not part of a longer number.
var headerYear = regexp.MustCompile(`(?:^|[^0-9])((?:20\d{2}|2100))(?:[^0-9]|$)`)

// bracketed is a part in brackets: a unit (（%或万人）) or a note.
var headerBracket = regexp.MustCompile(`\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】`)

// Why a header with a year, or with the words of one, is not an actuals
// column: the reasons of the no-table error.
const (
	rejectNotActuals = "header.not-actuals" // a target, baseline, plan or forecast
	rejectStatus     = "header.status"      // a status for the year, not values
	rejectWords      = "header.unknown"     // words the reader does not know
)

const (
	minYearHeader = 2000
	maxYearHeader = 2100
)

// classify gives a header cell its role.
func classify(c xlsx.Cell) Column {
	col := Column{Col: c.Col, Cell: c.Ref(), Header: c.Text}
	if c.Kind == xlsx.Number && !c.Date {
		if y := int(c.Number); float64(y) == c.Number && y >= minYearHeader && y <= maxYearHeader {
			col.Role, col.Year = RoleYear, y
		}
		return col
	}
	if c.Kind != xlsx.Text {
		return col
	}
	h := normalizeHeader(c.Text)
	if role, ok := headerWords[h]; ok {
		col.Role = role
		return col
	}
	col.Role, col.Year, col.Reject = yearColumn(h)
	return col
}

// yearColumn reads a normalised header that is no plain word: an actuals
// column of a year (2023年完成值), of the year the context gives (本年完成,
// Year 0), or why not.
func yearColumn(h string) (Role, int, string) {
	m := headerYear.FindStringSubmatchIndex(h)
	year := 0
	rest := h
	if m != nil {
		year, _ = strconv.Atoi(h[m[2]:m[3]])
		rest = h[:m[2]] + h[m[3]:]
	}
	for _, w := range NotActualsWords {
		if strings.Contains(rest, w) {
			if year == 0 {
				return RoleOther, 0, ""
			}
			return RoleOther, year, rejectNotActuals
		}
	}
	rest = headerBracket.ReplaceAllString(rest, "")
	if year == 0 {
		// No year: this year's actuals (本年完成, 完成值); anything else is
		// not a header the reader reads.
		for _, this := range []string{"本年度", "本年", "当年", "今年"} {
			if w, ok := strings.CutPrefix(rest, this); ok && (actualsWords[w] || w == "") {
				return RoleYear, 0, ""
			}
		}
		if role := headerWords[rest]; role == RoleValue {
			return RoleValue, 0, "" // 实际值（万人）
		}
		if actualsWords[rest] {
			return RoleYear, 0, ""
		}
		return RoleOther, 0, ""
	}
	// 2023年完成值, 2023年度实际完成, 2023完成值, 2023年
	for _, r := range []string{rest, strings.TrimPrefix(rest, "年度"), strings.TrimPrefix(rest, "年")} {
		if r == "" || actualsWords[r] {
			return RoleYear, year, ""
		}
	}
	switch {
	case strings.Contains(rest, "完成情况") || strings.Contains(rest, "status"):
		return RoleOther, year, rejectStatus
	}
	return RoleOther, year, rejectWords
}

// Layout is the shape of the actuals table.
type Layout string

// The two layouts of spec §3.
const (
	Wide Layout = "wide" // one row per indicator, one column per year
	Long Layout = "long" // one row per indicator, year (and entity)
)

// header is a recognised header row.
type header struct {
	row     int
	layout  Layout
	columns []Column // every non-empty header cell, by column
	notes   []string // Header.Notes
}

func (h *header) role(r Role) []Column {
	var out []Column
	for _, c := range h.columns {
		if c.Role == r {
			out = append(out, c)
		}
	}
	return out
}

// detectHeader looks at one row and says whether it is a header row, and of
// which layout. A wide header has a name or id column and at least one year
// column; a long header has a name or id column, a 年份 column and a 数值
// column. The columns --columns names (cols, nil for none) take the roles it
// gives them. A row that is no header is still returned, as a candidate for
// the no-table error.
func detectHeader(r xlsx.Row, cols *Columns) (*header, bool) {
	h := &header{row: r.Num}
	for _, c := range r.Cells {
		if c.Kind == xlsx.Blank || c.Merged {
			// A merged header names its first column only: the copies in the
			// columns it spans are not headers of their own (a 项目 merged over
			// the name and unit columns is not a second name column).
			continue
		}
		h.columns = append(h.columns, classify(c))
	}
	if cols != nil && cols.HeaderRow == 0 && len(cols.Set) > 0 {
		// With no header= the header is still a row of its own words: one
		// with text in a column --columns names (a title above it has none).
		own := false
		for _, c := range h.columns {
			own = own || cols.names(c.Col)
		}
		if !own {
			return h, false
		}
	}
	h.columns = cols.apply(r.Num, h.columns)
	roles := map[Role]int{}
	for _, c := range h.columns {
		roles[c.Role]++
	}
	hasIndicator := roles[RoleName] > 0 || roles[RoleID] > 0
	if hasIndicator && roles[RoleYearKey] == 0 && roles[RoleValue] > 0 && roles[RoleYear] == 0 {
		// 实际值 with no 年份 beside it: the actuals of the year the context
		// gives, in a wide table.
		for i, c := range h.columns {
			if c.Role == RoleValue {
				h.columns[i].Role = RoleYear
				roles[RoleYear]++
			}
		}
	}
	switch {
	case hasIndicator && roles[RoleYear] > 0:
		h.layout = Wide
	case hasIndicator && roles[RoleYearKey] > 0 && roles[RoleValue] > 0:
		h.layout = Long
	default:
		return h, false
	}
	return h, true
}

// score is how near a row that is no header comes to being one, to pick the
// candidate the no-table error describes: a name or id column first, then
// the most columns read or rejected with a reason.
func (h *header) score() int {
	n := 0
	for _, c := range h.columns {
		switch {
		case c.Role == RoleName || c.Role == RoleID:
			n += 100
		case c.Role != RoleOther && c.Role != RoleRowNumber, c.Reject != "":
			n++
		}
	}
	return n
}

// yearSpan is a span of years (2021—2025年, 2021-2025规划): the plan's
// period, not a year that is reported.
var yearSpan = regexp.MustCompile(`(?:19|20)\d{2}\s*[-—–~～至到]\s*(?:19|20)\d{2}`)

var digitRuns = regexp.MustCompile(`\d+`)

// YearsIn lists the distinct years from 1990 to 2100 that a text names, in
// order, as runs of four digits, spans of years left out (九龙坡2023年.xlsx →
// 2023; 2021—2025年规划 → none; report_20230105 → none).
func YearsIn(text string) []int {
	text = yearSpan.ReplaceAllString(norm.NFKC.String(text), " ")
	var years []int
	for _, d := range digitRuns.FindAllString(text, -1) {
		if len(d) != 4 {
			continue
		}
		y, _ := strconv.Atoi(d)
		if y >= 1990 && y <= 2100 && !slices.Contains(years, y) {
			years = append(years, y)
		}
	}
	return years
}

// TotalWords are what an entity column writes on a row that is the total of
// all its units (合计, 全区): the total, not one more unit.
var TotalWords = []string{"合计", "总计", "全区", "全县", "全市", "全部", "总体", "total"}

// IsTotal reports whether an entity cell names the total of all units.
func IsTotal(entity string) bool {
	if len(entity) > maxWordBytes {
		return false // no total word is this long (and NFKC of it is work)
	}
	n := normalizeHeader(entity)
	for _, w := range TotalWords {
		if n == w {
			return true
		}
	}
	return false
}
