package dialects

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzInspect feeds arbitrary pastes to the core's entry point, seeded with
// every example in testdata and every response of the corpus. Whatever the input, Inspect must not panic, must
// name a registered dialect with a confidence in [0, 1], must locate a JSON
// syntax error inside the paste, and its report must encode as JSON.
func FuzzInspect(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.http")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	cases, _ := filepath.Glob("testdata/corpus/*/*.txt")
	for _, file := range cases {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		_, paste, _ := strings.Cut(string(b), "-- response --\n")
		f.Add(paste)
	}
	f.Add("HTTP/1.1 400 Bad Request\n\n{\"a\": [1, {\"b\": tru}]}")
	f.Add("> GET / HTTP/1.1\n< HTTP/1.1 500 x\n< a: b\n<\n\x00\x01")
	f.Fuzz(func(t *testing.T, in string) {
		r, err := Inspect(in, Options{})
		if err != nil {
			t.Fatalf("Inspect failed on a small paste: %v", err)
		}
		if Lookup(r.Dialect) == nil || r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("dialect %q confidence %v", r.Dialect, r.Confidence)
		}
		if se := r.Body.SyntaxError; se != nil && r.Body.Format != "har" && r.Body.Format != "curl-verbose" {
			if se.Offset < 0 || se.Offset > len(in) || se.Line < 1 || se.Column < 1 {
				t.Fatalf("syntax error outside the paste: %+v (len %d)", se, len(in))
			}
		}
		for _, fe := range r.FieldErrors {
			if fe.Field == "" && fe.Message == "" && fe.Path == "" {
				t.Fatalf("empty field error in %+v", r.FieldErrors)
			}
		}
		b, err := json.Marshal(r)
		if err != nil || !utf8.Valid(b) {
			t.Fatalf("report does not encode: %v", err)
		}
		// The way back into the paste: the body, each fact and header found
		// are where they are said to be.
		if at := r.Body.Offset; at >= 0 && (at+len(r.BodyText) > len(in) || in[at:at+len(r.BodyText)] != r.BodyText) {
			t.Fatalf("the body is not at byte %d of the paste", at)
		}
		for _, v := range []string{r.Code, r.Message, r.RequestID} {
			if s, e, ok := r.Locate(in, v); ok && in[s:e] != v {
				t.Fatalf("Locate(%q) found %q", v, in[s:e])
			}
		}
		for _, h := range r.Headers {
			if s, e, ok := r.LocateHeader(in, h.Name); ok && (s > e || e > len(in)) {
				t.Fatalf("LocateHeader(%q) = %d, %d", h.Name, s, e)
			}
		}
	})
}
