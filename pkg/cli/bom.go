package cli

import "errors"

// utf8BOM is the UTF-8 byte order mark. Excel opens a CSV file as UTF-8 only
// when it starts with one; without it, a Chinese Windows reads the file as
// GBK and every label is mojibake.
const utf8BOM = "\xEF\xBB\xBF"

// resolveBOM settles --bom once the format is known. Unless it is given, CSV
// written to a file (-o) gets the mark, since that file is most likely opened
// in Excel, and CSV on standard output does not, since that is most likely
// read by a program, and a mark would join the first header. --bom asks for the
// mark on stdout too (plancheck eval … --format csv --bom > out.csv), and
// --bom=false leaves it out of a file.
//
// The mark belongs to CSV only: JSON must not have one (RFC 8259), the
// tables are for terminals, and a workbook is not text. So --bom with another
// format is an error rather than a silent no-op, which would leave the user
// thinking Excel will be fine; --bom=false is accepted with every format, as
// none of the others ever has a mark.
func resolveBOM(opts *evalOptions, given bool) error {
	if !given {
		opts.bom = opts.format == "csv" && opts.output != ""
		return nil
	}
	if opts.bom && opts.format != "csv" {
		return withHint(errors.New(opts.global.lang.T("error.bom-not-csv", opts.format)), "%s", opts.global.lang.T("hint.bom"))
	}
	return nil
}
