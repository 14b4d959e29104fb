package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/clipperhouse/displaywidth"
	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal of the given width: the controlling side
// to read what is written, the terminal side to write to.
func openPTY(t *testing.T, cols int) (ptmx, tty *os.File) {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(ptmx.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(ptmx.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 50, Col: uint16(cols)}); err != nil {
		t.Fatal(err)
	}
	return ptmx, tty
}

// ptyEnd marks the end of what a run wrote, so that the reader knows it has
// everything before the terminal closes (Linux may drop what is unread
// when the terminal side closes).
const ptyEnd = "<<plancheck-test-end>>"

// runInPTY runs plancheck with stdout and stderr on a terminal of cols
// columns and returns what the terminal showed and the exit status.
func runInPTY(t *testing.T, cols int, args ...string) (string, int) {
	t.Helper()
	ptmx, tty := openPTY(t, cols)
	defer ptmx.Close()
	var got bytes.Buffer
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 4096)
		for !strings.Contains(got.String(), ptyEnd) {
			n, err := ptmx.Read(buf)
			got.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	code := Main(args, strings.NewReader(""), tty, tty)
	io.WriteString(tty, ptyEnd)
	<-done
	tty.Close()
	out, _, _ := strings.Cut(strings.ReplaceAll(got.String(), "\r", ""), ptyEnd)
	return out, code
}

// ansi matches the escape sequences of the progress line.
var ansi = regexp.MustCompile("\x1b\\[[0-9;]*[A-Za-z]")

// TestEvalFitsTerminal: in an 80- and a 100-column terminal, no line eval
// or inspect writes on stdout or stderr is wider than the terminal (eval: the
// name column wraps, 预计 folds, borders thin; inspect: the values column
// wraps), and every indicator still shows; piped, the same table keeps one
// line per row, and --wide keeps it so on a terminal.
func TestEvalFitsTerminal(t *testing.T) {
	sample, err := filepath.Abs(filepath.Join("..", "..", "testdata", "2023.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	width := displaywidth.Options{}.String
	for _, cols := range []int{80, 100} {
		for _, args := range [][]string{
			{"eval", sample},
			{"eval", "--lang", "en", "--fail-on", "any", sample},
			{"inspect", sample},
			{"inspect", "--lang", "en", sample},
		} {
			got, code := runInPTY(t, cols, args...)
			if code != 0 && code != 1 {
				t.Fatalf("%d columns, %v: exit %d\n%s", cols, args, code, got)
			}
			out := ansi.ReplaceAllString(got, "")
			for _, line := range strings.Split(out, "\n") {
				if w := width(line); w > cols {
					t.Errorf("%d columns, %v: a line %d wide:\n%s", cols, args, w, line)
				}
			}
			// Every row is there: its number (eval) or its name cell (inspect).
			for i := 1; i <= 23; i++ {
				mark := regexp.MustCompile(`(^|\s)` + strconv.Itoa(i) + `\.`)
				if args[0] == "inspect" {
					mark = regexp.MustCompile(`\bA` + strconv.Itoa(i+9) + `\b`)
				}
				if !mark.MatchString(out) {
					t.Errorf("%d columns, %v: row %d is not in the output:\n%s", cols, args, i, out)
					break
				}
			}
		}
	}
	// --wide on a terminal: one line per row.
	if wide, _ := runInPTY(t, 80, "eval", "--wide", sample); !strings.Contains(wide, "│ 11.实行按疾病诊断相关分组付费和按病种付费的住院费用占全部住院费用的比例（%） │") {
		t.Errorf("--wide on a terminal does not keep one line per row:\n%s", wide)
	}
	// Piped: one line per row, as wide as it takes.
	var piped, stderr bytes.Buffer
	Main([]string{"eval", sample}, strings.NewReader(""), &piped, &stderr)
	if !strings.Contains(piped.String(), "│ 11.实行按疾病诊断相关分组付费和按病种付费的住院费用占全部住院费用的比例（%） │") {
		t.Errorf("piped output is not one line per row:\n%s", piped.String())
	}
}
