// Package xlsx is a streaming reader for .xlsx and .xlsm workbooks.
//
// plancheck needs, for every cell of an analyst's worksheet, the stored value,
// its type, whether its number format is a percentage or a date, and whether it
// holds a formula, all at once: 0.9615 in a "0%" cell is 96.15 %, not the text
// "96%". excelize's Rows iterator streams but only gives strings, and its
// per-cell style and value getters load the whole worksheet into memory, so
// this package reads the worksheet XML itself, in one streaming pass (plus a
// cheap pre-scan for merged ranges), with memory that does not grow with the
// number of rows. The XML of worksheets, shared strings and styles is
// tokenized by hand for the forms producers write, with encoding/xml reading
// anything else and making the error messages (see fastXML). A formula saved
// without a cached value is computed by this package's own bounded
// evaluator (see Calc), never by a general spreadsheet engine.
//
// Every byte of a workbook is treated as hostile: sizes are checked against
// Limits before and while decompressing, XML nesting and token sizes are
// bounded, and malformed content gives an error, never a panic.
package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// ErrLimit is wrapped by every error caused by a workbook going over one of
// the Limits, so callers can tell "too big" from "broken" with errors.Is.
var ErrLimit = errors.New("over a limit")

// Limits bounds the work and memory spent on one workbook. A zero (or
// negative) field means the default from DefaultLimits, so callers can set
// only the fields they care about.
type Limits struct {
	// MaxFileSize bounds the .xlsx file itself, in bytes (default 256 MiB).
	MaxFileSize int64
	// MaxPartSize bounds the uncompressed size of any one zip part, in bytes
	// (default 1 GiB). It is what stops a zip bomb.
	MaxPartSize int64
	// MaxTotalSize bounds the uncompressed bytes of all parts read, each part
	// counted once however often it is read (default 2 GiB).
	MaxTotalSize int64
	// MaxSharedStrings bounds the entries of the shared string table
	// (default 5,000,000).
	MaxSharedStrings int
	// MaxSharedStringBytes bounds the total text of the shared string table,
	// in bytes (default 256 MiB, at most 4 GiB).
	MaxSharedStringBytes int64
	// MaxCellBytes bounds one cell's text, in bytes (default 32767*4: Excel
	// allows 32767 characters, a UTF-8 character takes up to 4 bytes).
	MaxCellBytes int
	// MaxRows and MaxCols bound row and column numbers (default 1048576 and
	// 16384, Excel's own limits).
	MaxRows, MaxCols int
	// MaxMergedRanges bounds the merged ranges of one worksheet
	// (default 1<<20); only ranges of two or more cells count.
	MaxMergedRanges int
	// MaxMergedCells bounds the cells one worksheet's merged ranges cover,
	// and so the cells filled in from merges (default 1<<24). A single range
	// A1:XFD1048576 would otherwise make Rows yield 17 billion cells.
	MaxMergedCells int64
	// MaxZipEntries bounds the entries of the zip archive, counted in its
	// central directory before anything else is read (default 10,000; a
	// workbook has a few dozen parts).
	MaxZipEntries int
	// MaxElements bounds the XML elements of one worksheet part (default
	// 64,000,000: a sheet of 1,048,576 rows of 30 cells each), so that a
	// part of millions of empty elements stops quickly however few bytes
	// it was compressed to.
	MaxElements int64
	// MaxCalcDepth bounds how deep formulas without a cached value may
	// refer to other such formulas (default 256).
	MaxCalcDepth int
	// MaxCalcSteps bounds the work of computing the formulas without a
	// cached value of one workbook: formula nodes evaluated plus cells
	// visited (default 10,000,000, about a second). The cells they refer
	// to that are held are bounded by it too, and by maxCalcCells.
	MaxCalcSteps int64
	// MaxCalcFormulas bounds the formulas without a cached value (and the
	// shared formulas they use) held for computing them, over all sheets
	// (default 250,000; their text is bounded by 128 bytes each on
	// average).
	MaxCalcFormulas int
}

// DefaultLimits returns limits far above any real analyst's workbook and far
// below what would exhaust a machine.
func DefaultLimits() Limits {
	return Limits{
		MaxFileSize:          256 << 20,
		MaxPartSize:          1 << 30,
		MaxTotalSize:         2 << 30,
		MaxSharedStrings:     5_000_000,
		MaxSharedStringBytes: 256 << 20,
		MaxCellBytes:         32767 * 4,
		MaxRows:              1048576,
		MaxCols:              16384,
		MaxMergedRanges:      1 << 20,
		MaxMergedCells:       1 << 24,
		MaxZipEntries:        10_000,
		MaxElements:          64_000_000,
		MaxCalcDepth:         256,
		MaxCalcSteps:         10_000_000,
		MaxCalcFormulas:      250_000,
	}
}

