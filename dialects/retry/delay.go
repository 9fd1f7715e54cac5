package retry

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/errlens/errlens/dialects/message"
)

// Delay explains the delay the server asked for.
type Delay struct {
	Raw     string  `json:"raw"`     // the value as sent
	Source  string  `json:"source"`  // header or body member
	Reading string  `json:"reading"` // how Raw was read: "seconds", "a date", "a Unix time in seconds"...
	Seconds float64 `json:"seconds"` // from when the response was received
	At      string  `json:"at"`      // absolute time, RFC 3339 UTC
	// Other is the other plausible reading of an ambiguous value
	// (X-RateLimit-Reset: epoch or delta).
	Other string `json:"other,omitempty"`
	// Plausibility is "normal" (up to 60 s), "long" (up to 6 h) or
	// "implausible" (past 6 h: probably a units bug).
	Plausibility string `json:"plausibility"`
	Note         string `json:"note"`
	Now          string `json:"now"` // the time the delay counts from, and why
}

// Plausibility thresholds: urllib3 caps Retry-After at 6 h; stripe-python
// ignores more than 60 s.
const (
	normalDelay = 60
	longDelay   = 6 * 3600
)

// serverDelay finds the delay the server asked for, from the first source
// present in order of precedence, and notes the values it could not use.
func serverDelay(in *input, a *Advice) {
	sources := []func(*input) (*Delay, string){
		retryAfter, retryAfterMs("Retry-After-Ms"), retryAfterMs("X-Amz-Retry-After"), retryAfterMs("Grpc-Retry-Pushback-Ms"),
		bodyDelay, rateLimitT, rateLimitReset, xRateLimitReset,
	}
	for _, src := range sources {
		d, bad := src(in)
		if bad != "" {
			a.Ignored = append(a.Ignored, bad)
		}
		if d != nil && a.Delay == nil {
			finishDelay(in, d)
			a.Delay = d
			s := d.Seconds
			a.AfterSeconds, a.AfterSource = &s, d.Source
			in.server = s
		}
	}
}

func finishDelay(in *input, d *Delay) {
	if d.Seconds < 0 {
		d.Seconds = 0
	}
	if d.At == "" {
		d.At = in.now.Add(seconds(d.Seconds)).UTC().Format(time.RFC3339)
	}
	d.Now = in.now.UTC().Format(time.RFC3339) + ", from " + in.nowS
	switch {
	case d.Seconds <= normalDelay:
		d.Plausibility = "normal"
	case d.Seconds <= longDelay:
		d.Plausibility = "long"
		d.Note = "a long wait: stripe-python ignores Retry-After over 60 s; urllib3 waits up to 6 h; don't block a worker, reschedule"
	default:
		d.Plausibility = "implausible"
		d.Note = "over 6 hours: probably a units bug (milliseconds sent as seconds, an epoch sent as a delta); urllib3 caps at 6 h, go-retryablehttp and got would sleep all of it"
	}
}

func seconds(s float64) time.Duration {
	if s > float64(math.MaxInt64/int64(time.Second)) {
		return time.Duration(math.MaxInt64)
	}
	return time.Duration(s * float64(time.Second))
}

