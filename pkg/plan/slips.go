package plan

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// A slip is a common mistake in writing YAML by hand that the parser words
// obscurely or not at all: a bound written without quotes (target: >95,
// which YAML reads as the start of folded text), a tab in the indentation,
// a full-width colon after a key (unit：万人, typed with a Chinese input
// method). The loader finds them in the text, each with its place, and
// reports them with a hint; an unquoted [15] is found in the parsed tree
// (exprText).
type slip struct {
	at   Pos
	msg  *msg.Error
	hint *msg.Error
	// always: reported even when the file parses (a full-width colon
	// parses, as part of a value, and the key is lost); the others only
	// explain a syntax error.
	always bool
}

var (
	// slipKey is a line's key: indentation, a "- " for a list item, the
	// key, and what separates it from its value.
	slipKey = regexp.MustCompile(`^(\s*(?:-\s+)?)([A-Za-z_]+)(\s*)(:|：)(.*)$`)
	// blockHeader is the value that opens a block scalar: | or >, with
	// chomping and indentation indicators, and perhaps a comment.
	blockHeader = regexp.MustCompile(`^[|>][-+]?[1-9]?[-+]?\s*(?:#.*)?$`)
)

// exprFields are the fields whose values are expressions, where a leading
// > is a bound and never folded text.
var exprFields = map[string]bool{"target": true, "baseline": true, "printed": true}

// allFields is every field name of the format, at any level.
var allFields = func() map[string]bool {
	m := map[string]bool{}
	for _, fields := range Fields() {
		for _, f := range fields {
			m[f] = true
		}
	}
	return m
}()

// findSlips scans a plan file's lines for slips, in file order, skipping
// comments and the content of block scalars (a note: >- may say anything).
func findSlips(data []byte) []slip {
	var out []slip
	blockIndent := -1 // the indentation of the key whose block scalar is open
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		n := i + 1
		body := strings.TrimLeft(line, " \t")
		indent := len(line) - len(body)
		if blockIndent >= 0 {
			if body == "" || indent > blockIndent {
				continue // inside the block scalar
			}
			blockIndent = -1
		}
		if body == "" || strings.HasPrefix(body, "#") {
			continue
		}
		if t := strings.IndexByte(line[:indent], '\t'); t >= 0 {
			out = append(out, slip{at: Pos{n, t + 1},
				msg: msg.Errorf("plan.slip.tab"), hint: msg.Errorf("plan.hint.tab")})
		}
		m := slipKey.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		lead, key, sep, value := m[1], m[2], m[4], strings.TrimSpace(m[5])
		col := utf8.RuneCountInString(lead) + 1
		switch {
		case sep == "：" && allFields[key]:
			out = append(out, slip{at: Pos{n, col}, always: true,
				msg:  msg.Errorf("plan.slip.colon", key),
				hint: msg.Errorf("plan.hint.colon", key, value)})
		case sep == ":" && blockHeader.MatchString(value):
			blockIndent = len(lead) // the key's column: its content is deeper
		case sep == ":" && exprFields[key] && strings.HasPrefix(value, ">"):
			at := Pos{n, utf8.RuneCountInString(line[:len(line)-len(strings.TrimLeft(m[5], " \t"))]) + 1}
			out = append(out, slip{at: at,
				msg:  msg.Errorf("plan.slip.bound", field(key), value),
				hint: msg.Errorf("plan.hint.quote", key, value)})
		}
	}
	return out
}

// explainSyntax reports the slips of a file YAML could not parse. It
// returns whether one of them explains the syntax error at line (the parser
// names the line of the slip, or the one after it, or before it for a tab).
func (d *decoder) explainSyntax(data []byte, line int) bool {
	explained := false
	for _, s := range findSlips(data) {
		d.slipf(s)
		if s.at.Line >= line-1 && s.at.Line <= line+1 {
			explained = true
		}
	}
	return explained
}

// reportSlips reports the slips that matter though the file parsed.
func (d *decoder) reportSlips(data []byte) {
	for _, s := range findSlips(data) {
		if s.always {
			d.slipf(s)
		}
	}
}

func (d *decoder) slipf(s slip) {
	d.problems = append(d.problems, Problem{File: d.file, Pos: s.at, Msg: s.msg, Hint: s.hint})
}
