package dialects

import (
	"strconv"
	"strings"
)

// ReasonPhrase returns the reason phrase of an HTTP status code as RFC 9110 §15
// and its registry name it, plus the common unofficial ones (Cloudflare's 52x,
// nginx's 499), or "" for an unknown code.
func ReasonPhrase(code int) string { return reasons[code] }

var reasons = map[int]string{
	100: "Continue", 101: "Switching Protocols", 103: "Early Hints",
	200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information",
	204: "No Content", 205: "Reset Content", 206: "Partial Content", 207: "Multi-Status",
	300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other",
	304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect",
	400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden",
	404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
	407: "Proxy Authentication Required", 408: "Request Timeout", 409: "Conflict",
	410: "Gone", 411: "Length Required", 412: "Precondition Failed", 413: "Content Too Large",
	414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable",
	417: "Expectation Failed", 418: "I'm a teapot", 421: "Misdirected Request",
	422: "Unprocessable Content", 423: "Locked", 424: "Failed Dependency", 425: "Too Early",
	426: "Upgrade Required", 428: "Precondition Required", 429: "Too Many Requests",
	431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
	499: "Client Closed Request (nginx)",
	500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
	503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported",
	506: "Variant Also Negotiates", 507: "Insufficient Storage", 508: "Loop Detected",
	511: "Network Authentication Required",
	520: "Web Server Returned an Unknown Error (Cloudflare)", 521: "Web Server Is Down (Cloudflare)",
	522: "Connection Timed Out (Cloudflare)", 523: "Origin Is Unreachable (Cloudflare)",
	524: "A Timeout Occurred (Cloudflare)", 525: "SSL Handshake Failed (Cloudflare)",
	526: "Invalid SSL Certificate (Cloudflare)",
}

func itoa(n int) string { return strconv.Itoa(n) }

// ReasonPhraseStatus returns the status whose reason phrase s is, or 0: as
// written ("Not Found", "Unauthorized"), or in another case when it has a space
// ("NOT FOUND"). "NOT_FOUND" and "unauthorized" read as codes, not phrases.
func ReasonPhraseStatus(s string) int {
	if len(s) < 2 || len(s) > 40 {
		return 0
	}
	if c, ok := phraseStatus[s]; ok {
		return c
	}
	if strings.IndexByte(s, ' ') < 0 {
		return 0
	}
	var buf [40]byte // lowered here, not by strings.ToLower, to spare an allocation
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return phraseStatus[string(buf[:len(s)])]
}

// phraseStatus maps every reason phrase, as written and in lower case, to its
// status (indexPhrases builds it).
var phraseStatus map[string]int

func indexPhrases() {
	m := make(map[string]int, 2*len(reasons))
	for c, p := range reasons {
		m[p] = c
		if strings.IndexByte(p, ' ') >= 0 {
			m[strings.ToLower(p)] = c
		}
	}
	// The names RFC 7231 and RFC 2616 gave, still sent by many servers.
	for p, c := range map[string]int{"Request Entity Too Large": 413, "Payload Too Large": 413,
		"Request-URI Too Long": 414, "Request URI Too Long": 414, "Request-URI Too Large": 414, "Requested Range Not Satisfiable": 416,
		"Unprocessable Entity": 422, "Moved Temporarily": 302} {
		m[p], m[strings.ToLower(p)] = c, c
	}
	phraseStatus = m
}

// StatusOfCode returns the HTTP status an error code names, or 0: a reason
// phrase in any case and spelling ("bad_request", "NOT_FOUND", "Forbidden"),
// or a gRPC status name as HTTP maps it (google/rpc/code.proto), so that a body
// pasted without its status line, or sent over HTTP 200, still says what
// kind of failure it reports.
func StatusOfCode(code string) int {
	if strings.HasPrefix(code, "urn:") { // its last segment: "urn:au-cds:error:cds-all:Resource/Unavailable"
		code = code[strings.LastIndexAny(code, ":/")+1:]
	}
	// A SOAP fault code: "Client.ValidationError", "soap:Server" (SOAP 1.1
	// §4.4.1), "Sender", "Receiver" (SOAP 1.2).
	if _, c, ok := strings.Cut(code, ":"); ok && !strings.Contains(code, "://") {
		code = c
	}
	switch head, _, _ := strings.Cut(code, "."); head {
	case "Client", "Sender":
		return 400
	case "Server", "Receiver":
		return 500
	}
	n := strings.Map(func(c rune) rune {
		switch {
		case c == ' ' || c == '_' || c == '-' || c == '.':
			return -1
		case c >= 'A' && c <= 'Z':
			return c + 'a' - 'A'
		}
		return c
	}, code)
	if n == "" || len(n) > 40 {
		return 0
	}
	if s, ok := codeStatuses[n]; ok {
		return s
	}
	for _, prefix := range []string{"M_", "ERR_", "E_"} { // Matrix's M_TOO_LARGE, ERR_INVALID_URL
		if rest, ok := strings.CutPrefix(code, prefix); ok && rest != "" {
			return StatusOfCode(rest)
		}
	}
	for _, w := range []string{"invalid", "validation", "parsefailed", "malformed"} {
		if strings.Contains(n, w) && !strings.Contains(n, "response") { // not Fastify's FST_RESPONSE_VALIDATION_FAILED: the server's own answer failed
			return 400 // GRAPHQL_VALIDATION_FAILED, INVALID_CURSOR_ARGUMENTS
		}
	}
	for s, p := range reasons {
		if strings.EqualFold(strings.ReplaceAll(strings.ReplaceAll(p, " ", ""), "-", ""), n) {
			return s
		}
	}
	return 0
}

// codeStatuses maps the gRPC status names and common code words that are no
// reason phrase to the status HTTP gives them.
var codeStatuses = map[string]int{
	"invalidargument": 400, "failedprecondition": 400, "outofrange": 400, "baduserinput": 400,
	"malformed": 400, "unauthenticated": 401, "permissiondenied": 403, "alreadyexists": 409,
	"aborted": 409, "ratelimited": 429, "ratelimitexceeded": 429, "resourceexhausted": 429,
	"internal": 500, "internalerror": 500, "unknown": 500, "dataloss": 500, "unimplemented": 501,
	"unavailable": 503, "deadlineexceeded": 504, "timeout": 504, "canceled": 499, "cancelled": 499,
	"toolarge": 413, "limitexceeded": 429, "notfound": 404, "forbidden": 403,
	"exceededrate": 429, "concurrencylimited": 429, "toomanyrequests": 429, "quotaexceeded": 429,
	"throttled": 429, "serviceunavailable": 503, "temporarilyunavailable": 503,
	"32700": 400, "32600": 400, "32601": 404, "32602": 400, // JSON-RPC 2.0's own errors, negative
}
