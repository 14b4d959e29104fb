package plan_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// FuzzLoad: no input makes the loader panic; every problem names the file and
// a line; a plan that loads has what validation promises.
func FuzzLoad(f *testing.F) {
	// The seeds hold every field of the format. (The fuzzer's progress line may
	// show 0 execs/sec for long stretches while it runs: golang/go#51484.)
	f.Add([]byte(header + `      - id: jobs
        name: 城镇新增就业人数
        unit: 万人
        baseline: "4.02"
        target: "[15]"
        attribute: 约束性
        aliases: [新增就业]
        judge: path
        precision: 1
        note: n
        source: "专栏2 #1"
      - id: x
        name: y
        unit: 人
        target: "[1700]"
        printed: "<[1700]"
        note: the prose says 达到
thresholds: {ahead: 1.2, on_track: 0.9, binding_on_track: 1}
issuer: i
issued: "2022-01"
source: s
note: n
`))
	f.Add([]byte(header + "      - id: x\n        name: n\n        unit: \"%\"\n        target: \"15:45:40\"\n        better: [up, up, down]\n"))
	f.Add([]byte("a: &a [x]\nb: *a\n"))
	f.Add([]byte("schema: plancheck/v1\nid: [\n"))
	f.Add([]byte("---\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := plan.Load("f.yaml", data)
		var problems plan.Problems
		switch {
		case errors.As(err, &problems):
			if len(problems) == 0 {
				t.Fatal("empty problems")
			}
			for _, pr := range problems {
				if pr.File != "f.yaml" || pr.Line < 1 || pr.Col < 1 || pr.Msg == nil {
					t.Fatalf("bad problem %+v", pr)
				}
				for _, l := range []msg.Lang{msg.English, msg.Chinese} {
					if text := pr.Message(l); text == "" || strings.Contains(text, "\n") {
						t.Fatalf("bad problem %s in %s: %q", pr, l, text)
					}
				}
			}
		case err != nil:
			if !errors.Is(err, plan.ErrTooLarge) {
				t.Fatalf("unexpected error %v", err)
			}
		default:
			if p.Schema != plan.SchemaV1 || p.Period.Start > p.Period.End || len(p.Groups) == 0 {
				t.Fatalf("invalid plan loaded: %+v", p)
			}
			for _, ind := range p.Indicators() {
				if len(ind.Better) == 0 || ind.Target.Text == "" {
					t.Fatalf("indicator %q loaded without direction or target", ind.ID)
				}
			}
		}
	})
}
