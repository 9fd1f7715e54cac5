package retry

import (
	"github.com/errlens/errlens/dialects"
	"strconv"
	"strings"
)

// class is what a rule found the failure to be.
type class int

const (
	unknown         class = iota
	transient             // may succeed unchanged later
	rateLimited           // the server refused before doing anything: wait, then resend
	conflict              // the state changed under the request
	permanent             // fails again unchanged: fix something
	serverSaysRetry       // the server said so explicitly
	verify                // the API says to check whether the request took effect first
)

// decide classifies the failure (explicit server verdicts first, then the
// dialect's own codes, then the status) and turns the class into a decision
// with the request's method and idempotency key.
func decide(in *input, a *Advice) {
	c := classify(in, a)
	switch c {
	case permanent:
		a.Decision = DoNotRetry
	case conflict:
		if in.key {
			a.Decision = Retry
			a.add("idempotency-in-flight", "with an Idempotency-Key, a 409 means the first request is still being processed: retry later with the same key and the same body (draft-ietf-httpapi-idempotency-key-header §2.6)", in.keyFact())
			return
		}
		a.Decision = RefreshThenRetry
		a.add("conflict", "re-fetch the resource's current state, apply the change to it, and send that", in.statusFact())
	case serverSaysRetry:
		a.Decision = Retry
	case verify:
		a.Decision = VerifyThenRetry
	case rateLimited:
		a.Decision = Retry
		a.add("not-processed", "a rate-limited request was refused before it ran, so resending it is safe whatever the method", in.methodFact())
	default:
		a.Decision = Retry
		switch {
		case in.method != "" && !idempotent(in.method) && !in.key:
			a.Decision = VerifyThenRetry
			a.add("unsafe-method", in.method+" is not idempotent and no Idempotency-Key was sent: the server may have applied it before failing; check whether it took effect (re-query the object) before sending it again, and add an Idempotency-Key to future requests (RFC 9110 §9.2.2)", in.methodFact(), in.keyFact())
		case in.method != "" && !idempotent(in.method):
			a.add("idempotency-key", "the Idempotency-Key makes the "+in.method+" safe to resend: reuse the same key with the same body", in.methodFact(), in.keyFact())
		case in.method == "":
			a.add("method-unknown", "the paste does not show the method: this holds for GET, PUT and DELETE; a POST or PATCH without an Idempotency-Key should be verified before it is sent again", in.methodFact())
		default:
			a.add("idempotent-method", in.method+" is idempotent: sending it again cannot apply it twice (RFC 9110 §9.2.2)", in.methodFact())
		}
	}
}

// add records a rule that fired.
func (a *Advice) add(rule, text string, facts ...Fact) {
	if facts == nil {
		facts = []Fact{}
	}
	a.Reasons = append(a.Reasons, Reason{Rule: rule, Text: text, Facts: facts})
}

// classify returns the first class a rule finds, recording the rules that fired.
func classify(in *input, a *Advice) class {
	for _, rule := range []func(*input, *Advice) class{serverVerdict, dialectCodes, githubRateLimit, tryLater, codeStatus, statusClass} {
		if c := rule(in, a); c != unknown {
			return c
		}
	}
	return transient
}

// serverVerdict follows explicit verdicts: a retryable or recoverable flag in
// the body, Stripe-Should-Retry, and x-should-retry (OpenAI, Anthropic and
// other Stainless-generated SDKs).
func serverVerdict(in *input, a *Advice) class {
	if v := in.r.RetryVerdict; v != nil {
		if v.Value == "true" {
			a.add("server-verdict", "the body says this request may be retried ("+v.Source+": true)", Fact{"body " + v.Source, v.Value})
			return serverSaysRetry
		}
		a.add("server-verdict", "the body says retrying will not help ("+v.Source+": false)", Fact{"body " + v.Source, v.Value})
		return permanent
	}
	if v, stop := pushbackStops(in); stop {
		a.add("server-verdict", "the server says not to retry (grpc-retry-pushback-ms: "+v+": a negative or unreadable pushback, gRFC A6); gRPC clients stop here whatever the status", headerFact("Grpc-Retry-Pushback-Ms", v))
		return permanent
	}
	for _, name := range []string{"Stripe-Should-Retry", "X-Should-Retry"} {
		v, ok := in.h.Lookup(name)
		if !ok {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "true":
			a.add("server-verdict", "the server says this request may be retried ("+name+": true); its SDKs retry it whatever the status", headerFact(name, v))
			return serverSaysRetry
		case "false":
			a.add("server-verdict", "the server says not to retry ("+name+": false); its SDKs stop here whatever the status", headerFact(name, v))
			return permanent
		}
	}
	return unknown
}

