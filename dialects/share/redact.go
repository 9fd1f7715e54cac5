package share

import (
	"regexp"
	"slices"
	"strings"
)

// Secret is one credential found in a paste: what it is, where, and what a
// link carries instead.
type Secret struct {
	Kind    string `json:"kind"`    // "header", "member", "bearer token", "JWT", "Stripe key"...
	Name    string `json:"name"`    // header or member name, when it has one
	Line    int    `json:"line"`    // 1-based line of the paste
	Preview string `json:"preview"` // the first characters, so people recognise it
	Start   int    `json:"start"`   // byte span of the secret value in the paste
	End     int    `json:"end"`
}

// Mask replaces every secret value.
const Mask = "[redacted]"

// secretHeaders are header fields that carry credentials, in lower case.
var secretHeaders = map[string]bool{
	"authorization": true, "proxy-authorization": true, "cookie": true, "set-cookie": true,
	"x-api-key": true, "api-key": true, "apikey": true, "x-apikey": true, "x-auth-token": true,
	"x-access-token": true, "x-amz-security-token": true, "x-goog-api-key": true,
	"x-csrf-token": true, "x-xsrf-token": true, "private-token": true, "x-upload-token": true,
	"x-shopify-access-token": true, "x-figma-token": true, "x-vault-token": true, "ocp-apim-subscription-key": true,
}

// secretName reports a JSON member or query name that means a credential.
func secretName(n string) bool {
	n = strings.ToLower(strings.NewReplacer("-", "", "_", "").Replace(n))
	for _, w := range []string{"password", "passwd", "secret", "token", "apikey", "accesskey", "privatekey", "credential", "sessionid", "authorization", "cookie"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return n == "key" || strings.HasSuffix(n, "key") && !strings.HasSuffix(n, "idempotencykey") && n != "publickey" && n != "sortkey" && n != "partitionkey"
}

var (
	headerLine = regexp.MustCompile(`(?m)^(?:[<>] |\s*-H\s*['"]?|\s*--header\s*['"]?)?([A-Za-z0-9!#$%&'*+.^_` + "`" + `|~-]+):[ \t]*([^\r\n'"]*)`)
	curlHeader = regexp.MustCompile(`(?:-H|--header)\s+['"]([A-Za-z0-9!#$%&*+.^_|~-]+):[ \t]*([^'"\r\n]*)['"]`)
	member     = regexp.MustCompile(`"([^"\\]{1,80})"\s*:\s*"((?:[^"\\]|\\.)*)"`)
	valueKinds = []struct {
		kind string
		re   *regexp.Regexp
	}{
		{"JWT", regexp.MustCompile(`eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{4,}`)},
		{"bearer token", regexp.MustCompile(`(?i)\bbearer\s+([A-Za-z0-9._~+/-]{12,}=*)`)},
		{"Stripe key", regexp.MustCompile(`\b[sr]k_(?:live|test)_[A-Za-z0-9]{10,}`)},
		{"GitHub token", regexp.MustCompile(`\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})`)},
		{"AWS access key", regexp.MustCompile(`\b(?:AKIA|ASIA)[0-9A-Z]{16}\b`)},
		{"Slack token", regexp.MustCompile(`\bxox[abpors]-[A-Za-z0-9-]{10,}`)},
		{"Google API key", regexp.MustCompile(`\bAIza[0-9A-Za-z_-]{35}\b`)},
		{"OpenAI key", regexp.MustCompile(`\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}`)},
		{"basic auth", regexp.MustCompile(`(?:^|\s)(?:-u|--user)\s+['"]?([^\s'"]+:[^\s'"]+)`)},
		{"URL credentials", regexp.MustCompile(`://([^/\s:@]+:[^/\s@]+)@`)},
	}
)

// FindSecrets lists the credentials in a paste: header fields that carry them
// (also in curl -H arguments and curl -v lines), JSON members whose names
// mean one, and values shaped like bearer tokens, JWTs or provider keys.
// Secrets do not overlap and come in the order of the paste.
func FindSecrets(in string) []Secret {
	var found []Secret
	add := func(kind, name string, start, end int) {
		if end <= start {
			return
		}
		for _, f := range found {
			if start < f.End && end > f.Start {
				return // already covered
			}
		}
		found = append(found, Secret{Kind: kind, Name: name, Start: start, End: end})
	}
	for _, m := range headerLine.FindAllStringSubmatchIndex(in, -1) {
		name := in[m[2]:m[3]]
		if secretHeaders[strings.ToLower(name)] {
			add("header", name, m[4], m[5])
		}
	}
	for _, m := range curlHeader.FindAllStringSubmatchIndex(in, -1) {
		if name := in[m[2]:m[3]]; secretHeaders[strings.ToLower(name)] {
			add("header", name, m[4], m[5])
		}
	}
	for _, m := range member.FindAllStringSubmatchIndex(in, -1) {
		if name := in[m[2]:m[3]]; secretName(name) && m[5] > m[4] {
			add("member", name, m[4], m[5])
		}
	}
	for _, k := range valueKinds {
		for _, m := range k.re.FindAllStringSubmatchIndex(in, -1) {
			s, e := m[0], m[1]
			if len(m) > 2 && m[2] >= 0 {
				s, e = m[2], m[3]
			}
			add(k.kind, "", s, e)
		}
	}
	slices.SortFunc(found, func(a, b Secret) int { return a.Start - b.Start })
	for i := range found {
		f := &found[i]
		f.Line = 1 + strings.Count(in[:f.Start], "\n")
		f.Preview = preview(in[f.Start:f.End])
	}
	return found
}

// preview shows the start of a secret, enough to recognise it.
func preview(v string) string {
	if len(v) <= 8 {
		return strings.Repeat("•", len(v))
	}
	return v[:6] + "…"
}

// Redact returns in with every secret masked, except those whose index in
// secrets is in keep.
func Redact(in string, secrets []Secret, keep map[int]bool) string {
	var b strings.Builder
	last := 0
	for i, s := range secrets {
		if keep[i] || s.Start < last || s.End > len(in) {
			continue
		}
		b.WriteString(in[last:s.Start])
		b.WriteString(Mask)
		last = s.End
	}
	b.WriteString(in[last:])
	return b.String()
}
