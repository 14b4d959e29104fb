// Package input opens the files plancheck reads whole — a plan file, an
// aliases file — the same way wherever they come from: a file, or a named
// pipe such as bash's <(…) gives.
package input

import (
	"io/fs"
	"os"
)

// Open opens path for reading. A named pipe is opened without waiting for
// a writer (a plain open would wait forever for one that never comes): one
// with a writer, as <(cat plan.yaml) is, reads what it writes; one with
// none reads as empty.
func Open(path string) (*os.File, error) {
	if info, err := os.Stat(path); err == nil && info.Mode()&fs.ModeNamedPipe != 0 {
		return os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	}
	return os.Open(path)
}
