package pipeline_test

import (
	"go/build"
	"strings"
	"testing"
)

// TestNoArrowToWriters: data flows one way (cli → pipeline → report). The
// pipeline and everything it imports from this module never import a writer
// or the command line, so a writer can change without touching how a
// workbook is judged.
func TestNoArrowToWriters(t *testing.T) {
	const module = "github.com/jlp-hrss/plancheck/"
	forbidden := []string{module + "pkg/report", module + "pkg/cli"}
	seen := map[string]bool{}
	var walk func(path, from string)
	walk = func(path, from string) {
		if seen[path] {
			return
		}
		seen[path] = true
		for _, f := range forbidden {
			if path == f || strings.HasPrefix(path, f+"/") {
				t.Errorf("%s imports %s", from, path)
			}
		}
		pkg, err := build.Import(path, ".", 0)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, imp := range pkg.Imports {
			if strings.HasPrefix(imp, module) {
				walk(imp, path)
			}
		}
	}
	walk(module+"pkg/pipeline", "")
	if !seen[module+"pkg/actuals"] || !seen[module+"pkg/evaluate"] {
		t.Fatalf("the walk missed the pipeline's own imports: %v", seen)
	}
}
