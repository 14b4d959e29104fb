package main

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEInspectExample: the README's `plancheck inspect wide.xlsx` is
// what plancheck prints, as TestOutputsUnchanged records it (stderr, then
// stdout, as a terminal shows them).
func TestREADMEInspectExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	baseline, err := os.ReadFile("testdata/baseline/inspect_wide.xlsx.txt")
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, ok := strings.Cut(strings.SplitN(string(baseline), "--- stdout\n", 2)[1], "--- stderr\n")
	if !ok {
		t.Fatal("baseline without stderr")
	}
	want := "```\n$ plancheck inspect wide.xlsx\n" + errOut + strings.TrimRight(out, "\n") + "\n```"
	if !strings.Contains(string(readme), want) {
		t.Errorf("the README's inspect example is not what plancheck prints; want:\n%s", want)
	}
}

// TestREADMERunExample: the README's `make run` block is what
// `./bin/plancheck eval testdata/2023.xlsx` prints, as TestOutputsUnchanged
// records it for 2023.xlsx (stdout, then stderr, as a terminal shows them):
// the plan chosen, the table of 专栏2, the key projects as one 未报送 line.
func TestREADMERunExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	baseline, err := os.ReadFile("testdata/baseline/eval_--format_table_2023.xlsx.txt")
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, ok := strings.Cut(strings.SplitN(string(baseline), "--- stdout\n", 2)[1], "--- stderr\n")
	if !ok {
		t.Fatal("baseline without stderr")
	}
	// The baseline runs in the folder of the workbook; make run names its path.
	printed := strings.ReplaceAll(out+errOut, "2023.xlsx", "testdata/2023.xlsx")
	want := "```\n./bin/plancheck eval testdata/2023.xlsx\n" + strings.TrimRight(printed, "\n") + "\n```"
	if !strings.Contains(string(readme), want) {
		t.Errorf("the README's make run example is not what plancheck prints; want:\n%s", want)
	}
}
