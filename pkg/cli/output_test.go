package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// sample is the README's sample workbook.
var sample = filepath.Join("..", "..", "testdata", "2023.xlsx")

// TestOutputOntoInputs: -o never replaces an input — the workbook, the
// --plan file or the --aliases file, named as they are or through another
// name or a link — nor a read-only file or a folder: exit 2, one message,
// the file unchanged.
func TestOutputOntoInputs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := filepath.Join(dir, "2023.xlsx")
	planFile := filepath.Join(dir, "plan.json") // a plan file may have any name
	aliases := filepath.Join(dir, "aliases.txt")
	planMD := filepath.Join(dir, "plan.md")
	readOnly := filepath.Join(dir, "locked.json")
	link := filepath.Join(dir, "link.md")
	shipped, err := os.ReadFile(filepath.Join("..", "..", "plans", "jlp-hrss-14th.v1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{book: data, planFile: shipped, planMD: shipped, aliases: []byte("城镇新增就业: 城镇新增就业人数\n"), readOnly: []byte("{}")}
	for path, data := range files {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(readOnly, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(planMD, link); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(dir, "hard.json")
	if err := os.Link(planFile, hard); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"the workbook", []string{"eval", book, "-o", book}, "输出 " + book + " 是输入之一"},
		{"the plan", []string{"eval", book, "--plan", planFile, "-o", planFile}, "输出 " + planFile + " 是输入之一"},
		{"the plan as markdown", []string{"eval", book, "--plan", planMD, "-o", planMD}, "是输入之一"},
		{"the plan through a link", []string{"eval", book, "--plan", planMD, "-o", link}, "输出 " + link + " 是输入之一"},
		{"the plan by another name", []string{"eval", book, "--plan", planFile, "-o", hard}, "输出 " + hard + " 是输入之一"},
		{"the aliases", []string{"eval", book, "--aliases", aliases, "-o", aliases}, "输出 " + aliases + " 是输入之一"},
		{"a read-only file", []string{"eval", book, "--format", "json", "-o", readOnly}, "输出 " + readOnly + " 是只读文件"},
		{"a folder", []string{"eval", book, "-o", dir}, "输出 " + dir + " 是一个文件夹"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runMain(tc.args...)
			if code != ExitTrouble || stdout != "" || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "错误") != 1 {
				t.Errorf("%q: status %d, stdout %q, stderr\n%s\nwant status 2 and %q", tc.args, code, stdout, stderr, tc.want)
			}
		})
	}
	for path, want := range files {
		if got, _ := os.ReadFile(path); !bytes.Equal(got, want) {
			t.Errorf("%s changed", path)
		}
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a link (%v)", link, err)
	}
	if info, _ := os.Stat(readOnly); info.Mode().Perm() != 0o444 {
		t.Errorf("%s is now %v", readOnly, info.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != len(files)+2 {
		t.Errorf("files left in %s: %v", dir, entries)
	}
}

// TestOutputReplaces: a file -o replaces keeps its permissions; a link is
// followed (its target replaced, the link kept); a named pipe is written
// into, not replaced.
func TestOutputReplaces(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("no modes, links or pipes as on Unix")
	}
	dir := t.TempDir()
	private := filepath.Join(dir, "private.json")
	if err := os.WriteFile(private, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runMain("eval", sample, "--format", "json", "-o", private); code > 1 {
		t.Fatalf("status %d\n%s", code, stderr)
	}
	if info, _ := os.Stat(private); info.Mode().Perm() != 0o600 {
		t.Errorf("the replaced file is %v, want 0600", info.Mode().Perm())
	}
	if data, _ := os.ReadFile(private); !bytes.HasPrefix(data, []byte("{")) {
		t.Errorf("the replaced file holds %.20q", data)
	}

	target := filepath.Join(dir, "report-2023.md")
	link := filepath.Join(dir, "latest.md")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("report-2023.md", link); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runMain("eval", sample, "--format", "markdown", "-o", link); code > 1 {
		t.Fatalf("status %d\n%s", code, stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a link (%v)", link, err)
	}
	if data, _ := os.ReadFile(target); !bytes.Contains(data, []byte("| ")) {
		t.Errorf("the link's target holds %.40q", data)
	}

	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan []byte)
	go func() {
		data, _ := os.ReadFile(fifo) // blocks until plancheck opens it
		got <- data
	}()
	if code, _, stderr := runMain("eval", sample, "--format", "json", "-o", fifo); code > 1 {
		t.Fatalf("status %d\n%s", code, stderr)
	}
	if data := <-got; !bytes.HasPrefix(data, []byte("{")) {
		t.Errorf("read from the pipe: %.20q", data)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced (%v)", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 4 {
		t.Errorf("files in %s: %v", dir, entries)
	}
}

// TestFIFOInputs: a named pipe given as the workbook is refused at once
// (exit 2, one message); as the --plan or --aliases file it is read, without
// waiting for a writer (an open would wait forever): with none it reads as
// empty, with one — bash's <(cat plan.yaml) — as the file written into it.
func TestFIFOInputs(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes as on Unix")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "2023.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	run := func(args []string) (int, string) {
		t.Helper()
		type result struct {
			code   int
			stderr string
		}
		done := make(chan result)
		go func() {
			code, _, stderr := runMain(args...)
			done <- result{code, stderr}
		}()
		select {
		case r := <-done:
			return r.code, r.stderr
		case <-time.After(10 * time.Second):
			// Unblock the open so the test can end.
			if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
				w.Close()
			}
			t.Errorf("%q: still waiting on the pipe after 10 s", args)
			r := <-done
			return r.code, r.stderr
		}
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"eval", fifo}, ExitTrouble, "不是普通文件"},
		{[]string{"inspect", fifo}, ExitTrouble, "不是普通文件"},
		{[]string{"eval", sample, "--plan", fifo}, ExitTrouble, "规划文件为空"},
		{[]string{"validate", fifo}, ExitFailed, "规划文件为空"},
		{[]string{"eval", sample, "--aliases", fifo, "--fail-on", "none", "-q"}, ExitOK, ""},
	} {
		if code, stderr := run(tc.args); code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: status %d, stderr\n%s\nwant status %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
	// With a writer: the plan written into the pipe is the plan used.
	shipped, err := os.ReadFile(filepath.Join("..", "..", "plans", "jlp-hrss-14th.v1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Write(shipped)
			w.Close()
		}
	}()
	time.Sleep(100 * time.Millisecond) // the writer is there first, as bash's is
	if code, stderr := run([]string{"eval", sample, "--plan", fifo, "--fail-on", "none"}); code != ExitOK {
		t.Errorf("--plan from a pipe with a writer: status %d\n%s", code, stderr)
	}
}

