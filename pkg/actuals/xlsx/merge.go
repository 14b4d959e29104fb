package xlsx

import (
	"bufio"
	"bytes"
	"cmp"
	"container/heap"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// mergeRange is one <mergeCell> of two or more cells.
type mergeRange struct {
	top, left, bottom, right int32
	val                      *Cell // the top-left cell, nil until seen or if empty
}

func (m *mergeRange) String() string {
	return refName(int(m.left), int(m.top)) + ":" + refName(int(m.right), int(m.bottom))
}

// scanMerges collects the merged ranges of a worksheet part. They come after
// all the cells, so this first pass must read the whole part; instead of
// tokenizing it, it only looks at the first bytes after each '<', which can
// only start markup in well-formed XML (it cannot appear raw in text or
// attribute values), skipping comments, CDATA sections and processing
// instructions whole. The second, real parse rejects malformed XML.
func (w *Workbook) scanMerges(part string) ([]mergeRange, error) {
	rc, err := w.openPart(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	ranges, err := scanMergeRanges(rc, w.lim)
	if err != nil {
		var perr *partError
		if errors.As(err, &perr) {
			err = perr.err
		}
		return nil, inPart(part, err)
	}
	return ranges, nil
}

var (
	commentStart = []byte("!--")
	cdataStart   = []byte("![CDATA[")
)

// maxMergeTag bounds one <mergeCell .../> tag; a real one is about 30 bytes.
const maxMergeTag = 4096

func scanMergeRanges(r io.Reader, lim Limits) ([]mergeRange, error) {
	br := bufio.NewReaderSize(r, bufFor(r))
	var (
		ranges   []mergeRange
		area     int64
		elements int64
	)
	for {
		if err := skimTags(br, &elements, lim); err != nil {
			if err == io.EOF {
				break
			}
			return nil, err
		}
		// Near the end of the part there are fewer bytes (io.EOF).
		head, err := br.Peek(64)
		if err != nil && err != io.EOF {
			return nil, err
		}
		err = nil
		switch {
		case bytes.HasPrefix(head, commentStart):
			err = skipUntil(br, "-->")
		case bytes.HasPrefix(head, cdataStart):
			err = skipUntil(br, "]]>")
		case len(head) > 0 && head[0] == '?':
			err = skipUntil(br, "?>")
		case isMergeCellTag(head):
			var m mergeRange
			var ok bool
			m, ok, err = readMergeCell(br, lim)
			if err != nil || !ok {
				break
			}
			if len(ranges) >= lim.MaxMergedRanges {
				return nil, limitErr(msg.Errorf("xlsx.merges-over", lim.MaxMergedRanges))
			}
			area += int64(m.bottom-m.top+1)*int64(m.right-m.left+1) - 1
			if area > lim.MaxMergedCells {
				return nil, limitErr(msg.Errorf("xlsx.merged-cells-over", lim.MaxMergedCells))
			}
			ranges = append(ranges, m)
		}
		if err != nil {
			if err == io.EOF {
				break
			}
			return nil, err
		}
	}
	slices.SortFunc(ranges, func(a, b mergeRange) int {
		if c := cmp.Compare(a.top, b.top); c != 0 {
			return c
		}
		return cmp.Compare(a.left, b.left)
	})
	return ranges, nil
}

// skimTags discards input up to and including the next '<' that starts
// markup scanMergeRanges must look at (a comment, CDATA, a processing
// instruction, a mergeCell), counting the start tags it passes and that one
// against MaxElements. It works on the buffered bytes in place, a tag at a
// time, since a part may be nothing but millions of tiny elements.
func skimTags(br *bufio.Reader, elements *int64, lim Limits) error {
	for {
		buf, err := br.Peek(br.Size())
		if err != nil && err != io.EOF {
			return err
		}
		atEOF := err == io.EOF
		pos := 0
		for {
			i := bytes.IndexByte(buf[pos:], '<')
			if i < 0 {
				br.Discard(len(buf))
				if atEOF {
					return io.EOF
				}
				break
			}
			at := pos + i
			if !atEOF && len(buf)-(at+1) < 64 {
				// Too little after the '<' to look at: read on.
				br.Discard(at)
				break
			}
			head := buf[at+1:]
			if len(head) == 0 {
				br.Discard(at + 1)
				return nil
			}
			switch head[0] {
			case '/':
				pos = at + 1
				continue
			case '!', '?':
				br.Discard(at + 1)
				return nil
			}
			// The first pass over a worksheet counts its elements, so
			// that a part of nothing but millions of them stops here.
			if *elements++; *elements > lim.MaxElements {
				return limitErr(msg.Errorf("xlsx.elements-over", lim.MaxElements))
			}
			if isMergeCellTag(head[:min(len(head), 64)]) {
				br.Discard(at + 1)
				return nil
			}
			pos = at + 1
		}
	}
}

// skipUntil discards input up to and including the next occurrence of end,
// which ends in '>'.
func skipUntil(br *bufio.Reader, end string) error {
	var tail []byte // the last len(end) bytes seen
	for {
		chunk, err := br.ReadSlice('>')
		if len(chunk) >= len(end) {
			tail = append(tail[:0], chunk[len(chunk)-len(end):]...)
		} else {
			tail = append(tail, chunk...)
			if len(tail) > len(end) {
				tail = tail[len(tail)-len(end):]
			}
		}
		if err == nil && string(tail) == end {
			return nil
		}
		if err != nil && err != bufio.ErrBufferFull {
			return err
		}
	}
}

// isMergeCellTag reports whether head, the bytes after a '<', start a
// mergeCell element, with or without a namespace prefix. It runs for every
// tag of the part, so it looks at bytes without searching for a set.
func isMergeCellTag(head []byte) bool {
	end := 0
	for end < len(head) {
		c := head[end]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>' {
			break
		}
		end++
	}
	if end == len(head) {
		return false
	}
	name := head[:end]
	if len(name) < len("mergeCell") {
		return false
	}
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return string(name) == "mergeCell"
}

// readMergeCell reads one <mergeCell ref="A1:C1"/> tag (the '<' already
// read) and parses its range. ok is false for a single-cell range, which
// fills nothing.
func readMergeCell(br *bufio.Reader, lim Limits) (m mergeRange, ok bool, err error) {
	tag, err := readTag(br)
	if err != nil {
		return m, false, err
	}
	ref, err := mergeRef(tag)
	if err != nil {
		return m, false, err
	}
	from, to, two := strings.Cut(ref, ":")
	if !two {
		to = from
	}
	c1, r1, err := parseRef(from, lim)
	if err != nil {
		return m, false, msg.Errorf("xlsx.merge-ref", ref, err)
	}
	c2, r2, err := parseRef(to, lim)
	if err != nil {
		return m, false, msg.Errorf("xlsx.merge-ref", ref, err)
	}
	m = mergeRange{
		top: int32(min(r1, r2)), bottom: int32(max(r1, r2)),
		left: int32(min(c1, c2)), right: int32(max(c1, c2)),
	}
	return m, m.top != m.bottom || m.left != m.right, nil
}

// mergeRef returns the ref attribute of a <mergeCell> tag. The fast
// tokenizer reads the tags producers write; anything else goes to
// encoding/xml, which decides, as it always did, whether the tag is valid.
func mergeRef(tag []byte) (string, error) {
	var x fastXML
	if len(tag) > 0 && tag[0] == '<' {
		if t, n, st := x.startTag(tag); st == scanDone && n == len(tag) {
			ref, _ := t.attrValue("ref")
			return string(ref), nil
		}
	}
	return mergeRefXML(tag)
}

// mergeRefXML is mergeRef with encoding/xml alone, as it was before the
// fast tokenizer.
func mergeRefXML(tag []byte) (string, error) {
	t, err := xml.NewDecoder(bytes.NewReader(tag)).RawToken()
	if err != nil {
		return "", msg.Errorf("xlsx.bad-merge-elem", string(tag))
	}
	se, _ := t.(xml.StartElement)
	ref, _ := attr(se, "ref")
	return ref, nil
}

// readTag reads the rest of a start tag after its '<', up to the '>' that
// is not inside a quoted attribute value, and returns it with the '<'.
func readTag(br *bufio.Reader) ([]byte, error) {
	tag := []byte{'<'}
	var quote byte
	for len(tag) <= maxMergeTag {
		c, err := br.ReadByte()
		if err != nil {
			return nil, err
		}
		tag = append(tag, c)
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return tag, nil
		}
	}
	return nil, msg.Errorf("xlsx.merge-elem-long")
}

