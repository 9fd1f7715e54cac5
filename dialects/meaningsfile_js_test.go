//go:build js

package dialects

import "os"

// Under Node, the tests read the meanings from disk, as the app fetches them.
func init() {
	b, err := os.ReadFile("meanings.json")
	if err == nil {
		err = UseMeanings(b)
	}
	if err != nil {
		panic(err)
	}
}
