package expr_test

import (
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/expr"
)

// BenchmarkParse parses one expression of each form.
func BenchmarkParse(b *testing.B) {
	forms := []string{"15", "[15]", "≥ 95", "<[1700]", "83 左右", "15:45:40", "2—3", "—", "４３．６"}
	for b.Loop() {
		for _, f := range forms {
			if _, err := expr.Parse(f); err != nil {
				b.Fatal(err)
			}
		}
	}
}
