// Package actuals reads the analysts' actuals workbooks as they are (spec §3):
// it finds the table in a sheet (wide or long layout, title rows above, group,
// note and repeated header rows inside), matches its rows to a plan's
// indicators, and reads every value with the cell it came from. It is the only
// package that reads workbooks; it returns plain values, never excelize types.
package actuals

import (
	"archive/zip"
	"errors"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"golang.org/x/text/unicode/norm"
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
	// Lang is the language of the messages about cells (zero: English).
	Lang msg.Lang
	// Year is the year asked for (--year), zero when none: the year of an
	// actuals column whose header names none (本年完成).
	Year int
	// Columns is --columns: the header row and columns named by the user;
	// nil: found by detection alone.
	Columns *Columns
	// Aliases are the office's own names for indicators (--aliases).
	Aliases []Alias
	// Entity is the reporting unit of a table with no entity column
	// (--entity), over the 填报单位 line above the table.
	Entity string
	// Encoding is a text file's encoding (--encoding: EncodingUTF8,
	// EncodingGB18030, EncodingUTF16); "" is detected.
	Encoding string
}

// formatOf is the kind of file a source reads.
func formatOf(src source) Format {
	switch src.(type) {
	case *textSource:
		return FormatCSV
	case *htmlSource:
		return FormatHTML
	case *odsSource:
		return FormatODS
	case *xlsSource:
		return FormatXLS
	}
	return FormatXLSX
}

