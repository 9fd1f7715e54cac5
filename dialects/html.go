package dialects

// HTML error pages, as proxies, CDNs and frameworks send them by default: the
// title and first heading are read, and the headers tell whose page it is.

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/errlens/errlens/dialects/message"
)

var html = &Dialect{
	ID:          "html",
	Name:        "HTML error page",
	Description: "An HTML page from a proxy, CDN or framework: its own explanation, and whose page it is.",
	Spec:        "https://html.spec.whatwg.org/",
	decode:      decodeHTML,
}

func decodeHTML(d *doc, r *Report) {
	r.Title = htmlText(d.body, "title")
	tag, heading := "", ""
	for _, h := range []string{"h1", "h2", "h3", "h4"} {
		// Not a breadcrumb nor the bare word "error" (Mercurial's hgweb):
		// the page's explanation says more.
		if heading = htmlText(d.body, h); heading != "" && !strings.Contains(d.body, "<"+h+` class="breadcrumb"`) && !strings.EqualFold(heading, "error") {
			tag = h
			break
		}
		heading = ""
	}
	if q := htmlText(d.body, `blockquote id="error"`); q != "" {
		r.Message = q // Squid quotes its error
	} else if e := errorElement(d.body); e != "" {
		r.Message = e // cgit's <div class='error'>Invalid branch: nobranch</div>
	} else if c := labelledCell(d.body, "message:"); c != "" {
		r.Message = c // Jetty's table: <th>MESSAGE:</th><td>Not Found</td>
	} else if t := echoedTitle(d.body, r.Title); t != "" {
		r.Message = t
	} else if e := stackHead(d.body); e != "" {
		r.Message = e
	} else if tag != "h1" && heading != "" && !statusLike(heading) {
		// A page whose top heading is a subheading says its message there
		// (Sinatra's "Sinatra doesn't know this ditty.").
		r.Message = heading
	} else {
		r.Message = firstNonEmpty(htmlExplanation(d, tag), heading, r.Title)
	}
	r.Message, _, _ = strings.Cut(r.Message, " Stack trace:") // PHP's uncaught error, without the trace its display_errors prints
	if code, ok := strings.CutPrefix(r.Message, "error: "); ok && codeLike(code) {
		// An OAuth 2.0 error rendered as "name: value" lines: node-oidc-provider's
		// <pre><strong>error</strong>: invalid_client</pre><pre>...error_description...
		r.Code = code
		if i := strings.Index(d.body, "error_description"); i >= 0 {
			line, _, _ := strings.Cut(d.body[i:min(len(d.body), i+1024)], "</pre>")
			_, desc, _ := strings.Cut(stripTags(line), ":")
			r.Message = firstNonEmpty(collapse(unescape(desc)), r.Message)
		}
	}
	if isUpperSnake(heading) && strings.Contains(heading, "_") {
		r.Code = heading // api.data.gov's <h1>API_KEY_MISSING</h1>
	}
	if who := servedBy(d); who != "" {
		r.Evidence = append(r.Evidence, "an error page from "+who+", not from the API itself")
	}
	if r.RequestID == "" {
		r.RequestID = labelledID(d.body[:min(len(d.body), 1<<16)])
		if r.RequestID != "" {
			r.RequestIDSource = "body: Request ID"
		}
	}
}

// errorElement returns the text of the first element of the class "error"
// that holds only a line of text, or "".
func errorElement(body string) string {
	lower := asciiLower(body[:min(len(body), 1<<16)])
	for at := 0; ; {
		i := strings.Index(lower[at:], "class=")
		if i < 0 {
			return ""
		}
		i += at
		at = i + len("class=")
		open := strings.LastIndexByte(lower[:i], '<')
		if v := strings.Trim(lower[at:min(at+7, len(lower))], `"'`); v != "error" || open < 0 {
			continue
		}
		tag, _, _ := strings.Cut(lower[open+1:i], " ")
		inner, _, _ := strings.Cut(lower[i:], "</"+tag)
		if tag != "body" && tag != "html" && !strings.Contains(inner, "<h") && !strings.Contains(inner, "<p") {
			return collapse(unescape(htmlText(body[open:], tag))) // not a box whose heading and paragraphs say it (Jupyter)
		}
	}
}

// echoedTitle returns the page's title when a subheading restates it after
// the status (Connect's <h1>Connect</h1><h2><em>500</em> Error: ...</h2>
// titled "Error: ..."), or "".
func echoedTitle(body, title string) string {
	if title == "" || statusLike(title) {
		return ""
	}
	for _, h := range []string{"h2", "h3"} {
		if t := htmlText(body, h); strings.HasSuffix(t, title) && statusLike(strings.TrimSpace(strings.TrimSuffix(t, title))) {
			return title
		}
	}
	return ""
}

