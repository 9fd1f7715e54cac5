package dialects

// OAuth 2.0 error responses: RFC 6749 §5.2 (token endpoint) {"error":
// "invalid_grant", "error_description", "error_uri"}, and RFC 6750 §3 bearer
// token errors in WWW-Authenticate: Bearer error="invalid_token", also when the
// body is empty.

import (
	"strings"

	"github.com/tidwall/gjson"
)

var oauth2 = &Dialect{
	ID:          "oauth2",
	Name:        "OAuth 2.0",
	Description: "error, error_description and error_uri (RFC 6749), or a Bearer WWW-Authenticate challenge (RFC 6750).",
	Spec:        "https://www.rfc-editor.org/rfc/rfc6749#section-5.2",
	detect:      detectOAuth2,
	anchors:     []string{"error"},
	decode:      decodeOAuth2,
}

// oauthErrors are the registered OAuth error codes (RFC 6749, 6750, 8628).
var oauthErrors = []string{
	"invalid_request", "invalid_client", "invalid_grant", "unauthorized_client",
	"unsupported_grant_type", "invalid_scope", "access_denied", "unsupported_response_type",
	"server_error", "temporarily_unavailable", "invalid_token", "insufficient_scope",
	"authorization_pending", "slow_down", "expired_token", "invalid_dpop_proof", "use_dpop_nonce",
}

func detectOAuth2(d *doc, s *score) {
	t := &d.top
	if bearerParam(d.header("WWW-Authenticate"), "error") != "" && t.has("error_description") {
		s.add(30, `WWW-Authenticate: Bearer with an error parameter`)
	}
	e := t.get("error")
	if e.Type != gjson.String {
		return
	}
	if oneOf(e.Str, oauthErrors) {
		s.add(45, "error is an OAuth 2.0 error code ("+e.Str+")")
		if len(t.m) == 1 {
			s.add(10, "the only member")
		}
	}
	if t.has("error_description") {
		s.add(40, "error_description")
		if !oneOf(e.Str, oauthErrors) && codeLike(e.Str) && e.Str == strings.ToLower(e.Str) {
			s.add(11, "error is a lower-case code beside it, as OAuth's are") // WorkOS' "sso_required"
		}
	}
	if !oneOf(e.Str, oauthErrors) && (t.get("messages").IsObject() || t.get("errors").IsObject()) {
		s.penalize(30) // field errors beside its own code: Sendle's {"messages": {...}, "error": "unprocessable_entity", "error_description"}
	}
	if t.has("error_uri") {
		s.add(15, "error_uri")
	}
	if t.has("error_hint") || t.has("error_debug") {
		s.add(15, "error_hint or error_debug, Ory fosite's extensions")
	}
	if strings.Contains(d.header("Cache-Control"), "no-store") && len(t.m) <= 3 {
		s.add(15, "Cache-Control: no-store, as RFC 6749 §5.2 requires")
	}
}

func decodeOAuth2(d *doc, r *Report) {
	t := &d.top
	r.Code = t.str("error")
	r.Message = t.str("error_description")
	r.DocURL = t.str("error_uri")
	h := d.header("WWW-Authenticate")
	readHeaders(d, r)
	if scope := bearerParam(h, "scope"); scope != "" {
		r.Detail = "required scope: " + scope
	}
}

// bearerParam returns an auth-param of the Bearer challenge in a
// WWW-Authenticate value (RFC 9110 §11.6.1), unquoted.
func bearerParam(h, name string) string {
	lower := asciiLower(h)
	i, scheme := strings.Index(lower, "bearer"), len("bearer")
	if i < 0 {
		i, scheme = strings.Index(lower, "dpop "), len("dpop") // RFC 9449 §7.1
	}
	if i < 0 {
		return ""
	}
	rest := h[i+scheme:]
	for rest != "" {
		rest = strings.TrimLeft(rest, " ,")
		k, v, ok := strings.Cut(rest, "=")
		if !ok {
			return ""
		}
		k = strings.TrimSpace(k)
		if strings.ContainsAny(k, " ") {
			return "" // the next challenge's scheme: this one has ended
		}
		v = strings.TrimLeft(v, " ")
		var val string
		if strings.HasPrefix(v, `"`) {
			end := 1
			for end < len(v) && v[end] != '"' {
				if v[end] == '\\' {
					end++
				}
				end++
			}
			val = strings.ReplaceAll(v[1:min(end, len(v))], `\"`, `"`)
			rest = v[min(end+1, len(v)):]
		} else {
			val, rest, _ = strings.Cut(v, ",")
			val = strings.TrimSpace(val)
		}
		if strings.EqualFold(k, name) {
			return val
		}
	}
	return ""
}
