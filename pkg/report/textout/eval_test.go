package textout_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/report/internal/golden"
	"github.com/jlp-hrss/plancheck/pkg/report/textout"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// sampleEvaluation judges a few indicators of the 十四五 plan for 2023 from
// observations, as eval does after reading a workbook.
func sampleEvaluation(t *testing.T) *pipeline.Evaluation {
	t.Helper()
	p := golden.Plan(t, "jlp-hrss-14th@1")
	obs := map[string][]evaluate.Observation{
		"urban-new-jobs":               {{Year: 2021, Kind: evaluate.Amount, Number: 3.1, Cell: "S!D5"}, {Year: 2022, Kind: evaluate.Amount, Number: 2.9, Cell: "S!E5"}, {Year: 2023, Kind: evaluate.Amount, Number: 3.0, Cell: "S!F5"}},
		"surveyed-unemployment-rate":   {{Year: 2023, Kind: evaluate.Amount, Number: 5.6, Cell: "S!F6", Approximate: true}}, // 约5.6
		"medical-insurance-coverage":   {{Year: 2023, Kind: evaluate.None, Cell: "S!F10"}},
		"social-security-card-holders": {{Year: 2023, Kind: evaluate.Amount, Number: 113.71, Cell: "S!F27"}},
	}
	outcomes, err := evaluate.Evaluate(evaluate.Input{Plan: p, Year: 2023, Values: obs})
	if err != nil {
		t.Fatal(err)
	}
	en := pipeline.EntityEvaluation{Outcomes: outcomes}
	for _, ind := range p.Indicators() {
		if _, ok := obs[ind.ID]; !ok {
			en.NotReported = append(en.NotReported, ind)
		}
	}
	audit := []pipeline.AuditEntry{{Disagreement: evaluate.Disagreement{Indicator: "urban-new-jobs", Cell: "S!H5",
		Written: "快于预期", WrittenStatus: evaluate.Ahead, Computed: evaluate.OnTrack}}}
	return pipeline.NewEvaluation(p, "=2023.xlsx", strings.Repeat("ab", 32), 2023, []pipeline.EntityEvaluation{en},
		audit, []string{"2023.xlsx: S!A30: matches no indicator"})
}

func compileResultSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	s, err := jsonschema.NewCompiler().Compile("../../../schema/result.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestJSONMatchesSchema: real output, one object and an array of two, is valid
// against schema/result.schema.json, and carries the spec's numbers.
func TestJSONMatchesSchema(t *testing.T) {
	s := compileResultSchema(t)
	e := sampleEvaluation(t)
	for _, evals := range [][]*pipeline.Evaluation{{e}, {e, e}} {
		var buf bytes.Buffer
		if err := textout.JSON(&buf, evals, report.Chinese); err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); err != nil {
			t.Errorf("%d results: %v\n%s", len(evals), err, buf.String())
		}
	}
	var buf bytes.Buffer
	if err := textout.JSON(&buf, []*pipeline.Evaluation{e}, report.English); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Year         int     `json:"year"`
		TimeProgress float64 `json:"time_progress"`
		Indicators   []struct {
			ID       string   `json:"id"`
			Actual   any      `json:"actual"`
			Required *float64 `json:"required"`
			Progress *float64 `json:"progress"`
			Ratio    *float64 `json:"ratio"`
			Status   string   `json:"status"`
			Label    string   `json:"label"`
			// Approximate is nil where the field is left out.
			Approximate *bool `json:"approximate"`
		} `json:"indicators"`
		NotReported []string                  `json:"not_reported"`
		Summary     map[string]map[string]int `json:"summary"`
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Year != 2023 || got.TimeProgress != 0.6 || len(got.NotReported) != 19 {
		t.Errorf("year %d f %v not reported %d", got.Year, got.TimeProgress, len(got.NotReported))
	}
	byID := map[string]int{}
	for i, ind := range got.Indicators {
		byID[ind.ID] = i
		// The rate's 5.6 was written approximate (约5.6): "approximate":
		// true; every other indicator leaves the field out.
		if a := ind.Approximate; (a != nil) != (ind.ID == "surveyed-unemployment-rate") || a != nil && !*a {
			t.Errorf("%s: approximate %v", ind.ID, a)
		}
	}
	// 112 → 115 at 113.71 in 2023: R = 112 + 3 × 0.6 = 113.8, p = 1.71 / 3 = 0.57,
	// r = 0.57 / 0.6 = 0.95 → on-track (符合预期), label in English.
	card := got.Indicators[byID["social-security-card-holders"]]
	if card.Status != "on-track" || card.Label != "on track" || *card.Required != 113.8 || *card.Progress != 0.57 || *card.Ratio != 0.95 {
		t.Errorf("card holders: %+v", card)
	}
	// <5.5 at 5.6: control, not met, expected, before the final year → lagging;
	// no path numbers.
	rate := got.Indicators[byID["surveyed-unemployment-rate"]]
	if rate.Status != "lagging" || rate.Required != nil || rate.Progress != nil || rate.Ratio != nil || rate.Actual != 5.6 {
		t.Errorf("unemployment rate: %+v", rate)
	}
	// reported with no value: no-data, actual null.
	med := got.Indicators[byID["medical-insurance-coverage"]]
	if med.Status != "no-data" || med.Actual != nil {
		t.Errorf("medical insurance: %+v", med)
	}
	if c := got.Summary[""]; c["on-track"] != 2 || c["lagging"] != 1 || c["no-data"] != 1 {
		t.Errorf("summary %v", got.Summary)
	}
}

