//go:build js

package retry

// Under Node, the tests read the built-in dialect files from disk, as the app
// fetches them.
import _ "github.com/errlens/errlens/dialects/internal/jstest"
