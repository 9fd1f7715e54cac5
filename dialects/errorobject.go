package dialects

// The {"error": {type, code, message, details, status}} object of seed 002
// (Crane Ledger): a category in "type", a machine code, the HTTP status repeated
// in the body, field errors under details.fields and a retry_after in seconds.

import (
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

var errorObject = &Dialect{
	ID:          "error-object",
	Name:        "error object",
	Description: `An "error" object with a code or type and a message; seed 002's also holds details and the HTTP status.`,
	Spec:        "", // seed 002's API documents it; it has no public spec
	detect:      detectErrorObject,
	anchors:     []string{"error"},
	decode:      decodeErrorObject,
}

// errorObjectTypes are seed 002's "type" values.
var errorObjectTypes = []string{
	"authentication_error", "authorization_error", "validation_error", "not_found_error",
	"business_rule_error", "rate_limit_error", "credit_limit_error", "server_error",
}

func detectErrorObject(d *doc, s *score) {
	e := &d.inner
	if e.present(vMessage) == 0 && (e.present(vCode) == 0 || len(e.m) > 1) || d.top.has("jsonrpc") {
		return
	}
	switch {
	case e.get("type").Type == gjson.String && e.has("code"):
		s.add(55, "error object with type, code and message")
	case e.get("type").Type == gjson.String:
		s.add(40, "error object with type and message")
	case e.get("code").Type == gjson.String || e.get("code").Type == gjson.Number && status(e.get("code")) == 0 || e.present(vCode) != 0 && !e.has("code"):
		s.add(51, "error object with a code and a message")
	case e.get("id").Type == gjson.String:
		s.add(40, "error object with an id and a message")
	case len(e.m) == 1 && len(d.top.m) == 1:
		s.add(51, "only an error object, with only a message")
	}
	if text(d.top.get("type")) == "error" {
		s.add(15, `a top-level "type": "error" beside it`)
	}
	if e.get("status").Type == gjson.Number {
		s.add(20, "error.status repeats the HTTP status")
	}
	if e.get("details").IsObject() {
		s.add(10, "error.details is an object")
	}
	if oneOf(e.get("type").Str, errorObjectTypes) {
		s.add(20, "error.type is one of seed 002's types ("+e.get("type").Str+")")
	}
	if e.has("retry_after") {
		s.add(5, "error.retry_after")
	}
}

func decodeErrorObject(d *doc, r *Report) {
	e := d.open(&d.top, "error")
	r.Type = e.str("type")
	r.Code = e.str("code")
	if r.Code == strconv.Itoa(d.msg.Status) {
		r.Code = "" // it only repeats the status (Dailymotion)
	}
	if r.Code == "" && codeLike(r.Type) && strings.ContainsAny(r.Type, "_.") && !e.has("errors") {
		// "not_found" names the error ("gocardless" is a category); beside a
		// list, the first error's code is the code.
		r.Code = r.Type
	}
	r.Message = e.str("message")
	if id := e.get("id"); id.Type == gjson.String && (!codeLike(id.Str) || !identifier(id.Str)) {
		r.RequestID, r.RequestIDSource = e.str("id"), "body error.id"
	}
	r.BodyStatus = status(e.take("status"))
	if ra := e.take("retry_after"); ra.Exists() {
		r.RetryDelay = &Hint{Value: ra.Raw, Source: "error.retry_after"}
	}
	if det := e.get("details"); det.IsObject() {
		details := d.open(e, "details")
		if f := details.take("fields"); f.IsObject() {
			readFieldMap(r, f, "", "", 0)
		}
	}
}

func oneOf(s string, list []string) bool {
	for _, v := range list {
		if s == v {
			return true
		}
	}
	return false
}
