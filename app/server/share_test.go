//go:build !wasm

package server

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/errlens/errlens/dialects/retry"
	"github.com/errlens/errlens/dialects/share"
	"github.com/errlens/errlens/dialects/share/secrettest"
)

// freshTab opens url in a second browser, with its own profile: no cache,
// storage or service worker shared with the tabs that made the links, as a
// colleague opening a link.
func freshTab(t testing.TB, url string) *tab {
	t.Helper()
	return newTab(t, secondBrowser(t), url)
}

var (
	second     context.Context
	secondOnce sync.Once
)

// secondBrowser starts, once, another Chromium with a fresh profile.
func secondBrowser(t testing.TB) context.Context {
	t.Helper()
	getSession(t)
	secondOnce.Do(func() { second = startBrowser(t) })
	return second
}

func (tb *tab) value(t testing.TB, sel string) string {
	t.Helper()
	var v string
	tb.wait(t, "document.querySelector("+jsString(sel)+")")
	tb.run(t, chromedp.Evaluate("document.querySelector("+jsString(sel)+").value", &v))
	return v
}

// TestBrowserShareLinks: a link made with Share restores every seed example in
// a fresh browser context, with its method, and nothing is requested with it.
func TestBrowserShareLinks(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(repo, "dialects", "testdata", "*", "seed-*.http"))
	tb := openTab(t, "")
	// Typing never writes the address bar: only Share does.
	tb.paste(t, mustRead(t, "drf/throttled.http"))
	var hash string
	tb.run(t, chromedp.Evaluate(`location.hash`, &hash))
	if hash != "" {
		t.Errorf("a paste wrote the address bar: %q", hash)
	}
	for i, f := range files {
		b, _ := os.ReadFile(f)
		in := string(b)
		tb.paste(t, in)
		method := []string{"pasted", "POST", "GET"}[i%3]
		tb.decoded(t, fmt.Sprintf(`(() => { const s = document.querySelector('[data-testid=method]'); s.value = %q; s.dispatchEvent(new Event('change', {bubbles: true})); })()`, method))
		tb.click(t, `[data-testid=share]`)
		tb.wait(t, `document.querySelector('[data-testid=share-url]')`)
		link := tb.value(t, `[data-testid=share-url]`)
		var addr string
		tb.run(t, chromedp.Evaluate(`location.href`, &addr))
		if addr != link || !strings.Contains(link, "#"+share.Prefix) {
			t.Fatalf("%s: address bar %q, link %q", f, addr, link)
		}
		want := share.Redact(in, share.FindSecrets(in), nil)
		r, a := expect(t, want)
		fresh := freshTab(t, link)
		if got := fresh.value(t, `[data-testid=input]`); got != want {
			t.Errorf("%s: restored input differs:\n%q\nwant\n%q", f, got, want)
		}
		if got := fresh.attr(t, `[data-testid=dialect]`, "data-dialect"); got != r.Dialect {
			t.Errorf("%s: restored dialect %q, want %q", f, got, r.Dialect)
		}
		if got := fresh.value(t, `[data-testid=method]`); got != method {
			t.Errorf("%s: restored method %q, want %q", f, got, method)
		}
		_ = a
		fresh.mu.Lock()
		for _, u := range fresh.requests {
			if strings.Contains(u, "#") || strings.Contains(u, share.Prefix) {
				t.Errorf("a request carries the link's state: %s", u)
			}
		}
		fresh.mu.Unlock()
	}
}

// TestBrowserBigLink: a 64 KB paste makes a link that Chromium opens whole,
// and the length warning says to trim it.
func TestBrowserBigLink(t *testing.T) {
	// Request ids and hashes, as real logs have: they do not compress away.
	var b strings.Builder
	b.WriteString("HTTP/1.1 500 Internal Server Error\ncontent-type: application/json\n\n{\"errors\":[")
	x := uint64(88172645463325252)
	for i := 0; b.Len() < 64<<10; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		fmt.Fprintf(&b, `{"message":"upstream %x failed","trace":"%016x%016x"},`, i, x, x*31)
	}
	b.WriteString(`{"message":"end"}]}`)
	in := b.String()
	tb := openTab(t, "")
	tb.paste(t, in)
	tb.click(t, `[data-testid=share]`)
	tb.wait(t, `document.querySelector('[data-testid=share-url]')`)
	if cls := tb.attr(t, `[data-testid=share-length]`, "class"); !strings.Contains(cls, "bad") {
		t.Errorf("a %d-character link is not warned: %q", len(tb.value(t, `[data-testid=share-url]`)), cls)
	}
	fresh := freshTab(t, tb.value(t, `[data-testid=share-url]`))
	if got := fresh.value(t, `[data-testid=input]`); got != in {
		t.Errorf("64 KB link restored %d bytes of %d", len(got), len(in))
	}
}