// retryAfter reads Retry-After (RFC 9110 §10.2.3): delay-seconds, or an
// HTTP-date in any of its three formats, relative to the response's Date.
func retryAfter(in *input) (*Delay, string) {
	name := "Retry-After"
	v, ok := in.h.Lookup(name)
	for _, f := range in.h { // a named limit's: NestJS throttler's Retry-After-short
		if n := strings.ToLower(f.Name); !ok && strings.HasPrefix(n, "retry-after-") && !strings.HasSuffix(n, "-ms") && message.Digits(strings.TrimSpace(f.Value)) {
			name, v, ok = f.Name, f.Value, true
		}
	}
	if !ok {
		return nil, ""
	}
	v = strings.TrimSpace(v)
	d := &Delay{Raw: v, Source: name}
	if message.Digits(v) {
		n, _ := strconv.ParseFloat(v, 64)
		d.Reading, d.Seconds = "seconds", n
		return d, ""
	}
	if t, ok := parseHTTPDate(v); ok {
		d.Reading, d.Seconds = "a date", t.Sub(in.now).Seconds()
		d.At = t.Format(time.RFC3339)
		if d.Seconds < 0 {
			d.Note = "the date has already passed: retry now"
		}
		return d, ""
	}
	if n, ok := strings.CutSuffix(v, "s"); ok && message.Digits(n) { // GraphQL Yoga passing Envelop's window "10s" on
		secs, _ := strconv.ParseFloat(n, 64)
		d.Reading, d.Seconds = "seconds, with a unit", secs
		d.Note = "RFC 9110 allows a bare number of seconds only: urllib3 raises InvalidHeader and go-retryablehttp ignores it"
		return d, ""
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 && !math.IsInf(f, 0) {
		d.Reading, d.Seconds = "seconds, with a fraction", f
		d.Note = "RFC 9110 allows whole seconds only: got and openai-node wait " + fmtSeconds(f) + "; go-retryablehttp ignores it; urllib3 raises InvalidHeader"
		return d, ""
	}
	return nil, fmt.Sprintf("Retry-After: %q is neither a number of seconds nor a date", clip(v))
}

// retryAfterMs reads a header holding milliseconds: retry-after-ms (OpenAI,
// Azure), x-amz-retry-after (AWS).
func retryAfterMs(name string) func(*input) (*Delay, string) {
	return func(in *input) (*Delay, string) {
		v, ok := in.h.Lookup(name)
		if !ok {
			return nil, ""
		}
		ms, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || ms < 0 || math.IsNaN(ms) || math.IsInf(ms, 0) {
			return nil, fmt.Sprintf("%s: %q is not a number of milliseconds", name, clip(v))
		}
		return &Delay{Raw: v, Source: name, Reading: "milliseconds", Seconds: ms / 1000}, ""
	}
}

// bodyDelay reads a delay the body gives: Google's RetryInfo.retryDelay
// ("30s"), seed 002's retry_after, Kubernetes' retryAfterSeconds.
func bodyDelay(in *input) (*Delay, string) {
	h := in.r.RetryDelay
	if h == nil {
		return nil, ""
	}
	v := strings.Trim(strings.TrimSpace(h.Value), `"`)
	reading, scale := "seconds", 1.0
	switch src := strings.ToLower(h.Source); {
	case strings.HasSuffix(v, "ms"):
		v, reading, scale = strings.TrimSuffix(v, "ms"), "milliseconds", 1e-3
	case strings.HasSuffix(v, "s"):
		v, reading = strings.TrimSuffix(v, "s"), "seconds (a protobuf Duration)"
	case strings.HasSuffix(src, "ms") || strings.HasSuffix(src, "millis"):
		reading, scale = "milliseconds (the member's name says so)", 1e-3
	}
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || n < 0 || math.IsNaN(n) || math.IsInf(n, 0) {
		return nil, fmt.Sprintf("%s: %q is not a number of seconds", h.Source, clip(h.Value))
	}
	n *= scale
	return &Delay{Raw: h.Value, Source: "body " + h.Source, Reading: reading, Seconds: n}, ""
}

// rateLimitT reads the IETF RateLimit field (draft-ietf-httpapi-ratelimit-headers
// -08 and later): `"default";r=0;t=30` waits t seconds when r is 0.
func rateLimitT(in *input) (*Delay, string) {
	v, ok := in.h.Lookup("RateLimit")
	if !ok {
		return nil, ""
	}
	items := sfItems(v)
	for _, item := range items {
		if r, ok := item.params["r"]; ok && r == "0" {
			if t, err := strconv.ParseFloat(item.params["t"], 64); err == nil && t >= 0 {
				return &Delay{Raw: v, Source: "RateLimit", Reading: "seconds (t) of policy " + item.name, Seconds: t}, ""
			}
		}
	}
	dict := merged(items) // draft -07: limit=100, remaining=0, reset=5
	if dict["remaining"] == "0" {
		if t, err := strconv.ParseFloat(dict["reset"], 64); err == nil && t >= 0 {
			return &Delay{Raw: v, Source: "RateLimit", Reading: "seconds (reset, draft -07)", Seconds: t}, ""
		}
	}
	return nil, ""
}

// rateLimitReset reads the older drafts' RateLimit-Reset when
// RateLimit-Remaining is 0: delta-seconds by the drafts, though some servers
// send an epoch (Rack::Attack's README), read as X-RateLimit-Reset is.
func rateLimitReset(in *input) (*Delay, string) {
	v, ok := in.h.Lookup("RateLimit-Reset")
	if !ok || strings.TrimSpace(in.h.Get("RateLimit-Remaining")) != "0" {
		return nil, ""
	}
	return resetTime(in, "RateLimit-Reset", strings.TrimSpace(v))
}

// xRateLimitReset reads X-RateLimit-Reset when the limit is exhausted (remaining
// 0, or a 429). The same name means epoch seconds (GitHub, X), epoch
// milliseconds or delta-seconds: the reading taken is named, with the other.
func xRateLimitReset(in *input) (*Delay, string) {
	name, v := "", ""
	for _, n := range []string{"X-RateLimit-Reset", "X-Rate-Limit-Reset"} {
		if val, ok := in.h.Lookup(n); ok {
			name, v = n, strings.TrimSpace(val)
			break
		}
	}
	remaining := strings.TrimSpace(firstHeader(in, "X-RateLimit-Remaining", "X-Rate-Limit-Remaining"))
	if name == "" { // a vendor's own, X-Contentful-RateLimit-Reset, hapi-rate-limit's X-RateLimit-UserReset
		for _, f := range in.h {
			if n := strings.ToLower(f.Name); (strings.Contains(n, "ratelimit-") || strings.Contains(n, "rate-limit-")) && strings.HasSuffix(n, "reset") || strings.HasSuffix(n, "-reset-ms") {
				name, v = f.Name, strings.TrimSpace(f.Value)
				remaining = strings.TrimSpace(in.h.Get(f.Name[:len(f.Name)-len("reset")] + "Remaining"))
				break
			}
		}
	}
	if name == "" || remaining != "0" && in.status != 429 {
		return nil, ""
	}
	return resetTime(in, name, v)
}

// resetTime reads a reset header's value: epoch milliseconds, epoch seconds or
// delta-seconds, by its size; the reading taken is named, with the other.
func resetTime(in *input, name, v string) (*Delay, string) {
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || n < 0 || math.IsNaN(n) || math.IsInf(n, 0) {
		return nil, fmt.Sprintf("%s: %q is not a number", name, clip(v))
	}
	d := &Delay{Raw: v, Source: name}
	nowS := float64(in.now.UnixNano()) / 1e9
	epochAt := func(sec float64) string { return time.Unix(0, 0).Add(seconds(sec)).UTC().Format(time.RFC3339) }
	switch {
	case strings.HasSuffix(strings.ToLower(name), "-ms"): // BigCommerce's X-Rate-Limit-Time-Reset-Ms
		d.Reading, d.Seconds = "milliseconds", n/1000
	case n >= 1e12:
		d.Reading, d.Seconds = "a Unix time in milliseconds", n/1000-nowS
		d.At = epochAt(n / 1000)
		d.Other = "as a Unix time in seconds it would be " + epochAt(n) + ", absurdly far"
	case n >= 1e9:
		d.Reading, d.Seconds = "a Unix time in seconds", n-nowS
		d.At = epochAt(n)
		d.Other = "as seconds it would be " + fmtSeconds(n) + ", implausible"
		if in.h.Get("X-GitHub-Request-Id") != "" || in.h.Get("X-RateLimit-Resource") != "" {
			d.Reading += " (GitHub's documented format)"
		}
	default:
		d.Reading, d.Seconds = "seconds", n
		d.Other = "as a Unix time it would be " + epochAt(n) + ", long past"
	}
	if d.Seconds < 0 && d.At != "" && in.nowS != "the response's Date header" && in.nowS != "given" {
		return nil, name + ": " + v + " is " + d.At + ", in the past, and the response has no Date header to tell when it was sent"
	}
	if d.Seconds < 0 {
		d.Note = "the reset time has passed: the window has renewed"
	}
	return d, ""
}

func firstHeader(in *input, names ...string) string {
	for _, n := range names {
		if v, ok := in.h.Lookup(n); ok {
			return v
		}
	}
	return ""
}

// RateLimit summarizes the rate-limit headers.
type RateLimit struct {
	Limit     *float64 `json:"limit,omitempty"`
	Remaining *float64 `json:"remaining,omitempty"`
	Window    *float64 `json:"windowSeconds,omitempty"`
	Reset     string   `json:"reset,omitempty"` // as sent
	// ResetSeconds is the seconds from the response until the window
	// resets, read as resetTime reads a reset header; ResetAt is that time
	// (RFC 3339), when the header gave a clock time.
	ResetSeconds *float64 `json:"resetSeconds,omitempty"`
	ResetAt      string   `json:"resetAt,omitempty"`
	Policy       string   `json:"policy,omitempty"`
	Headers      []string `json:"headers"` // the headers read
}

// rateLimit reads the rate-limit headers, whichever generation they are.
func rateLimit(in *input, a *Advice) {
	rl := &RateLimit{}
	num := func(dst **float64, names ...string) {
		for _, n := range names {
			if v, ok := in.h.Lookup(n); ok {
				first, _, _ := strings.Cut(v, ",") // "10, 10;w=1" (draft -06)
				if f, err := strconv.ParseFloat(strings.TrimSpace(first), 64); err == nil {
					*dst = &f
					rl.Headers = append(rl.Headers, n)
					return
				}
			}
		}
	}
	num(&rl.Limit, "X-RateLimit-Limit", "RateLimit-Limit", "X-Rate-Limit-Limit")
	num(&rl.Remaining, "X-RateLimit-Remaining", "RateLimit-Remaining", "X-Rate-Limit-Remaining")
	for _, n := range []string{"X-RateLimit-Reset", "RateLimit-Reset", "X-Rate-Limit-Reset"} {
		if v, ok := in.h.Lookup(n); ok {
			rl.Reset = v
			rl.Headers = append(rl.Headers, n)
			if d, _ := resetTime(in, n, strings.TrimSpace(v)); d != nil {
				rl.ResetSeconds, rl.ResetAt = &d.Seconds, d.At
			}
			break
		}
	}
	if v, ok := in.h.Lookup("RateLimit"); ok {
		rl.Headers = append(rl.Headers, "RateLimit")
		items := sfItems(v)
		for _, item := range items {
			if f, err := strconv.ParseFloat(item.params["r"], 64); err == nil {
				rl.Remaining, rl.Policy = &f, item.name
			}
			if t, ok := item.params["t"]; ok {
				rl.Reset = t + " s"
				rl.ResetSeconds = parseSeconds(t)
			}
		}
		dict := merged(items)
		if f, err := strconv.ParseFloat(dict["remaining"], 64); err == nil {
			rl.Remaining = &f
		}
		if f, err := strconv.ParseFloat(dict["limit"], 64); err == nil {
			rl.Limit = &f
		}
		if t, ok := dict["reset"]; ok {
			rl.Reset = t + " s"
			rl.ResetSeconds = parseSeconds(t)
		}
	}
	if v, ok := in.h.Lookup("RateLimit-Policy"); ok {
		rl.Headers = append(rl.Headers, "RateLimit-Policy")
		for _, item := range sfItems(v) {
			if rl.Policy != "" && item.name != rl.Policy && item.name != "" {
				continue
			}
			if f, err := strconv.ParseFloat(item.params["q"], 64); err == nil {
				rl.Limit = &f
			}
			if f, err := strconv.ParseFloat(item.params["w"], 64); err == nil {
				rl.Window = &f
			}
			if item.name != "" {
				rl.Policy = item.name
			}
			break
		}
	}
	if len(rl.Headers) > 0 {
		a.RateLimit = rl
	}
}

// sfItem is one member of a Structured Field list (RFC 9651), loosely parsed:
// its bare item (unquoted) and its parameters.
type sfItem struct {
	name   string
	params map[string]string
}

// sfItems splits `"a";r=0;t=30, "b";r=5` and `limit=100, remaining=50, reset=5`.
func sfItems(v string) []sfItem {
	var items []sfItem
	for part := range strings.SplitSeq(v, ",") {
		fields := strings.Split(part, ";")
		it := sfItem{params: map[string]string{}}
		for i, f := range fields {
			f = strings.TrimSpace(f)
			k, val, hasEq := strings.Cut(f, "=")
			if i == 0 && !hasEq {
				it.name = strings.Trim(f, `"`)
				continue
			}
			it.params[strings.TrimSpace(k)] = strings.Trim(strings.TrimSpace(val), `"`)
		}
		items = append(items, it)
	}
	return items
}

// merged joins the parameters of every item: draft -07's dictionary form.
func merged(items []sfItem) map[string]string {
	all := map[string]string{}
	for _, it := range items {
		for k, v := range it.params {
			all[k] = v
		}
	}
	return all
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }

// fmtSeconds writes a duration in seconds for people: "90 s (1m30s)".
// parseSeconds reads a number of seconds, or returns nil.
func parseSeconds(v string) *float64 {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return nil
	}
	return &f
}

func fmtSeconds(s float64) string {
	if s > 1e12 {
		return fmt.Sprintf("%.3g s", s)
	}
	d := seconds(s).Round(time.Millisecond)
	if s < 60 {
		return strconv.FormatFloat(s, 'f', -1, 64) + " s"
	}
	return strconv.FormatFloat(math.Round(s*1000)/1000, 'f', -1, 64) + " s (" + d.String() + ")"
}
