package xlsx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"unicode/utf8"
)

// The fast tokenizer and why it is safe.
//
// encoding/xml's Decoder.RawToken builds every token in memory, copies every
// attribute into a new string and every name into a new Name: on a long sheet
// that is most of the time and nearly all of the garbage of Rows. Workbook
// parts as real producers write them (Excel, LibreOffice, openpyxl, excelize,
// WPS) use a small part of XML: an XML declaration, elements with quoted
// attributes, text with the five predefined entities and character
// references, comments, white space. fastXML reads exactly that subset, in
// place in its buffer, and produces the same tokens as the xmlStream over
// RawToken would: same kinds in the same order, same local names for the
// names the readers look at, same attribute values, same text (entities
// decoded, "\r\n" and "\r" turned into "\n"), with a self-closing element
// giving a start and an end token, and the same depth bookkeeping.
//
// Anything outside the subset, and anything encoding/xml would reject
// (CDATA, a DOCTYPE or other directive, a name with a non-ASCII letter, an
// unknown entity, "]]>" in text, an illegal character or invalid UTF-8, a
// token larger than maxFastToken, a read error, nesting past maxDepth, an end
// tag without a start, an end of input inside an element), makes next return
// errBail before any token of that construct is returned. The reader that
// called it then reads the part again with the xmlStream, which gives the
// exact rows and error messages it always gave (see Workbook.Rows). So the
// fast path never has to reproduce an error message: it only has to give the
// same tokens for the inputs it accepts, which FuzzScanner checks.

// errBail says the fast tokenizer met something it does not read; the caller
// falls back to encoding/xml.
var errBail = errors.New("xlsx: outside the fast XML subset")

// maxFastToken bounds one token of the fast tokenizer. It is far below the
// smallest bound of the xmlStream's tokenGuard (4 MiB, see sheetToken), so a
// token the guard would refuse is always handed to encoding/xml to refuse.
const maxFastToken = 1 << 20

// tokenKind is the kind of a token both tokenizers give the readers.
type tokenKind uint8

const (
	tokStart tokenKind = iota + 1
	tokEnd
	tokText
)

// token is one XML token in the form the part readers consume, whichever
// tokenizer produced it. Its slices are valid until the next token.
type token struct {
	kind tokenKind
	// name is the element's local name, without prefix. The fast tokenizer
	// gives only the names some reader looks at (see internName) and ""
	// for the others, which every reader ignores.
	name  string
	attrs []tokenAttr
	text  []byte
}

// tokenAttr is one attribute of a start tag.
type tokenAttr struct {
	prefixed bool   // it has a namespace prefix (x14ac:dyDescent, r:id)
	name     string // local name, interned as for token.name
	value    []byte // entities decoded
}

// attrValue returns the value of the first unprefixed attribute name, as
// the attr function does for an xml.StartElement.
func (t *token) attrValue(name string) ([]byte, bool) {
	for _, a := range t.attrs {
		if a.name == name && !a.prefixed {
			return a.value, true
		}
	}
	return nil, false
}

// xmlToken turns a token of the xmlStream into a token, for the readers that
// consume both; other kinds of token (comments, processing instructions,
// directives) give ok false. It allocates for the attribute values, which
// only matters on the fallback path.
func xmlToken(t xml.Token, attrs []tokenAttr) (tok token, ok bool) {
	switch t := t.(type) {
	case xml.StartElement:
		attrs = attrs[:0]
		for _, a := range t.Attr {
			attrs = append(attrs, tokenAttr{prefixed: a.Name.Space != "", name: a.Name.Local, value: []byte(a.Value)})
		}
		return token{kind: tokStart, name: t.Name.Local, attrs: attrs}, true
	case xml.EndElement:
		return token{kind: tokEnd, name: t.Name.Local}, true
	case xml.CharData:
		return token{kind: tokText, text: t}, true
	}
	return token{}, false
}

