package msg

// The workbook reader's messages about bounded work (issue 14): formulas
// saved without a value, which the reader computes itself or names as cells
// to open and save in a spreadsheet program, and the limits on work rather
// than bytes. Kept apart from xlsx.go only so that the two lists stay easy
// to read.
func init() {
	add(map[Key][2]string{
		"xlsx.elements-over":       {"XML 元素超过 %d 个", "over %d XML elements"},
		"xlsx.list-more":           {"%s 等 %d 个", "%s and %d more"},
		"xlsx.sheets-share-part":   {"%[1]s：工作表“%[2]s”和“%[3]s”指向同一个部件 %[4]s，两个年份会读到同样的数值；请让每年的工作表各有自己的数据（在 Excel 或 WPS 中复制工作表）", "%[1]s: sheets %[2]q and %[3]q point at the same part %[4]s, so two years would read the same numbers; give each year's sheet its own data (copy the sheet in Excel or WPS)"},
		"xlsx.calc-at":             {"%[1]s：%[2]s", "%[1]s: %[2]s"},
		"xlsx.formula-syntax":      {"公式无法识别（在 “%s” 处）；请用 Excel、WPS 或 LibreOffice 打开并保存后再试", "the formula is not understood (at %q); open and save the workbook in Excel, WPS or LibreOffice and try again"},
		"xlsx.formula-end":         {"公式不完整；请用 Excel、WPS 或 LibreOffice 打开并保存后再试", "the formula ends too soon; open and save the workbook in Excel, WPS or LibreOffice and try again"},
		"xlsx.formula-long":        {"公式超过 %d 字节；请用 Excel、WPS 或 LibreOffice 打开并保存后再试", "the formula is over %d bytes; open and save the workbook in Excel, WPS or LibreOffice and try again"},
		"xlsx.formula-nesting":     {"公式嵌套超过 %d 层；请用 Excel、WPS 或 LibreOffice 打开并保存后再试", "the formula nests deeper than %d levels; open and save the workbook in Excel, WPS or LibreOffice and try again"},
		"xlsx.formula-unsupported": {"公式中的 “%s” 无法在此计算；请用 Excel、WPS 或 LibreOffice 打开并保存后再试", "%q in the formula is not computed here; open and save the workbook in Excel, WPS or LibreOffice and try again"},
		"xlsx.formula-function":    {"函数 %s 无法在此计算；请用 Excel、WPS 或 LibreOffice 打开并保存后再试", "the function %s is not computed here; open and save the workbook in Excel, WPS or LibreOffice and try again"},
		"xlsx.formula-args":        {"函数 %s 的参数个数不对", "the function %s has the wrong number of arguments"},
		"xlsx.formula-no-sheet":    {"公式引用的工作表“%s”不存在", "the formula refers to a sheet %q the workbook does not have"},
		"xlsx.formula-no-text":     {"共享公式缺少主公式；请用 Excel、WPS 或 LibreOffice 打开并保存后再试", "a shared formula without its master cell; open and save the workbook in Excel, WPS or LibreOffice and try again"},
		"xlsx.calc-circular":       {"公式循环引用：%[1]s", "circular reference: %[1]s"},
		"xlsx.calc-depth-over":     {"没有保存结果的公式层层引用超过 %d 层（到 %s）", "formulas without a saved value refer to each other over %d deep (at %s)"},
		"xlsx.calc-steps-over":     {"计算没有保存结果的公式超过 %d 步", "computing formulas without a saved value takes over %d steps"},
		"xlsx.calc-cells-over":     {"没有保存结果的公式引用超过 %d 个单元格", "formulas without a saved value refer to over %d cells"},
		"xlsx.calc-formulas-over":  {"没有保存结果的公式超过 %d 个", "over %d formulas without a saved value"},
		"xlsx.calc-scans-over":     {"计算公式需要读取工作表超过 %d 遍", "computing formulas needs over %d passes over the sheets"},
		"xlsx.calc-text-over":      {"公式结果超过 %d 字节", "a formula's result over %d bytes"},
		"xlsx.zip-duplicate":       {"压缩包中有两个名为 %[1]s 的条目，不同程序会读到不同的内容", "the zip holds two entries named %[1]s, which programs read differently"},
		"xlsx.zip-entries-over":    {"压缩包中的条目超过 %d 个", "zip archive over %d entries"},
	})
}
