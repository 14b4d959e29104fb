package cli

import (
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
		!strings.Contains(stderr, "另有 2980 处同样的问题：与 jlp-hrss-14th@1 的任何指标都不相符") {
		t.Errorf("unmatched rows: status %d, stderr\n%s", code, stderr)
	}
	code, stdout, _ := runMain("eval", filepath.Join(dir, "unmatched-2023.csv"), "--plan", "jlp-hrss-14th@1", "--format", "json", "-q", "--lang", "en")
	if code > 1 || strings.Count(stdout, "matches no indicator") != 21 || !strings.Contains(stdout, "2980 more like this") {
		t.Errorf("unmatched rows, JSON: status %d, %d warnings of the kind", code, strings.Count(stdout, "matches no indicator"))
	}
	code, _, stderr = runMain("eval", filepath.Join(dir, "bad-2023.csv"), "--plan", "jlp-hrss-14th@1")
	if code != ExitTrouble || strings.Count(stderr, "\n") > 25 || !strings.Contains(stderr, "另有 2980 处同样的问题：不是数字") {
		t.Errorf("bad cells: status %d, stderr\n%s", code, stderr)
	}
}
