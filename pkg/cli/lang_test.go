package cli

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// english finds English prose: three words of three letters or more in a row.
var english = regexp.MustCompile(`[A-Za-z]{3,}[,.]? [A-Za-z]{3,}[,.]? [A-Za-z]{3,}`)

// command is a plancheck command quoted in a sentence.
var command = regexp.MustCompile(`plancheck(?: [-\w@./*\[\]]+)*`)

// TestHelpHasNoEnglishProse: in Chinese, every command's help has no English
// sentence left: what remains in Latin letters is a command, a flag, a format
// or file name, or an example to type. In English, the same help has no
// Chinese but the plan's own words it quotes. A text that bypassed the
// catalogue shows up here.
func TestHelpHasNoEnglishProse(t *testing.T) {
	commands := [][]string{{}, {"eval"}, {"inspect"}, {"plans"}, {"show"}, {"validate"}, {"template"}, {"help"}, {"completion"}, {"completion", "bash"}, {"completion", "powershell"}}
	for _, c := range commands {
		var out bytes.Buffer
		args := append(append([]string{}, c...), "-h")
		if code := Main(args, strings.NewReader(""), &out, &bytes.Buffer{}); code != ExitOK {
			t.Fatalf("plancheck %v: status %d", args, code)
		}
		for _, line := range strings.Split(out.String(), "\n") {
			trimmed := strings.TrimSpace(line)
			if strings.HasPrefix(trimmed, "plancheck ") || strings.HasPrefix(trimmed, "::error") {
				continue // an example to type
			}
			if m := english.FindString(command.ReplaceAllString(line, "")); m != "" {
				t.Errorf("plancheck %s: English left in the Chinese help: %q in\n%s", strings.Join(args, " "), m, line)
			}
		}
	}
}
