package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// inputs are the workbooks eval's arguments name, once each, and the notes
// about the files skipped on the way.
type inputs struct {
	files []string
	notes []string
}

// expandInputs turns eval's arguments into the workbooks to evaluate, in the
// order given (issue 10):
//
//   - a folder: its spreadsheets (folderExts) in name order, not those of its
//     subfolders;
//   - an argument with * or ? that is not an existing file: a pattern
//     (filepath.Glob), its files in name order (cmd.exe and PowerShell leave
//     patterns to the program), folders among them left out; a pattern that
//     matches nothing is an error naming it;
//   - anything else: a file, as today (a missing one is the pipeline's to
//     report).
//
// Excel's lock files (~$name.xlsx) and hidden files (.name) are skipped with a
// note, also when named outright, since a shell's * names them too; so is
// output, the file this run writes, when a folder or pattern holds it (named
// outright it is refused by checkOutput). A file named twice, directly or
// through a folder or pattern, is evaluated once, where it first comes.
func expandInputs(args []string, output string, lang msg.Lang) (inputs, error) {
	var in inputs
	var seen []seenFile
	var outInfo os.FileInfo
	if output != "" {
		outInfo, _ = os.Stat(output)
	}
	// add takes a file unless it is to be skipped or is already in.
	add := func(path string, fromListing bool) {
		base := filepath.Base(path)
		switch {
		case strings.HasPrefix(base, "~$"):
			in.notes = append(in.notes, lang.T("batch.skip-lock", path))
			return
		case strings.HasPrefix(base, "."):
			in.notes = append(in.notes, lang.T("batch.skip-hidden", path))
			return
		}
		sf := newSeenFile(path)
		if fromListing && outInfo != nil && sf.info != nil && os.SameFile(sf.info, outInfo) {
			in.notes = append(in.notes, lang.T("batch.skip-output", path))
			return
		}
		for _, s := range seen {
			if s.same(sf) {
				return
			}
		}
		seen = append(seen, sf)
		in.files = append(in.files, path)
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		switch {
		case err == nil && info.IsDir():
			names, err := workbooksIn(arg, lang)
			if err != nil {
				return inputs{}, err
			}
			if len(names) == 0 {
				return inputs{}, withHint(errors.New(lang.T("batch.empty-folder", arg)), "%s", lang.T("hint.empty-folder"))
			}
			for _, name := range names {
				add(filepath.Join(arg, name), true)
			}
		case err != nil && strings.ContainsAny(arg, "*?"):
			matches, err := filepath.Glob(arg)
			if err != nil {
				return inputs{}, withHint(errors.New(lang.T("batch.bad-pattern", arg)), "%s", lang.T("hint.bad-pattern"))
			}
			n := 0
			for _, m := range matches {
				if mi, err := os.Stat(m); err == nil && mi.IsDir() {
					continue
				}
				add(m, true)
				n++
			}
			if n == 0 {
				return inputs{}, withHint(errors.New(lang.T("batch.no-match", arg)), "%s", lang.T("hint.no-match"))
			}
		default:
			add(arg, false)
		}
	}
	if len(in.files) == 0 {
		return inputs{}, errors.New(lang.T("batch.nothing-left"))
	}
	return in, nil
}

// folderExts are the files a folder gives: workbooks (.xlsx, .xlsm, .ods,
// .xls — a web system's HTML "xls" among them — and WPS's .et), CSV and
// TSV, and HTML tables. A .txt is left out: in a folder it is more often a
// note.
var folderExts = map[string]bool{".xlsx": true, ".xlsm": true, ".ods": true, ".xls": true, ".et": true, ".csv": true, ".tsv": true, ".html": true, ".htm": true}

// workbooksIn lists the spreadsheets of dir (folderExts) by name, in name
// order (os.ReadDir sorts them); subfolders and other files are left out.
func workbooksIn(dir string, lang msg.Lang) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, msg.Worded(lang.T("batch.read-folder", dir, withoutTempName(err, "")), err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		if folderExts[strings.ToLower(filepath.Ext(e.Name()))] && (e.Type().IsRegular() || e.Type()&os.ModeSymlink != 0) {
			names = append(names, e.Name())
		}
	}
	return names, nil
}

// seenFile is a file taken for a batch, to know it again however it is
// named: by its cleaned absolute path, or as the same file on disk (a
// link, another spelling on a case-insensitive system).
type seenFile struct {
	abs  string
	info os.FileInfo // nil when the file cannot be found
}

func newSeenFile(path string) seenFile {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = filepath.Clean(path)
	}
	info, _ := os.Stat(path)
	return seenFile{abs: abs, info: info}
}

func (s seenFile) same(o seenFile) bool {
	if s.abs == o.abs {
		return true
	}
	return s.info != nil && o.info != nil && os.SameFile(s.info, o.info)
}
