package workbooktest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

const sheet = "计划表"

// sampleBook has Chinese and full-width text, numbers, percentages, dates, a
// merge, formulas with and without a cached value, a bool, a string that
// looks like a formula, a style-only cell and a second sheet.
func sampleBook() Book {
	return Book{Sheets: []Sheet{{
		Name: sheet,
		Cells: []Cell{
			{Ref: "A1", Value: "２０２４年度　计划（全角）"},
			{Ref: "A2", Value: "项目"}, {Ref: "B2", Value: "完成率"}, {Ref: "C2", Value: "日期"}, {Ref: "D2", Value: "数量"},
			{Ref: "A3", Value: "甲：ＡＢＣ４３．６"},
			{Ref: "B3", Value: 0.9615, Format: "0%"},
			{Ref: "C3", Value: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), Format: "yyyy/m/d"},
			{Ref: "D3", Value: 42},
			{Ref: "B4", Value: 0.5, Format: "0.00%"},
			{Ref: "C4", Value: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)}, // DefaultDateFormat
			{Ref: "D4", Value: 43.6, Format: `0.0"%"`},
			{Ref: "E4", Value: 0.125, Format: "0.0%"},
			{Ref: "B5", Formula: "B3*100", Format: "0.0"},           // no cached value
			{Ref: "B6", Formula: "D3*2", Value: 84.0},               // cached number
			{Ref: "B7", Formula: `A2&"x"`, Value: "项目x"},            // cached string
			{Ref: "B8", Formula: "D3>1", Value: true},               // cached bool
			{Ref: "B9", Formula: "B3", Value: 0.9615, Format: "0%"}, // cached percentage
			{Ref: "A8", Value: true},
			{Ref: "A9", Value: "=不是公式"},
			{Ref: "A10", Format: "0%"}, // style only
			{Ref: "A11", Value: "计划 plan 2024"},
		},
		Merges: []string{"A1:D1"},
	}, {
		Name:  "Sheet2",
		Cells: []Cell{{Ref: "A1", Value: "第二页"}},
	}}}
}

// facts is what one producer writes for sampleBook: what the reader must
// cope with.
type facts struct {
	raw         map[string]string // GetCellValue with RawCellValue, where it differs by producer
	formatted   map[string]string // GetCellValue without RawCellValue
	numFmt      map[string]string // "builtin:9" or "custom:0%"
	cached      map[string]bool   // formula cell → a cached value is stored
	formulaType map[string]string // formula cell → its t attribute
	formulas    map[string]string // GetCellFormula
	stringType  string            // t of a plain string cell (A2)
	numberType  string            // t of a plain number cell (D3)
}

// The raw values every producer must agree on.
var commonRaw = map[string]string{
	"A1":  "２０２４年度　计划（全角）",
	"A2":  "项目",
	"B2":  "完成率",
	"A3":  "甲：ＡＢＣ４３．６",
	"B3":  "0.9615",
	"C3":  "45356", // 2024-03-05
	"D3":  "42",
	"B4":  "0.5",
	"C4":  "45657", // 2024-12-31
	"D4":  "43.6",
	"E4":  "0.125",
	"A8":  "1",
	"A9":  "=不是公式",
	"A10": "",
	"A11": "计划 plan 2024",
	// covered by the merge: GetCellValue gives the merge's value (Rows
	// gives "", see checkProducer)
	"B1": "２０２４年度　计划（全角）",
}

var commonFormulas = map[string]string{"B5": "B3*100", "B6": "D3*2", "B7": `A2&"x"`, "B8": "D3>1", "B9": "B3"}

// The formatted values every producer must agree on (excelize's rendering
// of each number format).
var commonFormatted = map[string]string{
	"A1": "２０２４年度　计划（全角）",
	"B3": "96%",
	"B4": "50.00%",
	"C3": "2024/3/5",
	"C4": "2024-12-31",
	"D4": "43.6%",
	"E4": "12.5%",
}

var excelizeAndOpenpyxlFmts = map[string]string{
	"B3": "builtin:9", "B4": "builtin:10", "B9": "builtin:9", "A10": "builtin:9",
	"C3": "custom:yyyy/m/d", "C4": "custom:yyyy-mm-dd", "D4": `custom:0.0"%"`,
	"E4": "custom:0.0%", "B5": "custom:0.0", "D3": "builtin:0",
}

