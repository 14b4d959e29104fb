package actuals_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// headerBook is a small wide table whose third column is headed h: 序号,
// 指标名称, h, with one indicator row. title, when set, is a title row above.
func headerBook(title, h string) wbt.Book {
	var rows [][]wbt.Cell
	if title != "" {
		rows = append(rows, row(1, title))
	}
	rows = append(rows,
		row(2, "序号", "指标名称", h),
		row(3, 1, "城镇新增就业人数", 3.1),
	)
	return wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: cells(rows...)}}}
}

// readHeader reads book, written by excelize as name, and returns the column
// C's header as the reader took it.
func readHeader(t *testing.T, book wbt.Book, name string, opts actuals.Options) (actuals.Column, *actuals.Table, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	wbt.WriteExcelize(t, book, path)
	tbl, err := actuals.ReadTable(path, opts)
	if err != nil {
		return actuals.Column{}, nil, err
	}
	for _, c := range tbl.Columns {
		if c.Col == 3 {
			return c, tbl, nil
		}
	}
	t.Fatalf("no column C in %+v", tbl.Columns)
	return actuals.Column{}, nil, nil
}

// TestYearHeaderWords: every way offices head a year's actuals (issue 10)
// makes an actuals column for that year; 序号 is never the name column.
func TestYearHeaderWords(t *testing.T) {
	for _, h := range []string{
		"2023", "2023年", "2023年实际值", "2023年实际", "2023实际值",
		"2023年完成值", "2023年完成数", "2023年实际完成", "2023年实际完成值", "2023年完成",
		"2023年执行数", "2023年度", "2023年末", "2023年底", "2023年1-12月", "2023年1—12月",
		"2023年全年", "2023年快报数", "2023年快报", "2023完成值", "2023 年 完成值",
		"2023年\n完成值", "2023年实际值（%或万人）", "2023年实际值(万人)", "（2023年）完成值",
		"２０２３年完成值", "2023年度实际完成", "2023年1–12月", "2023年1~12月", "2023年1～12月",
	} {
		t.Run(h, func(t *testing.T) {
			c, tbl, err := readHeader(t, headerBook("", h), "x.xlsx", actuals.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if c.Role != actuals.RoleYear || c.Year != 2023 {
				t.Errorf("%q: role %q year %d, want an actuals column for 2023", h, c.Role, c.Year)
			}
			if tbl.Columns[0].Role != actuals.RoleRowNumber || tbl.Columns[1].Role != actuals.RoleName {
				t.Errorf("序号 and 指标名称 read as %q and %q", tbl.Columns[0].Role, tbl.Columns[1].Role)
			}
		})
	}
}

// TestYearHeadersRejected: a year beside a target's, a plan's or a
// forecast's word is not actuals, nor a year's status; each says why.
func TestYearHeadersRejected(t *testing.T) {
	for h, why := range map[string]string{
		"2025年目标":   "header.not-actuals",
		"2020年基数":   "header.not-actuals",
		"2023年计划":   "header.not-actuals",
		"2023年预计":   "header.not-actuals",
		"2023年预期":   "header.not-actuals",
		"2023年规划值":  "header.not-actuals",
		"2023年完成情况": "header.status",
		"2023年备注":   "header.unknown",
		"2023年排名":   "header.unknown",
	} {
		t.Run(h, func(t *testing.T) {
			book := headerBook("", h)
			// a second, plain year column, so that the table is found
			book.Sheets[0].Cells = append(book.Sheets[0].Cells, wbt.Cell{Ref: "D2", Value: "2022年"}, wbt.Cell{Ref: "D3", Value: 3.0})
			c, _, err := readHeader(t, book, "x.xlsx", actuals.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if c.Role == actuals.RoleYear || c.Reject != why {
				t.Errorf("%q: role %q, reason %q, want not actuals for %q", h, c.Role, c.Reject, why)
			}
		})
	}
}

// TestYearFromContext: a header that names no year (本年完成, 完成值) takes the
// year from --year, else from the title above the table, else from the file
// name, and a note says which; with none, the error asks for --year.
func TestYearFromContext(t *testing.T) {
	for _, tc := range []struct {
		name, title, header, file string
		year, want                int
		from                      string
	}{
		{"flag", "2022年主要指标", "本年完成", "2021.xlsx", 2023, 2023, "取自 --year"},
		{"title", "九龙坡区2022年主要指标完成情况", "本年完成", "报表.xlsx", 0, 2022, "取自表格上方的标题"},
		{"title over the name", "2022年主要指标", "完成值", "2021.xlsx", 0, 2022, "取自表格上方的标题"},
		{"a period in the title is no year", "“十四五”规划（2021—2025年）主要指标", "完成值", "九龙坡2024年.xlsx", 0, 2024, "取自文件名"},
		{"file name", "", "实际值", "九龙坡2024年.xlsx", 0, 2024, "取自文件名"},
		{"本年实际", "", "本年实际", "2024.xlsx", 0, 2024, "取自文件名"},
		{"本年度完成", "", "本年度完成", "2024.xlsx", 0, 2024, "取自文件名"},
		{"a date line is no title", "填报日期：2024年1月5日", "本年完成", "2023年.xlsx", 0, 2023, "取自文件名"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, tbl, err := readHeader(t, headerBook(tc.title, tc.header), tc.file, actuals.Options{Year: tc.year, Lang: msg.Chinese})
			if err != nil {
				t.Fatal(err)
			}
			if c.Role != actuals.RoleYear || c.Year != tc.want {
				t.Errorf("role %q year %d, want actuals of %d", c.Role, c.Year, tc.want)
			}
			if len(tbl.Notes) != 1 || !strings.Contains(tbl.Notes[0], tc.from) || !strings.Contains(tbl.Notes[0], "表1!C2") {
				t.Errorf("notes %q, want one naming 表1!C2 and %q", tbl.Notes, tc.from)
			}
		})
	}
	_, _, err := readHeader(t, headerBook("主要指标完成情况", "本年完成"), "报表.xlsx", actuals.Options{Lang: msg.Chinese})
	var h interface{ Hint() string }
	if err == nil || !strings.Contains(err.Error(), "表1!C2“本年完成”没有写年份") || !errors.As(err, &h) || !strings.Contains(h.Hint(), "--year") {
		t.Errorf("no year anywhere: %v", err)
	}
}

func TestParseColumns(t *testing.T) {
	cols, err := actuals.ParseColumns("header=4, name=B, year:2023=H, year:2022=g, unit=AA")
	if err != nil {
		t.Fatal(err)
	}
	if cols.HeaderRow != 4 || cols.Set[2].Role != actuals.RoleName || cols.Set[8].Year != 2023 || cols.Set[7].Year != 2022 || cols.Set[27].Role != actuals.RoleUnit {
		t.Errorf("parsed %+v", cols)
	}
	for spec, want := range map[string]string{
		"name":             `--columns "name": want key=value, as name=B`,
		"header=x":         `--columns "header=x": header takes a row number, as header=4`,
		"name=1":           `--columns "name=1": want a column letter, as B or AA`,
		"name=B,name=C":    `--columns "name=C": the key is given twice`,
		"name=B,id=B":      `--columns "id=B": that column is named for another role already`,
		"year:23=H":        `--columns "year:23=H": year: takes a four-digit year, as year:2023=H`,
		"colour=B":         `--columns "colour=B": unknown key (known: header, name, id, unit, entity, status, year:YYYY, year, value)`,
		"name=B,,year=C":   `--columns "": want key=value, as name=B`,
		"name=ABCD":        `--columns "name=ABCD": want a column letter, as B or AA`,
		"year:2023=H,x=Y=": `--columns "x=Y=": want a column letter, as B or AA`,
	} {
		if _, err := actuals.ParseColumns(spec); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", spec, err, want)
		}
	}
	if _, err := actuals.ParseColumns("colour=B"); err == nil || !strings.HasPrefix(msg.Text(err, msg.Chinese), "--columns 中的“colour=B”：未知的键") {
		t.Errorf("Chinese: %v", msg.Text(err, msg.Chinese))
	}
}

