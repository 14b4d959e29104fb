// Package msg is plancheck's message catalogue: the texts a user reads —
// labels of tables and sheets, notes, and in time every help text, error,
// hint and reason — each kept once, by key, in Chinese and in English.
// Chinese is the default, as the plans print; English is for --lang en.
//
// The catalogue is split by area into files of its own (report.go, sheets.go
// …), each registering its entries with add; a key registered twice, or an
// entry lacking a language or whose two texts take different arguments, is a
// bug that the package's tests report. Wording is plural-free ("1 项", "items:
// 1"), so no entry needs a plural form.
package msg

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

// Lang is the language of what a user reads.
type Lang string

// The two languages.
const (
	Chinese Lang = "zh"
	English Lang = "en"
)

// OrEnglish is l, or English when l is unset: the packages under the command
// line speak English to a caller that names no language (their tests, other
// programs), while the command line always names one.
func (l Lang) OrEnglish() Lang {
	if l == "" {
		return English
	}
	return l
}

// Worded is err with a text of its own, worded from the catalogue for the
// reader (naming the file once, in the run's language); errors.Is and
// errors.As still see err.
func Worded(text string, err error) error { return &worded{text: text, err: err} }

type worded struct {
	text string
	err  error
}

func (e *worded) Error() string { return e.text }
func (e *worded) Unwrap() error { return e.err }

// EnvVar names the environment variable that sets the language when --lang
// is not given.
const EnvVar = "PLANCHECK_LANG"

// Parse reads a language as --lang and PLANCHECK_LANG write it: zh or en.
func Parse(s string) (Lang, error) {
	switch s {
	case "zh":
		return Chinese, nil
	case "en":
		return English, nil
	}
	return "", &LangError{Value: s}
}

// LangError is an unknown language in --lang or PLANCHECK_LANG. Its Error is
// English; the command line words it from the catalogue (lang.bad).
type LangError struct {
	Source string // "--lang" or EnvVar; "" from Parse
	Value  string
}

func (e *LangError) Error() string {
	text := fmt.Sprintf("unknown language %q (want zh or en)", e.Value)
	if e.Source == "" {
		return text
	}
	return e.Source + ": " + text
}

// Choose is the language of a run: flag when given (not ""), else
// PLANCHECK_LANG when set, else Chinese. A value that is neither zh nor en is
// an error naming where it came from.
func Choose(flag string) (Lang, error) {
	if flag != "" {
		l, err := Parse(flag)
		if err != nil {
			return "", &LangError{Source: "--lang", Value: flag}
		}
		return l, nil
	}
	if env, ok := os.LookupEnv(EnvVar); ok && env != "" {
		l, err := Parse(env)
		if err != nil {
			return "", &LangError{Source: EnvVar, Value: env}
		}
		return l, nil
	}
	return Chinese, nil
}

// Key names a message.
type Key string

// entry is a message in both languages; a text with arguments is a
// fmt format.
type entry struct{ zh, en string }

var catalogue = map[Key]entry{}

// duplicates lists keys registered twice, for the tests.
var duplicates []Key

// add registers messages: key, then its Chinese and English texts.
func add(entries map[Key][2]string) {
	for k, e := range entries {
		if _, dup := catalogue[k]; dup {
			duplicates = append(duplicates, k)
		}
		catalogue[k] = entry{e[0], e[1]}
	}
}

// T is the message k in language l, formatted with args when it has them. A
// key the catalogue lacks gives the key itself in brackets, so that a slip
// shows but never stops a run; the tests keep every key used present.
func (l Lang) T(k Key, args ...any) string {
	e, ok := catalogue[k]
	if !ok {
		return "[" + string(k) + "]"
	}
	text := e.zh
	if l == English {
		text = e.en
	}
	if len(args) == 0 {
		return text
	}
	return fmt.Sprintf(text, args...)
}

// Has reports whether the catalogue holds k.
func Has(k Key) bool {
	_, ok := catalogue[k]
	return ok
}

// Keys lists every key, sorted.
func Keys() []Key {
	keys := make([]Key, 0, len(catalogue))
	for k := range catalogue {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

// verbs lists a format's verbs in order (%s, %d, %-8s, %.1f …): a % with
// flags and a letter. A % that no letter follows (96.5%，) is text, as in a
// message that takes no arguments; %% is a percent sign.
func verbs(format string) []string {
	var out []string
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		j := i + 1
		for j < len(format) && strings.ContainsRune("+-#0123456789.[]", rune(format[j])) {
			j++
		}
		if j < len(format) && (format[j] >= 'a' && format[j] <= 'z' || format[j] >= 'A' && format[j] <= 'Z') {
			out = append(out, format[i:j+1])
		}
		if j < len(format) && format[j] == '%' {
			j++ // %%
		} else {
			j--
		}
		i = j
	}
	return out
}
