package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

func TestTemplateFlags(t *testing.T) {
	t.Parallel()
	cases := []struct {
		args     []string
		want     string // plan from to output force
		wantErr  string
		wantHint string
	}{
		{[]string{"-o", "t.xlsx"}, " 0 0 t.xlsx false", "", ""},
		{[]string{"--output", "T.XLSX", "--force"}, " 0 0 T.XLSX true", "", ""},
		{[]string{"-o", "t.xlsx", "--plan", "jlp-hrss-13th@1", "--years", "2016-2020"}, "jlp-hrss-13th@1 2016 2020 t.xlsx false", "", ""},
		{[]string{"-o", "t.xlsx", "--years", "2023"}, " 2023 2023 t.xlsx false", "", ""},
		{[]string{"-o", "t.xlsx", "--years", " 2021 — 2023 "}, " 2021 2023 t.xlsx false", "", ""},
		{[]string{"-o", "t.xlsx", "--years", "２０２１－２０２２"}, " 2021 2022 t.xlsx false", "", ""},
		{nil, "", "template needs -o FILE, the workbook to write", "e.g. plancheck template -o 2023.xlsx"},
		{[]string{"-o", "t.csv"}, "", `t.csv: a template is an .xlsx workbook, not ".csv"`, "name the output FILE.xlsx"},
		{[]string{"-o", "t"}, "", `t: a template is an .xlsx workbook, not ""`, "name the output FILE.xlsx"},
		{[]string{"-o", "t.xlsm"}, "", `t.xlsm: a template is an .xlsx workbook, not ".xlsm"`, "name the output FILE.xlsx"},
		{[]string{"-o", "t.xlsx", "--years", "20x1"}, "", `--years "20x1": not a year or a range of years`, "write it like 2021-2025, or 2023 for one year"},
		{[]string{"-o", "t.xlsx", "--years", ""}, "", `--years "": not a year or a range of years`, "write it like 2021-2025, or 2023 for one year"},
		{[]string{"-o", "t.xlsx", "--years", "2021-"}, "", `--years "2021-": not a year or a range of years`, "write it like 2021-2025, or 2023 for one year"},
		{[]string{"-o", "t.xlsx", "--years", "2025-2021"}, "", `--years "2025-2021": 2025 is after 2021`, "write the first year first, like 2021-2025"},
		{[]string{"-o", "t.xlsx", "extra"}, "", `template takes no arguments, got "extra"`, "see 'template -h'"},
	}
	for _, c := range cases {
		ios, _, _ := testStreams()
		var got *templateOptions
		cmd := newTemplateCmd(ios, &globalOptions{lang: msg.English}, func(o *templateOptions) error { got = o; return nil })
		_, err := execute(cmd, c.args)
		if c.wantErr != "" {
			checkFlagError(t, err, c.wantErr, c.wantHint)
			if got != nil {
				t.Errorf("%q: ran despite the error", c.args)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.args, err)
			continue
		}
		if s := fmt.Sprintf("%s %d %d %s %v", got.planRef, got.from, got.to, got.output, got.force); s != c.want {
			t.Errorf("%q: options %q, want %q", c.args, s, c.want)
		}
	}
}

// templateRun runs `plancheck template` as Main does: the root command, the
// error printed and mapped to the exit status by reportError. Until root.go
// adds the template command, the test adds it to the root itself.
func templateRun(t *testing.T, args ...string) (code int, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	ios := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
	// In English, as the messages below are written.
	args = append([]string{"template", "--lang", "en"}, args...)
	root := newRootCmd(ios, args)
	root.SetArgs(args)
	code = reportError(&errOut, root.ExecuteContext(t.Context()), msg.English)
	if out.Len() > 0 {
		t.Errorf("template printed on stdout: %s", out.String())
	}
	return code, errOut.String()
}

// runTemplateDirect runs runTemplate with the options a parse would give.
func runTemplateDirect(t *testing.T, opts templateOptions) (stderr string, err error) {
	t.Helper()
	ios, _, errOut := testStreams()
	opts.io = ios
	if opts.global == nil {
		opts.global = &globalOptions{lang: msg.English}
	}
	err = runTemplate(&opts)
	return errOut.String(), err
}

