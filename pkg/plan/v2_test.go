package plan_test

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/jlp-hrss/plancheck/pkg/expr"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// commitment is a number the seed's prose or a key-project box commits to,
// and the indicator of jlp-hrss-14th@2 that holds it.
type commitment struct {
	source   string // the indicator's source: the section, and the box's item
	fragment string // the words that commit to it, as the seed prints them
	id       string
	target   string // the target as encoded
}

// keyProjectCommitments lists every quantitative commitment of 第一章第四节
// 主要目标 and of the key-project boxes 专栏3–专栏8 that 专栏2 does not hold, in
// the order the document prints them. 专栏4 has none.
var keyProjectCommitments = []commitment{
	{"第四节", "工伤保险参保率超过95%", "work-injury-insurance-coverage", ">95"},

	{"专栏3 #4", "建立1个创业就业示范山村（街）", "entrepreneurship-demo-village", "[1]"},
	{"专栏3 #4", "1个创业孵化示范基地", "business-incubation-demo-base", "[1]"},
	{"专栏3 #5", "“十四五”期间，提供职业指导服务10万人次", "career-guidance-services", "[10]"},
	{"专栏3 #5", "职业介绍成功1万人次", "successful-job-placements", "[1]"},
	{"专栏3 #6", "创建1个公共就业创业服务示范平台", "employment-service-demo-platform", "[1]"},
	{"专栏3 #8", "重点监测20—30家用工量较大的企业", "monitored-large-employers", "20—30"},
	{"专栏3 #13", "规划建设2—3个公共培训（实训）示范机构", "public-training-demo-institutions", "[2—3]"},
	{"专栏3 #13", "开展企业职工培训2万人次", "enterprise-employee-training", "[2]"},
	{"专栏3 #14", "建立2—5个新职业培训示范基地", "new-occupation-training-demo-bases", "[2—5]"},
	{"专栏3 #14", "培养培训1万名以上符合新经济、新业态和我市产业转型升级需要的新型技能人才", "new-skilled-talent-trained", "≥[1]"},
	{"专栏3 #15", "重点支持培育2—3家有核心产品、成长性好、具有竞争力的综合性人力资源服务综合性企业", "hr-service-backbone-enterprises", "[2—3]"},

	{"专栏5 #3", "建设2个医保定点医药机构示范点", "medical-insurance-demo-sites", "[2]"},

	{"专栏6 #2", "新建1个市级专家服务基地", "municipal-expert-service-base", "[1]"},
	{"专栏6 #2", "推动新设立2—3个专家工作室", "new-expert-studios", "[2—3]"},
	{"专栏6 #3", "新增5—10个博士后科研工作站", "new-postdoctoral-workstations", "[5—10]"},
	{"专栏6 #4", "培训500人次高层次急需紧缺专业技术人才", "senior-professional-training", "[500]"},
	{"专栏6 #5", "力争建设2—3个市级技能大师工作室", "master-craftsman-studios", "[2—3]"},
	{"专栏6 #5", "1个市级高技能人才培训基地", "high-skill-training-base", "[1]"},
	{"专栏6 #6", "力争建设1—2个市级“智能+技能”人才孵化空间", "smart-skills-incubators", "[1—2]"},
	{"专栏6 #6", "培养培养0.3万人“智能+技能”人才", "smart-skills-talent-trained", "[0.3]"},
	{"专栏6 #7", "计划建设1个人才驿站", "talent-stations", "[1]"},
	{"专栏6 #8", "开展各类引才活动20场次以上", "talent-recruitment-events", "≥[20]"},
	{"专栏6 #8", "引进各类高精缺和急需人才1000人", "talent-introduced", "[1000]"},
	{"专栏6 #8", "积极引进硕士及相应职称、职级的青年人才500名", "young-talent-introduced", "[500]"},

	{"专栏7 #2", "力争培养5—10名市级金牌劳动关系协调员", "gold-medal-labour-coordinators", "[5—10]"},
	{"专栏7 #2", "1—2家金牌劳动人事争议调解组织", "gold-medal-mediation-organisations", "[1—2]"},
	{"专栏7 #2", "10—20户AAA级和谐劳动关系企业", "aaa-harmonious-enterprises", "[10—20]"},
	{"专栏7 #2", "服务新注册企业500户以上", "new-enterprises-served", "≥[500]"},
	{"专栏7 #4", "力争建设市级示范仲裁院达到1个", "municipal-demo-arbitration-court", "1"},
	{"专栏7 #4", "市级标准化仲裁庭和调解室3个", "standard-arbitration-and-mediation-rooms", "3"},
	{"专栏7 #5", "调解员数量达到15名以上", "mediators", "≥15"},
	{"专栏7 #5", "持证调解员5名以上", "certified-mediators", "≥5"},
	{"专栏7 #5", "专兼职仲裁员总数达到10名以上", "arbitrators", "≥10"},
	{"专栏7 #6", "选取区内20家重点企业", "risk-monitored-key-enterprises", "20"},

	{"专栏8 #1", "配备 1—2 名现场咨询人员", "service-hall-consultants", "1—2"},
}

