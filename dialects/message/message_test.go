package message

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in     string
		format       Format
		status       int
		reason, body string
		header       string // "Name=value" expected among the response headers
		method, url  string
		responses    int
		notes        int
	}{
		{name: "curl -i HTTP/1.1", in: "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n\r\n{\"a\":1}",
			format: FormatCurl, status: 404, reason: "Not Found", body: `{"a":1}`, header: "content-type=application/json", responses: 1},
		{name: "HTTP/2 without reason", in: "HTTP/2 429\ncontent-type: text/plain\n\nslow down\n",
			format: FormatCurl, status: 429, body: "slow down\n", header: "Content-Type=text/plain", responses: 1},
		{name: "HTTP/3", in: "HTTP/3 503\nretry-after: 5\n\n", format: FormatCurl, status: 503, header: "Retry-After=5", responses: 1},
		{name: "HTTP/1.0", in: "HTTP/1.0 500 Internal Server Error\n\noops", format: FormatCurl, status: 500, reason: "Internal Server Error", body: "oops", responses: 1},
		{name: "100 Continue then the answer", in: "HTTP/1.1 100 Continue\n\nHTTP/1.1 413 Content Too Large\nConnection: close\n\nbig",
			format: FormatCurl, status: 413, reason: "Content Too Large", body: "big", header: "Connection=close", responses: 2},
		{name: "redirect chain, last counts", in: "HTTP/1.1 302 Found\nLocation: /b\n\nHTTP/2 401\nwww-authenticate: Bearer\n\n",
			format: FormatCurl, status: 401, header: "WWW-Authenticate=Bearer", responses: 2},
		{name: "command line above", in: "$ curl -si -X post https://api.example.com/v1/x -H 'Idempotency-Key: k1' \\\n  -d '{}'\nHTTP/1.1 500 Internal Server Error\n\n",
			format: FormatCurl, status: 500, reason: "Internal Server Error", method: "POST", url: "https://api.example.com/v1/x", responses: 1},
		{name: "data implies POST", in: "curl -i https://h/x --data-raw 'a=1'\nHTTP/1.1 400 Bad Request\n\n", format: FormatCurl, status: 400, reason: "Bad Request", method: "POST", url: "https://h/x", responses: 1},
		{name: "obs-fold", in: "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"a\",\n  error=\"invalid_token\"\n\n",
			format: FormatCurl, status: 401, reason: "Unauthorized", header: `WWW-Authenticate=Bearer realm="a", error="invalid_token"`, responses: 1},
		{name: "no blank line before JSON", in: "HTTP/1.1 400 Bad Request\nContent-Type: application/json\n{\"a\":1}",
			format: FormatCurl, status: 400, reason: "Bad Request", body: `{"a":1}`, responses: 1},
		{name: "stray line in headers", in: "HTTP/1.1 400 Bad Request\nContent-Type: text/plain\nthis is not a header\nmore",
			format: FormatCurl, status: 400, reason: "Bad Request", body: "this is not a header\nmore", responses: 1, notes: 1},
		{name: "bad status line", in: "HTTP/1.1 4x4 Nope\n\n", format: FormatCurl, responses: 1, notes: 1},
		{name: "docs' status line without its slash", in: "HTTP 1.1 404 Not Found\nContent-Type: application/problem+json\n\n{}",
			format: FormatCurl, status: 404, reason: "Not Found", body: "{}", responses: 1, notes: 1},
		{name: "headers and body", in: "Content-Type: application/problem+json\nX-Request-Id: 7\n\n{}", format: FormatHeaders, body: "{}", header: "X-Request-Id=7"},
		{name: "body alone", in: "\n\n  {\"detail\": \"x\"}\n", format: FormatBody, body: "  {\"detail\": \"x\"}\n"},
		{name: "empty", in: " \n\t\n", format: FormatEmpty},
		{name: "curl -v", in: "*   Trying 1.2.3.4:443...\n> DELETE /v1/items/9 HTTP/2\n> Host: api.example.com\n> Idempotency-Key: abc\n>\n< HTTP/2 409\n< content-type: application/json\n<\n{ [20 bytes data]\n{\"error\":\"conflict\"}* Connection #0 to host api.example.com left intact\n",
			format: FormatVerbose, status: 409, body: `{"error":"conflict"}`, header: "Content-Type=application/json", method: "DELETE", url: "/v1/items/9", responses: 1},
		{name: "curl -v with redirect", in: "> GET /a HTTP/1.1\n>\n< HTTP/1.1 301 Moved\n< Location: /b\n<\n* Issue another request\n> GET /b HTTP/1.1\n>\n< HTTP/1.1 404 Not Found\n< X-Id: 2\n<\nmissing\n",
			format: FormatVerbose, status: 404, reason: "Not Found", body: "missing", header: "X-Id=2", method: "GET", url: "/b", responses: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse(tt.in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if m.Format != tt.format || m.Status != tt.status || m.Reason != tt.reason || m.Body != tt.body || m.Responses != tt.responses {
				t.Errorf("got format=%s status=%d reason=%q body=%q responses=%d", m.Format, m.Status, m.Reason, m.Body, m.Responses)
			}
			if tt.header != "" {
				name, value, _ := strings.Cut(tt.header, "=")
				if got, ok := m.Headers.Lookup(name); !ok || got != value {
					t.Errorf("header %s = %q (%v); headers %v", name, got, ok, m.Headers)
				}
			}
			if m.Method != tt.method || m.URL != tt.url {
				t.Errorf("request %q %q", m.Method, m.URL)
			}
			if len(m.Notes) != tt.notes {
				t.Errorf("notes %v, want %d", m.Notes, tt.notes)
			}
			if m.Body != "" && m.Format != FormatVerbose && tt.in[m.BodyOffset:] != m.Body {
				t.Errorf("BodyOffset %d does not point at the body", m.BodyOffset)
			}
		})
	}
}