// pushbackStops reports a grpc-retry-pushback-ms that is negative or not an
// integer: gRPC's "do not retry" (gRFC A6).
func pushbackStops(in *input) (string, bool) {
	v, ok := in.h.Lookup("Grpc-Retry-Pushback-Ms")
	if !ok {
		return "", false
	}
	ms, err := strconv.Atoi(strings.TrimSpace(v))
	return v, err != nil || ms < 0
}

// codeRule maps a dialect's code or type to a class.
type codeRule struct {
	dialect string
	field   string // "code" or "type"
	match   string // exact value, or a prefix ending in "-" or "*"
	class   class
	rule    string
	text    string
}

// codeRules follow seed 003's guidance and the vendors' documentation; the
// dialects defined as data carry their own (dialects.Guidance).
var codeRules = []codeRule{
	// Seed 003: compliance blocks must not be retried or worked around.
	{"problem-details", "type", "*compliance-blocked", permanent, "seed-003-compliance", "compliance-blocked: do not retry and do not attempt to work around compliance controls; contact support with the request id"},
	{"problem-details", "type", "*provider-error", transient, "seed-003-provider", "provider-error: an upstream provider failed; typically transient, retry with backoff"},
	{"problem-details", "type", "*service-unavailable", transient, "seed-003-unavailable", "service-unavailable: retry with backoff; check the status page for maintenance"},
	{"problem-details", "type", "*internal-error", transient, "seed-003-internal", "internal-error: retry with backoff; if it persists, contact support with the request id"},
	{"problem-details", "type", "*rate-limited", rateLimited, "seed-003-rate-limited", "rate-limited: respect Retry-After and back off"},
	{"problem-details", "type", "*quota-exceeded", rateLimited, "ratelimit-quota-exceeded", "quota-exceeded (IANA problem type of the RateLimit draft): wait for the quota to renew"},
	{"problem-details", "type", "*temporary-reduced-capacity", transient, "ratelimit-reduced-capacity", "temporary-reduced-capacity: the server sheds load; retry later"},
	// Stripe (https://docs.stripe.com/error-low-level).
	{"stripe", "type", "idempotency_error", permanent, "stripe-idempotency", "idempotency_error: the key was reused with other parameters; use a new key for a new request"},
	{"stripe", "code", "lock_timeout", transient, "stripe-lock-timeout", "lock_timeout: another request holds the object; retry shortly"},
	{"stripe", "type", "card_error", permanent, "stripe-card", "card_error: the card was declined; ask for another payment method"},
	// OAuth 2.0 (RFC 6749, RFC 8628).
	{"oauth2", "code", "slow_down", rateLimited, "oauth-slow-down", "slow_down: keep polling, 5 seconds slower (RFC 8628 §3.5)"},
	{"oauth2", "code", "authorization_pending", rateLimited, "oauth-pending", "authorization_pending: the user has not finished; keep polling at the interval (RFC 8628 §3.5)"},
	{"oauth2", "code", "temporarily_unavailable", transient, "oauth-unavailable", "temporarily_unavailable: retry later"},
	{"oauth2", "code", "server_error", transient, "oauth-server-error", "server_error: retry later"},
	{"oauth2", "code", "invalid_token", permanent, "oauth-invalid-token", "invalid_token: the access token expired or was revoked; refresh it (or sign in again), then send the request with the new token"},
	{"oauth2", "code", "insufficient_scope", permanent, "oauth-scope", "insufficient_scope: the token lacks the scope needed; request a token with it"},
	{"oauth2", "code", "invalid_grant", permanent, "oauth-grant", "invalid_grant: the code or refresh token is invalid, expired or revoked; start the authorization again"},
	{"oauth2", "code", "invalid_client", permanent, "oauth-client", "invalid_client: fix the client credentials"},
	// Kubernetes Status reasons.
	{"kubernetes", "code", "Conflict", conflict, "k8s-conflict", "Conflict: the object changed; get it again and reapply your change to the new resourceVersion"},
	{"kubernetes", "code", "TooManyRequests", rateLimited, "k8s-throttled", "TooManyRequests: the API server throttled the request; wait retryAfterSeconds"},
	{"kubernetes", "code", "ServerTimeout", transient, "k8s-timeout", "ServerTimeout: retry"},
	{"kubernetes", "code", "Timeout", transient, "k8s-timeout", "Timeout: retry"},
	{"kubernetes", "code", "ServiceUnavailable", transient, "k8s-unavailable", "ServiceUnavailable: retry"},
	{"kubernetes", "code", "AlreadyExists", permanent, "k8s-exists", "AlreadyExists: the object is there; get it instead of creating it"},
	// Slack.
	{"slack", "code", "ratelimited", rateLimited, "slack-ratelimited", "ratelimited: wait Retry-After seconds"},
	{"slack", "code", "internal_error", transient, "slack-internal", "internal_error: retry"},
	{"slack", "code", "fatal_error", transient, "slack-fatal", "fatal_error: retry later"},
	{"slack", "code", "service_unavailable", transient, "slack-unavailable", "service_unavailable: retry later"},
	{"slack", "code", "*", permanent, "slack-error", "Slack reports a failure that retrying will not change: fix the call"},
}

