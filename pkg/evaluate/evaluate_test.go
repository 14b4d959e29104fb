package evaluate_test

// These tests are written from spec §4 (Evaluation), independently of the
// implementation: every expected number is worked out by hand in the comment
// beside its case. Notation: S, E the period's ends; y the evaluation year;
// f = (y − S + 1) / (E − S + 1); B the baseline, X the target; R = R(y) the
// required-by-now value; p the completion progress; r = p / f.

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// testPlanSrc holds the shapes of target the two embedded plans do not have.
const testPlanSrc = `schema: plancheck/v1
id: eval-test
version: 1
title: 评估测试规划
period: {start: 2021, end: 2025}
baseline_year: 2020
groups:
  - name: 一、水平
    indicators:
      - id: zero-to-hundred
        name: 零到一百
        unit: "%"
        baseline: "0"
        target: "100"
        better: up
      - id: zero-to-hundred-binding
        name: 零到一百约束
        unit: "%"
        baseline: "0"
        target: "100"
        better: up
        attribute: 约束性
      - id: binding-level
        name: 约束性水平
        unit: 万人
        baseline: "41.6"
        target: "43.6"
        better: up
        attribute: 约束性
      - id: level-down
        name: 下降水平
        unit: "%"
        baseline: "5"
        target: "4"
        better: down
      - id: bound-down-wrong-side
        name: 基数在错误一侧的上限
        unit: "%"
        baseline: "6"
        target: "<5"
      - id: range-level
        name: 区间目标
        unit: "%"
        baseline: "1"
        target: "2—3"
        better: up
  - name: 二、界限
    indicators:
      - id: bound-no-baseline
        name: 无基数下限
        unit: "%"
        target: ">95"
      - id: bound-dash-baseline
        name: 横线基数上限
        unit: "%"
        baseline: "—"
        target: "≤4.5"
      - id: bound-equal-le
        name: 基数等于上限
        unit: "%"
        baseline: "4.5"
        target: "≤4.5"
      - id: bound-approx-meets
        name: 约数基数满足下限
        unit: "%"
        baseline: "96 左右"
        target: ">95"
      - id: override-control
        name: 改为控制
        unit: 万人
        baseline: "42"
        target: "45"
        better: up
        judge: control
      - id: override-path
        name: 改为路径
        unit: "%"
        baseline: "97"
        target: ">95"
        judge: path
  - name: 三、累计
    indicators:
      - id: cumulative-plain
        name: 无基数累计
        unit: 万人
        target: "[15]"
      - id: ceiling
        name: 累计上限
        unit: 人
        target: "<[100]"
      - id: ceiling-le
        name: 累计不超过
        unit: 人
        target: "≤[100]"
      - id: cumulative-ge
        name: 累计下限
        unit: 人
        target: "≥[50]"
      - id: cumulative-range
        name: 累计区间
        unit: 万人
        target: "[5—10]"
        better: up
`

// thresholdPlanSrc sets its own thresholds (spec §4: a plan may set them).
const thresholdPlanSrc = `schema: plancheck/v1
id: eval-thresholds
version: 1
title: 阈值测试规划
period: {start: 2021, end: 2025}
thresholds: {ahead: 1.2, on_track: 0.9, binding_on_track: 1}
groups:
  - name: 一、水平
    indicators:
      - id: zero-to-hundred
        name: 零到一百
        unit: "%"
        baseline: "0"
        target: "100"
        better: up
      - id: zero-to-hundred-binding
        name: 零到一百约束
        unit: "%"
        baseline: "0"
        target: "100"
        better: up
        attribute: 约束性
`

var (
	plansOnce  sync.Once
	plansErr   error
	plansByKey map[string]*plan.Plan
)

// testPlan returns one of the plans the tests use: "14th" and "13th" (the
// embedded plans), "test" and "thresholds" (above).
func testPlan(t *testing.T, key string) *plan.Plan {
	t.Helper()
	plansOnce.Do(func() {
		plansByKey = map[string]*plan.Plan{}
		load := func(key string, f func() (*plan.Plan, error)) {
			if plansErr != nil {
				return
			}
			p, err := f()
			if err != nil {
				plansErr = fmt.Errorf("plan %s: %w", key, err)
				return
			}
			plansByKey[key] = p
		}
		load("14th", func() (*plan.Plan, error) { return plan.Resolve("jlp-hrss-14th@1") })    // 专栏2
		load("14th-v2", func() (*plan.Plan, error) { return plan.Resolve("jlp-hrss-14th@2") }) // the key projects
		load("13th", func() (*plan.Plan, error) { return plan.Resolve("jlp-hrss-13th") })
		load("test", func() (*plan.Plan, error) { return plan.Load("t.yaml", []byte(testPlanSrc)) })
		load("thresholds", func() (*plan.Plan, error) { return plan.Load("t.yaml", []byte(thresholdPlanSrc)) })
	})
	if plansErr != nil {
		t.Fatal(plansErr)
	}
	p := plansByKey[key]
	if p == nil {
		t.Fatalf("no test plan %q", key)
	}
	return p
}

func indicator(t *testing.T, p *plan.Plan, id string) *plan.Indicator {
	t.Helper()
	for _, ind := range p.Indicators() {
		if ind.ID == id {
			return ind
		}
	}
	t.Fatalf("plan %s has no indicator %q", p.Ref(), id)
	return nil
}

// Observations. Cells are made up from the year so that tests can tell them apart.
func amt(year int, v float64) evaluate.Observation {
	return evaluate.Observation{Year: year, Kind: evaluate.Amount, Number: v, Cell: fmt.Sprintf("S!C%d", year)}
}

func tot(year int, v float64) evaluate.Observation {
	return evaluate.Observation{Year: year, Kind: evaluate.Total, Number: v, Cell: fmt.Sprintf("S!C%d", year)}
}

func blank(year int) evaluate.Observation {
	return evaluate.Observation{Year: year, Kind: evaluate.None, Cell: fmt.Sprintf("S!C%d", year)}
}

func parts(year int, text string, ps ...float64) evaluate.Observation {
	return evaluate.Observation{Year: year, Kind: evaluate.Parts, Parts: ps, Text: text, Cell: fmt.Sprintf("S!C%d", year)}
}

func obs(list ...evaluate.Observation) []evaluate.Observation { return list }

// num makes an expected number; nil means the outcome must have none; skip
// means the spec leaves it open and the test does not look.
func num(v float64) *float64 { return &v }

var skip = new(float64)

const (
	// tol is for numbers the spec defines exactly (actual, baseline, target, R, f,
	// a projection).
	tol = 1e-9
	// roundTol is for p and r: the spec rounds them to 6 decimals before they meet
	// a threshold, so an implementation may keep them rounded (an error of at most
	// 5e-7, and r = rounded p / f at most 5e-7 / 0.2 more).
	roundTol = 5e-6
)

// want is what one outcome must be.
type want struct {
	status     evaluate.Status
	judge      plan.Judge
	f          float64
	actual     *float64
	actualText string
	baseline   *float64
	target     *float64
	required   *float64
	progress   *float64
	ratio      *float64
	// reason lists strings the reason must contain (the key numbers); the
	// reason is never pinned whole.
	reason []string
}

func checkNum(t *testing.T, field string, got, want *float64, tolerance float64) {
	t.Helper()
	switch {
	case want == skip:
	case want == nil && got != nil:
		t.Errorf("%s = %v, want none (nil)", field, *got)
	case want != nil && got == nil:
		t.Errorf("%s = nil, want %v", field, *want)
	case want != nil && math.Abs(*got-*want) > tolerance:
		t.Errorf("%s = %.12g, want %.12g (±%g)", field, *got, *want, tolerance)
	}
}

func checkOutcome(t *testing.T, p *plan.Plan, id string, year int, o evaluate.Outcome, w want) {
	t.Helper()
	if o.Indicator == nil || o.Indicator.ID != id {
		t.Fatalf("outcome is for %v, want %s", o.Indicator, id)
	}
	if o.Status != w.status {
		t.Errorf("status = %q, want %q (reason: %s)", o.Status, w.status, o.Reason)
	}
	if o.Year != year {
		t.Errorf("year = %d, want %d", o.Year, year)
	}
	// Final is true in the period's last year and only there (api.go; spec §4:
	// achieved is 完成 in E, 提前完成 before it).
	if wantFinal := year == p.Period.End; o.Final != wantFinal {
		t.Errorf("final = %v, want %v", o.Final, wantFinal)
	}
	if o.Judge != w.judge {
		t.Errorf("judge = %v, want %v", o.Judge, w.judge)
	}
	if math.Abs(o.TimeProgress-w.f) > tol {
		t.Errorf("time progress = %.12g, want %g", o.TimeProgress, w.f)
	}
	checkNum(t, "actual", o.Actual, w.actual, tol)
	if o.ActualText != w.actualText {
		t.Errorf("actual text = %q, want %q", o.ActualText, w.actualText)
	}
	checkNum(t, "baseline", o.Baseline, w.baseline, tol)
	checkNum(t, "target", o.Target, w.target, tol)
	checkNum(t, "required", o.Required, w.required, tol)
	checkNum(t, "progress", o.Progress, w.progress, roundTol)
	checkNum(t, "ratio", o.Ratio, w.ratio, roundTol)
	if strings.TrimSpace(o.Reason) == "" {
		t.Errorf("empty reason")
	}
	for _, s := range w.reason {
		if !strings.Contains(o.Reason, s) {
			t.Errorf("reason %q does not contain %q", o.Reason, s)
		}
	}
}

