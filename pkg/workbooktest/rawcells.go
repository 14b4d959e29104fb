package workbooktest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"testing"
)

// A RawCell is a <c> element of a worksheet's XML, as stored in the file.
type RawCell struct {
	Ref   string // r
	Type  string // t: "" (number), "n", "s", "str", "inlineStr", "b", "e", "d"
	Style int    // s

	HasFormula  bool   // an <f> element is present
	Formula     string // its text ("" for a shared formula's followers)
	FormulaType string // <f t=…>: "" (normal), "shared", "array"

	HasV bool   // a <v> element is present (openpyxl writes an empty <v/>)
	V    string // its text
	// Inline is the text of <is> (t="inlineStr").
	Inline string
}

// HasCachedValue reports whether a formula cell stores a cached value: a
// non-empty <v>, or an empty one in a t="str" cell (a cached empty string).
// openpyxl's empty <v/> in a cell without t is no cached value.
func (c RawCell) HasCachedValue() bool {
	return c.HasV && (c.V != "" || c.Type == "str")
}

// SheetXML returns the XML part of the worksheet named sheet in the xlsx
// file at path, found through xl/workbook.xml and its relationships.
func SheetXML(t testing.TB, xlsxPath, sheet string) []byte {
	t.Helper()
	zr, err := zip.OpenReader(xlsxPath)
	if err != nil {
		t.Fatalf("workbooktest: %v", err)
	}
	defer zr.Close()
	name, err := sheetPart(&zr.Reader, sheet)
	if err != nil {
		t.Fatalf("workbooktest: %s: %v", xlsxPath, err)
	}
	data, err := readPart(&zr.Reader, name)
	if err != nil {
		t.Fatalf("workbooktest: %s: %v", xlsxPath, err)
	}
	return data
}

// readPart returns the content of the zip entry name.
func readPart(zr *zip.Reader, name string) ([]byte, error) {
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer rc.Close()
		data, err := io.ReadAll(rc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return data, nil
	}
	return nil, fmt.Errorf("no part %s", name)
}

// sheetPart returns the name of the zip entry holding the worksheet named
// sheet.
func sheetPart(zr *zip.Reader, sheet string) (string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	data, err := readPart(zr, "xl/workbook.xml")
	if err != nil {
		return "", err
	}
	if err := xml.Unmarshal(data, &wb); err != nil {
		return "", fmt.Errorf("xl/workbook.xml: %w", err)
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if data, err = readPart(zr, "xl/_rels/workbook.xml.rels"); err != nil {
		return "", err
	}
	if err := xml.Unmarshal(data, &rels); err != nil {
		return "", fmt.Errorf("xl/_rels/workbook.xml.rels: %w", err)
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID != s.RID {
				continue
			}
			if strings.HasPrefix(r.Target, "/") {
				return strings.TrimPrefix(r.Target, "/"), nil
			}
			return path.Join("xl", r.Target), nil
		}
		return "", fmt.Errorf("sheet %q has no relationship %q", sheet, s.RID)
	}
	return "", fmt.Errorf("no sheet %q", sheet)
}

// RawCells returns the <c> elements of the worksheet named sheet in the xlsx
// file at path, by cell reference.
func RawCells(t testing.TB, xlsxPath, sheet string) map[string]RawCell {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(SheetXML(t, xlsxPath, sheet)))
	cells := map[string]RawCell{}
	var (
		cur    *RawCell
		inside string // "f", "v", "is" or "" while in a <c>
		inRPh  bool   // in a phonetic run of <is>, not part of the text
		inT    bool
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("workbooktest: %s: sheet %q: %v", xlsxPath, sheet, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch {
			case tok.Name.Local == "c":
				cur = &RawCell{}
				for _, a := range tok.Attr {
					switch a.Name.Local {
					case "r":
						cur.Ref = a.Value
					case "t":
						cur.Type = a.Value
					case "s":
						cur.Style, _ = strconv.Atoi(a.Value)
					}
				}
			case cur == nil:
			case tok.Name.Local == "f" && inside == "":
				inside, cur.HasFormula = "f", true
				for _, a := range tok.Attr {
					if a.Name.Local == "t" {
						cur.FormulaType = a.Value
					}
				}
			case tok.Name.Local == "v" && inside == "":
				inside, cur.HasV = "v", true
			case tok.Name.Local == "is" && inside == "":
				inside = "is"
			case tok.Name.Local == "rPh" && inside == "is":
				inRPh = true
			case tok.Name.Local == "t" && inside == "is" && !inRPh:
				inT = true
			}
		case xml.EndElement:
			switch {
			case cur == nil:
			case tok.Name.Local == "c":
				cells[cur.Ref] = *cur
				cur, inside = nil, ""
			case tok.Name.Local == inside:
				inside = ""
			case tok.Name.Local == "rPh":
				inRPh = false
			case tok.Name.Local == "t":
				inT = false
			}
		case xml.CharData:
			if cur == nil {
				break
			}
			switch {
			case inside == "f":
				cur.Formula += string(tok)
			case inside == "v":
				cur.V += string(tok)
			case inside == "is" && inT:
				cur.Inline += string(tok)
			}
		}
	}
	return cells
}
