//go:build !wasm

package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/errlens/errlens/dialects/share"
)

// TestBrowserEarlyInput: what is typed, dropped or picked while app.wasm is
// still loading is what the app shows when it starts, never the remembered
// input, in 20 runs of 20; and what the app remembers has its secrets
// redacted.
func TestBrowserEarlyInput(t *testing.T) {
	need(t)
	h, err := New(repo)
	if err != nil {
		t.Fatal(err)
	}
	// app.wasm arrives late, so every run acts while the app loads.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "app.wasm") {
			time.Sleep(700 * time.Millisecond)
		}
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	browser := startBrowser(t)
	examples := []struct{ file, dialect string }{
		{"stripe/card-declined.gallery.http", "stripe"},
		{"slack/channel-not-found.http", "slack"},
		{"jsonapi/spec-multiple.gallery.http", "jsonapi"},
	}
	dir := t.TempDir()
	for run := 0; run < 20; run++ {
		ex := examples[run%len(examples)]
		text := mustRead(t, ex.file)
		how := []string{"typed", "dropped", "picked", "pasted"}[run%4]
		ctx, cancel := chromedp.NewContext(browser)
		ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
		tb := &tab{ctx: ctx}
		tb.run(t, network.Enable(), network.SetBypassServiceWorker(true), network.SetCacheDisabled(true), chromedp.Navigate(srv.URL+"/"))
		var loading bool
		tb.run(t, chromedp.Evaluate(`!!document.getElementById('app-wasm-loader')`, &loading))
		if !loading {
			t.Fatalf("run %d: the app started before the test could act", run)
		}
		switch how {
		case "typed", "pasted":
			ev := map[string]string{"typed": `new InputEvent('input', {bubbles: true, inputType: 'insertText'})`,
				"pasted": `new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'})`}[how]
			tb.run(t, chromedp.Evaluate(`(() => { const el = document.getElementById('input'); el.focus(); el.value = `+jsString(text)+`; el.dispatchEvent(`+ev+`); })()`, nil))
		case "dropped":
			tb.run(t, chromedp.Evaluate(`(() => {
				const dt = new DataTransfer();
				dt.items.add(new File([`+jsString(text)+`], 'response.http', {type: 'text/plain'}));
				document.getElementById('input').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
			})()`, nil))
		case "picked":
			f := filepath.Join(dir, "response.http")
			if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			tb.run(t, chromedp.SetUploadFiles(`#file`, []string{f}, chromedp.ByQuery))
		}
		tb.wait(t, `!document.getElementById('app-wasm-loader') && document.querySelector('[data-testid=dialect]')`)
		if got := tb.value(t, `[data-testid=input]`); got != text {
			t.Errorf("run %d (%s): the editor holds %.60q, not what was given while loading", run, how, got)
		} else if d := tb.attr(t, `[data-testid=dialect]`, "data-dialect"); d != ex.dialect {
			t.Errorf("run %d (%s): dialect %q, want %q", run, how, d, ex.dialect)
		}
		// The next run finds this one remembered, and must not show it.
		cancelTimeout()
		cancel()
	}

	// The remembered input: secrets redacted.
	tb := newTab(t, browser, srv.URL+"/")
	secret := "sk_live_51HabcdefghijklmnopQRSTuv"
	tb.paste(t, "HTTP/1.1 401 Unauthorized\nAuthorization: Bearer 9f8e7d6c5b4a39281706f5e4\nContent-Type: application/json\n\n"+
		`{"error": {"type": "invalid_request_error", "message": "Invalid API Key provided: `+secret+`"}}`)
	var saved string
	tb.wait(t, `(localStorage.getItem('errlens.input.v1') || '').includes('invalid_request_error')`)
	tb.run(t, chromedp.Evaluate(`localStorage.getItem('errlens.input.v1')`, &saved))
	if strings.Contains(saved, secret) || strings.Contains(saved, "9f8e7d6c5b4a") || !strings.Contains(saved, share.Mask) {
		t.Errorf("remembered input keeps a secret:\n%s", saved)
	}
}
