//go:build !linux

package cli

import (
	"errors"
	"io/fs"
	"os"
)

// openUnnamed: unnamed files (O_TMPFILE) are Linux's; elsewhere the output
// is written into a named temporary file.
func openUnnamed(dir string, mode fs.FileMode) (*os.File, bool) { return nil, false }

func linkUnnamed(f *os.File, name string) error { return errors.ErrUnsupported }
