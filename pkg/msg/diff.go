package msg

// plancheck diff: the table's words and the command's errors. The field
// labels follow the plan format's field names (diff.field.<name>).
func init() {
	add(map[Key][2]string{
		"diff.title":       {"%s → %s：%d 处变化", "%s → %s: %d changes"},
		"diff.title-equal": {"%s → %s：没有变化", "%s → %s: no changes"},
		"diff.col.change":  {"变化", "Change"},
		"diff.col.field":   {"项目", "Field"},
		"diff.plan":        {"（规划）", "(plan)"},

		"diff.kind.added":   {"新增", "added"},
		"diff.kind.removed": {"删除", "removed"},
		"diff.kind.renamed": {"改名", "renamed"},
		"diff.kind.changed": {"修改", "changed"},

		"diff.field.title":                       {"标题", "title"},
		"diff.field.period":                      {"规划期", "period"},
		"diff.field.baseline_year":               {"基期年份", "baseline year"},
		"diff.field.issuer":                      {"发布单位", "issuer"},
		"diff.field.issued":                      {"发布时间", "issued"},
		"diff.field.source":                      {"出处", "source"},
		"diff.field.note":                        {"说明", "note"},
		"diff.field.thresholds.ahead":            {"阈值 ahead（快于预期）", "threshold ahead"},
		"diff.field.thresholds.on_track":         {"阈值 on_track（符合预期）", "threshold on_track"},
		"diff.field.thresholds.binding_on_track": {"阈值 binding_on_track（约束性指标符合预期）", "threshold binding_on_track"},
		"diff.field.name":                        {"名称", "name"},
		"diff.field.group":                       {"分组", "group"},
		"diff.field.unit":                        {"单位", "unit"},
		"diff.field.target":                      {"目标", "target"},
		"diff.field.baseline":                    {"基数", "baseline"},
		"diff.field.attribute":                   {"属性", "attribute"},
		"diff.field.better":                      {"方向（better）", "better"},
		"diff.field.judge":                       {"评判方式（judge）", "judge"},
		"diff.field.printed":                     {"印发的目标（printed）", "printed"},
		"diff.field.precision":                   {"小数位数", "precision"},
		"diff.field.aliases":                     {"别名", "aliases"},

		"error.diff-two":           {"diff 需要两个规划，收到 %d 个参数", "diff takes two plans, got %d arguments"},
		"hint.diff-two":            {"例如 plancheck diff jlp-hrss-14th@1 jlp-hrss-14th@2，或两个规划文件", "for example plancheck diff jlp-hrss-14th@1 jlp-hrss-14th@2, or two plan files"},
		"hint.formats-diff":        {"请用 --format table、markdown 或 json", "use --format table, markdown or json"},
		"completion.diff.table":    {"变化表（默认）", "the table of changes (the default)"},
		"completion.diff.markdown": {"同上，Markdown 格式", "the same in Markdown"},
		"completion.diff.json":     {"同上，JSON 格式", "the same as JSON"},
		"flag.diff.format":         {"输出格式：table、markdown 或 json", "output format: table, markdown or json"},
	})
}