// TestColumnsOverride: --columns reads a table whose headers no word names,
// and overrides detection for the roles it names only.
func TestColumnsOverride(t *testing.T) {
	book := wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: cells(
		row(1, "今年各项工作情况"),
		row(3, "内容", "单位", "本期", "上期", "2021年"),
		row(4, "城镇新增就业人数", "万人", 3.3, 3.2, 3.1),
	)}}}
	path := filepath.Join(t.TempDir(), "x.xlsx")
	wbt.WriteExcelize(t, book, path)
	if _, err := actuals.ReadTable(path, actuals.Options{}); err == nil {
		t.Fatal("read with no name column")
	}
	cols, err := actuals.ParseColumns("header=3,name=A,year:2023=C,year:2022=D")
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := actuals.ReadTable(path, actuals.Options{Columns: &cols})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range tbl.Columns {
		got = append(got, fmt.Sprintf("%s %s %d", c.Cell, c.Role, c.Year))
	}
	// 单位 and 2021年 are still found by their words.
	if want := "A3 name 0|B3 unit 0|C3 year 2023|D3 year 2022|E3 year 2021"; strings.Join(got, "|") != want {
		t.Errorf("columns %s, want %s", strings.Join(got, "|"), want)
	}
	// A header row that is no header, even with the columns named: an error
	// that says so.
	cols, _ = actuals.ParseColumns("header=1,unit=B")
	if _, err := actuals.ReadTable(path, actuals.Options{Columns: &cols}); err == nil || !strings.Contains(err.Error(), "row 1 given by --columns is no header") {
		t.Errorf("header=1: %v", err)
	}
}

