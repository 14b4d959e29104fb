package actuals

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/jlp-hrss/plancheck/pkg/internal/input"
	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/pkg/plan"
)

// Alias is an office's own name for an indicator (--aliases): the name as
// its workbook writes it, the id of an indicator of the plan in use, and
// where the file says so.
type Alias struct {
	Name, ID  string
	File      string
	Line, Col int
}

// maxAliasFile bounds an aliases file: a few hundred names at most.
const maxAliasFile = 1 << 20

// ReadAliases reads an aliases file: a flat YAML map from a name to an
// indicator id (失业保险参保人员: unemployment-insurance-enrolment). Every
// problem is reported, a line each, as file:line:col: message.
func ReadAliases(path string, lang msg.Lang) ([]Alias, error) {
	lang = lang.OrEnglish()
	info, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, msg.Worded(lang.T("aliases.missing", path), err)
		}
		return nil, msg.Worded(lang.T("aliases.unreadable", path, msg.Text(err, lang)), err)
	}
	switch mode := info.Mode(); {
	case mode.IsDir():
		return nil, errors.New(lang.T("aliases.is-dir", path))
	case !mode.IsRegular() && mode&fs.ModeNamedPipe == 0:
		return nil, errors.New(lang.T("aliases.not-regular", path))
	}
	if info.Size() > maxAliasFile {
		return nil, errors.New(lang.T("aliases.too-large", path, maxAliasFile))
	}
	// A named pipe (bash's <(…)) is read without waiting for a writer.
	f, err := input.Open(path)
	if err != nil {
		return nil, msg.Worded(lang.T("aliases.unreadable", path, msg.Text(err, lang)), err)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxAliasFile+1))
	f.Close()
	if err != nil {
		return nil, msg.Worded(lang.T("aliases.unreadable", path, msg.Text(err, lang)), err)
	}
	if len(data) > maxAliasFile {
		return nil, errors.New(lang.T("aliases.too-large", path, maxAliasFile))
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, errors.New(lang.T("aliases.syntax", path, err.Error()))
	}
	if len(doc.Content) == 0 {
		return nil, nil // an empty file: no alias
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, errors.New(lang.T("aliases.not-map", path, root.Line, root.Column))
	}
	var out []Alias
	var problems []string
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
			problems = append(problems, lang.T("aliases.not-pair", path, k.Line, k.Column))
			continue
		}
		name, _ := splitName(k.Value)
		if first, dup := seen[name]; dup {
			problems = append(problems, lang.T("aliases.duplicate", path, k.Line, k.Column, k.Value, first))
			continue
		}
		seen[name] = k.Line
		out = append(out, Alias{Name: k.Value, ID: strings.TrimSpace(v.Value), File: path, Line: v.Line, Col: v.Column})
	}
	if len(problems) > 0 {
		return nil, errors.New(strings.Join(problems, "\n"))
	}
	return out, nil
}

// CheckAliases reports every alias whose id is no indicator of p, a line
// each, as file:line:col: message; nil when all are.
func CheckAliases(aliases []Alias, p *plan.Plan, lang msg.Lang) error {
	lang = lang.OrEnglish()
	ids := map[string]bool{}
	for _, ind := range p.Indicators() {
		ids[strings.ToLower(ind.ID)] = true
	}
	var problems []string
	for _, a := range aliases {
		if !ids[strings.ToLower(a.ID)] {
			problems = append(problems, lang.T("aliases.unknown-id", a.File, a.Line, a.Col, a.ID, p.Ref()))
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// addAliases lets a row's name match by an office's own name too, as by a
// plan alias; an alias whose id the plan lacks is left out (CheckAliases
// reports it).
func (m *matcher) addAliases(aliases []Alias) {
	for _, a := range aliases {
		if ind := m.byID[strings.ToLower(a.ID)]; ind != nil {
			name, _ := splitName(a.Name)
			m.byAlias[name] = ind
		}
	}
}