var producerFacts = map[string]facts{
	// excelize: shared strings; every formula is t="str", so a cached number
	// is returned unformatted even without RawCellValue (B9: "0.9615", not
	// "96%") and a cached bool is the string "1".
	Excelize: {
		raw:         map[string]string{"B5": "", "B6": "84", "B7": "项目x", "B8": "1", "B9": "0.9615"},
		formatted:   map[string]string{"B9": "0.9615", "B6": "84"},
		numFmt:      excelizeAndOpenpyxlFmts,
		cached:      map[string]bool{"B5": false, "B6": true, "B7": true, "B8": true, "B9": true},
		formulaType: map[string]string{"B5": "str", "B6": "str", "B7": "str", "B8": "str", "B9": "str"},
		formulas:    commonFormulas,
		stringType:  "s",
		numberType:  "",
	},
	// openpyxl: inline strings, explicit t="n", no cached formula values
	// (an empty <v/>): every formula reads "".
	Openpyxl: {
		raw:         map[string]string{"B5": "", "B6": "", "B7": "", "B8": "", "B9": ""},
		formatted:   map[string]string{"B9": "", "B6": ""},
		numFmt:      excelizeAndOpenpyxlFmts,
		cached:      map[string]bool{"B5": false, "B6": false, "B7": false, "B8": false, "B9": false},
		formulaType: map[string]string{"B5": "", "B6": "", "B7": "", "B8": "", "B9": ""},
		formulas:    commonFormulas,
		stringType:  "inlineStr",
		numberType:  "n",
	},
	// LibreOffice: shared strings, explicit t="n"; every formula recalculated
	// with a cached value typed by its result; every number format custom
	// (even "0%" and General) and respelled; the bool constant A8 turned
	// into the formula TRUE().
	LibreOffice: {
		raw:       map[string]string{"B5": "96.15", "B6": "84", "B7": "项目x", "B8": "1", "B9": "0.9615"},
		formatted: map[string]string{"B9": "96%", "B6": "84"},
		numFmt: map[string]string{
			"B3": "custom:0%", "B4": "custom:0.00%", "B9": "custom:0%", "A10": "custom:0%",
			"C3": "custom:yyyy/m/d", "C4": `custom:yyyy\-mm\-dd`, "D4": `custom:0.0\%`,
			"E4": "custom:0.0%", "B5": "custom:0.0", "D3": "custom:General",
		},
		cached:      map[string]bool{"B5": true, "B6": true, "B7": true, "B8": true, "B9": true, "A8": true},
		formulaType: map[string]string{"B5": "n", "B6": "n", "B7": "str", "B8": "b", "B9": "n", "A8": "b"},
		formulas:    map[string]string{"B5": "B3*100", "B6": "D3*2", "B7": `A2&"x"`, "B8": "D3>1", "B9": "B3", "A8": "TRUE()"},
		stringType:  "s",
		numberType:  "n",
	},
}

func TestAllProducers(t *testing.T) {
	paths := AllProducers(t, sampleBook())
	if len(paths) != len(Producers) {
		t.Fatalf("AllProducers returned %v", paths)
	}
	for _, name := range Producers {
		t.Run(name, func(t *testing.T) {
			checkProducer(t, paths[name], producerFacts[name])
		})
	}
}

