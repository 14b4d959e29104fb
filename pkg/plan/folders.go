package plan

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// ErrConflict is returned for a plan reference that two plan files hold with
// different contents.
var ErrConflict error = msg.Errorf("plan.conflict-kind")

// Skipped is a plan file of a folder that was not loaded, and why: it could
// not be read, or it is not a valid plan (Err is then Problems).
type Skipped struct {
	File string
	Err  error
}

// WithFolders returns a registry of r's plans and of the plan in every
// *.yaml and *.yml file under dirs, however deep and whatever its name, by the
// id and version inside. Files are read folder by folder, each in lexical
// order; hidden files and folders (.git) are passed over, and a symbolic link
// to a folder is not followed (so a link cannot make a loop).
//
// A file that cannot be read or does not validate is skipped, whole, and
// listed in the skipped files. Two files (or a file and an embedded plan) with
// the same id@version are one plan when their contents are the same YAML
// data; otherwise the reference is a conflict: the registry keeps the first,
// and resolving that reference is an error naming both files (Conflict). A
// folder that cannot be read at all is an error.
func (r *Registry) WithFolders(dirs []string) (*Registry, []Skipped, error) {
	var files []string
	var skipped []Skipped
	for _, dir := range dirs {
		f, bad, err := FolderFiles(dir)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, f...)
		skipped = append(skipped, bad...)
	}
	reg, bad := r.WithFiles(files)
	return reg, append(skipped, bad...), nil
}

// WithFiles returns a registry of r's plans and of the plans of files, read
// in order, as WithFolders reads a folder's files.
func (r *Registry) WithFiles(files []string) (*Registry, []Skipped) {
	var loaded []Loaded
	var skipped []Skipped
	for _, f := range files {
		data, err := ReadFile(f)
		if err != nil {
			skipped = append(skipped, Skipped{f, err})
			continue
		}
		p, err := Load(f, data)
		if err != nil {
			skipped = append(skipped, Skipped{f, err})
			continue
		}
		loaded = append(loaded, Loaded{p, data})
	}
	return r.WithLoaded(loaded), skipped
}

// Loaded is a plan loaded from a file, and the file's bytes.
type Loaded struct {
	Plan *Plan
	Data []byte
}

// WithLoaded returns a registry of r's plans and of plans loaded already
// (validate has read them, and a named pipe reads once), in order: the same
// id@version twice is one plan when the bytes are the same, else a
// conflict.
func (r *Registry) WithLoaded(loaded []Loaded) *Registry {
	out := &Registry{plans: append([]*Plan(nil), r.plans...), data: map[string][]byte{}, conflicts: map[string]*Conflict{}}
	for k, v := range r.data {
		out.data[k] = v
	}
	for k, v := range r.conflicts {
		out.conflicts[k] = v
	}
	byRef := make(map[string]*Plan, len(out.plans))
	for _, p := range out.plans {
		byRef[p.Ref()] = p
	}
	for _, l := range loaded {
		p, data := l.Plan, l.Data
		ref := p.Ref()
		first, dup := byRef[ref]
		switch {
		case !dup:
			byRef[ref] = p
			out.plans = append(out.plans, p)
			out.data[ref] = data
		case sameContent(out.data[ref], data):
			// The same plan twice (a copy, a folder named twice): one.
		case out.conflicts[ref] == nil:
			out.conflicts[ref] = &Conflict{Ref: ref, Second: p.File,
				err: msg.Errorf("plan.conflict", ErrConflict, fileLabel(first), fileLabel(p), ref)}
		}
	}
	out.sort()
	return out
}

// Conflict is a plan reference that two files hold with different contents;
// resolving it is this error.
type Conflict struct {
	Ref string
	// Second is the first file found to differ from the plan the registry
	// keeps (the embedded one, or the first read), which the error names.
	Second string
	err    *msg.Error
}

func (c *Conflict) Error() string { return c.err.Error() }

