//go:build !wasm

package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/errlens/errlens/dialects/share"
)

// TestBrowserEmbedScript: a docs portal on another origin, under a strict
// CSP, includes web/embed.js; its two code blocks become views of errlens,
// each iframe as tall as its content, one read with the portal's own dialect
// file; the portal's origin drives them with errlens:set and hears
// errlens:report, or errlens:error for a message errlens does not know.
func TestBrowserEmbedScript(t *testing.T) {
	app := strings.TrimSuffix(getSession(t).url, "/")
	dialect, err := os.ReadFile("../../dialects/testdata/adyen-checkout/adyen-checkout.dialect.json")
	if err != nil {
		t.Fatal(err)
	}
	adyen := mustRead(t, "adyen-checkout/adyen-checkout-422.http")
	problem := mustRead(t, "problem-details/seed-003-02-validation-error.gallery.http")
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/errors/adyen.dialect.json" {
			w.Write(dialect)
			return
		}
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self' "+app+"; frame-src "+app+"; connect-src 'self'; style-src 'self'")
		fmt.Fprintf(w, `<!doctype html><html><head><title>Docs portal</title><script src="%s/web/embed.js" defer></script></head><body>
<h1>Errors</h1>
<pre class="errlens" id="a">%s</pre>
<p>Checkout</p>
<pre data-dialects="/errors/adyen.dialect.json"><code class="language-errlens">%s</code></pre>
<pre><code class="language-json">{"not": "an errlens block"}</code></pre>
</body></html>`, app, htmlEscape(problem), htmlEscape(adyen))
	}))
	defer host.Close()
	portal := strings.Replace(host.URL, "127.0.0.1", "localhost", 1)
	tb := openTabURL(t, portal+"/")
	// A window tall enough for both frames: Chromium neither loads a lazy
	// frame nor renders a cross-origin one while it is far off screen (each
	// then grows when scrolled to).
	tb.run(t, chromedp.EmulateViewport(1280, 6000))
	tb.wait(t, `document.querySelectorAll('iframe.errlens-embed').length === 2 && document.querySelectorAll('pre').length === 1`)
	tb.run(t, chromedp.Evaluate(`window.msgs = []; window.addEventListener('message', e => window.msgs.push({frame: [...document.querySelectorAll('iframe')].findIndex(f => f.contentWindow === e.source), origin: e.origin, data: e.data}))`, nil))
	// Each frame grows to its content: a report of a field error and a retry
	// advice is far taller than the 200 px it starts at.
	tb.wait(t, `[...document.querySelectorAll('iframe')].every(f => +f.height > 400)`)
	for i, in := range []string{problem, adyen} {
		tb.run(t, chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll('iframe')[%d].contentWindow.postMessage({type: 'errlens:set', input: %s}, %s)`, i, jsString(in), jsString(app)), nil))
	}
	tb.wait(t, `window.msgs.filter(m => m.data.type === 'errlens:report').length === 2`)
	var dialects string
	tb.run(t, chromedp.Evaluate(`window.msgs.filter(m => m.data.type === 'errlens:report').sort((a, b) => a.frame - b.frame).map(m => m.frame + ':' + m.data.report.dialect + ':' + m.data.report.requestId + ':' + m.origin).join(' ')`, &dialects))
	if want := fmt.Sprintf("0:problem-details:req_8d4b2e1f:%s 1:adyen-checkout:8816118280275544:%s", app, app); dialects != want {
		t.Errorf("reports %q, want %q", dialects, want)
	}
	// A message errlens does not know gets an error, to the portal only.
	tb.run(t, chromedp.Evaluate(`document.querySelectorAll('iframe')[1].contentWindow.postMessage({type: 'errlens:inspect'}, '*')`, nil))
	tb.wait(t, `window.msgs.some(m => m.data.type === 'errlens:error' && m.frame === 1 && /errlens:set/.test(m.data.error))`)
	// A frame follows its content down as well as up: a short response
	// shrinks it (the document's scrollHeight, never less than the frame,
	// would only let it grow).
	var before int
	tb.run(t, chromedp.Evaluate(`+document.querySelectorAll('iframe')[0].height`, &before),
		chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll('iframe')[0].contentWindow.postMessage({type: 'errlens:set', input: 'HTTP/1.1 404 Not Found\n\n'}, %s)`, jsString(app)), nil))
	tb.wait(t, fmt.Sprintf(`+document.querySelectorAll('iframe')[0].height < %d - 300`, before))
	tb.screenshot(t, "embed-script")
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// TestBrowserEmbedSnippet: Embed gives the whole snippet (the iframe and the
// script keeping it as tall as its content), with the docs page entered as
// allowed to drive it, and leaves the address bar alone.
func TestBrowserEmbedSnippet(t *testing.T) {
	tb := openTab(t, "")
	tb.paste(t, mustRead(t, "adyen-checkout/adyen-checkout-422.http"))
	tb.click(t, `[data-testid=embed]`)
	tb.wait(t, `(document.querySelector('[data-testid=embed-snippet]') || {value: ''}).value.includes('errlens:height')`)
	first := tb.value(t, `[data-testid=embed-snippet]`)
	tb.run(t, chromedp.Evaluate(`const o = document.querySelector('[data-testid=embed-origin]'); o.value = 'https://docs.example.com/errors/ http://localhost:3000'; o.dispatchEvent(new Event('change', {bubbles: true}))`, nil))
	tb.wait(t, fmt.Sprintf(`document.querySelector('[data-testid=embed-snippet]').value !== %s`, jsString(first)))
	snippet := tb.value(t, `[data-testid=embed-snippet]`)
	i := strings.Index(snippet, "#embed.")
	j := strings.Index(snippet[i:], `"`)
	if i < 0 || j < 0 || !strings.Contains(snippet, `<script>addEventListener("message"`) {
		t.Fatalf("snippet %q", snippet)
	}
	s, notes, err := share.Decode(snippet[i+len("#embed.") : i+j])
	if err != nil || notes != nil || !slices.Equal(s.Origins, []string{"https://docs.example.com", "http://localhost:3000"}) || !strings.Contains(s.Input, "14_030") {
		t.Errorf("the snippet's state %+v, %v %v", s, notes, err)
	}
	var hash string
	tb.run(t, chromedp.Evaluate(`location.hash`, &hash))
	if hash != "" {
		t.Errorf("Embed changed the address bar: %q", hash)
	}

	// What the embed shows: without its headers and body, and no editor.
	for _, box := range []string{"#embed-headers", "#embed-body", "#embed-edit"} {
		before := tb.value(t, `[data-testid=embed-snippet]`)
		tb.click(t, box)
		tb.wait(t, fmt.Sprintf(`document.querySelector('[data-testid=embed-snippet]').value !== %s`, jsString(before)))
	}
	snippet = tb.value(t, `[data-testid=embed-snippet]`)
	i = strings.Index(snippet, "#embed.")
	j = strings.Index(snippet[i:], `"`)
	if s, _, err := share.Decode(snippet[i+len("#embed.") : i+j]); err != nil || !slices.Equal(s.Hide, []string{"headers", "body"}) || !s.Locked {
		t.Fatalf("the options' state: hide %v, locked %v (%v)", s.Hide, s.Locked, err)
	}
	embed := openTab(t, snippet[i:i+j])
	embed.wait(t, `document.querySelector('[data-testid=embed-view] [data-testid=status]')`)
	var shown map[string]bool
	embed.run(t, chromedp.Evaluate(`({headers: !!document.querySelector('[data-testid=headers]'), body: !!document.querySelector('[data-testid=body]'),
		retry: !!document.querySelector('[data-testid=retry-decision]'),
		edit: !!document.querySelector('[data-testid=edit-toggle]')})`, &shown))
	if shown["headers"] || shown["body"] || shown["edit"] || !shown["retry"] {
		t.Errorf("the embed shows %v; want the retry advice, not the headers, body or editor", shown)
	}
}

