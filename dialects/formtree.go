package dialects

// Form bodies are read by the JSON reader too: formTree writes name=value
// pairs as the JSON object they stand for, so PayPal's
// "ACK=Failure&L_ERRORCODE0=10002&L_LONGMESSAGE0=Security%20header..." and
// {"ERRORCODE": "10002", "LONGMESSAGE": "Security header..."} are read alike.

import (
	"net/url"
	"strings"
)

// formTree returns body as a JSON object when it is two or more name=value
// pairs, URL-encoded and joined by "&" or one a line; else "". PayPal's
// numbered lists name their first item with a 0 (L_ERRORCODE0): it stands as
// ERRORCODE.
func formTree(body string) string {
	body = strings.TrimSpace(body)
	sep := "&"
	if !strings.Contains(body, "&") {
		sep, body = "\n", strings.ReplaceAll(body, "\r\n", "\n")
	}
	var b strings.Builder
	b.WriteByte('{')
	n := 0
	for pair := range strings.SplitSeq(body, sep) {
		name, value, ok := strings.Cut(pair, "=")
		if !ok || !formName(name) {
			return ""
		}
		if sep == "&" {
			if v, err := url.QueryUnescape(value); err == nil {
				value = v
			}
		}
		if rest, ok := strings.CutPrefix(name, "L_"); ok && len(rest) > 1 && rest[len(rest)-1] == '0' {
			name = rest[:len(rest)-1]
		}
		if n > 0 {
			b.WriteByte(',')
		}
		writeJSONString(&b, name)
		b.WriteByte(':')
		writeJSONString(&b, strings.TrimSpace(value))
		n++
	}
	if n < 2 {
		return ""
	}
	b.WriteByte('}')
	return b.String()
}

// formName reports a form field's name: a letter, then letters, digits, "_",
// "." or "-".
func formName(s string) bool {
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}
