// Package dialects reads an HTTP API error response, in whatever error dialect
// it is written (RFC 9457 problem details, Stripe, Google, JSON:API, GraphQL...),
// into one Report. It is errlens's core: the same code runs in the browser as
// WASM, in the CLI and in the tests, so it uses neither net/http nor syscall/js.
//
// The data flows one way: pasted text is read into a message.Message, the
// message's body is scored by every dialect's detector, the best one decodes it
// into a Report, and the Report is finished with what every dialect shares
// (status cross-check, request id headers, unmapped members).
package dialects

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/errlens/errlens/dialects/message"
	"github.com/tidwall/gjson"
)

// Options tune Inspect.
type Options struct {
	// Entry is the HAR entry to read (1-based); 0 picks the first failed one.
	Entry int
	// Dialect, when set to a dialect id, decodes with that dialect instead of
	// the detected one.
	Dialect string
	// Dialects are custom dialects (ParseDialect), scored with the built-in
	// ones; a tie goes to the custom one. No more than 24 are used.
	Dialects []*Dialect
	// Yield, when set, is called now and then while a big paste is read
	// (every few thousand HAR entries or error items), so that a caller on a
	// single thread can let other work run.
	Yield func()
}

// Inspect reads a paste and reports what the error response in it says. It
// fails only for a paste over message.MaxInput, a HAR entry that does not exist,
// or an unknown Options.Dialect; anything else, however malformed, is reported.
func Inspect(input string, opt Options) (*Report, error) {
	if opt.Dialect != "" && opt.find(opt.Dialect) == nil {
		ids := IDs()
		for _, d := range opt.Dialects {
			ids = append(ids, d.ID)
		}
		return nil, fmt.Errorf("unknown dialect %q (known: %s)", opt.Dialect, strings.Join(ids, ", "))
	}
	msg, err := message.Parse(input, message.Options{Entry: opt.Entry, Yield: opt.Yield})
	if err != nil {
		return nil, err
	}
	return Decode(msg, opt), nil
}

// Decode reports what msg says. opt.Dialect, when it names a known dialect,
// overrides detection; opt.Entry is not used (msg holds the entry read).
func Decode(msg *message.Message, opt Options) *Report {
	d := newDoc(msg)
	r := &Report{yield: opt.Yield}
	all := registry
	if len(opt.Dialects) > 0 {
		all = append(all[:len(all):len(all)], opt.Dialects[:min(len(opt.Dialects), 24)]...)
	}
	r.dialect = detect(d, r, all, opt.find(opt.Dialect))
	if r.dialect.decode != nil {
		r.dialect.decode(d, r)
	}
	switch { // the generic reader: all of a body no decoder read, what a decoder left
	case d.kind == "xml" && !d.root.Exists(): // else the text and aws decoders read it, or it is XML problem details
		readXML(d, r)
	case d.root.Exists() && (d.kind != "xml" || r.dialect == problemDetails):
		readJSON(d, r, &d.top)
	}
	finish(d, r)
	d.free()
	return r
}

// find returns the built-in or custom dialect with id, or nil.
func (opt *Options) find(id string) *Dialect {
	for _, d := range opt.Dialects {
		if d.ID == id {
			return d
		}
	}
	return Lookup(id)
}

// docs recycles docs and their member arrays: reading the body's members into
// them is most of a small paste's cost, and no report keeps a reference to them.
var docs = sync.Pool{New: func() any { return new(doc) }}

