//go:build !wasm

package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/errlens/errlens/dialects/share"
	"github.com/tidwall/gjson"
)

// markState is what the editor shows of the mark: its text, whether it is
// drawn, and whether it sits within the editor's view (and how far from its
// middle, as a share of the view's height).
type markState struct {
	Text     string  `json:"text"`
	Shown    bool    `json:"shown"`
	Inside   bool    `json:"inside"`
	OffMid   float64 `json:"offMid"`
	Selected string  `json:"selected"`
}

func (tb *tab) mark(t *testing.T) markState {
	t.Helper()
	var m markState
	tb.run(t, chromedp.Evaluate(`(() => {
		const ed = document.getElementById('input'), layer = document.querySelector('.marks'), mk = layer && layer.querySelector('mark');
		if (!mk || layer.hidden) return {shown: false};
		const e = ed.getBoundingClientRect(), r = mk.getBoundingClientRect();
		return {text: mk.textContent, shown: true, inside: r.top >= e.top && r.bottom <= e.bottom && r.left >= e.left && r.right <= e.right,
			offMid: Math.abs((r.top + r.bottom) / 2 - (e.top + e.bottom) / 2) / e.height,
			selected: ed.value.slice(ed.selectionStart, ed.selectionEnd)};
	})()`, &m))
	return m
}

