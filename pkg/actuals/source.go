package actuals

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/actuals/cfb"
	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
)

// source is a workbook as the table reader sees it, whatever file it came
// from: named sheets of cells, each sheet read as a stream of rows
// (xlsx.Row, with merged ranges filled in), and a formula calculated where
// the file saved no result. The .xlsx reader is one; CSV and the others
// give the same cells, so header detection, values, matching and every
// output are shared.
type source interface {
	Sheets() []string
	Rows(sheet string, fn func(xlsx.Row) error) error
	// LastRow is a sheet's last row as the file declares it; 0 when it
	// does not (progress only).
	LastRow(sheet string) int
	// Calc is the value of a formula cell with no saved result.
	Calc(sheet, ref string) (string, error)
	Close() error
}

// Format is the kind of file a source reads, told by its content.
type Format string

// The formats plancheck reads.
const (
	FormatXLSX Format = "xlsx" // an OOXML workbook (.xlsx, .xlsm)
	FormatCSV  Format = "csv"  // text: CSV, TSV, .txt
	FormatHTML Format = "html" // a web page's tables (the "xls" web systems export)
	FormatODS  Format = "ods"  // an OpenDocument spreadsheet (.ods: LibreOffice, WPS)
)

// sniffSize is how much of a file's start tells its format.
const sniffSize = 512

// sniff tells a file's format by its first bytes, whatever its name says: a
// PDF by its signature; a zip by its directory (sniffZip: an .ods, a Word,
// PowerPoint or Numbers document, else an OOXML workbook or something the
// xlsx reader names); an OLE2 compound file by its streams (sniffOLE: an
// .xls, an encrypted .xlsx, a Word or PowerPoint document); a start that is
// a web page's (see looksLikeHTML) is HTML whatever the name; and anything
// else with a text extension or no NUL byte in its start is text.
func sniff(path string) (Format, error) {
	info, err := os.Stat(path)
	if err != nil {
		return FormatXLSX, nil // the xlsx reader says what is wrong
	}
	if !info.Mode().IsRegular() {
		// A named pipe would block the open until something writes to
		// it; a device is no workbook either.
		return "", &xlsx.NotWorkbookError{Path: path, Kind: xlsx.NotRegular}
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, sniffSize)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", err
	}
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return FormatPDF, nil
	case bytes.HasPrefix(head, []byte("PK")):
		return sniffZip(path), nil
	case bytes.HasPrefix(head, cfb.Signature[:4]):
		return sniffOLE(f, path), nil
	case n == 0:
		return FormatXLSX, nil // the xlsx reader names it
	case looksLikeHTML(head):
		return FormatHTML, nil
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".tsv", ".txt":
		return FormatCSV, nil
	}
	if looksLikeText(head) {
		return FormatCSV, nil
	}
	return FormatXLSX, nil // the xlsx reader says what it is not
}

// looksLikeText reports whether a file's start is text: a byte order mark,
// or no NUL byte (UTF-16 without a BOM is not told apart).
func looksLikeText(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
		return true
	}
	return bytes.IndexByte(head, 0) < 0
}

// openSource opens the file as the source its content says it is, and
// notes a name that says otherwise (a CSV saved as .xlsx, a web page saved
// as .xls): a note, not an error.
func openSource(path string, lim xlsx.Limits, opts Options) (source, string, error) {
	lang := opts.Lang.OrEnglish()
	format, err := sniff(path)
	if err != nil {
		return nil, "", err
	}
	switch format {
	case FormatEncrypted:
		return nil, "", withHint(lang.T("xls.password", path), lang.T("hint.remove-password"))
	case FormatXLS:
		return openXLSFile(path, lim, lang)
	}
	if doc, ok := documents[format]; ok {
		return nil, "", withHint(lang.T("doc.not-spreadsheet", path, lang.T(doc.what)), lang.T(doc.hint))
	}
	switch format {
	case FormatHTML:
		note := ""
		switch strings.ToLower(filepath.Ext(path)) {
		case ".html", ".htm":
		default:
			note = opts.Lang.OrEnglish().T("note.read-as-html", path)
		}
		src, err := openHTML(path, lim, opts)
		return src, note, err
	case FormatCSV:
		note := ""
		switch strings.ToLower(filepath.Ext(path)) {
		case ".csv", ".tsv", ".txt":
		default:
			note = opts.Lang.OrEnglish().T("note.read-as-text", path)
		}
		src, err := openText(path, lim, opts)
		return src, note, err
	}
	if format == FormatODS {
		note := ""
		switch strings.ToLower(filepath.Ext(path)) {
		case ".ods", ".ots":
		default:
			note = opts.Lang.OrEnglish().T("note.read-as-ods", path)
		}
		src, err := openODS(path, lim)
		return src, note, err
	}
	src, err := xlsx.Open(path, lim)
	if err != nil {
		return nil, "", err // a nil *Workbook is no nil source
	}
	return src, "", nil
}