func newDoc(msg *message.Message) *doc {
	d := docs.Get().(*doc)
	top, inner, err0 := d.top.m[:0], d.inner.m[:0], d.err0.m[:0]
	*d = doc{msg: msg, ct: msg.Headers.MediaType(), body: strings.TrimSpace(msg.Body)}
	d.kind = bodyKind(d)
	if d.kind == "json" || d.ct == "text/event-stream" {
		d.tooDeep = tooDeep(d.body)
	}
	body, valid := d.body, d.kind == "json" && d.tooDeep < 0 && gjson.Valid(d.body)
	if d.tooDeep < 0 && (d.kind == "json" && !valid || d.ct == "text/event-stream") {
		if line := streamedError(body); line != "" {
			body, valid, d.kind = line, true, "json"
		} else if fixed, at := dropTrailingCommas(body); at >= 0 && d.kind == "json" && gjson.Valid(fixed) {
			body, valid, d.comma = fixed, true, at+1 // a docs example's {"message": "...",}: read, and said
		} else {
			valid = false
		}
	}
	if d.kind == "xml" && (d.ct == "application/problem+xml" || strings.Contains(body[:min(len(body), 512)], "urn:ietf:rfc:7807")) {
		if tree := xmlTree(body); gjson.Valid(tree) {
			body, valid = tree, true // RFC 9457's XML problem details, read as the JSON ones are
		}
	}
	if valid {
		d.root = gjson.Parse(body)
		d.top = newObj("", d.root, top)
		if e := d.top.get("error"); e.IsObject() {
			d.inner = newObj("error", e, inner)
		}
		if e := first(d.top.get("errors")); e.IsObject() {
			d.err0 = newObj("errors[0]", e, err0)
		}
	}
	d.opened = append(d.openedBuf[:0], &d.top)
	return d
}

// streamedError returns the last line of a stream of JSON lines or of
// server-sent events that is an error object: a streaming API's error after
// its first chunks (Ollama's NDJSON, an SSE "data:" line), or "".
func streamedError(body string) string {
	for rest := body; strings.IndexByte(body, '\n') > 0; {
		i := strings.LastIndexByte(rest, '\n')
		line := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest[i+1:]), "data:"))
		if strings.HasPrefix(line, "{") && gjson.Valid(line) && looksLikeError(gjson.Parse(line)) {
			return line
		}
		if i < 0 {
			break
		}
		rest = rest[:i]
	}
	return ""
}

// dropTrailingCommas blanks every comma that only a closing bracket follows,
// outside strings, keeping every other byte where it is; at is the first
// one's offset, or -1 when there is none.
func dropTrailingCommas(s string) (fixed string, at int) {
	b, at, inString := []byte(nil), -1, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case c == ',' && !inString:
			j := i + 1
			for j < len(s) && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r') {
				j++
			}
			if j < len(s) && (s[j] == '}' || s[j] == ']') {
				if b == nil {
					b, at = []byte(s), i
				}
				b[i] = ' '
			}
		}
	}
	if b == nil {
		return s, -1
	}
	return string(b), at
}

// free returns d to the pool, dropping its references to the paste.
func (d *doc) free() {
	for _, o := range []*obj{&d.top, &d.inner, &d.err0} {
		clear(o.m)
	}
	docs.Put(d)
}

// maxNesting is how deep JSON may nest: encoding/json's limit. gjson reads
// recursively, and WASM's call stack is small, so deeper bodies are not read.
const maxNesting = 10000

// tooDeep returns the offset at which s nests deeper than maxNesting, or -1.
func tooDeep(s string) int {
	if strings.Count(s, "{")+strings.Count(s, "[") <= maxNesting {
		return -1
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"': // to the string's closing quote: the next one no odd run of backslashes escapes
			for {
				j := strings.IndexByte(s[i+1:], '"')
				if j < 0 {
					return -1
				}
				i += j + 1
				k := i
				for k > 0 && s[k-1] == '\\' {
					k--
				}
				if (i-k)%2 == 0 {
					break
				}
			}
		case '{', '[':
			if depth++; depth > maxNesting {
				return i
			}
		case '}', ']':
			depth--
		}
	}
	return -1
}