func TestNotesHaveLines(t *testing.T) {
	m, _ := Parse("HTTP/1.1 400 Bad Request\nA: b\nnot a header\n", Options{})
	if len(m.Notes) != 1 || m.Notes[0].Line != 3 || !strings.Contains(m.Notes[0].String(), `line 3: "not a header" is not a header field`) {
		t.Errorf("notes %v", m.Notes)
	}
	m, _ = Parse("HTTP/1.1 abc\n\n", Options{})
	if len(m.Notes) != 1 || m.Notes[0].Line != 1 {
		t.Errorf("notes %v", m.Notes)
	}
}

const har = `{"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": [
 {"startedDateTime": "2026-11-01T10:00:00.000Z", "request": {"method": "GET", "url": "https://api.example.com/ok", "headers": []},
  "response": {"status": 200, "statusText": "OK", "httpVersion": "h2", "headers": [], "content": {"size": 2, "mimeType": "application/json", "text": "{}"}}},
 {"startedDateTime": "2026-11-01T10:00:01.000Z", "request": {"method": "POST", "url": "https://api.example.com/pay", "headers": [{"name": "Idempotency-Key", "value": "k9"}]},
  "response": {"status": 422, "statusText": "", "httpVersion": "h2", "headers": [{"name": "content-type", "value": "application/problem+json"}],
   "content": {"size": 28, "mimeType": "application/problem+json", "text": "eyJ0aXRsZSI6IkludmFsaWQiLCJzdGF0dXMiOjQyMn0=", "encoding": "base64"}}},
 {"startedDateTime": "2026-11-01T10:00:02.000Z", "request": {"method": "GET", "url": "https://cdn.example.com/x.js", "headers": []},
  "response": {"status": 0, "statusText": "", "httpVersion": "", "headers": [], "content": {"size": 0, "mimeType": "x-unknown"}}}
]}}`

