package book

import (
	"github.com/xuri/excelize/v2"

	"github.com/jlp-hrss/plancheck/pkg/evaluate"
)

// The palette of both workbooks. Status fills follow a traffic light: green
// for achieved, light green for ahead and on track, amber for lagging, red
// for not achieved, grey for no data. Headers are light blue; grey marks what
// comes from the plan (group rows, and the template's cells not to edit);
// yellow marks the template's cumulative cells to fill.
const (
	fillAchieved    = "A9D08E"
	fillOnPath      = "E2EFDA"
	fillLagging     = "FFD966"
	fillNotAchieved = "FF7C80"
	fillNoData      = "D9D9D9"
	fillHeader      = "DDEBF7"
	fillSection     = "BDD7EE"
	fillEntity      = "D9E1F2"
	fillGroup       = "F2F2F2"
	fillFixed       = "F2F2F2"
	fillCumulative  = "FFF2CC"
	textGrey        = "595959"
	borderColour    = "BFBFBF"
	seriesProgress  = "4472C4"
	seriesTime      = "A5A5A5"
)

// statusFill is the fill of a status cell.
func statusFill(s evaluate.Status) string {
	switch s {
	case evaluate.Achieved:
		return fillAchieved
	case evaluate.Ahead, evaluate.OnTrack:
		return fillOnPath
	case evaluate.Lagging:
		return fillLagging
	case evaluate.NotAchieved:
		return fillNotAchieved
	}
	return fillNoData
}

// projectionFill is the fill of a projection: on path or at risk.
func projectionFill(p *evaluate.Projection) string {
	if p.Status == evaluate.WillMeet {
		return fillOnPath
	}
	return fillLagging
}

// cellStyle is what a cell looks like; each distinct one becomes one excelize
// style (styleCache), created in the order first used, so that the style
// ids are deterministic.
type cellStyle struct {
	numFmt   string // a custom number format; "" is General
	numFmtID int    // a built-in one where numFmt is "": 49 is text (@)
	fill     string
	bold     bool
	italic   bool
	colour   string // of the font; "" is automatic
	wrap     bool
	border   bool
	align    string // horizontal alignment; "" is the type's default
	top      bool   // aligned to the top; else centred vertically
	size     float64
}

// The looks of table cells both workbooks use.
var (
	plainCell  = cellStyle{border: true}
	headerCell = cellStyle{border: true, bold: true, fill: fillHeader, align: "center"}
	centerCell = cellStyle{border: true, align: "center"}
	titleCell  = cellStyle{bold: true, size: 14}
)

// styleCache makes each distinct cellStyle an excelize style once.
type styleCache struct {
	f   *excelize.File
	ids map[cellStyle]int
}

func newStyleCache(f *excelize.File) *styleCache {
	return &styleCache{f: f, ids: map[cellStyle]int{}}
}

// id is the style id of cs, made on first use.
func (c *styleCache) id(cs cellStyle) (int, error) {
	if id, ok := c.ids[cs]; ok {
		return id, nil
	}
	st := &excelize.Style{
		Alignment: &excelize.Alignment{Horizontal: cs.align, Vertical: "center", WrapText: cs.wrap},
		NumFmt:    cs.numFmtID,
	}
	if cs.top {
		st.Alignment.Vertical = "top"
	}
	if cs.numFmt != "" {
		code := cs.numFmt
		st.CustomNumFmt = &code
	}
	if cs.fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{cs.fill}}
	}
	if cs.bold || cs.italic || cs.colour != "" || cs.size != 0 {
		// name and size in full: a font without them is the application's
		// fallback (a serif one in LibreOffice), not the workbook's Calibri 11
		size := cs.size
		if size == 0 {
			size = 11
		}
		st.Font = &excelize.Font{Bold: cs.bold, Italic: cs.italic, Color: cs.colour, Size: size, Family: "Calibri"}
	}
	if cs.border {
		for _, side := range []string{"left", "right", "top", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: borderColour, Style: 1})
		}
	}
	id, err := c.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	c.ids[cs] = id
	return id, nil
}

// style is the style id of cs in the summary.
func (b *summaryBook) style(cs cellStyle) int {
	id, err := b.styles.id(cs)
	b.check(err)
	return id
}
