package newplan

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report/book"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// rowText is a row as the tests compare it.
func rowText(r *Row) string {
	return strings.Join([]string{r.Number, r.Name, r.Unit, r.Baseline, r.Target, r.Attribute}, "|")
}

// tableText is a table as the tests compare it: group, then its rows.
func tableText(t *Table) []string {
	var out []string
	for _, g := range t.Groups {
		out = append(out, "# "+g.Name)
		for _, r := range g.Rows {
			out = append(out, rowText(r))
		}
	}
	return out
}

func remarkKeys(t *Table) []string {
	var out []string
	for _, r := range t.Remarks {
		out = append(out, string(r.Msg.Key))
	}
	return out
}

// TestParseLayouts: the same small table, as the different copies lay it
// out, reads the same.
func TestParseLayouts(t *testing.T) {
	want := []string{
		"# 一、就业",
		"1|城镇新增就业人数|万人|4.02|[15]|预期性",
		"2|城镇调查失业率|%|5.5|<5.5|约束性",
	}
	for _, tc := range []struct {
		name, text string
		remarks    []string
	}{
		{"tabs, header words split by spaces", "专栏2 主要指标\n\n指标\t2020年 基数\t2025年 目标\t指标 属性\n一、就业\t\t\t\n1.城镇新增就业人数（万人）\t4.02\t[15]\t预期性\n2.城镇调查失业率（%）\t5.5\t<5.5\t约束性\n", nil},
		{"header over two lines, column by column", "指标\t2020年\t2025年\t指标\n\t基数\t目标\t属性\n一、就业\n1.城镇新增就业人数（万人）\t4.02\t[15]\t预期性\n2.城镇调查失业率（%）\t5.5\t<5.5\t约束性\n", nil},
		{"header one word a line", "指标\n2020年\n基数\n2025年\n目标\n指标\n属性\n一、就业\n1.城镇新增就业人数（万人）\t4.02\t[15]\t预期性\n2.城镇调查失业率（%）\t5.5\t<5.5\t约束性\n", nil},
		{"a spreadsheet's copy: quoted cells with line breaks", "\"指标\"\t\"2020年\n基数\"\t\"2025年\n目标\"\t\"指标\n属性\"\n一、就业\n1.城镇新增就业人数（万人）\t4.02\t[15]\t预期性\n\"2.城镇调查\n失业率（%）\"\t5.5\t<5.5\t约束性\n", nil},
		{"runs of spaces, CRLF", "专栏 2    “十四五”时期主要指标\r\n指标        2020年基数    2025年目标    指标属性\r\n一、就业\r\n1.城镇新增就业人数（万人）    4.02    [15]    预期性\r\n2.城镇调查失业率（%）    5.5    <5.5    约束性\r\n", nil},
		{"numbering 1、 and （2）, half-width brackets", "指标\t2020年基数\t2025年目标\t属性\n一、就业\n1、城镇新增就业人数(万人)\t4.02\t[15]\t预期性\n（2）城镇调查失业率(%)\t5.5\t<5.5\t约束性\n", nil},
		{"full-width numbering １． and （２）", "指标\t2020年基数\t2025年目标\t属性\n一、就业\n１．城镇新增就业人数（万人）\t4.02\t[15]\t预期性\n（２）城镇调查失业率（％）\t5.5\t<5.5\t约束性\n", nil},
		{"a name wrapped, its values on the second line", "指标\t2020年基数\t2025年目标\t指标属性\n一、就业\n1.城镇新增\n就业人数（万人）\t4.02\t[15]\t预期性\n2.城镇调查失业率（%）\t5.5\t<5.5\t约束性\n", []string{"newplan.joined"}},
		{"a name wrapped over a page break, header again", "指标\t2020年基数\t2025年目标\t指标属性\n一、就业\n1.城镇新增就业\t4.02\t[15]\t预期性\n\n指标\t2020年基数\t2025年目标\t指标属性\n人数（万人）\n2.城镇调查失业率（%）\t5.5\t<5.5\t约束性\n", []string{"newplan.joined"}},
		{"序号 and 单位 columns", "序号\t指标\t单位\t2020年基数\t2025年目标\t指标属性\n一、就业\n1\t城镇新增就业人数\t万人\t4.02\t[15]\t预期性\n2\t城镇调查失业率\t%\t5.5\t<5.5\t约束性\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := Parse(SplitText(tc.text), "")
			if err != nil {
				t.Fatal(err)
			}
			if got := tableText(tab); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if tab.BaselineYear != 2020 || tab.TargetYear != 2025 {
				t.Errorf("years %d, %d", tab.BaselineYear, tab.TargetYear)
			}
			if got := remarkKeys(tab); strings.Join(got, ",") != strings.Join(tc.remarks, ",") {
				t.Errorf("remarks %v, want %v", got, tc.remarks)
			}
		})
	}
}

