package cli

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// testStreams returns streams whose output the test can read.
func testStreams() (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}, &out, &errOut
}

// execute runs a command built on its own, outside the root, with the given
// arguments. The arguments are never nil: cobra reads os.Args when they are.
func execute(cmd *cobra.Command, args []string) (stdout string, err error) {
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SilenceUsage = true
	cmd.SilenceErrors = true
	cmd.SetArgs(append([]string{}, args...))
	err = cmd.Execute()
	return out.String(), err
}

// checkFlagError checks a parse error against the expected text (empty: no
// error) and that an error is trouble, exit status 2, when Main reports it.
func checkFlagError(t *testing.T, err error, wantErr, wantHint string) {
	t.Helper()
	if wantErr == "" {
		if err != nil {
			t.Fatalf("error %v, want none", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("no error, want %q", wantErr)
	}
	if !strings.Contains(err.Error(), wantErr) {
		t.Errorf("error %q, want it to contain %q", err, wantErr)
	}
	var he *pipeline.HintError
	switch {
	case wantHint == "" && errors.As(err, &he):
		t.Errorf("hint %q, want none", he.HintMsg)
	case wantHint != "" && !errors.As(err, &he):
		t.Errorf("no hint, want %q", wantHint)
	case wantHint != "" && he.HintMsg != wantHint:
		t.Errorf("hint %q, want %q", he.HintMsg, wantHint)
	}
	var stderr bytes.Buffer
	if code := reportError(&stderr, err, msg.English); code != ExitTrouble {
		t.Errorf("reportError gives status %d, want %d", code, ExitTrouble)
	}
}

func TestValidateFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		args       []string
		wantFiles  []string
		wantFormat string
		wantErr    string
		wantHint   string
	}{
		{name: "no files: the embedded plans", args: nil, wantFiles: nil, wantFormat: "text"},
		{name: "one file", args: []string{"a.yaml"}, wantFiles: []string{"a.yaml"}, wantFormat: "text"},
		{name: "files in order", args: []string{"b.yaml", "plans/a.yaml", "c.yml"},
			wantFiles: []string{"b.yaml", "plans/a.yaml", "c.yml"}, wantFormat: "text"},
		{name: "github before the files", args: []string{"--format", "github", "a.yaml", "b.yaml"},
			wantFiles: []string{"a.yaml", "b.yaml"}, wantFormat: "github"},
		{name: "github after the files", args: []string{"a.yaml", "--format=github"},
			wantFiles: []string{"a.yaml"}, wantFormat: "github"},
		{name: "github between the files", args: []string{"a.yaml", "--format", "github", "b.yaml"},
			wantFiles: []string{"a.yaml", "b.yaml"}, wantFormat: "github"},
		{name: "text given", args: []string{"--format", "text"}, wantFormat: "text"},
		{name: "a file named like a flag after --", args: []string{"--", "--format.yaml"},
			wantFiles: []string{"--format.yaml"}, wantFormat: "text"},
		{name: "unknown format", args: []string{"--format", "xml", "a.yaml"},
			wantErr: `unknown format "xml"`, wantHint: "use --format text or --format github"},
		{name: "format is case sensitive", args: []string{"--format", "GitHub"},
			wantErr: `unknown format "GitHub"`, wantHint: "use --format text or --format github"},
		{name: "json is not a validate format", args: []string{"--format=json"},
			wantErr: `unknown format "json"`, wantHint: "use --format text or --format github"},
		{name: "format without value", args: []string{"--format"}, wantErr: "flag needs an argument: --format"},
		{name: "unknown flag", args: []string{"--strict", "a.yaml"}, wantErr: "unknown flag: --strict"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ios, _, _ := testStreams()
			g := &globalOptions{lang: msg.English}
			var got *validateOptions
			cmd := newValidateCmd(ios, g, func(opts *validateOptions) error {
				got = opts
				return nil
			})
			_, err := execute(cmd, tc.args)
			checkFlagError(t, err, tc.wantErr, tc.wantHint)
			if tc.wantErr != "" {
				if got != nil {
					t.Errorf("ran with %+v after a bad flag", got)
				}
				return
			}
			if got == nil {
				t.Fatal("runF was not called")
			}
			if !slices.Equal(got.files, tc.wantFiles) {
				t.Errorf("files %q, want %q", got.files, tc.wantFiles)
			}
			if got.format != tc.wantFormat {
				t.Errorf("format %q, want %q", got.format, tc.wantFormat)
			}
			if got.io != ios || got.global != g {
				t.Error("the options do not carry the command's streams and global options")
			}
		})
	}
}

func TestShowFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		args        []string
		wantPlanRef string
		wantFormat  string
		wantErr     string
		wantHint    string
	}{
		{name: "an id", args: []string{"jlp-hrss-14th"}, wantPlanRef: "jlp-hrss-14th", wantFormat: "table"},
		{name: "id@version", args: []string{"jlp-hrss-13th@1"}, wantPlanRef: "jlp-hrss-13th@1", wantFormat: "table"},
		{name: "a file", args: []string{"./my-plan.yaml"}, wantPlanRef: "./my-plan.yaml", wantFormat: "table"},
		{name: "markdown before the plan", args: []string{"--format", "markdown", "jlp-hrss-14th"},
			wantPlanRef: "jlp-hrss-14th", wantFormat: "markdown"},
		{name: "markdown after the plan", args: []string{"jlp-hrss-14th", "--format=markdown"},
			wantPlanRef: "jlp-hrss-14th", wantFormat: "markdown"},
		{name: "table given", args: []string{"--format", "table", "x.yaml"}, wantPlanRef: "x.yaml", wantFormat: "table"},
		{name: "yaml", args: []string{"--format", "yaml", "jlp-hrss-14th"}, wantPlanRef: "jlp-hrss-14th", wantFormat: "yaml"},
		// The reference is taken as given; whether it names a plan is runShow's business.
		{name: "an unknown id parses", args: []string{"nosuch"}, wantPlanRef: "nosuch", wantFormat: "table"},
		{name: "a bad version parses", args: []string{"jlp-hrss-14th@x"}, wantPlanRef: "jlp-hrss-14th@x", wantFormat: "table"},
		{name: "a file named like a flag after --", args: []string{"--", "-plan.yaml"},
			wantPlanRef: "-plan.yaml", wantFormat: "table"},
		{name: "no plan", args: nil, wantErr: "show takes one PLAN, got 0 arguments", wantHint: "name an embedded plan ('plancheck plans' lists them), ID@VERSION, or a plan file"},
		{name: "two plans", args: []string{"jlp-hrss-13th", "jlp-hrss-14th"}, wantErr: "show takes one PLAN, got 2 arguments", wantHint: "name an embedded plan ('plancheck plans' lists them), ID@VERSION, or a plan file"},
		{name: "unknown format", args: []string{"jlp-hrss-14th", "--format", "xml"},
			wantErr: `unknown format "xml"`, wantHint: "use --format table, markdown or yaml"},
		{name: "json is not a show format", args: []string{"--format", "json", "jlp-hrss-14th"},
			wantErr: `unknown format "json"`, wantHint: "use --format table, markdown or yaml"},
		{name: "format without value", args: []string{"jlp-hrss-14th", "--format"}, wantErr: "flag needs an argument: --format"},
		{name: "unknown flag", args: []string{"--bogus", "jlp-hrss-14th"}, wantErr: "unknown flag: --bogus"},
		{name: "unknown shorthand", args: []string{"-x", "jlp-hrss-14th"}, wantErr: "unknown shorthand flag: 'x' in -x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ios, _, _ := testStreams()
			g := &globalOptions{lang: msg.English}
			var got *showOptions
			cmd := newShowCmd(ios, g, func(opts *showOptions) error {
				got = opts
				return nil
			})
			_, err := execute(cmd, tc.args)
			checkFlagError(t, err, tc.wantErr, tc.wantHint)
			if tc.wantErr != "" {
				if got != nil {
					t.Errorf("ran with %+v after a bad argument", got)
				}
				return
			}
			if got == nil {
				t.Fatal("runF was not called")
			}
			if got.planRef != tc.wantPlanRef {
				t.Errorf("planRef %q, want %q", got.planRef, tc.wantPlanRef)
			}
			if got.format != tc.wantFormat {
				t.Errorf("format %q, want %q", got.format, tc.wantFormat)
			}
			if got.io != ios || got.global != g {
				t.Error("the options do not carry the command's streams and global options")
			}
		})
	}
}

func TestPlansFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		args       []string
		wantFormat string
		wantErr    string
		wantHint   string
	}{
		{name: "default table", args: nil, wantFormat: "table"},
		{name: "json", args: []string{"--format", "json"}, wantFormat: "json"},
		{name: "markdown", args: []string{"--format=markdown"}, wantFormat: "markdown"},
		{name: "table given", args: []string{"--format", "table"}, wantFormat: "table"},
		{name: "unknown format", args: []string{"--format", "csv"},
			wantErr: `unknown format "csv"`, wantHint: "use --format table, markdown or json"},
		{name: "an argument", args: []string{"jlp-hrss-14th"}, wantErr: `plans takes no arguments, got "jlp-hrss-14th"`, wantHint: "see 'plans -h'"},
		{name: "unknown flag", args: []string{"--all"}, wantErr: "unknown flag: --all"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ios, _, _ := testStreams()
			g := &globalOptions{lang: msg.English}
			var got *plansOptions
			cmd := newPlansCmd(ios, g, func(opts *plansOptions) error {
				got = opts
				return nil
			})
			_, err := execute(cmd, tc.args)
			checkFlagError(t, err, tc.wantErr, tc.wantHint)
			if tc.wantErr != "" {
				if got != nil {
					t.Errorf("ran with %+v after a bad argument", got)
				}
				return
			}
			if got == nil {
				t.Fatal("runF was not called")
			}
			if got.format != tc.wantFormat {
				t.Errorf("format %q, want %q", got.format, tc.wantFormat)
			}
			if got.io != ios || got.global != g {
				t.Error("the options do not carry the command's streams and global options")
			}
		})
	}
}