// evaluateOne evaluates a plan for one indicator with the given observations
// and returns its only outcome.
func evaluateOne(t *testing.T, p *plan.Plan, id string, year int, values []evaluate.Observation) evaluate.Outcome {
	t.Helper()
	indicator(t, p, id) // fail clearly on a typo in the test
	out, err := evaluate.Evaluate(evaluate.Input{Plan: p, Year: year, Values: map[string][]evaluate.Observation{id: values}})
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	if len(out) != 1 {
		t.Fatalf("%d outcomes, want 1", len(out))
	}
	return out[0]
}

type evalCase struct {
	name   string
	plan   string // testPlan key
	id     string
	year   int
	values []evaluate.Observation
	want   want
}

func runEvalCases(t *testing.T, cases []evalCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := testPlan(t, c.plan)
			o := evaluateOne(t, p, c.id, c.year, c.values)
			checkOutcome(t, p, c.id, c.year, o, c.want)
		})
	}
}

func TestTimeProgress(t *testing.T) {
	p14 := plan.Period{Start: 2021, End: 2025}
	p13 := plan.Period{Start: 2016, End: 2020}
	cases := []struct {
		period plan.Period
		year   int
		want   float64
	}{
		// f = (y − S + 1) / (E − S + 1), E − S + 1 = 5 for both periods.
		{p14, 2021, 0.2}, // (2021 − 2021 + 1) / 5 = 1/5
		{p14, 2022, 0.4}, // 2/5
		{p14, 2023, 0.6}, // 3/5, the spec's example
		{p14, 2024, 0.8}, // 4/5
		{p14, 2025, 1.0}, // 5/5
		{p13, 2016, 0.2}, // (2016 − 2016 + 1) / 5
		{p13, 2017, 0.4},
		{p13, 2018, 0.6},
		{p13, 2019, 0.8},
		{p13, 2020, 1.0},
		{plan.Period{Start: 2021, End: 2023}, 2022, 2.0 / 3}, // (2022 − 2021 + 1) / 3
	}
	for _, c := range cases {
		got := evaluate.TimeProgress(c.period, c.year)
		if math.Abs(got-c.want) > tol {
			t.Errorf("TimeProgress(%v, %d) = %.12g, want %.12g", c.period, c.year, got, c.want)
		}
	}
}

func TestJudge(t *testing.T) {
	P, C := plan.Path, plan.Control
	cases := []struct {
		plan, id string
		want     plan.Judge
		why      string
	}{
		// 专栏2, all 23 rows.
		{"14th", "urban-new-jobs", P, "cumulative [15]"},
		{"14th", "surveyed-unemployment-rate", C, "bound <5.5, baseline 5.5 equals it"},
		{"14th", "subsidised-skills-training", P, "cumulative [4]"},
		{"14th", "pension-insurance-coverage", C, "bound >95, baseline 97 meets it"},
		{"14th", "unemployment-insurance-enrolment", P, "level 41.6 → 43.6, B ≠ X"},
		{"14th", "work-injury-insurance-enrolment", P, "level 42 → 45, B ≠ X"},
		{"14th", "medical-insurance-coverage", C, "bound ≥ 95, baseline >95 counts as 95, which meets ≥ 95"},
		{"14th", "employee-inpatient-reimbursement", P, "level, baseline 83 左右 counts as 83 ≠ 85"},
		{"14th", "resident-inpatient-reimbursement", P, "level 65 左右 → 70"},
		{"14th", "medical-assistance-inpatient-rate", C, "plain level 70 equal to its baseline 70"},
		{"14th", "drg-disease-payment-share", P, "level with no baseline (—): judged against X alone, a path rule of §4"},
		{"14th", "cross-province-inpatient-settlement", P, "bound >70, baseline >60 counts as 60, strictly on the wrong side"},
		{"14th", "medical-services-online-availability", P, "level with no baseline (—)"},
		{"14th", "medical-services-counter-availability", P, "level with no baseline (—), binding"},
		{"14th", "professional-technical-talent", P, "level 13.2 → 15"},
		{"14th", "new-senior-title-professionals", P, "cumulative [1700] (printed <[1700])"},
		{"14th", "new-vocational-certificates", P, "cumulative [1.7]"},
		{"14th", "new-advanced-vocational-certificates", P, "cumulative [0.8]"},
		{"14th", "labour-dispute-mediation-success-rate", P, "bound >60, baseline 44.74 strictly on the wrong side"},
		{"14th", "labour-arbitration-closure-rate", C, "bound >90, baseline 96.19 meets it"},
		{"14th", "labour-inspection-closure-rate", C, "plain level 100 equal to its baseline 100"},
		{"14th", "social-security-card-holders", P, "level 112 → 115"},
		{"14th", "electronic-social-security-card-coverage", P, "level 29.5 → 67"},
		// 专栏1: no baselines.
		{"13th", "urban-new-jobs", P, "cumulative [23]"},
		{"13th", "registered-unemployment-rate", P, "level 4.5 (down) with no baseline"},
		{"13th", "professional-title-ratio", C, "a ratio"},
		// Shapes the embedded plans lack.
		{"test", "bound-no-baseline", C, "bound >95 with no baseline (absent)"},
		{"test", "bound-dash-baseline", C, "bound ≤4.5 with baseline —"},
		{"test", "bound-equal-le", C, "bound ≤4.5, baseline 4.5 equals it"},
		{"test", "bound-approx-meets", C, "bound >95, baseline 96 左右 counts as 96, which meets it"},
		{"test", "bound-down-wrong-side", P, "bound <5, baseline 6 strictly on the wrong side"},
		{"test", "level-down", P, "level 5 → 4"},
		{"test", "range-level", P, "range 2—3 is a level target of 2, baseline 1"},
		{"test", "cumulative-plain", P, "cumulative [15]"},
		{"test", "ceiling", C, "a cumulative ceiling <[100] is judged as control"},
		{"test", "ceiling-le", C, "a cumulative ceiling ≤[100] is judged as control"},
		{"test", "cumulative-ge", P, "a bounded cumulative ≥[50] is a path target (§4: cumulative [X] and bounded or ranged cumulative)"},
		{"test", "cumulative-range", P, "a ranged cumulative [5—10]"},
		{"test", "override-control", C, "judge: control overrides level 42 → 45 (path)"},
		{"test", "override-path", P, "judge: path overrides bound >95 with baseline 97 (control)"},
	}
	for _, c := range cases {
		t.Run(c.plan+"/"+c.id, func(t *testing.T) {
			ind := indicator(t, testPlan(t, c.plan), c.id)
			if got := evaluate.Judge(ind); got != c.want {
				t.Errorf("Judge(%s) = %v, want %v: %s", c.id, got, c.want, c.why)
			}
		})
	}
}

