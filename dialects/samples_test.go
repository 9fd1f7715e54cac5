//go:build !js

package dialects

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryDialectHasExamples keeps the registry and testdata in step: every
// dialect has several real examples, one of them in the app's gallery.
func TestEveryDialectHasExamples(t *testing.T) {
	for _, d := range All() {
		files, _ := filepath.Glob("testdata/" + d.ID + "/*.http")
		if len(files) < 2 || len(d.Samples()) != 1 {
			t.Errorf("%s has %d examples in testdata/%s and %d in the gallery, want at least 2 and 1", d.ID, len(files), d.ID, len(d.Samples()))
		}
		if d.Name == "" || d.Description == "" {
			t.Errorf("%s lacks a name or description", d.ID)
		}
		if d.Spec == "" && !strings.HasPrefix(d.Samples()[0].Name, "seed") {
			t.Errorf("%s has no spec link", d.ID)
		}
	}
}
