package dialects

import (
	"net/url"
	"strings"
	"testing"
)

// The sections are RFC 9110's and the registry's (IANA HTTP Status Code
// Registry), written from them.
func TestStatusMeaning(t *testing.T) {
	for _, c := range []struct {
		code      int
		spec, url string
		causes    bool
	}{
		{400, "RFC 9110 §15.5.1", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1", true},
		{418, "RFC 9110 §15.5.19", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.19", false},
		{421, "RFC 9110 §15.5.20", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.20", true},
		{422, "RFC 9110 §15.5.21", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21", true},
		{425, "RFC 8470 §5.2", "https://www.rfc-editor.org/rfc/rfc8470#section-5.2", false},
		{429, "RFC 6585 §4", "https://www.rfc-editor.org/rfc/rfc6585#section-4", true},
		{451, "RFC 7725 §3", "https://www.rfc-editor.org/rfc/rfc7725#section-3", false},
		{503, "RFC 9110 §15.6.4", "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4", false},
		{504, "RFC 9110 §15.6.5", "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.5", true},
		{507, "RFC 4918 §11.5", "https://www.rfc-editor.org/rfc/rfc4918#section-11.5", false},
		{499, "nginx", "https://nginx.org/en/docs/http/ngx_http_log_module.html", false},
		// Unlisted codes take their class's meaning.
		{460, "RFC 9110 §15.5", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5", false},
		{299, "RFC 9110 §15.3", "https://www.rfc-editor.org/rfc/rfc9110#section-15.3", false},
		{600, "", "", false},
		{0, "", "", false},
	} {
		m := StatusMeaning(c.code)
		if m.Spec != c.spec || m.URL != c.url || (m.Causes != "") != c.causes || (m.Text == "") != (c.spec == "") {
			t.Errorf("StatusMeaning(%d) = %+v, want spec %q url %q, causes %v", c.code, m, c.spec, c.url, c.causes)
		}
	}
	// Every error status with a reason phrase is explained on its own.
	for code := range reasons {
		if _, ok := statusMeanings[code]; code >= 400 && !ok {
			t.Errorf("status %d (%s) has no meaning of its own", code, reasons[code])
		}
	}
}

func TestHeaderMeaning(t *testing.T) {
	for _, c := range []struct{ name, spec string }{
		{"Retry-After", "RFC 9110 §10.2.3"},
		{"RETRY-AFTER", "RFC 9110 §10.2.3"},
		{"www-authenticate", "RFC 9110 §11.6.1"},
		{"Cache-Control", "RFC 9111 §5.2"},
		{"RateLimit-Policy", "IETF"},
		{"X-Request-Id", ""},
	} {
		m, ok := HeaderMeaning(c.name)
		if !ok || m.Spec != c.spec || m.Text == "" {
			t.Errorf("HeaderMeaning(%q) = %+v, %v; want spec %q", c.name, m, ok, c.spec)
		}
	}
	if m, ok := HeaderMeaning("X-Powered-By-Nothing"); ok {
		t.Errorf("an unknown header has a meaning: %+v", m)
	}
	// Every link is an https URL, and every text a sentence.
	all := []string{}
	for _, s := range statusMeanings {
		all = append(all, s)
	}
	for _, s := range headerMeanings {
		all = append(all, s)
	}
	for _, s := range all {
		m := meaning(s)
		if u, err := url.Parse(m.URL); m.URL != "" && (err != nil || u.Scheme != "https" || u.Host == "") {
			t.Errorf("%q: bad URL %q", s, m.URL)
		}
		if (m.URL == "") != (m.Spec == "") || !strings.HasSuffix(m.Text, ".") || m.Causes != "" && !strings.HasSuffix(m.Causes, ".") {
			t.Errorf("%q reads as %+v", s, m)
		}
	}
}
