package msg

// The command line's own lines.
func init() {
	add(map[Key][2]string{
		"progress.files":   {"已读 %d/%d 个文件，%d 行，每秒 %.0f 个文件，约剩 %s", "%d/%d files, %d rows, %.0f files/s, about %s left"},
		"progress.rows-of": {"已读 %d/%d 行（%d%%），每秒 %.0f 行，约剩 %s", "%d/%d rows (%d%%), %.0f rows/s, about %s left"},
		"progress.rows":    {"已读 %d 行，每秒 %.0f 行", "%d rows read, %.0f rows/s"},
		"progress.min-sec": {"%d 分 %d 秒", "%dm%ds"},
		"progress.sec":     {"%d 秒", "%ds"},
		// The words in front of a line on stderr, after "plancheck: ".
		"prefix.error":        {"错误：", "error: "},
		"prefix.hint":         {"提示：", "hint: "},
		"prefix.warning":      {"警告：", "warning: "},
		"prefix.fail":         {"未通过：", "fail: "},
		"error.internal-main": {"内部错误：%v", "internal error: %v"},
		"hint.internal":       {"这是 plancheck 的缺陷；请连同所运行的命令一起报告", "this is a bug in plancheck; please report it with the command you ran"},
		"note.template-plan":  {"使用规划 %s（规划期最晚的内置规划；用 --plan 指定其他规划）", "plan %s (the embedded plan with the latest period; --plan names another)"},
		"note.template-wrote": {"已写出 %s：%s，%d 项指标，%d—%d", "wrote %s: %s, %d indicators, %d—%d"},
		"note.invalid-plans":  {"%[2]d 个规划文件中有 %[1]d 个无效", "%d of %d plan files invalid"},
		// A line of --fail-on: where, the indicator as printed, its id and
		// attribute, what it is.
		"fail.outcome":      {"%s：%s（%s，%s）%s", "%s: %s (%s, %s) is %s"},
		"hint.lenient":      {"改正这些单元格，或加 --lenient 把它们读作无数据", "fix the cells, or run with --lenient to read them as no value"},
		"fail.not-reported": {"%s：%s（%s，%s）未报送", "%s: %s (%s, %s) is not reported"},
	})
}