// TestParseDecisions: where the reading has to decide, it says so.
func TestParseDecisions(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
		remarks    []string
	}{
		{"a cell lost between runs of spaces is read from the right",
			"指标      2020年基数      2025年目标      指标属性\n一、就业\n1.城镇新增就业人数（万人）      [15]      预期性\n",
			[]string{"# 一、就业", "1|城镇新增就业人数|万人||[15]|预期性"}, []string{"newplan.read-from-right"}},
		{"bare years: the earlier the baseline, the later the target",
			"指标\t2020年\t2025年\t属性\n一、就业\n1.城镇新增就业人数（万人）\t4.02\t[15]\t预期性\n",
			[]string{"# 一、就业", "1|城镇新增就业人数|万人|4.02|[15]|预期性"}, []string{"newplan.bare-years"}},
		{"no group rows: one group named after the caption",
			"表1 主要指标\n指标\t2020年基数\t2025年目标\n1.城镇新增就业人数（万人）\t4.02\t[15]\n",
			[]string{"# 表1 主要指标", "1|城镇新增就业人数|万人|4.02|[15]|"}, []string{"newplan.no-group"}},
		{"a wrapped name beside a 序号 column",
			"序号\t指标\t2020年基数\t2025年目标\n一、就业\n1\t城镇新增就业\t4.02\t[15]\n\t人数（万人）\n2\t城镇调查失业率（%）\t5.5\t<5.5\n",
			[]string{"# 一、就业", "1|城镇新增就业人数|万人|4.02|[15]|", "2|城镇调查失业率|%|5.5|<5.5|"}, []string{"newplan.joined"}},
		{"a wrapped name in unnumbered rows under numbered groups",
			"指标\t2020年基数\t2025年目标\n一、就业\n城镇新增就业\t4.02\t[15]\n人数（万人）\n二、社会保障\n基本养老保险参保率（%）\t97\t>95\n",
			[]string{"# 一、就业", "|城镇新增就业人数|万人|4.02|[15]|", "# 二、社会保障", "|基本养老保险参保率|%|97|>95|"}, []string{"newplan.joined"}},
		{"cells beyond the header are not read",
			"指标\t2020年基数\t2025年目标\n一、就业\n1.城镇新增就业人数（万人）\t4.02\t[15]\t多余\n",
			[]string{"# 一、就业", "1|城镇新增就业人数|万人|4.02|[15]|"}, []string{"newplan.extra-cells"}},
		{"the table ends at prose after a blank line",
			"指标\t2020年基数\t2025年目标\n一、就业\n1.城镇新增就业人数（万人）\t4.02\t[15]\n\n第二章 重点任务\n二、别的\n2.别的（个）\t1\t2\n",
			[]string{"# 一、就业", "1|城镇新增就业人数|万人|4.02|[15]|"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := Parse(SplitText(tc.text), "")
			if err != nil {
				t.Fatal(err)
			}
			if got := tableText(tab); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if got := remarkKeys(tab); strings.Join(got, ",") != strings.Join(tc.remarks, ",") {
				t.Errorf("remarks %v, want %v", got, tc.remarks)
			}
		})
	}
}

