package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize bounds a plan file. The largest real plan is a few tens of
// kilobytes; anything near this is not a plan.
const MaxFileSize = 1 << 20

// ErrTooLarge is returned for a plan file over MaxFileSize.
var ErrTooLarge = errors.New("plan file too large")

// Problem is one thing wrong with a plan file, at a place in it.
type Problem struct {
	File string
	Pos
	Msg string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
}

// Problems is every problem found in a plan file, in file order. It is an error
// whose text has one line per problem.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// ReadFile reads a plan file, refusing one over MaxFileSize.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read plan: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read plan: %w", err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: %w (over %d bytes)", path, ErrTooLarge, MaxFileSize)
	}
	return data, nil
}

// LoadFile reads and validates a plan file. A file that cannot be read or is over
// MaxFileSize gives a plain error; a file that was read but is invalid gives
// Problems.
func LoadFile(path string) (*Plan, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Load(path, data)
}

// Load parses and validates a plan file's contents; name is used in messages.
// The plan is returned only when there are no problems.
func Load(name string, data []byte) (*Plan, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: %w (over %d bytes)", name, ErrTooLarge, MaxFileSize)
	}
	d := &decoder{file: name}
	root := d.parse(data)
	var p *Plan
	if root != nil {
		if p = d.plan(root); p != nil {
			d.decoded = len(d.problems)
			d.validate(p)
		}
	}
	if len(d.problems) > 0 {
		sort.SliceStable(d.problems, func(i, j int) bool {
			a, b := d.problems[i], d.problems[j]
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return a.Col < b.Col
		})
		return nil, d.problems
	}
	return p, nil
}

type decoder struct {
	file     string
	problems Problems
	// decoded is how many problems decoding found; validation skips a value
	// decoding already complained about.
	decoded int
	// raw keeps each indicator's fields as written until validation reads them.
	raw map[*Indicator]*rawIndicator
}

func (d *decoder) errorf(at Pos, format string, args ...any) {
	d.problems = append(d.problems, Problem{File: d.file, Pos: at, Msg: fmt.Sprintf(format, args...)})
}

// checkf is errorf for validation: it says nothing about a value whose
// decoding already failed, so that one mistake gives one message.
func (d *decoder) checkf(at Pos, format string, args ...any) {
	for _, p := range d.problems[:d.decoded] {
		if p.Pos == at {
			return
		}
	}
	d.errorf(at, format, args...)
}

