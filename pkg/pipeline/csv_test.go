package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// outcomesOf evaluates path for 2023 against the 十四五 plan and lists each
// indicator's status and actual (unitsOf, without the notes).
func outcomesOf(t *testing.T, path string, read actuals.Options) string {
	t.Helper()
	outcomes, _ := unitsOf(t, path, read)
	return outcomes
}

// TestCSVSources: the same actuals as a workbook and as CSV in UTF-8, UTF-8
// with a BOM, GBK and UTF-16, separated by commas, semicolons or tabs, give
// the same statuses and actual values; a CSV saved under an .xlsx name is
// read by its content.
func TestCSVSources(t *testing.T) {
	dir := t.TempDir()
	// 96.5% and [9.3] mean in a CSV what they mean in a workbook.
	rows := [][]any{
		{"指标", "单位", "2021年", "2022年", "2023年"},
		{"城镇新增就业人数", "万人", 3.1, 2.9, "[9.3]"},
		{"城镇调查失业率", "%", "5.2%", "5.4%", "5.3%"},
		{"工伤保险参保人数", "万人", 43.0, 43.9, 44.3},
		{"新增高级职称专业技术人才数量", "人", 320.0, 360.0, "1,060"},
	}
	var cells []wbt.Cell
	for r, row := range rows {
		for c, v := range row {
			cells = append(cells, wbt.Cell{Ref: fmt.Sprintf("%c%d", 'A'+c, r+1), Value: v})
		}
	}
	book := filepath.Join(dir, "2023.xlsx")
	wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: cells}}}, book)
	want := outcomesOf(t, book, actuals.Options{})
	if strings.Count(want, "\n") != 3 || strings.Contains(want, "—") {
		t.Fatalf("the workbook's outcomes:\n%s", want)
	}

	text := func(sep string) string {
		var b strings.Builder
		for _, row := range rows {
			fields := make([]string, len(row))
			for i, v := range row {
				fields[i] = fmt.Sprint(v)
				if strings.Contains(fields[i], sep) {
					fields[i] = `"` + fields[i] + `"`
				}
			}
			b.WriteString(strings.Join(fields, sep) + "\r\n")
		}
		return b.String()
	}
	encode := func(e encoding.Encoding, s string) string {
		out, err := e.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, tc := range []struct{ name, data string }{
		{"utf-8.csv", text(",")},
		{"utf-8-bom.csv", "\xEF\xBB\xBF" + text(",")},
		{"gbk.csv", encode(simplifiedchinese.GBK, text(","))},
		{"utf-16.csv", encode(unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), text(","))},
		{"semicolons.csv", text(";")},
		{"tabs.txt", text("\t")},
		{"tabs.tsv", text("\t")},
		{"named-xlsx.xlsx", text(",")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			if got := outcomesOf(t, path, actuals.Options{}); got != want {
				t.Errorf("outcomes:\n%s\nwant (the workbook's):\n%s", got, want)
			}
		})
	}
	// --encoding forces one: GBK read as UTF-8 is not the same text.
	path := filepath.Join(dir, "gbk-forced.csv")
	if err := os.WriteFile(path, []byte(encode(simplifiedchinese.GBK, text(","))), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := outcomesOf(t, path, actuals.Options{Encoding: actuals.EncodingGB18030}); got != want {
		t.Errorf("--encoding gbk:\n%s", got)
	}
	if res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: plan14(t), Year: 2023, Read: actuals.Options{Encoding: actuals.EncodingUTF8}}); res.Err == nil {
		t.Errorf("GBK read as UTF-8 gave a result")
	}
}