// TestBrowserReport: the headers table and what the status means, the way
// back into the input from each fact, invalid JSON said at the top and
// marked, the wrap and as-pasted toggles, and the one-line announcement.
func TestBrowserReport(t *testing.T) {
	github := mustRead(t, "../../dialects/testdata/github/validation-failed.gallery.http")
	tb := openTab(t, "")
	tb.paste(t, github)

	// The status, explained, with its RFC section (RFC 9110 §15.5.21).
	if m := tb.text(t, "[data-testid=status-meaning]"); !strings.Contains(m, "well formed, but what it says is invalid") || !strings.Contains(m, "RFC 9110 §15.5.21") {
		t.Errorf("status meaning: %q", m)
	}
	if href := tb.attr(t, "[data-testid=status-meaning] a", "href"); href != "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21" {
		t.Errorf("status meaning links to %q", href)
	}
	// Every header, as pasted; the ones that shaped the report marked, with
	// what they did.
	var rows []string
	tb.run(t, chromedp.Evaluate(`Array.from(document.querySelectorAll('[data-testid=headers] tbody tr')).map(r => r.querySelector('th').textContent + '=' + r.className)`, &rows))
	want := []string{"content-type=used", "x-github-media-type=", "x-github-request-id=used", "x-ratelimit-limit=used", "x-ratelimit-remaining=used", "x-ratelimit-reset=used", "x-ratelimit-used=", "x-ratelimit-resource="}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("header rows %v, want %v", rows, want)
	}
	if s := tb.text(t, "[data-testid=headers] tr.used:nth-child(3)"); !strings.Contains(s, "Used: the request id") {
		t.Errorf("the request id header says %q", s)
	}
	if s := tb.text(t, "[data-testid=headers] tbody tr:first-child"); !strings.Contains(s, "The body's media type") || !strings.Contains(s, "RFC 9110 §8.3") {
		t.Errorf("Content-Type is explained as %q", s)
	}

	// One line for screen readers, not the whole report.
	if s := tb.text(t, "[data-testid=announce]"); s != "422 Unprocessable Content, GitHub REST: Validation Failed; 1 field errors. Retry: do not retry." {
		t.Errorf("announcement %q", s)
	}
	if live := tb.attr(t, "[data-testid=results]", "aria-live"); live != "" {
		t.Errorf("the whole report is a live region (%q)", live)
	}
	if role := tb.attr(t, "[data-testid=announce]", "role"); role != "status" {
		t.Errorf("the announcement's role is %q", role)
	}

	// The way back into the input: the request id, a header, a field error,
	// each marked in the editor and scrolled to its middle.
	// A low editor, so that the facts sit below its first screen: showing
	// one must scroll it.
	tb.run(t, chromedp.Evaluate(`Object.assign(document.getElementById('input').style, {minHeight: '0', height: '160px'})`, nil))
	for _, c := range []struct{ click, text string }{
		{"[data-testid=request-id] ~ [data-locate=requestId]", "C0DE:1A2B:3C4D5E:6F7A8B:65A1B2C3"},
		{"[data-locate='header:x-ratelimit-reset']", "x-ratelimit-reset: 1762170000"},
		{"[data-locate=message]", "Validation Failed"},
		{"[data-testid=field-error]", `{
      "resource": "Issue",
      "field": "title",
      "code": "missing_field"
    }`},
	} {
		tb.run(t, chromedp.Evaluate(`errlensMark(-1); document.getElementById('input').scrollTop = 0`, nil))
		tb.click(t, c.click)
		tb.wait(t, `document.querySelector('.marks mark') && !document.querySelector('.marks').hidden`)
		m := tb.mark(t)
		if m.Text != c.text || m.Selected != c.text || !m.Inside || m.OffMid > 0.25 {
			t.Errorf("%s: the mark is %+v, want %q in the middle of the editor", c.click, m, c.text)
		}
	}
	// Typing takes the mark away.
	tb.paste(t, github)
	if m := tb.mark(t); m.Shown {
		t.Errorf("a mark stays after an edit: %+v", m)
	}

	// Invalid JSON: said at the top of the report, and marked in the editor
	// where it stops being JSON.
	broken := strings.Replace(github, `"field": "title",`, `"field": "title"`, 1)
	tb.paste(t, broken)
	se := tb.text(t, "[data-testid=syntax-error]")
	if !strings.Contains(se, "The body is not valid JSON: line 17, column 7") {
		t.Errorf("syntax error: %q", se)
	}
	var first string
	tb.run(t, chromedp.Evaluate(`document.querySelector('.summary [role=alert], .summary h2').dataset.testid || 'headline'`, &first))
	if first != "syntax-error" {
		t.Errorf("the headline comes before the syntax error")
	}
	// The mark is drawn once the report is in the page, in the same frame or
	// the next: wait for it, then check where it is.
	tb.wait(t, `(() => { const l = document.querySelector('.marks'); return !!(l && !l.hidden && l.querySelector('mark')); })()`)
	if m := tb.mark(t); !m.Shown || m.Text != `"` {
		t.Errorf("the syntax error is marked as %+v, want the quote at line 17, column 7", m)
	}

	// Wrap lines, and the body as pasted.
	tb.paste(t, github)
	var wraps bool
	tb.click(t, "#wrap")
	tb.wait(t, `document.getElementById('input').classList.contains('wrap')`)
	tb.run(t, chromedp.Evaluate(`getComputedStyle(document.getElementById('input')).whiteSpace === 'pre-wrap'`, &wraps))
	if !wraps {
		t.Error("the editor does not wrap")
	}
	// A minified body, which pretty-printing changes.
	var min bytes.Buffer
	if err := json.Compact(&min, []byte(github[strings.Index(github, "\n{")+1:])); err != nil {
		t.Fatal(err)
	}
	body := min.String()
	tb.paste(t, github[:strings.Index(github, "\n{")+1]+body)
	if s := tb.text(t, "[data-testid=body]"); s == body {
		t.Error("the body is not pretty-printed at first")
	}
	tb.click(t, "[data-testid=body-raw]")
	tb.wait(t, `document.querySelector('[data-testid=body-raw]').getAttribute('aria-pressed') === 'true'`)
	if s := tb.text(t, "[data-testid=body]"); s != body {
		t.Errorf("the body as pasted reads %q", s)
	}
	tb.screenshot(t, "report")

	// Plain words and times on the reader's clock, relative first.
	tb.paste(t, "HTTP/1.1 429 Too Many Requests\nRetry-After: 17\nRateLimit-Limit: 100\nRateLimit-Remaining: 0\nRateLimit-Reset: 42\n\n{\"error\": \"slow down\"}")
	clock := regexp.MustCompile(`^The server asks to wait 17 s: Retry-After 17, read as seconds; in 17 s, at \d\d:\d\d:\d\d\. normal`)
	if d := tb.text(t, "[data-testid=server-delay]"); !clock.MatchString(d) {
		t.Errorf("server delay: %q", d)
	}
	if rl := tb.text(t, "[data-testid=rate-limit]"); !strings.Contains(rl, "0 of 100 requests left; the window resets in 42 s") {
		t.Errorf("rate limit: %q", rl)
	}
	var labels []string
	tb.run(t, chromedp.Evaluate(`Array.from(document.querySelectorAll('#p-ra option')).map(o => o.textContent)`, &labels))
	if fmt.Sprint(labels) != "[wait at least the server's delay wait exactly the server's delay ignore the server's delay]" {
		t.Errorf("Retry-After modes: %q", labels)
	}
	// The parameters, edited: one handler reads each field by its id.
	change := func(sel, value string) {
		tb.decoded(t, fmt.Sprintf(`(() => { const el = document.querySelector(%s); el.value = %s; el.dispatchEvent(new Event('change', {bubbles: true})); })()`, jsString(sel), jsString(value)))
	}
	planRows := func() []string {
		var r []string
		tb.run(t, chromedp.Evaluate(`Array.from(document.querySelectorAll('[data-testid=plan-table] tbody tr')).map(r => r.textContent)`, &r))
		return r
	}
	change("#p-attempts", "3")
	if r := planRows(); len(r) != 2 || !strings.Contains(r[0], "the server's delay") {
		t.Errorf("3 attempts: %q", r)
	}
	change("#p-ra", "ignore")
	if r := planRows(); len(r) != 2 || strings.Contains(strings.Join(r, " "), "the server's delay") {
		t.Errorf("the server's delay ignored: %q", r)
	}
	change("#p-seed", "7")
	if s := tb.value(t, "#p-seed"); s != "7" {
		t.Errorf("seed %q", s)
	}
}

