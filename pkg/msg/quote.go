package msg

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Quoted is text a user wrote (a YAML key, a value, an expression) as an
// argument of a message. %q quotes it as usual; %s, which a Chinese text puts
// between “”, writes it as is but with control characters escaped, so that a
// message with a line break in its argument still reads on one line.
type Quoted string

// Format implements fmt.Formatter.
func (q Quoted) Format(f fmt.State, verb rune) {
	s := string(q)
	switch {
	case verb == 'q':
		s = strconv.Quote(s)
	case strings.IndexFunc(s, unicode.IsControl) >= 0 || unsafeIndex(s) >= 0:
		s = strconv.Quote(s)
		s = s[1 : len(s)-1]
	}
	io.WriteString(f, s)
}
