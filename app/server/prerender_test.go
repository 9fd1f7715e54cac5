//go:build !wasm

package server

import (
	"io"
	"net/http/httptest"
	"regexp"
	"testing"
)

// TestPrerenderedPage: the page served before app.wasm starts takes input as
// it looks: no boolean attribute written "false" (which HTML reads as true:
// a read-only editor, every option selected, a ticked box), no "\n" shown
// as text.
func TestPrerenderedPage(t *testing.T) {
	h, err := New(repo)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, bad := range []string{`(checked|selected|readonly|disabled)="false"`, `placeholder="[^"]*\\n`} {
		if m := regexp.MustCompile(bad).Find(body); m != nil {
			t.Errorf("the prerendered page holds %s", m)
		}
	}
	if !regexp.MustCompile(`<textarea[^>]*id="input"`).Match(body) || regexp.MustCompile(`<textarea[^>]*readonly`).Match(body) {
		t.Errorf("the prerendered editor is missing or read-only")
	}
}
