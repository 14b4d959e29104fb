package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// midtermCopy copies testdata/midterm.yaml — the 十四五 plan after a made-up
// mid-term adjustment: a target, an attribute, a baseline and a unit
// changed, an indicator renamed, one removed, one added, the title and the
// date of issue changed, and "≥ 95" written "≥95" (no change) — into a
// temporary folder.
func midtermCopy(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "midterm.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "中期调整.yaml")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestDiffEqual(t *testing.T) {
	t.Setenv(plansEnvVar, "")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"diff", "jlp-hrss-14th", "jlp-hrss-14th@2"}, "jlp-hrss-14th@2 → jlp-hrss-14th@2：没有变化\n"},
		{[]string{"diff", "jlp-hrss-13th@1", "jlp-hrss-13th", "--lang", "en", "--format", "markdown"}, "jlp-hrss-13th@1 → jlp-hrss-13th@1: no changes\n"},
		{[]string{"diff", "jlp-hrss-14th@1", filepath.Join("..", "..", "plans", "jlp-hrss-14th.v1.yaml"), "--format", "json"}, ""},
	} {
		code, stdout, stderr := runMain(c.args...)
		if code != 0 || stderr != "" {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr)
		}
		if c.want != "" && stdout != c.want {
			t.Errorf("%v: stdout %q, want %q", c.args, stdout, c.want)
		}
		if c.want == "" {
			var got struct {
				Equal   bool
				Changes []any
			}
			if err := json.Unmarshal([]byte(stdout), &got); err != nil || !got.Equal || got.Changes == nil || len(got.Changes) > 0 {
				t.Errorf("%v: %v %+v\n%s", c.args, err, got, stdout)
			}
		}
	}
}

