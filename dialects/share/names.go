package share

import (
	"math"
	"strings"
)

// strength is how surely a name (a header, member, parameter or cookie name)
// means its value is a credential.
type strength int

const (
	notSecret strength = iota
	// weak names (key, token, auth) hold a credential only when the value
	// looks like one.
	weak
	// strong names (password, api_key, authorization) hold one whatever its
	// shape, unless the value is a sentence about it.
	strong
)

// Names are compared normalized: lower case, without - _ . spaces and
// brackets, so "X-API-Key", "api_key" and "apiKey" are one name.
func normalize(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == '-' || c == '_' || c == '.' || c == ' ' || c == '[' || c == ']':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

var (
	// strongExact are names that mean a credential although they end like
	// an ordinary name below.
	strongExact = set("sessionid", "sessid", "phpsessid", "jsessionid", "aspnetsessionid", "webhookurl",
		"slackwebhookurl", "dsn", "sentrydsn", "databaseurl", "redisurl", "mongodburi", "mongouri", "connectionstring",
		"pwd", "pass", "otp", "totp", "cvv", "cvc", "cvv2", "pin", "jwt", "sig", "token", "xtoken")
	// strongParts make a name strong wherever they sit in it.
	strongParts = []string{"password", "passwd", "passphrase", "secret", "apikey", "accesskey", "privatekey",
		"credential", "authorization", "cookie", "accesstoken", "refreshtoken", "idtoken", "authtoken", "sessiontoken",
		"bearer", "signature", "cardnumber", "creditcard", "connectionstring", "subscriptionkey", "privatetoken",
		"csrftoken", "xsrftoken", "clientsecret", "authkey", "apitoken", "servertoken", "accounttoken", "mastertoken",
		"verifier"}
	// ordinarySuffixes end names that describe a credential without holding
	// it: token_type, secretName, password_policy, key_id, expires_at.
	ordinarySuffixes = []string{"name", "type", "url", "uri", "endpoint", "id", "ids", "count", "expires", "expiresin",
		"expiresat", "expiry", "expiration", "createdat", "updatedat", "ttl", "hint", "field", "fields", "header",
		"headers", "kind", "format", "status", "scope", "scopes", "path", "length", "size", "policy", "mode",
		"location", "version", "algorithm", "alg", "method", "param", "limit", "remaining", "reset", "used",
		"required", "enabled", "prefix", "label", "description", "message", "error", "errors", "reason", "hash",
		"fingerprint", "last4", "lastfour", "rotation", "strength", "rules", "min", "max", "provided", "missing",
		"invalid", "valid", "changed", "present", "set", "info", "authenticate", "authentication", "source", "uses"}
	// ordinaryNames hold keys that are no credential: message keys, sort
	// keys, idempotency keys, public keys, and the headers of rate limits
	// and challenges.
	ordinaryNames = set("messagekey", "sortkey", "partitionkey", "rowkey", "publickey", "idempotencykey", "cachekey",
		"primarykey", "foreignkey", "keyid", "i18nkey", "translationkey", "lookupkey", "objectkey", "routingkey",
		"keys", "monkey", "hotkey", "turkey", "tokenizer", "tokens", "nextpagetoken", "pagetoken", "continuationtoken",
		"paginationtoken", "synctoken", "nexttoken", "cursor", "xratelimitkey", "keepalive", "secfetchdest", "wwwauthenticate",
		"proxyauthenticate", "authenticationinfo", "xrequestid", "author", "authority", "authors", "authorized")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// classify says how surely a name means a credential.
func classify(name string) strength {
	n := normalize(name)
	switch {
	case n == "":
		return notSecret
	case strongExact[n]:
		return strong
	case ordinaryNames[n] || strings.HasPrefix(n, "xratelimit") || strings.HasPrefix(n, "ratelimit"):
		return notSecret
	}
	for _, s := range ordinarySuffixes {
		if strings.HasSuffix(n, s) && len(n) > len(s) {
			return notSecret
		}
	}
	for _, p := range strongParts {
		if strings.Contains(n, p) {
			return strong
		}
	}
	if strings.HasSuffix(n, "key") || strings.HasSuffix(n, "token") || strings.HasSuffix(n, "auth") ||
		strings.HasPrefix(n, "auth") || strings.HasSuffix(n, "sig") || strings.HasSuffix(n, "pass") {
		return weak
	}
	return notSecret
}

// headerStrength is classify for header fields and URL parameters, whose
// values are never sentences: one named like a key or token carries one.
func headerStrength(name string) strength {
	if s := classify(name); s != weak {
		return s
	}
	return strong
}

// proseWords mark a value as a sentence about a credential ("is too short",
// "must not be blank"), which a report needs and a link may carry.
var proseWords = set("is", "are", "be", "must", "should", "required", "invalid", "too", "short", "long", "not",
	"blank", "empty", "missing", "incorrect", "wrong", "expired", "match", "matches", "cannot", "can't", "least",
	"characters", "contain", "contains", "please", "provided", "does", "doesn't", "was", "were", "has", "have")

// sentence reports a value that reads as a message rather than a credential.
func sentence(v string) bool {
	if !strings.ContainsRune(v, ' ') {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(v)) {
		if proseWords[strings.Trim(w, ".,;:!?()\"'")] {
			return true
		}
	}
	return false
}

// placeholder reports values that already hide a credential, or hold none.
func placeholder(v string) bool {
	t := strings.ToLower(strings.Trim(v, "<>[]{}()*•. "))
	switch t {
	case "", "redacted", "hidden", "null", "none", "true", "false", "undefined", "xxx", "xxxx", "secret", "password",
		"token", "your_api_key", "your-api-key", "api_key", "changeme", "filtered", "masked", "removed":
		return true
	}
	return strings.Trim(v, "*•xX.") == ""
}

// credentialLike reports a value shaped like a key or token: eight
// characters or more, no spaces, at least two of lower case, upper case and
// digits, and varied characters (Shannon entropy of 3 bits or more).
func credentialLike(v string) bool {
	if len(v) < 8 || len(v) > 8192 || strings.ContainsAny(v, " \t\r\n") {
		return false
	}
	var lower, upper, digit int
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= 'a' && c <= 'z':
			lower = 1
		case c >= 'A' && c <= 'Z':
			upper = 1
		case c >= '0' && c <= '9':
			digit = 1
		}
	}
	return lower+upper+digit >= 2 && entropy(v) >= 3
}

// entropy is the Shannon entropy of s's bytes, in bits per byte.
func entropy(s string) float64 {
	if s == "" {
		return 0
	}
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	var h float64
	n := float64(len(s))
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}

// holdsSecret decides, for a value found under a name, whether it is a
// credential to redact.
func holdsSecret(s strength, v string) bool {
	switch {
	case s == notSecret || placeholder(v):
		return false
	case s == strong:
		return !sentence(v)
	}
	return credentialLike(v)
}
