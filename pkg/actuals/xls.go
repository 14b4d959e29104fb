package actuals

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/jlp-hrss/plancheck/pkg/actuals/cfb"
	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// FormatXLS is an Excel 97–2003 workbook (BIFF8 in an OLE2 compound file:
// .xls, and WPS's .et/.ett when they are BIFF8 inside).
const FormatXLS Format = "xls"

// The ways an OLE2 compound file is refused, which openSource words with a
// hint: a password (FILEPASS in the workbook, or an encrypted .xlsx in its
// EncryptedPackage stream), and Excel 5/95's BIFF5.
var (
	errXLSPassword = errors.New("password-protected workbook")
	errXLSBIFF5    = errors.New("an Excel 5/95 workbook")
)

// BIFF8 record types read here ([MS-XLS] 2.3).
const (
	recFormula     = 0x0006
	recEOF         = 0x000A
	recFilePass    = 0x002F
	recDateMode    = 0x0022
	recContinue    = 0x003C
	recBoundSheet  = 0x0085
	recMulRK       = 0x00BD
	recDBCell      = 0x00D7
	recRString     = 0x00D6
	recXF          = 0x00E0
	recMergedCells = 0x00E5
	recSST         = 0x00FC
	recLabelSST    = 0x00FD
	recDimension   = 0x0200
	recNumber      = 0x0203
	recLabel       = 0x0204
	recBoolErr     = 0x0205
	recString      = 0x0207
	recRK          = 0x027E
	recFormat      = 0x041E
	recBOF         = 0x0809
)

// maxRecord is the longest record data BIFF8 allows.
const maxRecord = 8224

// Bounds on the globals, as the xlsx reader's: sheets, cell formats (a
// cell names its XF by a 16-bit index) and the length of a number format
// code (Excel allows 255 characters).
const (
	maxXLSSheets  = 1 << 16
	maxXLSXFs     = 1 << 16
	maxFormatCode = 1024
	maxXLSFormats = 1 << 16
)

// maxPendingCells bounds the cells held before a row is complete: a row
// block (up to 32 rows, ended by DBCELL) is sorted as a whole, since a
// producer may write a block's cells out of row order.
const maxPendingCells = 1 << 16

// xlsSource is an Excel 97–2003 workbook (.xls, BIFF8), read by plancheck's
// own reader: the compound file's Workbook stream (package cfb) read as
// records, once for the workbook globals when opened, and twice per Rows
// call: a skim of the sheet's substream for its merged ranges (written after
// the cells), then its cells.
//
// Every worksheet is listed, hidden ones included, as the xlsx reader lists
// them; chart, macro and module sheets are not. Cells are typed as the xlsx
// reader types them: NUMBER, RK and MULRK are numbers (Text the shortest
// decimal that reads back as the same float64, as LibreOffice writes it in
// an .xlsx), LABELSST, LABEL and RSTRING text, BOOLERR a Bool or an Error,
// FORMULA its saved result (a number, a string from the STRING record that
// follows, a bool, an error, or an empty string); the number format of the
// cell's XF says Percent and Date through the xlsx reader's own rules.
// A workbook in the 1904 date system has its date cells moved to the 1900
// system, which is the one the rest of plancheck reads. Merged ranges fill
// their cells as in the xlsx reader (xlsx.MergeFill).
//
// Limits: the file's size (MaxFileSize), the Workbook stream's
// (MaxPartSize), the shared strings (MaxSharedStrings,
// MaxSharedStringBytes), a cell's text (MaxCellBytes), rows and columns,
// merged ranges and the cells they cover; a record longer than BIFF8
// allows, or a CONTINUE where none may be, is an error.
type xlsSource struct {
	lim      xlsx.Limits
	file     *os.File
	wb       *cfb.Stream
	date1904 bool
	sst      []string
	xfs      []xlsx.FormatInfo
	sheets   []xlsSheet
}

// xlsSheet is a BOUNDSHEET: a worksheet's name and where its substream
// starts.
type xlsSheet struct {
	name   string
	offset int64
}

// openXLS opens an .xls workbook and reads its globals.
func openXLS(path string, lim xlsx.Limits) (source, error) {
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
	x, err := readXLS(f, st.Size(), lim)
	if err != nil {
		f.Close()
		return nil, err
	}
	x.file = f
	return x, nil
}