// internName returns the names the part readers compare with as constant
// strings, so the fast tokenizer makes no string per element; every other
// name becomes "".
func internName(b []byte) string {
	switch string(b) {
	case "c":
		return "c"
	case "v":
		return "v"
	case "f":
		return "f"
	case "is":
		return "is"
	case "t":
		return "t"
	case "r":
		return "r"
	case "s":
		return "s"
	case "rPh":
		return "rPh"
	case "row":
		return "row"
	case "sheetData":
		return "sheetData"
	case "si":
		return "si"
	case "ref":
		return "ref"
	case "numFmt":
		return "numFmt"
	case "numFmtId":
		return "numFmtId"
	case "formatCode":
		return "formatCode"
	case "formatCode16":
		return "formatCode16"
	case "cellXfs":
		return "cellXfs"
	case "xf":
		return "xf"
	}
	return ""
}

// fastXML is the hand-written tokenizer described above.
type fastXML struct {
	r      io.Reader
	buf    []byte
	pos    int // first unread byte of buf
	end    int // end of the bytes read into buf
	eof    bool
	depth  int
	closer string // name of the self-closing element whose end is due
	close  bool

	scratch []byte      // decoded text and attribute values
	attrs   []tokenAttr // attributes of the last start tag
	spans   []valueSpan // where their values are, until the tag is complete
}

// valueSpan locates an attribute value in buf (raw) or in scratch (decoded),
// since scratch may move while a tag's values are decoded.
type valueSpan struct {
	inScratch  bool
	start, end int
}

// newFastXML reads a part from r, with a buffer sized as the xmlStream's
// (small for small parts) that grows up to maxFastToken for a long token.
func newFastXML(r io.Reader) *fastXML {
	return &fastXML{r: r, buf: make([]byte, bufFor(r))}
}

// fill reads more input, keeping buf[pos:end] and growing buf when that is
// all of it. It reports false when the input cannot be read (a read error,
// which the xmlStream will meet and report too) or when the unread bytes
// already fill maxFastToken.
func (x *fastXML) fill() bool {
	if x.pos > 0 {
		x.end = copy(x.buf, x.buf[x.pos:x.end])
		x.pos = 0
	}
	if x.end == len(x.buf) {
		if len(x.buf) >= maxFastToken {
			return false
		}
		nb := make([]byte, min(2*len(x.buf), maxFastToken))
		copy(nb, x.buf[:x.end])
		x.buf = nb
	}
	// Fill the buffer: a construct that did not fit is scanned again
	// from its start, so reading small chunks would make a long one cost
	// a scan per chunk.
	for empty := 0; x.end < len(x.buf); {
		n, err := x.r.Read(x.buf[x.end:])
		x.end += n
		if err == io.EOF {
			x.eof = true
			break
		}
		if err != nil {
			return false
		}
		if n == 0 {
			if empty++; empty > 100 {
				return false // a reader that makes no progress
			}
		}
	}
	return true
}

// next returns the next token, io.EOF at the end of the part, or errBail.
func (x *fastXML) next() (token, error) {
	if x.close {
		x.close = false
		x.depth--
		return token{kind: tokEnd, name: x.closer}, nil
	}
	for {
		if x.pos >= x.end {
			if x.eof {
				if x.depth > 0 {
					return token{}, errBail
				}
				return token{}, io.EOF
			}
			if !x.fill() {
				return token{}, errBail
			}
			continue
		}
		in := x.buf[x.pos:x.end]
		if in[0] != '<' {
			// Text runs up to the next '<'. Most are short (a number,
			// white space between tags): one pass finds the end and
			// whether anything needs a closer look.
			i, plain := 0, true
			for i < len(in) && in[i] != '<' {
				plain = plain && plainByte[in[i]]
				i++
			}
			if i == len(in) && !x.eof {
				if !x.fill() {
					return token{}, errBail
				}
				continue
			}
			text := in[:i]
			if !plain {
				var ok bool
				if text, ok = x.decodeText(text); !ok {
					return token{}, errBail
				}
			}
			x.pos += i
			return token{kind: tokText, text: text}, nil
		}
		tok, n, st := x.markup(in)
		switch st {
		case scanMore:
			if x.eof || !x.fill() {
				return token{}, errBail
			}
			continue
		case scanBail:
			return token{}, errBail
		}
		x.pos += n
		switch tok.kind {
		case 0: // a comment or the XML declaration
			continue
		case tokStart:
			x.depth++
			if x.depth > maxDepth {
				return token{}, errBail
			}
		case tokEnd:
			x.depth--
			if x.depth < 0 {
				return token{}, errBail
			}
		}
		return tok, nil
	}
}

