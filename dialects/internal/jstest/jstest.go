//go:build js

// Package jstest gives the core's tests under Node (GOOS=js) the data files
// app.wasm fetches beside itself, read from the source tree.
package jstest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
)

// Builtins returns the built-in dialect files as dialects.UseBuiltins reads
// them, from dialects/builtin above the test's directory.
func Builtins() []byte {
	dir := "builtin"
	for i := 0; i < 4; i++ {
		if _, err := os.Stat(filepath.Join(dir, "error-object.json")); err == nil {
			break
		}
		dir = filepath.Join("..", dir)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	files := map[string]json.RawMessage{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			panic(err)
		}
		files[strings.TrimSuffix(filepath.Base(p), ".json")] = b
	}
	b, err := json.Marshal(files)
	if err != nil {
		panic(err)
	}
	return b
}