// TestBrowserHAREntries: the entry list shows each entry's status, method,
// URL, type, size and time, as the HAR file records them, and filters by type.
func TestBrowserHAREntries(t *testing.T) {
	har := mustRead(t, "../../dialects/testdata/har/chromium-api-calls.har")
	tb := openTab(t, "")
	tb.paste(t, har)
	var rows []string
	tb.run(t, chromedp.Evaluate(`Array.from(document.querySelectorAll('[data-testid=har-entries] button')).map(b => Array.from(b.children).map(c => c.textContent).join('|'))`, &rows))
	// The figures are the capture's, as TestHAREntries reads them.
	if len(rows) != 8 || rows[0] != "422|POST|http://127.0.0.1:42977/api/orders|problem+json|341 B|8 ms" ||
		rows[6] != "301|GET|http://127.0.0.1:42977/api/old|x-unknown|-|111 ms" {
		t.Errorf("entries listed: %q", rows)
	}
	tb.run(t, chromedp.SendKeys("#entry-filter", "html"))
	tb.wait(t, `document.querySelectorAll('[data-testid=har-entries] button').length === 2`)
	tb.click(t, "[data-testid=har-entries] button[data-entry='1']")
	tb.wait(t, `document.querySelector('[data-testid=status]').dataset.status === '200'`)
	if took := tb.text(t, "[data-testid=entry-time]"); took != "15 ms (HAR timing)" {
		t.Errorf("entry 1 took %q", took)
	}
}

// TestBrowserWithoutRules: app.wasm does not carry the secret rules; when
// the page cannot read them (web/secretrules.json), it makes no link and
// remembers nothing, and says why, rather than let a secret through.
func TestBrowserWithoutRules(t *testing.T) {
	s := getSession(t)
	tb := newTab(t, s.browser, s.url, network.SetBypassServiceWorker(true), network.SetBlockedURLs([]string{"*secretrules.json"}))
	secret := "HTTP/1.1 401 Unauthorized\nContent-Type: application/json\n\n{\"error\": {\"message\": \"Invalid API Key provided: sk_live_51H8zQ2eZvKYlo2C0aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\", \"type\": \"invalid_request_error\"}}"
	tb.run(t, chromedp.Evaluate(`localStorage.removeItem('errlens.input.v1')`, nil))
	tb.paste(t, secret)
	tb.click(t, "[data-testid=share]")
	if e := tb.text(t, "[data-testid=share-error]"); !strings.Contains(e, "could not read its secret rules (web/secretrules.json") {
		t.Errorf("share error %q", e)
	}
	var hash string
	var saved any
	tb.run(t, chromedp.Evaluate(`location.hash`, &hash), chromedp.Evaluate(`localStorage.getItem('errlens.input.v1')`, &saved))
	if hash != "" || saved != nil {
		t.Errorf("without the rules, a link (%q) or a remembered input (%v)", hash, saved)
	}
	// With them, the same paste is remembered, its key redacted.
	ok := openTab(t, "")
	ok.paste(t, secret)
	ok.wait(t, `(localStorage.getItem('errlens.input.v1') || '').includes('invalid_request_error')`)
	ok.run(t, chromedp.Evaluate(`localStorage.getItem('errlens.input.v1')`, &saved))
	if str, _ := saved.(string); strings.Contains(str, "sk_live_51H8") {
		t.Errorf("the remembered input keeps the key: %q", str)
	}
}