// dirNames lists a folder, to check that a failed run leaves nothing behind
// (no output, no temporary file).
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestRunTemplate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "t.xlsx")

	// The default plan is the embedded plan with the latest period, 十四五,
	// in its newest version: the whole plan, 专栏2 and the key projects.
	stderr, err := runTemplateDirect(t, templateOptions{output: out})
	if err != nil {
		t.Fatal(err)
	}
	want := "plancheck: plan jlp-hrss-14th@2 (the embedded plan with the latest period; --plan names another)\n" +
		"plancheck: wrote " + out + ": jlp-hrss-14th@2, 59 indicators, 2021—2025\n"
	if stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	first, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}

	// An existing file is an analyst's work: not written over without --force.
	_, err = runTemplateDirect(t, templateOptions{output: out, planRef: "jlp-hrss-13th"})
	if err == nil || err.Error() != out+" exists; refusing to write over it" {
		t.Errorf("writing over %s: %v", out, err)
	}
	if now, _ := os.ReadFile(out); !bytes.Equal(now, first) {
		t.Error("the existing file was changed")
	}
	// --force writes over it, and the same inputs give the same bytes.
	if _, err := runTemplateDirect(t, templateOptions{output: out, force: true, planRef: "jlp-hrss-14th@2"}); err != nil {
		t.Fatal(err)
	}
	if now, _ := os.ReadFile(out); !bytes.Equal(now, first) {
		t.Error("a second run with the same plan wrote other bytes")
	}

	// Years outside the plan's period: an error, and no file.
	other := filepath.Join(dir, "other.xlsx")
	for _, c := range []struct {
		years    string
		from, to int
		want     string
	}{
		{"2020-2025", 2020, 2025, "--years 2020-2025: 2020 is outside the period 2021—2025 of jlp-hrss-14th@2"},
		{"2021-2026", 2021, 2026, "--years 2021-2026: 2026 is outside the period 2021—2025 of jlp-hrss-14th@2"},
		{"2030", 2030, 2030, "--years 2030: 2030 is outside the period 2021—2025 of jlp-hrss-14th@2"},
	} {
		_, err := runTemplateDirect(t, templateOptions{output: other, planRef: "jlp-hrss-14th", years: c.years, from: c.from, to: c.to})
		if err == nil || err.Error() != c.want {
			t.Errorf("--years %s: %v, want %s", c.years, err, c.want)
		}
		var stderr bytes.Buffer
		if code := reportError(&stderr, err, msg.English); code != ExitTrouble || !strings.Contains(stderr.String(), "plancheck: hint: give years within 2021—2025") {
			t.Errorf("--years %s: status %d, %s", c.years, code, stderr.String())
		}
	}
	// An unknown plan: an error, and no file.
	if _, err := runTemplateDirect(t, templateOptions{output: other, planRef: "no-such-plan"}); err == nil {
		t.Error("an unknown plan made a template")
	}
	if names := dirNames(t, dir); len(names) != 1 || names[0] != "t.xlsx" {
		t.Errorf("after the failures the folder holds %v, want only t.xlsx", names)
	}
}

// TestTemplateNeverOverThePlan: -o naming the --plan file is refused, even
// with --force, and the plan file is left as it was.
func TestTemplateNeverOverThePlan(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "plans", "jlp-hrss-14th.v1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// A plan file may have any name where its path has a slash.
	planPath := filepath.Join(dir, "plan.xlsx")
	if err := os.WriteFile(planPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{planPath, filepath.Join(dir, ".", "plan.xlsx")} {
		code, stderr := templateRun(t, "--plan", planPath, "-o", out, "--force")
		if code != ExitTrouble || !strings.Contains(stderr, "is one of the inputs; refusing to write over it") {
			t.Errorf("-o %s: status %d, %s", out, code, stderr)
		}
	}
	if now, _ := os.ReadFile(planPath); !bytes.Equal(now, data) {
		t.Error("the plan file was changed")
	}
}

// TestTemplateExitStatus: through the root command, bad arguments are status 2 with an
// error line and a hint; a template written is status 0.
func TestTemplateExitStatus(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-o", filepath.Join(dir, "ok.xlsx"), "--years", "2023"}, ExitOK, "plancheck: wrote "},
		{nil, ExitTrouble, "plancheck: error: template needs -o FILE, the workbook to write\nplancheck: hint: e.g. plancheck template -o 2023.xlsx\n"},
		{[]string{"-o", filepath.Join(dir, "t.csv")}, ExitTrouble, "a template is an .xlsx workbook"},
		{[]string{"-o", filepath.Join(dir, "t.xlsx"), "--years", "soon"}, ExitTrouble, `plancheck: error: --years "soon": not a year or a range of years`},
		{[]string{"-o", filepath.Join(dir, "t.xlsx"), "--years", "2016"}, ExitTrouble, "2016 is outside the period 2021—2025"},
		{[]string{"-o", filepath.Join(dir, "t.xlsx"), "--plan", "nope"}, ExitTrouble, "plancheck: error: "},
		{[]string{"-o", filepath.Join(dir, "t.xlsx"), "--bogus"}, ExitTrouble, "plancheck: error: unknown flag: --bogus"},
	} {
		code, stderr := templateRun(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: status %d, stderr %q; want %d, %q", c.args, code, stderr, c.code, c.want)
		}
		if strings.Contains(stderr, "goroutine ") || strings.Contains(stderr, "panic") {
			t.Errorf("%q: %s", c.args, stderr)
		}
	}
	if names := dirNames(t, dir); len(names) != 1 || names[0] != "ok.xlsx" {
		t.Errorf("the folder holds %v, want only ok.xlsx", names)
	}
}