// TestControl: a control target must hold every year. Met → on-track before E,
// achieved in E; not met → not-achieved in any year for a binding indicator,
// lagging before E and not-achieved in E for an expected one. Control outcomes
// have no R, p or r. The baseline of a control target with a numeric baseline
// is not pinned: the spec does not say whether it "applies" there.
func TestControl(t *testing.T) {
	C := plan.Control
	cases := []evalCase{
		{"unemployment 5.2 < 5.5 in 2022", "14th", "surveyed-unemployment-rate", 2022, obs(amt(2022, 5.2)),
			// f = 2/5 = 0.4; 5.2 < 5.5 holds; before E → on-track.
			want{status: evaluate.OnTrack, judge: C, f: 0.4, actual: num(5.2), baseline: skip, target: num(5.5), reason: []string{"5.2", "5.5"}}},
		{"unemployment 5.2 < 5.5 in 2025", "14th", "surveyed-unemployment-rate", 2025, obs(amt(2025, 5.2)),
			// f = 1; holds in E → achieved (完成).
			want{status: evaluate.Achieved, judge: C, f: 1, actual: num(5.2), baseline: skip, target: num(5.5), reason: []string{"5.2", "5.5"}}},
		{"unemployment 5.5 is not < 5.5 in 2023", "14th", "surveyed-unemployment-rate", 2023, obs(amt(2023, 5.5)),
			// f = 0.6; strict bound: 5.5 < 5.5 is false; expected, before E → lagging.
			want{status: evaluate.Lagging, judge: C, f: 0.6, actual: num(5.5), baseline: skip, target: num(5.5), reason: []string{"5.5"}}},
		{"unemployment 5.5 is not < 5.5 in 2025", "14th", "surveyed-unemployment-rate", 2025, obs(amt(2025, 5.5)),
			// f = 1; not met in E → not-achieved.
			want{status: evaluate.NotAchieved, judge: C, f: 1, actual: num(5.5), baseline: skip, target: num(5.5), reason: []string{"5.5"}}},
		{"pension 95 is not > 95 in 2023", "14th", "pension-insurance-coverage", 2023, obs(amt(2023, 95)),
			// f = 0.6; 95 > 95 is false (strict); expected → lagging.
			want{status: evaluate.Lagging, judge: C, f: 0.6, actual: num(95), baseline: skip, target: num(95), reason: []string{"95"}}},
		{"pension 96 > 95 in 2023", "14th", "pension-insurance-coverage", 2023, obs(amt(2023, 96)),
			// f = 0.6; 96 > 95 → on-track.
			want{status: evaluate.OnTrack, judge: C, f: 0.6, actual: num(96), baseline: skip, target: num(95), reason: []string{"96", "95"}}},
		{"pension 95.5 > 95 in 2025", "14th", "pension-insurance-coverage", 2025, obs(amt(2025, 95.5)),
			// f = 1; 95.5 > 95 in E → achieved.
			want{status: evaluate.Achieved, judge: C, f: 1, actual: num(95.5), baseline: skip, target: num(95), reason: []string{"95.5"}}},
		{"medical insurance 95 meets ≥ 95 in 2022 (binding)", "14th", "medical-insurance-coverage", 2022, obs(amt(2022, 95)),
			// f = 0.4; 95 ≥ 95 holds (non-strict) → on-track.
			want{status: evaluate.OnTrack, judge: C, f: 0.4, actual: num(95), baseline: skip, target: num(95), reason: []string{"95"}}},
		{"medical insurance 94.9 fails ≥ 95 in 2022 (binding)", "14th", "medical-insurance-coverage", 2022, obs(amt(2022, 94.9)),
			// f = 0.4; 94.9 < 95; binding → not-achieved in any year.
			want{status: evaluate.NotAchieved, judge: C, f: 0.4, actual: num(94.9), baseline: skip, target: num(95), reason: []string{"94.9", "95"}}},
		{"medical insurance 94.9999999999 meets ≥ 95 at 9 decimals", "14th", "medical-insurance-coverage", 2022, obs(amt(2022, 94.9999999999)),
			// compared as decimals rounded to 9 places: 94.9999999999 → 95.000000000 ≥ 95 → on-track.
			want{status: evaluate.OnTrack, judge: C, f: 0.4, actual: num(94.9999999999), baseline: skip, target: num(95)}},
		{"pension 95.0000000001 is not > 95 at 9 decimals", "14th", "pension-insurance-coverage", 2023, obs(amt(2023, 95.0000000001)),
			// rounded to 9 places 95.0000000001 is 95.000000000, and 95 > 95 is false → lagging.
			want{status: evaluate.Lagging, judge: C, f: 0.6, actual: num(95.0000000001), baseline: skip, target: num(95)}},
		{"medical insurance 95 meets ≥ 95 in 2025 (binding)", "14th", "medical-insurance-coverage", 2025, obs(amt(2025, 95)),
			// f = 1; 95 ≥ 95 in E → achieved.
			want{status: evaluate.Achieved, judge: C, f: 1, actual: num(95), baseline: skip, target: num(95), reason: []string{"95"}}},
		{"assistance 70 holds 70 in 2023", "14th", "medical-assistance-inpatient-rate", 2023, obs(amt(2023, 70)),
			// f = 0.6; plain level 70 → 70, better up: 70 ≥ 70 → on-track.
			want{status: evaluate.OnTrack, judge: C, f: 0.6, actual: num(70), baseline: skip, target: num(70), reason: []string{"70"}}},
		{"assistance 69 below 70 in 2023", "14th", "medical-assistance-inpatient-rate", 2023, obs(amt(2023, 69)),
			// f = 0.6; 69 < 70; expected, before E → lagging.
			want{status: evaluate.Lagging, judge: C, f: 0.6, actual: num(69), baseline: skip, target: num(70), reason: []string{"69", "70"}}},
		{"assistance 69 below 70 in 2025", "14th", "medical-assistance-inpatient-rate", 2025, obs(amt(2025, 69)),
			// f = 1; not met in E → not-achieved.
			want{status: evaluate.NotAchieved, judge: C, f: 1, actual: num(69), baseline: skip, target: num(70), reason: []string{"69", "70"}}},
		{"inspection 100 holds 100 in 2025", "14th", "labour-inspection-closure-rate", 2025, obs(amt(2025, 100)),
			// f = 1; 100 ≥ 100 → achieved.
			want{status: evaluate.Achieved, judge: C, f: 1, actual: num(100), baseline: skip, target: num(100), reason: []string{"100"}}},
		{"arbitration 92 > 90 in 2024", "14th", "labour-arbitration-closure-rate", 2024, obs(amt(2024, 92)),
			// f = 4/5 = 0.8; 92 > 90 → on-track.
			want{status: evaluate.OnTrack, judge: C, f: 0.8, actual: num(92), baseline: skip, target: num(90), reason: []string{"92", "90"}}},
		{"bound with no baseline, 95.5 > 95 in 2023", "test", "bound-no-baseline", 2023, obs(amt(2023, 95.5)),
			// f = 0.6; 95.5 > 95 → on-track; no baseline → nil.
			want{status: evaluate.OnTrack, judge: C, f: 0.6, actual: num(95.5), baseline: nil, target: num(95), reason: []string{"95.5", "95"}}},
		{"bound with no baseline, 95 is not > 95 in 2025", "test", "bound-no-baseline", 2025, obs(amt(2025, 95)),
			// f = 1; 95 > 95 false → not-achieved.
			want{status: evaluate.NotAchieved, judge: C, f: 1, actual: num(95), baseline: nil, target: num(95), reason: []string{"95"}}},
		{"bound with baseline —, 4.5 meets ≤4.5 in 2022", "test", "bound-dash-baseline", 2022, obs(amt(2022, 4.5)),
			// f = 0.4; 4.5 ≤ 4.5 (non-strict) → on-track.
			want{status: evaluate.OnTrack, judge: C, f: 0.4, actual: num(4.5), baseline: nil, target: num(4.5), reason: []string{"4.5"}}},
		{"bound with baseline —, 4.6 fails ≤4.5 in 2022", "test", "bound-dash-baseline", 2022, obs(amt(2022, 4.6)),
			// f = 0.4; 4.6 > 4.5; expected → lagging.
			want{status: evaluate.Lagging, judge: C, f: 0.4, actual: num(4.6), baseline: nil, target: num(4.5), reason: []string{"4.6", "4.5"}}},
		{"judge: control on 42 → 45, 45 in 2023", "test", "override-control", 2023, obs(amt(2023, 45)),
			// control by override: 45 ≥ 45 met, before E → on-track (a path judgement
			// would say achieved, 提前完成).
			want{status: evaluate.OnTrack, judge: C, f: 0.6, actual: num(45), baseline: skip, target: num(45), reason: []string{"45"}}},
		{"judge: control on 42 → 45, 43 in 2023", "test", "override-control", 2023, obs(amt(2023, 43)),
			// control: 43 < 45, before E, expected → lagging (a path judgement would
			// give p = 1/3, r = 0.556, also lagging, but with R, p, r set).
			want{status: evaluate.Lagging, judge: C, f: 0.6, actual: num(43), baseline: skip, target: num(45), reason: []string{"43", "45"}}},
	}
	runEvalCases(t, cases)
}

// TestRatio: a ratio is control, each component against its own better
// (专栏1 #10 15:45:40 with better up, up, down). Its actual is its text.
func TestRatio(t *testing.T) {
	C := plan.Control
	cases := []evalCase{
		{"16:47:37 in 2020", "13th", "professional-title-ratio", 2020, obs(parts(2020, "16:47:37", 16, 47, 37)),
			// 16 ≥ 15 (up), 47 ≥ 45 (up), 37 ≤ 40 (down): met; f = 1 → achieved (完成).
			want{status: evaluate.Achieved, judge: C, f: 1, actualText: "16:47:37", reason: []string{"16:47:37"}}},
		{"14:47:37 in 2020", "13th", "professional-title-ratio", 2020, obs(parts(2020, "14:47:37", 14, 47, 37)),
			// 14 < 15 fails the first (up) component; in E → not-achieved.
			want{status: evaluate.NotAchieved, judge: C, f: 1, actualText: "14:47:37", reason: []string{"14:47:37"}}},
		{"16:47:41 in 2020", "13th", "professional-title-ratio", 2020, obs(parts(2020, "16:47:41", 16, 47, 41)),
			// 41 > 40 fails the third (down) component → not-achieved.
			want{status: evaluate.NotAchieved, judge: C, f: 1, actualText: "16:47:41", reason: []string{"16:47:41"}}},
		{"14:47:37 in 2018", "13th", "professional-title-ratio", 2018, obs(parts(2018, "14:47:37", 14, 47, 37)),
			// f = (2018 − 2016 + 1) / 5 = 0.6; not met, expected, before E → lagging.
			want{status: evaluate.Lagging, judge: C, f: 0.6, actualText: "14:47:37", reason: []string{"14:47:37"}}},
		{"15:45:40 in 2018", "13th", "professional-title-ratio", 2018, obs(parts(2018, "15:45:40", 15, 45, 40)),
			// every component equal to the target: plain components accept equality;
			// before E → on-track.
			want{status: evaluate.OnTrack, judge: C, f: 0.6, actualText: "15:45:40", reason: []string{"15:45:40"}}},
	}
	runEvalCases(t, cases)
}

// TestCeiling: a cumulative ceiling <[X] is met while the total stays within
// it, judged as control: no R, p, r. Strictness follows the target.
func TestCeiling(t *testing.T) {
	C := plan.Control
	cases := []evalCase{
		{"total 70 within <[100] in 2022", "test", "ceiling", 2022, obs(amt(2021, 30), amt(2022, 40)),
			// total = 30 + 40 = 70 < 100; f = 0.4 → on-track.
			want{status: evaluate.OnTrack, judge: C, f: 0.4, actual: num(70), target: num(100), reason: []string{"70", "100"}}},
		{"total [120] over <[100] in 2023", "test", "ceiling", 2023, obs(tot(2023, 120)),
			// total 120 ≥ 100: over; expected, before E → lagging.
			want{status: evaluate.Lagging, judge: C, f: 0.6, actual: num(120), target: num(100), reason: []string{"120", "100"}}},
		{"total [99] within <[100] in 2025", "test", "ceiling", 2025, obs(tot(2025, 99)),
			// 99 < 100 in E → achieved.
			want{status: evaluate.Achieved, judge: C, f: 1, actual: num(99), target: num(100), reason: []string{"99", "100"}}},
		{"total [100] is not < [100] in 2025", "test", "ceiling", 2025, obs(tot(2025, 100)),
			// strict: 100 < 100 is false → not-achieved.
			want{status: evaluate.NotAchieved, judge: C, f: 1, actual: num(100), target: num(100), reason: []string{"100"}}},
		{"total [100] meets ≤[100] in 2025", "test", "ceiling-le", 2025, obs(tot(2025, 100)),
			// non-strict: 100 ≤ 100 → achieved.
			want{status: evaluate.Achieved, judge: C, f: 1, actual: num(100), target: num(100), reason: []string{"100"}}},
	}
	runEvalCases(t, cases)
}

