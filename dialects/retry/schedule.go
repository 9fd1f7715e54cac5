package retry

import (
	"math"
	"math/rand/v2"
)

// Step is one retry of the timeline. Times are milliseconds after the failed
// response was received; request time is not counted.
type Step struct {
	Attempt    int     `json:"attempt"` // the attempt this retry is: 2 for the first
	MinMs      float64 `json:"minMs"`   // the delay's jitter band and its expected value
	ExpectedMs float64 `json:"expectedMs"`
	MaxMs      float64 `json:"maxMs"`
	AtMinMs    float64 `json:"atMinMs"` // when it fires, earliest and latest
	AtMaxMs    float64 `json:"atMaxMs"`
	// SampleMs is one draw from the band, reproducible with the seed, and
	// AtSampleMs when that draw fires.
	SampleMs   float64 `json:"sampleMs"`
	AtSampleMs float64 `json:"atSampleMs"`
	// FloorMs is the server's delay where it shaped this retry.
	FloorMs float64 `json:"floorMs,omitempty"`
}

// GivesUp says where and why the client stops.
type GivesUp struct {
	Attempts int     `json:"attempts"` // attempts made, counting the first
	AtMs     float64 `json:"atMs"`     // expected time of the last attempt
	Reason   string  `json:"reason"`
}

// maxSteps bounds a timeline with no attempt limit (tenacity's stop_never,
// cenkalti/backoff within a long budget).
const maxSteps = 30

// timeline fills the chosen profile's schedule for this response.
func timeline(in *input, a *Advice, opt Options) {
	p := ProfileNamed(opt.Policy)
	if p == nil {
		p = ProfileNamed("recommended")
	}
	a.Policy, a.Library = p.Name, p.Library
	a.Params = p.Params
	if opt.Params != nil && opt.Params.Check() == nil {
		a.Params = *opt.Params
	}
	a.Seed = opt.Seed
	if a.Seed == 0 {
		a.Seed = 1
	}
	a.WillRetry, a.WillRetryWhy = p.retries(in, a)
	a.DelayOnce, a.From = opt.DelayOnce, in.now
	var server *Server
	if p.delay != nil {
		if s, ok := p.delay(in); ok {
			server = &Server{Ms: s * 1000, Once: opt.DelayOnce}
		}
	}
	if !a.WillRetry {
		a.GivesUp = GivesUp{Attempts: 1, Reason: "it does not retry this response: " + a.WillRetryWhy}
		return
	}
	a.Schedule, a.GivesUp = Schedule(a.Params, server, a.Seed)
}

// Server is the delay the server asks for, as the retries meet it.
type Server struct {
	Ms float64 // the delay, in milliseconds
	// Once: only the first retry follows a response that carries it; by
	// default every retry meets the same response, and the same delay.
	Once bool
}

// Schedule computes the retries params make after a failure, given the
// server's delay (nil if none), sampling with seed.
func Schedule(p Params, server *Server, seed uint64) ([]Step, GivesUp) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	steps := []Step{}
	hasServer, serverMs := server != nil, 0.0
	if hasServer {
		serverMs = server.Ms
	}
	if hasServer && p.RetryAfter != "ignore" && p.RetryAfterCapMs > 0 && serverMs > p.RetryAfterCapMs {
		switch p.OverCap {
		case "give-up":
			return steps, GivesUp{Attempts: 1, Reason: "the server's delay (" + fmtMs(serverMs) + ") is over the cap of " + fmtMs(p.RetryAfterCapMs) + ": no retry; reschedule the work instead of blocking"}
		case "backoff":
			hasServer = false
		default:
			serverMs = p.RetryAfterCapMs
		}
	}
	var at [3]float64 // when the latest retry fires: earliest, expected, latest
	var atSample float64
	prev := band{lo: p.BaseMs, hi: p.BaseMs, exp: p.BaseMs, sample: p.BaseMs}
	var pollyPrev float64
	n := 0 // the exponent's retry number; restarts after a server delay where the library resets
	for retry := 1; ; retry++ {
		if p.Attempts > 0 && retry >= p.Attempts {
			return steps, GivesUp{Attempts: retry, AtMs: at[1], Reason: "it has made its " + itoa(p.Attempts) + " attempts"}
		}
		if p.Attempts <= 0 && retry > maxSteps || retry > MaxAttempts {
			why := "no attempt limit"
			if p.BudgetMs > 0 {
				why += " and the " + fmtMs(p.BudgetMs) + " budget is not reached"
			}
			return steps, GivesUp{Attempts: 0, AtMs: at[1], Reason: "never, within the first " + itoa(maxSteps) + " retries shown: " + why}
		}
		n++
		b := delayBand(p, n, prev, &pollyPrev, rng)
		floor := 0.0
		if hasServer && p.RetryAfter != "ignore" && (retry == 1 || !server.Once) {
			floor = serverMs
			switch p.RetryAfter {
			case "replace":
				b = band{lo: serverMs, hi: serverMs, exp: serverMs, sample: serverMs}
			default:
				b = band{lo: math.Max(b.lo, serverMs), hi: math.Max(b.hi, serverMs), exp: math.Max(b.exp, serverMs), sample: math.Max(b.sample, serverMs)}
			}
			if p.ResetAfterDelay {
				n = 0
			}
		}
		if p.BudgetMs > 0 && at[1]+b.exp > p.BudgetMs {
			return steps, GivesUp{Attempts: retry, AtMs: at[1], Reason: "the next delay would pass its " + fmtMs(p.BudgetMs) + " time budget"}
		}
		at[0] += b.lo
		at[1] += b.exp
		at[2] += b.hi
		atSample += b.sample
		steps = append(steps, Step{Attempt: retry + 1, MinMs: b.lo, ExpectedMs: b.exp, MaxMs: b.hi,
			AtMinMs: at[0], AtMaxMs: at[2], SampleMs: b.sample, AtSampleMs: atSample, FloorMs: floor})
		prev = b
	}
}

// band is one delay's range, its expected value and a sampled value.
type band struct{ lo, hi, exp, sample float64 }

// delayBand is the delay before retry n, without the server's delay.
func delayBand(p Params, n int, prev band, pollyPrev *float64, rng *rand.Rand) band {
	if p.Growth == "polly-v2" {
		return pollyBand(p, n, pollyPrev, rng)
	}
	var raw float64
	switch p.Growth {
	case "quadratic":
		raw = p.BaseMs * float64(n*n)
	case "envoy":
		raw = p.BaseMs * (math.Pow(2, float64(n)) - 1)
	default:
		raw = p.BaseMs * math.Pow(p.Multiplier, float64(n-1))
	}
	if p.FirstZero && n == 1 {
		return band{}
	}
	if p.CapMs > 0 && raw > p.CapMs {
		if p.AtCapExact {
			return floorBand(band{p.CapMs, p.CapMs, p.CapMs, p.CapMs}, p.MinMs)
		}
		raw = p.CapMs
	}
	u := rng.Float64()
	var b band
	switch p.Jitter {
	case "full":
		b = band{0, raw, raw / 2, u * raw}
	case "equal":
		b = band{raw / 2, raw, raw * 3 / 4, raw/2 + u*raw/2}
	case "proportional":
		lo, hi := raw*p.JitterLo, raw*p.JitterHi
		b = band{lo, hi, (lo + hi) / 2, lo + u*(hi-lo)}
	case "additive":
		b = band{raw, raw + p.JitterHi, raw + p.JitterHi/2, raw + u*p.JitterHi}
	case "decorrelated":
		// sleep = min(cap, U(base, 3*sleep)), from base (the AWS
		// architecture blog's decorrelated jitter).
		top := func(x float64) float64 {
			if p.CapMs > 0 {
				return math.Min(p.CapMs, 3*x)
			}
			return 3 * x
		}
		b = band{p.BaseMs, top(prev.hi), (p.BaseMs + top(prev.exp)) / 2, p.BaseMs + u*(top(prev.sample)-p.BaseMs)}
	default:
		b = band{raw, raw, raw, raw}
	}
	return floorBand(b, p.MinMs)
}

func floorBand(b band, min float64) band {
	return band{math.Max(b.lo, min), math.Max(b.hi, min), math.Max(b.exp, min), math.Max(b.sample, min)}
}

// pollyBand is .NET's DecorrelatedJitterBackoffV2 (Polly's RetryHelper): with
// t = n-1+U(0,1) and f(t) = 2^t·tanh(√(4t)), the delay is
// (f(t) - f(t_prev))/1.4·base. Its band is found over a grid of both draws.
func pollyBand(p Params, n int, prevT *float64, rng *rand.Rand) band {
	f := func(t float64) float64 { return math.Pow(2, t) * math.Tanh(math.Sqrt(4*t)) }
	delay := func(tPrev, t float64) float64 {
		d := (f(t) - f(tPrev)) / 1.4 * p.BaseMs
		if p.CapMs > 0 {
			d = math.Min(d, p.CapMs)
		}
		return d
	}
	lo, hi, sum, count := math.Inf(1), 0.0, 0.0, 0.0
	const grid = 20
	for i := 0; i <= grid; i++ {
		for j := 0; j <= grid; j++ {
			tPrev, t := 0.0, float64(n-1)+float64(j)/grid
			if n > 1 {
				tPrev = float64(n-2) + float64(i)/grid
			}
			d := delay(tPrev, t)
			lo, hi, sum, count = math.Min(lo, d), math.Max(hi, d), sum+d, count+1
		}
	}
	t := float64(n-1) + rng.Float64()
	if n == 1 {
		*prevT = 0
	}
	s := delay(*prevT, t)
	*prevT = t
	return floorBand(band{math.Max(lo, 0), hi, sum / count, math.Max(s, 0)}, p.MinMs)
}

// fmtMs writes milliseconds for people.
func fmtMs(ms float64) string { return fmtSeconds(ms / 1000) }
