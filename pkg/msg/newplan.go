package msg

// The messages of new-plan: reading a pasted 专栏 table and writing a plan
// file from it.
func init() {
	add(map[Key][2]string{
		// Reading the table.
		"newplan.no-header":           {"没有找到指标表的表头：需要一行有“指标”（或 项目、名称）列和目标列（如 2025年目标），词可以被空格或换行隔开", "found no indicator table header: a row with a name column (指标, 项目 or 名称) and a target column (such as 2025年目标) is needed; its words may be split by spaces or line breaks"},
		"newplan.no-table-captioned":  {"没有找到表题含“%s”的指标表", "found no indicator table whose caption contains %q"},
		"newplan.too-many-lines":      {"有 %d 行，超过 %d 行，不像是一张专栏表或一份规划文本", "%d lines, over %d: not a 专栏 table nor a plan's text"},
		"newplan.no-rows":             {"表头（第 %d 行）下没有指标行", "no indicator rows under the header (line %d)"},
		"newplan.bare-years":          {"表头只写了年份：把 %d 年列读作基数，%d 年列读作目标", "the header gives years only: the %d column is read as the baseline, the %d column as the target"},
		"newplan.extra-cells":         {"表头以外多出的格子没有读取：%s", "cells beyond the header's columns are not read: %s"},
		"newplan.read-from-right":     {"这一行只有 %d 格，表头有 %d 列：名称之外的格子按靠右对齐读取，请核对", "this line has %d cells for the header's %d columns: the cells after the name are read from the right; check them"},
		"newplan.values-without-name": {"这一行有数值但没有指标名称，没有读取", "this line has values but no indicator name; it is not read"},
		"newplan.joined":              {"指标名称跨行：接在第 %d 行的名称后面", "the indicator name goes on from line %d: joined"},
		"newplan.no-group":            {"表中没有分组行（如“一、就业”）：这些指标归入一组，组名“%s”", "the table has no group rows (such as 一、就业): its indicators go in one group named %q"},
		"newplan.default-group":       {"主要指标", "main indicators"},
		// The period.
		"newplan.period-header":     {"规划期取自表头：%d年基数、%d年目标", "the period comes from the header: baseline %d, target %d"},
		"newplan.period-fyp":        {"规划期取自第 %d 个五年规划的名称（如“十四五”）", "the period comes from the number of the five-year plan (%d, as in “十四五”)"},
		"newplan.period-caption":    {"规划期取自表题中的年份", "the period comes from the years in the caption"},
		"newplan.period-five-years": {"规划期按五年计到目标年 %d 年", "the period is taken as the five years to the target year %d"},
		"newplan.no-period":         {"表头没有写年份，无法确定规划期", "the header names no year, so the period is not known"},
		"newplan.bad-id":            {"--id “%s”不能作编号：只能用小写字母、数字和连字符，以字母或数字开头", "--id %q is not a valid id: lower-case letters, digits and hyphens, starting with a letter or digit"},
		"newplan.no-title":          {"表头上方没有表题（如“专栏2 “十四五”时期主要指标”），规划需要标题", "there is no caption above the header (such as 专栏2 “十四五”时期主要指标), and a plan needs a title"},
		// The placeholder and the run's notes.
		"plan.better-placeholder": {"%s：better 还没有填写（\"?\" 是 new-plan 留下的占位）：越高越好填 up，越低越好填 down", "%s: better is not filled in yet (\"?\" is the placeholder new-plan left): up where higher is better, down where lower is better"},
		"newplan.better-comment":  {"up 或 down：越高越好填 up，越低越好填 down", "up or down: up where higher is better, down where lower is better"},
		"newplan.placeholder":     {"%s:%d:%d: 指标“%s”的目标“%s”没有表明哪个方向更好：把 \"?\" 改成 up 或 down", "%s:%d:%d: %q: the target %q does not say which way is better: replace \"?\" with up or down"},
		"newplan.fill-then-check": {"填好这 %d 处后检查：plancheck validate %s", "fill in these %d, then check: plancheck validate %s"},
		"newplan.check":           {"检查：plancheck validate %s", "check: plancheck validate %s"},
		"newplan.wrote":           {"已写出 %s：%d 组、%d 项指标，规划期 %d—%d 年（%s）", "wrote %s: %d groups, %d indicators, period %d—%d (%s)"},
		"newplan.problem":         {"生成的规划还有问题（除待填的 better 外）：%s", "the plan made has a problem besides the better to fill in: %s"},
		"newplan.input-too-large": {"%s 超过 %d 字节，不像是一张专栏表", "%s is over %d bytes: not a 专栏 table"},
		"newplan.read":            {"无法读取 %s：%v", "cannot read %s: %v"},
		"newplan.read-missing":    {"找不到文件 %s", "%s does not exist"},
		"newplan.stdin":           {"标准输入", "standard input"},
		"newplan.stdout":          {"标准输出", "standard output"},
		// Errors of the command line.
		"error.newplan-needs-from": {"new-plan 需要 --from：粘贴了专栏表的文本文件（- 为标准输入），或含该表的工作簿", "new-plan needs --from: a text file with the 专栏 table pasted in (- for standard input), or a workbook holding it"},
		"error.newplan-needs-id":   {"new-plan 需要 --id：新规划的编号，如 jlp-hrss-15th", "new-plan needs --id: the new plan's id, such as jlp-hrss-15th"},
		"error.newplan-yaml":       {"-o %s：规划文件应以 .yaml 或 .yml 结尾", "-o %s: a plan file's name ends in .yaml or .yml"},
		"hint.newplan-yaml":        {"--plan 和 validate 按 .yaml 结尾认出规划文件，如 -o plans/jlp-hrss-15th.v1.yaml", "--plan and validate know a plan file by its .yaml ending, such as -o plans/jlp-hrss-15th.v1.yaml"},
		"hint.newplan-example":     {"例如：plancheck new-plan --from 专栏2.txt --id jlp-hrss-15th -o plans/jlp-hrss-15th.v1.yaml", "for example: plancheck new-plan --from 专栏2.txt --id jlp-hrss-15th -o plans/jlp-hrss-15th.v1.yaml"},
		"hint.newplan-header":      {"粘贴专栏时连同表头行一起，如 指标 | 2020年基数 | 2025年目标 | 指标属性", "paste the 专栏 with its header row, such as 指标 | 2020年基数 | 2025年目标 | 指标属性"},
		"hint.newplan-period":      {"用 --period 给出规划期，如 --period 2021-2025", "give the period with --period, such as --period 2021-2025"},
		"hint.newplan-title":       {"用 --title 给出规划标题", "give the plan's title with --title"},
		"hint.newplan-exists":      {"换个文件名，或给出 --force 覆盖它", "choose another name, or give --force to write over it"},
		"hint.newplan-id":          {"例如 --id jlp-hrss-15th", "for example --id jlp-hrss-15th"},
		"hint.newplan-table":       {"去掉 --table，或检查表题的写法", "leave out --table, or check how the caption is written"},
		// Help.
		"help.newplan.short": {"把粘贴的专栏表做成规划文件", "Make a plan file from a pasted 专栏 table"},
		"help.newplan.long": {`把规划文本中的专栏指标表（从 PDF 或 Word 复制出来，或放在工作簿里）做成规划
文件（YAML）。

输入：--from 文本文件（- 为标准输入），格子用制表符或两个以上空格隔开；或
--from 工作簿（.xlsx、.ods、.csv），读第一个工作表（--sheet 另选）。
表头（指标 | 2020年 基数 | 2025年 目标 | 指标 属性）可以在任何位置，词可以被空格
或换行隔开，按读工作簿表头的同一套词识别。分组行（一、就业）、编号（1.、1、、
（1））和名称末尾括号中的单位会被分开；跨行（包括跨页、表头重印）的名称会被接
上；“注：”行作为规划的 note。没有 --period 时，规划期取自表头的年份（2020年
基数、2025年目标）或“十四五”的写法。

印出的内容照原样保留：分组、名称、单位、基数、目标、属性。指标编号按表中顺序为
ind-01、ind-02……（发布前可以改成有意义的编号）；表中有“编号”列时沿用其中合法
的编号。目标本身表明不了方向（如 43.6、70）时，文件里写 better: "?" 作占位：
validate 在那一行报错，new-plan 在标准错误上逐行列出，填 up 或 down 即可。

没有 -o 时规划写到标准输出。不覆盖已有文件，除非加 --force。`, `Make a plan file (YAML) from a plan's 专栏 table of indicators, copied from the
plan's PDF or Word file or kept in a workbook.

Input: --from a text file (- for standard input), cells separated by tabs or by
two or more spaces; or --from a workbook (.xlsx, .ods, .csv), its first sheet
(--sheet for another).
The header (指标 | 2020年 基数 | 2025年 目标 | 指标 属性) may be anywhere, its
words split by spaces or line breaks; it is recognised by the same words as a
workbook's header. Group rows (一、就业), numbering (1., 1、, （1）) and the
unit in brackets at the end of a name are split off; a name that wraps onto the
next line, also over a page break where the header is printed again, is joined;
注： lines become the plan's note. Without --period, the period comes from the
header's years (2020年基数, 2025年目标) or the plan's name (“十四五”).

Every printed field is kept as printed: group, name, unit, baseline, target,
attribute. Indicator ids are ind-01, ind-02 … in table order (rename them before
the plan ships, if you like); an 编号 column's valid ids are kept. Where a
target does not say which way is better (43.6, 70), the file gets better: "?" as
a placeholder: validate rejects it at its line, new-plan lists those lines on
stderr; write up or down there.

Without -o the plan goes to standard output. An existing file is not written
over without --force.`},
		"flag.newplan.from":   {"粘贴了专栏表的文本文件（- 为标准输入），或工作簿", "the text file with the 专栏 table pasted in (- for standard input), or a workbook"},
		"flag.newplan.id":     {"新规划的编号（必填），如 jlp-hrss-15th", "the new plan's id (required), such as jlp-hrss-15th"},
		"flag.newplan.title":  {"规划标题（默认：表题，如 专栏2 “十四五”时期主要指标）", "the plan's title (default: the table's caption, such as 专栏2 “十四五”时期主要指标)"},
		"flag.newplan.period": {"规划期，如 2021-2025（默认：取自表头）", "the period, such as 2021-2025 (default: from the header)"},
		"flag.newplan.output": {"写出的规划文件（默认：标准输出）", "the plan file to write (default: standard output)"},
		"flag.newplan.force":  {"覆盖已有的文件", "write over an existing file"},
		"flag.newplan.sheet":  {"工作簿中表所在的工作表（默认：第一个）", "the workbook's sheet that holds the table (default: the first)"},
		"flag.newplan.table":  {"文本中有多张表时，取表题含此文字的那张，如 专栏2", "where the text holds several tables, the one whose caption contains this, such as 专栏2"},
	})
}
