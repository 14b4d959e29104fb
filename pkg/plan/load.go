package plan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/jlp-hrss/plancheck/pkg/internal/input"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// MaxFileSize bounds a plan file. The largest real plan is a few tens of
// kilobytes; anything near this is not a plan.
const MaxFileSize = 1 << 20

// ErrTooLarge is returned for a plan file over MaxFileSize.
var ErrTooLarge error = msg.Errorf("plan.too-large")

// Problem is one thing wrong with a plan file, at a place in it.
type Problem struct {
	File string
	Pos
	Msg *msg.Error // what is wrong, worded by Message
	// Hint says how to fix it (quote the value, indent with spaces), or is
	// nil.
	Hint *msg.Error
	// Warning marks a problem that leaves the plan valid: a unit plancheck
	// does not know.
	Warning bool
}

// Message is what is wrong, worded in l, without the place.
func (p Problem) Message(l msg.Lang) string { return p.Msg.In(l) }

// HintText is the problem's hint worded in l, or "".
func (p Problem) HintText(l msg.Lang) string {
	if p.Hint == nil {
		return ""
	}
	return p.Hint.In(l)
}

// Text is the problem worded in l: file:line:col: message, the message of a
// warning after the word for one (警告：).
func (p Problem) Text(l msg.Lang) string {
	text := p.Message(l)
	if p.Warning {
		text = l.T("prefix.warning") + text
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, text)
}

// String is the problem in English.
func (p Problem) String() string { return p.Text(msg.English) }

// Problems is every problem found in a plan file, in file order. It is an error
// whose text has one line per problem, in English; Text words it in a language.
type Problems []Problem

func (ps Problems) Error() string { return ps.Text(msg.English) }

// Text is one line per problem, worded in l.
func (ps Problems) Text(l msg.Lang) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Text(l)
	}
	return strings.Join(lines, "\n")
}

// ReadFile reads a plan file, refusing one over MaxFileSize.
func ReadFile(path string) ([]byte, error) {
	// A device is no plan file; a named pipe (bash's <(cat plan.yaml)) is
	// read, without waiting for a writer that never comes.
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() && !info.IsDir() && info.Mode()&fs.ModeNamedPipe == 0 {
		return nil, msg.Errorf("plan.read-not-regular", path)
	}
	f, err := input.Open(path)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, readError(path, err)
	}
	if len(data) > MaxFileSize {
		return nil, msg.Errorf("plan.file-too-large", path, ErrTooLarge, MaxFileSize)
	}
	return data, nil
}