// readXLS reads an .xls workbook from ra, size bytes; lim has its defaults.
func readXLS(ra io.ReaderAt, size int64, lim xlsx.Limits) (*xlsSource, error) {
	if size > lim.MaxFileSize {
		return nil, xlsx.LimitError(msg.Errorf("xls.too-large", lim.MaxFileSize))
	}
	cf, err := cfb.Open(ra, size)
	if err != nil {
		return nil, msg.Errorf("xls.bad-cfb", err)
	}
	wb, ok, err := cf.Stream("Workbook")
	if err != nil {
		return nil, msg.Errorf("xls.bad-cfb", err)
	}
	if !ok {
		names := cf.Streams()
		for _, n := range names {
			switch {
			case strings.EqualFold(n, "Book"):
				return nil, errXLSBIFF5
			case strings.EqualFold(n, "EncryptedPackage"), strings.EqualFold(n, "EncryptionInfo"):
				return nil, errXLSPassword
			}
		}
		return nil, msg.Errorf("xls.no-workbook-stream", strings.Join(names, ", "))
	}
	if wb.Size() > lim.MaxPartSize {
		return nil, xlsx.LimitError(msg.Errorf("xls.stream-over", lim.MaxPartSize))
	}
	x := &xlsSource{lim: lim, wb: wb}
	if err := x.readGlobals(); err != nil {
		return nil, err
	}
	if len(x.sheets) == 0 {
		return nil, msg.Errorf("xls.no-sheets")
	}
	return x, nil
}

func (x *xlsSource) Sheets() []string {
	names := make([]string, len(x.sheets))
	for i, s := range x.sheets {
		names[i] = s.name
	}
	return names
}

func (x *xlsSource) Close() error {
	if x.file == nil {
		return nil
	}
	err := x.file.Close()
	x.file = nil
	return err
}

// Calc: BIFF8 always saves a formula's result, so there is nothing to
// calculate.
func (x *xlsSource) Calc(string, string) (string, error) {
	return "", msg.Errorf("xls.no-calc")
}

// records reads the BIFF records of the Workbook stream from off.
type records struct {
	br  *bufio.Reader
	off int64 // of the next record
	hdr [4]byte
	buf []byte
	// held is a record read ahead and put back (unread).
	held   bool
	typ    uint16
	data   []byte
	recOff int64
}

func (x *xlsSource) records(off int64) *records {
	r := io.NewSectionReader(x.wb, off, max(x.wb.Size()-off, 0))
	return &records{br: bufio.NewReaderSize(r, 64<<10), off: off, buf: make([]byte, maxRecord)}
}

// next reads the next record; io.EOF at the end of the stream. data is
// valid until the next call.
func (r *records) next() (uint16, []byte, error) {
	if r.held {
		r.held = false
		return r.typ, r.data, nil
	}
	if _, err := io.ReadFull(r.br, r.hdr[:]); err != nil {
		if err == io.EOF {
			return 0, nil, io.EOF
		}
		return 0, nil, r.readErr(err)
	}
	typ := binary.LittleEndian.Uint16(r.hdr[:])
	n := int(binary.LittleEndian.Uint16(r.hdr[2:]))
	if n > maxRecord {
		return 0, nil, msg.Errorf("xls.record-too-long", typ, r.off, n, maxRecord)
	}
	data := r.buf[:n]
	if _, err := io.ReadFull(r.br, data); err != nil {
		return 0, nil, r.readErr(err)
	}
	r.recOff = r.off
	r.off += 4 + int64(n)
	r.typ, r.data = typ, data
	return typ, data, nil
}

// unread puts the record just read back, for the next call of next.
func (r *records) unread() { r.held = true }

func (r *records) readErr(err error) error {
	var me *msg.Error
	if errors.As(err, &me) {
		return err
	}
	return msg.Errorf("xls.truncated", r.off)
}

