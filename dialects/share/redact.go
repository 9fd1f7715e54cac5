package share

import (
	"regexp"
	"sort"
	"strings"
)

// Secret is one credential found in a paste: what it is, where, why it was
// taken for one, and what a link carries instead.
type Secret struct {
	Kind    string `json:"kind"`    // "header", "member", "cookie", "Stripe access token"...
	Name    string `json:"name"`    // header, member, parameter or cookie name, when it has one
	Why     string `json:"why"`     // what made it a secret
	Line    int    `json:"line"`    // 1-based line of the paste
	Preview string `json:"preview"` // the first characters of a long one, so people recognise it
	Start   int    `json:"start"`   // byte span of the secret value in the paste
	End     int    `json:"end"`
}

// Mask replaces every secret value.
const Mask = "[redacted]"

// Reasons given for secrets found by their name.
const (
	byName   = "its name says it holds a credential"
	byShape  = "its name may hold a credential, and the value is shaped like a key"
	byCookie = "cookie values are session credentials"
)

const token = `[A-Za-z0-9!#$%&'*+.^_` + "`" + `|~-]+`

var (
	// A header given to curl: -H 'Name: value', -H "Name: value", -H Name:value.
	curlHeader = lazyRegexp(`(?:-H|--header)\s+(?:'(` + token + `):[ \t]*([^'\r\n]*)'|"(` + token + `):[ \t]*((?:[^"\\\r\n]|\\.)*)"|(` + token + `):(\S*))`)
	// A JSON member with a string or number value; and one escaped inside a
	// JSON string (a HAR's content.text, a log line's message).
	member        = lazyRegexp(`"((?:[^"\\\r\n]|\\.){1,80})"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(-?[0-9][0-9.eE+-]*))`)
	escapedMember = lazyRegexp(`\\"([^"\\\r\n]{1,80})\\"\s*:\s*(?:\\"((?:[^"\\]|\\\\\\"|\\\\\\\\|\\[^"\\])*)\\"|(-?[0-9][0-9.eE+-]*))`)
	// A HAR name/value pair, and the arrays that say what its name is.
	harPair  = lazyRegexp(`"name"\s*:\s*"((?:[^"\\]|\\.){1,200})"\s*,\s*"value"\s*:\s*"((?:[^"\\]|\\.)*)"`)
	harArray = lazyRegexp(`"(cookies|headers|queryString|params)"\s*:\s*\[`)
	// curl -u user:password.
	curlUser = lazyRegexp(`(?:^|\s)(?:-u|--user)\s*['"]?([^\s'"]+)`)
)

// finder collects the secrets of one paste.
type finder struct {
	in    string
	found []Secret
}

// add records in[start:end] as a secret.
func (f *finder) add(kind, name, why string, start, end int) {
	for end > start && (f.in[end-1] == ' ' || f.in[end-1] == '\t' || f.in[end-1] == '\r') {
		end--
	}
	if end > start {
		f.found = append(f.found, Secret{Kind: kind, Name: name, Why: why, Start: start, End: end})
	}
}

// FindSecrets lists the credentials in a paste, in its order and without
// overlaps: values under names that mean credentials (headers, also in curl
// -H arguments and curl -v lines; JSON members, also escaped inside JSON
// strings; HAR name/value pairs; query, form and log parameters; cookies),
// curl -u and URL passwords, authorization schemes in text, values shaped
// like a provider's keys (rules.go), and other generated-looking values
// (random.go).
func FindSecrets(in string) []Secret {
	f := &finder{in: in}
	var kept [][2]int // spans no random-looking value is taken from
	for _, m := range headerLines(in) {
		f.header("header", in[m[2]:m[3]], m[4], m[5])
		kept = append(kept, [2]int{m[0], m[1]})
	}
	for _, m := range curlHeader().FindAllStringSubmatchIndex(in, -1) {
		for g := 2; g < len(m); g += 4 { // three forms, each a name and a value
			if m[g] >= 0 {
				f.header("header", in[m[g]:m[g+1]], m[g+2], m[g+3])
			}
		}
	}
	for _, re := range []*regexp.Regexp{member(), escapedMember()} {
		for _, m := range re.FindAllStringSubmatchIndex(in, -1) {
			name := in[m[2]:m[3]]
			f.member(name, m)
			kept = append(kept, [2]int{m[2], m[3]})
			if identifierName(name) {
				kept = append(kept, [2]int{m[0], m[1]})
			}
		}
	}
	f.harPairs()
	for _, m := range params(in) {
		name, v := in[m[2]:m[3]], in[m[4]:m[5]]
		if s := headerStrength(name); holdsSecret(s, v) && (classify(name) == strong || len(v) >= 8) {
			f.add("parameter", name, byNameOrShape(name), m[4], m[5])
		}
	}
	if strings.Contains(in, "-u") {
		for _, m := range curlUser().FindAllStringSubmatchIndex(in, -1) {
			f.add("basic auth", "", "curl -u gives a user name and password", m[2], m[3])
		}
	}
	spans, passwords := urls(in)
	for _, p := range passwords {
		f.add("URL password", "", "the password part of a URL", p[0], p[1])
	}
	f.shapes()
	for _, c := range schemeCredentials(in) {
		if credentialLike(in[c[0]:c[1]]) {
			f.add("credential", "", "follows an authorization scheme and is shaped like a key", c[0], c[1])
		}
	}
	f.randomTokens(append(kept, spans...))
	return f.done()
}

