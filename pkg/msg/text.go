package msg

// Text files (CSV, TSV, .txt) read as a sheet.
func init() {
	add(map[Key][2]string{
		"text.bad-encoding":  {"未知的编码“%s”（可用：utf-8、gbk、utf-16）", "unknown encoding %q (known: utf-8, gbk, utf-16)"},
		"text.too-large":     {"文本文件超过 %d 字节", "a text file over %d bytes"},
		"text.bad-line":      {"第 %d 行：%s", "line %d: %s"},
		"text.cell-too-long": {"第 %d 行有一个字段超过 %d 字节", "line %d has a field over %d bytes"},
		"text.no-formula":    {"文本文件没有公式", "a text file holds no formula"},
		"note.read-as-text":  {"%s 是文本（CSV）文件，按文本读取", "%s is a text (CSV) file, read as text"},
		"flag.encoding":      {"文本（CSV）文件的编码：utf-8、gbk 或 utf-16（默认：自动识别）", "the encoding of a text (CSV) file: utf-8, gbk or utf-16 (default: detected)"},
	})
}