// bodyKind classifies the body from its first bytes and the content type.
func bodyKind(d *doc) string {
	b := d.body
	switch {
	case b == "" && d.msg.Unrecorded > 0:
		return "unrecorded"
	case b == "":
		return "empty"
	case isBinary(b):
		return "binary"
	case b[0] == '{' || b[0] == '[':
		return "json"
	case isJSONType(d.ct) && gjson.Valid(b):
		return "json" // a bare JSON string or number
	case isHTML(d.ct, b):
		return "html"
	case b[0] == '<' || strings.HasSuffix(d.ct, "/xml") || strings.HasSuffix(d.ct, "+xml"):
		return "xml"
	}
	return "text"
}

func isHTML(ct, b string) bool {
	if (ct == "text/html" || ct == "application/xhtml+xml") && strings.IndexByte(b, '<') >= 0 {
		return true // text/html without a tag is text
	}
	head := strings.ToLower(b[:min(len(b), 512)])
	if strings.Contains(head, "<!doctype html") {
		return true // also an XHTML page after its XML declaration (the EC2 metadata service's, sent as text/plain)
	}
	if (strings.HasPrefix(b, "<?xml") || strings.HasSuffix(ct, "/xml") || strings.HasSuffix(ct, "+xml")) && !strings.Contains(ct, "html") {
		return false // XML that happens to have a <title>, or BOSH's <body condition=...> (XEP-0124)
	}
	if tag, _, _ := strings.Cut(b, ">"); b[0] == '<' && strings.Contains(tag, "xmlns") && !strings.Contains(tag, "xhtml") {
		return false // a root in its own namespace: Vivox's <response xmlns="http://www.vivox.com"> with a <body>
	}
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<title", "<h1"} {
		if strings.Contains(head, tag) {
			return true
		}
	}
	return false
}

// isBinary reports a NUL byte, or a compressed or image signature, near the start.
func isBinary(b string) bool {
	head := b[:min(len(b), 8192)]
	// A NUL only at the end is a C string's terminator, sent along (Tor's pages).
	return strings.IndexByte(strings.TrimRight(head, "\x00"), 0) >= 0 || binaryKind(head) != ""
}

// binaryKind names what a binary body starts like, or "".
func binaryKind(b string) string {
	for _, m := range []struct{ magic, name string }{
		{"\x1f\x8b", "gzip"}, {"\x28\xb5\x2f\xfd", "zstd"}, {"\x89PNG", "PNG image"},
		{"\xff\xd8\xff", "JPEG image"}, {"GIF8", "GIF image"}, {"PK\x03\x04", "zip archive"},
	} {
		if strings.HasPrefix(b, m.magic) {
			return m.name
		}
	}
	return ""
}

// minScore is what a dialect's detector must reach for its dialect to be chosen
// over the body kind's fallback (generic-json, html, text, empty): a body that
// fits no dialect is never forced into one.
const minScore = 50

// detect scores every dialect of all and names the best in r, with the
// evidence and the close runners-up, and returns it. forced, when not nil, is
// taken whatever the scores.
func detect(d *doc, r *Report, all []*Dialect, forced *Dialect) *Dialect {
	s := &d.score
	s.ev = s.evBuf[:0]
	points := &s.points
	best := -1
	for i, dl := range all {
		if dl.detect == nil {
			continue
		}
		if dl.anchors != nil && d.top.present(vAnchor)&dl.anchorBits == 0 {
			continue
		}
		s.dialect = i
		dl.detect(d, s)
		points[i] = min(max(points[i], 0), 100)
		if points[i] > 0 && (best < 0 || points[i] > points[best] || points[i] == points[best] && dl.Custom) {
			best = i
		}
	}
	chosen := best
	if best < 0 || points[best] < minScore {
		chosen = fallback(d)
	}
	if forced != nil {
		chosen = slices.Index(all, forced)
		r.Overridden = true
	}
	r.Dialect = all[chosen].ID
	r.Confidence = float64(points[chosen]) / 100
	if all[chosen].detect == nil {
		r.Confidence = fallbackConfidence(d, points[max(best, 0)])
		r.Evidence = append(r.Evidence, fallbackEvidence(d))
	}
	n := 0
	for _, e := range s.ev {
		if e.dialect == chosen {
			n++
		}
	}
	if n > 0 && r.Evidence == nil {
		r.Evidence = make([]string, 0, n)
	}
	for _, e := range s.ev {
		if e.dialect == chosen {
			r.Evidence = append(r.Evidence, e.text)
		}
	}
	// Runners-up: within 30 points of the choice, best first.
	top := points[chosen]
	if all[chosen].detect == nil {
		top = minScore
	}
	for i, p := range points[:len(all)] {
		if i != chosen && p >= 20 && p > top-30 {
			r.Alternatives = append(r.Alternatives, Alternative{all[i].ID, float64(p) / 100})
		}
	}
	sort.Stable(mostConfident(r.Alternatives))
	if len(r.Alternatives) > 4 {
		r.Alternatives = r.Alternatives[:4]
	}
	return all[chosen]
}

