package cli

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"sync/atomic"
	"syscall"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// checkOutput refuses, before any workbook is read rather than after the
// whole evaluation, an output path that
//   - is one of the inputs (the workbooks, the --plan file, the --aliases
//     file: by name or as the same file under another name or a link);
//   - is a directory, or lies in a directory that does not exist;
//   - is a read-only file (plancheck does not replace what its owner
//     protected, also where the system would let it, as root).
//
// A character device or a named pipe (/dev/stdout, /dev/null, a FIFO) is
// written straight to, not replaced (see writeAtomicFunc).
func checkOutput(out string, inputs []string, lang msg.Lang) error {
	if err := outputDirError(out, lang); err != nil {
		return err
	}
	outAbs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	outInfo, statErr := os.Stat(out)
	for _, in := range inputs {
		if in == "" {
			continue
		}
		inAbs, err := filepath.Abs(in)
		if err != nil {
			return err
		}
		same := inAbs == outAbs
		if !same && statErr == nil {
			if inInfo, err := os.Stat(in); err == nil && os.SameFile(inInfo, outInfo) {
				same = true
			}
		}
		if same {
			return errors.New(lang.T("error.output-is-input", out))
		}
	}
	if statErr != nil {
		return nil
	}
	switch mode := outInfo.Mode(); {
	case mode.IsDir():
		return errors.New(lang.T("error.output-is-dir", out))
	case mode.IsRegular() && mode.Perm()&0o200 == 0:
		return withHint(errors.New(lang.T("error.output-read-only", out)), "%s", lang.T("hint.output-read-only"))
	}
	return nil
}

// outputDirError says what is wrong with the directory an output file is to
// be written in, or nil when nothing is known to be.
func outputDirError(path string, l msg.Lang) error {
	dir := filepath.Dir(path)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return withHint(errors.New(l.T("error.dir-missing", path, dir)), "%s", l.T("hint.dir-missing"))
	case err == nil && !info.IsDir():
		return errors.New(l.T("error.not-dir", path, dir))
	}
	return nil
}