// thenClass is the class of what a dialect's guidance says to do.
func thenClass(then string) class {
	switch then {
	case "retry":
		return transient
	case "wait":
		return rateLimited
	case "verify-then-retry":
		return verify
	case "refresh-then-retry":
		return conflict
	case "do-not-retry":
		return permanent
	}
	return unknown
}

// awsThrottleCodes are the AWS SDKs' throttling error codes (aws-sdk-go-v2
// retry.DefaultThrottleErrorCodes).
var awsThrottleCodes = []string{
	"Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
	"TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
	"RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
	"SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
}

// dialectCodes reads the dialect's own codes: the seeds' guidance, vendors'
// vocabularies, AWS throttling codes and Google's canonical codes (AIP-194).
func dialectCodes(in *input, a *Advice) class {
	r := in.r
	dialect := r.Dialect
	if strings.Contains(in.h.Get("WWW-Authenticate"), "error=") && (r.Body.Kind == "empty" || r.Body.Kind == "text") {
		dialect = "oauth2" // the code is the challenge's (RFC 6750 §3)
	}
	for _, g := range r.Guidance() {
		field, v := "code", r.Code
		if g.Type != "" {
			field, v = "type", r.Type
		}
		if g.Status != 0 && g.Status == in.status || g.Status == 0 && v != "" && codeMatch(g.Code+g.Type, v) {
			if g.Status != 0 {
				field, v = "status", strconv.Itoa(g.Status)
			}
			a.add(g.ID, g.Reason, Fact{dialect + " " + field, v}, in.statusFact())
			return thenClass(g.Then)
		}
	}
	for _, cr := range codeRules {
		v := r.Code
		if cr.field == "type" {
			v = r.Type
		}
		if cr.dialect != dialect || v == "" || !codeMatch(cr.match, v) {
			continue
		}
		a.add(cr.rule, cr.text, Fact{dialect + " " + cr.field, v}, in.statusFact())
		return cr.class
	}
	switch r.Dialect {
	case "aws":
		if contains(awsThrottleCodes, r.Code) {
			a.add("aws-throttle", r.Code+" is an AWS throttling code: back off and retry (the AWS SDKs retry it)", Fact{"aws code", r.Code})
			return rateLimited
		}
		if r.Code == "RequestTimeout" || r.Code == "RequestTimeoutException" {
			a.add("aws-timeout", r.Code+": retry", Fact{"aws code", r.Code})
			return transient
		}
	case "google-rpc", "grpc": // the same canonical codes
		return aip194(in, a)
	}
	return unknown
}

