package main

import (
	"archive/zip"
	"bufio"
	"context"
	"debug/buildinfo"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// caseKind is what a case runs.
type caseKind int

const (
	kindPlancheck caseKind = iota // plancheck eval …
	kindRef                       // this program's ref subcommand
	kindUnzip                     // unzip -p FILE xl/worksheets/sheet1.xml
	kindInflate                   // the same inflate in this process, when unzip is missing
)

// benchCase is one measured command.
type benchCase struct {
	id       string // json-2844, ref-1422, unzip-2844 …: how the report finds it
	name     string
	kind     caseKind
	argv     []string
	workbook string // long-1422.xlsx or long-2844.xlsx, for the ratios; "" for the small ones
	// verify checks the captured output of the first run and returns a note
	// for the report; nil checks nothing.
	verify func(stdout *os.File) (string, error)
}

// sample is one run's measurements.
type sample struct {
	wall   time.Duration
	cpu    time.Duration // user + system, from rusage
	maxRSS int64         // bytes; -1 when not measured (in-process inflate)
}

// result is every timed run of a case.
type result struct {
	c       *benchCase
	samples []sample
	err     error
	note    string
}

func runMain(args []string) error {
	fl := flag.NewFlagSet("run", flag.ContinueOnError)
	plancheck := fl.String("plancheck", "bin/plancheck", "the plancheck binary to measure")
	dir := fl.String("dir", defaultDir, "the data directory (generated first if needed)")
	n := fl.Int("n", 5, "timed runs of each case")
	warmup := fl.Bool("warmup", true, "run each case once, untimed, first: it fills the page cache and checks the output")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 || *n < 1 {
		return fmt.Errorf("usage: bench run [-plancheck BIN] [-dir DIR] [-n N] [-warmup=false]")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	loadStart := loadAverage()
	bin, err := filepath.Abs(*plancheck)
	if err != nil {
		return err
	}
	if st, err := os.Stat(bin); err != nil || st.IsDir() || st.Mode()&0o111 == 0 {
		return fmt.Errorf("%s is not an executable (run make build first)", *plancheck)
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	// Everything that needs memory (generating, reading plancheck's JSON) runs
	// in a child process of its own, for this process's peak RSS is a floor
	// under every child's: Go starts children with vfork, and Linux carries the
	// parent's high-water mark into the child's ru_maxrss when it execs.
	gen := exec.CommandContext(ctx, self, "gen", "-dir", *dir)
	gen.Stdout, gen.Stderr = os.Stderr, os.Stderr
	if err := gen.Run(); err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	cases := makeCases(ctx, bin, self, *dir)

	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer devNull.Close()

	results := make([]*result, len(cases))
	for i, c := range cases {
		results[i] = &result{c: c}
	}
	// first runs a case once with its output captured (to files, not pipes,
	// so that no goroutine copies while the child runs): stderr to diagnose a
	// failure, stdout for the case's check.
	first := func(r *result, timed bool) {
		s, note, err := runCaptured(ctx, r.c, devNull)
		if err != nil {
			r.err = err
			return
		}
		r.note = note
		if timed {
			r.samples = append(r.samples, s)
		}
	}
	if *warmup {
		for _, r := range results {
			progress("warm-up  %-34s", r.c.name)
			first(r, false)
			progressDone(r, nil)
		}
	}
	// The rounds interleave the cases, so that a change in the machine's load
	// (it is shared) spreads over every case instead of falling on one.
	for round := 1; round <= *n; round++ {
		for _, r := range results {
			if r.err != nil {
				continue
			}
			progress("run %d/%d  %-34s", round, *n, r.c.name)
			if round == 1 && !*warmup {
				first(r, true)
				progressDone(r, r.samples)
				continue
			}
			s, err := runOnce(ctx, r.c, devNull, devNull)
			if err != nil {
				r.err = fmt.Errorf("%w (stderr is captured on the first run only)", err)
			} else {
				r.samples = append(r.samples, s)
			}
			progressDone(r, r.samples)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}

	report(os.Stdout, results, *n, *dir, bin, loadStart)
	var failed []string
	for _, r := range results {
		if r.err != nil {
			failed = append(failed, r.c.name)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("harness error in %s", strings.Join(failed, ", "))
	}
	return nil
}

func progress(format string, args ...any) { fmt.Fprintf(os.Stderr, format, args...) }

func progressDone(r *result, samples []sample) {
	switch {
	case r.err != nil:
		fmt.Fprintf(os.Stderr, " ERROR\n")
	case len(samples) > 0:
		s := samples[len(samples)-1]
		fmt.Fprintf(os.Stderr, " %7.2f s %8s\n", s.wall.Seconds(), formatRSS(s.maxRSS))
	default:
		fmt.Fprintf(os.Stderr, " ok\n")
	}
}

// benchPlan is the plan the data is made for and evaluated against: 专栏2's 23
// indicators, the plan the budgets were set with. Named, not chosen: version 2
// of the plan (the key projects too) would fit the rows as well and be chosen,
// and list 36 indicators as not reported for every unit.
const benchPlan = "jlp-hrss-14th@1"

// makeCases lists the cases in the order they are run and reported.
func makeCases(ctx context.Context, bin, self, dir string) []*benchCase {
	path := func(rel string) string { return filepath.Join(dir, rel) }
	year := fmt.Sprint(evalYear)
	var cases []*benchCase
	for _, wb := range []string{longLarge, longSmall} {
		units := unitsOf[wb]
		cases = append(cases,
			&benchCase{id: "json-" + size(wb), name: "plancheck json  " + stem(wb), kind: kindPlancheck, workbook: wb,
				argv:   []string{bin, "eval", path(wb), "--format", "json", "--year", year, "--plan", benchPlan},
				verify: func(out *os.File) (string, error) { return checkChild(ctx, self, out, units, 1) }},
			&benchCase{id: "table-" + size(wb), name: "plancheck table " + stem(wb), kind: kindPlancheck, workbook: wb,
				argv:   []string{bin, "eval", path(wb), "--format", "table", "--year", year, "--plan", benchPlan},
				verify: verifyNonEmpty})
	}
	small := []string{bin, "eval"}
	for i := 1; i <= smallCount; i++ {
		small = append(small, path(smallName(i)))
	}
	small = append(small, "--format", "json", "--year", year, "--plan", benchPlan)
	cases = append(cases, &benchCase{id: "json-small", name: fmt.Sprintf("plancheck json  small ×%d", smallCount), kind: kindPlancheck,
		argv: small, verify: func(out *os.File) (string, error) { return checkChild(ctx, self, out, 1, smallCount) }})
	for _, wb := range []string{longLarge, longSmall} {
		rows := longRows(unitsOf[wb])
		cases = append(cases, &benchCase{id: "ref-" + size(wb), name: "excelize Rows loop " + stem(wb), kind: kindRef, workbook: wb,
			argv:   []string{self, "ref", path(wb)},
			verify: func(out *os.File) (string, error) { return verifyRows(out, rows) }})
	}
	unzip, err := exec.LookPath("unzip")
	for _, wb := range []string{longLarge, longSmall} {
		if err == nil {
			cases = append(cases, &benchCase{id: "unzip-" + size(wb), name: "unzip -p sheet " + stem(wb), kind: kindUnzip, workbook: wb,
				argv: []string{unzip, "-p", path(wb), "xl/worksheets/sheet1.xml"}})
		} else {
			cases = append(cases, &benchCase{id: "unzip-" + size(wb), name: "inflate in-process " + stem(wb), kind: kindInflate, workbook: wb,
				argv: []string{path(wb)}})
		}
	}
	return cases
}

func stem(wb string) string { return strings.TrimSuffix(wb, ".xlsx") }

// size is the long workbook's number of units as its case ids spell it.
func size(wb string) string { return strings.TrimPrefix(stem(wb), "long-") }

// runCaptured runs a case with its stdout and stderr in temporary files, then
// checks the stdout; on a failure the error carries the end of the stderr.
func runCaptured(ctx context.Context, c *benchCase, devNull *os.File) (sample, string, error) {
	if c.kind == kindInflate {
		s, err := runOnce(ctx, c, devNull, devNull)
		return s, "", err
	}
	stdout, err := os.CreateTemp("", "bench-stdout-*")
	if err != nil {
		return sample{}, "", err
	}
	defer os.Remove(stdout.Name())
	defer stdout.Close()
	stderr, err := os.CreateTemp("", "bench-stderr-*")
	if err != nil {
		return sample{}, "", err
	}
	defer os.Remove(stderr.Name())
	defer stderr.Close()
	if c.verify == nil {
		stdout.Close()
		stdout = devNull // unzip's 80 MB are not worth writing out
	}
	s, err := runOnce(ctx, c, stdout, stderr)
	if err != nil {
		return s, "", fmt.Errorf("%w\n%s", err, tail(stderr, 20))
	}
	if c.verify == nil {
		return s, "", nil
	}
	if _, err := stdout.Seek(0, io.SeekStart); err != nil {
		return s, "", err
	}
	note, err := c.verify(stdout)
	if err != nil {
		return s, "", fmt.Errorf("%s: output check: %w\n%s", c.name, err, tail(stderr, 20))
	}
	return s, note, nil
}

// runOnce runs a case once. The child's stdout and stderr are files (never
// pipes), so nothing in this process copies while it runs; the wall time is
// taken around Start and Wait, the CPU time and peak RSS from the child's
// rusage.
func runOnce(ctx context.Context, c *benchCase, stdout, stderr *os.File) (sample, error) {
	if c.kind == kindInflate {
		return inflate(c.argv[0])
	}
	cmd := exec.CommandContext(ctx, c.argv[0], c.argv[1:]...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	start := time.Now()
	err := cmd.Start()
	if err == nil {
		err = cmd.Wait()
	}
	wall := time.Since(start)
	ps := cmd.ProcessState
	if ps == nil {
		return sample{}, fmt.Errorf("%s: %w", c.name, err)
	}
	ru, _ := ps.SysUsage().(*syscall.Rusage)
	s := sample{wall: wall, maxRSS: -1}
	if ru != nil {
		s.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		s.maxRSS = ru.Maxrss * 1024 // KiB on Linux
	}
	code := ps.ExitCode()
	// plancheck exits 1 when it evaluated and an indicator failed the policy:
	// a completed evaluation. Anything else is the harness's problem.
	ok := code == 0 || (code == 1 && c.kind == kindPlancheck)
	if !ok {
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			return s, fmt.Errorf("%s: %s: %v", c.name, ps, err)
		}
		return s, fmt.Errorf("%s: %s", c.name, ps)
	}
	return s, nil
}

// inflate is the unzip floor measured in this process, for machines without
// unzip: the sheet's bytes inflated to nowhere. It has no RSS of its own.
func inflate(path string) (sample, error) {
	start := time.Now()
	zr, err := zip.OpenReader(path)
	if err != nil {
		return sample{}, err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return sample{}, err
		}
		_, err = io.Copy(io.Discard, rc)
		rc.Close()
		if err != nil {
			return sample{}, err
		}
		return sample{wall: time.Since(start), maxRSS: -1}, nil
	}
	return sample{}, fmt.Errorf("%s: no xl/worksheets/sheet1.xml", path)
}

// tail is the last n lines of a captured stderr.
func tail(f *os.File, n int) string {
	b, err := os.ReadFile(f.Name())
	if err != nil || len(b) == 0 {
		return "(no stderr)"
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{"…"}, lines[len(lines)-n:]...)
	}
	return "stderr:\n  " + strings.Join(lines, "\n  ")
}

// checkChild runs `bench check` on plancheck's captured JSON in a process of
// its own (decoding 50 MB of JSON here would raise this process's peak RSS,
// and with it the floor of every child's).
func checkChild(ctx context.Context, self string, out *os.File, units, files int) (string, error) {
	cmd := exec.CommandContext(ctx, self, "check", "-units", fmt.Sprint(units), "-files", fmt.Sprint(files), out.Name())
	var stderr strings.Builder
	cmd.Stderr = &stderr
	note, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(note)), nil
}

// checkMain is `bench check -units N -files M FILE`: it reads plancheck's
// JSON report in FILE and prints a summary of its outcomes, or fails if the
// report is not of the plan, year and units the data was made for.
func checkMain(args []string) error {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	units := fl.Int("units", 1, "units (entities) in each workbook")
	files := fl.Int("files", 1, "workbooks evaluated (more than one: the report is an array)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() != 1 {
		return fmt.Errorf("usage: bench check -units N -files M FILE")
	}
	f, err := os.Open(fl.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	note, err := verifyJSON(f, *units, *files)
	if err != nil {
		return err
	}
	fmt.Println(note)
	return nil
}

// evalJSON is the part of plancheck's JSON report the checks read.
type evalJSON struct {
	Plan struct {
		ID string `json:"id"`
	} `json:"plan"`
	Year       int `json:"year"`
	Indicators []struct {
		Entity string `json:"entity"`
		Status string `json:"status"`
	} `json:"indicators"`
}

// verifyJSON checks that plancheck evaluated what the data was made for: the
// plan jlp-hrss-14th, the year 2023, every unit with all 23 indicators, in
// each of files reports (one object, or an array of them).
func verifyJSON(out *os.File, units, files int) (string, error) {
	var evals []evalJSON
	dec := json.NewDecoder(bufio.NewReaderSize(out, 1<<20))
	if files == 1 {
		var e evalJSON
		if err := dec.Decode(&e); err != nil {
			return "", err
		}
		evals = []evalJSON{e}
	} else if err := dec.Decode(&evals); err != nil {
		return "", err
	}
	if len(evals) != files {
		return "", fmt.Errorf("%d reports, want %d", len(evals), files)
	}
	count := map[string]int{}
	for _, e := range evals {
		if e.Plan.ID != "jlp-hrss-14th" || e.Year != evalYear {
			return "", fmt.Errorf("evaluated plan %q for %d, want jlp-hrss-14th for %d", e.Plan.ID, e.Year, evalYear)
		}
		entities := map[string]bool{}
		for _, o := range e.Indicators {
			entities[o.Entity] = true
			count[o.Status]++
		}
		if len(entities) != units || len(e.Indicators) != units*len(indicators) {
			return "", fmt.Errorf("%d outcomes for %d units, want %d for %d", len(e.Indicators), len(entities), units*len(indicators), units)
		}
	}
	var parts []string
	for _, st := range []string{"achieved", "ahead", "on-track", "lagging", "not-achieved", "no-data"} {
		parts = append(parts, fmt.Sprintf("%s %d", st, count[st]))
		delete(count, st)
	}
	for st, n := range count {
		parts = append(parts, fmt.Sprintf("%s %d", st, n))
	}
	return fmt.Sprintf("jlp-hrss-14th %d, %d outcomes: %s", evalYear, files*units*len(indicators), strings.Join(parts, ", ")), nil
}

func verifyNonEmpty(out *os.File) (string, error) {
	st, err := out.Stat()
	if err != nil {
		return "", err
	}
	if st.Size() == 0 {
		return "", errors.New("no output")
	}
	return fmt.Sprintf("%.1f MB of table", float64(st.Size())/1e6), nil
}

func verifyRows(out *os.File, want int) (string, error) {
	var got int
	if _, err := fmt.Fscanf(out, "rows %d\n", &got); err != nil {
		return "", err
	}
	if got != want {
		return "", fmt.Errorf("read %d rows, want %d", got, want)
	}
	return fmt.Sprintf("%d rows", got), nil
}

// stats are a case's summary.
type stats struct {
	ok               bool
	median, min, max time.Duration
	cpu              time.Duration
	rss              int64 // median peak RSS in bytes, -1 if not measured
}

func summarize(r *result) stats {
	if r == nil || r.err != nil || len(r.samples) == 0 {
		return stats{}
	}
	var walls, cpus []time.Duration
	var rss []int64
	for _, s := range r.samples {
		walls, cpus, rss = append(walls, s.wall), append(cpus, s.cpu), append(rss, s.maxRSS)
	}
	slices.Sort(walls)
	return stats{ok: true, median: medianOf(walls), min: walls[0], max: walls[len(walls)-1],
		cpu: medianOf(cpus), rss: medianOf(rss)}
}

// medianOf sorts xs and returns the middle value (the mean of the two middle
// ones for an even count).
func medianOf[T time.Duration | int64](xs []T) T {
	slices.Sort(xs)
	m := len(xs) / 2
	if len(xs)%2 == 0 {
		return (xs[m-1] + xs[m]) / 2
	}
	return xs[m]
}

// MB is 10^6 bytes throughout, the unit of the 150 MB.
func formatRSS(b int64) string {
	if b < 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f MB", float64(b)/1e6)
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func report(w io.Writer, results []*result, n int, dir, bin string, loadStart string) {
	find := func(id string) stats {
		for _, r := range results {
			if r.c.id == id {
				return summarize(r)
			}
		}
		return stats{}
	}
	ratio := func(num, den stats) string {
		if !num.ok || !den.ok || den.median == 0 {
			return "—"
		}
		return fmt.Sprintf("%.2f", num.median.Seconds()/den.median.Seconds())
	}
	fmt.Fprintf(w, "\nplancheck bench: %d timed run(s) per case; time is wall time, cpu is user+sys, peak RSS is the child's ru_maxrss, each the median; MB = 10^6 bytes;\n×Rows and ×unzip are the median time over that of the excelize Rows loop and of unzip on the same workbook\n\n", n)
	fmt.Fprintf(w, "%-34s %4s %9s %17s %9s %10s %9s %8s\n", "case", "runs", "median", "min–max", "cpu", "peak RSS", "×Rows", "×unzip")
	for _, r := range results {
		st := summarize(r)
		if !st.ok {
			fmt.Fprintf(w, "%-34s %4s %9s\n", r.c.name, "-", "ERROR")
			continue
		}
		ref, unz := "—", "—"
		if r.c.workbook != "" {
			ref, unz = ratio(st, find("ref-"+size(r.c.workbook))), ratio(st, find("unzip-"+size(r.c.workbook)))
		}
		cpu := secs(st.cpu)
		if r.c.kind == kindInflate {
			cpu = "n/a"
		}
		fmt.Fprintf(w, "%-34s %4d %9s %17s %9s %10s %9s %8s\n", r.c.name, len(r.samples), secs(st.median),
			fmt.Sprintf("%.2f–%.2f s", st.min.Seconds(), st.max.Seconds()), cpu, formatRSS(st.rss), ref, unz)
	}
	fmt.Fprintln(w)
	for _, r := range results {
		switch {
		case r.err != nil:
			fmt.Fprintf(w, "error: %v\n", r.err)
		case r.note != "":
			fmt.Fprintf(w, "check: %-27s %s\n", r.c.name, r.note)
		}
	}

	json2844, table2844, json1422 := find("json-2844"), find("table-2844"), find("json-1422")
	ref2844, small := find("ref-2844"), find("json-small")
	fmt.Fprintf(w, "\ngoals (long-2844 unless said):\n")
	goal(w, json2844.ok && ref2844.ok, json2844.median.Seconds() <= 0.5*ref2844.median.Seconds(),
		"plancheck JSON time ≤ 0.5 × excelize Rows loop",
		func() string {
			return fmt.Sprintf("%s vs %s allowed (%.2f × %s; by cpu time %.2f ×)", secs(json2844.median), secs(ref2844.median/2),
				json2844.median.Seconds()/ref2844.median.Seconds(), secs(ref2844.median), json2844.cpu.Seconds()/ref2844.cpu.Seconds())
		})
	goal(w, json2844.ok && json2844.rss > 0, json2844.rss <= 150e6,
		"plancheck JSON peak RSS ≤ 150 MB",
		func() string { return formatRSS(json2844.rss) })
	goal(w, json2844.ok && json1422.ok && json2844.rss > 0, json1422.rss >= json2844.rss*3/4 && json1422.rss <= json2844.rss*5/4,
		"long-1422 peak RSS within 25 % of long-2844's (JSON)",
		func() string {
			return fmt.Sprintf("%s vs %s (%+.1f %%)", formatRSS(json1422.rss), formatRSS(json2844.rss),
				100*(float64(json1422.rss)/float64(json2844.rss)-1))
		})
	goal(w, table2844.ok && json2844.ok, table2844.median.Seconds() <= 1.5*json2844.median.Seconds(),
		"table output time ≤ 1.5 × JSON time",
		func() string {
			return fmt.Sprintf("%s vs %s (%.2f ×; by cpu time %.2f ×)", secs(table2844.median), secs(json2844.median),
				table2844.median.Seconds()/json2844.median.Seconds(), table2844.cpu.Seconds()/json2844.cpu.Seconds())
		})
	goal(w, small.ok, small.median < 10*time.Second,
		fmt.Sprintf("%d small workbooks in one plancheck process < 10 s", smallCount),
		func() string { return fmt.Sprintf("%s, peak RSS %s", secs(small.median), formatRSS(small.rss)) })

	fmt.Fprintf(w, "\ndata (%s):\n", dir)
	for _, wb := range []string{longLarge, longSmall} {
		fmt.Fprintf(w, "  %-15s %s\n", wb, describeWorkbook(filepath.Join(dir, wb), unitsOf[wb]))
	}
	fmt.Fprintf(w, "  %-15s %d wide 专栏2 workbooks, %s\n", smallDir+"/", smallCount, describeDir(filepath.Join(dir, smallDir)))

	fmt.Fprintf(w, "\nmachine:\n")
	fmt.Fprintf(w, "  nproc %d, %s\n", runtime.NumCPU(), cpuModel())
	fmt.Fprintf(w, "  harness %s %s/%s; plancheck %s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, binaryInfo(bin))
	loadEnd := loadAverage()
	fmt.Fprintf(w, "  load average at start %s, at end %s\n", loadStart, loadEnd)
	fmt.Fprintf(w, "  harness peak RSS %s: no child's peak RSS can read lower (Linux carries a vforking parent's high-water mark into the child)\n", selfPeakRSS())
	if busy(loadStart) || busy(loadEnd) {
		fmt.Fprintf(w, "  warning: the machine was busy (1-minute load above %d CPUs × 0.75): wall times are inflated and noisy; the cpu column and the cpu-time ratios are steadier\n", runtime.NumCPU())
	}
}

// busy reports whether a load average's 1-minute figure says other work
// competed for the CPUs.
func busy(load string) bool {
	f := strings.Fields(load)
	if len(f) == 0 {
		return false
	}
	v, err := strconv.ParseFloat(f[0], 64)
	return err == nil && v > 0.75*float64(runtime.NumCPU())
}

// selfPeakRSS is this process's VmHWM.
func selfPeakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kib int64
			if _, err := fmt.Sscanf(strings.TrimSpace(v), "%d kB", &kib); err == nil {
				return formatRSS(kib * 1024)
			}
		}
	}
	return "unknown"
}

// goal prints one goal line: PASS, FAIL, or ERROR when a case it needs failed.
func goal(w io.Writer, measured, pass bool, what string, detail func() string) {
	switch {
	case !measured:
		fmt.Fprintf(w, "  ERROR  %s: not measured\n", what)
	case pass:
		fmt.Fprintf(w, "  PASS   %s: %s\n", what, detail())
	default:
		fmt.Fprintf(w, "  FAIL   %s: %s\n", what, detail())
	}
}

func describeWorkbook(path string, units int) string {
	st, err := os.Stat(path)
	if err != nil {
		return err.Error()
	}
	sheet := int64(-1)
	if zr, err := zip.OpenReader(path); err == nil {
		for _, f := range zr.File {
			if f.Name == "xl/worksheets/sheet1.xml" {
				sheet = int64(f.UncompressedSize64)
			}
		}
		zr.Close()
	}
	return fmt.Sprintf("%d units × %d indicators × %d years = %d rows with the header; sheet XML %.1f MB; file %.1f MB",
		units, len(indicators), lastYear-firstYear+1, longRows(units), float64(sheet)/1e6, float64(st.Size())/1e6)
}

func describeDir(dir string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err.Error()
	}
	var total int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			total += info.Size()
		}
	}
	return fmt.Sprintf("%.1f MB in all", float64(total)/1e6)
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "CPU model unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "CPU model unknown"
}

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

// binaryInfo is the Go version and VCS state plancheck was built with.
func binaryInfo(bin string) string {
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		return "build info unknown"
	}
	s := "built with " + info.GoVersion
	var rev, modified string
	for _, kv := range info.Settings {
		switch kv.Key {
		case "vcs.revision":
			rev = kv.Value
		case "vcs.modified":
			modified = kv.Value
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		s += ", revision " + rev
		if modified == "true" {
			s += " (modified)"
		}
	}
	return s
}
