package main

import (
	"math"
	"strconv"
)

// kind is how an indicator's values are generated.
type kind int

const (
	// path: a level moving from base towards target; the unit's pace q makes
	// it lag, keep up, run ahead or arrive early.
	path kind = iota
	// cumulative: a [X] five-year total, written as each year's amount (or,
	// for some units, as the running total in brackets).
	cumulative
	// control: a bound that must hold every year, scattered around center.
	control
)

// indicator is one of the 23 indicators of 专栏2 as the generator needs it.
// The names and units are the plan's (plans/jlp-hrss-14th.v1.yaml), so that
// plancheck matches the rows by name; the numbers shape plausible values.
type indicator struct {
	id, name, unit string
	group          string // the 专栏2 group, for the wide tables' group rows
	attr           string // 预期性 or 约束性
	kind           kind
	base, target   float64 // path: from, to; cumulative: target is the five-year total
	center, spread float64 // control
	lo, hi         float64 // values are clipped to [lo, hi]
	dec            int     // decimals the values are written with
}

var indicators = []indicator{
	{id: "urban-new-jobs", name: "城镇新增就业人数", unit: "万人", group: "一、就业", attr: "预期性", kind: cumulative, target: 15, hi: 100, dec: 2},
	{id: "surveyed-unemployment-rate", name: "城镇调查失业率", unit: "%", group: "一、就业", attr: "预期性", kind: control, center: 5.2, spread: 0.3, lo: 3, hi: 8, dec: 1},
	{id: "subsidised-skills-training", name: "开展补贴性职业技能培训人次", unit: "万人次", group: "一、就业", attr: "预期性", kind: cumulative, target: 4, hi: 100, dec: 2},
	{id: "pension-insurance-coverage", name: "基本养老保险参保率", unit: "%", group: "二、社会保障", attr: "预期性", kind: control, center: 96.3, spread: 1.1, lo: 90, hi: 100, dec: 1},
	{id: "unemployment-insurance-enrolment", name: "失业保险参保人数", unit: "万人", group: "二、社会保障", attr: "预期性", kind: path, base: 41.6, target: 43.6, lo: 35, hi: 50, dec: 2},
	{id: "work-injury-insurance-enrolment", name: "工伤保险参保人数", unit: "万人", group: "二、社会保障", attr: "预期性", kind: path, base: 42, target: 45, lo: 35, hi: 50, dec: 2},
	{id: "medical-insurance-coverage", name: "基本医疗保险参保率", unit: "%", group: "三、医疗保障", attr: "约束性", kind: control, center: 96, spread: 0.7, lo: 90, hi: 100, dec: 1},
	{id: "employee-inpatient-reimbursement", name: "职工基本医疗保险政策范围内住院费用基金支付比例", unit: "%", group: "三、医疗保障", attr: "预期性", kind: path, base: 83, target: 85, lo: 75, hi: 95, dec: 1},
	{id: "resident-inpatient-reimbursement", name: "城乡居民基本医疗保险政策范围内住院费用基金支付比例", unit: "%", group: "三、医疗保障", attr: "预期性", kind: path, base: 65, target: 70, lo: 55, hi: 80, dec: 1},
	{id: "medical-assistance-inpatient-rate", name: "重点救助对象符合规定的住院医疗费用救助比例", unit: "%", group: "三、医疗保障", attr: "预期性", kind: control, center: 71, spread: 1.2, lo: 60, hi: 80, dec: 1},
	{id: "drg-disease-payment-share", name: "实行按疾病诊断相关分组付费和按病种付费的住院费用占全部住院费用的比例", unit: "%", group: "三、医疗保障", attr: "预期性", kind: path, base: 30, target: 70, lo: 0, hi: 100, dec: 1},
	{id: "cross-province-inpatient-settlement", name: "住院费用跨省直接结算率", unit: "%", group: "三、医疗保障", attr: "预期性", kind: path, base: 60, target: 70.5, lo: 40, hi: 100, dec: 1},
	{id: "medical-services-online-availability", name: "医疗保障经办政务服务事项线上可办率", unit: "%", group: "三、医疗保障", attr: "预期性", kind: path, base: 40, target: 80, lo: 0, hi: 100, dec: 1},
	{id: "medical-services-counter-availability", name: "医疗保障经办政务服务事项窗口可办率", unit: "%", group: "三、医疗保障", attr: "约束性", kind: path, base: 85, target: 100, lo: 0, hi: 100, dec: 1},
	{id: "professional-technical-talent", name: "专业技术人才总量", unit: "万人", group: "四、人才队伍", attr: "预期性", kind: path, base: 13.2, target: 15, lo: 10, hi: 20, dec: 2},
	{id: "new-senior-title-professionals", name: "新增高级职称专业技术人才数量", unit: "人", group: "四、人才队伍", attr: "预期性", kind: cumulative, target: 1700, hi: 10000, dec: 0},
	{id: "new-vocational-certificates", name: "新增取得职业资格证书或者职业技能等级证书人数", unit: "万人", group: "四、人才队伍", attr: "预期性", kind: cumulative, target: 1.7, hi: 10, dec: 2},
	{id: "new-advanced-vocational-certificates", name: "新增取得高级工以上职业资格证书或者职业技能等级证书人数", unit: "万人", group: "四、人才队伍", attr: "预期性", kind: cumulative, target: 0.8, hi: 10, dec: 2},
	{id: "labour-dispute-mediation-success-rate", name: "劳动人事争议调解成功率", unit: "%", group: "五、劳动关系", attr: "预期性", kind: path, base: 44.74, target: 60.01, lo: 30, hi: 100, dec: 2},
	{id: "labour-arbitration-closure-rate", name: "劳动人事争议仲裁结案率", unit: "%", group: "五、劳动关系", attr: "预期性", kind: control, center: 93, spread: 2.5, lo: 80, hi: 100, dec: 2},
	{id: "labour-inspection-closure-rate", name: "劳动保障监察举报投诉案件结案率", unit: "%", group: "五、劳动关系", attr: "预期性", kind: control, center: 99.6, spread: 0.6, lo: 95, hi: 100, dec: 1},
	{id: "social-security-card-holders", name: "社会保障卡持卡人数", unit: "万人", group: "六、公共服务", attr: "预期性", kind: path, base: 112, target: 115, lo: 100, hi: 130, dec: 2},
	{id: "electronic-social-security-card-coverage", name: "申领电子社保卡人口覆盖率", unit: "%", group: "六、公共服务", attr: "预期性", kind: path, base: 29.5, target: 67, lo: 0, hi: 100, dec: 1},
}

