package dialects

// The flat error of seed 004 (a payments API): {type, code, message, param,
// doc_url, request_id} at the root, type one of api_error, validation_error,
// auth_error, idempotency_error, rate_limit_error.

import "github.com/tidwall/gjson"

var flatError = &Dialect{
	ID:          "flat-error",
	Name:        "flat error object",
	Description: "type, code, message, param, doc_url and request_id at the top level.",
	Spec:        "", // seed 004's API documents it; it has no public spec
	detect:      detectFlat,
	anchors:     []string{"type"},
	decode:      decodeFlat,
}

// flatTypes are seed 004's "type" values.
var flatTypes = []string{"api_error", "validation_error", "auth_error", "idempotency_error", "rate_limit_error"}

func detectFlat(d *doc, s *score) {
	t := &d.top
	if t.get("type").Type != gjson.String || !t.has("message") || t.has("title") {
		return
	}
	s.add(25, "type and message at the top level")
	if oneOf(t.get("type").Str, flatTypes) {
		s.add(25, "type is one of seed 004's types ("+t.get("type").Str+")")
	}
	if n := t.keys("param", "doc_url", "help_url", "request_id"); n > 0 {
		s.add(n*12, "has param, doc_url, help_url or request_id")
	}
	if c := t.get("code"); c.Exists() && (status(c) == 0 || status(c) != d.msg.Status) {
		s.add(25, "type, code and message at the top level")
	}
}

func decodeFlat(d *doc, r *Report) {
	t := &d.top
	r.Type = t.str("type")
	r.Code = t.str("code")
	r.Message = t.str("message")
	r.DocURL = t.str("doc_url")
	if id := t.str("request_id"); id != "" {
		r.RequestID, r.RequestIDSource = id, "body request_id"
	}
	if p := t.str("param"); p != "" {
		r.addField(fromDotted(p), p, r.Message, r.Code, t.get("param"))
	}
}