// readGlobals reads the workbook globals substream, up to its EOF.
func (x *xlsSource) readGlobals() error {
	r := x.records(0)
	typ, data, err := r.next()
	if err != nil && err != io.EOF {
		return err
	}
	if err == io.EOF || typ != recBOF || len(data) < 4 {
		return msg.Errorf("xls.no-bof")
	}
	if v := binary.LittleEndian.Uint16(data); v != 0x0600 {
		return errXLSBIFF5
	}
	formats := map[int]string{}
	var xfFormats []int
	for {
		typ, data, err := r.next()
		if err == io.EOF {
			return msg.Errorf("xls.globals-eof")
		}
		if err != nil {
			return err
		}
		switch typ {
		case recEOF:
			x.xfs = make([]xlsx.FormatInfo, len(xfFormats))
			for i, id := range xfFormats {
				code, ok := formats[id]
				x.xfs[i] = xlsx.NumberFormat(id, code, ok)
			}
			return nil
		case recFilePass:
			return errXLSPassword
		case recDateMode:
			x.date1904 = len(data) >= 2 && binary.LittleEndian.Uint16(data) == 1
		case recFormat:
			if len(data) < 2 {
				return msg.Errorf("xls.bad-record", "FORMAT", r.recOff)
			}
			s := &segments{cur: data[2:]}
			code, err := s.unicodeString(2, maxFormatCode)
			if err != nil {
				return msg.Errorf("xls.in-record", "FORMAT", r.recOff, err)
			}
			if len(formats) >= maxXLSFormats {
				return xlsx.LimitError(msg.Errorf("xlsx.numfmts-over", maxXLSFormats))
			}
			formats[int(binary.LittleEndian.Uint16(data))] = code
		case recXF:
			if len(data) < 4 {
				return msg.Errorf("xls.bad-record", "XF", r.recOff)
			}
			if len(xfFormats) >= maxXLSXFs {
				return xlsx.LimitError(msg.Errorf("xlsx.xfs-over", maxXLSXFs))
			}
			xfFormats = append(xfFormats, int(binary.LittleEndian.Uint16(data[2:])))
		case recSST:
			if err := x.readSST(r, data); err != nil {
				return err
			}
		case recBoundSheet:
			if len(data) < 8 {
				return msg.Errorf("xls.bad-record", "BOUNDSHEET", r.recOff)
			}
			s := &segments{cur: data[6:]}
			name, err := s.unicodeString(1, x.lim.MaxCellBytes)
			if err != nil {
				return msg.Errorf("xls.in-record", "BOUNDSHEET", r.recOff, err)
			}
			if data[5] != 0 {
				continue // a chart, macro or module sheet
			}
			if len(x.sheets) >= maxXLSSheets {
				return xlsx.LimitError(msg.Errorf("xlsx.sheets-over", maxXLSSheets))
			}
			x.sheets = append(x.sheets, xlsSheet{name: name, offset: int64(binary.LittleEndian.Uint32(data))})
		}
	}
}

// readSST reads the shared string table: the SST record's data, and the
// CONTINUE records after it.
func (x *xlsSource) readSST(r *records, data []byte) error {
	if len(data) < 8 {
		return msg.Errorf("xls.bad-record", "SST", r.recOff)
	}
	unique := binary.LittleEndian.Uint32(data[4:])
	if int64(unique) > int64(x.lim.MaxSharedStrings) {
		return xlsx.LimitError(msg.Errorf("xlsx.sst-entries-over", x.lim.MaxSharedStrings))
	}
	x.sst = make([]string, 0, min(int(unique), 1<<16))
	s := &segments{cur: slices.Clone(data[8:]), r: r}
	var total int64
	for i := 0; i < int(unique); i++ {
		str, err := s.unicodeString(2, x.lim.MaxCellBytes)
		if err != nil {
			if errors.Is(err, xlsx.ErrLimit) {
				return xlsx.LimitError(msg.Errorf("xlsx.sst-entry-over", i, x.lim.MaxCellBytes))
			}
			return msg.Errorf("xls.in-sst", i, err)
		}
		total += int64(len(str))
		if total > x.lim.MaxSharedStringBytes {
			return xlsx.LimitError(msg.Errorf("xlsx.sst-bytes-over", x.lim.MaxSharedStringBytes))
		}
		x.sst = append(x.sst, str)
	}
	return nil
}

// segments reads a record's data and, when r is set, the CONTINUE records
// after it, as one run of bytes, except where a string's characters cross
// into a CONTINUE: there its first byte is a new option-flags byte that says
// whether the rest of the characters are compressed or UTF-16.
type segments struct {
	cur []byte
	r   *records
	u16 []uint16
}

// more moves to the next CONTINUE record.
func (s *segments) more() error {
	if s.r == nil {
		return msg.Errorf("xls.string-short")
	}
	typ, data, err := s.r.next()
	if err == io.EOF {
		return msg.Errorf("xls.string-short")
	}
	if err != nil {
		return err
	}
	if typ != recContinue {
		s.r.unread()
		return msg.Errorf("xls.string-short")
	}
	s.cur = append(s.cur[:0], data...)
	return nil
}

// bytes reads n bytes across record boundaries.
func (s *segments) bytes(n int) ([]byte, error) {
	if n <= len(s.cur) {
		b := s.cur[:n]
		s.cur = s.cur[n:]
		return b, nil
	}
	out := make([]byte, 0, n)
	for len(out) < n {
		if len(s.cur) == 0 {
			if err := s.more(); err != nil {
				return nil, err
			}
			continue
		}
		k := min(n-len(out), len(s.cur))
		out = append(out, s.cur[:k]...)
		s.cur = s.cur[k:]
	}
	return out, nil
}

// skip discards n bytes across record boundaries (rich-text runs, phonetic
// data), without holding them.
func (s *segments) skip(n int64) error {
	for n > 0 {
		if len(s.cur) == 0 {
			if err := s.more(); err != nil {
				return err
			}
			continue
		}
		k := min(n, int64(len(s.cur)))
		s.cur = s.cur[k:]
		n -= k
	}
	return nil
}