// heldByMainTable lists the numbers of 第四节 that 专栏2 holds already, and
// the 专栏2 indicator that holds each (its target as 专栏2 prints it, or as
// the prose reads where the two disagree: #16).
var heldByMainTable = []commitment{
	{"第四节", "实现全区城镇新增就业15万人", "urban-new-jobs", "[15]"},
	{"第四节", "全区基本养老保险参保率超过95%", "pension-insurance-coverage", ">95"},
	{"第四节", "失业保险参保人数达到43.6万人", "unemployment-insurance-enrolment", "43.6"},
	{"第四节", "全区专业技术人才总量达到15万人", "professional-technical-talent", "15"},
	{"第四节", "新增高级职称专业技术人才总量达到1700人", "new-senior-title-professionals", "[1700]"},
	{"第四节", "新增取得职业资格证书或者职业技能等级证书人才总量达到1.7万人", "new-vocational-certificates", "[1.7]"},
	{"第四节", "新增取得高级工以上职业资格证书或者职业技能等级证书人才总量0.8万人", "new-advanced-vocational-certificates", "[0.8]"},
	{"第四节", "全区劳动人事争议调解成功率超过60%", "labour-dispute-mediation-success-rate", ">60"},
	{"第四节", "劳动人事争议仲裁结案率超过90%", "labour-arbitration-closure-rate", ">90"},
}

// notCommitments are the numbers of those sections that commit to nothing,
// and the counting words that might be taken for numbers, with the reason.
var notCommitments = []struct{ section, fragment, why string }{
	{"第四节", "展望2035年", "the year of the long-range vision (二〇三五年远景目标), not a number to reach"},
	{"专栏3", "重庆市百万青年就业促进计划", "the name of the city's programme, not a count the district commits to"},
	{"专栏3", "成熟一个、推荐一个", "a pace (recommend each base once it is ready), no count"},
	{"专栏3", "“百日千万网络招聘”", "the name of a national campaign"},
	{"专栏7", "作为全国8个深化构建和谐劳动关系综合配套改革试点地区之一", "describes the district's standing today: one of the country's 8 pilot areas"},
	{"专栏8", "为群众提供一站式服务", "a way of serving (one-stop), not a count"},
	{"专栏8", "力争将我区社会保险公共服务基地打造成市级社会保险公共服务标准化示范基地", "no number: the existing base is to win a city-level title"},
}

// seedItem is the text of a section of the seed, or of one item of a box,
// with all white space removed (the seed breaks lines and pages anywhere).
type seedItem struct {
	section string // 第四节, 专栏3 …
	number  int    // the box's item number; 0 for prose
	text    string
}

var (
	sectionHeading = regexp.MustCompile(`^第[一二三四五六七八九十]+节 `)
	boxItem        = regexp.MustCompile(`^(?:-\s*)?(\d+)\s*[.．]`)
	// an Arabic number as the seed prints one: 15, 43.6, 2—3
	seedNumber = regexp.MustCompile(`[0-9]+(?:\.[0-9]+)?(?:[—–~～-][0-9]+(?:\.[0-9]+)?)?`)
)

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// seedItems cuts 第一章第四节 主要目标 (up to 专栏2) and the boxes 专栏3–专栏8
// (each up to the next section heading) out of the seed, the boxes item by
// item; an item's number is not part of its text.
func seedItems(t *testing.T, seed string) []seedItem {
	t.Helper()
	var items []seedItem
	section := ""
	for _, line := range strings.Split(strings.ReplaceAll(seed, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "第四节 主要目标":
			section = "第四节"
			items = append(items, seedItem{section: section})
			continue
		case strings.HasPrefix(line, "专栏"):
			section = ""
			if n, err := strconv.Atoi(strings.Fields(strings.TrimPrefix(line, "专栏"))[0]); err == nil && n >= 3 && n <= 8 {
				section = "专栏" + strconv.Itoa(n)
			}
			continue
		case sectionHeading.MatchString(line):
			section = ""
			continue
		case section == "" || line == "":
			continue
		}
		if m := boxItem.FindStringSubmatch(line); m != nil && section != "第四节" {
			n, _ := strconv.Atoi(m[1])
			items = append(items, seedItem{section: section, number: n})
			line = line[len(m[0]):]
		}
		if len(items) == 0 || items[len(items)-1].section != section {
			t.Fatalf("seed: text in %s before its first item: %q", section, line)
		}
		items[len(items)-1].text += squeeze(line)
	}
	seen := map[string]bool{}
	for _, it := range items {
		seen[it.section] = true
	}
	for _, s := range []string{"第四节", "专栏3", "专栏4", "专栏5", "专栏6", "专栏7", "专栏8"} {
		if !seen[s] {
			t.Fatalf("seed: no %s found", s)
		}
	}
	return items
}