// Table is the table found in a workbook, before it is matched to a plan,
// with every row kept (ReadTable); Scan streams the same rows instead.
type Table struct {
	Header
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

// noteRow is a note under a table, after normalizeHeader: 注：…, 注1：…, 备注：…,
// 说明：…, 注（note）：…, Note: … — not a name that happens to start with 注
// (注册城乡规划师人数).
var noteRow = regexp.MustCompile(`^(注\d*|备注|说明|note)(\([^)]*\))?(:|$)`)

// maxCached bounds each per-text cache of a read: a sheet whose names are
// all different gains nothing from one, and must not grow it without end.
const maxCached = 1 << 14

// errNoHeader stops reading a sheet whose first rows hold no header.
var errNoHeader = errors.New("no header")

// Header is a sheet's recognised table header: where the table is and what
// each column holds. It is what a streaming read knows before the first row.
type Header struct {
	File      string
	Sheet     string
	Layout    Layout
	HeaderRow int
	Columns   []Column
	// LastRow is the sheet's last row as the file declares it (its
	// <dimension>), 0 when it does not: how far a read has come, for
	// progress, never a bound on what is read.
	LastRow int
	// Notes say what the reader decided that a user should know: the year
	// it gave a column whose header names none, and where it came from.
	Notes []string
	// Year is the year of a sheet of a workbook read one sheet per year
	// (its 完成情况 is for that year); 0 otherwise.
	Year int
	// Format is the reader that read the file: xlsx, csv, html …
	Format Format
	// Entity is the reporting unit a 填报单位：… line above the table names,
	// "" for none: every row's in a table with no entity column.
	Entity string
}

// Ref is a cell's place as messages print it: "Sheet!G9".
func (h *Header) Ref(cell string) string { return h.Sheet + "!" + cell }

// firstColumn is the column of the first header with the role, or 0.
func (h *Header) firstColumn(r Role) int {
	for _, c := range h.Columns {
		if c.Role == r {
			return c.Col
		}
	}
	return 0
}

// SheetSink is a RowSink that takes a workbook of one sheet per year (2021,
// 2022年 …, each the same table) as one table: Header for the first sheet,
// NextSheet for each after it, each before its rows.
type SheetSink interface {
	RowSink
	NextSheet(h *Header) error
}

// sheetPart is the part of a sheet of an .xlsx (see xlsx.Workbook.SheetPart),
// or "".
func sheetPart(wb source, sheet string) string {
	if p, ok := wb.(interface{ SheetPart(string) string }); ok {
		return p.SheetPart(sheet)
	}
	return ""
}

// yearSheet is a sheet named for a year: 2021, 2022年, 2023年度.
var yearSheet = regexp.MustCompile(`^(20\d{2})\s*(?:年度?)?$`)

// yearSheets are the sheets of a workbook of one sheet per year, in year
// order, with their years; nil unless there are two or more.
func yearSheets(sheets []string) (names []string, years []int) {
	type ys struct {
		name string
		year int
	}
	var found []ys
	for _, name := range sheets {
		if m := yearSheet.FindStringSubmatch(strings.TrimSpace(norm.NFKC.String(name))); m != nil {
			y, _ := strconv.Atoi(m[1])
			found = append(found, ys{name, y})
		}
	}
	if len(found) < 2 {
		return nil, nil
	}
	slices.SortStableFunc(found, func(a, b ys) int { return a.year - b.year })
	for i, f := range found {
		if i > 0 && f.year == found[i-1].year {
			return nil, nil // two sheets for one year: not one table by year
		}
		names, years = append(names, f.name), append(years, f.year)
	}
	return names, years
}

// RowSink takes the rows of a table as Scan reads them. Header is called
// once, before the first row; Row for each row below the header that may hold
// data, whose Cells (and CalcErrors) are valid only during the call; Skipped
// for each row left out as a repeated header or a note.
type RowSink interface {
	Header(h *Header) error
	Row(r TableRow) error
	Skipped(s SkippedRow)
}

// ReadTable opens a workbook and finds its actuals table: in the sheet
// opts.Sheet, or in the first sheet that holds one. It keeps every row; Scan
// streams them instead.
func ReadTable(path string, opts Options) (*Table, error) {
	c := &collector{}
	if err := Scan(path, opts, c); err != nil {
		return nil, err
	}
	return &c.t, nil
}

// collector keeps what Scan reads as a Table.
type collector struct{ t Table }

func (c *collector) Header(h *Header) error {
	c.t.Header = *h
	return nil
}

func (c *collector) Row(r TableRow) error {
	r.Cells = slices.Clone(r.Cells)
	c.t.Rows = append(c.t.Rows, r)
	return nil
}

func (c *collector) Skipped(s SkippedRow) { c.t.Skipped = append(c.t.Skipped, s) }

// Scan opens a workbook, finds its actuals table (in the sheet opts.Sheet, or
// in the first sheet that holds one) and streams the table's rows to sink,
// holding no more than one row at a time.
func Scan(path string, opts Options, sink RowSink) error {
	lang := opts.Lang.OrEnglish()
	lim := xlsx.DefaultLimits()
	if opts.Limits != nil {
		lim = *opts.Limits
	}
	wb, sourceNote, err := openSource(path, lim, opts)
	if err != nil {
		var nw *xlsx.NotWorkbookError
		var told *hinted // a PDF, a Word document …: worded with what to do
		switch {
		case errors.As(err, &told):
			return err
		case errors.As(err, &nw):
			return notWorkbook(lang, path, nw)
		case errors.Is(err, fs.ErrNotExist):
			return msg.Worded(lang.T("file.missing", path), err)
		case errors.Is(err, fs.ErrPermission):
			return msg.Worded(lang.T("file.no-permission", path), err)
		}
		return readError(lang, path, err)
	}
	defer wb.Close()

	sheets := wb.Sheets()
	if len(sheets) == 0 {
		return errors.New(lang.T("table.no-sheets", path))
	}
	if opts.Sheet != "" {
		found := false
		for _, s := range sheets {
			found = found || s == opts.Sheet
		}
		if !found {
			return errors.New(lang.T("table.no-sheet", path, opts.Sheet, xlsx.ListNames(lang, sheets, lang.T("punct.enumeration"), false)))
		}
		sheets = []string{opts.Sheet}
	}
	if names, years := yearSheets(sheets); opts.Sheet == "" && opts.Columns == nil && names != nil {
		if ss, ok := sink.(SheetSink); ok {
			err := scanYearSheets(wb, path, names, years, opts, ss, lang)
			if !errors.Is(err, errNotYearSheets) {
				return err
			}
			// The first year sheet holds no table: the sheets named for
			// years are something else; the table is looked for as usual.
		}
	}
	var best *header
	var yearErr error // the first sheet's whose header found no year
	bestSheet := ""
	// A sheet whose part was read already (two sheets of one part) has the
	// same rows: no table there either. 200 sheets over one 30 MB part
	// were read 200 times.
	read := map[string]bool{}
	for _, sheet := range sheets {
		if part := strings.ToLower(sheetPart(wb, sheet)); part != "" {
			if read[part] {
				continue
			}
			read[part] = true
		}
		b := newBuilder(path, sheet, func(c xlsx.Cell) (xlsx.Cell, error) { return compute(wb, sheet, c, lang) }, sink)
		b.year, b.lang, b.cols = opts.Year, lang, opts.Columns
		b.hd.Format = formatOf(wb)
		if sourceNote != "" {
			b.hd.Notes = []string{sourceNote}
		}
		b.lastRow = func() int { return wb.LastRow(sheet) }
		err := b.read(wb, sheet)
		if errors.Is(err, errNoHeader) {
			if b.yearErr != nil && yearErr == nil {
				yearErr = b.yearErr
			}
			if b.best != nil && (best == nil || b.best.score() > best.score()) {
				best, bestSheet = b.best, sheet
			}
			continue
		}
		var se *sinkError
		if errors.As(err, &se) {
			return se.err
		}
		if err != nil {
			return readError(lang, path, err)
		}
		return nil
	}
	where := lang.T("table.in-sheet", xlsx.ListNames(lang, sheets, ", ", true))
	if len(sheets) > 1 {
		where = lang.T("table.in-sheets", xlsx.ListNames(lang, sheets, ", ", true))
	}
	if yearErr != nil {
		return yearErr
	}
	text := lang.T("table.no-table", path, where, HeaderSearchRows)
	if opts.Columns != nil && opts.Columns.HeaderRow != 0 {
		text = lang.T("table.not-header", path, where, opts.Columns.HeaderRow)
	}
	lines, example := best.explain(bestSheet, lang)
	return withHint(strings.Join(append([]string{text}, lines...), "\n"), lang.T("hint.columns", example))
}

// maxExplained bounds the lines under the no-table error.
const maxExplained = 10

// explain says, in up to maxExplained indented lines, why the row nearest
// to a header is not one: where it is, its name or id column, and each
// header with a year that is not read, with why; and an example of
// --columns for it.
func (h *header) explain(sheet string, lang msg.Lang) (lines []string, example string) {
	if h == nil || h.score() == 0 {
		// no row comes near: nothing to say of one
		return nil, "header=3,name=B,year:2023=E"
	}
	ref := func(c Column) string { return sheet + "!" + c.Cell }
	lines = append(lines, "  "+lang.T("table.nearest", sheet, h.row))
	name, yearCol := "B", ""
	found := false
	for _, c := range h.columns {
		if c.Role == RoleName || c.Role == RoleID {
			lines = append(lines, "  "+lang.T("table.name-column", ref(c), c.Header))
			name, found = strings.TrimRight(c.Cell, "0123456789"), true
			break
		}
	}
	if !found {
		lines = append(lines, "  "+lang.T("table.no-name-column", strings.Join(Vocabulary[0].Words, lang.T("punct.enumeration"))))
	}
	year := 2023
	for _, c := range h.columns {
		// the hint's year column: one whose words the reader did not know,
		// never a target's or a status's
		if c.Reject == rejectWords && yearCol == "" {
			yearCol, year = strings.TrimRight(c.Cell, "0123456789"), c.Year
		}
	}
	for _, c := range h.columns {
		if c.Reject == "" {
			continue
		}
		if len(lines) < maxExplained {
			why := lang.T(msg.Key(c.Reject))
			if c.Reject == rejectWords {
				why = lang.T(msg.Key(c.Reject), strings.Join(ActualsWords, lang.T("punct.enumeration")))
			}
			lines = append(lines, "  "+lang.T("table.rejected", ref(c), c.Header, why))
		}
	}
	if yearCol == "" {
		yearCol = "E"
	}
	return lines, "header=" + strconv.Itoa(h.row) + ",name=" + name + ",year:" + strconv.Itoa(year) + "=" + yearCol
}

// readError words an error of the workbook reader for the reader, naming the
// file once: a workbook over one of the reader's limits is too big, one the
// reader words (a part that is not what it should be) is damaged, and any
// other (the system's, reading the file) is told as it is.
func readError(lang msg.Lang, path string, err error) error {
	key := msg.Key("xlsx.read-failed")
	var me *msg.Error
	switch {
	case errors.Is(err, xlsx.ErrLimit):
		key = msg.Key("xlsx.too-big")
	case errors.Is(err, xlsx.ErrCircular):
		// Not damaged: saving it again would not help. The message
		// names the loop.
	case errors.As(err, &me):
		key = msg.Key("xlsx.damaged")
	}
	return msg.Worded(lang.T(key, path, msg.Text(err, lang)), err)
}

// sinkError carries an error of the sink through the reader unchanged, so
// that it is not taken for the reader's own and named again.
type sinkError struct{ err error }

func (e *sinkError) Error() string { return e.err.Error() }

// builder turns a sheet's rows, in order, into header and rows for a sink.
type builder struct {
	hd    Header
	h     *header
	roles map[int]Role // the columns kept
	calc  func(xlsx.Cell) (xlsx.Cell, error)
	sink  RowSink
	row   TableRow // reused for every row
	// lastRow tells the sheet's declared last row, when the header is found.
	lastRow func() int
	// keyCols are the name and id columns, where repeated headers and notes
	// show.
	keyCols []int
	// skips caches, by the text of a name or id cell, whether such a row is
	// a repeated header or a note: the same few texts recur on every row.
	skips map[string]skipResult
	// year is --year (0: none); titleYears the years the rows above the
	// header name (a title: 2023年主要指标完成情况): where a column whose header
	// names no year takes its year from.
	year       int
	titleYears []int
	lang       msg.Lang
	// cols is --columns; best the row that came nearest to a header, for
	// the no-table error.
	cols *Columns
	best *header
	// unitOrEntity is a column headed only 单位, held until its cells say
	// whether it is the unit of measure or the reporting unit (0: none);
	// held are the rows read meanwhile.
	unitOrEntity int
	held         []TableRow
	// rowNumCols are the 序号 columns.
	rowNumCols []int
	// yearErr is why a header found could not be read: no year for its
	// year-less actuals column.
	yearErr error
	// next marks a sheet after the first of a workbook read one sheet per
	// year: its header goes to the sink's NextSheet; sheetYear that year is
	// the sheet's name's.
	next, sheetYear bool
}

// maxHeld bounds the rows held while a 单位 column's content is unknown:
// past it, the column is the unit of measure, as its header says first.
const maxHeld = 64

type skipResult struct{ reason string }

func newBuilder(path, sheet string, calc func(xlsx.Cell) (xlsx.Cell, error), sink RowSink) *builder {
	return &builder{hd: Header{File: path, Sheet: sheet}, roles: map[int]Role{}, calc: calc, sink: sink, skips: map[string]skipResult{}}
}

// add takes the next row. Before the header is found it looks for it, and
// gives up with errNoHeader past HeaderSearchRows.
func (b *builder) add(r xlsx.Row) error {
	if b.h == nil {
		if r.Num > HeaderSearchRows && (b.cols == nil || r.Num > b.cols.HeaderRow) {
			return errNoHeader
		}
		if b.cols != nil && b.cols.HeaderRow != 0 && r.Num != b.cols.HeaderRow {
			b.titleRow(r)
			return nil
		}
		found, ok := detectHeader(r, b.cols)
		if !ok && (b.best == nil || found.score() > b.best.score()) {
			b.best = found
		}
		if !ok && b.cols != nil && b.cols.HeaderRow != 0 {
			return errNoHeader // the row given is no header
		}
		if !ok {
			b.titleRow(r)
			return nil
		}
		if err := b.contextYear(found); err != nil {
			// No year for a column: this sheet cannot be read; another may.
			b.yearErr = err
			return errNoHeader
		}
		if b.sheetYear {
			// A sheet of a workbook by year holds its year's actuals; a
			// column of another year on it is a copy, not read.
			for i, c := range found.columns {
				if c.Role == RoleYear && c.Year != b.year {
					found.columns[i].Role = RoleOther
				}
			}
		}
		b.h = found
		b.hd.Layout, b.hd.HeaderRow, b.hd.Columns = found.layout, found.row, found.columns
		b.hd.Notes = append(b.hd.Notes, found.notes...)
		if b.lastRow != nil {
			b.hd.LastRow = b.lastRow()
		}
		for _, c := range found.columns {
			switch c.Role {
			case RoleOther:
			case RoleRowNumber:
				// not read, but where a note (注：…) may start its row
				b.rowNumCols = append(b.rowNumCols, c.Col)
			default:
				b.roles[c.Col] = c.Role
			}
		}
		for _, c := range append(found.role(RoleName), found.role(RoleID)...) {
			b.keyCols = append(b.keyCols, c.Col)
		}
		if col := unitOrEntity(found); col != 0 && !b.cols.names(col) {
			b.unitOrEntity = col
			return nil // the header goes to the sink once the column is known
		}
		return b.sendHeader()
	}
	if len(b.rowNumCols) > 0 && b.unitOrEntity == 0 {
		for _, c := range r.Cells {
			if c.Kind == xlsx.Text && slices.Contains(b.rowNumCols, c.Col) && skipText(c.Text) == "note" {
				b.sink.Skipped(SkippedRow{Num: r.Num, Reason: "note", Text: c.Text})
				return nil
			}
		}
	}
	row := &b.row
	row.Num, row.Cells, row.CalcErrors = r.Num, row.Cells[:0], nil
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
			if err != nil && refusal(err) {
				return err
			}
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
	if b.unitOrEntity != 0 {
		c, ok := row.cell(b.unitOrEntity)
		if skip, _ := b.skipReason(*row); !ok || c.Kind != xlsx.Text || unitText(c.Text) == "" || skip != "" {
			b.held = append(b.held, TableRow{Num: row.Num, Cells: slices.Clone(row.Cells), CalcErrors: row.CalcErrors})
			if len(b.held) < maxHeld {
				return nil
			}
			return b.decide("")
		}
		if err := b.decide(c.Text); err != nil {
			return err
		}
	}
	return b.emit(row)
}

// sendHeader gives the sink the header: Header for a table's first sheet,
// NextSheet for another sheet of a workbook read one sheet per year.
func (b *builder) sendHeader() error {
	var err error
	if ss, ok := b.sink.(SheetSink); ok && b.next {
		err = ss.NextSheet(&b.hd)
	} else {
		err = b.sink.Header(&b.hd)
	}
	if err != nil {
		return &sinkError{err}
	}
	return nil
}

// emit gives a row to the sink: left out as a repeated header or a note, or
// as a row that may hold data.
func (b *builder) emit(row *TableRow) error {
	if reason, text := b.skipReason(*row); reason != "" {
		b.sink.Skipped(SkippedRow{Num: row.Num, Reason: reason, Text: text})
		return nil
	}
	if err := b.sink.Row(*row); err != nil {
		return &sinkError{err}
	}
	return nil
}

// unitOrEntity is the column of a header headed only 单位 when the header
// has no other unit and no entity column: 单位 may then be either (单位 is
// also a reporting unit, a body), which its cells tell. 0: none such.
func unitOrEntity(h *header) int {
	col := 0
	for _, c := range h.columns {
		switch {
		case c.Role == RoleEntity:
			return 0
		case c.Role == RoleUnit && normalizeHeader(c.Header) == "单位" && col == 0:
			col = c.Col
		case c.Role == RoleUnit:
			return 0
		}
	}
	return col
}

// decide makes the held 单位 column the unit of measure when text, its first
// cell with text, is a unit (or with none, ""), else the reporting unit;
// notes which; sends the header and then the rows held.
func (b *builder) decide(text string) error {
	col := b.unitOrEntity
	b.unitOrEntity = 0
	lang := b.lang.OrEnglish()
	role, key := RoleUnit, msg.Key("note.unit-column-unit")
	switch {
	case text == "":
		key = "note.unit-column-empty"
	case !looksLikeUnit(unitText(text)):
		role, key = RoleEntity, "note.unit-column-entity"
	}
	for i, c := range b.hd.Columns {
		if c.Col == col {
			b.hd.Columns[i].Role = role
			args := []any{b.hd.File, b.hd.Ref(c.Cell)}
			if text != "" {
				args = append(args, text)
			}
			b.hd.Notes = append(b.hd.Notes, lang.T(key, args...))
		}
	}
	b.roles[col] = role
	if err := b.sendHeader(); err != nil {
		return err
	}
	held := b.held
	b.held = nil
	for i := range held {
		if err := b.emit(&held[i]); err != nil {
			return err
		}
	}
	return nil
}

// unitText is a 单位 cell's text as it tells a unit from a reporting unit:
// without brackets ((万人) is 万人), "" for a no-value word (—, /), which
// tells nothing.
func unitText(text string) string {
	t := strings.TrimSpace(norm.NFKC.String(text))
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(t, "("), ")"))
	if isNoValue(t) {
		return ""
	}
	return t
}

