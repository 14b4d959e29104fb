package newplan

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
)

// colKind is what a header cell makes its column.
type colKind int

const (
	colOther     colKind = iota // not a header word
	colIgnored                  // a header word of a column that is not read (2020年实际值, 完成情况, 备注)
	colName                     // 指标, 项目, 名称
	colNumber                   // 序号
	colID                       // 编号
	colUnit                     // 单位
	colBaseline                 // 2020年基数
	colTarget                   // 2025年目标
	colAttribute                // 指标属性
	colYear                     // a bare year (2020年): the earlier of two is the baseline, the later the target
)

// Header words of the baseline and the target, once a year, quotation
// marks, brackets and the name of a five-year plan (“十四五”) are taken out.
var (
	baselineWords = map[string]bool{"基数": true, "基期": true, "基期值": true, "基数值": true, "基期数": true, "现状": true, "现状值": true, "基准值": true, "基值": true, "baseline": true}
	targetWords   = map[string]bool{"目标": true, "目标值": true, "规划目标": true, "预期目标": true, "规划值": true, "期末目标": true, "target": true}
	ignoredWords  = map[string]bool{"备注": true, "说明": true, "责任单位": true, "牵头单位": true, "牵头部门": true, "note": true}
)

var (
	yearWord   = regexp.MustCompile(`(?:19|20)\d{2}(?:年度|年末|年)?`)
	fyp        = regexp.MustCompile(`十([一二三四五六七八九]?)五`)
	headerJunk = regexp.MustCompile(`["'“”‘’「」『』()\[\]【】<>《》:：]`)
)

// fypNumber is the number of the five-year plan a text names: “十四五” is
// 14; 0 for none. 十五 alone (the tenth) is not read: it is a number too.
func fypNumber(s string) int {
	m := fyp.FindStringSubmatch(s)
	if m == nil || m[1] == "" {
		return 0
	}
	return 10 + strings.IndexRune("一二三四五六七八九", []rune(m[1])[0])/len("一") + 1
}

// FiveYearPlanPeriod is the period of the nth five-year plan: the third ran
// 1966–1970 and every one since five years on (the 14th is 2021–2025).
func FiveYearPlanPeriod(n int) (start, end int) {
	start = 1966 + 5*(n-3)
	return start, start + 4
}

// classifyHeader gives a header text its column kind and the year it names.
func classifyHeader(text string) (colKind, int) {
	n := actuals.NormalizeHeader(text)
	if n == "" {
		return colOther, 0
	}
	role, _ := actuals.HeaderRole(text)
	switch role {
	case actuals.RoleName:
		return colName, 0
	case actuals.RoleID:
		return colID, 0
	case actuals.RoleUnit:
		return colUnit, 0
	case actuals.RoleAttribute:
		return colAttribute, 0
	case actuals.RoleRowNumber:
		return colNumber, 0
	case actuals.RoleStatus, actuals.RoleEntity:
		return colIgnored, 0
	}
	years := yearWord.FindAllString(n, -1)
	if len(years) > 1 {
		return colOther, 0
	}
	year := 0
	if len(years) == 1 {
		year, _ = strconv.Atoi(years[0][:4])
	}
	rest := yearWord.ReplaceAllString(n, "")
	rest = fyp.ReplaceAllString(rest, "")
	rest = headerJunk.ReplaceAllString(rest, "")
	switch {
	case baselineWords[rest]:
		return colBaseline, year
	case targetWords[rest]:
		return colTarget, year
	case rest == "" && year != 0:
		return colYear, year
	case ignoredWords[rest], role == actuals.RoleYear, role == actuals.RoleValue:
		return colIgnored, year
	}
	return colOther, 0
}

// headerReader classifies header texts, remembering each text's kind: a
// long paste asks about the same few texts on every line.
type headerReader struct {
	seen map[string]kindYear
}

type kindYear struct {
	kind colKind
	year int
}

// maxHeaderCell is the longest header cell, in bytes (“十三五”规划目标值（2025年）
// is 43): a longer text is no header word, and is not looked at.
const maxHeaderCell = 96

// maxHeaderWords bounds the words a header of words one or more a line is
// grouped from.
const maxHeaderWords = 32

