package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
)

// genVersion names the generator's output: change it whenever a change to the
// generator changes the bytes it writes, so that gen rewrites the files a
// manifest of an older version describes.
const genVersion = "bench-gen/1"

// The workbooks gen writes, relative to the data directory.
const (
	longSmall  = "long-1422.xlsx"
	longLarge  = "long-2844.xlsx"
	smallDir   = "small"
	smallCount = 1000
	manifest   = "manifest.json"
)

// unitsOf is the number of units in each long workbook.
var unitsOf = map[string]int{longSmall: 1422, longLarge: 2844}

// longRows is the number of rows of a long workbook of n units, header included.
func longRows(n int) int { return 1 + n*len(indicators)*(lastYear-firstYear+1) }

// smallName is the path of the i-th small workbook (1-based), relative to the
// data directory.
func smallName(i int) string { return filepath.Join(smallDir, fmt.Sprintf("%04d.xlsx", i)) }

// zipTime is the modification time of every zip entry: a fixed one, so that
// the same workbook is the same bytes whenever it is written.
var zipTime = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

func genMain(args []string) error {
	fl := flag.NewFlagSet("gen", flag.ContinueOnError)
	dir := fl.String("dir", defaultDir, "directory to write the workbooks to")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fl.Args())
	}
	return generate(*dir, os.Stdout)
}