func pos(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

var yamlErrLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse turns the bytes into the document's root node, refusing anchors and
// aliases outright: a plan has no use for them, and refusing them defuses alias
// bombs before anything is expanded.
func (d *decoder) parse(data []byte) *yaml.Node {
	if len(bytes.TrimSpace(data)) == 0 {
		d.errorf(Pos{1, 1}, "empty plan file")
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		d.errorf(Pos{1, 1}, "empty plan file") // nothing but comments
		return nil
	} else if err != nil {
		d.yamlError(err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.errorf(pos(&extra), "more than one YAML document; a plan file holds one plan")
		return nil
	} else if !errors.Is(err, io.EOF) {
		d.yamlError(err)
		return nil
	}
	if bad := findAnchor(&doc); bad != nil {
		d.errorf(pos(bad), "anchors and aliases are not allowed in plan files")
		return nil
	}
	if len(doc.Content) == 0 {
		d.errorf(Pos{1, 1}, "empty plan file")
		return nil
	}
	return doc.Content[0]
}

func (d *decoder) yamlError(err error) {
	msg := err.Error()
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		d.errorf(Pos{line, 1}, "yaml: %s", m[2])
		return
	}
	d.errorf(Pos{1, 1}, "%s", msg)
}

// findAnchor returns the first node that is an alias or carries an anchor. It
// walks the tree as parsed, so it never follows an alias.
func findAnchor(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	for _, c := range n.Content {
		if bad := findAnchor(c); bad != nil {
			return bad
		}
	}
	return nil
}

// The fields of each level of the plan format, in the order the format lists
// them. The JSON Schema must list the same (a test checks).
var (
	planFields = []string{"schema", "id", "version", "title", "period", "baseline_year",
		"issuer", "issued", "source", "thresholds", "note", "groups"}
	planRequired      = []string{"schema", "id", "version", "title", "period", "groups"}
	periodFields      = []string{"start", "end"}
	thresholdFields   = []string{"ahead", "on_track", "binding_on_track"}
	groupFields       = []string{"name", "source", "note", "indicators"}
	groupRequired     = []string{"name", "indicators"}
	indicatorFields   = []string{"id", "name", "unit", "target", "baseline", "attribute", "better", "judge", "printed", "precision", "aliases", "note", "source"}
	indicatorRequired = []string{"id", "name", "unit", "target"}
)

// Fields returns the field names the format allows at each level ("plan",
// "period", "thresholds", "group", "indicator").
func Fields() map[string][]string {
	return map[string][]string{
		"plan": planFields, "period": periodFields, "thresholds": thresholdFields,
		"group": groupFields, "indicator": indicatorFields,
	}
}

// mapping checks that n is a mapping whose keys are known, unique strings and
// that the required ones are there, and returns the value node of each key.
func (d *decoder) mapping(n *yaml.Node, what string, known, required []string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		d.errorf(pos(n), "%s must be a mapping, not %s", what, describe(n))
		return nil
	}
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	keys := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(pos(k), "%s: a key must be a plain name", what)
			continue
		}
		if first, dup := keys[k.Value]; dup {
			d.errorf(pos(k), "%s: duplicate key %q (first at line %d)", what, k.Value, first.Line)
			continue
		}
		keys[k.Value] = k
		if !contains(known, k.Value) {
			d.errorf(pos(k), "%s: unknown field %q (known: %s)", what, k.Value, strings.Join(known, ", "))
			continue
		}
		out[k.Value] = v
	}
	for _, r := range required {
		if _, ok := keys[r]; !ok {
			d.errorf(pos(n), "%s: missing required field %q", what, r)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "an alias"
}

// str reads a scalar as text. Numbers are taken as written ("4.50" stays
// "4.50"); an empty value is a problem unless allowEmpty.
func (d *decoder) str(n *yaml.Node, what string, allowEmpty bool) string {
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(pos(n), "%s must be text, not %s", what, describe(n))
		return ""
	}
	if n.ShortTag() == "!!null" {
		if !allowEmpty {
			d.errorf(pos(n), "%s must not be empty", what)
		}
		return ""
	}
	if n.ShortTag() == "!!bool" {
		d.errorf(pos(n), "%s must be text, not the boolean %s", what, n.Value)
		return ""
	}
	if strings.TrimSpace(n.Value) == "" && !allowEmpty {
		d.errorf(pos(n), "%s must not be empty", what)
	}
	return n.Value
}

// exprText reads an expression's text. An unquoted [15] is a YAML list, not
// text: say how to write a cumulative value.
func (d *decoder) exprText(n *yaml.Node, what string) string {
	if n != nil && n.Kind == yaml.SequenceNode && len(n.Content) == 1 && n.Content[0].Kind == yaml.ScalarNode {
		v := n.Content[0].Value
		d.errorf(pos(n), "%s: [%s] is a YAML list here; quote it to mean a cumulative value: \"[%s]\"", what, v, v)
		return ""
	}
	return d.str(n, what, false)
}

func (d *decoder) integer(n *yaml.Node, what string) int {
	if n == nil {
		return 0
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int" {
		if v, err := strconv.Atoi(n.Value); err == nil {
			return v
		}
	}
	d.errorf(pos(n), "%s must be a whole number, not %s", what, describe(n))
	return 0
}

func (d *decoder) number(n *yaml.Node, what string) float64 {
	if n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!int" || n.ShortTag() == "!!float") {
		if v, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return v
		}
	}
	d.errorf(pos(n), "%s must be a number, not %s", what, describe(n))
	return 0
}

func (d *decoder) list(n *yaml.Node, what string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		d.errorf(pos(n), "%s must be a list, not %s", what, describe(n))
		return nil
	}
	return n.Content
}

func positions(fields map[string]*yaml.Node, self *yaml.Node) map[string]Pos {
	out := map[string]Pos{"": pos(self)}
	for k, v := range fields {
		out[k] = pos(v)
	}
	return out
}