// TestDiffMidterm: every kind of change of the mid-term adjustment is
// listed, in each format and language, and the plans differing is exit 1.
func TestDiffMidterm(t *testing.T) {
	t.Setenv(plansEnvVar, "")
	file := midtermCopy(t)
	// Each row: the indicator, the change and the field as each language
	// words them, the old value and the new.
	rows := []struct{ indicator, zh, en, old, new string }{
		{"（规划）|(plan)", "修改 | 标题", "changed | title", "九龙坡区人力资源和社会保障事业发展“十四五”规划（2021—2025年）", "（中期调整）"},
		{"（规划）|(plan)", "修改 | 发布时间", "changed | issued", "2022-01", "2023-12"},
		{"urban-new-jobs 城镇新增就业人数（万人）", "修改 | 目标", "changed | target", "[15]", "[16]"},
		{"pension-insurance-coverage 基本养老保险参保率（%）", "修改 | 属性", "changed | attribute", "预期性", "约束性"},
		{"unemployment-insurance-enrolment 失业保险参保总人数（万人）", "改名 | 名称", "renamed | name", "失业保险参保人数", "失业保险参保总人数"},
		{"unemployment-insurance-enrolment 失业保险参保总人数（万人）", "修改 | 基数", "changed | baseline", "41.6", "41.8"},
		{"new-vocational-certificates 新增取得职业资格证书或者职业技能等级证书人数（人）", "修改 | 单位", "changed | unit", "万人", "人"},
		{"new-vocational-certificates 新增取得职业资格证书或者职业技能等级证书人数（人）", "修改 | 目标", "changed | target", "[1.7]", "[17000]"},
		{"new-vocational-certificates 新增取得职业资格证书或者职业技能等级证书人数（人）", "修改 | 基数", "changed | baseline", "[3.7]", "[37000]"},
		{"village-service-station-coverage 村（社区）人力社保服务站点覆盖率（%）", "新增 | 目标", "added | target", "", "100"},
		{"drg-disease-payment-share 实行按疾病诊断相关分组付费和按病种付费的住院费用占全部住院费用的比例（%）", "删除 | 目标", "removed | target", "70", ""},
	}
	for _, lang := range []string{"zh", "en"} {
		code, stdout, stderr := runMain("diff", "jlp-hrss-14th@1", file, "--format", "markdown", "--lang", lang)
		if code != 1 || stderr != "" {
			t.Errorf("%s: exit %d, stderr %q", lang, code, stderr)
		}
		title := map[string]string{"zh": "jlp-hrss-14th@1 → jlp-hrss-14th@3：11 处变化\n\n", "en": "jlp-hrss-14th@1 → jlp-hrss-14th@3: 11 changes\n\n"}[lang]
		if !strings.HasPrefix(stdout, title) {
			t.Errorf("%s: no title %q:\n%s", lang, title, stdout)
		}
		lines := strings.Split(strings.TrimSpace(stdout), "\n")[4:] // the title, a blank line, the header and its rule
		if len(lines) != len(rows) {
			t.Fatalf("%s: %d rows, want %d:\n%s", lang, len(lines), len(rows), stdout)
		}
		for i, r := range rows {
			cells := strings.Split(strings.Trim(lines[i], "|"), "|")
			for j := range cells {
				cells[j] = strings.TrimSpace(cells[j])
			}
			kindField := map[string]string{"zh": r.zh, "en": r.en}[lang]
			ind, _, _ := strings.Cut(r.indicator, "|")
			if lang == "en" && strings.Contains(r.indicator, "|") {
				_, ind, _ = strings.Cut(r.indicator, "|")
			}
			got := strings.Join(cells[:3], " | ")
			if got != ind+" | "+kindField || !strings.HasPrefix(cells[3], r.old) || !strings.HasSuffix(cells[4], r.new) || (r.old == "") != (cells[3] == "") || (r.new == "") != (cells[4] == "") {
				t.Errorf("%s row %d: %q, want %s | %s | %s | %s", lang, i+1, lines[i], ind, kindField, r.old, r.new)
			}
		}
	}

	// The box table has the same rows between its rules.
	code, stdout, _ := runMain("diff", "jlp-hrss-14th@1", file, "--lang", "en")
	if code != 1 || strings.Count(stdout, "\n│ ") != len(rows)+1 || !strings.Contains(stdout, "│ renamed │ name      │ 失业保险参保人数") {
		t.Errorf("table: exit %d\n%s", code, stdout)
	}

	// JSON: the machine's view, the same in either language.
	var outs [2]string
	for i, lang := range []string{"zh", "en"} {
		code, outs[i], _ = runMain("diff", "jlp-hrss-14th@1", file, "--format", "json", "--lang", lang)
		if code != 1 {
			t.Errorf("json %s: exit %d", lang, code)
		}
	}
	if outs[0] != outs[1] {
		t.Errorf("json differs by language:\n%s\n%s", outs[0], outs[1])
	}
	var got struct {
		A, B struct {
			ID      string
			Version int
			File    string
		}
		Equal   bool
		Changes []struct {
			Change, Field   string
			Indicator, Name *string
			Group, Old, New *string
		}
	}
	if err := json.Unmarshal([]byte(outs[0]), &got); err != nil {
		t.Fatal(err)
	}
	if got.Equal || got.A.ID != "jlp-hrss-14th" || got.A.Version != 1 || got.B.Version != 3 || got.B.File != file || len(got.Changes) != len(rows) {
		t.Fatalf("json: %+v", got)
	}
	str := func(s *string) string {
		if s == nil {
			return "null"
		}
		return *s
	}
	for i, want := range []string{
		"changed title null null", "changed issued null null",
		"changed target urban-new-jobs 城镇新增就业人数 一、就业 [15] [16]",
		"changed attribute pension-insurance-coverage 基本养老保险参保率 二、社会保障 预期性 约束性",
		"renamed name unemployment-insurance-enrolment 失业保险参保总人数 二、社会保障 失业保险参保人数 失业保险参保总人数",
		"changed baseline unemployment-insurance-enrolment",
		"changed unit new-vocational-certificates", "changed target new-vocational-certificates", "changed baseline new-vocational-certificates",
		"added target village-service-station-coverage 村（社区）人力社保服务站点覆盖率 六、公共服务 null 100",
		"removed target drg-disease-payment-share 实行按疾病诊断相关分组付费和按病种付费的住院费用占全部住院费用的比例 三、医疗保障 70 null",
	} {
		c := got.Changes[i]
		line := strings.Join([]string{c.Change, c.Field, str(c.Indicator), str(c.Name), str(c.Group), str(c.Old), str(c.New)}, " ")
		if !strings.HasPrefix(line, want) {
			t.Errorf("json change %d: %s\nwant %s…", i+1, line, want)
		}
	}
}

