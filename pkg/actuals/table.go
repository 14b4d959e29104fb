// Package actuals reads the analysts' actuals workbooks as they are (spec §3):
// it finds the table in a sheet (wide or long layout, title rows above, group,
// note and repeated header rows inside), matches its rows to a plan's
// indicators, and reads every value with the cell it came from. It is the only
// package that reads workbooks; it returns plain values, never excelize types.
package actuals

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
)

// HeaderSearchRows is how many rows from the top of a sheet are searched for
// the header row.
const HeaderSearchRows = 20

// Options say how a workbook is read.
type Options struct {
	// Sheet names the sheet to read; empty: the first with a recognisable table.
	Sheet string
	// Strict makes unmatched rows errors.
	Strict bool
	// Lenient turns bad cells into no-data, with a warning each.
	Lenient bool
	// Limits bound what is read from the file; zero: xlsx.DefaultLimits.
	Limits *xlsx.Limits
}

// Table is the table found in a workbook, before it is matched to a plan.
type Table struct {
	File      string
	Sheet     string
	Layout    Layout
	HeaderRow int
	Columns   []Column
	// Rows holds the rows below the header that may hold data: blank rows,
	// repeated header rows and note rows are left out.
	Rows []TableRow
	// Skipped lists the rows left out below the header, for inspect.
	Skipped []SkippedRow
}

// TableRow is one row below the header, with the cells of the columns the
// header recognised.
type TableRow struct {
	Num   int
	Cells []xlsx.Cell
	// CalcErrors holds, by column, why a formula cell that has no saved value
	// could not be calculated: a bad cell, reported with the others.
	CalcErrors map[int]string
}

// SkippedRow is a row below the header that holds no data.
type SkippedRow struct {
	Num    int
	Reason string // "header repeated", "note"
	Text   string
}

// cell returns the row's cell in the given column.
func (r TableRow) cell(col int) (xlsx.Cell, bool) {
	for _, c := range r.Cells {
		if c.Col == col {
			return c, true
		}
	}
	return xlsx.Cell{}, false
}

// firstColumn is the column of the first header with the role, or 0.
func (t *Table) firstColumn(r Role) int {
	for _, c := range t.Columns {
		if c.Role == r {
			return c.Col
		}
	}
	return 0
}

// Ref is a cell's place as messages print it: "Sheet!G9".
func (t *Table) Ref(cell string) string { return t.Sheet + "!" + cell }

// noteRow is a note under a table, after normalizeHeader: 注：…, 注1：…, 备注：…,
// 说明：…, 注（note）：…, Note: … — not a name that happens to start with 注
// (注册城乡规划师人数).
var noteRow = regexp.MustCompile(`^(注\d*|备注|说明|note)(\([^)]*\))?(:|$)`)

// errNoHeader stops reading a sheet whose first rows hold no header.
var errNoHeader = errors.New("no header")

// ReadTable opens a workbook and finds its actuals table: in the sheet
// opts.Sheet, or in the first sheet that holds one.
func ReadTable(path string, opts Options) (*Table, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
	default:
		return nil, fmt.Errorf("%s: not an .xlsx or .xlsm workbook", path)
	}
	lim := xlsx.DefaultLimits()
	if opts.Limits != nil {
		lim = *opts.Limits
	}
	wb, err := xlsx.Open(path, lim)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer wb.Close()

	sheets := wb.Sheets()
	if opts.Sheet != "" {
		found := false
		for _, s := range sheets {
			found = found || s == opts.Sheet
		}
		if !found {
			return nil, fmt.Errorf("%s: no sheet named %q (sheets: %s)", path, opts.Sheet, strings.Join(sheets, ", "))
		}
		sheets = []string{opts.Sheet}
	}
	for _, sheet := range sheets {
		t, err := readSheet(wb, path, sheet)
		if errors.Is(err, errNoHeader) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return t, nil
	}
	where := "sheet " + quoteList(sheets)
	if len(sheets) > 1 {
		where = "sheets " + quoteList(sheets)
	}
	return nil, fmt.Errorf("%s: no table found in %s: looked in the first %d rows for a header with a name (项目, 指标, 指标名称, 名称) or id (编号, 代码) column and a year column (2023, 2023年, 2023年实际值), or a long table's 年份 and 数值 columns",
		path, where, HeaderSearchRows)
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// readSheet streams one sheet: the header within its first rows, then every
// row below it, keeping only the cells of recognised columns.
func readSheet(wb *xlsx.Workbook, path, sheet string) (*Table, error) {
	b := newBuilder(path, sheet, func(c xlsx.Cell) (xlsx.Cell, error) { return compute(wb, sheet, c) })
	if err := wb.Rows(sheet, b.add); err != nil {
		return nil, err
	}
	return b.table()
}

