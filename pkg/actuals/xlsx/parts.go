package xlsx

import (
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// Relationship types, matched by suffix so that both the transitional
// (schemas.openxmlformats.org) and strict (purl.oclc.org) forms work.
const (
	relOfficeDocument = "/officeDocument"
	relWorksheet      = "/worksheet"
	relSharedStrings  = "/sharedStrings"
	relStyles         = "/styles"
)

// maxXfs bounds the cell formats of styles.xml; Excel itself allows 64,000.
const maxXfs = 1 << 20

// maxSheets bounds the sheets of workbook.xml; a real workbook has a few.
const maxSheets = 1 << 16

// rel is one <Relationship> of a .rels part.
type rel struct {
	id, typ, target string
}

// load reads the workbook, its relationships, shared strings and styles.
func (w *Workbook) load() error {
	wbPart := "xl/workbook.xml"
	if rels, err := w.readRels("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, relOfficeDocument) && r.target != "" {
				wbPart = r.target
				break
			}
		}
	} else if !errors.Is(err, errMissing) {
		return err
	}
	if strings.HasSuffix(strings.ToLower(wbPart), ".bin") {
		// An .xlsb's officeDocument is its binary workbook part.
		return &NotWorkbookError{Path: w.path, Kind: XLSB}
	}
	if w.part(wbPart) == nil {
		if w.part("xl/workbook.bin") != nil {
			return &NotWorkbookError{Path: w.path, Kind: XLSB}
		}
		return &NotWorkbookError{Path: w.path, Kind: NoWorkbookPart, Part: wbPart}
	}
	wbDir := path.Dir(wbPart)
	relsPart := path.Join(wbDir, "_rels", path.Base(wbPart)+".rels")
	rels, err := w.readRels(relsPart, wbDir)
	if err != nil && !errors.Is(err, errMissing) {
		return err
	}
	byID := make(map[string]rel, len(rels))
	var sstPart, stylesPart string
	for _, r := range rels {
		if _, dup := byID[r.id]; !dup {
			byID[r.id] = r
		}
		switch {
		case strings.HasSuffix(r.typ, relSharedStrings) && sstPart == "":
			sstPart = r.target
		case strings.HasSuffix(r.typ, relStyles) && stylesPart == "":
			stylesPart = r.target
		}
	}
	if err := w.readWorkbook(wbPart, byID); err != nil {
		return err
	}
	// Some producers leave the shared strings or styles out of the
	// relationships; excelize then looks in the usual place, and so do we.
	if sstPart == "" && w.part(path.Join(wbDir, "sharedStrings.xml")) != nil {
		sstPart = path.Join(wbDir, "sharedStrings.xml")
	}
	if stylesPart == "" && w.part(path.Join(wbDir, "styles.xml")) != nil {
		stylesPart = path.Join(wbDir, "styles.xml")
	}
	w.sst = &sharedStrings{}
	if sstPart != "" && w.part(sstPart) != nil {
		if w.sst, err = w.readSharedStrings(sstPart); err != nil {
			return err
		}
	}
	w.styles = &styles{}
	if stylesPart != "" && w.part(stylesPart) != nil {
		if w.styles, err = w.readStyles(stylesPart); err != nil {
			return err
		}
	}
	return nil
}

// errMissing is returned by readRels for a .rels part that is not there.
var errMissing = errors.New("missing")

// maxSmallToken bounds one XML token in the workbook, relationship and
// styles parts, which hold names, paths and format codes only.
const maxSmallToken = 1 << 20

