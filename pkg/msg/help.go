package msg

// Help: every command's short and long help and its flags' usage, as -h prints
// them. The examples are commands, the same in both languages.
func init() {
	add(map[Key][2]string{
		"flag.no-descriptions":        {"补全时不带说明", "disable completion descriptions"},
		"help.completion.long":        {"为 plancheck 生成指定 shell 的自动补全脚本。\n各子命令的帮助说明如何使用生成的脚本。", "Generate the autocompletion script for plancheck for the specified shell.\nSee each sub-command's help for details on how to use the generated script."},
		"help.completion.shell.short": {"生成 %s 的自动补全脚本", "Generate the autocompletion script for %s"},
		"help.completion.shell.long":  {"生成 %[1]s 的自动补全脚本。\n\n在当前会话中加载：按 %[1]s 的方式执行 plancheck completion %[1]s 的输出；\n要在每个新会话中加载，把输出存入 %[1]s 的补全目录或配置文件。\n各 shell 的具体命令见 plancheck completion %[1]s -h --lang en。", "Generate the autocompletion script for %[1]s.\n\nTo load it in the current session, run what plancheck completion %[1]s prints as\n%[1]s runs a script; to load it in every new session, save it in %[1]s's completion\nfolder or profile. The exact commands for each shell are in cobra's own help:\nplancheck completion %[1]s -h --lang en."},
		"help.help.short":             {"任意命令的帮助", "Help about any command"},
		"help.completion.short":       {"为指定的 shell 生成自动补全脚本", "Generate the autocompletion script for the specified shell"},
		"help.usage-template": {`用法：{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

别名：
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

命令：{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if not .AllChildCommandsHaveGroup}}

其他命令：{{range $cmds}}{{if (and (eq .GroupID "") (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

参数：
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

全局参数：
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasHelpSubCommands}}

其他帮助主题：{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

用 "{{.CommandPath}} [命令] --help" 查看某个命令的详细说明。{{end}}
`, `Usage:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

Aliases:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

Available Commands:{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if not .AllChildCommandsHaveGroup}}

Additional Commands:{{range $cmds}}{{if (and (eq .GroupID "") (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Global Flags:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasHelpSubCommands}}

Additional help topics:{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

Use "{{.CommandPath}} [command] --help" for more information about a command.{{end}}
`},
		"flag.eval.bom":        {"CSV 以 UTF-8 字节顺序标记开头，使 Excel 按 UTF-8 读取（默认：用 -o 时有，stdout 上没有）", "start CSV with a UTF-8 byte order mark, so Excel reads it as UTF-8 (default: with -o, not on stdout)"},
		"flag.eval.fail-on":    {"什么情况使退出状态为 1：binding、any 或 none", "what makes the exit status 1: binding, any or none"},
		"flag.eval.format":     {"输出格式：table、markdown、csv、json、xlsx（年终汇总工作簿；需要 -o）或 html（可打印的评估报告）", "output format: table, markdown, csv, json, xlsx (the year-end summary workbook; needs -o) or html (a printable report)"},
		"flag.eval.lenient":    {"把错误单元格读作无数据，并各给一条警告", "read bad cells as no value, with a warning each"},
		"flag.eval.output":     {"输出到此文件而不是 stdout（格式取决于扩展名：.xlsx、.html、.json、.csv、.md、.txt）", "write the output to this file instead of stdout (format from its extension: .xlsx, .html, .json, .csv, .md, .txt)"},
		"flag.eval.plan":       {"规划：id、ID@VERSION 或规划文件（默认：最相符的规划）", "plan: an id, ID@VERSION or a plan file (default: the best match)"},
		"flag.eval.quiet":      {"stderr 上不输出说明和警告", "print no notes or warnings on stderr"},
		"flag.eval.sheet":      {"要读的工作表（默认：第一张有表格的）", "the sheet to read (default: the first with a table)"},
		"flag.eval.strict":     {"不相符的行视为错误；未报送的约束性指标视为失败", "unmatched rows are errors; a binding indicator not reported fails"},
		"flag.eval.wide":       {"即使终端较窄，表格每行也只占一行（输出到管道时总是如此）", "one line per table row even on a narrow terminal (piped output always is)"},
		"flag.eval.year":       {"评估年份，或年份范围如 2021-2023（逐年评估）（默认：取自文件名，否则为有数据的最近一年）", "evaluation year, or a range such as 2021-2023 (each year evaluated) (default: from the file name, else the latest year with data)"},
		"flag.help":            {"%s 的帮助", "help for %s"},
		"flag.inspect.format":  {"输出格式：table、markdown 或 json", "output format: table, markdown or json"},
		"flag.inspect.lenient": {"把错误单元格读作无数据，并各给一条警告", "read bad cells as no value, with a warning each"},
		"flag.inspect.plan":    {"规划：id、ID@VERSION 或规划文件（默认：最相符的规划）", "plan: an id, ID@VERSION or a plan file (default: the best match)"},
		"flag.inspect.sheet":   {"要读的工作表（默认：第一张有表格的）", "the sheet to read (default: the first with a table)"},
		"flag.inspect.strict":  {"不相符的行视为错误", "rows that match no indicator are errors"},
		"flag.inspect.wide":    {"即使终端较窄，表格每行也只占一行（输出到管道时总是如此）", "one line per table row even on a narrow terminal (piped output always is)"},
		"flag.lang":            {"输出语言：zh 或 en（默认：$PLANCHECK_LANG，否则 zh）", "language of what plancheck prints: zh or en (default: $PLANCHECK_LANG, else zh)"},
		"flag.plans.format":    {"输出格式：table、markdown 或 json", "output format: table, markdown or json"},
		"flag.show.format":     {"输出格式：table、markdown 或 yaml（规划文件）", "output format: table, markdown or yaml (the plan file)"},
		"flag.template.force":  {"覆盖已有文件", "write over an existing file"},
		"flag.template.output": {"要写的工作簿（.xlsx）；必填", "the workbook to write (.xlsx); required"},
		"flag.template.plan":   {"规划：id、ID@VERSION 或规划文件（默认：规划期最晚的规划）", "plan: an id, ID@VERSION or a plan file (default: the plan with the latest period)"},
		"flag.template.years":  {"要填的年份：2021-2025 这样的一段，或一个年份（默认：规划期）", "the years to fill: a range like 2021-2025, or one year (default: the plan's period)"},
		"flag.validate.format": {"输出格式：text 或 github", "output format: text or github"},
		"flag.version":         {"plancheck 的版本", "version for plancheck"},
		"help.diff.long": {`diff 比较两个规划（通常是同一规划的两个版本，如中期调整前后），列出变化：新增和删除的
指标、改名的指标（同一 id，名称不同），以及指标的目标、基数、属性、单位、方向（better）、
分组等的修改，还有规划本身的标题、规划期、阈值等的修改。指标按 id 对应。目标和基数按
表达式比较：“≥ 95”与“≥95”相同。

PLAN 是 id（取最新版本）、ID@VERSION，或规划文件；两者都可以是文件。

退出状态：0 两个规划相同；1 有变化（与 diff 命令相同）；2 规划无法取得。`, `Diff compares two plans — most often two versions of one plan, before and after a
mid-term adjustment (中期调整) — and lists what changed: indicators added and removed,
indicators renamed (the same id under another name), and each change to an
indicator's target, baseline, attribute, unit, better, group and other fields, and
to the plan's own title, period and thresholds. Indicators are matched by id.
Targets and baselines are compared as expressions: "≥ 95" and "≥95" are the same.

PLAN is an id (its newest version), ID@VERSION, or a plan file; either may be a file.

Exit status: 0 the plans are the same; 1 they differ (as diff(1) has it); 2 a plan
could not be had.`},
		"help.diff.short": {"比较两个规划（版本）：新增、删除、改名的指标，修改的目标、基数、属性、单位", "Compare two plans (versions): indicators added, removed, renamed; targets, baselines, attributes, units changed"},
		"help.eval.long": {`eval 根据实际值工作簿评判规划某一年的每项指标，并按专栏1的样式输出完成情况表：
指标、属性、目标、实际值、时序进度、完成进度、完成情况（提前完成、快于预期、符合预期、
滞后、完成、未完成、无数据）和预计。表下列出：工作簿未报送的指标（未报送）、与工作簿
自身“完成情况”栏不一致之处，以及各状态的数量。

年份：--year，否则取文件名中的年份（2023.xlsx、九龙坡2023年.xlsx），否则取有数据的
最近一年。规划：--plan，否则取与各行最相符的规划（在 stderr 说明）。多个文件依次
各给一份结果。

给出文件夹时，按文件名顺序评估其中的 .xlsx 和 .xlsm 工作簿，不含子文件夹。含 * 或 ?
而不是现有文件的参数是模式，由 plancheck 自行展开（cmd.exe 和 PowerShell 不展开）。
Excel 的锁定文件（~$*.xlsx）和隐藏文件跳过，同一文件只评估一次。多个工作簿中有不能
读取的，其余照常输出，并注明未评估的文件及原因，退出状态为 2。

--fail-on 决定哪些结果使退出状态为 1：binding（默认）在约束性指标滞后、未完成或无数据
时失败；any 对任何指标如此；none 从不失败。工作簿未报送的约束性指标仅在 --strict 下
失败。

-o 报告.html（或 --format html）写出可离线阅读、可按 A4 打印的评估报告：摘要、预警、
完成情况，多年时的趋势，多个填报单位时的区县对比，以及审核与说明。

--format json 是机器接口，由 schema/result.schema.json 描述。`, `Eval judges every indicator of the plan for one year from an actuals workbook and
prints the completion table, grouped like 专栏1: 指标, 属性, 目标, 实际值, 时序进度,
完成进度, 完成情况 (提前完成, 快于预期, 符合预期, 滞后, 完成, 未完成, 无数据) and 预计.
Under it: the indicators the workbook does not report (未报送), every disagreement
with the workbook's own 完成情况 column, and the counts per status.

The year is --year, else a year in the file name (2023.xlsx, 九龙坡2023年.xlsx), else
the latest year with a value. The plan is --plan, else the plan (embedded or of a folder) the rows
match best (said on stderr). Several files give one result each, in order.

A folder gives its .xlsx and .xlsm workbooks in name order (not its subfolders'). An
argument with * or ? that is not an existing file is a pattern, which plancheck
expands itself (cmd.exe and PowerShell do not). Excel's lock files (~$*.xlsx) and
hidden files are skipped, and a file named twice is evaluated once. When a workbook
of several cannot be read, the others are written, with the files not evaluated and
why; the exit status is 2.

--fail-on says which outcomes make the exit status 1: binding (the default) fails on
a binding (约束性) indicator that is lagging, not achieved or without data; any on
any indicator that is; none never. A binding indicator the workbook does not report
fails only with --strict.

-o report.html (or --format html) writes a report to read offline and print on A4:
the summary, alerts, completion, the trend over several years, the comparison of
reporting units, and the audit and notes.

--format json is the machine contract, described by schema/result.schema.json.`},
		"help.eval.short": {"根据实际值工作簿评判某一年的全部指标", "Judge every indicator for a year from an actuals workbook"},
		"help.inspect.long": {`inspect 显示 plancheck 从实际值工作簿（.xlsx 或 .xlsm）读到的内容：所用工作表及
版式（宽表：每年一列；长表：每行一年）、表头行及各列的读法、每行对应的指标（或不相符
的原因）、每个值及其单元格、单位换算和警告。用来查明某个数为何没有被读到。

不给 --plan 时，使用与各行最相符的规划（内置的或规划文件夹中的；相同时取最新版本），并在 stderr 说明。

错误单元格（不是数字的文字、数字处的日期……）都是错误，逐一列出其单元格，其余不输出；
--lenient 则把它们读作无数据，并各给一条警告。`, `Inspect shows what plancheck reads from an actuals workbook (.xlsx or .xlsm): the
sheet and the layout found (wide: one column per year; long: one row per year), the
header row and what each column is read as, each row's indicator (or why it matched
none), each value with its cell, unit conversions and warnings. It is how to find out
why a number was not picked up.

Without --plan, the plan (embedded or of a folder) whose indicators the rows match best is used (the
newest version on a tie), and said on stderr.

Bad cells (text that is not a number, a date where a number belongs, …) are errors,
every one listed with its cell, and nothing else is printed; --lenient reads them as
no value with a warning each instead.`},
		"help.inspect.short": {"显示 plancheck 从实际值工作簿中读到的内容", "Show what plancheck reads from an actuals workbook"},
		"help.plans.long": {`plans 列出 plancheck 内置的规划和规划文件夹（--plans、PLANCHECK_PLANS）中的规划，
及其每个版本。--plan ID 选该 id 的最新版本；--plan ID@VERSION 选指定版本。

两个文件中的同一 id@version 内容不同时，在 stderr 给出警告：使用该规划会出错。`, `Plans lists the plans built into plancheck and those of the plan folders (--plans,
PLANCHECK_PLANS), every version of each. --plan ID picks the newest version of an
id; --plan ID@VERSION a given one.

Where two files hold one id@version with different contents, a warning on stderr
says so: using that plan is an error.`},
		"help.plans.short": {"列出规划（内置的和规划文件夹中的）：id、版本、标题、规划期", "List the plans, embedded and of the plan folders: ids, versions, titles, periods"},
		"help.root.long": {`plancheck 评估五年规划（规划）的进展：从版本化的 YAML（已内置于程序中）读取规划
的指标，并与分析人员在 Excel 中维护的实际值对照评判。

规划由 --plan 指定：规划的 id（取最新版本）、ID@VERSION，或规划文件（以 .yaml
或 .yml 结尾、或含斜杠的路径）。

规划文件夹：--plans 文件夹（可重复）和环境变量 PLANCHECK_PLANS（多个文件夹的写法同
PATH）中的 *.yaml、*.yml 文件（含子文件夹）按其中的 id 和 version 加入内置规划，供每个
命令使用。无效的文件被跳过，并在 stderr 给出一行警告。

语言：--lang zh|en，否则取环境变量 PLANCHECK_LANG，否则为中文。

退出状态
  0  完成：评估后没有指标违反 --fail-on 规则；所有规划有效
  1  已评估，但有指标违反规则；规划能读取但无效；diff：两个规划不同
  2  无法完成：参数错误、文件无法读取或超出限制、工作簿有错误单元格、需要规划时规划无效`, `plancheck evaluates the progress of a five-year plan (规划): it loads the plan's
indicators (指标) from versioned YAML, embedded in the binary, and judges them
against the actual values analysts keep in Excel.

Plans are named by --plan: a plan's id (its newest version), ID@VERSION, or a plan
file (a path ending in .yaml or .yml, or containing a slash).

Plan folders: the *.yaml and *.yml files under the --plans folders (repeatable) and
those the PLANCHECK_PLANS environment variable lists (as PATH is written) join the
embedded plans for every command, by the id and version inside. A file that is not
a valid plan is skipped with a warning line on stderr.

Language: --lang zh|en, else the PLANCHECK_LANG environment variable, else Chinese.

EXIT STATUS
  0  done: evaluated with nothing failing the --fail-on policy; every plan valid
  1  evaluated, but something failed the policy; a plan was read but is invalid;
     diff: the plans differ
  2  could not do the job: bad arguments, a file unreadable or over a limit,
     bad cells in a workbook, an invalid plan where a plan is needed`},
		"help.root.short": {"对照实际值评估五年规划（规划）指标", "Evaluate five-year plan (规划) indicators against actual values"},
		"help.show.long": {`show 按规划主要指标表的样式输出其指标：指标 | 基数 | 目标 | 指标属性，分组，目标
与印刷一致。规划评判所用目标与印刷不同（规划自相矛盾）时，表下注明是哪一项及原因。

--format yaml 把规划输出为规划文件：validate 原样接受，读回的规划与原规划相同，
可作为下一版（如中期评估调整目标）的起点。

PLAN 是内置规划的 id（取最新版本）、ID@VERSION，或规划文件。`, `Show prints a plan's indicators the way its main-indicator table prints them:
指标 | 基数 | 目标 | 指标属性, grouped, with each target exactly as printed. Where the
plan evaluates a target other than the print (a contradiction in the plan), a note
under the table says which and why.

--format yaml prints the plan as a plan file, which validate accepts as it is and
which reads back to the same plan: a start for the plan's next version (a mid-term
review that changes targets).

PLAN is an embedded plan's id (its newest version), ID@VERSION, or a plan file.`},
		"help.schema.long": {`schema 输出 plancheck 所带的 JSON Schema：plan（默认）是规划文件的格式，编辑器可用它
在输入时检查规划文件；result 是 eval --format json 输出的格式，即机器接口。
输出与仓库 schema/ 下的文件相同，无需仓库即可使用。`, `Schema prints a JSON Schema that plancheck ships: plan (the default) is the format of
plan files, which an editor uses to check a plan file as it is typed; result is the
format of eval --format json, the machine contract. The output is the file of the
repository's schema/ folder, so neither needs the repository at hand.`},
		"help.schema.short": {"输出规划文件或评估结果的 JSON Schema", "Print the JSON Schema of plan files or of eval results"},
		"help.show.short":   {"按规划的印刷样式输出规划的指标表", "Print a plan's indicator table as the plan prints it"},
		"help.template.long": {`template 生成分析人员填写的空白实际值工作簿：规划的指标按规划分组，各带 id、单位、
基数、目标和属性，每个要填的年份一列（2021年 … 2025年），另有“完成情况”列。累计指标
（目标带 [ ]）填每年的新增数，或以 [27] 的形式填累计数；比例指标填 15:45:40。要填的
单元格会检查所填内容，表头始终可见，第二张工作表“填写说明”说明如何填写第一张（用
--lang en 时为英文）。填好后可直接评估：plancheck eval 文件.xlsx。

--plan 是规划的 id（取最新版本）、ID@VERSION 或规划文件；不给时取规划期最晚的规划
（内置的或规划文件夹中的）。--years 是规划期内的一段年份（2021-2025）或一个年份（2023）；默认为整个规划期。

-o 指定要写的工作簿（.xlsx）。要么完整写出，要么不写；不会覆盖规划文件；除非给出
--force，也不会覆盖已有文件：填好的工作簿是分析人员的劳动成果。`, `Template writes the blank actuals workbook analysts fill in: the plan's
indicators grouped as the plan groups them, each with its id, unit, baseline, target
and attribute, one column per year to fill (2021年 … 2025年) and a 完成情况 column.
Cumulative indicators (a target in [ ]) take each year's amount or the total so far
as [27]; ratio indicators take 15:45:40. The cells to fill check what is typed, the
header stays in view, and a second sheet, 填写说明, says how to fill the first
(in English with --lang en). Filled in, it evaluates as it is:
plancheck eval FILE.xlsx.

--plan is a plan's id (its newest version), ID@VERSION or a plan file; without
it, the plan (embedded or of a folder) with the latest period. --years is a range of the
plan's period (2021-2025) or one year (2023); the whole period by default.

-o names the workbook to write (.xlsx). It is written whole or not at all, never
over the plan file, and not over an existing file unless --force is given: a filled
workbook is an analyst's work.`},
		"help.template.short": {"为规划生成空白的实际值填报工作簿", "Write the blank actuals workbook for a plan"},
		"help.validate.long": {`validate 检查规划 YAML 文件：格式（未知字段、重复键、缺少字段、类型错误）以及格式
本身说不了的（id 和名称唯一、规划期、表达式能否解析、需要时是否给了 better）。手写
YAML 的常见失误各附一行提示：没加引号的 >95 或 [15]、缩进中的制表符、键后的全角冒号
“：”。

每个问题都以 file:line:col: message 的形式输出到 stderr，全部列出，而不只是第一个。
不认识的单位只给警告（file:line:col: 警告：…，列出认识的单位），不影响退出状态。
用 --format github 时，每个问题成为一条 GitHub Actions 注释
（::error file=…,line=…,col=…::message，警告为 ::warning），输出到 stdout。

不给文件时，检查内置规划和规划文件夹（--plans、PLANCHECK_PLANS）中的每个文件。所给的
文件之间（不给文件时则连同内置规划）有同一 id@version 而内容不同的，也是错误。

退出状态：0 所有规划有效；1 规划能读取但无效；2 文件或规划文件夹无法读取，或超过大小
限制（1 MiB）。`, `Validate checks plan YAML files: the format (unknown fields, duplicate keys,
missing fields, wrong types) and what the format cannot say (unique ids and names,
the period, expressions that parse, better where a target needs it). The common
slips of YAML written by hand each come with a hint: an unquoted >95 or [15], a tab
in the indentation, a full-width colon (：) after a key.

Every problem is printed on stderr as file:line:col: message, all of them, not
just the first. A unit plancheck does not know is a warning (file:line:col:
warning: …, listing the units it knows), which leaves the exit status alone. With
--format github each becomes a GitHub Actions annotation
(::error file=…,line=…,col=…::message, ::warning for a warning) on stdout.

Without files, the embedded plans and every file of the plan folders (--plans,
PLANCHECK_PLANS) are checked. Two of the files (without files: of the folders and
the embedded plans) that hold one id@version with different contents are an error
too.

Exit status: 0 every plan valid; 1 a plan was read but is invalid; 2 a file or plan
folder could not be read, or a file is over the size limit (1 MiB).`},
		"help.validate.short": {"检查规划文件（不给文件时检查内置规划和规划文件夹）", "Check plan files (the embedded plans and the plan folders when no file is given)"},
	})
}
