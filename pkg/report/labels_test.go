package report_test

import (
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// TestNotReportedLine: a group none of whose indicators is reported is named
// once with its numbers and count; a group of one, a group partly reported,
// or a group with a binding indicator lists its missing indicators one by one.
func TestNotReportedLine(t *testing.T) {
	v2, err := plan.Resolve("jlp-hrss-14th@2")
	if err != nil {
		t.Fatal(err)
	}
	inds := v2.Indicators()
	// numbers picks indicators by their number in the plan (1-based).
	numbers := func(ns ...int) []*plan.Indicator {
		var out []*plan.Indicator
		for _, n := range ns {
			out = append(out, inds[n-1])
		}
		return out
	}
	span := func(from, to int) []int {
		var ns []int
		for n := from; n <= to; n++ {
			ns = append(ns, n)
		}
		return ns
	}
	for _, c := range []struct {
		name    string
		missing []*plan.Indicator
		lang    report.Lang
		want    string
	}{
		{"everything reported", nil, report.Chinese, ""},
		// 专栏2 reported whole (2023.xlsx): the key projects are six items,
		// not 36 names. 七 and 九 and 十二 hold one indicator each.
		{"only 专栏2 reported", numbers(span(24, 59)...), report.Chinese,
			"未报送：24.工伤保险参保率（%）；八、实现更加充分更高质量就业重点项目（25—35，11 项）；36.医保定点医药机构示范点（个）；" +
				"十、建设高水平人才队伍重点项目（37—48，12 项）；十一、构建和谐劳动关系重点项目（49—58，10 项）；59.导服站现场咨询人员（名）"},
		// 一、就业 partly reported (2 and 3 missing); 六、公共服务 whole.
		{"a group in part", numbers(2, 3, 22, 23), report.English,
			"Not reported: 2.城镇调查失业率（%）; 3.开展补贴性职业技能培训人次（万人次）; 六、公共服务 (22—23, 2 indicators)"},
		// 三、医疗保障 holds the binding 7 and 14: named one by one
		{"a group with binding indicators", numbers(span(7, 14)...), report.Chinese,
			"未报送：7.基本医疗保险参保率（%）；8.职工基本医疗保险政策范围内住院费用基金支付比例（%）；9.城乡居民基本医疗保险政策范围内住院费用基金支付比例（%）；" +
				"10.重点救助对象符合规定的住院医疗费用救助比例（%）；11.实行按疾病诊断相关分组付费和按病种付费的住院费用占全部住院费用的比例（%）；" +
				"12.住院费用跨省直接结算率（%）；13.医疗保障经办政务服务事项线上可办率（%）；14.医疗保障经办政务服务事项窗口可办率（%）"},
		// the whole of 十、 but one
		{"all of a group but one", numbers(span(38, 48)...), report.Chinese,
			"未报送：38.新设立专家工作室（个）；39.新增博士后科研工作站（个）；40.培训高层次急需紧缺专业技术人才（人次）；" +
				"41.市级技能大师工作室（个）；42.市级高技能人才培训基地（个）；43.市级“智能+技能”人才孵化空间（个）；44.培养“智能+技能”人才（万人）；" +
				"45.人才驿站（个）；46.引才活动（场次）；47.引进各类高精缺和急需人才（人）；48.引进硕士及相应职称、职级的青年人才（名）"},
	} {
		if got := report.NotReportedLine(v2, c.missing, c.lang); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}