// readRels reads a .rels part, resolving internal targets against dir (the
// folder of the part the relationships belong to). Targets with a leading /
// are absolute within the package.
func (w *Workbook) readRels(part, dir string) ([]rel, error) {
	if w.part(part) == nil {
		return nil, errMissing
	}
	rc, err := w.openPart(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	s := newXMLStream(part, rc, maxSmallToken)
	var rels []rel
	for {
		t, err := s.next()
		if err == io.EOF {
			return rels, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := t.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		if len(rels) >= maxSheets*4 {
			return nil, inPart(part, limitErr(msg.Errorf("xlsx.rels-over", maxSheets*4)))
		}
		if mode, _ := attr(se, "TargetMode"); strings.EqualFold(mode, "External") {
			continue
		}
		r := rel{}
		r.id, _ = attr(se, "Id")
		r.typ, _ = attr(se, "Type")
		r.target, _ = attr(se, "Target")
		r.target = resolveTarget(dir, r.target)
		rels = append(rels, r)
	}
}

// resolveTarget turns a relationship target into a zip part name.
func resolveTarget(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if target == "" {
		return ""
	}
	var p string
	if strings.HasPrefix(target, "/") {
		p = path.Clean(target)
	} else {
		p = path.Clean("/" + path.Join(dir, target))
	}
	return strings.TrimPrefix(p, "/")
}

// readWorkbook reads the sheet list of xl/workbook.xml.
func (w *Workbook) readWorkbook(part string, rels map[string]rel) error {
	rc, err := w.openPart(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	s := newXMLStream(part, rc, maxSmallToken)
	sawWorkbook, inSheets := false, false
	for {
		t, err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if ee, ok := t.(xml.EndElement); ok && ee.Name.Local == "sheets" {
			inSheets = false
		}
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "workbook":
			sawWorkbook = true
		case "sheets":
			inSheets = true
		case "sheet":
			if !inSheets {
				continue
			}
			if len(w.sheets) >= maxSheets {
				return inPart(part, limitErr(msg.Errorf("xlsx.sheets-over", maxSheets)))
			}
			name, _ := attr(se, "name")
			// r:id is in the relationships namespace, whatever its prefix.
			var id string
			for _, a := range se.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" {
					id = a.Value
				}
			}
			si := sheetInfo{name: name}
			if r, ok := rels[id]; ok && r.target != "" {
				si.part = r.target
			}
			w.sheets = append(w.sheets, si)
		}
	}
	if !sawWorkbook {
		return &NotWorkbookError{Path: w.path, Kind: NoWorkbookElement, Part: part}
	}
	// Two sheets may point at one worksheet part: no producer writes it,
	// but LibreOffice opens it as sheets of the same cells, so it is read
	// so too; the table reader reads such a part once (SheetPart).
	return nil
}

// sharedStrings is the shared string table held as one string and the
// offsets of its entries, so a table of millions of short strings costs one
// allocation and 4 bytes an entry rather than a string header each, and
// looking a string up allocates nothing.
type sharedStrings struct {
	data string
	offs []uint32 // entry i is data[offs[i]:offs[i+1]]
}

func (t *sharedStrings) len() int {
	if len(t.offs) == 0 {
		return 0
	}
	return len(t.offs) - 1
}

func (t *sharedStrings) get(i int) string {
	return t.data[t.offs[i]:t.offs[i+1]]
}

// readSharedStrings streams xl/sharedStrings.xml. An entry is the text of its
// <t> elements in order (plain text, or the runs of rich text), leaving out
// phonetic guides (<rPh>, the furigana/pinyin shown above the text), with
// the _xHHHH_ escapes of OOXML decoded, as excelize does.
//
// The fast tokenizer reads the part first; if it gives up, or the part has an
// error, the part is read again with encoding/xml, which makes the message
// (see fastXML).
func (w *Workbook) readSharedStrings(part string) (*sharedStrings, error) {
	return withFallback(w.tokenizer, func(fast bool) (*sharedStrings, error) { return w.readSharedStringsWith(part, fast) })
}

// withFallback reads a whole part with the tokenizer mode says: in
// tokenizeAuto the fast one, then, if it gives up or the part has an
// error, encoding/xml, which makes the message.
func withFallback[T any](mode tokenizerMode, read func(fast bool) (T, error)) (T, error) {
	if mode != tokenizeXML {
		v, err := read(true)
		if err == nil || mode == tokenizeFast {
			return v, err
		}
	}
	return read(false)
}

// readSharedStringsWith reads the shared strings with one tokenizer.
func (w *Workbook) readSharedStringsWith(part string, fast bool) (*sharedStrings, error) {
	r := &sstReader{part: part, lim: w.lim, offs: []uint32{0}}
	err := w.eachToken(part, sheetToken(w.lim), fast, func(t *token, _ int) error { return r.handle(t) })
	if err != nil {
		return nil, err
	}
	return &sharedStrings{data: r.data.String(), offs: r.offs}, nil
}

