package textout_test

import (
	"bytes"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/report/internal/golden"
	"github.com/jlp-hrss/plancheck/pkg/report/textout"

	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// TestPlanTableGolden: the show tables of both seed plans. The golden files were
// read row by row against 专栏2 and 专栏1 of the seed.
func TestPlanTableGolden(t *testing.T) {
	t.Setenv("RUNEWIDTH_EASTASIAN", "")
	for _, c := range []struct {
		ref    string
		lang   report.Lang
		format textout.TableFormat
		file   string
	}{
		{"jlp-hrss-14th@1", report.Chinese, textout.Box, "show-14th.txt"},
		{"jlp-hrss-13th", report.Chinese, textout.Box, "show-13th.txt"},
		{"jlp-hrss-14th@1", report.English, textout.Markdown, "show-14th-en.md"},
		// the whole plan: 专栏2, then the key-project groups, read against
		// 第四节 and 专栏3–专栏8 (see pkg/plan's TestPlan14thV2Commitments)
		{"jlp-hrss-14th@2", report.Chinese, textout.Box, "show-14th-v2.txt"},
	} {
		var buf bytes.Buffer
		if err := textout.PlanTable(&buf, golden.Plan(t, c.ref), c.lang, c.format); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, c.file, buf.Bytes())
	}
}

func TestPlanListGolden(t *testing.T) {
	reg, err := plan.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := textout.PlanListJSON(&buf, reg.All()); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "plans.json", buf.Bytes())
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
