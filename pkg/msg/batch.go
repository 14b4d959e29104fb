package msg

// Batches (issue 10): the workbooks of a folder or a pattern, the files
// skipped on the way, and the workbooks of a batch that could not be
// evaluated, which every output names.
func init() {
	add(map[Key][2]string{
		// Arguments: folders and patterns.
		"batch.skip-lock":      {"跳过 %s：Excel 的锁定文件（工作簿在 Excel 中打开时生成），不是工作簿", "skipped %s: an Excel lock file (made while the workbook is open in Excel), not a workbook"},
		"batch.skip-hidden":    {"跳过 %s：隐藏文件", "skipped %s: a hidden file"},
		"batch.skip-output":    {"跳过 %s：它是本次的输出文件", "skipped %s: it is this run's output"},
		"batch.no-match":       {"模式“%s”没有匹配的文件", "pattern %q matches no file"},
		"hint.no-match":        {"* 匹配文件名中的任意字符，? 匹配一个字符；模式不进入子文件夹", "* matches any characters of a name, ? one character; a pattern does not look into subfolders"},
		"batch.bad-pattern":    {"模式“%s”写法有误", "malformed pattern %q"},
		"hint.bad-pattern":     {"模式中的 [ 需要对应的 ]", "a [ in a pattern needs its ]"},
		"batch.empty-folder":   {"文件夹 %s 中没有工作簿（.xlsx、.xlsm、.xls、.ods）或 CSV、HTML 表格文件", "folder %s holds no workbook (.xlsx, .xlsm, .xls, .ods) and no CSV or HTML table"},
		"hint.empty-folder":    {"不读取子文件夹中的工作簿：请直接指定子文件夹", "workbooks in subfolders are not read: name the subfolder"},
		"batch.read-folder":    {"读取文件夹 %s：%s", "read folder %s: %s"},
		"batch.nothing-left":   {"没有要评估的工作簿：给出的文件都已跳过", "no workbook to evaluate: every file given was skipped"},
		"batch.not-evaluated":  {"共 %[1]d 个工作簿，其中 %[2]d 个未评估；输出只含其余工作簿的结果", "workbooks not evaluated: %[2]d of %[1]d; the output holds the others only"},
		"report.not-evaluated": {"未评估：%s（%s）", "Not evaluated: %s (%s)"},

		// The summary workbook's 说明 sheet.
		"summary.not-evaluated":      {"未评估的文件", "Files not evaluated"},
		"summary.not-evaluated-why":  {"原因", "Why"},
		"summary.not-evaluated-note": {"以上工作簿未能评估，本汇总中没有它们的数据。", "The workbooks above could not be evaluated; this summary holds none of their data."},
	})
}

func init() {
	add(map[Key][2]string{
		"note.merged-units": {"%d 个工作簿各报一个填报单位，%d 年合并为一个结果：%s", "%d workbooks of one reporting unit each, merged into one result for %d: %s"},
	})
}
