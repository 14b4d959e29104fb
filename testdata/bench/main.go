// Command bench is the harness behind `make bench`: it measures plancheck
// against the floors a reader of large workbooks cannot beat, so that a
// performance goal is a ratio on one machine rather than a number that only
// holds on the machine it was measured on.
//
// It lives under testdata/ so that `go test ./...` and `go vet ./...` leave it
// out; run it with `go run ./testdata/bench …` or build it with
// `go build -o bin/bench ./testdata/bench`. Subcommands:
//
//	gen [-dir DIR]                         write the workbooks (skipping those already right)
//	ref FILE                               excelize's bare Rows loop over FILE's first sheet
//	run [-plancheck BIN] [-dir DIR] [-n N] generate if needed, time every case, print the report
//	check -units N -files M FILE           check a plancheck JSON report (run uses it)
//
// gen writes, deterministically (a fixed seed, fixed zip times, the same bytes
// every run): long-1422.xlsx and long-2844.xlsx, one long-layout sheet of
// 1,422 or 2,844 county-level units × the 23 indicators of jlp-hrss-14th ×
// 2021–2025; and small/0001.xlsx … small/1000.xlsx, wide 专栏2 tables.
//
// run starts every case as a separate process and takes its wall time and its
// peak RSS from the child's rusage, then prints a table, the goals of the
// issue with PASS or FAIL, and the machine. It exits non-zero only when the
// harness itself fails (a child crashed, a file is missing), never because a
// goal failed: the goals are what the work on plancheck is measured by, not a
// gate.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
)

// defaultDir is where gen writes and run reads: bin/ is git-ignored, so the
// generated workbooks (about 25 MB) are never committed.
const defaultDir = "bin/bench-data"

// evalYear is the year every plancheck case evaluates, passed explicitly so
// that no run depends on plancheck's guess. The data covers 2021–2025, and 2023
// is mid-period, where all of 提前完成, 快于预期, 符合预期, 滞后 and (for a
// binding indicator) 未完成 can occur.
const evalYear = 2023

const usage = `usage:
  bench gen [-dir DIR]
  bench ref FILE
  bench run [-plancheck bin/plancheck] [-dir DIR] [-n 5] [-warmup=true]
  bench check -units N -files M FILE
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = genMain(os.Args[2:])
	case "ref":
		err = refMain(os.Args[2:])
	case "run":
		err = runMain(os.Args[2:])
	case "check":
		err = checkMain(os.Args[2:])
	case "-h", "-help", "--help", "help":
		fmt.Print(usage)
		return
	default:
		fmt.Fprintf(os.Stderr, "bench: unknown subcommand %q\n%s", os.Args[1], usage)
		os.Exit(2)
	}
	if errors.Is(err, flag.ErrHelp) {
		return // the flag package has printed the usage
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "bench %s: %v\n", os.Args[1], err)
		os.Exit(2)
	}
}