// merger fills merged ranges while rows stream past. Ranges become active
// when the stream reaches their top row and stop at their bottom row; the
// work per row is proportional to the cells it yields, and the total is
// bounded by Limits.MaxMergedCells.
type merger struct {
	ranges []mergeRange // sorted by top, then left
	next   int          // first range not yet activated
	// owner[col] is 1 + the index of the active range covering col in the
	// current row, or 0. Active ranges cannot overlap, so one is enough.
	owner   []int32
	active  byBottom // active ranges, by bottom row
	valued  []int32  // active ranges whose top-left cell has a value
	fresh   []int32  // ranges activated at their top row, whose top-left is in this row
	lastRow int
}

func newMerger(ranges []mergeRange) *merger {
	right := int32(0)
	for _, g := range ranges {
		right = max(right, g.right)
	}
	m := &merger{ranges: ranges, owner: make([]int32, right+1)}
	m.active.ranges = ranges
	return m
}

// advance moves to row r (which only increases): ranges that ended above r
// are dropped and ranges that begin at or above r are activated.
func (m *merger) advance(r int) error {
	m.lastRow = r
	for m.active.Len() > 0 && int(m.ranges[m.active.idx[0]].bottom) < r {
		i := heap.Pop(&m.active).(int32)
		g := &m.ranges[i]
		g.val = nil // done with it
		for c := g.left; c <= g.right; c++ {
			if m.owner[c] == i+1 {
				m.owner[c] = 0
			}
		}
	}
	m.fresh = m.fresh[:0]
activate:
	for m.next < len(m.ranges) && int(m.ranges[m.next].top) <= r {
		i := int32(m.next)
		m.next++
		g := &m.ranges[i]
		if int(g.bottom) < r {
			continue // entirely in rows the file skips
		}
		for c := g.left; c <= g.right; c++ {
			if o := m.owner[c]; o != 0 {
				other := &m.ranges[o-1]
				if other.top == g.top && other.left == g.left && other.bottom == g.bottom && other.right == g.right {
					continue activate // listed twice: harmless
				}
				return msg.Errorf("xlsx.merges-overlap", other.String(), g.String())
			}
		}
		for c := g.left; c <= g.right; c++ {
			m.owner[c] = i + 1
		}
		heap.Push(&m.active, i)
		if int(g.top) == r {
			m.fresh = append(m.fresh, i)
		}
	}
	return nil
}

