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
	if h1 := htmlText(d.body, "h1"); h1 != "" {
		r.Message = firstNonEmpty(htmlExplanation(d), h1, r.Title)
	} else {
		// A page without <h1> puts its message in its top heading, else in
		// its first paragraph.
		r.Message = firstNonEmpty(htmlText(d.body, "h2"), htmlText(d.body, "h3"), htmlExplanation(d), r.Title)
	}
	if who := servedBy(d); who != "" {
		r.Evidence = append(r.Evidence, "an error page from "+who+", not from the API itself")
	}
}

// htmlExplanation returns the page's own explanation: after its first heading
// (or in its body when it has none), the first paragraph or the first line of
// a <pre>, else the first other block of text (a subheading, a <center>),
// up to the rule or <address> that opens a server's signature.
func htmlExplanation(d *doc) string {
	body := d.body[:min(len(d.body), 1<<16)]
	lower := asciiLower(body)
	start := strings.Index(lower, "</h1>")
	if start < 0 {
		if start = strings.Index(lower, "<body"); start < 0 {
			start = 0
		}
	}
	var text strings.Builder
	inPre, inP, fallback := false, false, ""
	flush := func() string {
		raw := text.String()
		if inPre {
			raw = strings.TrimSpace(raw)
			raw, _, _ = strings.Cut(raw, "\n")
		}
		t := collapse(htmlUnescape.Replace(raw))
		text.Reset()
		if t != "" && !isSignature(d, t) {
			return t
		}
		return ""
	}
	for i := start; i < len(body); {
		if body[i] != '<' {
			j := strings.IndexByte(body[i:], '<')
			if j < 0 {
				j = len(body) - i
			}
			text.WriteString(body[i : i+j])
			i += j
			continue
		}
		j := strings.IndexByte(body[i:], '>')
		if j < 0 {
			break
		}
		closing := lower[i+1] == '/'
		tag := strings.TrimLeft(lower[i+1:i+j], "/")
		tag, _, _ = strings.Cut(tag, " ")
		i += j + 1
		switch tag {
		case "br", "br/":
			if inPre {
				if t := flush(); t != "" {
					return t
				}
			}
			text.WriteByte(' ')
		case "p", "pre":
			if t := flush(); t != "" && inP {
				return t // a paragraph, closed or cut short by the next
			} else if t != "" && fallback == "" {
				fallback = t
			}
			inPre, inP = tag == "pre" && !closing, !closing
		case "div", "center", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr",
			"body", "html", "section", "main", "article", "header", "dl", "dt", "dd":
			if t := flush(); t != "" && fallback == "" {
				fallback = t
			}
		case "hr", "address", "footer", "script", "style":
			if t := flush(); t != "" && fallback == "" {
				fallback = t
			}
			if tag == "hr" || tag == "address" {
				return fallback
			}
			if end := strings.Index(lower[i:], "</"+tag); end >= 0 {
				i += end
			}
		}
	}
	return firstNonEmpty(fallback, flush())
}

// isSignature reports a line that only names the server: "nginx/1.22.1",
// "Apache/2.4.62 (Debian) Server at localhost Port 80".
func isSignature(d *doc, t string) bool {
	server := d.header("Server")
	product, _, _ := strings.Cut(server, "/")
	return server != "" && (t == server || product != "" && strings.HasPrefix(t, product+"/")) ||
		strings.Contains(t, " Server at ") && strings.Contains(t, " Port ")
}

// firstNonEmpty returns the first of s that is not empty.
func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
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

var htmlUnescape = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&#x27;", "'", "&#34;", `"`, "&nbsp;", " ", "&amp;", "&")

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
