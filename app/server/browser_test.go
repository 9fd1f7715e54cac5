//go:build !wasm

package server

// Browser tests: the real app, served by New under its CSP, driven in headless
// Chromium. They need web/app.wasm (make build) and /usr/bin/chromium; without
// them they skip, except under CI=true, where a skip would hide a broken app.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/errlens/errlens/dialects"
	"github.com/errlens/errlens/dialects/retry"
)

const chromiumPath = "/usr/bin/chromium"

// repo is the repository's root, which holds web/.
const repo = "../.."

// need stops a test that lacks the browser or the built app, failing it
// under CI and skipping it elsewhere.
func need(t testing.TB, files ...string) {
	t.Helper()
	var missing []string
	for _, f := range files { // installed by make test
		if _, err := os.Stat(f); err != nil {
			missing = append(missing, f+" (make test installs it)")
		}
	}
	if _, err := exec.LookPath(chromiumPath); err != nil {
		missing = append(missing, chromiumPath+" (apt-get install chromium)")
	}
	if _, err := os.Stat(filepath.Join(repo, "web", "app.wasm")); err != nil {
		missing = append(missing, "web/app.wasm (make build)")
	}
	if len(missing) == 0 {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("browser test cannot run under CI: missing %s", strings.Join(missing, ", "))
	}
	t.Skipf("browser test needs %s (under CI=true this fails instead)", strings.Join(missing, ", "))
}

// session is one app server and one browser, shared by the tests.
type session struct {
	url     string
	browser context.Context
}

var (
	sessOnce sync.Once
	sess     *session
	sessErr  error
)

func getSession(t testing.TB) *session {
	t.Helper()
	need(t)
	sessOnce.Do(func() {
		h, err := New(repo)
		if err != nil {
			sessErr = err
			return
		}
		srv := httptest.NewServer(h) // on 127.0.0.1
		browser, err := newBrowser()
		if err != nil {
			sessErr = err
			return
		}
		sess = &session{url: srv.URL + "/", browser: browser}
	})
	if sessErr != nil {
		t.Fatal(sessErr)
	}
	return sess
}

// newBrowser starts Chromium with the flags this machine needs (no network
// but loopback: background calls off) and a fresh profile.
func newBrowser() (context.Context, error) {
	dir, err := os.MkdirTemp("", "errlens-chromium-")
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(dir),
		chromedp.WindowSize(1400, 1000),
	}
	alloc, _ := chromedp.NewExecAllocator(context.Background(), opts...)
	browser, _ := chromedp.NewContext(alloc)
	return browser, chromedp.Run(browser)
}

func startBrowser(t testing.TB) context.Context {
	t.Helper()
	b, err := newBrowser()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// tab is one browser tab on the app, recording every request it makes and
// every console error.
type tab struct {
	ctx      context.Context
	mu       sync.Mutex
	requests []string
	errors   []string
}

func openTab(t testing.TB, fragment string) *tab {
	t.Helper()
	s := getSession(t)
	return newTab(t, s.browser, s.url+fragment)
}

// newTab opens url in a new tab of browser, recording the requests, console
// errors, exceptions and script dialogs (dismissed) of the page, and waits
// for the app to run (and to have read the link, if url has a fragment);
// before runs first.
func newTab(t testing.TB, browser context.Context, url string, before ...chromedp.Action) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 5*time.Minute)
	t.Cleanup(cancelTimeout)
	tb := &tab{ctx: ctx}
	chromedp.ListenTarget(ctx, func(ev any) {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			tb.requests = append(tb.requests, e.Request.URL)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.LevelError {
				tb.errors = append(tb.errors, e.Entry.Text)
			}
		case *runtime.EventExceptionThrown:
			tb.errors = append(tb.errors, e.ExceptionDetails.Error())
		case *page.EventJavascriptDialogOpening:
			tb.errors = append(tb.errors, "dialog: "+e.Message)
			go chromedp.Run(ctx, page.HandleJavaScriptDialog(false))
		}
	})
	tb.run(t, append(append([]chromedp.Action{network.Enable(), log.Enable(), runtime.Enable()}, before...), chromedp.Navigate(url))...)
	ready := `!document.getElementById('app-wasm-loader') && document.querySelector('[data-testid=results]')`
	if strings.Contains(url, "#") {
		ready += ` && document.querySelector('[data-testid=results]').dataset.decodes !== '0'`
	}
	tb.wait(t, ready)
	return tb
}

