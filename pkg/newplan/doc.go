// Package newplan turns a plan's 专栏 table — pasted from the plan's PDF or
// Word file, or kept in a workbook — into a plan file: it finds the table's
// header by the words a workbook's header is recognised by (指标, 2020年基数,
// 2025年目标, 指标属性), reads group rows, numbered indicator rows (a name
// that wraps onto the next line joined, also over a page break where the
// header is printed again) and the 注： lines, and writes YAML in the shipped
// plans' style with every printed field kept as printed.
//
// Nothing is guessed silently: what the reading decided is returned as
// remarks, and where a target does not imply which way is better, the file
// gets better: "?", which validate rejects at its line.
package newplan
