package dialects

// Django REST Framework's default exception handler:
// https://www.django-rest-framework.org/api-guide/exceptions/. Validation errors
// are keyed by field, each a list of messages, nested for nested serializers and
// lists; errors of no field go under "non_field_errors"; other errors are
// {"detail": "..."} (seed 000).

import (
	"strings"

	"github.com/tidwall/gjson"
)

var drf = &Dialect{
	ID:          "drf",
	Name:        "Django REST Framework",
	Description: `Field name to list of messages, "non_field_errors", or a single "detail" message.`,
	Spec:        "https://www.django-rest-framework.org/api-guide/exceptions/",
	detect:      detectDRF,
	decode:      decodeDRF,
}

func detectDRF(d *doc, s *score) {
	t := &d.top
	if len(t.m) == 0 {
		return
	}
	if det := t.get("detail"); det.Type == gjson.String && len(t.m) == 1+t.keys("code", "messages") && !asgiServer(d) && !strings.ContainsAny(text(t.get("code")), ".ABCDEFGHIJKLMNOPQRSTUVWXYZ") { // DRF's codes are snake_case ("token_not_valid"), not Local Logic's "LocalLogic.API.NotFound"
		s.add(60, `the only member is "detail", a string`)
		return
	}
	if locatedFieldMap(t) {
		return // webargs' errors by location: {"json": {"name": [...]}}
	}
	for _, m := range t.m {
		if !isMessageTree(m.val, 1) || contains(envelopeKeys, m.key) || m.val.IsObject() && field(m.val, "message").Exists() {
			return // not {"data": {"message": ["Invalid request"]}} (WhiteBIT)
		}
	}
	s.add(55, "every member is a field holding a list of messages")
	if t.has("non_field_errors") {
		s.add(35, `has "non_field_errors"`)
	}
}

// locatedFieldMap reports a body of field errors keyed first by where they
// were sent, as webargs writes them: {"json": {"name": [...]}, "query": ...}.
func locatedFieldMap(t *obj) bool {
	for _, m := range t.m {
		if !webargsLocation(m.key, m.val) || !isMessageTree(m.val, 1) && !first(m.val).IsObject() {
			return false
		}
	}
	return len(t.m) > 0
}

// isMessageTree reports whether v is a list of strings, or an object or list of
// such trees, as DRF nests serializer errors.
func isMessageTree(v gjson.Result, depth int) bool {
	if depth > maxDepth {
		return false
	}
	ok, n := true, 0
	switch {
	case v.IsArray():
		v.ForEach(func(_, e gjson.Result) bool {
			n++
			ok = e.Type == gjson.String || (e.IsObject() || e.IsArray()) && isMessageTree(e, depth+1)
			return ok
		})
		return ok && n > 0
	case v.IsObject() && depth > 0:
		v.ForEach(func(_, e gjson.Result) bool {
			ok = isMessageTree(e, depth+1)
			return ok
		})
		return ok
	}
	return false
}

func decodeDRF(d *doc, r *Report) {
	t := &d.top
	if det := t.get("detail"); det.Type == gjson.String {
		r.Message = t.str("detail")
		r.Code = t.str("code")
		return
	}
	for i := range t.m {
		t.m[i].used = true
	}
	readFieldMap(r, d.root, "", "", 0)
}

// envelopeKeys are members that hold an error, not a field of the request:
// Jira's errorMessages, GitLab's message map, Vault's errors list.
var envelopeKeys = []string{"errors", "errorMessages", "error", "message", "messages", "validationError"}
