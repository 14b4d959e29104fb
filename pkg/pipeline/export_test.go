package pipeline

import (
	"github.com/jlp-hrss/plancheck/pkg/actuals"
	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// ScanAsync is scanAsync, for the tests of the package's users' view.
func ScanAsync(path string, opts actuals.Options, sink actuals.RowSink) error {
	return scanAsync(path, opts, sink, msg.English)
}
