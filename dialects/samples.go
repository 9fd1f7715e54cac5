//go:build !js

package dialects

import (
	"embed"
	"strings"
)

// The gallery's examples: in testdata/<id>/, among the examples the tests
// decode, those named *.gallery.http. Native builds embed them; app.wasm does
// not: the server serves them beside it (web/gallery.json), and the app
// fetches them when an example is loaded.
//
//go:embed testdata/*/*.gallery.http
var samples embed.FS

// Sample is an example response of a dialect, from its documentation.
type Sample struct {
	Name  string // from the file name: "seed 003 validation"
	Input string // the response as a developer would paste it
}

// Samples returns the dialect's gallery examples, in name order.
func (d *Dialect) Samples() []Sample {
	dir := "testdata/" + d.ID
	entries, _ := samples.ReadDir(dir) // sorted by name
	out := make([]Sample, 0, len(entries))
	for _, e := range entries {
		b, err := samples.ReadFile(dir + "/" + e.Name())
		if err != nil {
			continue
		}
		name := strings.ReplaceAll(strings.TrimSuffix(e.Name(), ".gallery.http"), "-", " ")
		out = append(out, Sample{Name: name, Input: string(b)})
	}
	return out
}
