package msg

// Web pages' tables (the "xls" web reporting systems export) read as sheets.
func init() {
	add(map[Key][2]string{
		"html.too-large":     {"网页文件超过 %d 字节", "a web page over %d bytes"},
		"html.cell-too-long": {"%s 第 %d 行有一个单元格超过 %d 字节", "%s row %d has a cell over %d bytes"},
		"html.no-formula":    {"网页表格没有公式", "a web page's table holds no formula"},
		"html.no-sheet":      {"网页中没有表格“%s”", "the web page has no table %q"},
		"note.read-as-html":  {"%s 是网页（HTML）表格，按网页表格读取", "%s is a web page (HTML table), read as one"},
	})
}