// stackHead returns the first line of a <pre> holding a stack trace, the
// error it traces (koa-onerror's, below a paragraph every page has), or "".
func stackHead(body string) string {
	if head, ok := traceHead(stripTags(htmlInner(body, "pre"))); ok {
		return collapse(unescape(head))
	}
	return ""
}

// traceHead returns the first line of s when a stack trace follows it
// (JavaScript's and Java's "at ...", Go's "goroutine 23 [running]:").
func traceHead(s string) (string, bool) {
	head, rest, _ := strings.Cut(strings.TrimSpace(s), "\n")
	rest = strings.TrimSpace(rest)
	return head, strings.HasPrefix(rest, "at ") || strings.HasPrefix(rest, "goroutine ")
}

// statusLike reports a heading that only states the status: "404 Not Found",
// "Not Found", "HTTP Status 404 – Not Found", "Error 503 Backend fetch failed".
func statusLike(h string) bool {
	return len(h) >= 3 && message.Digits(h[:3]) && (len(h) == 3 || h[3] == ' ') || ReasonPhraseStatus(h) != 0 ||
		strings.HasPrefix(h, "HTTP Status ") || strings.HasPrefix(h, "Error ") && len(h) > 9 && message.Digits(h[6:9])
}

// labelledCell returns the text of the table cell after the header cell
// reading label ("message:"), or "".
func labelledCell(body, label string) string {
	lower := asciiLower(body[:min(len(body), 1<<16)])
	i := strings.Index(lower, label+"</th>")
	if i < 0 {
		return ""
	}
	return htmlText(body[i:], "td")
}

// labelledID returns the token after "Request ID:" in a page (Mojolicious
// writes it in a comment), or "".
func labelledID(body string) string {
	lower := asciiLower(body)
	for _, label := range []string{"request id:", "request-id:", "requestid:"} {
		if i := strings.Index(lower, label); i >= 0 {
			rest := strings.TrimLeft(body[i+len(label):], " ")
			end := strings.IndexFunc(rest, func(c rune) bool {
				return !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')
			})
			if end > 0 {
				return rest[:end]
			}
		}
	}
	return ""
}

// htmlExplanation returns the page's own explanation: after its first heading
// (or in its body when it has none), the first paragraph or the first line of
// a <pre>, else the first other block of text (a subheading, a <center>),
// up to the rule or <address> that opens a server's signature.
func htmlExplanation(d *doc, heading string) string {
	body := d.body[:min(len(d.body), 1<<16)]
	lower := asciiLower(body)
	start := -1
	if heading != "" {
		start = strings.Index(lower, "</"+heading+">")
	}
	if start < 0 {
		if start = strings.Index(lower, "<body"); start < 0 {
			start = 0
		}
	}
	var text strings.Builder
	inPre, inP, fallback, weak, phrase := false, false, "", false, false
	stated := false // the last text flushed began with the status: gitweb's "404 - No such project"
	prevBr, lastTag := false, ""
	flush := func() string {
		raw := text.String()
		if inPre {
			raw = strings.TrimSpace(raw)
			raw, _, _ = strings.Cut(raw, "\n")
		}
		if k := strings.LastIndex(raw, "\x00"); k >= 0 && strings.TrimSpace(raw[k+1:]) != "" {
			raw = raw[k+1:] // after a blank line (<br><br>), the specific detail
		}
		raw = strings.ReplaceAll(raw, "\x00", " ")
		t := collapse(unescape(raw))
		text.Reset()
		// Tomcat labels its paragraphs: "Type Status Report", "Message ...".
		if strings.HasPrefix(t, "Type ") && strings.HasSuffix(t, " Report") || t == "Message" || t == "Description" {
			return ""
		}
		for _, label := range []string{"Message ", "Description ", "Message: ", "Description: "} {
			t = strings.TrimPrefix(t, label)
		}
		if len(t) > 5 && t[0] == '(' && t[3] == ')' && t[4] == ' ' {
			t = t[5:] // a language tag: Catalyst's "(en) Please come back later"
		}
		if code, ok := strings.CutPrefix(t, "Error code"); ok && statusLike(strings.TrimSuffix(strings.TrimLeft(code, ": "), ".")) {
			return "" // Python's http.server: "Error code 401.", "Error code: 404" only state the status
		}
		stated = d.msg.Status != 0 && strings.HasPrefix(t, strconv.Itoa(d.msg.Status)+" - ")
		t = stripStatusPrefix(t)
		if message.Digits(t) {
			return "" // a number in bold above what it means (Total.js's "408")
		}
		if strings.HasSuffix(t, ":") {
			// "...caused an error:" introduces what follows; a sentence before
			// it stands (Beego's "... can't be authorized. Perhaps you are here because:").
			k := strings.LastIndex(t, ". ")
			t = t[:k+1]
		}
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
		tag = strings.TrimRight(tag, "/")
		prevBr = lastTag == "br"
		lastTag = tag
		i += j + 1
		switch tag {
		case "br":
			if inPre {
				if t := flush(); t != "" {
					return t
				}
			}
			if prevBr {
				text.WriteByte(0) // a blank line
			}
			text.WriteByte(' ')
		case "p", "pre":
			// A label ("More Info") yields to what follows it; a reason phrase
			// to a sentence (motion's "Bad Request", then what it means), not
			// to Varnish's "XID: 5".
			t := flush()
			if t != "" && inP && !label(t) && ReasonPhraseStatus(t) == 0 && !(phrase && len(strings.Fields(t)) < 3) {
				return t // a paragraph, closed or cut short by the next
			} else if t != "" && (fallback == "" || weak && !phrase) {
				fallback, weak = t, label(t) || ReasonPhraseStatus(t) != 0
				phrase = ReasonPhraseStatus(t) != 0
			}
			inPre, inP = tag == "pre" && !closing, !closing
		case "div", "center", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "tr",
			"body", "html", "section", "main", "article", "header", "dl", "dt", "dd", "blockquote":
			// Text after a subheading says more than the subheading does.
			if t := flush(); t != "" && stated {
				return t
			} else if t != "" && (fallback == "" || weak) {
				fallback, weak = t, closing && tag[0] == 'h' && len(tag) == 2
			}
		case "hr", "address", "footer", "script", "style", "svg", "button":
			if t := flush(); t != "" && fallback == "" {
				fallback = t
			}
			if (tag == "hr" || tag == "address") && fallback != "" {
				return fallback // a signature follows
			}
			if end := strings.Index(lower[i:], "</"+tag); end >= 0 {
				i += end
			}
		}
	}
	return firstNonEmpty(fallback, flush())
}

