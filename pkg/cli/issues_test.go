package cli

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIssuesAreCounted: 3,000 rows that match no indicator, or 3,000 cells
// that are not numbers, give the first 20 of the kind one by one and one
// line counting the rest — on stderr and in the JSON — not 3,000 lines.
func TestIssuesAreCounted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	unmatched := []string{"指标,2023年", "城镇新增就业人数,[9.3]"}
	bad := []string{"区县,指标,2023年"}
	for i := range 3000 {
		unmatched = append(unmatched, fmt.Sprintf("未知指标%d,%d", i, i))
		bad = append(bad, fmt.Sprintf("街道%d,城镇调查失业率,abc", i))
	}
	for name, lines := range map[string][]string{"unmatched-2023.csv": unmatched, "bad-2023.csv": bad} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, _, stderr := runMain("eval", filepath.Join(dir, "unmatched-2023.csv"), "--plan", "jlp-hrss-14th@1")
	if code > 1 || strings.Count(stderr, "\n") > 25 || strings.Count(stderr, "与 jlp-hrss-14th@1 的任何指标都不相符") != 21 ||
		!strings.Contains(stderr, "另有 2980 处同类问题，如：与 jlp-hrss-14th@1 的任何指标都不相符") {
		t.Errorf("unmatched rows: status %d, stderr\n%s", code, stderr)
	}
	code, stdout, _ := runMain("eval", filepath.Join(dir, "unmatched-2023.csv"), "--plan", "jlp-hrss-14th@1", "--format", "json", "-q", "--lang", "en")
	if code > 1 || strings.Count(stdout, "matches no indicator") != 21 || !strings.Contains(stdout, "2980 more of this kind") {
		t.Errorf("unmatched rows, JSON: status %d, %d warnings of the kind", code, strings.Count(stdout, "matches no indicator"))
	}
	// inspect lists them as eval does; its JSON counts the rest on the 21st.
	code, stdout, _ = runMain("inspect", filepath.Join(dir, "unmatched-2023.csv"), "--plan", "jlp-hrss-14th@1")
	if code != ExitOK || strings.Count(stdout, "警告：") != 21 || !strings.Contains(stdout, "警告：另有 2980 处同类问题，如：与 jlp-hrss-14th@1 的任何指标都不相符") {
		t.Errorf("inspect: status %d, %d warning lines\n%s", code, strings.Count(stdout, "警告："), stdout[max(len(stdout)-3000, 0):])
	}
	code, stdout, _ = runMain("inspect", filepath.Join(dir, "unmatched-2023.csv"), "--plan", "jlp-hrss-14th@1", "--format", "json")
	if code != ExitOK || strings.Count(stdout, `"message"`) != 21 || !strings.Contains(stdout, `"more": 2979`) {
		t.Errorf("inspect JSON: status %d, %d warnings", code, strings.Count(stdout, `"message"`))
	}
	// One kind whatever value its message quotes: 按 1 读取，去掉了“约” …
	approx := []string{"区县,指标,2023年"}
	for i := range 100 {
		approx = append(approx, fmt.Sprintf("街道%d,城镇新增就业人数,约%d", i, i+1))
	}
	if err := os.WriteFile(filepath.Join(dir, "approx-2023.csv"), []byte(strings.Join(approx, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runMain("eval", filepath.Join(dir, "approx-2023.csv"), "--plan", "jlp-hrss-14th@1", "--fail-on", "none")
	if code != ExitOK || strings.Count(stderr, "\n") > 25 || !strings.Contains(stderr, "另有 80 处同类问题，如：按 21 读取，去掉了“约”") {
		t.Errorf("approximate values: status %d, stderr\n%s", code, stderr)
	}
	code, _, stderr = runMain("eval", filepath.Join(dir, "bad-2023.csv"), "--plan", "jlp-hrss-14th@1")
	if code != ExitTrouble || strings.Count(stderr, "\n") > 25 || !strings.Contains(stderr, "另有 2980 处同类问题，如：不是数字") {
		t.Errorf("bad cells: status %d, stderr\n%s", code, stderr)
	}
}

// TestWorkbookWithoutSheets: a workbook whose sheet list is empty says so,
// not "no table found in sheet ".
func TestWorkbookWithoutSheets(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "2023.xlsx")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":     `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range []string{"eval", "inspect"} {
		code, _, stderr := runMain(cmd, path, "--plan", "jlp-hrss-14th@1")
		if want := "plancheck: 错误：" + path + "：工作簿中没有工作表\n"; code != ExitTrouble || stderr != want {
			t.Errorf("%s: status %d, stderr %q, want %q", cmd, code, stderr, want)
		}
	}
}

// TestLimitFlag: --limit changes a reading limit for one run: lowered, the
// sample goes over it (exit 2, naming the limit's place); raised, it reads
// as before; a bad --limit is a usage error.
func TestLimitFlag(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"eval", sample, "--limit", "MaxRows=5"}, ExitTrouble, "行号超过 5"},
		{[]string{"inspect", sample, "--limit", "MaxRows=5"}, ExitTrouble, "行号超过 5"},
		{[]string{"eval", sample, "--limit", "maxfilesize=1GiB", "--limit", "MaxRows=2000000", "--fail-on", "none", "-q"}, ExitOK, ""},
		{[]string{"eval", sample, "--limit", "MaxRows"}, ExitTrouble, "--limit MaxRows：要写成 名称=值"},
		{[]string{"eval", sample, "--limit", "Bogus=1", "--lang", "en"}, ExitTrouble, `no limit named "Bogus"`},
	} {
		code, _, stderr := runMain(tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: status %d, stderr\n%s\nwant %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}

// TestInspectMarkdownEndsTheTable: the lines under inspect's rows table
// (完成情况, 警告 …) are not rows of it in Markdown: a blank line comes first.
func TestInspectMarkdownEndsTheTable(t *testing.T) {
	t.Parallel()
	code, stdout, _ := runMain("inspect", sample, "--plan", "jlp-hrss-14th@1", "--format", "markdown")
	if code != ExitOK {
		t.Fatalf("status %d", code)
	}
	lines := strings.Split(stdout, "\n")
	for i, line := range lines {
		if strings.HasPrefix(line, "完成情况 ") {
			if i == 0 || (strings.HasPrefix(lines[i-1], "|") && lines[i-1] != "") {
				t.Errorf("line %d %q follows a table row %q", i+1, line, lines[i-1])
			}
			return
		}
	}
	t.Errorf("no 完成情况 line in\n%s", stdout)
}
