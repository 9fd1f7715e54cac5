package dialects

// Any other JSON body. Nothing is forced into a dialect it does not fit: the
// members most APIs use for errors are still read (message, error,
// error_description, detail, code, errors[]...), and the rest is kept as
// unmapped members.

import "github.com/tidwall/gjson"

var genericJSON = &Dialect{
	ID:          "generic-json",
	Name:        "JSON (no known dialect)",
	Description: "Any other JSON: the common members (message, error, detail, code, errors...) are still read.",
	Spec:        "https://www.rfc-editor.org/rfc/rfc8259",
	decode:      decodeGeneric,
}

// The member names generic JSON is read from, most common first.
var (
	genericMessage = []string{"message", "msg", "errorMessage", "error_message", "Message", "description", "reason"}
	genericCode    = []string{"code", "error_code", "errorCode", "Code", "type", "error_type"}
	genericDetail  = []string{"detail", "details", "error_description", "errorDescription"}
	genericStatus  = []string{"status", "statusCode", "status_code", "httpStatus"}
	genericDoc     = []string{"documentation_url", "doc_url", "docs_url", "help_url", "more_info", "moreInfo", "link"}
	genericErrors  = names{
		field:   []string{"field", "path", "param", "parameter", "property", "name", "pointer", "loc"},
		message: []string{"message", "msg", "detail", "description", "error", "reason"},
		code:    []string{"code", "type", "reason"},
	}
)

func decodeGeneric(d *doc, r *Report) {
	if d.root.IsArray() {
		r.readList(d.root, genericErrors)
		return
	}
	t := &d.top
	if len(d.inner.m) > 0 {
		t = d.open(&d.top, "error")
	} else if e := t.get("error"); e.Type == gjson.String {
		r.Message = t.str("error")
	}
	r.Message = firstString(t, genericMessage, r.Message)
	r.Code = firstString(t, genericCode, "")
	r.Detail = firstString(t, genericDetail, "")
	r.Title = firstString(t, []string{"title"}, "")
	for _, k := range genericStatus {
		if s := status(t.get(k)); s != 0 {
			r.BodyStatus = s
			t.take(k)
			break
		}
	}
	readRequestID(t, r)
	r.DocURL = firstString(t, genericDoc, "")
	if errs := t.get("errors"); errs.IsArray() {
		t.take("errors")
		n := len(r.FieldErrors)
		errs.ForEach(func(_, e gjson.Result) bool {
			if e.Type == gjson.String {
				r.addMessage(e.Str, "", e)
			}
			return true
		})
		if len(r.FieldErrors) == n {
			r.readList(errs, genericErrors)
		}
	} else if errs.IsObject() {
		t.take("errors")
		r.readFieldMap(errs, "", "", 0)
	}
	if r.Message != "" && len(r.FieldErrors) == 0 {
		if f, path, rest, ok := ajvMessage(r.Message); ok {
			r.addField(f, path, rest, r.Code, t.get("message"))
		} else if f, rest, ok := classValidatorMessage(r.Message); ok {
			r.addField(fromDotted(f), f, rest, r.Code, t.get("message"))
		}
	}
}

// firstString takes the first of keys holding a string or number; else def.
func firstString(o *obj, keys []string, def string) string {
	for _, k := range keys {
		if v := o.get(k); v.Type == gjson.String || v.Type == gjson.Number {
			return o.str(k)
		}
	}
	return def
}
