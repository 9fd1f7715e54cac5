//go:build js

// Package jstest gives dialects, when the core's tests run under Node
// (GOOS=js), the built-in dialect files app.wasm fetches beside itself, read
// from the source tree: a test package imports it for that alone.
package jstest

import (
	"os"
	"path/filepath"

	"github.com/errlens/errlens/dialects"
)

func init() {
	dir := "."
	for i := 0; i < 4 && !exists(filepath.Join(dir, "builtin", "error-object.json")); i++ {
		dir = filepath.Join("..", dir)
	}
	b, err := dialects.BundleBuiltins(os.DirFS(dir))
	if err == nil {
		err = dialects.UseBuiltins(b)
	}
	if err != nil {
		panic(err)
	}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