func TestHAR(t *testing.T) {
	m, err := Parse(har, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Format != FormatHAR || m.Entry != 2 || m.Status != 422 || m.Method != "POST" || m.Body != `{"title":"Invalid","status":422}` {
		t.Errorf("default entry: %+v", m)
	}
	if m.RequestHeaders.Get("idempotency-key") != "k9" || m.Headers.MediaType() != "application/problem+json" {
		t.Errorf("headers: %v %v", m.RequestHeaders, m.Headers)
	}
	var order []int
	for _, e := range m.Entries {
		order = append(order, e.N)
	}
	if len(order) != 3 || order[0] != 2 || order[1] != 3 || order[2] != 1 {
		t.Errorf("entries not failed-first: %v", order)
	}
	m, err = Parse(har, Options{Entry: 3})
	if err != nil || m.Status != 0 || len(m.Notes) != 1 || !strings.Contains(m.Notes[0].Text, "no response") {
		t.Errorf("entry 3: %v %+v", err, m)
	}
	_, err = Parse(har, Options{Entry: 4})
	var ee *EntryError
	if !errors.As(err, &ee) || err.Error() != "entry 4 does not exist: the HAR file has 3 entries (1 to 3)" {
		t.Errorf("entry 4: %v", err)
	}
}

func TestTooLarge(t *testing.T) {
	_, err := Parse(strings.Repeat("a", MaxInput+1), Options{})
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != MaxInput+1 {
		t.Errorf("got %v", err)
	}
}

func TestShellWords(t *testing.T) {
	got := shellWords(`curl -H "A: b c" -H 'X: "y"' a\ b`)
	want := []string{"curl", "-H", "A: b c", "-H", `X: "y"`, "a b"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q", got)
	}
}

// TestTrailers: curl -i prints a chunked response's trailer fields after the
// body; they are cut off a JSON body and noted.
func TestTrailers(t *testing.T) {
	in := "HTTP/1.1 409 Conflict\nContent-Type: application/json\n\n{\"title\":\"Conflict\"}\nServer-Timing: init;dur=0\nServer-Timing: deserialize;dur=0;desc=\"a > b\"\n"
	m, err := Parse(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Body != `{"title":"Conflict"}` || len(m.Notes) != 2 || !strings.Contains(m.Notes[1].Text, "deserialize") {
		t.Errorf("body %q, notes %+v", m.Body, m.Notes)
	}
}

// TestOneEntry: a HAR file cut to one entry holds that entry as it was, and
// reads as it did in the whole file.
func TestOneEntry(t *testing.T) {
	b, err := os.ReadFile("../testdata/har/chromium-api-calls.har")
	if err != nil {
		t.Fatal(err)
	}
	har := string(b)
	whole, err := Parse(har, Options{Entry: 4})
	if err != nil {
		t.Fatal(err)
	}
	one, err := OneEntry(har, 4)
	if err != nil {
		t.Fatal(err)
	}
	if !gjson.Valid(one) || gjson.Get(one, "log.entries.#").Int() != 1 ||
		gjson.Get(one, "log.entries.0").Raw != gjson.Get(har, "log.entries.3").Raw ||
		gjson.Get(one, "log.creator.name").String() != "Playwright" {
		t.Fatalf("one entry: %.300s", one)
	}
	if len(one)*3 > len(har) {
		t.Errorf("one entry of 8 is %d bytes of %d", len(one), len(har))
	}
	m, err := Parse(one, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != whole.Status || m.Body != whole.Body || m.URL != whole.URL || len(m.Entries) != 1 {
		t.Errorf("one entry reads %d %q %q, the whole file %d %q %q", m.Status, m.URL, m.Body, whole.Status, whole.URL, whole.Body)
	}
	for _, c := range []struct {
		in string
		n  int
	}{{har, 0}, {har, 9}, {"HTTP/1.1 200 OK\n\n{}", 1}, {`{"log": 1}`, 1}, {"", 1}} {
		if _, err := OneEntry(c.in, c.n); err == nil {
			t.Errorf("OneEntry(%.20q, %d) has no error", c.in, c.n)
		}
	}
}