// fillScript fills a template as an analyst would, with openpyxl: it finds
// the header row (编号 or ID), and writes each value given by id and year
// into that row's year column, and the 完成情况 given. Strings travel in a
// JSON file, never in the script's text. A value is a number, a string
// ("[2.7]", "16：47：37"), or {"value": n, "format": "0.0%"} for a number
// typed with a percent sign.
const fillScript = `
import json, sys
import openpyxl

with open(sys.argv[1], encoding="utf-8") as fh:
    spec = json.load(fh)
wb = openpyxl.load_workbook(sys.argv[2])
ws = wb.worksheets[0]
header = None
for row in ws.iter_rows(min_row=1, max_row=20):
    texts = {str(c.value).strip(): c.column for c in row if c.value is not None}
    if "编号" in texts or "ID" in texts:
        header = (row[0].row, texts)
        break
if header is None:
    sys.exit("no header row")
hrow, cols = header
idcol = cols.get("编号") or cols.get("ID")
statuscol = cols.get("完成情况") or cols.get("Status")
done = set()
for r in range(hrow + 1, ws.max_row + 1):
    ind = ws.cell(row=r, column=idcol).value
    if ind not in spec["values"]:
        continue
    done.add(ind)
    for year, v in spec["values"][ind].items():
        col = cols.get(year + "年") or cols.get(year)
        if col is None:
            sys.exit("no column for " + year)
        cell = ws.cell(row=r, column=col)
        if isinstance(v, dict):
            cell.value = float(v["value"])
            cell.number_format = v["format"]
        elif isinstance(v, str):
            cell.value = v
            cell.data_type = "s"
        else:
            cell.value = float(v)
    if ind in spec.get("status", {}):
        ws.cell(row=r, column=statuscol).value = spec["status"][ind]
missing = set(spec["values"]) - done
if missing:
    sys.exit("no rows for " + ", ".join(sorted(missing)))
wb.save(sys.argv[3])
`

type fillSpec struct {
	Values map[string]map[string]any `json:"values"`
	Status map[string]string         `json:"status,omitempty"`
}

// fillTemplate writes the filled copy of the template at in to out.
func fillTemplate(t *testing.T, in, out string, spec fillSpec) {
	t.Helper()
	workbooktest.RequireOpenpyxl(t)
	dir := t.TempDir()
	specPath, script := filepath.Join(dir, "spec.json"), filepath.Join(dir, "fill.py")
	data, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(specPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(script, []byte(fillScript), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), workbooktest.Python, "-I", script, specPath, in, out)
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("openpyxl filling %s: %v\n%s", in, err, b)
	}
}

// evalJSON evaluates a workbook as `plancheck eval FILE --format json` does,
// the plan and the year found by plancheck itself.
type evalJSONResult struct {
	Plan struct {
		ID      string `json:"id"`
		Version int    `json:"version"`
	} `json:"plan"`
	Year       int `json:"year"`
	Indicators []struct {
		ID     string `json:"id"`
		Status string `json:"status"`
		Reason string `json:"reason"`
	} `json:"indicators"`
	NotReported []string `json:"not_reported"`
	Audit       []struct {
		ID       string `json:"id"`
		Written  string `json:"written"`
		Computed string `json:"computed"`
	} `json:"audit"`
	Warnings []string `json:"warnings"`
}

