package dialects

import (
	"os"
	"path/filepath"
	"testing"
)

// TestLocate: the facts a view offers to show in the editor are where
// Locate says, in every example of the corpus.
func TestLocate(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.http")
	located := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		paste := string(b)
		r, err := Inspect(paste, Options{})
		if err != nil {
			continue
		}
		if at := r.Body.Offset; at >= 0 {
			if at+len(r.BodyText) > len(paste) || paste[at:at+len(r.BodyText)] != r.BodyText {
				t.Errorf("%s: the body is not at byte %d of the paste", f, at)
				continue
			}
			for _, fe := range r.FieldErrors {
				if fe.Len > 0 && r.BodyText[fe.Offset:fe.Offset+fe.Len] != paste[at+fe.Offset:at+fe.Offset+fe.Len] {
					t.Errorf("%s: field %s misplaced", f, fe.Field)
				}
			}
		} else if r.Body.Format != "har" && r.Body.Format != "curl-verbose" {
			t.Errorf("%s: a %s paste without its body's offset", f, r.Body.Format)
		}
		for _, v := range []string{r.Code, r.Message, r.RequestID, r.Type, r.DocURL} {
			if s, e, ok := r.Locate(paste, v); ok {
				located++
				if paste[s:e] != v {
					t.Errorf("%s: Locate(%q) = %q", f, v, paste[s:e])
				}
			}
		}
	}
	if located < len(files) {
		t.Errorf("only %d facts located in %d examples", located, len(files))
	}
}

func TestLocateCases(t *testing.T) {
	paste := "< HTTP/2 429\r\n< retry-after: 30\r\n< x-request-id: req_1\r\n<\r\n{\"error\": {\"message\": \"slow down, rate_limited\", \"code\": \"rate_limited\"}}"
	r, err := Inspect(paste, Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string, i int) int { // the i-th occurrence of s
		n := 0
		for k := 0; k+len(s) <= len(paste); k++ {
			if paste[k:k+len(s)] == s {
				if n == i {
					return k
				}
				n++
			}
		}
		return -1
	}
	for _, c := range []struct {
		value string
		start int
	}{
		{"rate_limited", at("rate_limited", 1)}, // the JSON string, not the word in the message
		{"slow down", at("slow down", 0)},
		{"req_1", at("req_1", 0)},
		{"nowhere", -1},
		{"", -1},
	} {
		s, e, ok := r.Locate(paste, c.value)
		if c.start < 0 {
			if ok {
				t.Errorf("Locate(%q) found %d", c.value, s)
			}
		} else if !ok || s != c.start || e != s+len(c.value) {
			t.Errorf("Locate(%q) = %d, %d, %v; want %d", c.value, s, e, ok, c.start)
		}
	}
	for _, c := range []struct{ name, line string }{{"Retry-After", "< retry-after: 30"}, {"X-Request-Id", "< x-request-id: req_1"}} {
		if s, e, ok := r.LocateHeader(paste, c.name); !ok || paste[s:e] != c.line {
			t.Errorf("LocateHeader(%q) = %q, %v", c.name, paste[s:e], ok)
		}
	}
	if _, _, ok := r.LocateHeader(paste, "Content-Type"); ok {
		t.Error("found a header the paste lacks")
	}
}
