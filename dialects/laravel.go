package dialects

// Laravel's validation error response (https://laravel.com/docs/validation#validation-error-response-format):
// {"message": "...", "errors": {"items.0.name": ["..."]}}; with debug on, other
// errors carry exception, file, line and trace.

import (
	"strings"

	"github.com/tidwall/gjson"
)

var laravel = &Dialect{
	ID:          "laravel",
	Name:        "Laravel",
	Description: "message with errors keyed by dotted field name, each a list of messages.",
	Spec:        "https://laravel.com/docs/validation#validation-error-response-format",
	detect:      detectLaravel,
	anchors:     []string{"message"},
	decode:      decodeLaravel,
}

func detectLaravel(d *doc, s *score) {
	t := &d.top
	if t.get("message").Type != gjson.String {
		return
	}
	if e := t.get("errors"); e.IsObject() && len(e.Raw) > 2 && strings.TrimSpace(e.Raw[1:len(e.Raw)-1]) != "" && (isMessageTree(e, 1) || len(t.m) == 2 && fieldMessages(e)) {
		s.add(70, "message with errors keyed by field, each a list of messages")
		if len(t.m) == 2 {
			s.add(10, "nothing else beside them")
		}
	}
	if t.has("exception") && t.has("file") && t.has("line") {
		s.add(70, "exception, file and line (Laravel's debug output)")
	}
}

func decodeLaravel(d *doc, r *Report) {
	t := &d.top
	r.Message = t.str("message")
	r.Type = t.str("exception")
	readFieldMap(r, t.take("errors"), "", "", 0)
}

// fieldMessages reports a map whose every value is a message or a non-empty
// list of objects with a message: {"x-id-number": "invalid number"},
// {"updates": [{"index": 0, "message": "..."}]} (DNSimple).
func fieldMessages(v gjson.Result) bool {
	ok, n := true, 0
	v.ForEach(func(k, e gjson.Result) bool {
		n++
		ok = !strings.HasPrefix(k.Str, "_") && (e.Type == gjson.String || e.IsArray() && field(first(e), "message").Type == gjson.String)
		return ok
	})
	return ok && n > 0
}
