package dialects

// JSON:API error objects: https://jsonapi.org/format/#error-objects.
// {"errors": [{id, status, code, title, detail, source: {pointer, parameter,
// header}, links: {about}, meta}]}; status is a string.

import (
	"strings"
	"unicode"

	"github.com/tidwall/gjson"
)

var jsonAPI = &Dialect{
	ID:          "jsonapi",
	Name:        "JSON:API",
	Description: "errors list of objects with status, code, title, detail and a source pointer.",
	Spec:        "https://jsonapi.org/format/#error-objects",
	detect:      detectJSONAPI,
	anchors:     []string{"errors"},
	decode:      decodeJSONAPI,
}

func detectJSONAPI(d *doc, s *score) {
	if d.ct == "application/vnd.api+json" {
		s.add(50, "Content-Type is application/vnd.api+json")
	}
	e := &d.err0
	if len(e.m) == 0 {
		return
	}
	if e.get("source").IsObject() {
		s.add(40, "errors[0].source")
	}
	if e.has("title") || e.has("detail") {
		s.add(20, "errors[0] has title or detail")
	}
	if e.has("title") && e.has("detail") {
		s.add(10, "errors[0] has both title and detail")
	}
	if e.get("links").IsObject() || e.get("meta").IsObject() {
		s.add(15, "errors[0] has links or meta")
	}
	if e.get("status").Type == gjson.String {
		s.add(15, "errors[0].status is a string")
		if e.has("title") && e.has("detail") {
			s.add(10, "errors[0] has a string status, a title and a detail")
		}
	}
	if e.has("title") && e.has("status") && e.has("code") {
		s.add(45, "errors[0] has status, code and title, JSON:API's members")
	}
	if e.has("message") || e.has("locations") {
		s.penalize(20) // GraphQL's shape, not JSON:API's
	}
	if d.top.has("jsonapi") {
		s.add(20, `has the "jsonapi" member`)
	}
}

func decodeJSONAPI(d *doc, r *Report) {
	errs := d.top.take("errors")
	d.top.take("jsonapi")
	i := 0
	errs.ForEach(func(_, e gjson.Result) bool {
		det := field(e, "detail")
		title, detail, code := text(field(e, "title")), text(det), text(field(e, "code"))
		if det.Type != gjson.String || !strings.ContainsFunc(detail, unicode.IsLetter) {
			detail = "" // jsonapi-server's "??" says nothing
			if det.IsArray() {
				readItems(r, det, 1) // jsonapi-server's Joi errors in place of the detail
			}
		}
		if i == 0 {
			r.Title, r.Detail = title, detail
			if src := field(e, "source"); !field(src, "pointer").Exists() && !field(src, "parameter").Exists() {
				r.Code = code // a field's code is the field's, not the response's
			}
			r.BodyStatus = status(field(e, "status"))
			r.DocURL = text(field(field(e, "links"), "about"))
		}
		msg := detail
		if msg == "" {
			msg = title
		}
		src := field(e, "source")
		switch {
		case field(src, "pointer").Exists():
			p := text(field(src, "pointer"))
			r.addField(fromPointer(p), p, msg, code, e)
		case field(src, "parameter").Exists():
			p := text(field(src, "parameter"))
			if fe := r.addField(p, p, msg, code, e); fe != nil {
				fe.In = "query"
			}
		case field(src, "header").Exists():
			p := text(field(src, "header"))
			if fe := r.addField(p, p, msg, code, e); fe != nil {
				fe.In = "header"
			}
		default:
			r.addIssue(msg, code)
		}
		if m := field(e, "meta"); m.Exists() {
			r.Members = append(r.Members, Member{Path: "errors[" + itoa(i) + "].meta", Value: m.Raw})
		}
		i++
		return true
	})
}
