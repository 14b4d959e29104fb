package actuals

import (
	"errors"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// openUnitPlan has indicators in a unit plancheck does not know (标准亩),
// and in units of the families it added (公顷, 万吨).
func openUnitPlan(t *testing.T) *plan.Plan {
	t.Helper()
	p, err := plan.Load("open.yaml", []byte(`schema: plancheck/v1
id: open-units
version: 1
title: 单位
period: {start: 2021, end: 2025}
groups:
  - name: 一、农业
    indicators:
      - id: farmland
        name: 高标准农田面积
        unit: 标准亩
        target: "[15]"
      - id: forest
        name: 新增造林面积
        unit: 公顷
        target: "[300]"
      - id: grain
        name: 粮食产量
        unit: 万吨
        target: "12"
        better: up
`))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestOpenUnits: a unit plancheck does not know matches only itself — in a
// name's brackets, a 单位 column or after the number — and a value in
// another unit is a bad cell naming both units; the new families convert
// where their factor is exact.
func TestOpenUnits(t *testing.T) {
	for _, c := range []struct {
		name, unit string
		cell       any
		want       string
	}{
		{"高标准农田面积", "", 5, "amount 5"},
		{"高标准农田面积（标准亩）", "", 5, "amount 5"},
		{"高标准农田面积", "标准亩", 5, "amount 5"},
		{"高标准农田面积", "", "5标准亩", "amount 5"},
		{"高标准农田面积", "亩", 5, "bad: the row's unit 亩 does not convert to 标准亩, the unit of 高标准农田面积"},
		{"高标准农田面积（亩）", "", 5, "bad: the row's unit 亩 does not convert to 标准亩, the unit of 高标准农田面积"},
		{"高标准农田面积", "", "5亩", "bad: a value in 亩, but 高标准农田面积 is in 标准亩"},
		{"高标准农田面积", "", "5万", "bad: \"万\" multiplies counts, amounts and money only, not 标准亩"},
		{"新增造林面积（平方米）", "", 25000, "amount 2.5"},
		{"新增造林面积", "平方公里", 1.5, "amount 150"},
		{"新增造林面积", "亩", 30, "bad: the row's unit 亩 does not convert to 公顷, the unit of 新增造林面积"},
		{"粮食产量（吨）", "", 115000, "amount 11.5"},
		{"粮食产量", "", "11.5万吨", "amount 11.5"},
		{"粮食产量", "吨", "11.5万", "amount 11.5"},
		{"粮食产量", "吨", -5, "amount -0.0005"},
	} {
		var unit any
		if c.unit != "" {
			unit = c.unit
		}
		rows := grid([]any{"指标", "单位", "2021年"}, []any{c.name, unit, c.cell})
		res, err := Match(tableOf(t, rows), openUnitPlan(t), Options{Lang: msg.English})
		got := ""
		var ce *CellErrors
		switch {
		case errors.As(err, &ce):
			got = "bad: " + ce.Issues[0].Msg
		case err != nil:
			t.Fatal(err)
		case len(res.Values) == 0:
			got = "unmatched"
		default:
			got = string(res.Values[0].Kind) + " " + formatNumber(res.Values[0].Number)
		}
		if got != c.want {
			t.Errorf("%s, unit %q, %v: %s\nwant %s", c.name, c.unit, c.cell, got, c.want)
		}
	}
}
