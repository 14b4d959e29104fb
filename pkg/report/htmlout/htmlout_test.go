package htmlout

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/expr"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
	"github.com/jlp-hrss/plancheck/pkg/report/internal/golden"
)

const sample = "../../../testdata/2023.xlsx"

// evaluateSample is testdata/2023.xlsx judged against jlp-hrss-14th@1 for
// year: every status of a year before the end occurs in it.
func evaluateSample(t testing.TB, year int, lang report.Lang) *pipeline.Evaluation {
	t.Helper()
	p := golden.Plan(t, "jlp-hrss-14th@1")
	res := pipeline.EvaluateFile(context.Background(), sample, pipeline.Options{Plan: p, Year: year, Lang: lang})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	t.Cleanup(func() { res.Eval.Close() })
	return res.Eval
}

func render(t testing.TB, evals []*pipeline.Evaluation, missing []pipeline.NotEvaluated, lang report.Lang) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, evals, missing, lang, "v-test"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden: the report of testdata/2023.xlsx for 2023, in Chinese.
func TestGolden(t *testing.T) {
	got := render(t, []*pipeline.Evaluation{evaluateSample(t, 2023, report.Chinese)}, nil, report.Chinese)
	golden.Check(t, "2023.html", got)
}

// TestOneYearOnly: a workbook of one year's values has no trend.
func TestOneYearOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "2023.csv")
	if err := os.WriteFile(path, []byte("指标,2023年\n城镇新增就业人数,[9]\n城镇调查失业率,5.3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: golden.Plan(t, "jlp-hrss-14th@1"), Year: 2023, Lang: report.Chinese})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	defer res.Eval.Close()
	if html := string(render(t, []*pipeline.Evaluation{res.Eval}, nil, report.Chinese)); strings.Contains(html, "<h2>趋势</h2>") {
		t.Error("a trend of one year")
	}
}

// TestOneYear: the sections of one year of one workbook, and what they say.
func TestOneYear(t *testing.T) {
	e := evaluateSample(t, 2023, report.Chinese)
	html := string(render(t, []*pipeline.Evaluation{e}, nil, report.Chinese))
	for _, want := range []string{
		"<h2>摘要</h2>", "<h2>预警</h2>", "<h2>完成情况</h2>", "<h2>审核与说明</h2>",
		// The mid-term review's sentence; counts as the terminal's
		// summary line gives them for this workbook.
		"23项主要指标中，提前完成3项、快于预期4项、符合预期11项，滞后4项，无数据1项。",
		"时序进度", "60%", e.SHA256, "jlp-hrss-14th@1", "v-test", "2023.xlsx",
		// The audit of the workbook's own 完成情况 (十四五指标!H10 says
		// 符合预期, computed 滞后).
		"十四五指标!H10",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// The workbook holds 2021年 and 2022年 beside 2023年: its own trend,
	// drawn small, each year judged (城镇新增就业人数 [3.1], [6], [9]: 符合预期).
	for _, want := range []string{`<section class="trend compact" id="trend">`, "<h2>趋势</h2>", "<th>2021年</th><th>2022年</th><th>2023年</th>",
		"本工作簿中各年的数值", `<div class="value">[3.1]</div>`, `<div class="value">[6]</div>`} {
		if !strings.Contains(html, want) {
			t.Errorf("the trend lacks %q", want)
		}
	}
	// One unit: no comparison.
	for _, unwanted := range []string{"<h2>区县对比</h2>", "<script", "http://", "https://", "@import", "url(http"} {
		if strings.Contains(html, unwanted) {
			t.Errorf("the report holds %q", unwanted)
		}
	}
	// Every indicator of the plan is a row of the completion table.
	for _, ind := range e.Plan.Indicators() {
		if !strings.Contains(html, ">"+report.IndicatorLabel(ind)+"</td>") {
			t.Errorf("no row for %s", report.IndicatorLabel(ind))
		}
	}
	// 预警: the lagging indicators, binding ones first; 5 is expected.
	alerts := between(html, "<h2>预警</h2>", "</section>")
	if !strings.Contains(alerts, "5.失业保险参保人数（万人）") || strings.Contains(alerts, "1.城镇新增就业人数") {
		t.Errorf("alerts:\n%s", alerts)
	}
}

// TestEnglish: --lang en gives every label in English.
func TestEnglish(t *testing.T) {
	html := string(render(t, []*pipeline.Evaluation{evaluateSample(t, 2023, report.English)}, nil, report.English))
	for _, want := range []string{`<html lang="en">`, "<h2>Summary</h2>", "<h2>Alerts</h2>", "<h2>Completion</h2>",
		"Of 23 main indicators, achieved early: 3, ahead: 4, on track: 11; lagging: 4; no data: 1."} {
		if !strings.Contains(html, want) {
			t.Errorf("the English report lacks %q", want)
		}
	}
	for _, zh := range []string{"摘要", "预警", "时序进度", "完成情况</h2>"} {
		if strings.Contains(html, zh) {
			t.Errorf("the English report holds %q", zh)
		}
	}
}

// TestDeterministic: the same evaluations give the same bytes, run after
// run (the outcomes judged again each time).
func TestDeterministic(t *testing.T) {
	for _, tc := range []struct {
		name  string
		evals func() []*pipeline.Evaluation
	}{
		{"one year", func() []*pipeline.Evaluation { return []*pipeline.Evaluation{evaluateSample(t, 2023, report.Chinese)} }},
		{"three years", func() []*pipeline.Evaluation { return years(t, 2021, 2023) }},
		{"many units", func() []*pipeline.Evaluation { return []*pipeline.Evaluation{manyUnits(t, 60, true)} }},
	} {
		a := render(t, tc.evals(), nil, report.Chinese)
		b := render(t, tc.evals(), nil, report.Chinese)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two runs differ", tc.name)
		}
	}
}

// years is testdata/2023.xlsx judged for each year from first to last, as
// --year 2021-2023 judges it.
func years(t testing.TB, first, last int) []*pipeline.Evaluation {
	e := evaluateSample(t, last, report.Chinese)
	var out []*pipeline.Evaluation
	for y := first; y < last; y++ {
		out = append(out, e.ForYear(y))
	}
	return append(out, e)
}

// TestTrend: several years give the 趋势 section: a chart per indicator
// with numbers, and the status of each year.
func TestTrend(t *testing.T) {
	html := string(render(t, years(t, 2021, 2023), nil, report.Chinese))
	trend := between(html, `<section class="trend" id="trend">`, "</section>")
	if trend == "" {
		t.Fatal("no trend section")
	}
	for _, want := range []string{"<th>2021年</th>", "<th>2022年</th>", "<th>2023年</th>", "1.城镇新增就业人数（万人）"} {
		if !strings.Contains(trend, want) {
			t.Errorf("the trend lacks %q", want)
		}
	}
	// 23 indicators, all but the ratios charted; each row has a status
	// cell per year.
	if n := strings.Count(trend, `<svg class="line"`); n < 20 {
		t.Errorf("%d charts", n)
	}
	if n := strings.Count(trend, "<tr><td>"); n != 23 {
		t.Errorf("%d trend rows, want 23", n)
	}
	// A cumulative indicator's chart draws its path (dashed polyline);
	// a level target its line.
	if !strings.Contains(trend, `stroke-dasharray="4 2"/>`) {
		t.Error("no target line")
	}
	// Three files' parts, each its own summary.
	if n := strings.Count(html, `<section class="cover">`); n != 3 {
		t.Errorf("%d summaries, want 3", n)
	}
}

// TestEscapes: text from a workbook or a plan appears as text.
func TestEscapes(t *testing.T) {
	const evil = "<script>alert(1)</script>"
	p := golden.Plan(t, "jlp-hrss-14th@1")
	ind := *p.Indicators()[0]
	ind.Name = evil
	v, b := 7.5, 4.0
	o := evaluate.Outcome{Indicator: &ind, Entity: evil, Year: 2023, Judge: plan.Path, Actual: &v, Baseline: &b,
		TimeProgress: 0.6, Status: evaluate.Lagging, Reason: evil, Cells: []string{evil + "!A1"}}
	ens := []pipeline.EntityEvaluation{{Entity: evil, Outcomes: []evaluate.Outcome{o}}, {Entity: "B", Outcomes: []evaluate.Outcome{o}}}
	audit := []pipeline.AuditEntry{{Entity: evil, Disagreement: evaluate.Disagreement{Indicator: ind.ID, Cell: evil, Written: evil, Computed: evaluate.Lagging}}}
	e := pipeline.NewEvaluation(p, evil+".xlsx", "ab", 2023, ens, audit, []string{evil})
	one := []pipeline.EntityEvaluation{{Outcomes: []evaluate.Outcome{o}}}
	single := pipeline.NewEvaluation(p, evil+".xlsx", "ab", 2023, one, audit, []string{evil})
	for _, evals := range [][]*pipeline.Evaluation{{e}, {single}} {
		html := string(render(t, evals, []pipeline.NotEvaluated{{File: evil, Err: fmt.Errorf("%s", evil)}}, report.Chinese))
		if strings.Contains(html, "<script") {
			t.Errorf("a text from the input is markup:\n%s", html)
		}
		if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Error("the text does not appear escaped")
		}
	}
}

