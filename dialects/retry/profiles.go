package retry

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/errlens/errlens/dialects/message"
)

// Params are a retry policy's parameters, editable in the app. Delays are in
// milliseconds. The delay before retry n (n = 1 for the first retry) is built in
// three steps: a raw delay from Growth, Base and Multiplier (capped by Cap), a
// jitter band around it, and the server's delay applied as RetryAfter says.
type Params struct {
	Attempts   int     `json:"attempts"` // attempts counting the first; 0 = no limit
	BaseMs     float64 `json:"baseMs"`
	Multiplier float64 `json:"multiplier"`
	CapMs      float64 `json:"capMs"` // 0 = no cap
	// Growth: "exponential" base*multiplier^(n-1); "quadratic" base*n^2 (Octokit);
	// "envoy" base*(2^n-1); "polly-v2" .NET's DecorrelatedJitterBackoffV2.
	Growth string `json:"growth"`
	// Jitter: "none"; "full" U(0, d); "equal" d/2 + U(0, d/2); "decorrelated"
	// U(base, min(cap, 3*previous)); "proportional" d*U(JitterLo, JitterHi);
	// "additive" d + U(0, JitterHi ms).
	Jitter   string  `json:"jitter"`
	JitterLo float64 `json:"jitterLo,omitempty"`
	JitterHi float64 `json:"jitterHi,omitempty"`
	// FirstZero makes the first retry immediate (urllib3); AtCapExact makes a
	// capped delay exact, without jitter (AWS SDKs); MinMs floors every delay
	// (Stripe).
	FirstZero  bool    `json:"firstZero,omitempty"`
	AtCapExact bool    `json:"atCapExact,omitempty"`
	MinMs      float64 `json:"minMs,omitempty"`
	// RetryAfter: "floor" (wait at least the server's delay), "replace" (wait
	// exactly it) or "ignore".
	RetryAfter string `json:"retryAfter"`
	// RetryAfterCapMs bounds the server's delay (0 = none); OverCap says what a
	// longer one does: "clamp" to the cap, "give-up" (no retry), "backoff"
	// (ignore it).
	RetryAfterCapMs float64 `json:"retryAfterCapMs,omitempty"`
	OverCap         string  `json:"overCap,omitempty"`
	// ResetAfterDelay restarts the backoff after a server delay (gRPC pushback,
	// cenkalti/backoff v5's RetryAfter).
	ResetAfterDelay bool `json:"resetAfterDelay,omitempty"`
	// BudgetMs ends retrying once the elapsed time would pass it (0 = none).
	BudgetMs float64 `json:"budgetMs,omitempty"`
}

// Limits of edited and linked parameters: the app's fields accept no more.
const (
	MaxAttempts   = 50
	MaxDelayMs    = 24 * 3600 * 1000 // a day, for every delay, cap and budget
	MaxMultiplier = 100
)

// The names each of Params' enumerated fields takes ("" is the default).
var (
	growths     = []string{"", "exponential", "quadratic", "envoy", "polly-v2"}
	jitters     = []string{"", "none", "full", "equal", "decorrelated", "proportional", "additive"}
	retryAfters = []string{"", "floor", "replace", "ignore"}
	overCaps    = []string{"", "clamp", "give-up", "backoff"}
)

// Check says what is wrong with p, or nil: counts, delays and factors within
// the limits above, names among the known ones. Parameters from a user or a
// link are checked before any timeline is drawn from them.
func (p Params) Check() error {
	if p.Attempts < 0 || p.Attempts > MaxAttempts {
		return fmt.Errorf("attempts is %d; it must be 0 (no limit) to %d", p.Attempts, MaxAttempts)
	}
	for _, f := range []struct {
		name string
		v    float64
		max  float64
	}{
		{"baseMs", p.BaseMs, MaxDelayMs}, {"capMs", p.CapMs, MaxDelayMs}, {"minMs", p.MinMs, MaxDelayMs},
		{"retryAfterCapMs", p.RetryAfterCapMs, MaxDelayMs}, {"budgetMs", p.BudgetMs, MaxDelayMs},
		{"jitterLo", p.JitterLo, MaxDelayMs}, {"jitterHi", p.JitterHi, MaxDelayMs},
		{"multiplier", p.Multiplier, MaxMultiplier},
	} {
		if !(f.v >= 0 && f.v <= f.max) { // NaN fails too
			return fmt.Errorf("%s is %v; it must be 0 to %v", f.name, f.v, f.max)
		}
	}
	for _, f := range []struct {
		name, v string
		known   []string
	}{{"growth", p.Growth, growths}, {"jitter", p.Jitter, jitters}, {"retryAfter", p.RetryAfter, retryAfters}, {"overCap", p.OverCap, overCaps}} {
		if !slices.Contains(f.known, f.v) {
			return fmt.Errorf("%s %q is not one of %s", f.name, f.v, strings.Join(f.known[1:], ", "))
		}
	}
	return nil
}

