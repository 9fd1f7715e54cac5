package dialects

// The errorCode envelope of seed 001 (a crypto custody API):
// {statusCode, errorCode, errorMessage, timestamp, endpoint}, with codes such as
// BR-1, AU-1, HAC-1 whose prefix names the family.

import "strings"

var errorcodeEnvelope = &Dialect{
	ID:          "errorcode-envelope",
	Name:        "errorCode envelope",
	Description: "Flat statusCode, errorCode, errorMessage, timestamp and endpoint members.",
	Spec:        "", // seed 001's API documents it; it has no public spec
	detect:      detectErrorcode,
	anchors:     []string{"errorCode"},
	decode:      decodeErrorcode,
}

func detectErrorcode(d *doc, s *score) {
	t := &d.top
	if !t.has("errorCode") || !t.has("errorMessage") {
		return
	}
	s.add(60, "has errorCode and errorMessage")
	if t.has("statusCode") {
		s.add(15, "has statusCode")
	}
	if t.has("endpoint") {
		s.add(10, "has endpoint")
	}
	if t.has("timestamp") {
		s.add(5, "has timestamp")
	}
}

func decodeErrorcode(d *doc, r *Report) {
	t := &d.top
	r.BodyStatus = status(t.take("statusCode"))
	r.Code = t.str("errorCode")
	r.Message = t.str("errorMessage")
	r.Timestamp = t.str("timestamp")
	if ep := t.str("endpoint"); ep != "" {
		r.Instance = ep
		if method, target, ok := strings.Cut(ep, " "); ok && isUpperWord(method) {
			r.Request = Request{Method: method, URL: target, Source: "body endpoint"}
		}
	}
}

func isUpperWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}