// TestPathLevel: R = B + (X − B)·f, p = (actual − B) / (X − B), r = p / f;
// final target met → achieved; before E r ≥ 1.10 ahead, r ≥ 0.95 on-track
// (1.00 binding), else lagging; in E not met → not-achieved. p and r are
// rounded to 6 decimals before they meet a threshold.
func TestPathLevel(t *testing.T) {
	P := plan.Path
	cases := []evalCase{
		{"mediation 44.74 → >60 at 58 in 2023", "14th", "labour-dispute-mediation-success-rate", 2023, obs(amt(2023, 58)),
			// f = 0.6; R = 44.74 + (60 − 44.74)·0.6 = 44.74 + 9.156 = 53.896;
			// p = (58 − 44.74) / (60 − 44.74) = 13.26 / 15.26 = 0.868938401…;
			// r = 0.868938401 / 0.6 = 1.448230668… ≥ 1.10 → ahead.
			want{status: evaluate.Ahead, judge: P, f: 0.6, actual: num(58), baseline: num(44.74), target: num(60),
				required: num(53.896), progress: num(13.26 / 15.26), ratio: num(13.26 / 15.26 / 0.6), reason: []string{"0.869", "1.448"}}},
		{"mediation 60 is not > 60 in 2025", "14th", "labour-dispute-mediation-success-rate", 2025, obs(amt(2025, 60)),
			// f = 1; R = 60; p = 15.26 / 15.26 = 1; r = 1; but 60 > 60 is false
			// (strict), so the final target is not met in E → not-achieved.
			want{status: evaluate.NotAchieved, judge: P, f: 1, actual: num(60), baseline: num(44.74), target: num(60),
				required: num(60), progress: num(1), ratio: num(1), reason: []string{"60"}}},
		{"mediation 60.01 > 60 in 2025", "14th", "labour-dispute-mediation-success-rate", 2025, obs(amt(2025, 60.01)),
			// 60.01 > 60 → achieved (完成); p = 15.27 / 15.26 = 1.000655308; r = p.
			want{status: evaluate.Achieved, judge: P, f: 1, actual: num(60.01), baseline: num(44.74), target: num(60),
				required: num(60), progress: num(15.27 / 15.26), ratio: num(15.27 / 15.26), reason: []string{"60.01"}}},
		{"mediation 60 in 2023: not achieved (strict), ahead", "14th", "labour-dispute-mediation-success-rate", 2023, obs(amt(2023, 60)),
			// 60 > 60 false, so not achieved early; p = 1, r = 1 / 0.6 = 1.666667 ≥ 1.10 → ahead.
			want{status: evaluate.Ahead, judge: P, f: 0.6, actual: num(60), baseline: num(44.74), target: num(60),
				required: num(53.896), progress: num(1), ratio: num(1 / 0.6), reason: []string{"1.667"}}},
		{"card holders 112 → 115 at 113.71 in 2023: r = 0.95 exactly", "14th", "social-security-card-holders", 2023, obs(amt(2023, 113.71)),
			// the spec's own case. R = 112 + 3·0.6 = 113.8; p = 1.71 / 3 = 0.57;
			// r = 0.57 / 0.6 = 0.95 (in binary floating point 0.94999999999999…, so only
			// the rounding to 6 decimals makes it 0.95) ≥ 0.95 → on-track.
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(113.71), baseline: num(112), target: num(115),
				required: num(113.8), progress: num(0.57), ratio: num(0.95), reason: []string{"0.57", "0.95"}}},
		{"0 → 100 at 66 in 2023: r = 1.10 exactly", "test", "zero-to-hundred", 2023, obs(amt(2023, 66)),
			// R = 0 + 100·0.6 = 60; p = 66 / 100 = 0.66; r = 0.66 / 0.6 = 1.1 ≥ 1.10 → ahead.
			want{status: evaluate.Ahead, judge: P, f: 0.6, actual: num(66), baseline: num(0), target: num(100),
				required: num(60), progress: num(0.66), ratio: num(1.1), reason: []string{"0.66", "1.1"}}},
		{"0 → 100 at 44 in 2022: r = 1.10 (float 1.0999999999999999)", "test", "zero-to-hundred", 2022, obs(amt(2022, 44)),
			// R = 40; p = 0.44; r = 0.44 / 0.4 = 1.1 (binary 1.0999999999999999) → ahead.
			want{status: evaluate.Ahead, judge: P, f: 0.4, actual: num(44), baseline: num(0), target: num(100),
				required: num(40), progress: num(0.44), ratio: num(1.1), reason: []string{"0.44", "1.1"}}},
		{"work injury 42 → 45 at 43.98 in 2023: r = 1.10 (float below)", "14th", "work-injury-insurance-enrolment", 2023, obs(amt(2023, 43.98)),
			// R = 42 + 3·0.6 = 43.8; p = 1.98 / 3 = 0.66 (binary 0.6599999999999989);
			// r = 1.1 (binary 1.0999999999999983) → ahead after rounding to 6 decimals.
			want{status: evaluate.Ahead, judge: P, f: 0.6, actual: num(43.98), baseline: num(42), target: num(45),
				required: num(43.8), progress: num(0.66), ratio: num(1.1), reason: []string{"0.66", "1.1"}}},
		{"0 → 100 at 59.4 in 2023: r = 0.99, expected", "test", "zero-to-hundred", 2023, obs(amt(2023, 59.4)),
			// R = 60; p = 0.594; r = 0.594 / 0.6 = 0.99 ≥ 0.95 → on-track.
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(59.4), baseline: num(0), target: num(100),
				required: num(60), progress: num(0.594), ratio: num(0.99), reason: []string{"0.594", "0.99"}}},
		{"0 → 100 at 59.4 in 2023: r = 0.99, binding", "test", "zero-to-hundred-binding", 2023, obs(amt(2023, 59.4)),
			// same numbers; binding bound 1.00: 0.99 < 1.00 → lagging.
			want{status: evaluate.Lagging, judge: P, f: 0.6, actual: num(59.4), baseline: num(0), target: num(100),
				required: num(60), progress: num(0.594), ratio: num(0.99), reason: []string{"0.594", "0.99"}}},
		{"binding 41.6 → 43.6 at 42.8 in 2023: r = 1.00 exactly", "test", "binding-level", 2023, obs(amt(2023, 42.8)),
			// R = 41.6 + 2·0.6 = 42.8; p = 1.2 / 2 = 0.6 (binary 0.5999999999999979);
			// r = 1.0 (binary 0.9999999999999964) → 1.000000 after rounding ≥ 1.00 → on-track.
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(42.8), baseline: num(41.6), target: num(43.6),
				required: num(42.8), progress: num(0.6), ratio: num(1), reason: []string{"0.6", "1"}}},
		{"binding 41.6 → 43.6 at 42.788 in 2023: r = 0.99", "test", "binding-level", 2023, obs(amt(2023, 42.788)),
			// p = 1.188 / 2 = 0.594; r = 0.99 < 1.00 (binding) → lagging.
			want{status: evaluate.Lagging, judge: P, f: 0.6, actual: num(42.788), baseline: num(41.6), target: num(43.6),
				required: num(42.8), progress: num(0.594), ratio: num(0.99), reason: []string{"0.594", "0.99"}}},
		{"expected 41.6 → 43.6 at 42.788 in 2023: r = 0.99", "14th", "unemployment-insurance-enrolment", 2023, obs(amt(2023, 42.788)),
			// same numbers as the binding case; expected bound 0.95: 0.99 ≥ 0.95 → on-track.
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(42.788), baseline: num(41.6), target: num(43.6),
				required: num(42.8), progress: num(0.594), ratio: num(0.99), reason: []string{"0.594", "0.99"}}},
		{"0 → 100 at 56 in 2023: lagging", "test", "zero-to-hundred", 2023, obs(amt(2023, 56)),
			// p = 0.56; r = 0.56 / 0.6 = 0.933333 < 0.95 → lagging.
			want{status: evaluate.Lagging, judge: P, f: 0.6, actual: num(56), baseline: num(0), target: num(100),
				required: num(60), progress: num(0.56), ratio: num(0.56 / 0.6), reason: []string{"0.56", "0.933"}}},
		{"41.6 → 43.6 fallen to 41 in 2023: negative progress", "14th", "unemployment-insurance-enrolment", 2023, obs(amt(2023, 41)),
			// moved away from the target: p = (41 − 41.6) / 2 = −0.3; r = −0.3 / 0.6 = −0.5 → lagging.
			want{status: evaluate.Lagging, judge: P, f: 0.6, actual: num(41), baseline: num(41.6), target: num(43.6),
				required: num(42.8), progress: num(-0.3), ratio: num(-0.5), reason: []string{"-0.3"}}},
		{"judge: path on 97 → >95, 96 in 2023", "test", "override-path", 2023, obs(amt(2023, 96)),
			// path by override: 96 > 95 meets the final target before E → achieved;
			// R = 97 + (95 − 97)·0.6 = 95.8; p = (96 − 97) / (95 − 97) = 0.5; r = 0.833333.
			want{status: evaluate.Achieved, judge: P, f: 0.6, actual: num(96), baseline: num(97), target: num(95),
				required: num(95.8), progress: num(0.5), ratio: num(0.5 / 0.6)}},
		{"0 → 100 at 69 in 2023: default thresholds", "test", "zero-to-hundred", 2023, obs(amt(2023, 69)),
			// p = 0.69; r = 1.15 ≥ 1.10 → ahead (compare TestPlanThresholds).
			want{status: evaluate.Ahead, judge: P, f: 0.6, actual: num(69), baseline: num(0), target: num(100),
				required: num(60), progress: num(0.69), ratio: num(1.15), reason: []string{"0.69", "1.15"}}},
		{"0 → 100 at 55.2 in 2023: default thresholds", "test", "zero-to-hundred", 2023, obs(amt(2023, 55.2)),
			// p = 0.552; r = 0.92 < 0.95 → lagging (compare TestPlanThresholds).
			want{status: evaluate.Lagging, judge: P, f: 0.6, actual: num(55.2), baseline: num(0), target: num(100),
				required: num(60), progress: num(0.552), ratio: num(0.92), reason: []string{"0.552", "0.92"}}},
		{"41.6 → 43.6 met in 2023: 提前完成", "14th", "unemployment-insurance-enrolment", 2023, obs(amt(2023, 43.6)),
			// 43.6 ≥ 43.6 (plain accepts equality) before E → achieved, Final false;
			// R = 42.8; p = 2 / 2 = 1; r = 1 / 0.6 = 1.666667.
			want{status: evaluate.Achieved, judge: P, f: 0.6, actual: num(43.6), baseline: num(41.6), target: num(43.6),
				required: num(42.8), progress: num(1), ratio: num(1 / 0.6), reason: []string{"43.6"}}},
		{"41.6 → 43.6 met in 2025: 完成", "14th", "unemployment-insurance-enrolment", 2025, obs(amt(2025, 43.6)),
			// in E: R = 43.6; p = 1; r = 1 → achieved, Final true.
			want{status: evaluate.Achieved, judge: P, f: 1, actual: num(43.6), baseline: num(41.6), target: num(43.6),
				required: num(43.6), progress: num(1), ratio: num(1), reason: []string{"43.6"}}},
		{"41.6 → 43.6 at 43.5 in 2025: 未完成", "14th", "unemployment-insurance-enrolment", 2025, obs(amt(2025, 43.5)),
			// p = 1.9 / 2 = 0.95; r = 0.95 would be on-track before E, but in E the
			// target is not met → not-achieved.
			want{status: evaluate.NotAchieved, judge: P, f: 1, actual: num(43.5), baseline: num(41.6), target: num(43.6),
				required: num(43.6), progress: num(0.95), ratio: num(0.95), reason: []string{"43.5"}}},
		{"settlement >60 → >70 at 66 in 2023", "14th", "cross-province-inpatient-settlement", 2023, obs(amt(2023, 66)),
			// the baseline >60 counts as 60: R = 60 + 10·0.6 = 66; p = 6 / 10 = 0.6;
			// r = 1.0 (binary 1.0000000000000002 or just below; rounded 1.000000) →
			// ≥ 0.95, < 1.10 → on-track.
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(66), baseline: num(60), target: num(70),
				required: num(66), progress: num(0.6), ratio: num(1), reason: []string{"0.6"}}},
		{"employee reimbursement 83 左右 → 85 at 83.8 in 2022", "14th", "employee-inpatient-reimbursement", 2022, obs(amt(2022, 83.8)),
			// B = 83 (左右 counts its number); f = 0.4; R = 83 + 2·0.4 = 83.8;
			// p = 0.8 / 2 = 0.4; r = 1.0 → on-track.
			want{status: evaluate.OnTrack, judge: P, f: 0.4, actual: num(83.8), baseline: num(83), target: num(85),
				required: num(83.8), progress: num(0.4), ratio: num(1), reason: []string{"0.4"}}},
		{"level down 5 → 4 at 4.5 in 2022", "test", "level-down", 2022, obs(amt(2022, 4.5)),
			// R = 5 + (4 − 5)·0.4 = 4.6; p = (4.5 − 5) / (4 − 5) = 0.5; r = 0.5 / 0.4 = 1.25 → ahead.
			want{status: evaluate.Ahead, judge: P, f: 0.4, actual: num(4.5), baseline: num(5), target: num(4),
				required: num(4.6), progress: num(0.5), ratio: num(1.25), reason: []string{"0.5", "1.25"}}},
		{"level down 5 → 4 met at 4 in 2024", "test", "level-down", 2024, obs(amt(2024, 4)),
			// 4 ≤ 4 (better down, equality accepted) before E → achieved;
			// R = 5 − 0.8 = 4.2; p = 1; r = 1 / 0.8 = 1.25.
			want{status: evaluate.Achieved, judge: P, f: 0.8, actual: num(4), baseline: num(5), target: num(4),
				required: num(4.2), progress: num(1), ratio: num(1.25), reason: []string{"4"}}},
		{"6 → <5 at 5 in 2025 (strict)", "test", "bound-down-wrong-side", 2025, obs(amt(2025, 5)),
			// R = 5; p = (5 − 6) / (5 − 6) = 1; r = 1; 5 < 5 false → not-achieved.
			want{status: evaluate.NotAchieved, judge: P, f: 1, actual: num(5), baseline: num(6), target: num(5),
				required: num(5), progress: num(1), ratio: num(1), reason: []string{"5"}}},
		{"6 → <5 at 4.9 in 2025", "test", "bound-down-wrong-side", 2025, obs(amt(2025, 4.9)),
			// 4.9 < 5 → achieved; p = (4.9 − 6) / (5 − 6) = 1.1; r = 1.1.
			want{status: evaluate.Achieved, judge: P, f: 1, actual: num(4.9), baseline: num(6), target: num(5),
				required: num(5), progress: num(1.1), ratio: num(1.1), reason: []string{"4.9"}}},
		{"range 1 → 2—3 at 1.4 in 2022", "test", "range-level", 2022, obs(amt(2022, 1.4)),
			// a range is a target of its lower end, X = 2: R = 1 + 1·0.4 = 1.4;
			// p = 0.4 / 1 = 0.4; r = 1.0 → on-track.
			want{status: evaluate.OnTrack, judge: P, f: 0.4, actual: num(1.4), baseline: num(1), target: num(2),
				required: num(1.4), progress: num(0.4), ratio: num(1), reason: []string{"0.4"}}},
		{"range 1 → 2—3 at 2 in 2023", "test", "range-level", 2023, obs(amt(2023, 2)),
			// 2 ≥ 2 (lower end, not strict) before E → achieved; R = 1.6; p = 1; r = 1.666667.
			want{status: evaluate.Achieved, judge: P, f: 0.6, actual: num(2), baseline: num(1), target: num(2),
				required: num(1.6), progress: num(1), ratio: num(1 / 0.6), reason: []string{"2"}}},
	}
	runEvalCases(t, cases)
}

