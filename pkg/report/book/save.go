package book

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// SaveWorkbook writes f so that the same workbook gives the same bytes every
// time: excelize orders [Content_Types].xml from a map once charts are added,
// so that part is rewritten in a sorted order; the parts are in one order
// (see saveWorkbook), and every zip entry keeps excelize's fixed (zero)
// timestamp. It is the only way plancheck saves a
// workbook.
func SaveWorkbook(f *excelize.File, w io.Writer) error {
	return saveWorkbook(f, nil, w)
}

// saveWorkbook is SaveWorkbook that also mends the parts of the streamed
// sheets named in drawn, which hold a drawing (see relationshipPrefix).
func saveWorkbook(f *excelize.File, drawn []string, w io.Writer) error {
	buf, err := f.WriteToBuffer()
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	parts, err := sheetParts(zr, drawn)
	if err != nil {
		return err
	}
	// excelize writes its parts in reverse order of name, but the parts of
	// streamed sheets first, in the order of a map: each part goes where
	// the reverse order puts it (a workbook without a streamed sheet keeps
	// its order).
	entries := slices.Clone(zr.File)
	slices.SortStableFunc(entries, func(a, b *zip.File) int { return strings.Compare(b.Name, a.Name) })
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, entry := range entries {
		if entry.Name != "[Content_Types].xml" && !parts[entry.Name] && entry.Method == zip.Deflate {
			// A part kept as excelize wrote it is copied compressed: the
			// same deflate, at the same level, of the same bytes.
			if err := copyRaw(zw, entry); err != nil {
				return err
			}
			continue
		}
		rc, err := entry.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if entry.Name == "[Content_Types].xml" {
			if data, err = sortContentTypes(data); err != nil {
				return fmt.Errorf("[Content_Types].xml: %w", err)
			}
		}
		if parts[entry.Name] {
			data = bytes.ReplaceAll(data, relationshipPrefix, []byte("r:"))
		}
		hdr := &zip.FileHeader{Name: entry.Name, Method: zip.Deflate}
		fw, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	_, err = w.Write(out.Bytes())
	return err
}

// copyRaw copies a zip entry as it is compressed, under the header every
// entry of a saved workbook has (its name, deflate, no time).
func copyRaw(zw *zip.Writer, entry *zip.File) error {
	raw, err := entry.OpenRaw()
	if err != nil {
		return err
	}
	fw, err := zw.CreateRaw(&zip.FileHeader{Name: entry.Name, Method: zip.Deflate, Flags: entry.Flags,
		CreatorVersion: 20, ReaderVersion: 20, // as CreateHeader writes them
		CRC32: entry.CRC32, CompressedSize64: entry.CompressedSize64, UncompressedSize64: entry.UncompressedSize64})
	if err != nil {
		return err
	}
	_, err = io.Copy(fw, raw)
	return err
}

// contentTypes is [Content_Types].xml.
type contentTypes struct {
	XMLName   xml.Name     `xml:"http://schemas.openxmlformats.org/package/2006/content-types Types"`
	Defaults  []ctDefault  `xml:"Default"`
	Overrides []ctOverride `xml:"Override"`
}

type ctDefault struct {
	Extension   string `xml:"Extension,attr"`
	ContentType string `xml:"ContentType,attr"`
}

type ctOverride struct {
	PartName    string `xml:"PartName,attr"`
	ContentType string `xml:"ContentType,attr"`
}

func sortContentTypes(data []byte) ([]byte, error) {
	var ct contentTypes
	if err := xml.Unmarshal(data, &ct); err != nil {
		return nil, err
	}
	sort.Slice(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	sort.Slice(ct.Overrides, func(i, j int) bool { return ct.Overrides[i].PartName < ct.Overrides[j].PartName })
	out, err := xml.Marshal(ct)
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), out...), nil
}

