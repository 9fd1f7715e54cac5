//go:build !wasm

package server

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserUpdate: a new deploy (another app.wasm, so another version)
// reaches a user who has the app open: reloading installs it in the
// background and the page offers "Reload".
func TestBrowserUpdate(t *testing.T) {
	need(t)
	v1, err := New(repo)
	if err != nil {
		t.Fatal(err)
	}
	// The second deploy: the same app with a custom section appended to
	// app.wasm, which changes its hash and nothing else.
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Join(repo, "web"))
	for _, e := range entries {
		if !e.IsDir() && filepath.Ext(e.Name()) != ".br" && filepath.Ext(e.Name()) != ".gz" {
			if err := copyFile(filepath.Join(repo, "web", e.Name()), filepath.Join(dir, "web", e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
	f, err := os.OpenFile(filepath.Join(dir, "web", "app.wasm"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte{0, 8, 7, 'e', 'r', 'r', 'l', 'e', 'n', 's'}) // custom section "errlens", empty
	f.Close()
	v2, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	var current atomic.Value
	current.Store(v1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		current.Load().(http.Handler).ServeHTTP(w, r)
	}))
	defer srv.Close()

	tb := newTab(t, startBrowser(t), srv.URL+"/")
	tb.wait(t, `navigator.serviceWorker.controller !== null`)
	if n := len(tb.all(t, `.update`, "class")); n != 0 {
		t.Fatal("an update is offered before any deploy")
	}
	current.Store(v2)
	tb.run(t, chromedp.Reload())
	tb.wait(t, `document.querySelector('.update button')`)
	tb.screenshot(t, "update-available")
}
