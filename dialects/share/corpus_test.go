package share

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/errlens/errlens/dialects/share/secrettest"
)

// TestSecretCorpus plants every distinct true-positive secret of gitleaks's
// rules in the 13 places of secrettest.Contexts and redacts the paste: at
// least 99% must be gone (no 10 bytes of one left) where the place names a
// credential, and over all places. Where only the value's shape can tell (a
// neutral member, a message), UUIDs, short or low-entropy keys and passwords
// that read as words stay: those figures are logged and held to a floor.
func TestSecretCorpus(t *testing.T) {
	secrets, err := secrettest.Load("testdata/gitleaks/tps.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, s := range secrets {
		kinds[s.Rule] = true
	}
	if len(secrets) < 300 || len(kinds) < 150 {
		t.Fatalf("corpus of %d secrets of %d kinds: too small", len(secrets), len(kinds))
	}
	var planted, removed int
	missedKinds := map[string]bool{}
	for _, c := range secrettest.Contexts {
		n, gone := 0, 0
		var missed []string
		for i, s := range secrets {
			paste, form, ok := c.Plant(s.Value, i)
			if !ok {
				continue
			}
			n++
			if out := Redact(paste, FindSecrets(paste), nil); !secrettest.Leaked(out, form, paste) {
				gone++
			} else {
				missed = append(missed, s.Rule)
				if c.ByShape {
					missedKinds[s.Rule] = true
				}
			}
		}
		planted += n
		removed += gone
		pct := 100 * float64(gone) / float64(n)
		t.Logf("%-28s %4d/%4d removed (%.1f%%) missed: %s", c.Name, gone, n, pct, strings.Join(first(missed, 8), " "))
		floor := 99.0
		if c.ByShape {
			floor = 90
		}
		if pct < floor {
			t.Errorf("%s: %.1f%% removed, want at least %.0f%%", c.Name, pct, floor)
		}
	}
	pct := 100 * float64(removed) / float64(planted)
	t.Logf("all places: %d of %d planted secrets removed (%.2f%%), %d secrets of %d kinds; by shape alone, %d of %d kinds always found",
		removed, planted, pct, len(secrets), len(kinds), len(kinds)-len(missedKinds), len(kinds))
	if pct < 99 {
		t.Errorf("%.2f%% removed, want at least 99%%", pct)
	}
}

func first(s []string, n int) []string { return s[:min(n, len(s))] }