// TestBrowserRedaction: a pasted Authorization header and a Stripe live key
// are not in the restored input; the list shows them, and one can be kept.
func TestBrowserRedaction(t *testing.T) {
	secret, key := "Bearer zyxwvutsrqponmlkjih.gfed", "sk_live_51HabcdefghijklmnopQRST"
	in := "HTTP/1.1 402 Payment Required\nAuthorization: " + secret + "\nContent-Type: application/json\n\n" +
		`{"error": {"type": "card_error", "code": "card_declined", "message": "Your card was declined (` + key + `).", "param": ""}}`
	tb := openTab(t, "")
	tb.paste(t, in)
	tb.click(t, `[data-testid=share]`)
	tb.wait(t, `document.querySelectorAll('[data-testid=keep-secret]').length === 2`)
	link := tb.value(t, `[data-testid=share-url]`)
	tb.screenshot(t, "share")
	fresh := freshTab(t, link)
	got := fresh.value(t, `[data-testid=input]`)
	if strings.Contains(got, "zyxwvutsrq") || strings.Contains(got, key) || !strings.Contains(got, share.Mask) || !strings.Contains(got, "card_declined") {
		t.Errorf("restored input:\n%s", got)
	}
	// Keep the second (the key in the body), and only it comes back.
	tb.run(t, chromedp.Evaluate(`document.querySelectorAll('[data-testid=keep-secret]')[1].click()`, nil))
	tb.wait(t, fmt.Sprintf(`document.querySelector('[data-testid=share-url]').value !== %s`, jsString(link)))
	fresh = freshTab(t, tb.value(t, `[data-testid=share-url]`))
	kept := tb.value(t, `[data-testid=share-url]`)
	if got := fresh.value(t, `[data-testid=input]`); !strings.Contains(got, key) || strings.Contains(got, "zyxwvutsrq") {
		t.Errorf("after keeping the key (%s):\n%s", kept, got)
	}
}

