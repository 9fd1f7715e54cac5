package dialects

import (
	"os"
	"strings"
	"testing"
)

// TestBuiltinFiles checks every built-in dialect file as ParseDialect checks
// a user's (app.wasm skips the checks for them), and that each is registered
// under its file's name.
func TestBuiltinFiles(t *testing.T) {
	entries, err := os.ReadDir("builtin")
	if err != nil || len(entries) < 3 {
		t.Fatalf("builtin/: %v, %d files", err, len(entries))
	}
	for _, e := range entries {
		b, err := os.ReadFile("builtin/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		f, p := checkFile(string(b))
		if p.errs != nil {
			t.Errorf("%s:\n%v", e.Name(), p.errs)
			continue
		}
		if f.ID+".json" != e.Name() || Lookup(f.ID) == nil || Lookup(f.ID).Custom {
			t.Errorf("%s: id %q is not registered as a built-in under its file's name", e.Name(), f.ID)
		}
	}
}

// TestDialectFileErrors: a bad dialect file is refused with every problem,
// each at its line and column and naming its member.
func TestDialectFileErrors(t *testing.T) {
	const head = `{"errlens": "dialect/1", "id": "acme", "name": "Acme",` + "\n"
	tests := []struct{ file, want string }{
		{"", "1:1: a dialect file is a JSON object"},
		{"[1, 2]", "1:1: a dialect file is a JSON object"},
		{`{"errlens": "dialect/1",`, "1:25: the file ends before its JSON does"},
		{`{"errlens": "dialect/1" "id": "x"}`, "1:25: not JSON: invalid character '\"' after object key:value pair"},
		{head + ` "detect": [{"path": "code", "points": 60}]} x`, "2:46: text after the end of the dialect's object"},
		{`{"errlens": "dialect/2", "id": "acme", "name": "Acme", "detect": [{"path": "code", "points": 60}]}`,
			`1:13: errlens: must be "dialect/1", the format this errlens reads`},
		{head + ` "detcet": [{"path": "code", "points": 60}]}`, "2:2: detcet: unknown member (README.md lists a dialect file's members)"},
		{head + ` "detect": [{"path": "code", "points": "ten"}]}`, "2:40: detect.points: must be a whole number, not string"},
		{head + ` "detect": [{"path": {"a": 1}, "points": 60}]}`, "detect.path: must be a string or a non-empty list of them"},
		{`{"errlens": "dialect/1", "id": "Acme Corp", "detect": [{"path": "code", "points": 60}]}`,
			"1:32: id: an id is lower-case letters, digits and dashes, 1 to 40 of them\n1:1: name: a dialect needs a name"},
		{`{"errlens": "dialect/1", "id": "stripe", "name": "Stripe", "detect": [{"path": "code", "points": 60}]}`,
			`1:32: id: "stripe" is a built-in dialect's id: choose another`},
		{head + ` "detect": [
  {"path": "code", "points": 120},
  {"path": "code", "header": "X-Acme", "points": 10},
  {"path": "code", "is": "text", "points": 10},
  {"path": "code", "matches": "(", "points": 10},
  {"header": "X-Acme", "is": "string", "points": 10},
  {"path": "code", "absent": true, "equals": "x", "require": true},
  {"path": "code", "not": true, "points": 10},
  {"path": "code"},
  {"any": [{"path": "a", "points": 5}], "points": 10}
 ]}`, strings.Join([]string{
			"3:30: detect[0].points: must be 0 to 100",
			"4:3: detect[1]: needs one of \"path\" (a body member), \"header\", \"all\" or \"any\" (lists of conditions)",
			"5:26: detect[2].is: must be one of string, number, boolean, object, array, null, status",
			"6:31: detect[3].matches: not a regular expression: missing closing ): `(`",
			"7:3: detect[4]: \"is\" and \"count\" test body members, not headers",
			"8:3: detect[5]: \"absent\" takes no other test",
			"9:3: detect[6]: \"not\" needs a test to invert (\"is\", \"equals\", \"prefix\", \"contains\", \"matches\" or \"count\")",
			"10:3: detect[7]: gives no points and is not required: it changes nothing",
			"11:12: detect[8].any[0]: a condition takes no points, require, group or evidence",
		}, "\n")},
		{head + ` "detect": [{"path": "code", "points": 30}, {"group": "g", "path": "a", "points": 15}, {"group": "g", "path": "b", "points": 10}]}`,
			"2:12: detect: its rules give 45 points at most; a dialect is chosen from 50"},
		{head + ` "detect": [{"path": "code", "points": 60}],
 "retry": [{"code": "A-1", "status": 429, "then": "wait", "reason": "r"}, {"type": "x", "then": "later", "reason": "r"}, {"status": 99, "then": "retry"}]}`,
			"3:12: retry[0]: needs exactly one of \"code\", \"type\" and \"status\"\n3:97: retry[1].then: must be one of retry, wait, verify-then-retry, refresh-then-retry, do-not-retry\n3:133: retry[2].status: must be an HTTP status, 100 to 599\n3:122: retry[2].reason: say why, in the words a user reads"},
	}
	for _, tt := range tests {
		_, err := ParseDialect(tt.file)
		if err == nil {
			t.Errorf("%q: accepted", tt.file)
			continue
		}
		if _, ok := err.(FileErrors); !ok {
			t.Errorf("%q: %T, want FileErrors", tt.file, err)
		}
		if got := err.Error(); !strings.Contains(got, tt.want) {
			t.Errorf("%q:\n got: %s\nwant: %s", tt.file, got, tt.want)
		}
	}
}

// corpusCase reads the response of a corpus case (testdata/corpus).
func corpusCase(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/corpus/" + name + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	_, in, ok := strings.Cut(string(b), "-- response --\n")
	if !ok {
		t.Fatalf("%s: no response", name)
	}
	return in
}

// TestCustomDialect reads Adyen's documented Checkout errors with a dialect
// file written from those examples: unread without it, each fact in its place
// with it. The expectations are the examples' own members.
func TestCustomDialect(t *testing.T) {
	b, err := os.ReadFile("testdata/adyen-checkout/adyen-checkout.dialect.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseDialect(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if !d.Custom || d.File != string(b) || len(d.Guidance) != 4 || d.Guidance[0].ID != "adyen-checkout-1" || d.Guidance[3].ID != "adyen-internal" {
		t.Errorf("dialect %+v", d)
	}
	tests := []struct {
		name                         string
		status                       int
		code, msg, typ, id, evidence string
	}{
		{"adyen/checkout-return-url-missing-422", 422, "14_030", "Return URL is missing.", "validation", "8816118280275544", "errorType is one of Adyen's, validation"},
		{"adyen/checkout-invalid-merchant-account-403", 403, "901", "Invalid Merchant Account", "security", "881611827877203B", "errorType is one of Adyen's, security"},
		{"adyen/checkout-configuration-500", 500, "905", "Payment details are not supported", "configuration", "8516091485743033", "errorType is one of Adyen's, configuration"},
	}
	for _, tt := range tests {
		in := corpusCase(t, tt.name)
		if r, _ := Inspect(in, Options{}); r.Dialect == d.ID {
			t.Errorf("%s: read as %s without its file", tt.name, d.ID)
		}
		r, err := Inspect(in, Options{Dialects: []*Dialect{d}})
		if err != nil {
			t.Fatal(err)
		}
		if r.Dialect != d.ID || r.Status != tt.status || r.Code != tt.code || r.Message != tt.msg || r.Type != tt.typ ||
			r.RequestID != tt.id || r.RequestIDSource != "body pspReference" || len(r.Members) != 0 {
			t.Errorf("%s: got %s %d code=%q message=%q type=%q id=%q (%s) members=%v", tt.name, r.Dialect, r.Status, r.Code, r.Message, r.Type, r.RequestID, r.RequestIDSource, r.Members)
		}
		if !strings.Contains(strings.Join(r.Evidence, "; "), tt.evidence) || len(r.Guidance()) != 4 {
			t.Errorf("%s: evidence %q, guidance %d", tt.name, r.Evidence, len(r.Guidance()))
		}
	}
	in := corpusCase(t, "adyen/checkout-unauthorized-401")
	if _, err := Inspect(in, Options{Dialect: d.ID}); err == nil || !strings.Contains(err.Error(), "unknown dialect") {
		t.Errorf("forcing a custom dialect not given: %v", err)
	}
	if r, _ := Inspect(in, Options{Dialect: d.ID, Dialects: []*Dialect{d}}); r.Dialect != d.ID || !r.Overridden || r.Code != "000" {
		t.Errorf("forced: %s overridden=%t code=%q", r.Dialect, r.Overridden, r.Code)
	}
}

// FuzzParseDialect: no dialect file, however malformed, panics the loader, and
// a dialect it accepts reads any body without panicking.
func FuzzParseDialect(f *testing.F) {
	entries, _ := os.ReadDir("builtin")
	for _, e := range entries {
		b, _ := os.ReadFile("builtin/" + e.Name())
		f.Add(strings.Replace(string(b), `"id": "`, `"id": "x`, 1), `{"error": {"code": "E1", "message": "m", "details": {"fields": {"a": "b"}}}}`)
	}
	b, _ := os.ReadFile("testdata/adyen-checkout/adyen-checkout.dialect.json")
	f.Add(string(b), `{"status": 422, "errorCode": "1", "message": "m", "errorType": "validation"}`)
	f.Add(`{"errlens": "dialect/1", "id": "a", "name": "A", "detect": [{"any": [{"path": "x.#.y", "matches": "^a+$"}], "points": 50}], "read": {"fields": [{"at": "x", "field": "f"}], "ignore": ["x.0"]}}`, `{"x": [{"y": "aa", "f": "q"}]}`)
	f.Fuzz(func(t *testing.T, file, body string) {
		d, err := ParseDialect(file)
		if err != nil {
			if _, ok := err.(FileErrors); !ok {
				t.Fatalf("%T: %v", err, err)
			}
			return
		}
		Inspect("HTTP/1.1 400 Bad Request\nContent-Type: application/json\n\n"+body, Options{Dialects: []*Dialect{d}})
	})
}
