package report

import (
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/pipeline"
)

// FileLabel names an evaluation's workbook without its folder: its file, or
// for one merged from several (a street's files) each file.
func FileLabel(e *pipeline.Evaluation) string {
	if e.Sources == nil {
		return FileName(e.File)
	}
	names := make([]string, len(e.Sources))
	for i, src := range e.Sources {
		names[i] = FileName(src.File)
	}
	return strings.Join(names, "、")
}

// FileName is the name of an input file without its folder, whether the
// path was given the Unix or the Windows way: a summary or a report is
// handed on, and the folders of the machine it was made on are nobody
// else's business.
func FileName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 && i < len(path)-1 {
		return path[i+1:]
	}
	return path
}