// fallback is the dialect for a body no detector claims: by its kind.
func fallback(d *doc) int {
	switch {
	case d.kind == "empty":
		return emptyBody.index
	case d.kind == "unrecorded":
		return unrecorded.index
	case d.kind == "html":
		return html.index
	case d.kind == "json" && d.root.Exists():
		return genericJSON.index
	}
	return plainText.index
}

// fallbackConfidence is how sure a fallback is: certain for an empty, HTML or
// text body, less so for JSON the closer a dialect came to claiming it.
func fallbackConfidence(d *doc, bestPoints int) float64 {
	if d.kind == "json" && d.root.Exists() {
		return float64(100-bestPoints) / 100
	}
	return 0.9
}

func fallbackEvidence(d *doc) string {
	switch {
	case d.kind == "empty":
		return "the response has no body"
	case d.kind == "unrecorded":
		return "the HAR file did not record the body (" + itoa(d.msg.Unrecorded) + " bytes were received)"
	case d.kind == "html":
		return "the body is HTML"
	case d.kind == "json" && d.root.Exists():
		return "the body is JSON in no known error dialect's shape"
	case d.kind == "json":
		return "the body looks like JSON but does not parse"
	case d.kind == "binary":
		return "the body is binary"
	case d.kind == "xml":
		return "the body is XML in no known error dialect's shape"
	}
	return "the body is plain text"
}

// evidence is one reason a detector gave points.
type evidence struct {
	dialect int
	text    string
}

// score collects the detectors' points and their reasons; dialect is the one
// being scored.
type score struct {
	dialect int
	points  [64]int
	ev      []evidence
	evBuf   [32]evidence
}

// add gives the dialect being scored points for a reason.
func (s *score) add(points int, why string) {
	s.points[s.dialect] += points
	s.ev = append(s.ev, evidence{s.dialect, why})
}

// penalize takes points from the dialect being scored: the body has a trait
// of another dialect.
func (s *score) penalize(points int) { s.points[s.dialect] -= points }

