package dialects

// RFC 9457, Problem Details for HTTP APIs (obsoletes RFC 7807):
// https://www.rfc-editor.org/rfc/rfc9457. Also the extensions seen in the wild:
// ASP.NET Core's ValidationProblemDetails ("errors": {field: [messages]}, "traceId"),
// RFC 7807's own "invalid-params" example, and Dakota's "errors" array with
// "request_id" (seed 003).

import (
	"strings"

	"github.com/tidwall/gjson"
)

var problemDetails = &Dialect{
	ID:          "problem-details",
	Name:        "Problem Details (RFC 9457)",
	Description: "The IETF standard error body: type, title, status, detail, instance, plus extension members.",
	Spec:        "https://www.rfc-editor.org/rfc/rfc9457",
	detect:      detectProblem,
	anchors:     []string{"type", "title", "status", "detail", "instance", "errors"},
	decode:      decodeProblem,
}

func detectProblem(d *doc, s *score) {
	if d.ct == "application/problem+json" || d.ct == "application/problem+xml" {
		s.add(60, "Content-Type is "+d.ct)
	}
	t := &d.top
	if d.err0.keys("type", "title", "detail") == 3 && !t.has("title") {
		s.add(55, "the errors are problem details (type, title, detail)")
	}
	members := 0
	for _, k := range []string{"type", "title", "status", "detail", "instance"} {
		if k == "status" && t.get(k).Type == gjson.Number || k != "status" && t.get(k).Type == gjson.String {
			members++
		}
	}
	if members < 2 {
		return
	}
	s.add(members*17, problemMembers[members])
	if strings.HasPrefix(text(t.get("type")), "http") {
		s.add(5, "type is a URI")
	}
	if t.has("title") && t.has("type") {
		s.add(5, "has both type and title")
	}
	if t.has("title") && t.has("detail") && !t.has("message") {
		s.add(16, "has both title and detail") // type and status are optional: Wazuh's {title, detail, error}
	}
	if t.get("errors").IsObject() || d.err0.has("field") {
		s.add(5, "has an errors extension with field errors")
	}
	if strings.Contains(text(t.get("type")), "symfony.com/errors") || field(first(t.get("violations")), "propertyPath").Exists() {
		s.penalize(40) // Symfony's refinement: the symfony dialect reads it
	}
	if t.get("problems").IsArray() {
		s.add(20, "has a list of problems")
	}
	if t.has("invalid-params") || t.has("invalidParams") {
		s.add(10, "has the invalid-params extension of RFC 7807's example")
	}
}

// problemMembers is the evidence for having n of RFC 9457's members.
var problemMembers = [...]string{2: "has 2 of the RFC 9457 members type, title, status, detail, instance",
	3: "has 3 of the RFC 9457 members type, title, status, detail, instance",
	4: "has 4 of the RFC 9457 members type, title, status, detail, instance",
	5: "has all the RFC 9457 members type, title, status, detail, instance"}

func decodeProblem(d *doc, r *Report) {
	t := &d.top
	r.Type = t.str("type")
	r.Title = t.str("title")
	r.BodyStatus = status(t.take("status"))
	r.Detail = t.str("detail")
	r.Instance = t.str("instance")
	for _, k := range []string{"code", "error_code", "errorCode"} {
		if v := t.get(k); v.Type == gjson.String || v.Type == gjson.Number {
			r.Code = t.str(k)
			break
		}
	}
	readRequestID(t, r)
	if r.RequestID == "" && r.Instance != "" && !strings.ContainsAny(r.Instance, "/: ") {
		r.RequestID, r.RequestIDSource = r.Instance, "body instance" // an occurrence id, not a URI (Vonage)
	}
	for _, k := range [...]string{"errors", "invalid-params"} { // a list, or a map by field (PeerTube's invalid-params)
		if e := t.get(k); e.IsObject() {
			t.take(k)
			readFieldMap(r, e, "", "", 0)
		} else if e.IsArray() {
			t.take(k)
			readItems(r, e, 0)
		}
	}
	problemWarnings(d, r)
}

// problemWarnings notes where a problem document departs from RFC 9457.
func problemWarnings(d *doc, r *Report) {
	switch {
	case d.ct == "application/json":
		r.Warnings = append(r.Warnings, "problem details served as application/json: RFC 9457 §3 registers application/problem+json for them")
	case r.Type == "" && d.ct == "application/problem+json":
		r.Warnings = append(r.Warnings, `no "type" member: RFC 9457 §3.1.1 reads that as "about:blank"`)
	}
	if r.Type != "" && r.Type != "about:blank" && !strings.Contains(r.Type, ":") {
		r.Warnings = append(r.Warnings, `"type" is the relative reference "`+r.Type+`": RFC 9457 §3.1.1 resolves it against the document's URI; absolute URIs are clearer`)
	}
	if r.Type == "about:blank" && r.Title != "" && d.msg.Status != 0 && r.Title != ReasonPhrase(d.msg.Status) {
		r.Warnings = append(r.Warnings, `"type" is about:blank, so RFC 9457 §4.2.1 expects "title" to be the status's reason phrase, "`+ReasonPhrase(d.msg.Status)+`"`)
	}
}
