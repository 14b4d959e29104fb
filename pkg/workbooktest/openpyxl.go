package workbooktest

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Python is the interpreter that has Debian's python3-openpyxl. A python3
// found on PATH may be a separate install that does not see Debian's
// packages, so it is never used.
const Python = "/usr/bin/python3"

var openpyxlStatus = sync.OnceValues(func() (string, error) {
	out, err := exec.Command(Python, "-I", "-c", "import openpyxl; print(openpyxl.__version__)").CombinedOutput()
	return string(out), err
})

// RequireOpenpyxl skips the test under -short, and when /usr/bin/python3
// cannot import openpyxl (Debian package python3-openpyxl) skips it, or
// fails it when CI=true (see the package documentation).
func RequireOpenpyxl(t testing.TB) {
	t.Helper()
	skipIfShort(t, "openpyxl")
	if out, err := openpyxlStatus(); err != nil {
		skipOrFail(t, "workbooktest: openpyxl not available (%s -c 'import openpyxl': %v: %s); install python3-openpyxl", Python, err, out)
	}
}

// openpyxlScript writes the book described by the JSON file argv[1] to the
// path argv[2]. Strings travel in the JSON file, never in the script's text.
const openpyxlScript = `
import datetime, json, sys
import openpyxl

with open(sys.argv[1], encoding="utf-8") as fh:
    book = json.load(fh)

wb = openpyxl.Workbook()
for i, sheet in enumerate(book["sheets"]):
    if i == 0:
        ws = wb.active
        ws.title = sheet["name"]
    else:
        ws = wb.create_sheet(sheet["name"])
    for c in sheet["cells"]:
        cell = ws[c["ref"]]
        kind = c["kind"]
        if c.get("formula"):
            # openpyxl cannot store a cached value: the value is ignored.
            cell.value = "=" + c["formula"]
        elif kind == "str":
            cell.value = c.get("str", "")
            # a string starting with "=" would become a formula, "#N/A" an error
            cell.data_type = "s"
        elif kind == "num":
            cell.value = float(c.get("num", 0))
        elif kind == "int":
            cell.value = int(c.get("int", 0))
        elif kind == "bool":
            cell.value = bool(c.get("bool", False))
        elif kind == "date":
            cell.value = datetime.datetime.fromisoformat(c["date"])
        if c.get("format"):
            cell.number_format = c["format"]
    for m in sheet.get("merges") or []:
        ws.merge_cells(m)
wb.active = 0
wb.save(sys.argv[2])
`

type pyCell struct {
	Ref     string  `json:"ref"`
	Kind    string  `json:"kind"` // "none", "str", "num", "int", "bool", "date"
	Str     string  `json:"str,omitempty"`
	Num     float64 `json:"num,omitempty"`
	Int     int64   `json:"int,omitempty"`
	Bool    bool    `json:"bool,omitempty"`
	Date    string  `json:"date,omitempty"` // ISO 8601 wall-clock time, no zone
	Format  string  `json:"format,omitempty"`
	Formula string  `json:"formula,omitempty"`
}

type pySheet struct {
	Name   string   `json:"name"`
	Cells  []pyCell `json:"cells"`
	Merges []string `json:"merges"`
}

// WriteOpenpyxl writes b to path with openpyxl: it generates a JSON
// description of b and runs a fixed Python script on it with
// /usr/bin/python3 (see the package documentation for what openpyxl writes).
//
// openpyxl never stores a cached value for a formula: Cell.Value is ignored
// for formula cells, whose <v/> is always empty. Values in the covered cells
// of a merge are dropped by openpyxl.
func WriteOpenpyxl(t testing.TB, b Book, path string) {
	t.Helper()
	RequireOpenpyxl(t)
	checkBook(t, b)
	var sheets []pySheet
	for _, s := range b.Sheets {
		ps := pySheet{Name: s.Name, Merges: s.Merges}
		for _, c := range s.Cells {
			pc := pyCell{Ref: c.Ref, Kind: "none", Format: cellFormat(c), Formula: c.Formula}
			switch v := c.Value.(type) {
			case string:
				pc.Kind, pc.Str = "str", v
			case float64:
				pc.Kind, pc.Num = "num", v
			case int:
				pc.Kind, pc.Int = "int", int64(v)
			case int64:
				pc.Kind, pc.Int = "int", v
			case bool:
				pc.Kind, pc.Bool = "bool", v
			case time.Time:
				pc.Kind, pc.Date = "date", v.Format("2006-01-02T15:04:05.000000")
			}
			ps.Cells = append(ps.Cells, pc)
		}
		sheets = append(sheets, ps)
	}
	data, err := json.Marshal(map[string]any{"sheets": sheets})
	if err != nil {
		t.Fatalf("workbooktest: %v", err)
	}
	dir := t.TempDir()
	specPath := filepath.Join(dir, "book.json")
	scriptPath := filepath.Join(dir, "write_book.py")
	if err := os.WriteFile(specPath, data, 0o644); err != nil {
		t.Fatalf("workbooktest: %v", err)
	}
	if err := os.WriteFile(scriptPath, []byte(openpyxlScript), 0o644); err != nil {
		t.Fatalf("workbooktest: %v", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatalf("workbooktest: %v", err)
	}
	// -I: ignore PYTHON* variables and the user's site-packages.
	cmd := exec.CommandContext(t.Context(), Python, "-I", scriptPath, specPath, path)
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("workbooktest: openpyxl writing %s: %v\n%s", path, err, out)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("workbooktest: openpyxl wrote no file %s (%v)", path, err)
	}
}
