package dialects

// GraphQL response errors (GraphQL spec §7.1.2, https://spec.graphql.org/October2021/#sec-Errors):
// {"errors": [{message, locations, path, extensions}], "data": ...}. Servers
// often answer them with HTTP 200 (GraphQL over HTTP).

import (
	"strings"

	"github.com/tidwall/gjson"
)

var graphQL = &Dialect{
	ID:          "graphql",
	Name:        "GraphQL",
	Description: "errors list with message, locations, path and extensions, beside data.",
	Spec:        "https://spec.graphql.org/October2021/#sec-Errors",
	detect:      detectGraphQL,
	anchors:     []string{"errors", "data"},
	decode:      decodeGraphQL,
}

func detectGraphQL(d *doc, s *score) {
	if d.ct == "application/graphql-response+json" {
		s.add(50, "Content-Type is application/graphql-response+json")
	}
	if payloadErrors(d).Exists() {
		s.add(60, "data holds a mutation payload with its own errors list (userErrors)")
	}
	e := &d.err0
	if e.get("message").Type != gjson.String {
		return
	}
	s.add(30, "errors[0].message")
	if msg := e.get("message").Str; strings.Contains(msg, "GraphQL") || strings.Contains(msg, " query") || strings.Contains(msg, "mutation") || strings.HasPrefix(msg, "Syntax Error") || strings.HasPrefix(msg, "Cannot query field") {
		s.add(25, "errors[0].message speaks of GraphQL")
	}
	if e.get("locations").IsArray() {
		s.add(25, "errors[0].locations")
	}
	if e.get("path").IsArray() {
		s.add(25, "errors[0].path")
	}
	if ext := e.get("extensions"); ext.IsObject() {
		s.add(15, "errors[0].extensions")
		if field(ext, "code").Exists() {
			s.add(25, "errors[0].extensions.code")
		}
	}
	if d.top.keys("message", "name", "className", "code") > 0 {
		s.penalize(40) // an envelope with its own message (Feathers)
	}
	if data := d.top.get("data"); data.Exists() && data.Type == gjson.Null {
		s.add(25, `"data" is null beside "errors"`)
	} else if data.Exists() {
		s.add(20, `has "data" beside "errors"`)
	}
}

// payloadErrors returns the errors a mutation's payload lists in data, as
// Shopify's userErrors and Saleor's errors ({"data": {"accountRegister":
// {"errors": [{"field": "email", "code": "UNIQUE"}]}}}), or a zero Result.
func payloadErrors(d *doc) gjson.Result {
	var out gjson.Result
	if d.top.has("errors") || !d.top.get("data").IsObject() {
		return out
	}
	d.top.get("data").ForEach(func(_, m gjson.Result) bool {
		out = firstExisting(field(m, "userErrors"), field(m, "errors"))
		return !first(out).IsObject()
	})
	if !first(out).IsObject() {
		return gjson.Result{}
	}
	return out
}

func decodeGraphQL(d *doc, r *Report) {
	t := &d.top
	if errs := payloadErrors(d); errs.Exists() {
		t.take("data")
		readItems(r, errs, 0)
		firstOfErrors(r)
		return
	}
	i := 0
	t.take("errors").ForEach(func(_, e gjson.Result) bool {
		msg := text(field(e, "message"))
		ext := field(e, "extensions")
		code := firstNonEmpty(text(field(ext, "code")), text(field(field(ext, "exception"), "code")), text(field(ext, "category")), text(field(e, "type")), text(field(e, "errorCode")), text(field(e, "errcode")))
		if i == 0 {
			r.Message, r.Code = msg, code
			// A request error (GraphQL spec 7.1.2), not a field's failure while
			// running; graphql-ruby's validation errors give the document's
			// path, from the operation's keyword: ["query", "note", "nope"].
			p := text(first(field(e, "path")))
			r.NotRun = !field(e, "path").Exists() || p == "query" || p == "mutation" || p == "subscription"
			if ext.IsObject() { // a delay or a status in the extensions: monday.com's retry_in_seconds and status_code
				o := newObj("errors[0].extensions", ext, nil)
				r.RetryDelay = pickDelay(&o)
				for _, k := range [...]string{"status_code", "statusCode", "status"} {
					if s := status(o.get(k)); s != 0 {
						r.BodyStatus = s
						break
					}
				}
			}
		}
		if s := strings.TrimSpace(msg); i == 0 && len(s) > 1 && (s[0] == '[' || s[0] == '{') {
			readMessageFields(r) // Pothos' Zod plugin: the message is the issues as JSON
			if len(r.FieldErrors)+len(r.Errors) > 0 {
				i++
				return true
			}
		}
		// "path" locates the error in the response, not in the request: only
		// an argument the extensions name is a field, or a variable gqlgen's
		// path names (["variable", "in", "userId"]).
		arg := firstNonEmpty(text(field(ext, "argumentName")), text(field(ext, "field")))
		if p := field(e, "path"); arg == "" && text(first(p)) == "variable" {
			arg = strings.TrimPrefix(locPath(p), "variable.")
		}
		if arg != "" {
			r.addField(fromDotted(arg), arg, msg, code, e)
		} else {
			r.addIssue(msg, code)
		}
		if ext.Exists() {
			r.Members = append(r.Members, Member{Path: "errors[" + itoa(i) + "].extensions", Value: ext.Raw})
		}
		i++
		return true
	})
	if data := t.take("data"); data.Exists() && data.Type != gjson.Null {
		r.Warnings = append(r.Warnings, `the response has both "data" and "errors": a partial result`)
	}
	if d.msg.Status == 200 {
		r.Warnings = append(r.Warnings, "the errors came with HTTP 200: GraphQL servers report errors in the body, so clients must read it")
	}
}
