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
	decode:      decodeCouchDB,
}

func detectCouchDB(d *doc, s *score) {
	t := &d.top
	if len(t.m) != 2 || !codeLike(text(t.get("error"))) || text(t.get("reason")) == "" {
		return
	}
	s.add(60, "only error (a code) and reason")
	if strings.HasPrefix(d.header("Server"), "CouchDB") {
		s.add(35, "Server is CouchDB")
	}
}

func decodeCouchDB(d *doc, r *Report) {
	r.Code, r.Message = d.top.str("error"), d.top.str("reason")
}
