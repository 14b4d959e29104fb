package msg

// The reader's messages about cells. Both languages name an indicator as the
// plan prints it (失业保险参保人数), never by its id.
//
// The reader's messages about cells: why a cell is not a value, what a value
// looks like it means, which row matches nothing. A message names the
// indicator as the plan prints it.
func init() {
	add(map[Key][2]string{
		"table.not-xlsx":          {"%s：不是 .xlsx 或 .xlsm 工作簿", "%s: not an .xlsx or .xlsm workbook"},
		"file.missing":            {"%s：文件不存在", "%s: no such file"},
		"file.no-permission":      {"%s：没有读取权限", "%s: permission denied"},
		"xlsx.not-workbook":       {"%s：不是 .xlsx 或 .xlsm 工作簿：%s", "%s: not an .xlsx/.xlsm workbook: %s"},
		"xlsx.not-regular":        {"不是普通文件", "not a regular file"},
		"xlsx.empty":              {"文件为空", "the file is empty"},
		"xlsx.ole":                {"这是 OLE 复合文件（Excel 97–2003 的 .xls，或设了打开密码的工作簿）；请在 Excel 中另存为 .xlsx", "an OLE compound file (an .xls from Excel 97–2003, or a password-protected workbook); save it as .xlsx"},
		"xlsx.xlsb":               {"这是 .xlsb 二进制工作簿；请在 Excel 中另存为 .xlsx", "an .xlsb binary workbook; save it as .xlsx"},
		"xlsx.not-zip":            {"不是有效的 zip 压缩包（.xlsx 工作簿都是 zip 压缩包）", "not a valid zip archive (every .xlsx workbook is one)"},
		"xlsx.not-zip-other":      {"无法作为 zip 压缩包读取：%s", "cannot be read as a zip archive: %s"},
		"xlsx.no-workbook-part":   {"压缩包中没有 %s", "no %s in the zip"},
		"xlsx.no-workbook-elem":   {"%s 中没有 <workbook> 元素", "%s has no <workbook> element"},
		"table.no-sheet":          {"%s：没有名为 %q 的工作表（工作表：%s）", "%s: no sheet named %q (sheets: %s)"},
		"table.no-table":          {"%[1]s：在%[2]s中没有找到表格：在前 %[3]d 行中查找含名称列（项目、指标、指标名称、名称）或编号列（编号、代码）以及年份列（2023、2023年、2023年完成值 …）的表头，或长表的“年份”和“数值”列", "%s: no table found in %s: looked in the first %d rows for a header with a name (项目, 指标, 指标名称, 名称) or id (编号, 代码) column and a year column (2023, 2023年, 2023年完成值 …), or a long table's 年份 and 数值 columns"},
		"table.in-sheet":          {"工作表 %s ", "sheet %s"},
		"table.in-sheets":         {"工作表 %s ", "sheets %s"},
		"cell.issue":              {"%s：%s", "%s: %s"},
		"cell.issue-text":         {"%s：“%s”：%s", "%s: %q: %s"},
		"cell.issue-text-only":    {"“%s”：%s", "%q: %s"},
		"cell.lenient":            {"；按无数据读取（--lenient）", "; read as no value (--lenient)"},
		"cell.no-entity":          {"本行的填报单位列为空", "no reporting unit in this row's entity column"},
		"cell.no-year":            {"本行有数值但没有年份", "a value with no year in its row"},
		"cell.not-a-year":         {"不是年份", "not a year"},
		"cell.formula-uncomputed": {"公式没有保存的结果，也无法计算：%s", "a formula with no saved value that cannot be calculated: %s"},
		"cell.unmatched":          {"与 %s 的任何指标都不相符", "matches no indicator of %s"},
		"cell.attribute-differs":  {"规划中 %s 是%s", "the plan says %s is %s"},
		"cell.duplicate":          {"%s %d 年%s已有一个值（在 %s）", "a second value for %s in %d%s (the first is %s)"},
		"cell.duplicate-entity":   {"（%s）", " for %s"},
		"cell.looks-fraction":     {"%s 像是百分比指标的小数：请填 %s，或把单元格设为百分比格式", "%s looks like a fraction for a %% indicator: write %s, or format the cell as a percentage"},
		"cell.unit-no-convert":    {"本行单位 %s 无法换算为 %s（%s 的单位）", "the row's unit %s does not convert to %s, the unit of %s"},
		"cell.value-in-unit":      {"数值单位为 %[1]s，但 %[3]s 的单位是%[2]s", "a value in %[1]s, but %[3]s is in %[2]s"},
		"cell.no-unit":            {"无单位", "no unit"},
		"cell.error-value":        {"单元格为错误值 %s", "the cell holds the error %s"},
		"cell.not-number-bool":    {"%s 不是数字", "%s is not a number"},
		"cell.too-large":          {"数值过大，不可能是指标值", "too large to be a value"},
		"cell.time-for-ratio":     {"比例处是一个时间：Excel 把 16:47:37 当成了时间；请把单元格设为文本后重新输入", "a time of day where a ratio belongs: Excel turned 16:47:37 into a time; format the cell as text and type it again"},
		"cell.date-format":        {"数字处是一个日期（格式 %q）", "a date (format %q) where a number belongs"},
		"cell.number-for-ratio":   {"%s 是数字，但 %s 是比例（如 16:47:37）", "%s is a number, but %s is a ratio like 16:47:37"},
		"table.no-sheets":         {"%s：工作簿中没有工作表", "%s: the workbook has no sheets"},
		"issues.more":             {"另有 %d 处同类问题，如：%s", "%d more of this kind, such as: %s"},
		"cell.date":               {"数字处是一个日期", "a date where a number belongs"},
		"cell.compat-digit":       {"“%s”不是普通数字（上标、下标或带圈数字），不能当作数值读取", "%q is not a plain digit (a superscript, subscript or circled number) and is not read as a number"},
		"cell.bracket-not-cumul":  {"方括号内是累计数，但 %s 不是累计（[X]）指标", "a bracketed total, but %s is not a cumulative ([X]) indicator"},
		"cell.bracket-not-number": {"方括号内不是数字", "not a number inside the brackets"},
		"cell.ratio-not-ratio":    {"这是比例，但 %s 不是比例指标", "a ratio, but %s is not a ratio indicator"},
		"cell.not-ratio":          {"不是形如 16:47:37 的比例", "not a ratio like 16:47:37"},
		"cell.ratio-parts":        {"比例有 %d 项，但目标 %s 有 %d 项", "a ratio of %d parts, but the target %s has %d"},
		"cell.not-number":         {"不是数字", "not a number"},
		"cell.implausible-rate":   {"%s%% 不是合理的比率", "%s %% is not a plausible rate"},
		"cell.negative-count":     {"%s %s 是负的计数", "%s %s is a negative count"},
		"cell.magnitude":          {"%s 超过目标 %s %s 的 100 倍：单位对吗？", "%s is more than 100 times the target %s %s: is the unit right?"},
	})
}
