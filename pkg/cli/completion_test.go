package cli

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// complete runs cobra's hidden __complete command as a shell's completion
// script does, and returns the values offered (without their descriptions)
// and the directive number of the last line.
func complete(t *testing.T, args ...string) (values []string, directive string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := Main(append([]string{"__complete"}, args...), strings.NewReader(""), &stdout, &stderr); code != ExitOK {
		t.Fatalf("__complete %q: status %d, stderr %s", args, code, stderr.String())
	}
	lines := strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n")
	if len(lines) == 0 || !strings.HasPrefix(lines[len(lines)-1], ":") {
		t.Fatalf("__complete %q: no directive line in %q", args, stdout.String())
	}
	for _, l := range lines[:len(lines)-1] {
		v, _, _ := strings.Cut(l, "\t")
		values = append(values, v)
	}
	return values, lines[len(lines)-1]
}

// Directives as __complete prints them.
var (
	noFiles    = fmt.Sprintf(":%d", cobra.ShellCompDirectiveNoFileComp)
	filterExts = fmt.Sprintf(":%d", cobra.ShellCompDirectiveFilterFileExt)
)

func TestCompletion(t *testing.T) {
	t.Parallel()
	reg, err := plan.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	// Every embedded id and every id@version, from the registry itself, so
	// that a new plan is expected without editing the test; and, for the
	// plans shipped today, spelt out.
	var allRefs []string
	for _, id := range reg.IDs() {
		allRefs = append(allRefs, id)
		for _, p := range reg.All() {
			if p.ID == id {
				allRefs = append(allRefs, p.Ref())
			}
		}
	}
	for _, want := range []string{"jlp-hrss-13th", "jlp-hrss-13th@1", "jlp-hrss-14th", "jlp-hrss-14th@1", "jlp-hrss-14th@2"} {
		if !slices.Contains(allRefs, want) {
			t.Errorf("the registry has no %s", want)
		}
	}
	var refs14 []string
	for _, r := range allRefs {
		if strings.HasPrefix(r, "jlp-hrss-14th") {
			refs14 = append(refs14, r)
		}
	}

	evalFormats := []string{"table", "markdown", "csv", "json", "xlsx", "html"}
	tests := []struct {
		args          []string
		want          []string
		wantDirective string
	}{
		// --plan on every command that has it, and show's PLAN.
		{[]string{"eval", "--plan", ""}, allRefs, noFiles},
		{[]string{"eval", "2023.xlsx", "--plan", "jlp-hrss-14"}, refs14, noFiles},
		{[]string{"eval", "--plan=jlp-hrss-14th@"}, []string{"jlp-hrss-14th@1", "jlp-hrss-14th@2"}, noFiles},
		{[]string{"inspect", "--plan", ""}, allRefs, noFiles},
		{[]string{"template", "--plan", ""}, allRefs, noFiles},
		{[]string{"show", ""}, allRefs, noFiles},
		{[]string{"show", "jlp-hrss-13"}, []string{"jlp-hrss-13th", "jlp-hrss-13th@1"}, noFiles},
		{[]string{"show", "jlp-hrss-14th", ""}, nil, noFiles}, // one PLAN only
		// A plan file: no embedded plan starts with ./, so plan files are offered.
		{[]string{"eval", "--plan", "./"}, []string{"yaml", "yml"}, filterExts},
		{[]string{"show", "plans/"}, []string{"yaml", "yml"}, filterExts},
		// --format, per command.
		{[]string{"eval", "--format", ""}, evalFormats, noFiles},
		{[]string{"eval", "a.xlsx", "--format="}, evalFormats, noFiles},
		{[]string{"inspect", "--format", ""}, []string{"table", "markdown", "json"}, noFiles},
		{[]string{"plans", "--format", ""}, []string{"table", "markdown", "json"}, noFiles},
		{[]string{"show", "--format", ""}, []string{"table", "markdown", "yaml"}, noFiles},
		{[]string{"validate", "--format", ""}, []string{"text", "github"}, noFiles},
		// --fail-on and the persistent --lang.
		{[]string{"eval", "--fail-on", ""}, []string{"binding", "any", "none"}, noFiles},
		{[]string{"eval", "--lang", ""}, []string{"zh", "en"}, noFiles},
		{[]string{"validate", "--lang", ""}, []string{"zh", "en"}, noFiles},
		{[]string{"--lang", ""}, []string{"zh", "en"}, noFiles},
		// Workbooks and plan files as arguments.
		{[]string{"eval", ""}, []string{"xlsx", "xlsm"}, filterExts},
		{[]string{"inspect", ""}, []string{"xlsx", "xlsm"}, filterExts},
		{[]string{"validate", ""}, []string{"yaml", "yml"}, filterExts},
		// schema's names.
		{[]string{"schema", ""}, []string{"plan", "result"}, noFiles},
		{[]string{"schema", "r"}, []string{"result"}, noFiles},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			got, directive := complete(t, tc.args...)
			if !slices.Equal(got, tc.want) {
				t.Errorf("offers %q, want %q", got, tc.want)
			}
			if directive != tc.wantDirective {
				t.Errorf("directive %s, want %s", directive, tc.wantDirective)
			}
		})
	}
}

