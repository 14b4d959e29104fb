package assess_test

import (
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/assess"
	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// TestWorkbook: two districts, each judged on its own values; an indicator a
// district reports with no value is 无数据 there, one it does not report is
// listed as not reported; a long table's written status counts only for the
// evaluation year.
func TestWorkbook(t *testing.T) {
	p, err := plan.Resolve("jlp-hrss-14th@1")
	if err != nil {
		t.Fatal(err)
	}
	m := &actuals.Result{
		Table:    &actuals.Table{File: "long.xlsx", Sheet: "S"},
		Plan:     p,
		Entities: []string{"九龙坡区", "渝中区"},
		Reported: map[string]map[string]bool{
			"九龙坡区": {"urban-new-jobs": true, "surveyed-unemployment-rate": true},
			"渝中区":  {"urban-new-jobs": true},
		},
		Values: []actuals.Value{
			// 九龙坡区: [9.4] in 2023 of [15]: p = 0.627, f = 0.6, r = 1.044 → on-track
			{Indicator: "urban-new-jobs", Entity: "九龙坡区", Year: 2023, Kind: actuals.Total, Number: 9.4, Cell: "S!D2"},
			// 渝中区: [10] in 2023: p = 0.667, r = 1.111 → ahead
			{Indicator: "urban-new-jobs", Entity: "渝中区", Year: 2023, Kind: actuals.Total, Number: 10, Cell: "S!D3"},
			// 九龙坡区 reports the rate, but with no value for 2023 → no-data
			{Indicator: "surveyed-unemployment-rate", Entity: "九龙坡区", Year: 2023, Kind: actuals.NoValue, Cell: "S!D4"},
		},
		Statuses: []actuals.Status{
			{Indicator: "urban-new-jobs", Entity: "九龙坡区", Year: 2023, Text: "快于预期", Cell: "S!E2"}, // disagrees
			{Indicator: "urban-new-jobs", Entity: "九龙坡区", Year: 2022, Text: "滞后", Cell: "S!E9"},   // another year
			{Indicator: "urban-new-jobs", Entity: "渝中区", Year: 2023, Text: "快于预期", Cell: "S!E3"},  // agrees
			{Indicator: "urban-new-jobs", Entity: "渝中区", Year: 0, Text: "好", Cell: "S!E7"},        // unknown label
		},
		Warnings: []actuals.Issue{{Cell: "S!A9", Text: "填报人", Msg: "matches no indicator"}},
	}
	e, err := assess.Workbook(m, 2023)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Entities) != 2 {
		t.Fatalf("%d entities", len(e.Entities))
	}
	status := func(en int, id string) evaluate.Status {
		for _, o := range e.Entities[en].Outcomes {
			if o.Indicator.ID == id {
				return o.Status
			}
		}
		return ""
	}
	if s := status(0, "urban-new-jobs"); s != evaluate.OnTrack {
		t.Errorf("九龙坡区 jobs %s", s)
	}
	if s := status(0, "surveyed-unemployment-rate"); s != evaluate.NoData {
		t.Errorf("九龙坡区 rate %s", s)
	}
	if s := status(1, "urban-new-jobs"); s != evaluate.Ahead {
		t.Errorf("渝中区 jobs %s", s)
	}
	if n := len(e.Entities[1].Outcomes); n != 1 {
		t.Errorf("渝中区 has %d outcomes", n)
	}
	if n := len(e.Entities[0].NotReported); n != 21 {
		t.Errorf("九龙坡区 does not report %d", n)
	}
	if len(e.Audit) != 1 || e.Audit[0].Cell != "S!E2" || e.Audit[0].Entity != "九龙坡区" || e.Audit[0].Computed != evaluate.OnTrack {
		t.Errorf("audit %+v", e.Audit)
	}
	want := []string{`long.xlsx: S!A9: "填报人": matches no indicator`,
		`long.xlsx: S!E7: "好" is not a status plancheck knows (完成, 提前完成, 快于预期, 符合预期, 滞后, 未完成 …)`}
	if len(e.Warnings) != 2 || e.Warnings[0] != want[0] || e.Warnings[1] != want[1] {
		t.Errorf("warnings %q", e.Warnings)
	}
	if e.TimeProgress != 0.6 || e.Year != 2023 {
		t.Errorf("year %d f %v", e.Year, e.TimeProgress)
	}
}