// TestOutputReviewCases: a link to a file not made yet is followed (the
// file made, the link kept); template refuses a read-only output as eval
// does; a path under /dev/ that is an ordinary file (/dev/shm) is written as
// one, made new or replaced whole.
func TestOutputReviewCases(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("links and /dev as on Unix")
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "reports"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "latest.json")
	if err := os.Symlink(filepath.Join("reports", "2024.json"), link); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runMain("eval", sample, "--format", "json", "-q", "--fail-on", "none", "-o", link); code != ExitOK {
		t.Fatalf("-o a dangling link: status %d\n%s", code, stderr)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v)", err)
	}
	if data, err := os.ReadFile(filepath.Join(dir, "reports", "2024.json")); err != nil || !bytes.HasPrefix(data, []byte("{")) {
		t.Errorf("the link's target: %.20q, %v", data, err)
	}

	ro := filepath.Join(dir, "ro.xlsx")
	if err := os.WriteFile(ro, []byte("x"), 0o444); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runMain("template", "-o", ro, "--force"); code != ExitTrouble || !strings.Contains(stderr, "是只读文件") {
		t.Errorf("template -o a read-only file: status %d\n%s", code, stderr)
	}

	shm, err := os.MkdirTemp("/dev/shm", "plancheck-test-")
	if err != nil {
		t.Skipf("no /dev/shm: %v", err)
	}
	defer os.RemoveAll(shm)
	fresh, old := filepath.Join(shm, "new.csv"), filepath.Join(shm, "old.csv")
	if err := os.WriteFile(old, bytes.Repeat([]byte("X"), 20000), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{fresh, old} {
		if code, _, stderr := runMain("eval", sample, "--format", "csv", "-q", "--fail-on", "none", "-o", out); code != ExitOK {
			t.Errorf("-o %s: status %d\n%s", out, code, stderr)
		}
		if data, _ := os.ReadFile(out); !bytes.HasPrefix(data, []byte("\xEF\xBB\xBFfile,")) || bytes.Contains(data, []byte("XXX")) {
			t.Errorf("%s holds %d bytes: %.30q … %q", out, len(data), data, data[max(0, len(data)-10):])
		}
	}
}

