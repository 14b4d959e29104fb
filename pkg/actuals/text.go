package actuals

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// Encodings a text file may be read in (--encoding); "" is detected: a byte
// order mark says UTF-8 or UTF-16, else valid UTF-8 is UTF-8, else GB18030
// (which holds GBK and GB2312).
const (
	EncodingUTF8    = "utf-8"
	EncodingGB18030 = "gb18030"
	EncodingUTF16   = "utf-16"
)

// encodingNames are the names --encoding takes, by the encoding they mean.
var encodingNames = map[string]string{
	"utf-8": EncodingUTF8, "utf8": EncodingUTF8,
	"gb18030": EncodingGB18030, "gbk": EncodingGB18030, "gb2312": EncodingGB18030,
	"utf-16": EncodingUTF16, "utf16": EncodingUTF16,
}

// ParseEncoding reads --encoding: utf-8, gbk (gb18030, gb2312) or utf-16.
func ParseEncoding(name string) (string, error) {
	if e, ok := encodingNames[strings.ToLower(strings.TrimSpace(name))]; ok {
		return e, nil
	}
	return "", msg.Errorf("text.bad-encoding", name)
}

// sampleSize is how much of a text file decides its encoding and separator.
const sampleSize = 64 << 10

// textSource is a CSV, TSV or text file: one sheet, named after the file,
// every field a text cell, read through the same value rules as a
// workbook's (so 96.5% and [9.3] mean what they mean there).
type textSource struct {
	path     string
	sheet    string
	encoding string // "" detected
	lim      xlsx.Limits
	// Comma is the separator, sniffed from the first lines.
	comma rune
}

// openText opens a CSV, TSV or text file as a source of one sheet.
func openText(path string, lim xlsx.Limits, opts Options) (source, error) {
	lim = lim.WithDefaults()
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.Size() > lim.MaxFileSize {
		return nil, xlsx.LimitError(msg.Errorf("text.too-large", lim.MaxFileSize))
	}
	name := filepath.Base(path)
	t := &textSource{path: path, sheet: strings.TrimSuffix(name, filepath.Ext(name)), encoding: opts.Encoding, lim: lim}
	r, closer, err := t.open()
	if err != nil {
		return nil, err
	}
	defer closer.Close()
	sample := make([]byte, sampleSize)
	n, err := io.ReadFull(r, sample)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	t.comma = sniffComma(sample[:n], strings.EqualFold(filepath.Ext(path), ".tsv"))
	return t, nil
}

// open opens the file decoded to UTF-8, its byte order mark dropped.
func (t *textSource) open() (io.Reader, io.Closer, error) {
	f, err := os.Open(t.path)
	if err != nil {
		return nil, nil, err
	}
	br := bufio.NewReaderSize(f, sampleSize)
	head, _ := br.Peek(sampleSize)
	enc := t.encoding
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		enc = EncodingUTF8
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		enc = EncodingUTF16
	case enc == "" && validUTF8Prefix(head):
		enc = EncodingUTF8
	case enc == "":
		enc = EncodingGB18030
	}
	var r io.Reader = br
	switch enc {
	case EncodingGB18030:
		r = transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder())
	case EncodingUTF16:
		// the BOM says which end; without one, little-endian, as Windows writes
		r = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())
	}
	return r, f, nil
}

// validUTF8Prefix reports whether b is UTF-8, but for a character cut at
// its end.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0 && !utf8.Valid(b); i++ {
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}

// sniffComma is the separator of a text file's first lines: the one of
// tab, comma and semicolon that their lines hold most consistently, outside
// quotes; a comma when none does, a tab for a .tsv.
func sniffComma(sample []byte, tsv bool) rune {
	if tsv {
		return '\t'
	}
	lines := strings.Split(string(sample), "\n")
	if len(lines) > 1 {
		lines = lines[:len(lines)-1] // the last may be cut
	}
	if len(lines) > 20 {
		lines = lines[:20]
	}
	best, bestLines := ',', 0
	for _, sep := range []rune{'\t', ',', ';'} {
		n := 0
		for _, line := range lines {
			if countOutsideQuotes(line, sep) > 0 {
				n++
			}
		}
		if n > bestLines {
			best, bestLines = sep, n
		}
	}
	return best
}

func countOutsideQuotes(line string, sep rune) int {
	n, quoted := 0, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == sep && !quoted:
			n++
		}
	}
	return n
}

func (t *textSource) Sheets() []string   { return []string{t.sheet} }
func (t *textSource) LastRow(string) int { return 0 }
func (t *textSource) Close() error       { return nil }
func (t *textSource) Calc(string, string) (string, error) {
	return "", msg.Errorf("text.no-formula")
}

// Rows streams the file's records as rows: a field is a text cell (empty
// ones left out), its row the record's number.
func (t *textSource) Rows(sheet string, fn func(xlsx.Row) error) error {
	r, closer, err := t.open()
	if err != nil {
		return err
	}
	defer closer.Close()
	cr := csv.NewReader(r)
	cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord, cr.ReuseRecord = t.comma, true, -1, true
	row := xlsx.Row{}
	for num := 1; ; num++ {
		record, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			line, _ := cr.FieldPos(0)
			return msg.Errorf("text.bad-line", line, err)
		}
		if num > t.lim.MaxRows {
			return xlsx.LimitError(msg.Errorf("xlsx.row-beyond", t.lim.MaxRows))
		}
		if len(record) > t.lim.MaxCols {
			return xlsx.LimitError(msg.Errorf("xlsx.col-beyond", t.lim.MaxCols))
		}
		row.Num, row.Cells = num, row.Cells[:0]
		for i, field := range record {
			field = strings.TrimSpace(field)
			if field == "" {
				continue
			}
			if len(field) > t.lim.MaxCellBytes {
				return xlsx.LimitError(msg.Errorf("text.cell-too-long", num, t.lim.MaxCellBytes))
			}
			// The fields of a record are slices of one string: a kept
			// value would keep its whole line (a 备注 of 600 bytes with
			// it) alive, so each cell gets its own copy.
			row.Cells = append(row.Cells, xlsx.Cell{Row: num, Col: i + 1, Kind: xlsx.Text, Text: strings.Clone(field)})
		}
		if len(row.Cells) == 0 {
			continue
		}
		if err := fn(row); err != nil {
			return err
		}
	}
}
