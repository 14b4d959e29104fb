// Package cfbtest writes small OLE2 compound files for tests: version 3
// (512-byte sectors) or 4 (4096-byte sectors), streams under 4096 bytes in
// the mini stream as the format requires, FAT sectors beyond the header's
// 109 listed in a chain of DIFAT sectors. It tells where it put things, so
// that tests can break a file on purpose.
package cfbtest

import (
	"encoding/binary"
	"unicode/utf16"
)

// Stream is a named stream of the root storage.
type Stream struct {
	Name string
	Data []byte
}

// File is a compound file and where its parts are.
type File struct {
	Bytes []byte
	// FATOffset is the byte offset of the first FAT sector (sector 0).
	FATOffset int64
	// DirOffset is the byte offset of the directory's first sector.
	DirOffset int64
	// Start is each stream's first sector (in the mini stream for small
	// ones); Mini says which are small.
	Start map[string]uint32
	Mini  map[string]bool
	// SectorSize is 512 or 4096.
	SectorSize int
}

// Options choose the file's version and pad its FAT.
type Options struct {
	// Version4 writes 4096-byte sectors.
	Version4 bool
	// FATSectors is the least number of FAT sectors (the rest empty), to
	// make a DIFAT chain; 0 is as few as needed.
	FATSectors int
}

const (
	miniSize   = 64
	cutoff     = 4096
	endOfChain = 0xFFFFFFFE
	freeSect   = 0xFFFFFFFF
	fatSect    = 0xFFFFFFFD
	noStream   = 0xFFFFFFFF
)

func sectorsFor(n, size int) int { return (n + size - 1) / size }

// Build writes a version 3 compound file holding streams.
func Build(streams ...Stream) File { return BuildWith(Options{}, streams...) }