func checkProducer(t *testing.T, path string, want facts) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	if got, want := f.GetSheetList(), []string{sheet, "Sheet2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sheets = %q, want %q", got, want)
	}
	if got, _ := f.GetCellValue("Sheet2", "A1"); got != "第二页" {
		t.Errorf("Sheet2!A1 = %q, want 第二页", got)
	}

	raw := excelize.Options{RawCellValue: true}
	for _, m := range []map[string]string{commonRaw, want.raw} {
		for ref, wantV := range m {
			if got, err := f.GetCellValue(sheet, ref, raw); err != nil || got != wantV {
				t.Errorf("raw %s = %q (%v), want %q", ref, got, err, wantV)
			}
		}
	}
	for _, m := range []map[string]string{commonFormatted, want.formatted} {
		for ref, wantV := range m {
			if got, err := f.GetCellValue(sheet, ref); err != nil || got != wantV {
				t.Errorf("formatted %s = %q (%v), want %q", ref, got, err, wantV)
			}
		}
	}

	for ref, wantFmt := range want.numFmt {
		if got := numFmt(t, f, ref); got != wantFmt {
			t.Errorf("number format of %s = %s, want %s", ref, got, wantFmt)
		}
	}

	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(merges) != 1 || merges[0].GetStartAxis() != "A1" || merges[0].GetEndAxis() != "D1" || merges[0].GetCellValue() != commonRaw["A1"] {
		var got []string
		for _, m := range merges {
			got = append(got, m.GetStartAxis()+":"+m.GetEndAxis()+"="+m.GetCellValue())
		}
		t.Errorf("merges = %q, want [A1:D1=%s]", got, commonRaw["A1"])
	}

	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !rows.Next() {
		t.Fatal("no rows")
	}
	row1, err := rows.Columns(raw)
	rows.Close()
	if err != nil {
		t.Fatal(err)
	}
	// Rows gives "" for covered cells (LibreOffice writes them as empty
	// styled <c/>, the others not at all) and drops trailing empty ones.
	if want := []string{commonRaw["A1"]}; !reflect.DeepEqual(row1, want) {
		t.Errorf("Rows: row 1 = %q, want %q", row1, want)
	}

	for ref, wantF := range want.formulas {
		if got, err := f.GetCellFormula(sheet, ref); err != nil || got != wantF {
			t.Errorf("formula %s = %q (%v), want %q", ref, got, err, wantF)
		}
	}

	cells := RawCells(t, path, sheet)
	for ref, wantCached := range want.cached {
		c := cells[ref]
		if !c.HasFormula {
			t.Errorf("%s: no <f> in %+v", ref, c)
		}
		if c.HasCachedValue() != wantCached {
			t.Errorf("%s: cached value stored = %v (%+v), want %v", ref, c.HasCachedValue(), c, wantCached)
		}
		if c.Type != want.formulaType[ref] {
			t.Errorf("%s: formula cell t=%q, want %q", ref, c.Type, want.formulaType[ref])
		}
	}
	for _, ref := range []string{"A3", "B3", "D3", "A9"} {
		if cells[ref].HasFormula {
			t.Errorf("%s: unexpected formula %+v", ref, cells[ref])
		}
	}
	if got := cells["A2"].Type; got != want.stringType {
		t.Errorf("string cell t=%q, want %q", got, want.stringType)
	}
	if want.stringType == "inlineStr" && cells["A2"].Inline != "项目" {
		t.Errorf("inline string A2 = %+v", cells["A2"])
	}
	if got := cells["D3"].Type; got != want.numberType {
		t.Errorf("number cell t=%q, want %q", got, want.numberType)
	}
	if got := cells["A8"].Type; got != "b" {
		t.Errorf("bool cell t=%q, want b", got)
	}
}

// numFmt describes the number format of a cell's style.
func numFmt(t *testing.T, f *excelize.File, ref string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return "custom:" + *st.CustomNumFmt
	}
	return "builtin:" + strconv.Itoa(st.NumFmt)
}

// Two (here three) conversions at the same time must all succeed: each has
// its own LibreOffice profile.
func TestConvertLibreOfficeParallel(t *testing.T) {
	RequireLibreOffice(t)
	src := filepath.Join(t.TempDir(), "book.xlsx")
	WriteExcelize(t, sampleBook(), src)
	for i := range 3 {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			out := ConvertLibreOffice(t, src, t.TempDir())
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got, _ := f.GetCellValue(sheet, "B5", excelize.Options{RawCellValue: true}); got != "96.15" {
				t.Errorf("B5 = %q, want the recalculated 96.15", got)
			}
			if got, _ := f.GetCellValue(sheet, "A1"); got != commonRaw["A1"] {
				t.Errorf("A1 = %q", got)
			}
		})
	}
}

func TestConvertLibreOfficeFailures(t *testing.T) {
	RequireLibreOffice(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "book.xlsx")
	WriteExcelize(t, sampleBook(), src)
	bad := filepath.Join(t.TempDir(), "bad.xlsx")
	if err := os.WriteFile(bad, []byte("not a workbook\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, in, outDir, msg string }{
		// the output would replace the input
		{"overwrite", src, dir, "overwrite its input"},
		// soffice prints "Error: source file could not be loaded" and exits 0
		{"unreadable", bad, t.TempDir(), "soffice wrote no"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ft := &fakeTB{TB: t}
			ft.run(func(t testing.TB) { ConvertLibreOffice(t, tc.in, tc.outDir) })
			if !ft.failed || !strings.Contains(ft.msg, tc.msg) {
				t.Errorf("ConvertLibreOffice failed=%v %q, want a failure with %q", ft.failed, ft.msg, tc.msg)
			}
		})
	}
}

