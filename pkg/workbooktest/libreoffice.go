package workbooktest

import (
	"context"
	"fmt"
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
	return convert(t, in, outDir, ext, ext, "")
}

// LibreOffice's numbers for the character sets of its CSV filter
// (rtl_TextEncoding).
const (
	CharsetUTF8  = 76
	CharsetUTF16 = 65535 // little-endian, with a byte order mark
	CharsetGBK   = 85
)

// ConvertLibreOfficeCSV saves one sheet (1-based) of the workbook in as
// text with LibreOffice's CSV filter, cells as shown (a 0.00% cell holding
// 0.052 is written 5.20%), fields separated by sep and quoted with ", in
// the character set charset (CharsetUTF8 …). LibreOffice names the output
// outDir/<base name of in>-<sheet name>.csv; it is returned.
func ConvertLibreOfficeCSV(t testing.TB, in, outDir string, sheet int, sep rune, charset int) string {
	t.Helper()
	// The tokens: separator, text delimiter, character set, first line,
	// column formats, language, quote all text, detect special numbers,
	// save cell contents as shown, export formulas, remove spaces, sheet.
	filter := fmt.Sprintf("csv:Text - txt - csv (StarCalc):%d,34,%d,1,,0,false,true,true,false,false,%d", sep, charset, sheet)
	return convert(t, in, outDir, "csv", filter, "-*")
}

// convert runs soffice --convert-to convertTo and returns the file it
// wrote: outDir/<base name of in><suffix>.ext, suffix a glob pattern.
func convert(t testing.TB, in, outDir, ext, convertTo, suffix string) string {
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
	base := strings.TrimSuffix(filepath.Base(absIn), filepath.Ext(absIn))
	out := filepath.Join(absOut, base+"."+ext)
	if out == absIn {
		t.Fatalf("workbooktest: ConvertLibreOfficeTo would overwrite its input %s: use another outDir", in)
	}
	if err := os.MkdirAll(absOut, 0o755); err != nil {
		t.Fatalf("workbooktest: %v", err)
	}
	pattern := filepath.Join(absOut, base+suffix+"."+ext)
	old, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatalf("workbooktest: %v", err)
	}
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			t.Fatalf("workbooktest: %v", err)
		}
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
		"--convert-to", convertTo, "--outdir", absOut, absIn)
	// soffice may leave a helper holding the output pipes.
	cmd.WaitDelay = 10 * time.Second
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("workbooktest: soffice converting %s: %v\n%s", in, err, output)
	}
	// soffice exits 0 even when it converted nothing.
	if suffix != "" {
		if got, _ := filepath.Glob(pattern); len(got) == 1 {
			out = got[0]
		}
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
		t.Fatalf("workbooktest: soffice wrote no (or an empty) %s (%v)\n%s", out, err, output)
	}
	return out
}
