package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// TestYearRangeOwnYear: with --year 2021-2023, a workbook is read for its own
// year: a 本年完成 column takes the title's 2021 (not the range's last year),
// and its 完成情况 is audited against 2021; 2022 and 2023 are judged from the
// same reading, with no value for those years.
func TestYearRangeOwnYear(t *testing.T) {
	path := filepath.Join(t.TempDir(), "报表.xlsx")
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: []wbt.Cell{
		{Ref: "A1", Value: "2021年主要指标完成情况"},
		{Ref: "A2", Value: "指标"}, {Ref: "B2", Value: "本年完成"}, {Ref: "C2", Value: "完成情况"},
		// 42 → 45 by 2025; 2021: p = (43 − 42) / 3 = 0.333, f = 0.2, r = 1.667 → 快于预期
		{Ref: "A3", Value: "工伤保险参保人数"}, {Ref: "B3", Value: 43.0}, {Ref: "C3", Value: "快于预期"},
	}}}}, path)
	var stdout, stderr bytes.Buffer
	code := Main([]string{"eval", "--plan", "jlp-hrss-14th", "--year", "2021-2023", "--fail-on", "none", "--format", "json", path}, strings.NewReader(""), &stdout, &stderr)
	if code != ExitOK {
		t.Fatalf("status %d\n%s", code, stderr.String())
	}
	var results []struct {
		Year       int `json:"year"`
		Indicators []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		} `json:"indicators"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &results); err != nil {
		t.Fatalf("%v\n%s", err, stdout.String())
	}
	var got []string
	for _, r := range results {
		for _, ind := range r.Indicators {
			if ind.ID == "work-injury-insurance-enrolment" {
				got = append(got, strconv.Itoa(r.Year)+" "+ind.Status)
			}
		}
	}
	if want := "2021 ahead|2022 no-data|2023 no-data"; strings.Join(got, "|") != want {
		t.Errorf("statuses %q, want %q", strings.Join(got, "|"), want)
	}
	if !strings.Contains(stderr.String(), "按 2021 年的实际值读取（取自表格上方的标题）") || strings.Contains(stderr.String(), "审核") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}

// TestStreetFilesMerged: a folder of streets' own files, each naming its unit
// on a 填报单位 line, evaluates as one multi-unit result, said on stderr.
func TestStreetFilesMerged(t *testing.T) {
	dir := t.TempDir()
	for name, unit := range map[string]string{"石桥铺.xlsx": "石桥铺街道", "杨家坪.xlsx": "杨家坪街道"} {
		wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: []wbt.Cell{
			{Ref: "A1", Value: "填报单位：" + unit},
			{Ref: "A2", Value: "指标"}, {Ref: "B2", Value: "2023年"},
			{Ref: "A3", Value: "工伤保险参保人数"}, {Ref: "B3", Value: 44.3},
		}}}}, filepath.Join(dir, name))
	}
	var stdout, stderr bytes.Buffer
	code := Main([]string{"eval", "--plan", "jlp-hrss-14th@1", "--year", "2023", "--fail-on", "none", dir}, strings.NewReader(""), &stdout, &stderr)
	if code != ExitOK {
		t.Fatalf("status %d\n%s", code, stderr.String())
	}
	out := stdout.String()
	if strings.Count(out, "jlp-hrss-14th@1  ") != 1 || !strings.Contains(out, "填报单位：石桥铺街道") || !strings.Contains(out, "填报单位：杨家坪街道") {
		t.Errorf("stdout:\n%s", out)
	}
	if !strings.Contains(stderr.String(), "2 个工作簿各报一个填报单位，2023 年合并为一个结果：杨家坪街道、石桥铺街道") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
	// CSV: each unit's rows name its own file.
	stdout.Reset()
	if code := Main([]string{"eval", "-q", "--plan", "jlp-hrss-14th@1", "--year", "2023", "--fail-on", "none", "--format", "csv", dir}, strings.NewReader(""), &stdout, &stderr); code != ExitOK {
		t.Fatalf("csv: status %d", code)
	}
	for _, unit := range []string{"杨家坪", "石桥铺"} {
		if !strings.Contains(stdout.String(), filepath.Join(dir, unit+".xlsx")+",jlp-hrss-14th@1,2023,"+unit+"街道,") {
			t.Errorf("csv: no row of %s from its own file:\n%s", unit, stdout.String())
		}
	}
	// The summary: the section names both files, without their folder.
	summary := filepath.Join(t.TempDir(), "s.xlsx")
	if code := Main([]string{"eval", "-q", "--plan", "jlp-hrss-14th@1", "--year", "2023", "--fail-on", "none", dir, "-o", summary}, strings.NewReader(""), &stdout, &stderr); code != ExitOK {
		t.Fatalf("summary: status %d", code)
	}
	f, err := excelize.OpenFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("完成情况", "A3"); v != "2023年 · 时序进度 60% · 杨家坪.xlsx、石桥铺.xlsx" {
		t.Errorf("section %q", v)
	}
}

// TestInspectYearSheets: inspect of a workbook of one sheet per year names
// each row's cells with their sheet, each row with its own sheet's values.
func TestInspectYearSheets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "by-year.xlsx")
	sheet := func(name string, jobs float64) wbt.Sheet {
		return wbt.Sheet{Name: name, Cells: []wbt.Cell{{Ref: "A1", Value: "指标"}, {Ref: "B1", Value: "本年完成"},
			{Ref: "A2", Value: "城镇新增就业人数"}, {Ref: "B2", Value: jobs}}}
	}
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{sheet("2021", 3.1), sheet("2022", 2.9)}}, path)
	var stdout, stderr bytes.Buffer
	if code := Main([]string{"inspect", "--wide", "--plan", "jlp-hrss-14th", path}, strings.NewReader(""), &stdout, &stderr); code != ExitOK {
		t.Fatalf("status %d\n%s", code, stderr.String())
	}
	for _, want := range []string{"│ 2021!A2 │ 城镇新增就业人数 │", "│ 2021: 3.1 (2021!B2) │", "│ 2022!A2 │ 城镇新增就业人数 │", "│ 2022: 2.9 (2022!B2) │"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("no %q in\n%s", want, stdout.String())
		}
	}
	if strings.Contains(stdout.String(), "2021: 3.1 (2021!B2); 2022") {
		t.Errorf("one sheet's row holds another's values:\n%s", stdout.String())
	}
}
