package dialects

import (
	"strings"

	"github.com/tidwall/gjson"
)

// addField records a field error. field is already normalized; path is how
// the body wrote it.
func (r *Report) addField(field, path, msg, code string) {
	if r.FieldErrors == nil {
		r.FieldErrors = make([]FieldError, 0, 4)
	}
	r.FieldErrors = append(r.FieldErrors, FieldError{Field: field, Path: path, Message: msg, Code: code})
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
//   - class-validator, as NestJS reports it: "address.city should not be empty",
//     "each value in tags must be a string", "property foo should not exist".
func (r *Report) addMessage(msg, code string) {
	if field, path, rest, ok := ajvMessage(msg); ok {
		r.addField(field, path, rest, code)
		return
	}
	if field, rest, ok := classValidatorMessage(msg); ok {
		r.addField(fromDotted(field), field, rest, code)
		return
	}
	r.addIssue(msg, code)
}

// ajvMessage splits "body/name must ..." into the field and its message.
func ajvMessage(msg string) (field, path, rest string, ok bool) {
	subject, rest, ok := strings.Cut(msg, " must ")
	if !ok || strings.Contains(subject, " ") {
		return "", "", "", false
	}
	loc, _, _ := strings.Cut(subject, "/")
	switch loc {
	case "body", "querystring", "params", "headers":
	default:
		return "", "", "", false
	}
	rest = "must " + rest
	field = fromSlashes(strings.TrimPrefix(subject, loc))
	if name, ok := strings.CutPrefix(rest, "must have required property '"); ok {
		name = strings.TrimSuffix(name, "'")
		field = joinKey(field, name)
	}
	if field == "" {
		return "", "", "", false
	}
	return field, subject, rest, true
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

// names lists, for each part of an error object, the member names dialects use
// for it; the first present wins.
type names struct{ field, message, code []string }

// readList reads an array of error objects: those with a field become field
// errors, the others issues.
func (r *Report) readList(arr gjson.Result, n names) {
	arr.ForEach(func(_, e gjson.Result) bool {
		path, msg, code := pick(e, n.field), pick(e, n.message), pick(e, n.code)
		if !e.IsObject() {
			msg = text(e)
		}
		if path != "" {
			r.addField(normPath(path), path, msg, code)
		} else {
			r.addIssue(msg, code)
		}
		return true
	})
}

// pick returns the text of the first of keys that e has.
func pick(e gjson.Result, keys []string) string {
	for _, k := range keys {
		if v := field(e, k); v.Exists() {
			return text(v)
		}
	}
	return ""
}

// readFieldMap reads field errors keyed by field, as Django REST Framework,
// Laravel and ASP.NET write them: {"field": ["message", ...]}, nested objects and
// lists for nested fields (DRF), and non_field_errors for the object they are in.
func (r *Report) readFieldMap(v gjson.Result, field, path string, depth int) {
	switch {
	case depth > maxDepth:
		r.addField(field, path, v.Raw, "")
	case v.Type == gjson.String:
		r.addFieldOrIssue(field, path, v.Str)
	case v.IsArray():
		n := 0
		v.ForEach(func(_, e gjson.Result) bool {
			if e.Type == gjson.String {
				r.addFieldOrIssue(field, path, e.Str)
			} else if e.IsObject() || e.IsArray() {
				i := itoa(n)
				r.readFieldMap(e, field+"["+i+"]", path+"."+i, depth+1)
			}
			n++
			return true
		})
	case v.IsObject():
		v.ForEach(func(k, e gjson.Result) bool {
			if k.Str == "non_field_errors" {
				r.readFieldMap(e, field, path, depth+1)
				return true
			}
			sub := k.Str
			if path != "" {
				sub = path + "." + k.Str
			}
			r.readFieldMap(e, joinPath(field, fromDotted(k.Str)), sub, depth+1)
			return true
		})
	}
}

// addFieldOrIssue records msg against field, or as an issue at the root.
func (r *Report) addFieldOrIssue(field, path, msg string) {
	if field == "" {
		r.addIssue(msg, "")
		return
	}
	r.addField(field, path, msg, "")
}

// joinPath appends a normalized path to another.
func joinPath(a, b string) string {
	switch {
	case a == "":
		return b
	case strings.HasPrefix(b, "["):
		return a + b
	}
	return a + "." + b
}