// readError is why path could not be read, worded for the common causes;
// errors.Is still sees err (fs.ErrNotExist and the like).
func readError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return msg.Errorf("plan.read-missing", path, err)
	case errors.Is(err, fs.ErrPermission):
		return msg.Errorf("plan.read-permission", path, err)
	case errors.Is(err, syscall.EISDIR):
		return msg.Errorf("plan.read-dir", path, err)
	}
	return msg.Errorf("plan.read", path, err)
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
		return nil, msg.Errorf("plan.file-too-large", name, ErrTooLarge, MaxFileSize)
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
	sort.SliceStable(d.problems, func(i, j int) bool {
		a, b := d.problems[i], d.problems[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	for _, pr := range d.problems {
		if !pr.Warning {
			// Warnings too, in file order: the file is being fixed.
			return nil, d.problems
		}
	}
	if len(d.problems) > 0 {
		p.Warnings = d.problems
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

// errorf records the problem worded by the catalogue's key k with args.
func (d *decoder) errorf(at Pos, k msg.Key, args ...any) {
	d.problems = append(d.problems, Problem{File: d.file, Pos: at, Msg: msg.Errorf(k, args...)})
}

// warnf records a warning worded by the catalogue's key k with args: a
// problem that leaves the plan valid.
func (d *decoder) warnf(at Pos, k msg.Key, args ...any) {
	d.problems = append(d.problems, Problem{File: d.file, Pos: at, Msg: msg.Errorf(k, args...), Warning: true})
}

// checkf is errorf for validation: it says nothing about a value whose
// decoding already failed, so that one mistake gives one message.
func (d *decoder) checkf(at Pos, k msg.Key, args ...any) {
	for _, p := range d.problems[:d.decoded] {
		if p.Pos == at {
			return
		}
	}
	d.errorf(at, k, args...)
}

func pos(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

var yamlErrLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse turns the bytes into the document's root node, refusing anchors and
// aliases outright: a plan has no use for them, and refusing them defuses alias
// bombs before anything is expanded.
func (d *decoder) parse(data []byte) *yaml.Node {
	if len(bytes.TrimSpace(data)) == 0 {
		d.errorf(Pos{1, 1}, "plan.empty-file")
		return nil
	}
	utf16 := bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
	if at, bad, ok := badText(data); ok && !utf16 { // YAML reads UTF-16 with its byte order mark
		// The YAML parser says where only with 1:1; the place is here.
		if bad == nil {
			d.problems = append(d.problems, Problem{File: d.file, Pos: at, Msg: msg.Errorf("plan.not-utf8"), Hint: msg.Errorf("plan.hint.utf8")})
		} else {
			d.errorf(at, "plan.control-char", fmt.Sprintf("U+%04X", *bad))
		}
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		d.errorf(Pos{1, 1}, "plan.empty-file") // nothing but comments
		return nil
	} else if err != nil {
		d.yamlError(data, err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.errorf(pos(&extra), "plan.more-documents")
		return nil
	} else if !errors.Is(err, io.EOF) {
		d.yamlError(data, err)
		return nil
	}
	d.reportSlips(data)
	if bad := findAnchor(&doc); bad != nil {
		d.errorf(pos(bad), "plan.anchor")
		return nil
	}
	if len(doc.Content) == 0 {
		d.errorf(Pos{1, 1}, "plan.empty-file")
		return nil
	}
	return doc.Content[0]
}

// yamlError reports a file YAML could not parse: the slips in it, each with
// a hint, and the parser's own error unless a slip explains it.
func (d *decoder) yamlError(data []byte, err error) {
	text := err.Error()
	if m := yamlErrLine.FindStringSubmatch(text); m != nil {
		line, _ := strconv.Atoi(m[1])
		if !d.explainSyntax(data, line) {
			d.errorf(Pos{line, 1}, "plan.yaml-syntax", m[2])
		}
		return
	}
	d.explainSyntax(data, 0)
	d.errorf(Pos{1, 1}, "plan.yaml-error", msg.Quoted(text))
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
func (d *decoder) mapping(n *yaml.Node, what *msg.Error, known, required []string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		d.errorf(pos(n), "plan.not-mapping", what, describe(n))
		return nil
	}
	out := make(map[string]*yaml.Node, len(n.Content)/2)
	keys := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(pos(k), "plan.key-not-plain", what)
			continue
		}
		if first, dup := keys[k.Value]; dup {
			d.errorf(pos(k), "plan.duplicate-key", what, msg.Quoted(k.Value), first.Line)
			continue
		}
		keys[k.Value] = k
		if !contains(known, k.Value) {
			d.errorf(pos(k), "plan.unknown-field", what, msg.Quoted(k.Value), enumerate("plan.list", known))
			continue
		}
		out[k.Value] = v
	}
	for _, r := range required {
		if _, ok := keys[r]; !ok {
			d.errorf(pos(n), "plan.missing-field", what, r)
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

// enumerate is items joined as the catalogue's key k joins two ("、" in
// Chinese, ", " in English), to word in either language.
func enumerate(k msg.Key, items []string) any {
	if len(items) == 0 {
		return ""
	}
	var out any = items[0]
	for _, item := range items[1:] {
		out = msg.Errorf(k, out, item)
	}
	return out
}

// describe is what n is, for a message that wanted something else.
func describe(n *yaml.Node) *msg.Error {
	switch n.Kind {
	case yaml.MappingNode:
		return msg.Errorf("plan.kind.mapping")
	case yaml.SequenceNode:
		return msg.Errorf("plan.kind.list")
	case yaml.ScalarNode:
		if n.ShortTag() == "!!null" {
			return msg.Errorf("plan.kind.empty")
		}
		return msg.Errorf("plan.kind.value", msg.Quoted(n.Value))
	}
	return msg.Errorf("plan.kind.alias")
}

// The subjects of messages: a field, an entry of the plan, an indicator.

func field(name string) *msg.Error { return msg.Errorf("plan.subject.field", name) }

// fieldOf is the field name of the entry what (a group, an indicator).
func fieldOf(what *msg.Error, name string) *msg.Error {
	return msg.Errorf("plan.subject.field-of", what, name)
}

// indicatorSubject names an indicator as the plan prints it: in Chinese by
// its name with its id beside it, in English by its id with its name beside
// it. Either may be missing from an invalid plan.
func indicatorSubject(id, name string) *msg.Error {
	switch {
	case id != "" && name != "":
		return msg.Errorf("plan.subject.indicator-named", msg.Quoted(id), msg.Quoted(name))
	case id != "":
		return msg.Errorf("plan.subject.indicator-id", msg.Quoted(id))
	case name != "":
		return msg.Errorf("plan.subject.indicator-name", msg.Quoted(id), msg.Quoted(name))
	}
	return msg.Errorf("plan.subject.indicator-blank")
}

// str reads a scalar as text. Numbers are taken as written ("4.50" stays
// "4.50"); an empty value is a problem unless allowEmpty.
func (d *decoder) str(n *yaml.Node, what *msg.Error, allowEmpty bool) string {
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(pos(n), "plan.not-text", what, describe(n))
		return ""
	}
	if n.ShortTag() == "!!null" {
		if !allowEmpty {
			d.errorf(pos(n), "plan.empty-value", what)
		}
		return ""
	}
	if n.ShortTag() == "!!bool" {
		d.errorf(pos(n), "plan.not-text-bool", what, msg.Quoted(n.Value))
		return ""
	}
	if strings.TrimSpace(n.Value) == "" && !allowEmpty {
		d.errorf(pos(n), "plan.empty-value", what)
	}
	return n.Value
}

// exprText reads an expression's text. An unquoted [15] is a YAML list, not
// text: say how to write a cumulative value.
func (d *decoder) exprText(n *yaml.Node, key string, what *msg.Error) string {
	if n != nil && n.Kind == yaml.SequenceNode && len(n.Content) == 1 && n.Content[0].Kind == yaml.ScalarNode {
		d.errorf(pos(n), "plan.unquoted-list", what, msg.Quoted(n.Content[0].Value))
		d.problems[len(d.problems)-1].Hint = msg.Errorf("plan.hint.quote", key, "["+n.Content[0].Value+"]")
		return ""
	}
	return d.str(n, what, false)
}

func (d *decoder) integer(n *yaml.Node, what *msg.Error) int {
	if n == nil {
		return 0
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int" {
		if v, err := strconv.Atoi(n.Value); err == nil {
			return v
		}
	}
	d.errorf(pos(n), "plan.not-whole", what, describe(n))
	return 0
}

func (d *decoder) number(n *yaml.Node, what *msg.Error) float64 {
	if n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!int" || n.ShortTag() == "!!float") {
		if v, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return v
		}
	}
	d.errorf(pos(n), "plan.not-number", what, describe(n))
	return 0
}

func (d *decoder) list(n *yaml.Node, what *msg.Error) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		d.errorf(pos(n), "plan.not-list", what, describe(n))
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
	f := d.mapping(n, msg.Errorf("plan.subject.plan"), planFields, planRequired)
	if f == nil {
		return nil
	}
	p := &Plan{File: d.file, pos: positions(f, n)}
	p.Schema = d.str(f["schema"], field("schema"), false)
	p.ID = d.str(f["id"], field("id"), false)
	p.Version = d.integer(f["version"], field("version"))
	p.Title = d.str(f["title"], field("title"), false)
	if v := f["period"]; v != nil {
		pf := d.mapping(v, field("period"), periodFields, periodFields)
		p.Period.Start = d.integer(pf["start"], msg.Errorf("plan.subject.period-start"))
		p.Period.End = d.integer(pf["end"], msg.Errorf("plan.subject.period-end"))
		for k, v := range pf {
			p.pos["period."+k] = pos(v)
		}
	}
	p.BaselineYear = p.Period.Start - 1
	if v := f["baseline_year"]; v != nil {
		p.BaselineYear = d.integer(v, field("baseline_year"))
	}
	p.Issuer = d.str(f["issuer"], field("issuer"), true)
	p.Issued = d.str(f["issued"], field("issued"), true)
	p.Source = d.str(f["source"], field("source"), true)
	p.Note = d.str(f["note"], field("note"), true)
	p.Thresholds = Thresholds{DefaultAhead, DefaultOnTrack, DefaultBindingOnTrack}
	if v := f["thresholds"]; v != nil {
		tf := d.mapping(v, field("thresholds"), thresholdFields, nil)
		for _, k := range thresholdFields {
			p.pos["thresholds."+k] = pos(v) // the mapping, where a threshold is not given
		}
		for k, v := range tf {
			x := d.number(v, msg.Errorf("plan.subject.threshold", k))
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
		for _, gn := range d.list(v, field("groups")) {
			g := d.group(gn, &number)
			if g != nil {
				p.Groups = append(p.Groups, g)
			}
		}
	}
	return p
}

func (d *decoder) group(n *yaml.Node, number *int) *Group {
	group := msg.Errorf("plan.subject.group")
	f := d.mapping(n, group, groupFields, groupRequired)
	if f == nil {
		return nil
	}
	g := &Group{Pos: pos(n)}
	g.Name = d.str(f["name"], fieldOf(group, "name"), false)
	g.Source = d.str(f["source"], fieldOf(group, "source"), true)
	g.Note = d.str(f["note"], fieldOf(group, "note"), true)
	if v := f["indicators"]; v != nil {
		for _, in := range d.list(v, fieldOf(msg.Errorf("plan.subject.group-named", msg.Quoted(g.Name)), "indicators")) {
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
	f := d.mapping(n, msg.Errorf("plan.subject.indicator"), indicatorFields, indicatorRequired)
	if f == nil {
		return nil
	}
	ind := &Indicator{pos: positions(f, n)}
	ind.ID = d.str(f["id"], fieldOf(msg.Errorf("plan.subject.indicator"), "id"), false)
	ind.Name = d.str(f["name"], fieldOf(indicatorSubject(ind.ID, ""), "name"), false)
	what := indicatorSubject(ind.ID, ind.Name)
	ind.Unit = d.str(f["unit"], fieldOf(what, "unit"), true)
	ind.Printed = d.exprText(f["printed"], "printed", fieldOf(what, "printed"))
	ind.Note = d.str(f["note"], fieldOf(what, "note"), true)
	ind.Source = d.str(f["source"], fieldOf(what, "source"), true)
	if v := f["aliases"]; v != nil {
		for i, a := range d.list(v, fieldOf(what, "aliases")) {
			ind.Aliases = append(ind.Aliases, d.str(a, msg.Errorf("plan.subject.alias-of", what), false))
			ind.pos[fmt.Sprintf("aliases.%d", i)] = pos(a)
		}
	}
	raw := rawIndicator{
		target:    d.exprText(f["target"], "target", fieldOf(what, "target")),
		attribute: d.str(f["attribute"], fieldOf(what, "attribute"), false),
		judge:     d.str(f["judge"], fieldOf(what, "judge"), false),
	}
	if v := f["baseline"]; v != nil {
		raw.hasBaseline = true
		raw.baseline = d.exprText(v, "baseline", fieldOf(what, "baseline"))
	}
	if v := f["precision"]; v != nil {
		raw.hasPrecision = true
		raw.precision = d.integer(v, fieldOf(what, "precision"))
	}
	if v := f["better"]; v != nil {
		if v.Kind == yaml.SequenceNode {
			raw.betterList = true
			for _, b := range v.Content {
				raw.better = append(raw.better, d.str(b, fieldOf(what, "better"), false))
			}
		} else {
			raw.better = []string{d.str(v, fieldOf(what, "better"), false)}
		}
	}
	if d.raw == nil {
		d.raw = make(map[*Indicator]*rawIndicator)
	}
	d.raw[ind] = &raw
	return ind
}

// badText finds the first place where data is not text a plan file may
// hold: a byte that is not UTF-8 (a file saved as GBK), returned with bad
// nil, or a control character other than tab, line feed and carriage
// return (a NUL), returned as bad. Columns count characters, from 1.
func badText(data []byte) (Pos, *rune, bool) {
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return Pos{line, col}, nil, true
		case r == '\n':
			line, col = line+1, 0
		case r < 0x20 && r != '\t' && r != '\r', r == 0x7f, r >= 0x80 && r <= 0x9f:
			return Pos{line, col}, &r, true
		}
		col++
		i += size
	}
	return Pos{}, nil, false
}
