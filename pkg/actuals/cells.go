package actuals

import (
	"errors"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
)

// HeaderRole is the role a header text gives its column, as the workbook
// reader reads it, and the year the text names (0 for none). new-plan
// recognises a pasted 专栏 table's header by the same words as a workbook's.
func HeaderRole(text string) (Role, int) {
	h := normalizeHeader(text)
	if role, ok := headerWords[h]; ok {
		return role, 0
	}
	role, year, _ := yearColumn(h)
	return role, year
}

// NormalizeHeader is how headers are compared: NFKC, lower case, all white
// space removed.
func NormalizeHeader(s string) string { return normalizeHeader(s) }

// Bounds of SheetCells: a 专栏 table has tens of rows; a sheet beyond these
// is not one.
const (
	maxTableRows = 5000
	maxTableCols = 64
)

// ErrSheetTooLarge is a sheet beyond SheetCells' bounds.
var ErrSheetTooLarge = errors.New("sheet too large for a plan table")

// SheetCells reads one sheet of a spreadsheet (opts.Sheet, else the first)
// as the text of its cells: rows[i] is row i+1, each cell at its column
// ("" where empty; a row without cells is empty). The copies filled in from
// a merged range are left out, so a group title merged over the columns is
// one cell. Any file the actuals reader reads is read (.xlsx, .xlsm, .ods,
// .csv, a web page's table).
func SheetCells(path string, opts Options) (sheet string, rows [][]string, err error) {
	lim := xlsx.DefaultLimits()
	if opts.Limits != nil {
		lim = *opts.Limits
	}
	src, _, err := openSource(path, lim, opts)
	if err != nil {
		return "", nil, err
	}
	defer src.Close()
	sheets := src.Sheets()
	if len(sheets) == 0 {
		return "", nil, nil
	}
	sheet = sheets[0]
	if opts.Sheet != "" {
		sheet = opts.Sheet
	}
	err = src.Rows(sheet, func(r xlsx.Row) error {
		if r.Num > maxTableRows {
			return ErrSheetTooLarge
		}
		for len(rows) < r.Num {
			rows = append(rows, nil)
		}
		var cells []string
		for _, c := range r.Cells {
			if c.Merged || c.Kind == xlsx.Blank {
				continue
			}
			if c.Col > maxTableCols {
				return ErrSheetTooLarge
			}
			for len(cells) < c.Col {
				cells = append(cells, "")
			}
			cells[c.Col-1] = c.Text
		}
		rows[r.Num-1] = cells
		return nil
	})
	return sheet, rows, err
}
