//go:build !js

package share

import _ "embed"

// RulesFile is secretrules.json, built into native builds (the CLI, the
// server, the tests), which serve it to the app.
//
//go:embed secretrules.json
var RulesFile []byte

func init() { builtIn = RulesFile }
