package book

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// SaveWorkbook writes f so that the same workbook gives the same bytes every
// time: excelize orders [Content_Types].xml from a map once charts are added,
// so that part is rewritten in a sorted order, and every zip entry keeps
// excelize's fixed (zero) timestamp. It is the only way plancheck saves a
// workbook.
func SaveWorkbook(f *excelize.File, w io.Writer) error {
	buf, err := f.WriteToBuffer()
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, entry := range zr.File {
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