// TestBrowserSecretCorpus: the links the app makes leave none of gitleaks's
// example secrets, planted once each across the 13 places, in at least 99%
// of cases; the redaction list says why for each.
func TestBrowserSecretCorpus(t *testing.T) {
	secrets, err := secrettest.Load(filepath.Join(repo, "dialects/share/testdata/gitleaks/tps.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	tb := openTab(t, "")
	planted, leaked := 0, 0
	for _, b := range secrettest.Batches(secrets, share.MaxInput) {
		tb.paste(t, b.Text)
		var before string
		tb.run(t, chromedp.Evaluate(`(document.querySelector('[data-testid=share-url]') || {value: ''}).value`, &before))
		tb.click(t, `[data-testid=share]`)
		tb.wait(t, fmt.Sprintf(`document.querySelector('[data-testid=share-url]') && document.querySelector('[data-testid=share-url]').value !== %s`, jsString(before)))
		var whys []string
		tb.run(t, chromedp.Evaluate(`[...document.querySelectorAll('.redactions li')].map(li => li.textContent)`, &whys))
		for _, w := range whys {
			if !strings.Contains(w, "line ") || !strings.Contains(w, ": ") {
				t.Errorf("a redaction without its place or reason: %q", w)
				break
			}
		}
		link := tb.value(t, `[data-testid=share-url]`)
		s, _, err := share.Decode(link[strings.Index(link, "#")+1:])
		if err != nil {
			t.Fatal(err)
		}
		for _, form := range b.Planted {
			planted++
			if secrettest.Leaked(s.Input, form, b.Text) {
				leaked++
			}
		}
	}
	pct := 100 * float64(planted-leaked) / float64(planted)
	t.Logf("links made in the browser: %d of %d secrets removed (%.2f%%)", planted-leaked, planted, pct)
	if planted < 600 || pct < 99 {
		t.Errorf("%d secrets planted, %.2f%% removed; want 99%%", planted, pct)
	}
}

// TestBrowserHostileLinks: broken or hostile fragments open no dialog, say
// what is wrong, and leave an empty editor that works.
func TestBrowserHostileLinks(t *testing.T) {
	base := getSession(t).url
	script, _ := share.Encode(share.State{Input: `<script>alert(1)</script><img src=x onerror="alert(2)">`, Method: `"><img src=x onerror=alert(3)>`, Policy: `<svg onload=alert(4)>`})
	good, _ := share.Encode(share.State{Input: "HTTP/1.1 500 Internal Server Error\n\n"})
	// Values out of bounds: the link opens, those values dropped with a note.
	huge, _ := share.Encode(share.State{Input: "HTTP/1.1 503 Service Unavailable\nRetry-After: 5\n\n",
		Params: &retry.Params{Attempts: 100000000, BaseMs: 1000, Multiplier: 2, Jitter: "full", RetryAfter: "floor"}})
	unknown, _ := share.Encode(share.State{Input: "HTTP/1.1 500 Internal Server Error\n\n", Dialect: "no-such-dialect", Policy: "no-such-profile"})
	// A bomb: 40 KB of link that would expand to 40 MB.
	var bomb bytes.Buffer
	w, _ := flate.NewWriter(&bomb, flate.BestCompression)
	w.Write([]byte(`{"i":"`))
	w.Write(bytes.Repeat([]byte("A"), 40<<20))
	w.Close()
	bombed := share.Prefix + base64.RawURLEncoding.EncodeToString(bomb.Bytes())
	start := time.Now()
	freshTab(t, base+"#"+good)
	normal := time.Since(start)
	for _, frag := range []string{
		share.Prefix + "!!!!", good[:len(good)/2], "v7.abc", `<img src=x onerror=alert(5)>`, "embed." + share.Prefix + "%%%",
		share.Prefix + strings.Repeat("A", 200000), script, huge, unknown, bombed,
	} {
		t.Logf("fragment %.40q", frag)
		start := time.Now()
		tb := freshTab(t, base+"#"+frag)
		if took := time.Since(start); took > normal+2*time.Second {
			t.Errorf("%.20q: the page took %v to work, a plain link %v", frag, took, normal)
		}
		tb.run(t, chromedp.Sleep(200*time.Millisecond))
		switch frag {
		case huge, unknown:
			notes := tb.text(t, `[data-testid=link-notes]`)
			if !strings.Contains(notes, map[string]string{huge: "attempts is 100000000", unknown: "no-such-dialect"}[frag]) {
				t.Errorf("%.20q: notes %q", frag, notes)
			}
			if frag == unknown && tb.attr(t, `[data-testid=dialect]`, "data-dialect") == "" {
				t.Errorf("the unknown dialect stuck: no report")
			}
		case script:
		default:
			tb.wait(t, `document.querySelector('[data-testid=link-error]')`)
			if v := tb.value(t, `[data-testid=input]`); v != "" {
				t.Errorf("%.20q: editor holds %q", frag, v)
			}
		}
		tb.paste(t, mustRead(t, "stripe/card-declined.gallery.http"))
		if got := tb.attr(t, `[data-testid=dialect]`, "data-dialect"); got != "stripe" {
			t.Errorf("%.20q: the editor does not work after the link: %q", frag, got)
		}
		tb.mu.Lock()
		if len(tb.errors) > 0 {
			t.Errorf("%.20q: %q", frag, tb.errors)
		}
		tb.mu.Unlock()
	}
}

// TestBrowserEmbed: the embed view in an iframe of a page on another origin
// (and another site: localhost against 127.0.0.1) answers the host's
// postMessage and reports its height; a host not allowed by the link is
// ignored.
func TestBrowserEmbed(t *testing.T) {
	app := getSession(t).url
	for _, allowed := range []bool{true, false} {
		host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `<!doctype html><html><body><h1>Docs portal</h1><iframe id="f" width="900" height="300"></iframe>
<script>
window.msgs = [];
window.addEventListener('message', e => window.msgs.push(e.data));
document.getElementById('f').src = %s + location.hash;
</script></body></html>`, jsString(app))
		}))
		hostURL := strings.Replace(host.URL, "127.0.0.1", "localhost", 1)
		origin := hostURL
		if !allowed {
			origin = "https://elsewhere.example"
		}
		frag, _ := share.Encode(share.State{Input: mustRead(t, "problem-details/seed-003-02-validation-error.gallery.http"), Origins: []string{origin}})
		tb := openTabURL(t, hostURL+"/#"+share.EmbedPrefix+frag)
		tb.wait(t, `window.msgs.some(m => m.type === 'errlens:ready') && window.msgs.some(m => m.type === 'errlens:height' && m.height > 100)`)
		tb.run(t, chromedp.Evaluate(`document.getElementById('f').contentWindow.postMessage({type: 'errlens:set', input: 'HTTP/1.1 429 Too Many Requests\nRetry-After: 3\n\n', method: 'get'}, '*')`, nil))
		if allowed {
			tb.wait(t, `window.msgs.some(m => m.type === 'errlens:report')`)
			var status, decision string
			tb.run(t, chromedp.Evaluate(`window.msgs.find(m => m.type === 'errlens:report').report.status + ''`, &status),
				chromedp.Evaluate(`window.msgs.find(m => m.type === 'errlens:report').report.retry.decision`, &decision))
			if status != "429" || decision != "retry" {
				t.Errorf("report: status %s decision %s", status, decision)
			}
			tb.screenshot(t, "embed")
		} else {
			tb.run(t, chromedp.Sleep(time.Second))
			var n int
			tb.run(t, chromedp.Evaluate(`window.msgs.filter(m => m.type === 'errlens:report').length`, &n))
			if n != 0 {
				t.Error("the embed view answered a host it was not allowed to")
			}
		}
		host.Close()
	}
}

