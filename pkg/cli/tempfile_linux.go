package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// openUnnamed opens an unnamed file in dir (O_TMPFILE) for the output to be
// written into: it has no name until linkUnnamed gives it one just before
// the rename, so a plancheck killed while it writes (SIGKILL, which no
// program can catch, or a machine that stops) leaves nothing behind. ok is
// false where the file system has no such files; the caller then makes a
// named temporary file.
func openUnnamed(dir string, mode fs.FileMode) (f *os.File, ok bool) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, uint32(mode.Perm()))
	if err != nil {
		return nil, false
	}
	return os.NewFile(uintptr(fd), filepath.Join(dir, "(unnamed)")), true
}

// linkUnnamed gives the unnamed file f the name name, by its /proc/self/fd
// link (any user may), else by its descriptor (AT_EMPTY_PATH: before Linux
// 6.10 only with CAP_DAC_READ_SEARCH, for where /proc is not mounted).
func linkUnnamed(f *os.File, name string) error {
	err := unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(int(f.Fd())), unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
	if err == nil || err == unix.EEXIST {
		return wrapLink(err, name)
	}
	return wrapLink(unix.Linkat(int(f.Fd()), "", unix.AT_FDCWD, name, unix.AT_EMPTY_PATH), name)
}

func wrapLink(err error, name string) error {
	if err == nil {
		return nil
	}
	return &os.LinkError{Op: "link", Old: "(unnamed)", New: name, Err: err}
}
