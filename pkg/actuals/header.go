package actuals

import (
	"regexp"
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
	RoleEntity    Role = "entity"    // 地区, 区县, 单位名称
	RoleOther     Role = ""          // anything else: 2020年基数, 2025年目标, 备注 …
)

// Column is one recognised column of the header row.
type Column struct {
	Col    int    // 1-based
	Cell   string // the header cell, "A3"
	Header string // its text as written
	Role   Role
	Year   int // RoleYear only
}

// normalizeHeader is how headers are compared: NFKC, lower case, with all
// white space (line breaks included) removed.
func normalizeHeader(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

var headerWords = map[string]Role{
	"项目": RoleName, "指标": RoleName, "指标名称": RoleName, "名称": RoleName, "name": RoleName,
	"编号": RoleID, "代码": RoleID, "id": RoleID,
	"单位": RoleUnit, "unit": RoleUnit, "计量单位": RoleUnit,
	"属性": RoleAttribute, "指标属性": RoleAttribute, "attribute": RoleAttribute,
	"完成情况": RoleStatus, "完成情况说明": RoleStatus, "status": RoleStatus,
	"年份": RoleYearKey, "年度": RoleYearKey, "year": RoleYearKey,
	"数值": RoleValue, "实际值": RoleValue, "value": RoleValue,
	"地区": RoleEntity, "区县": RoleEntity, "单位名称": RoleEntity, "entity": RoleEntity,
}

// yearHeader is a wide layout's actuals column: a year alone or followed by
// 年, 年实际值, 年实际 or 实际值.
var yearHeader = regexp.MustCompile(`^(\d{4})(年|年实际值|年实际|实际值)?$`)

// notActuals are the words that make a year header a target or a baseline
// (a 专栏2 table keeps 2020年基数 and 2025年目标 beside the actuals).
var notActuals = []string{"目标", "基数", "预期", "规划", "target", "baseline"}

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
	for _, w := range notActuals {
		if strings.Contains(h, w) {
			return col
		}
	}
	if m := yearHeader.FindStringSubmatch(h); m != nil {
		y, _ := strconv.Atoi(m[1])
		if y >= minYearHeader && y <= maxYearHeader {
			col.Role, col.Year = RoleYear, y
		}
	}
	return col
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
// column.
func detectHeader(r xlsx.Row) (*header, bool) {
	h := &header{row: r.Num}
	roles := map[Role]int{}
	for _, c := range r.Cells {
		if c.Kind == xlsx.Blank || c.Merged {
			// A merged header names its first column only: the copies in the
			// columns it spans are not headers of their own (a 项目 merged over
			// the name and unit columns is not a second name column).
			continue
		}
		col := classify(c)
		h.columns = append(h.columns, col)
		roles[col.Role]++
	}
	hasIndicator := roles[RoleName] > 0 || roles[RoleID] > 0
	switch {
	case hasIndicator && roles[RoleYear] > 0:
		h.layout = Wide
	case hasIndicator && roles[RoleYearKey] > 0 && roles[RoleValue] > 0:
		h.layout = Long
	default:
		return nil, false
	}
	return h, true
}
