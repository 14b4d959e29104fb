package actuals

import (
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// TestNear: a name close to exactly one 十四五 indicator is suggested, by
// each rule; a name close to none, or to two, is not.
func TestNear(t *testing.T) {
	p, err := plan.Resolve("jlp-hrss-14th@1")
	if err != nil {
		t.Fatal(err)
	}
	m := newMatcher(p)
	for text, want := range map[string]string{
		"新增高级职称专业技术人才":          "new-senior-title-professionals",   // a trailing 数量 dropped
		"新增高级职称专业技术人才数":         "new-senior-title-professionals",   // 数 for 数量
		"专业技术人才的总量":             "professional-technical-talent",    // 的 added
		"城镇新增就业":                "urban-new-jobs",                   // held whole in 城镇新增就业人数
		"3.城镇新增就业人员数（万人）":       "urban-new-jobs",                   // one character changed, after the number and unit go
		"失业保险参保人员数":             "unemployment-insurance-enrolment", // 人员 for 人
		"城乡居民医保政策范围内住院费用基金支付比例": "resident-inpatient-reimbursement", // 医保 for 基本医疗保险
		"填报人：张三":                "",
		"参保率":                   "",                           // 3 characters: too short to guess
		"医疗保险参保率":               "medical-insurance-coverage", // 医保参保率 both
		"保险参保人数":                "",                           // held in 失业保险参保人数 and 工伤保险参保人数: two
	} {
		got := ""
		if ind := m.near(text); ind != nil {
			got = ind.ID
		}
		if got != want {
			t.Errorf("%s: near %q, want %q", text, got, want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"城镇新增就业人数", "城镇新增就业人员", 2, 1},
		{"abc", "abc", 1, 0},
		{"abcd", "abdc", 2, 2},
		{"abcdef", "ab", 2, 3},
		{"kitten", "sitting", 5, 3},
	} {
		if got := editDistance(tc.a, tc.b, tc.limit); got != tc.want {
			t.Errorf("%s %s: %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestIssueQuotesTextShort: a message quotes a cell's first 40 characters,
// so that a paragraph pasted under a table does not fill the screen.
func TestIssueQuotesTextShort(t *testing.T) {
	long := strings.Repeat("十四五时期全区人力社保事业发展", 5) // 75 characters
	i := Issue{Cell: "表1!A23", Text: long, Msg: "matches no indicator"}
	want := `表1!A23: "` + string([]rune(long)[:40]) + `…": matches no indicator`
	if got := i.String(); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	short := Issue{Cell: "表1!A9", Text: "填报人：张三", Msg: "m"}
	if got := short.String(); got != `表1!A9: "填报人：张三": m` {
		t.Errorf("short: %s", got)
	}
}
