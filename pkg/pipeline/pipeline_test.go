package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/report/textout"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// rows builds cells from rows of values, row 1 first.
func rows(values ...[]any) []wbt.Cell {
	var out []wbt.Cell
	for n, r := range values {
		for i, v := range r {
			if v == nil {
				continue
			}
			out = append(out, wbt.Cell{Ref: fmt.Sprintf("%c%d", 'A'+i, n+1), Value: v})
		}
	}
	return out
}

func write(t *testing.T, name string, cells []wbt.Cell) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "S", Cells: cells}}}, path)
	return path
}

func plan14(t *testing.T) *plan.Plan {
	t.Helper()
	p, err := plan.Resolve("jlp-hrss-14th@1")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEvaluateFile: two districts of a long table, each judged on its own
// values; an indicator a district reports with no value is 无数据 there, one it
// does not report is listed as not reported; a written status counts only
// for the evaluation year; an unknown label and an unmatched row are
// warnings naming the file.
func TestEvaluateFile(t *testing.T) {
	path := write(t, "long.xlsx", rows(
		[]any{"区县", "编号", "年份", "数值", "完成情况"},
		// 九龙坡区: [9.4] in 2023 of [15]: p = 0.627, f = 0.6, r = 1.044 → on-track
		[]any{"九龙坡区", "urban-new-jobs", 2023, "[9.4]", "快于预期"}, // disagrees
		[]any{"九龙坡区", "urban-new-jobs", 2022, "[6]", "滞后"},     // another year
		// 渝中区: [10] in 2023: p = 0.667, r = 1.111 → ahead
		[]any{"渝中区", "urban-new-jobs", 2023, "[10]", "快于预期"}, // agrees
		// 九龙坡区 reports the rate, but with no value for 2023 → no-data
		[]any{"九龙坡区", "surveyed-unemployment-rate", 2023, "—"},
		[]any{"渝中区", "urban-new-jobs", 2021, 3.0, "好"}, // unknown label, not 2023: not audited
		[]any{"渝中区", "填报人", 2023, 1},
	))
	res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: plan14(t), Year: 2023})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	e := res.Eval
	if got := e.Entities(); !slices.Equal(got, []string{"九龙坡区", "渝中区"}) {
		t.Fatalf("entities %q", got)
	}
	status := map[string]evaluate.Status{}
	notReported := map[string]int{}
	if err := e.Each(func(_ int, en *pipeline.EntityEvaluation) error {
		for _, o := range en.Outcomes {
			status[en.Entity+" "+o.Indicator.ID] = o.Status
		}
		notReported[en.Entity] = len(en.NotReported)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := map[string]evaluate.Status{
		"九龙坡区 urban-new-jobs":             evaluate.OnTrack,
		"九龙坡区 surveyed-unemployment-rate": evaluate.NoData,
		"渝中区 urban-new-jobs":              evaluate.Ahead,
	}
	if !reflect.DeepEqual(status, want) {
		t.Errorf("statuses %v, want %v", status, want)
	}
	if notReported["九龙坡区"] != 21 || notReported["渝中区"] != 22 {
		t.Errorf("not reported %v", notReported)
	}
	if a := e.Audit(); len(a) != 1 || a[0].Cell != "S!E2" || a[0].Entity != "九龙坡区" || a[0].Computed != evaluate.OnTrack {
		t.Errorf("audit %+v", a)
	}
	wantWarn := []string{path + `: S!B7: "填报人": matches no indicator of jlp-hrss-14th@1`}
	if !slices.Equal(e.Warnings(), wantWarn) {
		t.Errorf("warnings %q, want %q", e.Warnings(), wantWarn)
	}
	if e.TimeProgress != 0.6 || e.Year != 2023 || len(e.SHA256) != 64 {
		t.Errorf("year %d f %v sha %q", e.Year, e.TimeProgress, e.SHA256)
	}
	if c := e.Counts(); c[evaluate.OnTrack] != 1 || c[evaluate.Ahead] != 1 || c[evaluate.NoData] != 1 {
		t.Errorf("counts %v", c)
	}
	// Failures: the no-data rate, then every indicator not reported, entity
	// by entity.
	if f := e.Failures(); len(f) != 1+21+22 || f[0].Status != evaluate.NoData || f[0].Entity != "九龙坡区" ||
		f[0].Indicator.ID != "surveyed-unemployment-rate" || !f[1].NotReported || f[22].Entity != "渝中区" {
		t.Errorf("failures: %d, first %+v", len(f), f[0])
	}
}

// TestEachJudgesAgain: an evaluation too large to keep its outcomes judges
// them again, one entity at a time, to the same outcomes All keeps.
func TestEachJudgesAgain(t *testing.T) {
	values := [][]any{{"区县", "指标", "年份", "数值"}}
	for u := range 300 { // 300 entities × 23 indicators is more than are kept
		for _, ind := range plan14(t).Indicators() {
			v := any(50 + u%7)
			if ind.Unit == "" {
				v = "16:47:37"
			}
			values = append(values, []any{fmt.Sprintf("县%03d", u), ind.Name, 2023, v})
		}
	}
	path := write(t, "many.xlsx", rows(values...))
	res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: plan14(t)})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	var each []pipeline.EntityEvaluation
	if err := res.Eval.Each(func(_ int, en *pipeline.EntityEvaluation) error {
		each = append(each, *en)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	all := res.Eval.All()
	if len(all) != 300 || !reflect.DeepEqual(each, all) {
		t.Errorf("Each and All differ (%d and %d entities)", len(each), len(all))
	}
	stop := errors.New("stop")
	n := 0
	if err := res.Eval.Each(func(int, *pipeline.EntityEvaluation) error { n++; return stop }); err != stop || n != 1 {
		t.Errorf("Each did not stop at the first error: %v after %d", err, n)
	}
}

// panicking is a Progress that panics, to stand for a bug met while a file
// is read.
type panicking struct{}

func (panicking) Table(string, int) {}
func (panicking) Rows(string, int)  { panic("boom") }
func (panicking) FileDone(string)   {}

// TestRunOrderAndPanics: results come back in the order given whatever the
// workers' order, and a panic while a file is read is an error naming the
// file, not a crash.
func TestRunOrderAndPanics(t *testing.T) {
	var files []string
	for i := range 7 {
		cells := [][]any{{"指标", "2023年"}}
		for j := 0; j <= (7-i)*300; j++ { // the first files take longest
			cells = append(cells, []any{fmt.Sprintf("备注%d", j), nil})
		}
		cells = append(cells, []any{"城镇调查失业率", 5.0 + float64(i)/10})
		files = append(files, write(t, fmt.Sprintf("f%d-2023.xlsx", i), rows(cells...)))
	}
	res := pipeline.Run(context.Background(), files, pipeline.Options{Plan: plan14(t)})
	for i, r := range res {
		if r.File != files[i] || r.Err != nil {
			t.Errorf("result %d is for %s (%v), want %s", i, r.File, r.Err, files[i])
			continue
		}
		// Each file's own value: 5.i % in 2023.
		if got := *r.Eval.All()[0].Outcomes[0].Actual; got != 5.0+float64(i)/10 {
			t.Errorf("%s: actual %v", r.File, got)
		}
	}

	big := make([][]any, 0, 5000)
	big = append(big, []any{"指标", "2023年"})
	for range 4999 {
		big = append(big, []any{"城镇调查失业率", 5.1})
	}
	bad := write(t, "bad-2023.xlsx", rows(big...))
	res = pipeline.Run(context.Background(), []string{bad}, pipeline.Options{Plan: plan14(t), Progress: panicking{}})
	var ie *pipeline.InternalError
	if !errors.As(res[0].Err, &ie) || !strings.HasPrefix(res[0].Err.Error(), bad+": internal error: boom") {
		t.Errorf("panic gave %v", res[0].Err)
	}
}

// TestScanAsync: the rows reach a sink through the reading goroutine exactly
// as actuals.Scan hands them over: the header, every row in order with its
// cells, skipped rows in their places; over many batches.
func TestScanAsync(t *testing.T) {
	values := [][]any{{"标题"}, {"指标", "编号", "2022年", "2023年", "完成情况"}}
	for i := range 2000 {
		switch {
		case i%300 == 7:
			values = append(values, []any{"指标", "编号", "2022年", "2023年"}) // header repeated
		case i%450 == 9:
			values = append(values, []any{"注：[]内为累计值"})
		default:
			values = append(values, []any{fmt.Sprintf("指标%d", i), i, float64(i) / 3, fmt.Sprint(i), "完成"})
		}
	}
	path := write(t, "async.xlsx", rows(values...))
	var direct, async recorder
	if err := actuals.Scan(path, actuals.Options{}, &direct); err != nil {
		t.Fatal(err)
	}
	if err := pipeline.ScanAsync(path, actuals.Options{}, &async); err != nil {
		t.Fatal(err)
	}
	if len(direct.events) < 2000 || !reflect.DeepEqual(direct.events, async.events) {
		t.Errorf("async scan differs: %d events direct, %d async", len(direct.events), len(async.events))
	}
	// A sink error stops the scan and is the error returned.
	stop := errors.New("stop here")
	if err := pipeline.ScanAsync(path, actuals.Options{}, &recorder{failAt: 1000, err: stop}); err != stop {
		t.Errorf("sink error: %v", err)
	}
}

// recorder records what a scan hands over, as text.
type recorder struct {
	events []string
	failAt int
	err    error
}

func (r *recorder) Header(h *actuals.Header) error {
	r.events = append(r.events, fmt.Sprintf("header %+v", *h))
	return nil
}

func (r *recorder) Row(row actuals.TableRow) error {
	if r.failAt > 0 && len(r.events) == r.failAt {
		return r.err
	}
	r.events = append(r.events, fmt.Sprintf("row %d %+v %v", row.Num, row.Cells, row.CalcErrors))
	return nil
}

func (r *recorder) Skipped(s actuals.SkippedRow) {
	r.events = append(r.events, fmt.Sprintf("skipped %+v", s))
}

// TestPlanChoiceOnePass: without --plan, the plan the whole sheet fits best
// is chosen, and the result is the one --plan would give: when the rows at
// the top fit one plan (the guess) and the sheet as a whole another, the
// rows are matched again against the right one.
func TestPlanChoiceOnePass(t *testing.T) {
	// The 十四五 rows match both versions of the plan alike: the newer, the
	// whole plan, is chosen.
	p14, err := plan.Resolve("jlp-hrss-14th@2")
	if err != nil {
		t.Fatal(err)
	}
	p13, err := plan.Resolve("jlp-hrss-13th@1")
	if err != nil {
		t.Fatal(err)
	}
	long := func(n13, n14 int) string {
		values := [][]any{{"区县", "指标", "年份", "数值"}}
		for i := range n13 { // rows of the 十三五 plan at the top
			values = append(values, []any{fmt.Sprintf("县%04d", i), "高校毕业生创业人数", 2020, 900 + i%300})
		}
		for i := range n14 {
			values = append(values, []any{fmt.Sprintf("县%04d", i), "社会保障卡持卡人数", 2023, 110 + float64(i%9)})
		}
		return write(t, fmt.Sprintf("long-%d-%d.xlsx", n13, n14), rows(values...))
	}
	for _, c := range []struct {
		n13, n14 int
		want     *plan.Plan
	}{
		{0, 3000, p14},    // one plan throughout
		{2500, 3000, p14}, // the guess (十三五) is wrong: matched again
		{3000, 2500, p13}, // the guess is right
		{10, 20, p14},     // fewer rows than the guess waits for
	} {
		path := long(c.n13, c.n14)
		year := 2023
		if c.want == p13 {
			year = 2020
		}
		chosen := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Year: year})
		given := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: c.want, Year: year})
		if chosen.Err != nil || given.Err != nil {
			t.Fatalf("%d+%d rows: %v / %v", c.n13, c.n14, chosen.Err, given.Err)
		}
		if chosen.Eval.Plan != c.want {
			t.Errorf("%d+%d rows: chose %s, want %s", c.n13, c.n14, chosen.Eval.Plan.Ref(), c.want.Ref())
			continue
		}
		var a, b strings.Builder
		if err := textout.JSON(&a, []*pipeline.Evaluation{chosen.Eval}, report.Chinese); err != nil {
			t.Fatal(err)
		}
		if err := textout.JSON(&b, []*pipeline.Evaluation{given.Eval}, report.Chinese); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("%d+%d rows: the plan chosen gives another result than the plan given", c.n13, c.n14)
		}
	}
}
