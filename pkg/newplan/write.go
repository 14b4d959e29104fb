package newplan

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"

	"github.com/jlp-hrss/plancheck/pkg/expr"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// Options are what the command line gives beside the table.
type Options struct {
	ID    string // the plan's id (required)
	Title string // "": the table's caption
	// Start and End are the period; 0: from the header's years, the
	// five-year plan the header or caption names, or a span of years in
	// the caption.
	Start, End int
	Lang       msg.Lang // of the placeholder's comment
}

// Result is a plan file made from a table.
type Result struct {
	YAML []byte
	// Placeholders are the lines of YAML with better: "?" to fill in, with
	// the indicator each belongs to.
	Placeholders []Placeholder
	// PeriodFrom says where the period came from (a newplan.period-* key),
	// "" where --period gave it.
	PeriodFrom   *msg.Error
	Start, End   int
	Groups, Rows int
}

// Placeholder is a better: "?" line of the file.
type Placeholder struct {
	Line, Col int
	Name      string // the indicator's name
	Target    string // its target as printed
}

// ValidID reports whether id is a valid plan or indicator id, by the plan
// loader's rule (plan.ValidID).
func ValidID(id string) bool { return plan.ValidID(id) }

// captionSpan is a span of years in a caption: （2021—2025年）.
var captionSpan = regexp.MustCompile(`((?:19|20)\d{2})\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2})`)

// zhuanlan is a caption's label: 专栏2, 专栏二.
var zhuanlan = regexp.MustCompile(`^专栏\s*([0-9]+|[一二三四五六七八九十]+)`)

// Period is the plan's period: the options', else where the table says it.
func (t *Table) Period(o Options) (start, end int, from *msg.Error, err error) {
	if o.Start != 0 {
		return o.Start, o.End, nil, nil
	}
	switch {
	case t.BaselineYear != 0 && t.TargetYear > t.BaselineYear:
		return t.BaselineYear + 1, t.TargetYear, msg.Errorf("newplan.period-header", t.BaselineYear, t.TargetYear), nil
	case t.FiveYearPlan != 0:
		s, e := FiveYearPlanPeriod(t.FiveYearPlan)
		if t.TargetYear == 0 || t.TargetYear == e {
			return s, e, msg.Errorf("newplan.period-fyp", t.FiveYearPlan), nil
		}
	}
	if m := captionSpan.FindStringSubmatch(norm.NFKC.String(t.Caption)); m != nil {
		s, _ := strconv.Atoi(m[1])
		e, _ := strconv.Atoi(m[2])
		if s < e {
			return s, e, msg.Errorf("newplan.period-caption"), nil
		}
	}
	if t.TargetYear != 0 {
		return t.TargetYear - 4, t.TargetYear, msg.Errorf("newplan.period-five-years", t.TargetYear), nil
	}
	return 0, 0, nil, msg.Errorf("newplan.no-period")
}

