//go:build js

package dialects

import "os"

// Under Node, the tests read the built-in dialect files from disk, as the app
// fetches them.
func init() {
	b, err := BundleBuiltins(os.DirFS("."))
	if err == nil {
		err = UseBuiltins(b)
	}
	if err != nil {
		panic(err)
	}
}