// aip194 applies Google's retry guidance to a canonical status name: only
// UNAVAILABLE is retryable by default (https://google.aip.dev/194).
func aip194(in *input, a *Advice) class {
	st := in.r.Type
	text, c := st+" is not retryable (AIP-194): fix the request", permanent
	switch st {
	case "UNAVAILABLE":
		text, c = "UNAVAILABLE is the one code AIP-194 (and gRPC's status code guide) says to retry", transient
	case "RESOURCE_EXHAUSTED":
		text = "RESOURCE_EXHAUSTED is generally not retryable (AIP-194): a quota is used up; retrying only helps once it renews"
		if in.server >= 0 || in.status == 429 {
			text, c = "RESOURCE_EXHAUSTED with a retry delay: a quota or rate limit that renews; wait, then retry", rateLimited
		}
	case "ABORTED":
		text, c = "ABORTED is a concurrency conflict: retry the whole read-modify-write sequence, not just this call", conflict
	case "INTERNAL", "UNKNOWN":
		text, c = st+" is generally not retryable (AIP-194): it may be a bug, not a blip; retry once at most", transient
	case "DEADLINE_EXCEEDED":
		text, c = "DEADLINE_EXCEEDED: AIP-194 says not to retry automatically; the operation may have completed, check before resending", transient
	case "":
		return unknown
	}
	a.add("aip-194", text, Fact{"google status", st})
	return c
}

// githubRateLimit: GitHub answers rate limits with 403 as well as 429.
func githubRateLimit(in *input, a *Advice) class {
	if in.status != 403 && in.status != 429 {
		return unknown
	}
	if v, ok := in.h.Lookup("X-RateLimit-Remaining"); ok && strings.TrimSpace(v) == "0" && in.status == 403 {
		a.add("github-primary-rate-limit", "a 403 with x-ratelimit-remaining: 0 is GitHub's primary rate limit, not a permission problem: wait until x-ratelimit-reset", headerFact("X-RateLimit-Remaining", v))
		return rateLimited
	}
	if strings.Contains(strings.ToLower(in.r.Message), "secondary rate limit") {
		a.add("github-secondary-rate-limit", "GitHub's secondary rate limit: wait Retry-After, else at least 60 s (Octokit's rule), and slow down", Fact{"message", in.r.Message})
		return rateLimited
	}
	return unknown
}

// tryLater follows a message that tells the client to try again later: the
// server knows the refusal is temporary whatever its status says.
func tryLater(in *input, a *Advice) class {
	msg := strings.ToLower(in.r.Message + " " + in.r.Detail)
	for _, p := range []string{"too many requests", "too many failed", "rate limit exceeded", "rate limit reached"} {
		if strings.Contains(msg, p) {
			a.add("message-says-too-many", "the message says the client sent too many requests ("+p+"): wait, then retry", Fact{"message", in.r.Message}, in.statusFact())
			return rateLimited
		}
	}
	if strings.Contains(msg, "exceed") {
		// A short period's quota renews soon; a month's or a plan's is no reason to resend.
		for _, p := range []string{"daily", "per day", "hourly", "per hour", "per minute", "per second"} {
			if strings.Contains(msg, p) {
				a.add("message-says-quota", "the message says a quota of requests ("+p+") is used up: it renews, so wait, then retry", Fact{"message", in.r.Message}, in.statusFact())
				return rateLimited
			}
		}
	}
	for _, p := range []string{"try again later", "retry later", "try again in ", "try again after", "wait for it to finish", "will be available in", " busy", "likely to be offline", "temporarily unavailable", "you may retry", "try again"} {
		if strings.Contains(msg, p) && (p != "try again" || strings.Contains(msg, " yet")) { // "not mutable yet, try again" (Fingerprint)
			a.add("message-says-later", "the message says to try again later: the refusal is temporary", Fact{"message", in.r.Message}, in.statusFact())
			return transient
		}
	}
	return unknown
}