// finish fills what every dialect shares: statuses, request id, unmapped
// members, the body's description and the request.
func finish(d *doc, r *Report) {
	m := d.msg
	if message.Digits(r.Code) && strings.Contains(r.Type, "_") && (len(r.Code) > 3 && isUpperSnake(r.Type) || r.Code == "1" && codeLike(r.Type)) {
		r.Code = r.Type // a symbolic code wins over a number (Flutterwave's {type: "REQUEST_NOT_VALID", code: "10400"}) or a flag (Hoopr's {"code": 1, "type": "invalid_token"})
	}
	r.Status = m.Status
	if r.Status == 0 {
		r.Status = r.BodyStatus
	} else if r.BodyStatus != 0 && r.BodyStatus != r.Status {
		r.Warnings = append(r.Warnings, fmt.Sprintf("the status line says %d but the body says %d: the status line is what clients act on", r.Status, r.BodyStatus))
	}
	r.Reason = m.Reason
	if r.Reason == "" || m.Status == 0 {
		r.Reason = ReasonPhrase(r.Status)
	}
	if r.Message == "" && r.Title == "" && r.Detail == "" && m.Reason != "" && ReasonPhraseStatus(m.Reason) == 0 && !strings.EqualFold(m.Reason, ReasonPhrase(m.Status)) && m.Reason != "unknown" { // Node's phrase for a status it does not know
		r.Message = m.Reason // a reason phrase of the server's own: "403 Access violation"
	}
	if r.RequestID == "" {
		r.RequestID, r.RequestIDSource = requestIDHeader(m.Headers)
	}
	readHeaders(d, r)
	for _, o := range d.opened {
		for _, mb := range o.m {
			if !mb.used {
				r.Members = append(r.Members, Member{Path: joinKey(o.path, mb.key), Value: mb.val.Raw})
			}
		}
	}
	if m.Method != "" {
		r.Request = Request{Method: m.Method, URL: m.URL, Source: string(m.Format)}
	}
	r.Request.Header = m.RequestHeaders
	r.Headers, r.BodyText = m.Headers, d.body
	r.Entries, r.Entry = m.Entries, m.Entry
	r.Body = Body{Format: m.Format, ContentType: m.Headers.Get("Content-Type"), Kind: d.kind, Bytes: len(m.Body), Line: m.BodyLine, Offset: -1}
	if m.BodyAsPasted {
		r.Body.Offset = m.BodyOffset + strings.Index(m.Body, d.body)
	}
	for _, n := range m.Notes {
		r.Body.Notes = append(r.Body.Notes, n.String())
	}
	describeBody(d, r)
	if r.FieldErrors == nil {
		r.FieldErrors = []FieldError{}
	}
	if r.Errors == nil {
		r.Errors = []Issue{}
	}
	if r.Members == nil {
		r.Members = []Member{}
	}
	if r.Warnings == nil {
		r.Warnings = []string{}
	}
	if r.Alternatives == nil {
		r.Alternatives = []Alternative{}
	}
}

// describeBody warns of what keeps a body from being read: invalid JSON (with
// its position in the paste), binary or compressed data, invalid UTF-8.
func describeBody(d *doc, r *Report) {
	m := d.msg
	switch d.kind {
	case "json":
		if d.tooDeep >= 0 {
			r.Body.SyntaxError = position(m, d.tooDeep+strings.Index(m.Body, d.body), "the JSON nests deeper than 10000 levels; errlens reads no further")
			r.Warnings = append(r.Warnings, r.Body.SyntaxError.Error())
		} else if !d.root.Exists() {
			r.Body.SyntaxError = locateSyntaxError(m)
			r.Warnings = append(r.Warnings, r.Body.SyntaxError.Error())
		} else if d.comma > 0 {
			r.Body.SyntaxError = position(m, d.comma-1+strings.Index(m.Body, d.body), "a comma before a closing bracket is not JSON; read as if it were not there")
			r.Warnings = append(r.Warnings, r.Body.SyntaxError.Error())
		} else if d.root.Raw != d.body {
			r.Body.Notes = append(r.Body.Notes, "a stream of JSON lines or server-sent events: its last error line is what is read")
		}
	case "binary":
		what := binaryKind(d.body)
		if what == "" {
			what = "binary data"
		}
		w := fmt.Sprintf("the body is %s (%d bytes), not text", what, len(m.Body))
		if ce := d.header("Content-Encoding"); ce != "" {
			w += fmt.Sprintf("; it is still compressed (Content-Encoding: %s): run curl with --compressed", ce)
		}
		r.Warnings = append(r.Warnings, w)
		return
	}
	if !utf8.ValidString(m.Body) {
		off := firstInvalidUTF8(m.Body)
		cs := message.Param(d.header("Content-Type"), "charset")
		w := fmt.Sprintf("the body is not valid UTF-8 (first bad byte at offset %d of the body)", off)
		if cs != "" {
			w += "; Content-Type says charset=" + cs
		}
		r.Warnings = append(r.Warnings, w)
	}
}

