package xlsx

import (
	"bufio"
	"encoding/binary"
	"io"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// checkZipEntries counts the entries of the zip's central directory, the way
// archive/zip reads them (from the directory's offset, header after header,
// until one is not a header), and refuses more than max before archive/zip
// holds a *zip.File for each: a million empty entries take a few megabytes
// compressed and hundreds of megabytes read. A file whose directory cannot
// be found is left to archive/zip, which says why.
func checkZipEntries(ra io.ReaderAt, size int64, max int) error {
	dirOffset, ok := zipDirOffset(ra, size)
	if !ok {
		return nil
	}
	br := bufio.NewReader(io.NewSectionReader(ra, dirOffset, size-dirOffset))
	var hdr [46]byte
	n := 0
	for {
		if _, err := io.ReadFull(br, hdr[:]); err != nil {
			return nil
		}
		if binary.LittleEndian.Uint32(hdr[:4]) != 0x02014b50 {
			return nil
		}
		n++
		if n > max {
			return limitErr(msg.Errorf("xlsx.zip-entries-over", max))
		}
		skip := int64(binary.LittleEndian.Uint16(hdr[28:])) + int64(binary.LittleEndian.Uint16(hdr[30:])) + int64(binary.LittleEndian.Uint16(hdr[32:]))
		if _, err := br.Discard(int(skip)); err != nil {
			return nil
		}
	}
}

// zipDirOffset finds where the central directory starts, as archive/zip
// does: the end-of-directory record in the last 64 KiB, its zip64 form if
// it says so, and the offset corrected for data prepended to the archive.
func zipDirOffset(ra io.ReaderAt, size int64) (int64, bool) {
	const endLen = 22
	tailLen := min(size, 65535+endLen)
	tail := make([]byte, tailLen)
	if _, err := ra.ReadAt(tail, size-tailLen); err != nil {
		return 0, false
	}
	p := -1
	for i := len(tail) - endLen; i >= 0; i-- {
		if binary.LittleEndian.Uint32(tail[i:]) == 0x06054b50 &&
			i+endLen+int(binary.LittleEndian.Uint16(tail[i+20:])) <= len(tail) {
			p = i
			break
		}
	}
	if p < 0 {
		return 0, false
	}
	endOffset := size - tailLen + int64(p)
	dirSize := int64(binary.LittleEndian.Uint32(tail[p+12:]))
	dirOffset := int64(binary.LittleEndian.Uint32(tail[p+16:]))
	records := binary.LittleEndian.Uint16(tail[p+10:])
	if records == 0xffff || dirSize == 0xffff || dirOffset == 0xffffffff {
		// The zip64 locator is just before the record.
		if p >= 20 && binary.LittleEndian.Uint32(tail[p-20:]) == 0x07064b50 {
			end64 := int64(binary.LittleEndian.Uint64(tail[p-12:]))
			var rec [56]byte
			if end64 >= 0 && end64 < size {
				if _, err := ra.ReadAt(rec[:], end64); err == nil && binary.LittleEndian.Uint32(rec[:]) == 0x06064b50 {
					dirSize = int64(binary.LittleEndian.Uint64(rec[40:]))
					dirOffset = int64(binary.LittleEndian.Uint64(rec[48:]))
					endOffset = end64
				}
			}
		}
	}
	if dirSize < 0 || dirOffset < 0 {
		return 0, false
	}
	base := endOffset - dirSize - dirOffset
	if o := base + dirOffset; o < 0 || o >= size {
		return 0, false
	}
	if base > 0 {
		// As archive/zip: a base offset only if a header is there.
		var sig [4]byte
		if _, err := ra.ReadAt(sig[:], dirOffset); err == nil && binary.LittleEndian.Uint32(sig[:]) == 0x02014b50 {
			base = 0
		}
	}
	return base + dirOffset, true
}

// duplicateEntry returns the first entry name of names that comes again,
// with \ read as / and without a leading /, ignoring case as OPC names do;
// "" if none. Producers differ on which copy they read (archive/zip and
// excelize the first, LibreOffice the last), so a reviewer could see other
// numbers than the ones judged.
func duplicateEntry(names []string) string {
	seen := make(map[string]bool, len(names))
	for _, name := range names {
		key := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
		if strings.HasSuffix(key, "/") {
			continue // a folder
		}
		if seen[key] {
			return name
		}
		seen[key] = true
	}
	return ""
}
