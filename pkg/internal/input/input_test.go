//go:build unix

package input

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestOpenPipe: a named pipe with a writer reads what it writes; one with
// none reads as empty at once, instead of waiting.
func TestOpenPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "p")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan []byte)
	go func() {
		f, err := Open(fifo)
		if err != nil {
			t.Error(err)
			close(done)
			return
		}
		defer f.Close()
		data, _ := io.ReadAll(f)
		done <- data
	}()
	select {
	case data := <-done:
		if len(data) != 0 {
			t.Errorf("read %q from a pipe with no writer", data)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("still waiting on a pipe with no writer")
	}
	// With a writer, as bash's <(…) gives.
	w := make(chan error)
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			_, err = f.WriteString("schema: plancheck/v1\n")
			f.Close()
		}
		w <- err
	}()
	time.Sleep(50 * time.Millisecond) // the writer opens first, as bash's does
	f, err := Open(fifo)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(f)
	f.Close()
	if err != nil || string(data) != "schema: plancheck/v1\n" {
		t.Errorf("read %q, %v", data, err)
	}
	if err := <-w; err != nil {
		t.Fatal(err)
	}
}