// TestPathCumulative: R = X·f, p = total / X, r = p / f. The total for y is the
// bracketed value of y, or the sum of the bare amounts from S to y; a missing
// year makes it no-data. The baseline of an embedded cumulative indicator
// (4.02 for [15]) plays no part in the judgement and is not pinned; the test
// plan's cumulative-plain has none, so its baseline must be nil.
func TestPathCumulative(t *testing.T) {
	P := plan.Path
	cases := []evalCase{
		{"jobs 3.1 + 3.2 + 3.0 in 2023", "14th", "urban-new-jobs", 2023, obs(amt(2021, 3.1), amt(2022, 3.2), amt(2023, 3.0)),
			// total = 9.3; R = 15·0.6 = 9; p = 9.3 / 15 = 0.62; r = 0.62 / 0.6 = 1.033333 → on-track.
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(9.3), baseline: skip, target: num(15),
				required: num(9), progress: num(0.62), ratio: num(0.62 / 0.6), reason: []string{"9.3", "15"}}},
		{"jobs [9.4] in 2023 beside earlier amounts", "14th", "urban-new-jobs", 2023, obs(amt(2021, 3.1), amt(2022, 3.2), tot(2023, 9.4)),
			// the bracketed value of y wins: total = 9.4; p = 9.4 / 15 = 0.626667;
			// r = 1.044444 → on-track.
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(9.4), baseline: skip, target: num(15),
				required: num(9), progress: num(9.4 / 15), ratio: num(9.4 / 15 / 0.6), reason: []string{"9.4"}}},
		{"jobs with 2022 missing", "14th", "urban-new-jobs", 2023, obs(amt(2021, 3.1), amt(2023, 3.0)),
			// no bracket in 2023 and no amount for 2022 → no-data naming 2022.
			want{status: evaluate.NoData, judge: P, f: 0.6, actual: nil, baseline: skip, target: skip,
				required: skip, progress: nil, ratio: nil, reason: []string{"2022"}}},
		{"jobs with 2023 missing and a later bracket", "14th", "urban-new-jobs", 2023, obs(amt(2021, 3.1), amt(2022, 3.2), tot(2024, 12)),
			// the total through 2023 needs 2023's amount (or bracket); a 2024 total does
			// not stand in for it → no-data naming 2023.
			want{status: evaluate.NoData, judge: P, f: 0.6, actual: nil, baseline: skip, target: skip,
				required: skip, progress: nil, ratio: nil, reason: []string{"2023"}}},
		{"jobs 3.1, [6.3], 3.0 in 2023", "14th", "urban-new-jobs", 2023, obs(amt(2021, 3.1), tot(2022, 6.3), amt(2023, 3.0)),
			// The spec (§3) gives the total of y as the bracket of y or the sum of the
			// bare amounts S..y; read literally, 2022 has no bare amount and this would
			// be no-data. The lead implements the natural extension: the latest bracket
			// (6.3 through 2022) plus the later amounts (3.0) = 9.3. This case pins that
			// choice. R = 9; p = 0.62; r = 1.033333 → on-track.
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(9.3), baseline: skip, target: num(15),
				required: num(9), progress: num(0.62), ratio: num(0.62 / 0.6), reason: []string{"9.3"}}},
		{"jobs [8] in 2022: ahead", "14th", "urban-new-jobs", 2022, obs(tot(2022, 8)),
			// R = 15·0.4 = 6; p = 8 / 15 = 0.533333; r = 0.533333 / 0.4 = 1.333333 → ahead.
			want{status: evaluate.Ahead, judge: P, f: 0.4, actual: num(8), baseline: skip, target: num(15),
				required: num(6), progress: num(8.0 / 15), ratio: num(8.0 / 15 / 0.4), reason: []string{"8", "1.333"}}},
		{"jobs [7] in 2023: lagging", "14th", "urban-new-jobs", 2023, obs(tot(2023, 7)),
			// p = 7 / 15 = 0.466667; r = 0.777778 < 0.95 → lagging.
			want{status: evaluate.Lagging, judge: P, f: 0.6, actual: num(7), baseline: skip, target: num(15),
				required: num(9), progress: num(7.0 / 15), ratio: num(7.0 / 15 / 0.6), reason: []string{"7", "0.778"}}},
		{"jobs [15.2] in 2024: met early", "14th", "urban-new-jobs", 2024, obs(tot(2024, 15.2)),
			// 15.2 ≥ 15 before E → achieved (提前完成); R = 12; p = 1.013333; r = 1.266667.
			want{status: evaluate.Achieved, judge: P, f: 0.8, actual: num(15.2), baseline: skip, target: num(15),
				required: num(12), progress: num(15.2 / 15), ratio: num(15.2 / 15 / 0.8), reason: []string{"15.2"}}},
		{"jobs [14] in 2025: not met", "14th", "urban-new-jobs", 2025, obs(tot(2025, 14)),
			// R = 15; p = r = 14 / 15 = 0.933333; in E not met → not-achieved.
			want{status: evaluate.NotAchieved, judge: P, f: 1, actual: num(14), baseline: skip, target: num(15),
				required: num(15), progress: num(14.0 / 15), ratio: num(14.0 / 15), reason: []string{"14"}}},
		{"jobs [15] in 2025: met exactly", "14th", "urban-new-jobs", 2025, obs(tot(2025, 15)),
			// cumulative accepts equality: 15 ≥ 15 → achieved (完成); p = r = 1.
			want{status: evaluate.Achieved, judge: P, f: 1, actual: num(15), baseline: skip, target: num(15),
				required: num(15), progress: num(1), ratio: num(1), reason: []string{"15"}}},
		{"[0.8] from 0.1 + 0.1 + 0.5 + 0.1 in 2024", "14th", "new-advanced-vocational-certificates", 2024,
			obs(amt(2021, 0.1), amt(2022, 0.1), amt(2023, 0.5), amt(2024, 0.1)),
			// total = 0.8 (binary sum 0.7999999999999999 — compared at 9 decimals it
			// meets [0.8]) → achieved before E; R = 0.8·0.8 = 0.64; p = 1; r = 1.25.
			want{status: evaluate.Achieved, judge: P, f: 0.8, actual: num(0.8), baseline: skip, target: num(0.8),
				required: num(0.64), progress: num(1), ratio: num(1.25), reason: []string{"0.8"}}},
		{"senior titles 400 of [1700] in 2021", "14th", "new-senior-title-professionals", 2021, obs(amt(2021, 400)),
			// printed <[1700] but the target used is [1700]: R = 1700·0.2 = 340;
			// p = 400 / 1700 = 0.235294; r = 1.176471 ≥ 1.10 → ahead.
			want{status: evaluate.Ahead, judge: P, f: 0.2, actual: num(400), baseline: skip, target: num(1700),
				required: num(340), progress: num(400.0 / 1700), ratio: num(400.0 / 1700 / 0.2), reason: []string{"0.235", "1.176"}}},
		{"cumulative without baseline, 3.1 + 3.2 + 3.0 in 2023", "test", "cumulative-plain", 2023, obs(amt(2021, 3.1), amt(2022, 3.2), amt(2023, 3.0)),
			// as the first case; the plan gives no baseline → nil.
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(9.3), baseline: nil, target: num(15),
				required: num(9), progress: num(0.62), ratio: num(0.62 / 0.6), reason: []string{"9.3"}}},
		{"cumulative with 2022 written as no value", "test", "cumulative-plain", 2022, obs(amt(2021, 3.1), blank(2022)),
			// 2022 has no amount and no bracket → no-data naming 2022.
			want{status: evaluate.NoData, judge: P, f: 0.4, actual: nil, baseline: nil, target: skip,
				required: skip, progress: nil, ratio: nil, reason: []string{"2022"}}},
		{"bounded cumulative ≥[50] at [30] in 2023", "test", "cumulative-ge", 2023, obs(tot(2023, 30)),
			// X = 50: R = 30; p = 0.6; r = 1.0 → on-track.
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(30), baseline: nil, target: num(50),
				required: num(30), progress: num(0.6), ratio: num(1), reason: []string{"30"}}},
		{"ranged cumulative [5—10] at [3] in 2023", "test", "cumulative-range", 2023, obs(tot(2023, 3)),
			// a range is a target of its lower end, X = 5: R = 3; p = 0.6; r = 1.0 → on-track.
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(3), baseline: nil, target: num(5),
				required: num(3), progress: num(0.6), ratio: num(1), reason: []string{"3"}}},
		{"ranged cumulative [5—10] at [5] in 2024", "test", "cumulative-range", 2024, obs(tot(2024, 5)),
			// 5 ≥ 5 before E → achieved; R = 4; p = 1; r = 1.25.
			want{status: evaluate.Achieved, judge: P, f: 0.8, actual: num(5), baseline: nil, target: num(5),
				required: num(4), progress: num(1), ratio: num(1.25), reason: []string{"5"}}},
	}
	runEvalCases(t, cases)
}

