package newplan

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// Table is a 专栏 table as printed: its caption, the years its header
// names, its groups of indicator rows and its notes.
type Table struct {
	Caption     string // the line above the header: 专栏2 “十四五”时期主要指标
	CaptionLine int
	HeaderLine  int
	// BaselineYear and TargetYear are the years the header names (2020年
	// 基数, 2025年目标); 0 where it names none.
	BaselineYear, TargetYear int
	// FiveYearPlan is the plan's number where the header or caption names
	// it (“十四五” → 14); 0 where neither does.
	FiveYearPlan int
	Groups       []*Group
	Notes        []string // the 注： lines, as printed
	// Remarks are what the reading had to decide and the user should check.
	Remarks []Remark
}

// Group is a group row (一、就业) and the indicator rows under it.
type Group struct {
	Name string
	Line int
	Rows []*Row
}

// Row is one indicator as printed, numbering and unit split off its name.
type Row struct {
	Line      int
	Number    string // "1" of 1.城镇新增就业人数; "" where unnumbered
	ID        string // from an 编号 column; "" where the table has none
	Name      string
	Unit      string
	Baseline  string
	Target    string
	Attribute string

	raw       string // the name cell(s) as printed, joined
	hasValues bool
}

// Remark is one thing the reading decided that the user should check, at a
// line of the input.
type Remark struct {
	Line int
	Msg  *msg.Error
}

var (
	groupNumbering = regexp.MustCompile(`^(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[）)])`)
	rowNumbering   = regexp.MustCompile(`^\s*(?:([0-9０-９]+)\s*(?:[.．、，,]|\s)|[（(]\s*([0-9０-９]+)\s*[）)])\s*`)
	trailingUnit   = regexp.MustCompile(`[（(]([^（）()]{1,12})[）)]\s*$`)
	notePrefix     = regexp.MustCompile(`^(?:注|备注)\s*[:：\d]`)
	captionLabel   = regexp.MustCompile(`^(?:专栏|附表|表)\s*[0-9一二三四五六七八九十]`)
	prose          = regexp.MustCompile(`[。；;]|^专栏|^表\s*\d|^第[一二三四五六七八九十百\d]+[章节部篇]`)
)

// Parse finds the plan table in the lines — the first header row of a
// plan's 专栏, anywhere — and reads it: the caption above it, group rows,
// indicator rows (a name that wraps onto the next line joined, also over a
// page break where the header is printed again), and the 注： lines under
// it.
//
// With caption not empty, the table is the first whose caption contains
// it (专栏2), for a whole document pasted; else the first table.
func Parse(lines []Line, caption string) (*Table, error) {
	if len(lines) > MaxLines {
		return nil, msg.Errorf("newplan.too-many-lines", len(lines), MaxLines)
	}
	start := -1
	var h *header
	var t *Table
	hr := &headerReader{}
	for i := 0; i < len(lines); i++ {
		if h = hr.headerAt(lines, i); h == nil {
			continue
		}
		t = &Table{HeaderLine: lines[i].Num, FiveYearPlan: h.fyp}
		t.Caption, t.CaptionLine = captionAbove(lines, i)
		if caption == "" || strings.Contains(actuals.NormalizeHeader(t.Caption), actuals.NormalizeHeader(caption)) {
			start = i
			break
		}
		i += h.lines - 1
	}
	if start < 0 {
		if caption != "" {
			return nil, msg.Errorf("newplan.no-table-captioned", caption)
		}
		return nil, msg.Errorf("newplan.no-header")
	}
	if t.FiveYearPlan == 0 {
		t.FiveYearPlan = fypNumber(t.Caption)
	}
	t.readYears(h)
	p := &parser{t: t, h: h}
	for i := start + h.lines; i < len(lines); {
		l := lines[i]
		if len(l.Cells) == 0 {
			p.blank = true
			i++
			continue
		}
		if again := hr.headerAt(lines, i); again != nil {
			// The header printed again after a page break.
			p.blank, p.afterHeader = false, true
			i += again.lines
			continue
		}
		if !p.line(l) {
			break
		}
		i++
	}
	p.finish()
	if len(t.Groups) == 0 {
		return nil, msg.Errorf("newplan.no-rows", t.HeaderLine)
	}
	return t, nil
}

// captionAbove is the table's caption: the first non-blank line above its
// header, where that is one short cell and no sentence.
func captionAbove(lines []Line, header int) (string, int) {
	for i := header - 1; i >= 0; i-- {
		if len(lines[i].Cells) == 0 {
			continue
		}
		cells := nonEmpty(lines[i].Cells)
		c := strings.Join(cells, " ")
		if (len(cells) == 1 || captionLabel.MatchString(c)) && utf8.RuneCountInString(c) <= 60 && !strings.ContainsAny(c, "。；") {
			return c, lines[i].Num
		}
		break
	}
	return "", 0
}

