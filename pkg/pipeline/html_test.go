package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// htmlRows are two streets' 2021–2023 actuals under two groups, the street
// written once for its indicators of a group (a rowspan, a merged column in
// the twin).
var htmlRows = []struct {
	group, entity, name string
	values              [3]any
}{
	{"一、就业", "石桥铺街道", "城镇新增就业人数", [3]any{3.1, 2.9, 3.0}},
	{"一、就业", "石桥铺街道", "城镇调查失业率", [3]any{"5.2%", "5.4%", "5.3%"}},
	{"一、就业", "杨家坪街道", "城镇新增就业人数", [3]any{2.2, 2.4, "[7.1]"}},
	{"一、就业", "杨家坪街道", "城镇调查失业率", [3]any{"5.6%", "5.5%", "5.7%"}},
	{"二、社会保障", "石桥铺街道", "工伤保险参保人数", [3]any{43.0, 43.9, 44.3}},
	{"二、社会保障", "石桥铺街道", "新增高级职称专业技术人才数量", [3]any{320.0, 360.0, "1,060"}},
	{"二、社会保障", "杨家坪街道", "工伤保险参保人数", [3]any{40.0, 41.0, 41.5}},
	{"二、社会保障", "杨家坪街道", "新增高级职称专业技术人才数量", [3]any{300.0, 310.0, 330.0}},
}

const htmlTitle = "2023年人力社保规划指标完成情况"

// htmlTwin is the workbook an office would keep for htmlPage: a title merged
// across, the header, group rows merged across, and each street merged down
// over its two indicators of a group.
func htmlTwin() wbt.Book {
	rows := [][]wbt.Cell{
		row(1, htmlTitle),
		row(2, "地区", "指标", "2021年", "2022年", "2023年\n完成值"),
	}
	merges := []string{"A1:E1"}
	r, group := 3, ""
	for i, d := range htmlRows {
		if d.group != group {
			group = d.group
			rows = append(rows, row(r, d.group))
			merges = append(merges, fmt.Sprintf("A%d:E%d", r, r))
			r++
		}
		entity := any(nil)
		if i == 0 || htmlRows[i-1].entity != d.entity || htmlRows[i-1].group != d.group {
			entity = d.entity
			merges = append(merges, fmt.Sprintf("A%d:A%d", r, r+1))
		}
		rows = append(rows, row(r, entity, d.name, d.values[0], d.values[1], d.values[2]))
		r++
	}
	return wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Merges: merges, Cells: cells(rows...)}}}
}

// htmlPage is htmlTwin as a web reporting system exports it: an HTML page
// (Excel's namespaces, a style, a layout table before the data), charset
// declared in a <meta>, &nbsp; and line breaks in the cells.
func htmlPage(charset string) string {
	var b strings.Builder
	b.WriteString(`<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` + "\n")
	fmt.Fprintf(&b, "<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n", charset)
	b.WriteString("<style>td { mso-number-format:\\@; }</style>\n</head>\n<body>\n")
	b.WriteString("<table><tr><td></td><td>\n</td></tr></table>\n") // layout, no text
	b.WriteString("<table border=1>\n")
	fmt.Fprintf(&b, "<tr><td colspan=\"5\" align=center><b>%s</b></td></tr>\n", htmlTitle)
	b.WriteString("<tr><th>地区</th><th>&nbsp;指标 </th><th>2021年</th><th>2022年</th><th>2023年<br>\n  完成值</th></tr>\n")
	group := ""
	for i, d := range htmlRows {
		if d.group != group {
			group = d.group
			fmt.Fprintf(&b, "<tr><td colspan=5>%s</td></tr>\n", d.group)
		}
		b.WriteString("<tr>")
		if i == 0 || htmlRows[i-1].entity != d.entity || htmlRows[i-1].group != d.group {
			fmt.Fprintf(&b, "<td rowspan=\"2\">%s</td>", d.entity)
		}
		fmt.Fprintf(&b, "<td>%s</td>", d.name)
		for _, v := range d.values {
			fmt.Fprintf(&b, "<td x:num>%v</td>", v)
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n</body>\n</html>\n")
	return b.String()
}

// unitsOf evaluates path for 2023 and lists each reporting unit's
// indicators with status and actual, and the notes.
func unitsOf(t *testing.T, path string, read actuals.Options) (string, []string) {
	t.Helper()
	res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: plan14(t), Year: 2023, Lang: msg.Chinese, Read: read})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	var out []string
	for _, en := range res.Eval.All() {
		for _, o := range en.Outcomes {
			actual := "—"
			if o.Actual != nil {
				actual = fmt.Sprint(*o.Actual)
			}
			out = append(out, fmt.Sprintf("%s %s %s %s", en.Entity, o.Indicator.ID, o.Status, actual))
		}
	}
	return strings.Join(out, "\n"), res.Notes
}

// TestHTMLSources: the "xls" a web system exports (an HTML table, named
// .xls), in UTF-8 or in GBK declared by a <meta>, gives the statuses and
// actuals of its workbook twin: the title and group rows spanning the table,
// the streets spanning their rows, the header's line break.
func TestHTMLSources(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "twin.xlsx")
	wbt.WriteExcelize(t, htmlTwin(), book)
	want, _ := unitsOf(t, book, actuals.Options{})
	if n := strings.Count(want, "\n") + 1; n != len(htmlRows) || strings.Contains(want, "—") || !strings.Contains(want, "杨家坪街道") {
		t.Fatalf("the twin's outcomes:\n%s", want)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(htmlPage("gb2312"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, data string
		note       bool // the name says otherwise
	}{
		{"report.xls", htmlPage("utf-8"), true},
		{"report.html", htmlPage("utf-8"), false},
		{"report-bom.htm", "\xEF\xBB\xBF  " + htmlPage("utf-8"), false},
		{"gbk.xls", gbk, true},
		{"gbk-undeclared.xlsx", strings.Replace(gbk, "charset=gb2312", "charset=x-unknown", 1), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			got, notes := unitsOf(t, path, actuals.Options{})
			if got != want {
				t.Errorf("outcomes:\n%s\nwant (the twin's):\n%s", got, want)
			}
			note := strings.Contains(strings.Join(notes, "\n"), "网页（HTML）表格")
			if note != tc.note {
				t.Errorf("notes %q: a read-as-HTML note %v, want %v", notes, note, tc.note)
			}
		})
	}
}
