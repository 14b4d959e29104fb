package plan

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/jlp-hrss/plancheck/pkg/expr"
)

// SchemaComment is the first line of a plan file: it tells an editor's YAML
// language server where the JSON Schema is, from a file in plans/.
const SchemaComment = "# yaml-language-server: $schema=../schema/plan.schema.json"

// Encode writes p as a plan file that Load reads back to the same plan: the
// fields in the order the shipped files write them (the format's order, with
// baseline before target as a plan prints them), a field the file left out
// left out where its default is the same, expressions and other values quoted
// where YAML would read them otherwise (">95", "[15]", "4.50", "专栏2 #1").
// The same plan always gives the same bytes. It is a starting point for the
// plan's next version (plancheck show PLAN --format yaml).
func Encode(w io.Writer, p *Plan) error {
	root := mapping(false)
	add(root, "schema", text(p.Schema))
	add(root, "id", text(p.ID))
	add(root, "version", integer(p.Version))
	add(root, "title", text(p.Title))
	period := mapping(true)
	add(period, "start", integer(p.Period.Start))
	add(period, "end", integer(p.Period.End))
	add(root, "period", period)
	if _, given := p.pos["baseline_year"]; given || p.BaselineYear != p.Period.Start-1 {
		add(root, "baseline_year", integer(p.BaselineYear))
	}
	addText(root, "issuer", p.Issuer)
	addText(root, "issued", p.Issued)
	addText(root, "source", p.Source)
	if th := thresholds(p.Thresholds); th != nil {
		add(root, "thresholds", th)
	}
	addProse(root, "note", p.Note)
	groups := &yaml.Node{Kind: yaml.SequenceNode}
	for _, g := range p.Groups {
		gn := mapping(false)
		add(gn, "name", text(g.Name))
		addText(gn, "source", g.Source)
		addProse(gn, "note", g.Note)
		inds := &yaml.Node{Kind: yaml.SequenceNode}
		for _, ind := range g.Indicators {
			inds.Content = append(inds.Content, indicatorNode(ind))
		}
		add(gn, "indicators", inds)
		groups.Content = append(groups.Content, gn)
	}
	add(root, "groups", groups)

	var buf bytes.Buffer
	buf.WriteString(SchemaComment + "\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func indicatorNode(ind *Indicator) *yaml.Node {
	n := mapping(false)
	add(n, "id", text(ind.ID))
	add(n, "name", text(ind.Name))
	add(n, "unit", text(ind.Unit)) // quoted where YAML needs it: "%", "" for a ratio
	if ind.Baseline.Text != "" {
		add(n, "baseline", quoted(ind.Baseline.Text))
	}
	add(n, "target", quoted(ind.Target.Text))
	if _, given := ind.pos["attribute"]; given || ind.Attribute != Expected {
		add(n, "attribute", text(ind.Attribute.String()))
	}
	if b := betterNode(ind); b != nil {
		add(n, "better", b)
	}
	if ind.Judge != Auto {
		add(n, "judge", text(ind.Judge.String()))
	}
	if ind.Printed != "" {
		add(n, "printed", quoted(ind.Printed))
	}
	if _, given := ind.pos["precision"]; given || ind.Precision != defaultPrecision(ind) {
		add(n, "precision", integer(ind.Precision))
	}
	if len(ind.Aliases) > 0 {
		list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, a := range ind.Aliases {
			list.Content = append(list.Content, text(a))
		}
		add(n, "aliases", list)
	}
	addProse(n, "note", ind.Note)
	if ind.Source != "" {
		add(n, "source", text(ind.Source))
	}
	return n
}

// betterNode is the indicator's better as the file gave it, or as it must be
// given (a ratio, a target that implies no direction); nil where the target
// implies it and the file left it out.
func betterNode(ind *Indicator) *yaml.Node {
	if len(ind.Better) == 0 {
		return nil
	}
	if ind.Target.Kind == expr.Ratio {
		list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, d := range ind.Better {
			list.Content = append(list.Content, text(d.String()))
		}
		return list
	}
	if _, given := ind.pos["better"]; !given && impliedBetter(ind.Target) == ind.Better[0] {
		return nil
	}
	return text(ind.Better[0].String())
}

// defaultPrecision is the precision an indicator has when its file gives
// none: the decimals of its printed target and baseline (validateIndicator).
func defaultPrecision(ind *Indicator) int {
	p := max(ind.Target.Decimals, ind.Baseline.Decimals)
	if ind.Printed != "" {
		if e, err := expr.Parse(ind.Printed); err == nil {
			p = max(p, e.Decimals)
		}
	}
	return p
}

// thresholds is the thresholds that differ from the defaults, or nil.
func thresholds(t Thresholds) *yaml.Node {
	n := mapping(true)
	for _, th := range []struct {
		key        string
		value, def float64
	}{{"ahead", t.Ahead, DefaultAhead}, {"on_track", t.OnTrack, DefaultOnTrack}, {"binding_on_track", t.BindingOnTrack, DefaultBindingOnTrack}} {
		if th.value != th.def {
			add(n, th.key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!float", Value: strconv.FormatFloat(th.value, 'f', -1, 64)})
		}
	}
	if len(n.Content) == 0 {
		return nil
	}
	return n
}

func mapping(flow bool) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	if flow {
		n.Style = yaml.FlowStyle
	}
	return n
}

func add(m *yaml.Node, key string, value *yaml.Node) {
	m.Content = append(m.Content, text(key), value)
}

// addText adds a text field unless it is empty (an optional field left out).
func addText(m *yaml.Node, key, value string) {
	if value != "" {
		add(m, key, text(value))
	}
}

// addProse adds a note unless it is empty.
func addProse(m *yaml.Node, key, value string) {
	if value != "" {
		add(m, key, prose(value))
	}
}

// text is a string value, plain where YAML reads it back as the same text,
// else in double quotes (a number, a list, a comment, "%"). Text with flow
// punctuation is quoted too (an alias "a, b" inside [...]), and so are the
// words YAML 1.1 reads as booleans (yes, on), which editors' YAML servers
// still do.
func text(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	out, err := yaml.Marshal(n)
	if err != nil || len(out) == 0 || out[0] == '\'' || out[0] == '"' || bytes.Count(out, []byte("\n")) > 1 ||
		strings.ContainsAny(s, ",[]{}") || yaml11Bool[strings.ToLower(s)] {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

var yaml11Bool = map[string]bool{"y": true, "n": true, "yes": true, "no": true, "on": true, "off": true, "true": true, "false": true}

// prose is a note: folded over lines (>-) when it is long, as the shipped
// files write notes, else as text.
func prose(s string) *yaml.Node {
	n := text(s)
	if len([]rune(s)) > 60 && !strings.ContainsAny(s, "\n\t") && strings.TrimSpace(s) == s && !strings.Contains(s, "  ") {
		n.Style = yaml.FoldedStyle
	}
	return n
}

// quoted is a string value always in double quotes: the expressions, units
// and sources, as the shipped files write them.
func quoted(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}

func integer(v int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(v)}
}
