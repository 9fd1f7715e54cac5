package dialects

// What the headers say of the error whatever the body's dialect, read into
// what the body left empty: a Bearer or DPoP challenge's error (RFC 6750 §3,
// RFC 9449 §7.1), the error of an OAuth authorization redirect (RFC 6749
// §4.1.2.1), AWS's X-Amzn-ErrorType, Squid's X-Squid-Error, and Proxy-Status
// (RFC 9209 §2.1).

import (
	"net/url"
	"strings"
)

func readHeaders(d *doc, r *Report) {
	if r.Code != "" {
		return
	}
	if h := d.header("WWW-Authenticate"); h != "" {
		if r.Code = bearerParam(h, "error"); r.Code != "" {
			// The challenge says more than a body that only names the status
			// (express-oauth2-jwt-bearer's page: "Unauthorized").
			if desc := bearerParam(h, "error_description"); desc != "" && (r.Message == "" || ReasonPhraseStatus(r.Message) != 0) {
				r.Message = desc
			}
			r.DocURL = firstNonEmpty(r.DocURL, bearerParam(h, "error_uri"))
			if scope := bearerParam(h, "scope"); scope != "" && r.Detail == "" {
				r.Detail = "required scope: " + scope
			}
			return
		}
	}
	if loc := d.header("Location"); d.msg.Status/100 == 3 && strings.Contains(loc, "error=") {
		if u, err := url.Parse(loc); err == nil {
			q := u.Query()
			if q.Get("error") == "" { // the implicit grant puts it in the fragment
				q, _ = url.ParseQuery(u.Fragment)
			}
			if r.Code = q.Get("error"); r.Code != "" {
				r.Message = firstNonEmpty(r.Message, q.Get("error_description"))
				return
			}
		}
	}
	if sq := d.header("X-Squid-Error"); sq != "" {
		r.Code, _, _ = strings.Cut(sq, " ") // "ERR_CONNECT_FAIL 111": the code, then errno
		return
	}
	if t := d.header("X-Amzn-ErrorType"); t != "" {
		r.Code = awsCode(t)
		return
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
