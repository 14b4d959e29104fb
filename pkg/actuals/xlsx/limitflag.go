package xlsx

import (
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/jlp-hrss/plancheck/pkg/msg"
)

// LimitNames are the names Set takes: the fields of Limits, sorted.
func LimitNames() []string {
	t := reflect.TypeFor[Limits]()
	names := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		names = append(names, t.Field(i).Name)
	}
	sort.Strings(names)
	return names
}

// Set sets the limit named name (a field of Limits, in any case:
// MaxFileSize, maxrows) from value: a whole number, with _ or , between
// digits allowed and, for a size, a KiB, MiB or GiB after it (512MiB). A
// value must be above zero; a limit is raised or lowered for one run
// (plancheck eval --limit MaxFileSize=1GiB).
func (l *Limits) Set(name, value string) error {
	v := reflect.ValueOf(l).Elem()
	var field reflect.Value
	for i := range v.NumField() {
		if strings.EqualFold(v.Type().Field(i).Name, name) {
			field, name = v.Field(i), v.Type().Field(i).Name
		}
	}
	if !field.IsValid() {
		return msg.Errorf("limit.unknown", msg.Quoted(name), strings.Join(LimitNames(), ", "))
	}
	n, ok := parseSize(value)
	if !ok || n <= 0 {
		return msg.Errorf("limit.value", msg.Quoted(value), name)
	}
	if field.Kind() == reflect.Int && n > math.MaxInt32 {
		return msg.Errorf("limit.value", msg.Quoted(value), name)
	}
	if most, ok := limitCeilings[name]; ok && n > most {
		return msg.Errorf("limit.above", name, most)
	}
	field.SetInt(n)
	return nil
}

// limitCeilings are the most a limit may be raised to: a reading's row
// number shares its int32 with the sheet's index above bit 21, columns
// beyond Excel's are not read, and shared strings are indexed by 32 bits.
var limitCeilings = map[string]int64{"MaxRows": 1<<21 - 1, "MaxCols": 16384, "MaxSharedStringBytes": 1<<32 - 1}

// parseSize reads 512MiB, 1_000_000 or 2,000,000.
func parseSize(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	mult := int64(1)
	for suffix, m := range map[string]int64{"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30} {
		if rest, ok := strings.CutSuffix(s, suffix); ok {
			s, mult = strings.TrimSpace(rest), m
			break
		}
	}
	s = strings.NewReplacer("_", "", ",", "").Replace(s)
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n > math.MaxInt64/mult {
		return 0, false
	}
	return n * mult, true
}
