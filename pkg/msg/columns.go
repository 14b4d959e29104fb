package msg

// Column headings and the words every medium shares — the terminal table,
// CSV, the summary workbook and the template head their columns alike.
func init() {
	add(map[Key][2]string{
		"col.indicator":       {"指标", "Indicator"},
		"col.attribute":       {"属性", "Attribute"},
		"col.attribute-full":  {"指标属性", "Attribute"},
		"col.target":          {"目标", "Target"},
		"col.actual":          {"实际值", "Actual"},
		"col.time":            {"时序进度", "Time"},
		"col.progress":        {"完成进度", "Progress"},
		"col.status":          {"完成情况", "Status"},
		"col.projection":      {"预计", "Projection"},
		"col.entity":          {"填报单位", "Entity"},
		"col.id":              {"编号", "ID"},
		"col.unit":            {"单位", "Unit"},
		"col.baseline-year":   {"%d年基数", "Baseline %d"},
		"col.target-year":     {"%d年目标", "Target %d"},
		"report.expected":     {"预期性", "expected"},
		"report.binding":      {"约束性", "binding"},
		"report.path":         {"路径", "path"},
		"report.control":      {"控制", "control"},
		"report.year-label":   {"%d年", "%d"},
		"report.layout-wide":  {"宽表（每年一列）", "wide"},
		"report.layout-long":  {"长表（每行一年）", "long"},
		"report.entity-total": {"合计", "Total"},
		"report.entity-line":  {"填报单位：%s", "Entity: %s"},
	})
}