// eachToken reads part with one tokenizer, the fast one or the xmlStream
// (maxToken bounding its tokens), and calls fn with each start, end and text
// token and the element depth after it.
func (w *Workbook) eachToken(part string, maxToken int64, fast bool, fn func(t *token, depth int) error) error {
	rc, err := w.openPart(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	var elements int64
	count := fn
	fn = func(t *token, depth int) error {
		if t.kind == tokStart {
			if elements++; elements > w.lim.MaxElements {
				return inPart(part, limitErr(msg.Errorf("xlsx.elements-over", w.lim.MaxElements)))
			}
		}
		return count(t, depth)
	}
	if fast {
		x := newFastXML(rc)
		// One token for the whole part: fn takes its address through
		// a func value, which moves it to the heap, once rather than
		// once a token. fn does not keep it.
		var tok token
		for {
			var err error
			tok, err = x.next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if err := fn(&tok, x.depth); err != nil {
				return err
			}
		}
	}
	s := newXMLStream(part, rc, maxToken)
	return s.eachToken(func(tok *token) error { return fn(tok, s.depth) })
}

// sstReader is the state of reading the shared strings, fed tokens by
// either tokenizer.
type sstReader struct {
	part     string
	lim      Limits
	data     strings.Builder
	offs     []uint32
	entry    []byte
	inSI     bool
	inT      bool
	rphDepth int
	scratch  []byte
}

func (r *sstReader) handle(t *token) error {
	lim := r.lim
	switch t.kind {
	case tokStart:
		switch t.name {
		case "si":
			if len(r.offs) > lim.MaxSharedStrings {
				return inPart(r.part, limitErr(msg.Errorf("xlsx.sst-entries-over", lim.MaxSharedStrings)))
			}
			r.inSI, r.inT, r.rphDepth, r.entry = true, false, 0, r.entry[:0]
		case "rPh":
			if r.inSI {
				r.rphDepth++
			}
		case "t":
			r.inT = r.inSI && r.rphDepth == 0
		}
	case tokEnd:
		switch t.name {
		case "t":
			r.inT = false
		case "rPh":
			if r.rphDepth > 0 {
				r.rphDepth--
			}
		case "si":
			if !r.inSI {
				return nil
			}
			r.inSI = false
			text := r.entry
			if hasEscape(r.entry) {
				r.scratch = decodeEscapes(r.scratch[:0], r.entry)
				text = r.scratch
			}
			if int64(r.data.Len())+int64(len(text)) > lim.MaxSharedStringBytes {
				return inPart(r.part, limitErr(msg.Errorf("xlsx.sst-bytes-over", lim.MaxSharedStringBytes)))
			}
			r.data.Write(text)
			r.offs = append(r.offs, uint32(r.data.Len()))
		}
	case tokText:
		if r.inT {
			if len(r.entry)+len(t.text) > lim.MaxCellBytes {
				return inPart(r.part, limitErr(msg.Errorf("xlsx.sst-entry-over", len(r.offs)-1, lim.MaxCellBytes)))
			}
			r.entry = append(r.entry, t.text...)
		}
	}
	return nil
}

// decodeEscapes appends s to dst with OOXML's _xHHHH_ escapes decoded: Excel
// writes characters XML cannot hold (a carriage return, control characters)
// as _x000D_, and a literal "_x" that would look like an escape as
// _x005F_x. UTF-16 surrogate pairs are joined; a lone surrogate becomes
// U+FFFD.
func decodeEscapes(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		u, ok := escapeAt(s, i)
		if !ok {
			dst = append(dst, s[i])
			i++
			continue
		}
		i += 7
		switch {
		case u == 0x5F:
			dst = append(dst, '_')
		case 0xD800 <= u && u < 0xDC00:
			if lo, ok := escapeAt(s, i); ok && 0xDC00 <= lo && lo < 0xE000 {
				i += 7
				dst = appendRune(dst, rune((u-0xD800)<<10|(lo-0xDC00))+0x10000)
			} else {
				dst = appendRune(dst, '\uFFFD')
			}
		case 0xDC00 <= u && u < 0xE000:
			dst = appendRune(dst, '\uFFFD')
		default:
			dst = appendRune(dst, rune(u))
		}
	}
	return dst
}

