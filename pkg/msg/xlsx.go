package msg

// The workbook reader's messages about a workbook that is broken inside or
// too big to read (pkg/actuals/xlsx). The reader nests them: the file, then
// the part, then the row or cell, then what is wrong, each an Error argument
// of the one before, so that the whole reads in one language. The English
// texts are those the reader always gave.
//
// A few inner texts take the English of another library (encoding/xml,
// archive/zip) as an argument that only the English text prints: Chinese
// words what it knows and leaves the rest out.
func init() {
	add(map[Key][2]string{
		// The file, as the analyst reads it: what to do comes first.
		"xlsx.damaged":     {"%[1]s：工作簿已损坏（请用 Excel 或 WPS 打开后重新保存）：%[2]s", "%[1]s: the workbook is damaged (open it in Excel or WPS and save it again): %[2]s"},
		"xlsx.too-big":     {"%[1]s：工作簿过大，无法读取：%[2]s", "%[1]s: the workbook is too big to read: %[2]s"},
		"xlsx.read-failed": {"%[1]s：无法读取：%[2]s", "%[1]s: %[2]s"},

		// Where in the workbook.
		"xlsx.in-part":   {"%[1]s：%[2]s", "%[1]s: %[2]s"},
		"xlsx.cell":      {"单元格 %[1]s：%[2]s", "cell %[1]s: %[2]s"},
		"xlsx.row":       {"第 %[1]d 行：%[2]s", "row %[1]d: %[2]s"},
		"xlsx.merge-ref": {"合并区域 “%[1]s”：%[2]s", "merged range %[1]q: %[2]s"},

		// Limits: the inner text says which; ErrLimit's own words are
		// English only, the file's message says it is too big.
		"xlsx.limit":              {"%[1]s", "%[1]s: %[2]s"},
		"xlsx.file-over":          {"文件超过 %d 字节", "file over %d bytes"},
		"xlsx.part-over":          {"解压后超过 %d 字节", "part over %d bytes uncompressed"},
		"xlsx.workbook-over":      {"工作簿解压后超过 %d 字节", "workbook over %d bytes uncompressed"},
		"xlsx.xml-too-deep":       {"XML 嵌套超过 %d 层", "XML nested deeper than %d elements"},
		"xlsx.xml-token-over":     {"单个 XML 元素或文本超过 %d 字节", "one XML element or text over %d bytes"},
		"xlsx.rels-over":          {"关系超过 %d 个", "over %d relationships"},
		"xlsx.sheets-over":        {"工作表超过 %d 个", "over %d sheets"},
		"xlsx.sst-entries-over":   {"共享字符串超过 %d 个", "shared string table over %d entries"},
		"xlsx.sst-bytes-over":     {"共享字符串合计超过 %d 字节", "shared strings over %d bytes"},
		"xlsx.sst-entry-over":     {"序号 %d 的共享字符串超过 %d 字节", "shared string %d over %d bytes"},
		"xlsx.numfmts-over":       {"数字格式超过 %d 个", "over %d number formats"},
		"xlsx.xfs-over":           {"单元格样式超过 %d 个", "over %d cell formats"},
		"xlsx.merges-over":        {"合并区域超过 %d 个", "over %d merged ranges"},
		"xlsx.merged-cells-over":  {"合并区域覆盖超过 %d 个单元格", "merged ranges cover over %d cells"},
		"xlsx.row-beyond":         {"行号超过 %d", "row beyond %d"},
		"xlsx.col-beyond":         {"列号超过 %d", "column beyond %d"},
		"xlsx.value-over":         {"值超过 %d 字节", "value over %d bytes"},
		"xlsx.text-over":          {"文本超过 %d 字节", "text over %d bytes"},
		"xlsx.row-cells-over":     {"第 %d 行超过 %d 个单元格", "row %d over %d cells"},
		"xlsx.closed":             {"工作簿已关闭", "workbook is closed"},
		"xlsx.no-sheet":           {"没有名为“%s”的工作表（工作表：%s）", "no sheet named %q (sheets: %s)"},
		"xlsx.no-sheet-part":      {"工作表“%s”在工作簿中没有对应的内容", "sheet %q: the workbook has no worksheet part for it"},
		"xlsx.part-missing":       {"工作簿中缺少 %s", "%s: part missing from the workbook"},
		"xlsx.bad-numfmt-id":      {"数字格式编号 “%s” 无效", "numFmt with numFmtId %q"},
		"xlsx.bad-xf-numfmt-id":   {"序号 %d 的单元格样式：数字格式编号 “%s” 无效", "cell format %d: numFmtId %q"},
		"xlsx.bad-merge-elem":     {"合并区域元素 “%s” 无效", "invalid mergeCell element %q"},
		"xlsx.merge-elem-long":    {"合并区域元素过长", "mergeCell element too long"},
		"xlsx.merges-overlap":     {"合并区域 %s 与 %s 重叠", "merged ranges %s and %s overlap"},
		"xlsx.bad-ref":            {"单元格引用 “%s” 无效", "invalid cell reference %q"},
		"xlsx.row-eof":            {"XML 不完整：行没有结束", "XML ends inside the row"},
		"xlsx.row-in-row":         {"行中嵌套了行", "a row inside a row"},
		"xlsx.bad-row-number":     {"第 %[1]d 行之后的行：行号 “%[2]s” 无效", "row after row %[1]d: invalid row number %[2]q"},
		"xlsx.rows-out-of-order":  {"第 %[1]d 行出现在第 %[2]d 行之后：行的顺序错乱", "row %[1]d after row %[2]d: rows out of order"},
		"xlsx.cell-in-cell":       {"单元格中嵌套了单元格", "a cell inside a cell"},
		"xlsx.cell-wrong-row":     {"单元格 %[1]s 出现在第 %[2]d 行，行号不符", "cell %[1]s in row %[2]d"},
		"xlsx.bad-style":          {"样式序号 “%s” 无效", "invalid style index %q"},
		"xlsx.bad-sst-index":      {"共享字符串序号 “%s” 无效", "invalid shared string index %q"},
		"xlsx.sst-range":          {"共享字符串序号 %d 超出范围（共 %d 个）", "shared string index %d out of range (the table has %d)"},
		"xlsx.bad-bool":           {"逻辑值 “%s” 无效", "invalid boolean %q"},
		"xlsx.bad-cell-type":      {"未知的单元格类型 “%s”", "unknown cell type %q"},
		"xlsx.row-ends-in-cell":   {"单元格没有结束，行就结束了", "the row ends inside the cell"},
		"xlsx.cells-same-place":   {"两个单元格位置相同", "two cells in the same place"},
		"xlsx.bad-number":         {"数字 “%s” 无效", "invalid number %q"},
		"xlsx.xml-eof":            {"XML 不完整：元素没有结束", "XML ends inside an element"},
		"xlsx.xml-syntax":         {"第 %[1]d 行 XML 语法错误：%[2]s", "XML syntax error on line %[1]d: %[3]s"},
		"xlsx.xml-syntax-other":   {"第 %[1]d 行 XML 语法错误", "XML syntax error on line %[1]d: %[2]s"},
		"xlsx.xml.stray-end":      {"多余的结束标记", "unexpected end element"},
		"xlsx.xml.unexpected-eof": {"内容意外结束", "unexpected EOF"},
		"xlsx.xml.utf8":           {"不是有效的 UTF-8 编码", "invalid UTF-8"},
		"xlsx.xml.end-elem":       {"多余的结束标记 %s", "unexpected end element %s"},
		"xlsx.xml.entity":         {"无效的字符实体 %s", "invalid character entity %s"},
		"xlsx.xml.char":           {"非法字符 %s", "illegal character code %s"},
		"xlsx.xml.name":           {"无效的 XML 名称 %s", "invalid XML name: %s"},
		"xlsx.xml.elem-name":      {"“<” 之后缺少元素名", "expected element name after <"},
		"xlsx.xml.lt-in-quote":    {"引号内有未转义的 “<”", "unescaped < inside quoted string"},
		"xlsx.xml.attr-value":     {"元素的属性值缺少引号或为空", "unquoted or missing attribute value in element"},
		"xlsx.xml.attr-eq":        {"元素的属性名之后缺少 “=”", "attribute name without = in element"},
		"xlsx.xml.attr-name":      {"元素中缺少属性名", "expected attribute name in element"},
		// Errors of archive/zip and compress/flate: Chinese says what it
		// knows, English is the library's own text.
		"xlsx.zip":           {"%[1]s", "%[2]s"},
		"xlsx.zip-checksum":  {"压缩数据校验和不符", "zip: checksum error"},
		"xlsx.zip-algorithm": {"不支持的压缩方法", "zip: unsupported compression algorithm"},
		"xlsx.zip-format":    {"不是有效的 zip 格式", "zip: not a valid zip file"},
		"xlsx.zip-corrupt":   {"压缩数据已损坏（第 %d 字节之前）", "flate: corrupt input before offset %d"},
		"xlsx.zip-truncated": {"压缩数据不完整", "unexpected EOF"},
		"xlsx.zip-other":     {"压缩数据无法解压", "cannot decompress"},
	})
}
