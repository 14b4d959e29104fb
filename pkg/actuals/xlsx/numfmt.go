package xlsx

import "strings"

// fmtInfo is what plancheck needs to know about one number format.
type fmtInfo struct {
	code    string // "" for General
	percent bool
	date    bool
}

// builtinFormats are the codes of the built-in number formats an .xlsx may
// refer to by id without defining them. Ids 27–36 and 50–58 are the East
// Asian date formats; their codes depend on the reader's locale, and the
// Simplified Chinese ones are given since that is where plancheck is used.
var builtinFormats = map[int]string{
	1:  "0",
	2:  "0.00",
	3:  "#,##0",
	4:  "#,##0.00",
	9:  "0%",
	10: "0.00%",
	11: "0.00E+00",
	12: "# ?/?",
	13: "# ??/??",
	14: "mm-dd-yy",
	15: "d-mmm-yy",
	16: "d-mmm",
	17: "mmm-yy",
	18: "h:mm AM/PM",
	19: "h:mm:ss AM/PM",
	20: "hh:mm",
	21: "hh:mm:ss",
	22: "m/d/yy hh:mm",
	27: `yyyy"年"m"月"`,
	28: `m"月"d"日"`,
	29: `m"月"d"日"`,
	30: "m/d/yy",
	31: `yyyy"年"m"月"d"日"`,
	32: `h"时"mm"分"`,
	33: `h"时"mm"分"ss"秒"`,
	34: `上午/下午h"时"mm"分"`,
	35: `上午/下午h"时"mm"分"ss"秒"`,
	36: `yyyy"年"m"月"`,
	37: "#,##0 ;(#,##0)",
	38: "#,##0 ;[Red](#,##0)",
	39: "#,##0.00 ;(#,##0.00)",
	40: "#,##0.00 ;[Red](#,##0.00)",
	41: `_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)`,
	42: `_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)`,
	43: `_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)`,
	44: `_("$"* #,##0.00_);_("$"* \(#,##0.00\);_("$"* "-"??_);_(@_)`,
	45: "mm:ss",
	46: "[h]:mm:ss",
	47: "mm:ss.0",
	48: "##0.0E+0",
	49: "@",
	50: `yyyy"年"m"月"`,
	51: `m"月"d"日"`,
	52: `yyyy"年"m"月"`,
	53: `m"月"d"日"`,
	54: `m"月"d"日"`,
	55: `上午/下午h"时"mm"分"`,
	56: `上午/下午h"时"mm"分"ss"秒"`,
	57: `yyyy"年"m"月"`,
	58: `m"月"d"日"`,
}

// builtinInfo classifies a built-in format by its id, as Excel does: the
// codes of the date ids vary with the locale, but they are always dates.
func builtinInfo(id int) fmtInfo {
	fi := fmtInfo{code: builtinFormats[id]}
	switch {
	case id == 9 || id == 10:
		fi.percent = true
	case 14 <= id && id <= 22, 27 <= id && id <= 36, 45 <= id && id <= 47, 50 <= id && id <= 58:
		fi.date = true
	}
	return fi
}

// classify reads a format code the way Excel's formatter would: a % outside
// quoted text, backslash escapes and the _x / *x spacing and fill directives
// scales the number by 100; y, m, d, h, s (any case) outside those and
// outside [...] make it a date or time, as do the elapsed-time brackets [h],
// [mm], [ss]. AM/PM and A/P are time markers too. [Red], [$-804], [>=100],
// [DBNum1] are not.
func classify(code string) fmtInfo {
	fi := fmtInfo{code: code}
	if strings.EqualFold(code, "general") {
		fi.code = ""
		return fi
	}
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch c {
		case '"':
			// Quoted literal text up to the next quote.
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return fi
			}
			i += j + 1
		case '\\', '_', '*':
			// The next character is literal, a width, or a fill.
			i++
		case '[':
			j := strings.IndexByte(code[i+1:], ']')
			if j < 0 {
				return fi
			}
			if elapsed(code[i+1 : i+1+j]) {
				fi.date = true
			}
			i += j + 1
		case '%':
			fi.percent = true
		case 'y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S':
			fi.date = true
		case 'a', 'A':
			if hasFoldPrefix(code[i:], "am/pm") || hasFoldPrefix(code[i:], "a/p") {
				fi.date = true
			}
		case 'e', 'E':
			// "General" inside a section of a longer code is not a date.
			if hasFoldPrefix(code[i:], "e+") || hasFoldPrefix(code[i:], "e-") {
				i++
			}
		case 'g', 'G':
			if hasFoldPrefix(code[i:], "general") {
				i += len("general") - 1
			}
		}
	}
	return fi
}

// elapsed reports whether the text inside [...] is an elapsed-time code:
// [h], [hh], [m], [mm], [s], [ss].
func elapsed(s string) bool {
	if s == "" {
		return false
	}
	c := s[0] | 0x20 // lower case
	if c != 'h' && c != 'm' && c != 's' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i]|0x20 != c {
			return false
		}
	}
	return true
}

func hasFoldPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// FormatInfo is what plancheck needs to know of a number format, for the
// readers of other files (.xls) that refer to formats by id as an .xlsx does.
type FormatInfo struct {
	Code    string // "" for General
	Percent bool
	Date    bool
}

// NumberFormat classifies number format id the way this reader does: by
// its code when the workbook defines one for id (defined), else as the
// built-in format id.
func NumberFormat(id int, code string, defined bool) FormatInfo {
	fi := builtinInfo(id)
	if defined {
		fi = classify(code)
	}
	return FormatInfo{Code: fi.code, Percent: fi.percent, Date: fi.date}
}
