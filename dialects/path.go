package dialects

import (
	"strings"

	"github.com/errlens/errlens/dialects/message"

	"github.com/tidwall/gjson"
)

// Field paths arrive in many notations; every FieldError.Field is normalized to
// one: dot-separated names with [n] for array indexes, "items[0].name".

// joinKey appends a member name to a normalized path.
func joinKey(path, key string) string {
	if message.Digits(key) {
		return path + "[" + key + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// fromDotted normalizes "items.0.name" (Laravel, class-validator), "$.items[0].name"
// (System.Text.Json) and "items[0].name" (already normal).
func fromDotted(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "$"), ".")
	if i := strings.IndexByte(s, '#'); i > 0 && i < len(s)-1 {
		s = strings.ReplaceAll(s, "#", ".") // Opsgenie's "recipients#type"
	}
	for i := strings.Index(s, ".$"); i >= 0 && i+2 < len(s) && s[i+2] >= '0' && s[i+2] <= '9'; i = strings.Index(s, ".$") {
		s = s[:i+1] + s[i+2:] // tsoa's "phoneNumbers.$1"
	}
	if !hasIndexSegment(s) {
		return s
	}
	out := ""
	for part := range strings.SplitSeq(s, ".") {
		out = joinKey(out, part)
	}
	return out
}

// hasIndexSegment reports a dotted segment that is an array index, "items.0".
func hasIndexSegment(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			return true
		}
	}
	return false
}

// fromPointer normalizes an RFC 6901 JSON pointer, "/items/0/name". JSON:API's
// "/data/attributes/" and "/data/relationships/" prefixes are dropped: they
// address the document, and the field is what follows.
func fromPointer(p string) string {
	for _, prefix := range []string{"/data/attributes/", "/data/relationships/"} {
		if strings.HasPrefix(p, prefix) {
			p = "/" + p[len(prefix):]
			break
		}
	}
	out := ""
	for part := range strings.SplitSeq(strings.TrimPrefix(p, "/"), "/") {
		if part == "" {
			continue
		}
		out = joinKey(out, strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~"))
	}
	return out
}

// fromList normalizes a path given as a JSON array of names and indexes:
// GraphQL's path, FastAPI's loc.
func fromList(arr gjson.Result) string {
	out := ""
	arr.ForEach(func(_, v gjson.Result) bool {
		if v.Type == gjson.Number {
			out += "[" + v.Raw + "]"
		} else {
			out = joinKey(out, v.Str)
		}
		return true
	})
	return out
}

// fromSlashes normalizes Ajv's instance paths, "body/items/0/name" or
// "/items/0/name".
func fromSlashes(p string) string {
	return fromPointer("/" + strings.TrimPrefix(p, "/"))
}
