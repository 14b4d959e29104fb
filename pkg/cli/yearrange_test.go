package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

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
	code := Main([]string{"eval", "--plan", "jlp-hrss-14th", "--year", "2023", "--fail-on", "none", dir}, strings.NewReader(""), &stdout, &stderr)
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
}
