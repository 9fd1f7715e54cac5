//go:build !js

package dialects

import (
	"embed"
	"encoding/json"
	"strings"
)

//go:embed builtin/*.json
var builtinFiles embed.FS

// BuiltinsFile is the built-in dialect files as one JSON object, each file by
// its id: native builds read it at start and serve it to the app
// (web/dialects.json).
var BuiltinsFile = func() []byte {
	files := map[string]json.RawMessage{}
	entries, _ := builtinFiles.ReadDir("builtin")
	for _, e := range entries {
		b, err := builtinFiles.ReadFile("builtin/" + e.Name())
		if err != nil {
			panic(err)
		}
		files[strings.TrimSuffix(e.Name(), ".json")] = b
	}
	b, err := json.Marshal(files)
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