// openTabURL opens any page (a host page) in a new tab.
func openTabURL(t testing.TB, url string) *tab {
	t.Helper()
	s := getSession(t)
	ctx, cancel := chromedp.NewContext(s.browser)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelTimeout)
	tb := &tab{ctx: ctx}
	tb.run(t, chromedp.Navigate(url))
	return tb
}

// TestBrowserStaticSubPath: the static website, served by a plain file server
// under /tools/errlens/, works, and works offline after the first visit.
func TestBrowserStaticSubPath(t *testing.T) {
	need(t)
	root := t.TempDir()
	if err := Static(repo, filepath.Join(root, "tools", "errlens"), "/tools/errlens/"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(root)))
	defer srv.Close()
	tb := freshTab(t, srv.URL+"/tools/errlens/")
	tb.paste(t, mustRead(t, "jsonapi/spec-multiple.gallery.http"))
	if got := tb.attr(t, `[data-testid=dialect]`, "data-dialect"); got != "jsonapi" {
		t.Errorf("static site: dialect %q", got)
	}
	// A plain file server sends no CSP header: the page's own policy holds.
	var violated string
	tb.run(t, chromedp.Evaluate(`new Promise(r => {
		document.addEventListener('securitypolicyviolation', e => r(e.violatedDirective));
		fetch('http://127.0.0.2:9/leak').catch(() => {});
		setTimeout(() => r('none'), 3000);
	})`, &violated, awaitPromise))
	if violated != "connect-src" {
		t.Errorf("static site: a fetch to another origin violated %q, want connect-src", violated)
	}
	// A documentation link with another scheme than http(s) is text.
	tb.paste(t, "HTTP/1.1 422 Unprocessable Entity\nContent-Type: application/json\n\n{\"message\": \"Validation Failed\", \"documentation_url\": \"javascript:alert(document.domain)\"}")
	var links int
	tb.run(t, chromedp.Evaluate(`document.querySelectorAll('a[href^="javascript:" i], a[href^="data:" i]').length`, &links))
	if links != 0 || !strings.Contains(tb.text(t, `[data-testid=doc-text]`), "javascript:alert") {
		t.Errorf("a javascript: doc link: %d links", links)
	}
	tb.run(t, chromedp.Evaluate(`navigator.serviceWorker.ready.then(() => true)`, nil, awaitPromise))
	tb.wait(t, `navigator.serviceWorker.controller !== null`)
	tb.run(t, network.EmulateNetworkConditions(true, 0, -1, -1), chromedp.Navigate(srv.URL+"/tools/errlens/#x"))
	tb.wait(t, `!document.getElementById('app-wasm-loader') && document.querySelector('[data-testid=results]')`)
	tb.paste(t, mustRead(t, "slack/channel-not-found.http"))
	if got := tb.attr(t, `[data-testid=dialect]`, "data-dialect"); got != "slack" {
		t.Errorf("static site offline: dialect %q", got)
	}
	// The files served beside app.wasm work offline too, under the sub
	// path: the secret rules (the input is remembered, redacted, after a
	// pause) and the gallery's examples.
	tb.wait(t, `(localStorage.getItem('errlens.input.v1') || '').includes('channel_not_found')`)
	tb.decoded(t, `document.querySelector('[data-testid=load-example][data-example=stripe]').click()`)
	if got := tb.attr(t, `[data-testid=dialect]`, "data-dialect"); got != "stripe" {
		t.Errorf("static site offline: the gallery's example reads as %q", got)
	}
}
