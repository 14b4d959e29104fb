package actuals_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/actuals/xlsx"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	wbt "github.com/jlp-hrss/plancheck/pkg/workbooktest"
)

// FuzzReadWorkbook feeds arbitrary bytes as a workbook file through the whole
// reader: opening, finding the table, matching it to the plan. Nothing may
// panic; an error must name the file.
func FuzzReadWorkbook(f *testing.F) {
	dir := f.TempDir()
	seed := filepath.Join(dir, "seed.xlsx")
	wbt.WriteExcelize(f, wideBook(), seed)
	data, err := os.ReadFile(seed)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	p, err := plan.Resolve("jlp-hrss-14th")
	if err != nil {
		f.Fatal(err)
	}
	lim := xlsx.DefaultLimits()
	lim.MaxFileSize, lim.MaxPartSize, lim.MaxTotalSize = 1<<20, 4<<20, 8<<20
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "f.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		tbl, err := actuals.ReadTable(path, actuals.Options{Limits: &lim})
		if err != nil {
			if len(err.Error()) < len(path) || err.Error()[:len(path)] != path {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		_, err = actuals.Match(tbl, p, actuals.Options{})
		var ce *actuals.CellErrors
		if err != nil && !errors.As(err, &ce) {
			t.Fatalf("match: %v", err)
		}
	})
}