func (d *decoder) plan(n *yaml.Node) *Plan {
	f := d.mapping(n, "plan", planFields, planRequired)
	if f == nil {
		return nil
	}
	p := &Plan{File: d.file, pos: positions(f, n)}
	p.Schema = d.str(f["schema"], "schema", false)
	p.ID = d.str(f["id"], "id", false)
	p.Version = d.integer(f["version"], "version")
	p.Title = d.str(f["title"], "title", false)
	if v := f["period"]; v != nil {
		pf := d.mapping(v, "period", periodFields, periodFields)
		p.Period.Start = d.integer(pf["start"], "period start")
		p.Period.End = d.integer(pf["end"], "period end")
		for k, v := range pf {
			p.pos["period."+k] = pos(v)
		}
	}
	p.BaselineYear = p.Period.Start - 1
	if v := f["baseline_year"]; v != nil {
		p.BaselineYear = d.integer(v, "baseline_year")
	}
	p.Issuer = d.str(f["issuer"], "issuer", true)
	p.Issued = d.str(f["issued"], "issued", true)
	p.Source = d.str(f["source"], "source", true)
	p.Note = d.str(f["note"], "note", true)
	p.Thresholds = Thresholds{DefaultAhead, DefaultOnTrack, DefaultBindingOnTrack}
	if v := f["thresholds"]; v != nil {
		tf := d.mapping(v, "thresholds", thresholdFields, nil)
		for _, k := range thresholdFields {
			p.pos["thresholds."+k] = pos(v) // the mapping, where a threshold is not given
		}
		for k, v := range tf {
			x := d.number(v, "threshold "+k)
			switch k {
			case "ahead":
				p.Thresholds.Ahead = x
			case "on_track":
				p.Thresholds.OnTrack = x
			case "binding_on_track":
				p.Thresholds.BindingOnTrack = x
			}
			p.pos["thresholds."+k] = pos(v)
		}
	}
	if v := f["groups"]; v != nil {
		number := 0
		for _, gn := range d.list(v, "groups") {
			g := d.group(gn, &number)
			if g != nil {
				p.Groups = append(p.Groups, g)
			}
		}
	}
	return p
}

func (d *decoder) group(n *yaml.Node, number *int) *Group {
	f := d.mapping(n, "group", groupFields, groupRequired)
	if f == nil {
		return nil
	}
	g := &Group{Pos: pos(n)}
	g.Name = d.str(f["name"], "group name", false)
	g.Source = d.str(f["source"], "group source", true)
	g.Note = d.str(f["note"], "group note", true)
	if v := f["indicators"]; v != nil {
		for _, in := range d.list(v, fmt.Sprintf("group %q indicators", g.Name)) {
			*number++
			ind := d.indicator(in)
			if ind != nil {
				ind.Group = g.Name
				ind.Number = *number
				g.Indicators = append(g.Indicators, ind)
			}
		}
	}
	return g
}

// rawIndicator keeps the text of an indicator's expressions until validation
// parses them with their positions.
type rawIndicator struct {
	target, baseline string
	hasBaseline      bool
	attribute        string
	better           []string
	betterList       bool
	judge            string
	precision        int
	hasPrecision     bool
}

func (d *decoder) indicator(n *yaml.Node) *Indicator {
	f := d.mapping(n, "indicator", indicatorFields, indicatorRequired)
	if f == nil {
		return nil
	}
	ind := &Indicator{pos: positions(f, n)}
	ind.ID = d.str(f["id"], "indicator id", false)
	what := fmt.Sprintf("indicator %q", ind.ID)
	ind.Name = d.str(f["name"], what+" name", false)
	ind.Unit = d.str(f["unit"], what+" unit", true)
	ind.Printed = d.exprText(f["printed"], what+" printed")
	ind.Note = d.str(f["note"], what+" note", true)
	ind.Source = d.str(f["source"], what+" source", true)
	if v := f["aliases"]; v != nil {
		for i, a := range d.list(v, what+" aliases") {
			ind.Aliases = append(ind.Aliases, d.str(a, what+" alias", false))
			ind.pos[fmt.Sprintf("aliases.%d", i)] = pos(a)
		}
	}
	raw := rawIndicator{
		target:    d.exprText(f["target"], what+" target"),
		attribute: d.str(f["attribute"], what+" attribute", false),
		judge:     d.str(f["judge"], what+" judge", false),
	}
	if v := f["baseline"]; v != nil {
		raw.hasBaseline = true
		raw.baseline = d.exprText(v, what+" baseline")
	}
	if v := f["precision"]; v != nil {
		raw.hasPrecision = true
		raw.precision = d.integer(v, what+" precision")
	}
	if v := f["better"]; v != nil {
		if v.Kind == yaml.SequenceNode {
			raw.betterList = true
			for _, b := range v.Content {
				raw.better = append(raw.better, d.str(b, what+" better", false))
			}
		} else {
			raw.better = []string{d.str(v, what+" better", false)}
		}
	}
	if d.raw == nil {
		d.raw = make(map[*Indicator]*rawIndicator)
	}
	d.raw[ind] = &raw
	return ind
}
