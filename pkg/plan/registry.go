package plan

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/jlp-hrss/plancheck/pkg/msg"
	"github.com/jlp-hrss/plancheck/plans"
)

// ErrUnknownPlan is returned for a plan id or version no embedded plan has.
var ErrUnknownPlan error = msg.Errorf("plan.unknown")

// EmbeddedDir is the folder embedded plans are named under in messages: the
// folder of the source tree they come from.
const EmbeddedDir = "plans"

// Registry holds plans by id and version.
type Registry struct {
	plans []*Plan // sorted by id, then version
	// data holds the bytes of each plan's file, by reference, where the
	// registry read them, to tell a copy from a different plan.
	data map[string][]byte
	// conflicts holds, by reference, the error for a reference two files
	// hold with different contents (WithFolders).
	conflicts map[string]*Conflict
}

// NewRegistry returns a registry of the given plans; two plans with the same id
// and version are an error.
func NewRegistry(list ...*Plan) (*Registry, error) {
	r := &Registry{plans: append([]*Plan(nil), list...)}
	r.sort()
	for i := 1; i < len(r.plans); i++ {
		if r.plans[i].ID == r.plans[i-1].ID && r.plans[i].Version == r.plans[i-1].Version {
			return nil, msg.Errorf("plan.same-ref", r.plans[i-1].File, r.plans[i].File, r.plans[i].Ref())
		}
	}
	return r, nil
}

// sort orders the plans by id, then version.
func (r *Registry) sort() {
	sort.SliceStable(r.plans, func(i, j int) bool {
		a, b := r.plans[i], r.plans[j]
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Version < b.Version
	})
}

var embedded = sync.OnceValues(func() (*Registry, error) {
	reg, err := LoadFS(plans.FS, EmbeddedDir)
	if err != nil {
		return nil, err
	}
	for _, p := range reg.plans {
		p.Embedded = true
	}
	return reg, nil
})

// Embedded returns the registry of the plans built into the binary.
func Embedded() (*Registry, error) { return embedded() }

// Resolve selects a plan as --plan does, among the embedded plans or from a
// file: see Registry.Resolve.
func Resolve(ref string) (*Plan, error) {
	reg, err := Embedded()
	if err != nil {
		return nil, err
	}
	return reg.Resolve(ref)
}

// EmbeddedFiles lists the embedded plan files by the names messages use.
func EmbeddedFiles() ([]string, error) {
	names, err := fs.Glob(plans.FS, "*.yaml")
	if err != nil {
		return nil, err
	}
	for i, n := range names {
		names[i] = path.Join(EmbeddedDir, n)
	}
	return names, nil
}

// ReadEmbedded returns the bytes of an embedded plan file named as
// EmbeddedFiles names it.
func ReadEmbedded(name string) ([]byte, error) {
	return fs.ReadFile(plans.FS, strings.TrimPrefix(name, EmbeddedDir+"/"))
}

// LoadFS loads every *.yaml file of fsys into a registry, naming them under dir
// in messages. Each file must be named ID.vVERSION.yaml after the plan it holds.
func LoadFS(fsys fs.FS, dir string) (*Registry, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	var list []*Plan
	var errs []error
	data := map[string][]byte{}
	for _, n := range names {
		d, err := fs.ReadFile(fsys, n)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p, err := Load(path.Join(dir, n), d)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if err := CheckEmbeddedName(p.File, p); err != nil {
			errs = append(errs, err)
			continue
		}
		list = append(list, p)
		data[p.Ref()] = d
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	reg, err := NewRegistry(list...)
	if err != nil {
		return nil, err
	}
	reg.data = data
	return reg, nil
}

// CheckEmbeddedName checks that an embedded plan file is named ID.vVERSION.yaml
// after the plan it holds, so that its name says which plan it is.
func CheckEmbeddedName(name string, p *Plan) error {
	if want := fmt.Sprintf("%s.v%d.yaml", p.ID, p.Version); path.Base(name) != want {
		return msg.Errorf("plan.embedded-name", name, p.Ref(), want)
	}
	return nil
}

// All returns every plan, sorted by id and version.
func (r *Registry) All() []*Plan { return append([]*Plan(nil), r.plans...) }

// IDs returns the distinct plan ids, sorted.
func (r *Registry) IDs() []string {
	var ids []string
	for _, p := range r.plans {
		if len(ids) == 0 || ids[len(ids)-1] != p.ID {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// Newest returns the newest version of every plan id.
func (r *Registry) Newest() []*Plan {
	var out []*Plan
	for i, p := range r.plans {
		if i+1 == len(r.plans) || r.plans[i+1].ID != p.ID {
			out = append(out, p)
		}
	}
	return out
}

// Lookup returns the plan with the given id and version, or its newest version
// when version is 0. A reference two files hold with different contents is an
// error naming both (see WithFolders).
func (r *Registry) Lookup(id string, version int) (*Plan, error) {
	var found *Plan
	var versions []string
	for _, p := range r.plans {
		if p.ID != id {
			continue
		}
		versions = append(versions, strconv.Itoa(p.Version))
		if version == 0 || p.Version == version {
			found = p
		}
	}
	switch {
	case found != nil && r.conflicts[found.Ref()] != nil:
		return nil, r.Conflict(found)
	case found != nil:
		return found, nil
	case versions == nil:
		return nil, msg.Errorf("plan.unknown-id", ErrUnknownPlan, msg.Quoted(id), enumerate("plan.list", r.IDs()))
	default:
		return nil, msg.Errorf("plan.unknown-version", ErrUnknownPlan, id, version, enumerate("plan.list", versions))
	}
}

// IsFileRef reports whether a --plan value names a file rather than an embedded
// plan: it ends in .yaml or .yml, or contains a path separator.
func IsFileRef(ref string) bool {
	ext := strings.ToLower(filepath.Ext(ref))
	return ext == ".yaml" || ext == ".yml" || strings.ContainsAny(ref, `/\`)
}

// Resolve selects a plan as --plan does: a file (see IsFileRef), an embedded id
// (its newest version), or an embedded id@version.
func (r *Registry) Resolve(ref string) (*Plan, error) {
	if ref == "" {
		return nil, msg.Errorf("plan.empty-ref")
	}
	if IsFileRef(ref) {
		return LoadFile(ref)
	}
	id, v, hasVersion := strings.Cut(ref, "@")
	version := 0
	if hasVersion {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return nil, msg.Errorf("plan.bad-ref", msg.Quoted(ref))
		}
		version = n
	}
	return r.Lookup(id, version)
}
