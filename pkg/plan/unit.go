package plan

import (
	"golang.org/x/text/unicode/norm"
)

// Unit is a unit a plan may give an indicator. Units are open: any text is a
// unit. The units plancheck knows form families, and units of one family
// convert exactly by their Scale (万人 is 10000 人, 公顷 10000 平方米); units of
// different families never convert (个, 家 and 户 count different things, and
// 亩 is 666.67 平方米, not exactly). A unit plancheck does not know is its own
// family of one: it matches only itself.
type Unit struct {
	Name string
	// Family names the family by its first unit (人 for 人, 万人, 亿人); an
	// unknown unit's family is its own name.
	Family string
	// Scale is the unit in its family's first unit: 万人 is 1e4 人.
	Scale float64
	// Count marks a count or a physical amount (人, 个, 吨, 平方米): never
	// negative.
	Count bool
	// Multiplied marks a unit that 万 or 亿 written after a number may
	// multiply (42.5万 in a 人 row): counts, amounts and money, not rates,
	// ages or durations.
	Multiplied bool
}

// What a family measures, as the flags of its units.
type unitKind int

const (
	kindOther unitKind = iota // rates, ages, durations: never multiplied
	kindCount                 // counts and physical amounts
	kindMoney                 // money: multiplied, but may be negative
)

type scaled struct {
	name  string
	scale float64
}

type family struct {
	kind  unitKind
	units []scaled
}

// families lists every unit plancheck knows, by family, in the order
// messages list them. Only exact factors make a family: 亩 (666.67 m²) and
// 名 (a count of people that plans keep apart from 人) stand alone.
var families = []family{
	{kindOther, []scaled{{"", 1}}}, // a ratio or an index
	{kindOther, []scaled{{"%", 1}}},
	{kindOther, []scaled{{"‰", 1}}},
	{kindOther, []scaled{{"个百分点", 1}}},
	{kindOther, []scaled{{"倍", 1}}},
	{kindCount, []scaled{{"人", 1}, {"万人", 1e4}, {"亿人", 1e8}}},
	{kindCount, []scaled{{"人次", 1}, {"万人次", 1e4}, {"亿人次", 1e8}}},
	{kindCount, []scaled{{"名", 1}, {"万名", 1e4}}},
	{kindCount, []scaled{{"场次", 1}}}, // events held: 引才活动20场次
	{kindCount, []scaled{{"户", 1}, {"万户", 1e4}}},
	{kindCount, []scaled{{"个", 1}, {"万个", 1e4}}},
	{kindCount, []scaled{{"家", 1}, {"万家", 1e4}}},
	{kindCount, []scaled{{"套", 1}, {"万套", 1e4}}},
	{kindCount, []scaled{{"张", 1}, {"万张", 1e4}}},
	{kindCount, []scaled{{"件", 1}, {"万件", 1e4}}},
	{kindCount, []scaled{{"份", 1}, {"万份", 1e4}}},
	{kindCount, []scaled{{"次", 1}, {"万次", 1e4}}},
	{kindCount, []scaled{{"座", 1}}},
	{kindCount, []scaled{{"所", 1}}},
	{kindCount, []scaled{{"项", 1}}},
	{kindMoney, []scaled{{"元", 1}, {"万元", 1e4}, {"亿元", 1e8}}},
	{kindCount, []scaled{{"米", 1}, {"千米", 1e3}, {"公里", 1e3}}},
	{kindCount, []scaled{{"平方米", 1}, {"万平方米", 1e4}, {"公顷", 1e4}, {"平方千米", 1e6}, {"平方公里", 1e6}}},
	{kindCount, []scaled{{"亩", 1}, {"万亩", 1e4}}},
	{kindCount, []scaled{{"立方米", 1}, {"万立方米", 1e4}, {"亿立方米", 1e8}}},
	{kindCount, []scaled{{"千克", 1}, {"公斤", 1}, {"吨", 1e3}, {"万吨", 1e7}, {"亿吨", 1e11}}},
	{kindCount, []scaled{{"千瓦", 1}, {"兆瓦", 1e3}, {"万千瓦", 1e4}}},
	{kindCount, []scaled{{"千瓦时", 1}, {"万千瓦时", 1e4}, {"亿千瓦时", 1e8}}},
	{kindOther, []scaled{{"微克/立方米", 1}}},
	{kindOther, []scaled{{"岁", 1}}},
	{kindOther, []scaled{{"年", 1}}},
	{kindOther, []scaled{{"天", 1}}},
	{kindOther, []scaled{{"个工作日", 1}}},
	{kindOther, []scaled{{"小时", 1}}},
}

// units maps each known unit's name to it.
var units = func() map[string]Unit {
	m := map[string]Unit{}
	for _, f := range families {
		for _, u := range f.units {
			m[u.name] = Unit{Name: u.name, Family: f.units[0].name, Scale: u.scale,
				Count: f.kind == kindCount, Multiplied: f.kind != kindOther}
		}
	}
	return m
}()

// LookupUnit returns the unit of the given name (compared after NFKC, so （％）
// is %), and whether plancheck knows it. A unit it does not know is returned
// as its own family of one.
func LookupUnit(name string) (Unit, bool) {
	if len(name) > 64 {
		// no unit is this long; a cell of prose is not normalized row
		// after row
		return Unit{Name: name, Family: name, Scale: 1}, false
	}
	name = norm.NFKC.String(name)
	if u, ok := units[name]; ok {
		return u, true
	}
	return Unit{Name: name, Family: name, Scale: 1}, false
}

// UnitFamilies lists the known units by family, in the order messages list
// them; the empty unit of a ratio is left out.
func UnitFamilies() [][]string {
	var out [][]string
	for _, f := range families {
		var names []string
		for _, u := range f.units {
			if u.name != "" {
				names = append(names, u.name)
			}
		}
		if len(names) > 0 {
			out = append(out, names)
		}
	}
	return out
}

// SameUnit reports whether two unit names are the same unit (after NFKC).
func SameUnit(a, b string) bool { return norm.NFKC.String(a) == norm.NFKC.String(b) }

// ConvertUnit converts v from one unit to another. It reports false when the
// two are of different families; a unit plancheck does not know converts
// only to itself.
func ConvertUnit(v float64, from, to string) (float64, bool) {
	f, _ := LookupUnit(from)
	t, _ := LookupUnit(to)
	if f.Family != t.Family {
		return 0, false
	}
	if f.Scale == t.Scale {
		return v, true
	}
	return v * f.Scale / t.Scale, true
}
