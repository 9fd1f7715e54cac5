package dialects

import (
	"math/bits"
	"strings"

	"github.com/errlens/errlens/dialects/message"
	"github.com/tidwall/gjson"
)

// addField records a field error and returns it. field is already
// normalized; path is how the body wrote it. An error of no field (an empty
// path, a pointer to the whole document) is recorded as an issue instead, and
// addField returns nil.
func (r *Report) addField(field, path, msg, code string, at gjson.Result) *FieldError {
	if field == "" {
		r.addIssue(msg, code)
		return nil
	}
	if r.FieldErrors == nil {
		r.FieldErrors = make([]FieldError, 0, 8)
	}
	r.FieldErrors = append(r.FieldErrors, FieldError{Field: field, Path: path, Message: msg, Code: code, Offset: at.Index, Len: len(at.Raw)})
	return &r.FieldErrors[len(r.FieldErrors)-1]
}

// fieldMessage reports whether a field error says msg.
func (r *Report) fieldMessage(msg string) bool {
	for _, f := range r.FieldErrors {
		if f.Message == msg {
			return true
		}
	}
	return false
}

// addIssue records an error that belongs to no field.
func (r *Report) addIssue(msg, code string) {
	if msg == "" && code == "" {
		return
	}
	r.Errors = append(r.Errors, Issue{Message: msg, Code: code})
}

// addMessage records a message of a framework that writes field errors into
// message text, as a field error when it follows one of their patterns and as
// an issue otherwise:
//   - Ajv, as Fastify reports it: "body/items/0/name must be string",
//     "body must have required property 'name'";
//   - class-validator, as NestJS reports it (when classValidator is set: its
//     sentences are too plain to be told apart elsewhere): "address.city should
//     not be empty", "each value in tags must be a string", "property foo
//     should not exist".
func (r *Report) addMessage(msg, code string, at gjson.Result, classValidator bool) {
	if field, path, rest, ok := ajvMessage(msg); ok {
		r.addField(field, path, rest, code, at)
		return
	}
	if name, _, ok := strings.Cut(msg, "] "); ok && msg[0] == '[' && isPropertyPath(name[1:]) {
		r.addField(fromDotted(name[1:]), name[1:], msg, code, at) // justinrainbow/json-schema's "[category] is missing and it is required" (speedrun.com)
		return
	}
	if field, _, ok := classValidatorMessage(msg); ok && classValidator {
		r.addField(fromDotted(field), field, msg, code, at) // the property's name is part of its message
		return
	}
	r.addIssue(msg, code)
}

// ajvMessage splits "body/name must ..." (Ajv's; a Zod type provider's
// "body/sku Too small: ...") or a bare "/name must ..." into the field and
// its message.
func ajvMessage(msg string) (field, path, rest string, ok bool) {
	if _, after, ok := strings.Cut(msg, ". /"); ok {
		msg = "/" + after // after a lead-in: Firebase's "Invalid JSON payload received. /password must be string"
	}
	subject, rest, ok := strings.Cut(msg, " ")
	if !ok {
		return "", "", "", false
	}
	loc, _, _ := strings.Cut(subject, "/")
	switch loc {
	case "body", "querystring", "params", "headers", "data": // "data": Ajv's own name for the value, Express Gateway's "data should have ..."
	case "": // the instance path alone
		if !strings.HasPrefix(rest, "must ") {
			return "", "", "", false
		}
	default:
		return "", "", "", false
	}
	field = fromSlashes(strings.TrimPrefix(subject, loc))
	if name, ok := cutRequired(rest); ok {
		name = strings.TrimSuffix(name, "'")
		field = joinKey(field, name)
	}
	if field == "" {
		return "", "", "", false
	}
	return field, subject, rest, true
}

// cutRequired returns the property Ajv's "must have required property 'x'"
// (before Ajv 7, "should have ...") names, quote included.
func cutRequired(s string) (string, bool) {
	if name, ok := strings.CutPrefix(s, "must have required property '"); ok {
		return name, true
	}
	return strings.CutPrefix(s, "should have required property '")
}

// classValidatorMessage splits "address.city should not be empty".
func classValidatorMessage(msg string) (field, rest string, ok bool) {
	s := strings.TrimPrefix(msg, "each value in ")
	if p, ok := strings.CutPrefix(s, "property "); ok {
		if name, tail, ok := strings.Cut(p, " "); ok && strings.HasPrefix(tail, "should not exist") {
			return name, tail, true
		}
	}
	s = strings.TrimPrefix(s, "nested property ")
	name, tail, ok := strings.Cut(s, " ")
	if !ok || !isPropertyPath(name) {
		return "", "", false
	}
	for _, verb := range []string{"must ", "should ", "has to "} {
		if strings.HasPrefix(tail, verb) {
			return name, tail, true
		}
	}
	return "", "", false
}

// isPropertyPath reports a lower-camel property path: "address.city", "items.0.name".
func isPropertyPath(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '$') {
			return false
		}
	}
	return true
}