// TestBrowserDialectFile: a dialect file pasted in the app reads the paste
// at once; a bad one is refused with its line, column and member, keeping the
// last good one; a share link carries it.
func TestBrowserDialectFile(t *testing.T) {
	file, err := os.ReadFile("../../dialects/testdata/adyen-checkout/adyen-checkout.dialect.json")
	if err != nil {
		t.Fatal(err)
	}
	tb := openTab(t, "")
	tb.paste(t, mustRead(t, "adyen-checkout/adyen-checkout-422.http"))
	if d := tb.attr(t, `[data-testid=dialect]`, "data-dialect"); d != "generic-json" {
		t.Fatalf("without the file: %s", d)
	}
	setDialect := func(text string) {
		tb.run(t, chromedp.SetValue(`[data-testid=dialect-text]`, text),
			chromedp.Evaluate(`document.querySelector('[data-testid=dialect-text]').dispatchEvent(new Event('change', {bubbles: true}))`, nil))
	}
	setDialect(string(file))
	tb.wait(t, `document.querySelector('[data-testid=dialect]').dataset.dialect === 'adyen-checkout'`)
	if id := tb.text(t, `[data-testid=request-id]`); id != "8816118280275544" {
		t.Errorf("request id %q", id)
	}
	// Marked as the user's own above the gallery and in "Read as".
	if card := tb.text(t, `[data-testid=your-dialects] [data-dialect=adyen-checkout] h3`); card != "Adyen Checkout API custom" {
		t.Errorf("your dialects: %q", card)
	}
	if opt := tb.text(t, `#dialect-override option[value=adyen-checkout]`); opt != "Adyen Checkout API (yours)" {
		t.Errorf("Read as: %q", opt)
	}
	setDialect(strings.Replace(string(file), `"points": 30}`, `"points": 130}`, 1))
	tb.wait(t, `document.querySelector('[data-testid=dialect-error]')`)
	if msg := tb.text(t, `[data-testid=dialect-error]`); !strings.Contains(msg, "detect[0].points: must be 0 to 100") || !strings.HasPrefix(msg, "8:") {
		t.Errorf("error %q", msg)
	}
	if d := tb.attr(t, `[data-testid=dialect]`, "data-dialect"); d != "adyen-checkout" {
		t.Errorf("the last good file was dropped: %s", d)
	}
	// A dialect drafted from the response reads it as the generic reader
	// did, under the draft's own name.
	drafted := openTab(t, "")
	drafted.paste(t, mustRead(t, "adyen-checkout/adyen-checkout-422.http"))
	before := drafted.text(t, `.summary .headline`)
	drafted.click(t, `[data-testid=draft-dialect]`)
	drafted.wait(t, `document.querySelector('[data-testid=dialect]').dataset.dialect === 'my-api'`)
	if v := drafted.value(t, `[data-testid=dialect-text]`); !strings.Contains(v, `"errlens": "dialect/1"`) || !strings.Contains(v, `"id": "my-api"`) {
		t.Errorf("the draft in the editor: %.200s", v)
	}
	if after := drafted.text(t, `.summary .headline`); after != before {
		t.Errorf("the draft reads the headline as %q, the generic reader as %q", after, before)
	}
	// A file picked with "Open a dialect file…" is read as a pasted one.
	picked := openTab(t, "")
	picked.paste(t, mustRead(t, "adyen-checkout/adyen-checkout-422.http"))
	abs, err := filepath.Abs("../../dialects/testdata/adyen-checkout/adyen-checkout.dialect.json")
	if err != nil {
		t.Fatal(err)
	}
	picked.run(t, chromedp.SetUploadFiles(`#dialect-file`, []string{abs}, chromedp.ByQuery))
	picked.wait(t, `document.querySelector('[data-testid=dialect]').dataset.dialect === 'adyen-checkout'`)
	if v := picked.value(t, `[data-testid=dialect-text]`); v != string(file) {
		t.Errorf("the editor holds %d bytes of the %d picked", len(v), len(file))
	}
	tb.click(t, `[data-testid=share]`)
	tb.wait(t, `document.querySelector('[data-testid=share-url]')`)
	link := tb.value(t, `[data-testid=share-url]`)
	s, notes, err := share.Decode(link[strings.Index(link, "#")+1:])
	if err != nil || notes != nil || len(s.Custom()) != 1 || s.Custom()[0].ID != "adyen-checkout" {
		t.Errorf("the link's dialects: %v %v %v", s.Dialects, notes, err)
	}
}
