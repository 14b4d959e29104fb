package actuals

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// TestIssueListIsBounded: an issueList keeps MaxIssuesPerKind+1 issues of
// each kind whatever comes, and prints the lines all of them would.
func TestIssueListIsBounded(t *testing.T) {
	var all []Issue
	var l issueList
	for i := range 100_000 {
		is := Issue{Cell: fmt.Sprintf("表1!A%d", i+2), Text: fmt.Sprint(i), Msg: "与 p@1 的任何指标都不相符", Lang: msg.Chinese}
		if i%1000 == 7 {
			is = Issue{Cell: fmt.Sprintf("表1!C%d", i+2), Text: "abc", Msg: fmt.Sprintf("不是数字（第 %d 行）", i), BadCell: true, Lang: msg.Chinese}
		}
		all = append(all, is)
		l.add(is)
	}
	if len(l.list) != 2*(MaxIssuesPerKind+1) {
		t.Errorf("kept %d issues, want %d", len(l.list), 2*(MaxIssuesPerKind+1))
	}
	got, want := FormatIssues("x.xlsx", l.list), FormatIssues("x.xlsx", all)
	if !slices.Equal(got, want) {
		t.Errorf("lines of the bounded list:\n%q\nwant\n%q", got, want)
	}
	if last := got[len(got)-1]; last != "x.xlsx：另有 80 处同类问题，如：不是数字（第 20007 行）" {
		t.Errorf("last line %q", last)
	}
	if more := got[len(got)-2]; more != "x.xlsx：另有 99880 处同类问题，如：与 p@1 的任何指标都不相符" {
		t.Errorf("line %q", more)
	}
}

// TestLongTextIsCheap: the texts compared or quoted row after row are
// bounded in the work they cost, however long the cell (issue 14: one 100 KB
// string as every row's unit took 20 s).
func TestLongTextIsCheap(t *testing.T) {
	long := strings.Repeat("约", 100_000)
	if q := quotedText(long); q != strings.Repeat("约", maxQuoted)+"…" {
		t.Errorf("quotedText: %d bytes", len(q))
	}
	if q := quotedText("约9.3"); q != "约9.3" {
		t.Errorf("quotedText of a short text: %q", q)
	}
	if IsTotal(long + "合计") {
		t.Error("a long text is taken for a total")
	}
	if !IsTotal(" 合 计 ") {
		t.Error("合计 is not a total")
	}
}