// fakeTB records a Fatalf, Skip or Skipf and stops the function like the
// real ones do.
type fakeTB struct {
	testing.TB
	failed  bool
	skipped bool
	msg     string
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.failed, f.msg = true, fmt.Sprintf(format, args...)
	panic(f)
}

func (f *fakeTB) Skip(args ...any) {
	f.skipped, f.msg = true, fmt.Sprint(args...)
	panic(f)
}

func (f *fakeTB) Skipf(format string, args ...any) {
	f.skipped, f.msg = true, fmt.Sprintf(format, args...)
	panic(f)
}

// run calls fn with f, stopping where fn fails or skips f.
func (f *fakeTB) run(fn func(testing.TB)) {
	defer func() {
		if r := recover(); r != nil && r != f {
			panic(r)
		}
	}()
	fn(f)
}

// TestSkipRules: under -short every Require skips, with or without CI=true
// and before it starts a program; without -short a missing program skips
// the test, or fails it when CI=true. Not parallel: it sets -test.short and
// CI for the whole process.
func TestSkipRules(t *testing.T) {
	wasShort := testing.Short()
	t.Cleanup(func() {
		if err := flag.Set("test.short", strconv.FormatBool(wasShort)); err != nil {
			t.Fatal(err)
		}
	})
	requires := map[string]func(testing.TB){
		"RequireLibreOffice": RequireLibreOffice,
		"RequireOpenpyxl":    RequireOpenpyxl,
		// what a Require does when its program is missing
		"missing tool": func(t testing.TB) {
			skipIfShort(t, "a missing tool")
			skipOrFail(t, "tool missing")
		},
	}
	for _, tc := range []struct {
		short       bool
		ci          string
		skip, fail  bool
		requireOnly bool // only the missing-tool case: the real Requires would find the tools
	}{
		{short: true, ci: "", skip: true},
		{short: true, ci: "true", skip: true},
		{short: false, ci: "", skip: true, requireOnly: true},
		{short: false, ci: "true", fail: true, requireOnly: true},
	} {
		if err := flag.Set("test.short", strconv.FormatBool(tc.short)); err != nil {
			t.Fatal(err)
		}
		t.Setenv("CI", tc.ci)
		for name, require := range requires {
			if tc.requireOnly && name != "missing tool" {
				continue
			}
			ft := &fakeTB{TB: t}
			ft.run(require)
			if ft.skipped != tc.skip || ft.failed != tc.fail {
				t.Errorf("short=%v CI=%q %s: skipped=%v failed=%v (%q), want skipped=%v failed=%v",
					tc.short, tc.ci, name, ft.skipped, ft.failed, ft.msg, tc.skip, tc.fail)
			}
			if tc.short && !strings.Contains(ft.msg, "-short") {
				t.Errorf("short=%v CI=%q %s: message %q does not name -short", tc.short, tc.ci, name, ft.msg)
			}
		}
	}
}

func (f *fakeTB) Helper() {}

func TestWriteOpenpyxlKeepsFormulaLikeStrings(t *testing.T) {
	// Strings starting with "=" or equal to an error code stay strings, and
	// quotes, backslashes and newlines survive the trip through JSON.
	RequireOpenpyxl(t)
	texts := []string{"=1+1", "#N/A", `引号"和\反斜杠`, "两行\n文本", "  前后空格  "}
	b := Book{Sheets: []Sheet{{Name: "文本"}}}
	for i, s := range texts {
		b.Sheets[0].Cells = append(b.Sheets[0].Cells, Cell{Ref: fmt.Sprintf("A%d", i+1), Value: s})
	}
	for _, write := range []func(testing.TB, Book, string){WriteOpenpyxl, WriteExcelize} {
		path := filepath.Join(t.TempDir(), "b.xlsx")
		write(t, b, path)
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range texts {
			ref := fmt.Sprintf("A%d", i+1)
			if got, _ := f.GetCellValue("文本", ref); got != want {
				t.Errorf("%s: %s = %q, want %q", path, ref, got, want)
			}
			if got, _ := f.GetCellFormula("文本", ref); got != "" {
				t.Errorf("%s: %s has formula %q", path, ref, got)
			}
		}
		f.Close()
	}
}
