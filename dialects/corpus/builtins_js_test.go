//go:build js

package corpus

// Under Node, the tests read the built-in dialect files from disk, as the app
// fetches them.
import _ "github.com/errlens/errlens/dialects/internal/jstest"
