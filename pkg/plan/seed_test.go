package plan_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// seedRow is one indicator row of a table in the seed document, as printed.
type seedRow struct {
	group  string
	number int
	name   string
	unit   string
	cells  []string // the cells after the name, as printed
}

var (
	seedNumbered = regexp.MustCompile(`^(\d+)\.(.*)$`)
	seedGroup    = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	// a trailing bracketed unit, full- or half-width: （万人） or (%)
	seedUnit = regexp.MustCompile(`[（(]([^（）()]*)[）)]$`)
)

// parseSeedTable reads the table that starts at the line beginning with title
// and ends at the first line beginning with 注 or at the next 专栏, from the seed
// text: tab-separated cells, group rows, header rows repeated at page breaks,
// and indicator names that a page break splits over two lines.
func parseSeedTable(t *testing.T, text, title string) []seedRow {
	t.Helper()
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	start := -1
	for i, l := range lines {
		if strings.HasPrefix(l, title) {
			start = i + 1
			break
		}
	}
	if start < 0 {
		t.Fatalf("seed: no line starts with %q", title)
	}
	var rows []seedRow
	group := ""
	afterHeader := false // a name split by a page break continues after the repeated header
lines:
	for _, l := range lines[start:] {
		l = strings.TrimRight(l, " \t")
		if strings.HasPrefix(l, "注") || strings.HasPrefix(l, "专栏") {
			break
		}
		cells := strings.Split(l, "\t")
		first := strings.TrimSpace(cells[0])
		wasAfterHeader := afterHeader
		afterHeader = false
		switch {
		case first == "":
			continue
		case first == "项目" || first == "指标":
			afterHeader = true // the header, repeated after a page break
		case seedGroup.MatchString(first):
			group = first
		case seedNumbered.MatchString(first):
			m := seedNumbered.FindStringSubmatch(first)
			n, _ := strconv.Atoi(m[1])
			var rest []string
			for _, c := range cells[1:] {
				rest = append(rest, strings.TrimSpace(c))
			}
			rows = append(rows, seedRow{group: group, number: n, name: m[2], cells: rest})
		case len(cells) == 1 && wasAfterHeader && len(rows) > 0:
			rows[len(rows)-1].name += first
		case len(cells) == 1:
			break lines // prose: the table has ended
		default:
			t.Fatalf("seed: unexpected line in %s: %q", title, l)
		}
	}
	for i := range rows {
		if m := seedUnit.FindStringSubmatch(rows[i].name); m != nil {
			rows[i].unit = norm.NFKC.String(m[1])
			rows[i].name = strings.TrimSpace(rows[i].name[:len(rows[i].name)-len(m[0])])
		}
	}
	return rows
}

