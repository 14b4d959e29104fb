package plan

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// fields is p without what loading adds besides the plan itself: the file
// name, the places of values, the warnings.
func fields(p *Plan) Plan {
	c := *p
	c.File, c.pos, c.Warnings, c.Embedded = "", nil, nil, false
	c.Groups = nil
	for _, g := range p.Groups {
		gc := *g
		gc.Pos = Pos{}
		gc.Indicators = nil
		for _, ind := range g.Indicators {
			ic := *ind
			ic.pos = nil
			gc.Indicators = append(gc.Indicators, &ic)
		}
		c.Groups = append(c.Groups, &gc)
	}
	return c
}

// roundTrip encodes p, loads what it wrote, and checks the plan read back
// has p's fields, and that encoding that plan gives the same bytes.
func roundTrip(t *testing.T, p *Plan) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := Encode(&out, p); err != nil {
		t.Fatal(err)
	}
	back, err := Load("encoded.yaml", out.Bytes())
	if err != nil {
		t.Fatalf("%s: the encoded plan does not load:\n%s\n%s", p.Ref(), msg.Text(err, msg.English), out.String())
	}
	if got, want := fields(back), fields(p); !reflect.DeepEqual(got, want) {
		t.Errorf("%s: the encoded plan reads back otherwise:\n%s", p.Ref(), out.String())
		for i, g := range want.Groups {
			for j, ind := range g.Indicators {
				if i < len(got.Groups) && j < len(got.Groups[i].Indicators) && !reflect.DeepEqual(*got.Groups[i].Indicators[j], *ind) {
					t.Errorf("indicator %s: got %+v\nwant %+v", ind.ID, *got.Groups[i].Indicators[j], *ind)
				}
			}
		}
	}
	var again bytes.Buffer
	if err := Encode(&again, back); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), out.Bytes()) {
		t.Errorf("%s: encoding the plan read back gives other bytes:\n%s\nthen:\n%s", p.Ref(), out.String(), again.String())
	}
	return out.Bytes()
}

// TestEncodeEmbedded: every embedded plan, encoded, is a plan file that
// loads and validates with no problem and no warning, to the same plan.
func TestEncodeEmbedded(t *testing.T) {
	r, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.All() {
		out := roundTrip(t, p)
		if !bytes.HasPrefix(out, []byte(SchemaComment+"\n")) {
			t.Errorf("%s: no schema line", p.Ref())
		}
		back, _ := Load("encoded.yaml", out)
		if back != nil && len(back.Warnings) > 0 {
			t.Errorf("%s: warnings %v", p.Ref(), back.Warnings)
		}
	}
}

// TestEncodeTricky: values YAML would misread unquoted, every optional
// field, and defaults left out or kept as the file gave them.
func TestEncodeTricky(t *testing.T) {
	src := `schema: plancheck/v1
id: tricky
version: 3
title: "2025"
period: {start: 2021, end: 2025}
baseline_year: 2019
issuer: "yes"
issued: "2022-01-05"
source: "#1: a source"
thresholds: {ahead: 1.2, binding_on_track: 0.98}
note: "two lines:\n  indented"
groups:
  - name: "- 一、就业"
    source: "专栏2 #1"
    note: "null"
    indicators:
      - id: jobs
        name: "[城镇]新增就业人数"
        unit: 标准亩
        baseline: ">95"
        target: "≥ 95"
        attribute: binding
        better: up
        judge: path
        printed: "＞95"
        precision: 2
        aliases: ["[15]", "a, b", "on", 城镇新增就业]
        note: "note: with a colon, and a # hash"
        source: "专栏2 #1"
      - id: ratio
        name: 比例
        unit: ""
        baseline: "—"
        target: "15:45:40"
        better: [up, up, down]
      - id: range
        name: 区间
        unit: "%"
        target: "[5—10]"
        better: up
      - id: approx
        name: 约数
        unit: ‰
        baseline: "-3"
        target: "83 左右"
        better: down
        attribute: 预期性
      - id: level
        name: 水平
        unit: 万平方米
        target: "4.50"
        better: up
        precision: 2
`
	src += `      - id: total
        name: 累计
        unit: 吨
        target: "[15]"
`
	p, err := Load("tricky.yaml", []byte(src))
	if err != nil || len(p.Warnings) != 1 {
		t.Fatal(msg.Text(err, msg.English))
	}
	out := string(roundTrip(t, p))
	for _, want := range []string{
		"baseline_year: 2019\n", "issuer: \"yes\"\n", "issued: \"2022-01-05\"\n",
		"thresholds: {ahead: 1.2, binding_on_track: 0.98}\n",
		"        baseline: \">95\"\n        target: \"≥ 95\"\n        attribute: 约束性\n        better: up\n        judge: path\n        printed: \"＞95\"\n        precision: 2\n",
		"        better: [up, up, down]\n",
		"        baseline: \"—\"\n",
		"        target: \"[5—10]\"\n        better: up\n",
		"        aliases: [\"[15]\", \"a, b\", \"on\", 城镇新增就业]\n",
		"note: \"two lines:\\n  indented\"\n",
		"  - name: \"- 一、就业\"\n    source: \"专栏2 #1\"\n    note: \"null\"\n",
		// A level's precision given as it would be by default is kept;
		// a cumulative target's implied better is left out.
		"        target: \"4.50\"\n        better: up\n        precision: 2\n",
		"        target: \"[15]\"\n",
	} {
		if !bytes.Contains([]byte(out), []byte(want)) {
			t.Errorf("encoded plan lacks %q:\n%s", want, out)
		}
	}
}

// FuzzEncode: any plan that loads encodes to a plan file that loads to the
// same plan, and encodes again to the same bytes.
func FuzzEncode(f *testing.F) {
	for _, name := range []string{"plans/jlp-hrss-13th.v1.yaml", "plans/jlp-hrss-14th.v1.yaml"} {
		data, err := ReadEmbedded(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("schema: plancheck/v1\nid: x\nversion: 1\ntitle: \"yes\"\nperiod: {start: 2021, end: 2025}\nnote: \"a\\n b\"\ngroups:\n  - name: \"#1\"\n    indicators:\n      - id: a\n        name: \"[b]\"\n        unit: \"'\"\n        target: \"15:45\"\n        better: [up, down]\n        aliases: [\"x, y\", \"&z\"]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Load("f.yaml", data)
		if err != nil {
			return
		}
		roundTrip(t, p)
	})
}
