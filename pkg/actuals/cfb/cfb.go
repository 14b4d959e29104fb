// Package cfb reads OLE2 compound files (Microsoft's Compound File Binary
// format, [MS-CFB]): the container of .xls workbooks, of password-protected
// .xlsx files and of .doc documents. It gives the root storage's stream
// names and opens a stream by name as an io.ReaderAt that follows the
// stream's sector chain lazily, so a 50 MB stream is read a sector at a
// time, never held whole.
//
// Every file is hostile: the header is validated, every sector chain
// (DIFAT, FAT, miniFAT, directory, stream) is bounded by the file's size and
// checked for cycles and sectors outside the file, and a stream's declared
// size must fit in the file. A malformed file gives an error (a *msg.Error
// of the catalogue), never a panic.
package cfb

import (
	"bytes"
	"encoding/binary"
	"io"
	"strings"
	"unicode/utf16"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// Signature is the first eight bytes of every compound file.
var Signature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Special sector numbers ([MS-CFB] 2.1).
const (
	maxRegSect = 0xFFFFFFFA
	difSect    = 0xFFFFFFFC
	fatSect    = 0xFFFFFFFD
	endOfChain = 0xFFFFFFFE
	freeSect   = 0xFFFFFFFF
	noStream   = 0xFFFFFFFF
)

// MaxEntries bounds the directory: a workbook has a handful of entries.
const MaxEntries = 1 << 16

// headerSize is the header's own size; version 4 files pad it to a 4096-byte
// sector.
const headerSize = 512

// Object types of a directory entry.
const (
	typeStorage = 1
	typeStream  = 2
	typeRoot    = 5
)

// entry is one directory entry.
type entry struct {
	name               string
	typ                byte
	left, right, child uint32
	start              uint32
	size               uint64
}

// File is an open compound file. Its streams may be read from several
// goroutines at once when the underlying io.ReaderAt allows it.
type File struct {
	ra          io.ReaderAt
	size        int64
	sectorSize  int64
	miniSize    int64
	miniCutoff  uint64
	fat         []uint32
	miniFAT     []uint32
	entries     []entry
	miniStream  *Stream // the root entry's stream, which holds small streams
	sectorCount uint32  // sectors wholly or partly in the file
}

func errf(k msg.Key, args ...any) error { return msg.Errorf(k, args...) }

// Open reads a compound file's header, FAT, miniFAT and directory from ra,
// size bytes long.
func Open(ra io.ReaderAt, size int64) (*File, error) {
	var h [headerSize]byte
	if size < headerSize {
		return nil, errf("cfb.short")
	}
	if _, err := ra.ReadAt(h[:], 0); err != nil {
		return nil, errf("cfb.read", err)
	}
	if !bytes.Equal(h[:8], Signature) {
		return nil, errf("cfb.signature")
	}
	le := binary.LittleEndian
	major := le.Uint16(h[0x1A:])
	if le.Uint16(h[0x1C:]) != 0xFFFE {
		return nil, errf("cfb.bad-header", "byte order")
	}
	shift := le.Uint16(h[0x1E:])
	switch {
	case major == 3 && shift == 9, major == 4 && shift == 12:
	default:
		return nil, errf("cfb.bad-version", major, shift)
	}
	if le.Uint16(h[0x20:]) != 6 {
		return nil, errf("cfb.bad-header", "mini sector shift")
	}
	f := &File{
		ra:         ra,
		size:       size,
		sectorSize: 1 << shift,
		miniSize:   64,
		miniCutoff: uint64(le.Uint32(h[0x38:])),
	}
	if f.miniCutoff != 4096 {
		return nil, errf("cfb.bad-header", "mini stream cutoff")
	}
	if size < f.sectorSize {
		return nil, errf("cfb.short")
	}
	// Sector n starts at (n+1)*sectorSize; a last sector may be cut short
	// by producers that do not pad the file.
	f.sectorCount = uint32(min((size-1)/f.sectorSize, maxRegSect))
	numFAT := le.Uint32(h[0x2C:])
	firstDir := le.Uint32(h[0x30:])
	firstMiniFAT := le.Uint32(h[0x3C:])
	numMiniFAT := le.Uint32(h[0x40:])
	firstDIFAT := le.Uint32(h[0x44:])
	numDIFAT := le.Uint32(h[0x48:])
	if uint64(numFAT) > uint64(f.sectorCount) || uint64(numDIFAT) > uint64(f.sectorCount) || uint64(numMiniFAT) > uint64(f.sectorCount) {
		return nil, errf("cfb.bad-header", "sector counts beyond the file")
	}

	// DIFAT: the first 109 FAT sector numbers in the header, the rest in a
	// chain of DIFAT sectors, each ending with the next one's number.
	fatSectors := make([]uint32, 0, numFAT)
	for i := 0; i < 109 && uint32(len(fatSectors)) < numFAT; i++ {
		fatSectors = append(fatSectors, le.Uint32(h[0x4C+4*i:]))
	}
	seen := newBitset(f.sectorCount)
	next := firstDIFAT
	perDIFAT := int(f.sectorSize/4) - 1
	buf := make([]byte, f.sectorSize)
	for d := uint32(0); uint32(len(fatSectors)) < numFAT; d++ {
		if d >= numDIFAT || next >= maxRegSect {
			return nil, errf("cfb.difat-short", len(fatSectors), numFAT)
		}
		if err := f.visit(seen, next, "DIFAT"); err != nil {
			return nil, err
		}
		if err := f.readSector(next, buf); err != nil {
			return nil, err
		}
		for i := 0; i < perDIFAT && uint32(len(fatSectors)) < numFAT; i++ {
			fatSectors = append(fatSectors, le.Uint32(buf[4*i:]))
		}
		next = le.Uint32(buf[4*perDIFAT:])
	}

	// FAT: only the entries of sectors in the file matter; others are
	// read and dropped.
	perSector := int(f.sectorSize / 4)
	f.fat = make([]uint32, 0, min(int64(numFAT)*int64(perSector), int64(f.sectorCount)))
	for _, s := range fatSectors {
		if err := f.visit(seen, s, "FAT"); err != nil {
			return nil, err
		}
		if err := f.readSector(s, buf); err != nil {
			return nil, err
		}
		for i := 0; i < perSector && uint32(len(f.fat)) < f.sectorCount; i++ {
			f.fat = append(f.fat, le.Uint32(buf[4*i:]))
		}
	}

	// The directory, a chain of sectors of 128-byte entries.
	dir, err := f.chain(firstDir, -1, "directory")
	if err != nil {
		return nil, err
	}
	perDir := int(f.sectorSize / 128)
	if len(dir)*perDir > MaxEntries {
		return nil, errf("cfb.dir-over", MaxEntries)
	}
	for _, s := range dir {
		if err := f.readSector(s, buf); err != nil {
			return nil, err
		}
		for i := 0; i < perDir; i++ {
			f.entries = append(f.entries, parseEntry(buf[128*i:128*(i+1)]))
		}
	}
	if major == 3 {
		// Version 3 files may leave garbage in a size's high half.
		for i := range f.entries {
			f.entries[i].size &= 0xFFFFFFFF
		}
	}
	if len(f.entries) == 0 || f.entries[0].typ != typeRoot {
		return nil, errf("cfb.no-root")
	}

	// The miniFAT and the mini stream, when there are small streams.
	if numMiniFAT > 0 && firstMiniFAT < maxRegSect {
		mf, err := f.chain(firstMiniFAT, -1, "miniFAT")
		if err != nil {
			return nil, err
		}
		for _, s := range mf {
			if err := f.readSector(s, buf); err != nil {
				return nil, err
			}
			for i := 0; i < perSector; i++ {
				f.miniFAT = append(f.miniFAT, le.Uint32(buf[4*i:]))
			}
		}
	}
	root := f.entries[0]
	if root.size > 0 {
		ms, err := f.bigStream(root, "Root Entry")
		if err != nil {
			return nil, err
		}
		f.miniStream = ms
	}
	return f, nil
}

// parseEntry decodes a 128-byte directory entry.
func parseEntry(b []byte) entry {
	le := binary.LittleEndian
	n := int(le.Uint16(b[0x40:]))
	if n > 64 {
		n = 64
	}
	u := make([]uint16, 0, 32)
	for i := 0; i+1 < n; i += 2 {
		c := le.Uint16(b[i:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return entry{
		name:  string(utf16.Decode(u)),
		typ:   b[0x42],
		left:  le.Uint32(b[0x44:]),
		right: le.Uint32(b[0x48:]),
		child: le.Uint32(b[0x4C:]),
		start: le.Uint32(b[0x74:]),
		size:  le.Uint64(b[0x78:]),
	}
}

// visit marks sector s as used by what, an error if it is outside the file
// or already used (a cycle, or two chains sharing a sector).
func (f *File) visit(seen bitset, s uint32, what string) error {
	if s >= f.sectorCount {
		return errf("cfb.sector-range", what, s)
	}
	if seen.has(s) {
		return errf("cfb.cycle", what, s)
	}
	seen.set(s)
	return nil
}

// readSector reads sector s whole into buf (zeros past a short last sector).
func (f *File) readSector(s uint32, buf []byte) error {
	off := (int64(s) + 1) * f.sectorSize
	n, err := f.ra.ReadAt(buf, off)
	if err != nil && err != io.EOF {
		return errf("cfb.read", err)
	}
	if n < len(buf) {
		if off+int64(n) < f.size {
			return errf("cfb.read", io.ErrUnexpectedEOF)
		}
		clear(buf[n:])
	}
	return nil
}

// chain follows the FAT from start: n sectors exactly when n ≥ 0, else up to
// the end of chain. It is bounded by the FAT's length (each sector visited
// once).
func (f *File) chain(start uint32, n int64, what string) ([]uint32, error) {
	return followChain(f.fat, start, n, what, f.sectorCount)
}

// followChain follows a FAT or miniFAT from start, with limit sectors in all.
func followChain(table []uint32, start uint32, n int64, what string, limit uint32) ([]uint32, error) {
	var out []uint32
	if n > 0 {
		if n > int64(len(table)) {
			return nil, errf("cfb.chain-short", what)
		}
		out = make([]uint32, 0, n)
	}
	seen := newBitset(uint32(len(table)))
	s := start
	for {
		if n >= 0 && int64(len(out)) == n {
			return out, nil
		}
		if s == endOfChain {
			if n < 0 {
				return out, nil
			}
			return nil, errf("cfb.chain-short", what)
		}
		if s >= uint32(len(table)) || s >= limit {
			return nil, errf("cfb.sector-range", what, s)
		}
		if seen.has(s) {
			return nil, errf("cfb.cycle", what, s)
		}
		seen.set(s)
		out = append(out, s)
		s = table[s]
	}
}

// Streams lists the names of the root storage's streams (storages left
// out), in directory order.
func (f *File) Streams() []string {
	var names []string
	f.walk(f.entries[0].child, func(e entry) {
		if e.typ == typeStream {
			names = append(names, e.name)
		}
	})
	return names
}

// walk visits the children of a storage: a tree by left and right
// siblings, each entry at most once.
func (f *File) walk(first uint32, fn func(entry)) {
	seen := newBitset(uint32(len(f.entries)))
	stack := []uint32{first}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if i == noStream || i >= uint32(len(f.entries)) || i == 0 || seen.has(i) {
			continue
		}
		seen.set(i)
		e := f.entries[i]
		fn(e)
		stack = append(stack, e.right, e.left)
	}
}

// Stream opens the root's stream called name, matched ignoring case as
// Windows does; ok is false when there is none.
func (f *File) Stream(name string) (s *Stream, ok bool, err error) {
	var found *entry
	f.walk(f.entries[0].child, func(e entry) {
		if found == nil && e.typ == typeStream && strings.EqualFold(e.name, name) {
			found = &e
		}
	})
	if found == nil {
		return nil, false, nil
	}
	if found.size < f.miniCutoff {
		s, err = f.smallStream(*found)
	} else {
		s, err = f.bigStream(*found, found.name)
	}
	return s, err == nil, err
}

// bigStream opens a stream stored in the file's sectors.
func (f *File) bigStream(e entry, name string) (*Stream, error) {
	if e.size > uint64(f.size) {
		return nil, errf("cfb.stream-too-large", name, e.size)
	}
	n := (int64(e.size) + f.sectorSize - 1) / f.sectorSize
	sectors, err := f.chain(e.start, n, name)
	if err != nil {
		return nil, err
	}
	return &Stream{size: int64(e.size), sectors: sectors, sectorSize: f.sectorSize, read: f.readAtSector}, nil
}

// smallStream opens a stream stored in the mini stream.
func (f *File) smallStream(e entry) (*Stream, error) {
	if e.size == 0 {
		return &Stream{sectorSize: f.miniSize}, nil
	}
	if f.miniStream == nil {
		return nil, errf("cfb.no-mini-stream", e.name)
	}
	n := (int64(e.size) + f.miniSize - 1) / f.miniSize
	limit := uint32(min((f.miniStream.size+f.miniSize-1)/f.miniSize, maxRegSect))
	sectors, err := followChain(f.miniFAT, e.start, n, e.name, limit)
	if err != nil {
		return nil, err
	}
	ms := f.miniStream
	return &Stream{size: int64(e.size), sectors: sectors, sectorSize: f.miniSize, read: func(s uint32, off int64, b []byte) (int, error) {
		return ms.ReadAt(b, int64(s)*f.miniSize+off)
	}}, nil
}

// readAtSector reads from sector s at offset off within it.
func (f *File) readAtSector(s uint32, off int64, b []byte) (int, error) {
	return f.ra.ReadAt(b, (int64(s)+1)*f.sectorSize+off)
}

// Stream is one stream of a compound file. It holds the numbers of its
// sectors (4 bytes per sector of 64 or 512 bytes), not its content.
type Stream struct {
	size       int64
	sectors    []uint32
	sectorSize int64
	read       func(sector uint32, off int64, b []byte) (int, error)
}

// Size is the stream's length in bytes.
func (s *Stream) Size() int64 { return s.size }

// ReadAt reads the stream at off, following its sectors.
func (s *Stream) ReadAt(b []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errf("cfb.read", io.ErrUnexpectedEOF)
	}
	n := 0
	for len(b) > 0 {
		if off >= s.size {
			return n, io.EOF
		}
		i := off / s.sectorSize
		in := off % s.sectorSize
		chunk := min(int64(len(b)), s.sectorSize-in, s.size-off)
		m, err := s.read(s.sectors[i], in, b[:chunk])
		n += m
		off += int64(m)
		b = b[m:]
		if int64(m) < chunk {
			if err == nil || err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return n, errf("cfb.read", err)
		}
	}
	return n, nil
}

// bitset is a set of sector numbers.
type bitset []uint64

func newBitset(n uint32) bitset { return make(bitset, (uint64(n)+63)/64) }
func (b bitset) has(i uint32) bool {
	return int(i/64) < len(b) && b[i/64]&(1<<(i%64)) != 0
}
func (b bitset) set(i uint32) {
	if int(i/64) < len(b) {
		b[i/64] |= 1 << (i % 64)
	}
}