// fileSum is what the manifest records of a file.
type fileSum struct {
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

type manifestFile struct {
	Generator string             `json:"generator"`
	Files     map[string]fileSum `json:"files"`
}

// generate writes every workbook that is not already in dir with the content
// the manifest of this generator version records, then rewrites the manifest.
// Checking a file costs a hash of it; writing the long workbooks costs a few
// seconds, the small ones a few more.
func generate(dir string, log io.Writer) error {
	if err := os.MkdirAll(filepath.Join(dir, smallDir), 0o755); err != nil {
		return err
	}
	old := manifestFile{Files: map[string]fileSum{}}
	if b, err := os.ReadFile(filepath.Join(dir, manifest)); err == nil {
		if json.Unmarshal(b, &old) != nil || old.Generator != genVersion {
			old = manifestFile{Files: map[string]fileSum{}}
		}
	}
	next := manifestFile{Generator: genVersion, Files: map[string]fileSum{}}
	// upToDate reports whether rel is present with the content recorded.
	upToDate := func(rel string) bool {
		want, ok := old.Files[rel]
		if !ok {
			return false
		}
		got, err := sumFile(filepath.Join(dir, rel))
		if err != nil || got != want {
			return false
		}
		next.Files[rel] = got
		return true
	}

	for _, rel := range []string{longSmall, longLarge} {
		if upToDate(rel) {
			fmt.Fprintf(log, "gen: %s is up to date\n", rel)
			continue
		}
		start := time.Now()
		path := filepath.Join(dir, rel)
		sheetSize, err := writeLong(path, unitsOf[rel])
		if err != nil {
			return err
		}
		sum, err := sumFile(path)
		if err != nil {
			return err
		}
		next.Files[rel] = sum
		fmt.Fprintf(log, "gen: wrote %s: %d units, %d rows, sheet XML %.1f MB, file %.1f MB, in %.1f s\n",
			rel, unitsOf[rel], longRows(unitsOf[rel]), float64(sheetSize)/1e6, float64(sum.Size)/1e6, time.Since(start).Seconds())
	}

	var todo []int
	for i := 1; i <= smallCount; i++ {
		if !upToDate(smallName(i)) {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		fmt.Fprintf(log, "gen: %s/0001.xlsx … %04d.xlsx are up to date\n", smallDir, smallCount)
	} else {
		start := time.Now()
		sums, err := writeSmalls(dir, todo)
		if err != nil {
			return err
		}
		for rel, s := range sums {
			next.Files[rel] = s
		}
		fmt.Fprintf(log, "gen: wrote %d small workbooks in %s/ in %.1f s\n", len(todo), smallDir, time.Since(start).Seconds())
	}

	b, err := json.MarshalIndent(next, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(dir, manifest), append(b, '\n'))
}

func sumFile(path string) (fileSum, error) {
	f, err := os.Open(path)
	if err != nil {
		return fileSum{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return fileSum{}, err
	}
	return fileSum{Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}, nil
}

// writeFileAtomic writes through a temporary file and a rename, so that an
// interrupted gen leaves no truncated workbook for the next one to trust.
func writeFileAtomic(path string, data []byte) error {
	return writeAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

func writeAtomic(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err = write(bw); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// The long sheet's columns. 区县, 指标, 单位, 年份, 数值 and 完成情况 are the
// columns plancheck reads; 所属地市 and 备注 are there because real
// exports have such columns, and they bring the sheet XML to the size of the
// issue's workbook (about 76 MB at 2,844 units), which is what a reader pays
// for.
var longHeader = []string{"所属地市", "区县", "指标", "单位", "年份", "数值", "完成情况", "备注"}

// sharedStrings is a workbook's string table, filled in the order strings are
// first used, as Excel and openpyxl fill theirs.
type sharedStrings struct {
	index map[string]int
	list  []string
	refs  int
}

func (s *sharedStrings) id(text string) int {
	s.refs++
	if i, ok := s.index[text]; ok {
		return i
	}
	i := len(s.list)
	s.index[text] = i
	s.list = append(s.list, text)
	return i
}

// writeLong writes a long-layout workbook of n units and returns the size of
// its sheet XML. The XML is written here rather than by excelize's
// StreamWriter because the StreamWriter writes text as inline strings, while
// the workbooks analysts send (Excel, WPS, openpyxl) keep text in the shared
// string table, which is what a reader has to resolve.
func writeLong(path string, n int) (int64, error) {
	var sheetSize int64
	err := writeAtomic(path, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		create := func(name string) (io.Writer, error) {
			return zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime})
		}
		for _, part := range []struct{ name, body string }{
			{"[Content_Types].xml", contentTypes},
			{"_rels/.rels", rootRels},
			{"docProps/app.xml", appProps},
			{"docProps/core.xml", coreProps},
			{"xl/workbook.xml", workbookXML},
			{"xl/_rels/workbook.xml.rels", workbookRels},
			{"xl/styles.xml", stylesXML},
		} {
			pw, err := create(part.name)
			if err != nil {
				return err
			}
			if _, err := io.WriteString(pw, part.body); err != nil {
				return err
			}
		}
		sw, err := create("xl/worksheets/sheet1.xml")
		if err != nil {
			return err
		}
		cw := &countWriter{w: sw}
		bw := bufio.NewWriterSize(cw, 1<<20)
		sst := &sharedStrings{index: map[string]int{}}
		if err := writeLongSheet(bw, n, sst); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		sheetSize = cw.n
		ssw, err := create("xl/sharedStrings.xml")
		if err != nil {
			return err
		}
		if err := writeSharedStrings(ssw, sst); err != nil {
			return err
		}
		return zw.Close()
	})
	return sheetSize, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// unitsPerCity is how many county-level units a 所属地市 groups.
const unitsPerCity = 12

func writeLongSheet(w *bufio.Writer, n int, sst *sharedStrings) error {
	names := unitNames(n)
	rows := longRows(n)
	lastCol := colName(len(longHeader))
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+
		`<dimension ref="A1:%s%d"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`+
		`<sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="2" width="14" customWidth="1"/><col min="3" max="3" width="60" customWidth="1"/><col min="8" max="8" width="24" customWidth="1"/></cols><sheetData>`,
		lastCol, rows)
	spans := fmt.Sprintf(` spans="1:%d"`, len(longHeader))
	var b []byte
	row := func(r int) {
		b = append(b, `<row r="`...)
		b = strconv.AppendInt(b, int64(r), 10)
		b = append(b, '"')
		b = append(b, spans...)
		b = append(b, '>')
	}
	ref := func(col string, r int) {
		b = append(b, `<c r="`...)
		b = append(b, col...)
		b = strconv.AppendInt(b, int64(r), 10)
		b = append(b, '"')
	}
	str := func(col string, r int, style int, text string) {
		ref(col, r)
		if style > 0 {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(style), 10)
			b = append(b, '"')
		}
		b = append(b, ` t="s"><v>`...)
		b = strconv.AppendInt(b, int64(sst.id(text)), 10)
		b = append(b, `</v></c>`...)
	}
	number := func(col string, r int, v string) {
		ref(col, r)
		b = append(b, `><v>`...)
		b = append(b, v...)
		b = append(b, `</v></c>`...)
	}

	row(1)
	for i, h := range longHeader {
		str(colName(i+1), 1, 1, h)
	}
	b = append(b, `</row>`...)
	r := 1
	for u := 0; u < n; u++ {
		city := names[u-u%unitsPerCity]
		city = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(city, "自治县"), "县"), "区"), "旗")
		city = strings.TrimSuffix(city, "市") + "市"
		for i, d := range indicators {
			// The share of values written as "—" (no data).
			s := values(u, i, 0.004)
			extra := newRNG(seed, uint64(u)+1, uint64(i)+1, 0x65787472)
			for k := range s.text {
				y := firstYear + k
				r++
				row(r)
				str("A", r, 0, city)
				str("B", r, 0, names[u])
				str("C", r, 0, d.name)
				str("D", r, 0, d.unit)
				number("E", r, strconv.Itoa(y))
				if s.numeric[k] {
					number("F", r, s.text[k])
				} else {
					str("F", r, 0, s.text[k])
				}
				if y == evalYear && extra.float() < 0.4 {
					str("G", r, 0, writtenStatus(extra, d, s))
				}
				if extra.float() < 0.2 {
					str("H", r, 0, remarks[extra.intn(len(remarks))])
				}
				b = append(b, `</row>`...)
				if len(b) > 64<<10 {
					if _, err := w.Write(b); err != nil {
						return err
					}
					b = b[:0]
				}
			}
		}
	}
	b = append(b, `</sheetData><autoFilter ref="A1:`...)
	b = append(b, lastCol...)
	b = strconv.AppendInt(b, int64(rows), 10)
	b = append(b, `"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`...)
	_, err := w.Write(b)
	return err
}

