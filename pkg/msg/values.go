package msg

// The reader's messages about values as people type them (issue 10): a
// number with an approximate word taken off, a 万 or 亿 that multiplies no
// count or amount.
func init() {
	add(map[Key][2]string{
		"cell.approximate":     {"按 %s 读取，去掉了%s", "read as %s, dropping %s"},
		"cell.dropped-word":    {"“%s”", "%q"},
		"cell.multiplier-unit": {"“%s”只能用于人数、个数、数量和金额，不能用于%s", "%q multiplies counts, amounts and money only, not %s"},
	})
}
