package cfb_test

import (
	"bytes"
	"encoding/binary"
	"io"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/jlp-hrss/plancheck/pkg/actuals/cfb"
	"github.com/jlp-hrss/plancheck/pkg/actuals/cfb/cfbtest"
)

func data(n int, seed byte) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = seed + byte(i*7)
	}
	return b
}

func open(t *testing.T, b []byte) (*cfb.File, error) {
	t.Helper()
	return cfb.Open(bytes.NewReader(b), int64(len(b)))
}

// TestStreams: big streams (sectors), small ones (the mini stream), and an
// empty one read back byte for byte, by name in any case.
func TestStreams(t *testing.T) {
	streams := []cfbtest.Stream{
		{Name: "Workbook", Data: data(20000, 1)},
		{Name: "\x05SummaryInformation", Data: data(300, 2)},
		{Name: "Small", Data: data(4095, 3)},
		{Name: "Exact", Data: data(4096, 4)},
		{Name: "Empty"},
		{Name: "名字", Data: data(65, 5)},
	}
	file := cfbtest.Build(streams...)
	f, err := open(t, file.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range streams {
		names = append(names, s.Name)
	}
	if got := strings.Join(f.Streams(), ","); got != strings.Join(names, ",") {
		t.Errorf("streams: %s", got)
	}
	for _, s := range streams {
		st, ok, err := f.Stream(strings.ToUpper(s.Name))
		if err != nil || !ok {
			t.Fatalf("%s: %v %v", s.Name, ok, err)
		}
		got, err := io.ReadAll(io.NewSectionReader(st, 0, st.Size()))
		if err != nil || !bytes.Equal(got, s.Data) {
			t.Errorf("%s: %d bytes, %v; want %d", s.Name, len(got), err, len(s.Data))
		}
		if len(s.Data) > 10 {
			// Random access across a sector boundary.
			b := make([]byte, 10)
			off := int64(len(s.Data)) - 10
			if n, err := st.ReadAt(b, off); n != 10 || err != nil || !bytes.Equal(b, s.Data[off:]) {
				t.Errorf("%s: ReadAt: %d %v", s.Name, n, err)
			}
		}
	}
	if _, ok, err := f.Stream("missing"); ok || err != nil {
		t.Errorf("missing: %v %v", ok, err)
	}
	if !file.Mini["Small"] || file.Mini["Exact"] {
		t.Errorf("mini: %v", file.Mini)
	}
}

// TestLayouts: version 4 (4096-byte sectors), and a FAT of more than 109
// sectors listed through a chain of DIFAT sectors, read like the rest.
func TestLayouts(t *testing.T) {
	streams := []cfbtest.Stream{{Name: "Workbook", Data: data(30000, 1)}, {Name: "Small", Data: data(100, 2)}}
	for name, opts := range map[string]cfbtest.Options{
		"version 4":        {Version4: true},
		"DIFAT chain":      {FATSectors: 300},
		"version 4, DIFAT": {Version4: true, FATSectors: 1200},
	} {
		file := cfbtest.BuildWith(opts, streams...)
		f, err := open(t, file.Bytes)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, s := range streams {
			st, ok, err := f.Stream(s.Name)
			if err != nil || !ok {
				t.Fatalf("%s: %s: %v %v", name, s.Name, ok, err)
			}
			got, err := io.ReadAll(io.NewSectionReader(st, 0, st.Size()))
			if err != nil || !bytes.Equal(got, s.Data) {
				t.Errorf("%s: %s: %d bytes, %v", name, s.Name, len(got), err)
			}
		}
		if opts.FATSectors > 0 {
			// The DIFAT chain pointing at itself loops.
			b := bytes.Clone(file.Bytes)
			first := binary.LittleEndian.Uint32(b[0x44:])
			binary.LittleEndian.PutUint32(b[0x48:], 100)
			off := (int64(first)+1)*int64(file.SectorSize) + int64(file.SectorSize) - 4
			binary.LittleEndian.PutUint32(b[off:], first)
			if _, err := open(t, b); err == nil || !strings.Contains(err.Error(), "loops") {
				t.Errorf("%s: DIFAT cycle: %v", name, err)
			}
		}
	}
}

// TestHostile: each way a compound file can lie is an error, at once.
func TestHostile(t *testing.T) {
	base := func() cfbtest.File {
		return cfbtest.Build(cfbtest.Stream{Name: "Workbook", Data: data(5000, 1)}, cfbtest.Stream{Name: "Small", Data: data(200, 2)})
	}
	le := binary.LittleEndian
	for _, tc := range []struct {
		name   string
		breakf func(f cfbtest.File) []byte
		open   bool   // the error comes when the stream opens
		want   string // in the English message
	}{
		{"signature", func(f cfbtest.File) []byte { f.Bytes[0] = 0; return f.Bytes }, false, "not an OLE compound file"},
		{"short", func(f cfbtest.File) []byte { return f.Bytes[:100] }, false, "too short"},
		{"version", func(f cfbtest.File) []byte { le.PutUint16(f.Bytes[0x1E:], 12); return f.Bytes }, false, "sector shift"},
		{"FAT count", func(f cfbtest.File) []byte { le.PutUint32(f.Bytes[0x2C:], 1<<30); return f.Bytes }, false, "sector counts"},
		{"FAT sector out of range", func(f cfbtest.File) []byte { le.PutUint32(f.Bytes[0x4C:], 99999); return f.Bytes }, false, "outside the file"},
		{"directory cycle", func(f cfbtest.File) []byte {
			s := uint32(f.DirOffset/512 - 1)
			f.SetFAT(s, s)
			return f.Bytes
		}, false, "loops"},
		{"stream cycle", func(f cfbtest.File) []byte {
			s := f.Start["Workbook"]
			f.SetFAT(s+1, s)
			return f.Bytes
		}, true, "loops"},
		{"stream sector out of range", func(f cfbtest.File) []byte { f.SetFAT(f.Start["Workbook"], 70000); return f.Bytes }, true, "outside the file"},
		{"stream chain short", func(f cfbtest.File) []byte { f.SetFAT(f.Start["Workbook"], 0xFFFFFFFE); return f.Bytes }, true, "shorter than its size"},
		{"huge stream", func(f cfbtest.File) []byte { f.SetSize(1, 0xFFFFFF00); return f.Bytes }, true, "beyond the file"},
		{"huge mini stream", func(f cfbtest.File) []byte { f.SetSize(0, 0xFFFFFF00); return f.Bytes }, false, "beyond the file"},
		{"truncated", func(f cfbtest.File) []byte { return f.Bytes[:len(f.Bytes)-2000] }, true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			b := tc.breakf(base())
			f, err := open(t, b)
			if tc.open && err == nil {
				_, _, err = f.Stream("Workbook")
			}
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%v, want %q", err, tc.want)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// FuzzCFB: no input makes Open, Streams or a stream's reading panic, hang
// or read more than the stream's declared size.
func FuzzCFB(f *testing.F) {
	f.Add(cfbtest.Build(cfbtest.Stream{Name: "Workbook", Data: data(5000, 1)}, cfbtest.Stream{Name: "Small", Data: data(200, 2)}).Bytes)
	f.Add(cfbtest.Build(cfbtest.Stream{Name: "Book", Data: data(100, 3)}).Bytes)
	f.Add(cfbtest.Build().Bytes)
	f.Fuzz(readAll)
}

// readAll opens a compound file and reads every stream, failing on a size
// beyond the file or a read beyond a stream.
func readAll(t *testing.T, b []byte) {
	cf, err := cfb.Open(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return
	}
	for _, name := range cf.Streams() {
		st, ok, err := cf.Stream(name)
		if err != nil || !ok {
			continue
		}
		if st.Size() > int64(len(b)) {
			t.Fatalf("%s: size %d beyond the file's %d", name, st.Size(), len(b))
		}
		n, _ := io.Copy(io.Discard, io.NewSectionReader(st, 0, st.Size()))
		if n > st.Size() {
			t.Fatalf("%s: read %d of %d", name, n, st.Size())
		}
	}
}

// TestMutations: thousands of seeded random mutations of a compound file
// (bytes changed, sector numbers set to the special values, the file cut
// or grown), each read whole without a panic, quickly; what FuzzCFB does,
// run as a test everywhere.
func TestMutations(t *testing.T) {
	seed := cfbtest.Build(cfbtest.Stream{Name: "Workbook", Data: data(5000, 1)}, cfbtest.Stream{Name: "Small", Data: data(200, 2)}).Bytes
	rnd := rand.New(rand.NewSource(1))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	start := time.Now()
	for i := 0; i < n; i++ {
		b := mutate(rnd, seed)
		readAll(t, b)
	}
	if d := time.Since(start); d > time.Duration(n)*20*time.Millisecond { // a hang, not a slow machine
		t.Errorf("%d files in %v", n, d)
	}
}

// mutate changes a few bytes of b (a copy), sets a few words to the
// special sector numbers, and may cut or grow it.
func mutate(rnd *rand.Rand, seed []byte) []byte {
	b := bytes.Clone(seed)
	for k := 0; k < 1+rnd.Intn(4); k++ {
		b[rnd.Intn(len(b))] = byte(rnd.Intn(256))
	}
	for k := 0; k < rnd.Intn(3); k++ {
		j := rnd.Intn(len(b)/4) * 4
		binary.LittleEndian.PutUint32(b[j:], []uint32{0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC, 0, 1, uint32(rnd.Intn(64))}[rnd.Intn(7)])
	}
	switch rnd.Intn(4) {
	case 0:
		b = b[:rnd.Intn(len(b))]
	case 1:
		b = append(b, make([]byte, rnd.Intn(20000))...)
	}
	return b
}