// manyUnits is a workbook of n units (and, with total, its own 合计 rows):
// every indicator of jlp-hrss-14th@1 judged for 2023 from generated values.
func manyUnits(t testing.TB, n int, total bool) *pipeline.Evaluation {
	t.Helper()
	p := golden.Plan(t, "jlp-hrss-14th@1")
	var ens []pipeline.EntityEvaluation
	unit := func(name string, k int) {
		values := map[string][]evaluate.Observation{}
		for i, ind := range p.Indicators() {
			tgt := ind.Target
			x := 10.0
			if tgt.HasNumber() {
				x = tgt.Number()
			}
			// Values spread around the target, different per unit and
			// indicator, the same every run.
			f := 0.7 + 0.6*float64((k*37+i*11)%101)/100
			switch {
			case tgt.Kind == expr.Ratio:
				values[ind.ID] = []evaluate.Observation{{Year: 2023, Kind: evaluate.Parts, Parts: tgt.Parts, Text: "16:47:37"}}
			case tgt.IsCumulative():
				for y := 2021; y <= 2023; y++ {
					values[ind.ID] = append(values[ind.ID], evaluate.Observation{Year: y, Kind: evaluate.Amount, Number: x * f / 5})
				}
			default:
				for y := 2021; y <= 2023; y++ {
					values[ind.ID] = append(values[ind.ID], evaluate.Observation{Year: y, Kind: evaluate.Amount, Number: x * f * (0.97 + 0.01*float64(y-2021))})
				}
			}
		}
		outs, err := evaluate.Evaluate(evaluate.Input{Plan: p, Year: 2023, Entity: name, Values: values, Lang: report.Chinese})
		if err != nil {
			t.Fatal(err)
		}
		ens = append(ens, pipeline.EntityEvaluation{Entity: name, Outcomes: outs})
	}
	if total {
		unit("", n)
	}
	for k := range n {
		unit(fmt.Sprintf("第%04d区", k+1), k)
	}
	return pipeline.NewEvaluation(p, filepath.Join("bench", "long.xlsx"), strings.Repeat("0", 64), 2023, ens, nil, nil)
}

