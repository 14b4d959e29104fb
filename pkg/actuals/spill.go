package actuals

import (
	"encoding/binary"
	"fmt"
	"math"
	"os"
)

// spillAfter is how many reporting units a Matcher holds in memory before it
// moves the readings of units it has finished with to a temporary file: a
// workbook of a district or a city never touches the disk, a province's
// counties keep memory flat in the number of rows.
const spillAfter = 256

// readingSize is a Reading as the spill file holds it.
const readingSize = 16

// spill is the temporary file that holds the readings of reporting units the
// table has moved past. A unit's block is written whole when the rows move on
// to another unit, and read back when it is judged (or when a later row
// brings it another value, in a table not sorted by unit). The file is
// removed as soon as it is made where the system allows (it lives on while
// open), and closed by Matcher.Close.
type spill struct {
	f    *os.File
	size int64
	buf  []byte
	// cached is the unit whose block was read last, and block its readings.
	cached int
	block  []Reading
}

func newSpill() (*spill, error) {
	f, err := os.CreateTemp("", "plancheck-readings-*")
	if err != nil {
		return nil, err
	}
	// On Unix the file goes now and its space with the last descriptor;
	// elsewhere (Windows) the remove fails while it is open and Close
	// removes it.
	os.Remove(f.Name())
	return &spill{f: f, cached: -1}, nil
}

// write appends a block and returns where it starts.
func (s *spill) write(block []Reading) (int64, error) {
	s.buf = s.buf[:0]
	for _, r := range block {
		s.buf = binary.LittleEndian.AppendUint64(s.buf, math.Float64bits(r.Number))
		s.buf = binary.LittleEndian.AppendUint32(s.buf, uint32(r.Row))
		s.buf = binary.LittleEndian.AppendUint16(s.buf, r.Col)
		s.buf = append(s.buf, r.year, byte(r.kind))
	}
	off := s.size
	if _, err := s.f.WriteAt(s.buf, off); err != nil {
		return 0, err
	}
	s.size += int64(len(s.buf))
	return off, nil
}

// read reads the block of n readings at off into dst.
func (s *spill) read(dst []Reading, off int64) error {
	need := len(dst) * readingSize
	if cap(s.buf) < need {
		s.buf = make([]byte, need)
	}
	b := s.buf[:need]
	if _, err := s.f.ReadAt(b, off); err != nil {
		return err
	}
	for i := range dst {
		p := b[i*readingSize:]
		dst[i] = Reading{Number: math.Float64frombits(binary.LittleEndian.Uint64(p)),
			Row: int32(binary.LittleEndian.Uint32(p[8:])), Col: binary.LittleEndian.Uint16(p[12:]),
			year: p[14], kind: readingKind(p[15])}
	}
	return nil
}

func (s *spill) close() error {
	name := s.f.Name()
	err := s.f.Close()
	os.Remove(name)
	return err
}

// park moves a unit's block to the spill file, if the Matcher spills and the
// unit's block is in memory.
func (mt *Matcher) park(ei int) {
	e := mt.ents[ei]
	if e.block == nil || mt.noSpill {
		return
	}
	if mt.spill == nil {
		s, err := newSpill()
		if err != nil {
			mt.noSpill = true // no temporary folder: memory it is
			return
		}
		mt.spill = s
	}
	off, err := mt.spill.write(e.block)
	if err != nil {
		mt.noSpill = true
		return
	}
	e.spilled, e.block = off+1, nil
}

// unpark brings a parked unit's block back into memory, to take more values.
func (mt *Matcher) unpark(ei int) {
	e := mt.ents[ei]
	if e.block != nil {
		return
	}
	e.block = make([]Reading, len(mt.inds)*mt.slots)
	if err := mt.spill.read(e.block, e.spilled-1); err != nil {
		panic(fmt.Sprintf("reading back the temporary file %s: %v", mt.spill.f.Name(), err))
	}
	e.spilled = 0
	if mt.spill.cached == ei {
		mt.spill.cached = -1
	}
}

// blockOf is a unit's block, from memory or read back from the spill file
// into a buffer that the next call may reuse.
func (mt *Matcher) blockOf(ei int) []Reading {
	e := mt.ents[ei]
	if e.block != nil {
		return e.block
	}
	s := mt.spill
	if s.cached != ei {
		if s.block == nil {
			s.block = make([]Reading, len(mt.inds)*mt.slots)
		}
		if err := s.read(s.block, e.spilled-1); err != nil {
			panic(fmt.Sprintf("reading back the temporary file %s: %v", s.f.Name(), err))
		}
		s.cached = ei
	}
	return s.block
}

// Close releases the temporary file the Matcher may have moved readings to.
// The readings it held can no longer be read.
func (mt *Matcher) Close() error {
	if mt.spill == nil {
		return nil
	}
	err := mt.spill.close()
	mt.spill, mt.noSpill = nil, true
	return err
}