// TestLevelWithoutBaseline: judged against X alone: met → achieved, else
// lagging before E and not-achieved in E; no R, p, r. A binding one is lagging
// every year until it is met.
func TestLevelWithoutBaseline(t *testing.T) {
	P := plan.Path
	cases := []evalCase{
		{"online 70 of 80 in 2023", "14th", "medical-services-online-availability", 2023, obs(amt(2023, 70)),
			// 70 < 80, before E → lagging.
			want{status: evaluate.Lagging, judge: P, f: 0.6, actual: num(70), baseline: nil, target: num(80), reason: []string{"70", "80"}}},
		{"online 80 of 80 in 2023", "14th", "medical-services-online-availability", 2023, obs(amt(2023, 80)),
			// 80 ≥ 80 before E → achieved (提前完成).
			want{status: evaluate.Achieved, judge: P, f: 0.6, actual: num(80), baseline: nil, target: num(80), reason: []string{"80"}}},
		{"online 79 of 80 in 2025", "14th", "medical-services-online-availability", 2025, obs(amt(2025, 79)),
			// 79 < 80 in E → not-achieved.
			want{status: evaluate.NotAchieved, judge: P, f: 1, actual: num(79), baseline: nil, target: num(80), reason: []string{"79", "80"}}},
		{"online 80 of 80 in 2025", "14th", "medical-services-online-availability", 2025, obs(amt(2025, 80)),
			// met in E → achieved (完成).
			want{status: evaluate.Achieved, judge: P, f: 1, actual: num(80), baseline: nil, target: num(80), reason: []string{"80"}}},
		{"counter 99 of 100 in 2022 (binding)", "14th", "medical-services-counter-availability", 2022, obs(amt(2022, 99)),
			// binding, not met, before E → lagging (not not-achieved: intended by §4).
			want{status: evaluate.Lagging, judge: P, f: 0.4, actual: num(99), baseline: nil, target: num(100), reason: []string{"99", "100"}}},
		{"counter 100 of 100 in 2022 (binding)", "14th", "medical-services-counter-availability", 2022, obs(amt(2022, 100)),
			// met → achieved.
			want{status: evaluate.Achieved, judge: P, f: 0.4, actual: num(100), baseline: nil, target: num(100), reason: []string{"100"}}},
		{"counter 99 of 100 in 2025 (binding)", "14th", "medical-services-counter-availability", 2025, obs(amt(2025, 99)),
			// not met in E → not-achieved.
			want{status: evaluate.NotAchieved, judge: P, f: 1, actual: num(99), baseline: nil, target: num(100), reason: []string{"99", "100"}}},
		{"DRG 50 of 70 in 2021", "14th", "drg-disease-payment-share", 2021, obs(amt(2021, 50)),
			// 50 < 70 before E → lagging; f = 0.2.
			want{status: evaluate.Lagging, judge: P, f: 0.2, actual: num(50), baseline: nil, target: num(70), reason: []string{"50", "70"}}},
		{"registered unemployment 4.6 vs 4.5 (down) in 2018", "13th", "registered-unemployment-rate", 2018, obs(amt(2018, 4.6)),
			// better down: 4.6 > 4.5 not met; f = 0.6 → lagging.
			want{status: evaluate.Lagging, judge: P, f: 0.6, actual: num(4.6), baseline: nil, target: num(4.5), reason: []string{"4.6", "4.5"}}},
		{"registered unemployment 4.5 vs 4.5 (down) in 2018", "13th", "registered-unemployment-rate", 2018, obs(amt(2018, 4.5)),
			// 4.5 ≤ 4.5 (plain accepts equality) → achieved before E.
			want{status: evaluate.Achieved, judge: P, f: 0.6, actual: num(4.5), baseline: nil, target: num(4.5), reason: []string{"4.5"}}},
		{"registered unemployment 4.51 vs 4.5 (down) in 2020", "13th", "registered-unemployment-rate", 2020, obs(amt(2020, 4.51)),
			// 4.51 > 4.5 in E → not-achieved.
			want{status: evaluate.NotAchieved, judge: P, f: 1, actual: num(4.51), baseline: nil, target: num(4.5), reason: []string{"4.51", "4.5"}}},
	}
	runEvalCases(t, cases)
}