// placeSuffixes end the names of places and bodies: what a reporting unit is.
var placeSuffixes = []string{"区", "县", "市", "镇", "乡", "街道", "村", "社区", "局", "委", "办", "所", "站", "中心", "公司", "院", "处", "科"}

// looksLikeUnit reports whether a 单位 cell holds a unit of measure: one the
// plans know (万人, %), or a short word that names no place or body (名, 户,
// 家, 件).
func looksLikeUnit(t string) bool {
	if _, ok := plan.LookupUnit(t); ok {
		return true
	}
	if utf8.RuneCountInString(t) > 3 {
		return false
	}
	for _, suffix := range placeSuffixes {
		if strings.HasSuffix(t, suffix) {
			return false
		}
	}
	return true
}

// read reads a sheet through the builder: errNoHeader when no header was
// found in it; the rows held for a 单位 column given to the sink at its end.
func (b *builder) read(wb source, sheet string) error {
	err := wb.Rows(sheet, b.add)
	if err == nil && b.h == nil {
		err = errNoHeader
	}
	if err == nil {
		err = b.finish()
	}
	return err
}

// finish ends a sheet whose header was found: a 单位 column still held,
// with no cell of text, is the unit of measure.
func (b *builder) finish() error {
	if b.unitOrEntity != 0 {
		return b.decide("")
	}
	return nil
}

