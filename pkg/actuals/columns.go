package actuals

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// Columns is what --columns says of a table, overriding what header
// detection finds for the roles it names only: the header row, and the
// column of each role by letter (header=4,name=B,year:2023=H).
type Columns struct {
	// HeaderRow is the header's row (1-based); 0: found by detection. Data
	// starts below it.
	HeaderRow int
	// Set are the columns named, by column number.
	Set map[int]Column
}

// columnKeys are the roles --columns names by key; year:YYYY is a wide
// table's actuals column for a year.
var columnKeys = map[string]Role{
	"name": RoleName, "id": RoleID, "unit": RoleUnit, "entity": RoleEntity,
	"status": RoleStatus, "year": RoleYearKey, "value": RoleValue,
}

// ParseColumns reads --columns: comma-separated key=value pairs, keys
// header=ROW, name, id, unit, entity, status, year:YYYY (repeatable), year
// and value (a long table's), values column letters. A mistake is an error
// naming the pair (a msg.Error, worded in the run's language by the caller).
func ParseColumns(s string) (Columns, error) {
	cols := Columns{Set: map[int]Column{}}
	seen := map[string]bool{}
	for _, pair := range strings.Split(s, ",") {
		pair = strings.TrimSpace(pair)
		key, value, ok := strings.Cut(pair, "=")
		key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
		bad := func(why string) (Columns, error) {
			return Columns{}, msg.Errorf("columns.bad", pair, msg.Errorf(msg.Key(why)))
		}
		if !ok || value == "" {
			return bad("columns.want-pair")
		}
		if seen[key] {
			return bad("columns.repeated")
		}
		seen[key] = true
		if key == "header" {
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 || n > HeaderSearchRows*50 {
				return bad("columns.bad-row")
			}
			cols.HeaderRow = n
			continue
		}
		col, err := xlsxColumn(value)
		if err != nil {
			return bad("columns.bad-letter")
		}
		if _, taken := cols.Set[col]; taken {
			return bad("columns.column-twice")
		}
		if y, isYear := strings.CutPrefix(key, "year:"); isYear {
			year, err := strconv.Atoi(y)
			if err != nil || year < minYearHeader || year > maxYearHeader {
				return bad("columns.bad-year")
			}
			cols.Set[col] = Column{Col: col, Role: RoleYear, Year: year}
			continue
		}
		role, known := columnKeys[key]
		if !known {
			return bad("columns.unknown-key")
		}
		cols.Set[col] = Column{Col: col, Role: role}
	}
	return cols, nil
}

// xlsxColumn is the number of a column's letters: A → 1, AA → 27, up to
// XFD (16384), Excel's last.
func xlsxColumn(letters string) (int, error) {
	col := 0
	if len(letters) == 0 || len(letters) > 3 {
		return 0, errNotColumn
	}
	for _, r := range strings.ToUpper(letters) {
		if r < 'A' || r > 'Z' {
			return 0, errNotColumn
		}
		col = col*26 + int(r-'A') + 1
	}
	if col > 16384 {
		return 0, errNotColumn
	}
	return col, nil
}

var errNotColumn = errors.New("not a column")

// apply sets the columns named on a candidate header row: a role named is
// taken from whatever column detection gave it (year:YYYY only from a column
// of that year), and the columns named take their roles whatever their
// header says, blank included.
func (cs *Columns) apply(row int, columns []Column) []Column {
	if cs == nil || len(cs.Set) == 0 {
		return columns
	}
	named := map[Role]bool{}
	years := map[int]bool{}
	for _, c := range cs.Set {
		if c.Role == RoleYear {
			years[c.Year] = true
		} else {
			named[c.Role] = true
		}
	}
	out := make([]Column, 0, len(columns)+len(cs.Set))
	for _, c := range columns {
		if set, ok := cs.Set[c.Col]; ok {
			c.Role, c.Year, c.Reject = set.Role, set.Year, ""
			out = append(out, c)
			continue
		}
		if named[c.Role] || c.Role == RoleYear && years[c.Year] {
			c.Role, c.Year = RoleOther, 0
		}
		out = append(out, c)
	}
	for col, set := range cs.Set {
		found := false
		for _, c := range out {
			found = found || c.Col == col
		}
		if !found {
			set.Cell = xlsx.Cell{Col: col, Row: row}.Ref()
			out = append(out, set)
		}
	}
	slices.SortFunc(out, func(a, b Column) int { return a.Col - b.Col })
	return out
}

// names reports whether --columns names column col (cs may be nil).
func (cs *Columns) names(col int) bool {
	if cs == nil {
		return false
	}
	_, ok := cs.Set[col]
	return ok
}
