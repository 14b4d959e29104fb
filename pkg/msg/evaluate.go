package msg

// The reasons (依据) and projection methods of pkg/evaluate. They read as an
// analyst's note: the numbers that produced a status, the arithmetic in the
// order a reader would check it. Progress and time progress are shown as
// percentages in Chinese; the ratio r keeps three decimals, so that it never
// reads as 0.95 < 0.95.
func init() {
	add(map[Key][2]string{
		"reason.no-value":          {"缺少 %d 年数据", "no value for %d"},
		"reason.no-total":          {"缺少 %[2]s 年数据，无法累计至 %[1]d 年", "no total for %d: no value for %s"},
		"reason.ratio-parts":       {"比例有 %d 项，目标有 %d 项", "a ratio of %d parts for a target of %d"},
		"reason.control-met":       {"%s %s %s，达标", "%s %s %s holds"},
		"reason.control-not-met":   {"%s 未达到 %s %s", "%s is not %s %s"},
		"reason.ratio":             {"%s 对照 %s：%s，%s", "%s against %s: %s %s"},
		"reason.ratio-hold":        {"均达标", "hold"},
		"reason.ratio-not-hold":    {"未全部达标", "do not all hold"},
		"reason.ratio-check":       {"%s %s %s", "%s %s %s"},
		"reason.ratio-check-fails": {"%s %s %s ✗", "%s %s %s ✗"},
		"reason.ratio-separator":   {"、", ", "},
		"reason.way-cumulative":    {"[%s] ÷ [%s] = %s", "[%s] / [%s] = %s of the target"},
		"reason.way-level":         {"（%s − %s）÷（%s − %s）= %s", "(%s − %s) / (%s − %s) = %s of the way"},
		"reason.path":              {"%s，时序进度 %s，进度比 %s", "%s; time %s; r = %s"},
		"reason.path-reached":      {"；%s %s %s：已达到目标", "; %s %s %s: target reached"},
		"reason.path-final-missed": {"；末年 %s 未达到 %s %s", "; %s is not %s %s in the final year"},
		"reason.path-ahead":        {" ≥ %.2f：快于预期", " ≥ %.2f"},
		"reason.path-on-track":     {" ≥ %.2f：符合预期", " ≥ %.2f"},
		"reason.path-lagging":      {" < %.2f：滞后", " < %.2f"},
		"reason.reached":           {"%s %s %s：已达到目标", "%s %s %s: target reached"},
		"reason.final-missed":      {"末年 %s 未达到 %s %s", "%s is not %s %s in the final year"},
		"reason.no-baseline":       {"%s 尚未达到 %s %s；无基数，无法计算进度", "%s is not %s %s yet; no baseline to measure progress from"},
		"projection.cumulative":    {"累计至今 + 年均 %s × 剩余 %d 年", "total so far + mean annual amount %s × %d years left"},
		"projection.least-squares": {"%d 个点的最小二乘直线", "least-squares line through %d points"},
		"audit.unknown-label":      {"%s：“%s”不是 plancheck 认识的完成情况（完成、提前完成、快于预期、符合预期、滞后、未完成……）", "%s: %q is not a status plancheck knows (完成, 提前完成, 快于预期, 符合预期, 滞后, 未完成 …)"},
	})
}
