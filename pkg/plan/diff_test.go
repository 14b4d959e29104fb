package plan_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// diffBase is a plan of two groups and three indicators; each case of
// TestDiff edits a copy of it.
const diffBase = `schema: plancheck/v1
id: p
version: 1
title: 规划
period: {start: 2021, end: 2025}
groups:
  - name: 一、就业
    note: 甲
    indicators:
      - id: jobs
        name: 城镇新增就业人数
        unit: 万人
        baseline: "4.02"
        target: "[15]"
      - id: rate
        name: 参保率
        unit: "%"
        baseline: "97"
        target: "≥ 95"
  - name: 二、保障
    indicators:
      - id: count
        name: 人数
        unit: 万人
        target: "43.6"
        better: up
`

func TestDiff(t *testing.T) {
	a, err := plan.Load("a.yaml", []byte(diffBase))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		edits []string // old, new, old, new … applied to diffBase
		want  []string // kind field indicator old→new, one per change
	}{
		{"the same plan", nil, nil},
		{"the id and version name the plans; they are not changes",
			[]string{"id: p\nversion: 1", "id: q\nversion: 7"}, nil},
		{"the same target written otherwise", []string{`target: "≥ 95"`, `target: "≥95"`}, nil},
		{"a better the target already implies", []string{`target: "≥ 95"`, "target: \"≥ 95\"\n        better: up"}, nil},
		{"comments and layout", []string{"period: {start: 2021, end: 2025}", "period:   # 五年\n  start: 2021\n  end: 2025"}, nil},
		{"plan fields", []string{"title: 规划", "title: 规划（中期调整）\nissued: \"2023\"\nthresholds: {ahead: 1.2}", "end: 2025", "end: 2026"},
			[]string{"changed title  规划→规划（中期调整）", "changed period  2021—2025→2021—2026", "changed issued  →2023", "changed thresholds.ahead  1.1→1.2"}},
		{"a group's note", []string{"note: 甲", "note: 乙"}, []string{"changed note 一、就业 甲→乙"}},
		{"target, baseline, unit, attribute", []string{`target: "[15]"`, `target: "[16]"`, `baseline: "97"`, `baseline: "98"`,
			"unit: 万人\n        target: \"43.6\"", "unit: 人\n        target: \"43.6\"\n        attribute: 约束性"},
			[]string{"changed target jobs [15]→[16]", "changed baseline rate 97→98", "changed unit count 万人→人", "changed attribute count 预期性→约束性"}},
		{"a baseline given where there was none", []string{"unit: 万人\n        target: \"43.6\"", "unit: 万人\n        baseline: \"40\"\n        target: \"43.6\""},
			[]string{"changed baseline count →40"}},
		{"renamed, better, judge, note, aliases, precision set", []string{"name: 人数", "name: 参保人数\n        judge: control\n        note: 说明\n        aliases: [人头]\n        precision: 2", "better: up", "better: down"},
			[]string{"renamed name count 人数→参保人数", "changed better count up→down", "changed judge count →control", "changed precision count 1→2", "changed aliases count →人头", "changed note count →说明"}},
		{"moved to another group", []string{"      - id: rate\n        name: 参保率\n        unit: \"%\"\n        baseline: \"97\"\n        target: \"≥ 95\"\n", "",
			"        better: up\n", "        better: up\n      - id: rate\n        name: 参保率\n        unit: \"%\"\n        baseline: \"97\"\n        target: \"≥ 95\"\n"},
			[]string{"changed group rate 一、就业→二、保障"}},
		{"added and removed", []string{"id: jobs", "id: new-jobs"},
			[]string{"added target new-jobs →[15]", "removed target jobs [15]→"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := diffBase
			for i := 0; i+1 < len(c.edits); i += 2 {
				if !strings.Contains(src, c.edits[i]) {
					t.Fatalf("no %q to edit", c.edits[i])
				}
				src = strings.Replace(src, c.edits[i], c.edits[i+1], 1)
			}
			b, err := plan.Load("b.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ch := range plan.Diff(a, b) {
				where := ch.Group
				if ch.Indicator != nil {
					where = ch.Indicator.ID
				}
				got = append(got, fmt.Sprintf("%s %s %s %s→%s", ch.Kind, ch.Field, where, ch.Old, ch.New))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
