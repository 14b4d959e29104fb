package msg

// The command line's own lines.
func init() {
	add(map[Key][2]string{
		// A line of --fail-on: where, the indicator as printed, its id and
		// attribute, what it is.
		"fail.outcome":      {"%s：%s（%s，%s）%s", "%s: %s (%s, %s) is %s"},
		"hint.lenient":      {"改正这些单元格，或加 --lenient 把它们读作无数据", "fix the cells, or run with --lenient to read them as no value"},
		"fail.not-reported": {"%s：%s（%s，%s）未报送", "%s: %s (%s, %s) is not reported"},
	})
}
