package msg

// The notes and errors of the eval path: which plan and year were chosen,
// and why none could be.
func init() {
	add(map[Key][2]string{
		"note.plan-chosen":       {"使用规划 %[1]s（%[3]d 行中有 %[2]d 行与其指标及规划期 %[4]s 相符）", "plan %s (%d of %d rows match its indicators and its period %s)"},
		"note.year":              {"%s：评估 %d 年（%s）", "%s: year %d (%s)"},
		"note.year-from-name":    {"取自文件名", "from the file name"},
		"note.year-latest":       {"有数据的最近一年", "the latest year with a value"},
		"note.year-name-latest":  {"文件名含 %s；%d 是有数据的最近一年", "the file name holds %s; %d is the latest year with a value"},
		"error.no-plan-matches":  {"%s：没有一行在规划期内与任何内置规划的指标相符", "%s: no row matches an indicator of any embedded plan in a year of its period"},
		"hint.name-plan":         {"用 --plan 指定规划（plancheck plans 列出内置规划）", "name the plan with --plan ('plancheck plans' lists the embedded ones)"},
		"error.several-years":    {"%s：文件名含多个年份（%s）", "%s: the file name holds several years (%s)"},
		"hint.give-year":         {"用 --year 指定要评估的年份", "give the year to evaluate with --year"},
		"error.no-year":          {"%s：无法确定评估年份：文件名不含年份，也没有单元格有数据", "%s: no year to evaluate: the file name has none and no cell has a value"},
		"hint.give-one-year":     {"用 --year 指定", "give one with --year"},
		"error.year-outside":     {"%[1]s：%[2]d 年不在 %[4]s 的规划期 %[3]s 内", "%s: year %d is outside the period %s of %s"},
		"hint.year-or-plan":      {"用 --year 给出规划期内的年份，或用 --plan 指定工作簿所属的规划", "give a year of the period with --year, or the plan the workbook belongs to with --plan"},
		"hint.plan-holding-year": {"用 --plan 指定规划期包含该年的规划（plancheck plans 列出规划）", "name the plan whose period holds it with --plan ('plancheck plans' lists them)"},
		"error.internal":         {"%s：内部错误：%v（请报告此问题，如可能请附上文件）", "%s: internal error: %v (please report it with the file, if you can share it)"},
		"list.separator-numbers": {"、", ", "},
	})
}
