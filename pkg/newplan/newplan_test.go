package newplan

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/expr"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// seedText is the seed document as pasted from its PDF.
func seedText(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "jiulongpo-hrss-14th-plan.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// zhuanlan2 is 专栏2 of the seed as it stands there, from its caption to its
// 注： line: header words split by spaces, row 11 wrapped over a page break
// where the header is printed again, the header again before 四、人才队伍.
func zhuanlan2(t *testing.T) string {
	t.Helper()
	text := seedText(t)
	start := strings.Index(text, "专栏2 “十四五”时期主要指标")
	end := strings.Index(text, "注：[]内为五年累计值")
	if start < 0 || end < start {
		t.Fatal("专栏2 not found in the seed")
	}
	return text[start : end+len("注：[]内为五年累计值")+1]
}

func shipped14th(t *testing.T) *plan.Plan { return shipped(t, "jlp-hrss-14th.v1.yaml") }

func shipped(t *testing.T, name string) *plan.Plan {
	t.Helper()
	data, err := plan.ReadEmbedded(name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Load(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func make14th(t *testing.T, text, caption string) (*Table, *Result) {
	t.Helper()
	tab, err := Parse(SplitText(text), caption)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Make(tab, Options{ID: "jlp-hrss-14th", Lang: msg.Chinese})
	if err != nil {
		t.Fatal(err)
	}
	return tab, res
}

// fill replaces each placeholder line's "?" with the direction of the
// indicator of the same position in want, as a user would.
func fill(t *testing.T, res *Result, want *plan.Plan) []byte {
	t.Helper()
	lines := strings.Split(string(res.YAML), "\n")
	byName := map[string]*plan.Indicator{}
	for _, ind := range want.Indicators() {
		byName[ind.Name] = ind
	}
	for _, ph := range res.Placeholders {
		ind := byName[ph.Name]
		if ind == nil || len(ind.Better) == 0 {
			t.Fatalf("placeholder for %q: no such indicator with a direction in the shipped plan", ph.Name)
		}
		l := lines[ph.Line-1]
		if !strings.HasPrefix(l[ph.Col-1:], `"?"`) && !strings.HasPrefix(l[ph.Col-1:], `["?"`) {
			t.Fatalf("line %d col %d is not a placeholder: %q", ph.Line, ph.Col, l)
		}
		dirs := make([]string, len(ind.Better))
		for i, d := range ind.Better {
			dirs[i] = d.String()
		}
		value := dirs[0]
		if ind.Target.Kind == expr.Ratio {
			value = "[" + strings.Join(dirs, ", ") + "]"
		}
		lines[ph.Line-1] = l[:ph.Col-1] + value
	}
	return []byte(strings.Join(lines, "\n"))
}

// TestSeedZhuanlan2 is issue 12's first test: new-plan on 专栏2 as pasted in
// the seed gives the shipped version 1's printed fields — group, name, unit,
// baseline, target (the print where the shipped plan follows the prose:
// #16 prints <[1700]), attribute, 专栏 number — and, its placeholders
// filled, a plan validate accepts. Only the ids, the title and the
// shipped plan's own notes and aliases differ.
func TestSeedZhuanlan2(t *testing.T) {
	want := shipped14th(t)
	for name, tc := range map[string]struct{ text, caption string }{
		"pasted table":            {zhuanlan2(t), ""},
		"whole document, --table": {seedText(t), "专栏2"},
	} {
		t.Run(name, func(t *testing.T) {
			tab, res := make14th(t, tc.text, tc.caption)
			if tab.Caption != "专栏2 “十四五”时期主要指标" {
				t.Errorf("caption %q", tab.Caption)
			}
			// As made, the plan's only problems are its placeholders,
			// each at the line and column new-plan names.
			_, err := plan.Load("new.yaml", res.YAML)
			var problems plan.Problems
			if !errors.As(err, &problems) {
				t.Fatalf("the plan as made loads without its placeholders being rejected: %v", err)
			}
			if len(problems) != len(res.Placeholders) {
				t.Fatalf("%d problems for %d placeholders:\n%s", len(problems), len(res.Placeholders), problems.Text(msg.English))
			}
			for i, p := range problems {
				ph := res.Placeholders[i]
				if p.Msg.Key != "plan.better-placeholder" || p.Line != ph.Line || p.Col != ph.Col {
					t.Errorf("problem %s, want the placeholder at %d:%d", p, ph.Line, ph.Col)
				}
			}
			// Where the shipped plan writes better, new-plan has a
			// placeholder; where it leaves better to the target, so does
			// new-plan (12 of 23).
			if len(res.Placeholders) != 12 {
				t.Errorf("%d placeholders, want 12 (the plain levels 5, 6, 8–11, 13–15, 21–23)", len(res.Placeholders))
			}

			got, err := plan.Load("new.yaml", fill(t, res, want))
			if err != nil {
				t.Fatalf("filled in, the plan is not valid:\n%v", err)
			}
			if got.Period != want.Period || got.BaselineYear != want.BaselineYear {
				t.Errorf("period %v baseline year %d, want %v %d", got.Period, got.BaselineYear, want.Period, want.BaselineYear)
			}
			if got.Note != "注：[]内为五年累计值" {
				t.Errorf("note %q", got.Note)
			}
			gi, wi := got.Indicators(), want.Indicators()
			if len(gi) != len(wi) {
				t.Fatalf("%d indicators, want %d", len(gi), len(wi))
			}
			for i := range wi {
				g, w := gi[i], wi[i]
				type fields struct{ group, name, unit, baseline, target, attribute, source string }
				gf := fields{g.Group, g.Name, g.Unit, g.Baseline.Text, g.Target.Text, g.Attribute.String(), g.Source}
				wf := fields{w.Group, w.Name, w.Unit, w.Baseline.Text, w.Target.Text, w.Attribute.String(), w.Source}
				if w.Printed != "" {
					wf.target = w.Printed
				}
				if gf != wf {
					t.Errorf("#%d:\n got %+v\nwant %+v", i+1, gf, wf)
				}
				if g.ID != fmt.Sprintf("ind-%02d", i+1) {
					t.Errorf("#%d: id %q", i+1, g.ID)
				}
				if len(g.Better) != 1 || len(w.Better) != 1 || g.Better[0] != w.Better[0] && w.Printed == "" {
					t.Errorf("#%d: better %v, want %v", i+1, g.Better, w.Better)
				}
			}
		})
	}
}

// TestSameInputSameOutput: the ids, and every byte, depend on the input
// alone.
func TestSameInputSameOutput(t *testing.T) {
	_, a := make14th(t, zhuanlan2(t), "")
	_, b := make14th(t, zhuanlan2(t), "")
	if string(a.YAML) != string(b.YAML) {
		t.Error("two runs on the same input differ")
	}
}

// TestSeedZhuanlan1: the whole seed pasted, the first table is 专栏1 (项目 |
// “十三五”目标 | 2020年实际值 | 完成情况: the actuals and status columns not
// read), its period from “十三五”, its ratio target given a placeholder per
// component; filled in, its names, units and targets are the shipped
// jlp-hrss-13th's.
func TestSeedZhuanlan1(t *testing.T) {
	want := shipped(t, "jlp-hrss-13th.v1.yaml")
	tab, err := Parse(SplitText(seedText(t)), "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Make(tab, Options{ID: want.ID, Lang: msg.Chinese})
	if err != nil {
		t.Fatal(err)
	}
	if res.Start != 2016 || res.End != 2020 || res.PeriodFrom == nil || res.PeriodFrom.Key != "newplan.period-fyp" {
		t.Errorf("period %d—%d from %v", res.Start, res.End, res.PeriodFrom)
	}
	if !strings.Contains(string(res.YAML), `better: ["?", "?", "?"]  # up 或 down`) {
		t.Error("no placeholder per component for the ratio 15:45:40")
	}
	got, err := plan.Load("zl1.yaml", fill(t, res, want))
	if err != nil {
		t.Fatalf("filled in, not valid:\n%v", err)
	}
	gi, wi := got.Indicators(), want.Indicators()
	if len(gi) != len(wi) {
		t.Fatalf("%d indicators, want %d", len(gi), len(wi))
	}
	for i := range wi {
		g, w := gi[i], wi[i]
		gf := strings.Join([]string{g.Group, g.Name, g.Unit, g.Target.Text, g.Source}, "|")
		wf := strings.Join([]string{w.Group, w.Name, w.Unit, w.Target.Text, w.Source}, "|")
		if gf != wf {
			t.Errorf("#%d:\n got %s\nwant %s", i+1, gf, wf)
		}
	}
}