func evalWorkbook(t *testing.T, path string) (evalJSONResult, string) {
	t.Helper()
	ios, out, errOut := testStreams()
	opts := &evalOptions{io: ios, global: &globalOptions{lang: msg.English}, files: []string{path}, format: "json", failOn: "binding"}
	if err := runEval(opts); err != nil {
		t.Fatalf("eval %s: %v\n%s", path, err, errOut)
	}
	var res evalJSONResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return res, errOut.String()
}

// checkStatuses compares the statuses of every indicator with the ones
// worked out by hand.
func checkStatuses(t *testing.T, res evalJSONResult, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, ind := range res.Indicators {
		got[ind.ID] = ind.Status
		if want[ind.ID] != ind.Status {
			t.Errorf("%s: %s (%s), want %s", ind.ID, ind.Status, ind.Reason, want[ind.ID])
		}
	}
	for id, w := range want {
		if _, ok := got[id]; !ok {
			t.Errorf("%s: not evaluated, want %s", id, w)
		}
	}
	if len(res.NotReported) > 0 {
		t.Errorf("not reported: %v; a template reports every indicator", res.NotReported)
	}
}

// TestTemplateRoundTrip14th: the 十四五 template (the default, the whole plan),
// filled by openpyxl for 2021–2023 in its 专栏2 rows (every kind of 专栏2
// target, a bracketed total, a percent-formatted cell, an empty year and an
// empty row), evaluated by the real pipeline with no edit to its structure;
// then the same file saved again by LibreOffice. The key-project rows are
// left empty: reported, with no value, so 无数据 each, as 23 is.
//
// Worked by hand (spec §4), 2023 in 2021—2025: f = 3/5 = 0.6.
//
//	 1 urban-new-jobs [15]: 3.1 + 3.2 + 3.0 = 9.3; p = 0.62; r = 1.033 → on-track
//	 2 surveyed-unemployment-rate 5.5 → <5.5, control: 5.2 < 5.5 → on-track
//	 3 subsidised-skills-training [4]: [2.7] in 2023 (2022 empty; the total needs no
//	   sum); p = 0.675; r = 1.125 ≥ 1.10 → ahead
//	 4 pension-insurance-coverage 97 → >95, control: 0.971 in a 0.0% cell is 97.1 > 95 → on-track
//	 5 unemployment-insurance-enrolment 41.6 → 43.6: p = (42.2 − 41.6)/2 = 0.3; r = 0.5 → lagging
//	   (its 完成情况 says 符合预期: the audit disagrees)
//	 6 work-injury-insurance-enrolment 42 → 45: p = 2.3/3 = 0.767; r = 1.278 → ahead
//	 7 medical-insurance-coverage >95 → ≥ 95 binding, control: 96.5 → on-track
//	 8 employee-inpatient-reimbursement 83 左右 → 85: p = 1.2/2 = 0.6; r = 1 → on-track
//	 9 resident-inpatient-reimbursement 65 左右 → 70: p = 2.5/5 = 0.5; r = 0.833 → lagging
//	10 medical-assistance-inpatient-rate 70 → 70, control: 70.5 ≥ 70 → on-track
//	11 drg-disease-payment-share — → 70, no baseline: 66 < 70 → lagging
//	12 cross-province-inpatient-settlement >60 → >70: 72 > 70 → achieved (提前完成)
//	13 medical-services-online-availability — → 80: 85 ≥ 80 → achieved
//	14 medical-services-counter-availability — → 100 binding: 100 → achieved
//	15 professional-technical-talent 13.2 → 15: p = 1.1/1.8 = 0.611; r = 1.019 → on-track
//	16 new-senior-title-professionals [1700]: [1060]; p = 0.624; r = 1.039 → on-track
//	17 new-vocational-certificates [1.7]: 0.3 + 0.4 + 0.4 = 1.1; p = 0.647; r = 1.078 → on-track
//	18 new-advanced-vocational-certificates [0.8]: 0.2 and 0.3, 2022 empty → no-data
//	19 labour-dispute-mediation-success-rate 44.74 → >60: p = 11.36/15.26 = 0.744; r = 1.241 → ahead
//	20 labour-arbitration-closure-rate 96.19 → >90, control: 93.9 > 90 → on-track
//	21 labour-inspection-closure-rate 100 → 100, control: 99.2 < 100 → lagging
//	22 social-security-card-holders 112 → 115: p = 1.71/3 = 0.57; r = 0.95 exactly → on-track
//	23 electronic-social-security-card-coverage: its row left empty → no-data
//
// No binding indicator fails (7 on track, 14 achieved): eval succeeds.
func TestTemplateRoundTrip14th(t *testing.T) {
	workbooktest.RequireOpenpyxl(t)
	dir := t.TempDir()
	blank := filepath.Join(dir, "template.xlsx")
	if _, err := runTemplateDirect(t, templateOptions{output: blank}); err != nil { // the default: the whole plan
		t.Fatal(err)
	}
	filled := filepath.Join(dir, "filled.xlsx")
	fillTemplate(t, blank, filled, fillSpec{
		Values: map[string]map[string]any{
			"urban-new-jobs":                        {"2021": 3.1, "2022": 3.2, "2023": 3.0},
			"surveyed-unemployment-rate":            {"2021": 5.3, "2022": 5.4, "2023": 5.2},
			"subsidised-skills-training":            {"2021": 0.9, "2023": "[2.7]"},
			"pension-insurance-coverage":            {"2021": 97.0, "2022": 97.2, "2023": map[string]any{"value": 0.971, "format": "0.0%"}},
			"unemployment-insurance-enrolment":      {"2021": 41.8, "2022": 42.0, "2023": 42.2},
			"work-injury-insurance-enrolment":       {"2021": 43, "2022": 43.5, "2023": 44.3},
			"medical-insurance-coverage":            {"2021": 96, "2022": 96.2, "2023": 96.5},
			"employee-inpatient-reimbursement":      {"2023": 84.2},
			"resident-inpatient-reimbursement":      {"2023": 67.5},
			"medical-assistance-inpatient-rate":     {"2023": 70.5},
			"drg-disease-payment-share":             {"2023": 66},
			"cross-province-inpatient-settlement":   {"2023": 72},
			"medical-services-online-availability":  {"2023": 85},
			"medical-services-counter-availability": {"2021": 98, "2022": 99, "2023": 100},
			"professional-technical-talent":         {"2023": 14.3},
			"new-senior-title-professionals":        {"2023": "[1060]"},
			"new-vocational-certificates":           {"2021": 0.3, "2022": 0.4, "2023": 0.4},
			"new-advanced-vocational-certificates":  {"2021": 0.2, "2023": 0.3},
			"labour-dispute-mediation-success-rate": {"2023": 56.10},
			"labour-arbitration-closure-rate":       {"2023": 93.9},
			"labour-inspection-closure-rate":        {"2023": 99.2},
			"social-security-card-holders":          {"2023": 113.71},
		},
		Status: map[string]string{"urban-new-jobs": "符合预期", "unemployment-insurance-enrolment": "符合预期"},
	})
	want := map[string]string{
		"urban-new-jobs": "on-track", "surveyed-unemployment-rate": "on-track", "subsidised-skills-training": "ahead",
		"pension-insurance-coverage": "on-track", "unemployment-insurance-enrolment": "lagging",
		"work-injury-insurance-enrolment": "ahead", "medical-insurance-coverage": "on-track",
		"employee-inpatient-reimbursement": "on-track", "resident-inpatient-reimbursement": "lagging",
		"medical-assistance-inpatient-rate": "on-track", "drg-disease-payment-share": "lagging",
		"cross-province-inpatient-settlement": "achieved", "medical-services-online-availability": "achieved",
		"medical-services-counter-availability": "achieved", "professional-technical-talent": "on-track",
		"new-senior-title-professionals": "on-track", "new-vocational-certificates": "on-track",
		"new-advanced-vocational-certificates": "no-data", "labour-dispute-mediation-success-rate": "ahead",
		"labour-arbitration-closure-rate": "on-track", "labour-inspection-closure-rate": "lagging",
		"social-security-card-holders": "on-track", "electronic-social-security-card-coverage": "no-data",
	}
	whole, err := plan.Resolve("jlp-hrss-14th@2")
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range whole.Indicators()[23:] {
		want[ind.ID] = "no-data"
	}
	check := func(t *testing.T, path string) {
		res, stderr := evalWorkbook(t, path)
		if res.Plan.ID != "jlp-hrss-14th" || res.Year != 2023 {
			t.Errorf("plan %s, year %d; want jlp-hrss-14th, 2023 (found by plancheck)", res.Plan.ID, res.Year)
		}
		checkStatuses(t, res, want)
		if len(res.Audit) != 1 || res.Audit[0].ID != "unemployment-insurance-enrolment" || res.Audit[0].Computed != "lagging" {
			t.Errorf("audit %+v, want the one disagreement of unemployment-insurance-enrolment", res.Audit)
		}
		if len(res.Warnings) > 0 || strings.Contains(stderr, "warning") {
			t.Errorf("warnings %v; stderr %s", res.Warnings, stderr)
		}
	}
	t.Run("openpyxl", func(t *testing.T) { check(t, filled) })
	t.Run("libreoffice", func(t *testing.T) {
		check(t, workbooktest.ConvertLibreOffice(t, filled, filepath.Join(dir, "lo")))
	})
}