// unicodeString reads an XLUnicodeRichExtendedString (the SST's and
// LABEL's, cchSize 2) or a ShortXLUnicodeString (cchSize 1): the character
// count, the option flags (bit 0: UTF-16, not compressed; bit 2: phonetic
// data follows; bit 3: rich-text runs follow), then the characters and what
// follows them. A string whose UTF-8 would pass maxBytes is a limit error.
func (s *segments) unicodeString(cchSize, maxBytes int) (string, error) {
	h, err := s.bytes(cchSize + 1)
	if err != nil {
		return "", err
	}
	cch := int(h[0])
	if cchSize == 2 {
		cch = int(binary.LittleEndian.Uint16(h))
	}
	flags := h[cchSize]
	var runs, ext int64
	if flags&0x08 != 0 {
		b, err := s.bytes(2)
		if err != nil {
			return "", err
		}
		runs = int64(binary.LittleEndian.Uint16(b))
	}
	if flags&0x04 != 0 {
		b, err := s.bytes(4)
		if err != nil {
			return "", err
		}
		ext = int64(binary.LittleEndian.Uint32(b))
	}
	if cch > maxBytes {
		return "", xlsx.LimitError(msg.Errorf("xlsx.text-over", maxBytes))
	}
	u := s.u16[:0]
	wide := flags&0x01 != 0
	for left := cch; left > 0; {
		if len(s.cur) == 0 {
			if err := s.more(); err != nil {
				return "", err
			}
			// A string continued in a CONTINUE record: its first byte
			// says how the rest is stored.
			if len(s.cur) == 0 {
				return "", msg.Errorf("xls.string-short")
			}
			wide = s.cur[0]&0x01 != 0
			s.cur = s.cur[1:]
			continue
		}
		if wide {
			k := min(left, len(s.cur)/2)
			if k == 0 {
				return "", msg.Errorf("xls.string-split")
			}
			for i := 0; i < k; i++ {
				u = append(u, binary.LittleEndian.Uint16(s.cur[2*i:]))
			}
			s.cur = s.cur[2*k:]
			left -= k
		} else {
			k := min(left, len(s.cur))
			for _, c := range s.cur[:k] {
				u = append(u, uint16(c))
			}
			s.cur = s.cur[k:]
			left -= k
		}
	}
	s.u16 = u
	str := decodeUTF16(u)
	if len(str) > maxBytes {
		return "", xlsx.LimitError(msg.Errorf("xlsx.text-over", maxBytes))
	}
	if err := s.skip(4*runs + ext); err != nil {
		return "", err
	}
	return str, nil
}

// decodeUTF16 is the text of UTF-16 code units, ASCII without a detour.
func decodeUTF16(u []uint16) string {
	ascii := true
	for _, c := range u {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		b := make([]byte, len(u))
		for i, c := range u {
			b[i] = byte(c)
		}
		return string(b)
	}
	return string(utf16.Decode(u))
}

// sheet finds a sheet by name: exactly, else ignoring case, as the xlsx
// reader does.
func (x *xlsSource) sheet(name string) (xlsSheet, error) {
	for _, s := range x.sheets {
		if s.name == name {
			return s, nil
		}
	}
	for _, s := range x.sheets {
		if strings.EqualFold(s.name, name) {
			return s, nil
		}
	}
	return xlsSheet{}, msg.Errorf("xlsx.no-sheet", name, xlsx.SheetList(x.Sheets()))
}

// maxDimensionRecords bounds the records LastRow reads looking for the
// DIMENSION record, which comes near a substream's start.
const maxDimensionRecords = 64

// LastRow is the sheet's last row as its DIMENSION record says, 0 when it
// says nothing: a hint, for progress.
func (x *xlsSource) LastRow(sheet string) int {
	s, err := x.sheet(sheet)
	if err != nil {
		return 0
	}
	r := x.records(s.offset)
	for i := 0; i < maxDimensionRecords; i++ {
		typ, data, err := r.next()
		if err != nil || typ == recEOF {
			return 0
		}
		if typ == recDimension && len(data) >= 8 {
			last := int64(binary.LittleEndian.Uint32(data[4:])) // one past the last row, 0-based
			return int(min(last, int64(x.lim.MaxRows)))
		}
	}
	return 0
}

// substream reads the records of a sheet's substream, from its BOF to its
// EOF, skipping the substreams (an embedded chart) nested in it.
func (x *xlsSource) substream(s xlsSheet, fn func(r *records, typ uint16, data []byte) error) error {
	if s.offset < 0 || s.offset >= x.wb.Size() {
		return msg.Errorf("xls.sheet-offset", s.offset)
	}
	r := x.records(s.offset)
	typ, data, err := r.next()
	if err != nil && err != io.EOF {
		return err
	}
	if err == io.EOF || typ != recBOF || len(data) < 4 {
		return msg.Errorf("xls.sheet-no-bof", s.offset)
	}
	depth := 0
	for {
		typ, data, err := r.next()
		if err == io.EOF {
			return msg.Errorf("xls.sheet-eof")
		}
		if err != nil {
			return err
		}
		switch {
		case typ == recBOF:
			depth++
			continue
		case typ == recEOF && depth == 0:
			return nil
		case typ == recEOF:
			depth--
			continue
		case depth > 0:
			continue
		}
		if err := fn(r, typ, data); err != nil {
			return err
		}
	}
}

