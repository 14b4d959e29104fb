package report

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
)

// TestAppendIndicator: the hand encoder of an indicator writes the bytes
// encoding/json writes, indented at any depth, for every kind of value:
// nulls, numbers of every size and sign, strings with quotes, control
// characters, line separators and invalid UTF-8, ratios' text actuals,
// projections, empty and absent cell lists.
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
			Status: pick(), Label: pick(), Reason: pick()}
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
