// Package secrettest plants real-format secrets in the places a paste holds
// them, for the tests of redaction in the core, the CLI and the browser: the
// secrets are the true-positive examples of gitleaks's rules
// (dialects/share/testdata/gitleaks), the places are those of a curl -v
// output, a response body and a HAR file.
package secrettest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
)

// Secret is one distinct secret and the rule whose example it is.
type Secret struct {
	Rule  string `json:"rule"`
	Value string `json:"secret"`
}

// Load reads the distinct secrets of a tps.jsonl file, in a stable order.
func Load(path string) ([]Secret, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	seen := map[Secret]bool{}
	var out []Secret
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var s Secret
		var tp struct{ TP string }
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		json.Unmarshal(sc.Bytes(), &tp)
		if s.Rule == "jwt-base64" {
			// gitleaks reports a piece of the base64-encoded JWT; a paste
			// holds the whole encoded token.
			s.Value = tokenAround(tp.TP, s.Value)
		}
		if s.Value != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Rule != out[j].Rule {
			return out[i].Rule < out[j].Rule
		}
		return out[i].Value < out[j].Value
	})
	return out, sc.Err()
}

// tokenAround is the run of base64 characters of text that holds part.
func tokenAround(text, part string) string {
	i := strings.Index(text, part)
	if i < 0 {
		return part
	}
	b64 := func(c byte) bool {
		return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '='
	}
	s, e := i, i+len(part)
	for s > 0 && b64(text[s-1]) {
		s--
	}
	for e < len(text) && b64(text[e]) {
		e++
	}
	return text[s:e]
}

// Context is one place a paste can hold a secret.
type Context struct {
	Name string
	// ByShape: nothing in the place names a credential; only the value's
	// shape can tell.
	ByShape bool
	// Plant returns a paste holding v (the i-th planted), and v as the paste
	// holds it (escaped or encoded); ok is false where v cannot sit.
	Plant func(v string, i int) (paste, planted string, ok bool)
}

// Names real APIs and clients give to credentials, rotated over the plants.
var (
	headerNames = []string{"DD-API-KEY", "X-Algolia-API-Key", "X-Postmark-Server-Token", "X-Auth-Key", "X-Gitlab-Token",
		"Token", "X-Api-Key", "Api-Key", "X-Auth-Token", "PRIVATE-TOKEN", "X-Shopify-Access-Token", "Authorization"}
	queryNames = []string{"api_key", "access_token", "token", "key", "apikey", "client_secret", "auth", "sig", "signature", "code_verifier"}
	formNames  = []string{"password", "client_secret", "refresh_token", "pass", "pwd", "passphrase", "secret", "api_key", "otp", "token"}
	jsonNames  = []string{"api_key", "token", "secret", "password", "auth", "apiKey", "accessToken", "private_key", "jwt", "dsn",
		"connection_string", "webhook_url", "credentials", "signature", "pwd", "key"}
	cookieNames = []string{"session", "sessionid", "_gh_sess", "connect.sid", "auth", "remember_token", "JSESSIONID", "laravel_session"}
)

func pick(names []string, i int) string { return names[i%len(names)] }

// quoted is v as a JSON string's content.
func quoted(v string) string {
	b, _ := json.Marshal(v)
	return string(b[1 : len(b)-1])
}

// plain reports a value that sits in a header, a parameter or a log line
// unchanged: no spaces, quotes or line breaks.
func plain(v string) bool { return !strings.ContainsAny(v, " \t\r\n\"'") }

const status = "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nX-Request-Id: req_7f3a9c2e\r\n\r\n"

func har(entry string) string {
	return `{"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "entries": [{"startedDateTime": "2026-12-03T08:00:00.000Z", "time": 84.2, ` + entry + `}]}}`
}