// label reports a paragraph of one or two words and no sentence: a card's
// title or a button's caption, not an explanation.
func label(t string) bool {
	return len(strings.Fields(t)) <= 2 && !strings.ContainsAny(t, ".!?:") && ReasonPhraseStatus(t) == 0
}

// unescape decodes the character references of HTML pages and XML: the
// named ones in entities and numeric ones ("&#47;", "&#x27;").
func unescape(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	for i := 0; i < len(entities); i += 2 {
		s = strings.ReplaceAll(s, entities[i], entities[i+1])
	}
	for i := strings.Index(s, "&#"); i >= 0; i = strings.Index(s, "&#") {
		end := strings.IndexByte(s[i:], ';')
		if end < 0 || end > 10 {
			break
		}
		num, base := s[i+2:i+end], 10
		if strings.HasPrefix(num, "x") || strings.HasPrefix(num, "X") {
			num, base = num[1:], 16
		}
		n, err := strconv.ParseUint(num, base, 21)
		if err != nil || n == 0 || n > unicode.MaxRune {
			break
		}
		s = s[:i] + string(rune(n)) + s[i+end+1:]
	}
	return s
}

// isSignature reports a line that only names the server: "nginx/1.22.1",
// "Apache/2.4.62 (Debian) Server at localhost Port 80", or "openresty" on a
// page APISIX serves as "Server: APISIX".
func isSignature(d *doc, t string) bool {
	server := d.header("Server")
	product, _, _ := strings.Cut(server, "/")
	name, _, _ := strings.Cut(t, "/")
	return server != "" && (t == server || product != "" && strings.HasPrefix(t, product+"/")) ||
		strings.Contains(t, " Server at ") && strings.Contains(t, " Port ") || strings.HasPrefix(t, "Powered by ") ||
		oneOf(name, []string{"nginx", "openresty", "tengine", "cloudflare", "envoy", "awselb", "Microsoft-IIS"})
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
	return collapse(unescape(stripTags(htmlInner(body, tag))))
}

// htmlInner returns the markup inside the first element tag opens, or "".
func htmlInner(body, tag string) string {
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
	name, _, _ := strings.Cut(tag, " ")
	end := strings.Index(lower[start:], "</"+name)
	if end < 0 {
		return ""
	}
	return body[start : start+end]
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
	return b.String()
}

// entities are the named character references error pages use, in pairs,
// "&amp;" last: a table, not a strings.Replacer, so that no call runs among
// the package's variable initializers and the compiler lays the registry out
// as data (a call there turns every later initializer into code).
var entities = [...]string{"&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'", "&nbsp;", " ", "&amp;", "&"}

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

// stripStatusPrefix takes off a leading "404 - " (Icecast).
func stripStatusPrefix(t string) string {
	if len(t) > 6 && message.Digits(t[:3]) {
		if rest, ok := strings.CutPrefix(t[3:], " - "); ok {
			return rest
		}
	}
	return t
}