// TestHelpDoesNotRun checks that -h prints the command's examples and does not
// run it.
func TestHelpDoesNotRun(t *testing.T) {
	t.Parallel()
	ios, _, _ := testStreams()
	g := &globalOptions{lang: msg.English}
	ran := false
	cmds := map[string]*cobra.Command{
		"validate": newValidateCmd(ios, g, func(*validateOptions) error { ran = true; return nil }),
		"show":     newShowCmd(ios, g, func(*showOptions) error { ran = true; return nil }),
		"plans":    newPlansCmd(ios, g, func(*plansOptions) error { ran = true; return nil }),
	}
	for name, cmd := range cmds {
		out, err := execute(cmd, []string{"-h"})
		if err != nil {
			t.Errorf("%s -h: %v", name, err)
		}
		if !strings.Contains(out, "Examples:\n  plancheck "+name) {
			t.Errorf("%s -h prints no examples of %s:\n%s", name, name, out)
		}
	}
	if ran {
		t.Error("-h ran the command")
	}
}

// Plan files for the Main tests.
const (
	goodPlan = `schema: plancheck/v1
id: good-plan
version: 1
title: A small valid plan
period: {start: 2021, end: 2025}
groups:
  - name: 一、就业
    indicators:
      - id: jobs
        name: 城镇新增就业人数
        unit: 万人
        target: "[15]"
`
	// badPlan has a duplicate id (13:13), an unknown field (18:9), a bad
	// expression (22:17) and a ratio without better (23:9).
	badPlan = `schema: plancheck/v1
id: bad-plan
version: 1
title: A plan with four problems
period: {start: 2021, end: 2025}
groups:
  - name: 一、就业
    indicators:
      - id: jobs
        name: 城镇新增就业人数
        unit: 万人
        target: "[15]"
      - id: jobs
        name: 失业保险参保人数
        unit: 万人
        target: "43.6"
        better: up
        colour: red
      - id: coverage
        name: 基本医疗保险参保率
        unit: "%"
        target: "≥≥95"
      - id: title-ratio
        name: 高、中、初级专业技术人才比例
        unit: ""
        target: "15:45:40"
`
	// aliasBomb expands to 9^9 strings: 387 million.
	aliasBomb = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`
)

// padded returns the good plan followed by a comment that brings it to size
// bytes: still a valid plan, as big as asked.
func padded(t *testing.T, size int) []byte {
	t.Helper()
	head := goodPlan + "# "
	if size < len(head)+1 {
		t.Fatalf("size %d is too small", size)
	}
	data := []byte(head + strings.Repeat("x", size-len(head)-1) + "\n")
	if len(data) != size {
		t.Fatalf("padded to %d bytes, want %d", len(data), size)
	}
	return data
}

// planFiles writes the test plan files into a new directory and returns it.
func planFiles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{
		"good.yaml":   []byte(goodPlan),
		"bad.yaml":    []byte(badPlan),
		"bomb.yaml":   []byte(aliasBomb),
		"limit.yaml":  padded(t, plan.MaxFileSize),   // exactly the limit: allowed
		"big.yaml":    padded(t, plan.MaxFileSize+1), // one byte over
		"a,b:c.yaml":  []byte(badPlan),               // a name GitHub annotations must escape
		"empty.yaml":  nil,
		"syntax.yaml": []byte("schema: plancheck/v1\ngroups: [\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "adir"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestMainExitCode runs Main as a user would and checks the exact exit status
// (spec §5), what is on stdout and stderr, and that neither carries a Go panic.
// In args and the wanted texts, $D stands for the directory of the plan files.
func TestMainExitCode(t *testing.T) {
	t.Parallel()
	dir := planFiles(t)
	const (
		ok      = ExitOK
		failed  = ExitFailed
		trouble = ExitTrouble
	)
	tests := []struct {
		name      string
		args      []string
		want      int
		stdout    []string // each must be in stdout
		stderr    []string // each must be in stderr
		noStdout  bool
		noStderr  bool
		notStdout []string // none may be in stdout
	}{
		// validate
		{name: "validate embedded", args: []string{"validate"}, want: ok, noStderr: true,
			stdout: []string{"通过  plans/jlp-hrss-13th.v1.yaml  jlp-hrss-13th@1，14 项指标\n",
				"通过  plans/jlp-hrss-14th.v1.yaml  jlp-hrss-14th@1，23 项指标\n"}},
		{name: "validate good", args: []string{"validate", "$D/good.yaml"}, want: ok, noStderr: true,
			stdout: []string{"通过  $D/good.yaml  good-plan@1，1 项指标\n"}},
		{name: "validate at the size limit", args: []string{"validate", "$D/limit.yaml"}, want: ok, noStderr: true,
			stdout: []string{"通过  $D/limit.yaml  good-plan@1"}},
		{name: "validate bad", args: []string{"validate", "$D/bad.yaml"}, want: failed, noStdout: true,
			stderr: []string{
				"$D/bad.yaml:13:13: 指标“失业保险参保人数”（jobs）：编号与第 9 行的指标重复\n",
				"$D/bad.yaml:18:9: 指标中有未知字段“colour”",
				"$D/bad.yaml:22:17: 指标“基本医疗保险参保率”（coverage）的 target 字段：无法识别的表达式“≥≥95”：有两个运算符\n",
				"$D/bad.yaml:23:9: 指标“高、中、初级专业技术人才比例”（title-ratio）：比例目标“15:45:40”需要写 better",
				"plancheck: 1 个规划文件中有 1 个无效\n"}},
		{name: "validate bad github", args: []string{"validate", "--format", "github", "$D/bad.yaml"}, want: failed, noStderr: true,
			stdout: []string{
				"::error file=$D/bad.yaml,line=13,col=13::指标“失业保险参保人数”（jobs）：编号与第 9 行的指标重复\n",
				"::error file=$D/bad.yaml,line=18,col=9::指标中有未知字段“colour”",
				"::error file=$D/bad.yaml,line=22,col=17::指标“基本医疗保险参保率”（coverage）的 target 字段：无法识别的表达式“≥≥95”：有两个运算符\n",
				"::error file=$D/bad.yaml,line=23,col=9::指标“高、中、初级专业技术人才比例”（title-ratio）：比例目标“15:45:40”需要写 better"}},
		{name: "validate bad github in English", args: []string{"validate", "--lang", "en", "--format", "github", "$D/bad.yaml"}, want: failed, noStderr: true,
			stdout: []string{
				"::error file=$D/bad.yaml,line=13,col=13::duplicate indicator id \"jobs\" (first at line 9)\n",
				"::error file=$D/bad.yaml,line=18,col=9::indicator: unknown field \"colour\"",
				"::error file=$D/bad.yaml,line=22,col=17::indicator \"coverage\" (基本医疗保险参保率) target: bad expression \"≥≥95\": two operators\n",
				"::error file=$D/bad.yaml,line=23,col=9::indicator \"title-ratio\" (高、中、初级专业技术人才比例): ratio target \"15:45:40\" needs better"}},
		{name: "validate github escapes the file name", args: []string{"validate", "--format=github", "$D/a,b:c.yaml"},
			want: failed, stdout: []string{"::error file=$D/a%2Cb%3Ac.yaml,line=13,col=13::"}},
		{name: "validate alias bomb", args: []string{"validate", "$D/bomb.yaml"}, want: failed,
			stderr: []string{"$D/bomb.yaml:1:4: 规划文件中不能使用 YAML 锚点（&）和引用（*）\n"}},
		{name: "validate empty", args: []string{"validate", "$D/empty.yaml"}, want: failed,
			stderr: []string{"$D/empty.yaml:1:1: 规划文件为空\n"}},
		{name: "validate yaml syntax", args: []string{"validate", "$D/syntax.yaml"}, want: failed,
			stderr: []string{"$D/syntax.yaml:2:1: YAML 语法错误："}},
		{name: "validate good and bad", args: []string{"validate", "$D/good.yaml", "$D/bad.yaml"}, want: failed,
			stdout: []string{"通过  $D/good.yaml  good-plan@1"},
			stderr: []string{"$D/bad.yaml:13:13: ", "plancheck: 2 个规划文件中有 1 个无效\n"}},
		{name: "validate missing", args: []string{"validate", "$D/missing.yaml"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：$D/missing.yaml：规划文件不存在\n"}},
		{name: "validate missing in English", args: []string{"validate", "--lang", "en", "$D/missing.yaml"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: error: read plan: open $D/missing.yaml: no such file or directory\n"}},
		{name: "validate missing github", args: []string{"validate", "--format", "github", "$D/missing.yaml"}, want: trouble,
			noStderr: true, stdout: []string{"::error file=$D/missing.yaml::$D/missing.yaml：规划文件不存在\n"}},
		{name: "validate a directory", args: []string{"validate", "$D/adir"}, want: trouble,
			stderr: []string{"plancheck: 错误：$D/adir 是目录，不是规划文件\n"}},
		{name: "show a missing file", args: []string{"show", "$D/missing.yaml"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：$D/missing.yaml：规划文件不存在\n", "plancheck: 提示：请检查路径"}},
		{name: "count line beside an unreadable file", args: []string{"validate", "$D/good.yaml", "$D/missing.yaml", "$D/bad.yaml"}, want: trouble,
			stderr: []string{"plancheck: 3 个规划文件中有 1 个无效\n"}},
		{name: "validate over the size limit", args: []string{"validate", "$D/big.yaml"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：$D/big.yaml：规划文件过大（超过 1048576 字节）\n"}},
		{name: "validate unreadable outranks invalid", args: []string{"validate", "$D/bad.yaml", "$D/missing.yaml"},
			want: trouble, stderr: []string{"$D/bad.yaml:13:13: ", "$D/missing.yaml：规划文件不存在"}},
		{name: "validate unknown format", args: []string{"validate", "--format", "xml"}, want: trouble,
			stderr: []string{"plancheck: 错误：未知的格式 \"xml\"\n", "plancheck: 提示：请用 --format text 或 --format github\n"}},

		// plans
		{name: "plans", args: []string{"plans"}, want: ok, noStderr: true,
			stdout: []string{"jlp-hrss-13th", "2016—2020", "jlp-hrss-14th", "2021—2025", "版本"}},
		{name: "plans json", args: []string{"plans", "--format", "json"}, want: ok, noStderr: true,
			stdout: []string{`"id": "jlp-hrss-14th"`, `"start": 2021`, `"end": 2025`, `"indicators": 23`}},
		{name: "plans english", args: []string{"plans", "--lang", "en"}, want: ok,
			stdout: []string{"Version", "Title", "Period", "Indicators"}, notStdout: []string{"版本"}},
		{name: "plans markdown", args: []string{"plans", "--format", "markdown"}, want: ok,
			stdout: []string{"| jlp-hrss-13th | 1 "}},
		{name: "plans unknown format", args: []string{"plans", "--format", "xml"}, want: trouble, noStdout: true},
		{name: "plans with an argument", args: []string{"plans", "extra"}, want: trouble, noStdout: true},

		// show
		{name: "show id", args: []string{"show", "jlp-hrss-14th"}, want: ok, noStderr: true,
			stdout: []string{"jlp-hrss-14th@2  九龙坡区", "16.新增高级职称专业技术人才数量（人）", "<[1700]", "注：[]内为五年累计值",
				"十一、构建和谐劳动关系重点项目", "52.服务新注册企业（户）", "≥[500]"}},
		{name: "show id@version", args: []string{"show", "jlp-hrss-14th@1"}, want: ok, stdout: []string{"jlp-hrss-14th@1  "}},
		{name: "show 13th", args: []string{"show", "jlp-hrss-13th"}, want: ok,
			stdout: []string{"10.高、中、初级专业技术人才比例", "15:45:40"}, notStdout: []string{"基数"}},
		{name: "show file", args: []string{"show", "$D/good.yaml"}, want: ok, stdout: []string{"good-plan@1  A small valid plan"}},
		{name: "show file at the size limit", args: []string{"show", "$D/limit.yaml"}, want: ok, stdout: []string{"good-plan@1  "}},
		{name: "show markdown", args: []string{"show", "jlp-hrss-14th", "--format", "markdown"}, want: ok,
			stdout: []string{"| 指标 "}, notStdout: []string{"│"}},
		{name: "show english", args: []string{"--lang", "en", "show", "jlp-hrss-13th"}, want: ok,
			stdout: []string{"Indicator", "Target 2020", "expected"}, notStdout: []string{"预期性"}},
		{name: "show unknown id", args: []string{"show", "nosuch"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：未知的规划“nosuch”（可用的规划：jlp-hrss-13th、jlp-hrss-14th）\n", "plancheck: 提示："}},
		{name: "show unknown id in English", args: []string{"show", "--lang", "en", "nosuch"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: error: unknown plan \"nosuch\" (known: jlp-hrss-13th, jlp-hrss-14th)\n", "plancheck: hint: "}},
		{name: "show unknown version", args: []string{"show", "jlp-hrss-14th@9"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：jlp-hrss-14th 没有第 9 版（已有版本：1、2）\n"}},
		{name: "show bad version", args: []string{"show", "jlp-hrss-14th@x"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：规划引用“jlp-hrss-14th@x”有误：@ 后的版本应为从 1 起的整数\n"}},
		{name: "show version 0", args: []string{"show", "jlp-hrss-14th@0"}, want: trouble, noStdout: true},
		{name: "show missing file", args: []string{"show", "$D/missing.yaml"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：$D/missing.yaml：规划文件不存在\n", "plancheck: 提示："}},
		{name: "show invalid file", args: []string{"show", "$D/bad.yaml"}, want: trouble, noStdout: true,
			stderr: []string{
				"plancheck: 错误：$D/bad.yaml:13:13: 指标“失业保险参保人数”（jobs）：编号与第 9 行的指标重复\n",
				"plancheck: 错误：$D/bad.yaml:23:9: "}},
		{name: "show invalid file in English", args: []string{"show", "--lang", "en", "$D/bad.yaml"}, want: trouble, noStdout: true,
			stderr: []string{
				"plancheck: error: $D/bad.yaml:13:13: duplicate indicator id \"jobs\" (first at line 9)\n",
				"plancheck: error: $D/bad.yaml:23:9: "}},
		{name: "show alias bomb", args: []string{"show", "$D/bomb.yaml"}, want: trouble, noStdout: true,
			stderr: []string{"规划文件中不能使用 YAML 锚点（&）和引用（*）"}},
		{name: "show over the size limit", args: []string{"show", "$D/big.yaml"}, want: trouble, noStdout: true,
			stderr: []string{"规划文件过大"}},
		{name: "show no plan", args: []string{"show"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：show 只接受一个规划，收到 0 个参数\n"}},
		{name: "show unknown flag", args: []string{"show", "--bogus", "jlp-hrss-14th"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：未知的选项 --bogus\n", "plancheck: 提示：见 plancheck show -h\n"}},
		{name: "show unknown language", args: []string{"show", "jlp-hrss-14th", "--lang", "fr"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：--lang：未知语言 \"fr\"（应为 zh 或 en）\n", "plancheck: 提示：用 --lang zh 或 --lang en，或设置 PLANCHECK_LANG=zh 或 en\n"}},
		{name: "show unknown format", args: []string{"show", "jlp-hrss-14th", "--format", "xml"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：未知的格式 \"xml\"\n", "plancheck: 提示：请用 --format table、markdown 或 yaml\n"}},

		// the rest
		{name: "version", args: []string{"--version"}, want: ok, noStderr: true, stdout: []string{"plancheck "}},
		{name: "completion bash", args: []string{"completion", "bash"}, want: ok, noStderr: true,
			stdout: []string{"# bash completion V2 for plancheck"}},
		{name: "completion of an unknown shell", args: []string{"completion", "nosuch"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：未知的 shell \"nosuch\"（应为 bash、zsh、fish 或 powershell）\n"}},
		{name: "completion without a shell", args: []string{"completion"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：completion 需要指定 shell：bash、zsh、fish 或 powershell\n"}},
		{name: "plans with an argument", args: []string{"plans", "extra"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：plancheck plans 不接受参数，收到 \"extra\"\n", "plancheck: 提示：见 plancheck plans -h\n"}},
		{name: "help", args: []string{"-h"}, want: ok, noStderr: true, stdout: []string{"示例：\n", "退出状态"}},
		{name: "validate help", args: []string{"validate", "-h"}, want: ok, stdout: []string{"示例：\n  plancheck validate\n"}},
		{name: "plans help", args: []string{"plans", "-h"}, want: ok, stdout: []string{"示例：\n  plancheck plans\n"}},
		{name: "show help", args: []string{"show", "-h"}, want: ok, stdout: []string{"示例：\n  plancheck show jlp-hrss-14th\n"}},
		{name: "unknown command", args: []string{"nosuch"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：未知的命令 \"nosuch\"\nplancheck: 提示：见 plancheck -h\n"}},
		{name: "command typo", args: []string{"evl", "2023.xlsx"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: 错误：未知的命令 \"evl\"\nplancheck: 提示：是否要用 eval？见 plancheck -h\n"}},
		{name: "command typo after --lang", args: []string{"--lang", "en", "templat"}, want: trouble, noStdout: true,
			stderr: []string{"plancheck: error: unknown command \"templat\" for \"plancheck\"\nplancheck: hint: did you mean template? see 'plancheck -h'\n"}},
		{name: "unknown global language", args: []string{"--lang", "fr", "plans"}, want: trouble, noStdout: true},
	}
	expand := func(s string) string { return strings.ReplaceAll(s, "$D", dir) }
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = expand(a)
			}
			var stdout, stderr bytes.Buffer
			code := Main(args, strings.NewReader(""), &stdout, &stderr)
			out, errOut := stdout.String(), stderr.String()
			if code != tc.want {
				t.Errorf("plancheck %s: exit status %d, want %d\nstdout:\n%s\nstderr:\n%s",
					strings.Join(tc.args, " "), code, tc.want, out, errOut)
			}
			for _, s := range tc.stdout {
				if s = expand(s); !strings.Contains(out, s) {
					t.Errorf("stdout does not contain %q:\n%s", s, out)
				}
			}
			for _, s := range tc.notStdout {
				if strings.Contains(out, s) {
					t.Errorf("stdout contains %q:\n%s", s, out)
				}
			}
			for _, s := range tc.stderr {
				if s = expand(s); !strings.Contains(errOut, s) {
					t.Errorf("stderr does not contain %q:\n%s", s, errOut)
				}
			}
			if tc.noStdout && out != "" {
				t.Errorf("stdout is not empty:\n%s", out)
			}
			if tc.noStderr && errOut != "" {
				t.Errorf("stderr is not empty:\n%s", errOut)
			}
			if strings.Contains(errOut, "panic") || strings.Contains(errOut, "goroutine ") {
				t.Errorf("stderr shows a Go panic:\n%s", errOut)
			}
			if code != ExitOK && errOut == "" && out == "" {
				t.Error("failed without saying why")
			}
		})
	}
}

// TestMainAliasBombIsFast checks that an alias bomb is refused without being
// expanded. Expanded, it is 387 million strings: minutes and gigabytes. Refused,
// it takes milliseconds; the bound leaves room for a slow, busy machine.
func TestMainAliasBombIsFast(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.yaml")
	if err := os.WriteFile(bomb, []byte(aliasBomb), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"validate", bomb}, {"show", bomb}} {
		var stdout, stderr bytes.Buffer
		start := time.Now()
		code := Main(args, strings.NewReader(""), &stdout, &stderr)
		if elapsed := time.Since(start); elapsed > 5*time.Second {
			t.Errorf("plancheck %s took %v", args[0], elapsed)
		}
		if code == ExitOK {
			t.Errorf("plancheck %s: exit status 0 for an alias bomb", args[0])
		}
		if !strings.Contains(stderr.String(), "规划文件中不能使用 YAML 锚点（&）和引用（*）") {
			t.Errorf("plancheck %s: stderr:\n%s", args[0], stderr.String())
		}
	}
}

// TestVersionFlag checks that a version set at build time (-ldflags -X) is the
// one --version prints. It sets the package variable, so it does not run in
// parallel; parallel tests start only after it has finished.
func TestVersionFlag(t *testing.T) {
	saved := version
	t.Cleanup(func() { version = saved })

	version = ""
	if Version() == "" {
		t.Error("Version() is empty when none is set at build time")
	}

	version = "v1.2.3"
	for _, args := range [][]string{{"--version"}, {"-v"}} {
		var stdout, stderr bytes.Buffer
		if code := Main(args, strings.NewReader(""), &stdout, &stderr); code != ExitOK {
			t.Errorf("plancheck %s: exit status %d", args[0], code)
		}
		if got, want := stdout.String(), "plancheck v1.2.3\n"; got != want {
			t.Errorf("plancheck %s printed %q, want %q", args[0], got, want)
		}
	}
}

// TestRootHelpLeadsWithEval: the root's examples start with eval, the job
// plancheck is for.
func TestRootHelpLeadsWithEval(t *testing.T) {
	t.Parallel()
	var stdout bytes.Buffer
	if code := Main([]string{"-h"}, strings.NewReader(""), &stdout, &bytes.Buffer{}); code != ExitOK {
		t.Fatalf("plancheck -h: status %d", code)
	}
	_, examples, ok := strings.Cut(stdout.String(), "示例：\n")
	if !ok {
		t.Fatalf("no examples in:\n%s", stdout.String())
	}
	if !strings.HasPrefix(examples, "  plancheck eval 2023.xlsx\n") {
		t.Errorf("the examples do not lead with eval:\n%s", examples)
	}
}

// TestOutputDirectoryMissing: an output in a directory that does not exist is
// said as such, with no temporary file's name (.x.xlsx.tmp123) in the
// message; exit status 2 and nothing written.
func TestOutputDirectoryMissing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing-dir")
	const hint = "create the directory first, or name a file in one that exists"
	tests := []struct {
		path, wantErr, wantHint string
	}{
		{filepath.Join(missing, "x.xlsx"), "write " + filepath.Join(missing, "x.xlsx") + ": directory " + missing + " does not exist", hint},
		{filepath.Join(missing, "sub", "x.json"), "write " + filepath.Join(missing, "sub", "x.json") + ": directory " + filepath.Join(missing, "sub") + " does not exist", hint},
		{filepath.Join(file, "x.csv"), "write " + filepath.Join(file, "x.csv") + ": " + file + " is not a directory", ""},
	}
	for _, tc := range tests {
		for name, err := range map[string]error{
			"checkOutput": checkOutput(tc.path, []string{"2023.xlsx"}, msg.English),
			"writeAtomic": writeAtomic(tc.path, msg.English, []byte("x")),
		} {
			if err == nil {
				t.Errorf("%s(%s): no error", name, tc.path)
				continue
			}
			var stderr bytes.Buffer
			if code := reportError(&stderr, err, msg.English); code != ExitTrouble {
				t.Errorf("%s(%s): status %d, want %d", name, tc.path, code, ExitTrouble)
			}
			want := "plancheck: error: " + tc.wantErr + "\n"
			if tc.wantHint != "" {
				want += "plancheck: hint: " + tc.wantHint + "\n"
			}
			if stderr.String() != want {
				t.Errorf("%s(%s) reports\n%s\nwant\n%s", name, tc.path, stderr.String(), want)
			}
		}
	}
	// Through Main, for eval (before any workbook is read: the workbook named
	// does not exist) and template.
	for _, args := range [][]string{
		{"eval", "--lang", "en", "no-such.xlsx", "-o", filepath.Join(missing, "x.xlsx")},
		{"template", "--lang", "en", "-o", filepath.Join(missing, "x.xlsx")},
	} {
		var stdout, stderr bytes.Buffer
		code := Main(args, strings.NewReader(""), &stdout, &stderr)
		want := "plancheck: error: write " + filepath.Join(missing, "x.xlsx") + ": directory " + missing + " does not exist\n" +
			"plancheck: hint: " + hint + "\n"
		if code != ExitTrouble || stderr.String() != want || stdout.Len() != 0 {
			t.Errorf("%q: status %d, stdout %q, stderr\n%s\nwant status 2, stderr\n%s", args, code, stdout.String(), stderr.String(), want)
		}
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s was made: %v", missing, err)
	}
}

// TestWriteAtomicErrorsNameTheOutput: an error writing the output names the
// output, not the temporary file it is written through.
func TestWriteAtomicErrorsNameTheOutput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// A directory where the file should go: the rename into place fails.
	target := filepath.Join(dir, "out.json")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "keep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err := writeAtomic(target, msg.English, []byte("{}"))
	if err == nil {
		t.Fatal("writing over a directory succeeded")
	}
	if !strings.HasPrefix(err.Error(), "write "+target+": ") || strings.Contains(err.Error(), ".tmp") {
		t.Errorf("error %q, want it to name %s and no temporary file", err, target)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left files behind: %v", entries)
	}
	// The writer's own error is passed on as it is.
	errWriter := errors.New("bad cell")
	if err := writeAtomicFunc(filepath.Join(dir, "x.csv"), msg.English, func(io.Writer) error { return errWriter }); err != errWriter {
		t.Errorf("writer's error became %v", err)
	}
}

// TestMakeDist runs `make dist` for the host system only (the cross builds
// differ only in GOOS and GOARCH, which make lint builds for windows and
// darwin) into a temporary folder: the binary is named for its system, it
// prints the version stamped in, and SHA256SUMS holds its checksum. It builds
// plancheck once more, so it does not run under -short.
func TestMakeDist(t *testing.T) {
	if testing.Short() {
		t.Skip("builds plancheck: not under -short")
	}
	makePath, err := exec.LookPath("make")
	if err != nil {
		t.Skip("no make")
	}
	t.Parallel()
	distDir := t.TempDir()
	platform := runtime.GOOS + "/" + runtime.GOARCH
	name := "plancheck-" + runtime.GOOS + "-" + runtime.GOARCH
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	cmd := exec.Command(makePath, "--no-print-directory", "-C", filepath.Join("..", ".."), "dist",
		"DIST="+distDir, "DIST_PLATFORMS="+platform, "VERSION=v0.0.0-disttest")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make dist: %v\n%s", err, out)
	}
	bin := filepath.Join(distDir, name)
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatalf("%s --version: %v", bin, err)
	}
	if got, want := string(out), "plancheck v0.0.0-disttest\n"; got != want {
		t.Errorf("%s --version: %q, want %q", name, got, want)
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	sums, err := os.ReadFile(filepath.Join(distDir, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(sums), fmt.Sprintf("%x  %s\n", sha256.Sum256(data), name); got != want {
		t.Errorf("SHA256SUMS:\n%s\nwant\n%s", got, want)
	}
	entries, _ := os.ReadDir(distDir)
	if len(entries) != 2 {
		t.Errorf("dist holds %v, want the binary and SHA256SUMS", entries)
	}
}
