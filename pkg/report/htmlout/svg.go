package htmlout

import (
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
)

// The charts are drawn here, as SVG, rather than by a library: they are a
// few rectangles, lines and dots (a progress bar, a stacked bar of counts,
// a small line chart), and go-echarts needs JavaScript from a CDN while
// gonum/plot needs a CJK font loaded to label in Chinese. The only text an
// SVG here holds is escaped by esc; every number is formatted by f.

// esc escapes a text for an SVG element's content or attribute.
func esc(s string) string { return template.HTMLEscapeString(s) }

// f is a coordinate with at most one decimal.
func f(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

// The shapes of the statuses, defined once and used by every mark: a
// filled circle for achieved, a triangle up for ahead, a diamond for on
// track, a triangle down for lagging, a cross for not achieved, a hollow
// circle for no data. Each is drawn in currentColor.
const symbolDefs = template.HTML(`<svg class="defs" width="0" height="0" aria-hidden="true"><defs>` +
	`<symbol id="sym-achieved" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4.2" fill="currentColor"/></symbol>` +
	`<symbol id="sym-ahead" viewBox="0 0 10 10"><path d="M5 0.8 9.4 9 0.6 9Z" fill="currentColor"/></symbol>` +
	`<symbol id="sym-on-track" viewBox="0 0 10 10"><path d="M5 0.6 9.4 5 5 9.4 0.6 5Z" fill="currentColor"/></symbol>` +
	`<symbol id="sym-lagging" viewBox="0 0 10 10"><path d="M0.6 1 9.4 1 5 9.2Z" fill="currentColor"/></symbol>` +
	`<symbol id="sym-not-achieved" viewBox="0 0 10 10"><path d="M1.5 1.5 8.5 8.5M8.5 1.5 1.5 8.5" stroke="currentColor" stroke-width="2.4" fill="none"/></symbol>` +
	`<symbol id="sym-no-data" viewBox="0 0 10 10"><circle cx="5" cy="5" r="3.6" fill="none" stroke="currentColor" stroke-width="1.6"/></symbol>` +
	`<pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#555" stroke-width="1.6"/></pattern>` +
	`</defs></svg>`)

// symbol is a status's shape, in its colour.
func symbol(s evaluate.Status) template.HTML {
	return template.HTML(`<svg class="sym" viewBox="0 0 10 10" aria-hidden="true"><use href="#sym-` + esc(string(s)) + `"/></svg>`)
}

// fills are the statuses' fills in a stacked bar: light to dark in
// greyscale as well as in colour (achieved darkest, no data hatched), so
// that neighbouring segments stay apart on a black-and-white print.
var fills = map[evaluate.Status]string{
	evaluate.Achieved:    "#1b5e20",
	evaluate.Ahead:       "#43a047",
	evaluate.OnTrack:     "#90caf9",
	evaluate.Lagging:     "#ffb300",
	evaluate.NotAchieved: "#b71c1c",
	evaluate.NoData:      "url(#hatch)",
}

// countsBar is the counts per status as one stacked bar, width by height.
func countsBar(counts []countView, width, height float64) template.HTML {
	total := 0
	for _, c := range counts {
		total += c.N
	}
	var b strings.Builder
	b.WriteString(`<svg class="bar" width="` + f(width) + `" height="` + f(height) + `" viewBox="0 0 ` + f(width) + ` ` + f(height) + `" aria-hidden="true">`)
	b.WriteString(`<rect x="0" y="0" width="` + f(width) + `" height="` + f(height) + `" fill="#eee"/>`)
	if total > 0 {
		x := 0.0
		for _, c := range counts {
			if c.N == 0 {
				continue
			}
			w := width * float64(c.N) / float64(total)
			b.WriteString(`<rect x="` + f(x) + `" y="0" width="` + f(w) + `" height="` + f(height) + `" fill="` + fills[evaluate.Status(strings.TrimPrefix(c.Status.Class, "st-"))] + `" stroke="#fff" stroke-width="0.8"><title>` + esc(c.Status.Label) + " " + strconv.Itoa(c.N) + `</title></rect>`)
			x += w
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// progressBar draws completion progress p as a bar against the time
// progress tp, a vertical marker; a p beyond 100 % ends in an arrow, one
// below 0 shows as an empty bar with a mark at the left.
func progressBar(p *float64, tp float64, width, height float64) template.HTML {
	if p == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<svg class="pbar" width="` + f(width) + `" height="` + f(height) + `" viewBox="0 0 ` + f(width) + ` ` + f(height) + `" aria-hidden="true">`)
	b.WriteString(`<rect x="0" y="2" width="` + f(width) + `" height="` + f(height-4) + `" fill="#fff" stroke="#999" stroke-width="0.6"/>`)
	v := *p
	w := math.Max(0, math.Min(v, 1)) * width
	b.WriteString(`<rect x="0" y="2" width="` + f(w) + `" height="` + f(height-4) + `" fill="#555"/>`)
	if v > 1 {
		b.WriteString(`<path d="M` + f(width-5) + ` 1 ` + f(width) + ` ` + f(height/2) + ` ` + f(width-5) + ` ` + f(height-1) + `Z" fill="#000"/>`)
	}
	x := math.Max(0, math.Min(tp, 1)) * width
	b.WriteString(`<line x1="` + f(x) + `" y1="0" x2="` + f(x) + `" y2="` + f(height) + `" stroke="#c62828" stroke-width="1.6"/>`)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// linePoint is a year's value on a trend chart.
type linePoint struct {
	year  int
	value float64
}

// lineChart is the data of an indicator's trend chart.
type lineChart struct {
	from, to   int // the years of the x axis: the baseline year to the plan's end
	baseline   *linePoint
	actual     []linePoint
	target     *float64 // a horizontal target line
	band       [2]float64
	hasBand    bool
	path       []linePoint // a cumulative target's path
	projection *linePoint  // the projected final value, from the last actual
	format     func(float64) string
}

// draw renders the chart, width by height, with its axis labelled by the
// first and last year and the lowest and highest value.
func (c *lineChart) draw(width, height float64) template.HTML {
	lo, hi := math.Inf(1), math.Inf(-1)
	see := func(v float64) { lo, hi = math.Min(lo, v), math.Max(hi, v) }
	if c.baseline != nil {
		see(c.baseline.value)
	}
	for _, p := range c.actual {
		see(p.value)
	}
	for _, p := range c.path {
		see(p.value)
	}
	if c.target != nil {
		see(*c.target)
	}
	if c.hasBand {
		see(c.band[0])
		see(c.band[1])
	}
	if c.projection != nil {
		see(c.projection.value)
	}
	if math.IsInf(lo, 0) {
		return ""
	}
	if hi == lo {
		hi, lo = hi+1, lo-1
	}
	pad := (hi - lo) * 0.08
	lo, hi = lo-pad, hi+pad
	left, right, top, bottom := 40.0, 8.0, 6.0, 16.0
	pw, ph := width-left-right, height-top-bottom
	span := float64(max(c.to-c.from, 1))
	x := func(year int) float64 { return left + pw*float64(year-c.from)/span }
	y := func(v float64) float64 { return top + ph*(hi-v)/(hi-lo) }
	var b strings.Builder
	b.WriteString(`<svg class="line" width="` + f(width) + `" height="` + f(height) + `" viewBox="0 0 ` + f(width) + ` ` + f(height) + `" aria-hidden="true">`)
	b.WriteString(`<rect x="` + f(left) + `" y="` + f(top) + `" width="` + f(pw) + `" height="` + f(ph) + `" fill="none" stroke="#bbb" stroke-width="0.6"/>`)
	for year := c.from; year <= c.to; year++ {
		b.WriteString(`<line x1="` + f(x(year)) + `" y1="` + f(top+ph) + `" x2="` + f(x(year)) + `" y2="` + f(top+ph+3) + `" stroke="#999" stroke-width="0.6"/>`)
	}
	text := func(tx, ty float64, anchor, s string) {
		b.WriteString(`<text x="` + f(tx) + `" y="` + f(ty) + `" text-anchor="` + anchor + `">` + esc(s) + `</text>`)
	}
	text(left, height-3, "start", strconv.Itoa(c.from))
	text(left+pw, height-3, "end", strconv.Itoa(c.to))
	text(left-3, top+8, "end", c.format(hi-pad))
	text(left-3, top+ph, "end", c.format(lo+pad))
	if c.hasBand {
		b.WriteString(`<rect x="` + f(left) + `" y="` + f(y(c.band[1])) + `" width="` + f(pw) + `" height="` + f(y(c.band[0])-y(c.band[1])) + `" fill="#ccc" fill-opacity="0.5"/>`)
	}
	if c.target != nil {
		b.WriteString(`<line x1="` + f(left) + `" y1="` + f(y(*c.target)) + `" x2="` + f(left+pw) + `" y2="` + f(y(*c.target)) + `" stroke="#333" stroke-width="1" stroke-dasharray="4 2"/>`)
	}
	polyline := func(pts []linePoint, attrs string) {
		if len(pts) < 2 {
			return
		}
		var s []string
		for _, p := range pts {
			s = append(s, f(x(p.year))+","+f(y(p.value)))
		}
		b.WriteString(`<polyline points="` + strings.Join(s, " ") + `" fill="none" ` + attrs + `/>`)
	}
	polyline(c.path, `stroke="#333" stroke-width="1" stroke-dasharray="4 2"`)
	if c.projection != nil && len(c.actual) > 0 {
		polyline([]linePoint{c.actual[len(c.actual)-1], *c.projection}, `stroke="#333" stroke-width="1.2" stroke-dasharray="1.5 2"`)
	}
	line := c.actual
	if c.baseline != nil {
		line = append([]linePoint{*c.baseline}, c.actual...)
	}
	polyline(line, `stroke="#1565c0" stroke-width="1.6"`)
	if c.baseline != nil {
		b.WriteString(`<circle cx="` + f(x(c.baseline.year)) + `" cy="` + f(y(c.baseline.value)) + `" r="2.6" fill="#fff" stroke="#1565c0" stroke-width="1.2"/>`)
	}
	for _, p := range c.actual {
		b.WriteString(`<circle cx="` + f(x(p.year)) + `" cy="` + f(y(p.value)) + `" r="2.4" fill="#1565c0"/>`)
	}
	if c.projection != nil {
		b.WriteString(`<circle cx="` + f(x(c.projection.year)) + `" cy="` + f(y(c.projection.value)) + `" r="2.4" fill="#fff" stroke="#333" stroke-width="1"/>`)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// dotPlot shows where every unit's value lies: a histogram of the values in
// 30 bins over their range (a strip of thousands of dots would weigh
// megabytes), with the average as a dashed line and the workbook's total
// row, where there is one, as a solid one.
func dotPlot(units []unitValue, avg float64, total *float64, width, height float64) template.HTML {
	if len(units) == 0 {
		return ""
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, u := range units {
		lo, hi = math.Min(lo, u.value), math.Max(hi, u.value)
	}
	if total != nil {
		lo, hi = math.Min(lo, *total), math.Max(hi, *total)
	}
	if hi == lo {
		hi, lo = hi+1, lo-1
	}
	const bins = 30
	counts := make([]int, bins)
	most := 0
	for _, u := range units {
		k := min(int((u.value-lo)/(hi-lo)*bins), bins-1)
		counts[k]++
		most = max(most, counts[k])
	}
	x := func(v float64) float64 { return 2 + (width-4)*(v-lo)/(hi-lo) }
	bw := (width - 4) / bins
	var b strings.Builder
	b.WriteString(`<svg class="dots" width="` + f(width) + `" height="` + f(height) + `" viewBox="0 0 ` + f(width) + ` ` + f(height) + `" aria-hidden="true">`)
	b.WriteString(`<line x1="0" y1="` + f(height-1) + `" x2="` + f(width) + `" y2="` + f(height-1) + `" stroke="#999" stroke-width="0.6"/>`)
	for k, n := range counts {
		if n == 0 {
			continue
		}
		h := (height - 4) * float64(n) / float64(most)
		b.WriteString(`<rect x="` + f(2+bw*float64(k)+0.5) + `" y="` + f(height-1-h) + `" width="` + f(bw-1) + `" height="` + f(h) + `" fill="#90a4ae"/>`)
	}
	b.WriteString(`<line x1="` + f(x(avg)) + `" y1="0" x2="` + f(x(avg)) + `" y2="` + f(height) + `" stroke="#000" stroke-width="1.2" stroke-dasharray="3 2"/>`)
	if total != nil {
		b.WriteString(`<line x1="` + f(x(*total)) + `" y1="0" x2="` + f(x(*total)) + `" y2="` + f(height) + `" stroke="#c62828" stroke-width="1.6"/>`)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