// normPath normalizes a field path of unknown notation: a JSON pointer when it
// starts with "/", else dotted.
func normPath(p string) string {
	p = strings.TrimPrefix(p, "#") // a pointer as a URI fragment, "#/age"
	if strings.HasPrefix(p, "/") {
		return fromPointer(p)
	}
	return fromDotted(p)
}

// index returns the position of s among the first end names, or -1.
func index(names []string, s string, end int) int {
	for i, n := range names[:end] {
		if n == s {
			return i
		}
	}
	return -1
}

// readFieldValue reads field errors keyed by field, as Django REST Framework,
// Laravel and ASP.NET write them: {"field": ["message", ...]}, nested objects and
// lists for nested fields (DRF), and non_field_errors for the object they are in.
func (r *Report) readFieldValue(v gjson.Result, field, path string, depth int) {
	switch {
	case depth > maxDepth:
		r.addField(field, path, v.Raw, "", v)
	case v.Type == gjson.String:
		r.addField(field, path, v.Str, "", v)
	case v.IsArray():
		n := 0
		v.ForEach(func(_, e gjson.Result) bool {
			if e.Type == gjson.String && hasLetter(e.Str) {
				r.addField(field, path, e.Str, "", e)
			} else if e.IsObject() || e.IsArray() {
				i := itoa(n)
				r.readFieldValue(e, field+"["+i+"]", path+"."+i, depth+1)
			}
			n++
			return true
		})
	case v.IsObject():
		v.ForEach(func(k, e gjson.Result) bool {
			if k.Str == "non_field_errors" {
				r.readFieldValue(e, field, path, depth+1)
				return true
			}
			sub := k.Str
			if path != "" {
				sub = path + "." + k.Str
			}
			f := joinPath(field, fromDotted(k.Str))
			if message.Digits(k.Str) { // a list's errors keyed by index: {"tags": {"1": [...]}}
				f = joinKey(field, k.Str)
			}
			r.readFieldValue(e, f, sub, depth+1)
			return true
		})
	}
}

// joinPath appends a normalized path to another.
func joinPath(a, b string) string {
	switch {
	case b == "":
		return a
	case a == "":
		return b
	case strings.HasPrefix(b, "["):
		return a + b
	}
	return a + "." + b
}

// readRequestID takes o's request id: a request id member (vocabs[vRequestID])
// holding one token, else such a member of an object that often carries one
// (innerError, meta...).
func readRequestID(o *obj, r *Report) {
	for b := o.present(vRequestID); b != 0; b &= b - 1 {
		if k, v := o.vget(vRequestID, bits.TrailingZeros64(b)); isID(v) {
			r.RequestID, r.RequestIDSource = o.str(k), "body "+joinKey(o.path, k)
			return
		}
	}
	for _, m := range o.m { // a vendor's own: "clerk_trace_id", "x_request_id"
		if k := asciiLower(m.key); (strings.HasSuffix(k, "request_id") || strings.HasSuffix(k, "trace_id") || strings.HasSuffix(k, "requestid")) && isID(m.val) {
			r.RequestID, r.RequestIDSource = text(m.val), "body "+joinKey(o.path, m.key)
			return
		}
	}
	for _, k := range [...]string{"request", "id", "Id"} {
		// Ory's and Onfleet's "request", Kratos', Monzo's and Midtrans' error
		// "id": a UUID, not a description of it, nor the client's own id a
		// WebSocket API echoes beside its rate limits (Binance's).
		if v := o.get(k); (opaque(v.Str) || k != "request" && ticket(v.Str)) && !o.has("rateLimits") {
			r.RequestID, r.RequestIDSource = v.Str, "body "+joinKey(o.path, k)
			return
		}
	}
	for b := o.present(vRequestIDHolder); b != 0; b &= b - 1 {
		h, v := o.vget(vRequestIDHolder, bits.TrailingZeros64(b))
		if !v.IsObject() {
			continue
		}
		for _, k := range vocabs[vRequestID] {
			if id := field(v, k); isID(id) {
				r.RequestID, r.RequestIDSource = text(id), "body "+joinKey(joinKey(o.path, h), k)
				return
			}
		}
	}
}

// ticket reports an id written as groups of capitals and digits joined by
// dashes, as Sumo Logic's error "id": "IUUQI-DGH5I-TJ045".
func ticket(s string) bool {
	if len(s) < 10 || strings.Count(s, "-") < 2 || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// isID reports a value that can be an id: a string of one token (not a stack
// trace), or a whole number.
func isID(v gjson.Result) bool {
	switch v.Type {
	case gjson.String:
		return v.Str != "" && len(v.Str) <= 200 && !strings.ContainsAny(v.Str, "\n\t") && !strings.Contains(v.Str, "…") && !strings.Contains(v.Str, "...") // not a docs example's elided "req_…"
	case gjson.Number:
		return !strings.ContainsAny(v.Raw, ".eE-")
	}
	return false
}

// hasLetter reports whether s has an ASCII letter: a message, not an id list.
func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}
