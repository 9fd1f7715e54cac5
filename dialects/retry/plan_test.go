package retry

import (
	"strings"
	"testing"
	"time"
)

// TestPlan: the timeline in words, in the user's zone, summarised when long
// or endless; expectations written from the libraries' documented defaults.
func TestPlan(t *testing.T) {
	at := time.Date(2026, 12, 2, 14, 41, 9, 0, time.UTC)
	paris := time.FixedZone("CET", 3600)
	a := advise(t, "HTTP/1.1 429 Too Many Requests\nRetry-After: 30\n\n", Options{Policy: "go-retryablehttp", Method: "GET", Now: at})
	p := a.Plan(paris)
	want := "Waits 30 s (the server's delay), until 15:41:39, then retries; 4 retries in all, the last at about 2 min (15:43:09); then it gives up: it has made its 5 attempts."
	if p.Sentence != want {
		t.Errorf("sentence:\n got %q\nwant %q", p.Sentence, want)
	}
	if len(p.Rows) != 4 || p.Rows[0] != (Row{1, "30 s", "30 s", "15:41:39", true}) || p.Rows[3] != (Row{4, "30 s", "2 min", "15:43:09", true}) || p.More != "" {
		t.Errorf("rows: %+v more %q", p.Rows, p.More)
	}

	a = advise(t, "HTTP/1.1 503 x\n\n", Options{Policy: "openai-node", Method: "POST", Now: at})
	p = a.Plan(time.UTC)
	// 0.5 s·U(0.75, 1), then 1 s·U(0.75, 1).
	if want := "Waits 375 ms to 500 ms, until 14:41:09, then retries; 2 retries in all, the last at about 1.31 s (14:41:10); then it gives up: it has made its 3 attempts."; p.Sentence != want {
		t.Errorf("openai-node:\n got %q\nwant %q", p.Sentence, want)
	}
	if r := p.Rows[1]; r.Wait != "750 ms to 1 s" || r.After != "1.13 s to 1.5 s" || r.At != "14:41:10" || r.Server {
		t.Errorf("openai-node row 2: %+v", r)
	}

	if p := advise(t, "HTTP/1.1 500 x\n\n", Options{Policy: "tenacity", Now: at}).Plan(time.UTC); p.Sentence != "Retries at once, with no delay, without end: no attempt limit." || len(p.Rows) != 0 {
		t.Errorf("tenacity defaults: %+v", p)
	}
	p = advise(t, "HTTP/1.1 500 x\n\n", Options{Policy: "tenacity", Now: at, Params: &Params{BaseMs: 1000, Multiplier: 2, CapMs: 60000, Growth: "exponential", Jitter: "none", RetryAfter: "ignore"}}).Plan(time.UTC)
	if len(p.Rows) != planRows || p.More != "and more, each waiting up to 1 min, without end" || !strings.Contains(p.Sentence, "keeps retrying without end") {
		t.Errorf("endless: %d rows, more %q, %q", len(p.Rows), p.More, p.Sentence)
	}
	if p := advise(t, "HTTP/1.1 429 x\nRetry-After: 7\n\n", Options{Policy: "urllib3", Method: "POST", Now: at}).Plan(time.UTC); !strings.HasPrefix(p.Sentence, "urllib3 does not retry this response: urllib3 retries only HEAD") {
		t.Errorf("urllib3 POST: %q", p.Sentence)
	}
	if p := advise(t, "HTTP/1.1 429 x\nRetry-After: 3600\n\n", Options{Policy: "recommended", Now: at}).Plan(time.UTC); !strings.HasPrefix(p.Sentence, "recommended gives up at once: the server's delay (3600 s (1h0m0s)) is over the cap") {
		t.Errorf("over the cap: %q", p.Sentence)
	}
	// Days away: the clock shows the date.
	if p := advise(t, "HTTP/1.1 503 x\nRetry-After: 90000\n\n", Options{Policy: "go-retryablehttp", Now: at}).Plan(time.UTC); p.Rows[0].At != "Dec 3 15:41:09" || p.Rows[0].Wait != "1 d 1 h" {
		t.Errorf("a day away: %+v", p.Rows[0])
	}
}

func TestDur(t *testing.T) {
	for ms, want := range map[float64]string{0: "0 s", -5: "0 s", 0.25: "0.25 ms", 750: "750 ms", 999.6: "1 s", 59999: "1 min", 1500: "1.5 s", 1125: "1.13 s",
		125000: "2 min 5 s", 120000: "2 min", 5400000: "1 h 30 min", 3599999: "1 h", 90000000: "1 d 1 h"} {
		if got := Dur(ms); got != want {
			t.Errorf("Dur(%v) = %q, want %q", ms, got, want)
		}
	}
}
