package share

import (
	"sort"
	"strings"
)

// Values no name points at can still be credentials: an API key echoed in
// an error message or stored under a neutral member. They are told by their
// look (long, varied, letters and digits interleaved) from the identifiers a
// report needs (request and trace ids, UUIDs, prefixed object ids, hashes),
// which are kept by their look, their member or header name, or the word
// before them. UUIDs and object ids ("ch_3MmlLrLkdIwHu7ix0snN0B15") are
// identifiers unless a word such as "key" or "token" introduces them.

var (
	ipv6      = lazyRegexp(`^[0-9a-fA-F:.]+$`)
	uuid      = lazyRegexp(`^(?:urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
	timestamp = lazyRegexp(`^\d{4}-\d\d-\d\d[T ]\d\d:\d\d`)
	// secretBefore ends the text before a credential: "API key ", "token: ".
	secretBefore = lazyRegexp(`(?i)(?:key|token|secret|credential|credentials|password|passphrase|apikey|bearer)\W{0,4}$`)
	objectID     = lazyRegexp(`^[a-z]{2,8}_[A-Za-z0-9]{6,28}$`)
	// idBefore ends the text before an identifier: "Request ID: ", "trace ".
	idBefore = lazyRegexp(`(?i)(?:\bid|request|trace|traceparent|correlation|span|ref|reference|incident|digest|hash|sha\d*|commit|etag|version|build|checksum|nonce|session)\W{0,4}$`)
)

// randomLike reports a token that looks generated: 12 characters or more,
// Shannon entropy over 3 bits, and either letters and digits interleaved at
// least three times, or upper and lower case alternating at nearly every
// other character (which words, CamelCase names, codes, versions and
// timestamps do not); not a timestamp or an IPv6 address. Under 16
// characters, interleaved digits count only beside both cases.
func randomLike(t string) bool {
	if len(t) < 12 || len(t) > 8192 || entropy(t) <= 3 || timestamp().MatchString(t) || strings.Count(t, ":") > 2 && ipv6().MatchString(t) {
		return false
	}
	digits, cases := 0, 0 // letter-digit and lower-upper alternations
	for i := 1; i < len(t); i++ {
		a, b := t[i-1], t[i]
		switch {
		case isDigit(a) && isLetter(b) || isLetter(a) && isDigit(b):
			digits++
		case isLetter(a) && isLetter(b) && a&0x20 != b&0x20:
			cases++
		}
	}
	dense := cases*20 >= len(t)*9 // at least 0.45 a character: more than CamelCase
	if len(t) < 16 {
		return dense || digits >= 3 && mixedCase(t)
	}
	return dense || digits >= 3
}

// introducedLike reports a value that, after a word such as "key" or
// "password", is the credential itself: eight characters or more, varied,
// with a digit or a user:password colon (not a field name such as
// 'Order.Email').
func introducedLike(t string) bool {
	return len(t) >= 8 && entropy(t) >= 2.5 && (strings.ContainsAny(t, "0123456789") || strings.Index(t, ":") > 0 && len(t) >= 12)
}

// mixedCase reports upper and lower case letters and digits all in t.
func mixedCase(t string) bool {
	return strings.ContainsAny(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") && strings.ContainsAny(t, "abcdefghijklmnopqrstuvwxyz") &&
		strings.ContainsAny(t, "0123456789")
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// randomTokens records the generated-looking tokens outside the kept spans:
// header lines, member names, URLs and the values of members named as
// identifiers.
func (f *finder) randomTokens(kept [][2]int) {
	in := f.in
	sort.Sort(byStart(kept))
	reach := make([]int, len(kept)) // the furthest end of kept[:i+1]
	for i, k := range kept {
		reach[i] = k[1]
		if i > 0 {
			reach[i] = max(reach[i], reach[i-1])
		}
	}
	covered := func(s, e int) bool {
		i := sort.Search(len(kept), func(i int) bool { return kept[i][0] >= e })
		return i > 0 && reach[i-1] > s
	}
	for _, m := range tokens(in, 8) {
		s, e := m[0], m[1]
		for e > s && in[e-1] == '.' {
			e--
		}
		t := in[s:e]
		isID := uuid().MatchString(t) || objectID().MatchString(t) && strings.ContainsAny(t, "0123456789")
		random, keyLike := !isID && randomLike(t), isID || introducedLike(t)
		if !random && !keyLike || covered(s, e) {
			continue
		}
		before := in[max(0, s-24):s]
		switch {
		case idBefore().MatchString(before):
		case secretBefore().MatchString(before) && keyLike:
			f.add("credential", "", "introduced as one (\"key\", \"token\", \"password\"…) and shaped like a key", s, e)
		case random:
			f.add("random-looking value", "", "long, varied and shaped like a generated key, with nothing naming it an identifier", s, e)
		}
	}
}

// identifierName reports a member or header name that holds identifiers:
// request_id, traceId, X-Amzn-RequestId, x-amz-id-2, ETag.
func identifierName(name string) bool {
	n := normalize(name)
	n = strings.TrimRight(n, "0123456789")
	return strings.HasSuffix(n, "id") || strings.HasSuffix(n, "ids") || strings.HasSuffix(n, "etag") ||
		strings.HasSuffix(n, "hash") || strings.HasSuffix(n, "digest") || strings.HasSuffix(n, "checksum") ||
		strings.HasSuffix(n, "traceparent") || strings.HasSuffix(n, "sha") || strings.HasSuffix(n, "nonce") ||
		strings.HasSuffix(n, "fingerprint") || strings.HasSuffix(n, "version") || strings.HasSuffix(n, "cursor")
}

// byStart orders spans by their start. (One sort.Sort serves every element
// type; a generic sort would be compiled again for each, and app.wasm is on a
// budget.)
type byStart [][2]int

func (s byStart) Len() int           { return len(s) }
func (s byStart) Less(i, j int) bool { return s[i][0] < s[j][0] }
func (s byStart) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }
