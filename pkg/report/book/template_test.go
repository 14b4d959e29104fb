package book_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/jlp-hrss/plancheck/pkg/report/book"
	"github.com/jlp-hrss/plancheck/pkg/report/internal/golden"

	"github.com/xuri/excelize/v2"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
	"github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// templateCases are the templates with a golden dump.
var templateCases = []struct {
	ref      string
	opts     book.TemplateOptions
	golden   string
	from, to int // the years the template has columns for
}{
	{"jlp-hrss-14th@1", book.TemplateOptions{Lang: report.Chinese}, "template-14th.txt", 2021, 2025},
	{"jlp-hrss-13th", book.TemplateOptions{Lang: report.Chinese}, "template-13th.txt", 2016, 2020},
	{"jlp-hrss-14th@1", book.TemplateOptions{From: 2023, To: 2024, Lang: report.English}, "template-14th-en-2023-2024.txt", 2023, 2024},
	// the whole plan, the template `plancheck template` writes by default:
	// 专栏2, then the key projects, whose targets are ranges ([2—3], 20—30),
	// minimums (≥[500], ≥15) and counts
	{"jlp-hrss-14th@2", book.TemplateOptions{Lang: report.Chinese}, "template-14th-v2.txt", 2021, 2025},
}

func makeTemplate(t *testing.T, ref string, opts book.TemplateOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := book.Template(&buf, golden.Plan(t, ref), opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeTemplate(t *testing.T, ref string, opts book.TemplateOptions, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, makeTemplate(t, ref, opts), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTemplateGolden compares a text dump of each template (cells with their
// styles, column widths, row heights, panes, data validations, document
// properties) with its golden file. TestTemplateGoldenMatchesPlan checks the
// golden files themselves against the plans.
func TestTemplateGolden(t *testing.T) {
	for _, c := range templateCases {
		t.Run(c.golden, func(t *testing.T) {
			data := makeTemplate(t, c.ref, c.opts)
			golden.Check(t, c.golden, dumpWorkbook(t, data))
		})
	}
}

// dumpWorkbook is a workbook as text: per sheet, the panes, the column widths,
// the row heights that are set, every cell that has a value or a style (ref,
// style id, value quoted), the data validations; then the styles used.
func dumpWorkbook(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "properties: creator %q, title %q, subject %q, description %q, created %s, modified %s\n",
		props.Creator, props.Title, props.Subject, props.Description, props.Created, props.Modified)
	active := f.GetSheetName(f.GetActiveSheetIndex())
	fmt.Fprintf(&b, "sheets: %s (active %s)\n", strings.Join(f.GetSheetList(), ", "), active)
	styles := map[int]bool{}
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "\nsheet %s\n", sheet)
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "panes: freeze %v, x %d, y %d, top-left %s, active %s", panes.Freeze, panes.XSplit, panes.YSplit, panes.TopLeftCell, panes.ActivePane)
		for _, s := range panes.Selection {
			fmt.Fprintf(&b, ", selection %s %s %s", s.Pane, s.SQRef, s.ActiveCell)
		}
		b.WriteString("\n")
		dim, err := f.GetSheetDimension(sheet)
		if err != nil {
			t.Fatal(err)
		}
		_, last, _ := strings.Cut(dim, ":")
		maxCol, maxRow, err := excelize.CellNameToCoordinates(last)
		if err != nil {
			t.Fatalf("dimension %q: %v", dim, err)
		}
		b.WriteString("columns:")
		for col := 1; col <= maxCol; col++ {
			name, _ := excelize.ColumnNumberToName(col)
			w, err := f.GetColWidth(sheet, name)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, " %s %g", name, w)
		}
		b.WriteString("\nrow heights:")
		for row := 1; row <= maxRow; row++ {
			h, err := f.GetRowHeight(sheet, row)
			if err != nil {
				t.Fatal(err)
			}
			if h != 15 { // excelize's default
				fmt.Fprintf(&b, " %d %g", row, h)
			}
		}
		b.WriteString("\nrows:\n")
		for row := 1; row <= maxRow; row++ {
			var cells []string
			for col := 1; col <= maxCol; col++ {
				ref, _ := excelize.CoordinatesToCellName(col, row)
				v, err := f.GetCellValue(sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				s, err := f.GetCellStyle(sheet, ref)
				if err != nil {
					t.Fatal(err)
				}
				if v == "" && s == 0 {
					continue
				}
				styles[s] = true
				cell := fmt.Sprintf("%s s%d", ref, s)
				if v != "" {
					cell += " " + strconv.Quote(v)
				}
				cells = append(cells, cell)
			}
			if len(cells) > 0 {
				fmt.Fprintf(&b, "%d: %s\n", row, strings.Join(cells, " | "))
			}
		}
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString("validations:\n")
		for _, dv := range dvs {
			fmt.Fprintf(&b, "%s: %s %s allow-blank %v formula1 %q formula2 %q\n", dv.Sqref, dv.Type, dv.Operator, dv.AllowBlank, dv.Formula1, dv.Formula2)
			fmt.Fprintf(&b, "  input %v %q %q; error %v %s %q %q\n", dv.ShowInputMessage, deref(dv.PromptTitle), deref(dv.Prompt),
				dv.ShowErrorMessage, deref(dv.ErrorStyle), deref(dv.ErrorTitle), deref(dv.Error))
		}
	}
	b.WriteString("\nstyles:\n")
	ids := make([]int, 0, len(styles))
	for id := range styles {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "s%d: %s\n", id, describeStyle(st))
	}
	return []byte(b.String())
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func describeStyle(st *excelize.Style) string {
	var parts []string
	if f := st.Font; f != nil {
		font := "font"
		if f.Bold {
			font += " bold"
		}
		if f.Italic {
			font += " italic"
		}
		if f.Size != 0 {
			font += fmt.Sprintf(" %g", f.Size)
		}
		if f.Color != "" {
			font += " " + f.Color
		}
		parts = append(parts, font)
	}
	if len(st.Fill.Color) > 0 {
		parts = append(parts, "fill "+strings.Join(st.Fill.Color, " "))
	}
	if len(st.Border) > 0 {
		var sides []string
		for _, b := range st.Border {
			sides = append(sides, b.Type)
		}
		parts = append(parts, "border "+strings.Join(sides, " "))
	}
	if a := st.Alignment; a != nil {
		align := "align"
		if a.Horizontal != "" {
			align += " " + a.Horizontal
		}
		if a.Vertical != "" {
			align += " " + a.Vertical
		}
		if a.WrapText {
			align += " wrap"
		}
		parts = append(parts, align)
	}
	if st.NumFmt != 0 {
		parts = append(parts, fmt.Sprintf("numfmt %d", st.NumFmt))
	}
	if len(parts) == 0 {
		return "default"
	}
	return strings.Join(parts, "; ")
}

// dumpCell is one cell of a row line of the dump: B4 s6 "text".
var dumpCell = regexp.MustCompile(`^([A-Z]+)(\d+) s(\d+)(?: (".*"))?$`)

// goldenRows reads the rows of one sheet from a golden dump: row → column →
// text, and the style ids.
func goldenRows(t *testing.T, dump, sheet string) (texts map[int]map[string]string, styles map[string]int, validations []string) {
	t.Helper()
	texts, styles = map[int]map[string]string{}, map[string]int{}
	_, rest, ok := strings.Cut(dump, "\nsheet "+sheet+"\n")
	if !ok {
		t.Fatalf("the dump has no sheet %s", sheet)
	}
	rest, _, _ = strings.Cut(rest, "\nsheet ")
	rest, _, _ = strings.Cut(rest, "\nstyles:\n")
	rowsPart, dvPart, _ := strings.Cut(rest, "\nvalidations:\n")
	_, rowsPart, _ = strings.Cut(rowsPart, "rows:\n")
	for _, line := range strings.Split(rowsPart, "\n") {
		num, cells, ok := strings.Cut(line, ": ")
		if !ok {
			continue
		}
		row, err := strconv.Atoi(num)
		if err != nil {
			t.Fatalf("dump line %q", line)
		}
		texts[row] = map[string]string{}
		for _, c := range strings.Split(cells, " | ") {
			m := dumpCell.FindStringSubmatch(c)
			if m == nil {
				t.Fatalf("dump cell %q", c)
			}
			s, _ := strconv.Atoi(m[3])
			styles[m[1]+m[2]] = s
			if m[4] != "" {
				v, err := strconv.Unquote(m[4])
				if err != nil {
					t.Fatalf("dump cell %q: %v", c, err)
				}
				texts[row][m[1]] = v
			}
		}
	}
	for _, line := range strings.Split(dvPart, "\n") {
		if line != "" && !strings.HasPrefix(line, "  ") {
			validations = append(validations, line)
		}
	}
	return texts, styles, validations
}

