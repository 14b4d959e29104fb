//go:build !race

package main

// hostileFullSize is false under -race, where building the largest hostile
// workbooks in the test process takes minutes: see TestHostileWorkbooks.
const hostileFullSize = true
