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