// BuildWith writes a compound file holding streams.
func BuildWith(opts Options, streams ...Stream) File {
	le := binary.LittleEndian
	sectorSize := 512
	if opts.Version4 {
		sectorSize = 4096
	}
	out := File{Start: map[string]uint32{}, Mini: map[string]bool{}}
	// The mini stream and its FAT.
	var mini []byte
	var miniFAT []uint32
	for _, s := range streams {
		if len(s.Data) >= cutoff || len(s.Data) == 0 {
			continue
		}
		start := uint32(len(miniFAT))
		n := sectorsFor(len(s.Data), miniSize)
		for i := 0; i < n; i++ {
			next := uint32(len(miniFAT) + 1)
			if i == n-1 {
				next = endOfChain
			}
			miniFAT = append(miniFAT, next)
		}
		mini = append(mini, s.Data...)
		for len(mini)%miniSize != 0 {
			mini = append(mini, 0)
		}
		out.Start[s.Name], out.Mini[s.Name] = start, true
	}
	dirSectors := sectorsFor((len(streams)+1)*128, sectorSize)
	miniFATSectors := sectorsFor(len(miniFAT)*4, sectorSize)
	miniSectors := sectorsFor(len(mini), sectorSize)
	bigSectors := 0
	for _, s := range streams {
		if len(s.Data) >= cutoff {
			bigSectors += sectorsFor(len(s.Data), sectorSize)
		}
	}
	perDIFAT := sectorSize/4 - 1
	difatFor := func(fat int) int { return sectorsFor(max(fat-109, 0), perDIFAT) }
	fatSectors := max(opts.FATSectors, 1)
	for fatSectors*sectorSize/4 < fatSectors+difatFor(fatSectors)+dirSectors+miniFATSectors+miniSectors+bigSectors {
		fatSectors++
	}
	difatSectors := difatFor(fatSectors)
	total := fatSectors + difatSectors + dirSectors + miniFATSectors + miniSectors + bigSectors
	fat := make([]uint32, fatSectors*sectorSize/4)
	for i := range fat {
		fat[i] = freeSect
	}
	for i := 0; i < fatSectors; i++ {
		fat[i] = fatSect
	}
	for i := 0; i < difatSectors; i++ {
		fat[fatSectors+i] = 0xFFFFFFFC // DIFSECT
	}
	next := fatSectors + difatSectors
	chain := func(n int) uint32 {
		if n == 0 {
			return endOfChain
		}
		start := next
		for i := 0; i < n; i++ {
			if i == n-1 {
				fat[next] = endOfChain
			} else {
				fat[next] = uint32(next + 1)
			}
			next++
		}
		return uint32(start)
	}
	dirStart := chain(dirSectors)
	miniFATStart := chain(miniFATSectors)
	miniStart := chain(miniSectors)
	body := make([]byte, total*sectorSize)
	put := func(sector uint32, data []byte) {
		copy(body[int(sector)*sectorSize:], data)
	}
	for _, s := range streams {
		if len(s.Data) >= cutoff {
			st := chain(sectorsFor(len(s.Data), sectorSize))
			out.Start[s.Name] = st
			put(st, s.Data)
		}
	}
	// The directory: the root, then each stream, each the right sibling
	// of the one before.
	dir := make([]byte, dirSectors*sectorSize)
	entry := func(i int, name string, typ byte, child, right uint32, start uint32, size uint64) {
		b := dir[i*128 : (i+1)*128]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(b[2*j:], c)
		}
		le.PutUint16(b[0x40:], uint16(2*len(u)+2))
		b[0x42], b[0x43] = typ, 1
		le.PutUint32(b[0x44:], noStream)
		le.PutUint32(b[0x48:], right)
		le.PutUint32(b[0x4C:], child)
		le.PutUint32(b[0x74:], start)
		le.PutUint64(b[0x78:], size)
	}
	rootChild := uint32(noStream)
	if len(streams) > 0 {
		rootChild = 1
	}
	entry(0, "Root Entry", 5, rootChild, noStream, miniStart, uint64(len(mini)))
	for i, s := range streams {
		right := uint32(noStream)
		if i+1 < len(streams) {
			right = uint32(i + 2)
		}
		start, ok := out.Start[s.Name]
		if !ok {
			start = endOfChain
		}
		entry(i+1, s.Name, 2, noStream, right, start, uint64(len(s.Data)))
	}
	for i := len(streams) + 1; i < dirSectors*4; i++ {
		b := dir[i*128:]
		le.PutUint32(b[0x44:], noStream)
		le.PutUint32(b[0x48:], noStream)
		le.PutUint32(b[0x4C:], noStream)
	}
	put(dirStart, dir)
	mf := make([]byte, miniFATSectors*sectorSize)
	for i := range mf {
		mf[i] = 0xFF
	}
	for i, v := range miniFAT {
		le.PutUint32(mf[4*i:], v)
	}
	if miniFATSectors > 0 {
		put(miniFATStart, mf)
	}
	if miniSectors > 0 {
		put(miniStart, mini)
	}
	fb := make([]byte, fatSectors*sectorSize)
	for i, v := range fat {
		le.PutUint32(fb[4*i:], v)
	}
	put(0, fb)

	// The DIFAT sectors: the FAT sectors after the header's 109, each
	// sector ending with the next one's number.
	for d := 0; d < difatSectors; d++ {
		b := make([]byte, sectorSize)
		for i := 0; i < perDIFAT; i++ {
			v := uint32(freeSect)
			if k := 109 + d*perDIFAT + i; k < fatSectors {
				v = uint32(k)
			}
			le.PutUint32(b[4*i:], v)
		}
		nextDIFAT := uint32(endOfChain)
		if d+1 < difatSectors {
			nextDIFAT = uint32(fatSectors + d + 1)
		}
		le.PutUint32(b[4*perDIFAT:], nextDIFAT)
		put(uint32(fatSectors+d), b)
	}

	h := make([]byte, sectorSize)
	copy(h, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(h[0x18:], 0x3E)
	if opts.Version4 {
		le.PutUint16(h[0x1A:], 4)
		le.PutUint16(h[0x1E:], 12)
		le.PutUint32(h[0x28:], uint32(dirSectors))
	} else {
		le.PutUint16(h[0x1A:], 3)
		le.PutUint16(h[0x1E:], 9)
	}
	le.PutUint16(h[0x1C:], 0xFFFE)
	le.PutUint16(h[0x20:], 6)
	le.PutUint32(h[0x2C:], uint32(fatSectors))
	le.PutUint32(h[0x30:], dirStart)
	le.PutUint32(h[0x38:], cutoff)
	le.PutUint32(h[0x3C:], miniFATStart)
	le.PutUint32(h[0x40:], uint32(miniFATSectors))
	le.PutUint32(h[0x44:], endOfChain)
	if difatSectors > 0 {
		le.PutUint32(h[0x44:], uint32(fatSectors))
		le.PutUint32(h[0x48:], uint32(difatSectors))
	}
	for i := 0; i < 109; i++ {
		v := uint32(freeSect)
		if i < fatSectors {
			v = uint32(i)
		}
		le.PutUint32(h[0x4C+4*i:], v)
	}
	out.Bytes = append(h, body...)
	out.FATOffset = int64(sectorSize)
	out.DirOffset = int64(dirStart+1) * int64(sectorSize)
	out.SectorSize = sectorSize
	return out
}

// SetFAT sets the FAT entry of sector s in the file's bytes.
func (f File) SetFAT(s, v uint32) {
	binary.LittleEndian.PutUint32(f.Bytes[f.FATOffset+4*int64(s):], v)
}

// SetSize sets the declared size of directory entry i (0 is the root).
func (f File) SetSize(i int, size uint64) {
	binary.LittleEndian.PutUint64(f.Bytes[f.DirOffset+int64(i)*128+0x78:], size)
}
