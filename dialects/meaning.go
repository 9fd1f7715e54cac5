package dialects

import "strings"

// Meaning explains a status code or a header field in a line or two, with the
// specification that defines it.
type Meaning struct {
	Text   string `json:"text"`             // what it means
	Causes string `json:"causes,omitempty"` // the usual causes, for an error status
	Spec   string `json:"spec,omitempty"`   // "RFC 9110 §15.5.20"
	URL    string `json:"url,omitempty"`    // where to read the spec
}

// StatusMeaning explains an HTTP status code: its own meaning when errlens
// knows it, else its class's (RFC 9110 §15).
func StatusMeaning(code int) Meaning {
	if s, ok := statusMeanings[code]; ok {
		return meaning(s)
	}
	if code < 100 || code > 599 {
		return Meaning{}
	}
	return meaning(statusMeanings[code/100])
}

// HeaderMeaning explains a response header field, or returns false for one
// errlens does not know.
func HeaderMeaning(name string) (Meaning, bool) {
	s, ok := headerMeanings[strings.ToLower(name)]
	if !ok {
		return Meaning{}, false
	}
	return meaning(s), true
}

// meaning reads "spec|text|causes", where spec is an RFC and its section
// ("rfc9110#15.5.1"), a name and a URL ("Fetch https://..."), or empty.
func meaning(s string) Meaning {
	spec, rest, _ := strings.Cut(s, "|")
	var m Meaning
	m.Text, m.Causes, _ = strings.Cut(rest, "|")
	switch rfc, section, _ := strings.Cut(spec, "#"); {
	case strings.HasPrefix(rfc, "rfc"):
		m.Spec, m.URL = "RFC "+rfc[3:], "https://www.rfc-editor.org/rfc/"+rfc
		if section != "" {
			m.Spec += " §" + section
			m.URL += "#section-" + section
		}
	case spec != "":
		m.Spec, m.URL, _ = strings.Cut(spec, " ")
	}
	return m
}

