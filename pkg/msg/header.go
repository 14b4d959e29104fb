package msg

// The reader's words about a table's header: the year a column whose header
// names none is read for, and why a header is not read as actuals.
func init() {
	add(map[Key][2]string{
		"note.column-year":       {"%s：%s“%s”按 %d 年的实际值读取（%s）", "%s: %s %q read as the actuals of %d (%s)"},
		"note.column-year-flag":  {"取自 --year", "from --year"},
		"note.column-year-title": {"取自表格上方的标题", "from the title above the table"},
		"note.column-year-name":  {"取自文件名", "from the file name"},
		"table.column-no-year":   {"%s：%s“%s”没有写年份，标题和文件名中也没有唯一的年份", "%s: %s %q names no year, and neither the title nor the file name names one"},
		"hint.column-year":       {"用 --year 指定这一列是哪一年的实际值", "give the year of that column's actuals with --year"},
		"header.not-actuals":     {"目标、基数、规划或预计列，不是实际值", "a target, baseline, plan or forecast column, not actuals"},
		"header.status":          {"完成情况列，不是数值", "a status column, not values"},
		"header.unknown":         {"不是表示实际值的词（可用：%s）", "not a word for actual values (known: %s)"},
	})
}

func init() {
	add(map[Key][2]string{
		"table.not-header":     {"%s：在%s中，--columns 给出的第 %d 行不是表头：没有名称列（或编号列）和实际值列", "%s: in %s, row %d given by --columns is no header: it has no name (or id) column and no actuals column"},
		"table.nearest":        {"最接近表头的是工作表“%s”第 %d 行：", "nearest to a header: sheet %q, row %d:"},
		"table.name-column":    {"名称列 %s“%s”", "name column %s %q"},
		"table.no-name-column": {"没有名称列（%s）或编号列", "no name column (%s) or id column"},
		"table.rejected":       {"%s“%s”：%s", "%s %q: %s"},
		"hint.columns":         {"用 --columns 指明表头行和各列，例如 --columns %s", "name the header row and the columns with --columns, e.g. --columns %s"},
		"columns.bad":          {"--columns 中的“%s”：%s", "--columns %q: %s"},
		"columns.want-pair":    {"应写作 键=值，如 name=B", "want key=value, as name=B"},
		"columns.repeated":     {"这个键写了两次", "the key is given twice"},
		"columns.bad-row":      {"header 应为行号，如 header=4", "header takes a row number, as header=4"},
		"columns.bad-letter":   {"应为列字母，如 B 或 AA", "want a column letter, as B or AA"},
		"columns.column-twice": {"这一列已经指定了别的用途", "that column is named for another role already"},
		"columns.bad-year":     {"year: 后应为四位年份，如 year:2023=H", "year: takes a four-digit year, as year:2023=H"},
		"columns.unknown-key":  {"未知的键（可用：header、name、id、unit、entity、status、year:年份、year、value）", "unknown key (known: header, name, id, unit, entity, status, year:YYYY, year, value)"},
	})
}

func init() {
	add(map[Key][2]string{
		"flag.columns":        {"按列字母指明表头行和各列，覆盖自动识别，如 header=4,name=B,year:2023=H（键：header、name、id、unit、entity、status、year:年份；长表用 year、value）", "name the header row and columns by letter, over what detection finds, e.g. header=4,name=B,year:2023=H (keys: header, name, id, unit, entity, status, year:YYYY; year and value for a long table)"},
		"hint.columns-syntax": {"写法如 --columns header=4,name=B,year:2023=H", "write it as --columns header=4,name=B,year:2023=H"},
	})
}

func init() {
	add(map[Key][2]string{
		"note.unit-column-unit":   {"%s：%s“单位”列按计量单位读取（如“%s”）", "%s: %s 单位 read as the unit of measure (as %q)"},
		"note.unit-column-empty":  {"%s：%s“单位”列按计量单位读取（列中没有文字）", "%s: %s 单位 read as the unit of measure (the column holds no text)"},
		"note.unit-column-entity": {"%s：%s“单位”列按填报单位读取（如“%s”，不是计量单位）", "%s: %s 单位 read as the reporting unit (as %q, not a unit of measure)"},
	})
}

func init() {
	add(map[Key][2]string{
		"cell.unmatched-near": {"与 %s 的任何指标都不相符；是不是“%s”（%s）？是的话，用 --aliases 把这个名称指向它", "matches no indicator of %s; did you mean %q (%s)? If so, map this name to it with --aliases"},
	})
}

// inspect's notes on how a value was read.
func init() {
	add(map[Key][2]string{
		"note.percent-cell": {"%s（%s 格式）→ %s%%", "%s in a %s cell → %s %%"},
		"note.converted":    {"%s %s → %s %s", "%s %s → %s %s"},
	})
}

// A workbook of one sheet per year, read as one table.
func init() {
	add(map[Key][2]string{
		"table.year-sheet-no-table": {"%s：按年份分表的工作簿中，工作表“%s”没有表格", "%s: in a workbook of one sheet per year, sheet %q holds no table"},
		"table.year-sheet-layout":   {"%s：工作表“%s”的表格与“%s”的形式不同（宽表与长表）", "%s: sheet %q holds a table of another layout than %q's (wide and long)"},
		"table.too-many-sheets":     {"按年份分表的工作表超过 %d 张", "more than %d sheets of one year each"},
		"note.year-sheets":          {"%s：按年份分表读取：%s", "%s: read one sheet per year: %s"},
	})
}

func init() {
	add(map[Key][2]string{
		"note.column-year-sheet": {"取自工作表名", "from the sheet's name"},
	})
}

func init() {
	add(map[Key][2]string{
		"note.year-sheets-skipped": {"%s：工作表 %s 没有表格，未读", "%s: sheets %s hold no table, not read"},
	})
}