// sectionOf splits a source "专栏3 #5" into its section and item number.
func sectionOf(source string) (string, int) {
	section, number, ok := strings.Cut(source, " #")
	if !ok {
		return source, 0
	}
	n, _ := strconv.Atoi(number)
	return section, n
}

// printedAs is how the seed prints a target's number with its unit: 10万人次,
// 2—3个, 95%.
func printedAs(t expr.Expr, unit string) string {
	n := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	if t.Kind == expr.Range {
		return n(t.Value) + "—" + n(t.High) + unit
	}
	return n(t.Value) + unit
}

// TestPlan14thV2Commitments checks jlp-hrss-14th@2 against the seed: every
// commitment listed above is printed in the item its source names, with the
// number and unit its indicator has; every Arabic number of 第四节 and
// 专栏3–专栏8 is in one of the lists (a commitment, held by 专栏2, or not a
// commitment); and version 2 holds no indicator beyond 专栏2 that the list
// does not.
func TestPlan14thV2Commitments(t *testing.T) {
	items := seedItems(t, readSeed(t))
	v2 := embeddedPlan(t, "jlp-hrss-14th@2")
	byID := map[string]*plan.Indicator{}
	for _, ind := range v2.Indicators() {
		byID[ind.ID] = ind
	}

	// Which characters of each item some fragment of the lists covers.
	covered := make([][]bool, len(items))
	for i, it := range items {
		covered[i] = make([]bool, len(it.text))
	}
	// find marks every place fragment occurs in the section's items (only
	// item number, where it is not 0), and reports whether there was one.
	find := func(section string, number int, fragment string) bool {
		f := squeeze(fragment)
		found := false
		for i, it := range items {
			if it.section != section || number != 0 && it.number != number {
				continue
			}
			for from := 0; ; {
				k := strings.Index(it.text[from:], f)
				if k < 0 {
					break
				}
				found = true
				for j := from + k; j < from+k+len(f); j++ {
					covered[i][j] = true
				}
				from += k + len(f)
			}
		}
		return found
	}

	check := func(list string, c commitment, beyondMainTable bool) {
		section, number := sectionOf(c.source)
		if !find(section, number, c.fragment) {
			t.Errorf("%s %s: %q is not printed in %s", list, c.id, c.fragment, c.source)
		}
		ind := byID[c.id]
		if ind == nil {
			t.Errorf("%s: jlp-hrss-14th@2 has no indicator %q", list, c.id)
			return
		}
		if beyondMainTable {
			if ind.Source != c.source {
				t.Errorf("%s: source %q, the commitment is in %s", c.id, ind.Source, c.source)
			}
			if ind.Number <= 23 {
				t.Errorf("%s: number %d, among 专栏2's", c.id, ind.Number)
			}
			if ind.Attribute != plan.Expected || ind.Baseline.Text != "" {
				t.Errorf("%s: attribute %v, baseline %q; the document prints neither", c.id, ind.Attribute, ind.Baseline.Text)
			}
			if g := groupOf(v2, ind); g == nil || g.Source != section {
				t.Errorf("%s: in a group whose source is not %s", c.id, section)
			}
		} else if !strings.HasPrefix(ind.Source, "专栏2 #") {
			t.Errorf("%s: source %q, want one of 专栏2", c.id, ind.Source)
		}
		if ind.Target.Text != c.target {
			t.Errorf("%s: target %q, want %q", c.id, ind.Target.Text, c.target)
		}
		// The number and unit the indicator has are the printed ones, and
		// so is its kind of bound: 以上 is ≥, 超过 is >.
		f := squeeze(c.fragment)
		if want := printedAs(ind.Target, ind.Unit); !strings.Contains(f, want) {
			t.Errorf("%s: target %s %s; %q does not print %s", c.id, ind.Target.Text, ind.Unit, c.fragment, want)
		}
		op := map[expr.Op]string{expr.GT: "超过", expr.GE: "以上"}[ind.Target.Op]
		if ind.Target.Kind == expr.Bound && !strings.Contains(f, op) {
			t.Errorf("%s: target %s, but %q does not say %s", c.id, ind.Target.Text, c.fragment, op)
		}
	}

	listed := map[string]bool{}
	for _, c := range keyProjectCommitments {
		if listed[c.id] {
			t.Errorf("%s is listed twice", c.id)
		}
		listed[c.id] = true
		check("commitment", c, true)
	}
	for _, c := range heldByMainTable {
		check("held by 专栏2", c, false)
	}
	for _, n := range notCommitments {
		if !find(n.section, 0, n.fragment) {
			t.Errorf("not a commitment: %q is not printed in %s", n.fragment, n.section)
		}
	}

	// Every number of these sections has been looked at.
	for i, it := range items {
		for _, m := range seedNumber.FindAllStringIndex(it.text, -1) {
			for j := m[0]; j < m[1]; j++ {
				if !covered[i][j] {
					where := it.section
					if it.number != 0 {
						where += " #" + strconv.Itoa(it.number)
					}
					t.Errorf("%s prints %q (…%s…), which no list accounts for", where, it.text[m[0]:m[1]], context(it.text, m[0], m[1]))
					break
				}
			}
		}
	}

	// Version 2 holds 专栏2's 23 and the listed commitments, nothing else.
	inds := v2.Indicators()
	if want := 23 + len(keyProjectCommitments); len(inds) != want {
		t.Errorf("jlp-hrss-14th@2 has %d indicators, want %d (专栏2's 23 and %d commitments)", len(inds), want, len(keyProjectCommitments))
	}
	for _, ind := range inds {
		if ind.Number > 23 && !listed[ind.ID] {
			t.Errorf("jlp-hrss-14th@2 %s (%s, %s) is not in the list of commitments", ind.ID, ind.Name, ind.Source)
		}
	}
}