func readSeed(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/jiulongpo-hrss-14th-plan.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func embeddedPlan(t *testing.T, ref string) *plan.Plan {
	t.Helper()
	p, err := plan.Resolve(ref)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// comparePlan checks the plan against the seed rows one by one; cellsOf gives
// what the plan says for the columns the seed table prints after the name.
func comparePlan(t *testing.T, p *plan.Plan, column string, rows []seedRow, cellsOf func(*plan.Indicator) []string) {
	t.Helper()
	inds := p.Indicators()
	if len(inds) != len(rows) {
		t.Fatalf("%s has %d indicators, %s prints %d", p.Ref(), len(inds), column, len(rows))
	}
	for i, row := range rows {
		ind := inds[i]
		where := column + " #" + strconv.Itoa(row.number)
		if ind.Number != row.number || ind.SourceNumber() != row.number {
			t.Errorf("%s: plan has it as number %d, source %q", where, ind.Number, ind.Source)
		}
		if want := column + " #" + strconv.Itoa(row.number); ind.Source != want {
			t.Errorf("%s: source %q, want %q", where, ind.Source, want)
		}
		if ind.Group != row.group {
			t.Errorf("%s: group %q, printed %q", where, ind.Group, row.group)
		}
		if ind.Name != row.name {
			t.Errorf("%s: name %q, printed %q", where, ind.Name, row.name)
		}
		if ind.Unit != row.unit {
			t.Errorf("%s: unit %q, printed %q", where, ind.Unit, row.unit)
		}
		got := cellsOf(ind)
		for j := range got {
			if j >= len(row.cells) || got[j] != row.cells[j] {
				t.Errorf("%s: plan gives %q, the seed prints %q", where, got, row.cells)
				break
			}
		}
	}
}

// TestPlan14thMatchesSeed compares jlp-hrss-14th with 专栏2 as the seed prints
// it: name, unit, 2020年基数, 2025年目标 (the print, where the plan evaluates
// another target) and 指标属性, row by row.
func TestPlan14thMatchesSeed(t *testing.T) {
	rows := parseSeedTable(t, readSeed(t), "专栏2")
	if len(rows) != 23 {
		t.Fatalf("parsed %d rows of 专栏2 from the seed, want 23", len(rows))
	}
	p := embeddedPlan(t, "jlp-hrss-14th@1")
	comparePlan(t, p, "专栏2", rows, func(ind *plan.Indicator) []string {
		return []string{ind.Baseline.Text, ind.PrintedTarget(), ind.Attribute.String()}
	})
	if p.Period != (plan.Period{Start: 2021, End: 2025}) || p.BaselineYear != 2020 {
		t.Errorf("period %v, baseline year %d", p.Period, p.BaselineYear)
	}
}

// TestPlan13thMatchesSeed compares jlp-hrss-13th with 专栏1's "十三五"目标 column.
// 专栏1 prints no attribute and no baseline: every indicator is expected and has
// none.
func TestPlan13thMatchesSeed(t *testing.T) {
	rows := parseSeedTable(t, readSeed(t), "专栏1")
	if len(rows) != 14 {
		t.Fatalf("parsed %d rows of 专栏1 from the seed, want 14", len(rows))
	}
	p := embeddedPlan(t, "jlp-hrss-13th")
	comparePlan(t, p, "专栏1", rows, func(ind *plan.Indicator) []string {
		return []string{ind.PrintedTarget()}
	})
	for _, ind := range p.Indicators() {
		if ind.Attribute != plan.Expected || ind.Baseline.Text != "" {
			t.Errorf("%s: attribute %v, baseline %q; 专栏1 prints neither", ind.ID, ind.Attribute, ind.Baseline.Text)
		}
	}
	if p.Period != (plan.Period{Start: 2016, End: 2020}) || p.BaselineYear != 2015 {
		t.Errorf("period %v, baseline year %d", p.Period, p.BaselineYear)
	}
}

// TestPlan14thContradiction checks 专栏2 #16: printed <[1700], but 第四节 says
// 达到1700人, so the plan evaluates [1700] and keeps the print, with a note.
func TestPlan14thContradiction(t *testing.T) {
	p := embeddedPlan(t, "jlp-hrss-14th")
	for _, ind := range p.Indicators() {
		if ind.SourceNumber() != 16 {
			if ind.Printed != "" {
				t.Errorf("%s: printed %q; only #16 differs from its print", ind.ID, ind.Printed)
			}
			continue
		}
		if ind.Target.Text != "[1700]" || ind.Printed != "<[1700]" || !strings.Contains(ind.Note, "第四节") {
			t.Errorf("#16: target %q printed %q note %q", ind.Target.Text, ind.Printed, ind.Note)
		}
	}
	if !strings.Contains(readSeed(t), "新增高级职称专业技术人才总量达到1700人") {
		t.Error("the seed no longer says 达到1700人 in 第四节")
	}
}

// TestSeedBetter checks the directions spec §2 asks for on the seed plans.
func TestSeedBetter(t *testing.T) {
	want := map[string]string{
		"jlp-hrss-13th/专栏1 #2":  "down",       // 城镇登记失业率 4.5: lower is better
		"jlp-hrss-13th/专栏1 #10": "up up down", // 高、中、初级 15:45:40
		"jlp-hrss-14th/专栏2 #2":  "down",       // <5.5
		"jlp-hrss-14th/专栏2 #16": "up",         // [1700], the prose's reading
		"jlp-hrss-14th/专栏2 #10": "up",         // 70 → 70, hold the level
		"jlp-hrss-14th/专栏2 #7":  "up",         // ≥ 95
	}
	for _, id := range []string{"jlp-hrss-13th", "jlp-hrss-14th"} {
		for _, ind := range embeddedPlan(t, id).Indicators() {
			var dirs []string
			for _, d := range ind.Better {
				dirs = append(dirs, d.String())
			}
			if len(dirs) == 0 {
				t.Errorf("%s %s: no direction", id, ind.ID)
			}
			if w, ok := want[id+"/"+ind.Source]; ok && strings.Join(dirs, " ") != w {
				t.Errorf("%s %s: better %v, want %s", id, ind.Source, dirs, w)
			}
		}
	}
}
