package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

var update = flag.Bool("update", false, "rewrite the golden files (read the diff before committing)")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
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

func embedded(t *testing.T, ref string) *plan.Plan {
	t.Helper()
	p, err := plan.Resolve(ref)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPlanTableGolden: the show tables of both seed plans. The golden files were
// read row by row against 专栏2 and 专栏1 of the seed.
func TestPlanTableGolden(t *testing.T) {
	t.Setenv("RUNEWIDTH_EASTASIAN", "")
	for _, c := range []struct {
		ref    string
		lang   report.Lang
		format report.TableFormat
		file   string
	}{
		{"jlp-hrss-14th", report.Chinese, report.Box, "show-14th.txt"},
		{"jlp-hrss-13th", report.Chinese, report.Box, "show-13th.txt"},
		{"jlp-hrss-14th", report.English, report.Markdown, "show-14th-en.md"},
	} {
		var buf bytes.Buffer
		if err := report.PlanTable(&buf, embedded(t, c.ref), c.lang, c.format); err != nil {
			t.Fatal(err)
		}
		golden(t, c.file, buf.Bytes())
	}
}

func TestPlanListGolden(t *testing.T) {
	reg, err := plan.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.PlanListJSON(&buf, reg.All()); err != nil {
		t.Fatal(err)
	}
	golden(t, "plans.json", buf.Bytes())
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]report.Lang{"zh": report.Chinese, "": report.Chinese, "en": report.English} {
		if got, err := report.ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := report.ParseLang("fr"); err == nil || err.Error() != `unknown language "fr" (want zh or en)` {
		t.Errorf("ParseLang(fr): %v", err)
	}
}