// codeStatus reads the status from the error's code when the paste shows no
// status but a body, or the body reports a failure under HTTP 200 (GraphQL,
// Slack): "NOT_FOUND", "rate_limited", "unavailable" say what a status would.
func codeStatus(in *input, a *Advice) class {
	body := in.r.Body.Kind != "empty" && in.r.Body.Kind != ""
	if s := dialects.StatusOfCode(in.r.Code); in.status >= 500 && s >= 400 && s < 500 && s != 408 && s != 429 {
		a.add("code-says-client-error", "the code "+in.r.Code+" means HTTP "+itoa(s)+" although the status is "+itoa(in.status)+": the request itself is refused, and will be again unchanged", Fact{"code", in.r.Code}, in.statusFact())
		return permanent
	}
	if s := dialects.StatusOfCode(in.r.Code); in.status >= 400 && in.status < 500 && s == 503 {
		a.add("code-says-unavailable", "the code "+in.r.Code+" says the resource is unavailable for now, although the status is "+itoa(in.status)+": the same request may succeed later", Fact{"code", in.r.Code}, in.statusFact())
		return transient
	}
	if !body || in.status != 0 && in.status != 200 {
		return unknown
	}
	if s := dialects.ReasonPhraseStatus(strings.TrimRight(in.r.Message, ".")); in.r.Code == "" && in.status == 0 && s >= 400 {
		a.add("status-from-message", "the message is the reason phrase of HTTP "+itoa(s)+": read as that status", Fact{"message", in.r.Message}, in.statusFact())
		in.status = s
		c := statusClass(in, a)
		in.status = 0
		return c
	}
	if s := dialects.StatusOfCode(in.r.Code); s != 0 && s != 200 {
		a.add("status-from-code", "the code "+in.r.Code+" means HTTP "+itoa(s)+": read as that status", Fact{"code", in.r.Code}, in.statusFact())
		saved := in.status
		in.status = s
		c := statusClass(in, a)
		in.status = saved
		return c
	}
	if in.status == 0 {
		a.add("no-status-line", "the paste shows a body but no status line, and nothing in the body says the failure is temporary: fix what the message says before sending it again", in.statusFact())
		return permanent
	}
	if in.r.Dialect == "graphql" {
		if len(in.r.FieldErrors) > 0 {
			a.add("graphql-refused", "a GraphQL error over HTTP 200 that names the arguments it refuses: it will fail again unchanged", Fact{"message", in.r.Message}, in.statusFact())
			return permanent
		}
		if w := refusal(in.r); w != "" {
			a.add("graphql-refused", "a GraphQL error over HTTP 200 whose message refuses the request ("+w+"): it will fail again unchanged", Fact{"message", in.r.Message}, in.statusFact())
			return permanent
		}
		if in.r.NotRun && dialects.StatusOfCode(in.r.Code) < 500 {
			a.add("graphql-refused", "a GraphQL error over HTTP 200 with no path: the server refused the query before running it, and will again unchanged", Fact{"message", in.r.Message}, in.statusFact())
			return permanent
		}
		a.add("graphql-error", "a GraphQL error over HTTP 200 with no code: the server failed to run the operation; usually retried with backoff", in.statusFact())
		return transient
	}
	return unknown
}

// refusal returns the words by which the report's message, or its first
// listed error's, says the request cannot succeed as things stand (it is wrong, or
// the server lacks what it needs), or "".
func refusal(r *dialects.Report) string {
	msg := strings.ToLower(r.Message + " " + r.Detail + " " + r.Title)
	if len(r.Errors) > 0 {
		msg += " " + strings.ToLower(r.Errors[0].Message)
	}
	// The server's own failure, whatever else the message says: a timeout,
	// a missing file, a failed command, a Go panic, or its reply failing its
	// own schema ("response/id must be >= 10").
	for _, w := range []string{"runtime error", "response/", "deadline exceeded", "timed out", "timeout", "temporarily", "try again", "no such file or directory", "exit status", "connection refused"} {
		if strings.Contains(msg, w) {
			return ""
		}
	}
	for _, w := range []string{"not found", "invalid", "not authorized", "not authorised", "unauthorized", "forbidden", "permission",
		"required", "syntax error", "already exists", "access denied", "validation", "must not be null", "must provide", "parse error", "does not exist",
		"duplicate", "violates", "insufficient funds", "must be", "failed to decode", "refusing to", "cannot unmarshal", "not implemented", "not allowed", "not permitted", "not configured", "didn't find", "did not find", "unexpected end of json"} {
		if i := strings.Index(msg, w); i == 0 || i > 0 && (msg[i-1] < 'a' || msg[i-1] > 'z') { // a word, not "defaultPermissionHelper"
			return w
		}
	}
	if strings.HasPrefix(msg, "only ") && strings.Contains(msg, " can ") {
		return "only ... can" // a rule of who may: graphql-shield's "Only admins can delete users"
	}
	return ""
}

