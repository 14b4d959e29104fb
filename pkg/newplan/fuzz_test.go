package newplan

import (
	"errors"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// FuzzNewPlan: whatever is pasted, reading never panics, and a plan file
// made from it is YAML the loader reads field by field: it may hold problems
// (a placeholder, a unit not known, a target that does not parse), never a
// YAML error, a field out of place or a name and group that do not come back
// as written.
func FuzzNewPlan(f *testing.F) {
	f.Add("专栏2 “十四五”时期主要指标\n指标\t2020年 基数\t2025年 目标\t指标 属性\n一、就业\t\t\t\n1.城镇新增就业人数（万人）\t4.02\t[15]\t预期性\n注：[]内为五年累计值\n")
	f.Add("指标        2020年      2025年\n            基数        目标\n1.a: b #c（%）   —   >95\n")
	f.Add("\"指标\"\t\"2020年\n基数\"\t\"2025年目标\"\n- x\t'1\t\"2\"\"\"\n")
	f.Add("指标\n2020年\n基数\n2025年\n目标\n注：\"引号\" & *星号 | 竖线\n1.yes（null）\t1\t15:45:40\n")
	f.Fuzz(func(t *testing.T, text string) {
		tab, err := Parse(SplitText(text), "")
		if err != nil {
			return
		}
		res, err := Make(tab, Options{ID: "x", Title: "t", Start: 2021, End: 2025})
		if err != nil {
			return
		}
		p, err := plan.Load("fuzz.yaml", res.YAML)
		var problems plan.Problems
		if err != nil && !errors.As(err, &problems) {
			t.Fatalf("not a plan's problems: %v\n%s", err, res.YAML)
		}
		for _, pr := range problems {
			switch pr.Msg.Key {
			case "plan.yaml-syntax", "plan.yaml-error", "plan.more-documents", "plan.anchor", "plan.not-mapping", "plan.key-not-plain", "plan.duplicate-key", "plan.unknown-field", "plan.not-text", "plan.not-text-bool", "plan.unquoted-list", "plan.not-list":
				t.Fatalf("%s\n%s", pr, res.YAML)
			}
		}
		if p == nil {
			return
		}
		var names []string
		for _, g := range tab.Groups {
			for _, r := range g.Rows {
				names = append(names, g.Name+"/"+r.Name+"/"+r.Unit)
			}
		}
		var got []string
		for _, ind := range p.Indicators() {
			got = append(got, ind.Group+"/"+ind.Name+"/"+ind.Unit)
		}
		if strings.Join(got, "\n") != strings.Join(names, "\n") {
			t.Fatalf("read back\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(names, "\n"))
		}
	})
}
