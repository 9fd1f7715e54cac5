package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errlens/errlens/dialects/retry"
)

func TestRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*/*.http")
	if len(files) < 50 {
		t.Fatalf("%d examples", len(files))
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		in := State{Input: string(b), Method: "POST", Key: true, Entry: 2, Dialect: "stripe", Policy: "urllib3",
			Params: &retry.Params{Attempts: 3, BaseMs: 250, Multiplier: 2, Jitter: "full", RetryAfter: "floor"}, Seed: 42, Origins: []string{"https://docs.example"}, DelayOnce: true,
			Hide: []string{"headers", "body"}, Locked: true}
		frag, err := Encode(in)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(frag, Prefix) || strings.ContainsAny(frag, "#?&/+= %") {
			t.Errorf("%s: fragment %q is not URL-safe", f, frag[:20])
		}
		out, notes, err := Decode("#" + frag)
		if err != nil || len(notes) > 0 {
			t.Fatal(err, notes)
		}
		if out.Input != in.Input || out.Method != "POST" || !out.Key || out.Entry != 2 || out.Dialect != "stripe" ||
			out.Policy != "urllib3" || *out.Params != *in.Params || out.Seed != 42 || out.Origins[0] != "https://docs.example" || !out.DelayOnce ||
			!slices.Equal(out.Hide, in.Hide) || !out.Locked {
			t.Errorf("%s: round trip lost state: %+v", f, out)
		}
	}
}

// TestCompression: a typical paste makes a link comfortable to share, and a
// 64 KB one still makes a working link.
func TestCompression(t *testing.T) {
	b, _ := os.ReadFile("../testdata/problem-details/seed-003-rate-limited-curl.http")
	frag, _ := Encode(State{Input: string(b)})
	if len(frag) > Comfortable/4 {
		t.Errorf("a %d-byte paste makes a %d-character link", len(b), len(frag))
	}
	big := strings.Repeat(`{"field":"rows[1].amount","message":"Amount must be positive","code":"invalid"},`, 64<<10/80)
	frag, _ = Encode(State{Input: big})
	if s, _, err := Decode(frag); err != nil || s.Input != big {
		t.Errorf("64 KB: %v", err)
	}
}

func TestHostileLinks(t *testing.T) {
	good, _ := Encode(State{Input: "HTTP/1.1 500 x\n\n"})
	var bomb bytes.Buffer
	w, _ := flate.NewWriter(&bomb, flate.BestCompression)
	w.Write([]byte(`{"i":"`))
	w.Write(bytes.Repeat([]byte("A"), MaxState+10))
	w.Close()
	tests := []struct{ frag, want string }{
		{"", "not an errlens share link"},
		{"hello", "not an errlens share link"},
		{"v9.abcd", `format "v9"`},
		{Prefix + "!!!!", "damaged at character 3"},
		{good[:len(good)/2], "does not decompress"},
		{Prefix + base64.RawURLEncoding.EncodeToString([]byte("not deflate at all, no")), "damaged"},
		{Prefix + base64.RawURLEncoding.EncodeToString(bomb.Bytes()), "expands past"},
		{strings.Repeat("A", MaxFragment+1), "characters long"},
		{Prefix + deflated(`["not", "an", "object"]`), "not an errlens state"},
	}
	for _, tt := range tests {
		_, _, err := Decode(tt.frag)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%.30q: got %v, want %q", tt.frag, err, tt.want)
		}
	}
	// Markup in values is data: it comes back as it went in.
	s, _, err := Decode(Prefix + deflated(`{"i":"<script>alert(1)</script><img src=x onerror=alert(2)>","m":"<b>"}`))
	if err != nil || s.Input != "<script>alert(1)</script><img src=x onerror=alert(2)>" {
		t.Errorf("markup: %v %+v", err, s)
	}
}

// TestLinkBounds: every value a link carries is held to the limits the app's
// own controls enforce; what is out of bounds or unknown is dropped with a
// note, and the rest of the link still opens.
func TestLinkBounds(t *testing.T) {
	tests := []struct {
		state string
		note  string
		ok    func(State) bool
	}{
		{`{"i":"x","r":{"attempts":100000000,"baseMs":1000,"multiplier":2,"jitter":"full","retryAfter":"floor"}}`, "attempts is 100000000", func(s State) bool { return s.Params == nil }},
		{`{"i":"x","r":{"attempts":3,"baseMs":1e300,"multiplier":2}}`, "baseMs", func(s State) bool { return s.Params == nil }},
		{`{"i":"x","r":{"attempts":3,"baseMs":10,"multiplier":1e9}}`, "multiplier", func(s State) bool { return s.Params == nil }},
		{`{"i":"x","r":{"attempts":3,"baseMs":10,"multiplier":2,"jitter":"<img>"}}`, "jitter", func(s State) bool { return s.Params == nil }},
		{`{"i":"x","r":{"attempts":-1}}`, "attempts is -1", func(s State) bool { return s.Params == nil }},
		{`{"i":"x","d":"no-such-dialect"}`, "dialect", func(s State) bool { return s.Dialect == "" }},
		{`{"i":"x","d":"stripe"}`, "", func(s State) bool { return s.Dialect == "stripe" }},
		{`{"i":"x","p":"no-such-profile"}`, "retry profile", func(s State) bool { return s.Policy == "" }},
		{`{"i":"x","m":"GET\r\nX-Injected: 1"}`, "method", func(s State) bool { return s.Method == "" }},
		{`{"i":"x","e":-5}`, "HAR entry", func(s State) bool { return s.Entry == 0 }},
		{`{"i":"x","e":99999999}`, "HAR entry", func(s State) bool { return s.Entry == 0 }},
		{`{"i":"x","o":["javascript:alert(1)","https://docs.example","*","https://a.example/path"]}`, "not an origin", func(s State) bool {
			return len(s.Origins) == 1 && s.Origins[0] == "https://docs.example"
		}},
		{`{"i":"x","h":["retry","<script>","retry","body"]}`, "not one the embed view can leave out", func(s State) bool {
			return slices.Equal(s.Hide, []string{"retry", "body"})
		}},
		{`{"i":"x","o":[` + strings.Repeat(`"https://a.example",`, 40) + `"https://b.example"]}`, "more than 16", func(s State) bool { return len(s.Origins) == MaxOrigins }},
	}
	for _, tt := range tests {
		s, notes, err := Decode(Prefix + deflated(tt.state))
		if err != nil {
			t.Errorf("%.60s: %v", tt.state, err)
			continue
		}
		joined := strings.Join(notes, "; ")
		if tt.note == "" && joined != "" || !strings.Contains(joined, tt.note) || !tt.ok(s) || s.Input != "x" {
			t.Errorf("%.60s: notes %q (want %q), state %+v", tt.state, joined, tt.note, s)
		}
	}
}

func deflated(s string) string {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, 9)
	w.Write([]byte(s))
	w.Close()
	return base64.RawURLEncoding.EncodeToString(b.Bytes())
}

func TestFindSecrets(t *testing.T) {
	in := "$ curl -X POST https://api.example.com/v1/charges -H 'X-Api-Key: abcdef123456' -u admin:hunter22\n" +
		"> Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlX2hlcmU\n" +
		"HTTP/1.1 401 Unauthorized\n" +
		"Set-Cookie: session=s3cr3t; HttpOnly\n" +
		"X-Request-Id: req_123\n\n" +
		`{"error": {"message": "Invalid API key sk_live_51HxyzABCDEFGHIJKLMNOP", "password": "pa55word", "idempotency_key": "k-1", "aws": "AKIAZ52HGXYRN4WBTEST", "gh": "ghp_R4nd0mT0k3nV4lu3sAr3L0ng3nough123456"}}`
	secrets := FindSecrets(in)
	kinds := map[string]bool{}
	for _, s := range secrets {
		kinds[s.Kind+":"+s.Name] = true
		if strings.Contains(s.Preview, "hunter22") || s.Line < 1 {
			t.Errorf("bad preview or line: %+v", s)
		}
	}
	for _, want := range []string{"header:X-Api-Key", "basic auth:", "header:Authorization", "cookie:Set-Cookie: session", "stripe access token:", "member:password", "aws access token:", "github pat:"} {
		if !kinds[want] {
			t.Errorf("missing %s in %v", want, kinds)
		}
	}
	out := Redact(in, secrets, nil)
	for _, leak := range []string{"abcdef123456", "hunter22", "eyJhbGci", "s3cr3t", "sk_live_", "pa55word", "AKIAZ52HGXYRN4WBTEST", "ghp_R4nd0m"} {
		if strings.Contains(out, leak) {
			t.Errorf("%q survives redaction:\n%s", leak, out)
		}
	}
	for _, kept := range []string{"req_123", "k-1", "HTTP/1.1 401 Unauthorized", "Invalid API key"} {
		if !strings.Contains(out, kept) {
			t.Errorf("%q was redacted but is no secret", kept)
		}
	}
	// Keeping one item leaves exactly it.
	for i, s := range secrets {
		if s.Name == "password" {
			if out := Redact(in, secrets, map[int]bool{i: true}); !strings.Contains(out, "pa55word") || strings.Contains(out, "hunter22") {
				t.Errorf("keep %d: %s", i, out)
			}
		}
	}
}

func FuzzDecode(f *testing.F) {
	good, _ := Encode(State{Input: "HTTP/1.1 429 x\nRetry-After: 5\n\n{}", Method: "GET"})
	f.Add(good)
	f.Add(good[:10])
	f.Add("v1.")
	f.Fuzz(func(t *testing.T, frag string) {
		s, _, err := Decode(frag)
		if err != nil {
			return
		}
		if !validMethod(s.Method) || s.Entry < 0 || s.Entry > MaxEntry || len(s.Origins) > MaxOrigins ||
			s.Params != nil && s.Params.Check() != nil {
			t.Fatalf("a value out of bounds was kept: %+v", s)
		}
		again, err := Encode(s)
		if err != nil {
			t.Fatal(err)
		}
		if s2, _, err := Decode(again); err != nil || s2.Input != s.Input {
			t.Fatalf("re-encoded state does not round trip: %v", err)
		}
	})
}

func FuzzFindSecrets(f *testing.F) {
	f.Add("Authorization: Bearer abcdefghijklmnop\n\n{\"token\": \"x\"}")
	f.Fuzz(func(t *testing.T, in string) {
		secrets := FindSecrets(in)
		last := 0
		for _, s := range secrets {
			if s.Start < last || s.End > len(in) || s.Start >= s.End {
				t.Fatalf("bad span %+v", s)
			}
			last = s.End
		}
		if out := Redact(in, secrets, nil); len(secrets) > 0 && !strings.Contains(out, Mask) {
			t.Fatalf("%d secrets found, none masked", len(secrets))
		}
	})
}
