package msg

// OpenDocument spreadsheets (.ods) read as a workbook.
func init() {
	add(map[Key][2]string{
		"ods.too-large":      {"ODS 文件超过 %d 字节", "an .ods file over %d bytes"},
		"ods.bad-zip":        {"不是完好的 ODS 文件（zip）：%v", "not a sound .ods file (zip): %v"},
		"ods.no-content":     {"ODS 文件缺少 content.xml", "the .ods file has no content.xml"},
		"ods.no-sheets":      {"ODS 文件没有工作表", "the .ods file has no sheet"},
		"ods.no-sheet":       {"ODS 文件中没有工作表“%s”", "no sheet %q in the .ods file"},
		"ods.bad-xml":        {"content.xml 有误：%v", "content.xml: %v"},
		"ods.part-too-large": {"%s 解压后超过 %d 字节", "%s over %d bytes uncompressed"},
		"ods.filled-over":    {"重复和合并的单元格超过 %d 个", "repeated and merged cells over %d"},
		"ods.repeated-merge": {"单元格 %s：重复的单元格又是合并区域", "cell %s: a repeated cell spanning a merged range"},
		"ods.bad-number":     {"单元格 %s：数值“%s”无法读取", "cell %s: the number %q cannot be read"},
		"ods.no-value":       {"单元格 %s：类型为“%s”却没有值", "cell %s: of type %q without a value"},
		"ods.cell-too-long":  {"单元格 %s 超过 %d 字节", "cell %s over %d bytes"},
		"ods.no-calc":        {"ODS 文件中没有保存结果的公式无法计算", "a formula without a saved result in an .ods file is not calculated"},
		"note.read-as-ods":   {"%s 是 ODS（OpenDocument）表格，按 ODS 读取", "%s is an OpenDocument (.ods) spreadsheet, read as such"},
	})
}
