//go:build js

package dialects

import "github.com/errlens/errlens/dialects/internal/jstest"

// Under Node, the tests read the built-in dialect files from disk, as the app
// fetches them.
func init() {
	if err := UseBuiltins(jstest.Builtins()); err != nil {
		panic(err)
	}
}