// TestManyUnits: a workbook of 60 units and its own total rows: 完成情况
// shows the total rows, 区县对比 the top and bottom 10 of each indicator
// with the average and the total marked and the units below the average
// flagged, and every unit's counts.
func TestManyUnits(t *testing.T) {
	html := string(render(t, []*pipeline.Evaluation{manyUnits(t, 60, true)}, nil, report.Chinese))
	completion := between(html, `<section class="completion">`, "</section>")
	if !strings.Contains(completion, "工作簿自带的合计行（合计）") || strings.Count(completion, `<td class="barcell">`) < 15 {
		t.Errorf("completion:\n%s", completion)
	}
	// The summary speaks of the total rows: 23 indicators, not 61 × 23.
	if !strings.Contains(between(html, `<p class="sentence">`, "</p>"), "23项主要指标中，") {
		t.Errorf("the sentence is not the total rows':\n%s", between(html, `<p class="sentence">`, "</p>"))
	}
	compare := between(html, `<section class="compare">`, "</section>")
	for _, want := range []string{"前 10 名与后 10 名（共 60 个单位）", "平均值 ", "合计行 ", "低于平均", `<tr class="gap">`} {
		if !strings.Contains(compare, want) {
			t.Errorf("the comparison lacks %q", want)
		}
	}
	// One ranking per indicator with a direction: 20 rows each.
	first := between(compare, `<div class="ranking">`, "</div>")
	if n := strings.Count(first, `<td class="num">`); n != 2*20 {
		t.Errorf("the first ranking has %d numeric cells, want 40 (20 rows):\n%s", n, first)
	}
	if n := strings.Count(between(compare, `<table class="entity-counts">`, "</table>"), "<tr><td>第"); n != 60 {
		t.Errorf("%d units counted, want 60", n)
	}
	if regexp.MustCompile(`href="[^#]`).MatchString(html) {
		t.Error("the report links outside itself")
	}
}