// scanStatus is the outcome of reading one markup construct from the buffer.
type scanStatus uint8

const (
	scanDone scanStatus = iota
	scanMore            // the construct runs past the bytes read so far
	scanBail            // outside the subset
)

// markup reads the construct at in[0] == '<'. It returns the token (kind 0
// for a comment or processing instruction, which the readers ignore) and the
// bytes it spans.
func (x *fastXML) markup(in []byte) (token, int, scanStatus) {
	if len(in) < 2 {
		return token{}, 0, scanMore
	}
	switch in[1] {
	case '/':
		name, n, st := scanName(in, 2)
		if st != scanDone {
			return token{}, 0, st
		}
		n = skipSpace(in, n)
		if n >= len(in) {
			return token{}, 0, scanMore
		}
		if in[n] != '>' {
			return token{}, 0, scanBail
		}
		return token{kind: tokEnd, name: name}, n + 1, scanDone
	case '!':
		if len(in) < 4 {
			return token{}, 0, scanMore
		}
		if in[2] != '-' || in[3] != '-' {
			return token{}, 0, scanBail // CDATA, DOCTYPE, other directives
		}
		// encoding/xml ends a comment at the first "--" after "<!--" and
		// refuses it unless '>' follows.
		i := bytes.Index(in[4:], []byte("--"))
		if i < 0 || 4+i+2 >= len(in) {
			return token{}, 0, scanMore
		}
		if in[4+i+2] != '>' {
			return token{}, 0, scanBail
		}
		return token{}, 4 + i + 3, scanDone
	case '?':
		i := bytes.Index(in[2:], []byte("?>"))
		if i < 0 {
			return token{}, 0, scanMore
		}
		n := 2 + i + 2
		// Rare (once, at the top): let encoding/xml judge it, so a
		// version or encoding it refuses is refused the same way.
		d := xml.NewDecoder(bytes.NewReader(in[:n]))
		d.Strict = true
		if t, err := d.RawToken(); err != nil {
			return token{}, 0, scanBail
		} else if _, ok := t.(xml.ProcInst); !ok {
			return token{}, 0, scanBail
		}
		if _, err := d.RawToken(); err != io.EOF {
			return token{}, 0, scanBail
		}
		return token{}, n, scanDone
	}
	return x.startTag(in)
}

