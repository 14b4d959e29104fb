package msg

// Punctuation that differs between the languages, for texts put together
// from parts: a Chinese list is 、-separated, a label ends in a full-width
// colon.
func init() {
	add(map[Key][2]string{
		"punct.colon":       {"：", ": "},
		"punct.semicolon":   {"；", "; "},
		"punct.enumeration": {"、", ", "},
		"punct.comma":       {"，", "; "},
		"punct.open-paren":  {"（", " ("},
		"punct.close-paren": {"）", ")"},
		"report.cell-text":  {"内容", "Text"},
	})
}