// colName is the letters of a 1-based column number (up to 26 columns here).
func colName(c int) string { return string(rune('A' + c - 1)) }

func writeSharedStrings(w io.Writer, sst *sharedStrings) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, sst.refs, len(sst.list))
	for _, s := range sst.list {
		bw.WriteString(`<si><t>`)
		if err := xmlEscape(bw, s); err != nil {
			return err
		}
		bw.WriteString(`</t></si>`)
	}
	bw.WriteString(`</sst>`)
	return bw.Flush()
}

func xmlEscape(w *bufio.Writer, s string) error {
	for _, r := range s {
		switch r {
		case '<':
			w.WriteString("&lt;")
		case '>':
			w.WriteString("&gt;")
		case '&':
			w.WriteString("&amp;")
		default:
			w.WriteRune(r)
		}
	}
	return nil
}

// The fixed parts of the long workbook, as a minimal Excel 2007+ package.
const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	appProps = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application></Properties>`
	coreProps = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>plancheck bench</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-01-02T03:04:05Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-02T03:04:05Z</dcterms:modified></cp:coreProperties>`
	workbookXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews><sheets><sheet name="各区县指标" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`
	workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
	// Style 1 is the header's bold font.
	stylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
)

// writeSmalls writes the small workbooks numbered todo, two at a time (the
// machine has two cores), and returns their sums by relative path.
func writeSmalls(dir string, todo []int) (map[string]fileSum, error) {
	var (
		mu   sync.Mutex
		sums = map[string]fileSum{}
		errs []error
		wg   sync.WaitGroup
		next = make(chan int)
	)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				rel := smallName(i)
				data, err := smallWorkbook(i)
				if err == nil {
					err = writeFileAtomic(filepath.Join(dir, rel), data)
				}
				sum := sha256.Sum256(data)
				mu.Lock()
				if err != nil {
					errs = append(errs, fmt.Errorf("%s: %w", rel, err))
				} else {
					sums[rel] = fileSum{Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:])}
				}
				mu.Unlock()
			}
		}()
	}
	for _, i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	return sums, errors.Join(errs...)
}

// smallWorkbook is the i-th small workbook: a district's 专栏2 table as an
// analyst keeps it (a title row, a blank row, the header, group rows, the 23
// indicator rows named as printed with the unit in brackets, a note row),
// with actuals for 2021–2023 that differ from workbook to workbook. It is
// written by excelize in the ordinary way, as the small workbooks plancheck
// meets are written by ordinary tools.
func smallWorkbook(i int) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "专栏2"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	var err error
	set := func(cell string, v any) {
		if err == nil {
			err = f.SetCellValue(sheet, cell, v)
		}
	}
	r := newRNG(seed, 0x736d616c6c, uint64(i))
	unit := 1_000_000 + i // value streams apart from the long workbooks'
	name := unitNames(1 + i%64)[i%64]
	set("A1", fmt.Sprintf("%s人力社保“十四五”规划主要指标完成情况（%d年）", name, evalYear))
	if err := f.MergeCell(sheet, "A1", "F1"); err != nil {
		return nil, err
	}
	for c, h := range []string{"指标", "属性", "2021年", "2022年", "2023年", "完成情况"} {
		set(fmt.Sprintf("%c3", 'A'+c), h)
	}
	row, group := 4, ""
	for k, d := range indicators {
		if d.group != group {
			group = d.group
			set(fmt.Sprintf("A%d", row), group)
			row++
		}
		s := values(unit, k, 0.01)
		set(fmt.Sprintf("A%d", row), fmt.Sprintf("%d.%s（%s）", k+1, d.name, d.unit))
		set(fmt.Sprintf("B%d", row), d.attr)
		for y := firstYear; y <= evalYear; y++ {
			cell := fmt.Sprintf("%c%d", 'C'+y-firstYear, row)
			if t := s.text[y-firstYear]; s.numeric[y-firstYear] {
				v, _ := strconv.ParseFloat(t, 64)
				set(cell, v)
			} else {
				set(cell, t)
			}
		}
		if r.float() < 0.7 {
			set(fmt.Sprintf("F%d", row), writtenStatus(r, d, s))
		}
		row++
	}
	set(fmt.Sprintf("A%d", row+1), "注：[]内为五年累计值。")
	if err != nil {
		return nil, err
	}
	if err := f.SetColWidth(sheet, "A", "A", 60); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
