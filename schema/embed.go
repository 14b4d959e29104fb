// Package schema embeds the JSON Schemas plancheck ships: the plan format
// (plan.schema.json), which editors use to check plan files as people type,
// and the result of eval --format json (result.schema.json), the machine
// contract. plancheck schema prints them, so that neither needs the
// repository at hand.
package schema

import (
	"embed"
	"fmt"
)

//go:embed plan.schema.json result.schema.json
var files embed.FS

// Names are the schemas by name, in the order plancheck schema lists them;
// the first is the default.
var Names = []string{"plan", "result"}

// Get returns the schema of the given name ("plan" or "result") as the file
// holds it.
func Get(name string) ([]byte, error) {
	for _, n := range Names {
		if n == name {
			return files.ReadFile(name + ".schema.json")
		}
	}
	return nil, fmt.Errorf("unknown schema %q", name)
}