// TestRulesAsGitleaks: the rules, run as errlens runs them (keyword windows,
// secret groups, entropy, allowlists), find each rule's true-positive
// examples' secrets and none of its false-positive examples, as gitleaks's
// own generator checks.
func TestRulesAsGitleaks(t *testing.T) {
	rs := loadRules()
	known := map[string]bool{}
	for _, r := range rs.Rules {
		known[r.ID] = true
	}
	type example struct{ Rule, TP, FP, Secret string }
	read := func(name string) []example {
		f, err := os.Open(filepath.Join("testdata/gitleaks", name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var out []example
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var e struct{ Rule, Tp, Fp, Secret string }
			if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
				t.Fatal(err)
			}
			if known[e.Rule] {
				out = append(out, example{e.Rule, e.Tp, e.Fp, e.Secret})
			}
		}
		return out
	}
	found := func(in, rule string) []string {
		f := &finder{in: in}
		f.shapes()
		var got []string
		for _, s := range f.found {
			if strings.HasSuffix(s.Why, "rule "+rule+")") {
				got = append(got, in[s.Start:s.End])
			}
		}
		return got
	}
	tps, fps := read("tps.jsonl"), read("fps.jsonl")
	missed := map[string]int{}
	for _, e := range tps {
		got := found(e.TP, e.Rule)
		if !contains(got, e.Secret) {
			missed[e.Rule]++
		}
	}
	flagged := map[string]int{}
	for _, e := range fps {
		if len(found(e.FP, e.Rule)) > 0 {
			flagged[e.Rule]++
		}
	}
	t.Logf("%d rules: %d true-positive examples, %d missed; %d false-positive examples, %d flagged", len(rs.Rules), len(tps), sum(missed), len(fps), sum(flagged))
	if len(missed) > 0 || len(flagged) > 0 {
		t.Errorf("missed true positives by rule: %v; flagged false positives by rule: %v", sorted(missed), sorted(flagged))
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func sorted(m map[string]int) []string {
	var out []string
	for k, v := range m {
		out = append(out, k+"="+itoa(v))
	}
	sort.Strings(out)
	return out
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestOrdinaryValues: in the core's corpus of real error responses, at most
// 1% of the JSON members and header fields lose their value to redaction;
// the figure is logged with the values taken.
func TestOrdinaryValues(t *testing.T) {
	files, _ := filepath.Glob("../testdata/corpus/*/*.txt")
	more, _ := filepath.Glob("../testdata/*/*.http")
	files = append(files, more...)
	if len(files) < 1000 {
		t.Fatalf("%d responses: corpus missing", len(files))
	}
	var values, taken int
	var examples []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in := string(b)
		secrets := FindSecrets(in)
		// hit reports whether [s, e) lost anything to a secret.
		hit := func(s, e int) bool {
			i := sort.Search(len(secrets), func(i int) bool { return secrets[i].End > s })
			return i < len(secrets) && secrets[i].Start < e
		}
		var spans [][3]int // value spans of members and header fields, and which
		for _, m := range member().FindAllStringSubmatchIndex(in, -1) {
			if m[4] >= 0 {
				spans = append(spans, [3]int{m[4], m[5], m[2]})
			}
		}
		for _, m := range headerLines(in) {
			spans = append(spans, [3]int{m[4], m[5], m[2]})
		}
		for _, sp := range spans {
			if sp[1] == sp[0] {
				continue
			}
			values++
			if hit(sp[0], sp[1]) {
				taken++
				examples = append(examples, filepath.Base(filepath.Dir(f))+": "+in[sp[2]:sp[0]]+in[sp[0]:min(sp[1], sp[0]+60)])
			}
		}
	}
	pct := 100 * float64(taken) / float64(values)
	t.Logf("%d responses: %d of %d member and header values redacted (%.2f%%)", len(files), taken, values, pct)
	for _, e := range examples {
		t.Logf("  %q", e)
	}
	if pct > 1 {
		t.Errorf("%.2f%% of ordinary values redacted, want at most 1%%", pct)
	}
}

// TestKeepsWhatSharingNeeds: the ordinary values that a link must carry,
// each beside a credential that must go.
func TestKeepsWhatSharingNeeds(t *testing.T) {
	in := "HTTP/1.1 401 Unauthorized\r\n" +
		"WWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\"\r\n" +
		"X-Request-Id: 7f3a9c2e-4b1d-4e8a-9c3f-2a1b0c9d8e7f\r\n" +
		"Traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n" +
		"X-RateLimit-Reset: 1733212800\r\n" +
		"Idempotency-Key: 8e1f5c2a-order-2041\r\n" +
		"Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0\r\n\r\n" +
		`{"error": {"message": "Bearer authentication is required", "code": "invalid_api_key", "key": "email",` +
		` "errors": {"password": "is too short (minimum is 12 characters)"}, "token_url": "https://auth.example.com/oauth/token",` +
		` "token_type": "Bearer", "secretName": "db-credentials", "messageKey": "errors.auth.required",` +
		` "request_id": "req_Hx8mK2pQ9vLw3n", "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "timestamp": "2026-12-03T08:00:00.123Z",` +
		` "doc_url": "https://docs.example.com/errors#invalid_api_key", "field": "password", "charge": "ch_3MmlLrLkdIwHu7ix0snN0B15",` +
		` "api_key": "Zx81kQ2mPa9sLw0vB7nR4tYc"}}`
	out := Redact(in, FindSecrets(in), nil)
	for _, kept := range []string{"realm=\"api\", error=\"invalid_token\"", "7f3a9c2e-4b1d-4e8a-9c3f-2a1b0c9d8e7f",
		"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "1733212800", "8e1f5c2a-order-2041",
		"Bearer authentication is required", "invalid_api_key", `"key": "email"`, "is too short (minimum is 12 characters)",
		"https://auth.example.com/oauth/token", `"token_type": "Bearer"`, "db-credentials", "errors.auth.required",
		"req_Hx8mK2pQ9vLw3n", `"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"`, "2026-12-03T08:00:00.123Z",
		"https://docs.example.com/errors#invalid_api_key", `"field": "password"`, "ch_3MmlLrLkdIwHu7ix0snN0B15",
		"Authorization: Bearer " + Mask} {
		if !strings.Contains(out, kept) {
			t.Errorf("%q is not in the redacted paste", kept)
		}
	}
	for _, gone := range []string{"9f8e7d6c5b4a", "Zx81kQ2mPa9s"} {
		if strings.Contains(out, gone) {
			t.Errorf("%q survives", gone)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
}

// BenchmarkFindSecrets: a HAR-sized paste of real responses, secrets
// included (make bench).
func BenchmarkFindSecrets(b *testing.B) {
	files, _ := filepath.Glob("../testdata/corpus/*/*.txt")
	var in strings.Builder
	for in.Len() < 1<<20 {
		for _, f := range files {
			c, _ := os.ReadFile(f)
			in.Write(c)
		}
	}
	paste := in.String()[:1<<20]
	b.SetBytes(int64(len(paste)))
	for b.Loop() {
		FindSecrets(paste)
	}
}