// startTag reads a start tag and its attributes.
func (x *fastXML) startTag(in []byte) (token, int, scanStatus) {
	name, n, st := scanName(in, 1)
	if st != scanDone {
		return token{}, 0, st
	}
	x.attrs, x.spans, x.scratch = x.attrs[:0], x.spans[:0], x.scratch[:0]
	for {
		n = skipSpace(in, n)
		if n >= len(in) {
			return token{}, 0, scanMore
		}
		switch in[n] {
		case '>':
			return x.finishTag(in, name, false), n + 1, scanDone
		case '/':
			if n+1 >= len(in) {
				return token{}, 0, scanMore
			}
			if in[n+1] != '>' {
				return token{}, 0, scanBail
			}
			return x.finishTag(in, name, true), n + 2, scanDone
		}
		start := n
		aname, m, st := scanName(in, n)
		if st != scanDone {
			return token{}, 0, st
		}
		prefixed := bytes.IndexByte(in[start:m], ':') >= 0
		n = skipSpace(in, m)
		if n >= len(in) {
			return token{}, 0, scanMore
		}
		if in[n] != '=' {
			return token{}, 0, scanBail
		}
		n = skipSpace(in, n+1)
		if n >= len(in) {
			return token{}, 0, scanMore
		}
		q := in[n]
		if q != '"' && q != '\'' {
			return token{}, 0, scanBail
		}
		end, plain := n+1, true // the value is in[n+1:end]
		for end < len(in) && in[end] != q {
			plain = plain && plainByte[in[end]]
			end++
		}
		if end == len(in) {
			return token{}, 0, scanMore
		}
		raw := in[n+1 : end]
		span := valueSpan{start: n + 1, end: end}
		// A plain value (the usual "A2", "1", "s") needs no check.
		switch {
		case !plain && needsDecode(raw):
			from := len(x.scratch)
			var ok bool
			if x.scratch, ok = appendDecoded(x.scratch, raw, q); !ok {
				return token{}, 0, scanBail
			}
			span = valueSpan{inScratch: true, start: from, end: len(x.scratch)}
		case !plain && !validPlain(raw):
			return token{}, 0, scanBail
		}
		x.attrs = append(x.attrs, tokenAttr{prefixed: prefixed, name: aname})
		x.spans = append(x.spans, span)
		n = end + 1
	}
}

// finishTag points the attribute values at their bytes, now that scratch no
// longer moves, and arranges the end token of a self-closing element.
func (x *fastXML) finishTag(in []byte, name string, selfClosing bool) token {
	for i, s := range x.spans {
		if s.inScratch {
			x.attrs[i].value = x.scratch[s.start:s.end]
		} else {
			x.attrs[i].value = in[s.start:s.end]
		}
	}
	if selfClosing {
		x.close, x.closer = true, name
	}
	return token{kind: tokStart, name: name, attrs: x.attrs}
}

// scanName reads an XML name at in[i:] in the ASCII subset: a letter or '_',
// then letters, digits, '_', '.', '-', with at most one ':' between two such
// parts (a prefix). It returns the interned local name and the index after
// the name. A name encoding/xml would read differently (a non-ASCII letter,
// a second colon, an empty prefix or local part) bails.
func scanName(in []byte, i int) (string, int, scanStatus) {
	start, colon := i, -1
	for ; i < len(in); i++ {
		c := in[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_':
		case '0' <= c && c <= '9', c == '.', c == '-':
			if i == start || i == colon+1 {
				return "", 0, scanBail
			}
		case c == ':':
			if colon >= 0 || i == start {
				return "", 0, scanBail
			}
			colon = i
		case c >= utf8.RuneSelf:
			return "", 0, scanBail
		default:
			if i == start || i == colon+1 {
				return "", 0, scanBail
			}
			local := in[start:i]
			if colon >= 0 {
				local = in[colon+1 : i]
			}
			return internName(local), i, scanDone
		}
	}
	return "", 0, scanMore
}

func skipSpace(in []byte, i int) int {
	for i < len(in) && isSpace(in[i]) {
		i++
	}
	return i
}

// plainByte[c] is set for the ASCII bytes that stand for themselves in text
// and attribute values; '&', '\r', '<', '>', ']' and control characters
// need a closer look, non-ASCII bytes a UTF-8 check.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = true
	}
	t['\t'], t['\n'] = true, true
	t['&'], t['<'], t['>'], t[']'] = false, false, false, false
	return t
}()

// decodeText validates a run of text and returns it with entities and line
// ends decoded, in place when nothing needs decoding.
func (x *fastXML) decodeText(raw []byte) ([]byte, bool) {
	if !needsDecode(raw) {
		return raw, validPlain(raw)
	}
	var ok bool
	x.scratch, ok = appendDecoded(x.scratch[:0], raw, 0)
	return x.scratch, ok
}

// needsDecode reports whether raw holds an entity or a carriage return.
func needsDecode(raw []byte) bool {
	return bytes.IndexByte(raw, '&') >= 0 || bytes.IndexByte(raw, '\r') >= 0
}

