package msg

// Excel 97–2003 workbooks (.xls, BIFF8) and the OLE2 compound files that
// hold them (pkg/actuals/cfb), read as a workbook; the OLE2 files that are
// not one, told with what to do.
func init() {
	add(map[Key][2]string{
		// The compound file.
		"cfb.short":            {"文件太短，不是完整的 OLE 复合文件", "too short for an OLE compound file"},
		"cfb.read":             {"读取 OLE 复合文件出错（%v）", "reading the compound file: %v"},
		"cfb.signature":        {"不是 OLE 复合文件", "not an OLE compound file"},
		"cfb.bad-header":       {"OLE 复合文件头有误（%s）", "bad compound file header (%s)"},
		"cfb.bad-version":      {"OLE 复合文件版本 %d、扇区位移 %d 无效", "compound file version %d with sector shift %d"},
		"cfb.difat-short":      {"OLE 复合文件的 DIFAT 只列出 %d 个 FAT 扇区，应有 %d 个", "the DIFAT lists %d of %d FAT sectors"},
		"cfb.sector-range":     {"%s 的扇区 %d 超出文件", "%s: sector %d outside the file"},
		"cfb.cycle":            {"%s 的扇区链在扇区 %d 处成环", "%s: sector chain loops at sector %d"},
		"cfb.chain-short":      {"%s 的扇区链比其大小短", "%s: sector chain shorter than its size"},
		"cfb.dir-over":         {"OLE 复合文件的目录超过 %d 项", "compound file directory over %d entries"},
		"cfb.no-root":          {"OLE 复合文件没有根目录项", "the compound file has no root entry"},
		"cfb.stream-too-large": {"流“%s”声明的大小 %d 字节超过文件", "stream %q: declared size %d beyond the file"},
		"cfb.no-mini-stream":   {"流“%s”在迷你流中，但文件没有迷你流", "stream %q: in the mini stream, which the file lacks"},

		// The workbook.
		"xls.too-large":          {".xls 文件超过 %d 字节", "an .xls file over %d bytes"},
		"xls.stream-over":        {"Workbook 流超过 %d 字节", "the Workbook stream over %d bytes"},
		"xls.bad-cfb":            {"OLE 复合文件已损坏：%v", "damaged compound file: %v"},
		"xls.no-workbook-stream": {"OLE 复合文件中没有 Workbook 流（只有：%s）", "no Workbook stream in the compound file (streams: %s)"},
		"xls.no-sheets":          {".xls 文件没有工作表", "the .xls file has no worksheet"},
		"xls.no-bof":             {"Workbook 流不以 BOF 记录开头", "the Workbook stream does not begin with a BOF record"},
		"xls.globals-eof":        {"Workbook 流在工作簿全局记录结束前就结束了", "the Workbook stream ends inside the workbook globals"},
		"xls.truncated":          {"Workbook 流在偏移 %d 处中断", "the Workbook stream breaks off at offset %d"},
		"xls.record-too-long":    {"偏移 %[2]d 处的记录（类型 0x%04[1]X）长 %[3]d 字节，超过 BIFF8 允许的 %[4]d 字节", "record 0x%04[1]X at offset %[2]d: %[3]d bytes, over BIFF8's %[4]d"},
		"xls.bad-record":         {"偏移 %[2]d 处的 %[1]s 记录有误", "bad %[1]s record at offset %[2]d"},
		"xls.in-record":          {"偏移 %[2]d 处的 %[1]s 记录：%[3]s", "%[1]s record at offset %[2]d: %[3]s"},
		"xls.in-sst":             {"第 %d 个共享字符串：%s", "shared string %d: %s"},
		"xls.string-short":       {"字符串在记录结束处中断", "a string breaks off at the end of its record"},
		"xls.string-split":       {"UTF-16 字符被记录边界截断", "a UTF-16 character split by a record boundary"},
		"xls.in-sheet":           {"工作表“%s”：%s", "sheet %q: %s"},
		"xls.sheet-offset":       {"工作表的起点 %d 超出 Workbook 流", "sheet starts at %d, beyond the Workbook stream"},
		"xls.sheet-no-bof":       {"偏移 %d 处不是工作表的 BOF 记录", "no sheet BOF record at offset %d"},
		"xls.sheet-eof":          {"工作表在 EOF 记录之前就结束了", "the sheet ends without an EOF record"},
		"xls.bad-merge":          {"合并区域 %s:%s 无效", "invalid merged range %s:%s"},
		"xls.bad-formula-result": {"公式结果类型 %d 无效", "invalid formula result type %d"},
		"xls.no-string":          {"字符串结果的公式后没有 STRING 记录", "no STRING record after a formula with a string result"},
		"xls.bad-error-code":     {"错误值代码 0x%02X 无效", "invalid error code 0x%02X"},
		"xls.bad-number":         {"数字不是有限值", "a number that is not finite"},
		"xls.no-calc":            {".xls 文件中的公式不会重新计算", "a formula in an .xls file is not calculated"},
		"note.read-as-xls":       {"%s 是 Excel 97–2003 工作簿（.xls），按 .xls 读取", "%s is an Excel 97–2003 (.xls) workbook, read as such"},
		"report.reader-xls":      {"按 .xls（Excel 97–2003）工作簿读取", "read as an .xls (Excel 97–2003) workbook"},

		// OLE2 files refused, with what to do.
		"xls.password":         {"%s：工作簿设了打开密码，无法读取", "%s: the workbook is password-protected"},
		"hint.remove-password": {"在 Excel 中去掉密码：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码后保存", "remove the password: File → Info → Protect Workbook → Encrypt with Password, clear it and save"},
		"xls.biff5":            {"%s：这是 Excel 5.0/95 保存的工作簿，无法读取", "%s: saved by Excel 5.0/95, which is not read"},
		"hint.save-as-xlsx":    {"在 Excel 或 WPS 中打开，另存为 .xlsx 后再评估", "open it in Excel or WPS, save it as .xlsx and evaluate that"},
		"xls.wps":              {"%s：无法按 .xls 读取的 WPS 表格文件：%s", "%s: a WPS spreadsheet that cannot be read as .xls: %s"},
		"hint.wps-save-xlsx":   {"在 WPS 中另存为 .xlsx 后再评估", "save it as .xlsx in WPS and evaluate that"},
	})
}