// TestNoTableExplained: with no table, the lines under the error name the
// row nearest to a header, its name column and each year header not read,
// with why; the hint gives --columns for that row.
func TestNoTableExplained(t *testing.T) {
	book := wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: cells(
		row(4, "序号", "指标名称", "2025年目标", "2023年完成情况", "2023年排名"),
		row(5, 1, "城镇新增就业人数", "[15]", "符合预期", 3),
	)}}}
	path := filepath.Join(t.TempDir(), "x.xlsx")
	wbt.WriteExcelize(t, book, path)
	_, err := actuals.ReadTable(path, actuals.Options{Lang: msg.Chinese})
	if err == nil {
		t.Fatal("a table without actuals was read")
	}
	lines := strings.Split(err.Error(), "\n")
	want := []string{
		"  最接近表头的是工作表“表1”第 4 行：",
		"  名称列 表1!B4“指标名称”",
		"  表1!C4“2025年目标”：目标、基数、规划或预计列，不是实际值",
		"  表1!D4“2023年完成情况”：完成情况列，不是数值",
	}
	if len(lines) != 6 || strings.Join(lines[1:5], "\n") != strings.Join(want, "\n") || !strings.HasPrefix(lines[5], "  表1!E4“2023年排名”：不是表示实际值的词") {
		t.Errorf("error:\n%s", err)
	}
	var h interface{ Hint() string }
	if !errors.As(err, &h) || !strings.Contains(h.Hint(), "--columns header=4,name=B,year:2023=E") {
		t.Errorf("hint: %v", h)
	}
}

// TestEntityHeaderWords: the headers offices give their reporting-unit
// column are the entity column.
func TestEntityHeaderWords(t *testing.T) {
	for _, h := range []string{"街道", "镇街", "乡镇", "镇", "区县", "县区", "区（县）", "市县", "部门", "单位名称", "填报单位", "地区"} {
		t.Run(h, func(t *testing.T) {
			book := wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: cells(
				row(1, "指标", h, "2023年"),
				row(2, "城镇新增就业人数", "石桥铺街道", 3.1),
			)}}}
			path := filepath.Join(t.TempDir(), "x.xlsx")
			wbt.WriteExcelize(t, book, path)
			tbl, err := actuals.ReadTable(path, actuals.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if tbl.Columns[1].Role != actuals.RoleEntity {
				t.Errorf("%q read as %q, want the entity column", h, tbl.Columns[1].Role)
			}
		})
	}
}

