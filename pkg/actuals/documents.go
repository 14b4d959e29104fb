package actuals

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// A document that is not a spreadsheet but holds a table a user means to
// evaluate (a PDF, a Word document, an Apple Numbers file) is told at once,
// with what to do, rather than read as text or taken for a broken workbook.

// otherDocument names what kind of document the file is, by its content,
// and the hint that says what to do; "" when it is none of them.
func otherDocument(path string) (what, hint msg.Key) {
	f, err := os.Open(path)
	if err != nil {
		return "", ""
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "doc.pdf", "hint.copy-table"
	case !bytes.HasPrefix(head, []byte("PK")):
		return "", ""
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return "", ""
	}
	defer zr.Close()
	for _, e := range zr.File {
		switch {
		case e.Name == "word/document.xml":
			return "doc.word", "hint.copy-table"
		case e.Name == "ppt/presentation.xml":
			return "doc.powerpoint", "hint.copy-table"
		case e.Name == "Index/Document.iwa", strings.HasPrefix(e.Name, "Index/") && strings.HasSuffix(e.Name, ".iwa"):
			return "doc.numbers", "hint.numbers-export"
		}
	}
	return "", ""
}
