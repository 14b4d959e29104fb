package msg

// Plan folders (--plans, PLANCHECK_PLANS): the command line's words about
// them. The loader's own are in plan.go.
func init() {
	add(map[Key][2]string{
		"flag.plans":                {"也从这个文件夹（含子文件夹）的 *.yaml、*.yml 中读取规划；可重复；另见 $PLANCHECK_PLANS", "also read the plans of every *.yaml and *.yml under this folder; repeatable; see also $PLANCHECK_PLANS"},
		"hint.plans-folder":         {"检查 --plans 和环境变量 PLANCHECK_PLANS 给出的文件夹", "check the folders --plans and the PLANCHECK_PLANS environment variable name"},
		"hint.plan-conflict":        {"给其中一个文件提高 version，或删去其中一个；plancheck validate 检查内置规划和规划文件夹", "raise the version in one of the files, or remove one; 'plancheck validate' checks the embedded plans and the plan folders"},
		"note.template-plan-file":   {"使用规划 %s（%s，规划期最晚的规划；用 --plan 指定其他规划）", "plan %s (%s, the plan with the latest period; --plan names another)"},
		"warning.plan-skipped":      {"跳过 %s", "skipped %s"},
		"warning.plan-skipped-more": {"跳过 %[1]s（另有 %[2]d 个问题；plancheck validate %[3]s 列出全部）", "skipped %[1]s (and %[2]d more; 'plancheck validate %[3]s' lists them all)"},
	})
}
