package pipeline_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/report/textout"

	"github.com/xuri/excelize/v2"

	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/plan"
	"github.com/jlp-hrss/plancheck/pkg/report"
)

// benchUnits is how many reporting units the long benchmark workbook has:
// 500 units × 23 indicators × 5 years = 57,500 rows, a fifth of a province.
const benchUnits = 500

var (
	longOnce sync.Once
	longPath string
	longErr  error
)

// longWorkbook writes, once per test binary, a long table of benchUnits
// districts reporting every indicator of the 十四五 plan by name for
// 2021–2025, as a province's statistics office would.
func longWorkbook(b *testing.B) string {
	b.Helper()
	longOnce.Do(func() {
		p, err := plan.Resolve("jlp-hrss-14th@1")
		if err != nil {
			longErr = err
			return
		}
		dir, err := tempDir()
		if err != nil {
			longErr = err
			return
		}
		longPath = filepath.Join(dir, "long-2023.xlsx")
		longErr = writeLong(longPath, p, benchUnits)
	})
	if longErr != nil {
		b.Fatal(longErr)
	}
	return longPath
}

func writeLong(path string, p *plan.Plan, units int) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	row := 1
	write := func(v ...any) error {
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return sw.SetRow(cell, v)
	}
	if err := write("区县", "指标", "单位", "年份", "数值"); err != nil {
		return err
	}
	for u := range units {
		entity := fmt.Sprintf("第%04d县", u)
		for i, ind := range p.Indicators() {
			for y := 2021; y <= 2025; y++ {
				var v any = 40 + float64((u*7+i*3+y)%50)/10
				switch {
				case ind.Target.IsCumulative():
					v = 1 + float64((u+i+y)%9)/10
				case ind.Unit == "":
					v = "16:47:37"
				}
				if err := write(entity, ind.Name, ind.Unit, y, v); err != nil {
					return err
				}
			}
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// BenchmarkScan is the reading stage: the sheet streamed, the header found,
// every row handed on.
func BenchmarkScan(b *testing.B) {
	path := longWorkbook(b)
	for b.Loop() {
		if err := actuals.Scan(path, actuals.Options{}, discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Header(*actuals.Header) error { return nil }
func (discard) Row(actuals.TableRow) error   { return nil }
func (discard) Skipped(actuals.SkippedRow)   {}

// BenchmarkEvaluateFile is read, match, judge (the digest) and audit, with the
// plan given, and with the plan chosen (a second pass).
func BenchmarkEvaluateFile(b *testing.B) {
	path := longWorkbook(b)
	p, err := plan.Resolve("jlp-hrss-14th@1")
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		plan *plan.Plan
	}{{"plan-given", p}, {"plan-chosen", nil}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: c.plan, Year: 2023})
				if res.Err != nil {
					b.Fatal(res.Err)
				}
				if n := len(res.Eval.Entities()); n != benchUnits {
					b.Fatalf("%d entities", n)
				}
			}
		})
	}
}

// BenchmarkWrite is the writing stage: every outcome judged again and written.
func BenchmarkWrite(b *testing.B) {
	path := longWorkbook(b)
	p, err := plan.Resolve("jlp-hrss-14th@1")
	if err != nil {
		b.Fatal(err)
	}
	res := pipeline.EvaluateFile(context.Background(), path, pipeline.Options{Plan: p, Year: 2023})
	if res.Err != nil {
		b.Fatal(res.Err)
	}
	evals := []*pipeline.Evaluation{res.Eval}
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			if err := textout.JSON(io.Discard, evals, report.Chinese); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("table", func(b *testing.B) {
		for b.Loop() {
			if err := textout.CompletionTable(io.Discard, res.Eval, report.Chinese, textout.Box); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchDir holds the benchmark workbooks for the whole test binary; TestMain
// removes it.
var benchDir string

func tempDir() (string, error) {
	if benchDir == "" {
		d, err := os.MkdirTemp("", "plancheck-bench")
		if err != nil {
			return "", err
		}
		benchDir = d
	}
	return benchDir, nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}
