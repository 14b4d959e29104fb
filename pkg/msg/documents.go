package msg

// Documents that are not spreadsheets, told at once with what to do.
func init() {
	add(map[Key][2]string{
		"doc.not-spreadsheet": {"%s：这是%s，不是工作簿", "%s: %s, not a workbook"},
		"doc.pdf":             {" PDF 文件", "a PDF file"},
		"doc.word":            {" Word 文档", "a Word document"},
		"doc.powerpoint":      {" PowerPoint 演示文稿", "a PowerPoint presentation"},
		"doc.numbers":         {" Apple Numbers 文稿", "an Apple Numbers document"},
		"hint.copy-table":     {"把其中的表格复制到 Excel 或 WPS 工作簿，保存为 .xlsx 后再评估", "copy its table into an Excel or WPS workbook, save it as .xlsx and evaluate that"},
		"hint.numbers-export": {"在 Numbers 中选“文件 → 导出为 → Excel”，再评估导出的 .xlsx", "in Numbers choose File → Export To → Excel, and evaluate the .xlsx"},
	})
}
