package xlsx

import (
	"strings"
	"testing"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// TestLimitsSet: --limit's NAME=VALUE, any case, sizes with KiB/MiB/GiB and
// digit separators; unknown names, bad values and values over what the
// reader can hold are errors naming them.
func TestLimitsSet(t *testing.T) {
	l := DefaultLimits()
	for name, value := range map[string]string{"MaxFileSize": "1GiB", "maxrows": "2,000,000", "MaxZipEntries": "20_000", "MaxCellBytes": "64KiB"} {
		if err := l.Set(name, value); err != nil {
			t.Errorf("Set(%s, %s): %v", name, value, err)
		}
	}
	if l.MaxFileSize != 1<<30 || l.MaxRows != 2_000_000 || l.MaxZipEntries != 20_000 || l.MaxCellBytes != 64<<10 {
		t.Errorf("limits %+v", l)
	}
	for _, tc := range []struct{ name, value, want string }{
		{"Bogus", "1", `no limit named "Bogus" (there are: MaxCalcDepth,`},
		{"MaxRows", "x", `"x" is no value for MaxRows`},
		{"MaxRows", "0", `"0" is no value for MaxRows`},
		{"MaxRows", "-5", `"-5" is no value for MaxRows`},
		{"MaxRows", "3000000", "MaxRows is at most 2097151"},
		{"MaxCellBytes", "3GiB", `"3GiB" is no value for MaxCellBytes`},
		{"MaxSharedStringBytes", "8GiB", "MaxSharedStringBytes is at most 4294967295"},
		{"MaxFileSize", "99999999999GiB", `"99999999999GiB" is no value for MaxFileSize`},
	} {
		err := l.Set(tc.name, tc.value)
		if err == nil || !strings.Contains(msg.Text(err, msg.English), tc.want) {
			t.Errorf("Set(%s, %s): %v, want %q", tc.name, tc.value, err, tc.want)
		}
	}
}
