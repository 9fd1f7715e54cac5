//go:build !js

package dialects

import "embed"

//go:embed builtin/*.json
var builtinFiles embed.FS

// BuiltinsFile is the built-in dialect files as one JSON object, each file by
// its id: native builds read it at start and serve it to the app
// (web/dialects.json).
var BuiltinsFile = func() []byte {
	b, err := BundleBuiltins(builtinFiles)
	if err != nil {
		panic(err)
	}
	return b
}()

func init() {
	if err := UseBuiltins(BuiltinsFile); err != nil {
		panic(err)
	}
}