// readYears takes the baseline and target years from the header; with bare
// years only (指标 | 2020年 | 2025年), the earlier is the baseline and the
// later the target, which the remarks say.
func (t *Table) readYears(h *header) {
	var bare []int
	for i, k := range h.cols {
		switch k {
		case colBaseline:
			t.BaselineYear = h.years[i]
		case colTarget:
			t.TargetYear = h.years[i]
		case colYear:
			bare = append(bare, i)
		}
	}
	if h.index(colTarget) < 0 && len(bare) >= 2 {
		b, e := bare[0], bare[len(bare)-1]
		h.cols[b], h.cols[e] = colBaseline, colTarget
		t.BaselineYear, t.TargetYear = h.years[b], h.years[e]
		t.Remarks = append(t.Remarks, Remark{t.HeaderLine, msg.Errorf("newplan.bare-years", t.BaselineYear, t.TargetYear)})
	}
}

type parser struct {
	t           *Table
	h           *header
	group       *Group
	last        *Row // the indicator row read last
	lastLine    int  // the line last read into the table
	blank       bool // a blank line since
	afterHeader bool // the header printed again since
	numbered    bool // rows are numbered
	titled      bool // groups are numbered (一、)
	inNote      bool
}

// numberedLine reports whether a line is numbered: its name (1.), or its
// 序号 cell.
func (p *parser) numberedLine(name string, values []string) bool {
	if n := p.h.index(colNumber); n >= 0 && values[n] != "" {
		return true
	}
	return rowNumbering.MatchString(name)
}

// line reads one non-blank line of the table; false where the table has
// ended before it.
func (p *parser) line(l Line) bool {
	defer func() { p.blank, p.afterHeader = false, false }()
	first := ""
	if len(l.Cells) > 0 {
		first = l.Cells[0]
	}
	if notePrefix.MatchString(norm.NFKC.String(first)) {
		p.t.Notes = append(p.t.Notes, strings.Join(nonEmpty(l.Cells), " "))
		p.inNote = true
		return true
	}
	if p.inNote {
		if p.blank || len(nonEmpty(l.Cells)) != 1 {
			return false
		}
		// A note that goes on over the next line.
		p.t.Notes[len(p.t.Notes)-1] += first
		return true
	}
	name, values, extra := p.cells(l)
	hasValues := false
	for i, v := range values {
		switch p.h.cols[i] {
		case colBaseline, colTarget, colAttribute:
			hasValues = hasValues || v != ""
		}
	}
	if extra != "" {
		p.remark(l.Num, "newplan.extra-cells", extra)
	}
	if !hasValues {
		switch {
		case name == "":
			return true
		case groupNumbering.MatchString(name):
			p.newGroup(name, l.Num)
			p.titled = true
			return true
		case p.blank && !p.afterHeader:
			return false
		case p.last != nil && p.lastLine == p.last.Line && (p.numbered || p.titled) && !p.numberedLine(name, values):
			// Where rows or groups are numbered, a line with neither
			// numbering nor values right under a row goes on with its name.
			p.join(p.last, name, l.Num)
			return true
		case p.numberedLine(name, values) && !prose.MatchString(name):
			// A numbered name whose values come on the next line.
			p.newRow(name, l.Num, values)
			return true
		case prose.MatchString(name) || utf8.RuneCountInString(name) > 40:
			return false
		}
		p.newGroup(name, l.Num)
		return true
	}
	if name == "" || p.numbered && !p.numberedLine(name, values) && p.last != nil && !p.last.hasValues {
		// The values of a row whose name came on the line before, or the
		// rest of its name with them.
		if p.last == nil || p.last.hasValues {
			p.remark(l.Num, "newplan.values-without-name")
			return true
		}
		if name != "" {
			p.join(p.last, name, l.Num)
		}
		p.last.setValues(p.h, values)
		p.lastLine = p.last.Line
		return true
	}
	p.newRow(name, l.Num, values)
	return true
}

func (p *parser) newRow(name string, line int, values []string) {
	r := &Row{Line: line, raw: name}
	r.setValues(p.h, values)
	if n := p.h.index(colNumber); n >= 0 {
		r.Number = values[n]
	}
	if n := p.h.index(colID); n >= 0 {
		r.ID = values[n]
	}
	if p.numberedLine(name, values) {
		p.numbered = true
	}
	if p.group == nil {
		p.group = &Group{Line: line}
		p.t.Groups = append(p.t.Groups, p.group)
	}
	p.group.Rows = append(p.group.Rows, r)
	p.last, p.lastLine = r, line
}