// TestManyUnitsNoTotal: without total rows the completion section counts
// the units per status for each indicator, and adds no rates.
func TestManyUnitsNoTotal(t *testing.T) {
	html := string(render(t, []*pipeline.Evaluation{manyUnits(t, 30, false)}, nil, report.Chinese))
	completion := between(html, `<section class="completion">`, "</section>")
	if !strings.Contains(completion, "各指标按状态统计的填报单位数") {
		t.Errorf("completion:\n%s", completion)
	}
	if !strings.Contains(html, "30个填报单位的690项指标评价中，") {
		t.Errorf("no sentence over the units:\n%s", between(html, `<p class="sentence">`, "</p>"))
	}
	if strings.Contains(html, "合计行 ") {
		t.Error("a total without total rows")
	}
}

// TestLargeWorkbook: 2,844 units stay under 5 MB.
func TestLargeWorkbook(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 2,844 units")
	}
	html := render(t, []*pipeline.Evaluation{manyUnits(t, 2844, false)}, nil, report.Chinese)
	if len(html) >= 5<<20 {
		t.Errorf("%d bytes, want under 5 MB", len(html))
	}
	t.Logf("2,844 units: %d bytes", len(html))
}

// BenchmarkLargeWorkbook writes the report of 2,844 units.
func BenchmarkLargeWorkbook(b *testing.B) {
	e := manyUnits(b, 2844, false)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, []*pipeline.Evaluation{e}, nil, report.Chinese, "bench"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}

// TestLongLists: the audit and the warnings list MaxListed entries each
// and count the rest.
func TestLongLists(t *testing.T) {
	e := manyUnits(t, 3, false)
	var audit []pipeline.AuditEntry
	var warnings []string
	for i := range MaxListed + 50 {
		audit = append(audit, pipeline.AuditEntry{Entity: "第0001区", Disagreement: evaluate.Disagreement{Indicator: "urban-new-jobs",
			Cell: fmt.Sprintf("S!H%d", i+2), Written: "完成", Computed: evaluate.Lagging}})
		warnings = append(warnings, fmt.Sprintf("long.xlsx: S!A%d: matches no indicator", i+2))
	}
	long := pipeline.NewEvaluation(e.Plan, e.File, e.SHA256, e.Year, e.All(), audit, warnings)
	html := string(render(t, []*pipeline.Evaluation{long}, nil, report.Chinese))
	if n := strings.Count(html, "另有 50 条未列出"); n != 2 {
		t.Errorf("%d counts of the rest, want 2 (audit, warnings)", n)
	}
	if !strings.Contains(html, fmt.Sprintf("S!H%d<", MaxListed+1)) || strings.Contains(html, fmt.Sprintf("S!H%d<", MaxListed+2)) {
		t.Error("the audit does not list exactly the first MaxListed")
	}
}

// TestSentence: the summary's sentence names a binding indicator among the
// bad news, as a mid-term review does.
func TestSentence(t *testing.T) {
	p := golden.Plan(t, "jlp-hrss-14th@1")
	inds := p.Indicators() // 7: 基本医疗保险参保率, binding
	outs := []evaluate.Outcome{
		{Indicator: inds[0], Year: 2023, Status: evaluate.Achieved},
		{Indicator: inds[1], Year: 2023, Status: evaluate.OnTrack},
		{Indicator: inds[4], Year: 2023, Status: evaluate.Lagging},
		{Indicator: inds[6], Year: 2023, Status: evaluate.NotAchieved},
	}
	e := pipeline.NewEvaluation(p, "2023.xlsx", "ab", 2023, []pipeline.EntityEvaluation{{Outcomes: outs}}, nil, nil)
	for lang, want := range map[report.Lang]string{
		report.Chinese: "4项主要指标中，提前完成1项、符合预期1项，滞后1项，未完成1项（约束性指标基本医疗保险参保率）。",
		report.English: "Of 4 main indicators, achieved early: 1, on track: 1; lagging: 1; not achieved: 1 (binding: 基本医疗保险参保率).",
	} {
		html := string(render(t, []*pipeline.Evaluation{e}, nil, lang))
		if got := between(html, `<p class="sentence">`, "</p>"); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
		// A binding indicator not achieved leads the alerts.
		if !strings.Contains(between(html, "<tbody>", "</tr>"), "7.基本医疗保险参保率") {
			t.Errorf("%s: the alerts do not start with the binding indicator", lang)
		}
	}
}