// entityLine is a 填报单位 line above a table: the reporting unit it names.
var entityLine = regexp.MustCompile(`^(?:填报单位|报送单位|单位名称|填报单位名称)[:：]\s*(\S.*?)\s*(?:(?:填报人|联系人|填报日期|日期|单位)[:：].*)?$`)

// dateLine is a line above a table that dates the form (填报日期：2024年1月),
// whose year is not the year reported.
var dateLine = regexp.MustCompile(`^(?:填报日期|报送日期|填表日期|日期|制表日期)[:：]`)

// titleRow notes the years a row above the header names, and the reporting
// unit a 填报单位 line names.
func (b *builder) titleRow(r xlsx.Row) {
	for _, c := range r.Cells {
		if m := entityLine.FindStringSubmatch(strings.TrimSpace(norm.NFKC.String(c.Text))); c.Kind == xlsx.Text && m != nil && b.hd.Entity == "" {
			b.hd.Entity = m[1]
		}
		if c.Kind == xlsx.Text && !dateLine.MatchString(strings.TrimSpace(c.Text)) {
			for _, y := range YearsIn(c.Text) {
				if !slices.Contains(b.titleYears, y) {
					b.titleYears = append(b.titleYears, y)
				}
			}
		}
	}
}

// contextYear gives the actuals columns of h whose header names no year
// (本年完成, 完成值) the year asked for (--year), else the one year the title
// rows above the header name, else the one year in the file name, and notes
// which; with none of them, the table cannot be read.
func (b *builder) contextYear(h *header) error {
	lang := b.lang.OrEnglish()
	for i, c := range h.columns {
		if c.Role != RoleYear || c.Year != 0 {
			continue
		}
		year, how := b.year, lang.T("note.column-year-flag")
		if b.next || b.sheetYear {
			how = lang.T("note.column-year-sheet")
		}
		if year == 0 && len(b.titleYears) == 1 {
			year, how = b.titleYears[0], lang.T("note.column-year-title")
		}
		if ys := YearsIn(filepath.Base(b.hd.File)); year == 0 && len(ys) == 1 {
			year, how = ys[0], lang.T("note.column-year-name")
		}
		if year == 0 {
			return withHint(lang.T("table.column-no-year", b.hd.File, b.hd.Ref(c.Cell), c.Header), lang.T("hint.column-year"))
		}
		h.columns[i].Year = year
		h.notes = append(h.notes, lang.T("note.column-year", b.hd.File, b.hd.Ref(c.Cell), c.Header, year, how))
	}
	return nil
}

