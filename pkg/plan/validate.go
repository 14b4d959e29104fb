package plan

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/jlp-hrss/plancheck/pkg/expr"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

var slug = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// ValidID reports whether id is a valid plan or indicator id: lower-case
// letters, digits and hyphens, not starting with a hyphen.
func ValidID(id string) bool { return slug.MatchString(id) }

// Years a plan may name; anything outside is a typo.
const (
	minYear = 1900
	maxYear = 2200
)

// validate checks what the format alone cannot: unique ids and names, the
// period, expressions, directions, units. Fields that were absent or failed to
// decode were reported already and are skipped here.
func (d *decoder) validate(p *Plan) {
	if p.Schema != "" && p.Schema != SchemaV1 {
		d.checkf(p.Pos("schema"), "plan.schema", msg.Quoted(p.Schema), SchemaV1)
	}
	if p.ID != "" && !slug.MatchString(p.ID) {
		d.checkf(p.Pos("id"), "plan.id-slug", msg.Quoted(p.ID))
	}
	if _, ok := p.pos["version"]; ok && p.Version < 1 {
		d.checkf(p.Pos("version"), "plan.version-low", p.Version)
	}
	d.validatePeriod(p)
	d.validateThresholds(p)

	ids := map[string]*Indicator{}
	names := map[string]*Indicator{} // normalised name or alias → what it belongs to
	groups := map[string]Pos{}
	for _, g := range p.Groups {
		if g.Name != "" {
			if first, dup := groups[g.Name]; dup {
				d.checkf(g.Pos, "plan.group-duplicate", msg.Quoted(g.Name), first.Line)
			} else {
				groups[g.Name] = g.Pos
			}
		}
		for _, ind := range g.Indicators {
			if ind.ID != "" {
				if !slug.MatchString(ind.ID) {
					d.checkf(ind.Pos("id"), "plan.indicator-id-slug", msg.Quoted(ind.ID), indicatorSubject(ind.ID, ind.Name))
				}
				if first, dup := ids[ind.ID]; dup {
					d.checkf(ind.Pos("id"), "plan.indicator-id-duplicate", msg.Quoted(ind.ID), first.Pos("id").Line, indicatorSubject(ind.ID, ind.Name))
				} else {
					ids[ind.ID] = ind
				}
			}
			d.uniqueName(names, ind.Name, ind.Pos("name"), ind)
			for i, a := range ind.Aliases {
				d.uniqueName(names, a, ind.Pos(fmt.Sprintf("aliases.%d", i)), ind)
			}
			d.validateIndicator(p, ind)
		}
	}
	if len(p.Groups) == 0 && p.pos["groups"] != (Pos{}) {
		d.checkf(p.Pos("groups"), "plan.no-groups")
	}
	for _, g := range p.Groups {
		if len(g.Indicators) == 0 {
			d.checkf(g.Pos, "plan.group-empty", msg.Errorf("plan.subject.group-named", msg.Quoted(g.Name)))
		}
	}
}

func (d *decoder) validatePeriod(p *Plan) {
	if _, ok := p.pos["period.start"]; !ok {
		return
	}
	if _, ok := p.pos["period.end"]; !ok {
		return
	}
	start, end := p.Period.Start, p.Period.End
	for _, y := range []struct {
		field string
		name  msg.Key
		year  int
	}{{"period.start", "plan.subject.period-start", start}, {"period.end", "plan.subject.period-end", end}} {
		if y.year < minYear || y.year > maxYear {
			d.checkf(p.Pos(y.field), "plan.year-implausible", msg.Errorf(y.name), y.year, minYear, maxYear)
			return
		}
	}
	if start > end {
		d.checkf(p.Pos("period.start"), "plan.period-backwards", start, end)
	}
	if _, ok := p.pos["baseline_year"]; ok && p.BaselineYear >= start {
		d.checkf(p.Pos("baseline_year"), "plan.baseline-year", p.BaselineYear, start)
	}
}

