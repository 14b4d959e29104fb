package actuals

import (
	"fmt"
	"testing"
)

// TestSpill: past spillAfter reporting units, the readings of the units the
// rows have moved past are parked in a temporary file and read back intact,
// also when a unit comes back later in the table (not sorted by unit): its
// new value is added, and a second value for a year it already has is still
// reported with the first value's cell.
func TestSpill(t *testing.T) {
	rows := [][]any{{"区县", "指标", "年份", "数值"}}
	units := spillAfter + 50
	for u := range units {
		for y := 2021; y <= 2023; y++ {
			rows = append(rows, []any{fmt.Sprintf("县%03d", u), "城镇调查失业率", y, float64(u) + float64(y-2020)/10})
		}
	}
	rows = append(rows,
		[]any{"县300", "城镇调查失业率", 2024, 9.9}, // back to a parked unit
		[]any{"县280", "城镇调查失业率", 2022, 1.0}, // a second 2022 value, for a parked unit
	)
	// Units 0 to spillAfter-1 never leave memory; those after are parked as
	// the rows move past them, so 县300 and 县280 are read back.
	const back, dup = 300, 280
	mt := NewMatcher(&tableOf(t, grid(rows...)).Header, plan14(t), Options{})
	defer mt.Close()
	for _, r := range tableOf(t, grid(rows...)).Rows {
		mt.Row(r)
	}
	// The duplicate is row 1 + 306×3 + 2; the first 2022 value of 县280 is
	// row 2 + 280×3 + 1.
	err := mt.Finish()
	want := fmt.Sprintf(`2023.xlsx: 表1!D%d: "1": a second value for 城镇调查失业率 in 2022 for 县%d (the first is 表1!D%d)`, 1+units*3+2, dup, 2+dup*3+1)
	if err == nil || err.Error() != want {
		t.Errorf("duplicate across the spill:\n got %v\nwant %s", err, want)
	}
	if mt.spill == nil {
		t.Fatal("nothing was parked")
	}
	ind := mt.indIndex[mt.m.byName["城镇调查失业率"]]
	for u := range units {
		got := mt.Readings(u, ind)
		want := 3
		if u == back {
			want = 4
		}
		if len(got) != want {
			t.Fatalf("unit %d: %d readings, want %d", u, len(got), want)
		}
		for i, r := range got[:3] {
			if r.Year() != 2021+i || r.Number != float64(u)+float64(i+1)/10 || r.Kind() != Amount || r.Row != int32(2+u*3+i) {
				t.Errorf("unit %d: reading %d is %+v (year %d)", u, i, r, r.Year())
			}
		}
	}
	if r := mt.Readings(back, ind)[3]; r.Year() != 2024 || r.Number != 9.9 {
		t.Errorf("the value added to a parked unit: %+v", r)
	}
}

// TestReadingsPastSlots: a wide table whose year columns run past the plan's
// period holds more readings for an indicator than its block has slots; the
// rest are kept aside and come back after the others, in row order, also for
// a parked unit.
func TestReadingsPastSlots(t *testing.T) {
	header := []any{"区县", "指标"}
	for y := 2016; y <= 2025; y++ {
		header = append(header, fmt.Sprint(y))
	}
	rows := [][]any{header}
	units := spillAfter + 2
	for u := range units {
		row := []any{fmt.Sprintf("县%03d", u), "城镇调查失业率"}
		for y := 2016; y <= 2025; y++ {
			row = append(row, float64(u)+float64(y-2015)/100)
		}
		rows = append(rows, row)
	}
	mt := NewMatcher(&tableOf(t, grid(rows...)).Header, plan14(t), Options{})
	defer mt.Close()
	for _, r := range tableOf(t, grid(rows...)).Rows {
		mt.Row(r)
	}
	if err := mt.Finish(); err != nil {
		t.Fatal(err)
	}
	if mt.slots >= 10 {
		t.Fatalf("%d slots: the test needs more years than slots", mt.slots)
	}
	ind := mt.indIndex[mt.m.byName["城镇调查失业率"]]
	for _, u := range []int{0, spillAfter} { // in memory; parked
		got := mt.Readings(u, ind)
		if len(got) != 10 {
			t.Fatalf("unit %d: %d readings, want 10", u, len(got))
		}
		for i, r := range got {
			if r.Year() != 2016+i || r.Number != float64(u)+float64(i+1)/100 || r.Col != uint16(3+i) {
				t.Errorf("unit %d: reading %d is %+v (year %d)", u, i, r, r.Year())
			}
		}
	}
}