// compute fills in a formula cell that has no cached value (a workbook saved
// by a program that does not calculate) by calculating it. A formula that
// cannot be computed is the cell's problem (its reason, without the cell,
// which the message names); one over the reader's limits or circular
// refuses the workbook (refusal), with the error naming the cell.
func compute(wb source, sheet string, c xlsx.Cell, lang msg.Lang) (xlsx.Cell, error) {
	v, err := wb.Calc(sheet, c.Ref())
	if err != nil {
		if refusal(err) {
			return c, err
		}
		err = xlsx.CalcReason(err)
		return c, msg.Worded(msg.Text(err, lang), err)
	}
	c.Text = v
	c.Kind = xlsx.Text
	if v == "" {
		c.Kind = xlsx.Blank
	}
	return c, nil
}

// refusal reports whether an error of Calc refuses the whole workbook.
func refusal(err error) bool {
	return errors.Is(err, xlsx.ErrLimit) || errors.Is(err, xlsx.ErrCircular)
}

// skipReason says why a row below the header holds no data: the header
// repeated (after a page break), or a note (注：…).
func (b *builder) skipReason(r TableRow) (reason, text string) {
	for _, col := range b.keyCols {
		c, ok := r.cell(col)
		if !ok || c.Kind != xlsx.Text {
			continue
		}
		res, seen := b.skips[c.Text]
		if !seen {
			res = skipResult{reason: skipText(c.Text)}
			if len(b.skips) < maxCached {
				b.skips[c.Text] = res
			}
		}
		if res.reason != "" {
			return res.reason, c.Text
		}
		return "", ""
	}
	return "", ""
}