// TestUnitOrEntityColumn: a column headed only 单位 is the unit of measure
// when its cells are units and the reporting unit when they are names, told
// by its first cell of text (group rows and notes aside); a note says which.
func TestUnitOrEntityColumn(t *testing.T) {
	for _, tc := range []struct {
		name  string
		rows  [][]wbt.Cell
		role  actuals.Role
		note  string
		nrows int
	}{
		{"units", [][]wbt.Cell{
			row(1, "指标", "单位", "2023年"),
			row(2, "一、就业"),
			row(3, "城镇新增就业人数", "万人", 3.1),
		}, actuals.RoleUnit, "表1!B1“单位”列按计量单位读取（如“万人”）", 2},
		{"names of places", [][]wbt.Cell{
			row(1, "单位", "指标", "2023年"),
			row(2, "渝中区", "城镇新增就业人数", 3.1),
			row(3, "渝中区", "城镇调查失业率", 5.1),
		}, actuals.RoleEntity, "表1!A1“单位”列按填报单位读取（如“渝中区”，不是计量单位）", 2},
		{"no text at all", [][]wbt.Cell{
			row(1, "指标", "单位", "2023年"),
			row(2, "城镇新增就业人数", nil, 3.1),
		}, actuals.RoleUnit, "表1!B1“单位”列按计量单位读取（列中没有文字）", 1},
		{"a no-value word tells nothing", [][]wbt.Cell{
			row(1, "指标", "单位", "2023年"),
			row(2, "城镇调查失业率", "—", 5.1),
			row(3, "城镇新增就业人数", "万人", 3.1),
		}, actuals.RoleUnit, "表1!B1“单位”列按计量单位读取（如“万人”）", 2},
		{"a unit the plans do not know", [][]wbt.Cell{
			row(1, "指标", "单位", "2023年"),
			row(2, "新增高级职称专业技术人才数量", "名", 380),
		}, actuals.RoleUnit, "表1!B1“单位”列按计量单位读取（如“名”）", 1},
		{"a unit in brackets", [][]wbt.Cell{
			row(1, "指标", "单位", "2023年"),
			row(2, "城镇新增就业人数", "（万人）", 3.1),
		}, actuals.RoleUnit, "表1!B1“单位”列按计量单位读取（如“（万人）”）", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.xlsx")
			wbt.WriteExcelize(t, wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: cells(tc.rows...)}}}, path)
			tbl, err := actuals.ReadTable(path, actuals.Options{Lang: msg.Chinese})
			if err != nil {
				t.Fatal(err)
			}
			role := actuals.Role("")
			for _, c := range tbl.Columns {
				if c.Header == "单位" {
					role = c.Role
				}
			}
			if role != tc.role || len(tbl.Notes) != 1 || !strings.HasSuffix(tbl.Notes[0], tc.note) || len(tbl.Rows) != tc.nrows {
				t.Errorf("role %q, notes %q, %d rows; want %q, %q, %d", role, tbl.Notes, len(tbl.Rows), tc.role, tc.note, tc.nrows)
			}
		})
	}
}

// TestColumnsKeepUserRoles: a 单位 column --columns names as the unit stays
// the unit whatever its cells say; with no header=, a title row above the
// header is not taken for it.
func TestColumnsKeepUserRoles(t *testing.T) {
	book := wbt.Book{Sheets: []wbt.Sheet{{Name: "表1", Cells: cells(
		row(1, "2023年考核情况"),
		row(2, "填报单位：石桥铺街道"),
		row(3, "序号", "考核内容", "单位", "本年数"),
		row(4, 1, "城镇新增就业人数", "/", 3.1),
	)}}}
	path := filepath.Join(t.TempDir(), "x.xlsx")
	wbt.WriteExcelize(t, book, path)
	cols, err := actuals.ParseColumns("name=B,unit=C,year:2023=D")
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := actuals.ReadTable(path, actuals.Options{Columns: &cols})
	if err != nil {
		t.Fatal(err)
	}
	if tbl.HeaderRow != 3 || tbl.Columns[2].Role != actuals.RoleUnit || len(tbl.Rows) != 1 || tbl.Entity != "石桥铺街道" {
		t.Errorf("header row %d, C %q, %d rows, entity %q", tbl.HeaderRow, tbl.Columns[2].Role, len(tbl.Rows), tbl.Entity)
	}
}

// TestNoYearOnOneSheet: a sheet whose year-less column finds no year is
// passed over for a later sheet with a table; alone, it is the error.
func TestNoYearOnOneSheet(t *testing.T) {
	book := wbt.Book{Sheets: []wbt.Sheet{
		{Name: "封面", Cells: cells(row(1, "项目", "完成值"), row(2, "说明", 1))},
		{Name: "表1", Cells: cells(row(1, "指标", "2023年"), row(2, "城镇新增就业人数", 3.1))},
	}}
	path := filepath.Join(t.TempDir(), "报表.xlsx")
	wbt.WriteExcelize(t, book, path)
	tbl, err := actuals.ReadTable(path, actuals.Options{})
	if err != nil || tbl.Sheet != "表1" {
		t.Fatalf("sheet %v, %v", tbl, err)
	}
	book.Sheets = book.Sheets[:1]
	wbt.WriteExcelize(t, book, path)
	if _, err := actuals.ReadTable(path, actuals.Options{}); err == nil || !strings.Contains(err.Error(), `"完成值" names no year`) {
		t.Errorf("alone: %v", err)
	}
}