// inSheet names the sheet in an error of the file.
func inSheet(sheet string, err error) error {
	var fe *fnError
	if errors.As(err, &fe) {
		return fe.err
	}
	return msg.Errorf("xls.in-sheet", sheet, err)
}

// fnError carries an error of Rows' fn out unchanged.
type fnError struct{ err error }

func (e *fnError) Error() string { return e.err.Error() }

// merges reads a sheet's MERGEDCELLS records.
func (x *xlsSource) merges(s xlsSheet) ([]xlsx.MergeRange, error) {
	var ranges []xlsx.MergeRange
	var area int64
	lim := x.lim
	err := x.substream(s, func(r *records, typ uint16, data []byte) error {
		if typ != recMergedCells {
			return nil
		}
		if len(data) < 2 {
			return msg.Errorf("xls.bad-record", "MERGEDCELLS", r.recOff)
		}
		n := int(binary.LittleEndian.Uint16(data))
		if len(data) < 2+8*n {
			return msg.Errorf("xls.bad-record", "MERGEDCELLS", r.recOff)
		}
		for i := 0; i < n; i++ {
			b := data[2+8*i:]
			g := xlsx.MergeRange{
				Top:    int(binary.LittleEndian.Uint16(b)) + 1,
				Bottom: int(binary.LittleEndian.Uint16(b[2:])) + 1,
				Left:   int(binary.LittleEndian.Uint16(b[4:])) + 1,
				Right:  int(binary.LittleEndian.Uint16(b[6:])) + 1,
			}
			if g.Top > g.Bottom || g.Left > g.Right {
				return msg.Errorf("xls.bad-merge", xlsx.Cell{Row: g.Top, Col: g.Left}.Ref(), xlsx.Cell{Row: g.Bottom, Col: g.Right}.Ref())
			}
			if g.Bottom > lim.MaxRows {
				return xlsx.LimitError(msg.Errorf("xlsx.row-beyond", lim.MaxRows))
			}
			if g.Right > lim.MaxCols {
				return xlsx.LimitError(msg.Errorf("xlsx.col-beyond", lim.MaxCols))
			}
			if g.Top == g.Bottom && g.Left == g.Right {
				continue
			}
			if len(ranges) >= lim.MaxMergedRanges {
				return xlsx.LimitError(msg.Errorf("xlsx.merges-over", lim.MaxMergedRanges))
			}
			area += int64(g.Bottom-g.Top+1)*int64(g.Right-g.Left+1) - 1
			if area > lim.MaxMergedCells {
				return xlsx.LimitError(msg.Errorf("xlsx.merged-cells-over", lim.MaxMergedCells))
			}
			ranges = append(ranges, g)
		}
		return nil
	})
	return ranges, err
}

// xlsRows is the state of one Rows call.
type xlsRows struct {
	x       *xlsSource
	fn      func(xlsx.Row) error
	fill    *xlsx.MergeFill
	pending []xlsx.Cell // cells of rows not yet given, in file order
	lastRow int         // the last row given
	row     []xlsx.Cell
	str     segments // for STRING records
}

// Rows streams the rows of the sheet: see xlsSource.
func (x *xlsSource) Rows(sheet string, fn func(xlsx.Row) error) error {
	s, err := x.sheet(sheet)
	if err != nil {
		return err
	}
	ranges, err := x.merges(s)
	if err != nil {
		return inSheet(s.name, err)
	}
	xr := &xlsRows{x: x, fn: fn}
	if len(ranges) > 0 {
		xr.fill = xlsx.NewMergeFill(ranges)
	}
	err = x.substream(s, xr.record)
	if err == nil {
		err = xr.flush(false)
	}
	if err == nil && xr.fill != nil {
		err = xr.fill.Gap(x.lim.MaxRows+1, xr.emit)
	}
	if err != nil {
		return inSheet(s.name, err)
	}
	return nil
}

// emit hands a row to fn.
func (xr *xlsRows) emit(r xlsx.Row) error {
	if err := xr.fn(r); err != nil {
		return &fnError{err}
	}
	return nil
}