// TestTemplateGoldenMatchesPlan reads each golden dump (not a template made
// now) and checks it against the plan: the header, a group row before each
// group's indicators, and every indicator's row with its id, label, unit,
// baseline, printed target and attribute in the header's columns; a year
// column per year; a validation for every indicator row's year cells, of the
// kind its target asks for; and the frozen header.
func TestTemplateGoldenMatchesPlan(t *testing.T) {
	for _, c := range templateCases {
		t.Run(c.golden, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", c.golden))
			if err != nil {
				t.Fatal(err)
			}
			dump := string(data)
			p := golden.Plan(t, c.ref)
			lang := c.opts.Lang
			sheet := book.TemplateSheet(lang)
			if !strings.Contains(dump, "\nsheets: "+sheet+", "+book.TemplateInstructionsSheet(lang)+" (active "+sheet+")\n") {
				t.Errorf("sheets are not %s then %s, the first active", sheet, book.TemplateInstructionsSheet(lang))
			}
			texts, _, validations := goldenRows(t, dump, sheet)

			// The header row, row 2: a column per role; the year columns in order.
			header := texts[2]
			col := map[string]string{}
			var yearCols []string
			for k, v := range header {
				col[v] = k
			}
			for y := c.from; y <= c.to; y++ {
				h := strconv.Itoa(y)
				if lang == report.Chinese {
					h += "年"
				}
				if col[h] == "" {
					t.Fatalf("no header %s in %v", h, header)
				}
				yearCols = append(yearCols, col[h])
			}
			pick := func(zh, en string) string {
				if lang == report.English {
					return en
				}
				return zh
			}
			id, name, unit, target, attr, status := col[pick("编号", "ID")], col[pick("指标", "Name")], col[pick("单位", "Unit")],
				col[pick(fmt.Sprintf("%d年目标", p.Period.End), fmt.Sprintf("Target %d", p.Period.End))], col[pick("指标属性", "Attribute")], col[pick("完成情况", "Status")]
			baseline := col[pick(fmt.Sprintf("%d年基数", p.BaselineYear), fmt.Sprintf("Baseline %d", p.BaselineYear))]
			for label, k := range map[string]string{"id": id, "name": name, "unit": unit, "target": target, "attribute": attr, "status": status} {
				if k == "" {
					t.Errorf("no %s column in the header %v", label, header)
				}
			}
			if id != "A" || name != "B" {
				t.Errorf("id and name are columns %s and %s, want A and B", id, name)
			}
			wantBaseline := strings.HasPrefix(c.ref, "jlp-hrss-14th") // 专栏1 prints no baseline
			if (baseline != "") != wantBaseline {
				t.Errorf("baseline column %q, want one: %v", baseline, wantBaseline)
			}

			row := 3
			validationAt := map[string]string{}
			for _, v := range validations {
				sq, rest, _ := strings.Cut(v, ": ")
				validationAt[sq] = rest
			}
			for _, g := range p.Groups {
				if got := texts[row][name]; got != g.Name || texts[row][id] != "" {
					t.Errorf("row %d: group row %q (id %q), want %q", row, got, texts[row][id], g.Name)
				}
				row++
				for _, ind := range g.Indicators {
					r := texts[row]
					want := map[string]string{id: ind.ID, name: report.IndicatorLabel(ind), unit: ind.Unit,
						target: ind.PrintedTarget(), attr: pick(ind.Attribute.String(), ind.Attribute.English())}
					if baseline != "" {
						want[baseline] = ind.Baseline.Text
					}
					for k, w := range want {
						if r[k] != w {
							t.Errorf("%s%d: %q, want %q (%s)", k, row, r[k], w, ind.ID)
						}
					}
					for _, yc := range yearCols {
						if r[yc] != "" {
							t.Errorf("%s%d: %q, want an empty cell to fill", yc, row, r[yc])
						}
					}
					sq := fmt.Sprintf("%s%d:%s%d", yearCols[0], row, yearCols[len(yearCols)-1], row)
					v, ok := validationAt[sq]
					if !ok {
						t.Errorf("%s: no validation of %s", ind.ID, sq)
					}
					wantKind := "decimal between"
					switch {
					case len(ind.Target.Parts) > 0:
						wantKind = "custom  allow-blank true formula1 \"AND(ISTEXT("
					case ind.Target.IsCumulative() && c.from > p.Period.Start:
						wantKind = "custom  allow-blank true formula1 \"AND(LEFT("
					case ind.Target.IsCumulative():
						wantKind = "custom  allow-blank true formula1 \"OR(ISNUMBER("
					}
					if !strings.HasPrefix(v, wantKind) {
						t.Errorf("%s: validation %q, want %q…", ind.ID, v, wantKind)
					}
					row++
				}
			}
			if len(validations) != len(p.Indicators())+1 {
				t.Errorf("%d validations, want one per indicator and one for %s", len(validations), status)
			}
			if !strings.Contains(dump, "\npanes: freeze true, x 2, y 2, top-left C3, active bottomRight") {
				t.Error("the header rows and the id and name columns are not frozen")
			}
		})
	}
}

func TestTemplateIsDeterministic(t *testing.T) {
	for _, c := range templateCases {
		first := makeTemplate(t, c.ref, c.opts)
		for i := 0; i < 3; i++ {
			if !bytes.Equal(first, makeTemplate(t, c.ref, c.opts)) {
				t.Fatalf("%s: two runs give different bytes", c.golden)
			}
		}
	}
}

func TestTemplateYears(t *testing.T) {
	p := golden.Plan(t, "jlp-hrss-14th@1")
	for _, c := range []struct{ from, to int }{{2020, 2025}, {2021, 2026}, {2024, 2023}, {2026, 2026}} {
		var buf bytes.Buffer
		err := book.Template(&buf, p, book.TemplateOptions{From: c.from, To: c.to})
		want := fmt.Sprintf("years %d—%d are not within the period 2021—2025 of jlp-hrss-14th@1", c.from, c.to)
		if err == nil || err.Error() != want {
			t.Errorf("%d—%d: %v, want %s", c.from, c.to, err, want)
		}
		if buf.Len() != 0 {
			t.Errorf("%d—%d: %d bytes written with the error", c.from, c.to, buf.Len())
		}
	}
}

// readTemplate reads a (filled or blank) template as plancheck does.
func readTemplate(t *testing.T, path string, p *plan.Plan) *actuals.Result {
	t.Helper()
	tab, err := actuals.ReadTable(path, actuals.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := actuals.Match(tab, p, actuals.Options{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// checkReadsAsTemplate checks that the reader finds the template's table: a
// wide table under the header of row 2, a year column per year, every
// indicator's row matched by its id, a group row per group, the notes
// skipped, and no warning.
func checkReadsAsTemplate(t *testing.T, res *actuals.Result, p *plan.Plan, from, to int) {
	t.Helper()
	if res.Layout != actuals.Wide || res.HeaderRow != 2 {
		t.Errorf("layout %s, header row %d; want wide, 2", res.Layout, res.HeaderRow)
	}
	var years []int
	roles := map[actuals.Role]int{}
	for _, c := range res.Columns {
		roles[c.Role]++
		if c.Role == actuals.RoleYear {
			years = append(years, c.Year)
		}
	}
	var want []int
	for y := from; y <= to; y++ {
		want = append(want, y)
	}
	if !slices.Equal(years, want) {
		t.Errorf("year columns %v, want %v", years, want)
	}
	for _, r := range []actuals.Role{actuals.RoleID, actuals.RoleName, actuals.RoleUnit, actuals.RoleAttribute, actuals.RoleStatus} {
		if roles[r] != 1 {
			t.Errorf("%d columns read as %s, want 1", roles[r], r)
		}
	}
	var matched []string
	groups := 0
	for _, r := range res.Rows {
		switch r.By {
		case "id":
			matched = append(matched, r.Indicator)
		case "group":
			groups++
		default:
			t.Errorf("row %d (%s %q): %s", r.Row, r.Cell, r.Text, r.By)
		}
	}
	var ids []string
	for _, ind := range p.Indicators() {
		ids = append(ids, ind.ID)
	}
	if !slices.Equal(matched, ids) {
		t.Errorf("rows matched by id %v, want the plan's %v", matched, ids)
	}
	if groups != len(p.Groups) {
		t.Errorf("%d group rows, want %d", groups, len(p.Groups))
	}
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
	for _, s := range res.Skipped {
		if s.Reason != "note" {
			t.Errorf("row %d skipped as %s: %q", s.Num, s.Reason, s.Text)
		}
	}
}

// TestTemplateReadsBack: a blank template read by pkg/actuals is every
// indicator of the plan, matched by id, with no value and no warning.
func TestTemplateReadsBack(t *testing.T) {
	for _, c := range templateCases {
		t.Run(c.golden, func(t *testing.T) {
			p := golden.Plan(t, c.ref)
			res := readTemplate(t, writeTemplate(t, c.ref, c.opts, "blank.xlsx"), p)
			checkReadsAsTemplate(t, res, p, c.from, c.to)
			for _, v := range res.Values {
				t.Errorf("a value in a blank template: %+v", v)
			}
		})
	}
}

// TestTemplateLibreOffice: LibreOffice opens each template and saves it again
// (soffice --headless --convert-to xlsx); excelize sees the same cells in both
// files, and pkg/actuals reads the converted one as the template. The data
// validations survive.
func TestTemplateLibreOffice(t *testing.T) {
	workbooktest.RequireLibreOffice(t)
	for _, c := range templateCases {
		t.Run(c.golden, func(t *testing.T) {
			t.Parallel()
			p := golden.Plan(t, c.ref)
			orig := writeTemplate(t, c.ref, c.opts, "template.xlsx")
			conv := workbooktest.ConvertLibreOffice(t, orig, filepath.Join(t.TempDir(), "lo"))
			checkReadsAsTemplate(t, readTemplate(t, conv, p), p, c.from, c.to)
			for _, sheet := range []string{book.TemplateSheet(c.opts.Lang), book.TemplateInstructionsSheet(c.opts.Lang)} {
				want, wantDV := sheetCells(t, orig, sheet)
				got, gotDV := sheetCells(t, conv, sheet)
				if !slices.Equal(got, want) {
					t.Errorf("%s: LibreOffice's cells differ:\n got %q\nwant %q", sheet, got, want)
				}
				if !slices.Equal(gotDV, wantDV) {
					t.Errorf("%s: LibreOffice's validations differ:\n got %q\nwant %q", sheet, gotDV, wantDV)
				}
			}
		})
	}
}

// sheetCells is every non-empty cell of a sheet ("B4=1.城镇新增就业人数（万人）")
// and its data validations (type and range), in order.
func sheetCells(t *testing.T, path, sheet string) (cells, validations []string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v != "" {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				cells = append(cells, ref+"="+v)
			}
		}
	}
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, dv := range dvs {
		validations = append(validations, dv.Sqref+" "+dv.Type)
	}
	slices.Sort(validations)
	return cells, validations
}

// TestTemplateValidationFormulas has LibreOffice compute the template's
// custom validation formulas on what an analyst might type, and checks that
// they accept what the reader reads and refuse what it calls a bad cell: each
// formula is copied into a sheet, its cell reference pointing at an input
// beside it, and LibreOffice stores the result when it converts the book.
func TestTemplateValidationFormulas(t *testing.T) {
	workbooktest.RequireLibreOffice(t)
	formulas := map[string]string{} // kind → formula, its reference G{row}
	for _, c := range []struct {
		ref  string
		opts book.TemplateOptions
	}{{"jlp-hrss-13th", book.TemplateOptions{}}, {"jlp-hrss-14th", book.TemplateOptions{From: 2023, To: 2025}}} {
		f, err := excelize.OpenReader(bytes.NewReader(makeTemplate(t, c.ref, c.opts)))
		if err != nil {
			t.Fatal(err)
		}
		dvs, err := f.GetDataValidations(book.TemplateSheet(report.Chinese))
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range dvs {
			if dv.Type != "custom" {
				continue
			}
			first, _, _ := strings.Cut(dv.Sqref, ":")
			kind := map[string]string{"OR(ISNUMBER(": "cumulative", "AND(LEFT(": "total", "AND(ISTEXT(": "ratio"}
			for prefix, k := range kind {
				if strings.HasPrefix(dv.Formula1, prefix) {
					formulas[k] = strings.ReplaceAll(dv.Formula1, first, "{cell}")
				}
			}
		}
	}
	if len(formulas) != 3 {
		t.Fatalf("custom formulas found: %v, want cumulative, total and ratio", formulas)
	}
	cases := []struct {
		kind  string
		input any // typed into the cell: a number, or text
		ok    bool
	}{
		{"cumulative", 3.1, true},         // that year's amount
		{"cumulative", 0.0, true},         // none that year
		{"cumulative", "[27]", true},      // the total so far
		{"cumulative", "[2.7]", true},     // a decimal total
		{"cumulative", "[ 27 ]", true},    // spaces inside: the reader trims them too
		{"cumulative", "【27】", false},     // Chinese brackets: a bad cell for the reader
		{"cumulative", "[abc]", false},    // not a number inside the brackets
		{"cumulative", "[]", false},       // nothing inside
		{"cumulative", "二十七", false},      // not a number
		{"total", "[9.3]", true},          // the total since the period's start
		{"total", 3.1, false},             // an amount cannot be added up from 2021 here
		{"total", "9.3]", false},          // no opening bracket
		{"ratio", "16:47:37", true},       // three parts like 15:45:40
		{"ratio", "16：47：37", true},       // full-width colons: NFKC makes them ':'
		{"ratio", "16:84", false},         // two parts
		{"ratio", "16:47:37:1", false},    // four parts
		{"ratio", 0.5, false},             // a number (what 12:00 typed in a General cell becomes)
		{"ratio", "16/47/37", false},      // slashes
		{"cumulative", "16:47:37", false}, // a ratio where a number or a total belongs
	}
	book := excelize.NewFile()
	defer book.Close()
	for i, c := range cases {
		row := i + 1
		in, out := fmt.Sprintf("A%d", row), fmt.Sprintf("B%d", row)
		if err := book.SetCellValue("Sheet1", in, c.input); err != nil {
			t.Fatal(err)
		}
		if err := book.SetCellFormula("Sheet1", out, strings.ReplaceAll(formulas[c.kind], "{cell}", in)); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "formulas.xlsx")
	if err := book.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	conv := workbooktest.ConvertLibreOffice(t, path, filepath.Join(dir, "lo"))
	cells := workbooktest.RawCells(t, conv, "Sheet1")
	for i, c := range cases {
		cell := cells[fmt.Sprintf("B%d", i+1)]
		got := cell.V == "1"
		if cell.Type != "b" || got != c.ok {
			t.Errorf("%s %v: LibreOffice computes %s (type %q), want %v", c.kind, c.input, cell.V, cell.Type, c.ok)
		}
	}
}

// openpyxlInspect is a script that loads a workbook with openpyxl and prints
// what the openpyxl test checks, as JSON.
const openpyxlInspect = `
import json, sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
out = {
    "sheets": wb.sheetnames,
    "active": wb.active.title,
    "freeze": ws.freeze_panes,
    "validations": [
        {"sqref": str(dv.sqref), "type": dv.type, "formula1": dv.formula1, "error_style": dv.errorStyle,
         "allow_blank": bool(dv.allow_blank), "show_error": bool(dv.showErrorMessage), "prompt": dv.prompt or ""}
        for dv in ws.data_validations.dataValidation
    ],
    "cells": {},
    "widths": {k: v.width for k, v in ws.column_dimensions.items()},
}
for ref in sys.argv[2:]:
    c = ws[ref]
    out["cells"][ref] = {
        "value": c.value, "bold": bool(c.font.b), "fill": c.fill.fgColor.rgb if c.fill.fill_type else None,
        "format": c.number_format, "wrap": bool(c.alignment.wrap_text),
    }
print(json.dumps(out, ensure_ascii=False))
`

type openpyxlView struct {
	Sheets      []string `json:"sheets"`
	Active      string   `json:"active"`
	Freeze      string   `json:"freeze"`
	Validations []struct {
		Sqref      string `json:"sqref"`
		Type       string `json:"type"`
		Formula1   string `json:"formula1"`
		ErrorStyle string `json:"error_style"`
		AllowBlank bool   `json:"allow_blank"`
		ShowError  bool   `json:"show_error"`
		Prompt     string `json:"prompt"`
	} `json:"validations"`
	Cells map[string]struct {
		Value  any    `json:"value"`
		Bold   bool   `json:"bold"`
		Fill   string `json:"fill"`
		Format string `json:"format"`
		Wrap   bool   `json:"wrap"`
	} `json:"cells"`
	Widths map[string]float64 `json:"widths"`
}

func inspectOpenpyxl(t *testing.T, path string, cells ...string) openpyxlView {
	t.Helper()
	script := filepath.Join(t.TempDir(), "inspect.py")
	if err := os.WriteFile(script, []byte(openpyxlInspect), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), workbooktest.Python, append([]string{"-I", script, path}, cells...)...)
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, stderr.Bytes())
	}
	var v openpyxlView
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return v
}

