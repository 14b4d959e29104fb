package xlsx

import "fmt"

// NotWorkbookKind says which way a file failed to be an .xlsx/.xlsm workbook.
type NotWorkbookKind int

const (
	// NotRegular: the path is a directory, a device or a pipe.
	NotRegular NotWorkbookKind = iota + 1
	// Empty: the file has no bytes.
	Empty
	// OLE: an OLE compound file — an .xls from Excel 97–2003, or a
	// password-protected (encrypted) workbook.
	OLE
	// NotZip: not a zip archive, and none of the look-alikes above; Err says
	// what the zip reader found.
	NotZip
	// XLSB: a zip holding an .xlsb binary workbook.
	XLSB
	// NoWorkbookPart: a zip with no workbook part; Part names the part.
	NoWorkbookPart
	// NoWorkbookElement: the workbook part has no <workbook> element; Part
	// names the part.
	NoWorkbookElement
)

// NotWorkbookError is returned by Open when a file is not a workbook it can
// read. Callers that speak another language than English match it with
// errors.As and word it from Kind.
type NotWorkbookError struct {
	Path string
	Kind NotWorkbookKind
	Part string // NoWorkbookPart, NoWorkbookElement
	Err  error  // NotZip
}

func (e *NotWorkbookError) Error() string {
	return "not an .xlsx/.xlsm workbook: " + e.Path + ": " + e.Reason()
}

// Reason is the English text after the path: why the file is not a workbook.
func (e *NotWorkbookError) Reason() string {
	switch e.Kind {
	case NotRegular:
		return "not a regular file"
	case Empty:
		return "the file is empty"
	case OLE:
		return "an OLE compound file (an .xls from Excel 97–2003, or a password-protected workbook); save it as .xlsx"
	case XLSB:
		return "an .xlsb binary workbook; save it as .xlsx"
	case NoWorkbookPart:
		return fmt.Sprintf("no %s in the zip", e.Part)
	case NoWorkbookElement:
		return fmt.Sprintf("%s has no <workbook> element", e.Part)
	}
	if e.Err != nil {
		return e.Err.Error()
	}
	return "unreadable"
}

func (e *NotWorkbookError) Unwrap() error { return e.Err }
