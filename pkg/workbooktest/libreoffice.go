package workbooktest

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Soffice is LibreOffice's command (Debian package libreoffice-calc-nogui).
const Soffice = "/usr/bin/soffice"

// ConvertTimeout bounds one ConvertLibreOffice call (a fresh profile makes
// the first start take several seconds).
var ConvertTimeout = 3 * time.Minute

var libreOfficeStatus = sync.OnceValues(func() (string, error) {
	out, err := exec.Command(Soffice, "--version").CombinedOutput()
	return string(out), err
})

// RequireLibreOffice skips the test under -short, and when /usr/bin/soffice
// does not run (Debian package libreoffice-calc-nogui) skips it, or fails it
// when CI=true (see the package documentation).
func RequireLibreOffice(t testing.TB) {
	t.Helper()
	skipIfShort(t, "LibreOffice")
	if out, err := libreOfficeStatus(); err != nil {
		skipOrFail(t, "workbooktest: LibreOffice not available (%s --version: %v: %s); install libreoffice-calc-nogui", Soffice, err, out)
	}
}

// ConvertLibreOffice converts the workbook in to xlsx with
// `soffice --headless --convert-to xlsx --outdir outDir in` and returns the
// output path (outDir/<base name of in>.xlsx), after checking that the file
// exists and is not empty. Every call gets its own fresh user profile
// (-env:UserInstallation), so calls may run in parallel: soffice runs that
// share a profile fail silently.
//
// What LibreOffice 7.4 writes, converting an excelize file:
//   - Every formula is recalculated and stored with a cached value typed by
//     its result: <c t="n"><f aca="false">B3*100</f><v>96.15</v></c>, a
//     string t="str", a bool t="b". Formulas without a cached value in the
//     input get one.
//   - A bool constant becomes a formula: TRUE becomes
//     <c t="b"><f aca="false">TRUE()</f><v>1</v></c>.
//   - Strings go to the shared string table (t="s"), with xml:space="preserve".
//     A string mixing scripts (Latin and CJK) may become a rich-text entry
//     split into runs by font (<si><r>…<t>计划 </t></r><r>…<t>plan</t></r></si>).
//   - Numbers carry an explicit t="n" and every cell an explicit s.
//   - No built-in number format ids at all: every xf, even General, points
//     to a custom <numFmt> (164 "General", "0%" as a custom "0%", "0.00%" as
//     a custom "0.00%"). Codes are respelled: yyyy-mm-dd → yyyy\-mm\-dd,
//     0.0"%" → 0.0\% (a literal percent sign, not a percentage: a reader
//     must not take every code containing % for a percentage).
//   - Merges are kept; the covered cells are written as empty styled <c/>.
//
// soffice exits 0 (printing "Error: source file could not be loaded") when
// it converts nothing, and runs sharing one profile at the same time do
// exactly that for all but one of them; hence the fresh profile and the
// check of the output.
func ConvertLibreOffice(t testing.TB, in, outDir string) string {
	t.Helper()
	return ConvertLibreOfficeTo(t, in, outDir, "xlsx")
}

// ConvertLibreOfficeTo is ConvertLibreOffice to another format, named by
// its extension without the dot ("ods", "csv"): the output is
// outDir/<base name of in>.ext.
func ConvertLibreOfficeTo(t testing.TB, in, outDir, ext string) string {
	t.Helper()
	RequireLibreOffice(t)
	absIn, err := filepath.Abs(in)
	if err != nil {
		t.Fatalf("workbooktest: %v", err)
	}
	absOut, err := filepath.Abs(outDir)
	if err != nil {
		t.Fatalf("workbooktest: %v", err)
	}
	out := filepath.Join(absOut, strings.TrimSuffix(filepath.Base(absIn), filepath.Ext(absIn))+"."+ext)
	if out == absIn {
		t.Fatalf("workbooktest: ConvertLibreOfficeTo would overwrite its input %s: use another outDir", in)
	}
	if err := os.MkdirAll(absOut, 0o755); err != nil {
		t.Fatalf("workbooktest: %v", err)
	}
	if err := os.Remove(out); err != nil && !os.IsNotExist(err) {
		t.Fatalf("workbooktest: %v", err)
	}
	profile, err := os.MkdirTemp("", "workbooktest-soffice-")
	if err != nil {
		t.Fatalf("workbooktest: %v", err)
	}
	defer os.RemoveAll(profile)
	profileURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(profile)}).String()

	ctx, cancel := context.WithTimeout(t.Context(), ConvertTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, Soffice,
		"-env:UserInstallation="+profileURL,
		"--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
		"--convert-to", ext, "--outdir", absOut, absIn)
	// soffice may leave a helper holding the output pipes.
	cmd.WaitDelay = 10 * time.Second
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("workbooktest: soffice converting %s: %v\n%s", in, err, output)
	}
	// soffice exits 0 even when it converted nothing.
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Fatalf("workbooktest: soffice wrote no (or an empty) %s (%v)\n%s", out, err, output)
	}
	return out
}
