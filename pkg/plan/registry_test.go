package plan_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jlp-hrss/plancheck/pkg/plan"
)

func planFile(id string, version int, target string) string {
	return strings.NewReplacer("test-plan", id, "version: 1", "version: "+string(rune('0'+version))).Replace(header) +
		"      - id: x\n        name: n\n        unit: \"%\"\n        target: \"" + target + "\"\n"
}

func testRegistry(t *testing.T) *plan.Registry {
	t.Helper()
	reg, err := plan.LoadFS(fstest.MapFS{
		"a.v1.yaml": {Data: []byte(planFile("a", 1, ">90"))},
		"a.v2.yaml": {Data: []byte(planFile("a", 2, ">95"))},
		"b.v1.yaml": {Data: []byte(planFile("b", 1, ">50"))},
	}, "plans")
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

func TestResolve(t *testing.T) {
	reg := testRegistry(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "mine.yaml")
	if err := os.WriteFile(file, []byte(planFile("mine", 3, ">1")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		ref, want string // want: the plan's ref and its target, or the error
	}{
		{"a", "a@2 >95"}, // the newest version
		{"a@1", "a@1 >90"},
		{"a@2", "a@2 >95"},
		{"b", "b@1 >50"},
		{file, "mine@3 >1"},
		{"c", `unknown plan "c" (known: a, b)`},
		{"a@3", "unknown plan: a has no version 3 (versions: 1, 2)"},
		{"a@x", `bad plan reference "a@x": the version after @ must be a whole number from 1`},
		{"a@0", `bad plan reference "a@0": the version after @ must be a whole number from 1`},
		{"", "empty plan reference"},
		{filepath.Join(dir, "none.yaml"), "read plan: open " + filepath.Join(dir, "none.yaml") + ": no such file or directory"},
	} {
		p, err := reg.Resolve(c.ref)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = p.Ref() + " " + p.Indicators()[0].Target.Text
		}
		if got != c.want {
			t.Errorf("Resolve(%q) = %q, want %q", c.ref, got, c.want)
		}
	}
	if _, err := reg.Resolve("c"); !errors.Is(err, plan.ErrUnknownPlan) {
		t.Errorf("unknown id: %v is not ErrUnknownPlan", err)
	}
}

func TestIsFileRef(t *testing.T) {
	for ref, want := range map[string]bool{
		"jlp-hrss-14th": false, "jlp-hrss-14th@1": false, "plan.yaml": true, "plan.YML": true,
		"./plan": true, `dir\plan`: true, "dir/plan.txt": true,
	} {
		if plan.IsFileRef(ref) != want {
			t.Errorf("IsFileRef(%q) = %v", ref, !want)
		}
	}
}

func TestLoadFSNamesAndDuplicates(t *testing.T) {
	_, err := plan.LoadFS(fstest.MapFS{"wrong.yaml": {Data: []byte(planFile("a", 1, ">1"))}}, "plans")
	if err == nil || err.Error() != "plans/wrong.yaml holds a@1, so it must be named a.v1.yaml" {
		t.Errorf("misnamed file: %v", err)
	}
	_, err = plan.LoadFS(fstest.MapFS{"a.v1.yaml": {Data: []byte(planFile("a", 1, "≥≥1"))}}, "plans")
	if err == nil || !strings.Contains(err.Error(), `plans/a.v1.yaml:13:17: indicator "x" (n) target: bad expression "≥≥1": two operators`) {
		t.Errorf("invalid file: %v", err)
	}
	a, _ := plan.Load("one.yaml", []byte(planFile("a", 1, ">1")))
	b, _ := plan.Load("two.yaml", []byte(planFile("a", 1, ">2")))
	if _, err := plan.NewRegistry(a, b); err == nil || err.Error() != "one.yaml and two.yaml are both a@1" {
		t.Errorf("duplicate: %v", err)
	}
}

func TestEmbedded(t *testing.T) {
	reg, err := plan.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(reg.IDs(), " "); got != "jlp-hrss-13th jlp-hrss-14th" {
		t.Errorf("embedded ids %q", got)
	}
	files, err := plan.EmbeddedFiles()
	if err != nil || strings.Join(files, " ") != "plans/jlp-hrss-13th.v1.yaml plans/jlp-hrss-14th.v1.yaml plans/jlp-hrss-14th.v2.yaml" {
		t.Errorf("embedded files %v %v", files, err)
	}
	// An id alone is its newest version: the whole 十四五 plan; version 1
	// (专栏2 alone) stays loadable by its number.
	for ref, want := range map[string]string{"jlp-hrss-14th": "jlp-hrss-14th@2", "jlp-hrss-14th@1": "jlp-hrss-14th@1", "jlp-hrss-13th": "jlp-hrss-13th@1"} {
		if p, err := reg.Resolve(ref); err != nil || p.Ref() != want {
			t.Errorf("Resolve(%s): %v %v, want %s", ref, p, err, want)
		}
	}
}

func TestUnits(t *testing.T) {
	for _, c := range []struct {
		v        float64
		from, to string
		want     float64
		ok       bool
	}{
		{4.02, "万人", "人", 40200, true},
		{1700, "人", "万人", 0.17, true},
		{3, "亿元", "万元", 30000, true},
		{12, "万人次", "人次", 120000, true},
		{5, "％", "%", 5, true},
		{5, "个", "家", 0, false}, // different things
		{5, "人", "人次", 0, false},
		{5, "头", "人", 0, false},   // an unknown unit matches only itself
		{5, "头", "头", 5, true},    // … and that
		{5, "标准亩", "亩", 0, false}, // not a family plancheck knows
		{2, "公顷", "平方米", 20000, true},
		{3, "平方公里", "公顷", 300, true},   // 3 × 1e6 / 1e4
		{1.5, "万平方米", "公顷", 1.5, true}, // both 1e4 m²
		{5, "亩", "平方米", 0, false},      // 666.67 m²: not exact
		{2.5, "公里", "米", 2500, true},
		{3, "万吨", "吨", 30000, true},
		{1500, "千克", "吨", 1.5, true},
		{4, "万千瓦", "千瓦", 40000, true},
		{2, "亿人", "万人", 20000, true},
		{5, "名", "人", 0, false}, // kept apart (decisions.md, "Open units")
		{5, "‰", "%", 0, false}, // a rate per mille is not a percent
		{0.3, "万名", "名", 3000, true},
		{20, "场次", "次", 0, false}, // events held are not times
	} {
		got, ok := plan.ConvertUnit(c.v, c.from, c.to)
		if ok != c.ok || (ok && abs(got-c.want) > 1e-9) {
			t.Errorf("ConvertUnit(%v, %s, %s) = %v, %v", c.v, c.from, c.to, got, ok)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
