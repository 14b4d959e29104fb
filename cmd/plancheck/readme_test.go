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
