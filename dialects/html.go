package dialects

// HTML error pages, as proxies, CDNs and frameworks send them by default: the
// title and first heading are read, and the headers tell whose page it is.

import "strings"

var html = &Dialect{
	ID:          "html",
	Name:        "HTML error page",
	Description: "An HTML page from a proxy, CDN or framework: its title and heading, and whose page it is.",
	Spec:        "https://html.spec.whatwg.org/",
	decode:      decodeHTML,
}

func decodeHTML(d *doc, r *Report) {
	r.Title = htmlText(d.body, "title")
	r.Message = htmlText(d.body, "h1")
	if r.Message == r.Title {
		r.Message = ""
	}
	if who := servedBy(d); who != "" {
		r.Detail = "an error page from " + who + ", not from the API itself"
	}
}

// htmlText returns the text of the first element named tag, without markup.
func htmlText(body, tag string) string {
	lower := asciiLower(body[:min(len(body), 1<<16)])
	i := strings.Index(lower, "<"+tag)
	if i < 0 {
		return ""
	}
	j := strings.IndexByte(lower[i:], '>')
	if j < 0 {
		return ""
	}
	start := i + j + 1
	end := strings.Index(lower[start:], "</"+tag)
	if end < 0 {
		return ""
	}
	return collapse(stripTags(body[start : start+end]))
}

func stripTags(s string) string {
	var b strings.Builder
	in := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '<':
			in = true
		case c == '>':
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteByte(c)
		}
	}
	return htmlUnescape.Replace(b.String())
}

var htmlUnescape = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&nbsp;", " ", "&amp;", "&")

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// servedBy names the proxy or CDN whose headers the response carries, or "".
func servedBy(d *doc) string {
	server := strings.ToLower(d.header("Server"))
	switch {
	case d.hasHeader("Cf-Ray") || server == "cloudflare":
		return "Cloudflare"
	case d.hasHeader("X-Amz-Cf-Id"):
		return "Amazon CloudFront"
	case strings.HasPrefix(server, "awselb"):
		return "an AWS load balancer"
	case d.hasHeader("X-Azure-Ref"):
		return "Azure Front Door"
	case d.hasHeader("X-Vercel-Id"):
		return "Vercel"
	case d.hasHeader("Fly-Request-Id"):
		return "Fly.io"
	case d.hasHeader("X-Fastly-Request-Id") || strings.Contains(strings.ToLower(d.header("Via")), "varnish"):
		return "Fastly (Varnish)"
	case strings.HasPrefix(server, "akamaighost"):
		return "Akamai"
	case server == "envoy" || d.hasHeader("X-Envoy-Upstream-Service-Time"):
		return "Envoy"
	case strings.HasPrefix(server, "nginx"):
		return "nginx"
	case strings.HasPrefix(server, "apache"):
		return "Apache httpd"
	case server == "google frontend" || server == "gfe":
		return "Google Front End"
	}
	return ""
}
