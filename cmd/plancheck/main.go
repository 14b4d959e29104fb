// Command plancheck evaluates the progress of a five-year plan's indicators
// from the analysts' actuals workbook. See the README.
package main

import (
	"os"

	"github.com/jlp-hrss/plancheck/pkg/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
