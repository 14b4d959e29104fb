package book_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/report/book"

	"github.com/xuri/excelize/v2"
)

// chartBook makes a workbook with two charts, which is what makes excelize's
// [Content_Types].xml order vary between runs.
func chartBook(t *testing.T) *excelize.File {
	t.Helper()
	f := excelize.NewFile()
	for i, v := range []float64{1, 2, 3} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, at := range []string{"C1", "C20"} {
		if err := f.AddChart("Sheet1", at, &excelize.Chart{Type: excelize.Bar,
			Series: []excelize.ChartSeries{{Name: "s", Values: "Sheet1!$A$1:$A$3"}}}); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func TestSaveWorkbookIsDeterministic(t *testing.T) {
	var first []byte
	for i := 0; i < 8; i++ {
		var buf bytes.Buffer
		if err := book.SaveWorkbook(chartBook(t), &buf); err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = buf.Bytes()
			continue
		}
		if !bytes.Equal(first, buf.Bytes()) {
			t.Fatalf("run %d wrote different bytes", i)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "[Content_Types].xml" {
			continue
		}
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		s := string(data)
		if !strings.Contains(s, `PartName="/xl/charts/chart1.xml"`) ||
			strings.Index(s, "/xl/charts/chart1.xml") > strings.Index(s, "/xl/charts/chart2.xml") {
			t.Errorf("content types not sorted:\n%s", s)
		}
	}
	// the result is a workbook excelize opens again
	if _, err := excelize.OpenReader(bytes.NewReader(first)); err != nil {
		t.Fatal(err)
	}
}
