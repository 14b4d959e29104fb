package textout

import (
	"io"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// DiffTable prints the changes from plan a to plan b (plan.Diff) as a table,
// 指标 | 变化 | 项目 | a | b, under a line naming the two plans and the
// number of changes; equal plans give that line alone. A box table is fitted
// to width display columns (0: one line per row) by wrapping the indicator
// and the two values.
func DiffTable(w io.Writer, a, b *plan.Plan, changes []plan.Change, lang Lang, format TableFormat, width int) error {
	bw := &errWriter{w: w}
	if format != Box {
		width = 0
	}
	nameA, nameB := diffNames(a, b)
	title := lang.T("diff.title", nameA, nameB, len(changes))
	if len(changes) == 0 {
		title = lang.T("diff.title-equal", nameA, nameB)
	}
	title = msg.Printable(title)
	if width > 0 {
		title = Wrap(title, width, 2)
	}
	bw.printf("%s\n", title)
	if len(changes) == 0 {
		return bw.err
	}
	if format == Markdown {
		bw.printf("\n")
	}
	t := newGrid(format, []string{lang.T("col.indicator"), lang.T("diff.col.change"), lang.T("diff.col.field"), nameA, nameB})
	t.wrapCols, t.noFold = []int{0, 3, 4}, true
	for _, c := range changes {
		what := lang.T("diff.plan")
		switch {
		case c.Indicator != nil:
			what = c.Indicator.ID + " " + c.Indicator.Name
			if c.Indicator.Unit != "" {
				what += "（" + c.Indicator.Unit + "）"
			}
		case c.Group != "":
			what = c.Group
		}
		t.append([]string{what, lang.T(msg.Key("diff.kind." + c.Kind.String())),
			lang.T(msg.Key("diff.field." + c.Field)), c.Old, c.New})
	}
	if format == Box {
		t.colon = lang.T("punct.colon")
		t.fit(width)
	}
	if err := t.render(bw); err != nil {
		return err
	}
	return bw.err
}

// diffNames names the two plans in the table: by reference, or by file
// where the references are the same (a plan and an edited copy of it).
func diffNames(a, b *plan.Plan) (string, string) {
	if a.Ref() != b.Ref() || a.File == b.File {
		return a.Ref(), b.Ref()
	}
	return a.Ref() + " " + a.File, b.Ref() + " " + b.File
}

// diffJSON is `plancheck diff --format json`.
type diffJSON struct {
	A       diffPlanJSON     `json:"a"`
	B       diffPlanJSON     `json:"b"`
	Equal   bool             `json:"equal"`
	Changes []diffChangeJSON `json:"changes"`
}

type diffPlanJSON struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
	Title   string `json:"title"`
	File    string `json:"file"`
}

// diffChangeJSON is one change. Indicator, name and group are null for a
// change to the plan itself; indicator and name are null for a group's own
// field. Old is null for an added indicator, new for a removed one.
type diffChangeJSON struct {
	Change    string  `json:"change"`
	Indicator *string `json:"indicator"`
	Name      *string `json:"name"`
	Group     *string `json:"group"`
	Field     string  `json:"field"`
	Old       *string `json:"old"`
	New       *string `json:"new"`
}

// DiffJSON prints the changes from plan a to plan b as one JSON object:
// the two plans, whether they are equal, and the changes.
func DiffJSON(w io.Writer, a, b *plan.Plan, changes []plan.Change) error {
	ref := func(p *plan.Plan) diffPlanJSON { return diffPlanJSON{p.ID, p.Version, p.Title, p.File} }
	str := func(s string) *string { return &s }
	out := diffJSON{A: ref(a), B: ref(b), Equal: len(changes) == 0, Changes: []diffChangeJSON{}}
	for _, c := range changes {
		j := diffChangeJSON{Change: c.Kind.String(), Field: c.Field, Old: str(c.Old), New: str(c.New)}
		switch {
		case c.Indicator != nil:
			j.Indicator, j.Name, j.Group = str(c.Indicator.ID), str(c.Indicator.Name), str(c.Indicator.Group)
		case c.Group != "":
			j.Group = str(c.Group)
		}
		switch c.Kind {
		case plan.Added:
			j.Old = nil
		case plan.Removed:
			j.New = nil
		}
		out.Changes = append(out.Changes, j)
	}
	return writeJSON(w, out)
}