// printLayout is how one worksheet prints: on A4 (the paper of Chinese
// offices; LibreOffice takes US Letter for a sheet whose page setup names no
// paper), one page wide, with narrow margins, the header rows on every page
// and a footer that says which plan the page belongs to.
type printLayout struct {
	// landscape is for tables too wide to print at a readable size upright.
	landscape bool
	// titleRows repeat on every page (rows 1 to titleRows); 0 for none.
	titleRows int
	// lastCol and lastRow end the print area, which starts at A1: what
	// lies outside it (nothing, today) never prints.
	lastCol, lastRow int
	// plan names the plan and version in the footer's left part.
	plan string
	lang Lang
}

// Page setup values (OOXML): paper size 9 is A4; margins are in inches.
const (
	printPaperA4      = 9
	printMarginSide   = 0.25
	printMarginTop    = 0.4
	printMarginBottom = 0.55
	printMarginHeader = 0.2
	printMarginFooter = 0.25
)

// setPrintLayout gives sheet its page setup. The footer's date is Excel's
// own field (&D), filled in when the page is printed: a date written here
// would make the same inputs give different bytes on different days.
func setPrintLayout(f *excelize.File, sheet string, p printLayout) error {
	orientation, size, oneWide, anyTall := "portrait", printPaperA4, 1, 0
	if p.landscape {
		orientation = "landscape"
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &oneWide, FitToHeight: &anyTall,
	}); err != nil {
		return err
	}
	// Excel applies fitToWidth only with the sheet's fitToPage property set.
	fitToPage := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fitToPage}); err != nil {
		return err
	}
	side, top, bottom, header, footer := printMarginSide, printMarginTop, printMarginBottom, printMarginHeader, printMarginFooter
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &top, Bottom: &bottom, Header: &header, Footer: &footer,
	}); err != nil {
		return err
	}
	// & starts a field code in a footer; && is a literal ampersand.
	plan := strings.ReplaceAll(p.plan, "&", "&&")
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&L" + plan + " · &A" +
			p.lang.T("book.footer-page"),
	}); err != nil {
		return err
	}
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	if p.titleRows > 0 {
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("%s!$1:$%d", quoted, p.titleRows), Scope: sheet,
		}); err != nil {
			return err
		}
	}
	lastCol, err := excelize.ColumnNumberToName(max(p.lastCol, 1))
	if err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", quoted, lastCol, max(p.lastRow, 1)), Scope: sheet,
	})
}

// relationshipPrefix is how excelize's StreamWriter writes the r:id of a
// sheet's <drawing>: it encodes the element on its own, so Go's XML encoder
// declares the namespace again under a prefix of its own. That is valid XML,
// but not what excelize writes for a sheet it does not stream, nor what
// other producers write: excelize's own writer makes the same replacement
// (replaceRelationshipsBytes).
var relationshipPrefix = []byte(`xmlns:relationships="http://schemas.openxmlformats.org/officeDocument/2006/relationships" relationships:`)

// sheetParts are the parts of the named sheets, by the sheets of
// xl/workbook.xml and their relationships.
func sheetParts(zr *zip.Reader, sheets []string) (map[string]bool, error) {
	if len(sheets) == 0 {
		return nil, nil
	}
	read := func(name string, v any) error {
		rc, err := zr.Open(name)
		if err != nil {
			return err
		}
		defer rc.Close()
		if err := xml.NewDecoder(rc).Decode(v); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := read("xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := read("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := strings.TrimPrefix(r.Target, "/")
		if !strings.HasPrefix(t, "xl/") {
			t = "xl/" + t
		}
		target[r.ID] = t
	}
	parts := map[string]bool{}
	for _, sh := range wb.Sheets {
		if slices.Contains(sheets, sh.Name) {
			part, ok := target[sh.RID]
			if !ok {
				return nil, fmt.Errorf("xl/workbook.xml: sheet %q has no part", sh.Name)
			}
			parts[part] = true
		}
	}
	if len(parts) != len(sheets) {
		return nil, fmt.Errorf("a sheet the workbook does not have: %q", sheets)
	}
	return parts, nil
}