func TestDiffErrors(t *testing.T) {
	t.Setenv(plansEnvVar, "")
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("schema: plancheck/v1\nid: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args   []string
		stderr []string
	}{
		{[]string{"diff", "jlp-hrss-14th", "nosuch", "--lang", "en"}, []string{`plancheck: error: unknown plan "nosuch" (known: jlp-hrss-13th, jlp-hrss-14th)`, "plancheck: hint: "}},
		{[]string{"diff", "jlp-hrss-14th@9", "jlp-hrss-14th"}, []string{"plancheck: 错误：jlp-hrss-14th 没有第 9 版（已有版本：1、2）"}},
		{[]string{"diff", "jlp-hrss-14th", bad, "--lang", "en"}, []string{"plancheck: error: " + bad + `:1:1: plan: missing required field "version"`}},
		{[]string{"diff", "jlp-hrss-14th"}, []string{"plancheck: 错误：diff 需要两个规划，收到 1 个参数", "plancheck: 提示：例如 plancheck diff jlp-hrss-14th@1 jlp-hrss-14th@2"}},
		{[]string{"diff", "a", "b", "c", "--lang", "en"}, []string{"plancheck: error: diff takes two plans, got 3 arguments"}},
		{[]string{"diff", "jlp-hrss-14th", "jlp-hrss-13th", "--format", "csv", "--lang", "en"}, []string{`plancheck: error: unknown format "csv"`, "plancheck: hint: use --format table, markdown or json"}},
	} {
		code, stdout, stderr := runMain(c.args...)
		if code != 2 || stdout != "" {
			t.Errorf("%v: exit %d, stdout %q", c.args, code, stdout)
		}
		for _, s := range c.stderr {
			if !strings.Contains(stderr, s) {
				t.Errorf("%v: stderr lacks %q:\n%s", c.args, s, stderr)
			}
		}
	}
}

// TestREADMEDiffExample: the README's diff example is what plancheck prints.
func TestREADMEDiffExample(t *testing.T) {
	t.Setenv(plansEnvVar, "")
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, stdout, _ := runMain("diff", "jlp-hrss-14th@1", filepath.Join("testdata", "midterm.yaml"), "--format", "markdown")
	want := "```\n$ plancheck diff jlp-hrss-14th@1 中期调整.yaml --format markdown\n```\n\n" + stdout
	if !strings.Contains(string(readme), want) {
		t.Errorf("the README's diff example is not what plancheck prints; want:\n%s", want)
	}
}

// TestDiffVersion2: diff of the shipped 十四五 plan's two versions lists the
// 36 commitments version 2 adds (第四节 and the key projects) and nothing of
// 专栏2's 23 removed or changed.
func TestDiffVersion2(t *testing.T) {
	t.Parallel()
	code, stdout, stderr := runMain("diff", "jlp-hrss-14th@1", "jlp-hrss-14th@2", "--format", "json")
	if code != ExitFailed {
		t.Fatalf("exit %d, want 1 (they differ)\n%s", code, stderr)
	}
	var got struct {
		Changes []struct {
			Change, Indicator, Field string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	added := 0
	for _, c := range got.Changes {
		switch {
		case c.Change == "added":
			added++
		case c.Indicator != "":
			t.Errorf("%s %s of %s: 专栏2's indicators are version 1's", c.Change, c.Field, c.Indicator)
		}
	}
	if added != 36 {
		t.Errorf("%d indicators added, want 36", added)
	}
}
