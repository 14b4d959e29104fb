package xlsx

import (
	"strconv"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// parseRef parses an A1-style cell reference ("G9", also "g9") into its
// 1-based column and row. References past MaxCols or MaxRows are limit
// errors; anything else malformed is a plain error. It takes bytes too, so
// the fast sheet path reads references in place.
func parseRef[T string | []byte](s T, lim Limits) (col, row int, err error) {
	i := 0
	for i < len(s) && i < 4 {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			col = col*26 + int(c-'A') + 1
		case 'a' <= c && c <= 'z':
			col = col*26 + int(c-'a') + 1
		default:
			goto digits
		}
		i++
	}
digits:
	if i == 0 || i > 3 || i == len(s) || len(s)-i > 7 || s[i] == '0' {
		return 0, 0, msg.Errorf("xlsx.bad-ref", string(s))
	}
	for _, c := range []byte(s[i:]) {
		if c < '0' || c > '9' {
			return 0, 0, msg.Errorf("xlsx.bad-ref", string(s))
		}
		row = row*10 + int(c-'0')
	}
	if col > lim.MaxCols {
		return 0, 0, limitErr(msg.Errorf("xlsx.cell", string(s), msg.Errorf("xlsx.col-beyond", lim.MaxCols)))
	}
	if row > lim.MaxRows {
		return 0, 0, limitErr(msg.Errorf("xlsx.cell", string(s), msg.Errorf("xlsx.row-beyond", lim.MaxRows)))
	}
	return col, row, nil
}

// appendCol appends the letters of a 1-based column number: 1 → "A",
// 27 → "AA".
func appendCol(b []byte, col int) []byte {
	var tmp [4]byte
	i := len(tmp)
	for col > 0 && i > 0 {
		col--
		i--
		tmp[i] = byte('A' + col%26)
		col /= 26
	}
	return append(b, tmp[i:]...)
}

// CellName returns the A1 reference of a 1-based column and row: (3, 9) is
// "C9".
func CellName(col, row int) string { return refName(col, row) }

// refName returns the A1 reference of a 1-based column and row.
func refName(col, row int) string {
	var b [16]byte
	return string(strconv.AppendInt(appendCol(b[:0], col), int64(row), 10))
}
