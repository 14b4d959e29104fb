package msg

// An office's own names for indicators (--aliases FILE).
func init() {
	add(map[Key][2]string{
		"aliases.is-dir":      {"别名文件 %s 是一个文件夹；请给出别名文件", "aliases file %s is a folder; name the aliases file"},
		"aliases.not-regular": {"别名文件 %s 不是普通文件（是管道或设备）", "aliases file %s is not a regular file (a pipe or a device)"},
		"aliases.missing":     {"%s：别名文件不存在", "%s: no such aliases file"},
		"aliases.unreadable":  {"%s：无法读取别名文件：%s", "%s: cannot read the aliases file: %s"},
		"aliases.too-large":   {"%s：别名文件过大（超过 %d 字节）", "%s: aliases file too large (over %d bytes)"},
		"aliases.syntax":      {"%s：YAML 语法错误：%s", "%s: YAML: %s"},
		"aliases.not-map":     {"%s:%d:%d: 别名文件应为“名称: 指标编号”的映射", "%s:%d:%d: an aliases file is a map of name: indicator id"},
		"aliases.not-pair":    {"%s:%d:%d: 每一项应写作“名称: 指标编号”", "%s:%d:%d: each entry is name: indicator id"},
		"aliases.duplicate":   {"%s:%d:%d: 名称“%s”与第 %d 行重复", "%s:%d:%d: name %q repeats line %d"},
		"aliases.unknown-id":  {"%s:%d:%d: “%s”不是 %s 的指标编号", "%s:%d:%d: %q is no indicator id of %s"},
		"flag.entity":         {"没有填报单位列的表格的填报单位（默认：表格上方“填报单位：…”一行所写）", "the reporting unit of a table with no entity column (default: the 填报单位：… line above the table)"},
		"flag.aliases":        {"别名文件：YAML 映射，把工作簿中的指标名称指向规划的指标编号", "aliases file: a YAML map from the names the workbook writes to the plan's indicator ids"},
	})
}