func groupOf(p *plan.Plan, ind *plan.Indicator) *plan.Group {
	for _, g := range p.Groups {
		if g.Name == ind.Group {
			return g
		}
	}
	return nil
}

// context is up to 12 characters either side of text[from:to].
func context(text string, from, to int) string {
	r := []rune(text[:from])
	before := string(r[max(0, len(r)-12):])
	r = []rune(text[to:])
	after := string(r[:min(len(r), 12)])
	return before + text[from:to] + after
}

// TestPlan14thV2KeepsV1: version 2's first 23 indicators and first six groups
// are version 1's, field for field, in the same places; what version 2 adds
// comes after them.
func TestPlan14thV2KeepsV1(t *testing.T) {
	v1 := embeddedPlan(t, "jlp-hrss-14th@1")
	v2 := embeddedPlan(t, "jlp-hrss-14th@2")
	if v1.Title != v2.Title || v1.Period != v2.Period || v1.BaselineYear != v2.BaselineYear || v1.Thresholds != v2.Thresholds {
		t.Errorf("title, period, baseline year or thresholds differ between the versions")
	}
	if len(v2.Groups) < len(v1.Groups) {
		t.Fatalf("version 2 has %d groups, version 1 %d", len(v2.Groups), len(v1.Groups))
	}
	for i, g1 := range v1.Groups {
		g2 := v2.Groups[i]
		if g1.Name != g2.Name || g1.Source != g2.Source || g1.Note != g2.Note || len(g1.Indicators) != len(g2.Indicators) {
			t.Errorf("group %d: version 1 %q (%s, %d indicators), version 2 %q (%s, %d indicators)",
				i+1, g1.Name, g1.Source, len(g1.Indicators), g2.Name, g2.Source, len(g2.Indicators))
		}
	}
	one, two := v1.Indicators(), v2.Indicators()
	if len(one) != 23 {
		t.Fatalf("version 1 has %d indicators, want 专栏2's 23", len(one))
	}
	for i, a := range one {
		b := two[i]
		// Every exported field: one added to Indicator later is compared too.
		va, vb := reflect.ValueOf(*a), reflect.ValueOf(*b)
		for f := 0; f < va.NumField(); f++ {
			field := va.Type().Field(f)
			if !field.IsExported() {
				continue // the places in the file, which differ
			}
			if !reflect.DeepEqual(va.Field(f).Interface(), vb.Field(f).Interface()) {
				t.Errorf("%s: %s is %v in version 1, %v in version 2", a.ID, field.Name, va.Field(f).Interface(), vb.Field(f).Interface())
			}
		}
	}
}

// TestMainTable: the table a plain number in a workbook's id column refers
// to is the table of a plan's first numbered indicator, whatever tables later
// groups come from; a source without a number names no table.
func TestMainTable(t *testing.T) {
	for ref, want := range map[string]string{"jlp-hrss-14th@1": "专栏2", "jlp-hrss-14th@2": "专栏2", "jlp-hrss-13th@1": "专栏1"} {
		if got := embeddedPlan(t, ref).MainTable(); got != want {
			t.Errorf("%s: main table %q, want %q", ref, got, want)
		}
	}
	for source, want := range map[string]string{"专栏2 #16": "专栏2", "专栏7 #2": "专栏7", "第四节": "", "": ""} {
		if got := (&plan.Indicator{Source: source}).SourceTable(); got != want {
			t.Errorf("SourceTable(%q) = %q, want %q", source, got, want)
		}
	}
}
