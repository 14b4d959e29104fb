package plan_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jlp-hrss/plancheck/pkg/expr"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// header is the top of a valid plan; the cases below add groups to it. Its
// groups key is on line 7, so the first indicator's "- id" is on line 10.
const header = `schema: plancheck/v1
id: test-plan
version: 1
title: 测试规划
period: {start: 2021, end: 2025}
baseline_year: 2020
groups:
  - name: 一、就业
    indicators:
`

func TestLoadValid(t *testing.T) {
	src := header + `      - id: jobs
        name: 城镇新增就业人数
        unit: 万人
        baseline: "4.02"
        target: "[15]"
        aliases: [新增就业]
        source: "专栏2 #1"
      - id: insured
        name: 基本医疗保险参保率
        unit: "％"
        baseline: ">95"
        target: "≥ 95"
        attribute: 约束性
      - id: ratio
        name: 高、中、初级专业技术人才比例
        unit: ""
        target: "15:45:40"
        better: [up, up, down]
      - id: rate
        name: 调解成功率
        unit: "%"
        baseline: "44.740"
        target: "83 左右"
        better: up
        judge: path
        precision: 1
  - name: 二、人才
    indicators:
      - id: senior
        name: 新增高级职称专业技术人才数量
        unit: 人
        target: "[1700]"
        printed: "<[1700]"
        note: the prose says 达到1700人
thresholds: {ahead: 1.2, on_track: 0.9, binding_on_track: 1}
`
	p, err := plan.Load("ok.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	inds := p.Indicators()
	if len(inds) != 5 {
		t.Fatalf("%d indicators", len(inds))
	}
	jobs, insured, ratio, rate, senior := inds[0], inds[1], inds[2], inds[3], inds[4]
	check := func(what string, got, want any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("ref", p.Ref(), "test-plan@1")
	check("thresholds", p.Thresholds, plan.Thresholds{Ahead: 1.2, OnTrack: 0.9, BindingOnTrack: 1})
	check("jobs target kind", jobs.Target.Kind, expr.Cumulative)
	check("jobs better", jobs.Better, []plan.Direction{plan.Up}) // implied by [15]
	check("jobs precision", jobs.Precision, 2)                   // 4.02
	check("jobs source number", jobs.SourceNumber(), 1)
	check("jobs group", jobs.Group, "一、就业")
	check("jobs number", jobs.Number, 1)
	check("insured attribute", insured.Attribute, plan.Binding)
	check("insured better", insured.Better, []plan.Direction{plan.Up}) // implied by ≥
	check("insured unit", insured.Unit, "％")
	check("insured baseline op", insured.Baseline.Op, expr.GT)
	check("ratio better", ratio.Better, []plan.Direction{plan.Up, plan.Up, plan.Down})
	check("ratio attribute", ratio.Attribute, plan.Expected) // the default
	check("rate precision", rate.Precision, 1)               // given, over 44.740's 3
	check("rate judge", rate.Judge, plan.Path)
	check("senior printed", senior.PrintedTarget(), "<[1700]")
	check("senior target", senior.Target.Text, "[1700]")
	check("senior number", senior.Number, 5)
	check("target position", jobs.Pos("target"), plan.Pos{Line: 14, Col: 17})

	p2, err := plan.Load("ok.yaml", []byte(strings.Replace(src, "baseline_year: 2020\n", "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	check("default baseline year", p2.BaselineYear, 2020)
	check("default thresholds", p2.Period.Years(), 5)
}

// TestLoadProblems checks each problem's exact message and place. Every case is
// a whole file; the line and column are those of the offending key or value.
func TestLoadProblems(t *testing.T) {
	for _, c := range problemCases() {
		t.Run(c.name, func(t *testing.T) {
			_, err := plan.Load("f.yaml", []byte(c.src))
			var problems plan.Problems
			if !errors.As(err, &problems) {
				t.Fatalf("got %v, want problems", err)
			}
			got := strings.Split(problems.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// problemCase is a broken plan file and its problems, in English.
type problemCase struct {
	name string
	src  string
	want []string
}

func problemCases() []problemCase {
	ind := func(fields string) string {
		return header + "      - id: x\n        name: 指标\n        unit: \"%\"\n" + fields
	}
	return []problemCase{
		{"issue example: duplicate id, unknown field, bad target, ratio without better",
			header + `      - id: jobs
        name: 城镇新增就业人数
        unit: 万人
        target: "[15]"
      - id: jobs
        name: 城镇调查失业率
        unit: "%"
        target: "<5.5"
        colour: red
      - id: insured
        name: 参保率
        unit: "%"
        target: "≥≥95"
      - id: ratio
        name: 比例
        unit: ""
        target: "15:45:40"
`, []string{
				`f.yaml:14:13: duplicate indicator id "jobs" (first at line 10)`,
				`f.yaml:18:9: indicator: unknown field "colour" (known: id, name, unit, target, baseline, attribute, better, judge, printed, precision, aliases, note, source)`,
				`f.yaml:22:17: indicator "insured" (参保率) target: bad expression "≥≥95": two operators`,
				`f.yaml:23:9: indicator "ratio" (比例): ratio target "15:45:40" needs better: a list of up/down, one per component (3)`,
			}},
		{"duplicate key", ind("        target: \"80\"\n        better: up\n        target: \"90\"\n"),
			[]string{`f.yaml:15:9: indicator: duplicate key "target" (first at line 13)`}},
		{"missing required fields", header + "      - id: x\n        name: 指标\n",
			[]string{
				`f.yaml:10:9: indicator: missing required field "unit"`,
				`f.yaml:10:9: indicator: missing required field "target"`,
			}},
		{"plain level without better", ind("        baseline: \"70\"\n        target: \"70\"\n"),
			[]string{`f.yaml:10:9: indicator "x" (指标): target "70" does not say which way is better; add better: up or better: down`}},
		{"better contradicts bound", ind("        target: \"<5.5\"\n        better: up\n"),
			[]string{`f.yaml:14:17: indicator "x" (指标): better up contradicts target "<5.5", which implies down`}},
		{"better contradicts cumulative", ind("        target: \"[15]\"\n        better: down\n"),
			[]string{`f.yaml:14:17: indicator "x" (指标): better down contradicts target "[15]", which implies up`}},
		{"ratio arity", ind("        target: \"15:45:40\"\n        better: [up, down]\n"),
			[]string{`f.yaml:14:17: indicator "x" (指标): better has 2 directions but the ratio "15:45:40" has 3 components`}},
		{"ratio with scalar better", ind("        target: \"15:45:40\"\n        better: up\n"),
			[]string{`f.yaml:14:17: indicator "x" (指标): ratio target "15:45:40" needs better as a list of 3 directions, one per component`}},
		{"list better on a level", ind("        target: \"80\"\n        better: [up]\n"),
			[]string{`f.yaml:14:17: indicator "x" (指标): better is a list, but only a ratio target takes one direction per component`}},
		{"bad better word", ind("        target: \"80\"\n        better: higher\n"),
			[]string{`f.yaml:14:17: indicator "x" (指标): better "higher" must be up or down`}},
		{"unquoted cumulative", ind("        target: [15]\n"),
			[]string{`f.yaml:13:17: indicator "x" (指标) target: [15] is not quoted, so it is a YAML list here, not a cumulative value`}},
		{"target none", ind("        target: \"—\"\n"),
			[]string{`f.yaml:13:17: indicator "x" (指标): target "—" states no value`}},
		{"bad baseline", ind("        baseline: \"abc\"\n        target: \">95\"\n"),
			[]string{`f.yaml:13:19: indicator "x" (指标) baseline: bad expression "abc": not a number, bound, [cumulative], range, ratio or —`}},
		{"ratio baseline on a level", ind("        baseline: \"1:2\"\n        target: \">95\"\n"),
			[]string{`f.yaml:13:19: indicator "x" (指标): baseline "1:2" is a ratio but the target is not`}},
		{"ratio baseline arity", ind("        baseline: \"1:2\"\n        target: \"1:2:3\"\n        better: [up, up, up]\n"),
			[]string{`f.yaml:13:19: indicator "x" (指标): baseline has 2 components, the target 3`}},
		{"printed without note", ind("        target: \"[1700]\"\n        printed: \"<[1700]\"\n"),
			[]string{`f.yaml:14:18: indicator "x" (指标): printed needs a note saying why the target used differs from the print`}},
		{"printed with an empty note", ind("        target: \"[1700]\"\n        printed: \"<[1700]\"\n        note:\n"),
			[]string{`f.yaml:14:18: indicator "x" (指标): printed needs a note saying why the target used differs from the print`}},
		{"printed equal to target", ind("        target: \">95\"\n        printed: \"＞95\"\n        note: n\n"),
			[]string{`f.yaml:14:18: indicator "x" (指标): printed "＞95" is the target itself; remove it`}},
		{"attribute", ind("        target: \">95\"\n        attribute: 强制性\n"),
			[]string{`f.yaml:14:20: indicator "x" (指标): attribute "强制性" must be 预期性 (expected) or 约束性 (binding)`}},
		{"judge", ind("        target: \">95\"\n        judge: fast\n"),
			[]string{`f.yaml:14:16: indicator "x" (指标): judge "fast" must be path or control`}},
		{"precision", ind("        target: \">95\"\n        precision: 9\n"),
			[]string{`f.yaml:14:20: indicator "x" (指标): precision must be 0 to 6 decimals, not 9`}},
		// Where YAML itself says only 1:1 (issue 14).
		{"gbk", "schema: plancheck/v1\nid: x\nversion: 1\ntitle: \xb9\xe6\xbb\xae\n",
			[]string{`f.yaml:4:8: not UTF-8 text here: a plan file is saved as UTF-8`}},
		{"utf-16 is read", "\xff\xfes\x00c\x00h\x00e\x00m\x00a\x00:\x00 \x00x\x00\n\x00",
			[]string{`f.yaml:1:1: plan: missing required field "id"`, `f.yaml:1:1: plan: missing required field "version"`,
				`f.yaml:1:1: plan: missing required field "title"`, `f.yaml:1:1: plan: missing required field "period"`,
				`f.yaml:1:1: plan: missing required field "groups"`, `f.yaml:1:9: unsupported schema "x" (want plancheck/v1)`}},
		{"nul", "schema: plancheck/v1\nid: x\x00\n",
			[]string{`f.yaml:2:6: a control character U+0000 here (a plan file holds only text, spaces, tabs and line breaks)`}},
		{"precision type", ind("        target: \">95\"\n        precision: one\n"),
			[]string{`f.yaml:14:20: indicator "x" (指标) precision must be a whole number, not "one"`}},
		{"bad ids", strings.Replace(header, "id: test-plan", "id: Test_Plan", 1) + "      - id: X1\n        name: 指标\n        unit: \"%\"\n        target: \">95\"\n",
			[]string{
				`f.yaml:2:5: plan id "Test_Plan" must be lower-case letters, digits and hyphens`,
				`f.yaml:10:13: indicator id "X1" must be lower-case letters, digits and hyphens`,
			}},
		{"name clash with alias", header + `      - id: a
        name: 参保率
        unit: "%"
        target: ">95"
      - id: b
        name: 覆盖率
        unit: "%"
        target: ">95"
        aliases: [参 保 率]
`, []string{`f.yaml:18:19: name "参 保 率" of indicator "b" (覆盖率) is also a name or alias of indicator "a" (参保率)`}},
		{"schema and version", strings.Replace(strings.Replace(header, "plancheck/v1", "plancheck/v2", 1), "version: 1", "version: 0", 1) + ind("        target: \">95\"\n")[len(header):],
			[]string{
				`f.yaml:1:9: unsupported schema "plancheck/v2" (want plancheck/v1)`,
				`f.yaml:3:10: version must be 1 or more, not 0`,
			}},
		{"period backwards", strings.Replace(header, "{start: 2021, end: 2025}", "{start: 2025, end: 2021}", 1) + ind("        target: \">95\"\n")[len(header):],
			[]string{`f.yaml:5:17: period start 2025 is after its end 2021`}},
		{"baseline year in the period", strings.Replace(header, "baseline_year: 2020", "baseline_year: 2021", 1) + ind("        target: \">95\"\n")[len(header):],
			[]string{`f.yaml:6:16: baseline year 2021 must be before the period start 2021`}},
		{"implausible year", strings.Replace(header, "end: 2025", "end: 20255", 1) + ind("        target: \">95\"\n")[len(header):],
			[]string{`f.yaml:5:28: period end 20255 is not a plausible year (1900–2200)`}},
		{"thresholds", ind("        target: \">95\"\n") + "thresholds: {ahead: 0.9, on_track: 0.95, speed: 2}\n",
			[]string{
				`f.yaml:14:13: threshold binding_on_track 1 is above ahead 0.9`, // the default, so the mapping's place
				`f.yaml:14:36: threshold on_track 0.95 is above ahead 0.9`,
				`f.yaml:14:42: thresholds: unknown field "speed" (known: ahead, on_track, binding_on_track)`,
			}},
		{"empty group", header[:len(header)-len("    indicators:\n")] + "    indicators: []\n",
			[]string{`f.yaml:8:5: group "一、就业" has no indicators`}},
		{"wrong types", "schema: plancheck/v1\nid: p\nversion: \"one\"\ntitle: [a]\nperiod: 2021\ngroups: {}\n",
			[]string{
				`f.yaml:3:10: version must be a whole number, not "one"`,
				`f.yaml:4:8: title must be text, not a list`,
				`f.yaml:5:9: period must be a mapping, not "2021"`,
				`f.yaml:6:9: groups must be a list, not a mapping`,
			}},
		{"not a mapping", "- a\n- b\n", []string{`f.yaml:1:1: plan must be a mapping, not a list`}},
		{"empty file", "  \n", []string{`f.yaml:1:1: empty plan file`}},
		{"only a comment", "# nothing\n", []string{`f.yaml:1:1: empty plan file`}},
		{"syntax error", "schema: plancheck/v1\nid: [\n", []string{`f.yaml:2:1: yaml: did not find expected node content`}},
		{"two documents", header + "      - id: x\n        name: n\n        unit: \"%\"\n        target: \">95\"\n---\nid: y\n",
			[]string{`f.yaml:14:1: more than one YAML document; a plan file holds one plan`}},
		{"anchor", strings.Replace(header, "title: 测试规划", "title: &t 测试规划", 1), []string{`f.yaml:4:8: anchors and aliases are not allowed in plan files`}},
	}
}

// TestLoadAliasBomb: a billion-laughs document is refused at once, without
// expanding anything.
func TestLoadAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	start := time.Now()
	_, err := plan.Load("bomb.yaml", []byte(b.String()))
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("took %v", elapsed)
	}
	if err == nil || err.Error() != "bomb.yaml:1:5: anchors and aliases are not allowed in plan files" {
		t.Errorf("got %v", err)
	}
}

func TestLoadTooLarge(t *testing.T) {
	_, err := plan.Load("big.yaml", make([]byte, plan.MaxFileSize+1))
	if !errors.Is(err, plan.ErrTooLarge) {
		t.Errorf("got %v, want ErrTooLarge", err)
	}
}
