package textout

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// TestAppendIndicator: the hand encoder of an indicator writes the bytes
// encoding/json writes, indented at any depth, for every kind of value:
// nulls, numbers of every size and sign, strings with quotes, control
// characters, line separators and invalid UTF-8, ratios' text actuals,
// projections, empty and absent cell lists, the approximate flag set and
// left out.
func TestAppendIndicator(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	strs := []string{"", "城镇新增就业人数", `say "hi"\`, "a\nb\tc\r\b\f\x00\x1f", "\u2028\u2029", "bad \xff\xfe utf8",
		"<&>", "（42.6 − 41.6）÷（43.6 − 41.6）", "16:47:37", "=cmd|' /C calc'!A0"}
	nums := []float64{0, 1, -1, 0.1, 96.15, 1e-7, -1e-7, 1.5e-9, 1e21, 123456789012345678901234.0, 1e20, 0.000001,
		math.SmallestNonzeroFloat64, math.MaxFloat64, math.Copysign(0, -1), 113.71, 2.0 / 3}
	pick := func() string { return strs[rng.IntN(len(strs))] }
	num := func() *float64 {
		if rng.IntN(4) == 0 {
			return nil
		}
		v := nums[rng.IntN(len(nums))]
		return &v
	}
	for i := range 2000 {
		ij := indicatorJSON{Entity: pick(), ID: pick(), Name: pick(), Group: pick(), Unit: pick(), Attribute: pick(),
			Judge: pick(), Baseline: num(), Target: num(), Printed: pick(), Required: num(), Progress: num(), Ratio: num(),
			Status: pick(), Label: pick(), Reason: pick(), Approximate: rng.IntN(3) == 0}
		switch rng.IntN(3) {
		case 0:
			ij.Actual = pick()
		case 1:
			if v := num(); v != nil {
				ij.Actual = *v
			}
		}
		if rng.IntN(2) == 0 {
			v := num()
			if v == nil {
				v = new(float64)
			}
			ij.Projection = &projectionJSON{*v, pick(), pick()}
		}
		switch rng.IntN(3) {
		case 0:
			ij.Cells = []string{}
		case 1:
			ij.Cells = []string{pick(), pick()}
		}
		prefix := []string{"", "  ", "    "}[i%3]
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent(prefix, "  ")
		if err := enc.Encode(ij); err != nil {
			t.Fatal(err)
		}
		got := appendIndicator(nil, &ij, prefix)
		if !bytes.Equal(got, bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
			t.Fatalf("case %d:\ngot  %s\nwant %s", i, got, want.Bytes())
		}
	}
}

// TestJSONStreamedAsEncoder: the result written piece by piece is, byte for
// byte, what json.Encoder (two-space indent, no HTML escaping) writes for the
// whole result as one value: one evaluation as an object, several as an
// array; several reporting units with their own not-reported lists and
// summaries; an audit and warnings; an empty result.
func TestJSONStreamedAsEncoder(t *testing.T) {
	p, err := plan.Resolve("jlp-hrss-14th@1")
	if err != nil {
		t.Fatal(err)
	}
	judge := func(entity string, obs map[string][]evaluate.Observation) pipeline.EntityEvaluation {
		outcomes, err := evaluate.Evaluate(evaluate.Input{Plan: p, Year: 2023, Entity: entity, Values: obs})
		if err != nil {
			t.Fatal(err)
		}
		en := pipeline.EntityEvaluation{Entity: entity, Outcomes: outcomes}
		for _, ind := range p.Indicators() {
			if _, ok := obs[ind.ID]; !ok {
				en.NotReported = append(en.NotReported, ind)
			}
		}
		return en
	}
	a := judge("九龙坡区", map[string][]evaluate.Observation{
		"urban-new-jobs":             {{Year: 2023, Kind: evaluate.Total, Number: 9.4, Cell: "S!D2"}},
		"surveyed-unemployment-rate": {{Year: 2023, Kind: evaluate.Amount, Number: 5.2, Cell: "S!D3"}, {Year: 2022, Kind: evaluate.Amount, Number: 5.3, Cell: "S!D9"}},
	})
	b := judge("渝中区<&>", map[string][]evaluate.Observation{
		"urban-new-jobs": {{Year: 2023, Kind: evaluate.None, Cell: "S!D4"}},
	})
	audit := []pipeline.AuditEntry{{Entity: "九龙坡区", Disagreement: evaluate.Disagreement{Indicator: "urban-new-jobs",
		Cell: "S!E2", Written: "快于预期", WrittenStatus: evaluate.Ahead, Computed: evaluate.OnTrack}}}
	multi := pipeline.NewEvaluation(p, "long.xlsx", "ab", 2023, []pipeline.EntityEvaluation{a, b}, audit, []string{"long.xlsx: S!A9: \"x\"\n"})
	single := pipeline.NewEvaluation(p, "one.xlsx", "cd", 2023, []pipeline.EntityEvaluation{judge("", nil)}, nil, nil)
	for _, evals := range [][]*pipeline.Evaluation{{multi}, {single}, {multi, single}} {
		var got bytes.Buffer
		if err := JSON(&got, evals, report.English); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if len(evals) == 1 {
			var r resultJSON
			if err := json.Unmarshal(got.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			err = enc.Encode(r)
		} else {
			var r []resultJSON
			if err := json.Unmarshal(got.Bytes(), &r); err != nil {
				t.Fatal(err)
			}
			err = enc.Encode(r)
		}
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%d evaluations: streamed JSON differs from the encoder's:\n%s\nwant\n%s", len(evals), got.Bytes(), want.Bytes())
		}
	}
}
