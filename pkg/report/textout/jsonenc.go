package textout

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// appendIndicator appends ij as encoding/json writes it with the Encoder's
// SetIndent(prefix, "  ") and SetEscapeHTML(false), without the final line
// break. The JSON result has one such object per indicator and reporting
// unit, tens of thousands for a province, and encoding/json's reflection and
// second indenting pass were most of the time it took to write them;
// TestAppendIndicator holds the two to the same bytes.
func appendIndicator(b []byte, ij *indicatorJSON, prefix string) []byte {
	in := prefix + "  "
	b = append(b, '{')
	field := func(key string) {
		b = append(b, '\n')
		b = append(b, in...)
		b = append(b, '"')
		b = append(b, key...)
		b = append(b, `": `...)
	}
	str := func(key, v string) {
		field(key)
		b = appendJSONString(b, v)
		b = append(b, ',')
	}
	num := func(key string, v *float64) {
		field(key)
		b = appendJSONNumber(b, v)
		b = append(b, ',')
	}
	str("entity", ij.Entity)
	str("id", ij.ID)
	str("name", ij.Name)
	str("group", ij.Group)
	str("unit", ij.Unit)
	str("attribute", ij.Attribute)
	str("judge", ij.Judge)
	num("baseline", ij.Baseline)
	num("target", ij.Target)
	str("printed", ij.Printed)
	field("actual")
	switch a := ij.Actual.(type) {
	case string:
		b = appendJSONString(b, a)
	case float64:
		b = appendJSONNumber(b, &a)
	default:
		b = append(b, "null"...)
	}
	b = append(b, ',')
	if ij.Approximate {
		field("approximate")
		b = append(b, "true,"...)
	}
	num("required", ij.Required)
	num("progress", ij.Progress)
	num("ratio", ij.Ratio)
	str("status", ij.Status)
	str("label", ij.Label)
	str("reason", ij.Reason)
	field("projection")
	if p := ij.Projection; p != nil {
		pin := in + "  "
		b = append(b, "{\n"...)
		b = append(b, pin...)
		b = append(b, `"value": `...)
		b = appendJSONNumber(b, &p.Value)
		b = append(b, ",\n"...)
		b = append(b, pin...)
		b = append(b, `"status": `...)
		b = appendJSONString(b, p.Status)
		b = append(b, ",\n"...)
		b = append(b, pin...)
		b = append(b, `"method": `...)
		b = appendJSONString(b, p.Method)
		b = append(b, '\n')
		b = append(b, in...)
		b = append(b, '}')
	} else {
		b = append(b, "null"...)
	}
	b = append(b, ',')
	field("cells")
	switch {
	case ij.Cells == nil:
		b = append(b, "null"...)
	case len(ij.Cells) == 0:
		b = append(b, "[]"...)
	default:
		b = append(b, '[')
		for i, c := range ij.Cells {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '\n')
			b = append(b, in...)
			b = append(b, "  "...)
			b = appendJSONString(b, c)
		}
		b = append(b, '\n')
		b = append(b, in...)
		b = append(b, ']')
	}
	b = append(b, '\n')
	b = append(b, prefix...)
	b = append(b, '}')
	return b
}

// appendJSONNumber appends a float64 as encoding/json does (null for nil):
// the shortest decimal that reads back the same, in exponent form only below
// 1e-6 or from 1e21, with a one-digit negative exponent written without its
// leading zero.
func appendJSONNumber(b []byte, v *float64) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	f := *v
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json quotes it without HTML
// escaping: ", \ and control characters escaped, invalid UTF-8 as U+FFFD,
// and U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
