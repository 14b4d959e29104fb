package xlsx

import (
	"bufio"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// maxDepth bounds XML nesting. A worksheet is about 7 elements deep
// (worksheet/sheetData/row/c/is/r/t) and extension lists add a few more; the
// bound keeps a hostile part from making a reader track a deep stack.
const maxDepth = 256

// bufSize is the read-ahead of the XML decoder's buffer, for big parts.
const bufSize = 64 << 10

// bufFor sizes a read buffer for r: small parts (most of them) get a small
// buffer, which matters when many small workbooks are read.
func bufFor(r io.Reader) int {
	if p, ok := r.(*partReader); ok {
		return int(min(max(p.size+1, 4096), bufSize))
	}
	return bufSize
}

// xmlStream is a token reader over one part that bounds nesting depth and the
// size of any single token. encoding/xml builds each token (a run of text, a
// start tag with its attributes) in memory before returning it, so without a
// bound one 1 GiB text node would be held whole before any cell limit could
// be checked.
type xmlStream struct {
	part  string
	dec   *xml.Decoder
	g     *tokenGuard
	depth int
	// where, if set, names where in the part the reader is in an error
	// ("cell G9: …"), for error messages.
	where func(error) error
}

// newXMLStream reads part from r. maxToken bounds the bytes of XML one token
// may span.
func newXMLStream(part string, r io.Reader, maxToken int64) *xmlStream {
	n := bufFor(r)
	g := &tokenGuard{r: r, max: maxToken + int64(n), slack: int64(n)}
	d := xml.NewDecoder(bufio.NewReaderSize(g, n))
	// Workbook parts are UTF-8; anything else (UTF-16) fails with a clear
	// error from encoding/xml rather than being guessed at.
	d.Strict = true
	return &xmlStream{part: part, dec: d, g: g}
}

// next returns the next token, or io.EOF at the end of a well-formed part.
// Tokens and their byte slices are only valid until the next call.
func (s *xmlStream) next() (xml.Token, error) {
	t, err := s.dec.RawToken()
	if err != nil {
		if err == io.EOF {
			if s.depth > 0 {
				return nil, s.wrap(msg.Errorf("xlsx.xml-eof"))
			}
			return nil, io.EOF
		}
		return nil, s.wrap(err)
	}
	s.g.mark = s.dec.InputOffset()
	switch t.(type) {
	case xml.StartElement:
		s.depth++
		if s.depth > maxDepth {
			return nil, s.wrap(limitErr(msg.Errorf("xlsx.xml-too-deep", maxDepth)))
		}
	case xml.EndElement:
		s.depth--
		if s.depth < 0 {
			return nil, inPart(s.part, msg.Errorf("xlsx.xml-syntax", s.line(), msg.Errorf("xlsx.xml.stray-end"), "unexpected end element"))
		}
	}
	return t, nil
}

// wrap names the part, and where in it when known, in an error from the
// decoder or from reading the part.
func (s *xmlStream) wrap(err error) error {
	// When a read fails mid-token the decoder may report a syntax error
	// instead (a rune cut in two is "invalid UTF-8"): the read error is
	// the real one.
	if s.g.err != nil {
		err = s.g.err
	}
	var perr *partError
	if errors.As(err, &perr) {
		return inPart(s.part, perr.err)
	}
	var serr *xml.SyntaxError
	if errors.As(err, &serr) {
		if detail := xmlDetail(serr.Msg); detail != nil {
			err = msg.Errorf("xlsx.xml-syntax", serr.Line, detail, serr.Msg)
		} else {
			err = msg.Errorf("xlsx.xml-syntax-other", serr.Line, serr.Msg)
		}
	}
	if s.where != nil {
		err = s.where(err)
	}
	return inPart(s.part, err)
}

// xmlDetails word the messages of encoding/xml's syntax errors that a
// broken part gives most: the message, or the start of it before what it
// names ("invalid character entity &nbsp;").
var xmlDetails = []struct {
	text  string
	key   msg.Key
	named bool // the message names something after text
}{
	{"unexpected EOF", msg.Key("xlsx.xml.unexpected-eof"), false},
	{"invalid UTF-8", msg.Key("xlsx.xml.utf8"), false},
	{"expected element name after <", msg.Key("xlsx.xml.elem-name"), false},
	{"unescaped < inside quoted string", msg.Key("xlsx.xml.lt-in-quote"), false},
	{"unquoted or missing attribute value in element", msg.Key("xlsx.xml.attr-value"), false},
	{"attribute name without = in element", msg.Key("xlsx.xml.attr-eq"), false},
	{"expected attribute name in element", msg.Key("xlsx.xml.attr-name"), false},
	{"unexpected end element ", msg.Key("xlsx.xml.end-elem"), true},
	{"invalid character entity ", msg.Key("xlsx.xml.entity"), true},
	{"illegal character code ", msg.Key("xlsx.xml.char"), true},
	{"invalid XML name: ", msg.Key("xlsx.xml.name"), true},
}

// xmlDetail words an encoding/xml syntax error message, or is nil for one
// xmlDetails does not know.
func xmlDetail(m string) error {
	for _, d := range xmlDetails {
		if d.named {
			if rest, ok := strings.CutPrefix(m, d.text); ok {
				return msg.Errorf(d.key, rest)
			}
		} else if m == d.text {
			return msg.Errorf(d.key)
		}
	}
	return nil
}

// line is the current line of the input, for messages.
func (s *xmlStream) line() int {
	l, _ := s.dec.InputPos()
	return l
}

// partError marks an error from reading a part (a limit, a corrupt zip
// entry) rather than from parsing it.
type partError struct{ err error }

func (e *partError) Error() string { return e.err.Error() }
func (e *partError) Unwrap() error { return e.err }

// tokenGuard fails a read once the decoder has consumed more than max bytes
// past the end of the last token it returned, that is, once one token is too
// big. The decoder's own buffer reads ahead, which max allows for.
type tokenGuard struct {
	r     io.Reader
	read  int64 // bytes handed to the decoder
	mark  int64 // input offset at the end of the last token
	max   int64 // the bound on a token plus slack
	slack int64 // the read-ahead of the decoder's buffer
	err   error // the first error other than io.EOF
}

func (g *tokenGuard) Read(b []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	if g.read-g.mark > g.max {
		g.err = limitErr(msg.Errorf("xlsx.xml-token-over", g.max-g.slack))
		return 0, g.err
	}
	n, err := g.r.Read(b)
	g.read += int64(n)
	if err != nil && err != io.EOF {
		g.err = err
	}
	return n, err
}

// attr returns the value of the unprefixed attribute local, or "".
func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

// eachToken calls fn with each token of the part, in the form the fast
// tokenizer gives them, until the end of the part or an error.
func (s *xmlStream) eachToken(fn func(tok *token) error) error {
	var attrs []tokenAttr
	for {
		t, err := s.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		tok, ok := xmlToken(t, attrs)
		if !ok {
			continue
		}
		if tok.kind == tokStart {
			attrs = tok.attrs // reuse its array for the next start tag
		}
		if err := fn(&tok); err != nil {
			return err
		}
	}
}
