package dialects

// CouchDB's error body (https://docs.couchdb.org/en/stable/api/basics.html#http-status-codes):
// {"error": "not_found", "reason": "missing"}: the error is the code, the
// reason the message.

import "strings"

var couchDB = &Dialect{
	ID:          "couchdb",
	Name:        "CouchDB",
	Description: "error (a code such as not_found) and reason, and nothing else.",
	Spec:        "https://docs.couchdb.org/en/stable/api/basics.html#http-status-codes",
	detect:      detectCouchDB,
	anchors:     []string{"reason"},
	decode:      decodeCouchDB,
}

func detectCouchDB(d *doc, s *score) {
	t := &d.top
	if len(t.m) != 2 || text(t.get("error")) == "" || !t.has("reason") {
		return
	}
	s.add(55, "only error and reason")
	if codeLike(text(t.get("error"))) {
		s.add(10, "error is a code")
	}
	if strings.HasPrefix(d.header("Server"), "CouchDB") {
		s.add(35, "Server is CouchDB")
	}
}

// decodeCouchDB reads error as the code and reason as the message; RabbitMQ's
// management API, in the same shape, also puts a phrase in error or a code in
// reason ({"error": "Object Not Found", "reason": "Not Found"}).
func decodeCouchDB(d *doc, r *Report) {
	e, reason := d.top.str("error"), d.top.str("reason")
	if codeLike(e) {
		r.Code = e
	}
	switch {
	case reason != "" && !(codeLike(reason) && strings.Contains(reason, "_")) && ReasonPhraseStatus(reason) == 0:
		r.Message = reason
	case r.Code == "":
		r.Message = e
	}
}
