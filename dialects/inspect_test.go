package dialects

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/errlens/errlens/dialects/message"
	"github.com/tidwall/gjson"
)

func inspect(t *testing.T, in string) *Report {
	t.Helper()
	r, err := Inspect(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestNeverForced: JSON that fits no dialect is generic-json, with its common
// members still read.
func TestNeverForced(t *testing.T) {
	tests := []struct{ in, msg, code string }{
		{`{"foo": 1, "bar": [1, 2]}`, "", ""},
		{`{"error": "Not found"}`, "Not found", ""},
		{`{"message": "Quota exceeded", "code": 4031}`, "Quota exceeded", "4031"},
		{`{"msg": "nope", "error_code": "E42"}`, "nope", "E42"},
		{`[1, 2, 3]`, "", ""},
		{`"just a string"`, "just a string", ""},
	}
	for _, tt := range tests {
		r := inspect(t, "Content-Type: application/json\n\n"+tt.in)
		if r.Dialect != "generic-json" || r.Message != tt.msg || r.Code != tt.code {
			t.Errorf("%s: got %s message=%q code=%q", tt.in, r.Dialect, r.Message, r.Code)
		}
	}
}

func TestOverrideAndAlternatives(t *testing.T) {
	// Stripe's type but seed 002's status member: the status tips it, and
	// Stripe is listed as the runner-up.
	in := `{"error": {"type": "invalid_request_error", "code": "x", "message": "m", "status": 400, "param": "p"}}`
	r := inspect(t, in)
	if r.Dialect != "error-object" || len(r.Alternatives) == 0 || r.Alternatives[0].Dialect != "stripe" {
		t.Errorf("got %s, alternatives %v", r.Dialect, r.Alternatives)
	}
	r, err := Inspect(in, Options{Dialect: "stripe"})
	if err != nil || r.Dialect != "stripe" || !r.Overridden || len(r.FieldErrors) != 1 {
		t.Errorf("override: %v %+v", err, r)
	}
	if _, err := Inspect(in, Options{Dialect: "nope"}); err == nil || !strings.Contains(err.Error(), "problem-details") {
		t.Errorf("unknown dialect: %v", err)
	}
}

func TestStatusCrossCheck(t *testing.T) {
	r := inspect(t, "HTTP/1.1 400 Bad Request\n\n{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":422}")
	if r.Status != 400 || r.BodyStatus != 422 || !containsText(r.Warnings, "status line says 400 but the body says 422") {
		t.Errorf("status %d body %d warnings %q", r.Status, r.BodyStatus, r.Warnings)
	}
	r = inspect(t, `{"type":"about:blank","title":"Not Found","status":404}`)
	if r.Status != 404 || r.Reason != "Not Found" {
		t.Errorf("status from body: %d %q", r.Status, r.Reason)
	}
}

func TestRequestIDHeaders(t *testing.T) {
	tests := []struct{ header, id, source string }{
		{"X-Request-Id: abc", "abc", "X-Request-Id"},
		{"x-amzn-RequestId: 9f", "9f", "X-Amzn-RequestId"},
		{"cf-ray: 8d2f-FRA", "8d2f-FRA", "Cf-Ray"},
		{"Audit-Id: k8s", "k8s", "Audit-Id"},
		{"traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "4bf92f3577b34da6a3ce929d0e0e4736", "Traceparent"},
	}
	for _, tt := range tests {
		r := inspect(t, "HTTP/1.1 500 Internal Server Error\n"+tt.header+"\n\n")
		if r.RequestID != tt.id || r.RequestIDSource != tt.source {
			t.Errorf("%s: got %q from %q", tt.header, r.RequestID, r.RequestIDSource)
		}
	}
}

// TestSyntaxErrorPosition: invalid JSON is located in the paste, and the
// headers are still read.
func TestSyntaxErrorPosition(t *testing.T) {
	in := "HTTP/1.1 429 Too Many Requests\r\nX-Request-Id: r1\r\n\r\n{\n  \"error\": \"slow down\",\n  \"retry\": tru\n}"
	r := inspect(t, in)
	se := r.Body.SyntaxError
	if se == nil {
		t.Fatal("no syntax error")
	}
	// The bad byte is the "\n" after "tru", line 6 column 15 of the paste.
	if se.Line != 6 || se.Column != 15 || in[se.Offset] != '\n' || in[se.Offset-3:se.Offset] != "tru" {
		t.Errorf("got %+v (byte %q)", se, in[se.Offset])
	}
	if r.Status != 429 || r.RequestID != "r1" || r.Dialect != "text" {
		t.Errorf("headers lost: %d %q %s", r.Status, r.RequestID, r.Dialect)
	}
	if !containsText(r.Warnings, "invalid JSON at line 6, column 15") {
		t.Errorf("warnings %q", r.Warnings)
	}
}

// TestTrailingComma: a body that is JSON but for commas before closing
// brackets is read, its first such comma located; commas inside strings and
// other invalid JSON are not taken for one.
func TestTrailingComma(t *testing.T) {
	in := "HTTP/1.1 422 Unprocessable Entity\n\n{\n  \"message\": \"a, }\",\n  \"errors\": [{\"field\": \"name\", \"message\": \"is required\",},],\n}"
	r := inspect(t, in)
	se := r.Body.SyntaxError
	if se == nil || se.Line != 5 || in[se.Offset] != ',' || in[se.Offset-12:se.Offset] != `is required"` {
		t.Fatalf("syntax error %+v", se)
	}
	if r.Message != "a, }" || len(r.FieldErrors) != 1 || r.FieldErrors[0].Path != "name" || r.BodyText[r.FieldErrors[0].Offset] != '{' {
		t.Errorf("message %q, fields %+v", r.Message, r.FieldErrors)
	}
	if se := inspect(t, "HTTP/1.1 400 Bad Request\n\n{\"a\": 1,, }").Body.SyntaxError; se == nil || strings.Contains(se.Msg, "read as if") {
		t.Errorf("a doubled comma read as a trailing one: %+v", se)
	}
}

// TestStreamedError: a streaming API's error after its first chunks, in JSON
// lines or server-sent events, is read from its line and said to be one; a
// stream with no error line stays invalid JSON.
func TestStreamedError(t *testing.T) {
	for _, in := range []string{
		"HTTP/1.1 200 OK\nContent-Type: application/x-ndjson\n\n{\"response\":\"Hi\",\"done\":false}\n{\"error\":\"model crashed\"}\n",
		"HTTP/1.1 200 OK\nContent-Type: text/event-stream\n\nevent: message\ndata: {\"delta\":\"Hi\"}\n\nevent: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"model crashed\"}}\n\n",
	} {
		r := inspect(t, in)
		if r.Message != "model crashed" || r.Body.SyntaxError != nil || !containsText(r.Body.Notes, "last error line") {
			t.Errorf("%q: message %q, syntax error %v, notes %q", in[:40], r.Message, r.Body.SyntaxError, r.Body.Notes)
		}
	}
	r := inspect(t, "HTTP/1.1 200 OK\n\n{\"a\":1}\n{\"b\":2}\n")
	if r.Body.SyntaxError == nil || r.Message == "model crashed" {
		t.Errorf("a stream of no error: %+v", r.Body)
	}
}

func TestBinaryAndEncodings(t *testing.T) {
	r := inspect(t, "HTTP/1.1 500 Internal Server Error\nContent-Encoding: gzip\n\n\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03")
	if r.Body.Kind != "binary" || !containsText(r.Warnings, "gzip") || !containsText(r.Warnings, "--compressed") {
		t.Errorf("gzip: %s %q", r.Body.Kind, r.Warnings)
	}
	r = inspect(t, "HTTP/1.1 400 Bad Request\nContent-Type: text/plain; charset=ISO-8859-1\n\nCaf\xe9 ferm\xe9")
	if r.Body.Kind != "text" || !containsText(r.Warnings, "not valid UTF-8 (first bad byte at offset 3") || !containsText(r.Warnings, "charset=ISO-8859-1") {
		t.Errorf("latin-1: %s %q", r.Body.Kind, r.Warnings)
	}
}

// TestHostileSizes: a 10 MB body and JSON nested 100,000 deep are read
// without a panic, and a paste over the limit is refused with its size.
func TestHostileSizes(t *testing.T) {
	big := `{"message": "too big", "items": [` + strings.Repeat(`{"id": 12345, "name": "abcdefghij"},`, 10<<20/36) + `{}]}`
	r := inspect(t, "HTTP/1.1 413 Content Too Large\n\n"+big)
	if r.Dialect != "generic-json" || r.Message != "too big" || r.Body.Bytes < 10<<20 {
		t.Errorf("10 MB: %s %q %d", r.Dialect, r.Message, r.Body.Bytes)
	}
	for _, deep := range []string{
		strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
		strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000),
		`{"errors": {"a": ` + strings.Repeat(`{"b":`, 100000) + `["x"]` + strings.Repeat("}", 100001),
		strings.Repeat("[", 100000), // invalid: never closed
	} {
		r := inspect(t, deep)
		if r.Dialect == "" {
			t.Error("no dialect for deep nesting")
		}
		if se := r.Body.SyntaxError; se == nil || !strings.Contains(se.Msg, "deeper than 10000") || deep[se.Offset] != deep[0] {
			t.Errorf("deep nesting not located: %+v", se)
		}
	}
	// Brackets inside strings do not nest, whatever backslashes precede
	// their quotes; a quote after an even run of them ends the string.
	brackets := strings.Repeat("[", 10001)
	for _, shallow := range []string{
		`{"message": "` + brackets + `", "code": "x"}`,
		`{"message": "\"` + brackets + `\\", "code": "x"}`,
		`{"message": "a\\", "code": "x", "hint": "` + brackets + `"}`,
	} {
		if r := inspect(t, shallow); r.Body.SyntaxError != nil || r.Code != "x" {
			t.Errorf("brackets in a string read as nesting: %+v %q", r.Body.SyntaxError, r.Code)
		}
	}
	if r := inspect(t, `{"m": "a\\"`+strings.Repeat("[", 10001)); r.Body.SyntaxError == nil || !strings.Contains(r.Body.SyntaxError.Msg, "deeper than 10000") {
		t.Errorf("nesting after an escaped backslash not seen: %+v", r.Body.SyntaxError)
	}
	_, err := Inspect(strings.Repeat(" ", message.MaxInput+1), Options{})
	var tooLarge *message.TooLargeError
	if !errors.As(err, &tooLarge) || !strings.Contains(err.Error(), "33554433 bytes") {
		t.Errorf("over the limit: %v", err)
	}
}

// TestYield: a long list of error items is read in parts, with Options.Yield
// called between them, into the same report as when read at once.
func TestYield(t *testing.T) {
	var b strings.Builder
	b.WriteString("HTTP/1.1 422 Unprocessable Content\ncontent-type: application/problem+json\n\n" + `{"title": "Invalid rows", "errors": [`)
	const n = 5 * yieldEvery
	for i := range n {
		fmt.Fprintf(&b, `{"pointer": "/rows/%d/amount", "detail": "must be positive"},`, i)
	}
	b.WriteString(`{"pointer": "/name", "detail": "is required"}]}`)
	calls := 0
	got, err := Inspect(b.String(), Options{Yield: func() { calls++ }})
	if err != nil {
		t.Fatal(err)
	}
	want := inspect(t, b.String())
	if calls != (n+1)/yieldEvery || len(got.FieldErrors) != n+1 || !reflect.DeepEqual(got.FieldErrors, want.FieldErrors) {
		t.Errorf("%d calls of Yield, %d field errors (%d read at once)", calls, len(got.FieldErrors), len(want.FieldErrors))
	}
}

// TestUnrecordedBody: HAR entries whose body Chromium did not save (captured
// with content omitted) are said to be so, with the size that was received,
// while the status and headers are read as usual.
func TestUnrecordedBody(t *testing.T) {
	for _, tt := range []struct {
		file      string
		status    int
		bytes     string
		requestID string
	}{
		{"testdata/unrecorded/chromium-429-omitted.gallery.http", 429, "63 bytes", ""},
		{"testdata/unrecorded/chromium-422-omitted.http", 422, "341 bytes", "req-7f3a9c2e-0001"},
	} {
		in, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		r := inspect(t, string(in))
		if r.Dialect != "unrecorded" || r.Body.Kind != "unrecorded" || r.Status != tt.status || r.RequestID != tt.requestID ||
			len(r.Evidence) != 1 || !strings.Contains(r.Evidence[0], "did not record the body ("+tt.bytes) {
			t.Errorf("%s: %s (%s) %d %q %v", tt.file, r.Dialect, r.Body.Kind, r.Status, r.RequestID, r.Evidence)
		}
	}
	// A redirect has no body to record: it is the empty dialect.
	in, err := os.ReadFile("testdata/har/chromium-bodies-omitted.har")
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := Inspect(string(in), Options{Entry: 6}); r.Dialect != "empty" || r.Status != 301 {
		t.Errorf("the 301 entry: %s %d", r.Dialect, r.Status)
	}
}

func TestPaths(t *testing.T) {
	tests := []struct{ got, want string }{
		{fromDotted("items.0.name"), "items[0].name"},
		{fromDotted("$.items[0].name"), "items[0].name"},
		{fromDotted("name"), "name"},
		{fromPointer("/data/attributes/firstName"), "firstName"},
		{fromPointer("/items/0/a~1b~0c"), "items[0].a/b~c"},
		{normPath("#/profile/color"), "profile.color"},
		{stripeParam("line_items[0][quantity]"), "line_items[0].quantity"},
		{fromSlashes("/items/0/price"), "items[0].price"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestMessagePatterns(t *testing.T) {
	tests := []struct{ msg, field, rest string }{
		{"body/items/0/price must be >= 0", "items[0].price", "must be >= 0"},
		{"body must have required property 'name'", "name", "must have required property 'name'"},
		{"querystring/limit must be integer", "limit", "must be integer"},
		{"address.city should not be empty", "address.city", "address.city should not be empty"},
		{"each value in tags must be a string", "tags", "each value in tags must be a string"},
		{"property role should not exist", "role", "property role should not exist"},
		{"Request must include a body", "", ""},
		{"something went wrong", "", ""},
	}
	for _, tt := range tests {
		var r Report
		r.addMessage(tt.msg, "", gjson.Result{}, true)
		switch {
		case tt.field == "" && (len(r.FieldErrors) != 0 || len(r.Errors) != 1):
			t.Errorf("%q: want an issue, got %+v", tt.msg, r)
		case tt.field != "" && (len(r.FieldErrors) != 1 || r.FieldErrors[0].Field != tt.field || r.FieldErrors[0].Message != tt.rest):
			t.Errorf("%q: got %+v", tt.msg, r.FieldErrors)
		}
	}
}

func TestBearerParam(t *testing.T) {
	h := `Basic realm="x", Bearer realm="example", error="invalid_token", error_description="The \"token\" expired", scope=read`
	for name, want := range map[string]string{"realm": "example", "error": "invalid_token", "error_description": `The "token" expired`, "scope": "read", "nope": ""} {
		if got := bearerParam(h, name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

func containsText(list []string, s string) bool {
	for _, v := range list {
		if strings.Contains(v, s) {
			return true
		}
	}
	return false
}

// TestFieldErrorSpans: every field error points at the body member that
// reported it.
func TestFieldErrorSpans(t *testing.T) {
	for _, tt := range []struct{ body, field, want string }{
		{`{"type":"validation_error","title":"V","status":400,"errors":[{"field":"a","message":"x"},{"field":"email","message":"bad"}]}`, "email", `{"field":"email","message":"bad"}`},
		{`{"email": ["Enter a valid email address."]}`, "email", `"Enter a valid email address."`},
		{`{"type":"validation_error","code":"c","message":"m","param":"amount","doc_url":null,"request_id":"r"}`, "amount", `"amount"`},
	} {
		r := inspect(t, tt.body)
		for _, fe := range r.FieldErrors {
			if fe.Field == tt.field && r.BodyText[fe.Offset:fe.Offset+fe.Len] != tt.want {
				t.Errorf("%s: span %q", tt.field, r.BodyText[fe.Offset:fe.Offset+fe.Len])
			}
		}
	}
}

// TestReaderSources: the generic reader says where it found each fact, as the
// member's path from the body's root.
func TestReaderSources(t *testing.T) {
	tests := []struct{ in, code, msg, codeSrc, msgSrc string }{
		{`{"Response": {"Error": {"Code": "AuthFailure", "Message": "bad signature"}}}`, "AuthFailure", "bad signature", "Response.Error.Code", "Response.Error.Message"},
		{`{"errcode": "M_FORBIDDEN", "error": "You are not invited"}`, "M_FORBIDDEN", "You are not invited", "errcode", "error"},
		{`{"id": "not_found", "message": "No such droplet", "request_id": "r1"}`, "not_found", "No such droplet", "id", "message"},
		{`{"faultcode": "Client.Auth", "faultstring": "denied"}`, "Client.Auth", "denied", "faultcode", "faultstring"},
	}
	for _, tt := range tests {
		r := inspect(t, "Content-Type: application/json\n\n"+tt.in)
		if r.Code != tt.code || r.Message != tt.msg || r.Sources.Code != tt.codeSrc || r.Sources.Message != tt.msgSrc {
			t.Errorf("%s: got code %q from %q, message %q from %q", tt.in, r.Code, r.Sources.Code, r.Message, r.Sources.Message)
		}
	}
}

// TestPayloadShapes: a message template filled from its parameters (Magento),
// and the errors a GraphQL mutation's payload lists in data (Shopify's
// userErrors) read as field errors.
func TestPayloadShapes(t *testing.T) {
	r := inspect(t, `{"message": "%fieldName is a required field.", "parameters": {"fieldName": "sku"}}`)
	if r.Message != "sku is a required field." {
		t.Errorf("template: %q", r.Message)
	}
	r = inspect(t, `{"data": {"customerCreate": {"userErrors": [{"field": ["email"], "message": "Email has already been taken"}], "customer": null}}}`)
	if r.Dialect != "graphql" || len(r.FieldErrors) != 1 || r.FieldErrors[0].Field != "email" || r.FieldErrors[0].Message != "Email has already been taken" || r.Message != "Email has already been taken" {
		t.Errorf("userErrors: %s %+v %q", r.Dialect, r.FieldErrors, r.Message)
	}
}

// TestHealthReport: a failing health check's report says its error; its
// checks are components of the service, never field errors.
func TestHealthReport(t *testing.T) {
	for _, tt := range []struct{ body, msg string }{
		{`{"status":"DOWN","components":{"diskSpace":{"status":"UP"},"db":{"status":"DOWN","details":{"error":"CannotGetJdbcConnectionException: Failed to obtain JDBC Connection"}}}}`,
			"CannotGetJdbcConnectionException: Failed to obtain JDBC Connection"},
		{`{"status": "fail", "checks": {"cassandra:responseTime": [{"componentType": "datastore", "observedValue": 250, "status": "fail", "output": "Connection refused"}]}}`,
			"Connection refused"},
	} {
		r := inspect(t, "HTTP/1.1 503 Service Unavailable\nContent-Type: application/json\n\n"+tt.body)
		if r.Message != tt.msg || r.Code != "" || len(r.FieldErrors) != 0 {
			t.Errorf("%s: message %q, code %q, %d field errors", tt.body, r.Message, r.Code, len(r.FieldErrors))
		}
	}
}

// A body that is only a map of field errors leaves no member unread: each is
// a field error, not an "other member" besides.
func TestFieldMapMembers(t *testing.T) {
	r := inspect(t, "HTTP/1.1 422 Unprocessable Entity\nContent-Type: application/json\n\n"+
		`{"address":{"zip":"must be in a valid format"},"email":"must be a valid email address"}`)
	if len(r.FieldErrors) != 2 || len(r.Members) != 0 {
		t.Errorf("%d field errors, members %v", len(r.FieldErrors), r.Members)
	}
}

// A short label beside a detail that explains it: the detail is the message,
// the label heads it as the title, and neither is listed again as a member.
func TestLabelBesideDetail(t *testing.T) {
	r := inspect(t, "HTTP/1.1 409 Conflict\nContent-Type: application/json\n\n"+
		`{"msg": "Duplicate record", "detail": "Duplicate logging_syslog: 'test-s3'"}`)
	if r.Title != "Duplicate record" || r.Message != "Duplicate logging_syslog: 'test-s3'" || len(r.Members) != 0 {
		t.Errorf("title %q, message %q, members %v", r.Title, r.Message, r.Members)
	}
}

// TestSOAP12Fault: a SOAP 1.2 fault's Code/Value and Reason/Text are its code
// and message, and are not listed again under Other members.
func TestSOAP12Fault(t *testing.T) {
	r := inspect(t, "HTTP/1.1 500 Internal Server Error\nContent-Type: application/soap+xml\n\n"+
		`<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault>`+
		`<env:Code><env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text xml:lang="en">database down</env:Text></env:Reason>`+
		`</env:Fault></env:Body></env:Envelope>`)
	if r.Code != "Receiver" || r.Message != "database down" || len(r.Members) != 0 {
		t.Errorf("code %q, message %q, members %v", r.Code, r.Message, r.Members)
	}
}
