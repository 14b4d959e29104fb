package actuals

import (
	"strings"
	"unicode/utf8"

	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// Names that nearly match (issue 10): a row whose name matches no indicator
// but comes close to exactly one is never matched to it — it stays unmatched
// — but its warning asks "did you mean …?" and points to --aliases. Close
// means, between the row's name and an indicator's name or alias, both
// normalised as for matching:
//
//   - the same but for the words offices drop or shorten: a trailing 数量,
//     总量, 量 or 数, a 的, 医保 for 基本医疗保险 or 医疗保险, 社保 for 社会保险;
//   - one holding the other whole, the shorter at least 4 characters and 60%
//     of the longer (城镇新增就业 in 城镇新增就业人数);
//   - one character apart (one changed, added or dropped) in names of 4
//     characters or more, two in names of 8 or more.
//
// Close to two indicators or more is no suggestion at all: a guess between
// them would mislead.

// nearForms are the shortenings compared first.
var nearForms = strings.NewReplacer("基本医疗保险", "医保", "医疗保险", "医保", "社会保险", "社保", "的", "")

// canonical is a normalised name with the shortenings applied and a
// trailing 数量, 总量, 量 or 数 removed.
func canonical(s string) string {
	s = nearForms.Replace(s)
	for _, suffix := range []string{"数量", "总量", "量", "数"} {
		if t, ok := strings.CutSuffix(s, suffix); ok && t != "" {
			return t
		}
	}
	return s
}

// nearName reports whether a row's normalised name a is close to an
// indicator's normalised name or alias b.
func nearName(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if canonical(a) == canonical(b) {
		return true
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	short, long := min(la, lb), max(la, lb)
	if short >= 4 && short*10 >= long*6 && (strings.Contains(a, b) || strings.Contains(b, a)) {
		return true
	}
	switch {
	case short >= 8:
		return editDistance(a, b, 2) <= 2
	case short >= 4:
		return editDistance(a, b, 1) <= 1
	}
	return false
}

// editDistance is the Levenshtein distance between a and b in characters,
// or limit+1 once it is known to be over limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// near is the one indicator whose name or alias a row's name comes close
// to, or nil (none, or several).
func (m *matcher) near(text string) *plan.Indicator {
	if ind, ok := m.nears[text]; ok {
		return ind
	}
	ind := m.nearest(text)
	if len(m.nears) < maxCached {
		m.nears[text] = ind
	}
	return ind
}

func (m *matcher) nearest(text string) *plan.Indicator {
	n, _ := splitName(text)
	var hit *plan.Indicator
	try := func(key string, ind *plan.Indicator) bool {
		if !nearName(n, key) || hit == ind {
			return true
		}
		if hit != nil {
			return false // two: no suggestion
		}
		hit = ind
		return true
	}
	for key, ind := range m.byName {
		if !try(key, ind) {
			return nil
		}
	}
	for key, ind := range m.byAlias {
		if !try(key, ind) {
			return nil
		}
	}
	return hit
}
