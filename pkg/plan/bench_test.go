package plan_test

import (
	"os"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// BenchmarkLoad14th loads and validates the 23-indicator 十四五 plan.
func BenchmarkLoad14th(b *testing.B) {
	data, err := os.ReadFile("../../plans/jlp-hrss-14th.v1.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := plan.Load("jlp-hrss-14th.v1.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
}
