package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

func TestNewPlanFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     []string
		want     newPlanOptions // the fields compared: from, id, title, start, end, output, force, sheet, table
		wantErr  string
		wantHint string
	}{
		{name: "from and id", args: []string{"--from", "zl2.txt", "--id", "x-14th"}, want: newPlanOptions{from: "zl2.txt", id: "x-14th"}},
		{name: "stdin, every flag", args: []string{"--from", "-", "--id", "x", "--title", "T", "--period", "2021—2025", "-o", "p.yaml", "--force", "--sheet", "S", "--table", "专栏2"},
			want: newPlanOptions{from: "-", id: "x", title: "T", start: 2021, end: 2025, output: "p.yaml", force: true, sheet: "S", table: "专栏2"}},
		{name: "no from", args: []string{"--id", "x"}, wantErr: "new-plan needs --from", wantHint: "for example: plancheck new-plan --from 专栏2.txt --id jlp-hrss-15th -o plans/jlp-hrss-15th.v1.yaml"},
		{name: "no id", args: []string{"--from", "zl2.txt"}, wantErr: "new-plan needs --id", wantHint: "for example: plancheck new-plan --from 专栏2.txt --id jlp-hrss-15th -o plans/jlp-hrss-15th.v1.yaml"},
		{name: "id not a slug", args: []string{"--from", "zl2.txt", "--id", "九龙坡"}, wantErr: `--id "九龙坡" is not a valid id`, wantHint: "for example --id jlp-hrss-15th"},
		{name: "period backwards", args: []string{"--from", "zl2.txt", "--id", "x", "--period", "2025-2021"}, wantErr: "--period", wantHint: "write the first year first, like 2021-2025"},
		{name: "an argument", args: []string{"zl2.txt", "--id", "x"}, wantErr: "zl2.txt", wantHint: "see 'new-plan -h'"},
		{name: "output over the input", args: []string{"--from", "zl2.yaml", "--id", "x", "-o", "./zl2.yaml"}, wantErr: "zl2.yaml"},
		{name: "output not .yaml", args: []string{"--from", "zl2.txt", "--id", "x", "-o", "plan.txt"}, wantErr: "-o plan.txt: a plan file's name ends in .yaml or .yml", wantHint: "--plan and validate know a plan file by its .yaml ending, such as -o plans/jlp-hrss-15th.v1.yaml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ios, _, _ := testStreams()
			g := &globalOptions{lang: msg.English}
			var got *newPlanOptions
			cmd := newNewPlanCmd(ios, g, func(opts *newPlanOptions) error {
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
			if got.io != ios || got.global != g {
				t.Error("the options do not carry the command's streams and global options")
			}
			got.io, got.global, got.period = nil, nil, ""
			if *got != tc.want {
				t.Errorf("options %+v, want %+v", *got, tc.want)
			}
		})
	}
}

// TestRunNewPlanStdin: from standard input to standard output, the plan on
// stdout and, on stderr, the joined name, what was written and each
// placeholder with the command to check the result.
func TestRunNewPlanStdin(t *testing.T) {
	t.Parallel()
	ios, out, errOut := testStreams()
	ios.In = strings.NewReader("专栏2 “十四五”时期主要指标\n指标\t2020年 基数\t2025年 目标\t指标 属性\n一、就业\n1.城镇新增就业人数（万人）\t4.02\t[15]\t预期性\n5.失业保险参保\n人数（万人）\t41.6\t43.6\t预期性\n")
	opts := &newPlanOptions{io: ios, global: &globalOptions{lang: msg.English}, from: "-", id: "x-14th"}
	if err := runNewPlan(opts); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"id: x-14th\n", "period: {start: 2021, end: 2025}\n", "        name: 失业保险参保人数\n", "        better: \"?\"  # up or down: up where higher is better, down where lower is better\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	wantErr := `plancheck: warning: standard input:6: the indicator name goes on from line 5: joined
plancheck: wrote standard output: 1 groups, 2 indicators, period 2021—2025 (the period comes from the header: baseline 2020, target 2025)
-:26:17: "失业保险参保人数": the target "43.6" does not say which way is better: replace "?" with up or down
plancheck: fill in these 1, then check: plancheck validate FILE.yaml
`
	if errOut.String() != wantErr {
		t.Errorf("stderr\n%s\nwant\n%s", errOut, wantErr)
	}
}

// TestRunNewPlanNoOverwrite: an existing file is not written over without
// --force, and is with it.
func TestRunNewPlanNoOverwrite(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in, outPath := filepath.Join(dir, "zl.txt"), filepath.Join(dir, "plan.yaml")
	if err := os.WriteFile(in, []byte("专栏2 x\n指标\t2020年基数\t2025年目标\n1.a（个）\t1\t[2]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outPath, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, _ := testStreams()
	opts := &newPlanOptions{io: ios, global: &globalOptions{lang: msg.English}, from: in, id: "x", output: outPath}
	if err := runNewPlan(opts); err == nil || !strings.Contains(err.Error(), "refusing to write over it") {
		t.Errorf("error %v, want it to refuse", err)
	}
	if data, _ := os.ReadFile(outPath); string(data) != "mine\n" {
		t.Errorf("the file was written over: %q", data)
	}
	opts.force = true
	if err := runNewPlan(opts); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(outPath); !strings.HasPrefix(string(data), "# yaml-language-server") {
		t.Errorf("with --force, not written: %q", data)
	}
}

// TestRunNewPlanHints: an input without a header row, or a --table caption
// that names no table, is an error with the hint that helps.
func TestRunNewPlanHints(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, table, hint string
	}{
		{"城镇新增就业人数\t4.02\t[15]\t预期性\n", "", "paste the 专栏 with its header row"},
		{"专栏2 主要指标\n指标\t2020年基数\t2025年目标\t指标属性\n城镇新增就业人数\t4.02\t[15]\t预期性\n", "专栏9", "leave out --table, or check how the caption is written"},
	} {
		ios, _, _ := testStreams()
		ios.In = strings.NewReader(tc.in)
		err := runNewPlan(&newPlanOptions{io: ios, global: &globalOptions{lang: msg.English}, from: "-", id: "x-14th", table: tc.table})
		var h interface{ Hint() string }
		if err == nil || !errors.As(err, &h) || !strings.Contains(h.Hint(), tc.hint) {
			t.Errorf("%q: %v, want the hint %q", tc.in, err, tc.hint)
		}
	}
}