// cells splits a line into its name cell and its other cells by column
// (values[i] for header column i; "" for the name column). A line that lost
// its empty cells (split at runs of spaces) is read from the right, which
// the remarks say; cells beyond the header are returned as extra.
func (p *parser) cells(l Line) (name string, values []string, extra string) {
	nameAt := p.h.index(colName)
	values = make([]string, len(p.h.cols))
	cells := l.Cells
	if !l.Positional && len(cells) > 1 && len(cells) < len(p.h.cols) && nameAt == 0 {
		shift := len(p.h.cols) - len(cells)
		aligned := make([]string, len(p.h.cols))
		aligned[0] = cells[0]
		copy(aligned[1+shift:], cells[1:])
		p.remark(l.Num, "newplan.read-from-right", len(cells), len(p.h.cols))
		cells = aligned
	}
	if filled := nonEmpty(cells); len(filled) == 1 && (nameAt >= len(cells) || cells[nameAt] == "") {
		// A group title in the 序号 column, or merged from it.
		return filled[0], values, ""
	}
	for i, c := range cells {
		switch {
		case i >= len(values):
			if c != "" {
				extra += c + " "
			}
		case i == nameAt:
			name = c
		default:
			values[i] = c
		}
	}
	return name, values, strings.TrimSpace(extra)
}

func (r *Row) setValues(h *header, values []string) {
	for i, v := range values {
		if v == "" {
			continue
		}
		switch h.cols[i] {
		case colBaseline:
			r.Baseline = v
		case colTarget:
			r.Target = v
		case colAttribute:
			r.Attribute = v
		case colUnit:
			r.Unit = v
			continue
		default:
			continue
		}
		r.hasValues = true
	}
}

// join puts the rest of a wrapped name onto its row.
func (p *parser) join(r *Row, more string, line int) {
	r.raw = joinText(r.raw, more)
	p.lastLine = r.Line
	p.remark(line, "newplan.joined", r.Line)
}

// joinText joins the two parts of a wrapped text: directly, but with a
// space between two Latin letters or digits.
func joinText(a, b string) string {
	la, _ := utf8.DecodeLastRuneInString(a)
	fb, _ := utf8.DecodeRuneInString(b)
	if la < utf8.RuneSelf && fb < utf8.RuneSelf && (unicode.IsLetter(la) || unicode.IsDigit(la)) && (unicode.IsLetter(fb) || unicode.IsDigit(fb)) {
		return a + " " + b
	}
	return a + b
}

func (p *parser) newGroup(name string, line int) {
	p.group = &Group{Name: name, Line: line}
	p.t.Groups = append(p.t.Groups, p.group)
	p.last = nil
	p.lastLine = line
}

func (p *parser) remark(line int, key msg.Key, args ...any) {
	p.t.Remarks = append(p.t.Remarks, Remark{line, msg.Errorf(key, args...)})
}

// finish splits numbering and unit off every name, drops groups without
// rows, and names a group that has no name row.
func (p *parser) finish() {
	var groups []*Group
	for _, g := range p.t.Groups {
		if len(g.Rows) == 0 {
			continue
		}
		for _, r := range g.Rows {
			// A line break inside a cell (a spreadsheet's copy) joins as a
			// wrapped line does; other runs of white space become one space.
			name := ""
			for _, part := range strings.Split(r.raw, "\n") {
				name = joinText(name, strings.Join(strings.Fields(part), " "))
			}
			if m := rowNumbering.FindStringSubmatch(name); m != nil {
				if r.Number == "" {
					r.Number = norm.NFKC.String(m[1] + m[2])
				}
				name = name[len(m[0]):]
			}
			r.Unit = strings.TrimSpace(norm.NFKC.String(r.Unit))
			if m := trailingUnit.FindStringSubmatchIndex(name); m != nil {
				// The unit in brackets, unless a 单位 column gives another.
				if unit := strings.TrimSpace(norm.NFKC.String(name[m[2]:m[3]])); r.Unit == "" || r.Unit == unit {
					r.Unit = unit
					name = strings.TrimSpace(name[:m[0]])
				}
			}
			r.Name = name
		}
		if g.Name == "" {
			g.Name = msg.Errorf("newplan.default-group").In(msg.Chinese)
			if p.t.Caption != "" {
				g.Name = p.t.Caption
			}
			p.remark(g.Line, "newplan.no-group", g.Name)
		}
		groups = append(groups, g)
	}
	p.t.Groups = groups
}

func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c != "" {
			out = append(out, c)
		}
	}
	return out
}
