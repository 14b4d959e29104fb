package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
)

// Source is a workbook a merged evaluation was read from.
type Source struct {
	File   string
	SHA256 string
}

// MergeUnits makes one multi-unit evaluation of workbooks that each report
// one unit (a street's own file, its unit named by the 填报单位 line above its
// table or by --entity): the units side by side, as one workbook with a unit
// column would give them. It reports false, merging nothing, unless there
// are two or more, of one plan and one year, each of one named unit, no two
// the same. The merged evaluation's File lists the files and its SHA256 is
// the hash of theirs, in order; Sources names each.
func MergeUnits(evals []*Evaluation) (*Evaluation, bool) {
	if len(evals) < 2 {
		return nil, false
	}
	seen := map[string]bool{}
	for _, e := range evals {
		if len(e.entities) != 1 || e.entities[0] == "" || seen[e.entities[0]] || e.Sources != nil ||
			e.Plan.Ref() != evals[0].Plan.Ref() || e.Year != evals[0].Year {
			return nil, false
		}
		seen[e.entities[0]] = true
	}
	var (
		units    []EntityEvaluation
		audit    []AuditEntry
		warnings []string
		files    []string
		sources  []Source
	)
	hash := sha256.New()
	for _, e := range evals {
		for _, en := range e.All() {
			en.Outcomes = slices.Clone(en.Outcomes)
			units = append(units, en)
		}
		audit = append(audit, e.Audit()...)
		warnings = append(warnings, e.Warnings()...)
		files = append(files, e.File)
		sources = append(sources, Source{File: e.File, SHA256: e.SHA256})
		hash.Write([]byte(e.SHA256))
	}
	first := evals[0]
	m := NewEvaluation(first.Plan, strings.Join(files, "、"), hex.EncodeToString(hash.Sum(nil)), first.Year, units, audit, warnings)
	m.Sources = sources
	return m, true
}
