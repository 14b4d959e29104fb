package main

import (
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// The workbooks of the eval scripts (testdata/script/eval_*.txtar). The
// statuses each one should give are worked out by hand, from spec §4, in the
// scripts that read them.

// zl1Rows is 专栏1 of the seed plan exactly as printed: its title, the header,
// the 14 rows with their group rows, the blank line and the two header rows
// repeated at the page breaks, and 完成 in every status cell. status, when
// given, replaces the status of an indicator by its number in 专栏1.
func zl1Rows(status map[int]string) map[int][]any {
	st := func(n int) string {
		if s, ok := status[n]; ok {
			return s
		}
		return "完成"
	}
	return map[int][]any{
		1:  {"专栏1 “十三五”规划主要发展指标完成情况表"},
		2:  {"项目", "“十三五”目标", "2020年实际值", "完成情况"},
		3:  {"一、创业就业方面"},
		4:  {"1.城镇新增就业人数（万人）", "[23]", "[27]", st(1)},
		5:  {"2.城镇登记失业率（%）", 4.5, 4.49, st(2)},
		6:  {"3.高校毕业生创业人数（人）", 1000, 1100, st(3)},
		7:  {"二、社会保障方面"},
		8:  {"4.城乡基本养老保险参保率（%）", 95, 97, st(4)},
		9:  {"5.城乡基本医疗保险参保率（%）", 97, 97, st(5)},
		10: {"6.失业保险参保率（%）", 85, 87, st(6)},
		11: {"7.工伤保险参保率（%）", 85, 95, st(7)},
		12: {"8.纳入社区管理的企业退休人员比例（%）", 85, 95, st(8)},
		13: {"三、人事人才方面"},
		14: {"9.专业技术人才总量（万人）", 13, 13.2, st(9)},
		// 15: the blank line before the page break.
		16: {"项目", "“十三五” 目标", "2020年 实际值", "完成 情况"},
		17: {"10.高、中、初级专业技术人才比例", "15:45:40", "16:47:37", st(10)},
		18: {"11.高技能人才总量(万人)", 4.9, 5.2, st(11)},
		19: {"项目", "“十三五” 目标", "2020年 实际值", "完成 情况"},
		20: {"四、劳动关系方面"},
		21: {"12.企业劳动合同签订率(%)", 98, 98.59, st(12)},
		22: {"13.劳动保障监察结案率(%)", 100, 100, st(13)},
		23: {"14.劳动人事争议仲裁案件结案率(%)", 92, 96.19, st(14)},
	}
}

func init() {
	// eval-2023.xlsx: seven 专栏2 indicators with 2021–2023 actuals and a
	// 完成情况 column that agrees with what the spec gives for 2023.
	scriptBooks["eval-2023.xlsx"] = wbt.Book{Sheets: []wbt.Sheet{{Name: "十四五指标", Merges: []string{"A1:F1"}, Cells: cellsOf(map[int][]any{
		1:  {"九龙坡区“十四五”主要指标2023年完成情况"},
		2:  {"指标", "属性", "2021年", "2022年", "2023年", "完成情况"},
		3:  {"一、就业"},
		4:  {"1.城镇新增就业人数（万人）", "预期性", 3.1, 3.2, 3.0, "符合预期"},
		5:  {"2.城镇调查失业率（%）", "预期性", 5.3, 5.4, 5.2, "符合预期"},
		6:  {"二、社会保障"},
		7:  {"5.失业保险参保人数（万人）", "预期性", 41.8, 42.0, 42.2, "滞后"},
		8:  {"6.工伤保险参保人数（万人）", "预期性", 43.0, 43.5, 44.3, "快于预期"},
		9:  {"三、医疗保障"},
		10: {"7.基本医疗保险参保率（%）", "约束性", 96, 96.2, 96.5, "符合预期"},
		11: {"12.住院费用跨省直接结算率（%）", "预期性", 65, 68, 72, "提前完成"},
		12: {"14.医疗保障经办政务服务事项窗口可办率（%）", "约束性", 98, 99, 100, "提前完成"},
	})}}}

	// eval-2022.xlsx: the year is in the file name; no binding indicator is
	// reported.
	scriptBooks["eval-2022.xlsx"] = wbt.Book{Sheets: []wbt.Sheet{{Name: "Sheet1", Cells: cellsOf(map[int][]any{
		1: {"指标", "2021年", "2022年", "2023年"},
		2: {"1.城镇新增就业人数（万人）", 3.4, 3.2, 3.0},
		3: {"6.工伤保险参保人数（万人）", 42.5, 43.0, 43.4},
	})}}}

	// eval-binding.xlsx: the two binding indicators of 专栏2; no year in the
	// file name; the 2023 cell of 窗口可办率 is empty.
	scriptBooks["eval-binding.xlsx"] = wbt.Book{Sheets: []wbt.Sheet{{Name: "约束性指标", Cells: cellsOf(map[int][]any{
		1: {"指标", "2021年", "2022年", "2023年"},
		2: {"7.基本医疗保险参保率（%）", 96, 94.5, 96},
		3: {"14.医疗保障经办政务服务事项窗口可办率（%）", 90, 100, nil},
	})}}}

	// eval-sheets.xlsx: two sheets, each with a table.
	scriptBooks["eval-sheets.xlsx"] = wbt.Book{Sheets: []wbt.Sheet{
		{Name: "旧表", Cells: cellsOf(map[int][]any{
			1: {"指标", "2023年"},
			2: {"6.工伤保险参保人数（万人）", 43.1},
		})},
		{Name: "新表", Cells: cellsOf(map[int][]any{
			1: {"指标", "2023年"},
			2: {"6.工伤保险参保人数（万人）", 44.3},
		})},
	}}

	// eval-long.xlsx: two districts in one long table, rows matched by id.
	scriptBooks["eval-long.xlsx"] = wbt.Book{Sheets: []wbt.Sheet{{Name: "汇总", Cells: cellsOf(map[int][]any{
		1: {"区县", "编号", "年份", "数值"},
		2: {"九龙坡区", "work-injury-insurance-enrolment", 2023, 44.3},
		3: {"九龙坡区", "medical-insurance-coverage", 2023, 96},
		4: {"渝中区", "work-injury-insurance-enrolment", 2023, 42.5},
		5: {"渝中区", "medical-insurance-coverage", 2023, 94},
	})}}}

	// eval-csv.xlsx: entity names that a spreadsheet would take for formulas,
	// and a negative number.
	scriptBooks["eval-csv.xlsx"] = wbt.Book{Sheets: []wbt.Sheet{{Name: "汇总", Cells: cellsOf(map[int][]any{
		1: {"单位名称", "指标", "年份", "数值"},
		2: {"=1+1", "工伤保险参保人数", 2023, 44.3},
		3: {"-渝中区", "工伤保险参保人数", 2023, 44.3},
		4: {"+九龙坡区", "工伤保险参保人数", 2023, 44.3},
		5: {"@区", "工伤保险参保人数", 2023, -1},
	})}}}

	// eval-zl1.xlsx: 专栏1 exactly as printed; eval-zl1-audit.xlsx: the same
	// with the status of #3 written 滞后 and that of #12 未完成.
	scriptBooks["eval-zl1.xlsx"] = wbt.Book{Sheets: []wbt.Sheet{{Name: "专栏1", Cells: cellsOf(zl1Rows(nil))}}}
	scriptBooks["eval-zl1-audit.xlsx"] = wbt.Book{Sheets: []wbt.Sheet{{Name: "专栏1", Cells: cellsOf(zl1Rows(map[int]string{3: "滞后", 12: "未完成"}))}}}

	// eval-2025.xlsx: the final year (the year is in the file name), with a
	// 完成情况 column holding one disagreement and one unknown label.
	scriptBooks["eval-2025.xlsx"] = wbt.Book{Sheets: []wbt.Sheet{{Name: "十四五指标", Cells: cellsOf(map[int][]any{
		1:  {"指标", "2024年", "2025年", "完成情况"},
		2:  {"一、就业"},
		3:  {"2.城镇调查失业率（%）", 5.1, 5.0, "已完成"},
		4:  {"二、社会保障"},
		5:  {"4.基本养老保险参保率（%）", 96, 95, "未完成"},
		6:  {"6.工伤保险参保人数（万人）", 44.5, 44.8, "基本完成"},
		7:  {"三、医疗保障"},
		8:  {"7.基本医疗保险参保率（%）", 96, 95, "完成"},
		9:  {"12.住院费用跨省直接结算率（%）", 69, 70, "完成"},
		10: {"14.医疗保障经办政务服务事项窗口可办率（%）", 99, 99.5, "未完成"},
	})}}}

	// eval-thresholds.xlsx: two path indicators with r between 0.95 and 1.00,
	// for the thresholds of spec §4 (defaults and a plan's own), and a bound
	// met with equality where it is strict.
	scriptBooks["eval-thresholds.xlsx"] = wbt.Book{Sheets: []wbt.Sheet{{Name: "Sheet1", Cells: cellsOf(map[int][]any{
		1: {"指标", "2023年"},
		2: {"5.失业保险参保人数（万人）", 42.77},
		3: {"6.工伤保险参保人数（万人）", 43.75},
		4: {"2.城镇调查失业率（%）", 5.5},
	})}}}

	// eval-dup.xlsx: two rows for one indicator, year and unit.
	scriptBooks["eval-dup.xlsx"] = wbt.Book{Sheets: []wbt.Sheet{{Name: "Sheet1", Cells: cellsOf(map[int][]any{
		1: {"指标", "2023年"},
		2: {"6.工伤保险参保人数（万人）", 44.3},
		3: {"7.基本医疗保险参保率（%）", 96},
		4: {"工伤保险参保人数", 43.1},
	})}}}

	// eval-rounding.xlsx: values at the 0.95 threshold, and a cumulative
	// indicator with missing years.
	scriptBooks["eval-rounding.xlsx"] = wbt.Book{Sheets: []wbt.Sheet{{Name: "Sheet1", Cells: cellsOf(map[int][]any{
		1: {"指标", "2021年", "2023年"},
		2: {"1.城镇新增就业人数（万人）", nil, 3.0},
		3: {"6.工伤保险参保人数（万人）", 42.5699988, nil},
		4: {"22.社会保障卡持卡人数（万人）", nil, 113.71},
	})}}}
}
