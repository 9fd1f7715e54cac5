package retry

// These tests run the real Go retry libraries and compare what they do with
// errlens's profiles of them. They are test-only imports: none of this code is
// linked into the CLI or the WASM app.

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	backoff4 "github.com/cenkalti/backoff/v4"
	backoff5 "github.com/cenkalti/backoff/v5"
	"github.com/hashicorp/go-retryablehttp"
)

func params(t *testing.T, name string) Params {
	t.Helper()
	p := ProfileNamed(name)
	if p == nil {
		t.Fatalf("no profile %s", name)
	}
	return p.Params
}

// TestGoRetryablehttp compares DefaultBackoff with the profile for attempts
// 0 to 11, and for the first retry under every Retry-After form.
func TestGoRetryablehttp(t *testing.T) {
	p := params(t, "go-retryablehttp")
	p.Attempts = 13
	steps, _ := Schedule(p, nil, 1)
	for i := 0; i < 12; i++ {
		want := retryablehttp.DefaultBackoff(time.Second, 30*time.Second, i, nil)
		if got := steps[i].ExpectedMs; got != float64(want.Milliseconds()) || steps[i].MinMs != steps[i].MaxMs {
			t.Errorf("attempt %d: errlens %v ms, go-retryablehttp %v", i, got, want)
		}
	}
	now := time.Now().UTC()
	for _, tt := range []struct {
		status int
		ra     string
	}{
		{429, "120"}, {503, "3600"}, {500, "120"}, {429, "1.5"}, {429, "-5"}, {429, "0"},
		{429, "Fri, 31 Dec 1999 23:59:59 GMT"}, {503, now.Add(90 * time.Second).Format(time.RFC1123)},
		{429, now.Add(90 * time.Second).Format("Monday, 02-Jan-06 15:04:05 GMT")}, {429, "soon"},
	} {
		resp := &http.Response{StatusCode: tt.status, Header: http.Header{"Retry-After": {tt.ra}}}
		want := retryablehttp.DefaultBackoff(time.Second, 30*time.Second, 0, resp)
		a := advise(t, fmt.Sprintf("HTTP/1.1 %d x\nRetry-After: %s\n\n", tt.status, tt.ra), Options{Policy: "go-retryablehttp", Now: now})
		got := time.Duration(a.Schedule[0].ExpectedMs * float64(time.Millisecond))
		if math.Abs(float64(got-want)) > float64(2*time.Second) {
			t.Errorf("%d Retry-After %q: errlens %v, go-retryablehttp %v", tt.status, tt.ra, got, want)
		}
	}
}

// TestCenkaltiV4 compares ExponentialBackOff's intervals without jitter, its
// jitter band over many draws, and where its 15-minute budget stops it.
func TestCenkaltiV4(t *testing.T) {
	p := params(t, "cenkalti-backoff-v4")
	clock := &fakeClock{t: time.Unix(0, 0)}
	b := backoff4.NewExponentialBackOff()
	b.RandomizationFactor = 0
	b.Clock = clock
	b.Reset()
	var lib []time.Duration
	for {
		d := b.NextBackOff()
		if d == backoff4.Stop {
			break
		}
		lib = append(lib, d)
		clock.t = clock.t.Add(d)
	}
	none := p
	none.Jitter = "none"
	steps, gave := Schedule(none, nil, 1)
	if len(steps) != len(lib) || gave.Attempts != len(lib)+1 {
		t.Fatalf("errlens makes %d retries (gives up at attempt %d: %s), backoff v4 %d", len(steps), gave.Attempts, gave.Reason, len(lib))
	}
	for i, d := range lib {
		if math.Abs(steps[i].ExpectedMs-float64(d)/1e6) > 0.001 {
			t.Errorf("retry %d: errlens %v ms, backoff v4 %v", i+1, steps[i].ExpectedMs, d)
		}
	}
	checkBand(t, "backoff v4", p, func() func() time.Duration {
		b := backoff4.NewExponentialBackOff()
		b.MaxElapsedTime = 0
		b.Reset()
		return b.NextBackOff
	})
}

// TestCenkaltiV5 compares v5's intervals and its RetryAfter rule: wait exactly
// the server's delay, then restart the backoff.
func TestCenkaltiV5(t *testing.T) {
	p := params(t, "cenkalti-backoff-v5")
	checkBand(t, "backoff v5", p, func() func() time.Duration {
		b := backoff5.NewExponentialBackOff()
		b.Reset()
		return b.NextBackOff
	})
	// Scaled down so the real Retry loop runs fast: 1 ms ×1.5, no jitter.
	b := backoff5.NewExponentialBackOff()
	b.InitialInterval, b.RandomizationFactor, b.MaxInterval = time.Millisecond, 0, time.Second
	var waits []time.Duration
	calls := 0
	_, _ = backoff5.Retry(context.Background(), func() (int, error) {
		calls++
		if calls == 1 {
			return 0, backoff5.RetryAfter(0)
		}
		return 0, errors.New("fail")
	}, backoff5.WithBackOff(b), backoff5.WithMaxTries(6), backoff5.WithNotify(func(_ error, d time.Duration) { waits = append(waits, d) }))
	scaled := p
	scaled.BaseMs, scaled.Jitter, scaled.Attempts = 1, "none", 6
	steps, _ := Schedule(scaled, &Server{Ms: 0, Once: true}, 1)
	if len(steps) != len(waits) {
		t.Fatalf("errlens %d retries, backoff v5 %d (%v)", len(steps), len(waits), waits)
	}
	for i, w := range waits {
		if math.Abs(steps[i].ExpectedMs-float64(w)/1e6) > 0.001 {
			t.Errorf("retry %d: errlens %v ms, backoff v5 %v", i+1, steps[i].ExpectedMs, w)
		}
	}
}

// TestAWSStandard compares the standard retryer's attempts and, over many
// draws, its delays with the profile's bands.
func TestAWSStandard(t *testing.T) {
	p := params(t, "aws-standard")
	s := retry.NewStandard()
	if s.MaxAttempts() != p.Attempts {
		t.Errorf("attempts: errlens %d, aws %d", p.Attempts, s.MaxAttempts())
	}
	p.Attempts = 8
	steps, _ := Schedule(p, nil, 1)
	err := errors.New("throttled")
	for n := 1; n <= 7; n++ {
		lo, hi := math.Inf(1), 0.0
		for k := 0; k < 4000; k++ {
			d, e := s.RetryDelay(n, err)
			if e != nil {
				t.Fatal(e)
			}
			ms := float64(d) / 1e6
			lo, hi = math.Min(lo, ms), math.Max(hi, ms)
		}
		st := steps[n-1]
		if lo < st.MinMs || hi > st.MaxMs || (st.MaxMs-st.MinMs) > 0 && hi-lo < 0.9*(st.MaxMs-st.MinMs) {
			t.Errorf("retry %d: aws drew [%v, %v] ms, errlens band [%v, %v]", n, lo, hi, st.MinMs, st.MaxMs)
		}
	}
}

// checkBand draws many delays from a fresh library backoff per run and checks
// every draw lies in the profile's band and the draws fill most of it.
func checkBand(t *testing.T, lib string, p Params, fresh func() func() time.Duration) {
	t.Helper()
	p.Attempts, p.BudgetMs = 11, 0
	steps, _ := Schedule(p, nil, 1)
	lo, hi := make([]float64, 10), make([]float64, 10)
	for i := range lo {
		lo[i] = math.Inf(1)
	}
	for k := 0; k < 3000; k++ {
		next := fresh()
		for i := 0; i < 10; i++ {
			ms := float64(next()) / 1e6
			lo[i], hi[i] = math.Min(lo[i], ms), math.Max(hi[i], ms)
		}
	}
	for i := range lo {
		st := steps[i]
		if lo[i] < st.MinMs-0.001 || hi[i] > st.MaxMs+0.001 || hi[i]-lo[i] < 0.9*(st.MaxMs-st.MinMs) {
			t.Errorf("%s retry %d: drew [%v, %v] ms, errlens band [%v, %v]", lib, i+1, lo[i], hi[i], st.MinMs, st.MaxMs)
		}
	}
}

type fakeClock struct{ t time.Time }

func (c *fakeClock) Now() time.Time { return c.t }