func (d *decoder) validateThresholds(p *Plan) {
	t := p.Thresholds
	for _, th := range []struct {
		field string
		value float64
	}{{"ahead", t.Ahead}, {"on_track", t.OnTrack}, {"binding_on_track", t.BindingOnTrack}} {
		if th.value <= 0 || th.value > 10 {
			d.checkf(p.Pos("thresholds."+th.field), "plan.threshold-range", msg.Errorf("plan.subject.threshold", th.field), th.value)
			return
		}
	}
	if t.OnTrack > t.Ahead {
		d.checkf(p.Pos("thresholds.on_track"), "plan.threshold-above", "on_track", t.OnTrack, t.Ahead)
	}
	if t.BindingOnTrack > t.Ahead {
		d.checkf(p.Pos("thresholds.binding_on_track"), "plan.threshold-above", "binding_on_track", t.BindingOnTrack, t.Ahead)
	}
}

// NormalizeName is how names are compared: NFKC, with all white space removed.
func NormalizeName(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func (d *decoder) uniqueName(seen map[string]*Indicator, name string, at Pos, ind *Indicator) {
	key := NormalizeName(name)
	if key == "" {
		return
	}
	if other, dup := seen[key]; dup && other.ID != ind.ID {
		d.checkf(at, "plan.name-clash", msg.Quoted(name), indicatorSubject(ind.ID, ind.Name), indicatorSubject(other.ID, other.Name))
		return
	}
	seen[key] = ind
}

func (d *decoder) parseExpr(text string, at Pos, what *msg.Error) (expr.Expr, bool) {
	e, err := expr.Parse(text)
	if err != nil {
		var pe *expr.Error
		if errors.As(err, &pe) {
			d.checkf(at, "plan.field-problem", what, pe.Message())
		} else {
			d.checkf(at, "plan.field-problem", what, err)
		}
		return e, false
	}
	return e, true
}

func (d *decoder) validateIndicator(p *Plan, ind *Indicator) {
	raw := d.raw[ind]
	if raw == nil {
		return
	}
	what := indicatorSubject(ind.ID, ind.Name)

	targetOK := false
	if raw.target != "" {
		ind.Target, targetOK = d.parseExpr(raw.target, ind.Pos("target"), fieldOf(what, "target"))
		if targetOK && ind.Target.Kind == expr.None {
			d.checkf(ind.Pos("target"), "plan.target-none", what, msg.Quoted(raw.target))
			targetOK = false
		}
	}
	baselineOK := true
	if raw.hasBaseline && raw.baseline != "" {
		ind.Baseline, baselineOK = d.parseExpr(raw.baseline, ind.Pos("baseline"), fieldOf(what, "baseline"))
	}
	if targetOK && baselineOK && raw.hasBaseline {
		tr, br := ind.Target.Kind == expr.Ratio, ind.Baseline.Kind == expr.Ratio
		switch {
		case br && !tr:
			d.checkf(ind.Pos("baseline"), "plan.baseline-ratio", what, msg.Quoted(raw.baseline))
		case tr && ind.Baseline.Kind != expr.None && !br:
			d.checkf(ind.Pos("baseline"), "plan.baseline-not-ratio", what, msg.Quoted(raw.baseline))
		case tr && br && len(ind.Baseline.Parts) != len(ind.Target.Parts):
			d.checkf(ind.Pos("baseline"), "plan.baseline-parts", what, len(ind.Baseline.Parts), len(ind.Target.Parts))
		}
	}

	switch raw.attribute {
	case "", "预期性", "expected":
		ind.Attribute = Expected
	case "约束性", "binding":
		ind.Attribute = Binding
	default:
		d.checkf(ind.Pos("attribute"), "plan.attribute", what, msg.Quoted(raw.attribute))
	}

	switch raw.judge {
	case "":
		ind.Judge = Auto
	case "path":
		ind.Judge = Path
	case "control":
		ind.Judge = Control
	default:
		d.checkf(ind.Pos("judge"), "plan.judge", what, msg.Quoted(raw.judge))
	}

	if ind.Printed != "" {
		printed, ok := d.parseExpr(ind.Printed, ind.Pos("printed"), fieldOf(what, "printed"))
		// An empty note (note: with nothing after it) says nothing either,
		// and a plan written back (show --format yaml) leaves it out.
		switch {
		case strings.TrimSpace(ind.Note) == "":
			d.checkf(ind.Pos("printed"), "plan.printed-no-note", what)
		case ok && targetOK && printed.String() == ind.Target.String():
			d.checkf(ind.Pos("printed"), "plan.printed-same", what, msg.Quoted(ind.Printed))
		}
	}

	if targetOK {
		d.validateBetter(ind, raw, what)
	}

	precision := max(ind.Target.Decimals, ind.Baseline.Decimals)
	if ind.Printed != "" {
		if e, err := expr.Parse(ind.Printed); err == nil {
			precision = max(precision, e.Decimals)
		}
	}
	if raw.hasPrecision {
		if raw.precision < 0 || raw.precision > 6 {
			d.checkf(ind.Pos("precision"), "plan.precision", what, raw.precision)
		}
		precision = raw.precision
	}
	ind.Precision = precision

	if _, ok := LookupUnit(ind.Unit); !ok {
		// Units are open (decisions.md, "Open units"): an unknown one is
		// kept as written, and a warning lists the known ones in case it
		// is a typo (万 人).
		d.warnf(ind.Pos("unit"), "plan.unit-unknown", what, msg.Quoted(ind.Unit), unitFamilies())
	}
}

// impliedBetter is the direction a target states by itself: a bound by its
// operator, a cumulative total up; NoDirection where it states none.
func impliedBetter(t expr.Expr) Direction {
	switch {
	case t.Kind == expr.Bound && t.Op.Up():
		return Up
	case t.Kind == expr.Bound:
		return Down
	case t.Kind == expr.Cumulative:
		return Up
	}
	return NoDirection
}

func (d *decoder) validateBetter(ind *Indicator, raw *rawIndicator, what *msg.Error) {
	at := ind.Pos("better")
	var given []Direction
	for _, b := range raw.better {
		switch b {
		case "up":
			given = append(given, Up)
		case "down":
			given = append(given, Down)
		case "":
			return // reported while decoding
		case "?":
			d.checkf(at, "plan.better-placeholder", what) // left by new-plan to be filled in
			return
		default:
			d.checkf(at, "plan.better-word", what, msg.Quoted(b))
			return
		}
	}
	t := ind.Target
	if t.Kind == expr.Ratio {
		switch {
		case len(given) == 0:
			d.checkf(ind.Pos(""), "plan.ratio-needs-better", what, msg.Quoted(t.Text), len(t.Parts))
		case !raw.betterList:
			d.checkf(at, "plan.ratio-better-scalar", what, msg.Quoted(t.Text), len(t.Parts))
		case len(given) != len(t.Parts):
			d.checkf(at, "plan.ratio-better-count", what, len(given), msg.Quoted(t.Text), len(t.Parts))
		default:
			ind.Better = given
		}
		return
	}
	if raw.betterList {
		d.checkf(at, "plan.better-list", what)
		return
	}
	implied := impliedBetter(t)
	switch {
	case implied == NoDirection && len(given) == 0:
		d.checkf(ind.Pos(""), "plan.better-missing", what, msg.Quoted(t.Text))
	case implied != NoDirection && len(given) == 1 && given[0] != implied:
		d.checkf(at, "plan.better-contradicts", what, given[0].String(), msg.Quoted(t.Text), implied.String())
	case len(given) == 1:
		ind.Better = given
	default:
		ind.Better = []Direction{implied}
	}
}

// unitFamilies is the known units for a message: each family's units joined
// as a list (万人、亿人), the families as the catalogue joins them (；).
func unitFamilies() any {
	var out any
	for i, f := range UnitFamilies() {
		if i == 0 {
			out = enumerate("plan.list", f)
			continue
		}
		out = msg.Errorf("plan.unit-families", out, enumerate("plan.list", f))
	}
	return out
}
