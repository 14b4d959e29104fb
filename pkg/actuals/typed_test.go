package actuals

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"
	"unsafe"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// typedRow reads one value cell of a row of the indicator named name, whose
// unit column says rowUnit ("" for none), and describes what became of it:
// "amount 42.5", "total 9.3 ~" (~: approximate), "none", or "bad: reason";
// then the warnings, without their cell.
func typedRow(t *testing.T, name, rowUnit string, cell any, lang msg.Lang) (string, []string) {
	t.Helper()
	var unit any
	if rowUnit != "" {
		unit = rowUnit
	}
	rows := grid([]any{"指标", "单位", "2021年"}, []any{name, unit, cell})
	res, err := Match(tableOf(t, rows), plan14(t), Options{Lang: lang})
	var ce *CellErrors
	if errors.As(err, &ce) {
		return "bad: " + ce.Issues[0].Msg, nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var warnings []string
	for _, w := range res.Warnings {
		warnings = append(warnings, w.Msg)
	}
	v := res.Values[0]
	got := string(v.Kind)
	if v.Kind == Amount || v.Kind == Total {
		got += " " + formatNumber(v.Number)
	}
	if v.Approximate {
		got += " ~"
	}
	return got, warnings
}

// TestValuesAsTyped: every form of issue 10's "values as people type them",
// each read into the plan's unit with the row's unit column where there is
// one. The indicators: 失业保险参保人数 in 万人 (target 43.6), 新增高级职称
// 专业技术人才数量 in 人 (cumulative [1700]), 城镇新增就业人数 in 万人
// (cumulative [15]), 基本养老保险参保率 in %.
func TestValuesAsTyped(t *testing.T) {
	const (
		enrolment = "失业保险参保人数"
		senior    = "新增高级职称专业技术人才数量"
		jobs      = "城镇新增就业人数"
		coverage  = "基本养老保险参保率"
	)
	approx := func(number, words string) string {
		return fmt.Sprintf("read as %s, dropping %s", number, words)
	}
	cases := []struct {
		name, rowUnit string
		cell          any
		want          string
		warnings      []string
	}{
		// 万 and 亿 multiply the row's unit; written in a 万人 row, 万 is the
		// 万 of the unit: 42.5万 is 42.5 万人 in both.
		{enrolment, "人", "42.5万", "amount 42.5", nil},
		{enrolment, "万人", "42.5万", "amount 42.5", nil},
		{enrolment, "", "42.5万", "amount 42.5", nil}, // no unit column: the plan's 万人
		{enrolment, "人", "42.5 万", "amount 42.5", nil},
		{enrolment, "人", "４２.５万", "amount 42.5", nil},
		// 1.2亿 人 = 120,000,000 人 = 12,000 万人, as in a 万人 row (亿 of 人:
		// 亿人 is no unit of the plans).
		{enrolment, "人", "1.2亿", "amount 12000", []string{"12000 is more than 100 times the target 43.6 万人: is the unit right?"}},
		{enrolment, "万人", "1.2亿", "amount 12000", []string{"12000 is more than 100 times the target 43.6 万人: is the unit right?"}},
		// 0.17万 in a plan's 人: 1,700 人.
		{senior, "", "0.17万", "amount 1700", nil},
		{senior, "人", "0.17万", "amount 1700", nil},
		{senior, "万人", "0.17万", "amount 1700", nil},
		// A unit after the number says the number's unit, whatever the row's.
		{enrolment, "人", "250人", "amount 0.025", nil},  // 250 / 10,000
		{enrolment, "万人", "250人", "amount 0.025", nil}, // the cell's unit wins
		{enrolment, "人", "3.2万人", "amount 3.2", nil},
		{enrolment, "万人", "3.2 万人", "amount 3.2", nil},
		{enrolment, "人", "0.004亿人", "amount 40", nil}, // 400,000 人
		{senior, "", "1,700人", "amount 1700", nil},
		{coverage, "%", "98%", "amount 98", nil},
		{coverage, "", "98 ％", "amount 98", nil},
		// 万 multiplies counts, amounts and money only.
		{coverage, "%", "5.2万", `bad: "万" multiplies counts, amounts and money only, not %`, nil},
		{coverage, "", "1亿", `bad: "亿" multiplies counts, amounts and money only, not %`, nil},
		{enrolment, "元", "42.5万", "bad: the row's unit 元 does not convert to 万人, the unit of 失业保险参保人数", nil},
		{enrolment, "人", "99999999亿", "bad: too large to be a value", nil},
		// Totals in 【】 and 〔〕 as in [].
		{jobs, "", "[9.3]", "total 9.3", nil},
		{jobs, "", "【9.3】", "total 9.3", nil},
		{jobs, "", "〔9.3〕", "total 9.3", nil},
		{jobs, "", "［9.3］", "total 9.3", nil},
		{jobs, "人", "【93,000】", "total 9.3", nil},
		{jobs, "人", "【9.3万】", "total 9.3", nil},
		{coverage, "", "【9.3】", "bad: a bracketed total, but 基本养老保险参保率 is not a cumulative ([X]) indicator", nil},
		{jobs, "", "【9.3", "bad: not a number", nil},
		// Approximate and provisional values: the number, with a warning.
		{coverage, "", "约72", "amount 72 ~", []string{approx("72", `"约"`)}},
		{coverage, "", "72左右", "amount 72 ~", []string{approx("72", `"左右"`)}},
		{coverage, "", "72（快报）", "amount 72 ~", []string{approx("72", `"（快报）"`)}},
		{coverage, "", "72左右（快报）", "amount 72 ~", []string{approx("72", `"左右", "（快报）"`)}},
		{coverage, "", "约72*（快报）", "amount 72 ~", []string{approx("72", `"约", "*", "（快报）"`)}},
		{coverage, "", "72(预计)", "amount 72 ~", []string{approx("72", `"（预计）"`)}},
		{coverage, "", "72*", "amount 72 ~", []string{approx("72", `"*"`)}},
		{coverage, "", "72＊", "amount 72 ~", []string{approx("72", `"*"`)}},
		{coverage, "", "72※", "amount 72 ~", []string{approx("72", `"※"`)}},
		{coverage, "", "约 72% 左右", "amount 72 ~", []string{approx("72", `"约", "左右"`)}},
		{enrolment, "人", "约42.5万", "amount 42.5 ~", []string{approx("42.5", `"约"`)}},
		{jobs, "", "约[9.3]", "total 9.3 ~", []string{approx("9.3", `"约"`)}},
		{jobs, "", "[9.3]（快报）", "total 9.3 ~", []string{approx("9.3", `"（快报）"`)}},
		{jobs, "", "[约9.3]", "total 9.3 ~", []string{approx("9.3", `"约"`)}},
		{coverage, "", "约0.97", "amount 0.97 ~", []string{approx("0.97", `"约"`),
			"0.97 looks like a fraction for a % indicator: write 97, or format the cell as a percentage"}},
		{coverage, "", "约", "bad: not a number", nil},
		{coverage, "", "72约", "bad: not a number", nil},
		// Thousands separators, full-width digits, spaces inside.
		{enrolment, "人", "1,010", "amount 0.101", nil},
		{enrolment, "人", "1，010", "amount 0.101", nil},
		{enrolment, "人", "1 010", "amount 0.101", nil},
		{enrolment, "人", "1\u00a0010", "amount 0.101", nil}, // a no-break space
		{enrolment, "人", "1,234,567.5", "amount 123.45675", nil},
		{enrolment, "", "４２．５", "amount 42.5", nil},
		{enrolment, "", "１，０１０", "amount 1010", nil},
		// Not thousands: bad cells as before.
		{enrolment, "人", "1,01", "bad: not a number", nil},
		{enrolment, "人", "1,0100", "bad: not a number", nil},
		{enrolment, "人", "1010,000", "bad: not a number", nil},
		{enrolment, "人", "1,010 000", "bad: not a number", nil},
		{enrolment, "人", "1 01", "bad: not a number", nil},
		{enrolment, "人", "12,34.5", "bad: not a number", nil},
		{enrolment, "人", "1.", "bad: not a number", nil},
		{enrolment, "人", ".5", "bad: not a number", nil},
		{enrolment, "人", "九十五", "bad: not a number", nil},
		{enrolment, "人", "42.5千", "bad: not a number", nil},
		{enrolment, "人", "2023-05-01", "bad: not a number", nil},
		{enrolment, "", "2023年", "bad: a value in 年, but 失业保险参保人数 is in 万人", nil},
		{coverage, "", "1:2", "bad: a ratio, but 基本养老保险参保率 is not a ratio indicator", nil},
		{coverage, "", date(45000), `bad: a date (format "yyyy/m/d") where a number belongs`, nil},
		{coverage, "", errCell("#DIV/0!"), "bad: the cell holds the error #DIV/0!", nil},
		// No value, never a bad cell.
		{coverage, "", errCell("#N/A"), "none", nil},
	}
	for _, w := range NoValueWords {
		cases = append(cases, struct {
			name, rowUnit string
			cell          any
			want          string
			warnings      []string
		}{coverage, "", w, "none", nil})
	}
	for _, w := range []string{" 暂无 ", "n/a", "＃Ｎ／Ａ", "－－", "／"} {
		cases = append(cases, struct {
			name, rowUnit string
			cell          any
			want          string
			warnings      []string
		}{coverage, "", w, "none", nil})
	}
	for _, c := range cases {
		got, warnings := typedRow(t, c.name, c.rowUnit, c.cell, msg.English)
		if got != c.want || !slices.Equal(warnings, c.warnings) {
			t.Errorf("%s, row unit %q, %q: %s %q\nwant %s %q", c.name, c.rowUnit, c.cell, got, warnings, c.want, c.warnings)
		}
	}
}

// TestApproximateWarningInChinese: the warning names the cell and the word
// dropped, in Chinese with full-width punctuation.
func TestApproximateWarningInChinese(t *testing.T) {
	rows := grid([]any{"指标", "2021年", "2022年", "2023年"}, []any{"基本养老保险参保率", nil, nil, "约72"})
	res, err := Match(tableOf(t, rows), plan14(t), Options{Lang: msg.Chinese})
	if err != nil {
		t.Fatal(err)
	}
	equalLines(t, "warnings", []string{res.Warnings[0].String()}, []string{"表1!D2：“约72”：按 72 读取，去掉了“约”"})
	en, err := Match(tableOf(t, rows), plan14(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	equalLines(t, "warnings", []string{en.Warnings[0].String()}, []string{`表1!D2: "约72": read as 72, dropping "约"`})
}

// TestReadingApproximate: the approximate flag rides in a Reading's kind byte
// (a Reading stays 16 bytes), through the spill file and back, and leaves the
// kind as it was.
func TestReadingApproximate(t *testing.T) {
	if size := unsafe.Sizeof(Reading{}); size != 16 {
		t.Errorf("a Reading is %d bytes, want 16", size)
	}
	s, err := newSpill()
	if err != nil {
		t.Fatal(err)
	}
	defer s.f.Close()
	for _, k := range []readingKind{kindNone, kindAmount, kindTotal, kindParts} {
		for _, flag := range []readingKind{0, kindApproximate} {
			r := Reading{Number: 1.5, Row: 7, Col: 3, year: 2, kind: k | flag}
			off, err := s.write([]Reading{r})
			if err != nil {
				t.Fatal(err)
			}
			back := make([]Reading, 1)
			if err := s.read(back, off); err != nil {
				t.Fatal(err)
			}
			if back[0] != r || r.Kind() != kindNames[k] || r.Approximate() != (flag != 0) {
				t.Errorf("%v|%v: read back %+v, kind %s, approximate %v", k, flag, back[0], r.Kind(), r.Approximate())
			}
		}
	}
}

// FuzzValueText: any text in a value cell, in a 人 row of a 万人 indicator,
// is a value in range, no value, or a bad cell with a reason; never a panic.
func FuzzValueText(f *testing.F) {
	for _, s := range []string{"42.5万", "1.2亿", "约72", "72（快报）", "【9.3】", "1,010", "1 010", "1,01", "250人",
		"３.２万人", "暂无", "#N/A", "[约9.3万]", "99999999亿", "-0", "1e5", "16:47:37"} {
		f.Add(s)
	}
	p, err := plan.Resolve("jlp-hrss-14th@1")
	if err != nil {
		f.Fatal(err)
	}
	var ind *plan.Indicator
	for _, i := range p.Indicators() {
		if i.ID == "urban-new-jobs" {
			ind = i
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := xlsx.Cell{Kind: xlsx.Text, Text: s}
		pv, reason := readValue(c, ind, msg.English)
		if reason == "" && pv.kind != NoValue {
			_, reason = convert(&pv, c, "人", true, ind, true, msg.English)
		}
		if reason != "" {
			return
		}
		if math.IsNaN(pv.number) || math.Abs(pv.number) >= maxValue {
			t.Fatalf("%q: read as %v", s, pv.number)
		}
	})
}
