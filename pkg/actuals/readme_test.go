package actuals_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
)

// TestREADMEListsValueWords: the README's reading section names every word
// that means no value and every approximate word, as the reader has them.
func TestREADMEListsValueWords(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	section := func(title string) string {
		start := strings.Index(readme, "- **"+title+".**")
		if start < 0 {
			t.Fatalf("README has no %q item", title)
		}
		rest := readme[start+1:]
		if end := strings.Index(rest, "\n- **"); end >= 0 {
			rest = rest[:end]
		}
		return strings.Join(strings.Fields(rest), " ")
	}
	noValue := section("No value")
	for _, w := range actuals.NoValueWords {
		if !strings.Contains(noValue, "`"+w+"`") {
			t.Errorf("README's No value item does not list `%s`", w)
		}
	}
	approximate := section("Approximate values")
	for _, w := range append(append([]string{}, actuals.ApproximatePrefixes...), actuals.ApproximateSuffixes...) {
		if !strings.Contains(approximate, w) {
			t.Errorf("README's Approximate values item does not name %s", w)
		}
	}
}
