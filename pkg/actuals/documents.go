package actuals

import (
	"archive/zip"
	"io"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// A document that is not a spreadsheet but holds a table a user means to
// evaluate (a PDF, a Word document, an Apple Numbers file) is told at once
// by sniff, with what to do, rather than read as text or taken for a broken
// workbook.
const (
	FormatPDF        Format = "pdf"
	FormatWord       Format = "word"
	FormatPowerPoint Format = "powerpoint"
	FormatNumbers    Format = "numbers"
)

// documents are the formats that are no spreadsheet: what each is, and the
// hint that says what to do.
var documents = map[Format]struct{ what, hint msg.Key }{
	FormatPDF:        {"doc.pdf", "hint.copy-table"},
	FormatWord:       {"doc.word", "hint.copy-table"},
	FormatPowerPoint: {"doc.powerpoint", "hint.copy-table"},
	FormatNumbers:    {"doc.numbers", "hint.numbers-export"},
}

// sniffZip tells what a zip holds, from its directory read once: an
// OpenDocument spreadsheet when its mimetype entry says so (or, without
// one, it has a content.xml and no xl/workbook.xml); a Word document, a
// PowerPoint presentation or an Apple Numbers file by their parts; else an
// OOXML workbook, or whatever the xlsx reader then names it.
func sniffZip(path string) Format {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return FormatXLSX // the xlsx reader says what is wrong
	}
	defer zr.Close()
	var content, workbook, mimetype bool
	for _, f := range zr.File {
		switch {
		case f.Name == "mimetype":
			mimetype = true
			rc, err := f.Open()
			if err != nil {
				return FormatXLSX
			}
			b, _ := io.ReadAll(io.LimitReader(rc, 128))
			rc.Close()
			if mt := strings.TrimSpace(string(b)); mt == odsMimeType || mt == odsMimeType+"-template" {
				return FormatODS
			}
		case f.Name == "content.xml":
			content = true
		case f.Name == "xl/workbook.xml":
			workbook = true
		case f.Name == "word/document.xml":
			return FormatWord
		case f.Name == "ppt/presentation.xml":
			return FormatPowerPoint
		case strings.HasPrefix(f.Name, "Index/") && strings.HasSuffix(f.Name, ".iwa"):
			return FormatNumbers
		}
	}
	if content && !workbook && !mimetype {
		return FormatODS
	}
	return FormatXLSX
}
