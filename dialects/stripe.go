package dialects

// Stripe's error object: https://docs.stripe.com/api/errors. {"error": {type,
// code, decline_code, message, param, doc_url, request_log_url, ...}}; the
// request id travels in the Request-Id header, the retry verdict in
// Stripe-Should-Retry.

import (
	"cmp"
	"strings"
)

var stripe = &Dialect{
	ID:          "stripe",
	Name:        "Stripe",
	Description: "Stripe's error object: type, code, decline_code, message, param, doc_url.",
	Spec:        "https://docs.stripe.com/api/errors",
	detect:      detectStripe,
	anchors:     []string{"error"},
	decode:      decodeStripe,
}

// stripeTypes are the values of Stripe's error.type.
var stripeTypes = []string{"api_error", "card_error", "idempotency_error", "invalid_request_error"}

func detectStripe(d *doc, s *score) {
	if text(d.top.get("type")) == "error" {
		return // Anthropic's envelope, not Stripe's
	}
	e := &d.inner
	if d.hasHeader("Stripe-Should-Retry") || d.hasHeader("Stripe-Version") {
		s.add(30, "Stripe-Should-Retry or Stripe-Version header")
	}
	if len(e.m) == 0 {
		return
	}
	if strings.HasPrefix(d.header("Request-Id"), "req_") {
		s.add(10, "Request-Id header starts req_")
	}
	if oneOf(text(e.get("type")), stripeTypes) {
		s.add(45, "error.type is one of Stripe's types ("+e.get("type").Str+")")
	}
	if e.has("message") {
		s.add(10, "error.message")
	}
	if strings.Contains(text(e.get("doc_url")), "stripe.com") {
		s.add(30, "error.doc_url points at stripe.com")
	}
	if e.has("param") {
		s.add(10, "error.param")
	}
	if e.has("decline_code") || e.has("request_log_url") {
		s.add(20, "error.decline_code or error.request_log_url")
	}
	if e.keys("charge", "payment_intent", "setup_intent", "payment_method", "source") > 0 {
		s.add(15, "error names a Stripe object (charge, payment_intent...)")
	}
}

func decodeStripe(d *doc, r *Report) {
	e := d.open(&d.top, "error")
	r.Type = e.str("type")
	r.Code = cmp.Or(e.str("code"), r.Type) // the type, for errors with no code
	r.Message = e.str("message")
	r.DocURL = e.str("doc_url")
	if p := e.str("param"); p != "" {
		r.addField(stripeParam(p), p, r.Message, r.Code, e.get("param"))
	}
	if id := d.header("Request-Id"); id != "" {
		r.RequestID, r.RequestIDSource = id, "Request-Id"
	}
}

// stripeParam normalizes Stripe's form-encoded parameter names,
// "items[0][price]", to "items[0].price".
func stripeParam(p string) string {
	out, rest := "", p
	if i := strings.IndexByte(p, '['); i >= 0 {
		out, rest = p[:i], p[i:]
	} else {
		return p
	}
	for strings.HasPrefix(rest, "[") {
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return p
		}
		out = joinKey(out, rest[1:end])
		rest = rest[end+1:]
	}
	return out
}