// escapeAt decodes a _xHHHH_ escape at s[i:].
func escapeAt(s []byte, i int) (uint32, bool) {
	if i+7 > len(s) || s[i] != '_' || s[i+1] != 'x' || s[i+6] != '_' {
		return 0, false
	}
	var u uint32
	for _, c := range s[i+2 : i+6] {
		switch {
		case '0' <= c && c <= '9':
			u = u<<4 | uint32(c-'0')
		case 'a' <= c && c <= 'f':
			u = u<<4 | uint32(c-'a'+10)
		case 'A' <= c && c <= 'F':
			u = u<<4 | uint32(c-'A'+10)
		default:
			return 0, false
		}
	}
	return u, true
}

func appendRune(dst []byte, r rune) []byte {
	return append(dst, string(r)...)
}

// hasEscape reports whether s may hold a _xHHHH_ escape, to skip decoding
// for the usual text that has none.
func hasEscape(s []byte) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '_' && s[i+1] == 'x' {
			return true
		}
	}
	return false
}

// styles holds, for each cell format (the s attribute of a cell, an index
// into <cellXfs>), what its number format says.
type styles struct {
	xfs []fmtInfo
}

// info returns the number format facts of style index s. An index outside
// the table is treated as General, as Excel and excelize do.
func (st *styles) info(s int) fmtInfo {
	if s < 0 || s >= len(st.xfs) {
		return fmtInfo{}
	}
	return st.xfs[s]
}

// readStyles reads the <numFmts> and <cellXfs> of xl/styles.xml, with the
// fast tokenizer and, if it gives up or the part has an error, again with
// encoding/xml, which makes the message.
func (w *Workbook) readStyles(part string) (*styles, error) {
	return withFallback(w.tokenizer, func(fast bool) (*styles, error) { return w.readStylesWith(part, fast) })
}

// readStylesWith reads the styles with one tokenizer.
func (w *Workbook) readStylesWith(part string, fast bool) (*styles, error) {
	custom := map[int]string{}
	var ids []int
	inXfs := false
	xfDepth := 0
	err := w.eachToken(part, maxSmallToken, fast, func(t *token, depth int) error {
		switch t.kind {
		case tokStart:
			switch t.name {
			case "numFmt":
				idText, _ := t.attrValue("numFmtId")
				id, err := strconv.Atoi(string(idText))
				if err != nil {
					return inPart(part, msg.Errorf("xlsx.bad-numfmt-id", string(idText)))
				}
				if len(custom) >= maxXfs {
					return inPart(part, limitErr(msg.Errorf("xlsx.numfmts-over", maxXfs)))
				}
				// formatCode16 (an Excel 2016 extension) wins where
				// present, as in excelize.
				code, _ := t.attrValue("formatCode")
				for _, a := range t.attrs {
					if a.name == "formatCode16" && len(a.value) > 0 {
						code = a.value
					}
				}
				if _, dup := custom[id]; !dup {
					custom[id] = string(code)
				}
			case "cellXfs":
				inXfs, xfDepth = true, depth
			case "xf":
				// Only the direct children of <cellXfs>.
				if !inXfs || depth != xfDepth+1 {
					return nil
				}
				if len(ids) >= maxXfs {
					return inPart(part, limitErr(msg.Errorf("xlsx.xfs-over", maxXfs)))
				}
				id := 0
				if v, ok := t.attrValue("numFmtId"); ok {
					var err error
					if id, err = strconv.Atoi(string(v)); err != nil {
						return inPart(part, msg.Errorf("xlsx.bad-xf-numfmt-id", len(ids), string(v)))
					}
				}
				ids = append(ids, id)
			}
		case tokEnd:
			if t.name == "cellXfs" {
				inXfs = false
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	st := &styles{xfs: make([]fmtInfo, len(ids))}
	cache := map[int]fmtInfo{}
	for i, id := range ids {
		fi, ok := cache[id]
		if !ok {
			// A numFmt may redefine a built-in id (some producers write
			// their locale's code for 14); its code then decides.
			if code, isCustom := custom[id]; isCustom {
				fi = classify(code)
			} else {
				fi = builtinInfo(id)
			}
			cache[id] = fi
		}
		st.xfs[i] = fi
	}
	return st, nil
}