// TestTemplateOpenpyxl: openpyxl, another program than the one that wrote it,
// loads the 十三五 template (it has every kind of row) and sees the frozen
// header, the styles and the validations.
func TestTemplateOpenpyxl(t *testing.T) {
	workbooktest.RequireOpenpyxl(t)
	path := writeTemplate(t, "jlp-hrss-13th", book.TemplateOptions{}, "t13.xlsx")
	// Columns: A 编号, B 指标, C 单位, D 2020年目标, E 指标属性, F–J 2016年–2020年,
	// K 完成情况, L 填写说明 (专栏1 has no baseline). Row 3: 一、创业就业方面;
	// 4: urban-new-jobs [23]; 5: registered-unemployment-rate 4.5; 15:
	// professional-title-ratio 15:45:40.
	v := inspectOpenpyxl(t, path, "A2", "F2", "B3", "A4", "B4", "F4", "F5", "F15", "L4")
	if !slices.Equal(v.Sheets, []string{"实际值", "填写说明"}) || v.Active != "实际值" {
		t.Errorf("sheets %v, active %s", v.Sheets, v.Active)
	}
	if v.Freeze != "C3" {
		t.Errorf("freeze_panes %q, want C3 (rows 1–2 and columns A–B)", v.Freeze)
	}
	type want struct {
		value  any
		bold   bool
		fill   string
		format string
		wrap   bool
	}
	for ref, w := range map[string]want{
		"A2":  {"编号", true, "FFDDEBF7", "General", true},
		"F2":  {"2016年", true, "FFDDEBF7", "General", true},
		"B3":  {"一、创业就业方面", true, "FFF2F2F2", "General", false},
		"A4":  {"urban-new-jobs", false, "FFF2F2F2", "General", true}, // ids wrap after their hyphens
		"B4":  {"1.城镇新增就业人数（万人）", false, "FFF2F2F2", "General", true},
		"F4":  {nil, false, "FFFFF2CC", "General", false}, // cumulative: yellow
		"F5":  {nil, false, "", "General", false},
		"F15": {nil, false, "", "@", false}, // ratio: text, so 15:45:40 is no time
		"L4":  {"填每年新增数，或在年份列填 [累计数]", false, "FFF2F2F2", "General", true},
	} {
		c, ok := v.Cells[ref]
		if !ok {
			t.Errorf("%s: not read", ref)
			continue
		}
		got := want{c.Value, c.Bold, c.Fill, c.Format, c.Wrap}
		if fmt.Sprint(got) != fmt.Sprint(w) {
			t.Errorf("%s: %+v, want %+v", ref, got, w)
		}
	}
	byRange := map[string]int{}
	for i, dv := range v.Validations {
		byRange[dv.Sqref] = i
		if !dv.AllowBlank || !dv.ShowError || dv.Prompt == "" {
			t.Errorf("%s: allow blank %v, show error %v, prompt %q", dv.Sqref, dv.AllowBlank, dv.ShowError, dv.Prompt)
		}
	}
	for sq, w := range map[string]string{
		"F4:J4":                        "custom stop OR(ISNUMBER(F4),",
		"F5:J5":                        "decimal stop -1000000000000000",
		"F15:J15":                      `custom stop AND(ISTEXT(F15),LEN(F15)-LEN(SUBSTITUTE(SUBSTITUTE(F15,"：",":"),":",""))=2)`,
		"K4:K6 K8:K12 K14:K16 K18:K20": `list warning "提前完成,完成,快于预期,符合预期,滞后,未完成"`,
	} {
		i, ok := byRange[sq]
		if !ok {
			t.Errorf("no validation of %s; have %v", sq, byRange)
			continue
		}
		dv := v.Validations[i]
		if got := dv.Type + " " + dv.ErrorStyle + " " + dv.Formula1; !strings.HasPrefix(got, w) {
			t.Errorf("%s: %q, want %q…", sq, got, w)
		}
	}
	if len(v.Validations) != 15 {
		t.Errorf("%d validations, want 15 (14 indicators and 完成情况)", len(v.Validations))
	}
	// ids and names wrap in fixed widths, so that the sheet prints one
	// landscape page wide at a readable size (TestPrintTemplate)
	if v.Widths["B"] != 30 || v.Widths["A"] != 20 {
		t.Errorf("column widths %v: A should be 20 and B 30 (they wrap)", v.Widths)
	}
}

