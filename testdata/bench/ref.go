package main

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// refMain is the reference loop of the issue: excelize.OpenFile, f.Rows on
// the first sheet, then Next and Columns with default options on every row
// and nothing else. It runs as its own process so that its wall time and peak
// RSS are measured exactly as plancheck's are. It prints the number of rows,
// which run checks, so that a loop that stopped early is not taken for a fast
// one.
func refMain(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: bench ref FILE")
	}
	f, err := excelize.OpenFile(args[0])
	if err != nil {
		return err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return fmt.Errorf("%s: no sheets", args[0])
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return err
	}
	n := 0
	for rows.Next() {
		if _, err := rows.Columns(); err != nil {
			return err
		}
		n++
	}
	if err := rows.Error(); err != nil {
		return err
	}
	if err := rows.Close(); err != nil {
		return err
	}
	fmt.Printf("rows %d\n", n)
	return nil
}
