//go:build !js

package dialects

import _ "embed"

// MeaningsFile is meanings.json, built into native builds (the CLI, the
// server, the tests), which serve it to the app.
//
//go:embed meanings.json
var MeaningsFile []byte

func init() { builtInMeanings = MeaningsFile }