// statusClass is the fallback: what the status code means (RFC 9110 §15).
func statusClass(in *input, a *Advice) class {
	s := in.status
	rule, text, c := "client-error", itoa(s)+": the request itself is wrong; it will fail again unchanged: fix it", permanent
	switch {
	case s == 0:
		rule, text, c = "no-status", "no status: no response reached the client (network failure, CORS, timeout); the request may or may not have run", transient
	case s == 408:
		rule, text, c = "timeout", "408: the server timed out waiting for the request; it MAY be repeated (RFC 9110 §15.5.9)", transient
	case s == 409:
		rule, text, c = "conflict-status", "409: the request conflicts with the resource's current state", conflict
	case s == 413 && in.server >= 0:
		rule, text, c = "too-large-temporary", "413 with a retry delay: the limit is temporary (RFC 9110 §15.5.14)", rateLimited
	case s == 413:
		rule, text = "too-large", "413: the body is too large; shrink it or split the request"
	case s == 425:
		rule, text, c = "too-early", "425: replayed early data; resend after the handshake", transient
	case s == 429:
		rule, text, c = "rate-limited", "429: too many requests; wait for the server's delay, then retry (RFC 6585 §4)", rateLimited
	case s == 420:
		rule, text, c = "rate-limited", "420 (Enhance Your Calm, Twitter's and Cloudinary's rate limit): wait, then retry", rateLimited
	case s == 401:
		rule, text = "unauthorized", "401: the credentials are missing, invalid or expired; fix them (check the Authorization header and its scheme), then send the request again"
	case s == 403:
		rule, text = "forbidden", "403: authenticated but not allowed; use credentials with the needed permission or role"
	case s == 501 || s == 505:
		rule, text = "not-implemented", itoa(s)+": the server does not support this; retrying cannot help"
	case s == 500 && refusal(in.r) != "":
		a.add("server-error-refused", "500, but the message says why it cannot succeed ("+refusal(in.r)+"): it will fail again unchanged until that changes", Fact{"message", in.r.Message + in.r.Detail}, in.statusFact())
		return permanent
	case s == 500:
		rule, text, c = "server-error", "500: usually retried with backoff, but it may be a bug rather than a blip: if it repeats, report it with the request id", transient
	case s >= 500:
		rule, text, c = "server-unavailable", itoa(s)+": a gateway or the server is failing or overloaded; transient, retry with backoff", transient
	case s >= 400 && in.server >= 0 && dialects.ReasonPhrase(s) == "" || s == 418 && in.server >= 0:
		rule, text, c = "client-error-with-delay", itoa(s)+", a status of the API's own, with a delay: it says when the request will be accepted again (a ban or a quota), so wait that long", rateLimited
	case s < 400:
		rule, text = "not-an-error-status", itoa(s)+" is not an error status, but the body reports a failure; retrying unchanged will not help"
	}
	a.add(rule, text, in.statusFact())
	return c
}

// codeMatch matches a value against "exact", "prefix*" or "*suffix".
func codeMatch(pattern, v string) bool {
	switch {
	case pattern == "*":
		return true
	case strings.HasSuffix(pattern, "*"):
		return strings.HasPrefix(v, strings.TrimSuffix(pattern, "*"))
	case strings.HasPrefix(pattern, "*"):
		return strings.HasSuffix(v, strings.TrimPrefix(pattern, "*"))
	}
	return pattern == v
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
