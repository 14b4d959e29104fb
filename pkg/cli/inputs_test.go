package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// TestExpandInputs: eval's arguments as workbooks (issue 10). The folder:
//
//	b.xlsx  a.XLSM  c.xlsx  ~$c.xlsx  .d.xlsx  notes.txt  sub/e.xlsx
//	only/~$x.xlsx   empty/notes.txt
//
// Paths in the cases are relative to the folder; so are the results.
func TestExpandInputs(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b.xlsx", "a.XLSM", "c.xlsx", "~$c.xlsx", ".d.xlsx", "notes.txt", "f.csv", "sub/e.xlsx",
		"only/~$x.xlsx", "empty/notes.txt", "out/s.xlsx", "out/t.xlsx"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name   string
		args   []string
		output string
		files  []string // the workbooks, in order
		notes  []string // the files skipped, as the notes name them
		err    string   // the error, when there is one
	}{
		{name: "files as given, in their order", args: []string{"c.xlsx", "b.xlsx"},
			files: []string{"c.xlsx", "b.xlsx"}},
		{name: "a missing file is the pipeline's to report", args: []string{"nope.xlsx"},
			files: []string{"nope.xlsx"}},
		{name: "a folder: its spreadsheets in name order, not subfolders or other files (notes.txt)", args: []string{"."},
			files: []string{"a.XLSM", "b.xlsx", "c.xlsx", "f.csv"}, notes: []string{".d.xlsx", "~$c.xlsx"}},
		{name: "a pattern in name order", args: []string{"*.xlsx"},
			files: []string{"b.xlsx", "c.xlsx"}, notes: []string{".d.xlsx", "~$c.xlsx"}},
		{name: "? is a pattern too", args: []string{"?.xlsx"}, files: []string{"b.xlsx", "c.xlsx"}},
		{name: "a folder a pattern matches is left out", args: []string{"s?b"}, err: `pattern "s?b" matches no file`},
		{name: "a pattern names what it matches, as a shell would", args: []string{"notes.*"},
			files: []string{"notes.txt"}},
		{name: "a lock file named outright", args: []string{"~$c.xlsx", "b.xlsx"},
			files: []string{"b.xlsx"}, notes: []string{"~$c.xlsx"}},
		{name: "a hidden file named outright", args: []string{".d.xlsx", "b.xlsx"},
			files: []string{"b.xlsx"}, notes: []string{".d.xlsx"}},
		{name: "duplicates: directly, through the folder, through a pattern, spelt otherwise",
			args:  []string{"c.xlsx", ".", "*.xlsx", "./b.xlsx", "sub/../b.xlsx"},
			files: []string{"c.xlsx", "a.XLSM", "b.xlsx", "f.csv"}, notes: []string{".d.xlsx", "~$c.xlsx", ".d.xlsx", "~$c.xlsx"}},
		{name: "a subfolder named", args: []string{"sub"}, files: []string{"sub/e.xlsx"}},
		{name: "a pattern that matches nothing", args: []string{"b.xlsx", "*.xls"},
			err: `pattern "*.xls" matches no file`},
		{name: "a malformed pattern", args: []string{"[*.xlsx"}, err: `malformed pattern "[*.xlsx"`},
		{name: "a folder without workbooks", args: []string{"empty"}, err: "folder empty holds no workbook (.xlsx, .xlsm, .xls, .ods) and no CSV or HTML table"},
		{name: "a folder of lock files only", args: []string{"only"}, notes: []string{"only/~$x.xlsx"},
			err: "no workbook to evaluate: every file given was skipped"},
		{name: "the output is left out of a folder", args: []string{"out"}, output: "out/s.xlsx",
			files: []string{"out/t.xlsx"}, notes: []string{"out/s.xlsx"}},
		{name: "and of a pattern", args: []string{"out/*.xlsx"}, output: "out/t.xlsx",
			files: []string{"out/s.xlsx"}, notes: []string{"out/t.xlsx"}},
		{name: "named outright it is an input (checkOutput refuses it)", args: []string{"out/s.xlsx"}, output: "out/s.xlsx",
			files: []string{"out/s.xlsx"}},
	}
	rel := func(p string) string {
		r, err := filepath.Rel(dir, p)
		if err != nil {
			t.Fatal(err)
		}
		return filepath.ToSlash(r)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = filepath.Join(dir, a)
			}
			output := ""
			if c.output != "" {
				output = filepath.Join(dir, c.output)
			}
			in, err := expandInputs(args, output, msg.English)
			if c.err != "" {
				if err == nil || !strings.Contains(strings.ReplaceAll(err.Error(), dir+string(filepath.Separator), ""), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var files []string
			for _, f := range in.files {
				files = append(files, rel(f))
			}
			if !slices.Equal(files, c.files) {
				t.Errorf("files = %q, want %q", files, c.files)
			}
			if len(in.notes) != len(c.notes) {
				t.Fatalf("notes = %q, want one for each of %q", in.notes, c.notes)
			}
			for i, n := range in.notes {
				if want := filepath.Join(dir, c.notes[i]); !strings.Contains(n, want+":") {
					t.Errorf("note %d = %q, want one about %s", i, n, want)
				}
			}
		})
	}
}

// TestExpandInputsWords: the notes and errors come from the catalogue, in
// Chinese by default, naming the file or pattern.
func TestExpandInputsWords(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"~$2023.xlsx", ".2023.xlsx", "2023.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, err := expandInputs([]string{dir}, "", msg.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"跳过 " + filepath.Join(dir, ".2023.xlsx") + "：隐藏文件",
		"跳过 " + filepath.Join(dir, "~$2023.xlsx") + "：Excel 的锁定文件（工作簿在 Excel 中打开时生成），不是工作簿",
	}
	if !slices.Equal(in.notes, want) {
		t.Errorf("notes = %q, want %q", in.notes, want)
	}
	_, err = expandInputs([]string{filepath.Join(dir, "*.xlsm")}, "", msg.Chinese)
	if want := "模式“" + filepath.Join(dir, "*.xlsm") + "”没有匹配的文件"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
}