// cellHead reads a cell record's row, column and XF index, checking them.
func (xr *xlsRows) cellHead(data []byte, name string, r *records, minLen int) (xlsx.Cell, int, error) {
	var c xlsx.Cell
	if len(data) < minLen {
		return c, 0, msg.Errorf("xls.bad-record", name, r.recOff)
	}
	c.Row = int(binary.LittleEndian.Uint16(data)) + 1
	c.Col = int(binary.LittleEndian.Uint16(data[2:])) + 1
	xf := int(binary.LittleEndian.Uint16(data[4:]))
	if c.Row > xr.x.lim.MaxRows {
		return c, 0, msg.Errorf("xlsx.cell", c.Ref(), xlsx.LimitError(msg.Errorf("xlsx.row-beyond", xr.x.lim.MaxRows)))
	}
	if c.Col > xr.x.lim.MaxCols {
		return c, 0, msg.Errorf("xlsx.cell", c.Ref(), xlsx.LimitError(msg.Errorf("xlsx.col-beyond", xr.x.lim.MaxCols)))
	}
	return c, xf, nil
}

// record applies one record of the sheet's substream.
func (xr *xlsRows) record(r *records, typ uint16, data []byte) error {
	x := xr.x
	switch typ {
	case recDBCell:
		return xr.flush(false)
	case recNumber:
		c, xf, err := xr.cellHead(data, "NUMBER", r, 14)
		if err != nil {
			return err
		}
		return xr.number(c, xf, math.Float64frombits(binary.LittleEndian.Uint64(data[6:])))
	case recRK:
		c, xf, err := xr.cellHead(data, "RK", r, 10)
		if err != nil {
			return err
		}
		return xr.number(c, xf, rkValue(binary.LittleEndian.Uint32(data[6:])))
	case recMulRK:
		c, _, err := xr.cellHead(data, "MULRK", r, 6)
		if err != nil {
			return err
		}
		n := (len(data) - 6) / 6
		if (len(data)-6)%6 != 0 || n < 1 {
			return msg.Errorf("xls.bad-record", "MULRK", r.recOff)
		}
		last := int(binary.LittleEndian.Uint16(data[len(data)-2:])) + 1
		if last != c.Col+n-1 {
			return msg.Errorf("xls.bad-record", "MULRK", r.recOff)
		}
		if last > x.lim.MaxCols {
			return msg.Errorf("xlsx.cell", xlsx.Cell{Row: c.Row, Col: last}.Ref(), xlsx.LimitError(msg.Errorf("xlsx.col-beyond", x.lim.MaxCols)))
		}
		for i := 0; i < n; i++ {
			b := data[4+6*i:]
			cc := c
			cc.Col = c.Col + i
			if err := xr.number(cc, int(binary.LittleEndian.Uint16(b)), rkValue(binary.LittleEndian.Uint32(b[2:]))); err != nil {
				return err
			}
		}
	case recLabelSST:
		c, xf, err := xr.cellHead(data, "LABELSST", r, 10)
		if err != nil {
			return err
		}
		i := binary.LittleEndian.Uint32(data[6:])
		if int64(i) >= int64(len(x.sst)) {
			return msg.Errorf("xlsx.cell", c.Ref(), msg.Errorf("xlsx.sst-range", int(i), len(x.sst)))
		}
		c.Kind, c.Text = xlsx.Text, x.sst[i]
		return xr.add(c, xf)
	case recLabel, recRString:
		c, xf, err := xr.cellHead(data, "LABEL", r, 9)
		if err != nil {
			return err
		}
		s := &segments{cur: data[6:]}
		text, err := s.unicodeString(2, x.lim.MaxCellBytes)
		if err != nil {
			return msg.Errorf("xlsx.cell", c.Ref(), err)
		}
		c.Kind, c.Text = xlsx.Text, text
		return xr.add(c, xf)
	case recBoolErr:
		c, xf, err := xr.cellHead(data, "BOOLERR", r, 8)
		if err != nil {
			return err
		}
		if err := boolErr(&c, data[6], data[7]); err != nil {
			return err
		}
		return xr.add(c, xf)
	case recFormula:
		c, xf, err := xr.cellHead(data, "FORMULA", r, 20)
		if err != nil {
			return err
		}
		c.Formula = true
		v := data[6:14]
		if v[6] != 0xFF || v[7] != 0xFF {
			return xr.number(c, xf, math.Float64frombits(binary.LittleEndian.Uint64(v)))
		}
		switch v[0] {
		case 0: // a string, in the STRING record that follows
			text, err := xr.formulaString(r)
			if err != nil {
				return msg.Errorf("xlsx.cell", c.Ref(), err)
			}
			c.Kind, c.Text = xlsx.Text, text
		case 1:
			if err := boolErr(&c, v[2], 0); err != nil {
				return err
			}
		case 2:
			if err := boolErr(&c, v[2], 1); err != nil {
				return err
			}
		case 3: // an empty string
			c.Kind = xlsx.Text
		default:
			return msg.Errorf("xlsx.cell", c.Ref(), msg.Errorf("xls.bad-formula-result", int(v[0])))
		}
		return xr.add(c, xf)
	}
	return nil
}