// Make writes the table as a plan file in the shipped plans' style: the
// printed fields as printed, an id per indicator (ind-01, ind-02 … in table
// order), better left out where the target implies it and a placeholder
// that validate rejects where it does not.
func Make(t *Table, o Options) (*Result, error) {
	if !ValidID(o.ID) {
		return nil, msg.Errorf("newplan.bad-id", o.ID)
	}
	title := o.Title
	if title == "" {
		title = t.Caption
	}
	if title == "" {
		return nil, msg.Errorf("newplan.no-title")
	}
	start, end, from, err := t.Period(o)
	if err != nil {
		return nil, err
	}
	res := &Result{PeriodFrom: from, Start: start, End: end, Groups: len(t.Groups)}
	label := ""
	if m := zhuanlan.FindString(t.Caption); m != "" {
		label = strings.Join(strings.Fields(m), "")
	}
	rows := 0
	for _, g := range t.Groups {
		rows += len(g.Rows)
	}
	res.Rows = rows
	width := max(2, len(strconv.Itoa(rows)))

	w := &writer{}
	w.line(plan.SchemaComment)
	w.line("schema: " + plan.SchemaV1)
	w.line("id: " + o.ID)
	w.line("version: 1")
	w.line("title: " + scalar(title))
	w.line(fmt.Sprintf("period: {start: %d, end: %d}", start, end))
	if t.BaselineYear != 0 {
		w.line(fmt.Sprintf("baseline_year: %d", t.BaselineYear))
	}
	if t.Caption != "" {
		w.line("source: " + scalar(t.Caption))
	}
	switch len(t.Notes) {
	case 0:
	case 1:
		w.line("note: " + scalar(t.Notes[0]))
	default:
		w.line("note: |-")
		for _, n := range t.Notes {
			w.line("  " + n)
		}
	}
	w.line("groups:")
	n := 0
	taken := map[string]bool{}
	for _, g := range t.Groups {
		for _, r := range g.Rows {
			if ValidID(r.ID) {
				taken[r.ID] = true
			}
		}
	}
	for _, g := range t.Groups {
		w.line("  - name: " + scalar(g.Name))
		if label != "" {
			w.line("    source: " + scalar(label))
		}
		w.line("    indicators:")
		for _, r := range g.Rows {
			n++
			id := r.ID
			if !ValidID(id) || !taken[id] {
				id = fmt.Sprintf("ind-%0*d", width, n)
			}
			delete(taken, r.ID) // a second row with the same id gets one made
			w.line("      - id: " + id)
			w.line("        name: " + scalar(r.Name))
			w.line("        unit: " + scalar(r.Unit))
			if r.Baseline != "" {
				w.line("        baseline: " + strconv.Quote(r.Baseline))
			}
			w.line("        target: " + strconv.Quote(r.Target))
			if r.Attribute != "" {
				w.line("        attribute: " + scalar(r.Attribute))
			}
			if b := betterPlaceholder(r.Target, o.Lang); b != "" {
				const key = "        better: "
				// The column of the value, where validate reports it.
				res.Placeholders = append(res.Placeholders, Placeholder{Line: w.n + 1, Col: len(key) + 1, Name: r.Name, Target: r.Target})
				w.line(key + b)
			}
			switch {
			case label != "" && r.Number != "":
				w.line("        source: " + scalar(label+" #"+r.Number))
			case label != "":
				w.line("        source: " + scalar(label))
			}
		}
	}
	res.YAML = []byte(w.b.String())
	return res, nil
}

// betterPlaceholder is what better: takes for a target whose direction the
// loader cannot derive — "?" (a list of them for a ratio), with a comment
// that says what to write — and "" where the target implies it. A target
// that does not parse gets the placeholder too: validate reports both.
func betterPlaceholder(target string, lang msg.Lang) string {
	comment := "  # " + lang.OrEnglish().T("newplan.better-comment")
	e, err := expr.Parse(target)
	switch {
	case err != nil:
	case e.Kind == expr.Ratio:
		parts := make([]string, len(e.Parts))
		for i := range parts {
			parts[i] = `"?"`
		}
		return "[" + strings.Join(parts, ", ") + "]" + comment
	case plan.ImpliedBetter(e) != plan.NoDirection:
		return ""
	}
	return `"?"` + comment
}

type writer struct {
	b strings.Builder
	n int // lines written
}

func (w *writer) line(s string) {
	w.b.WriteString(s)
	w.b.WriteByte('\n')
	w.n++
}

// scalar is s as a YAML scalar: plain where YAML reads it back as the same
// string, else double-quoted.
func scalar(s string) string {
	if plainSafe(s) {
		return s
	}
	return strconv.Quote(s)
}

func plainSafe(s string) bool {
	if s == "" || s != strings.TrimSpace(s) || strings.ContainsAny(s, "\n\t\"'") ||
		strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>%@`") ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~":
		return false // booleans and null to a YAML 1.1 reader
	}
	var v map[string]any
	if err := yaml.Unmarshal([]byte("k: "+s), &v); err != nil {
		return false
	}
	got, ok := v["k"].(string)
	return ok && got == s
}