// wait polls a JavaScript condition until it holds.
func (tb *tab) wait(t testing.TB, cond string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var ok bool
		tb.run(t, chromedp.Evaluate("!!("+cond+")", &ok))
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", cond)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (tb *tab) run(t testing.TB, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(tb.ctx, actions...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// paste puts text in the editor as a paste would, firing an input event, and
// waits for the page to show its report.
func (tb *tab) paste(t testing.TB, text string) {
	t.Helper()
	js, _ := json.Marshal(text)
	tb.decoded(t, fmt.Sprintf(`(() => {
		const el = document.querySelector('[data-testid=input]');
		el.value = %s;
		el.dispatchEvent(new Event('input', {bubbles: true}));
	})()`, js))
}

// decoded runs script, then waits until the page has decoded again and
// rendered the result.
func (tb *tab) decoded(t testing.TB, script string) {
	t.Helper()
	var before string
	tb.run(t, chromedp.Evaluate(`document.querySelector('[data-testid=results]').dataset.decodes`, &before),
		chromedp.Evaluate(script, nil))
	tb.wait(t, fmt.Sprintf(`document.querySelector('[data-testid=results]').dataset.decodes !== %q`, before))
}

// click clicks the first element matching sel.
func (tb *tab) click(t testing.TB, sel string) {
	t.Helper()
	tb.wait(t, "document.querySelector("+jsString(sel)+")")
	tb.run(t, chromedp.Evaluate("document.querySelector("+jsString(sel)+").click()", nil))
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// attr returns an attribute of the first element matching sel.
func (tb *tab) attr(t testing.TB, sel, name string) string {
	t.Helper()
	var v string
	q, _ := json.Marshal(sel)
	tb.wait(t, "document.querySelector("+string(q)+")")
	tb.run(t, chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%s).getAttribute(%q) || ''`, q, name), &v))
	return v
}

// text returns the text of the first element matching sel.
func (tb *tab) text(t testing.TB, sel string) string {
	t.Helper()
	var s string
	tb.wait(t, "document.querySelector("+jsString(sel)+")")
	tb.run(t, chromedp.Evaluate("document.querySelector("+jsString(sel)+").textContent", &s))
	return s
}

// all returns an attribute of every element matching sel.
func (tb *tab) all(t testing.TB, sel, name string) []string {
	t.Helper()
	var out []string
	q, _ := json.Marshal(sel)
	tb.run(t, chromedp.Evaluate(fmt.Sprintf(`Array.from(document.querySelectorAll(%s)).map(e => e.getAttribute(%q) || '')`, q, name), &out))
	return out
}

func (tb *tab) screenshot(t testing.TB, name string) {
	t.Helper()
	var png []byte
	tb.run(t, chromedp.FullScreenshot(&png, 100))
	dir := os.Getenv("ERRLENS_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "errlens-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// expect is what the native core says of a paste: the browser must show it.
func expect(t testing.TB, text string) (*dialects.Report, *retry.Advice) {
	t.Helper()
	r, err := dialects.Inspect(text, dialects.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r, retry.Advise(r, retry.Options{Policy: "recommended", Seed: 1})
}

func fieldsOf(r *dialects.Report) []string {
	out := []string{}
	for _, f := range r.FieldErrors {
		out = append(out, f.Field)
	}
	return out
}

// TestBrowserSeeds pastes every seed example: the page shows the dialect,
// status, field rows and decision the core computes, and one timeline lane
// per retry.
func TestBrowserSeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(repo, "dialects", "testdata", "*", "seed-*.http"))
	if len(files) < 25 {
		t.Fatalf("only %d seed examples", len(files))
	}
	tb := openTab(t, "")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r, a := expect(t, string(b))
		tb.paste(t, string(b))
		name := filepath.Base(f)
		if got := tb.attr(t, `[data-testid=dialect]`, "data-dialect"); got != r.Dialect {
			t.Errorf("%s: dialect %q, want %q", name, got, r.Dialect)
		}
		if got := tb.attr(t, `[data-testid=status]`, "data-status"); got != fmt.Sprint(r.Status) {
			t.Errorf("%s: status %q, want %d", name, got, r.Status)
		}
		if got := tb.all(t, `[data-testid=field-error]`, "data-field"); !slices.Equal(got, fieldsOf(r)) {
			t.Errorf("%s: field rows %q, want %q", name, got, fieldsOf(r))
		}
		if got := tb.attr(t, `[data-testid=retry-decision]`, "data-decision"); got != a.Decision {
			t.Errorf("%s: decision %q, want %q", name, got, a.Decision)
		}
		if lanes := tb.all(t, `[data-testid=timeline] g.lane`, "class"); len(lanes) != len(a.Schedule) {
			t.Errorf("%s: %d timeline lanes, want %d", name, len(lanes), len(a.Schedule))
		}
	}
	tb.paste(t, mustRead(t, "problem-details/seed-003-rate-limited-curl.http"))
	tb.screenshot(t, "report-seed-003-rate-limited")
}

func mustRead(t testing.TB, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repo, "dialects", "testdata", rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestBrowserGallery loads every dialect's example from the gallery.
func TestBrowserGallery(t *testing.T) {
	tb := openTab(t, "")
	ids := tb.all(t, `[data-testid=gallery-item]`, "data-dialect")
	if len(ids) != len(dialects.All()) {
		t.Fatalf("gallery shows %d dialects, want %d", len(ids), len(dialects.All()))
	}
	tb.screenshot(t, "gallery")
	for _, id := range ids {
		sel := fmt.Sprintf(`[data-testid=gallery-item][data-dialect=%q] [data-testid=load-example]`, id)
		tb.decoded(t, "document.querySelector("+jsString(sel)+").click()")
		if got := tb.attr(t, `[data-testid=dialect]`, "data-dialect"); got != id {
			t.Errorf("example of %s shows dialect %q", id, got)
		}
	}
}

// TestBrowserPrivacy: every request goes to the app's own origin, none is
// made after the page has loaded however much is pasted, and the console
// reports no error (a CSP violation would be one).
func TestBrowserPrivacy(t *testing.T) {
	tb := openTab(t, "")
	origin := mustURL(t, getSession(t).url).Host
	tb.run(t, chromedp.Sleep(500*time.Millisecond))
	tb.mu.Lock()
	loaded := len(tb.requests)
	tb.mu.Unlock()
	for _, f := range []string{"stripe/card-declined.gallery.http", "html/cloudflare-521.gallery.http", "google-rpc/bad-request.gallery.http"} {
		tb.paste(t, mustRead(t, f))
		tb.wait(t, `document.querySelector('[data-testid=status]')`)
	}
	tb.click(t, `[data-testid=field-error]`)
	tb.run(t, chromedp.Sleep(300*time.Millisecond))
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, u := range tb.requests {
		if pu := mustURL(t, u); pu.Host != origin && pu.Scheme != "data" && pu.Scheme != "blob" {
			t.Errorf("request to another origin: %s", u)
		}
	}
	if after := tb.requests[loaded:]; len(after) > 0 {
		t.Errorf("requests after load: %q", after)
	}
	if len(tb.errors) > 0 {
		t.Errorf("console errors: %q", tb.errors)
	}
}

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestBrowserInteractions: selecting a field row highlights its member in the
// body; a HAR file lists its entries and reads the chosen one; the method and
// the compare view change the advice.
func TestBrowserInteractions(t *testing.T) {
	tb := openTab(t, "")
	tb.paste(t, mustRead(t, "problem-details/seed-003-02-validation-error.gallery.http"))
	tb.click(t, `[data-testid=field-error][data-field=email]`)
	tb.wait(t, `document.getElementById('hl')`)
	var hl string
	tb.run(t, chromedp.Evaluate(`document.getElementById('hl').textContent`, &hl))
	if !strings.Contains(hl, "{") {
		t.Errorf("highlight starts with %q, want the email error object", hl)
	}
	var hlText string
	tb.run(t, chromedp.Evaluate(`Array.from(document.querySelectorAll('.hl')).map(e => e.textContent).join('')`, &hlText))
	if !strings.Contains(hlText, `"email"`) || strings.Contains(hlText, "routing_number") {
		t.Errorf("highlighted %q", hlText)
	}
	tb.screenshot(t, "field-highlight")

	tb.paste(t, mustRead(t, "errorcode-envelope/seed-001-upstream-curl.gallery.http"))
	if got := tb.attr(t, `[data-testid=retry-decision]`, "data-decision"); got != retry.VerifyThenRetry {
		t.Errorf("POST 503: %s", got)
	}
	tb.decoded(t, `(() => { const s = document.querySelector('[data-testid=method]'); s.value = 'GET'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	if got := tb.attr(t, `[data-testid=retry-decision]`, "data-decision"); got != retry.Retry {
		t.Errorf("GET 503: %s", got)
	}
	tb.decoded(t, `document.getElementById('compare').click()`)
	tb.wait(t, `document.querySelector('[data-testid=compare]')`)
	tb.screenshot(t, "retry-compare")

	har := `{"log":{"version":"1.2","entries":[` +
		`{"request":{"method":"GET","url":"https://api.example.com/ok","headers":[]},"response":{"status":200,"statusText":"OK","headers":[],"content":{"text":"{}"}}},` +
		`{"request":{"method":"POST","url":"https://api.example.com/pay","headers":[]},"response":{"status":422,"statusText":"","headers":[{"name":"content-type","value":"application/problem+json"}],"content":{"text":"{\"type\":\"about:blank\",\"title\":\"Unprocessable\",\"status\":422}"}}}]}}`
	tb.paste(t, har)
	if got := tb.all(t, `[data-testid=har-entries] button`, "data-entry"); !slices.Equal(got, []string{"2", "1"}) {
		t.Errorf("HAR entries %q, want failed first", got)
	}
	if got := tb.attr(t, `[data-testid=status]`, "data-status"); got != "422" {
		t.Errorf("HAR status %s", got)
	}
	tb.decoded(t, `document.querySelector('[data-testid=har-entries] button[data-entry="1"]').click()`)
	if got := tb.attr(t, `[data-testid=status]`, "data-status"); got != "200" {
		t.Errorf("HAR entry 1 status %s", got)
	}
	tb.screenshot(t, "har")
}

// TestBrowserOffline: once loaded, the app works with the network off (the
// service worker serves it), and keeps working after a reload.
func TestBrowserOffline(t *testing.T) {
	tb := openTab(t, "")
	tb.wait(t, `navigator.serviceWorker && navigator.serviceWorker.controller === null ? false : true`)
	tb.run(t, chromedp.Evaluate(`navigator.serviceWorker.ready.then(() => true)`, nil, awaitPromise))
	tb.run(t, network.EmulateNetworkConditions(true, 0, -1, -1), chromedp.Reload())
	tb.wait(t, `!document.getElementById('app-wasm-loader') && document.querySelector('[data-testid=results]')`)
	tb.paste(t, mustRead(t, "stripe/card-declined.gallery.http"))
	if got := tb.attr(t, `[data-testid=dialect]`, "data-dialect"); got != "stripe" {
		t.Errorf("offline: dialect %q", got)
	}
	tb.run(t, network.EmulateNetworkConditions(false, 0, -1, -1))
}

// TestBrowserViews writes screenshots of the main views in the dark theme
// and at phone width, and checks the layout stacks on a phone.
func TestBrowserViews(t *testing.T) {
	tb := openTab(t, "")
	tb.run(t, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}))
	tb.paste(t, mustRead(t, "google-rpc/bad-request.gallery.http"))
	tb.click(t, `[data-testid=field-error]`)
	tb.screenshot(t, "report-dark")
	tb.run(t, emulation.SetDeviceMetricsOverride(390, 844, 2, true))
	var stacked bool
	tb.run(t, chromedp.Evaluate(`document.querySelector('.input-panel').getBoundingClientRect().bottom <= document.querySelector('.results').getBoundingClientRect().top + 1`, &stacked))
	if !stacked {
		t.Error("at phone width the input and the report are not stacked")
	}
	var overflow bool
	tb.run(t, chromedp.Evaluate(`document.documentElement.scrollWidth > window.innerWidth + 1`, &overflow))
	if overflow {
		t.Error("the page scrolls sideways at phone width")
	}
	tb.screenshot(t, "phone")
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

// TestBrowserTimeline: what a retrying client does, in a sentence, a table
// and a chart with its legend and figures in plain sight, for a 429 with
// Retry-After, for a profile that never stops, for "do not retry", and
// beside other libraries in the compare view.
func TestBrowserTimeline(t *testing.T) {
	tb := openTab(t, "")
	const r429 = "HTTP/1.1 429 Too Many Requests\nRetry-After: 30\nDate: Wed, 02 Dec 2026 14:41:09 GMT\nContent-Type: application/json\n\n{\"error\":{\"code\":\"rate_limited\",\"message\":\"Slow down\"}}\n"
	tb.paste(t, r429)
	policy := func(name string) {
		tb.decoded(t, fmt.Sprintf(`(() => { const s = document.getElementById('policy'); s.value = %q; s.dispatchEvent(new Event('change', {bubbles: true})); })()`, name))
	}
	text := func(sel string) string { return tb.text(t, sel) }
	texts := func(sel string) []string {
		var s []string
		tb.run(t, chromedp.Evaluate("Array.from(document.querySelectorAll("+jsString(sel)+")).map(e => e.textContent)", &s))
		return s
	}
	policy("go-retryablehttp")
	r, _ := expect(t, r429)
	a := retry.Advise(r, retry.Options{Policy: "go-retryablehttp", Seed: 1})
	plan := a.Plan(time.Local)
	if got := text(`[data-testid=plan-sentence]`); got != plan.Sentence || !strings.Contains(got, "4 retries in all") {
		t.Errorf("sentence %q, want %q", got, plan.Sentence)
	}
	rows := texts(`[data-testid=plan-table] tbody tr`)
	if len(rows) != 4 {
		t.Fatalf("table rows %q", rows)
	}
	for i, row := range rows {
		want := plan.Rows[i]
		if !strings.Contains(row, want.Wait) || !strings.Contains(row, want.After) || !strings.Contains(row, want.At) || !strings.Contains(row, "the server's delay") {
			t.Errorf("row %d %q, want %+v", i+1, row, want)
		}
	}
	if got := text(`[data-testid=legend]`); !strings.Contains(got, "when it may fire") || !strings.Contains(got, "waits the server's delay") || !strings.Contains(got, "gives up") {
		t.Errorf("legend %q", got)
	}
	// The figures are drawn, not hidden in tooltips, and every lane is named.
	if got := texts(`[data-testid=timeline] .figure`); !slices.Equal(got, []string{"at 30 s", "at 1 min", "at 1 min 30 s", "at 2 min"}) {
		t.Errorf("figures %q", got)
	}
	if got := texts(`[data-testid=timeline] .lane-label`); len(got) != 4 || got[0] != "retry 1" {
		t.Errorf("lane labels %q", got)
	}
	if n := len(tb.all(t, `[data-testid=timeline] title`, "id")); n != 0 {
		t.Errorf("%d figures only in tooltips", n)
	}
	// The configuration to copy is the core's, which the retry tests run in
	// the real libraries.
	policy("got")
	a = retry.Advise(r, retry.Options{Policy: "got", Seed: 1})
	if cfg, _ := retry.ConfigFor("got", a.Params); text(`[data-testid=config]`) != cfg.Code || !strings.Contains(cfg.Code, "got.extend({retry: {limit: 2}})") {
		t.Errorf("config %q, want %q", text(`[data-testid=config]`), cfg.Code)
	}
	tb.run(t, chromedp.Evaluate(`document.querySelector('details.config').open = true`, nil))
	tb.screenshot(t, "timeline-429")
	policy("go-retryablehttp")

	// Only this response carrying the delay: later retries follow the backoff.
	tb.decoded(t, `document.getElementById('delay-once').click()`)
	if got := texts(`[data-testid=plan-table] tbody tr`); len(got) != 4 || !strings.Contains(got[0], "the server's delay") || strings.Contains(got[1], "the server's delay") || !strings.Contains(got[1], "2 s") {
		t.Errorf("delay once: %q", got)
	}
	tb.decoded(t, `document.getElementById('delay-once').click()`)

	// A profile that never stops is summarised, not drawn 30 times.
	tb.paste(t, "HTTP/1.1 500 Internal Server Error\nDate: Wed, 02 Dec 2026 14:41:09 GMT\n\n")
	policy("tenacity")
	if got := text(`[data-testid=plan-sentence]`); got != "Retries at once, with no delay, without end: no attempt limit." {
		t.Errorf("tenacity: %q", got)
	}
	if n := len(tb.all(t, `[data-testid=timeline]`, "class")); n != 0 {
		t.Errorf("tenacity's zero delays drawn on %d charts", n)
	}
	tb.decoded(t, `(() => { const s = document.getElementById('p-base'); s.value = '1000'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	if lanes := tb.all(t, `[data-testid=timeline] g.lane`, "class"); len(lanes) != 6 {
		t.Errorf("endless with a base: %d lanes, want 6", len(lanes))
	}
	if rows := texts(`[data-testid=plan-table] tbody tr`); len(rows) != 7 || !strings.Contains(rows[6], "without end") {
		t.Errorf("endless rows %q", rows)
	}
	tb.screenshot(t, "timeline-endless")

	// Do not retry: the reasons and nothing else.
	tb.paste(t, "HTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n{\"error\":\"invalid_request\",\"error_description\":\"missing grant_type\"}")
	if got := tb.attr(t, `[data-testid=retry-decision]`, "data-decision"); got != retry.DoNotRetry {
		t.Fatalf("400: %s", got)
	}
	var apparatus int
	tb.run(t, chromedp.Evaluate(`document.querySelectorAll('#policy, #compare, [data-testid=timeline], [data-testid=plan-table], [data-testid=plan-sentence]').length`, &apparatus))
	if apparatus != 0 || len(texts(`.retry .reasons li`)) == 0 {
		t.Errorf("do not retry shows %d timeline controls, reasons %q", apparatus, texts(`.retry .reasons li`))
	}

	// The compare view: every library's verdict in words on one shared axis.
	tb.paste(t, "HTTP/1.1 503 Service Unavailable\nRetry-After: 30\nDate: Wed, 02 Dec 2026 14:41:09 GMT\n\n")
	tb.decoded(t, `document.getElementById('compare').click()`)
	names := tb.all(t, `[data-testid=compare] tr[data-policy]`, "data-policy")
	if len(names) < 10 {
		t.Fatalf("compare rows %q", names)
	}
	r, _ = expect(t, "HTTP/1.1 503 Service Unavailable\nRetry-After: 30\nDate: Wed, 02 Dec 2026 14:41:09 GMT\n\n")
	for _, name := range names {
		want := retry.Advise(r, retry.Options{Policy: name, Seed: 1}).Plan(time.Local).Verdict
		if got := text(`[data-testid=compare] tr[data-policy="` + name + `"] td`); got != want || got == "" {
			t.Errorf("compare %s: %q, want %q", name, got, want)
		}
	}
	if ticks := texts(`[data-testid=compare] tr:last-child .tick`); !slices.Contains(ticks, "1 min") || !slices.Contains(ticks, "0 s") {
		t.Errorf("compare axis ticks %q", ticks)
	}
	// One axis for all: the first retries of go-retryablehttp and got both
	// fire at 30 s, and are drawn at the same place.
	x1, x2 := tb.attr(t, `[data-testid=compare] tr[data-policy=go-retryablehttp] circle`, "cx"), tb.attr(t, `[data-testid=compare] tr[data-policy=got] circle`, "cx")
	if x1 == "" || x1 != x2 {
		t.Errorf("first retries at 30 s drawn at %q and %q", x1, x2)
	}
	tb.screenshot(t, "timeline-compare")
	tb.run(t, emulation.SetDeviceMetricsOverride(390, 844, 2, true))
	var overflow bool
	tb.run(t, chromedp.Evaluate(`document.documentElement.scrollWidth > window.innerWidth + 1`, &overflow))
	if overflow {
		t.Error("the compare view scrolls the page sideways at phone width")
	}
	tb.screenshot(t, "timeline-compare-phone")
}

// TestBrowserChartAxis: web/chart.js's time axis skips a long server delay
// before short retries with a break and keeps its labels readable; evenly
// spaced retries keep one linear axis. The labels are app.wasm's own
// durations (errlensDur).
func TestBrowserChartAxis(t *testing.T) {
	tb := openTab(t, "")
	tb.paste(t, "HTTP/1.1 503 Service Unavailable\n\n")
	var got struct {
		Segs   []struct{ Skipped bool }
		Mono   bool
		Break  float64
		Labels []string
		Even   int
		EvenX  float64
	}
	tb.run(t, chromedp.Evaluate(`(() => {
		const c = window.errlensChart;
		const segs = c.axis([[30000, 30000], [31000, 33000], [34000, 38000]], 0, 400);
		let mono = true, prev = -1;
		for (let ms = 0; ms <= 38000; ms += 500) { const x = c.at(segs, ms); if (x < prev || x > 400.01) mono = false; prev = x; }
		const even = c.axis([[3600e3, 3600e3], [7200e3, 7200e3], [10800e3, 10800e3]], 0, 300);
		return {segs: segs.map(s => ({Skipped: s.skipped})), mono, break: c.at(segs, 30000),
			labels: c.ticks(segs).map(t => t.label), even: even.length, evenX: c.at(even, 7200e3)};
	})()`, &got))
	if len(got.Segs) != 3 || !got.Segs[1].Skipped || got.Break != 48 || !got.Mono {
		t.Errorf("axis over a long gap: %+v", got)
	}
	if !slices.Contains(got.Labels, "0 s") || !slices.Contains(got.Labels, "30 s") {
		t.Errorf("tick labels %q", got.Labels)
	}
	if got.Even != 1 || got.EvenX < 199.99 || got.EvenX > 200.01 {
		t.Errorf("even gaps: %d segments, 2 h at %v", got.Even, got.EvenX)
	}
}

// TestBrowserWasmPreload: app.wasm is fetched once, from the page's preload
// (its download starts as the page is parsed), and app.js uses that fetch.
func TestBrowserWasmPreload(t *testing.T) {
	tb := openTab(t, "")
	var fetches []string
	tb.run(t, chromedp.Evaluate(`performance.getEntriesByType('resource').filter(e => e.name.endsWith('/web/app.wasm')).map(e => e.initiatorType)`, &fetches))
	if len(fetches) != 1 || fetches[0] != "link" {
		t.Errorf("app.wasm fetched by %v; want once, by the preload link", fetches)
	}
}

// realPaste pastes text into the editor as a user does: the paste event
// (which errlens's scripts see), then the browser's own insertion at the
// caret, and the editor scrolled to the caret at the end of the paste (as a
// real paste leaves it; headless Chromium's insertText does not scroll).
func (tb *tab) realPaste(t testing.TB, text string) {
	t.Helper()
	tb.decoded(t, `(() => {
		const el = document.querySelector('[data-testid=input]');
		el.focus();
		el.select();
		const dt = new DataTransfer();
		dt.setData('text/plain', `+jsString(text)+`);
		el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
		document.execCommand('insertText', false, dt.getData('text/plain'));
		el.scrollLeft = el.scrollWidth; // where a real paste leaves the caret in view
		el.scrollTop = el.scrollHeight;
	})()`)
}

// TestBrowserAfterPaste: after a paste the editor shows the start of the
// response (its status line and header names), not the end of its longest
// line; on a phone the page scrolls to the report's headline.
func TestBrowserAfterPaste(t *testing.T) {
	// curl -si output: many headers, then a minified body on one long line.
	var headers strings.Builder
	for i := range 40 {
		fmt.Fprintf(&headers, "X-Header-%d: value %d\n", i, i)
	}
	long := "HTTP/1.1 400 Bad Request\nContent-Type: application/json\n" + headers.String() + "\n{\"error\":{\"code\":\"invalid\",\"message\":\"" + strings.Repeat("The request body is not valid. ", 20) + "\"}}"
	tb := openTab(t, "")
	tb.realPaste(t, long)
	time.Sleep(100 * time.Millisecond)
	var left, top float64
	tb.run(t, chromedp.Evaluate(`document.querySelector('[data-testid=input]').scrollLeft`, &left),
		chromedp.Evaluate(`document.querySelector('[data-testid=input]').scrollTop`, &top))
	if left != 0 || top != 0 {
		t.Errorf("after a paste the editor is scrolled to %v, %v, not to the start", left, top)
	}
	phone := openTab(t, "")
	phone.run(t, emulation.SetDeviceMetricsOverride(390, 844, 2, true))
	phone.realPaste(t, long)
	phone.wait(t, `(() => { const s = document.querySelector('[data-testid=status]').getBoundingClientRect(), h = document.querySelector('.headline').getBoundingClientRect(); return s.top >= -1 && h.bottom <= window.innerHeight; })()`)
}