// TestAtomicWriteBothWays: the output is written the same way through an
// unnamed temporary file (Linux), through one that cannot be linked (no
// /proc: copied into a named one), and through a named one (elsewhere, or a
// file system without unnamed files): a replaced file keeps its mode, a
// link is followed, a failed write leaves the old file, and no temporary
// file is left in the folder.
func TestAtomicWriteBothWays(t *testing.T) {
	t.Parallel()
	noLink := func(*os.File, string) error { return syscall.ENOENT }
	for name, how := range map[string]tempFile{
		"unnamed":          {unnamed: true, link: linkUnnamed},
		"unnamed, no link": {unnamed: true, link: noLink},
		"named":            {},
	} {
		dir := t.TempDir()
		if runtime.GOOS == "linux" && how.unnamed {
			f, ok := openUnnamed(dir, 0o600)
			if !ok {
				t.Skipf("the file system of %s has no unnamed files (O_TMPFILE)", dir)
			}
			f.Close()
		}
		out := filepath.Join(dir, "out.json")
		if err := os.WriteFile(out, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, "link.json")
		if err := os.Symlink("out.json", link); err != nil {
			t.Fatal(err)
		}
		write := func(text string, err error) func(w io.Writer) error {
			return func(w io.Writer) error {
				io.WriteString(w, text)
				return err
			}
		}
		if err := writeAtomicWith(link, msg.Chinese, write("new", nil), how); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := writeAtomicWith(out, msg.Chinese, write("partial", errors.New("boom")), how); err == nil || err.Error() != "boom" {
			t.Errorf("%s: a failed write gave %v", name, err)
		}
		data, err := os.ReadFile(out)
		info, _ := os.Stat(out)
		if err != nil || string(data) != "new" || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %q, %v, mode %v", name, data, err, info.Mode())
		}
		if l, err := os.Readlink(link); err != nil || l != "out.json" {
			t.Errorf("%s: the link became %q, %v", name, l, err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 2 {
			t.Errorf("%s: the folder holds %v", name, entries)
		}
	}
}

// TestValidatePipesConflict: validate reads each file once, so two named
// pipes (<(cat a.yaml) <(cat b.yaml)) holding one id@version with other
// contents are a conflict, as the same two files are (the conflict check
// read the files again, and found the pipes empty).
func TestValidatePipesConflict(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("no named pipes as on Unix")
	}
	shipped, err := os.ReadFile(filepath.Join("..", "..", "plans", "jlp-hrss-14th.v1.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	contents := [][]byte{shipped, bytes.Replace(shipped, []byte("title: "), []byte("title: 修订 "), 1)}
	var pipes []string
	for i, data := range contents {
		fifo := filepath.Join(dir, fmt.Sprintf("p%d.yaml", i))
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		pipes = append(pipes, fifo)
		go func() {
			if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
				w.Write(data)
				w.Close()
			}
		}()
	}
	time.Sleep(100 * time.Millisecond) // the writers are there first, as bash's are
	code, _, stderr := runMain(append([]string{"validate", "--lang", "en"}, pipes...)...)
	if code != ExitFailed || !strings.Contains(stderr, "conflicting plan files: "+pipes[0]+" and "+pipes[1]+" both hold jlp-hrss-14th@1") {
		t.Errorf("status %d, stderr\n%s", code, stderr)
	}
}