// formulaString reads the STRING record after a FORMULA whose result is a
// string, with its CONTINUE records; records in between (SHRFMLA, ARRAY,
// TABLE) are skipped.
func (xr *xlsRows) formulaString(r *records) (string, error) {
	for {
		typ, data, err := r.next()
		if err != nil {
			if err == io.EOF {
				return "", msg.Errorf("xls.no-string")
			}
			return "", err
		}
		switch typ {
		case 0x04BC, 0x0221, 0x0236: // SHRFMLA, ARRAY, TABLE
			continue
		case recString:
			xr.str.cur = append(xr.str.cur[:0], data...)
			xr.str.r = r
			return xr.str.unicodeString(2, xr.x.lim.MaxCellBytes)
		}
		r.unread()
		return "", msg.Errorf("xls.no-string")
	}
}

// boolErr sets a BOOLERR value: a bool (isErr 0) or an error code.
func boolErr(c *xlsx.Cell, v, isErr byte) error {
	if isErr == 0 {
		c.Kind, c.Text = xlsx.Bool, "FALSE"
		if v != 0 {
			c.Text = "TRUE"
		}
		return nil
	}
	e, ok := xlsErrors[v]
	if !ok {
		return msg.Errorf("xlsx.cell", c.Ref(), msg.Errorf("xls.bad-error-code", int(v)))
	}
	c.Kind, c.Text = xlsx.Error, e
	return nil
}

// xlsErrors are the error values by their BIFF8 codes.
var xlsErrors = map[byte]string{
	0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!",
	0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A", 0x2B: "#GETTING_DATA",
}

// rkValue decodes an RK number: bit 1 says the upper 30 bits are a signed
// integer (else the high 30 bits of an IEEE double), bit 0 that the value
// is a hundredth of that.
func rkValue(rk uint32) float64 {
	var v float64
	if rk&0x02 != 0 {
		v = float64(int32(rk) >> 2) // arithmetic shift keeps the sign
	} else {
		v = math.Float64frombits(uint64(rk&^3) << 32)
	}
	if rk&0x01 != 0 {
		v /= 100
	}
	return v
}

// number adds a numeric cell.
func (xr *xlsRows) number(c xlsx.Cell, xf int, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return msg.Errorf("xlsx.cell", c.Ref(), msg.Errorf("xls.bad-number"))
	}
	c.Kind, c.Number = xlsx.Number, v
	return xr.add(c, xf)
}

