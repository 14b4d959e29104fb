package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/cli"
)

var updateBaseline = flag.Bool("update-baseline", false, "rewrite testdata/baseline from the current outputs")

// baselineRuns are the runs whose every output byte is pinned: each script
// workbook and the sample workbook through every eval format and inspect,
// plus several files at once. The files in testdata/baseline were written by
// the code before the eval path became one streaming pipeline (commit
// e01361d), so a restructuring that changes any byte of any output fails here;
// a change of output that is meant must rewrite them (-update-baseline) and
// say why in its commit.
func baselineRuns(books []string) [][]string {
	var runs [][]string
	for _, b := range books {
		for _, f := range []string{"table", "markdown", "csv", "json"} {
			runs = append(runs, []string{"eval", "--format", f, b})
		}
		runs = append(runs,
			[]string{"eval", "--lenient", "--format", "json", b},
			[]string{"eval", "--fail-on", "any", "--lang", "en", b},
			[]string{"eval", "-o", "out.xlsx", b},
			[]string{"inspect", b},
			[]string{"inspect", "--format", "json", "--lenient", b},
		)
	}
	runs = append(runs,
		[]string{"eval", "--format", "json", "eval-2022.xlsx", "eval-2023.xlsx"},
		[]string{"eval", "--format", "csv", "eval-2023.xlsx", "eval-2022.xlsx", "long.xlsx"},
		[]string{"eval", "-o", "out.xlsx", "eval-2022.xlsx", "eval-2023.xlsx"},
		[]string{"eval", "--plan", "jlp-hrss-14th", "--year", "2022", "eval-2023.xlsx", "wide.xlsx"},
	)
	return runs
}

// TestOutputsUnchanged runs every baseline run and compares stdout, stderr,
// the exit status and, for -o, the written file's SHA-256 with the recorded
// ones.
func TestOutputsUnchanged(t *testing.T) {
	dir := buildScriptBooks(t)
	sample, err := os.ReadFile(filepath.Join("..", "..", "testdata", "2023.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "2023.xlsx"), sample, 0o644); err != nil {
		t.Fatal(err)
	}
	books := []string{"2023.xlsx"}
	for name := range scriptBooks {
		books = append(books, name)
	}
	slices.Sort(books)
	golden := filepath.Join(mustAbs(t, "testdata"), "baseline")
	t.Chdir(dir)
	for _, args := range baselineRuns(books) {
		name := strings.NewReplacer(" ", "_", "/", "_").Replace(strings.Join(args, " ")) + ".txt"
		os.Remove("out.xlsx")
		var stdout, stderr bytes.Buffer
		code := cli.Main(args, strings.NewReader(""), &stdout, &stderr)
		var got bytes.Buffer
		fmt.Fprintf(&got, "$ plancheck %s\nexit %d\n", strings.Join(args, " "), code)
		if out, err := os.ReadFile("out.xlsx"); err == nil {
			sum := sha256.Sum256(out)
			fmt.Fprintf(&got, "out.xlsx sha256 %s\n", hex.EncodeToString(sum[:]))
		}
		fmt.Fprintf(&got, "--- stdout\n%s--- stderr\n%s", stdout.String(), stderr.String())
		path := filepath.Join(golden, name)
		if *updateBaseline {
			if err := os.MkdirAll(golden, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v (run with -update-baseline to record it)", name, err)
			continue
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("plancheck %s: output differs from %s\n%s", strings.Join(args, " "), path, firstDiff(want, got.Bytes()))
		}
	}
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\nwant %q\n got %q", i+1, wl, gl)
		}
	}
	return "(no line differs)"
}
