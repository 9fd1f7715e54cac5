package dialects

// What the headers say of the error whatever the body's dialect, read into
// what the body left empty: a Bearer or DPoP challenge's error (RFC 6750 §3,
// RFC 9449 §7.1), the error of an OAuth authorization redirect (RFC 6749
// §4.1.2.1), AWS's X-Amzn-ErrorType, Squid's X-Squid-Error, Sentry's
// X-Sentry-Rate-Limits reason, a vendor's X-...-Error-Code, Proxy-Status
// (RFC 9209 §2.1), and the reason an empty body's X-...-Error or X-...-Reason
// header gives.

import (
	"net/url"
	"strings"
)

func readHeaders(d *doc, r *Report) {
	for i := 0; i < len(d.msg.Headers) && r.Message == "" && d.kind == "empty"; i++ { // an empty body's reason in a vendor's header: express-http-proxy's X-Timeout-Reason
		if k := asciiLower(d.msg.Headers[i].Name); strings.HasPrefix(k, "x-") && (strings.HasSuffix(k, "-error") || strings.HasSuffix(k, "-reason")) {
			r.Message = d.msg.Headers[i].Value
		}
	}
	if r.Code != "" {
		return
	}
	if h := d.header("WWW-Authenticate"); h != "" {
		// A code, not express-jwt-authz's phrase error="Insufficient scope".
		if r.Code = bearerParam(h, "error"); r.Code != "" && !strings.Contains(r.Code, " ") {
			// The challenge says more than a body that only names the status
			// (express-oauth2-jwt-bearer's page: "Unauthorized").
			if desc := bearerParam(h, "error_description"); desc != "" && reasonOnly(r.Message) {
				r.Message = desc
			}
			r.DocURL = firstNonEmpty(r.DocURL, bearerParam(h, "error_uri"))
			if scope := bearerParam(h, "scope"); scope != "" && r.Detail == "" {
				r.Detail = "required scope: " + scope
			}
			return
		}
		r.Code = ""
	}
	if loc := d.header("Location"); d.msg.Status/100 == 3 && strings.Contains(loc, "error=") {
		if u, err := url.Parse(loc); err == nil {
			q := u.Query()
			if q.Get("error") == "" { // the implicit grant puts it in the fragment
				q, _ = url.ParseQuery(u.Fragment)
			}
			if r.Code = q.Get("error"); r.Code != "" {
				if desc := q.Get("error_description"); desc != "" && reasonOnly(r.Message) {
					r.Message = desc // not Go's redirect page: "Found."
				}
				return
			}
		}
	}
	if sq := d.header("X-Squid-Error"); sq != "" {
		r.Code, _, _ = strings.Cut(sq, " ") // "ERR_CONNECT_FAIL 111": the code, then errno
		return
	}
	if rl := d.header("X-Sentry-Rate-Limits"); rl != "" { // "2700:metric_bucket:organization:quota_exceeded:custom": the reason code is the fourth
		if f := strings.Split(strings.Split(rl, ",")[0], ":"); len(f) > 3 && f[3] != "" {
			r.Code = strings.TrimSpace(f[3])
			return
		}
	}
	if t := d.header("X-Amzn-ErrorType"); t != "" {
		r.Code = awsCode(t)
		return
	}
	for _, h := range d.msg.Headers { // a vendor's X-...-Error-Code: ClickHouse's X-ClickHouse-Exception-Code
		if k := asciiLower(h.Name); strings.HasPrefix(k, "x-") && (strings.HasSuffix(k, "-error-code") || strings.HasSuffix(k, "-exception-code")) && h.Value != "" {
			r.Code = h.Value
			return
		}
	}
	if ps := d.header("Proxy-Status"); ps != "" {
		for _, p := range strings.Split(ps, ";") {
			if k, v, ok := strings.Cut(strings.TrimSpace(p), "="); ok && k == "error" {
				r.Code = strings.Trim(v, `"`)
				return
			}
		}
	}
}

// reasonOnly reports a message that says no more than the status: empty, or
// a reason phrase ("Unauthorized", "Found.").
func reasonOnly(m string) bool {
	return m == "" || ReasonPhraseStatus(strings.TrimSuffix(m, ".")) != 0
}