// skipText says whether a name or id cell's text makes its row a repeated
// header or a note.
func skipText(text string) string {
	n := normalizeHeader(text)
	if role := headerWords[n]; role == RoleName || role == RoleID {
		return "header repeated"
	}
	// 注：…, 备注：…, 说明：… — but not a name that starts with 注 (注册…).
	if noteRow.MatchString(n) {
		return "note"
	}
	return ""
}

// notWorkbook words, in the run's language, why path is not a workbook,
// naming the path once.
func notWorkbook(lang msg.Lang, path string, e *xlsx.NotWorkbookError) error {
	// A file named .ods is told of as what it claims to be (a damaged .ods
	// was "not an .xlsx workbook").
	ods := strings.EqualFold(filepath.Ext(path), ".ods")
	var why string
	switch e.Kind {
	case xlsx.NotRegular:
		why = lang.T("xlsx.not-regular")
	case xlsx.Empty:
		why = lang.T("xlsx.empty")
	case xlsx.OLE:
		why = lang.T("xlsx.ole")
	case xlsx.XLSB:
		why = lang.T("xlsx.xlsb")
	case xlsx.NoWorkbookPart:
		why = lang.T("xlsx.no-workbook-part", e.Part)
	case xlsx.NoWorkbookElement:
		why = lang.T("xlsx.no-workbook-elem", e.Part)
	default:
		if errors.Is(e.Err, zip.ErrFormat) {
			why = lang.T("xlsx.not-zip")
			if ods {
				why = lang.T("xlsx.not-zip-ods")
			}
		} else {
			why = lang.T("xlsx.not-zip-other", e.Reason())
		}
	}
	if ods {
		return msg.Worded(lang.T("xlsx.not-ods", path, why), e)
	}
	return msg.Worded(lang.T("xlsx.not-workbook", path, why), e)
}