// Profile reproduces one retry library's defaults: its timing, which
// responses it retries and which server delay it reads.
type Profile struct {
	Name        string // the contract name: --policy, share links
	Library     string // library and version whose defaults it reproduces
	Description string
	Params      Params
	// retries says whether the library retries this response at all, and why.
	retries func(in *input, a *Advice) (bool, string)
	// delay returns the server delay in seconds the library reads, if any.
	delay func(in *input) (float64, bool)
}

// Profiles lists every profile, in the order the app shows them.
func Profiles() []*Profile { return profiles }

// ProfileNamed returns the profile called name, or nil.
func ProfileNamed(name string) *Profile {
	for _, p := range profiles {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// idempotentMethods are RFC 9110's idempotent methods: what urllib3, got and
// ky retry.
var idempotentMethods = []string{"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"}

var profiles = []*Profile{
	{
		Name: "seeds", Library: "the five example API docs' guidance",
		Description: "1 s, 2 s, 4 s, each made random by ±50%, 3 retries; wait at least Retry-After; don't retry 4xx; check whether a write went through before sending it again.",
		Params:      Params{Attempts: 4, BaseMs: 1000, Multiplier: 2, Growth: "exponential", Jitter: "proportional", JitterLo: 0.5, JitterHi: 1.5, RetryAfter: "floor"},
		retries:     followsAdvice, delay: serverAsked,
	},
	{
		Name: "recommended", Library: "errlens's recommendation",
		Description: "A random wait from 0 up to a delay that doubles from 1 s to 30 s (full jitter), 3 retries; at least the server's delay, up to 60 s; past that, give up and reschedule instead of blocking a worker.",
		Params:      Params{Attempts: 4, BaseMs: 1000, Multiplier: 2, CapMs: 30000, Growth: "exponential", Jitter: "full", RetryAfter: "floor", RetryAfterCapMs: 60000, OverCap: "give-up"},
		retries:     followsAdvice, delay: serverAsked,
	},
	{
		Name: "go-retryablehttp", Library: "hashicorp/go-retryablehttp v0.7.8",
		Description: "DefaultBackoff: 1 s doubling to 30 s, no jitter, 4 retries; Retry-After (whole seconds or RFC 1123 date) on 429 and 503 replaces it, uncapped.",
		Params:      Params{Attempts: 5, BaseMs: 1000, Multiplier: 2, CapMs: 30000, Growth: "exponential", Jitter: "none", RetryAfter: "replace"},
		retries: func(in *input, _ *Advice) (bool, string) {
			s := in.status
			if s == 429 || s == 0 || s >= 500 && s != 501 {
				return true, "DefaultRetryPolicy retries 429, 5xx but 501, and connection errors, whatever the method"
			}
			return false, "DefaultRetryPolicy retries only 429, 5xx but 501, and connection errors"
		},
		delay: func(in *input) (float64, bool) {
			if in.status != 429 && in.status != 503 {
				return 0, false
			}
			return retryAfterStrict(in, []string{time.RFC1123})
		},
	},
	{
		Name: "cenkalti-backoff-v4", Library: "cenkalti/backoff v4.3.0",
		Description: "ExponentialBackOff: 500 ms ×1.5 up to 60 s, ×U(0.5, 1.5) jitter, until 15 minutes have passed; no Retry-After support.",
		Params:      Params{BaseMs: 500, Multiplier: 1.5, CapMs: 60000, Growth: "exponential", Jitter: "proportional", JitterLo: 0.5, JitterHi: 1.5, RetryAfter: "ignore", BudgetMs: 15 * 60000},
		retries:     anyError, delay: nil,
	},
	{
		Name: "cenkalti-backoff-v5", Library: "cenkalti/backoff v5.0.3",
		Description: "As v4, within 15 minutes; an operation returning backoff.RetryAfter(seconds) waits exactly that and restarts the backoff.",
		Params:      Params{BaseMs: 500, Multiplier: 1.5, CapMs: 60000, Growth: "exponential", Jitter: "proportional", JitterLo: 0.5, JitterHi: 1.5, RetryAfter: "replace", ResetAfterDelay: true, BudgetMs: 15 * 60000},
		retries:     anyError, delay: serverAsked,
	},
	{
		Name: "aws-standard", Library: "aws-sdk-go-v2 v1.47.7 standard retryer",
		Description: "3 attempts; U(0, 2^n s), exactly 20 s from the 5th retry; retries 500/502/503/504 and throttling codes (not a bare 429); ignores Retry-After.",
		Params:      Params{Attempts: 3, BaseMs: 2000, Multiplier: 2, CapMs: 20000, AtCapExact: true, Growth: "exponential", Jitter: "full", RetryAfter: "ignore"},
		retries: func(in *input, _ *Advice) (bool, string) {
			if in.r.Dialect == "aws" && contains(awsThrottleCodes, in.r.Code) {
				return true, in.r.Code + " is a throttling code: retried"
			}
			if in.r.Code == "RequestTimeout" || in.r.Code == "RequestTimeoutException" {
				return true, "a request timeout code: retried"
			}
			switch in.status {
			case 500, 502, 503, 504:
				return true, "500, 502, 503 and 504 are retried"
			}
			return false, "the standard retryer retries 500, 502, 503, 504, throttling and timeout codes only; a bare 429 needs a throttling code"
		},
	},
	{
		Name: "grpc", Library: "gRPC retry policy (gRFC A6, 2024)",
		Description: "maxAttempts 4, initialBackoff 0.1 s ×2 up to 1 s, ×U(0.8, 1.2) jitter, retryableStatusCodes [UNAVAILABLE]; grpc-retry-pushback-ms replaces the delay and restarts the backoff.",
		Params:      Params{Attempts: 4, BaseMs: 100, Multiplier: 2, CapMs: 1000, Growth: "exponential", Jitter: "proportional", JitterLo: 0.8, JitterHi: 1.2, RetryAfter: "replace", ResetAfterDelay: true},
		retries: func(in *input, _ *Advice) (bool, string) {
			if v, stop := pushbackStops(in); stop {
				return false, "grpc-retry-pushback-ms: " + v + " tells the client not to retry (a negative or unreadable pushback)"
			}
			if in.r.Type == "UNAVAILABLE" {
				return true, "UNAVAILABLE is in retryableStatusCodes"
			}
			switch in.status {
			case 429, 502, 503, 504:
				if in.r.Type == "" || in.r.Dialect != "google-rpc" {
					return true, "HTTP " + itoa(in.status) + " maps to UNAVAILABLE (grpc's HTTP to gRPC status mapping)"
				}
			}
			return false, "only UNAVAILABLE is retried; this maps to another code"
		},
		delay: func(in *input) (float64, bool) {
			v, ok := in.h.Lookup("Grpc-Retry-Pushback-Ms")
			if !ok {
				return 0, false
			}
			ms, err := strconv.Atoi(strings.TrimSpace(v))
			return float64(ms) / 1000, err == nil && ms >= 0
		},
	},
	{
		Name: "google-api-core", Library: "googleapis/python-api-core Retry",
		Description: "Full jitter U(0, d), d from 1 s doubling to 60 s, until 120 s have passed; retries 429, 500 and 503 (not 502 or 504); ignores Retry-After.",
		Params:      Params{BaseMs: 1000, Multiplier: 2, CapMs: 60000, Growth: "exponential", Jitter: "full", RetryAfter: "ignore", BudgetMs: 120000},
		retries: func(in *input, _ *Advice) (bool, string) {
			switch in.status {
			case 429, 500, 503:
				return true, "if_transient_error retries 429, 500 and 503"
			}
			if in.r.Type == "UNAVAILABLE" || in.r.Type == "INTERNAL" {
				return true, "if_transient_error retries " + in.r.Type
			}
			return false, "if_transient_error retries only 429, 500 and 503 (INTERNAL, UNAVAILABLE)"
		},
	},
	{
		Name: "urllib3", Library: "urllib3 2.7 Retry() (Retry.DEFAULT)",
		Description: "3 retries, backoff_factor 0 (no sleep); with a factor f: 0, then f·2^(n-1) up to 120 s. Statuses only with Retry-After (413, 429, 503), idempotent methods only; Retry-After capped at 6 h. (requests' default adapter does not retry at all.)",
		Params:      Params{Attempts: 4, BaseMs: 0, Multiplier: 2, CapMs: 120000, FirstZero: true, Growth: "exponential", Jitter: "none", RetryAfter: "replace", RetryAfterCapMs: 21600000, OverCap: "clamp"},
		retries: func(in *input, _ *Advice) (bool, string) {
			if !methodIn(in, idempotentMethods) {
				return false, "urllib3 retries only HEAD, GET, PUT, DELETE, OPTIONS and TRACE"
			}
			if _, ok := in.h.Lookup("Retry-After"); ok && (in.status == 413 || in.status == 429 || in.status == 503) {
				return true, "a 413, 429 or 503 with Retry-After is retried (status_forcelist is empty by default)"
			}
			return false, "by default urllib3 retries a status only when it is 413, 429 or 503 with Retry-After; others need status_forcelist"
		},
		delay: func(in *input) (float64, bool) {
			s, ok := retryAfterStrict(in, httpDates)
			return s, ok && s > 0 // Retry-After: 0 falls back to the backoff
		},
	},
	{
		Name: "tenacity", Library: "tenacity 9.1",
		Description: "Defaults: wait_none and stop_never, so it retries at once, forever; set base (wait_exponential's multiplier) and attempts (stop_after_attempt) to change that.",
		Params:      Params{BaseMs: 0, Multiplier: 2, Growth: "exponential", Jitter: "none", RetryAfter: "ignore"},
		retries:     anyError,
	},
	{
		Name: "stripe", Library: "stripe-node 23",
		Description: "2 retries; max(0.5 s, min(0.25 s·2^(n-1), 5 s)·U(0.5, 1)), so the first two wait exactly 0.5 s; Stripe-Should-Retry decides, else 409 and 5xx are retried; ignores Retry-After (stripe-python honours one up to 60 s).",
		Params:      Params{Attempts: 3, BaseMs: 250, Multiplier: 2, CapMs: 5000, MinMs: 500, Growth: "exponential", Jitter: "proportional", JitterLo: 0.5, JitterHi: 1, RetryAfter: "ignore"},
		retries: func(in *input, _ *Advice) (bool, string) {
			if v, ok := in.h.Lookup("Stripe-Should-Retry"); ok {
				b := strings.EqualFold(strings.TrimSpace(v), "true")
				return b, "Stripe-Should-Retry: " + v + " decides"
			}
			if in.status == 409 || in.status >= 500 {
				return true, "409 and 5xx are retried; POSTs get an automatic Idempotency-Key"
			}
			return false, "only 409, 5xx and connection errors are retried"
		},
	},
	{
		Name: "got", Library: "got 14",
		Description: "2 retries; 1 s doubling + U(0, 100 ms); retries 408, 429, 500, 502, 503, 504, 521, 522, 524 (413 only with Retry-After) on GET, PUT, HEAD, DELETE, OPTIONS, TRACE; Retry-After replaces the delay, uncapped by default (a value over maxRetryAfter cancels the retry).",
		Params:      Params{Attempts: 3, BaseMs: 1000, Multiplier: 2, Growth: "exponential", Jitter: "additive", JitterHi: 100, RetryAfter: "replace", OverCap: "give-up"},
		retries: func(in *input, _ *Advice) (bool, string) {
			if !methodIn(in, idempotentMethods) {
				return false, "got retries only GET, PUT, HEAD, DELETE, OPTIONS and TRACE"
			}
			switch in.status {
			case 408, 429, 500, 502, 503, 504, 521, 522, 524:
				return true, itoa(in.status) + " is in got's retry.statusCodes"
			case 413:
				if _, ok := in.h.Lookup("Retry-After"); ok {
					return true, "413 is retried when it has Retry-After"
				}
			}
			return false, itoa(in.status) + " is not in got's retry.statusCodes"
		},
		delay: func(in *input) (float64, bool) {
			s, ok := retryAfterLoose(in, "Retry-After")
			return s, ok && s > 0
		},
	},
	{
		Name: "ky", Library: "ky 1.14",
		Description: "2 retries; 300 ms doubling, no jitter; retries 408, 429, 500, 502, 503, 504 on GET, PUT, HEAD, DELETE, OPTIONS, TRACE, and 413 only with a delay; on 413/429/503 reads Retry-After, then RateLimit-Reset and X-RateLimit-Reset (epoch when ≥ 1704067200), replacing the delay.",
		Params:      Params{Attempts: 3, BaseMs: 300, Multiplier: 2, Growth: "exponential", Jitter: "none", RetryAfter: "replace", OverCap: "clamp"},
		retries: func(in *input, _ *Advice) (bool, string) {
			if !methodIn(in, idempotentMethods) {
				return false, "ky retries only GET, PUT, HEAD, DELETE, OPTIONS and TRACE"
			}
			switch in.status {
			case 408, 429, 500, 502, 503, 504:
				return true, itoa(in.status) + " is in ky's retry.statusCodes"
			case 413:
				for _, h := range kyDelayHeaders {
					if _, ok := in.h.Lookup(h); ok {
						return true, "413 is retried when it states a delay (" + h + ")"
					}
				}
				return false, "ky retries a 413 only when it states a delay (Retry-After or a rate-limit reset)"
			}
			return false, itoa(in.status) + " is not in ky's retry.statusCodes"
		},
		delay: func(in *input) (float64, bool) {
			if in.status != 413 && in.status != 429 && in.status != 503 {
				return 0, false
			}
			for _, h := range kyDelayHeaders {
				if s, ok := retryAfterLoose(in, h); ok {
					if s >= 1704067200 { // ky reads large values as epoch seconds
						s -= float64(in.now.Unix())
					}
					return math.Max(s, 0), true
				}
			}
			return 0, false
		},
	},
	{
		Name: "octokit", Library: "@octokit/plugin-retry 8",
		Description: "3 retries after 1, 4 and 9 s ((n)^2 s), any method; retries every status from 400 up except 400, 401, 403, 404, 410, 422, 451; rate limits are left to plugin-throttling.",
		Params:      Params{Attempts: 4, BaseMs: 1000, Multiplier: 2, Growth: "quadratic", Jitter: "none", RetryAfter: "ignore"},
		retries: func(in *input, _ *Advice) (bool, string) {
			switch s := in.status; {
			case s == 400 || s == 401 || s == 403 || s == 404 || s == 410 || s == 422 || s == 451:
				return false, itoa(s) + " is in doNotRetry"
			case s >= 400:
				return true, "every status from 400 up but 400, 401, 403, 404, 410, 422 and 451 is retried"
			}
			return false, "not an error status"
		},
	},
	{
		Name: "openai-node", Library: "openai-node 6",
		Description: "2 retries; min(0.5 s·2^(n-1), 8 s)·U(0.75, 1); x-should-retry decides, else 408, 409, 429 and 5xx; retry-after-ms or Retry-After replaces the delay, uncapped.",
		Params:      Params{Attempts: 3, BaseMs: 500, Multiplier: 2, CapMs: 8000, Growth: "exponential", Jitter: "proportional", JitterLo: 0.75, JitterHi: 1, RetryAfter: "replace"},
		retries: func(in *input, _ *Advice) (bool, string) {
			if v, ok := in.h.Lookup("X-Should-Retry"); ok {
				b := strings.EqualFold(strings.TrimSpace(v), "true")
				return b, "x-should-retry: " + v + " decides"
			}
			switch s := in.status; {
			case s == 408 || s == 409 || s == 429 || s >= 500:
				return true, "408, 409, 429 and 5xx are retried, whatever the method"
			}
			return false, "only 408, 409, 429, 5xx and connection errors are retried"
		},
		delay: func(in *input) (float64, bool) {
			if s, ok := retryAfterLoose(in, "Retry-After-Ms"); ok {
				return s / 1000, true
			}
			return retryAfterLoose(in, "Retry-After")
		},
	},
	{
		Name: "polly", Library: "Microsoft.Extensions.Http.Resilience (Polly 8)",
		Description: "3 retries; exponential from 2 s with DecorrelatedJitterBackoffV2; retries 408, 429 and 5xx, any method; Retry-After replaces the delay, uncapped.",
		Params:      Params{Attempts: 4, BaseMs: 2000, Multiplier: 2, Growth: "polly-v2", Jitter: "decorrelated", RetryAfter: "replace"},
		retries: func(in *input, _ *Advice) (bool, string) {
			if s := in.status; s == 408 || s == 429 || s >= 500 {
				return true, "HttpClientResiliencePredicates retries 408, 429 and 5xx"
			}
			return false, "only 408, 429, 5xx and transport errors are retried"
		},
		delay: func(in *input) (float64, bool) { return retryAfterStrict(in, httpDates) },
	},
	{
		Name: "envoy", Library: "Envoy router retry policy",
		Description: "Nothing is retried unless the route sets retry_on; with retry_on 5xx,retriable-4xx: 1 retry (num_retries default), U(0, (2^n-1)·25 ms) capped at 250 ms; x-envoy-ratelimited is never retried.",
		Params:      Params{Attempts: 2, BaseMs: 25, Multiplier: 2, CapMs: 250, Growth: "envoy", Jitter: "full", RetryAfter: "ignore"},
		retries: func(in *input, _ *Advice) (bool, string) {
			if _, ok := in.h.Lookup("X-Envoy-Ratelimited"); ok {
				return false, "x-envoy-ratelimited is never retried (unless retry_on has envoy-ratelimited)"
			}
			if in.status >= 500 || in.status == 409 {
				return true, "with retry_on: 5xx,retriable-4xx, " + itoa(in.status) + " is retried (without a retry policy, nothing is)"
			}
			return false, "retry_on 5xx and retriable-4xx (409) do not cover " + itoa(in.status)
		},
	},
}

// kyDelayHeaders are the headers ky reads a delay from, in its order.
var kyDelayHeaders = []string{"Retry-After", "RateLimit-Reset", "X-RateLimit-Retry-After", "X-RateLimit-Reset", "X-Rate-Limit-Reset"}

// followsAdvice: the seeds' guidance and errlens's recommendation retry
// exactly when the advice is to retry.
func followsAdvice(_ *input, a *Advice) (bool, string) {
	switch a.Decision {
	case Retry:
		return true, "the advice is to retry"
	case VerifyThenRetry:
		return false, "not automatically: check whether the write took effect first"
	case RefreshThenRetry:
		return false, "not as is: re-fetch the current state and send a new request"
	}
	return false, "the advice is not to retry"
}

// anyError: generic libraries retry whatever error the caller's operation
// returns; they do not look at statuses.
func anyError(*input, *Advice) (bool, string) {
	return true, "it retries any error your operation returns (it does not read statuses): yes if your code turns this response into an error"
}

// serverAsked is the delay the server asked for, from every source.
func serverAsked(in *input) (float64, bool) { return in.server, in.server >= 0 }

func methodIn(in *input, methods []string) bool {
	return in.method == "" || contains(methods, in.method)
}

// retryAfterStrict reads Retry-After as whole seconds or one of the given date
// layouts; a past date gives 0.
func retryAfterStrict(in *input, layouts []string) (float64, bool) {
	v, ok := in.h.Lookup("Retry-After")
	if !ok {
		return 0, false
	}
	v = strings.TrimSpace(v)
	if message.Digits(v) {
		n, err := strconv.ParseFloat(v, 64)
		return n, err == nil
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, v); err == nil {
			return math.Max(t.Sub(in.now).Seconds(), 0), true
		}
	}
	return 0, false
}

// retryAfterLoose reads a header as JavaScript's Number() or Date.parse would:
// decimal seconds, or a date.
func retryAfterLoose(in *input, name string) (float64, bool) {
	v, ok := in.h.Lookup(name)
	if !ok {
		return 0, false
	}
	if n, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && !math.IsNaN(n) && !math.IsInf(n, 0) {
		return n, true
	}
	if t, ok := parseHTTPDate(v); ok {
		return math.Max(t.Sub(in.now).Seconds(), 0), true
	}
	return 0, false
}