func firstInvalidUTF8(s string) int {
	for i, c := range s {
		if c == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return i
			}
		}
	}
	return len(s)
}

// locateSyntaxError finds where a JSON body stops being JSON, as a line and
// column of the paste.
func locateSyntaxError(m *message.Message) *SyntaxError {
	var raw json.RawMessage
	err := json.Unmarshal([]byte(m.Body), &raw)
	off, msg := len(m.Body), "the JSON is not valid"
	if se, ok := err.(*json.SyntaxError); ok {
		off, msg = int(se.Offset), se.Error()
	}
	// encoding/json's offset counts the bytes read, the bad one included.
	if off > 0 && off <= len(m.Body) && msg != "unexpected end of JSON input" {
		off--
	}
	return position(m, off, msg)
}

// position turns a byte offset in the body into a position in the paste.
func position(m *message.Message, off int, msg string) *SyntaxError {
	off = min(max(off, 0), len(m.Body))
	line, col := m.BodyLine+strings.Count(m.Body[:off], "\n"), off-strings.LastIndexByte(m.Body[:off], '\n')
	return &SyntaxError{Msg: msg, Line: line, Column: col, Offset: m.BodyOffset + off}
}

// requestIDHeaders are the response headers that carry a request id, most
// specific first.
var requestIDHeaders = []string{
	"X-Request-Id", "Request-Id", "X-Amzn-RequestId", "X-Amz-Request-Id",
	"X-GitHub-Request-Id", "X-Ms-Request-Id", "X-Correlation-Id", "Correlation-Id",
	"X-Trace-Id", "Trace-Id", "Audit-Id", "Fly-Request-Id", "X-Railway-Request-Id",
	"Grpc-Metadata-X-Request-Id", "Opc-Request-Id", "Apigw-Requestid", "X-Fapi-Interaction-Id",
}

// requestIDFallbacks identify the request to a CDN, a proxy or a tracer: used
// when no header names the API's own request id.
var requestIDFallbacks = []string{
	"X-Amz-Cf-Id", "Cf-Ray", "X-Vercel-Id", "X-Cloud-Trace-Context", "X-Varnish", "Traceparent", "Traceresponse",
}

// requestIDHeader returns the response's request id: from the first of
// requestIDHeaders present, else from any header named like one
// ("X-Dropbox-Request-Id", "Twilio-Request-Id", ClickHouse's "X-ClickHouse-Query-Id").
func requestIDHeader(h message.Headers) (id, source string) {
	for _, name := range requestIDHeaders {
		if v, ok := h.Lookup(name); ok && v != "" {
			return v, name
		}
	}
	for _, f := range h {
		n := asciiLower(f.Name)
		if f.Value != "" && (strings.HasSuffix(n, "request-id") || strings.HasSuffix(n, "requestid") || strings.HasSuffix(n, "req-id") || strings.HasSuffix(n, "request-uuid") || strings.HasSuffix(n, "-trace-id") || strings.HasSuffix(n, "-reference-id") || strings.HasSuffix(n, "-query-id")) {
			return f.Value, f.Name
		}
	}
	for _, name := range requestIDFallbacks {
		if v, ok := h.Lookup(name); ok && v != "" {
			switch name {
			case "Traceparent", "Traceresponse":
				// version-traceid-parentid-flags (W3C Trace Context §3.2)
				if parts := strings.Split(v, "-"); len(parts) == 4 {
					v = parts[1]
				}
			case "X-Varnish":
				v, _, _ = strings.Cut(v, " ") // this request's XID, then the cached one's
			}
			return v, name
		}
	}
	return "", ""
}

// mostConfident orders alternatives by confidence, highest first. (One
// sort.Sort serves every element type; a generic sort would be compiled again
// for each, and app.wasm is on a budget.)
type mostConfident []Alternative

func (s mostConfident) Len() int           { return len(s) }
func (s mostConfident) Less(i, j int) bool { return s[i].Confidence > s[j].Confidence }
func (s mostConfident) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }
