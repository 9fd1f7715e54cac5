// Package retry answers what to do after an error response: whether to send the
// request again (and how), when the server asked to be retried, and what each
// real retry library would do with this response, as a timeline of retries.
//
// It reads a dialects.Report, so the same advice serves the app and the CLI.
// Time is injected (Options.Now, else the response's Date header), so advice and
// timelines are reproducible.
package retry

import (
	"strings"
	"time"

	"github.com/errlens/errlens/dialects"
)

// The decisions, from "send it again as it is" to "fix something first".
const (
	Retry            = "retry"              // resend unchanged, after the delay
	VerifyThenRetry  = "verify-then-retry"  // a write may have been applied: check before resending
	RefreshThenRetry = "refresh-then-retry" // re-fetch the current state, retry with it
	DoNotRetry       = "do-not-retry"       // fix the request, the credentials or the permissions
)

// DecisionText says a decision in words: "verify, then retry".
func DecisionText(decision string) string {
	return strings.ReplaceAll(strings.ReplaceAll(decision, "-then-", ", then "), "-", " ")
}

// Options describe the request that failed, beyond what the paste shows, and
// the timeline wanted.
type Options struct {
	// Method overrides the request method the paste shows (GET, POST...).
	Method string
	// IdempotencyKey says the request carried an Idempotency-Key. The paste's
	// request headers count too.
	IdempotencyKey bool
	// Now is when the response was received; zero means the response's Date
	// header, else the current time.
	Now time.Time
	// Policy names the retry profile of the timeline (see Profiles); "" is
	// "recommended".
	Policy string
	// Params, when not nil and within the limits Check enforces, replaces
	// the profile's parameters.
	Params *Params
	// Seed makes the sampled delays reproducible; 0 means 1.
	Seed uint64
	// DelayOnce draws the timeline as if only this response carried the
	// server's delay and every later one carried none. By default every retry
	// meets this same response again (a persistent failure), delay included.
	DelayOnce bool
}

// Advice is what to do next. Its JSON form is part of errlens's contract (the
// "retry" member of the CLI's --json report).
type Advice struct {
	Decision string `json:"decision"`
	// Retryable is true exactly when Decision is "retry": the same request may
	// be sent again unchanged.
	Retryable bool     `json:"retryable"`
	Reasons   []Reason `json:"reasons"`

	// AfterSeconds is the delay the server asked for, absent if none.
	AfterSeconds *float64 `json:"afterSeconds,omitempty"`
	// AfterSource names the header or body member it came from.
	AfterSource string `json:"afterSource,omitempty"`
	// Delay explains the server's delay: raw value, absolute time, plausibility.
	Delay *Delay `json:"delay,omitempty"`
	// Ignored lists delay values that could not be used, and why.
	Ignored   []string   `json:"ignored,omitempty"`
	RateLimit *RateLimit `json:"rateLimit,omitempty"`

	Policy    string `json:"policy"`
	Library   string `json:"library"`
	Params    Params `json:"params"`
	WillRetry bool   `json:"willRetry"` // whether that library would retry this response at all
	// WillRetryWhy says why the library would, or would not, retry.
	WillRetryWhy string  `json:"willRetryWhy"`
	Schedule     []Step  `json:"schedule"`
	GivesUp      GivesUp `json:"givesUp"`
	Seed         uint64  `json:"seed"`
	// From is when the response was received: the timeline's zero.
	From time.Time `json:"-"`
	// DelayOnce is Options.DelayOnce: the server's delay met on the first
	// retry only.
	DelayOnce bool `json:"delayOnce,omitempty"`
}

// Reason is one rule that fired, with the facts it used.
type Reason struct {
	Rule  string `json:"rule"`
	Text  string `json:"text"`
	Facts []Fact `json:"facts"`
}

// Fact is one input a rule read: the status, the method, a header, a member.
type Fact struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Advise says what to do after the response r describes.
func Advise(r *dialects.Report, opt Options) *Advice {
	in := newInput(r, opt)
	a := &Advice{Reasons: []Reason{}, Schedule: []Step{}}
	serverDelay(in, a)
	rateLimit(in, a)
	decide(in, a)
	a.Retryable = a.Decision == Retry
	timeline(in, a, opt)
	return a
}

// Report is a decoded error with its advice: the JSON document of the CLI's
// --json and of the embed view's postMessage reply, with the advice under
// "retry".
type Report struct {
	*dialects.Report
	Retry *Advice `json:"retry"`
}