// WithDefaults fills zero fields from DefaultLimits and clamps values the
// implementation cannot represent. Every reader of cells (this one, and the
// text, HTML and .ods sources) applies it to the limits it is given.
func (l Limits) WithDefaults() Limits {
	d := DefaultLimits()
	if l.MaxFileSize <= 0 {
		l.MaxFileSize = d.MaxFileSize
	}
	if l.MaxPartSize <= 0 {
		l.MaxPartSize = d.MaxPartSize
	}
	if l.MaxTotalSize <= 0 {
		l.MaxTotalSize = d.MaxTotalSize
	}
	if l.MaxSharedStrings <= 0 {
		l.MaxSharedStrings = d.MaxSharedStrings
	}
	if l.MaxSharedStringBytes <= 0 {
		l.MaxSharedStringBytes = d.MaxSharedStringBytes
	}
	// Shared strings are indexed by uint32 offsets.
	if l.MaxSharedStringBytes > 1<<32-1 {
		l.MaxSharedStringBytes = 1<<32 - 1
	}
	if l.MaxCellBytes <= 0 {
		l.MaxCellBytes = d.MaxCellBytes
	}
	if l.MaxRows <= 0 {
		l.MaxRows = d.MaxRows
	}
	// Row and column numbers are stored as int32 in merged ranges; refs
	// have at most 3 letters and 7 digits.
	if l.MaxRows > 9_999_999 {
		l.MaxRows = 9_999_999
	}
	if l.MaxCols <= 0 {
		l.MaxCols = d.MaxCols
	}
	if l.MaxCols > 18278 { // ZZZ
		l.MaxCols = 18278
	}
	if l.MaxMergedRanges <= 0 {
		l.MaxMergedRanges = d.MaxMergedRanges
	}
	if l.MaxMergedCells <= 0 {
		l.MaxMergedCells = d.MaxMergedCells
	}
	if l.MaxZipEntries <= 0 {
		l.MaxZipEntries = d.MaxZipEntries
	}
	if l.MaxElements <= 0 {
		l.MaxElements = d.MaxElements
	}
	if l.MaxCalcDepth <= 0 {
		l.MaxCalcDepth = d.MaxCalcDepth
	}
	// Each level of depth is a few Go calls; beyond this the stack, not
	// the limit, would decide.
	if l.MaxCalcDepth > 100_000 {
		l.MaxCalcDepth = 100_000
	}
	if l.MaxCalcSteps <= 0 {
		l.MaxCalcSteps = d.MaxCalcSteps
	}
	if l.MaxCalcFormulas <= 0 {
		l.MaxCalcFormulas = d.MaxCalcFormulas
	}
	return l
}

// limitErr wraps err, which names the limit and its value, with ErrLimit.
func limitErr(err error) error {
	return msg.Errorf("xlsx.limit", err, ErrLimit)
}

// inPart names the part in err.
func inPart(part string, err error) error {
	return msg.Errorf("xlsx.in-part", part, err)
}

// Workbook is an open workbook. Its methods may be called from several
// goroutines at once; each Rows call streams its sheet independently.
type Workbook struct {
	path string
	file *os.File // nil when opened from a reader
	ra   io.ReaderAt
	size int64
	lim  Limits

	parts  map[string]*zip.File // by exact name
	lower  map[string]*zip.File // by lower-case name, OPC names are case-insensitive
	sheets []sheetInfo
	sst    *sharedStrings
	styles *styles

	mu      sync.Mutex
	counted map[string]int64 // uncompressed bytes counted per part
	total   int64
	closed  bool

	// calcMu guards calc, Calc's state, and is held through a Calc,
	// which reads parts (taking mu) while it works.
	calcMu sync.Mutex
	calc   *calcState

	// tokenizer is tokenizeAuto but in tests that compare the ways of
	// reading worksheets, shared strings and styles.
	tokenizer tokenizerMode
}

// sheetInfo is one <sheet> of xl/workbook.xml.
type sheetInfo struct {
	name string
	part string // zip part name, "" when the relationship is missing
}