// TestNoData: an indicator reported with no usable value for the year is
// no-data with a reason, and has no actual, p or r.
func TestNoData(t *testing.T) {
	P, C := plan.Path, plan.Control
	nd := func(judge plan.Judge, f float64) want {
		return want{status: evaluate.NoData, judge: judge, f: f, actual: nil, baseline: skip, target: skip,
			required: skip, progress: nil, ratio: nil}
	}
	cases := []evalCase{
		// 42 → 45 evaluated in 2022 (f = 0.4) with a value only for 2021.
		{"level with only another year", "14th", "work-injury-insurance-enrolment", 2022, obs(amt(2021, 42.5)), nd(P, 0.4)},
		// the 2022 cell says there is no value (—).
		{"level with no value in the year", "14th", "work-injury-insurance-enrolment", 2022, obs(amt(2021, 42.5), blank(2022)), nd(P, 0.4)},
		// reported, but no observations at all.
		{"level with no observations", "14th", "work-injury-insurance-enrolment", 2022, nil, nd(P, 0.4)},
		// a later year's value does not stand in for the evaluation year.
		{"control with only a later year", "14th", "surveyed-unemployment-rate", 2022, obs(amt(2023, 5.2)), nd(C, 0.4)},
		// a ratio whose 2020 cell is empty.
		{"ratio with no value", "13th", "professional-title-ratio", 2020, obs(blank(2020)), nd(C, 1)},
		// a ratio given a plain number: not what a ratio's judgement needs.
		{"ratio given a plain number", "13th", "professional-title-ratio", 2020, obs(amt(2020, 16)), nd(C, 1)},
		// a level given a ratio.
		{"level given a ratio", "14th", "work-injury-insurance-enrolment", 2022, obs(parts(2022, "1:2", 1, 2)), nd(P, 0.4)},
		// a level without baseline, 2023 empty.
		{"level without baseline, no value", "14th", "medical-services-online-availability", 2023, obs(blank(2023)), nd(P, 0.6)},
	}
	runEvalCases(t, cases)
}

// TestPlanThresholds: thresholds {ahead: 1.2, on_track: 0.9, binding_on_track: 1}
// replace 1.10, 0.95, 1.00. The same numbers as in TestPathLevel, other statuses.
func TestPlanThresholds(t *testing.T) {
	P := plan.Path
	cases := []evalCase{
		{"r = 1.15 is on-track below ahead 1.2", "thresholds", "zero-to-hundred", 2023, obs(amt(2023, 69)),
			// p = 0.69; r = 1.15 < 1.2, ≥ 0.9 → on-track (ahead under the defaults).
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(69), baseline: num(0), target: num(100),
				required: num(60), progress: num(0.69), ratio: num(1.15)}},
		{"r = 0.92 is on-track above on_track 0.9", "thresholds", "zero-to-hundred", 2023, obs(amt(2023, 55.2)),
			// p = 0.552; r = 0.92 ≥ 0.9 → on-track (lagging under the defaults).
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(55.2), baseline: num(0), target: num(100),
				required: num(60), progress: num(0.552), ratio: num(0.92)}},
		{"r = 1.2 is ahead", "thresholds", "zero-to-hundred", 2023, obs(amt(2023, 72)),
			// p = 0.72; r = 0.72 / 0.6 = 1.2 ≥ 1.2 → ahead.
			want{status: evaluate.Ahead, judge: P, f: 0.6, actual: num(72), baseline: num(0), target: num(100),
				required: num(60), progress: num(0.72), ratio: num(1.2)}},
		{"r = 0.88 is lagging", "thresholds", "zero-to-hundred", 2023, obs(amt(2023, 52.8)),
			// p = 0.528; r = 0.88 < 0.9 → lagging.
			want{status: evaluate.Lagging, judge: P, f: 0.6, actual: num(52.8), baseline: num(0), target: num(100),
				required: num(60), progress: num(0.528), ratio: num(0.88)}},
		{"binding r = 0.99 below binding_on_track 1", "thresholds", "zero-to-hundred-binding", 2023, obs(amt(2023, 59.4)),
			// p = 0.594; r = 0.99 < 1 → lagging.
			want{status: evaluate.Lagging, judge: P, f: 0.6, actual: num(59.4), baseline: num(0), target: num(100),
				required: num(60), progress: num(0.594), ratio: num(0.99)}},
	}
	runEvalCases(t, cases)
}

// TestColumn1Reproduction is spec §4's acceptance case: the 十三五 plan evaluated
// for 2020 on 专栏1's printed 2020 actuals gives 完成 on all 14 rows.
func TestColumn1Reproduction(t *testing.T) {
	p := testPlan(t, "13th")
	values := map[string][]evaluate.Observation{
		"urban-new-jobs":                      obs(tot(2020, 27)), // [27] of [23]
		"registered-unemployment-rate":        obs(amt(2020, 4.49)),
		"graduate-entrepreneurs":              obs(amt(2020, 1100)),
		"pension-insurance-coverage":          obs(amt(2020, 97)),
		"medical-insurance-coverage":          obs(amt(2020, 97)), // 97 of 97: equality meets a plain target
		"unemployment-insurance-coverage":     obs(amt(2020, 87)),
		"work-injury-insurance-coverage":      obs(amt(2020, 95)),
		"retirees-community-management-share": obs(amt(2020, 95)),
		"professional-technical-talent":       obs(amt(2020, 13.2)),
		"professional-title-ratio":            obs(parts(2020, "16:47:37", 16, 47, 37)),
		"high-skilled-talent":                 obs(amt(2020, 5.2)),
		"labour-contract-signing-rate":        obs(amt(2020, 98.59)),
		"labour-inspection-closure-rate":      obs(amt(2020, 100)),
		"labour-arbitration-closure-rate":     obs(amt(2020, 96.19)),
	}
	out, err := evaluate.Evaluate(evaluate.Input{Plan: p, Year: 2020, Values: values})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 14 {
		t.Fatalf("%d outcomes, want 14", len(out))
	}
	for i, o := range out {
		want := p.Indicators()[i].ID
		if o.Indicator == nil || o.Indicator.ID != want {
			t.Errorf("outcome %d is for %v, want %s (plan order)", i, o.Indicator, want)
			continue
		}
		if o.Status != evaluate.Achieved || !o.Final {
			t.Errorf("%s: status %q, final %v, want achieved (完成), final true; reason: %s", want, o.Status, o.Final, o.Reason)
		}
		if math.Abs(o.TimeProgress-1) > tol {
			t.Errorf("%s: time progress %v, want 1 (2020 in 2016—2020)", want, o.TimeProgress)
		}
	}
	// Two rows in full. urban-new-jobs: total 27 of [23]; f = 1; R = 23·1 = 23;
	// p = 27 / 23 = 1.173913; r = p / 1 = 1.173913.
	checkOutcome(t, p, "urban-new-jobs", 2020, out[0], want{status: evaluate.Achieved, judge: plan.Path, f: 1,
		actual: num(27), baseline: nil, target: num(23), required: num(23), progress: num(27.0 / 23), ratio: num(27.0 / 23),
		reason: []string{"27", "23"}})
	// registered-unemployment-rate: a level of 4.5 (down) with no baseline:
	// 4.49 ≤ 4.5 → achieved; no R, p, r.
	checkOutcome(t, p, "registered-unemployment-rate", 2020, out[1], want{status: evaluate.Achieved, judge: plan.Path, f: 1,
		actual: num(4.49), baseline: nil, target: num(4.5), reason: []string{"4.49", "4.5"}})
	// The ratio: its actual is its text.
	checkOutcome(t, p, "professional-title-ratio", 2020, out[9], want{status: evaluate.Achieved, judge: plan.Control, f: 1,
		actualText: "16:47:37", reason: []string{"16:47:37"}})
}

// TestEvaluateSelection: outcomes only for the indicators in Values, in plan
// order, each with the input's year and entity.
func TestEvaluateSelection(t *testing.T) {
	p := testPlan(t, "14th")
	values := map[string][]evaluate.Observation{
		"labour-inspection-closure-rate": obs(amt(2023, 100)), // #21
		"urban-new-jobs":                 obs(tot(2023, 9)),   // #1
		"pension-insurance-coverage":     obs(amt(2023, 97)),  // #4
		"medical-insurance-coverage":     nil,                 // #7, reported without values → no-data
	}
	out, err := evaluate.Evaluate(evaluate.Input{Plan: p, Year: 2023, Entity: "渝中区", Values: values})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range out {
		got = append(got, o.Indicator.ID)
		if o.Year != 2023 || o.Entity != "渝中区" {
			t.Errorf("%s: year %d, entity %q; want 2023, 渝中区", o.Indicator.ID, o.Year, o.Entity)
		}
		if math.Abs(o.TimeProgress-0.6) > tol {
			t.Errorf("%s: time progress %v, want 0.6", o.Indicator.ID, o.TimeProgress)
		}
		if o.Judge != evaluate.Judge(o.Indicator) {
			t.Errorf("%s: outcome judge %v, Judge() %v", o.Indicator.ID, o.Judge, evaluate.Judge(o.Indicator))
		}
	}
	wantIDs := []string{"urban-new-jobs", "pension-insurance-coverage", "medical-insurance-coverage", "labour-inspection-closure-rate"}
	if strings.Join(got, " ") != strings.Join(wantIDs, " ") {
		t.Errorf("outcomes for %v, want %v", got, wantIDs)
	}
	// urban-new-jobs [9] in 2023: R = 9, p = 0.6, r = 1.0 → on-track;
	// pension 97 > 95 → on-track; medical-insurance no values → no-data;
	// inspection 100 of 100 → on-track.
	wantStatus := []evaluate.Status{evaluate.OnTrack, evaluate.OnTrack, evaluate.NoData, evaluate.OnTrack}
	for i := range out {
		if i < len(wantStatus) && out[i].Status != wantStatus[i] {
			t.Errorf("%s: status %q, want %q (reason: %s)", out[i].Indicator.ID, out[i].Status, wantStatus[i], out[i].Reason)
		}
	}

	// No values at all: no outcomes.
	out, err = evaluate.Evaluate(evaluate.Input{Plan: p, Year: 2023})
	if err != nil || len(out) != 0 {
		t.Errorf("empty values: %d outcomes, err %v; want none, nil", len(out), err)
	}
}

