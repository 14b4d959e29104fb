package book

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/pipeline"
	"github.com/jlp-hrss/plancheck/pkg/report"
	"github.com/xuri/excelize/v2"
)

// fixedTimestamp is the creation and modification time of every summary
// workbook: the same inputs must give the same bytes (spec §6), so no clock is
// read. It is excelize's own fixed default, written explicitly so that an
// upgrade of excelize cannot change it.
const fixedTimestamp = "2006-09-16T00:00:00Z"

// sheetLabels are the sheet names in one language.
type sheetLabels struct{ completion, details, trend, about, chartData string }

func sheetNames(lang Lang) sheetLabels {
	return sheetLabels{
		completion: lang.T("summary.completion"),
		details:    lang.T("summary.details"),
		trend:      lang.T("summary.trend"),
		about:      lang.T("summary.about"),
		chartData:  lang.T("summary.chart-data"),
	}
}

// WriteSummary writes the year-end summary workbook of one or more evaluations
// (spec §5, -o x.xlsx): the completion table grouped like 专栏1 with status
// fills, the 未报送 list and the counts, and a chart of completion progress
// against time progress (完成情况); every number behind each status (明细); with
// several evaluations, each indicator's statuses and values side by side (趋势);
// and where the numbers came from: plan, files and their SHA-256, thresholds,
// version (说明). Text from the inputs is always stored as text, never as a
// formula, and the same evaluations give the same bytes.
//
// missing are the workbooks of a batch that could not be evaluated: 完成情况
// names them under its tables and 说明 lists them with why, so that the
// summary is not taken for the whole batch.
func WriteSummary(w io.Writer, evals []*pipeline.Evaluation, missing []pipeline.NotEvaluated, lang Lang, version string) error {
	if len(evals) == 0 {
		return fmt.Errorf("summary: no evaluation to write")
	}
	for i, e := range evals {
		if e == nil || e.Plan == nil {
			return fmt.Errorf("summary: evaluation %d has no plan", i+1)
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, summaryDeflateLevel)
		})
		return zw
	})
	names := sheetNames(lang)
	b := &summaryBook{f: f, lang: lang, styles: newStyleCache(f), names: names, plans: planRefs(evals)}
	b.check(f.SetSheetName(f.GetSheetName(0), names.completion))
	b.newSheet(names.details)
	if len(evals) > 1 {
		b.newSheet(names.trend)
	}
	b.newSheet(names.about)
	// Before any sheet is written: SetActiveSheet reads every sheet, and
	// excelize reads a streamed sheet back whole for any change made to it
	// (see sheetWriter.flush).
	f.SetActiveSheet(0)
	if b.err != nil {
		return b.err
	}

	details := b.openDetails(names.details, evals)
	b.completionSheet(names.completion, evals, missing, details)
	details.write()
	if len(evals) > 1 {
		b.trendSheet(names.trend, evals)
	}
	b.aboutSheet(names.about, evals, missing, version)
	b.check(f.SetDocProps(&excelize.DocProperties{
		Creator:        "plancheck",
		LastModifiedBy: "plancheck",
		Title:          lang.T("summary.completion-of-the-main-indicators"),
		Subject:        evals[0].Plan.Ref(),
		Created:        fixedTimestamp,
		Modified:       fixedTimestamp,
	}))
	if b.err != nil {
		return b.err
	}
	return saveWorkbook(f, b.drawn, w)
}

// summaryDeflateLevel is the summary workbook's compression: a summary of
// thousands of units spent a fifth of its time deflating at the default
// level; level 3 takes a third of that for a file a fifth bigger (2,844
// units: 2.5 s and 11.1 MB at the default, 0.9 s and 13.3 MB at 3, 0.8 s and
// 16.5 MB at 1).
const summaryDeflateLevel = 3

// summaryBook writes one summary workbook; the first error stops everything after it.
type summaryBook struct {
	f      *excelize.File
	lang   Lang
	styles *styleCache
	names  sheetLabels
	// plans names the plans and versions in every page's footer.
	plans string
	// drawn are the sheets that hold charts.
	drawn []string
	err   error
}

// planRefs are the distinct plan references of the evaluations, in
// order: "jlp-hrss-14th@1".
func planRefs(evals []*pipeline.Evaluation) string {
	var refs []string
	seen := map[string]bool{}
	for _, e := range evals {
		if ref := e.Plan.Ref(); !seen[ref] {
			seen[ref] = true
			refs = append(refs, ref)
		}
	}
	return strings.Join(refs, ", ")
}

func (b *summaryBook) check(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *summaryBook) newSheet(name string) {
	if b.err != nil {
		return
	}
	_, err := b.f.NewSheet(name)
	b.check(err)
}

// sectionTitle names one evaluation: "2023年 · 时序进度 60% · 2023.xlsx".
func sectionTitle(e *pipeline.Evaluation, lang Lang, withPlan bool) string {
	file := report.FileLabel(e)
	s := lang.T("summary.time-progress-2", e.Year, report.Percent(&e.TimeProgress), file)
	if withPlan {
		s += " · " + e.Plan.Ref()
	}
	return s
}

func samePlan(evals []*pipeline.Evaluation) bool {
	for _, e := range evals[1:] {
		if e.Plan.Ref() != evals[0].Plan.Ref() {
			return false
		}
	}
	return true
}

// unitFile is the file the i-th unit of an evaluation was read from: its one
// file, or for one merged from a street's files (a unit each) that unit's.
func unitFile(e *pipeline.Evaluation, i int) string {
	if e.Sources != nil && i < len(e.Sources) {
		return report.FileName(e.Sources[i].File)
	}
	return report.FileName(e.File)
}
