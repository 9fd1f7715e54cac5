package retry

import (
	"strings"
	"time"

	"github.com/errlens/errlens/dialects"
	"github.com/errlens/errlens/dialects/message"
)

// input gathers the facts the rules read.
type input struct {
	r       *dialects.Report
	status  int
	method  string // upper case; "" when unknown
	methodS string // where the method was read
	key     bool   // the request carried an Idempotency-Key
	keyS    string
	h       message.Headers
	now     time.Time // when the response was received
	nowS    string    // "Date header" or "current time" or "given"
	// server is the delay the server asked for, in seconds, or -1.
	server float64
}

func newInput(r *dialects.Report, opt Options) *input {
	in := &input{r: r, status: r.Status, h: r.Headers, server: -1}
	in.method, in.methodS = strings.ToUpper(r.Request.Method), r.Request.Source
	if opt.Method != "" {
		in.method, in.methodS = strings.ToUpper(opt.Method), "given"
	}
	if v, ok := r.Request.Header.Lookup("Idempotency-Key"); ok && v != "" {
		in.key, in.keyS = true, "request header Idempotency-Key"
	} else if _, ok := r.Request.Header.Lookup("X-Idempotency-Key"); ok {
		in.key, in.keyS = true, "request header X-Idempotency-Key"
	}
	if opt.IdempotencyKey {
		in.key, in.keyS = true, "given"
	}
	switch {
	case !opt.Now.IsZero():
		in.now, in.nowS = opt.Now, "given"
	default:
		if t, ok := parseHTTPDate(in.h.Get("Date")); ok {
			in.now, in.nowS = t, "the response's Date header"
		} else {
			in.now, in.nowS = time.Now(), "the current time (no Date header)"
		}
	}
	return in
}

// idempotent reports a method RFC 9110 §9.2.2 defines as idempotent.
func idempotent(m string) bool {
	switch m {
	case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE":
		return true
	}
	return false
}

// fact helpers

func (in *input) statusFact() Fact { return Fact{"status", itoa(in.status)} }

func (in *input) methodFact() Fact {
	if in.method == "" {
		return Fact{"method", "unknown"}
	}
	return Fact{"method", in.method + " (" + in.methodS + ")"}
}

func (in *input) keyFact() Fact {
	if !in.key {
		return Fact{"idempotency key", "none"}
	}
	return Fact{"idempotency key", "sent (" + in.keyS + ")"}
}

func headerFact(name, value string) Fact { return Fact{"header " + name, value} }

// HTTP-date formats a recipient must accept (RFC 9110 §5.6.7).
var httpDates = []string{
	"Mon, 02 Jan 2006 15:04:05 GMT",  // IMF-fixdate
	"Monday, 02-Jan-06 15:04:05 GMT", // obsolete RFC 850
	"Mon Jan _2 15:04:05 2006",       // ANSI C asctime()
	"Mon, 02 Jan 2006 15:04:05 UTC",  // not RFC 9110's, but sent (go-limiter) and read by urllib3
}

func parseHTTPDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, f := range httpDates {
		if t, err := time.Parse(f, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