// fillsAt reports whether some range with a value still covers row r, so
// that a row absent from the file must be made up.
func (m *merger) fillsAt(r int) bool {
	m.valued = slices.DeleteFunc(m.valued, func(i int32) bool { return int(m.ranges[i].bottom) < r })
	return len(m.valued) > 0
}

// row applies the merged ranges to row r, whose cells (sorted by column) the
// file holds: it records the values of top-left cells, drops the other cells
// covered by a range, and adds the filled ones. cells is reused.
func (m *merger) row(r int, cells []Cell) ([]Cell, error) {
	if err := m.advance(r); err != nil {
		return nil, err
	}
	for _, i := range m.fresh {
		g := &m.ranges[i]
		j, found := slices.BinarySearchFunc(cells, int(g.left), func(c Cell, col int) int { return c.Col - col })
		if found && cells[j].Kind != Blank {
			v := cells[j]
			g.val = &v
			m.valued = append(m.valued, i)
		}
	}
	if m.active.Len() == 0 {
		return cells, nil
	}
	kept := cells[:0]
	for _, c := range cells {
		if c.Col >= len(m.owner) {
			kept = append(kept, c)
			continue
		}
		if o := m.owner[c.Col]; o != 0 {
			g := &m.ranges[o-1]
			if !(int(g.top) == r && int(g.left) == c.Col) {
				continue
			}
		}
		kept = append(kept, c)
	}
	cells = kept
	m.valued = slices.DeleteFunc(m.valued, func(i int32) bool { return int(m.ranges[i].bottom) < r })
	if len(m.valued) == 0 {
		return cells, nil
	}
	for _, i := range m.valued {
		g := &m.ranges[i]
		for col := int(g.left); col <= int(g.right); col++ {
			if int(g.top) == r && col == int(g.left) {
				continue
			}
			c := *g.val
			c.Row, c.Col, c.Merged = r, col, true
			cells = append(cells, c)
		}
	}
	slices.SortFunc(cells, func(a, b Cell) int { return a.Col - b.Col })
	return cells, nil
}

