package dialects

// OData JSON errors (OData JSON Format v4.01 §21,
// https://docs.oasis-open.org/odata/odata-json-format/v4.01/odata-json-format-v4.01.html#sec_ErrorResponse)
// as Microsoft REST APIs, Microsoft Graph and Azure send them: {"error": {code,
// message, target, details: [{code, message, target}], innererror}}; OData v2/v3's
// {"odata.error": {code, message: {lang, value}}} too.

import "github.com/tidwall/gjson"

var odata = &Dialect{
	ID:          "odata",
	Name:        "OData / Microsoft REST",
	Description: "error with code, message, target, details and innererror (Microsoft Graph, Azure, OData).",
	Spec:        "https://docs.oasis-open.org/odata/odata-json-format/v4.01/odata-json-format-v4.01.html#sec_ErrorResponse",
	detect:      detectOData,
	anchors:     []string{"error", "odata.error"},
	decode:      decodeOData,
}

func detectOData(d *doc, s *score) {
	if d.top.get("odata.error").IsObject() {
		s.add(90, `has "odata.error"`)
		return
	}
	e := &d.inner
	if e.get("code").Type != gjson.String || !e.has("message") || e.has("type") || e.has("status") {
		return
	}
	s.add(40, "error object with a string code and message")
	if e.has("target") {
		s.add(15, "error.target")
	}
	if det := e.get("details"); det.IsArray() && !field(first(det), "field").Exists() { // OData's {code, message, target}, not a list of field errors
		s.add(15, "error.details is a list")
	}
	if e.has("innererror") || e.has("innerError") {
		s.add(20, "error.innererror")
	}
	if d.hasHeader("X-Ms-Request-Id") || d.hasHeader("Request-Id") && d.hasHeader("Client-Request-Id") {
		s.add(15, "Microsoft request id headers")
	}
	if message0(e.get("message")).Exists() {
		s.add(20, "error.message is {lang, value}")
	}
}

// message0 returns the value of OData v2/v3's {"lang", "value"} message.
func message0(m gjson.Result) gjson.Result {
	if m.IsObject() {
		return field(m, "value")
	}
	return gjson.Result{}
}

func decodeOData(d *doc, r *Report) {
	key := "error"
	if d.top.has("odata.error") {
		key = "odata.error"
	}
	e := d.open(&d.top, key)
	r.Code = e.str("code")
	m := e.take("message")
	r.Message = text(m)
	if v := message0(m); v.Exists() {
		r.Message = text(v)
	}
	if t := e.str("target"); t != "" && !e.get("details").IsArray() { // beside details, the target contains them
		r.addField(normPath(t), t, r.Message, r.Code, e.get("target"))
	}
	readItems(r, e.take("details"), 0)
	if id := d.header("X-Ms-Request-Id"); id != "" {
		r.RequestID, r.RequestIDSource = id, "X-Ms-Request-Id"
	}
}