// TestTemplateRoundTrip13th: the 十三五 template (a ratio indicator; no
// baselines), filled by openpyxl and evaluated for 2020, its final year.
//
// Worked by hand (spec §4), 2020 in 2016—2020: f = 1, the final year.
//
//	 1 urban-new-jobs [23]: [25.2] in 2020 ≥ 23 → achieved (its 完成情况 完成 agrees)
//	 2 registered-unemployment-rate 4.5, down, no baseline: 3.9 ≤ 4.5 → achieved
//	 3 graduate-entrepreneurs 1000, up, no baseline: 900 < 1000 → not-achieved
//	 4 pension-insurance-coverage 95: 96 ≥ 95 → achieved
//	 5 medical-insurance-coverage 97: 96.5 < 97 → not-achieved
//	10 professional-title-ratio 15:45:40, better up, up, down, control: 16：47：37
//	   (full-width colons, as a Chinese input method types them): 16 ≥ 15, 47 ≥ 45,
//	   37 ≤ 40 → achieved
//	the other eight rows are left empty → no-data
//
// No indicator of 专栏1 is binding: eval succeeds.
func TestTemplateRoundTrip13th(t *testing.T) {
	workbooktest.RequireOpenpyxl(t)
	dir := t.TempDir()
	blank := filepath.Join(dir, "template.xlsx")
	if _, err := runTemplateDirect(t, templateOptions{output: blank, planRef: "jlp-hrss-13th@1"}); err != nil {
		t.Fatal(err)
	}
	filled := filepath.Join(dir, "filled.xlsx")
	fillTemplate(t, blank, filled, fillSpec{
		Values: map[string]map[string]any{
			"urban-new-jobs":               {"2016": 4.8, "2017": 4.9, "2018": 5.0, "2019": 5.1, "2020": "[25.2]"},
			"registered-unemployment-rate": {"2019": 4.0, "2020": 3.9},
			"graduate-entrepreneurs":       {"2020": 900},
			"pension-insurance-coverage":   {"2020": 96},
			"medical-insurance-coverage":   {"2020": 96.5},
			"professional-title-ratio":     {"2019": "15:46:39", "2020": "16：47：37"},
		},
		Status: map[string]string{"urban-new-jobs": "完成"},
	})
	want := map[string]string{
		"urban-new-jobs": "achieved", "registered-unemployment-rate": "achieved", "graduate-entrepreneurs": "not-achieved",
		"pension-insurance-coverage": "achieved", "medical-insurance-coverage": "not-achieved",
		"professional-title-ratio": "achieved",
	}
	for _, id := range []string{"unemployment-insurance-coverage", "work-injury-insurance-coverage", "retirees-community-management-share",
		"professional-technical-talent", "high-skilled-talent", "labour-contract-signing-rate", "labour-inspection-closure-rate",
		"labour-arbitration-closure-rate"} {
		want[id] = "no-data"
	}
	check := func(t *testing.T, path string) {
		res, stderr := evalWorkbook(t, path)
		if res.Plan.ID != "jlp-hrss-13th" || res.Year != 2020 {
			t.Errorf("plan %s, year %d; want jlp-hrss-13th, 2020 (found by plancheck)", res.Plan.ID, res.Year)
		}
		checkStatuses(t, res, want)
		if len(res.Audit) != 0 || len(res.Warnings) > 0 || strings.Contains(stderr, "warning") {
			t.Errorf("audit %+v, warnings %v; stderr %s", res.Audit, res.Warnings, stderr)
		}
	}
	t.Run("openpyxl", func(t *testing.T) { check(t, filled) })
	t.Run("libreoffice", func(t *testing.T) {
		check(t, workbooktest.ConvertLibreOffice(t, filled, filepath.Join(dir, "lo")))
	})
}
