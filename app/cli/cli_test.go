//go:build !wasm

package cli

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/errlens/errlens/dialects/share"
	"github.com/errlens/errlens/dialects/share/secrettest"
	"github.com/tidwall/gjson"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

// TestInspectJSON: the documented keys are all present, flags work after the
// file, and the retry advice follows the options.
func TestInspectJSON(t *testing.T) {
	code, out, errs := run(t, "", "inspect", "../../dialects/testdata/errorcode-envelope/seed-001-upstream-curl.gallery.http", "--json", "--policy", "go-retryablehttp", "--attempts", "3", "--seed", "9")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"dialect", "confidence", "alternatives", "status", "type", "code", "title", "message", "detail", "requestId", "docUrl", "fieldErrors", "warnings", "retry"} {
		if _, ok := r[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	rt := r["retry"].(map[string]any)
	for _, k := range []string{"decision", "retryable", "reasons", "rateLimit", "policy", "willRetry", "schedule", "givesUp"} {
		if _, ok := rt[k]; !ok {
			t.Errorf("retry key %q missing", k)
		}
	}
	if r["dialect"] != "errorcode-envelope" || rt["decision"] != "verify-then-retry" || rt["policy"] != "go-retryablehttp" || len(rt["schedule"].([]any)) != 2 || rt["seed"].(float64) != 9 {
		t.Errorf("got dialect %v decision %v policy %v schedule %v", r["dialect"], rt["decision"], rt["policy"], rt["schedule"])
	}
	code, out, _ = run(t, "", "inspect", "--json", "--method", "GET", "../../dialects/testdata/errorcode-envelope/seed-001-upstream-curl.gallery.http")
	if code != 0 || !strings.Contains(out, `"decision": "retry"`) {
		t.Errorf("--method GET: exit %d\n%s", code, out)
	}
}

func TestInspectReadable(t *testing.T) {
	code, out, _ := run(t, "HTTP/1.1 429 Too Many Requests\nRetry-After: 7\n\n{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429}", "inspect", "-")
	for _, want := range []string{"429 Too Many Requests", "problem-details", "Retry: retry", "status     Too many requests in a given time: a rate limit. (RFC 6585 §4)", "server delay Retry-After: 7, read as seconds: wait 7 s, in 7 s, at ", "Timeline recommended"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if code != 0 || strings.Contains(out, "\x1b[") {
		t.Errorf("exit %d, or colour without a terminal", code)
	}
}

// TestInspectTimeline: the timeline in words, every retry meeting the same
// delay unless --delay-once, and the library's configuration with --config.
func TestInspectTimeline(t *testing.T) {
	const paste = "HTTP/1.1 503 Service Unavailable\nRetry-After: 7\nDate: Wed, 02 Dec 2026 14:41:09 GMT\n\n"
	_, out, _ := run(t, paste, "inspect", "-", "--policy", "got", "--method", "GET")
	for _, want := range []string{"Waits 7 s (the server's delay)", "2 retries in all", "retry 2   waits 7 s"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	// got 14: 2^(n-1) s + up to 100 ms of noise once the server's delay is gone.
	if _, out, _ := run(t, paste, "inspect", "-", "--policy", "got", "--method", "GET", "--delay-once"); !strings.Contains(out, "retry 2   waits 2 s to 2.1 s") {
		t.Errorf("--delay-once:\n%s", out)
	}
	code, out, _ := run(t, paste, "inspect", "-", "--policy", "urllib3", "--attempts", "6", "--config")
	if code != 0 || out != "import urllib3\nfrom urllib3.util import Retry\n\nhttp = urllib3.PoolManager(retries=Retry(total=5, backoff_factor=0))\nresp = http.request(\"GET\", url)\n" {
		t.Errorf("--config: exit %d\n%s", code, out)
	}
	if code, _, errs := run(t, paste, "inspect", "-", "--config"); code != 2 || !strings.Contains(errs, "recommended is no library") {
		t.Errorf("--config of recommended: exit %d, %q", code, errs)
	}
}

// TestExitCodes: 0 for a report or help, 1 for input that cannot be read, 2
// for a wrong command line, said with what would be right.
func TestExitCodes(t *testing.T) {
	const paste = "HTTP/1.1 404 Not Found\n\n{\"message\": \"no such order\"}"
	const adyenDialect = "../../dialects/testdata/adyen-checkout/adyen-checkout.dialect.json"
	adyen := "HTTP/1.1 422 Unprocessable Entity\nContent-Type: application/json\n\n" + // Adyen's checkout-return-url-missing-422 example
		`{"status": 422, "errorCode": "14_030", "message": "Return URL is missing.", "errorType": "validation", "pspReference": "8816118280275544"}`
	for _, tt := range []struct {
		stdin string
		args  []string
		code  int
		want  string // in stderr, or in stdout for exit 0
	}{
		{"", []string{"inspect", "/nonexistent"}, exitInput, "no such file"},
		{`{"log":{"entries":[]}}`, []string{"inspect", "-", "--entry", "3"}, exitInput, "entry 3 does not exist"},
		{"", []string{"inspect", "-"}, exitUsage, "no input: standard input was empty"},
		{" \n\t\n", []string{"inspect"}, exitUsage, "no input"},
		{"", []string{"share"}, exitUsage, "no input"},
		{paste, []string{"inspect", "--jsn"}, exitUsage, "unknown flag --jsn; did you mean --json?"},
		{paste, []string{"inspect", "--policy", "urlib3"}, exitUsage, "did you mean urllib3? (known: seeds, recommended,"},
		{paste, []string{"inspect", "--policy", "nope"}, exitUsage, "cenkalti-backoff-v5"},
		{paste, []string{"inspect", "--dialect", "strpe"}, exitUsage, "--dialect strpe: unknown; did you mean stripe?"},
		{paste, []string{"inspect", "--method", "FOO"}, exitUsage, "--method FOO: unknown (known: GET, HEAD, POST"},
		{paste, []string{"share", "--method", "pots"}, exitUsage, "did you mean POST?"},
		{paste, []string{"inspect", "--entry", "2"}, exitUsage, "--entry 2: - is no HAR file"},
		{paste, []string{"inspect", "--entry", "-1"}, exitUsage, "numbered from 1"},
		{paste, []string{"inspect", "--attempts", "x"}, exitUsage, `invalid value "x" for flag --attempts: not a number`},
		{paste, []string{"inspect", "--policy"}, exitUsage, "flag needs an argument: --policy"},
		{paste, []string{"inspect", "a", "b"}, exitUsage, "one FILE at a time"},
		{paste, []string{"share", "--keep", "3"}, exitUsage, "no redaction 3; this paste has 0"},
		{paste, []string{"share", "--policy", "gott"}, exitUsage, "did you mean got?"},
		{paste, []string{"share", "--origin", "docs.example.com"}, exitUsage, "--origin docs.example.com: not a URL"},
		{"", []string{"serve", "extra"}, exitUsage, `unexpected argument "extra"`},
		{"", []string{"insect"}, exitUsage, "did you mean inspect?"},
		{"", []string{}, exitUsage, "Usage:"},
		{"", []string{"dialects"}, exitOK, "problem-details"},
		{paste, []string{"inspect", "--method", "get"}, exitOK, "Retry: do not retry"},
		{adyen, []string{"inspect", "--dialects", adyenDialect}, exitOK, "adyen-checkout, confidence 1.00"},
		{adyen, []string{"inspect", "--dialects", adyenDialect, "--dialect", "adyen-checkout", "--json"}, exitOK, `"requestIdSource": "body pspReference"`},
		{adyen, []string{"inspect", "--dialect", "adyen-checkout"}, exitUsage, "--dialect adyen-checkout: unknown"},
		{adyen, []string{"inspect", "--dialects", "/nonexistent.json"}, exitInput, "no such file"},
		{adyen, []string{"inspect", "--dialects", "../../dialects/testdata/adyen-checkout/README.md"}, exitInput, "README.md:1:1: a dialect file is a JSON object"},
		{"", []string{"dialect", "check", adyenDialect}, exitOK, "ok: dialect adyen-checkout (Adyen Checkout API), 4 retry rules"},
		{"", []string{"dialect", "check", adyenDialect, "../../go.mod"}, exitInput, "go.mod:1:1: a dialect file is a JSON object"},
		{"", []string{"dialect", "check"}, exitUsage, "no FILE to check"},
		{"", []string{"dialect", "chek"}, exitUsage, "did you mean check?"},
		{"", []string{"dialect"}, exitUsage, "Usage:"},
		{"", []string{"dialect", "check", "--help"}, exitOK, "errlens dialect check FILE"},
		{adyen, []string{"dialect", "draft", "--id", "adyen"}, exitOK, `"requestId": "pspReference"`},
		{"HTTP/1.1 502 Bad Gateway\n\nupstream timed out", []string{"dialect", "draft"}, exitInput, "a dialect is drafted from a JSON object body; this body is text"},
	} {
		code, out, errs := run(t, tt.stdin, tt.args...)
		got := errs
		if tt.code == exitOK {
			got = out
		}
		if code != tt.code || !strings.Contains(got, tt.want) {
			t.Errorf("errlens %v: exit %d (want %d)\nstdout %q\nstderr %q\nwant %q", tt.args, code, tt.code, out, errs, tt.want)
		}
	}
}

var singleDash = regexp.MustCompile(`(?m)^\s+-[a-z]`)

// TestHelp: every command's --help and -h print its usage with double-dash
// flags and the exit codes, on stdout, and exit 0.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"inspect", "--help"}, {"inspect", "-h"}, {"share", "--help"}, {"serve", "--help"}, {"static", "-h"}} {
		code, out, errs := run(t, "", args...)
		if code != exitOK || errs != "" || !strings.Contains(out, "Usage:") || !strings.Contains(out, "Exit codes: 0 report printed, 1") {
			t.Errorf("errlens %v: exit %d, stderr %q\n%s", args, code, errs, out)
		}
		if len(args) == 2 && (!strings.Contains(out, "\n  --") || singleDash.MatchString(out)) {
			t.Errorf("errlens %v: flags not in --flag form:\n%s", args, out)
		}
	}
	if _, out, _ := run(t, "", "inspect", "--help"); !strings.Contains(out, "--policy NAME") || !strings.Contains(out, "(default recommended)") {
		t.Errorf("inspect --help:\n%s", out)
	}
}

// TestShareSecretCorpus: errlens share leaves none of gitleaks's example
// secrets, planted once each across the 13 places, in at least 99% of cases.
func TestShareSecretCorpus(t *testing.T) {
	secrets, err := secrettest.Load("../../dialects/share/testdata/gitleaks/tps.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	planted, leaked := 0, 0
	for _, b := range secrettest.Batches(secrets, share.MaxInput) {
		code, out, errs := run(t, b.Text, "share", "-")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		s, _, err := share.Decode(strings.TrimSpace(out[strings.Index(out, "#")+1:]))
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
	t.Logf("errlens share: %d of %d secrets removed (%.2f%%)", planted-leaked, planted, pct)
	if planted < 600 || pct < 99 {
		t.Errorf("%d secrets planted, %.2f%% removed; want 99%%", planted, pct)
	}
}

// TestShare: errlens share prints a link whose state is the redacted paste,
// lists what it redacted, and keeps what --keep names.
func TestShare(t *testing.T) {
	paste := "HTTP/1.1 401 Unauthorized\nAuthorization: Bearer abcdefghijklmnopqrstu\n\n{\"detail\": \"token sk_live_1234567890abcdefgh expired\"}"
	code, out, errs := run(t, paste, "share", "-", "--base", "https://tools.example/errlens/", "--method", "get")
	if code != 0 || !strings.HasPrefix(out, "https://tools.example/errlens/#v1.") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	s, _, err := share.Decode(strings.TrimSpace(out[strings.Index(out, "#")+1:]))
	if err != nil || strings.Contains(s.Input, "abcdefghijklmnop") || strings.Contains(s.Input, "sk_live_") || s.Method != "GET" {
		t.Errorf("state %+v (%v)", s, err)
	}
	if !strings.Contains(errs, "redacted 1: header Authorization") || !strings.Contains(errs, "redacted 2: stripe access token") {
		t.Errorf("redactions listed:\n%s", errs)
	}
	_, out, _ = run(t, paste, "share", "-", "--keep", "2", "--embed")
	if !strings.Contains(out, "#embed.v1.") {
		t.Errorf("embed link %s", out)
	}
	s, _, _ = share.Decode(strings.TrimSpace(out[strings.Index(out, "#embed.")+len("#embed."):]))
	if !strings.Contains(s.Input, "sk_live_1234567890abcdefgh") || strings.Contains(s.Input, "abcdefghijklmnop") {
		t.Errorf("--keep 2: %q", s.Input)
	}
	// A HAR file's link carries the entry shown, alone, unless asked for the
	// whole file; the entry is the first failed one, or --entry's.
	const har = "../../dialects/testdata/har/chromium-api-calls.har"
	for _, c := range []struct {
		args           []string
		entry, entries int64
		url            string
	}{
		{nil, 1, 1, "http://127.0.0.1:42977/api/orders"},
		{[]string{"--entry", "4"}, 1, 1, "http://127.0.0.1:42977/api/limited"},
		{[]string{"--whole-har"}, 3, 8, "http://127.0.0.1:42977/"},
	} {
		code, out, errs := run(t, "", append([]string{"share", har}, c.args...)...)
		s, _, err := share.Decode(strings.TrimSpace(out[strings.Index(out, "#")+1:]))
		if code != 0 || err != nil || int64(s.Entry) != c.entry || gjson.Get(s.Input, "log.entries.#").Int() != c.entries ||
			gjson.Get(s.Input, "log.entries.0.request.url").String() != c.url {
			t.Errorf("share %v: exit %d, entry %d of %d (%v) %s", c.args, code, s.Entry, gjson.Get(s.Input, "log.entries.#").Int(), err, errs)
		}
	}
	// What the embed view shows.
	_, out, _ = run(t, paste, "share", "-", "--embed", "--hide", "headers,retry", "--locked")
	if s, _, err := share.Decode(strings.TrimSpace(out[strings.Index(out, "#embed.")+len("#embed."):])); err != nil || !slices.Equal(s.Hide, []string{"headers", "retry"}) || !s.Locked {
		t.Errorf("--hide --locked: %+v (%v)", s, err)
	}
	if code, _, errs := run(t, paste, "share", "-", "--hide", "header"); code != 2 || !strings.Contains(errs, "did you mean headers?") {
		t.Errorf("--hide header: exit %d %s", code, errs)
	}
	if code, _, errs := run(t, paste, "share", "-", "--entry", "2"); code != 2 || !strings.Contains(errs, "is no HAR file") {
		t.Errorf("--entry on a non-HAR paste: exit %d %s", code, errs)
	}
	// An embed for a docs portal: the portal's origin may drive it, and the
	// link carries the portal's dialect file.
	const dialect = "../../dialects/testdata/adyen-checkout/adyen-checkout.dialect.json"
	_, out, errs = run(t, "", "share", "../../dialects/testdata/adyen-checkout/adyen-checkout-422.http", "--embed",
		"--origin", "https://docs.example.com/errors/", "--origin", "http://localhost:3000", "--dialects", dialect)
	s, notes, err := share.Decode(strings.TrimSpace(out[strings.Index(out, "#embed.")+len("#embed."):]))
	if err != nil || notes != nil || !slices.Equal(s.Origins, []string{"https://docs.example.com", "http://localhost:3000"}) ||
		len(s.Dialects) != 1 || len(s.Custom()) != 1 || s.Custom()[0].ID != "adyen-checkout" {
		t.Errorf("embed state %+v, notes %v (%v) %s", s, notes, err, errs)
	}
	// For an issue tracker: the report as Markdown, with the redacted link.
	code, out, errs = run(t, "", "share", "../../dialects/testdata/adyen-checkout/adyen-checkout-422.http", "--markdown", "--dialects", dialect, "--base", "https://tools.example/")
	if code != exitOK || !strings.HasPrefix(out, "**422 Unprocessable Entity** · adyen-checkout\n\n> Return URL is missing.\n") ||
		!strings.Contains(out, "|Request id|8816118280275544|") || !strings.Contains(out, "**Retry: do not retry**\n- a validation error") ||
		!strings.Contains(out, "[Open in errlens](https://tools.example/#v1.") {
		t.Errorf("--markdown: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := run(t, "", "share", dialect, "--dialects", "../../go.mod"); code != exitInput || !strings.Contains(errs, "go.mod:1:1:") {
		t.Errorf("a bad dialect file: exit %d %s", code, errs)
	}
	// A paste too big for any link is refused with what to do.
	big := paste + strings.Repeat(" ", share.MaxInput)
	if code, out, errs := run(t, big, "share", "-"); code != exitInput || out != "" || !strings.Contains(errs, "trim it") {
		t.Errorf("a %d-byte paste: exit %d, %q %q", len(big), code, out, errs)
	}
}

// TestHAREntries: the entry list of a HAR recorded by Chromium gives each
// entry's status, method, body size, time and type (the capture's own
// figures), failed entries first.
func TestHAREntries(t *testing.T) {
	code, out, errs := run(t, "", "inspect", "../../dialects/testdata/har/chromium-api-calls.har")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^  >   3  422 POST +341 B +8 ms  application/problem\+json +http://127\.0\.0\.1:42977/api/orders$`),
		regexp.MustCompile(`(?m)^      4  429 GET +63 B +16 ms  application/json +http://127\.0\.0\.1:42977/api/limited$`),
		regexp.MustCompile(`(?m)^      6  301 GET +- +111 ms  x-unknown +http://127\.0\.0\.1:42977/api/old$`),
	} {
		if !want.MatchString(out) {
			t.Errorf("no line matching %s in\n%s", want, out)
		}
	}
	if strings.Index(out, "  8  503") > strings.Index(out, "  1  200") {
		t.Errorf("failed entries are not listed first:\n%s", out)
	}
}
