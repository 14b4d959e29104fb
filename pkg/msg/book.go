package msg

// The words of the workbooks that are not a column's heading: page footers,
// the meanings of the statuses in 说明, the template's year ranges.
func init() {
	add(map[Key][2]string{
		// A footer's field codes: &C centre, &R right, &P page, &N pages, &D
		// the print date (Excel's own field, so the file stays the same).
		"book.footer-page":               {"&C第 &P 页，共 &N 页&R打印日期 &D", "&CPage &P of &N&RPrinted &D"},
		"summary.meaning-achieved":       {"规划期末年达到目标", "the target is met in the final year"},
		"summary.meaning-achieved-early": {"规划期末年之前已达到目标", "the target is met before the final year"},
		"summary.meaning-ahead":          {"进度比 r 不低于快于预期阈值", "the ratio r reaches the ahead threshold"},
		"summary.meaning-on-track":       {"进度比 r 不低于符合预期阈值，或控制性目标当年达到", "r reaches the on-track threshold, or a control target holds this year"},
		"summary.meaning-lagging":        {"规划期末年之前未达到时序进度或控制性目标", "before the final year: behind time, or a control target fails"},
		"summary.meaning-not-achieved":   {"规划期末年未达到目标（约束性控制目标任一年未达到）", "the target is missed in the final year (a binding control target in any year)"},
		"summary.meaning-no-data":        {"填报了指标但无可用数值", "reported with no usable value"},
		"template.years":                 {"%s年", "%s"},
		"template.with-unit":             {"%s（%s）", "%s (%s)"},
		"template.status-optional-item":  {"“%s”可以不填；填写时用 %s 之一，plancheck 会与它算出的结果核对，列出不一致之处。", "%s is optional; where given, use one of %s: plancheck compares it with what it computes and lists every disagreement."},
	})
}
