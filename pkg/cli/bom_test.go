package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/spf13/cobra"
)

// TestEvalBOMFlag: CSV to a file gets the mark unless --bom=false; CSV on
// stdout only with --bom; --bom with any other format is an error (exit 2),
// --bom=false is accepted with every format.
func TestEvalBOMFlag(t *testing.T) {
	t.Parallel()
	const hint = "leave --bom out, or give --format csv"
	tests := []struct {
		name     string
		args     []string
		wantBOM  bool
		wantErr  string
		wantHint string
	}{
		{name: "csv file", args: []string{"a.xlsx", "-o", "r.csv"}, wantBOM: true},
		{name: "csv file, upper-case extension", args: []string{"a.xlsx", "-o", "R.CSV"}, wantBOM: true},
		{name: "csv format to a .txt file", args: []string{"a.xlsx", "--format", "csv", "-o", "r.txt"}, wantBOM: true},
		{name: "csv file without", args: []string{"a.xlsx", "-o", "r.csv", "--bom=false"}, wantBOM: false},
		{name: "csv stdout", args: []string{"a.xlsx", "--format", "csv"}, wantBOM: false},
		{name: "csv stdout with", args: []string{"a.xlsx", "--format", "csv", "--bom"}, wantBOM: true},
		{name: "csv stdout, --bom=true", args: []string{"a.xlsx", "--format=csv", "--bom=true"}, wantBOM: true},
		{name: "table", args: []string{"a.xlsx"}, wantBOM: false},
		{name: "json file", args: []string{"a.xlsx", "-o", "r.json"}, wantBOM: false},
		{name: "json, --bom=false", args: []string{"a.xlsx", "--format", "json", "--bom=false"}, wantBOM: false},
		{name: "xlsx, --bom=false", args: []string{"a.xlsx", "-o", "s.xlsx", "--bom=false"}, wantBOM: false},
		{name: "table with", args: []string{"a.xlsx", "--bom"},
			wantErr: "--bom is for csv output, not table", wantHint: hint},
		{name: "json file with", args: []string{"a.xlsx", "-o", "r.json", "--bom"},
			wantErr: "--bom is for csv output, not json", wantHint: hint},
		{name: "markdown with", args: []string{"a.xlsx", "--format", "markdown", "--bom"},
			wantErr: "--bom is for csv output, not markdown", wantHint: hint},
		{name: "xlsx with", args: []string{"a.xlsx", "-o", "s.xlsx", "--bom"},
			wantErr: "--bom is for csv output, not xlsx", wantHint: hint},
		{name: "not a boolean", args: []string{"a.xlsx", "--bom=yes"},
			wantErr: `invalid argument "yes" for "--bom"`, wantHint: "see 'eval -h'"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ios, _, _ := testStreams()
			var got *evalOptions
			cmd := newEvalCmd(ios, &globalOptions{lang: msg.English}, func(o *evalOptions) error { got = o; return nil })
			// A command outside the root has no flag error hint; give it the
			// root's, so that a bad value is checked as Main reports it.
			cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return withHint(err, "see '%s -h'", c.CommandPath()) })
			_, err := execute(cmd, tc.args)
			checkFlagError(t, err, tc.wantErr, tc.wantHint)
			if tc.wantErr != "" {
				if got != nil {
					t.Error("ran after a bad --bom")
				}
				return
			}
			if got.bom != tc.wantBOM {
				t.Errorf("bom %v, want %v", got.bom, tc.wantBOM)
			}
		})
	}
}

// TestWriteOutputBOM: the mark is the three bytes EF BB BF, written once
// before the output, to a file or to stdout, and never when bom is off.
func TestWriteOutputBOM(t *testing.T) {
	t.Parallel()
	const body = "file,plan\n九龙坡,1\n"
	for _, bom := range []bool{true, false} {
		want := body
		if bom {
			want = "\xef\xbb\xbf" + body
		}
		// stdout
		ios, out, _ := testStreams()
		opts := &evalOptions{io: ios, bom: bom}
		if err := writeOutput(opts, writeString(body)); err != nil {
			t.Fatal(err)
		}
		if out.String() != want {
			t.Errorf("bom %v, stdout %q, want %q", bom, out.String(), want)
		}
		// a file
		path := filepath.Join(t.TempDir(), "r.csv")
		opts = &evalOptions{io: ios, global: &globalOptions{lang: msg.English}, bom: bom, output: path}
		if err := writeOutput(opts, writeString(body)); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != want {
			t.Errorf("bom %v, file %q, want %q", bom, data, want)
		}
	}
}

// TestEvalCSVFileHasBOM runs eval on the sample workbook: -o x.csv starts with
// the mark and is otherwise the CSV printed on stdout, which has none.
func TestEvalCSVFileHasBOM(t *testing.T) {
	t.Parallel()
	book := filepath.Join("..", "..", "testdata", "2023.xlsx")
	if _, err := os.Stat(book); err != nil {
		t.Skipf("no sample workbook: %v", err)
	}
	path := filepath.Join(t.TempDir(), "2023.csv")
	var stderr bytes.Buffer
	if code := Main([]string{"eval", "-q", book, "-o", path}, strings.NewReader(""), &bytes.Buffer{}, &stderr); code != ExitOK {
		t.Fatalf("eval -o: status %d, stderr %s", code, stderr.String())
	}
	file, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	if code := Main([]string{"eval", "-q", book, "--format", "csv"}, strings.NewReader(""), &stdout, &stderr); code != ExitOK {
		t.Fatalf("eval --format csv: status %d, stderr %s", code, stderr.String())
	}
	if !bytes.HasPrefix(file, []byte{0xEF, 0xBB, 0xBF, 'f', 'i', 'l', 'e', ','}) {
		t.Errorf("-o 2023.csv starts %q, want the BOM and the header", file[:min(len(file), 12)])
	}
	if !bytes.HasPrefix(stdout.Bytes(), []byte("file,")) {
		t.Errorf("stdout starts %q, want the header without a BOM", stdout.Bytes()[:min(stdout.Len(), 12)])
	}
	if !bytes.Equal(file[3:], stdout.Bytes()) {
		t.Error("-o 2023.csv after the BOM differs from the CSV on stdout")
	}
}

// writeString is a writer function for writeOutput that writes s.
func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}