func byNameOrShape(name string) string {
	if classify(name) == strong {
		return byName
	}
	return byShape
}

// header records the value of a header that carries credentials: past the
// scheme of an Authorization value, cookie by cookie in Cookie and
// Set-Cookie.
func (f *finder) header(kind, name string, start, end int) {
	switch n := normalize(name); {
	case n == "cookie":
		f.cookies(name, start, end, false)
	case n == "setcookie":
		f.cookies(name, start, end, true)
	case headerStrength(name) == strong && !placeholder(f.in[start:end]):
		f.add(kind, name, "a header that carries credentials", start+schemeLen(f.in[start:end]), end)
	}
}

// schemeLen is the length of an authorization scheme ("Bearer ", "Basic ")
// that starts v and is followed by a credential, or 0.
func schemeLen(v string) int {
	i := strings.IndexByte(v, ' ')
	if i <= 0 || i > 20 || strings.TrimSpace(v[i:]) == "" {
		return 0
	}
	for _, c := range v[:i] {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-') {
			return 0
		}
	}
	return i + 1
}

// cookies records each cookie value of a Cookie header (name=value; ...),
// or the first one of a Set-Cookie header, keeping names and attributes.
func (f *finder) cookies(name string, start, end int, set bool) {
	v := f.in[start:end]
	at := 0
	for _, part := range strings.Split(v, ";") {
		if n, val, ok := strings.Cut(part, "="); ok && !placeholder(val) {
			s := start + at + len(n) + 1
			f.add("cookie", name+": "+strings.TrimSpace(n), byCookie, s, s+len(val))
		} else if !ok && strings.TrimSpace(part) != "" && !set {
			f.add("cookie", name, byCookie, start+at, start+at+len(part))
		}
		if set {
			return
		}
		at += len(part) + 1
	}
}

// member records a JSON member's value when its name means a credential.
func (f *finder) member(name string, m []int) {
	s := classify(name)
	if s == notSecret {
		return
	}
	if m[6] >= 0 { // a number: PINs, one-time codes, card numbers
		if s == strong && m[7]-m[6] >= 3 {
			f.add("member", name, byName, m[6], m[7])
		}
		return
	}
	start, end := m[4], m[5]
	v := f.in[start:end]
	switch n := normalize(name); {
	case n == "cookie" || n == "setcookie":
		f.cookies(name, start, end, n == "setcookie")
	case holdsSecret(s, v):
		why := byShape
		if s == strong {
			why = byName
		}
		f.add("member", name, why, start+schemeLen(v), end)
	}
}

// harPairs records the HAR name/value pairs that hold credentials: request
// and response headers as headers, every cookie, query parameters by name.
func (f *finder) harPairs() {
	arrays := harArray().FindAllStringSubmatchIndex(f.in, -1)
	for _, m := range harPair().FindAllStringSubmatchIndex(f.in, -1) {
		name, start, end := f.in[m[2]:m[3]], m[4], m[5]
		// The array this pair is in: the last one opened before it.
		i := sort.Search(len(arrays), func(i int) bool { return arrays[i][0] > m[0] }) - 1
		in := ""
		if i >= 0 {
			in = f.in[arrays[i][2]:arrays[i][3]]
		}
		switch in {
		case "cookies":
			if !placeholder(f.in[start:end]) {
				f.add("cookie", name, byCookie, start, end)
			}
		case "headers":
			f.header("HAR header", name, start, end)
		default:
			if holdsSecret(classify(name), f.in[start:end]) {
				f.add("parameter", name, byNameOrShape(name), start, end)
			}
		}
	}
}

// done orders the secrets, merges overlapping ones (the first found names
// the merged span) and fills in lines and previews.
func (f *finder) done() []Secret {
	sort.Stable(secretsByStart(f.found))
	var out []Secret
	for _, s := range f.found {
		if n := len(out); n > 0 && s.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	line, at := 1, 0
	for i := range out {
		s := &out[i]
		line += strings.Count(f.in[at:s.Start], "\n")
		at = s.Start
		s.Line = line
		s.Preview = preview(f.in[s.Start:s.End])
	}
	return out
}

// preview shows the start of a long secret, enough to recognise it, and
// nothing of a short one.
func preview(v string) string {
	if len(v) < 16 {
		return strings.Repeat("•", min(len(v), 8))
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

// secretsByStart orders secrets by their start.
type secretsByStart []Secret

func (s secretsByStart) Len() int           { return len(s) }
func (s secretsByStart) Less(i, j int) bool { return s[i].Start < s[j].Start }
func (s secretsByStart) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }
