package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]string{
		"r.json": "json", "R.JSON": "json", "r.csv": "csv", "r.md": "markdown", "r.txt": "table", "r": "table",
		"r.xlsx": "xlsx", "r.html": "html", "R.HTM": "html",
		"r.pdf": `r.pdf: no output format for ".pdf" files`,
	} {
		got, err := formatOf(path, msg.English)
		if err != nil {
			got = err.Error()
		}
		if got != want {
			t.Errorf("formatOf(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestEvalFlags(t *testing.T) {
	cases := []struct {
		args    []string
		want    string // format fail-on year output plan
		wantErr string
	}{
		{[]string{"a.xlsx"}, "table binding 0  ", ""},
		{[]string{"a.xlsx", "-o", "r.json"}, "json binding 0 r.json ", ""},
		{[]string{"a.xlsx", "-o", "r.json", "--format", "csv"}, "csv binding 0 r.json ", ""},
		{[]string{"a.xlsx", "--year", "2023", "--fail-on", "any", "--plan", "jlp-hrss-14th@1"}, "table any 2023  jlp-hrss-14th@1", ""},
		{[]string{"a.xlsx", "--fail-on", "some"}, "", `unknown --fail-on "some"`},
		{[]string{"a.xlsx", "--format", "xml"}, "", `unknown format "xml"`},
		{[]string{"a.xlsx", "-o", "s.xlsx"}, "xlsx binding 0 s.xlsx ", ""},
		{[]string{"a.xlsx", "--format", "xlsx"}, "", "--format xlsx writes a workbook: name it with -o"},
		{[]string{"a.xlsx", "-o", "r.html"}, "html binding 0 r.html ", ""},
		{[]string{"a.xlsx", "--format", "html"}, "html binding 0  ", ""},
		{[]string{"a.xlsx", "--year", "x"}, "", `--year "x": not a year or a range of years`},
		{[]string{"a.xlsx", "--year", "2023-2021"}, "", `--year "2023-2021": 2023 is after 2021`},
		{[]string{"a.xlsx", "--year", "2021—2023"}, "table binding 0   2021 2022 2023", ""},
		{[]string{"a.xlsx", "--year", "2022 - 2023"}, "table binding 0   2022 2023", ""},
		{[]string{"a.xlsx", "--strict", "--lenient"}, "", "--strict and --lenient cannot be used together"},
		{nil, "", "eval needs at least one workbook"},
	}
	for _, c := range cases {
		ios := &IOStreams{Out: &strings.Builder{}, ErrOut: &strings.Builder{}}
		var got *evalOptions
		cmd := newEvalCmd(ios, &globalOptions{lang: msg.English}, func(o *evalOptions) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SetOut(ios.Out)
		cmd.SetErr(ios.ErrOut)
		err := cmd.Execute()
		if c.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), c.wantErr) || got != nil {
				t.Errorf("%v: err %v, ran %v", c.args, err, got != nil)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", c.args, err)
			continue
		}
		s := strings.Join([]string{got.format, got.failOn, strconv.Itoa(got.year), got.output, got.planRef}, " ")
		for _, y := range got.years {
			s += " " + strconv.Itoa(y)
		}
		if s != c.want {
			t.Errorf("%v: %q, want %q", c.args, s, c.want)
		}
	}
}

func TestCheckOutputAndAtomicWrite(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "2023.xlsx")
	if err := os.WriteFile(in, []byte("input"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := checkOutput(in, []string{in}, msg.English); err == nil || !strings.Contains(err.Error(), "is one of the inputs") {
		t.Errorf("same path: %v", err)
	}
	link := filepath.Join(dir, "link.xlsx")
	if err := os.Symlink(in, link); err == nil {
		if err := checkOutput(link, []string{in}, msg.English); err == nil {
			t.Error("a link to an input is accepted as output")
		}
	}
	if err := checkOutput(filepath.Join(dir, "out.json"), []string{in}, msg.English); err != nil {
		t.Errorf("a new file: %v", err)
	}
	out := filepath.Join(dir, "out.json")
	if err := writeAtomic(out, msg.English, []byte("{}")); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	info, _ := os.Stat(out)
	if string(data) != "{}" || info.Mode().Perm() != 0o644 {
		t.Errorf("wrote %q with mode %v", data, info.Mode())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 && len(entries) != 2 {
		t.Errorf("left files behind: %v", entries)
	}
	if err := writeAtomic(filepath.Join(dir, "no", "such", "dir.json"), msg.English, []byte("x")); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}

// TestWriteError: a failed write names the output and words the common
// causes in the run's language; errors.Is still finds the cause.
func TestWriteError(t *testing.T) {
	other := errors.New("input/output error")
	for _, tc := range []struct {
		err    error
		zh, en string
	}{
		{fs.ErrPermission, "写 out.xlsx：没有写入权限（目录只读，或文件正在 Excel 中打开）", "write out.xlsx: permission denied (the directory is read-only, or the file is open in Excel)"},
		{syscall.ENOSPC, "写 out.xlsx：磁盘空间不足", "write out.xlsx: no space left on the device"},
		{other, "写 out.xlsx：input/output error", "write out.xlsx: input/output error"},
	} {
		for lang, want := range map[msg.Lang]string{msg.Chinese: tc.zh, msg.English: tc.en} {
			err := writeError(lang, "out.xlsx", tc.err)
			if err.Error() != want {
				t.Errorf("%s: %q, want %q", lang, err, want)
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("%s: %v does not unwrap to %v", lang, err, tc.err)
			}
		}
	}
}
