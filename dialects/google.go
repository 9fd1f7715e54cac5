package dialects

// google.rpc.Status as Google's JSON APIs send it (AIP-193,
// https://google.aip.dev/193): {"error": {code, message, status, details}} or
// bare, with typed details from google/rpc/error_details.proto. Also the legacy
// "errors": [{domain, reason, message, location}] list of older Google APIs.

import (
	"strings"

	"github.com/errlens/errlens/dialects/message"
	"github.com/tidwall/gjson"
)

var googleRPC = &Dialect{
	ID:          "google-rpc",
	Name:        "Google API (google.rpc.Status)",
	Description: "code, message, status (INVALID_ARGUMENT...) and typed details: BadRequest, ErrorInfo, RetryInfo...",
	Spec:        "https://google.aip.dev/193",
	detect:      detectGoogle,
	anchors:     []string{"error", "code"},
	decode:      decodeGoogle,
}

// googleStatus returns the object holding the Status: the "error" wrapper when
// there is one, else the root.
func googleStatus(d *doc) *obj {
	if len(d.inner.m) > 0 {
		return &d.inner
	}
	return &d.top
}

func detectGoogle(d *doc, s *score) {
	e := googleStatus(d)
	if e.get("code").Type != gjson.Number || e.get("message").Type != gjson.String {
		return
	}
	s.add(30, "code is a number beside message")
	if st := e.get("status"); st.Type == gjson.String && isGRPCCodeName(st.Str) {
		s.add(30, "status is a canonical code name ("+st.Str+")")
	}
	if det := first(e.get("details")); strings.Contains(text(field(det, "@type")), "googleapis.com/") {
		s.add(40, `details carry "@type": type.googleapis.com/...`)
	} else if e.get("details").IsArray() && (det.IsObject() || !det.Exists() && e.get("code").Int() <= 16) { // not ArcGIS's list of sentences, nor its empty one beside an HTTP status
		s.add(20, "details is a list")
	}
	if c := e.get("code").Int(); c > 0 && c <= 16 && text(e.get("error")) == text(e.get("message")) {
		s.add(30, "a gRPC code with error and message alike (grpc-gateway v1, etcd)")
	}
	if c := int(e.get("code").Int()); c > 0 && c <= 16 && len(e.m) == 2 && d.msg.Status != 0 && StatusOfCode(grpcCodeName(c)) == d.msg.Status {
		s.add(30, "a gRPC code that is the HTTP status's, beside a message alone (grpc-gateway's google.rpc.Status)")
	}
	if legacy := first(e.get("errors")); field(legacy, "domain").Exists() && field(legacy, "reason").Exists() {
		s.add(35, "errors list with domain and reason (legacy Google API errors)")
	}
}

func isUpperSnake(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c == '_') {
			return false
		}
	}
	return s != ""
}

func decodeGoogle(d *doc, r *Report) {
	e := &d.top
	if len(d.inner.m) > 0 {
		e = d.open(&d.top, "error")
	}
	c := e.take("code")
	code := int(c.Int())
	r.Message = e.str("message")
	r.Type, r.Code = e.str("status"), e.str("status")
	switch {
	case code >= 100:
		r.BodyStatus = code
	case r.Type == "" && c.Exists(): // grpc-gateway: the gRPC code's number alone
		r.Code, r.Type = text(c), grpcCodeName(code)
	}
	decodeGoogleDetails(r, e.take("details"), joinKey(e.path, "details"))
	readItems(r, e.take("errors"), 0)
	name, rest, _ := strings.Cut(r.Message, " ")
	switch {
	case len(name) > 1 && name[0] == '@' && identifier(name[1:]) && rest != "":
		r.Code = name[1:] // Classroom's "@ClassroomApiDisabled The user is not permitted...": its docs say to branch on it
	case isUpperSnake(name) && strings.Contains(name, "_") && (rest == "" || strings.HasPrefix(rest, ": ")):
		r.Code = name // Firebase Auth's "EMAIL_EXISTS", "WEAK_PASSWORD : Password should be...": its docs list them as the codes
	}
}

// decodeGoogleDetails reads a list of typed details in their JSON form, each
// naming its type in "@type"; path is the list's.
func decodeGoogleDetails(r *Report, details gjson.Result, path string) {
	i := 0
	details.ForEach(func(_, det gjson.Result) bool {
		decodeGoogleDetail(r, text(field(det, "@type")), det, joinKey(path, itoa(i)))
		i++
		return true
	})
}

// decodeGoogleDetail reads one typed detail of google/rpc/error_details.proto:
// typ is its type name, det its JSON form.
func decodeGoogleDetail(r *Report, typ string, det gjson.Result, path string) {
	switch typ[strings.LastIndexByte(typ, '/')+1:] {
	case "google.rpc.BadRequest":
		readItems(r, firstExisting(field(det, "fieldViolations"), field(det, "field_violations")), 0)
	case "google.rpc.ErrorInfo":
		if r.Code == "" {
			r.Code = text(field(det, "reason"))
		} else {
			r.Members = append(r.Members, Member{Path: path + ".reason", Value: field(det, "reason").Raw})
		}
		if m := field(det, "metadata"); m.Exists() {
			r.Members = append(r.Members, Member{Path: path + ".metadata", Value: m.Raw})
		}
		if dom := text(field(det, "domain")); dom != "" {
			r.Members = append(r.Members, Member{Path: path + ".domain", Value: `"` + dom + `"`})
		}
	case "google.rpc.RetryInfo":
		r.RetryDelay = &Hint{Value: firstNonEmpty(text(field(det, "retryDelay")), text(field(det, "retry_delay"))), Source: path + ".retryDelay"}
	case "google.rpc.QuotaFailure":
		readItems(r, field(det, "violations"), 0)
	case "google.rpc.PreconditionFailure":
		readItems(r, field(det, "violations"), 0)
	case "google.rpc.ResourceInfo":
		r.addIssue(strings.TrimSpace(text(field(det, "resourceType"))+" "+text(field(det, "resourceName"))+": "+text(field(det, "description"))), "")
	case "google.rpc.RequestInfo":
		// proto3 JSON: lowerCamelCase, or the field's own name (Databricks).
		r.RequestID, r.RequestIDSource = firstNonEmpty(text(field(det, "requestId")), text(field(det, "request_id"))), path+".requestId"
	case "google.rpc.Help":
		if r.DocURL == "" {
			r.DocURL = text(field(first(field(det, "links")), "url"))
		}
	case "google.rpc.LocalizedMessage":
		r.Detail = text(field(det, "message"))
	default: // a vendor's own: The Things Stack's ErrorDetails name the error and its occurrence
		if n := text(field(det, "name")); identifier(n) && (r.Code == "" || message.Digits(r.Code)) {
			r.Code = n
		}
		if id := text(field(det, "correlation_id")); id != "" && r.RequestID == "" {
			r.RequestID, r.RequestIDSource = id, path+".correlation_id"
		}
		r.Members = append(r.Members, Member{Path: path, Value: det.Raw})
	}
}

// grpcCodeName names a canonical gRPC status code (google/rpc/code.proto).
func grpcCodeName(c int) string {
	if c >= 0 && c < len(grpcCodes) {
		return grpcCodes[c]
	}
	return itoa(c)
}

// grpcCodes are the canonical codes' names, by number.
var grpcCodes = [...]string{"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
	"NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
	"FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL",
	"UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"}

// isGRPCCodeName reports whether s is a canonical code's name (not Internet.bs'
// "status": "FAILURE").
func isGRPCCodeName(s string) bool {
	for _, c := range grpcCodes {
		if s == c {
			return true
		}
	}
	return false
}
