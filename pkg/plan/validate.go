package plan

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/jlp-hrss/plancheck/pkg/expr"
)

var slug = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

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
		d.checkf(p.Pos("schema"), "unsupported schema %q (want %s)", p.Schema, SchemaV1)
	}
	if p.ID != "" && !slug.MatchString(p.ID) {
		d.checkf(p.Pos("id"), "plan id %q must be lower-case letters, digits and hyphens", p.ID)
	}
	if _, ok := p.pos["version"]; ok && p.Version < 1 {
		d.checkf(p.Pos("version"), "version must be 1 or more, not %d", p.Version)
	}
	d.validatePeriod(p)
	d.validateThresholds(p)

	ids := map[string]*Indicator{}
	names := map[string]string{} // normalised name or alias → what it belongs to
	groups := map[string]Pos{}
	for _, g := range p.Groups {
		if g.Name != "" {
			if first, dup := groups[g.Name]; dup {
				d.checkf(g.Pos, "duplicate group name %q (first at line %d)", g.Name, first.Line)
			} else {
				groups[g.Name] = g.Pos
			}
		}
		for _, ind := range g.Indicators {
			if ind.ID != "" {
				if !slug.MatchString(ind.ID) {
					d.checkf(ind.Pos("id"), "indicator id %q must be lower-case letters, digits and hyphens", ind.ID)
				}
				if first, dup := ids[ind.ID]; dup {
					d.checkf(ind.Pos("id"), "duplicate indicator id %q (first at line %d)", ind.ID, first.Pos("id").Line)
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
		d.checkf(p.Pos("groups"), "a plan needs at least one group")
	}
	for _, g := range p.Groups {
		if len(g.Indicators) == 0 {
			d.checkf(g.Pos, "group %q has no indicators", g.Name)
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
		year  int
	}{{"period.start", start}, {"period.end", end}} {
		if y.year < minYear || y.year > maxYear {
			d.checkf(p.Pos(y.field), "%s %d is not a plausible year (%d–%d)", strings.Replace(y.field, ".", " ", 1), y.year, minYear, maxYear)
			return
		}
	}
	if start > end {
		d.checkf(p.Pos("period.start"), "period start %d is after its end %d", start, end)
	}
	if _, ok := p.pos["baseline_year"]; ok && p.BaselineYear >= start {
		d.checkf(p.Pos("baseline_year"), "baseline year %d must be before the period start %d", p.BaselineYear, start)
	}
}

func (d *decoder) validateThresholds(p *Plan) {
	t := p.Thresholds
	for _, th := range []struct {
		field string
		value float64
	}{{"ahead", t.Ahead}, {"on_track", t.OnTrack}, {"binding_on_track", t.BindingOnTrack}} {
		if th.value <= 0 || th.value > 10 {
			d.checkf(p.Pos("thresholds."+th.field), "threshold %s must be above 0 and at most 10, not %g", th.field, th.value)
			return
		}
	}
	if t.OnTrack > t.Ahead {
		d.checkf(p.Pos("thresholds.on_track"), "threshold on_track %g is above ahead %g", t.OnTrack, t.Ahead)
	}
	if t.BindingOnTrack > t.Ahead {
		d.checkf(p.Pos("thresholds.binding_on_track"), "threshold binding_on_track %g is above ahead %g", t.BindingOnTrack, t.Ahead)
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

func (d *decoder) uniqueName(seen map[string]string, name string, at Pos, ind *Indicator) {
	key := NormalizeName(name)
	if key == "" {
		return
	}
	if other, dup := seen[key]; dup && other != ind.ID {
		d.checkf(at, "name %q of indicator %q is also a name or alias of indicator %q", name, ind.ID, other)
		return
	}
	seen[key] = ind.ID
}

func (d *decoder) parseExpr(text string, at Pos, what string) (expr.Expr, bool) {
	e, err := expr.Parse(text)
	if err != nil {
		var pe *expr.Error
		if errors.As(err, &pe) {
			d.checkf(at, "%s: %s", what, pe.Error())
		} else {
			d.checkf(at, "%s: %v", what, err)
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
	what := fmt.Sprintf("indicator %q", ind.ID)

	targetOK := false
	if raw.target != "" {
		ind.Target, targetOK = d.parseExpr(raw.target, ind.Pos("target"), what+" target")
		if targetOK && ind.Target.Kind == expr.None {
			d.checkf(ind.Pos("target"), "%s: target %q states no value", what, raw.target)
			targetOK = false
		}
	}
	baselineOK := true
	if raw.hasBaseline && raw.baseline != "" {
		ind.Baseline, baselineOK = d.parseExpr(raw.baseline, ind.Pos("baseline"), what+" baseline")
	}
	if targetOK && baselineOK && raw.hasBaseline {
		tr, br := ind.Target.Kind == expr.Ratio, ind.Baseline.Kind == expr.Ratio
		switch {
		case br && !tr:
			d.checkf(ind.Pos("baseline"), "%s: baseline %q is a ratio but the target is not", what, raw.baseline)
		case tr && ind.Baseline.Kind != expr.None && !br:
			d.checkf(ind.Pos("baseline"), "%s: baseline %q must be a ratio like the target", what, raw.baseline)
		case tr && br && len(ind.Baseline.Parts) != len(ind.Target.Parts):
			d.checkf(ind.Pos("baseline"), "%s: baseline has %d components, the target %d", what, len(ind.Baseline.Parts), len(ind.Target.Parts))
		}
	}

	switch raw.attribute {
	case "", "预期性", "expected":
		ind.Attribute = Expected
	case "约束性", "binding":
		ind.Attribute = Binding
	default:
		d.checkf(ind.Pos("attribute"), "%s: attribute %q must be 预期性 (expected) or 约束性 (binding)", what, raw.attribute)
	}

	switch raw.judge {
	case "":
		ind.Judge = Auto
	case "path":
		ind.Judge = Path
	case "control":
		ind.Judge = Control
	default:
		d.checkf(ind.Pos("judge"), "%s: judge %q must be path or control", what, raw.judge)
	}

	if ind.Printed != "" {
		printed, ok := d.parseExpr(ind.Printed, ind.Pos("printed"), what+" printed")
		_, hasNote := ind.pos["note"]
		switch {
		case !hasNote:
			d.checkf(ind.Pos("printed"), "%s: printed needs a note saying why the target used differs from the print", what)
		case ok && targetOK && printed.String() == ind.Target.String():
			d.checkf(ind.Pos("printed"), "%s: printed %q is the target itself; remove it", what, ind.Printed)
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
			d.checkf(ind.Pos("precision"), "%s: precision must be 0 to 6 decimals, not %d", what, raw.precision)
		}
		precision = raw.precision
	}
	ind.Precision = precision

	if _, ok := LookupUnit(ind.Unit); !ok {
		d.checkf(ind.Pos("unit"), "%s: unknown unit %q (known: %s)", what, ind.Unit, strings.Join(UnitNames(), " "))
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

func (d *decoder) validateBetter(ind *Indicator, raw *rawIndicator, what string) {
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
		default:
			d.checkf(at, "%s: better %q must be up or down", what, b)
			return
		}
	}
	t := ind.Target
	if t.Kind == expr.Ratio {
		switch {
		case len(given) == 0:
			d.checkf(ind.Pos(""), "%s: ratio target %q needs better: a list of up/down, one per component (%d)", what, t.Text, len(t.Parts))
		case !raw.betterList:
			d.checkf(at, "%s: ratio target %q needs better as a list of %d directions, one per component", what, t.Text, len(t.Parts))
		case len(given) != len(t.Parts):
			d.checkf(at, "%s: better has %d directions but the ratio %q has %d components", what, len(given), t.Text, len(t.Parts))
		default:
			ind.Better = given
		}
		return
	}
	if raw.betterList {
		d.checkf(at, "%s: better is a list, but only a ratio target takes one direction per component", what)
		return
	}
	implied := impliedBetter(t)
	switch {
	case implied == NoDirection && len(given) == 0:
		d.checkf(ind.Pos(""), "%s: target %q does not say which way is better; add better: up or better: down", what, t.Text)
	case implied != NoDirection && len(given) == 1 && given[0] != implied:
		d.checkf(at, "%s: better %s contradicts target %q, which implies %s", what, given[0], t.Text, implied)
	case len(given) == 1:
		ind.Better = given
	default:
		ind.Better = []Direction{implied}
	}
}