// TestTemplateValidationTextLimits: Excel refuses a workbook whose validation
// titles exceed 32 characters or whose messages exceed 255 (UTF-16 units).
func TestTemplateValidationTextLimits(t *testing.T) {
	for _, c := range templateCases {
		f, err := excelize.OpenReader(bytes.NewReader(makeTemplate(t, c.ref, c.opts)))
		if err != nil {
			t.Fatal(err)
		}
		dvs, err := f.GetDataValidations(book.TemplateSheet(c.opts.Lang))
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range dvs {
			for _, s := range []struct {
				text  string
				limit int
			}{{deref(dv.PromptTitle), 32}, {deref(dv.ErrorTitle), 32}, {deref(dv.Prompt), 255}, {deref(dv.Error), 255}, {dv.Formula1, 255}} {
				if n := len(utf16.Encode([]rune(s.text))); n > s.limit {
					t.Errorf("%s %s: %q is %d UTF-16 units long, over Excel's %d", c.golden, dv.Sqref, s.text, n, s.limit)
				}
			}
		}
	}
}

// TestTemplateTextNeverFormula: text from a plan file is written as text, so
// a plan whose group, baseline or target starts with = + - @ cannot put a
// formula in the template.
func TestTemplateTextNeverFormula(t *testing.T) {
	p, err := plan.Resolve(filepath.Join("..", "..", "..", "plans", "jlp-hrss-14th.v1.yaml")) // a copy of its own
	if err != nil {
		t.Fatal(err)
	}
	p.Groups[0].Name = "=HYPERLINK(\"http://example.com\",\"x\")"
	ind := p.Groups[0].Indicators[0]
	ind.Baseline.Text = "+1+1"
	ind.Printed = "-2+3"
	ind.Unit = "@SUM(1)"
	var buf bytes.Buffer
	if err := book.Template(&buf, p, book.TemplateOptions{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cells := workbooktest.RawCells(t, path, book.TemplateSheet(report.Chinese))
	// The group is numbered (TestTemplateGroupNames): its row cannot start with =.
	group := "一、" + p.Groups[0].Name
	for ref, text := range map[string]string{"B3": group, "D4": "+1+1", "E4": "-2+3", "C4": "@SUM(1)"} {
		c := cells[ref]
		if c.HasFormula || c.Type != "s" {
			t.Errorf("%s: type %q, formula %v %q; want the text %q", ref, c.Type, c.HasFormula, c.Formula, text)
		}
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for ref, text := range map[string]string{"B3": group, "D4": "+1+1", "E4": "-2+3", "C4": "@SUM(1)"} {
		if v, _ := f.GetCellValue(book.TemplateSheet(report.Chinese), ref); v != text {
			t.Errorf("%s reads %q, want %q", ref, v, text)
		}
	}
}

// TestTemplateGroupNames: a plan file whose groups are not numbered (就业)
// still gives group rows the reader skips, numbered by their place; numbered
// ones (一、, （二）, 第三部分) stay as the plan prints them. Read with
// --strict, where an unmatched row would be an error.
func TestTemplateGroupNames(t *testing.T) {
	p, err := plan.Resolve(filepath.Join("..", "..", "..", "plans", "jlp-hrss-14th.v1.yaml")) // a copy of its own
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"就业", "（二）社会保障", "第三部分 医疗保障", "人才队伍", "五. 劳动关系", "Public services"}
	want := []string{"一、就业", "（二）社会保障", "第三部分 医疗保障", "四、人才队伍", "五. 劳动关系", "六、Public services"}
	for i, g := range p.Groups {
		g.Name = names[i]
	}
	var buf bytes.Buffer
	if err := book.Template(&buf, p, book.TemplateOptions{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	res := readTemplate(t, path, p)
	checkReadsAsTemplate(t, res, p, 2021, 2025)
	var got []string
	for _, r := range res.Rows {
		if r.By == "group" {
			got = append(got, r.Text)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("group rows %q, want %q", got, want)
	}
}
