package dialects

// AWS error responses (Smithy protocols, https://smithy.io/2.0/aws/protocols/):
// the JSON protocols' {"__type": "...#ValidationException", "message": ...} with
// x-amzn-ErrorType and x-amzn-RequestId headers; the REST-XML (S3) <Error> and
// the Query protocol's <ErrorResponse><Error>...</Error><RequestId>; EC2's
// <Response><Errors><Error>.

import (
	"strings"

	"github.com/errlens/errlens/dialects/message"

	"github.com/tidwall/gjson"
)

var aws = &Dialect{
	ID:          "aws",
	Name:        "AWS",
	Description: "AWS service errors: JSON __type and message, or XML <Error> with Code, Message, RequestId.",
	Spec:        "https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization",
	detect:      detectAWS,
	decode:      decodeAWS,
}

func detectAWS(d *doc, s *score) {
	if d.hasHeader("X-Amzn-ErrorType") && d.kind != "empty" {
		s.add(60, "X-Amzn-ErrorType header")
	}
	if d.hasHeader("X-Amzn-RequestId") || d.hasHeader("X-Amz-Request-Id") {
		s.add(15, "x-amzn-RequestId or x-amz-request-id header")
	}
	if t := d.top.get("__type"); t.Type == gjson.String {
		s.add(70, `has "__type"`)
	}
	if strings.HasPrefix(d.ct, "application/x-amz-json") && d.kind == "json" { // not local-kms's sentence under it
		s.add(60, "Content-Type is "+d.ct)
	}
	if d.top.has("message") || d.top.has("Message") {
		s.add(5, "message")
	}
	if c := xmlTag(d.body, "Code"); d.kind == "xml" && c != "" && !message.Digits(c) {
		if strings.Contains(d.body, "<Error>") && strings.Contains(d.body, "<Message>") {
			s.add(60, "XML <Error> with a <Code>")
		} else if strings.Contains(d.body, "<Error>") {
			s.add(40, "XML <Error> with a <Code> and no <Message> (S3's NoSuchKey from some servers)")
		}
		if xmlTag(d.body, "RequestId") != "" || xmlTag(d.body, "RequestID") != "" {
			s.add(30, "XML <RequestId>")
		}
	}
}

func decodeAWS(d *doc, r *Report) {
	if d.kind == "xml" {
		readXML(d, r)
		for _, o := range d.opened {
			if r.Type == "" { // Sender or Receiver (Query protocol)
				r.Type = o.str("Type")
			}
			if r.Instance == "" {
				r.Instance = o.str("Resource")
			}
		}
		if _, id, ok := strings.Cut(r.Message, "RequestId:"); ok && r.RequestID == "" { // Azure Storage
			id, _, _ = strings.Cut(strings.TrimSpace(id), "\n")
			id, _, _ = strings.Cut(id, " ")
			r.RequestID, r.RequestIDSource = strings.TrimSpace(id), "body <Message>"
		}
		if p := xmlTag(d.body, "QueryParameterName"); p != "" {
			r.addField(p, p, xmlTag(d.body, "Reason"), "", gjson.Result{})
		}
		return
	}
	t := &d.top
	typ := firstNonEmpty(t.str("__type"), t.str("code"), d.header("X-Amzn-ErrorType"))
	r.Type = typ
	r.Code = awsCode(typ)
	r.Message = t.str("message")
	if r.Message == "" {
		r.Message = t.str("Message")
	}
	readItems(r, t.take("fieldList"), 0)
}

// awsCode shortens "com.amazon.coral.validate#ValidationException" and
// "ValidationException:http://internal.amazon.com/coral/..." to the exception name.
func awsCode(t string) string {
	if i := strings.LastIndexByte(t, '#'); i >= 0 {
		t = t[i+1:]
	}
	t, _, _ = strings.Cut(t, ":")
	return t
}

// xmlTag returns the text of the first <name>...</name> element, with XML's
// predefined entities decoded, or "".
func xmlTag(body, name string) string {
	open := "<" + name + ">"
	i := strings.Index(body, open)
	if i < 0 {
		return ""
	}
	rest := body[i+len(open):]
	j := strings.Index(rest, "</"+name+">")
	if j < 0 {
		return ""
	}
	return unescape(strings.TrimSpace(rest[:j]))
}

// xmlLocal is xmlTag for an element of any namespace prefix:
// <ns0:responsedescription> as well as <responsedescription>.
func xmlLocal(body, name string) string {
	for i := 0; ; {
		j := strings.Index(body[i:], name+">")
		if j < 0 {
			return ""
		}
		j += i
		start := strings.LastIndexByte(body[:j], '<')
		if prefix := body[start+1 : j]; start >= 0 && (prefix == "" || strings.HasSuffix(prefix, ":") && !strings.ContainsAny(prefix, "/ ")) {
			rest := body[j+len(name)+1:]
			if k := strings.Index(rest, "</"+prefix+name+">"); k >= 0 {
				return unescape(strings.TrimSpace(rest[:k]))
			}
		}
		i = j + len(name)
	}
}
