package message

import "strings"

// Header is one header field as pasted.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Headers keeps header fields in the order pasted; names compare case-insensitively.
type Headers []Header

// Get returns the value of the first field named name, or "".
func (h Headers) Get(name string) string {
	v, _ := h.Lookup(name)
	return v
}

// Lookup returns the value of the first field named name and whether there is one.
func (h Headers) Lookup(name string) (string, bool) {
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			return f.Value, true
		}
	}
	return "", false
}

// MediaType returns the Content-Type's media type in lower case, without
// parameters: "application/problem+json".
func (h Headers) MediaType() string {
	ct, _, _ := strings.Cut(h.Get("Content-Type"), ";")
	return strings.ToLower(strings.TrimSpace(ct))
}

// Param returns parameter name of a header value such as
// `text/html; charset=ISO-8859-1` ("charset"), unquoted, or "".
func Param(value, name string) string {
	for _, p := range strings.Split(value, ";")[1:] {
		k, v, _ := strings.Cut(p, "=")
		if strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return ""
}