// Contexts are the 13 places of the secret corpus.
var Contexts = []Context{
	{Name: "neutral JSON value", ByShape: true, Plant: func(v string, i int) (string, string, bool) {
		q := quoted(v)
		return status + `{"error": {"code": "invalid_request", "detail": "` + q + `", "request_id": "req_7f3a9c2e"}}`, q, true
	}},
	{Name: "message text", ByShape: true, Plant: func(v string, i int) (string, string, bool) {
		q := quoted(v)
		return status + `{"message": "The credential ` + q + ` was revoked; create a new one in the dashboard."}`, q, true
	}},
	{Name: "curl -H header", Plant: func(v string, i int) (string, string, bool) {
		if !plain(v) {
			return "", "", false
		}
		name := pick(headerNames, i)
		val := v
		if name == "Authorization" {
			val = "Bearer " + v
		}
		return "$ curl -sS -i https://api.example.com/v1/items -H 'Accept: application/json' -H '" + name + ": " + val + "'\n" + status + `{"error": "unauthorized"}`, v, true
	}},
	{Name: "header line", Plant: func(v string, i int) (string, string, bool) {
		if !plain(v) {
			return "", "", false
		}
		return "> GET /v1/items HTTP/1.1\n> Host: api.example.com\n> " + pick(headerNames, i+5) + ": " + v + "\n> Accept: */*\n>\n< " +
			strings.ReplaceAll(status, "\r\n", "\n< ") + `{"error": "unauthorized"}`, v, true
	}},
	{Name: "query string", Plant: func(v string, i int) (string, string, bool) {
		e := url.QueryEscape(v)
		return "$ curl -i 'https://api.example.com/v1/items?page=2&" + pick(queryNames, i) + "=" + e + "&limit=50'\n" + status + `{"error": "unauthorized"}`, e, true
	}},
	{Name: "form body", Plant: func(v string, i int) (string, string, bool) {
		e := url.QueryEscape(v)
		return "$ curl -i https://api.example.com/oauth/token -d 'grant_type=password&username=bob&" + pick(formNames, i) + "=" + e + "'\n" + status + `{"error": "invalid_grant"}`, e, true
	}},
	{Name: "HAR header", Plant: func(v string, i int) (string, string, bool) {
		q, name := quoted(v), pick(headerNames, i+3)
		if name == "Authorization" {
			q = "Bearer " + q
		}
		return har(`"request": {"method": "GET", "url": "https://api.example.com/v1/items", "headers": [{"name": "Accept", "value": "application/json"}, {"name": "` + name + `", "value": "` + q + `"}], "queryString": [], "cookies": []}, "response": {"status": 401, "statusText": "Unauthorized", "headers": [], "cookies": [], "content": {"size": 2, "mimeType": "application/json", "text": "{}"}}`), quoted(v), true
	}},
	{Name: "HAR query", Plant: func(v string, i int) (string, string, bool) {
		q := quoted(v)
		return har(`"request": {"method": "GET", "url": "https://api.example.com/v1/items", "headers": [], "queryString": [{"name": "page", "value": "2"}, {"name": "` + pick(queryNames, i+1) + `", "value": "` + q + `"}], "cookies": []}, "response": {"status": 401, "statusText": "Unauthorized", "headers": [], "cookies": [], "content": {"size": 2, "mimeType": "application/json", "text": "{}"}}`), q, true
	}},
	{Name: "HAR cookie", Plant: func(v string, i int) (string, string, bool) {
		q := quoted(v)
		return har(`"request": {"method": "GET", "url": "https://app.example.com/api/me", "headers": [], "queryString": [], "cookies": [{"name": "` + pick(cookieNames, i) + `", "value": "` + q + `", "path": "/", "httpOnly": true}]}, "response": {"status": 403, "statusText": "Forbidden", "headers": [], "cookies": [], "content": {"size": 2, "mimeType": "application/json", "text": "{}"}}`), q, true
	}},
	{Name: "escaped JSON in HAR content", Plant: func(v string, i int) (string, string, bool) {
		inner := `{"error":"invalid_client","` + pick(jsonNames, i) + `":"` + quoted(v) + `"}`
		text := quoted(inner)
		planted := quoted(quoted(v))
		return har(`"request": {"method": "POST", "url": "https://api.example.com/v1/auth", "headers": [], "queryString": [], "cookies": []}, "response": {"status": 400, "statusText": "Bad Request", "headers": [], "cookies": [], "content": {"size": 90, "mimeType": "application/json", "text": "` + text + `"}}`), planted, true
	}},
	{Name: "key=value log line", Plant: func(v string, i int) (string, string, bool) {
		if !plain(v) {
			return "", "", false
		}
		return status + "time=2026-12-03T08:00:00Z level=error msg=\"auth failed\" " + pick(formNames, i+2) + "=" + v + " user=bob\n", v, true
	}},
	{Name: "Cookie header", Plant: func(v string, i int) (string, string, bool) {
		if !plain(v) || strings.ContainsAny(v, ";,") {
			return "", "", false
		}
		return "$ curl -i https://app.example.com/api/me -H 'Cookie: theme=dark; " + pick(cookieNames, i) + "=" + v + "; lang=en'\n" + status + `{"error": "forbidden"}`, v, true
	}},
	{Name: "URL credentials", Plant: func(v string, i int) (string, string, bool) {
		e := url.PathEscape(v)
		e = strings.NewReplacer("@", "%40", ":", "%3A", "/", "%2F").Replace(e)
		return "$ curl -i https://deploy:" + e + "@git.example.com/api/v4/projects\n" + status + `{"message": "401 Unauthorized"}`, e, true
	}},
}

// Leaked reports whether out, the redacted paste, still holds 10
// consecutive bytes of planted (all of it, when it is shorter) that the paste
// does not hold elsewhere.
func Leaked(out, planted, paste string) bool {
	const window = 10
	if len(planted) <= window {
		return strings.Count(out, planted) > strings.Count(paste, planted)-1
	}
	rest := strings.ReplaceAll(paste, planted, "")
	for i := 0; i+window <= len(planted); i++ {
		if w := planted[i : i+window]; strings.Contains(out, w) && !strings.Contains(rest, w) {
			return true
		}
	}
	return false
}

// Batch is pastes joined into one text, with the forms of the secrets it
// holds.
type Batch struct {
	Text    string
	Planted []string
}

// Batches plants each secret once, the i-th in the (i mod 13)-th place (the
// next one that can hold it), and joins the pastes into texts of at most
// size bytes: a few pastes hold every secret, for the tests that go through
// the CLI or the browser.
func Batches(secrets []Secret, size int) []Batch {
	var out []Batch
	cur := Batch{}
	for i, s := range secrets {
		for j := range Contexts {
			paste, form, ok := Contexts[(i+j)%len(Contexts)].Plant(s.Value, i)
			if !ok {
				continue
			}
			if len(cur.Text)+len(paste)+2 > size && cur.Text != "" {
				out = append(out, cur)
				cur = Batch{}
			}
			cur.Text += paste + "\n\n"
			cur.Planted = append(cur.Planted, form)
			break
		}
	}
	return append(out, cur)
}
