// Command gensample writes testdata/2023.xlsx, the sample actuals workbook
// `make run` evaluates: 专栏2 of the 十四五 plan as an analyst keeps it, with
// actuals for 2021–2023 and a 完成情况 column, one label of which the audit
// disputes. Run from the repository root: go run ./testdata/gensample
package main

import (
	"fmt"
	"log"

	"github.com/xuri/excelize/v2"
)

// rows: name (as printed), 2020 baseline, 2025 target, 2021, 2022, 2023,
// attribute, status as the analyst wrote it. A float in a "%" cell of a
// percent-formatted column is written as a fraction.
var rows = [][]any{
	{"一、就业"},
	{"1.城镇新增就业人数（万人）", 4.02, "[15]", 3.1, 2.9, 3.0, "预期性", "符合预期"},
	{"2.城镇调查失业率（%）", 5.5, "<5.5", 5.2, 5.4, 5.3, "预期性", "符合预期"},
	{"3.开展补贴性职业技能培训人次（万人次）", "[4.3]", "[4]", 0.9, 1.0, 0.8, "预期性", "快于预期"},
	{"二、社会保障"},
	{"4.基本养老保险参保率（%）", 97, ">95", 96.5, 96.8, 97.1, "预期性", "符合预期"},
	{"5.失业保险参保人数（万人）", 41.6, 43.6, 42.0, 42.3, 42.6, "预期性", "符合预期"},
	{"6.工伤保险参保人数（万人）", 42, 45, 43.0, 43.9, 44.3, "预期性", "快于预期"},
	{"三、医疗保障"},
	{"7.基本医疗保险参保率（%）", ">95", "≥ 95", pct(0.958), pct(0.956), pct(0.961), "约束性", "符合预期"},
	{"8.职工基本医疗保险政策范围内住院费用基金支付比例（%）", "83 左右", 85, 83.5, 84.0, 84.2, "预期性", "符合预期"},
	{"9.城乡居民基本医疗保险政策范围内住院费用基金支付比例（%）", "65 左右", 70, 66, 67, 67.5, "预期性", "滞后"},
	{"10.重点救助对象符合规定的住院医疗费用救助比例（%）", 70, 70, 70, 71, 70.5, "预期性", "符合预期"},
	{"11.实行按疾病诊断相关分组付费和按病种付费的住院费用占全部住院费用的比例（%）", "—", 70, 45, 58, 66, "预期性", "滞后"},
	{"12.住院费用跨省直接结算率（%）", ">60", ">70", 63, 66, 72, "预期性", "提前完成"},
	{"13.医疗保障经办政务服务事项线上可办率（%）", "—", 80, 60, 75, 85, "预期性", "提前完成"},
	{"14.医疗保障经办政务服务事项窗口可办率（%）", "—", 100, 96, 98, 100, "约束性", "提前完成"},
	{"四、人才队伍"},
	{"15.专业技术人才总量（万人）", 13.2, 15, 13.6, 14.0, 14.3, "预期性", "符合预期"},
	{"16.新增高级职称专业技术人才数量（人）", 350, "<[1700]", 320, 360, 380, "预期性", "符合预期"},
	{"17.新增取得职业资格证书或者职业技能等级证书人数（万人）", "[3.7]", "[1.7]", "[0.4]", "[0.75]", "[1.1]", "预期性", "符合预期"},
	{"18.新增取得高级工以上职业资格证书或者职业技能等级证书人数（万人）", "[0.4]", "[0.8]", 0.15, 0.12, "—", "预期性", ""},
	{"五、劳动关系"},
	{"19.劳动人事争议调解成功率（%）", 44.74, ">60", 50.2, 54.0, 56.1, "预期性", "快于预期"},
	{"20.劳动人事争议仲裁结案率（%）", 96.19, ">90", 95.2, 94.8, 93.9, "预期性", "符合预期"},
	{"21.劳动保障监察举报投诉案件结案率（%）", 100, 100, 100, 100, 99.2, "预期性", "滞后"},
	{"六、公共服务"},
	{"22.社会保障卡持卡人数（万人）", 112, 115, 112.8, 113.4, 113.71, "预期性", "符合预期"},
	{"23.申领电子社保卡人口覆盖率（%）", 29.5, 67, 38, 49.6, 58.2, "预期性", "快于预期"},
}

// pct is a value to store as a fraction in a 0.0% cell, as Excel keeps them.
type pct float64

func main() {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "十四五指标"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		log.Fatal(err)
	}
	percent, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("0.0%")})
	if err != nil {
		log.Fatal(err)
	}
	set := func(cell string, v any) {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			log.Fatal(err)
		}
	}
	set("A1", "九龙坡区人力社保“十四五”规划主要指标完成情况（2023年）")
	if err := f.MergeCell(sheet, "A1", "H1"); err != nil {
		log.Fatal(err)
	}
	for i, h := range []string{"指标", "2020年\n基数", "2025年\n目标", "2021年", "2022年", "2023年", "指标\n属性", "完成情况"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 3)
		set(cell, h)
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+4)
			if p, ok := v.(pct); ok {
				set(cell, float64(p))
				if err := f.SetCellStyle(sheet, cell, cell, percent); err != nil {
					log.Fatal(err)
				}
				continue
			}
			if s, ok := v.(string); ok && s == "" {
				continue
			}
			set(cell, v)
		}
	}
	if err := f.SetColWidth(sheet, "A", "A", 60); err != nil {
		log.Fatal(err)
	}
	if err := f.SaveAs("testdata/2023.xlsx"); err != nil {
		log.Fatal(err)
	}
	fmt.Println("wrote testdata/2023.xlsx")
}

func ptr(s string) *string { return &s }
