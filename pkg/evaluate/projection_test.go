package evaluate_test

// Projection (预计), spec §4: beside the status, never instead of it.
//   - level and rate indicators: the least-squares line through the values of the
//     period years with data (up to the evaluation year) plus the baseline at
//     S − 1 where the baseline is a number (a plain number or "83 左右"; not a
//     bound such as ">60", not a bracket), read at E; at least two points, else
//     no projection;
//   - cumulative: total so far + the mean annual amount so far × the years left,
//     which is total / f;
//   - the projected final value is judged against the final target (with the
//     target's strictness, compared at 9 decimals): will-meet or at-risk;
//   - no projection in the final year, and none for a ratio.
//
// For points (x_i, y_i) the line is ȳ + b·(x − x̄) with
// b = Σ(x_i − x̄)(y_i − ȳ) / Σ(x_i − x̄)².

import (
	"math"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
)

func TestProjection(t *testing.T) {
	type proj struct {
		value  float64
		status evaluate.ProjectionStatus
	}
	cases := []struct {
		name   string
		plan   string
		id     string
		year   int
		values []evaluate.Observation
		status evaluate.Status // the status beside it, so a projection never replaces it
		want   *proj           // nil: no projection
	}{
		{"level with a numeric baseline: at-risk", "14th", "work-injury-insurance-enrolment", 2022,
			obs(amt(2021, 42.5), amt(2022, 43.2)),
			// points (2020, 42), (2021, 42.5), (2022, 43.2): x̄ = 2021, ȳ = 127.7 / 3 = 42.566667;
			// b = [(−1)(42 − 42.566667) + 0 + (1)(43.2 − 42.566667)] / (1 + 0 + 1)
			//   = (0.566667 + 0.633333) / 2 = 1.2 / 2 = 0.6;
			// at 2025: 42.566667 + 0.6·4 = (127.7 + 7.2) / 3 = 134.9 / 3 = 44.966667 < 45 → at-risk.
			// Status: R = 42 + 3·0.4 = 43.2, p = 1.2 / 3 = 0.4, r = 1.0 → on-track.
			evaluate.OnTrack, &proj{134.9 / 3, evaluate.AtRisk}},
		{"level with a numeric baseline: will-meet", "14th", "work-injury-insurance-enrolment", 2022,
			obs(amt(2021, 42.8), amt(2022, 43.6)),
			// points (2020, 42), (2021, 42.8), (2022, 43.6): ȳ = 128.4 / 3 = 42.8;
			// b = (0.8 + 0.8) / 2 = 0.8; at 2025: 42.8 + 0.8·4 = 46 ≥ 45 → will-meet.
			// Status: p = 1.6 / 3 = 0.533333, r = 1.333333 → ahead.
			evaluate.Ahead, &proj{46, evaluate.WillMeet}},
		{"level with a gap year: the line meets the target exactly", "14th", "work-injury-insurance-enrolment", 2023,
			obs(amt(2021, 42.6), amt(2023, 43.8)),
			// points (2020, 42), (2021, 42.6), (2023, 43.8); with u = x − 2020: u = 0, 1, 3,
			// ū = 4/3, ȳ = 128.4 / 3 = 42.8; Σ(u − ū)² = (16 + 1 + 25) / 9 = 14/3;
			// Σ(u − ū)(y − ȳ) = (−4/3)(−0.8) + (−1/3)(−0.2) + (5/3)(1.0) = 8.4 / 3 = 2.8;
			// b = 2.8 / (14/3) = 0.6; at 2025 (u = 5): 42.8 + 0.6·(5 − 4/3) = 42.8 + 2.2 = 45
			// ≥ 45 (plain target, equality accepted) → will-meet.
			// Status: R = 42 + 3·0.6 = 43.8, p = 0.6, r = 1.0 → on-track.
			evaluate.OnTrack, &proj{45, evaluate.WillMeet}},
		{"values after the evaluation year are not used", "14th", "work-injury-insurance-enrolment", 2022,
			obs(amt(2021, 42.5), amt(2022, 43.2), amt(2023, 50)),
			// evaluated for 2022, the 2023 value is the future: as the first case, 44.966667 → at-risk.
			evaluate.OnTrack, &proj{134.9 / 3, evaluate.AtRisk}},
		{"level without a numeric baseline (—)", "14th", "medical-services-online-availability", 2022,
			obs(amt(2021, 50), amt(2022, 60)),
			// points (2021, 50), (2022, 60): b = 10; at 2025: 60 + 10·3 = 90 ≥ 80 → will-meet.
			// Status: 60 < 80 before E → lagging.
			evaluate.Lagging, &proj{90, evaluate.WillMeet}},
		{"level without baseline, a year written as no value", "14th", "medical-services-online-availability", 2023,
			obs(amt(2021, 50), blank(2022), amt(2023, 70)),
			// only years with data: (2021, 50), (2023, 70): b = 20 / 2 = 10; at 2025: 70 + 20 = 90 → will-meet.
			evaluate.Lagging, &proj{90, evaluate.WillMeet}},
		{"a bound baseline (>60) is not a point", "14th", "cross-province-inpatient-settlement", 2022,
			obs(amt(2021, 64), amt(2022, 66)),
			// points (2021, 64), (2022, 66) only: b = 2; at 2025: 66 + 2·3 = 72 > 70 → will-meet.
			// (With (2020, 60) as a point the line would read 75.333 at 2025.)
			// Status: the baseline counts as 60 for the judgement: R = 60 + 10·0.4 = 64,
			// p = 6 / 10 = 0.6, r = 1.5 → ahead.
			evaluate.Ahead, &proj{72, evaluate.WillMeet}},
		{"an approximate baseline (83 左右) is a point", "14th", "employee-inpatient-reimbursement", 2021,
			obs(amt(2021, 83.2)),
			// points (2020, 83), (2021, 83.2): b = 0.2; at 2025: 83.2 + 0.2·4 = 84 < 85 → at-risk.
			// Status: f = 0.2, R = 83 + 2·0.2 = 83.4, p = 0.2 / 2 = 0.1, r = 0.5 → lagging.
			evaluate.Lagging, &proj{84, evaluate.AtRisk}},
		{"a control level going down", "14th", "surveyed-unemployment-rate", 2022,
			obs(amt(2021, 5.3), amt(2022, 5.2)),
			// points (2020, 5.5), (2021, 5.3), (2022, 5.2): ȳ = 16 / 3 = 5.333333;
			// b = [(−1)(5.5 − 5.333333) + (1)(5.2 − 5.333333)] / 2 = (−0.166667 − 0.133333) / 2 = −0.15;
			// at 2025: 16/3 − 0.15·4 = (16 − 1.8) / 3 = 14.2 / 3 = 4.733333 < 5.5 → will-meet.
			// Status: 5.2 < 5.5 → on-track.
			evaluate.OnTrack, &proj{14.2 / 3, evaluate.WillMeet}},
		{"a strict bound projected exactly onto it", "14th", "labour-dispute-mediation-success-rate", 2021,
			obs(amt(2021, 47.792)),
			// points (2020, 44.74), (2021, 47.792): b = 3.052; at 2025: 44.74 + 3.052·5 = 60,
			// and 60 > 60 is false → at-risk.
			// Status: R = 44.74 + 15.26·0.2 = 47.792, p = 3.052 / 15.26 = 0.2, r = 1.0 → on-track.
			evaluate.OnTrack, &proj{60, evaluate.AtRisk}},
		{"one point and no numeric baseline: none", "14th", "medical-services-online-availability", 2021,
			obs(amt(2021, 50)),
			// a single point (2021, 50) makes no line.
			evaluate.Lagging, nil},
		{"the final year: none", "14th", "work-injury-insurance-enrolment", 2025,
			obs(amt(2021, 42.6), amt(2022, 43.2), amt(2023, 43.8), amt(2024, 44.4), amt(2025, 45)),
			// in E the final value is the actual itself; 45 ≥ 45 → achieved, no projection.
			evaluate.Achieved, nil},
		{"a ratio: none", "13th", "professional-title-ratio", 2018,
			obs(parts(2017, "15:46:39", 15, 46, 39), parts(2018, "16:47:37", 16, 47, 37)),
			evaluate.OnTrack, nil},
		{"cumulative from amounts: will-meet", "14th", "urban-new-jobs", 2022,
			obs(amt(2021, 3.1), amt(2022, 3.2)),
			// total 6.3, mean 6.3 / 2 = 3.15, 2025 − 2022 = 3 years left:
			// 6.3 + 3.15·3 = 15.75 (= 6.3 / 0.4) ≥ 15 → will-meet.
			// Status: R = 6, p = 0.42, r = 1.05 → on-track.
			evaluate.OnTrack, &proj{15.75, evaluate.WillMeet}},
		{"cumulative from amounts: at-risk", "14th", "urban-new-jobs", 2022,
			obs(amt(2021, 2.5), amt(2022, 2.5)),
			// total 5, mean 2.5, 3 years left: 5 + 7.5 = 12.5 < 15 → at-risk.
			// Status: p = 5 / 15 = 0.333333, r = 0.833333 → lagging.
			evaluate.Lagging, &proj{12.5, evaluate.AtRisk}},
		{"cumulative from a bracketed total", "14th", "urban-new-jobs", 2022,
			obs(tot(2022, 6.3)),
			// total [6.3] through 2022: mean 6.3 / 2 = 3.15; 6.3 + 3.15·3 = 15.75 → will-meet.
			evaluate.OnTrack, &proj{15.75, evaluate.WillMeet}},
		{"cumulative in 2023", "14th", "urban-new-jobs", 2023,
			obs(amt(2021, 3.1), amt(2022, 3.2), amt(2023, 3.0)),
			// total 9.3, mean 3.1, 2 years left: 9.3 + 6.2 = 15.5 (= 9.3 / 0.6) → will-meet.
			evaluate.OnTrack, &proj{15.5, evaluate.WillMeet}},
		{"cumulative projected exactly onto the target", "14th", "urban-new-jobs", 2022,
			obs(tot(2022, 6)),
			// 6 + 3·3 = 15 ≥ 15 (cumulative accepts equality) → will-meet.
			evaluate.OnTrack, &proj{15, evaluate.WillMeet}},
		{"cumulative ceiling <[100] heading over it", "test", "ceiling", 2022,
			obs(amt(2021, 30), amt(2022, 30)),
			// total 60, mean 30, 3 years left: 60 + 90 = 150, and 150 < 100 is false → at-risk.
			// Status: 60 < 100 so far → on-track (control).
			evaluate.OnTrack, &proj{150, evaluate.AtRisk}},
		{"cumulative ceiling <[100] staying within it", "test", "ceiling", 2022,
			obs(amt(2021, 10), amt(2022, 20)),
			// total 30, mean 15, 3 years left: 30 + 45 = 75 < 100 → will-meet.
			evaluate.OnTrack, &proj{75, evaluate.WillMeet}},
		{"cumulative in the final year: none", "14th", "urban-new-jobs", 2025,
			obs(tot(2025, 16)),
			evaluate.Achieved, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := testPlan(t, c.plan)
			o := evaluateOne(t, p, c.id, c.year, c.values)
			if o.Status != c.status {
				t.Errorf("status = %q, want %q (reason: %s)", o.Status, c.status, o.Reason)
			}
			switch {
			case c.want == nil && o.Projection != nil:
				t.Errorf("projection = %+v, want none", *o.Projection)
			case c.want != nil && o.Projection == nil:
				t.Errorf("no projection, want %v %s", c.want.value, c.want.status)
			case c.want != nil:
				got := o.Projection
				if math.Abs(got.Value-c.want.value) > tol {
					t.Errorf("projected value = %.12g, want %.12g", got.Value, c.want.value)
				}
				if got.Status != c.want.status {
					t.Errorf("projection status = %q, want %q (value %.12g)", got.Status, c.want.status, got.Value)
				}
				if strings.TrimSpace(got.Method) == "" {
					t.Errorf("projection method is empty; the output must name it")
				}
			}
		})
	}
}

// TestProjectionMethodRounded: the method names the mean annual amount as
// values are shown, not with nine decimals. 新增高级职称专业技术人才数量 (<[1700],
// precision 0) with 350 + 360 + 350 = 1060 by 2023: mean 1060 / 3 =
// 353.333…, shown with two decimals (the precision or two, whichever is
// more); the value projected from it is not rounded: 1060 + 2 × 353.333… =
// 1766.666667.
func TestProjectionMethodRounded(t *testing.T) {
	p := testPlan(t, "14th")
	o := evaluateOne(t, p, "new-senior-title-professionals", 2023, obs(amt(2021, 350), amt(2022, 360), amt(2023, 350)))
	if o.Projection == nil {
		t.Fatal("no projection")
	}
	if want := "total so far + mean annual amount 353.33 × 2 years left"; o.Projection.Method != want {
		t.Errorf("method = %q, want %q", o.Projection.Method, want)
	}
	if want := 1060 + 2*1060.0/3; math.Abs(o.Projection.Value-want) > tol {
		t.Errorf("projected value = %.12g, want %.12g", o.Projection.Value, want)
	}
}