// Open opens an .xlsx or .xlsm workbook and reads its sheet list, shared
// strings and number formats. Anything that is not such a workbook (an .xls,
// an .xlsb, an encrypted workbook, a CSV renamed, a zip without
// xl/workbook.xml) gives an error beginning "not an .xlsx/.xlsm workbook".
// Call Close when done.
func Open(path string, lim Limits) (*Workbook, error) {
	lim = lim.WithDefaults()
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, &NotWorkbookError{Path: path, Kind: NotRegular}
	}
	if st.Size() > lim.MaxFileSize {
		f.Close()
		return nil, limitErr(msg.Errorf("xlsx.file-over", lim.MaxFileSize))
	}
	w, err := openReader(f, st.Size(), path, lim)
	if err != nil {
		f.Close()
		return nil, err
	}
	w.file = f
	return w, nil
}

// openReader opens a workbook from any io.ReaderAt; Open and the tests (which
// build workbooks in memory) share it. lim must already have its defaults.
func openReader(ra io.ReaderAt, size int64, path string, lim Limits) (*Workbook, error) {
	return openReaderWith(ra, size, path, lim, tokenizeAuto)
}

// openReaderWith is openReader with a choice of tokenizer, for the tests
// that compare them.
func openReaderWith(ra io.ReaderAt, size int64, path string, lim Limits, mode tokenizerMode) (*Workbook, error) {
	if size > lim.MaxFileSize {
		return nil, limitErr(msg.Errorf("xlsx.file-over", lim.MaxFileSize))
	}
	if err := checkZipEntries(ra, size, lim.MaxZipEntries); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, notWorkbook(ra, size, path, err)
	}
	names := make([]string, len(zr.File))
	for i, zf := range zr.File {
		names[i] = zf.Name
	}
	if dup := duplicateEntry(names); dup != "" {
		return nil, msg.Errorf("xlsx.zip-duplicate", dup)
	}
	w := &Workbook{
		path:    path,
		ra:      ra,
		size:    size,
		lim:     lim,
		parts:   make(map[string]*zip.File, len(zr.File)),
		lower:   make(map[string]*zip.File, len(zr.File)),
		counted: make(map[string]int64),

		tokenizer: mode,
	}
	for _, zf := range zr.File {
		// Some producers write Windows separators. There are no
		// duplicate names (see duplicateEntry).
		name := strings.TrimPrefix(strings.ReplaceAll(zf.Name, `\`, "/"), "/")
		w.parts[name] = zf
		w.lower[strings.ToLower(name)] = zf
	}
	if err := w.load(); err != nil {
		return nil, err
	}
	return w, nil
}

// notWorkbook explains why a file that is not a zip cannot be read, naming the
// common look-alikes.
func notWorkbook(ra io.ReaderAt, size int64, path string, err error) error {
	head := make([]byte, 8)
	n, _ := ra.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return &NotWorkbookError{Path: path, Kind: OLE}
	case size == 0:
		return &NotWorkbookError{Path: path, Kind: Empty}
	}
	return &NotWorkbookError{Path: path, Kind: NotZip, Err: err}
}

// Close releases the file.
// Calling it again does nothing.
func (w *Workbook) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil
	}
	w.closed = true
	if w.file != nil {
		return w.file.Close()
	}
	return nil
}

// Sheets returns the sheet names in workbook order, the order of the tabs in
// Excel. Hidden and very hidden sheets are included, as are chart sheets
// (which have no cells).
func (w *Workbook) Sheets() []string {
	names := make([]string, len(w.sheets))
	for i, s := range w.sheets {
		names[i] = s.name
	}
	return names
}

// SheetPart names the worksheet part a sheet's cells are in: two sheets of
// one part (compared ignoring case, as zip names are) have the same cells.
// "" for a sheet without one.
func (w *Workbook) SheetPart(name string) string {
	s, err := w.sheet(name)
	if err != nil {
		return ""
	}
	return s.part
}

// sheet finds a sheet by name, as sheetIdx does.
func (w *Workbook) sheet(name string) (sheetInfo, error) {
	if i, ok := w.sheetIdx(name); ok {
		return w.sheets[i], nil
	}
	return sheetInfo{}, msg.Errorf("xlsx.no-sheet", name, SheetList(w.Sheets()))
}

// sheetIdx is the index of the sheet named name: exactly, else ignoring
// case as Excel does (in Rows and in a formula's references alike).
func (w *Workbook) sheetIdx(name string) (int, bool) {
	for i, s := range w.sheets {
		if s.name == name {
			return i, true
		}
	}
	for i, s := range w.sheets {
		if strings.EqualFold(s.name, name) {
			return i, true
		}
	}
	return 0, false
}

// MaxListed bounds the names one message lists: a workbook of thousands of
// sheets would otherwise make an error line of hundreds of kilobytes.
const MaxListed = 10

// sheetList is names joined for a message, the first MaxListed of them
// and how many more, worded in the message's language.
func SheetList(names []string) any {
	if len(names) <= MaxListed {
		return strings.Join(names, ", ")
	}
	return msg.Errorf("xlsx.list-more", strings.Join(names[:MaxListed], ", "), len(names)-MaxListed)
}

// ListNames is names joined by sep for a message in lang, each quoted if
// quote, cut after the first MaxListed with how many more.
func ListNames(lang msg.Lang, names []string, sep string, quote bool) string {
	n := min(len(names), MaxListed)
	q := make([]string, n)
	for i, s := range names[:n] {
		q[i] = s
		if quote {
			q[i] = strconv.Quote(s)
		}
	}
	list := strings.Join(q, sep)
	if len(names) > n {
		return lang.T("xlsx.list-more", list, len(names)-n)
	}
	return list
}

// part finds a zip part by name, exactly, else ignoring case.
func (w *Workbook) part(name string) *zip.File {
	if zf, ok := w.parts[name]; ok {
		return zf
	}
	return w.lower[strings.ToLower(name)]
}

// openPart opens a part for reading through a reader that enforces
// MaxPartSize and MaxTotalSize on the bytes actually decompressed, since the
// sizes in the zip headers are written by whoever made the file.
func (w *Workbook) openPart(name string) (io.ReadCloser, error) {
	zf := w.part(name)
	if zf == nil {
		return nil, msg.Errorf("xlsx.part-missing", name)
	}
	if zf.UncompressedSize64 > uint64(w.lim.MaxPartSize) {
		return nil, inPart(name, limitErr(msg.Errorf("xlsx.part-over", w.lim.MaxPartSize)))
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, inPart(name, zipErr(err))
	}
	return &partReader{rc: rc, w: w, name: name, size: int64(zf.UncompressedSize64)}, nil
}

// zipErr words an error of archive/zip or compress/flate met opening or
// reading a part: Chinese says what it knows, English keeps the library's
// text, and errors.Is still sees err. An error already worded (a limit) is
// returned as it is.
func zipErr(err error) error {
	var me *msg.Error
	if errors.As(err, &me) {
		return err
	}
	var corrupt flate.CorruptInputError
	var zh error
	switch {
	case errors.Is(err, zip.ErrChecksum):
		zh = msg.Errorf("xlsx.zip-checksum")
	case errors.Is(err, zip.ErrAlgorithm):
		zh = msg.Errorf("xlsx.zip-algorithm")
	case errors.Is(err, zip.ErrFormat):
		zh = msg.Errorf("xlsx.zip-format")
	case errors.As(err, &corrupt):
		zh = msg.Errorf("xlsx.zip-corrupt", int64(corrupt))
	case errors.Is(err, io.ErrUnexpectedEOF):
		zh = msg.Errorf("xlsx.zip-truncated")
	default:
		zh = msg.Errorf("xlsx.zip-other")
	}
	return msg.Errorf("xlsx.zip", zh, err)
}

// partReader counts the bytes decompressed from one part. Its errors are
// *partError, without the part's name, which the caller adds.
type partReader struct {
	rc   io.ReadCloser
	w    *Workbook
	name string
	size int64 // as the zip header says, a hint only
	n    int64
}

func (p *partReader) Read(b []byte) (int, error) {
	n, err := p.rc.Read(b)
	p.n += int64(n)
	if p.n > p.w.lim.MaxPartSize {
		return n, &partError{limitErr(msg.Errorf("xlsx.part-over", p.w.lim.MaxPartSize))}
	}
	if n > 0 {
		if terr := p.w.count(p.name, p.n); terr != nil {
			return n, &partError{terr}
		}
	}
	if err != nil && err != io.EOF {
		err = &partError{zipErr(err)}
	}
	return n, err
}

func (p *partReader) Close() error { return p.rc.Close() }

// count records that n bytes of part name have been decompressed and checks
// MaxTotalSize. A part read again (a worksheet is read twice, and Rows may be
// called more than once) counts only once.
func (w *Workbook) count(name string, n int64) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if prev := w.counted[name]; n > prev {
		w.total += n - prev
		w.counted[name] = n
	}
	if w.total > w.lim.MaxTotalSize {
		return limitErr(msg.Errorf("xlsx.workbook-over", w.lim.MaxTotalSize))
	}
	return nil
}

// excelErrors are Excel's error values.
var excelErrors = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true,
	"#NUM!": true, "#N/A": true, "#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true,
}

// LimitError is err, which names a limit and its value, as an error of going
// over it (errors.Is ErrLimit): for the other sources of cells, which keep
// the same limits.
func LimitError(err error) error { return limitErr(err) }
