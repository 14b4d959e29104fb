package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/report"
	"github.com/jlp-hrss/plancheck/pkg/report/textout"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// typedBooks are two workbooks with the same values: clean, as plain numbers
// in the plan's units, and typed, as people type them (issue 10): 万 after a
// number, thousands separators, full-width digits, a unit after the number,
// 【】 and 〔〕 totals, 暂无 and #N/A for no value, and approximate values.
// approximate lists the indicators whose 2023 actual came from an
// approximate value.
func typedBooks() (clean, typed wbt.Book, approximate []string) {
	head := []any{"指标", "单位", "2021年", "2022年", "2023年"}
	clean = wbt.Book{Sheets: []wbt.Sheet{{Name: "S", Cells: rows(head,
		[]any{"城镇新增就业人数", "万人", 3.1, 3.2, "[9.4]"},
		[]any{"城镇调查失业率", "%", 5.2, 5.3, 5.1},
		[]any{"失业保险参保人数", "万人", 42, 42.5, 43},
		[]any{"工伤保险参保人数", "万人", nil, nil, "—"},
		[]any{"基本养老保险参保率", "%", 96, 96.5, 97},
		[]any{"专业技术人才总量", "万人", 11.5, 12, 12.5},
		[]any{"新增高级职称专业技术人才数量", "人", 300, 350, "[1020]"},
	)}}}
	typed = wbt.Book{Sheets: []wbt.Sheet{{Name: "S", Cells: cellRows(head,
		[]any{"城镇新增就业人数", "人", "31,000", "3.2万", "【9.4万】（快报）"},
		[]any{"城镇调查失业率", "%", "5.2%", "５.３", "约5.1"},
		[]any{"失业保险参保人数", "人", "420 000", "42.5万", "43万人"},
		[]any{"工伤保险参保人数", "万人", "未统计", wbt.Cell{Formula: "NA()"}, "暂无"},
		[]any{"基本养老保险参保率", "%", "96％", "96.5 %", "97*"},
		[]any{"专业技术人才总量", "万人", "11.5万", "12 万人", "12.5（预计）"},
		[]any{"新增高级职称专业技术人才数量", "人", "0.03万", "350人", "〔1,020〕"},
	)}}}
	return clean, typed, []string{"pension-insurance-coverage", "professional-technical-talent",
		"surveyed-unemployment-rate", "urban-new-jobs"}
}

// TestValuesAsTyped: a workbook whose cells are typed as people type them
// judges every indicator as its clean twin of plain numbers does, to the same
// actuals; the JSON result marks the outcomes whose actual was approximate,
// and only those; a warning names each approximate cell and the word dropped.
// The typed workbook is written by excelize, and without -short by openpyxl
// and LibreOffice too.
func TestValuesAsTyped(t *testing.T) {
	clean, typed, approximate := typedBooks()
	dir := t.TempDir()
	cleanPath, typedPath := filepath.Join(dir, "clean.xlsx"), filepath.Join(dir, "typed.xlsx")
	wbt.WriteExcelize(t, clean, cleanPath)
	wbt.WriteExcelize(t, typed, typedPath)
	paths := map[string]string{wbt.Excelize: typedPath}
	if !testing.Short() {
		paths = wbt.AllProducers(t, typed)
	}
	want := evaluateJSON(t, cleanPath)
	for _, ij := range want {
		if _, ok := ij["approximate"]; ok {
			t.Errorf("clean: %s is approximate", ij["id"])
		}
	}
	for _, producer := range wbt.Producers {
		path, ok := paths[producer]
		if !ok {
			continue
		}
		got := evaluateJSON(t, path)
		if len(got) != len(want) {
			t.Fatalf("%s: %d indicators, want %d", producer, len(got), len(want))
		}
		var approx []string
		for i, ij := range got {
			w := want[i]
			if ij["id"] != w["id"] || ij["status"] != w["status"] || !sameNumber(ij["actual"], w["actual"]) {
				t.Errorf("%s: %s: status %v, actual %v; clean: %s %v, %v", producer, ij["id"], ij["status"], ij["actual"],
					w["id"], w["status"], w["actual"])
			}
			if a, ok := ij["approximate"]; ok {
				if a != true {
					t.Errorf("%s: %s: approximate %v", producer, ij["id"], a)
				}
				approx = append(approx, ij["id"].(string))
			}
		}
		slices.Sort(approx)
		if !slices.Equal(approx, approximate) {
			t.Errorf("%s: approximate %q, want %q", producer, approx, approximate)
		}
	}

	res := pipeline.EvaluateFile(context.Background(), typedPath, pipeline.Options{Plan: plan14(t), Year: 2023})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	var warnings []string
	for _, w := range res.Eval.Warnings() {
		if strings.Contains(w, "dropping") {
			warnings = append(warnings, strings.TrimPrefix(w, typedPath+": "))
		}
	}
	if wantWarn := []string{
		`S!E2: "【9.4万】（快报）": read as 9.4, dropping "（快报）"`,
		`S!E3: "约5.1": read as 5.1, dropping "约"`,
		`S!E6: "97*": read as 97, dropping "*"`,
		`S!E7: "12.5（预计）": read as 12.5, dropping "（预计）"`,
	}; !slices.Equal(warnings, wantWarn) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(warnings, "\n"), strings.Join(wantWarn, "\n"))
	}
}

// cellRows is rows, where a value may also be a whole wbt.Cell (a formula).
func cellRows(values ...[]any) []wbt.Cell {
	out := rows(values...)
	for i, c := range out {
		if cell, ok := c.Value.(wbt.Cell); ok {
			cell.Ref = c.Ref
			out[i] = cell
		}
	}
	return out
}

// evaluateJSON evaluates a workbook for 2023 against the 十四五 plan and
// returns its JSON result's indicators.
func evaluateJSON(t *testing.T, path string) []map[string]any {
	t.Helper()
	res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: plan14(t), Year: 2023, Lang: report.English})
	if res.Err != nil {
		t.Fatalf("%s: %v", path, res.Err)
	}
	var buf bytes.Buffer
	if err := textout.JSON(&buf, []*pipeline.Evaluation{res.Eval}, report.English); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Indicators []map[string]any `json:"indicators"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	return out.Indicators
}

func sameNumber(a, b any) bool {
	x, ok1 := a.(float64)
	y, ok2 := b.(float64)
	if !ok1 || !ok2 {
		return a == b
	}
	return math.Abs(x-y) < 1e-9
}
