package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// sampleBook is the README's sample workbook.
var sampleBook = filepath.Join("..", "..", "testdata", "2023.xlsx")

// TestOutputOntoDevices: -o /dev/stdout writes to the descriptor, whatever
// it is, and -o /dev/null leaves the device a device (as root, a rename
// would have replaced it with a file).
func TestOutputOntoDevices(t *testing.T) {
	if testing.Short() {
		t.Skip("builds plancheck")
	}
	if runtime.GOOS != "linux" {
		t.Skip("Linux devices")
	}
	bin := plainBinary(t)
	r := runChild(t, bin, "eval", sampleBook, "--format", "json", "-q", "-o", "/dev/stdout")
	if r.code > 1 || !strings.HasPrefix(r.stdout, "{") {
		t.Errorf("-o /dev/stdout: status %d, stdout %.40q, stderr %s", r.code, r.stdout, r.stderr)
	}
	r = runChild(t, bin, "eval", sampleBook, "--format", "json", "-q", "-o", "/dev/null")
	if r.code > 1 || r.stdout != "" {
		t.Errorf("-o /dev/null: status %d, stdout %.40q, stderr %s", r.code, r.stdout, r.stderr)
	}
	if info, err := os.Lstat("/dev/null"); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", info.Mode(), err)
	}
}