// numberText is a number's text as LibreOffice writes it in an .xlsx,
// checked against LibreOffice 7.4 by TestXLSAgainstLibreOffice and
// TestXLSNumberText: an integer up to 2^53 in full; anything else as its
// shortest round-trip digits cut (not rounded) to 15 significant digits,
// in plain decimal when the exponent is from -4 to 16, else as 1.5E-005
// (at least three exponent digits). The cell's Number is this text's
// value, so that an .xls reads as LibreOffice's .xlsx of it reads; the
// difference from the stored double is below 1e-14 of it.
func numberText(v float64) string {
	if v == 0 {
		return "0"
	}
	if v == math.Trunc(v) && math.Abs(v) <= 1<<53 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	e := strconv.FormatFloat(v, 'e', -1, 64) // -d.ddde±dd
	mant, expText, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expText)
	sign := ""
	if mant[0] == '-' {
		sign, mant = "-", mant[1:]
	}
	digits := strings.Replace(mant, ".", "", 1)
	if len(digits) > 15 {
		digits = digits[:15]
	}
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		digits = "0"
	}
	short := digits[:1]
	if len(digits) > 1 {
		short += "." + digits[1:]
	}
	if exp < -4 || exp >= 17 {
		expSign := "+"
		if exp < 0 {
			expSign, exp = "-", -exp
		}
		return fmt.Sprintf("%s%sE%s%03d", sign, short, expSign, exp)
	}
	r, _ := strconv.ParseFloat(sign+short+"e"+strconv.Itoa(exp), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// add sets a cell's format from its XF and holds it until its row is
// complete.
func (xr *xlsRows) add(c xlsx.Cell, xf int) error {
	x := xr.x
	if xf < len(x.xfs) {
		fi := x.xfs[xf]
		c.Percent, c.Date, c.Format = fi.Percent, fi.Date, fi.Code
	}
	if c.Kind == xlsx.Number {
		if c.Date && x.date1904 {
			c.Number += 1462 // to the 1900 date system
		}
		c.Text = numberText(c.Number)
		c.Number, _ = strconv.ParseFloat(c.Text, 64)
	}
	if c.Kind == xlsx.Text && c.Text == "" && !c.Formula {
		return nil
	}
	if c.Row <= xr.lastRow {
		return msg.Errorf("xlsx.cell", c.Ref(), msg.Errorf("xlsx.rows-out-of-order", c.Row, xr.lastRow))
	}
	xr.pending = append(xr.pending, c)
	if len(xr.pending) >= maxPendingCells {
		return xr.flush(true)
	}
	return nil
}

// flush gives the rows held, in order; when partial, all but the last
// row, which may go on.
func (xr *xlsRows) flush(partial bool) error {
	p := xr.pending
	if len(p) == 0 {
		return nil
	}
	slices.SortStableFunc(p, func(a, b xlsx.Cell) int {
		if a.Row != b.Row {
			return a.Row - b.Row
		}
		return a.Col - b.Col
	})
	keepFrom := len(p)
	if partial {
		last := p[len(p)-1].Row
		for keepFrom > 0 && p[keepFrom-1].Row == last {
			keepFrom--
		}
		if keepFrom == 0 {
			// One row holds them all: more cells than columns.
			return xlsx.LimitError(msg.Errorf("xlsx.row-cells-over", last, xr.x.lim.MaxCols))
		}
	}
	for i := 0; i < keepFrom; {
		j := i
		for j < keepFrom && p[j].Row == p[i].Row {
			if j > i && p[j].Col == p[j-1].Col {
				return msg.Errorf("xlsx.cell", p[j].Ref(), msg.Errorf("xlsx.cells-same-place"))
			}
			j++
		}
		row := p[i].Row
		xr.row = append(xr.row[:0], p[i:j]...)
		if xr.fill != nil {
			if err := xr.fill.Row(row, xr.row, xr.emit); err != nil {
				return err
			}
		} else if err := xr.emit(xlsx.Row{Num: row, Cells: xr.row}); err != nil {
			return err
		}
		xr.lastRow = row
		i = j
	}
	xr.pending = append(xr.pending[:0], p[keepFrom:]...)
	return nil
}

// FormatEncrypted is a password-protected OOXML workbook: an OLE2 compound
// file holding EncryptedPackage and EncryptionInfo streams.
const FormatEncrypted Format = "encrypted"

// sniffOLE tells what an OLE2 compound file holds by its root's streams: a
// workbook (Workbook, or Excel 5/95's Book, which openXLS refuses), an
// encrypted .xlsx, a Word document or a PowerPoint presentation. A WPS
// .et/.ett is for the .xls reader whatever it holds (openXLSFile says what
// to do when it is no BIFF8). A compound file that does not open goes to the
// .xls reader too when its name says .xls (it says what is broken); any
// other compound file is for the xlsx reader to name (an OLE file, save it
// as .xlsx), as before there was an .xls reader.
func sniffOLE(f *os.File, path string) Format {
	info, err := f.Stat()
	if err != nil {
		return FormatXLSX
	}
	cf, err := cfb.Open(f, info.Size())
	if err != nil {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".xls", ".xlt", ".et", ".ett":
			return FormatXLS
		}
		return FormatXLSX
	}
	for _, n := range cf.Streams() {
		switch strings.ToLower(n) {
		case "workbook", "book":
			return FormatXLS
		case "encryptedpackage", "encryptioninfo":
			return FormatEncrypted
		case "worddocument":
			return FormatWord
		case "powerpoint document":
			return FormatPowerPoint
		}
	}
	if isWPSName(path) {
		return FormatXLS
	}
	return FormatXLSX
}

// isWPSName reports whether path has a WPS spreadsheet's extension.
func isWPSName(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".et", ".ett":
		return true
	}
	return false
}

// openXLSFile opens an .xls for openSource: a note when the name says
// another format, and the refusals worded with what to do.
func openXLSFile(path string, lim xlsx.Limits, lang msg.Lang) (source, string, error) {
	src, err := openXLS(path, lim)
	switch {
	case err == nil:
		note := ""
		switch strings.ToLower(filepath.Ext(path)) {
		case ".xls", ".xlt", ".et", ".ett":
		default:
			note = lang.T("note.read-as-xls", path)
		}
		return src, note, nil
	case errors.Is(err, errXLSPassword):
		return nil, "", withHint(lang.T("xls.password", path), lang.T("hint.remove-password"))
	case isWPSName(path) && !errors.Is(err, xlsx.ErrLimit) && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission):
		return nil, "", withHint(lang.T("xls.wps", path, msg.Text(err, lang)), lang.T("hint.wps-save-xlsx"))
	case errors.Is(err, errXLSBIFF5):
		return nil, "", withHint(lang.T("xls.biff5", path), lang.T("hint.save-as-xlsx"))
	}
	return nil, "", err
}
