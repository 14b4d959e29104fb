package book

import (
	"github.com/jlp-hrss/plancheck/pkg/evaluate"
	"github.com/xuri/excelize/v2"
)

// Colours of the summary workbook. Status fills follow a traffic light: green
// for achieved, light green for ahead and on track, amber for lagging, red for
// not achieved, grey for no data.
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

// cellStyle is what a cell looks like; each distinct one becomes one excelize
// style, created in the order first used (so the style ids are deterministic).
type cellStyle struct {
	numFmt string // "" is General
	fill   string
	bold   bool
	wrap   bool
	border bool
	align  string // horizontal alignment; "" is the type's default
	size   float64
}

func (b *summaryBook) style(cs cellStyle) int {
	if id, ok := b.styles[cs]; ok {
		return id
	}
	st := &excelize.Style{
		Alignment: &excelize.Alignment{Horizontal: cs.align, Vertical: "center", WrapText: cs.wrap},
	}
	if cs.numFmt != "" {
		code := cs.numFmt
		st.CustomNumFmt = &code
	}
	if cs.fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{cs.fill}}
	}
	if cs.bold || cs.size != 0 {
		// name and size in full: a font without them is the application's
		// fallback (a serif one in LibreOffice), not the workbook's Calibri 11
		size := cs.size
		if size == 0 {
			size = 11
		}
		st.Font = &excelize.Font{Bold: cs.bold, Size: size, Family: "Calibri"}
	}
	if cs.border {
		for _, side := range []string{"left", "right", "top", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: borderColour, Style: 1})
		}
	}
	id, err := b.f.NewStyle(st)
	b.check(err)
	b.styles[cs] = id
	return id
}

// plain, bordered and the other looks of table cells.
var (
	plainCell  = cellStyle{border: true}
	headerCell = cellStyle{border: true, bold: true, fill: fillHeader, align: "center", wrap: false}
	centerCell = cellStyle{border: true, align: "center"}
)