// validPlain checks raw, which holds no '&' or '\r', as encoding/xml does:
// valid UTF-8 of XML characters, no '<' (it ends text and is refused in
// attribute values), and no "]]>" (refused in text; the fast path refuses it
// in attribute values too, where it is rare but allowed).
func validPlain(raw []byte) bool {
	for i := 0; i < len(raw); {
		c := raw[i]
		if plainByte[c] {
			i++
			continue
		}
		switch {
		case c == ']':
			i++
		case c == '>':
			if i >= 2 && raw[i-1] == ']' && raw[i-2] == ']' {
				return false
			}
			i++
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 || !isXMLChar(r) {
				return false
			}
			i += size
		default: // '<', '&', '\r' or a control character
			return false
		}
	}
	return true
}

// appendDecoded appends raw to dst as encoding/xml's Decoder.text does in
// strict mode: the five predefined entities and character references
// decoded, a raw "\r\n" or "\r" as "\n", every character checked. quote is
// the attribute value's quote, or 0 for text.
func appendDecoded(dst, raw []byte, quote byte) ([]byte, bool) {
	var b0, b1 byte // the two raw bytes before, as encoding/xml tracks them
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '&':
			r, n, ok := entityAt(raw[i:])
			if !ok || !isXMLChar(r) {
				return dst, false
			}
			dst = utf8.AppendRune(dst, r)
			i += n
			b0, b1 = 0, 0
			continue
		case c == '<':
			return dst, false
		case c == '>' && quote == 0 && b0 == ']' && b1 == ']':
			return dst, false
		case c == '\r':
			dst = append(dst, '\n')
		case c == '\n' && b1 == '\r':
			// "\r\n": the '\n' is already written
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 || !isXMLChar(r) {
				return dst, false
			}
			dst = append(dst, raw[i:i+size]...)
			b0, b1 = raw[i+size-2], raw[i+size-1] // never ']' or '\r'
			i += size
			continue
		case c < 0x20 && c != '\t' && c != '\n':
			return dst, false
		default:
			dst = append(dst, c)
		}
		b0, b1 = b1, c
		i++
	}
	return dst, true
}

// entityAt decodes the entity at s[0] == '&': one of the five predefined
// entities or a decimal or hexadecimal ('x', lower case, as encoding/xml
// wants) character reference, with its ';'. A surrogate decodes to U+FFFD,
// as string(rune(n)) does in encoding/xml.
func entityAt(s []byte) (rune, int, bool) {
	if len(s) >= 3 && s[1] == '#' {
		i, base := 2, rune(10)
		if s[i] == 'x' {
			i, base = 3, 16
		}
		start := i
		var r rune
		for ; i < len(s); i++ {
			c := s[i]
			var d rune
			switch {
			case '0' <= c && c <= '9':
				d = rune(c - '0')
			case base == 16 && 'a' <= c && c <= 'f':
				d = rune(c-'a') + 10
			case base == 16 && 'A' <= c && c <= 'F':
				d = rune(c-'A') + 10
			case c == ';' && i > start:
				if 0xD800 <= r && r < 0xE000 {
					r = utf8.RuneError
				}
				return r, i + 1, true
			default:
				return 0, 0, false
			}
			r = r*base + d
			if r > utf8.MaxRune {
				return 0, 0, false
			}
		}
		return 0, 0, false
	}
	for _, e := range predefined {
		if bytes.HasPrefix(s[1:], e.name) {
			return e.r, len(e.name) + 1, true
		}
	}
	return 0, 0, false
}

// predefined are XML's five predefined entities, with their ';'.
var predefined = []struct {
	name []byte
	r    rune
}{
	{[]byte("lt;"), '<'}, {[]byte("gt;"), '>'}, {[]byte("amp;"), '&'},
	{[]byte("apos;"), '\''}, {[]byte("quot;"), '"'},
}

// isXMLChar is encoding/xml's isInCharacterRange: the characters XML 1.0
// allows.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