func (hr *headerReader) classify(text string) (colKind, int) {
	if len(text) > maxHeaderCell {
		return colOther, 0
	}
	if ky, ok := hr.seen[text]; ok {
		return ky.kind, ky.year
	}
	k, y := classifyHeader(text)
	if hr.seen == nil || len(hr.seen) >= 1<<14 {
		hr.seen = map[string]kindYear{}
	}
	hr.seen[text] = kindYear{k, y}
	return k, y
}

// leads reports whether a header can start with text: a name, 序号 or
// 编号 column.
func (hr *headerReader) leads(text string) bool {
	k, _ := hr.classify(text)
	return k == colName || k == colNumber || k == colID
}

// header is a recognised header: the kind of each column, by position.
type header struct {
	cols  []colKind
	years []int
	lines int // input lines it spans
	fyp   int // the five-year plan its words name
}

func (h *header) index(k colKind) int {
	for i, c := range h.cols {
		if c == k {
			return i
		}
	}
	return -1
}

// complete reports whether the columns make a plan table's header: one name
// column, and a target column or two bare years.
func (h *header) complete() bool {
	names, targets, years := 0, 0, 0
	for _, c := range h.cols {
		switch c {
		case colName:
			names++
		case colTarget:
			targets++
		case colYear:
			years++
		}
	}
	return names == 1 && (targets == 1 || targets == 0 && years >= 2)
}

// fromCells reads cells as a header: its first cell a header word, a name
// column and a target column among them. Cells of other words are columns
// not read (填写说明, 责任单位 …).
func (hr *headerReader) fromCells(cells []string) *header {
	h := &header{lines: 1}
	for _, c := range cells {
		k, y := colOther, 0
		if c != "" {
			k, y = hr.classify(c)
			h.fyp = max(h.fyp, fypNumber(c))
		}
		h.cols = append(h.cols, k)
		h.years = append(h.years, y)
	}
	if !h.complete() {
		return nil
	}
	return h
}

// headerAt recognises a header starting at lines[i]: its cells one per
// column (指标 | 2020年 基数 | …); a header whose cells break over two or
// three lines, column by column; or its words, one or more a line, grouped
// into header cells as they come (指标 / 2020年 / 基数 / …).
func (hr *headerReader) headerAt(lines []Line, i int) *header {
	first := lines[i].Cells
	if len(first) == 0 || first[0] == "" {
		return nil
	}
	if hr.leads(first[0]) {
		if h := hr.fromCells(first); h != nil {
			return h
		}
		// Column by column over the next lines, where the cells line up.
		for k := 2; k <= 3 && i+k <= len(lines); k++ {
			merged := append([]string(nil), first...)
			ok := true
			for _, l := range lines[i+1 : i+k] {
				if len(l.Cells) == 0 || len(l.Cells) > len(first)+1 {
					ok = false
					break
				}
				for j, c := range l.Cells {
					for len(merged) <= j {
						merged = append(merged, "")
					}
					merged[j] += c
				}
			}
			if !ok {
				break
			}
			if h := hr.fromCells(merged); h != nil {
				h.lines = k
				return h
			}
		}
	}
	// Word by word, over up to eight lines.
	lead := strings.Fields(first[0])
	if !hr.leads(lead[0]) && !(len(lead) > 1 && hr.leads(lead[0]+lead[1])) {
		return nil
	}
	var words []string
	var best *header
	for k := 0; k < 8 && i+k < len(lines); k++ {
		l := lines[i+k]
		if len(l.Cells) == 0 {
			break
		}
		words = append(words, strings.Fields(strings.Join(l.Cells, " "))...)
		if len(words) > maxHeaderWords {
			break
		}
		h := hr.groupWords(words)
		if h == nil {
			break
		}
		if h.complete() {
			h.lines = k + 1
			best = h
		}
	}
	return best
}

// groupWords groups header words into cells, longest first (2020年 基数
// is one cell, 指标 属性 another); nil when a word is no header word.
func (hr *headerReader) groupWords(words []string) *header {
	h := &header{}
	for i := 0; i < len(words); {
		taken := 0
		for n := min(3, len(words)-i); n >= 1; n-- {
			text := strings.Join(words[i:i+n], "")
			if k, y := hr.classify(text); k != colOther {
				h.cols = append(h.cols, k)
				h.years = append(h.years, y)
				h.fyp = max(h.fyp, fypNumber(text))
				taken = n
				break
			}
		}
		if taken == 0 {
			return nil
		}
		i += taken
	}
	return h
}