func TestEvaluateYearOutsidePeriod(t *testing.T) {
	p := testPlan(t, "14th")
	for _, c := range []struct {
		year int
		want string
	}{
		{2026, "year 2026 is outside the plan's period 2021—2025"},
		{2020, "year 2020 is outside the plan's period 2021—2025"},
	} {
		out, err := evaluate.Evaluate(evaluate.Input{Plan: p, Year: c.year,
			Values: map[string][]evaluate.Observation{"urban-new-jobs": obs(tot(c.year, 3))}})
		if err == nil {
			t.Errorf("year %d: no error, %d outcomes", c.year, len(out))
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("year %d: error %q, want it to contain %q", c.year, err, c.want)
		}
	}
	// Both ends are inside.
	for _, y := range []int{2021, 2025} {
		if _, err := evaluate.Evaluate(evaluate.Input{Plan: p, Year: y,
			Values: map[string][]evaluate.Observation{"urban-new-jobs": obs(tot(y, 3))}}); err != nil {
			t.Errorf("year %d: %v", y, err)
		}
	}
}

// TestCells: an outcome names the cells its actual came from.
func TestCells(t *testing.T) {
	p := testPlan(t, "14th")
	sorted := func(s []string) string {
		s = append([]string(nil), s...)
		sort.Strings(s)
		return strings.Join(s, " ")
	}
	// a level: the year's cell only.
	o := evaluateOne(t, p, "work-injury-insurance-enrolment", 2022, obs(amt(2021, 42.5), amt(2022, 43.2)))
	if got := sorted(o.Cells); got != "S!C2022" {
		t.Errorf("level cells %q, want S!C2022", got)
	}
	// a cumulative total from amounts: every amount's cell.
	o = evaluateOne(t, p, "urban-new-jobs", 2023, obs(amt(2021, 3.1), amt(2022, 3.2), amt(2023, 3.0)))
	if got := sorted(o.Cells); got != "S!C2021 S!C2022 S!C2023" {
		t.Errorf("cumulative cells %q, want S!C2021 S!C2022 S!C2023", got)
	}
	// a bracketed total of the year: its cell.
	o = evaluateOne(t, p, "urban-new-jobs", 2023, obs(amt(2021, 3.1), amt(2022, 3.2), tot(2023, 9.4)))
	if got := sorted(o.Cells); got != "S!C2023" {
		t.Errorf("bracketed total cells %q, want S!C2023", got)
	}
}

// TestApproximate: an outcome is approximate when a value its actual came
// from was written as approximate or provisional (约72, 72（快报）), and only
// then: a level's value of the year, any amount a cumulative total adds up
// or the bracketed total it starts from, a ratio; not a value of another
// year, which only the projection uses.
func TestApproximate(t *testing.T) {
	p14, p13 := testPlan(t, "14th"), testPlan(t, "13th")
	approx := func(o evaluate.Observation) evaluate.Observation { o.Approximate = true; return o }
	cases := []struct {
		name string
		p    *plan.Plan
		id   string
		year int
		obs  []evaluate.Observation
		want bool
	}{
		{"level, plain", p14, "work-injury-insurance-enrolment", 2022, obs(amt(2021, 42.5), amt(2022, 43.2)), false},
		{"level, approximate", p14, "work-injury-insurance-enrolment", 2022, obs(amt(2021, 42.5), approx(amt(2022, 43.2))), true},
		{"level, an earlier year approximate", p14, "work-injury-insurance-enrolment", 2022, obs(approx(amt(2021, 42.5)), amt(2022, 43.2)), false},
		{"level, no value this year", p14, "work-injury-insurance-enrolment", 2022, obs(approx(amt(2021, 42.5))), false},
		{"cumulative, an approximate amount added", p14, "urban-new-jobs", 2023, obs(amt(2021, 3.1), approx(amt(2022, 3.2)), amt(2023, 3.0)), true},
		{"cumulative, the approximate total it starts from", p14, "urban-new-jobs", 2023, obs(approx(tot(2022, 6.3)), amt(2023, 3.0)), true},
		{"cumulative, an approximate amount before the total", p14, "urban-new-jobs", 2023, obs(approx(amt(2021, 3.1)), tot(2022, 6.3), amt(2023, 3.0)), false},
		{"cumulative, plain", p14, "urban-new-jobs", 2023, obs(amt(2021, 3.1), amt(2022, 3.2), amt(2023, 3.0)), false},
		{"ratio, approximate", p13, "professional-title-ratio", 2020, obs(approx(parts(2020, "16:47:37", 16, 47, 37))), true},
	}
	for _, c := range cases {
		o := evaluateOne(t, c.p, c.id, c.year, c.obs)
		if o.Approximate != c.want {
			t.Errorf("%s: approximate %v, want %v (status %s)", c.name, o.Approximate, c.want, o.Status)
		}
	}
}

// TestKeyProjects judges the target shapes the key-project boxes of the 十四五
// plan print (jlp-hrss-14th@2, 专栏3–专栏8): ranges of things to build over the
// period, minimums, levels to reach by the end, levels to keep. 2023: f = 0.6.
func TestKeyProjects(t *testing.T) {
	P, C := plan.Path, plan.Control
	cases := []evalCase{
		{"postdoctoral workstations [5—10]: 2 + 1", "14th-v2", "new-postdoctoral-workstations", 2023, obs(amt(2021, 2), amt(2022, 0), amt(2023, 1)),
			// a range is a target of its lower end: X = 5; total 3; R = 5 × 0.6 = 3;
			// p = 3/5 = 0.6; r = 1 → on track.
			want{status: evaluate.OnTrack, judge: P, f: 0.6, actual: num(3), target: num(5), required: num(3), progress: num(0.6), ratio: num(1), reason: []string{"[3]", "[5]"}}},
		{"postdoctoral workstations [5—10]: [6] by 2023", "14th-v2", "new-postdoctoral-workstations", 2023, obs(tot(2023, 6)),
			// 6 ≥ 5, the lower end, before E → achieved (提前完成).
			want{status: evaluate.Achieved, judge: P, f: 0.6, actual: num(6), target: num(5), required: num(3), progress: num(1.2), ratio: num(2), reason: []string{"6"}}},
		{"new enterprises served ≥[500]: [250]", "14th-v2", "new-enterprises-served", 2023, obs(tot(2023, 250)),
			// a bounded cumulative minimum is a path to 500: R = 300; p = 0.5; r = 0.833 → lagging.
			want{status: evaluate.Lagging, judge: P, f: 0.6, actual: num(250), target: num(500), required: num(300), progress: num(0.5), ratio: num(0.833333), reason: []string{"250", "500"}}},
		{"new enterprises served ≥[500]: [500] in 2025", "14th-v2", "new-enterprises-served", 2025, obs(tot(2025, 500)),
			// 500 ≥ 500 (≥ accepts equality) in E → achieved (完成).
			want{status: evaluate.Achieved, judge: P, f: 1, actual: num(500), target: num(500), required: num(500), progress: num(1), ratio: num(1), reason: []string{"500"}}},
		{"mediators ≥15 by the end: 12 in 2023", "14th-v2", "mediators", 2023, obs(amt(2023, 12)),
			// judge: path (the plan's), no baseline: judged against 15 alone; 12 < 15 before E → lagging.
			want{status: evaluate.Lagging, judge: P, f: 0.6, actual: num(12), target: num(15), reason: []string{"12", "15"}}},
		{"mediators ≥15 by the end: 16 in 2023", "14th-v2", "mediators", 2023, obs(amt(2023, 16)),
			// 16 ≥ 15 before E → achieved (提前完成), not merely on track.
			want{status: evaluate.Achieved, judge: P, f: 0.6, actual: num(16), target: num(15), reason: []string{"16", "15"}}},
		{"monitored employers 20—30: 25", "14th-v2", "monitored-large-employers", 2023, obs(amt(2023, 25)),
			// judge: control, the lower end 20: 25 ≥ 20 before E → on track.
			want{status: evaluate.OnTrack, judge: C, f: 0.6, actual: num(25), target: num(20), reason: []string{"25", "20"}}},
		{"monitored employers 20—30: 18 in 2025", "14th-v2", "monitored-large-employers", 2025, obs(amt(2025, 18)),
			// 18 < 20 in E → not achieved.
			want{status: evaluate.NotAchieved, judge: C, f: 1, actual: num(18), target: num(20), reason: []string{"18", "20"}}},
		{"demo arbitration court 1: 0 in 2023", "14th-v2", "municipal-demo-arbitration-court", 2023, obs(amt(2023, 0)),
			// a level to reach, no baseline (path): 0 < 1 before E → lagging.
			want{status: evaluate.Lagging, judge: P, f: 0.6, actual: num(0), target: num(1), reason: []string{"0", "1"}}},
		{"work-injury coverage >95: 96", "14th-v2", "work-injury-insurance-coverage", 2023, obs(amt(2023, 96)),
			// a bound with no baseline is control: 96 > 95 → on track.
			want{status: evaluate.OnTrack, judge: C, f: 0.6, actual: num(96), target: num(95), reason: []string{"96", "95"}}},
	}
	runEvalCases(t, cases)
}
