// Package plans embeds the plan files shipped with plancheck, one YAML file per
// plan version, named ID.vVERSION.yaml.
package plans

import "embed"

// FS holds every plan file of this folder.
//
//go:embed *.yaml
var FS embed.FS