// The plan period the values cover.
const (
	firstYear = 2021
	lastYear  = 2025
)

// rng is SplitMix64: tiny, and its sequence is fixed by its definition, so
// the generated bytes cannot change with a Go release (math/rand/v2 promises
// its generators but not every derived method).
type rng struct{ s uint64 }

func newRNG(seed ...uint64) *rng {
	r := &rng{s: 0x9e3779b97f4a7c15}
	for _, v := range seed {
		r.s ^= v
		r.next()
	}
	return r
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// float is uniform in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// between is uniform in [a, b).
func (r *rng) between(a, b float64) float64 { return a + (b-a)*r.float() }

// intn is uniform in [0, n).
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// normal is a standard normal deviate (Box–Muller).
func (r *rng) normal() float64 {
	u := 1 - r.float() // (0, 1]
	return math.Sqrt(-2*math.Log(u)) * math.Cos(2*math.Pi*r.float())
}

// seed is the generator's fixed seed; change genVersion with it.
const seed = 14_2021_2025

// series is one unit's values of one indicator for 2021–2025, as written.
type series struct {
	text    [lastYear - firstYear + 1]string // the cell: a number, "[x]" or "—"
	numeric [lastYear - firstYear + 1]bool   // text is a plain number (a number cell)
	pace    float64                          // the unit's pace q, for the written status
}

// values makes the series of indicator ind for unit u. Each (unit, indicator)
// has its own stream, so a unit's values do not depend on how many units the
// workbook holds: long-1422 is the first half of long-2844, value for value.
func values(u, ind int, noValue float64) series {
	d := indicators[ind]
	r := newRNG(seed, uint64(u)+1, uint64(ind)+1)
	var s series
	// The pace: below 0.95 lags, up to 1.1 keeps up, beyond runs ahead, and
	// beyond 1/0.6 reaches the target by 2023.
	q := r.between(0.5, 1.9)
	s.pace = q
	bracketed := d.kind == cumulative && r.float() < 0.12 // running totals, as [x]
	total := 0.0
	for i := range s.text {
		y := firstYear + i
		var v float64
		switch d.kind {
		case path:
			f := float64(y-2020) / 5
			v = d.base + (d.target-d.base)*f*q*(1+0.04*r.normal())
		case cumulative:
			v = d.target / 5 * q * (1 + 0.1*r.normal())
		case control:
			v = d.center + d.spread*r.normal()
		}
		v = clip(round(v, d.dec), d.lo, d.hi)
		switch {
		case r.float() < noValue:
			s.text[i] = "—"
		case bracketed:
			total += v
			s.text[i] = "[" + format(round(total, d.dec)) + "]"
		default:
			s.text[i], s.numeric[i] = format(v), true
		}
	}
	return s
}

func clip(v, lo, hi float64) float64 { return math.Min(math.Max(v, lo), hi) }

func round(v float64, dec int) float64 {
	p := math.Pow(10, float64(dec))
	return math.Round(v*p) / p
}

// format writes a number as Excel stores it: the shortest form that reads
// back the same.
func format(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// writtenStatus is the 完成情况 label an analyst might write for a series in
// 2023: mostly what its pace suggests, sometimes not (so that the audit has
// disagreements to report), sometimes a label plancheck does not know.
func writtenStatus(r *rng, d indicator, s series) string {
	if r.float() < 0.08 {
		return []string{"完成", "快于预期", "符合预期", "滞后", "未完成", "基本完成", "正常推进"}[r.intn(7)]
	}
	if d.kind == control {
		return []string{"符合预期", "达到时序进度", "进度正常"}[r.intn(3)]
	}
	switch q := s.pace; {
	case q >= 1/0.6:
		return "提前完成"
	case q >= 1.1:
		return "快于预期"
	case q >= 0.95:
		return []string{"符合预期", "基本符合预期"}[r.intn(2)]
	default:
		return []string{"滞后", "进度滞后"}[r.intn(2)]
	}
}

// remarks are the 备注 texts analysts leave beside some values.
var remarks = []string{
	"数据来源：区人力社保局", "数据来源：区医保局", "数据来源：区统计局", "含灵活就业人员",
	"统计口径调整", "初步统计数", "快报数", "年报数", "已核实", "待核实",
	"按户籍人口计算", "按常住人口计算", "含市级下放事项", "截至当年12月底",
	"较上年同期有所回落", "受疫情影响", "系统升级后重新统计", "与统计年鉴一致",
}

// Names of county-level units: two syllables and a suffix, unique, in a fixed
// order (a shuffle of every combination), like 青溪县, 南川区.
var (
	nameFirst  = []rune("东南西北中上下大小长安宁永兴新平龙凤金石青白红黄高清云海江河湖山泰华嘉丰武文昌德阜广临沙松桂梅榆荣柳潼合庆乐通")
	nameSecond = []rune("城阳江川山平安宁和泉源水溪林田关口坝桥州陵乡丰德昌盛华兴化远泽洲峰岭台原坪寿宾都")
	nameSuffix = []string{"县", "区", "县", "区", "市", "县", "自治县", "旗"}
)

// unitNames returns n unique unit names; the first k of unitNames(n) are
// unitNames(k).
func unitNames(n int) []string {
	r := newRNG(seed, 0x6e616d6573)
	total := len(nameFirst) * len(nameSecond)
	order := make([]int, total)
	for i := range order {
		order[i] = i
	}
	for i := total - 1; i > 0; i-- { // Fisher–Yates
		j := r.intn(i + 1)
		order[i], order[j] = order[j], order[i]
	}
	seen := map[string]bool{}
	var out []string
	for round := 0; len(out) < n; round++ {
		for _, k := range order {
			a, b := nameFirst[k/len(nameSecond)], nameSecond[k%len(nameSecond)]
			if a == b {
				continue
			}
			name := string(a) + string(b) + nameSuffix[(k+round)%len(nameSuffix)]
			if round > 0 {
				// More units than syllable pairs: a third syllable keeps them unique.
				name = string(a) + string(b) + string(nameSecond[(k+round)%len(nameSecond)]) + nameSuffix[(k+round)%len(nameSuffix)]
			}
			if seen[name] {
				continue
			}
			seen[name] = true
			out = append(out, name)
			if len(out) == n {
				break
			}
		}
	}
	return out
}