// TestWasmBudget: app.wasm, as make build compresses it (brotli's defaults),
// stays within its budget of 1.7 MB.
func TestWasmBudget(t *testing.T) {
	br := filepath.Join(repo, "web", "app.wasm.br")
	need(t, br)
	st, err := os.Stat(br)
	if err != nil {
		t.Fatal(err)
	}
	if wasm, _ := os.Stat(filepath.Join(repo, "web", "app.wasm")); wasm == nil || wasm.ModTime().After(st.ModTime()) {
		t.Fatal("web/app.wasm.br is older than web/app.wasm: run make build")
	}
	t.Logf("app.wasm: %d bytes brotli", st.Size())
	if st.Size() > 1_700_000 {
		t.Errorf("app.wasm is %d bytes brotli, over its budget of 1,700,000", st.Size())
	}
}

// TestBrowserShareHAREntry: a link made from a HAR file carries the entry
// read, alone, unless the whole file is asked for; both show that entry.
func TestBrowserShareHAREntry(t *testing.T) {
	har := mustRead(t, "../../dialects/testdata/har/chromium-api-calls.har")
	tb := openTab(t, "")
	tb.paste(t, har)
	tb.click(t, "[data-testid=har-entries] button[data-entry='4']")
	tb.wait(t, `document.querySelector('[data-testid=status]').dataset.status === '429'`)
	linkOf := func() share.State {
		t.Helper()
		link := tb.value(t, `[data-testid=share-url]`)
		s, _, err := share.Decode(link[strings.Index(link, "#")+1:])
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	tb.click(t, "[data-testid=share]")
	tb.wait(t, `document.querySelector('[data-testid=share-url]')`)
	one, oneURL := linkOf(), tb.value(t, `[data-testid=share-url]`)
	entries := gjson.Get(one.Input, "log.entries")
	if one.Entry != 1 || entries.Get("#").Int() != 1 || entries.Get("0.request.url").String() != "http://127.0.0.1:42977/api/limited" {
		t.Errorf("the link carries entry %d of %s", one.Entry, entries.Get("#.request.url"))
	}
	tb.click(t, "#whole-har")
	tb.wait(t, fmt.Sprintf(`document.querySelector('[data-testid=share-url]').value.length > %d`, len(tb.value(t, `[data-testid=share-url]`))))
	if whole := linkOf(); whole.Entry != 4 || gjson.Get(whole.Input, "log.entries.#").Int() != 8 {
		t.Errorf("the whole file's link: entry %d of %d", whole.Entry, gjson.Get(whole.Input, "log.entries.#").Int())
	}
	// The single entry's link opens on that entry.
	opened := openTab(t, oneURL[strings.Index(oneURL, "#"):])
	if s := opened.attr(t, "[data-testid=status]", "data-status"); s != "429" {
		t.Errorf("the link opens on status %s", s)
	}
}

// TestBrowserMarkdown: "Copy as Markdown" copies the report for an issue or a
// chat, with the link, read from the redacted paste: a key quoted by the
// message is not quoted in the Markdown.
func TestBrowserMarkdown(t *testing.T) {
	tb := openTab(t, "")
	tb.paste(t, "HTTP/1.1 401 Unauthorized\nContent-Type: application/json\nRequest-Id: req_8XGhx3\n\n{\"error\": {\"message\": \"Invalid API Key provided: sk_live_51H8zQ2eZvKYlo2C0aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\", \"type\": \"invalid_request_error\"}}")
	tb.run(t, chromedp.Evaluate(`window.copied = null; navigator.clipboard.writeText = t => { window.copied = t; return Promise.resolve(); }`, nil))
	tb.click(t, "[data-testid=markdown]")
	tb.wait(t, `window.copied`)
	var md string
	tb.run(t, chromedp.Evaluate(`window.copied`, &md))
	for _, want := range []string{"**401 Unauthorized** · stripe", "Invalid API Key provided: ", `|Request id|req\_8XGhx3|`, "**Retry: ", "[Open in errlens](" + getSession(t).url + "#v1."} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in the Markdown:\n%s", want, md)
		}
	}
	if strings.Contains(md, "sk_live_51H8") {
		t.Errorf("the Markdown quotes the key:\n%s", md)
	}
	if s := tb.text(t, "[data-testid=share] ~ [role=status]"); !strings.Contains(s, "copied as Markdown") {
		t.Errorf("no word of the copy: %q", s)
	}
}