// byBottom is a heap of active range indices ordered by bottom row.
type byBottom struct {
	ranges []mergeRange
	idx    []int32
}

func (h *byBottom) Len() int { return len(h.idx) }
func (h *byBottom) Less(a, b int) bool {
	return h.ranges[h.idx[a]].bottom < h.ranges[h.idx[b]].bottom
}
func (h *byBottom) Swap(a, b int) { h.idx[a], h.idx[b] = h.idx[b], h.idx[a] }
func (h *byBottom) Push(x any)    { h.idx = append(h.idx, x.(int32)) }
func (h *byBottom) Pop() any {
	x := h.idx[len(h.idx)-1]
	h.idx = h.idx[:len(h.idx)-1]
	return x
}

// MergeRange is a merged range of two or more cells, 1-based and inclusive,
// for MergeFill.
type MergeRange struct{ Top, Left, Bottom, Right int }

// MergeFill fills merged ranges in rows streamed in order, as Rows does,
// for the other readers that know a sheet's ranges before its rows (.xls):
// one rule for what a merged cell holds.
type MergeFill struct {
	m       *merger
	lastRow int
	gap     []Cell
}

// NewMergeFill prepares the ranges, which the caller has checked against
// MaxMergedRanges and MaxMergedCells; single cells are dropped.
func NewMergeFill(ranges []MergeRange) *MergeFill {
	rs := make([]mergeRange, 0, len(ranges))
	for _, g := range ranges {
		m := mergeRange{top: int32(min(g.Top, g.Bottom)), bottom: int32(max(g.Top, g.Bottom)), left: int32(min(g.Left, g.Right)), right: int32(max(g.Left, g.Right))}
		if m.top != m.bottom || m.left != m.right {
			rs = append(rs, m)
		}
	}
	slices.SortFunc(rs, func(a, b mergeRange) int {
		if c := cmp.Compare(a.top, b.top); c != 0 {
			return c
		}
		return cmp.Compare(a.left, b.left)
	})
	return &MergeFill{m: newMerger(rs)}
}

// Row applies the ranges to row r (numbers only increase), whose cells the
// file holds, sorted by column: first emitting the rows above r that only
// merged ranges fill, then r itself (when it has cells after the merges).
// cells is reused.
func (f *MergeFill) Row(r int, cells []Cell, emit func(Row) error) error {
	if err := f.Gap(r, emit); err != nil {
		return err
	}
	cells, err := f.m.row(r, cells)
	if err != nil {
		return err
	}
	f.lastRow = r
	if len(cells) == 0 {
		return nil
	}
	return emit(Row{Num: r, Cells: cells})
}

// Gap emits the rows from the last one given up to to-1 that merged ranges
// fill, at most maxGapRows of them as the .xlsx reader does (sheetReader.gap);
// at the end of a sheet, to is MaxRows+1.
func (f *MergeFill) Gap(to int, emit func(Row) error) error {
	for r, end := f.lastRow+1, min(to, f.lastRow+1+maxGapRows); r < end; r++ {
		if !f.m.fillsAt(r) {
			break
		}
		cells, err := f.m.row(r, f.gap[:0])
		if err != nil {
			return err
		}
		f.gap = cells[:0]
		f.lastRow = r
		if len(cells) > 0 {
			if err := emit(Row{Num: r, Cells: cells}); err != nil {
				return err
			}
		}
	}
	return nil
}