// TestCompletionDescriptions: each plan id is described by its plan's title
// on one line, and ID by its newest version.
func TestCompletionDescriptions(t *testing.T) {
	t.Parallel()
	for lang, newest := range map[string]string{"zh": "（最新版本 2）", "en": " (newest version, 2)"} {
		var stdout bytes.Buffer
		Main([]string{"__complete", "show", "--lang", lang, "jlp-hrss-14th"}, strings.NewReader(""), &stdout, &bytes.Buffer{})
		want := "jlp-hrss-14th\t九龙坡区人力资源和社会保障事业发展“十四五”规划（2021—2025年）" + newest + "\n" +
			"jlp-hrss-14th@1\t九龙坡区人力资源和社会保障事业发展“十四五”规划（2021—2025年）\n" +
			"jlp-hrss-14th@2\t九龙坡区人力资源和社会保障事业发展“十四五”规划（2021—2025年）\n" + noFiles + "\n"
		if stdout.String() != want {
			t.Errorf("%s: got\n%s\nwant\n%s", lang, stdout.String(), want)
		}
	}
	if got := oneLine("a\tb\n c  d"); got != "a b c d" {
		t.Errorf("oneLine: %q", got)
	}
}

// TestCompletionValuesAccepted holds the values completion offers to those
// each command accepts: every --format, --fail-on and --lang value offered is
// parsed and checked by the command without an error.
func TestCompletionValuesAccepted(t *testing.T) {
	t.Parallel()
	// The arguments each command needs besides the flag; -o for the formats
	// that need a file.
	base := map[string][]string{
		"diff":     {"jlp-hrss-14th", "jlp-hrss-13th"},
		"eval":     {"a.xlsx", "-o", "r.xlsx"},
		"inspect":  {"a.xlsx"},
		"plans":    nil,
		"show":     {"jlp-hrss-14th"},
		"validate": nil,
	}
	root := newRootCmd(&IOStreams{In: strings.NewReader(""), Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}, nil)
	for name := range base {
		c, _, err := root.Find([]string{name})
		if err != nil || c.Name() != name {
			t.Fatalf("no command %s", name)
		}
		if _, ok := formatValues[name]; !ok {
			t.Errorf("%s has --format but completion offers no values for it", name)
		}
	}
	for _, c := range root.Commands() {
		if _, ok := formatValues[c.Name()]; !ok && c.Flags().Lookup("format") != nil {
			t.Errorf("%s has --format but completion offers no values for it", c.Name())
		}
	}

	accepted := func(name string, extra ...string) error {
		ios, _, _ := testStreams()
		g := &globalOptions{lang: msg.English}
		args := append(append([]string{}, base[name]...), extra...)
		var cmd *cobra.Command
		switch name {
		case "diff":
			cmd = newDiffCmd(ios, g, func(*diffOptions) error { return nil })
		case "eval":
			cmd = newEvalCmd(ios, g, func(*evalOptions) error { return nil })
		case "inspect":
			cmd = newInspectCmd(ios, g, func(*inspectOptions) error { return nil })
		case "plans":
			cmd = newPlansCmd(ios, g, func(*plansOptions) error { return nil })
		case "show":
			cmd = newShowCmd(ios, g, func(*showOptions) error { return nil })
		case "validate":
			cmd = newValidateCmd(ios, g, func(*validateOptions) error { return nil })
		}
		_, err := execute(cmd, args)
		return err
	}
	for name, values := range formatValues {
		for _, v := range values {
			v, _, _ = strings.Cut(v, "\t")
			if err := accepted(name, "--format", v); err != nil {
				t.Errorf("%s --format %s (offered by completion): %v", name, v, err)
			}
		}
	}
	for _, v := range failOnValues {
		v, _, _ = strings.Cut(v, "\t")
		if err := accepted("eval", "--fail-on", v); err != nil {
			t.Errorf("eval --fail-on %s (offered by completion): %v", v, err)
		}
	}
	// --lang is checked by the root before any command runs.
	for _, v := range langValues {
		v, _, _ = strings.Cut(v, "\t")
		var stderr bytes.Buffer
		if code := Main([]string{"plans", "--lang", v}, strings.NewReader(""), &bytes.Buffer{}, &stderr); code != ExitOK {
			t.Errorf("--lang %s (offered by completion): status %d, %s", v, code, stderr.String())
		}
	}
}

// TestCompletionValueDescriptions: the descriptions of --format, --fail-on
// and --lang values come from the catalogue, in the run's language; none is
// a missing key.
func TestCompletionValueDescriptions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "eval", "--format", ""}, "table\t完成情况表（默认）\n"},
		{[]string{"__complete", "eval", "--lang", "en", "--format", ""}, "table\tthe completion table (the default)\n"},
		{[]string{"__complete", "eval", "--fail-on", ""}, "none\t从不失败\n"},
		{[]string{"__complete", "eval", "--lang", "en", "--fail-on", ""}, "none\tnever fail\n"},
		{[]string{"__complete", "plans", "--lang", ""}, "zh\t中文输出（默认）\n"},
	} {
		var stdout bytes.Buffer
		Main(tc.args, strings.NewReader(""), &stdout, &bytes.Buffer{})
		if !strings.Contains(stdout.String(), tc.want) {
			t.Errorf("%q: no %q in\n%s", tc.args, tc.want, stdout.String())
		}
	}
	lists := [][]string{failOnValues, langValues}
	for _, v := range formatValues {
		lists = append(lists, v)
	}
	for _, list := range lists {
		for _, v := range list {
			value, key, _ := strings.Cut(v, "\t")
			for _, lang := range []msg.Lang{msg.Chinese, msg.English} {
				if d := lang.T(msg.Key(key)); strings.HasPrefix(d, "[") || d == "" {
					t.Errorf("%s: %s description of %s is %q", key, lang, value, d)
				}
			}
		}
	}
}
