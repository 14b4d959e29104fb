// Package golden compares test output with golden files, as goreleaser's
// internal/golden does: testdata/NAME next to the test, rewritten by
// `go test -update` (read the diff before committing it).
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/plan"
)

var update = flag.Bool("update", false, "rewrite the golden files (read the diff before committing)")

// Check compares got with testdata/name, or rewrites it under -update.
func Check(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

// Plan is the embedded plan ref ("jlp-hrss-14th", "jlp-hrss-13th@1").
func Plan(t testing.TB, ref string) *plan.Plan {
	t.Helper()
	p, err := plan.Resolve(ref)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