// statusMeanings: by code, and by class (1 to 5) for the codes not listed.
var statusMeanings = map[int]string{
	1: "rfc9110#15.2|An interim response: the final one follows.",
	2: "rfc9110#15.3|The request succeeded.",
	3: "rfc9110#15.4|The client must go elsewhere (the Location header) or use its cached copy.",
	4: "rfc9110#15.5|The server sees an error in the request: sent again unchanged, it will fail again.",
	5: "rfc9110#15.6|The server failed to handle a request that may well be valid.",

	400: "rfc9110#15.5.1|The server cannot process the request: something in it is malformed or invalid.|Invalid JSON in the body, a missing or misspelt parameter, a wrong Content-Type.",
	401: "rfc9110#15.5.2|The request lacks valid credentials; the WWW-Authenticate header says which it expects.|A missing, expired or revoked token or API key, credentials in the wrong header or scheme, a signature made with a skewed clock.",
	402: "rfc9110#15.5.3|Reserved by HTTP; APIs use it to say payment is needed.|A declined card, a plan's quota used up, an unpaid account.",
	403: "rfc9110#15.5.4|The server understood the request and refuses it; other credentials may help, the same ones will not.|A token without the needed scope or role, a resource of another account, an IP allow list, a firewall rule.",
	404: "rfc9110#15.5.5|Nothing is found at this URL, or the server will not say that something is.|A wrong path, id, API version or base URL; a deleted resource; no permission to see it.",
	405: "rfc9110#15.5.6|The resource does not accept this method; the Allow header lists those it does.|POST where PUT or PATCH is expected, a trailing slash routed elsewhere, a read-only endpoint.",
	406: "rfc9110#15.5.7|The server cannot answer in any format the request's Accept headers allow.|An Accept header the API does not serve, such as application/xml.",
	407: "rfc9110#15.5.8|A proxy needs credentials; the Proxy-Authenticate header says which.",
	408: "rfc9110#15.5.9|The server stopped waiting for the rest of the request.|A slow upload, a connection left idle.",
	409: "rfc9110#15.5.10|The request conflicts with the resource's current state.|A duplicate create, an update from a stale copy, an operation already running.",
	410: "rfc9110#15.5.11|The resource was here and is gone for good.",
	411: "rfc9110#15.5.12|The server needs a Content-Length header.",
	412: "rfc9110#15.5.13|A condition in the request's headers (If-Match, If-Unmodified-Since) did not hold.|The resource changed since its ETag was read.",
	413: "rfc9110#15.5.14|The request body is larger than the server accepts.|A big upload; send it in parts or through the API's upload endpoint.",
	414: "rfc9110#15.5.15|The URL is longer than the server accepts.|Too many query parameters; send them in a body.",
	415: "rfc9110#15.5.16|The server does not accept the body's format (Content-Type or Content-Encoding).|A missing Content-Type, a form posted to a JSON endpoint.",
	416: "rfc9110#15.5.17|The range asked for lies outside the resource.",
	417: "rfc9110#15.5.18|The server cannot meet the request's Expect header.",
	418: "rfc9110#15.5.19|An April Fools' code (RFC 2324), unused by HTTP; some servers send it to turn clients away.",
	421: "rfc9110#15.5.20|The request reached a server that does not answer for its host.|A connection reused for another host name.",
	422: "rfc9110#15.5.21|The body is well formed, but what it says is invalid.|Validation: a missing field, a wrong type or format, a value out of range.",
	423: "rfc4918#11.3|The resource is locked (WebDAV).",
	424: "rfc4918#11.4|The request failed because another one it depends on failed (WebDAV).",
	425: "rfc8470#5.2|The server will not risk handling a request that could be replayed (TLS early data).",
	426: "rfc9110#15.5.22|The server wants another protocol; the Upgrade header names it.",
	428: "rfc6585#3|The server wants a conditional request (If-Match), so no update is lost.",
	429: "rfc6585#4|Too many requests in a given time: a rate limit.|A burst above the limit, or a quota shared with other clients used up; Retry-After or the rate-limit headers say when to come back.",
	431: "rfc6585#5|The request's header fields are too large.|Big cookies, a long token.",
	451: "rfc7725#3|The resource is withheld for legal reasons.",
	499: "nginx https://nginx.org/en/docs/http/ngx_http_log_module.html|nginx's own code: the client closed the connection before the response was sent.",
	500: "rfc9110#15.6.1|The server failed while handling the request.|A bug or an unexpected state on the server's side; sometimes an input it did not validate.",
	501: "rfc9110#15.6.2|The server does not support what the request needs, such as its method.",
	502: "rfc9110#15.6.3|A gateway or proxy got an invalid answer from the server behind it.|The server behind it crashed, restarted or closed the connection.",
	503: "rfc9110#15.6.4|The server cannot handle the request now: overloaded or in maintenance; Retry-After may say for how long.",
	504: "rfc9110#15.6.5|A gateway or proxy got no answer in time from the server behind it.|A slow query or call behind the gateway, a server that is down.",
	505: "rfc9110#15.6.6|The server does not support the request's HTTP version.",
	506: "rfc2295#8.1|The server's content negotiation is misconfigured.",
	507: "rfc4918#11.5|The server cannot store what the request needs (WebDAV).",
	508: "rfc5842#7.2|The server found an infinite loop while handling the request (WebDAV).",
	511: "rfc6585#6|The network needs you to sign in first, as a captive portal does.",
	520: "Cloudflare https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/|Cloudflare got an empty or unexpected answer from the origin server.",
	521: "Cloudflare https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/|The origin server refused Cloudflare's connection.",
	522: "Cloudflare https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/|Cloudflare's connection to the origin server timed out.",
	523: "Cloudflare https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/|Cloudflare cannot reach the origin server (DNS or routing).",
	524: "Cloudflare https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/|The origin server took the connection but did not answer within Cloudflare's timeout (100 s by default).",
	525: "Cloudflare https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/|The TLS handshake between Cloudflare and the origin server failed.",
	526: "Cloudflare https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-5xx-errors/|The origin server's TLS certificate is not valid.",
}