// TestNotes: 注： lines are the plan's note; one that goes on over a line is
// joined; several make a literal block.
func TestNotes(t *testing.T) {
	text := "指标\t2020年基数\t2025年目标\n一、就业\n1.城镇新增就业人数（万人）\t4.02\t[15]\n注：1.[]内为五年累计值；\n2.带“左右”的为约数。\n注2：第二条注释\n\n正文。\n"
	tab, err := Parse(SplitText(text), "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"注：1.[]内为五年累计值；2.带“左右”的为约数。", "注2：第二条注释"}
	if strings.Join(tab.Notes, "\n") != strings.Join(want, "\n") {
		t.Errorf("notes %q, want %q", tab.Notes, want)
	}
	res, err := Make(tab, Options{ID: "x", Title: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.YAML), "note: |-\n  注：1.[]内为五年累计值；2.带“左右”的为约数。\n  注2：第二条注释\n") {
		t.Errorf("note not written as a literal block:\n%s", res.YAML)
	}
}

// TestPeriod: the flag, else the header's years, else the five-year plan's
// name, else a span in the caption, else five years to the target year;
// else an error.
func TestPeriod(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		opts       Options
		start, end int
		from       msg.Key
	}{
		{"flag", "指标\t2020年基数\t2025年目标\n1.a（个）\t1\t2\n", Options{Start: 2016, End: 2020}, 2016, 2020, ""},
		{"header years", "指标\t2020年基数\t2025年目标\n1.a（个）\t1\t2\n", Options{}, 2021, 2025, "newplan.period-header"},
		{"十四五 in the caption", "专栏2 “十四五”时期主要指标\n指标\t基数\t目标\n1.a（个）\t1\t2\n", Options{}, 2021, 2025, "newplan.period-fyp"},
		{"“十三五”目标 in the header", "项目\t“十三五”目标\t2020年实际值\n1.a（个）\t1\t2\n", Options{}, 2016, 2020, "newplan.period-fyp"},
		{"a span in the caption", "表3 主要指标（2026—2030年）\n指标\t基数\t目标\n1.a（个）\t1\t2\n", Options{}, 2026, 2030, "newplan.period-caption"},
		{"the target year alone", "指标\t基数\t2030年目标\n1.a（个）\t1\t2\n", Options{}, 2026, 2030, "newplan.period-five-years"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab, err := Parse(SplitText(tc.text), "")
			if err != nil {
				t.Fatal(err)
			}
			start, end, from, err := tab.Period(tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var key msg.Key
			if from != nil {
				key = from.Key
			}
			if start != tc.start || end != tc.end || key != tc.from {
				t.Errorf("%d—%d from %q, want %d—%d from %q", start, end, key, tc.start, tc.end, tc.from)
			}
		})
	}
	tab, err := Parse(SplitText("指标\t基数\t目标\n1.a（个）\t1\t2\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	var me *msg.Error
	if _, err := Make(tab, Options{ID: "x", Title: "t"}); !errors.As(err, &me) || me.Key != "newplan.no-period" {
		t.Errorf("no year anywhere: %v, want newplan.no-period", err)
	}
}

func TestNoHeader(t *testing.T) {
	var me *msg.Error
	for _, text := range []string{"", "一段正文。\n\n另一段。", "指标\t2023年\n1.a\t5\n"} {
		if _, err := Parse(SplitText(text), ""); !errors.As(err, &me) || me.Key != "newplan.no-header" {
			t.Errorf("%q: %v, want newplan.no-header", text, err)
		}
	}
	if _, err := Parse(SplitText("专栏1 x\n指标\t2025年目标\n1.a（个）\t2\n"), "专栏9"); !errors.As(err, &me) || me.Key != "newplan.no-table-captioned" {
		t.Errorf("--table 专栏9: %v", err)
	}
}

// TestDecodeText: a Windows editor's GBK text reads as the UTF-8 does.
func TestDecodeText(t *testing.T) {
	text := "指标\t2025年目标\n1.城镇新增就业人数（万人）\t[15]\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"utf-8": []byte(text), "utf-8 bom": append([]byte{0xEF, 0xBB, 0xBF}, text...), "gbk": []byte(gbk)} {
		if got := DecodeText(data); got != text {
			t.Errorf("%s: %q", name, got)
		}
	}
}

// TestWorkbook: the same table in a workbook's cells — the group title
// merged over the row, numbers stored as numbers — reads as pasted.
func TestWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "专栏2.xlsx")
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "Sheet1", Merges: []string{"A1:D1", "A3:D3"}, Cells: []wbt.Cell{
		{Ref: "A1", Value: "专栏2 “十四五”时期主要指标"},
		{Ref: "A2", Value: "指标"}, {Ref: "B2", Value: "2020年\n基数"}, {Ref: "C2", Value: "2025年\n目标"}, {Ref: "D2", Value: "指标\n属性"},
		{Ref: "A3", Value: "一、就业"},
		{Ref: "A4", Value: "1.城镇新增就业人数（万人）"}, {Ref: "B4", Value: 4.02}, {Ref: "C4", Value: "[15]"}, {Ref: "D4", Value: "预期性"},
		{Ref: "A5", Value: "2.城镇调查失业率（%）"}, {Ref: "B5", Value: 5.5}, {Ref: "C5", Value: "<5.5"}, {Ref: "D5", Value: "约束性"},
		{Ref: "A7", Value: "注：[]内为五年累计值"},
	}}}}, path)
	_, rows, err := actuals.SheetCells(path, actuals.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Parse(SheetLines(rows), "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"# 一、就业", "1|城镇新增就业人数|万人|4.02|[15]|预期性", "2|城镇调查失业率|%|5.5|<5.5|约束性"}
	if got := tableText(tab); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if tab.Caption != "专栏2 “十四五”时期主要指标" || len(tab.Notes) != 1 {
		t.Errorf("caption %q notes %q", tab.Caption, tab.Notes)
	}
}

// TestScalar: a string is written plain only where YAML reads it back as the
// same string.
func TestScalar(t *testing.T) {
	for in, want := range map[string]string{
		"城镇新增就业人数":        "城镇新增就业人数",
		"专栏2":             "专栏2",
		"专栏2 #1":          `"专栏2 #1"`,
		"%":               `"%"`,
		"":                `""`,
		"4.02":            `"4.02"`,
		"yes":             `"yes"`,
		"null":            `"null"`,
		"a: b":            `"a: b"`,
		"[15]":            `"[15]"`,
		"注：[]内为五年累计值":     "注：[]内为五年累计值",
		"细颗粒物（PM2.5）年均浓度": "细颗粒物（PM2.5）年均浓度",
		"- 项":             `"- 项"`,
	} {
		if got := scalar(in); got != want {
			t.Errorf("scalar(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestTemplateRoundTrip: the workbook plancheck template writes is a table
// new-plan reads back: its 编号 column gives the ids (valid slugs are kept),
// its 单位 column the units, its other columns (the years, 完成情况, 填写说明)
// are not read.
func TestTemplateRoundTrip(t *testing.T) {
	want := shipped14th(t)
	var buf bytes.Buffer
	if err := book.Template(&buf, want, book.TemplateOptions{From: 2021, To: 2025, Lang: msg.Chinese}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, rows, err := actuals.SheetCells(path, actuals.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Parse(SheetLines(rows), "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Make(tab, Options{ID: want.ID, Title: want.Title})
	if err != nil {
		t.Fatal(err)
	}
	got, err := plan.Load("rt.yaml", fill(t, res, want))
	if err != nil {
		t.Fatal(err)
	}
	gi, wi := got.Indicators(), want.Indicators()
	if len(gi) != len(wi) || got.Period != want.Period {
		t.Fatalf("%d indicators over %v, want %d over %v", len(gi), got.Period, len(wi), want.Period)
	}
	for i := range wi {
		g, w := gi[i], wi[i]
		wantTarget := w.Target.Text
		if w.Printed != "" {
			wantTarget = w.Printed
		}
		gf := strings.Join([]string{g.ID, g.Group, g.Name, g.Unit, g.Baseline.Text, g.Target.Text, g.Attribute.String()}, "|")
		wf := strings.Join([]string{w.ID, w.Group, w.Name, w.Unit, w.Baseline.Text, wantTarget, w.Attribute.String()}, "|")
		if gf != wf {
			t.Errorf("#%d:\n got %s\nwant %s", i+1, gf, wf)
		}
	}
}

// TestCaption: the caption is the line above the header — one short cell, or a
// labelled one (专栏 2, 表3) whose words a copy set apart — and never a
// sentence.
func TestCaption(t *testing.T) {
	for text, want := range map[string]string{
		"专栏2 “十四五”时期主要指标\n\n指标\t2025年目标\n1.a（个）\t2\n":   "专栏2 “十四五”时期主要指标",
		"专栏 2    “十四五”时期主要指标\n指标\t2025年目标\n1.a（个）\t2\n": "专栏 2 “十四五”时期主要指标",
		"表3\t主要指标\n指标\t2025年目标\n1.a（个）\t2\n":            "表3 主要指标",
		"到2025年，主要指标如下。\n指标\t2025年目标\n1.a（个）\t2\n":      "",
		"一\t二\n指标\t2025年目标\n1.a（个）\t2\n":                "",
	} {
		tab, err := Parse(SplitText(text), "")
		if err != nil {
			t.Fatal(err)
		}
		if tab.Caption != want {
			t.Errorf("%q: caption %q, want %q", text, tab.Caption, want)
		}
	}
}