// hinted is an error with a line that says how to fix it; the command line
// prints it as a hint (it looks for a Hint method, as pipeline.HintError has).
type hinted struct {
	err  error
	hint string
}

func (h *hinted) Error() string { return h.err.Error() }
func (h *hinted) Unwrap() error { return h.err }
func (h *hinted) Hint() string  { return h.hint }

func withHint(text, hint string) error { return &hinted{errors.New(text), hint} }

// errNotYearSheets says that fewer than two sheets named for years hold a
// table: the workbook is not one table by year.
var errNotYearSheets = errors.New("not one sheet per year")

// errHeaderFound stops the look for a sheet's header once it is found.
var errHeaderFound = errors.New("header found")

// headerOnly is the sink of the look for a sheet's header: it stops the
// read at the header.
type headerOnly struct{}

func (headerOnly) Header(*Header) error { return errHeaderFound }
func (headerOnly) Row(TableRow) error   { return nil }
func (headerOnly) Skipped(SkippedRow)   {}

// scanYearSheets reads a workbook of one sheet per year as one table: the
// sheets named for years that hold a table (found by reading each up to its
// header), in year order, a header naming no year (本年完成, 实际值) taking the
// sheet's year, and on each sheet only the actuals of its own year (another
// year's column on it is a copy); every sheet's rows to the same sink, of one
// layout. Sheets named for years that hold no table are passed over, with a
// note. Fewer than two with a table: errNotYearSheets.
func scanYearSheets(wb source, path string, names []string, years []int, opts Options, sink SheetSink, lang msg.Lang) error {
	// Two years of one part would be the same numbers read as two years'.
	byPart := map[string]string{}
	for _, sheet := range names {
		part := sheetPart(wb, sheet)
		key := strings.ToLower(part)
		if first, dup := byPart[key]; dup && part != "" {
			return errors.New(lang.T("xlsx.sheets-share-part", path, first, sheet, part))
		}
		byPart[key] = sheet
	}
	var tables []int // indexes into names of the sheets with a table
	var skipped []string
	for i, sheet := range names {
		b := newBuilder(path, sheet, func(c xlsx.Cell) (xlsx.Cell, error) { return compute(wb, sheet, c, lang) }, headerOnly{})
		b.year, b.lang, b.sheetYear = years[i], lang, true
		var se *sinkError
		switch err := wb.Rows(sheet, b.add); {
		case errors.As(err, &se) && errors.Is(se.err, errHeaderFound), err == nil && b.h != nil:
			// (a header held for its 单位 column has been found too)
			tables = append(tables, i)
		case err == nil, errors.Is(err, errNoHeader):
			skipped = append(skipped, sheet)
		default:
			return readError(lang, path, err)
		}
	}
	if len(tables) < 2 {
		return errNotYearSheets
	}
	var layout Layout
	for k, i := range tables {
		sheet := names[i]
		b := newBuilder(path, sheet, func(c xlsx.Cell) (xlsx.Cell, error) { return compute(wb, sheet, c, lang) }, sink)
		b.year, b.lang = years[i], lang
		b.next, b.sheetYear = k > 0, true
		b.hd.Format = formatOf(wb)
		b.hd.Year = years[i]
		if k == 0 {
			read := make([]string, len(tables))
			for j, t := range tables {
				read[j] = names[t]
			}
			b.hd.Notes = []string{lang.T("note.year-sheets", path, strings.Join(read, lang.T("punct.enumeration")))}
			if len(skipped) > 0 {
				b.hd.Notes = append(b.hd.Notes, lang.T("note.year-sheets-skipped", path, strings.Join(skipped, lang.T("punct.enumeration"))))
			}
		}
		b.lastRow = func() int { return wb.LastRow(sheet) }
		err := b.read(wb, sheet)
		var se *sinkError
		switch {
		case errors.Is(err, errNoHeader) && b.yearErr != nil:
			return b.yearErr
		case errors.Is(err, errNoHeader):
			return errors.New(lang.T("table.year-sheet-no-table", path, sheet))
		case errors.As(err, &se):
			return se.err
		case err != nil:
			return readError(lang, path, err)
		}
		if k == 0 {
			layout = b.hd.Layout
		} else if b.hd.Layout != layout {
			return errors.New(lang.T("table.year-sheet-layout", path, sheet, names[tables[0]]))
		}
	}
	return nil
}
