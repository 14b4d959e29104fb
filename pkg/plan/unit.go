package plan

import (
	"sort"

	"golang.org/x/text/unicode/norm"
)

// Unit is a unit a plan may give an indicator. Units of the same Dimension
// convert exactly by their Scale (万人 is 10000 人); units of different
// dimensions never convert (个, 家 and 户 count different things).
type Unit struct {
	Name      string
	Dimension string
	Scale     float64
}

// units lists every unit the plans use or are likely to use, by dimension.
var units = map[string]Unit{}

func init() {
	for _, u := range []Unit{
		{"", "none", 1}, // a ratio or an index
		{"%", "percent", 1},
		{"‰", "permille", 1},
		{"个百分点", "percentage-points", 1},
		{"人", "people", 1},
		{"万人", "people", 1e4},
		{"人次", "person-times", 1},
		{"万人次", "person-times", 1e4},
		{"元", "money", 1},
		{"万元", "money", 1e4},
		{"亿元", "money", 1e8},
		{"个", "个", 1},
		{"家", "家", 1},
		{"户", "户", 1},
		{"件", "件", 1},
		{"份", "份", 1},
		{"项", "项", 1},
		{"所", "所", 1},
		{"次", "次", 1},
		{"天", "days", 1},
		{"个工作日", "working-days", 1},
		{"年", "years", 1},
		{"岁", "age", 1},
		// City construction and the environment (a second plan's 专栏).
		{"公里", "length", 1},
		{"平方米", "area", 1},
		{"万平方米", "area", 1e4},
		{"套", "套", 1},
		{"微克/立方米", "concentration", 1},
	} {
		units[u.Name] = u
	}
}

// LookupUnit returns the unit of the given name (compared after NFKC, so （％）
// is %), and whether it is known.
func LookupUnit(name string) (Unit, bool) {
	u, ok := units[norm.NFKC.String(name)]
	return u, ok
}

// UnitNames lists the known units, sorted, for messages.
func UnitNames() []string {
	names := make([]string, 0, len(units))
	for n := range units {
		if n != "" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// ConvertUnit converts v from one unit to another. It reports false when either
// unit is unknown or they measure different things.
func ConvertUnit(v float64, from, to string) (float64, bool) {
	f, ok1 := LookupUnit(from)
	t, ok2 := LookupUnit(to)
	if !ok1 || !ok2 || f.Dimension != t.Dimension {
		return 0, false
	}
	if f.Scale == t.Scale {
		return v, true
	}
	return v * f.Scale / t.Scale, true
}
