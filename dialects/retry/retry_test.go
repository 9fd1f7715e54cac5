package retry

import (
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/errlens/errlens/dialects"
)

// now is the fixed time the tests' responses were received.
var now = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)

func advise(t *testing.T, paste string, opt Options) *Advice {
	t.Helper()
	r, err := dialects.Inspect(paste, dialects.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if opt.Now.IsZero() {
		opt.Now = now
	}
	return Advise(r, opt)
}

func seed(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile("../testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDecisions covers every rule: server verdicts, the seeds' codes, vendor
// codes, rate limits, status classes, and the method and idempotency key.
func TestDecisions(t *testing.T) {
	tests := []struct {
		name, paste string
		opt         Options
		decision    string
		rule        string // a rule that must have fired
	}{
		{"503 GET", "HTTP/1.1 503 Service Unavailable\n\n", Options{Method: "GET"}, Retry, "idempotent-method"},
		{"503 POST without key", "HTTP/1.1 503 Service Unavailable\n\n", Options{Method: "POST"}, VerifyThenRetry, "unsafe-method"},
		{"503 POST with key", "HTTP/1.1 503 Service Unavailable\n\n", Options{Method: "POST", IdempotencyKey: true}, Retry, "idempotency-key"},
		{"503 POST key in paste", "curl -X POST https://x/y -H 'Idempotency-Key: k'\nHTTP/1.1 503 Service Unavailable\n\n", Options{}, Retry, "idempotency-key"},
		{"408 PATCH", "HTTP/1.1 408 Request Timeout\n\n", Options{Method: "PATCH"}, VerifyThenRetry, "timeout"},
		{"unknown method", "HTTP/1.1 502 Bad Gateway\n\n", Options{}, Retry, "method-unknown"},
		{"409", "HTTP/1.1 409 Conflict\n\n", Options{Method: "PUT"}, RefreshThenRetry, "conflict"},
		{"409 with key", "HTTP/1.1 409 Conflict\n\n", Options{Method: "POST", IdempotencyKey: true}, Retry, "idempotency-in-flight"},
		{"429 POST", "HTTP/1.1 429 Too Many Requests\nRetry-After: 5\n\n", Options{Method: "POST"}, Retry, "not-processed"},
		{"400", "HTTP/1.1 400 Bad Request\n\n", Options{}, DoNotRetry, "client-error"},
		{"401", "HTTP/1.1 401 Unauthorized\n\n", Options{}, DoNotRetry, "unauthorized"},
		{"403", "HTTP/1.1 403 Forbidden\n\n", Options{}, DoNotRetry, "forbidden"},
		{"501", "HTTP/1.1 501 Not Implemented\n\n", Options{}, DoNotRetry, "not-implemented"},
		{"500", "HTTP/1.1 500 Internal Server Error\n\n", Options{Method: "GET"}, Retry, "server-error"},
		{"a Go panic's invalid address", "HTTP/1.1 500 Internal Server Error\n\n{\"error\": \"runtime error: invalid memory address or nil pointer dereference\"}", Options{Method: "GET"}, Retry, "server-error"},
		{"413 no delay", "HTTP/1.1 413 Content Too Large\n\n", Options{}, DoNotRetry, "too-large"},
		{"413 with delay", "HTTP/1.1 413 Content Too Large\nRetry-After: 60\n\n", Options{}, Retry, "too-large-temporary"},
		{"no status, no body", "", Options{}, Retry, "no-status"},
		{"a body without its status line", "{\"message\": \"x\"}", Options{}, DoNotRetry, "no-status-line"},
		{"a code naming the status", "{\"error\": {\"code\": \"rate_limited\", \"message\": \"x\"}}", Options{}, Retry, "status-from-code"},
		{"try again later", "HTTP/1.1 409 Conflict\n\n{\"message\": \"Busy. Please try again later.\"}", Options{Method: "GET"}, Retry, "message-says-later"},
		{"a day's quota", "{\"message\": \"You have exceeded your request quota of 200 per day.\"}", Options{}, Retry, "message-says-quota"},
		{"a month's quota", "HTTP/1.1 403 Forbidden\n\n{\"message\": \"Monthly quota exceeded\"}", Options{}, DoNotRetry, "forbidden"},
		{"a client error code under a 502", "HTTP/1.1 502 Bad Gateway\n\n{\"code\": \"invalid_argument\", \"message\": \"x\"}", Options{}, DoNotRetry, "code-says-client-error"},
		{"a body's retryable flag", "HTTP/1.1 503 Service Unavailable\n\n{\"error\": {\"code\": \"X\", \"message\": \"m\", \"retryable\": false}}", Options{}, DoNotRetry, "server-verdict"},
		{"a body's recoverable flag on an item", "HTTP/1.1 400 Bad Request\n\n{\"errors\": [{\"code\": \"BUSY\", \"message\": \"m\", \"recoverable\": true}]}", Options{}, Retry, "server-verdict"},
		{"a ban with its delay", "HTTP/1.1 418 I'm a teapot\nRetry-After: 60\n\n{\"code\": -1003}", Options{}, Retry, "client-error-with-delay"},
		{"Stripe-Should-Retry false on 500", "HTTP/1.1 500 x\nStripe-Should-Retry: false\n\n", Options{}, DoNotRetry, "server-verdict"},
		{"x-should-retry true on 400", "HTTP/1.1 400 x\nx-should-retry: true\n\n", Options{Method: "POST"}, Retry, "server-verdict"},
		{"seed 001 HAC", seed(t, "errorcode-envelope/seed-001-upstream-curl.gallery.http"), Options{}, VerifyThenRetry, "seed-001-upstream"},
		{"seed 001 HAC GET", seed(t, "errorcode-envelope/seed-001-upstream-curl.gallery.http"), Options{Method: "GET"}, Retry, "seed-001-upstream"},
		{"seed 001 APM", `{"statusCode":500,"errorCode":"APM-1","errorMessage":"maintenance"}`, Options{Method: "GET"}, Retry, "seed-001-maintenance"},
		{"seed 001 BR", seed(t, "errorcode-envelope/seed-001-invalid-address.http"), Options{}, DoNotRetry, "seed-001-bad-request"},
		{"seed 002 credit", `{"error":{"type":"credit_limit_error","code":"insufficient_credits","message":"m","status":402}}`, Options{}, DoNotRetry, "seed-002-credit"},
		{"seed 002 business rule", seed(t, "error-object/seed-002-04-business-rule-error.http"), Options{}, DoNotRetry, "seed-002-business-rule"},
		{"seed 002 rate limit", seed(t, "error-object/seed-002-05-rate-limit-error.http"), Options{}, Retry, "seed-002-rate-limit"},
		{"seed 003 compliance", seed(t, "problem-details/seed-003-14-compliance-blocked.http"), Options{}, DoNotRetry, "seed-003-compliance"},
		{"seed 003 provider", seed(t, "problem-details/seed-003-18-provider-error.http"), Options{Method: "GET"}, Retry, "seed-003-provider"},
		{"seed 004 idempotency", seed(t, "flat-error/seed-004-idempotency.http"), Options{Method: "POST", IdempotencyKey: true}, DoNotRetry, "seed-004-idempotency"},
		{"github primary rate limit", seed(t, "github/rate-limit.http"), Options{}, Retry, "github-primary-rate-limit"},
		{"github secondary", "HTTP/2 403\nx-github-request-id: a\n\n{\"message\":\"You have exceeded a secondary rate limit. Please wait.\",\"documentation_url\":\"https://docs.github.com/x\"}", Options{}, Retry, "github-secondary-rate-limit"},
		{"google unavailable", `{"error":{"code":503,"message":"m","status":"UNAVAILABLE"}}`, Options{Method: "GET"}, Retry, "aip-194"},
		{"google invalid argument", seed(t, "google-rpc/bad-request.gallery.http"), Options{}, DoNotRetry, "aip-194"},
		{"google exhausted with RetryInfo", seed(t, "google-rpc/aip193-error-info.http"), Options{}, Retry, "aip-194"},
		{"aws throttling", seed(t, "aws/dynamodb-throttling.http"), Options{}, Retry, "aws-throttle"},
		{"oauth expired token", seed(t, "empty/rfc6750-expired-token.http"), Options{}, DoNotRetry, "oauth-invalid-token"},
		{"oauth slow_down", seed(t, "oauth2/device-slow-down.http"), Options{Method: "POST"}, Retry, "oauth-slow-down"},
		{"k8s conflict", `{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Conflict","code":409}`, Options{}, RefreshThenRetry, "k8s-conflict"},
		{"stripe lock timeout", seed(t, "stripe/lock-timeout.http"), Options{}, Retry, "server-verdict"},
		{"slack channel", seed(t, "slack/channel-not-found.http"), Options{}, DoNotRetry, "slack-error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := advise(t, tt.paste, tt.opt)
			fired := false
			for _, r := range a.Reasons {
				fired = fired || r.Rule == tt.rule
				if r.Text == "" || r.Facts == nil {
					t.Errorf("reason %q lacks text or facts", r.Rule)
				}
			}
			if a.Decision != tt.decision || !fired || a.Retryable != (tt.decision == Retry) {
				t.Errorf("got %s (retryable %v), rules %v; want %s by %s", a.Decision, a.Retryable, rules(a), tt.decision, tt.rule)
			}
		})
	}
}

func rules(a *Advice) []string {
	var out []string
	for _, r := range a.Reasons {
		out = append(out, r.Rule)
	}
	return out
}

// TestServerDelay covers every source and form of the server's delay,
// including malformed, negative, huge and past values.
func TestServerDelay(t *testing.T) {
	date := "Date: Sun, 22 Nov 2026 10:00:00 GMT\n"
	tests := []struct {
		name, headers string
		body          string
		seconds       float64 // -1: no delay
		source        string
		reading       string
		plausibility  string
		ignored       string // part of an Ignored note
	}{
		{"delta", "Retry-After: 120\n", "", 120, "Retry-After", "seconds", "long", ""},
		{"zero", "Retry-After: 0\n", "", 0, "Retry-After", "seconds", "normal", ""},
		{"IMF-fixdate", date + "Retry-After: Sun, 22 Nov 2026 10:00:30 GMT\n", "", 30, "Retry-After", "a date", "normal", ""},
		{"RFC 850", date + "Retry-After: Sunday, 22-Nov-26 10:01:00 GMT\n", "", 60, "Retry-After", "a date", "normal", ""},
		{"asctime", date + "Retry-After: Sun Nov 22 10:00:45 2026\n", "", 45, "Retry-After", "a date", "normal", ""},
		{"past date", date + "Retry-After: Fri, 31 Dec 1999 23:59:59 GMT\n", "", 0, "Retry-After", "a date", "normal", ""},
		{"negative", "Retry-After: -5\n", "", -1, "", "", "", "neither a number of seconds nor a date"},
		{"decimal", "Retry-After: 1.5\n", "", 1.5, "Retry-After", "seconds, with a fraction", "normal", ""},
		{"body ms", "", `{"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests","retry_after_ms":2000}`, 2, "body retry_after_ms", "milliseconds (the member's name says so)", "normal", ""},
		{"Telegram parameters", "", `{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 35","parameters":{"retry_after":35}}`, 35, "body parameters.retry_after", "seconds", "normal", ""},
		{"Twirp meta", "", `{"code":"resource_exhausted","msg":"slow down","meta":{"retry_after":"20"}}`, 20, "body meta.retry_after", "seconds", "normal", ""},
		{"vendor reset", "X-Contentful-RateLimit-Reset: 1\n", "", 1, "X-Contentful-RateLimit-Reset", "seconds", "normal", ""},
		{"garbage", "Retry-After: soon\n", "", -1, "", "", "", "neither a number of seconds nor a date"},
		{"huge", "Retry-After: 99999999\n", "", 99999999, "Retry-After", "seconds", "implausible", ""},
		{"garbage then ms", "Retry-After: soon\nretry-after-ms: 1500\n", "", 1.5, "Retry-After-Ms", "milliseconds", "normal", "Retry-After"},
		{"x-amz-retry-after", "x-amz-retry-after: 250\n", "", 0.25, "X-Amz-Retry-After", "milliseconds", "normal", ""},
		{"RetryInfo", "", `{"error":{"code":429,"message":"m","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"2.5s"}]}}`, 2.5, "body error.details[0].retryDelay", "seconds (a protobuf Duration)", "normal", ""},
		{"retry_after body", "", `{"error":{"type":"rate_limit_error","code":"c","message":"m","retry_after":60,"status":429}}`, 60, "body error.retry_after", "seconds", "normal", ""},
		{"RateLimit draft", "RateLimit: \"default\";r=0;t=30\nRateLimit-Policy: \"default\";q=100;w=60\n", "", 30, "RateLimit", "seconds (t) of policy default", "normal", ""},
		{"RateLimit -07", "RateLimit: limit=100, remaining=0, reset=7\n", "", 7, "RateLimit", "seconds (reset, draft -07)", "normal", ""},
		{"RateLimit-Reset", "RateLimit-Limit: 10\nRateLimit-Remaining: 0\nRateLimit-Reset: 9\n", "", 9, "RateLimit-Reset", "seconds", "normal", ""},
		{"X-RateLimit-Reset epoch", date + "X-RateLimit-Remaining: 0\nX-RateLimit-Reset: 1795341630\n", "", 30, "X-RateLimit-Reset", "a Unix time in seconds", "normal", ""},
		{"X-RateLimit-Reset epoch ms", date + "X-RateLimit-Remaining: 0\nX-RateLimit-Reset: 1795341660000\n", "", 60, "X-RateLimit-Reset", "a Unix time in milliseconds", "normal", ""},
		{"X-RateLimit-Reset delta", date + "X-RateLimit-Remaining: 0\nX-RateLimit-Reset: 42\n", "", 42, "X-RateLimit-Reset", "seconds", "normal", ""},
		{"Retry-After wins", "Retry-After: 3\nRateLimit: \"d\";r=0;t=30\n", "", 3, "Retry-After", "seconds", "normal", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := advise(t, "HTTP/1.1 429 Too Many Requests\n"+tt.headers+"\n"+tt.body, Options{})
			if tt.seconds < 0 {
				if a.AfterSeconds != nil {
					t.Errorf("got a delay %v from %s", *a.AfterSeconds, a.AfterSource)
				}
			} else if a.AfterSeconds == nil || math.Abs(*a.AfterSeconds-tt.seconds) > 1e-9 || a.AfterSource != tt.source ||
				a.Delay.Reading != tt.reading || a.Delay.Plausibility != tt.plausibility {
				t.Errorf("got %+v", a.Delay)
			}
			if tt.ignored != "" && !strings.Contains(strings.Join(a.Ignored, "\n"), tt.ignored) {
				t.Errorf("ignored %q, want %q", a.Ignored, tt.ignored)
			}
		})
	}
}

// TestRateLimitReset: when the window resets, whichever way the headers say
// it (seconds from now, a Unix time against the Date header, the IETF
// field's t), even while requests are left.
func TestRateLimitReset(t *testing.T) {
	date := "Date: Sun, 22 Nov 2026 10:00:00 GMT\n"
	for _, c := range []struct {
		headers string
		seconds float64
		at      string
	}{
		{"X-RateLimit-Remaining: 4987\nX-RateLimit-Reset: 1795341630\n", 30, "2026-11-22T10:00:30Z"},
		{"RateLimit-Remaining: 3\nRateLimit-Reset: 42\n", 42, ""},
		{"RateLimit: \"default\";r=5;t=12\n", 12, ""},
	} {
		a := advise(t, "HTTP/1.1 200 OK\n"+date+c.headers+"\n", Options{})
		if rl := a.RateLimit; rl == nil || rl.ResetSeconds == nil || *rl.ResetSeconds != c.seconds || rl.ResetAt != c.at {
			t.Errorf("%q: rate limit %+v", c.headers, rl)
		}
	}
}

func TestDelayDetails(t *testing.T) {
	r, _ := dialects.Inspect("HTTP/1.1 429 x\nDate: Sun, 22 Nov 2026 10:00:00 GMT\nX-RateLimit-Limit: 60\nX-RateLimit-Remaining: 0\nX-RateLimit-Reset: 1795341630\nx-github-request-id: a\n\n", dialects.Options{})
	a := Advise(r, Options{}) // now from the Date header
	d := a.Delay
	if d.At != "2026-11-22T10:00:30Z" || !strings.Contains(d.Other, "as seconds") || !strings.Contains(d.Reading, "GitHub") || !strings.Contains(d.Now, "Date header") {
		t.Errorf("got %+v", d)
	}
	rl := a.RateLimit
	if rl == nil || *rl.Limit != 60 || *rl.Remaining != 0 || rl.Reset != "1795341630" {
		t.Errorf("rate limit %+v", rl)
	}
	// A reset time is no delay while requests remain.
	if a := advise(t, "HTTP/1.1 503 x\nX-RateLimit-Remaining: 5\nX-RateLimit-Reset: 42\n\n", Options{}); a.AfterSeconds != nil {
		t.Errorf("a delay from a limit not exhausted: %+v", a.Delay)
	}
	a = advise(t, "HTTP/1.1 429 x\nRateLimit: \"permin\";r=0;t=12\nRateLimit-Policy: \"permin\";q=50;w=60\n\n", Options{})
	if rl := a.RateLimit; rl == nil || *rl.Limit != 50 || *rl.Window != 60 || *rl.Remaining != 0 || rl.Policy != "permin" {
		t.Errorf("draft rate limit %+v", a.RateLimit)
	}
}

// TestProfileGoldens: each profile's first delays against values computed from
// the library's published formula (the research notes' test vectors).
func TestProfileGoldens(t *testing.T) {
	type b3 struct{ lo, exp, hi float64 }
	tests := []struct {
		name  string
		edit  func(*Params)
		steps []b3
	}{
		// stripe-node 23.1.0 RequestSender._getSleepTimeInMS: with r retries
		// made so far, max(0.5, min(0.5·2^(r-1), 5)·U(0.5, 1)) seconds.
		{"stripe", nil, []b3{{500, 500, 500}, {500, 500, 500}}},
		{"stripe", func(p *Params) { p.Attempts = 7 }, []b3{{500, 500, 500}, {500, 500, 500}, {500, 750, 1000}, {1000, 1500, 2000}, {2000, 3000, 4000}, {2500, 3750, 5000}}},
		{"openai-node", nil, []b3{{375, 437.5, 500}, {750, 875, 1000}}},
		{"octokit", nil, []b3{{1000, 1000, 1000}, {4000, 4000, 4000}, {9000, 9000, 9000}}},
		{"urllib3", func(p *Params) { p.BaseMs, p.Attempts = 500, 7 }, []b3{{0, 0, 0}, {1000, 1000, 1000}, {2000, 2000, 2000}, {4000, 4000, 4000}, {8000, 8000, 8000}, {16000, 16000, 16000}}},
		{"urllib3", func(p *Params) { p.BaseMs, p.Attempts = 1000, 10 }, []b3{{0, 0, 0}, {2000, 2000, 2000}, {4000, 4000, 4000}, {8000, 8000, 8000}, {16000, 16000, 16000}, {32000, 32000, 32000}, {64000, 64000, 64000}, {120000, 120000, 120000}, {120000, 120000, 120000}}},
		{"urllib3", nil, []b3{{0, 0, 0}, {0, 0, 0}, {0, 0, 0}}},
		{"got", nil, []b3{{1000, 1050, 1100}, {2000, 2050, 2100}}},
		{"ky", nil, []b3{{300, 300, 300}, {600, 600, 600}}},
		{"grpc", func(p *Params) { p.Attempts = 6 }, []b3{{80, 100, 120}, {160, 200, 240}, {320, 400, 480}, {640, 800, 960}, {800, 1000, 1200}}},
		{"envoy", func(p *Params) { p.Attempts = 6 }, []b3{{0, 12.5, 25}, {0, 37.5, 75}, {0, 87.5, 175}, {0, 125, 250}, {0, 125, 250}}},
		{"aws-standard", func(p *Params) { p.Attempts = 7 }, []b3{{0, 1000, 2000}, {0, 2000, 4000}, {0, 4000, 8000}, {0, 8000, 16000}, {20000, 20000, 20000}, {20000, 20000, 20000}}},
		{"tenacity", func(p *Params) { p.BaseMs, p.Attempts = 1000, 6 }, []b3{{1000, 1000, 1000}, {2000, 2000, 2000}, {4000, 4000, 4000}, {8000, 8000, 8000}, {16000, 16000, 16000}}},
		{"google-api-core", nil, []b3{{0, 500, 1000}, {0, 1000, 2000}, {0, 2000, 4000}}},
		{"cenkalti-backoff-v4", func(p *Params) { p.Jitter = "none" }, []b3{{500, 500, 500}, {750, 750, 750}, {1125, 1125, 1125}, {1687.5, 1687.5, 1687.5}, {2531.25, 2531.25, 2531.25}}},
		{"seeds", nil, []b3{{500, 1000, 1500}, {1000, 2000, 3000}, {2000, 4000, 6000}}},
		{"recommended", nil, []b3{{0, 500, 1000}, {0, 1000, 2000}, {0, 2000, 4000}}},
		{"go-retryablehttp", nil, []b3{{1000, 1000, 1000}, {2000, 2000, 2000}, {4000, 4000, 4000}, {8000, 8000, 8000}}},
	}
	for _, tt := range tests {
		p := ProfileNamed(tt.name).Params
		if tt.edit != nil {
			tt.edit(&p)
		}
		steps, _ := Schedule(p, nil, 7)
		if len(steps) < len(tt.steps) {
			t.Errorf("%s: %d steps, want %d", tt.name, len(steps), len(tt.steps))
			continue
		}
		for i, w := range tt.steps {
			s := steps[i]
			if !near(s.MinMs, w.lo) || !near(s.ExpectedMs, w.exp) || !near(s.MaxMs, w.hi) || s.SampleMs < s.MinMs || s.SampleMs > s.MaxMs {
				t.Errorf("%s retry %d: got [%v %v %v] sample %v, want %v", tt.name, i+1, s.MinMs, s.ExpectedMs, s.MaxMs, s.SampleMs, w)
			}
		}
	}
}

// TestPollyBand: .NET's DecorrelatedJitterBackoffV2 first delay lies in
// [0, 2.754 s) with a 2 s base (computed from its formula).
func TestPollyBand(t *testing.T) {
	steps, _ := Schedule(ProfileNamed("polly").Params, nil, 3)
	if len(steps) != 3 || steps[0].MinMs != 0 || math.Abs(steps[0].MaxMs-2754) > 1 || steps[1].MaxMs <= steps[0].MaxMs {
		t.Errorf("got %+v", steps)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// TestTimeline: the server's delay as floor, replacement or refusal; where
// each library gives up; whether it retries at all; seeded reproducibility.
func TestTimeline(t *testing.T) {
	paste := "HTTP/1.1 429 Too Many Requests\nRetry-After: 3600\n\n"
	a := advise(t, paste, Options{Policy: "recommended"})
	if a.WillRetry != true || len(a.Schedule) != 0 || !strings.Contains(a.GivesUp.Reason, "over the cap") {
		t.Errorf("recommended with 1 h: %+v", a.GivesUp)
	}
	a = advise(t, paste, Options{Policy: "go-retryablehttp", Method: "POST"})
	if len(a.Schedule) != 4 || a.Schedule[0].ExpectedMs != 3600000 || a.Schedule[3].ExpectedMs != 3600000 || a.Schedule[3].FloorMs != 3600000 {
		t.Errorf("go-retryablehttp with 1 h on every retry: %+v", a.Schedule)
	}
	a = advise(t, paste, Options{Policy: "go-retryablehttp", Method: "POST", DelayOnce: true})
	if len(a.Schedule) != 4 || a.Schedule[0].ExpectedMs != 3600000 || a.Schedule[1].ExpectedMs != 2000 || a.Schedule[1].FloorMs != 0 || !a.DelayOnce {
		t.Errorf("go-retryablehttp with 1 h once: %+v", a.Schedule)
	}
	a = advise(t, paste, Options{Policy: "urllib3", Method: "POST"})
	if a.WillRetry || a.GivesUp.Attempts != 1 || !strings.Contains(a.WillRetryWhy, "HEAD, GET") {
		t.Errorf("urllib3 POST: %v %q", a.WillRetry, a.WillRetryWhy)
	}
	a = advise(t, "HTTP/1.1 503 x\nRetry-After: 5\n\n", Options{Policy: "seeds", Method: "GET"})
	if s := a.Schedule[0]; s.MinMs != 5000 || s.MaxMs != 5000 || a.Schedule[1].MaxMs != 5000 || a.Schedule[2].MinMs != 5000 || a.Schedule[2].MaxMs != 6000 {
		t.Errorf("seeds floor on every retry: %+v", a.Schedule)
	}
	a = advise(t, "HTTP/1.1 503 x\nRetry-After: 5\n\n", Options{Policy: "seeds", Method: "GET", DelayOnce: true})
	if s := a.Schedule[0]; s.MinMs != 5000 || a.Schedule[1].MinMs != 1000 {
		t.Errorf("seeds floor once: %+v", a.Schedule)
	}
	a = advise(t, "HTTP/1.1 500 x\n\n", Options{Policy: "google-api-core"})
	if !strings.Contains(a.GivesUp.Reason, "time budget") || a.Schedule[len(a.Schedule)-1].AtMinMs > 120000 {
		t.Errorf("google-api-core budget: %+v", a.GivesUp)
	}
	a = advise(t, "HTTP/1.1 500 x\n\n", Options{Policy: "tenacity"})
	if len(a.Schedule) != maxSteps || !strings.Contains(a.GivesUp.Reason, "never") {
		t.Errorf("tenacity: %d steps, %q", len(a.Schedule), a.GivesUp.Reason)
	}
	a = advise(t, "HTTP/1.1 429 x\n\n", Options{Policy: "aws-standard"})
	if a.WillRetry {
		t.Error("aws-standard retried a bare 429")
	}
	a = advise(t, "HTTP/1.1 503 x\n\n", Options{Policy: "recommended", Method: "GET", Params: &Params{Attempts: 3, BaseMs: 100, Multiplier: 3, Jitter: "equal", Growth: "exponential", RetryAfter: "floor"}})
	if len(a.Schedule) != 2 || a.Schedule[1].MinMs != 150 || a.Schedule[1].MaxMs != 300 {
		t.Errorf("edited params: %+v", a.Schedule)
	}
	x := advise(t, "HTTP/1.1 503 x\n\n", Options{Policy: "recommended", Method: "GET", Seed: 42})
	y := advise(t, "HTTP/1.1 503 x\n\n", Options{Policy: "recommended", Method: "GET", Seed: 42})
	z := advise(t, "HTTP/1.1 503 x\n\n", Options{Policy: "recommended", Method: "GET", Seed: 43})
	if x.Schedule[1].SampleMs != y.Schedule[1].SampleMs || x.Schedule[1].SampleMs == z.Schedule[1].SampleMs {
		t.Error("seeded samples are not reproducible, or ignore the seed")
	}
}

// TestEveryProfileAnswers: every profile names its library, says whether it
// retries, and makes a sane timeline for a plain 503.
func TestEveryProfileAnswers(t *testing.T) {
	want := []string{"seeds", "recommended", "go-retryablehttp", "cenkalti-backoff-v4", "cenkalti-backoff-v5", "aws-standard", "grpc",
		"google-api-core", "urllib3", "tenacity", "stripe", "got", "ky", "octokit", "openai-node", "polly", "envoy"}
	if len(Profiles()) != len(want) {
		t.Errorf("%d profiles, want %d", len(Profiles()), len(want))
	}
	for _, name := range want {
		a := advise(t, "HTTP/1.1 503 Service Unavailable\nRetry-After: 2\n\n", Options{Policy: name, Method: "GET"})
		if a.Policy != name || a.Library == "" || a.WillRetryWhy == "" || a.GivesUp.Reason == "" {
			t.Errorf("%s: %+v", name, a)
		}
		prev := 0.0
		for _, s := range a.Schedule {
			if s.MinMs > s.ExpectedMs || s.ExpectedMs > s.MaxMs || s.AtMinMs < prev || s.AtMinMs > s.AtMaxMs {
				t.Errorf("%s: inconsistent step %+v", name, s)
			}
			prev = s.AtMinMs
		}
	}
}

func FuzzAdvise(f *testing.F) {
	f.Add("HTTP/1.1 429 x\nRetry-After: 5\nX-RateLimit-Reset: 1795341630\nX-RateLimit-Remaining: 0\n\n", "POST", "recommended")
	f.Add("HTTP/1.1 503 x\nRateLimit: \"a\";r=0;t=9\n\n{}", "GET", "polly")
	f.Fuzz(func(t *testing.T, paste, method, policy string) {
		r, err := dialects.Inspect(paste, dialects.Options{})
		if err != nil {
			return
		}
		a := Advise(r, Options{Method: method, Policy: policy, Now: now})
		switch a.Decision {
		case Retry, VerifyThenRetry, RefreshThenRetry, DoNotRetry:
		default:
			t.Fatalf("decision %q", a.Decision)
		}
		if a.Retryable != (a.Decision == Retry) || len(a.Reasons) == 0 {
			t.Fatalf("%+v", a)
		}
		for _, s := range a.Schedule {
			if math.IsNaN(s.ExpectedMs) || s.MinMs > s.MaxMs {
				t.Fatalf("step %+v", s)
			}
		}
	})
}

// TestPastResetWithoutDate: an epoch reset in the past, in a response without
// a Date header, tells nothing of when to retry (the response may be years
// old): it is no delay, and the advice says why.
func TestPastResetWithoutDate(t *testing.T) {
	r, err := dialects.Inspect("HTTP/1.1 429 Too Many Requests\nX-RateLimit-Remaining: 0\nX-RateLimit-Reset: 1454313600\n\n{}", dialects.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := Advise(r, Options{})
	if a.AfterSeconds != nil || !strings.Contains(strings.Join(a.Ignored, "\n"), "no Date header") {
		t.Errorf("got delay %v, ignored %q", a.AfterSeconds, a.Ignored)
	}
}

// TestDialectGuidance: a dialect file's guidance decides before the general
// rules, with its own reason and rule name, whatever it says to do.
func TestDialectGuidance(t *testing.T) {
	file := `{"errlens": "dialect/1", "id": "acme", "name": "Acme", "detect": [{"path": "acme_code", "require": true, "points": 80}],
	 "read": {"code": "acme_code", "type": "kind", "message": "text"},
	 "retry": [{"code": "LOCKED-*", "then": "wait", "reason": "the ledger is locked; wait"},
	           {"type": "ambiguous", "then": "verify-then-retry", "id": "acme-verify", "reason": "look the order up first"},
	           {"status": 503, "then": "do-not-retry", "reason": "Acme's 503 means the account is closed"},
	           {"code": "STALE", "then": "refresh-then-retry", "reason": "re-read the order"},
	           {"code": "FLAKY", "then": "retry", "reason": "a blip"}]}`
	d, err := dialects.ParseDialect(file)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		status         int
		body           string
		method         string
		decision, rule string
	}{
		{409, `{"acme_code": "LOCKED-7", "text": "locked"}`, "POST", Retry, "acme-1"},
		{500, `{"acme_code": "E1", "kind": "ambiguous", "text": "?"}`, "GET", VerifyThenRetry, "acme-verify"},
		{503, `{"acme_code": "E2", "text": "closed"}`, "GET", DoNotRetry, "acme-3"},
		{409, `{"acme_code": "STALE", "text": "stale"}`, "PUT", RefreshThenRetry, "acme-4"},
		{500, `{"acme_code": "FLAKY", "text": "blip"}`, "GET", Retry, "acme-5"},
		{500, `{"acme_code": "FLAKY", "text": "blip"}`, "POST", VerifyThenRetry, "acme-5"},
		{400, `{"acme_code": "OTHER", "text": "other"}`, "GET", DoNotRetry, "client-error"},
	}
	for _, tt := range tests {
		r, err := dialects.Inspect("HTTP/1.1 "+strconv.Itoa(tt.status)+" X\nContent-Type: application/json\n\n"+tt.body, dialects.Options{Dialects: []*dialects.Dialect{d}})
		if err != nil || r.Dialect != "acme" {
			t.Fatalf("%s: %v, dialect %s", tt.body, err, r.Dialect)
		}
		a := Advise(r, Options{Method: tt.method, Now: now})
		if a.Decision != tt.decision || !slices.Contains(rules(a), tt.rule) {
			t.Errorf("%d %s %s: got %s by %v, want %s by %s", tt.status, tt.method, tt.body, a.Decision, rules(a), tt.decision, tt.rule)
		}
	}
}

// TestMarkdown: the report as Markdown keeps each fact in its place and the
// paste's text as text (no table broken by a "|", no link or emphasis made
// by the API's words).
func TestMarkdown(t *testing.T) {
	r, err := dialects.Inspect(seed(t, "problem-details/seed-003-02-validation-error.gallery.http"), dialects.Options{})
	if err != nil {
		t.Fatal(err)
	}
	md := Report{Report: r, Retry: Advise(r, Options{Now: now})}.Markdown("https://tools.example/#v1.abc")
	for _, want := range []string{
		"**400 Bad Request** · problem-details\n\n> Validation Error\n\n",
		"|Request id|req\\_8d4b2e1f|\n",
		"Field errors (2):\n\n|Field|Message|Code|\n|---|---|---|\n|`bank_account.routing_number`|Routing number must be exactly 9 digits|invalid\\_format|\n",
		"**Retry: do not retry**\n- 400: the request itself is wrong",
		"[Open in errlens](https://tools.example/#v1.abc) (secrets redacted)\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("missing %q in\n%s", want, md)
		}
	}
	r, _ = dialects.Inspect("HTTP/1.1 400 Bad Request\n\n{\"message\": \"a | b *c* [x](javascript:y)\\n# h\"}", dialects.Options{})
	md = Report{Report: r}.Markdown("")
	if !strings.Contains(md, `> a | b \*c\* \[x\](javascript:y) \# h`+"\n") {
		t.Errorf("the message is not kept as text:\n%s", md)
	}
}