// TestJSONBatch: a batch with workbooks not evaluated is an object of the
// results (an array, even of one) and the errors, valid against the schema;
// with none missing it is JSON's object or array, as before.
func TestJSONBatch(t *testing.T) {
	s := compileResultSchema(t)
	e := sampleEvaluation(t)
	missing := []pipeline.NotEvaluated{{File: "d/bad.xlsx", Err: errors.New("d/bad.xlsx: not an .xlsx or .xlsm workbook")}}
	for _, evals := range [][]*pipeline.Evaluation{{e}, {e, e}} {
		var buf bytes.Buffer
		if err := textout.JSONBatch(&buf, evals, missing, report.English); err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%v\n%s", err, buf.String())
		}
		if err := s.Validate(v); err != nil {
			t.Errorf("%d results: %v\n%s", len(evals), err, buf.String())
		}
		var got struct {
			Results []struct {
				File string `json:"file"`
			} `json:"results"`
			Errors []struct {
				File    string `json:"file"`
				Message string `json:"message"`
			} `json:"errors"`
		}
		if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
			t.Fatal(err)
		}
		if len(got.Results) != len(evals) || got.Results[0].File != "=2023.xlsx" || len(got.Errors) != 1 ||
			got.Errors[0].File != "d/bad.xlsx" || got.Errors[0].Message != "d/bad.xlsx: not an .xlsx or .xlsm workbook" {
			t.Errorf("%d results: %+v", len(evals), got)
		}
	}
	for _, evals := range [][]*pipeline.Evaluation{{e}, {e, e}} {
		var plain, batch bytes.Buffer
		if err := textout.JSON(&plain, evals, report.Chinese); err != nil {
			t.Fatal(err)
		}
		if err := textout.JSONBatch(&batch, evals, nil, report.Chinese); err != nil {
			t.Fatal(err)
		}
		if plain.String() != batch.String() {
			t.Errorf("%d results: JSONBatch without errors differs from JSON", len(evals))
		}
	}
}

// TestNotEvaluatedLines: one line for each workbook not evaluated, naming it
// and saying why without naming it twice; nothing when none is missing.
func TestNotEvaluatedLines(t *testing.T) {
	missing := []pipeline.NotEvaluated{
		{File: "d/bad.xlsx", Err: errors.New("d/bad.xlsx：不是 .xlsx 或 .xlsm 工作簿")},
		{File: "d/x.xlsx", Err: errors.New("d/x.xlsx: no such file")},
		{File: "y.xlsx", Err: errors.New("something else")},
	}
	var buf bytes.Buffer
	if err := textout.NotEvaluatedLines(&buf, missing, report.Chinese, textout.Box, 0); err != nil {
		t.Fatal(err)
	}
	want := "\n未评估：d/bad.xlsx（不是 .xlsx 或 .xlsm 工作簿）\n未评估：d/x.xlsx（no such file）\n未评估：y.xlsx（something else）\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
	buf.Reset()
	if err := textout.NotEvaluatedLines(&buf, missing[:1], report.English, textout.Markdown, 0); err != nil {
		t.Fatal(err)
	}
	if want := "\nNot evaluated: d/bad.xlsx (不是 .xlsx 或 .xlsm 工作簿)\n"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
	buf.Reset()
	if err := textout.NotEvaluatedLines(&buf, nil, report.Chinese, textout.Box, 0); err != nil || buf.Len() != 0 {
		t.Errorf("none missing: %q, %v", buf.String(), err)
	}
}

// TestCSVFormulaGuard: text from the inputs cannot become a formula.
func TestCSVFormulaGuard(t *testing.T) {
	var buf bytes.Buffer
	if err := textout.CSV(&buf, []*pipeline.Evaluation{sampleEvaluation(t)}, report.Chinese); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "file,plan,year,entity,id,name,") {
		t.Fatalf("csv:\n%s", buf.String())
	}
	if !strings.HasPrefix(lines[1], "'=2023.xlsx,jlp-hrss-14th@1,2023,,urban-new-jobs,城镇新增就业人数,") {
		t.Errorf("row: %s", lines[1])
	}
}

// TestCompletionTableGolden: the completion table of the sample evaluation.
func TestCompletionTableGolden(t *testing.T) {
	t.Setenv("RUNEWIDTH_EASTASIAN", "")
	var buf bytes.Buffer
	if err := textout.CompletionTable(&buf, sampleEvaluation(t), report.Chinese, textout.Box); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "completion-2023.txt", buf.Bytes())
	buf.Reset()
	if err := textout.CompletionTable(&buf, sampleEvaluation(t), report.English, textout.Markdown); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "completion-2023-en.md", buf.Bytes())
}

// TestJSONMergedMatchesSchema: a result merged from two streets' files
// carries its sources, and is valid against the schema.
func TestJSONMergedMatchesSchema(t *testing.T) {
	unit := func(name, file, sha string) *pipeline.Evaluation {
		e := sampleEvaluation(t)
		en := e.All()[0]
		en.Entity = name
		return pipeline.NewEvaluation(e.Plan, file, sha, 2023, []pipeline.EntityEvaluation{en}, nil, nil)
	}
	m, ok := pipeline.MergeUnits([]*pipeline.Evaluation{unit("石桥铺街道", "a.xlsx", strings.Repeat("ab", 32)), unit("杨家坪街道", "b.xlsx", strings.Repeat("cd", 32))})
	if !ok {
		t.Fatal("not merged")
	}
	var buf bytes.Buffer
	if err := textout.JSON(&buf, []*pipeline.Evaluation{m}, report.Chinese); err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := compileResultSchema(t).Validate(v); err != nil {
		t.Errorf("%v\n%s", err, buf.String())
	}
	if !strings.Contains(buf.String(), `"sources": [`) || !strings.Contains(buf.String(), `"file": "a.xlsx、b.xlsx"`) {
		t.Errorf("no sources:\n%s", buf.String()[:400])
	}
}
