//go:build race

package xlsx

// raceEnabled is set in -race builds, which are several times slower: the
// time bounds of the measurement tests hold only without it.
const raceEnabled = true