// Unwrap is the error as the catalogue words it (and so ErrConflict).
func (c *Conflict) Unwrap() error { return c.err }

// fileLabel names the file a plan came from, saying so when it is built in.
func fileLabel(p *Plan) any {
	if p.Embedded {
		return msg.Errorf("plan.embedded-file", p.File)
	}
	return p.File
}

// FolderFiles lists the *.yaml and *.yml files under dir in lexical order, as
// WithFolders reads them, named under dir as given. A subfolder that cannot
// be read is listed as skipped.
func FolderFiles(dir string) ([]string, []Skipped, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, msg.Errorf("plan.folder-missing", dir, err)
	case err != nil:
		return nil, nil, msg.Errorf("plan.folder-read", dir, err)
	case !info.IsDir():
		return nil, nil, msg.Errorf("plan.folder-not-dir", dir)
	}
	// The folder itself may be a link: walk where it leads (WalkDir does not
	// follow a link, even at the top), and name the files under dir.
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, nil, msg.Errorf("plan.folder-read", dir, err)
	}
	var files []string
	var skipped []Skipped
	name := func(path string) string {
		rel, err := filepath.Rel(real, path)
		if err != nil {
			return path
		}
		return filepath.Join(dir, rel)
	}
	err = filepath.WalkDir(real, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == real {
				return err
			}
			skipped = append(skipped, Skipped{name(path), msg.Errorf("plan.folder-read", name(path), err)})
			return nil
		}
		if path != real && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		switch strings.ToLower(filepath.Ext(d.Name())) {
		case ".yaml", ".yml":
			files = append(files, name(path))
		}
		return nil
	})
	if err != nil {
		return nil, nil, msg.Errorf("plan.folder-read", dir, err)
	}
	return files, skipped, nil
}

// sameContent reports whether two plan files hold the same YAML data: the
// same bytes, or the same values once comments, quoting, layout and the order
// of a mapping's keys are set aside.
func sameContent(a, b []byte) bool {
	if bytes.Equal(a, b) {
		return true
	}
	if a == nil || b == nil {
		return false
	}
	var na, nb yaml.Node
	if yaml.Unmarshal(a, &na) != nil || yaml.Unmarshal(b, &nb) != nil {
		return false
	}
	return sameNode(&na, &nb)
}

// sameNode compares two parsed YAML trees by value. Plan files have no
// anchors or aliases (Load refuses them), so there is no alias to follow.
func sameNode(a, b *yaml.Node) bool {
	if a.Kind != b.Kind || len(a.Content) != len(b.Content) {
		return false
	}
	switch a.Kind {
	case yaml.ScalarNode:
		return a.ShortTag() == b.ShortTag() && a.Value == b.Value
	case yaml.MappingNode:
		values := make(map[string]*yaml.Node, len(a.Content)/2)
		for i := 0; i+1 < len(a.Content); i += 2 {
			values[a.Content[i].Value] = a.Content[i+1]
		}
		for i := 0; i+1 < len(b.Content); i += 2 {
			v, ok := values[b.Content[i].Value]
			if !ok || !sameNode(v, b.Content[i+1]) {
				return false
			}
		}
		return len(values) == len(a.Content)/2
	case yaml.AliasNode:
		return false
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i]) {
			return false
		}
	}
	return true
}

// Conflict is the error for a plan whose reference two files hold with
// different contents (see WithFolders), or nil.
func (r *Registry) Conflict(p *Plan) error {
	if p == nil || r.conflicts[p.Ref()] == nil {
		return nil // not a nil *Conflict in an error
	}
	return r.conflicts[p.Ref()]
}

// Conflicts lists every conflict of the registry, by plan reference.
func (r *Registry) Conflicts() []*Conflict {
	refs := make([]string, 0, len(r.conflicts))
	for ref := range r.conflicts {
		refs = append(refs, ref)
	}
	sort.Strings(refs)
	out := make([]*Conflict, len(refs))
	for i, ref := range refs {
		out[i] = r.conflicts[ref]
	}
	return out
}