// builder turns a sheet's rows, in order, into a Table.
type builder struct {
	t     *Table
	h     *header
	roles map[int]Role // the columns kept
	calc  func(xlsx.Cell) (xlsx.Cell, error)
}

func newBuilder(path, sheet string, calc func(xlsx.Cell) (xlsx.Cell, error)) *builder {
	return &builder{t: &Table{File: path, Sheet: sheet}, roles: map[int]Role{}, calc: calc}
}

// add takes the next row. Before the header is found it looks for it, and
// gives up with errNoHeader past HeaderSearchRows.
func (b *builder) add(r xlsx.Row) error {
	if b.h == nil {
		if r.Num > HeaderSearchRows {
			return errNoHeader
		}
		found, ok := detectHeader(r)
		if !ok {
			return nil
		}
		b.h = found
		b.t.Layout, b.t.HeaderRow, b.t.Columns = found.layout, found.row, found.columns
		for _, c := range found.columns {
			if c.Role != RoleOther {
				b.roles[c.Col] = c.Role
			}
		}
		return nil
	}
	row := TableRow{Num: r.Num}
	title := "" // the row's name or id, to spot a title merged across the row
	for _, c := range r.Cells {
		if role := b.roles[c.Col]; (role == RoleName || role == RoleID) && title == "" {
			title = c.Text
		}
	}
	for _, c := range r.Cells {
		role, ok := b.roles[c.Col]
		switch {
		case !ok, c.Kind == xlsx.Blank && !c.Formula:
			continue
		case c.Merged && (role == RoleYear || role == RoleValue || role == RoleStatus):
			// A value is never merged across cells; a copy here is a group
			// row's title merged across the table.
			continue
		case c.Merged && role != RoleName && role != RoleID && c.Text == title:
			continue // the same title merged into the unit or entity column
		}
		if c.Formula && c.Kind == xlsx.Blank {
			computed, err := b.calc(c)
			if err != nil {
				if row.CalcErrors == nil {
					row.CalcErrors = map[int]string{}
				}
				row.CalcErrors[c.Col] = err.Error()
			} else {
				c = computed
			}
		}
		row.Cells = append(row.Cells, c)
	}
	if len(row.Cells) == 0 {
		return nil // blank
	}
	if reason, text := skipReason(b.h, row); reason != "" {
		b.t.Skipped = append(b.t.Skipped, SkippedRow{Num: r.Num, Reason: reason, Text: text})
		return nil
	}
	b.t.Rows = append(b.t.Rows, row)
	return nil
}

func (b *builder) table() (*Table, error) {
	if b.h == nil {
		return nil, errNoHeader
	}
	return b.t, nil
}

// compute fills in a formula cell that has no cached value (a workbook saved
// by a program that does not calculate) by calculating it.
func compute(wb *xlsx.Workbook, sheet string, c xlsx.Cell) (xlsx.Cell, error) {
	v, err := wb.Calc(sheet, c.Ref())
	if err != nil {
		if inner := errors.Unwrap(err); inner != nil {
			err = inner // Calc names the cell; the message will too
		}
		return c, err
	}
	c.Text = v
	c.Kind = xlsx.Text
	if v == "" {
		c.Kind = xlsx.Blank
	}
	return c, nil
}

// skipReason says why a row below the header holds no data: the header
// repeated (after a page break), or a note (注：…).
func skipReason(h *header, r TableRow) (reason, text string) {
	for _, col := range append(h.role(RoleName), h.role(RoleID)...) {
		c, ok := r.cell(col.Col)
		if !ok || c.Kind != xlsx.Text {
			continue
		}
		n := normalizeHeader(c.Text)
		if role := headerWords[n]; role == RoleName || role == RoleID {
			return "header repeated", c.Text
		}
		// 注：…, 备注：…, 说明：… — but not a name that starts with 注 (注册…).
		if noteRow.MatchString(n) {
			return "note", c.Text
		}
		return "", ""
	}
	return "", ""
}
