package plan_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// TestUnknownUnitWarns: a unit plancheck does not know leaves the plan
// valid, with a warning at the unit that lists the families it knows, in
// both languages.
func TestUnknownUnitWarns(t *testing.T) {
	src := header + "      - id: x\n        name: 指标\n        unit: 标准亩\n        target: \"[15]\"\n"
	p, err := plan.Load("f.yaml", []byte(src))
	if err != nil {
		t.Fatalf("an unknown unit made the plan invalid: %v", err)
	}
	if got := p.Indicators()[0].Unit; got != "标准亩" {
		t.Errorf("unit %q, want it as written", got)
	}
	if len(p.Warnings) != 1 {
		t.Fatalf("warnings %v, want one", p.Warnings)
	}
	w := p.Warnings[0]
	if !w.Warning || w.Line != 12 || w.Col != 15 {
		t.Errorf("warning %+v, want one at 12:15", w)
	}
	en, zh := w.Text(msg.English), w.Text(msg.Chinese)
	for _, want := range []string{`f.yaml:12:15: warning: indicator "x" (指标): plancheck does not know the unit "标准亩"`, "人, 万人, 亿人; 人次, 万人次, 亿人次;", "平方米, 万平方米, 公顷, 平方千米, 平方公里; 亩, 万亩; 立方米", "; 微克/立方米; 岁;"} {
		if !strings.Contains(en, want) {
			t.Errorf("English warning lacks %q:\n%s", want, en)
		}
	}
	for _, want := range []string{"f.yaml:12:15: 警告：指标“指标”（x）：plancheck 不认识单位“标准亩”", "人、万人、亿人；人次、万人次、亿人次；"} {
		if !strings.Contains(zh, want) {
			t.Errorf("Chinese warning lacks %q:\n%s", want, zh)
		}
	}

	// Known units, NFKC included, warn of nothing.
	for _, unit := range []string{"万人", "\"％\"", "公顷", "微克/立方米", "\"\""} {
		src := header + "      - id: x\n        name: 指标\n        unit: " + unit + "\n        target: \"[15]\"\n"
		p, err := plan.Load("f.yaml", []byte(src))
		if err != nil || len(p.Warnings) > 0 {
			t.Errorf("unit %s: %v %v", unit, err, p.Warnings)
		}
	}

	// In an invalid file the warning is among the problems, in file order,
	// still marked a warning.
	bad := src + "        attribute: 强制性\n"
	_, err = plan.Load("f.yaml", []byte(bad))
	var problems plan.Problems
	if !errors.As(err, &problems) || len(problems) != 2 || !problems[0].Warning || problems[1].Warning {
		t.Fatalf("got %v, want the unit's warning then the attribute's error", err)
	}
}

// TestUnitFamilies: every family is listed once, each unit in one family,
// and a family's units convert to its first by their scale.
func TestUnitFamilies(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range plan.UnitFamilies() {
		for _, name := range f {
			if seen[name] {
				t.Errorf("unit %s in two families", name)
			}
			seen[name] = true
			u, ok := plan.LookupUnit(name)
			if !ok || u.Family != f[0] {
				t.Errorf("LookupUnit(%s) = %+v, %v; want family %s", name, u, ok, f[0])
			}
			if v, ok := plan.ConvertUnit(1, name, f[0]); !ok || v != u.Scale {
				t.Errorf("1 %s = %v %s, %v; want %v", name, v, f[0], ok, u.Scale)
			}
		}
	}
	if u, ok := plan.LookupUnit("标准亩"); ok || u.Family != "标准亩" {
		t.Errorf("an unknown unit: %+v, %v", u, ok)
	}
	if u, _ := plan.LookupUnit("万元"); !u.Multiplied || u.Count {
		t.Errorf("money: %+v; want multiplied, not a count (it may be negative)", u)
	}
	if u, _ := plan.LookupUnit("%"); u.Multiplied || u.Count {
		t.Errorf("percent: %+v", u)
	}
}