// writeAtomic writes data to a temporary file beside path and renames it into
// place, so a failed run leaves no partial file.
func writeAtomic(path string, lang msg.Lang, data []byte) error {
	return writeAtomicFunc(path, lang, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeAtomicFunc has write fill a temporary file beside path, then renames
// it into place, so a failed run leaves no partial file:
//   - a path that is a link is followed: the file it points to is replaced
//     (or made), the link stays;
//   - a file replaced keeps its permissions (a new one is 0644);
//   - /dev/stdout and /dev/stderr are the streams plancheck has; another
//     character device or a named pipe (/dev/null, a FIFO) is opened and
//     written: renaming over it would replace the device with a file;
//   - on Linux the temporary file has no name while it is written
//     (O_TMPFILE, see openUnnamed): killed then, even by SIGKILL, plancheck
//     leaves nothing; it is named .x.xlsx.tmpNNN only for the link and the
//     rename. Elsewhere, on a file system without such files, and with
//     PLANCHECK_TEMPFILE=named, it is named from the start;
//   - SIGINT, SIGTERM or SIGHUP while the temporary file has a name removes
//     it, and plancheck exits as the signal asks (130, 143, 129).
//
// The temporary file is plancheck's business, not the user's: errors name
// path, never the temporary file (.x.xlsx.tmp123 would only puzzle).
func writeAtomicFunc(path string, lang msg.Lang, write func(io.Writer) error) error {
	return writeAtomicWith(path, lang, write, tempFile{unnamed: true, link: linkUnnamed})
}

// tempFile says how writeAtomicWith makes its temporary file: unnamed where
// it can (else named), and the unnamed one linked by link. Tests choose.
type tempFile struct {
	unnamed bool
	link    func(f *os.File, name string) error
}

// writeAtomicWith is writeAtomicFunc with its temporary file made as how says.
func writeAtomicWith(path string, lang msg.Lang, write func(io.Writer) error, how tempFile) error {
	if std := standardStream(path); std != nil {
		// -o /dev/stdout: the stream plancheck already has, whatever it is
		// (a terminal, a pipe, a socket, a file the shell opened for
		// appending), written to as it is, not opened again nor replaced.
		return writeTo(std, path, lang, write)
	}
	target := path
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		target = resolved
	} else if info, lerr := os.Lstat(path); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
		// A link to a file not made yet: the file is made where it
		// points, and the link stays.
		if dest, rerr := os.Readlink(path); rerr == nil {
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(filepath.Dir(path), dest)
			}
			target = dest
		}
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(target); err == nil {
		if !info.Mode().IsRegular() && !info.IsDir() {
			return writeStraight(target, path, lang, write)
		}
		mode = info.Mode().Perm()
	}
	dir := filepath.Dir(target)
	// Signals are caught before the temporary file exists.
	var tmpName atomic.Pointer[string]
	defer removeOnSignal(&tmpName)()
	var tmp *os.File
	unnamed := false
	if how.unnamed && os.Getenv("PLANCHECK_TEMPFILE") != "named" {
		tmp, unnamed = openUnnamed(dir, mode)
	}
	named := func() error {
		var err error
		tmp, err = os.CreateTemp(dir, "."+filepath.Base(target)+".tmp*")
		if err != nil {
			if derr := outputDirError(path, lang); derr != nil {
				return derr
			}
			return writeError(lang, path, withoutTempName(err, ""))
		}
		name := tmp.Name()
		tmpName.Store(&name)
		return nil
	}
	if !unnamed {
		if err := named(); err != nil {
			return err
		}
		defer os.Remove(tmp.Name())
	}
	fail := func(err error) error {
		tmp.Close()
		return writeError(lang, path, withoutTempName(err, tmp.Name()))
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(bw); err != nil {
		if withoutTempName(err, tmp.Name()) != err {
			return fail(err) // writing the temporary file failed (a full disk)
		}
		tmp.Close()
		return err // the writer's own error, already worded
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	name := tmp.Name()
	if unnamed {
		// The file gets a name only now, for the rename: a link cannot
		// replace a file. The name lives for a link and a rename.
		linked, err := linkTemp(tmp, dir, filepath.Base(target), how.link, &tmpName)
		if err != nil {
			// No way to name it (no /proc, an old kernel): what was
			// written is copied into a named temporary file.
			unnamedFile := tmp
			defer unnamedFile.Close()
			if _, err := unnamedFile.Seek(0, io.SeekStart); err != nil {
				return fail(err)
			}
			if err := named(); err != nil {
				return err
			}
			defer os.Remove(tmp.Name())
			if err := tmp.Chmod(mode); err != nil {
				return fail(err)
			}
			if _, err := io.Copy(tmp, unnamedFile); err != nil {
				return fail(err)
			}
			linked = tmp.Name()
		} else {
			defer os.Remove(linked)
		}
		name = linked
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(name, target); err != nil {
		return fail(withoutTempName(err, name))
	}
	return nil
}

// linkTemp links the unnamed file f into dir as .base.tmpNNN (a name no
// file has yet) and returns the name, then stored in *signalName so that a
// signal between the link and the rename removes it (stored after the
// link: a name taken by another file must never be removed).
func linkTemp(f *os.File, dir, base string, link func(*os.File, string) error, signalName *atomic.Pointer[string]) (string, error) {
	var err error
	for try := 0; try < 100; try++ {
		name := filepath.Join(dir, "."+base+".tmp"+strconv.FormatUint(uint64(rand.Uint32()), 10))
		if err = link(f, name); err == nil {
			signalName.Store(&name)
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	return "", withoutTempName(err, "")
}

// standardStream is the process's own stream that path names on a Unix
// system (/dev/stdout, /dev/fd/1, /dev/stderr, /dev/fd/2), or nil.
func standardStream(path string) *os.File {
	if runtime.GOOS == "windows" {
		return nil
	}
	switch filepath.Clean(path) {
	case "/dev/stdout", "/dev/fd/1":
		return os.Stdout
	case "/dev/stderr", "/dev/fd/2":
		return os.Stderr
	}
	return nil
}

// writeStraight writes to a character device or named pipe as it is.
func writeStraight(target, path string, lang msg.Lang, write func(io.Writer) error) error {
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return writeError(lang, path, withoutTempName(err, ""))
	}
	if err := writeTo(f, path, lang, write); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return writeError(lang, path, withoutTempName(err, ""))
	}
	return nil
}

// writeTo has write fill f through a buffer.
func writeTo(f *os.File, path string, lang msg.Lang, write func(io.Writer) error) error {
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return writeError(lang, path, withoutTempName(err, ""))
	}
	return nil
}

// removeOnSignal removes the file *name names, if any, when SIGINT,
// SIGTERM or SIGHUP comes before the returned function is called, then exits with
// 128 + the signal's number, as a shell reports a process the signal ended.
func removeOnSignal(name *atomic.Pointer[string]) (stop func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	exit := func(s os.Signal) {
		if n := name.Load(); n != nil {
			os.Remove(*n)
		}
		code := 130
		switch s {
		case syscall.SIGTERM:
			code = 143
		case syscall.SIGHUP:
			code = 129
		}
		os.Exit(code)
	}
	go func() {
		select {
		case s := <-c:
			exit(s)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(c)
		close(done)
		// A signal that came as the write ended is not lost.
		select {
		case s := <-c:
			exit(s)
		default:
		}
	}
}

// withoutTempName strips the file name from an error about the temporary file
// (name; with name empty, about any file), keeping what went wrong ("no space
// left on device"). Other errors are returned as they are.
func withoutTempName(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && (name == "" || pe.Path == name) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) && (name == "" || le.Old == name) {
		return le.Err
	}
	return err
}
