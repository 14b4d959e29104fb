package msg

func init() {
	add(map[Key][2]string{
		"limit.syntax":  {"--limit %s：要写成 名称=值，如 --limit MaxFileSize=512MiB", "--limit %s: write NAME=VALUE, like --limit MaxFileSize=512MiB"},
		"limit.unknown": {"没有名为“%s”的限制（有：%s）", "no limit named %q (there are: %s)"},
		"limit.value":   {"“%s”不是 %s 可用的值：要写大于 0 的整数，大小可带 KiB、MiB 或 GiB", "%q is no value for %s: write a whole number above 0, a size with KiB, MiB or GiB if you like"},
		"limit.above":   {"%s 最多为 %d", "%s is at most %d"},
		"flag.limit":    {"为这一次运行改变一项读取限制，如 MaxFileSize=1GiB（可重复；名称和默认值见 README 的 Limits 一节）", "change a reading limit for this run, like MaxFileSize=1GiB (repeatable; names and defaults in the README's Limits section)"},
	})
}