// headerMeanings: by lower-case name.
var headerMeanings = map[string]string{
	"content-type":                 "rfc9110#8.3|The body's media type: how to read it.",
	"content-length":               "rfc9110#8.6|The body's size, in bytes.",
	"content-encoding":             "rfc9110#8.4|How the body was compressed (gzip, br).",
	"retry-after":                  "rfc9110#10.2.3|How long to wait before the next request: seconds, or an HTTP date.",
	"www-authenticate":             "rfc9110#11.6.1|How to authenticate; a Bearer challenge may name the error (RFC 6750 §3).",
	"proxy-authenticate":           "rfc9110#11.7.1|How to authenticate to the proxy.",
	"allow":                        "rfc9110#10.2.1|The methods the resource accepts.",
	"location":                     "rfc9110#10.2.2|Where to go: the redirect's target or the created resource.",
	"date":                         "rfc9110#6.6.1|When the server made the response.",
	"server":                       "rfc9110#10.2.4|The software that answered.",
	"via":                          "rfc9110#7.6.3|The proxies and gateways the response passed through.",
	"vary":                         "rfc9110#12.5.5|The request headers the response depends on, for caches.",
	"etag":                         "rfc9110#8.8.3|The version of the resource, for If-Match and If-None-Match.",
	"last-modified":                "rfc9110#8.8.2|When the resource last changed.",
	"connection":                   "rfc9110#7.6.1|Options for this connection only, such as close.",
	"cache-control":                "rfc9111#5.2|How caches may store the response; no-store keeps secrets out of them.",
	"expires":                      "rfc9111#5.3|When a cache should consider the response stale.",
	"age":                          "rfc9111#5.1|Seconds the response spent in a cache.",
	"pragma":                       "rfc9111#5.4|HTTP/1.0's no-cache; superseded by Cache-Control.",
	"link":                         "rfc8288#3|Links to related resources, such as the next page or the docs.",
	"set-cookie":                   "rfc6265#4.1|A cookie the client should store.",
	"strict-transport-security":    "rfc6797#6.1|Use only HTTPS for this host, for the given time.",
	"sunset":                       "rfc8594#3|When the resource will stop responding.",
	"deprecation":                  "rfc9745#2|The resource is deprecated, or will be from this date.",
	"access-control-allow-origin":  "Fetch https://fetch.spec.whatwg.org/#http-access-control-allow-origin|Which web origins may read the response (CORS).",
	"content-security-policy":      "CSP https://www.w3.org/TR/CSP3/|What a page may load and run.",
	"x-content-type-options":       "Fetch https://fetch.spec.whatwg.org/#x-content-type-options-header|nosniff: trust the Content-Type, do not guess.",
	"traceparent":                  "W3C https://www.w3.org/TR/trace-context/|The trace this request belongs to; its second part is the trace id.",
	"ratelimit":                    "IETF https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/|The quota left (r) and the seconds until it resets (t), per policy (IETF draft).",
	"ratelimit-policy":             "IETF https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/|The quotas: requests (q) per window in seconds (w) (IETF draft).",
	"ratelimit-limit":              "IETF https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/|The requests allowed per window (earlier IETF draft).",
	"ratelimit-remaining":          "IETF https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/|The requests left in this window (earlier IETF draft).",
	"ratelimit-reset":              "IETF https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/|Seconds until the window resets (earlier IETF draft).",
	"x-ratelimit-limit":            "|The requests allowed per window (a common custom header).",
	"x-ratelimit-remaining":        "|The requests left in this window (a common custom header).",
	"x-ratelimit-reset":            "|When the window resets: seconds from now, or a Unix time, by API (a common custom header).",
	"x-request-id":                 "|The id the server gave this request: quote it to its support.",
	"x-correlation-id":             "|The id that ties this request's logs together across services.",
	"request-id":                   "|The id the server gave this request: quote it to its support.",
	"x-amzn-requestid":             "|AWS's id of this request: quote it to AWS support.",
	"x-amz-request-id":             "|Amazon S3's id of this request; quote it with x-amz-id-2.",
	"x-ms-request-id":              "|Azure's id of this request: quote it to Azure support.",
	"x-github-request-id":          "|GitHub's id of this request.",
	"cf-ray":                       "|Cloudflare's id of this request and the data centre that served it.",
	"x-cloud-trace-context":        "|Google Cloud's trace id of this request.",
	"x-amzn-errortype":             "|The AWS error's type, when the body does not name it.",
	"grpc-status":                  "gRPC https://grpc.github.io/grpc/core/md_doc_statuscodes.html|The gRPC status code of the call.",
	"grpc-message":                 "gRPC https://grpc.github.io/grpc/core/md_doc_statuscodes.html|The gRPC error message, percent-encoded.",
	"x-cache":                      "|Whether a CDN cache served the response (HIT) or fetched it (MISS).",
	"idempotency-key":              "IETF https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/|The key that makes a retried POST safe: the server runs it once.",
	"x-frame-options":              "rfc7034#2|Whether other sites may show the response in a frame.",
	"access-control-allow-methods": "Fetch https://fetch.spec.whatwg.org/#http-access-control-allow-methods|The methods a cross-origin request may use (CORS).",
	"alt-svc":                      "rfc7838#3|Other protocols or places serving the same origin (HTTP/3).",
	"transfer-encoding":            "rfc9112#6.1|How the body was framed on the wire (chunked).",
}
