package main

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// The workbooks the scripts read. txtar cannot hold binary files, so they are
// built here, once, and copied into each script's work folder.

func cellsOf(rows map[int][]any) []wbt.Cell {
	var out []wbt.Cell
	// In row order, so that a book is the same bytes at every build (its
	// SHA-256 is in the outputs TestOutputsUnchanged pins).
	for _, n := range slices.Sorted(maps.Keys(rows)) {
		values := rows[n]
		for i, v := range values {
			if v == nil {
				continue
			}
			ref := fmt.Sprintf("%c%d", 'A'+i, n)
			if c, ok := v.(wbt.Cell); ok {
				c.Ref = ref
				out = append(out, c)
				continue
			}
			out = append(out, wbt.Cell{Ref: ref, Value: v})
		}
	}
	return out
}

var scriptBooks = map[string]wbt.Book{
	// wide.xlsx: a 专栏2-shaped table with actuals for 2021–2023.
	"wide.xlsx": {Sheets: []wbt.Sheet{{Name: "十四五指标", Merges: []string{"A1:F1"}, Cells: cellsOf(map[int][]any{
		1: {"九龙坡区“十四五”主要指标完成情况"},
		3: {"指标", "2020年基数", "2021年", "2022年", "2023年", "完成情况"},
		4: {"一、就业"},
		5: {"1.城镇新增就业人数（万人）", 4.02, 3.1, 3.2, "[9.4]", "符合预期"},
		6: {"2.城镇调查失业率（%）", 5.5, 5.2, 5.3, wbt.Cell{Value: 0.051, Format: "0.0%"}},
		7: {"5.失业保险参保人数（人）", 416000, 420000, nil, "—"},
		8: {"23.申领电子社保卡人口覆盖率（%）", 29.5, 0.4},
		9: {"填报人：张三"},
	})}}},
	// bad.xlsx: cells that are not numbers, and a duplicate row.
	"bad.xlsx": {Sheets: []wbt.Sheet{{Name: "Sheet1", Cells: cellsOf(map[int][]any{
		1: {"指标", "2023年"},
		2: {"城镇新增就业人数", "九十五"},
		3: {"城镇调查失业率", "16:47:37"},
		4: {"基本养老保险参保率", 97},
	})}}},
	// zl1.xlsx: 专栏1 as the plan prints it, page-break header included.
	"zl1.xlsx": {Sheets: []wbt.Sheet{{Name: "专栏1", Cells: cellsOf(map[int][]any{
		1: {"项目", "“十三五”目标", "2020年实际值", "完成情况"},
		2: {"一、创业就业方面"},
		3: {"1.城镇新增就业人数（万人）", "[23]", "[27]", "完成"},
		4: {"2.城镇登记失业率（%）", 4.5, 4.49, "完成"},
		5: {"项目", "“十三五” 目标", "2020年 实际值", "完成 情况"},
		6: {"10.高、中、初级专业技术人才比例", "15:45:40", "16:47:37", "完成"},
		7: {"注：[]内为五年累计值"},
	})}}},
	// long.xlsx: two districts in one long table.
	"long.xlsx": {Sheets: []wbt.Sheet{{Name: "汇总", Cells: cellsOf(map[int][]any{
		1: {"区县", "编号", "年份", "数值"},
		2: {"九龙坡区", "urban-new-jobs", 2023, 3.1},
		3: {"渝中区", "urban-new-jobs", 2023, 2.4},
		4: {"渝中区", 2, 2023, 5.1},
	})}}},
	// typed.xlsx: values as people type them (issue 10): thousands
	// separators, 万 in a 人 row, a unit after the number, full-width
	// digits, 【】 totals, no-value words and approximate values.
	"typed.xlsx": {Sheets: []wbt.Sheet{{Name: "十四五指标", Cells: cellsOf(map[int][]any{
		1: {"指标", "单位", "2021年", "2022年", "2023年"},
		2: {"城镇新增就业人数", "人", "31,000", "3.2万", "【9.4万】（快报）"},
		3: {"城镇调查失业率", "%", "5.2%", "５.３", "约5.1"},
		4: {"失业保险参保人数", "人", "420 000", "42.5万", "43万人"},
		5: {"工伤保险参保人数", "万人", "未统计", "#N/A", "暂无"},
		6: {"基本养老保险参保率", "%", "96％", "96.5 %", "97*"},
	})}}},
	// notable.xlsx: no table at all.
	// nickname.xlsx: an office's own name for 城镇新增就业人数, one character
	// off, which --aliases maps.
	"nickname.xlsx": {Sheets: []wbt.Sheet{{Name: "表1", Cells: cellsOf(map[int][]any{
		1: {"指标", "2021年", "2022年", "2023年"},
		2: {"城镇新增就业人员数", 3.1, 3.2, 3.0},
		3: {"城镇调查失业率", 5.2, 5.4, 5.3},
	})}}},
	"notable.xlsx": {Sheets: []wbt.Sheet{{Name: "说明", Cells: cellsOf(map[int][]any{1: {"本表无数据"}})}}},
}

// buildScriptBooks writes every workbook of scriptBooks into a folder and
// returns it.
func buildScriptBooks(t *testing.T) string {
	dir := t.TempDir()
	for name, b := range scriptBooks {
		wbt.WriteExcelize(t, b, filepath.Join(dir, name))
	}
	return dir
}

// copyBooks copies the built workbooks into a script's work folder.
func copyBooks(from, to string) error {
	for name := range scriptBooks {
		data, err := os.ReadFile(filepath.Join(from, name))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(to, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
