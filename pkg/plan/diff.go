package plan

import (
	"strconv"
	"strings"
)

// ChangeKind is what a Change is.
type ChangeKind int

// The kinds of change between two plans: a field changed (of the plan, a
// group or an indicator), an indicator added or removed, an indicator
// renamed (the same id under another name).
const (
	Changed ChangeKind = iota
	Added
	Removed
	Renamed
)

// String is the kind as JSON output writes it.
func (k ChangeKind) String() string {
	switch k {
	case Added:
		return "added"
	case Removed:
		return "removed"
	case Renamed:
		return "renamed"
	}
	return "changed"
}

// Change is one difference between two plans, as a mid-term review (中期调整)
// reads them.
type Change struct {
	Kind ChangeKind
	// Indicator is the indicator changed: the second plan's, or the first
	// plan's when it was removed; nil for a change to the plan or a group.
	Indicator *Indicator
	// Group is the name of the group whose own field changed; "" otherwise.
	Group string
	// Field is the field as the plan format names it ("target",
	// "baseline", "thresholds.ahead"), or "group" for an indicator moved to
	// another group. An added or removed indicator's change is its target.
	Field string
	// Old and New are the values as the plans write them; "" where a plan
	// has none (an added indicator has no Old).
	Old, New string
}

// Diff lists the differences between plans a and b: the plan's own fields
// (not its id and version, which name the two), each group's (by name), then
// the indicators by id in b's order — renamed, moved to another group,
// changed — with the indicators b adds among them, and at the end those it
// removes, in a's order. Targets and baselines are compared as expressions:
// "≥ 95" and "≥95" are the same target. Equal plans give none.
func Diff(a, b *Plan) []Change {
	var out []Change
	field := func(name, old, new string) {
		if old != new {
			out = append(out, Change{Kind: Changed, Field: name, Old: old, New: new})
		}
	}
	field("title", a.Title, b.Title)
	field("period", a.Period.String(), b.Period.String())
	field("baseline_year", strconv.Itoa(a.BaselineYear), strconv.Itoa(b.BaselineYear))
	field("issuer", a.Issuer, b.Issuer)
	field("issued", a.Issued, b.Issued)
	field("source", a.Source, b.Source)
	field("note", a.Note, b.Note)
	field("thresholds.ahead", number(a.Thresholds.Ahead), number(b.Thresholds.Ahead))
	field("thresholds.on_track", number(a.Thresholds.OnTrack), number(b.Thresholds.OnTrack))
	field("thresholds.binding_on_track", number(a.Thresholds.BindingOnTrack), number(b.Thresholds.BindingOnTrack))

	groupsA := map[string]*Group{}
	for _, g := range a.Groups {
		groupsA[g.Name] = g
	}
	for _, g := range b.Groups {
		ga, ok := groupsA[g.Name]
		if !ok {
			continue // a new group shows in its indicators
		}
		for _, f := range []struct{ name, old, new string }{
			{"source", ga.Source, g.Source}, {"note", ga.Note, g.Note},
		} {
			if f.old != f.new {
				out = append(out, Change{Kind: Changed, Group: g.Name, Field: f.name, Old: f.old, New: f.new})
			}
		}
	}

	inA := map[string]*Indicator{}
	for _, ind := range a.Indicators() {
		inA[ind.ID] = ind
	}
	inB := map[string]bool{}
	for _, ind := range b.Indicators() {
		inB[ind.ID] = true
		old, ok := inA[ind.ID]
		if !ok {
			out = append(out, Change{Kind: Added, Indicator: ind, Field: "target", New: ind.PrintedTarget()})
			continue
		}
		out = append(out, indicatorChanges(old, ind)...)
	}
	for _, ind := range a.Indicators() {
		if !inB[ind.ID] {
			out = append(out, Change{Kind: Removed, Indicator: ind, Field: "target", Old: ind.PrintedTarget()})
		}
	}
	return out
}

// indicatorChanges are the differences between two versions of an
// indicator, in the order the plan format lists the fields.
func indicatorChanges(a, b *Indicator) []Change {
	var out []Change
	add := func(kind ChangeKind, name, old, new string) {
		if old != new {
			out = append(out, Change{Kind: kind, Indicator: b, Field: name, Old: old, New: new})
		}
	}
	add(Renamed, "name", a.Name, b.Name)
	add(Changed, "group", a.Group, b.Group)
	add(Changed, "unit", a.Unit, b.Unit)
	if a.Target.String() != b.Target.String() {
		add(Changed, "target", a.Target.Text, b.Target.Text)
	}
	if a.Baseline.String() != b.Baseline.String() {
		add(Changed, "baseline", a.Baseline.Text, b.Baseline.Text)
	}
	add(Changed, "attribute", a.Attribute.String(), b.Attribute.String())
	add(Changed, "better", directions(a.Better), directions(b.Better))
	add(Changed, "judge", a.Judge.String(), b.Judge.String())
	add(Changed, "printed", a.Printed, b.Printed)
	// The decimals shown follow the target unless the file sets them: a
	// change the target brings is no change of its own.
	_, setA := a.pos["precision"]
	_, setB := b.pos["precision"]
	if setA || setB {
		add(Changed, "precision", strconv.Itoa(a.Precision), strconv.Itoa(b.Precision))
	}
	add(Changed, "aliases", strings.Join(a.Aliases, "、"), strings.Join(b.Aliases, "、"))
	add(Changed, "note", a.Note, b.Note)
	add(Changed, "source", a.Source, b.Source)
	return out
}

func directions(ds []Direction) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = d.String()
	}
	return strings.Join(s, ", ")
}

func number(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
