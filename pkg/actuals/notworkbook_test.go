package actuals

import (
	"archive/zip"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// TestNotWorkbookWorded: a file that is not a workbook is named once and
// its reason given in the run's language, and the xlsx package's error is
// still there for errors.As.
func TestNotWorkbookWorded(t *testing.T) {
	// zipOf is a zip of the parts given as name, body, name, body ….
	zipOf := func(namesAndBodies ...string) string {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for i := 0; i+1 < len(namesAndBodies); i += 2 {
			w, err := zw.Create(namesAndBodies[i])
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(namesAndBodies[i+1]))
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	ole := "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 512)
	for _, tc := range []struct {
		name, data string
		kind       xlsx.NotWorkbookKind
		zh, en     string
	}{
		{"empty", "", xlsx.Empty, "文件为空", "the file is empty"},
		{"ole", ole, xlsx.OLE, "这是 OLE 复合文件（Excel 97–2003 的 .xls，或设了打开密码的工作簿）；请在 Excel 中另存为 .xlsx", "an OLE compound file (an .xls from Excel 97–2003, or a password-protected workbook); save it as .xlsx"},
		{"binary", "\x00\x01\x02 not a zip", xlsx.NotZip, "不是有效的 zip 压缩包（.xlsx 工作簿都是 zip 压缩包）", "not a valid zip archive (every .xlsx workbook is one)"},
		{"xlsb", zipOf("xl/workbook.bin", "\x00"), xlsx.XLSB, "这是 .xlsb 二进制工作簿；请在 Excel 中另存为 .xlsx", "an .xlsb binary workbook; save it as .xlsx"},
		// A real .xlsb: its relationships name the binary part (it was read
		// as XML: "illegal character U+0001").
		{"xlsb with relationships", zipOf("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
			"xl/workbook.bin", "\x83\x01\x00\x80\x01\x00"), xlsx.XLSB, "这是 .xlsb 二进制工作簿；请在 Excel 中另存为 .xlsx", "an .xlsb binary workbook; save it as .xlsx"},
		{"no workbook", zipOf("hello.txt", "hi"), xlsx.NoWorkbookPart, "压缩包中没有 xl/workbook.xml", "no xl/workbook.xml in the zip"},
		{"html", zipOf("xl/workbook.xml", "<html/>"), xlsx.NoWorkbookElement, "xl/workbook.xml 中没有 <workbook> 元素", "xl/workbook.xml has no <workbook> element"},
		{"dir", "", xlsx.NotRegular, "不是普通文件", "not a regular file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "in.xlsx")
			var err error
			if tc.kind == xlsx.NotRegular {
				err = os.Mkdir(path, 0o755)
			} else {
				err = os.WriteFile(path, []byte(tc.data), 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				lang msg.Lang
				want string
			}{
				{msg.Chinese, path + "：不是 .xlsx 或 .xlsm 工作簿：" + tc.zh},
				{msg.English, path + ": not an .xlsx/.xlsm workbook: " + tc.en},
			} {
				err := Scan(path, Options{Lang: c.lang}, &collector{})
				if err == nil {
					t.Fatalf("%s: no error", c.lang)
				}
				if err.Error() != c.want {
					t.Errorf("%s:\n got %s\nwant %s", c.lang, err, c.want)
				}
				var nw *xlsx.NotWorkbookError
				if !errors.As(err, &nw) || nw.Kind != tc.kind {
					t.Errorf("%s: errors.As finds %+v, want kind %d", c.lang, nw, tc.kind)
				}
				if errors.Is(err, xlsx.ErrLimit) {
					t.Errorf("%s: a broken file reported as over a limit", c.lang)
				}
			}
		})
	}
}

// TestMissingFileWorded: a workbook that is not there, or cannot be read,
// is named once in the run's language; errors.Is still sees the cause.
func TestMissingFileWorded(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "2023.xlsx")
	locked := filepath.Join(dir, "locked.xlsx")
	if err := os.WriteFile(locked, nil, 0o000); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path   string
		cause  error
		zh, en string
	}{
		{missing, fs.ErrNotExist, missing + "：文件不存在", missing + ": no such file"},
	}
	if f, err := os.Open(locked); err == nil {
		f.Close() // root reads it anyway
	} else {
		cases = append(cases, struct {
			path   string
			cause  error
			zh, en string
		}{locked, fs.ErrPermission, locked + "：没有读取权限", locked + ": permission denied"})
	}
	for _, tc := range cases {
		for lang, want := range map[msg.Lang]string{msg.Chinese: tc.zh, msg.English: tc.en} {
			err := Scan(tc.path, Options{Lang: lang}, &collector{})
			if err == nil || err.Error() != want {
				t.Errorf("%s: %v, want %s", lang, err, want)
			}
			if !errors.Is(err, tc.cause) {
				t.Errorf("%s: %v is not %v", lang, err, tc.cause)
			}
		}
	}
}
