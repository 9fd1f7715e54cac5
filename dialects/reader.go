package dialects

// The generic reader: what any JSON error body says, found by its structure
// (wrappers such as "error", "fault", "Response", a top-level array, a body
// that is a bare string, JSON inside a string) and by vocabularies of member
// names. generic-json is this reader alone; a named dialect decodes what is its
// own, and the reader fills what the dialect left empty (fill).
//
// Precedence, where a member name is ambiguous:
//   - a member whose name always means the code (code, errorCode, errcode...)
//     wins over one that may (error, reason, type, status, id, name);
//   - "error" and "reason" are a code when they read like one (no space:
//     "file_exists", "M_FORBIDDEN"), a message when they read like a sentence,
//     and neither when they only repeat a reason phrase ("Not Found");
//   - "id" and "name" are a code only beside a message and when they read like
//     one ("not_found", "VALIDATION_ERROR", "NotFoundError"), never a UUID or a
//     number; "type" only when it is no URI and not the word "error";
//   - the error object's own code and message win over the top level's, and
//     both over the first listed error's.

import (
	"cmp"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/errlens/errlens/dialects/message"
	"github.com/tidwall/gjson"
)

// The vocabularies an object's members are looked up in, by id.
const (
	vCode = iota
	vMaybeCode
	vMessage
	vTitle
	vStatus
	vDoc
	vWrapper
	vList
	vDelay
	vRequestID
	vRequestIDHolder
	vItemField
	vItemMessage
	vItemCode
	vAnchor
)

// vocabText holds the vocabularies by id, each a list of names, most specific
// first, in one string (app.wasm carries one string for a vocabulary rather
// than a string header for each name). The names that hold:
var vocabText = [...]string{
	// the code
	vCode: `code error_code errorCode errcode errCode err_code errorcode ErrorCode Code error_type
		errorType error_name faultcode ErrorNumber errorNumber errorNum errno api_error_code
		symbol retCode ret_code ReasonCode reasonCode resultCode error_label error_key cause
		condition exceptionCode OrthancStatus scimType error_reason return_code ECODE ResponseCode
		Number`,
	// a code when their value reads like one
	vMaybeCode: `error reason type status id name error_id Error category kind messageId exception info`,
	// the message
	vMessage: `message msg errorMessage error_message errorMsg errmsg faultstring retMsg ret_msg
		error_msg error_text longmessage errorSummary error_summary Message description
		error_description errorDescription detail details hydra:description resultText reason
		error text summary Error exception status errors result err ExceptionText status_message
		statusLong ServiceException statusDescription returnMessage errtext info MessageText StatusDetail`,
	// the title
	vTitle: `title hydra:title`,
	// the body's status
	vStatus: `status statusCode status_code httpStatus http_status httpStatusCode returnCode code`,
	// the documentation link
	vDoc: `documentation_url doc_url docs_url documentation help_url helpUrl more_info moreInfo
		info_url error_uri errorUri help link url href type`,
	// the error object
	vWrapper: `detailedError error Error err fault Fault errorResponse error_response ErrorResponse
		Response response Errors meta status json data result detail message messages results
		ResponseStatus human-readable requestError serviceException ServiceException Exception
		body content`,
	// a list or map of errors
	vList: `errors Errors generalErrors error err details fieldErrors field_errors fields violations
		invalid_params invalid-params invalidParams validation_errors validationErrors
		validation errorCauses causes root_cause issues problems subErrors sub_errors
		errorDetails error_details params children failures messages invalidFields
		invalid_fields errorMessages message data invalid_parameters invalidParameters Error
		tppMessages failed_constraints failed_records _embedded items invalid_param_list
		description ErrorInfo validationDetails validationError error_detail Exception
		extraDetails payload context methodResponses`,
	// a delay the body asks for, in seconds unless named in ms
	vDelay: `retry_after retryAfter retry_after_seconds retryAfterSeconds retry_after_ms retryAfterMs
		retry_in retryIn retry_in_seconds retryDelay retry_delay parameters meta metadata data
		context details`,
	// a request id
	vRequestID: `request_id requestId requestID RequestId RequestID request-id x-request-id traceId
		trace_id traceID TraceId correlation_id correlationId correlation-id debug_id debugId
		errorId error_id fbtrace_id incident_id pspReference phrase incidentId ray_id
		reference_id referenceId trace client-request-id tracingId tracing_id ErrorIdentifier
		error_ref ticket transactionId transaction_id operation_id operationId logId logref
		logRef api_id refId reqId trackingId statementHandle response_id responseId exception_id`,
	// objects that often carry a request id
	vRequestIDHolder: `innerError innererror meta debug context_info error metadata sys context extensions`,
	// an error item's field
	vItemField: `field fieldName field_name path param parameter property propertyPath property_path
		attribute pointer instancePath dataPath jsonPath location loc target key fields source
		argument_name parameter_name param_name reference error_key element locator attr name
		arguments`,
	// an error item's message
	vItemMessage: `longMessage message msg detail Details description defaultMessage errorMessage
		error_message help_message reason title error text summary errorSummary ExceptionText`,
	// an error item's code
	vItemCode: `code error_code errorCode errorcode dataCode ReasonCode reasonCode type reason rule kind
		issue keyword constraint error validator validation_type result category exceptionCode
		name id number`,
}

// vocabs lists the vocabularies by id, vocabText split (foldVocabs), and the
// dialects' anchors (indexAnchors); none has more than 64 names.
var vocabs [vAnchor + 1][]string

// jsonTypes name the types of JSON Schema, never an error.
var jsonTypes = []string{"string", "number", "integer", "boolean", "object", "array", "null"}

// vocabRank is a name's place in a vocabulary.
type vocabRank struct{ vocab, rank uint8 }

// folded is a member name as the vocabularies match it: ASCII lower case,
// without "_", "-" and " ", so "ErrorMessage", "error_message" and
// "errorMessage" are one name. A vocabulary's first spelling of a folded name
// holds its place.
type folded struct {
	name  string // the folded name
	ranks []vocabRank
}

// addFolded gives name's folded form place r, unless that vocabulary already
// places it, and returns the folded form.
func addFolded(m map[string]*folded, name string, r vocabRank) string {
	var buf [48]byte
	key := string(fold(&buf, name))
	f := m[key]
	if f == nil {
		f = &folded{name: key}
		m[key] = f
	}
	for _, have := range f.ranks {
		if have.vocab == r.vocab {
			return f.name
		}
	}
	f.ranks = append(f.ranks, r)
	return f.name
}

// fold writes k folded into buf; nil when it does not fit (no vocabulary name
// is that long).
func fold(buf *[48]byte, k string) []byte {
	n := 0
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c == '_' || c == '-' || c == ' ' || c == '$':
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if n == len(buf) {
			return nil
		}
		buf[n] = c
		n++
	}
	return buf[:n]
}

// lookupFolded returns the vocabulary entry of member name k, or nil.
func lookupFolded(k string) *folded {
	var buf [48]byte
	b := fold(&buf, k)
	if b == nil {
		return nil
	}
	return vocabRanks[string(b)]
}

// readJSON reads the whole body, starting at the object t.
func readJSON(d *doc, r *Report, t *obj) {
	switch {
	case d.root.Type == gjson.String:
		readStringBody(r, d.root)
		return
	case d.root.IsArray():
		if !readHeaderRow(r, first(d.root)) && len(r.FieldErrors)+len(r.Errors) == 0 {
			readItems(r, d.root, 0)
		}
		firstOfErrors(r)
		splitBayeux(r, first(d.root))
		return
	case d.msg.Status/100 == 5 && unnamed(t) && sentenceMap(d.root, 0):
		// Under a server error, a map of names to sentences names the parts
		// that failed, not the request's fields: django-health-check's
		// {"CacheBackend": "unavailable: ..."}. The first one says what.
		m := &t.m[0]
		for m.val.IsObject() {
			m = &newObj("", m.val, nil).m[0]
		}
		r.Message, r.Sources.Message, t.m[0].used = m.val.Str, source(t, t.m[0].key), true
		return
	case (locatedFieldMap(t) || d.msg.Status/100 != 2 && unnamed(t) && sentenceMap(d.root, 0)) && len(r.FieldErrors)+len(r.Errors) == 0:
		readFieldMap(r, d.root, "", "", 0)
		for i := range t.m {
			t.m[i].used = true // every member is a field's: none is left to list
		}
		firstOfErrors(r)
		return
	}
	if msg, terminus := healthReport(t); msg != "" || terminus {
		r.Message, r.Sources.Message = msg, "the failing check"
		if terminus {
			t.take("status") // a state, "error" or "shutting_down", not a code
			t.take("info")
		}
		t.take("details")
		t.take("components")
		t.take("checks")
		t.take("error")
		return
	}
	dropStatusEcho(d, r)
	var buf [6]*obj
	chain := errorHolders(d, t, append(buf[:0], t))
	for i := len(chain) - 1; i >= 0; i-- {
		readObject(d, r, chain[i], i < len(chain)-1)
	}
	if r.Message == "" && r.Code == "" && len(r.FieldErrors)+len(r.Errors) == 0 && len(t.m) == 1 && t.m[0].val.IsArray() && looksLikeError(first(t.m[0].val)) {
		readItems(r, t.m[0].val, 0) // a lone list of errors by a name of its own: Hermes' {"listOfResultCodes": [...]}, Foal's {"pathParams": [Ajv's errors]}
		t.m[0].used, r.Sources.Errors = true, t.m[0].key
	}
	// A path on an error about the credentials, the route, the method or the
	// media type is the request's route, not a field: express-openapi-
	// validator's {"path": "/pets", "message": "DELETE method not allowed"}.
	if s := d.msg.Status; s == 401 || s == 403 || s == 404 || s == 405 || s == 406 || s == 415 {
		kept := r.FieldErrors[:0]
		for _, f := range r.FieldErrors {
			if strings.HasPrefix(f.Path, "/") {
				r.addIssue(f.Message, f.Code)
			} else {
				kept = append(kept, f)
			}
		}
		r.FieldErrors = kept
	}
	firstOfErrors(r)
	splitBayeux(r, d.root)
	dropStatusEcho(d, r)
	readMessageFields(r)
	r.Message = fillTemplate(r.Message, t.get("parameters"))
	// Azure IoT Hub's and Service Bus' {"Message": "ErrorCode:DeviceNotFound;...",
	// "ExceptionMessage": "Tracking ID:..."}: the code and the id in the text.
	if code, rest, ok := strings.Cut(r.Message, ";"); ok && r.Code == "" && strings.HasPrefix(code, "ErrorCode:") && codeLike(code[len("ErrorCode:"):]) {
		r.Code, r.Message = code[len("ErrorCode:"):], rest
	}
	for i := 0; i < len(t.m) && r.RequestID == ""; i++ {
		for _, label := range [...]string{"Tracking ID:", "TrackingId:"} {
			if _, id, ok := strings.Cut(t.m[i].val.Str, label); ok && id != "" {
				id, _, _ = strings.Cut(id, ",")
				r.RequestID, r.RequestIDSource = strings.TrimSpace(id), "body "+t.m[i].key
			}
		}
	}
	if c := first(t.get("error_codes")); codeLike(c.Str) && (r.Code == "" || r.Sources.Code == "error_type") {
		r.Code, r.Sources.Code = c.Str, "error_codes[0]" // Checkout.com's: error_type is the kind, error_codes what went wrong
	}
	if i := strings.LastIndex(r.Message, "\n└─ "); i >= 0 {
		r.Message = r.Message[strings.LastIndex(r.Message, "└─ ")+len("└─ "):] // Effect Schema's tree of a failure: its last leaf, the most specific
	}
	if r.RetryDelay == nil {
		r.RetryDelay = messageDelay(firstNonEmpty(r.Message, r.Detail))
	}
}

// splitBayeux splits the error of a Bayeux message (Faye, CometD), written
// "code:args:message" in a message on a channel: "401:nope:Unknown client".
func splitBayeux(r *Report, m gjson.Result) {
	c, rest, ok := strings.Cut(r.Message, ":")
	if !ok || r.Code != "" || len(c) != 3 || !message.Digits(c) || field(m, "channel").Type != gjson.String {
		return
	}
	if _, msg, ok := strings.Cut(rest, ":"); ok && msg != "" {
		r.Code, r.Sources.Code, r.Message = c, r.Sources.Message, msg
	}
}

// readHeaderRow reads a list whose first row is an array of values without
// names: its first integer is the code, its first sentence the message, as in
// Groonga's header [return_code, start_time, elapsed_time, message, ...].
// It reports whether it read them.
func readHeaderRow(r *Report, row gjson.Result) bool {
	if !row.IsArray() {
		return false
	}
	code, msg, i, at := "", "", 0, [2]int{}
	row.ForEach(func(_, v gjson.Result) bool {
		if v.Type == gjson.Number && code == "" && !strings.ContainsAny(v.Raw, ".eE") {
			code, at[0] = v.Raw, i
		} else if v.Type == gjson.String && strings.Contains(v.Str, " ") {
			msg, at[1] = v.Str, i
		}
		i++
		return msg == ""
	})
	if code != "" && code != "0" && msg != "" {
		r.Code, r.Sources.Code = code, "[0]["+itoa(at[0])+"]"
		r.Message, r.Sources.Message = msg, "[0]["+itoa(at[1])+"]"
		return true
	}
	return false
}

// healthReport returns the error of the first failing check of a health
// report, or "" when the body is none: {"status": "down", "details":
// {"database": {"status": "down", "error": "..."}}} (alexliesenfeld/health;
// Spring Boot Actuator's "components", the IETF draft's "checks" lists and
// "output"). Its checks are components, not fields. terminus says the body
// is Terminus' {status, info, error, details} (NestJS's, godaddy's), failing
// or not.
//
// Terminus (and NestJS's) {"status": "error", "error": {...}, "details":
// {...}} lists the failing checks alone in "error", each its cause or
// {"status": "down", "message"}.
func healthReport(t *obj) (msg string, terminus bool) {
	checks := firstExisting(t.get("details"), t.get("components"), t.get("checks"))
	terminus = (t.get("status").Str == "error" || t.get("info").IsObject()) && checks.IsObject() && t.get("error").IsObject()
	if terminus {
		checks = t.get("error")
	} else if !down(t.get("status").Str) {
		return "", false
	}
	checks.ForEach(func(_, c gjson.Result) bool {
		if c.IsArray() {
			c = first(c)
		}
		if terminus && c.Type == gjson.String {
			msg = c.Str
		} else if down(field(c, "status").Str) {
			msg = firstNonEmpty(text(field(c, "error")), text(field(c, "output")), text(field(c, "message")), text(field(field(c, "details"), "error")))
		}
		return msg == ""
	})
	return msg, terminus
}

// down reports a health status that says a check failed.
func down(s string) bool {
	switch strings.ToLower(s) {
	case "down", "fail", "unhealthy", "out_of_service":
		return true
	}
	return false
}

// fillTemplate fills the placeholders of a message from the body's
// parameters, as Magento writes them: "%1" from a list, "%name" from an
// object ({"message": "%fieldName is required", "parameters": {"fieldName": "sku"}}).
func fillTemplate(msg string, params gjson.Result) string {
	if !strings.Contains(msg, "%") {
		return msg
	}
	i := 0
	params.ForEach(func(k, v gjson.Result) bool {
		i++
		name := k.Str
		if params.IsArray() {
			name = itoa(i)
		}
		msg = strings.ReplaceAll(msg, "%"+name, text(v))
		return true
	})
	return msg
}

// messageDelay reads a delay the message states in words: "retry in 60
// seconds", "try again after 35 s", "submit the request after 49 seconds".
func messageDelay(msg string) *Hint {
	if !strings.ContainsAny(msg, "0123456789") {
		return nil
	}
	lower := strings.ToLower(msg)
	for _, lead := range []string{" in ", " after ", " wait "} {
		for i := strings.Index(lower, lead); i >= 0; {
			rest := lower[i+len(lead):]
			n := 0
			for n < len(rest) && (rest[n] >= '0' && rest[n] <= '9' || rest[n] == '.') {
				n++
			}
			unit := strings.TrimLeft(rest[n:], " ")
			if n > 0 && (strings.HasPrefix(unit, "second") || strings.HasPrefix(unit, "sec") || unit == "s" || strings.HasPrefix(unit, "s ") || strings.HasPrefix(unit, "s.")) {
				return &Hint{Value: rest[:n], Source: "message"}
			}
			if m, err := strconv.ParseFloat(rest[:n], 64); err == nil && strings.HasPrefix(unit, "minute") {
				return &Hint{Value: strconv.FormatFloat(m*60, 'f', -1, 64), Source: "message"}
			}
			j := strings.Index(lower[i+1:], lead)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return nil
}

// readStringBody reads a body that is one JSON string: a message, or JSON
// or field errors written inside it.
func readStringBody(r *Report, v gjson.Result) {
	r.Message = v.Str
	readMessageFields(r)
}

// errorHolders descends from t into the wrappers that hold the error (the
// first wrapper member that is an object with error members, as deep as it
// goes) and returns the chain, t first.
func errorHolders(d *doc, t *obj, chain []*obj) []*obj {
	if len(chain) > 4 {
		return chain
	}
	if len(chain) > 1 {
		if e := t.get("error"); e.IsObject() && looksLikeError(e) && !t.has("message") {
			o := d.open(t, "error") // Subsonic's {"subsonic-response": {"status": "failed", "type": ..., "error": {...}}}
			return errorHolders(d, o, append(chain, o))
		}
		if code, _ := pickCode(d, t); code != "" || hasMessage(t) {
			return chain // an error object with its own code or message: its "data" is detail
		}
	}
	for b := t.present(vWrapper); b != 0; b &= b - 1 {
		i := bits.TrailingZeros64(b)
		k, v := t.vget(vWrapper, i)
		if vocabs[vWrapper][i] == "Errors" && !field(v, k[:len(k)-1]).IsArray() && field(v, "message").Type != gjson.String {
			continue // a map of field errors, not Mastercard's {"Errors": {"Error": [...]}} nor FreshBooks' {"errors": {"message", "details": [...]}}
		}
		if vocabs[vWrapper][i] == "results" && v.IsArray() && looksLikeError(first(v)) && len(chain) == 1 { // Icinga's {"results": [{code, status, errors}]}
			o := d.openFirst(t, k)
			return errorHolders(d, o, append(chain, o))
		}
		if v.IsObject() && looksLikeError(v) {
			o := d.open(t, k)
			return errorHolders(d, o, append(chain, o))
		}
	}
	// A wrapper of one member: {"ocs": {"meta": ...}}, GraphQL's {"data":
	// {"applyCouponCode": {"errorCode", "message"}}} (Vendure's ErrorResult),
	// Plesk's <packet version="1.6.9.1"><dns><add_rec><result>.
	if m := soleObject(t); m != nil && len(chain) < 4 && (!contains(vocabs[vList], m.key) || m.key == "data" && !errorMap(m.val)) {
		o := d.open(t, m.key)
		return errorHolders(d, o, append(chain, o))
	}
	return chain
}

// soleObject returns o's only member, when it is an object, or its only
// object member beside values no vocabulary names (an XML root's version).
func soleObject(o *obj) *member {
	var sole *member
	for i := range o.m {
		switch m := &o.m[i]; {
		case m.val.IsObject() && sole == nil:
			sole = m
		case m.val.IsObject() || m.val.IsArray() || lookupFolded(m.key) != nil:
			return nil
		}
	}
	return sole
}

// looksLikeError reports whether an object has a member of the error
// vocabularies, so a wrapper such as "data" is entered only when it holds one.
func looksLikeError(v gjson.Result) bool {
	found := false
	v.ForEach(func(k, _ gjson.Result) bool {
		if f := lookupFolded(k.Str); f != nil {
			for _, r := range f.ranks {
				found = found || r.vocab == vCode || r.vocab == vMessage
			}
		}
		found = found || k.Str == "errors" || k.Str == "issues" || k.Str == "messages" || k.Str == "meta" || k.Str == "json"
		return !found
	})
	return found
}

// readObject reads an error object's facts into what r still lacks.
func readObject(d *doc, r *Report, o *obj, outer bool) {
	if r.Code == "" {
		// A type the dialect read is no code, nor is a wrapper's type, id or
		// name (TiDB's {"type": "sql_endpoint", "data": {"result": {...}}}).
		if c, k := pickCode(d, o); c != r.Type && !(outer && contains(vocabs[vMaybeCode], k)) {
			r.Code, r.Sources.Code = c, source(o, k)
		}
	}
	if r.Message == "" {
		var k string
		r.Message, k = pickMessage(o, r.Code, r.Title, r.Detail)
		r.Sources.Message = source(o, k)
		if head, ok := traceHead(r.Message); ok {
			r.Message = head // go-json-rest's {"Error": "assignment to entry in nil map\ngoroutine 23 [running]:..."}
		}
		if key := r.Message; r.Code == "" && strings.HasPrefix(key, "error.") && !strings.Contains(key, " ") {
			r.Code, r.Sources.Code, r.Message, r.Sources.Message = key, r.Sources.Message, "", "" // JHipster's translation key: "message": "error.validation"
		}
		// A label-like message beside a detail that explains it (Fastly's
		// {"msg": "Duplicate record", "detail": "Duplicate logging_syslog: ..."},
		// Orthanc's {"Message": "Bad file format", "Details": ...}, name.com's
		// {"message": "Invalid Argument", "details": ...}: beside "details", only
		// a label in title case, as Uptimer's "Invalid input" is the message;
		// not Beefree's link in "details").
		for _, k := range [...]string{"detail", "details", "Details"} {
			if det := o.get(k); r.Message != "" && det.Type == gjson.String && det.Str != r.Detail && len(det.Str) > len(r.Message) && strings.Contains(det.Str, " ") && len(strings.Fields(r.Message)) <= 3 && !strings.ContainsAny(r.Message, ".:") && (k != "details" || titleCase(r.Message)) {
				if r.Title == "" {
					r.Title = r.Message // the label heads the explanation
				}
				r.Message, r.Sources.Message = o.str(k), source(o, k)
			}
		}
	}
	// Ory's herodot: a message canned for the status beside the reason that
	// says what went wrong ({"status": "Not Found", "reason": ...}).
	if why := o.get("reason"); r.Message != "" && r.Message == text(o.get("message")) && strings.Contains(why.Str, " ") && ReasonPhraseStatus(text(o.get("status"))) != 0 {
		r.Title, r.Message, r.Sources.Message = r.Message, o.str("reason"), source(o, "reason")
	}
	if en := field(o.get("messageTranslations"), "en"); r.Message == "" && en.Type == gjson.String {
		r.Message = en.Str // MediaWiki's REST API: {"messageTranslations": {"en": ...}}
		r.Sources.Message = joinKey(source(o, "messageTranslations"), "en")
		o.take("messageTranslations")
	}
	if r.Message == "" && d.msg.Status != 0 {
		if k := strconv.Itoa(d.msg.Status); o.get(k).Type == gjson.String {
			r.Message, r.Sources.Message = o.str(k), source(o, k) // hug: {"404": "The API call you tried to make was not defined..."}
		}
	}
	if r.Title == "" {
		for b := o.present(vTitle); b != 0; b &= b - 1 {
			if k, v := o.vget(vTitle, bits.TrailingZeros64(b)); v.Type == gjson.String && v.Str != r.Message {
				r.Title, r.Sources.Title = o.str(k), source(o, k)
				break
			}
		}
	}
	if r.Detail == "" {
		for _, k := range []string{"detail", "details", "description", "error_description", "hint"} {
			if v := o.get(k); v.Type == gjson.String && v.Str != r.Message {
				r.Detail, r.Sources.Detail = o.str(k), source(o, k)
				break
			}
		}
	}
	if r.BodyStatus == 0 {
		for b := o.present(vStatus); b != 0; b &= b - 1 {
			i := bits.TrailingZeros64(b)
			k, v := o.vget(vStatus, i)
			s := status(v)
			if s == 0 && v.Type == gjson.String && vocabs[vStatus][i] != "code" {
				s = ReasonPhraseStatus(strings.ReplaceAll(v.Str, "_", " ")) // SureCart's "http_status": "unprocessable_entity"
			}
			if s != 0 && (vocabs[vStatus][i] != "code" || r.Code != v.Raw && s >= 400) { // a "code" of 200 is the API's own (Vivox's "Wrong user credentials")
				r.BodyStatus, r.Sources.Status = s, source(o, k)
				o.take(k)
				break
			}
			if v.Type == gjson.Number && v.Int() > 1 && s == 0 && (vocabs[vStatus][i] == "statusCode" || k == "status") && r.Code == "" { // not a flag: tt-rss's "status": 1
				r.Code, r.Sources.Code = v.Raw, source(o, k) // TMDB's own code in "status_code": 7, Baidu's "status": 5, netcup's "statuscode": 4013: no HTTP status
			}
		}
		if v := o.get("error"); r.BodyStatus == 0 && v.Type == gjson.Number && statusNamed(o, status(v)) {
			r.BodyStatus, r.Sources.Status = status(v), source(o, "error") // MongoDB Atlas: {"error": 409, "reason": "Conflict"}
			o.take("error")
		}
		for _, k := range [...]string{"type", "error", "title"} {
			if v := o.get(k); r.BodyStatus == 0 && v.Type == gjson.String && ReasonPhraseStatus(v.Str) >= 400 {
				r.BodyStatus, r.Sources.Status = ReasonPhraseStatus(v.Str), source(o, k) // Tomorrow.io's "type": "Not Found"
			}
		}
	}
	if r.DocURL == "" {
		var k string
		r.DocURL, k = pickDocURL(o)
		r.Sources.DocURL = source(o, k)
	}
	if r.RequestID == "" {
		readRequestID(o, r)
	}
	if r.RetryDelay == nil {
		r.RetryDelay = pickDelay(o)
	}
	for _, k := range verdictKeys {
		if v := o.get(k); r.RetryVerdict == nil && (v.Type == gjson.True || v.Type == gjson.False) {
			r.RetryVerdict = &Hint{Value: v.Raw, Source: joinKey(o.path, k)}
		}
	}
	if r.Timestamp == "" {
		for _, k := range []string{"timestamp", "time", "date", "datetime"} {
			if v := o.get(k); v.Type == gjson.String {
				r.Timestamp = o.str(k)
				break
			}
		}
	}
	if msg := firstNonEmpty(r.Message, r.Detail); len(r.FieldErrors) == 0 && len(r.Errors) == 0 && msg != "" {
		for _, k := range []string{"param", "parameter", "field", "error_param", "var_name", "locator", "attr", "target", "details", "name", "source"} {
			v := o.get(k)
			if k == "details" {
				v = field(v, "field") // {"code", "message", "details": {"field": "name"}}
			}
			if k == "name" && !strings.Contains(msg, `"`+v.Str+`"`) || k == "source" && !(isPropertyPath(v.Str) && strings.Contains(msg, v.Str)) ||
				k == "target" && strings.Contains(v.Str, "-") && strings.ToLower(v.Str) != v.Str {
				continue // a name is a field's when the message quotes it (api.video), a source when the message names it (Airwallex); a target may be a header (Azure Maps' "WWW-Authenticate")
			}
			if v.Type == gjson.String && v.Str != "" {
				o.take(k)
				r.addField(normItemPath(v.Str, k), v.Str, msg, r.Code, v)
				break
			}
		}
	}
	if det := o.get("details"); strings.Contains(text(field(first(det), "@type")), "googleapis.com/") && !o.used("details") {
		o.take("details") // google.rpc typed details beside another envelope (Databricks)
		decodeGoogleDetails(r, det, joinKey(o.path, "details"))
	}
	if len(r.FieldErrors) == 0 && len(r.Errors) == 0 {
		// A list of issues may stand beside the field errors that repeat them
		// (Flask-Security) or come on top of them (FusionAuth's generalErrors).
		for b := o.present(vList); b != 0; b &= b - 1 {
			i := bits.TrailingZeros64(b)
			key, v := o.vget(vList, i)
			k := vocabs[vList][i]
			var opened *obj // a member a dialect file only went into: "details" of error.details.fields
			if o.used(key) {
				if opened = d.untouched(joinKey(o.path, key)); opened == nil {
					continue
				}
			}
			if !(v.IsArray() || v.IsObject() && k != "error") || (k == "fields" || k == "params") && !v.IsObject() && !first(v).IsObject() {
				continue
			}
			if v.IsObject() && (k == "details" || k == "params" || k == "payload" || k == "context") && (!sentences(v, 0) || field(v, "message").Type == gjson.String) && !field(v, "errors").Exists() {
				continue // {"details": {"name": "grafana", "kind": "pods"}} describes, it lists no errors (nor does Web::MREST's payload, where the error was raised); nor does one with its own message (nba2kapi's)
			}
			if v.IsObject() && k == "data" && !errorMap(v) && !field(v, "issues").IsArray() || k == "description" && !(v.IsObject() && sentences(v, 0)) {
				continue // data about the error, not errors by field
			}
			if (k == "data" || k == "items") && v.IsArray() && field(first(v), "message").Type != gjson.String {
				continue // a list of results, not of errors (DHL's "items" are errors)
			}
			if k == "items" && v.IsObject() && len(o.m) == 1 && sentenceMap(v, 0) {
				readFieldMap(r, v, key, joinKey(o.path, key), 0) // a field named items: ozzo-validation's {"items": {"1": {"qty": "..."}}}
				o.take(key)
				break
			}
			if issues := len(r.Errors) > 0; issues && !v.IsObject() {
				continue // beside a list of issues, only a map of field errors (Flask-Security's field_errors)
			}
			if n := len(r.FieldErrors) + len(r.Errors); readFieldMapOrList(r, v, 0) > n {
				if r.Sources.Errors == "" {
					r.Sources.Errors = source(o, key)
				}
				o.take(key)
				if opened != nil {
					for i := range opened.m {
						opened.m[i].used = true
					}
				}
				if len(r.FieldErrors) > 0 {
					break
				}
			}
		}
		kept := r.Errors[:0]
		for _, e := range r.Errors {
			if e.Code != "" || !r.fieldMessage(e.Message) {
				kept = append(kept, e)
			}
		}
		r.Errors = kept
	}
}

// titleCase says whether every word of s starts with a capital letter.
func titleCase(s string) bool {
	for _, w := range strings.Fields(s) {
		if w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return s != ""
}

// pickCode returns o's code: a code member, else a member that may be one and
// reads like one. A number that only repeats the HTTP status is no code; nor,
// beside a list of errors, is a member that may be one.
func pickCode(d *doc, o *obj) (code, key string) {
	number := ""
	for b := o.present(vCode); b != 0; b &= b - 1 {
		k, v := o.vget(vCode, bits.TrailingZeros64(b))
		if v.Type == gjson.Number && d.msg.Status == 0 && (status(v) >= 400 || status(v) != 0 && statusNamed(o, status(v))) {
			continue // with no status line, an error status: OpenStack's {"itemNotFound": {"code": 404, ...}}, werkzeug's {"code": 429, "name": "Too Many Requests"}
		}
		// A code of words only when the message ends with it: Podman's
		// {"cause": "no such container", "message": "...: no such container"}.
		// Or a short phrase in lower case: mountebank's "no such resource".
		words := strings.Contains(v.Str, " ") && !strings.HasSuffix(text(o.get("message")), ": "+v.Str) && !phraseCode(v.Str)
		if v.Type == gjson.String && v.Str != "" && !words && (d.msg.Status == 0 || status(v) != d.msg.Status) && !strings.EqualFold(v.Str, "error") { // not Authorize.Net's "resultCode": "Error", a flag
			return o.str(k), k
		}
		if v.Type == gjson.Number && (status(v) == 0 || status(v) != d.msg.Status) && number == "" {
			number = k // a symbol beside it wins: Cloud Foundry's {"code": 100004, "error_code": "CF-AppNotFound"}
		}
	}
	if e := o.get("error"); number == "" && o.path == "" && e.Type == gjson.Number && status(e) == 0 {
		number = "error" // at the top: Wazuh's {"title", "detail", "error": 4000}, not Onfleet's subcode in "message"
	}
	if number != "" {
		if n := o.get("name"); strings.Contains(n.Str, " ") && strings.HasPrefix(text(o.get("message")), n.Str) || identifier(n.Str) && strings.Contains(n.Str, "_") {
			return o.str("name"), "name" // Kong's {"code": 2, "name": "schema violation", "message": "schema violation (...)"}, Mandrill's {"code": -1, "name": "Invalid_Key"}
		}
		return o.str(number), number
	}
	if sys := o.get("sys"); text(field(sys, "type")) == "Error" && field(sys, "id").Type == gjson.String {
		return field(sys, "id").Str, "sys.id" // Contentful's {"sys": {"type": "Error", "id": "NotFound"}}
	}
	if t := o.get("__type"); strings.HasSuffix(t.Str, " Error") {
		return t.Str, "__type" // CKAN's {"__type": "Authorization Error", "message": ...}
	}
	if errs := o.get("errors"); errs.IsArray() && !first(errs).Get("path").Exists() && !first(errs).Get("instancePath").Exists() {
		return "", "" // the first listed error's code is the code, unless the errors are about fields (Elysia's {"type": "validation", "errors": [{"path"...}]}, Ajv's instancePath)
	}
	if e := o.get("error"); e.Type == gjson.String && len(strings.Fields(e.Str)) <= 3 && ReasonPhraseStatus(e.Str) == 0 && !strings.ContainsAny(e.Str, ".:!") && o.get("errorMessage").Type == gjson.String {
		return e.Str, "error" // a label beside the message: Druid's {"error": "Query timeout", "errorMessage": ...}
	}
	hasMessage := false
	for b := o.present(vMessage) & (1<<12 - 1); b != 0; b &= b - 1 {
		if _, v := o.vget(vMessage, bits.TrailingZeros64(b)); v.Type == gjson.String {
			hasMessage = true
			break
		}
	}
	for b := o.present(vMaybeCode); b != 0; b &= b - 1 {
		i := bits.TrailingZeros64(b)
		k, v := o.vget(vMaybeCode, i)
		if v.Type != gjson.String || !codeLike(v.Str) {
			continue
		}
		switch vocabs[vMaybeCode][i] {
		case "type":
			if strings.EqualFold(v.Str, "error") || strings.ContainsAny(v.Str, "/:") || o.has("title") || oneOf(v.Str, jsonTypes) || !identifierField(v.Str) {
				continue // not superstruct's "type": "string", the type a value should have had
			}
		case "kind":
			if !strings.ContainsAny(v.Str, "/.") {
				continue // Kubernetes' "kind": "Status" names the object; Puppet's "puppetlabs.orchestrator/unknown-environment" the error
			}
		case "status":
			if isStatusWord(v.Str) || status(v) != 0 || StatusOfCode(v.Str) == d.msg.Status && d.msg.Status != 0 && ReasonPhraseStatus(strings.ReplaceAll(v.Str, "_", " ")) != 0 || v.Str == "0" || v.Str == "1" { // AMap's flag "0", failed; "NOT_FOUND" on a 404 restates it, "INVALID_ARGUMENT" (swaggest's) is a code
				continue
			}
		case "messageId":
			if !isUpperSnake(v.Str) {
				continue // Infobip's "UNAUTHORIZED", not a message's own id
			}
		case "id", "error_id":
			if !hasMessage || !identifier(v.Str) || strings.ContainsAny(v.Str, "/:") { // Vespa's document "id": "id:ns:music::doc"
				continue
			}
		case "exception":
			if !strings.Contains(v.Str, "_") || v.Str != strings.ToLower(v.Str) {
				continue // Paymill's "preauthorization_already_used", not a class name
			}
		case "name":
			if !hasMessage || !(isUpperSnake(v.Str) || strings.Contains(v.Str, "_") || o.path == "" && identifier(v.Str) && v.Str == strings.ToLower(v.Str)) {
				continue // "NotFoundError" is a class, "not_found", "NOT_FOUND" and a top-level "unauthorized" (Stability's) are codes
			}
		}
		return o.str(k), k
	}
	return "", ""
}

// goaField returns the field a Goa validation message names, with its
// location first ("body.customer.email"), or "".
func goaField(msg string) string {
	if name, rest, ok := strings.Cut(strings.TrimPrefix(msg, `"`), `" is missing from `); ok && msg[0] == '"' {
		return rest + "." + name
	}
	if _, rest, ok := strings.Cut(msg, `" for "`); ok && strings.HasPrefix(msg, "invalid value ") {
		name, _, _ := strings.Cut(rest, `"`)
		return name
	}
	subject, _, ok := strings.Cut(strings.TrimPrefix(msg, "length of "), " must ")
	if loc, _, _ := strings.Cut(subject, "."); ok && isLocation(loc) && isPropertyPath(subject) {
		return subject
	}
	return ""
}

// oneEntry reports an object of one member holding a string.
func oneEntry(v gjson.Result) bool {
	if !v.IsObject() {
		return false
	}
	n, str := 0, false
	v.ForEach(func(_, e gjson.Result) bool {
		n++
		str = e.Type == gjson.String
		return n < 2
	})
	return n == 1 && str
}

// hexID reports an opaque id in hex or UUID form ("52e443ae13c5"), which
// names a thing rather than says what went wrong.
func hexID(s string) bool {
	ok, digits := hexOnly(s)
	return ok && len(s) >= 8 && digits > 0
}

// hexOnly reports whether s holds only hex digits and dashes, and how many
// decimal digits.
func hexOnly(s string) (ok bool, digits int) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case '0' <= c && c <= '9':
			digits++
		case 'a' <= c && c <= 'f', 'A' <= c && c <= 'F', c == '-':
		default:
			return false, digits
		}
	}
	return true, digits
}

// statusNamed reports whether o names status s by its reason phrase, in
// "name", "error", "title" or "status".
func statusNamed(o *obj, s int) bool {
	for _, k := range [...]string{"name", "error", "title", "status", "reason"} {
		if v := o.get(k); v.Type == gjson.String && ReasonPhraseStatus(v.Str) == s {
			return true
		}
	}
	return false
}

// pickMessage returns o's message: the first message member that is a
// sentence, or at least not the code.
func pickMessage(o *obj, code, title, detail string) (msg, key string) {
	var weak string
	for b := o.present(vMessage); b != 0; b &= b - 1 {
		i := bits.TrailingZeros64(b)
		key, v := o.vget(vMessage, i)
		if v.Type != gjson.String || v.Str == "" || v.Str == code || v.Str == title || v.Str == detail {
			continue
		}
		k := vocabs[vMessage][i]
		if (k == "error" || k == "reason" || k == "Error" || k == "status" || k == "errors" || k == "result" || k == "err") && codeLike(v.Str) || k == "status" && (isStatusWord(v.Str) || ReasonPhraseStatus(v.Str) != 0) ||
			k == "exception" && !strings.Contains(v.Str, " ") { // a class name: sabre/dav's "Sabre\DAV\Exception\Locked"
			continue
		}
		if ReasonPhraseStatus(v.Str) != 0 && (k == "error" || k == "reason" || k == "Error") {
			if weak == "" {
				weak = key
			}
			continue
		}
		return o.str(key), key
	}
	if weak != "" {
		return o.str(weak), weak
	}
	return "", ""
}

// pickDocURL returns the first doc member holding an http(s) URL.
func pickDocURL(o *obj) (url, key string) {
	for b := o.present(vDoc); b != 0; b &= b - 1 {
		i := bits.TrailingZeros64(b)
		if k, v := o.vget(vDoc, i); v.Type == gjson.String && (strings.HasPrefix(v.Str, "https://") || strings.HasPrefix(v.Str, "http://")) {
			if n := vocabs[vDoc][i]; n == "type" || n == "url" || n == "href" {
				return v.Str, k // a problem type or a link: read, not taken
			}
			return o.str(k), k
		}
	}
	return "", ""
}

// pickDelay returns the delay o asks for: a delay member holding a number or a
// duration, or one inside "parameters" (Telegram), "meta" (Twirp) or "data"
// (Binance's epoch milliseconds beside its serverTime).
func pickDelay(o *obj) *Hint {
	if data := o.get("data"); data.IsObject() {
		ra, now := field(data, "retryAfter"), field(data, "serverTime")
		if ra.Type == gjson.Number && now.Type == gjson.Number && ra.Float() > 1e12 {
			secs := (ra.Float() - now.Float()) / 1000
			return &Hint{Value: strconv.FormatFloat(max(secs, 0), 'f', 3, 64), Source: joinKey(o.path, "data.retryAfter") + " less data.serverTime (epoch milliseconds)"}
		}
	}
	for b := o.present(vDelay); b != 0; b &= b - 1 {
		i := bits.TrailingZeros64(b)
		k, v := o.vget(vDelay, i)
		if n := vocabs[vDelay][i]; n == "parameters" || n == "meta" || n == "metadata" || n == "data" || n == "context" || n == "details" { // Telegram's parameters, Twirp's meta, Kratos' metadata, oRPC's data, Bloomreach's context, Webex's details
			for _, name := range []string{"retry_after", "retryAfter", "retry_after_seconds"} {
				if ra := field(v, name); ra.Type == gjson.Number && ra.Float() < 1e9 || ra.Type == gjson.String && ra.Str != "" {
					return &Hint{Value: text(ra), Source: joinKey(o.path, k+"."+name)}
				}
			}
			continue
		}
		if v.Type == gjson.Number || v.Type == gjson.String && v.Str != "" {
			o.take(k)
			return &Hint{Value: text(v), Source: joinKey(o.path, k)}
		}
	}
	return nil
}

// readFieldMapOrList reads field errors from a list of error items or a map of
// field to messages, and returns how many field errors and issues r then has.
func readFieldMapOrList(r *Report, v gjson.Result, depth int) int {
	switch {
	case v.IsArray():
		readItems(r, v, depth)
	case v.IsObject():
		if errs := firstExisting(field(v, "errors"), field(v, "issues"), field(v, "Error")); (errs.IsArray() || errs.IsObject() && errs.Raw != v.Raw) && depth < 4 { // {"details": {"errors": [...]}}, a ZodError, Mastercard's {"Errors": {"Error": ...}}
			return readFieldMapOrList(r, errs, depth+1)
		}
		var keys rankCache
		if it := readItemMembers(v, &keys); it.msg != "" && (it.code != "" || it.field.Type == gjson.String) {
			readItems(r, gjson.Parse("["+v.Raw+"]"), depth) // one error where a list may stand
			return len(r.FieldErrors) + len(r.Errors)
		}
		readFieldMap(r, v, "", "", depth)
	}
	return len(r.FieldErrors) + len(r.Errors)
}

// yieldEvery is how many error items are read between calls of Options.Yield.
const yieldEvery = 2000

// readItems reads a list of error items: objects naming a field become field
// errors, other objects and strings issues.
func readItems(r *Report, arr gjson.Result, depth int) {
	var keys rankCache // the items of a list mostly share their members
	sized := false
	arr.ForEach(func(_, e gjson.Result) bool {
		if r.items++; r.yield != nil && r.items%yieldEvery == 0 {
			r.yield()
		}
		if !sized && e.IsObject() { // room for as many field errors as items of this size fit in the list
			sized = true
			r.FieldErrors = slices.Grow(r.FieldErrors, min(len(arr.Raw)/len(e.Raw), 1<<16))
		}
		switch {
		case e.Type == gjson.String && identifier(e.Str) && strings.Contains(e.Str, "_") && !strings.Contains(e.Str, " "):
			if r.first == nil {
				r.first = &Issue{Code: e.Str} // a code where a message may stand: Ashby's ["requested_job_not_found"]
			}
			r.addIssue("", e.Str)
		case e.Type == gjson.String:
			if r.first == nil {
				r.first = &Issue{Message: e.Str}
			}
			r.addMessage(e.Str, "", e, false)
		case e.IsArray() && text(first(e)) == "error" && e.Get("1").IsObject():
			readItems(r, gjson.Parse("["+e.Get("1").Raw+"]"), depth) // doveadm's [["error", {"type": ...}, "tag"]]
		case e.IsObject() && sentenceMap(e, 0) && !looksLikeError(e):
			readFieldMap(r, e, "", "", depth+1) // a map of field errors where an item may stand: express-validation's keyByField
		case e.IsObject():
			it := readItemMembers(e, &keys)
			if it.typed {
				return true
			}
			if it.validationError {
				readValidationError(r, e, "", depth) // class-validator's ValidationError
				return true
			}
			if r.first == nil && (it.msg != "" || itemCode(it.code) != "" || !it.errors.Exists()) { // an item that only nests errors leaves the first to them
				code := it.code
				if it.field.Exists() && !wholeRequest(it.field.Str) || it.missing != "" {
					code = "" // a field's code is the field's, not the response's
				}
				r.first = &Issue{Message: it.msg, Code: code}
				if it.verdict.Exists() && r.RetryVerdict == nil {
					r.RetryVerdict = &Hint{Value: it.verdict.Raw, Source: "the first listed error"}
				}
				if r.RequestID == "" && it.requestID != "" {
					r.RequestID, r.RequestIDSource = it.requestID, "body: the first listed error"
				}
			}
			readItem(r, e, it, depth)
		}
		return true
	})
}

// rankCache remembers the vocabulary places of the last member names looked
// up, so the items of a list, which share their members, skip the map.
type rankCache struct {
	keys  [8]string
	ranks [8][]vocabRank
	next  int
}

func (c *rankCache) lookup(key string) []vocabRank {
	for i := range c.keys {
		if c.keys[i] == key && c.ranks[i] != nil {
			return c.ranks[i]
		}
	}
	r := noRanks
	if f := lookupFolded(key); f != nil {
		r = f.ranks
	}
	c.keys[c.next], c.ranks[c.next] = key, r
	c.next = (c.next + 1) % len(c.keys)
	return r
}

// noRanks is a cached name that is in no vocabulary.
var noRanks = []vocabRank{}

// item is what an error item holds, read in one pass over its members.
type item struct {
	field    gjson.Result // the member naming the field
	fieldKey string
	msg      string
	code     string
	missing  string       // Ajv's params.missingProperty (or LoopBack's info.)
	errors   gjson.Result // its own list of errors
	verdict  gjson.Result // its retryable or recoverable flag
	// validationError says it is class-validator's: constraints by property.
	validationError bool
	// requestID is its request id member's value.
	requestID string
	// typed says it names its shape (AWS's "__type"): a structure, no error.
	typed bool
}

// readItemMembers reads an error item's members: for the field, the message
// and the code, the earliest-listed name of its vocabulary present wins.
func readItemMembers(e gjson.Result, keys *rankCache) item {
	var it item
	fields, messages, codes := vocabs[vItemField], vocabs[vItemMessage], vocabs[vItemCode]
	fi, mi, ci, ri := len(fields), 2*len(messages), len(codes), len(vocabs[vRequestID])
	e.ForEach(func(k, v gjson.Result) bool {
		key := k.Str
		for _, r := range keys.lookup(key) {
			switch i := int(r.rank); int(r.vocab) {
			case vItemField:
				if i < fi && !(key == "name" && v.Type == gjson.String && !identifierField(v.Str)) && v.Raw != "[]" && v.Raw != `""` && v.Raw != `"null"` && v.Type != gjson.Null && // not adorsys' "path": "null"
					!(key == "Source" && v.Type == gjson.String && v.Str != strings.ToLower(v.Str)) && // not Mastercard's {"Source": "System"}
					!(key == "source" && (strings.ContainsAny(v.Str, ` {"`) || v.IsObject() && !firstExisting(field(v, "pointer"), field(v, "parameter"), field(v, "header"), field(v, "field")).Exists())) { // nor mountebank's, what failed to parse
					fi, it.field, it.fieldKey = i, v, key
				}
			case vItemMessage:
				if v.Type == gjson.String && (ReasonPhraseStatus(v.Str) != 0 || hexID(v.Str)) {
					i += len(vocabs[vItemMessage]) // a reason phrase or an id only when nothing says more
				}
				if i < mi && v.Type == gjson.String {
					mi, it.msg = i, v.Str
				}
			case vItemCode:
				if i < ci && (v.Type == gjson.String || v.Type == gjson.Number) && (key != "id" || identifier(v.Str)) { // Booking's {"id": "conflicting_parameters"}, not an occurrence's UUID
					ci, it.code = i, text(v)
				}
			case vRequestID:
				if i < ri && isID(v) {
					ri, it.requestID = i, text(v)
				}
			}
		}
		if (v.Type == gjson.True || v.Type == gjson.False) && index(verdictKeys, key, len(verdictKeys)) >= 0 {
			it.verdict = v
		}
		switch key {
		case "metadata", "meta", "context":
			if f := firstExisting(field(v, "field"), field(v, "param_name"), field(v, "attribute")); f.Type == gjson.String && !it.field.Exists() {
				it.field, it.fieldKey = f, "field" // FreshBooks' {"reason": "name: ...", "metadata": {"field": "name"}}, Clerk's meta.param_name, Infomaniak's context.attribute
			}
		case "params", "info":
			if mp := field(v, "missingProperty"); mp.Type == gjson.String {
				it.missing = mp.Str
			}
		case "errors":
			it.errors = v
		case "details":
			if c := field(v, "error"); c.Type == gjson.String && ci == len(codes) && identifier(c.Str) {
				it.code = c.Str // Expo's push ticket: {"status": "error", "message", "details": {"error": "DeviceNotRegistered"}}
			}
			if f := field(v, "field"); f.Type == gjson.String && f.Str != "" {
				fi, it.field, it.fieldKey = -1, f, "details.field" // Smartling's {"key": null, "message", "details": {"field": "jobName"}}
			}
		case "constraints", "children":
			it.validationError = it.validationError || v.IsObject() || v.IsArray()
		case "__type":
			it.typed = true
		}
		return true
	})
	it.validationError = it.validationError && it.fieldKey == "property"
	if it.fieldKey == "key" && !strings.Contains(it.msg, it.field.Str) {
		it.field, it.fieldKey = gjson.Result{}, "" // a key the message does not name is the error's: Smartling's "too.many.requests"
	}
	if message.Digits(it.code) {
		if t := field(e, "title"); t.Type == gjson.String && codeLike(t.Str) && strings.ContainsAny(t.Str, "-_") {
			it.code = t.Str // Cloud Foundry's {"code": 10010, "title": "CF-ResourceNotFound"}: the symbol, not its number
		}
	}
	if ci >= len(codes) || codes[ci] != "code" || !phraseCode(it.code) {
		it.code = itemCode(it.code) // a "code" of a few words stays: mountebank's "no such resource"
	}
	if m := vocabs[vItemMessage][mi%len(vocabs[vItemMessage])]; it.code == "" && (m == "error" || m == "reason") && codeLike(it.msg) && !strings.Contains(it.msg, " ") {
		it.code, it.msg = it.msg, "" // a code where a message may stand: {"error": "required"}
	}
	if it.code == "" && isUpperSnake(it.msg) && strings.Contains(it.msg, "_") {
		it.code, it.msg = it.msg, "" // or in a message: LINE's {"details": [{"message": "AUDIENCE_GROUP_NOT_FOUND"}]}
	}
	return it
}

// readItem records one error item as field errors or an issue.
func readItem(r *Report, e gjson.Result, it item, depth int) {
	msg, code := it.msg, it.code
	var paths []string
	switch f := it.field; {
	case f.IsArray(): // Salesforce's "fields": ["Name"]; a loc list
		if it.fieldKey == "loc" || it.fieldKey == "path" || it.fieldKey == "location" {
			paths = []string{locPath(f)}
		} else {
			f.ForEach(func(_, n gjson.Result) bool {
				paths = append(paths, text(n))
				return true
			})
		}
	case f.IsObject(): // JSON:API's source: {pointer, parameter}
		for _, k := range []string{"pointer", "parameter", "header", "field", "path", "name"} { // exegesis' location: {"in", "name": "body", "path": "/tag"}
			if p := field(f, k); p.Type == gjson.String && (k != "path" || p.Str != "") && (k != "name" || !isLocation(p.Str)) {
				paths = []string{p.Str}
				break
			}
		}
	case f.Type == gjson.String && f.Str != "":
		paths = []string{f.Str}
		if it.fieldKey == "fieldName" && field(e, "fieldPath").Str != "" {
			paths[0] = field(e, "fieldPath").Str + "." + f.Str // Sabre's {"fieldName": "toAirportCode", "fieldPath": "ShoppingRequest.oneWay"}
		}
		if it.fieldKey == "property" {
			if a := field(e, "attribute"); a.Type == gjson.String && a.Str != "" {
				paths[0] += "." + a.Str // Akeneo's {"property": "values", "attribute": "brand"}: values are keyed by attribute
			}
		}
	}
	if _, ok := cutRequired(msg); len(paths) == 0 && ok {
		paths = []string{""} // a property missing from the body itself
	}
	if it.missing != "" {
		if len(paths) == 0 {
			paths = []string{""}
		}
		paths[0] = strings.TrimSuffix(paths[0], "/") + "/" + it.missing
	}
	if name, rest, ok := strings.Cut(msg, ": "); len(paths) == 0 && ok && isPropertyPath(name) && strings.Contains(rest, name) {
		paths, msg = []string{name}, rest // Okta's cause "client_secret: 'client_secret' must be at least..."
	} else if ok && len(paths) == 1 && paths[0] == name {
		msg = rest // "name: This field is required." of the field name
	}
	if len(paths) == 0 {
		// An item that nests its own field errors: {"field": ..., "errors": [...]}.
		if sub := it.errors; (sub.IsArray() || sub.IsObject()) && depth < 4 {
			if msg != "" || code != "" {
				r.addIssue(msg, code)
			}
			readFieldMapOrList(r, sub, depth+1)
			return
		}
		r.addIssue(msg, code)
		return
	}
	for _, p := range paths {
		f := normItemPath(p, it.fieldKey)
		if name, ok := cutRequired(msg); ok && it.missing == "" {
			if name = strings.TrimSuffix(name, "'"); f != name && !strings.HasSuffix(f, "."+name) {
				f = joinKey(f, name) // Ajv names the missing property in its message alone
			}
		}
		if f == "" {
			r.addIssue(msg, code)
			continue
		}
		r.addField(f, p, msg, code, e)
	}
}

// locPath joins a location list, ["body", "items", 0, "qty"], leaving out where
// the field was sent.
func locPath(a gjson.Result) string {
	out, i := "", 0
	a.ForEach(func(_, v gjson.Result) bool {
		s := text(v)
		if v.IsObject() {
			s = text(field(v, "key")) // valibot's path: [{"type": "object", "key": "name", ...}]
		}
		if i == 0 && isLocation(s) {
			i++
			return true
		}
		out = joinKey(out, s)
		i++
		return true
	})
	return out
}

// isLocation reports a word that says where a field was sent.
func isLocation(s string) bool {
	switch s {
	case "body", "query", "path", "header", "headers", "cookie", "querystring", "params", "form", "json", "files", "cookies", "request", "requestBody":
		return true
	}
	return false
}

// webargsLocation reports a member of a map of field errors that says where
// its fields were sent: webargs' {"json": {"name": [...]}}, and
// {"json": ["Invalid JSON body."]}, about the body as a whole; Ajv's errors
// by location (express-json-validator-middleware's {"body": [...]}); or how
// they nest (valibot's flatten(): {"nested": {"email": [...]}}).
func webargsLocation(k string, v gjson.Result) bool {
	return isLocation(k) && (v.IsObject() || first(v).IsObject()) || k == "json" || k == "nested"
}

// wholeRequest reports a field name that names the record or the request as
// a whole (Rails' and Gusto's "base"), not one of its fields.
func wholeRequest(p string) bool { return p == "base" || p == "request" }

// normItemPath normalizes a field path of any notation: a JSON pointer, a
// bracket path ("[items][1][qty]", "items[1][qty]"), a dotted path, with a
// leading location ("body.items[0]") left out.
func normItemPath(p, key string) string {
	p = strings.TrimPrefix(strings.TrimSpace(p), "$.") // a JSONPath: "$.user.name"
	// An OGC locator names a parameter, WMS's REQUEST too.
	if wholeRequest(p) && key != "locator" {
		return ""
	}
	if strings.HasPrefix(p, "/") || strings.HasPrefix(p, ".") { // "/body/name", ".body.name": the location first
		if loc, rest, ok := strings.Cut(p[1:], p[:1]); ok && isLocation(loc) {
			p = p[:1] + rest
		}
	}
	if key == "location" || key == "loc" {
		if loc, rest, ok := strings.Cut(p, "."); ok && isLocation(loc) {
			p = rest
		} else if isLocation(p) {
			return ""
		}
	}
	if strings.Contains(p, "][") || strings.HasPrefix(p, "[") || strings.Contains(p, "[") && !bracketIndexes(p) {
		return fromBrackets(p) // "card[gateway]", "[items][1][qty]"
	}
	return normPath(p)
}

// fromBrackets normalizes "[items][1][qty]" and "items[1][qty]" to "items[1].qty".
func fromBrackets(p string) string {
	out := ""
	for part := range strings.FieldsFuncSeq(p, func(c rune) bool { return c == '[' || c == ']' || c == '.' }) {
		out = joinKey(out, part)
	}
	return out
}

// identifierField reports a "name" member that names a field, not an error class.
func identifierField(s string) bool {
	return s != "" && !strings.HasSuffix(s, "Error") && !strings.HasSuffix(s, "Exception") && !strings.Contains(s, " ")
}

// readFieldMap reads a map of field errors as readFieldValue does, and also maps
// whose values are error objects ({"email": {"message": ...}}) or lists of them
// ({"email": [{"description": ...}]}).
func readFieldMap(r *Report, v gjson.Result, f, path string, depth int) {
	var keys rankCache
	if depth > maxDepth {
		return
	}
	v.ForEach(func(k, e gjson.Result) bool {
		// A dotted name or, in Ditto's map, a JSON pointer.
		name, sub := normPath(k.Str), k.Str
		if loc, rest, ok := strings.Cut(k.Str, ":"); ok && rest != "" && isLocation(loc) {
			name = normPath(rest) // swaggest's {"context": {"query:limit": [...]}}: where it was sent, then the field
		} else if loc, rest, ok := strings.Cut(k.Str, "."); ok && rest != "" && loc == "requestBody" {
			name = normPath(rest) // tsoa's {"requestBody.name": {...}}: the body parameter's name, then the field
		}
		if k.Str == "non_field_errors" || k.Str == "__all__" || k.Str == "_schema" || k.Str == "_errors" || depth == 0 && (k.Str == "root" || k.Str == "base" || k.Str == r.Code && e.IsObject()) { // Rails' errors on :base; Eventbrite's {"error_detail": {"ARGUMENTS_ERROR": {"status": [...]}}}
			name, sub = "", path
		} else if path != "" {
			sub = path + "." + k.Str
		}
		full := joinPath(f, name)
		if message.Digits(k.Str) {
			full = joinKey(f, k.Str)
		}
		if rest, ok := strings.CutPrefix(e.Str, `"`); ok && f == "" {
			if q, _, ok := strings.Cut(rest, `"`); ok && strings.HasSuffix(q, "."+k.Str) {
				full = normPath(q) // Joi's message quotes the whole path its key ends: "qty": "\"items[0].qty\" must be ..."
			}
		}
		if f == "" && path == "" && depth == 0 && webargsLocation(k.Str, e) {
			full, sub = "", "" // webargs: {"json": {"name": [...]}} says where, not which
		}
		switch {
		case full == "" && e.IsArray() && first(e).IsObject():
			readItems(r, e, depth+1) // items that name their own fields, under a location
		case e.IsObject() && (field(e, "message").Type == gjson.String || field(e, "msg").Type == gjson.String || field(e, "description").Type == gjson.String):
			it := readItemMembers(e, &keys)
			r.addField(full, sub, it.msg, it.code, e)
		case e.IsArray() && oneEntry(first(e)): // Mailjet's "Properties": [{"property1": "..."}, ...]: a map written as a list
			e.ForEach(func(_, e gjson.Result) bool {
				readFieldMap(r, e, full, sub, depth+1)
				return true
			})
		case e.IsArray() && first(e).IsObject() && !looksLikeNested(first(e)):
			e.ForEach(func(_, e gjson.Result) bool {
				it := readItemMembers(e, &keys)
				f := full
				if i := field(e, "index"); i.Type == gjson.Number { // DNSimple: {"updates": [{"index": 0, ...}]}
					f = joinKey(full, i.Raw)
				}
				r.addField(f, sub, it.msg, it.code, e)
				return true
			})
		case e.IsObject():
			readFieldMap(r, e, full, sub, depth+1)
		default:
			r.readFieldValue(e, full, sub, depth+1)
		}
		return true
	})
}

// looksLikeNested reports an object inside a list that is a nested record of
// field errors (DRF's list serializers) rather than an error item.
func looksLikeNested(e gjson.Result) bool {
	nested := true
	e.ForEach(func(k, _ gjson.Result) bool {
		if index(vocabs[vItemMessage], k.Str, len(vocabs[vItemMessage])) >= 0 || index(vocabs[vItemCode], k.Str, len(vocabs[vItemCode])) >= 0 {
			nested = false
		}
		return nested
	})
	return nested
}

// firstOfErrors gives r the first listed error's code and message where the
// error as a whole has none.
func firstOfErrors(r *Report) {
	var code, msg string
	switch {
	case r.first != nil:
		code, msg = r.first.Code, r.first.Message
	case len(r.Errors) > 0:
		code, msg = r.Errors[0].Code, r.Errors[0].Message
	case len(r.FieldErrors) > 0:
		msg = r.FieldErrors[0].Message
	}
	if r.Sources.Code == "type" && code != "" {
		r.Code, r.Sources.Code = "", "" // a kind beside errors with codes of their own: Conekta's {"type": "authentication_error", "details": [{"code"}]}
	}
	if r.Code == "" && !opaque(code) {
		r.Code = code
	}
	if r.Message == "" && (r.Title == "" || ReasonPhraseStatus(r.Title) != 0) && r.Detail == "" {
		r.Message = msg
	}
}

// readMessageFields reads field errors written into the message: JSON text
// ("{\"email\": [...]}"), Ajv's and class-validator's sentences.
func readMessageFields(r *Report) {
	if r.Message == "" || len(r.FieldErrors) > 0 {
		return
	}
	if s := strings.TrimSpace(r.Message); len(s) > 1 && (s[0] == '{' || s[0] == '[') && gjson.Valid(s) {
		readFieldMapOrList(r, gjson.Parse(s), 0)
		unlocate(r.FieldErrors)
		if len(r.FieldErrors)+len(r.Errors) > 0 {
			r.Message = "" // the message was only its errors: the first of them stands for it
			r.first = nil
			firstOfErrors(r)
		}
		return
	}
	if f, path, rest, ok := ajvMessage(r.Message); ok {
		r.addField(f, path, rest, r.Code, gjson.Result{})
		return
	}
	// kin-openapi (oapi-codegen's validators): `... Error at "/items/1/qty":
	// number must be at least 1`, `parameter "limit" in query has an error:
	// number must be at most 100`.
	// APISIX's: `property "uri" validation failed: wrong type: ...`.
	for _, lead := range [...]string{`Error at "`, `parameter "`, `property "`} {
		if _, after, ok := strings.Cut(r.Message, lead); ok {
			if name, rest, ok := strings.Cut(after, `"`); ok && name != "" && (lead[0] == 'E' || strings.HasPrefix(rest, " in ") || strings.HasPrefix(rest, " validation failed")) {
				if _, msg, ok := strings.Cut(rest, ": "); ok {
					r.addField(normItemPath(name, ""), name, msg, r.Code, gjson.Result{})
					return
				}
			}
		}
	}
	// AWS's validation messages: "1 validation error detected: Value 'USA'
	// at 'shipFromAddress.countryCode' failed to satisfy constraint: Member
	// must have length less than or equal to 2"; several after "2 validation
	// errors detected:", each after "; Value ".
	if _, after, ok := strings.Cut(r.Message, "' at '"); ok {
		n := len(r.FieldErrors)
		for ok {
			name, rest, found := strings.Cut(after, "' failed to satisfy constraint: ")
			if !found || !isPropertyPath(name) {
				break
			}
			msg, rest, _ := strings.Cut(rest, "; Value ")
			r.addField(fromDotted(name), name, msg, r.Code, gjson.Result{})
			_, after, ok = strings.Cut(rest, "' at '")
		}
		if len(r.FieldErrors) > n {
			return
		}
	}
	// NATS: "Error decoding int for 'limit': strconv.Atoi: ..."
	if _, after, ok := strings.Cut(r.Message, " for '"); ok && strings.HasPrefix(r.Message, "Error decoding ") {
		if name, rest, ok := strings.Cut(after, "'"); ok && strings.HasPrefix(rest, ":") && isPropertyPath(strings.ReplaceAll(name, "-", "_")) {
			r.addField(name, name, r.Message, r.Code, gjson.Result{})
			return
		}
	}
	// Joi's sentences, alone (koa-joi-router: "\"email\" must be a valid
	// email") or after a lead-in (express-joi-validation: "Error validating
	// request body. \"name\" is required.").
	after, lead := strings.CutPrefix(r.Message, `"`)
	if name, rest, ok := strings.Cut(after, `" `); lead && !(ok && isPropertyPath(name) && (strings.HasPrefix(rest, "must ") || strings.HasPrefix(rest, "is required") || strings.HasPrefix(rest, "is not allowed"))) {
		lead = false // quoted, but no Joi sentence
	} else if !lead {
		_, after, lead = strings.Cut(r.Message, `. "`)
	}
	if lead {
		for _, s := range joiSentences(`"` + after) {
			r.addField(normItemPath(s.path, ""), s.path, s.text, "", gjson.Result{})
		}
		if len(r.FieldErrors) > 0 {
			return
		}
	}
	// go-openapi (go-swagger servers, Alertmanager): "comment in body is
	// required", "silenceID in path must be of type uuid", one a line after
	// "validation failure list:" when there are several.
	n := len(r.FieldErrors)
	for line := range strings.SplitSeq(strings.TrimPrefix(r.Message, "validation failure list:\n"), "\n") {
		if name, rest, ok := strings.Cut(line, " in "); ok && isPropertyPath(name) {
			if loc, _, ok := strings.Cut(rest, " "); ok && (isLocation(loc) || loc == "formData") {
				r.addField(fromDotted(strings.TrimPrefix(name, loc+".")), name, line, r.Code, gjson.Result{})
			}
		}
	}
	if len(r.FieldErrors) > n {
		return
	}
	// A list of the fields missing: Clever's "missing required field(s):
	// title, description, due_date".
	if _, list, ok := strings.Cut(r.Message, "missing required field(s): "); ok {
		for name := range strings.SplitSeq(list, ", ") {
			if isPropertyPath(name) {
				r.addField(fromDotted(name), name, r.Message, r.Code, gjson.Result{})
			}
		}
		return
	}
	// Goa's validation errors, joined by "; ": "\"email\" is missing from
	// body.customer", "invalid value \"abc\" for \"id\", must be a integer",
	// "length of body.lines must be greater or equal than 1".
	if parts := strings.Split(r.Message, "; "); goaField(parts[0]) != "" {
		for _, p := range parts {
			if f := goaField(p); f != "" {
				r.addField(normItemPath(f, "location"), f, p, r.Code, gjson.Result{})
			}
		}
		return
	}
	if fields := validatorFields(r.Message); fields != nil {
		for _, f := range fields {
			r.addField(normItemPath(f[0], ""), f[0], f[1], "", gjson.Result{})
		}
		return
	}
	// Mojaloop's Ajv sentences: "must be equal to one of the allowed values - path: /body/amount/currency".
	if _, at, ok := strings.Cut(r.Message, " - path: /"); ok && !strings.Contains(at, " ") {
		r.addField(normItemPath("/"+at, ""), "/"+at, r.Message, r.Code, gjson.Result{})
		return
	}
	if f, text := schemaPathField(r.Message); f != "" {
		r.addField(f, f, text, r.Code, gjson.Result{})
		return
	}
	// One field before what it must be, the only error: DeepL's pointer in
	// "/targets/0/type: Value is not valid", Stability's "init_image: is required".
	if name, rest, ok := strings.Cut(r.Message, ": "); ok && len(r.Errors) <= 1 {
		if len(name) > 1 && name[0] == '/' && isPropertyPath(strings.ReplaceAll(name[1:], "/", ".")) {
			r.addField(fromPointer(name), name, rest, r.Code, gjson.Result{})
			return
		}
		for _, verb := range [...]string{"is ", "must ", "should "} {
			if isPropertyPath(name) && strings.HasPrefix(rest, verb) {
				r.addField(fromDotted(name), name, rest, r.Code, gjson.Result{})
				return
			}
		}
	}
	// voluptuous (Python): "required key not provided @ data['page']['body']",
	// data[u'page'] in Python 2's spelling.
	if msg, at, ok := strings.Cut(r.Message, " @ data["); ok && strings.HasSuffix(at, "]") {
		f := ""
		for seg := range strings.SplitSeq(strings.TrimSuffix(at, "]"), "][") {
			if strings.HasPrefix(seg, "u'") {
				seg = seg[1:]
			}
			f = joinKey(f, strings.Trim(seg, `'"`))
		}
		r.addField(f, "data["+at, msg, r.Code, gjson.Result{})
		return
	}
	// express-zod-api and others join their field errors: "email: Invalid
	// email; items[1].qty: Too small".
	if parts := strings.Split(r.Message, "; "); len(parts) > 1 {
		var paths, msgs []string
		for _, p := range parts {
			f, m, ok := strings.Cut(p, ": ")
			if !ok || !isPropertyPath(strings.NewReplacer("[", "", "]", "").Replace(f)) {
				return
			}
			paths, msgs = append(paths, f), append(msgs, m)
		}
		for i, p := range paths {
			r.addField(normItemPath(p, ""), p, msgs[i], "", gjson.Result{})
		}
	}
}

// schemaPathField returns the field and message of oas-tools' sentences,
// which name the field by the schema's path ("Validation failed at
// #/properties/owner/properties/email/format > must match format ..."), by
// the parameter ("Parameter limit does not match ...") or by a declaration
// ("Missing declaration for \"sort\""); "" when msg is none of these.
func schemaPathField(msg string) (field, text string) {
	if _, after, ok := strings.Cut(msg, `Missing declaration for "`); ok {
		field, _, _ = strings.Cut(after, `"`)
		return field, `Missing declaration for "` + field + `"`
	}
	_, after, ok := strings.Cut(msg, "Validation failed at #/")
	at, text, ok2 := strings.Cut(after, " > ")
	if !ok || !ok2 {
		return "", ""
	}
	segs := strings.Split(at, "/")
	for i := 0; i+1 < len(segs); i++ {
		if segs[i] == "properties" {
			i++
			field = joinKey(field, segs[i])
		}
	}
	if name, ok := cutRequired(text); ok {
		field = joinKey(field, strings.TrimSuffix(name, "'"))
	}
	if name, rest, ok := strings.Cut(strings.TrimPrefix(msg, "RequestValidationError: "), " does not match"); field == "" && ok && rest != "" && strings.HasPrefix(name, "Parameter ") {
		field = name[len("Parameter "):]
	}
	return field, text
}

// validatorFields returns the (path, message) pairs of a message that is only
// field errors, one a part, as validators write them: zod-validation-error's
// `Validation error: Invalid email at "email"; ...`, go-playground/validator's
// `Key: 'Signup.Email' Error:Field validation for 'Email' failed ...` (the
// struct's type first) and superstruct's `At path: address.zip -- Expected a
// string`. Nil when a part is none of these.
func validatorFields(msg string) (fields [][2]string) {
	parts := strings.Split(strings.TrimPrefix(msg, "Validation error: "), "; ")
	validator := strings.HasPrefix(msg, "Key: '")
	if validator {
		parts = strings.Split(msg, "Key: '")[1:]
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		var path, text string
		ok := false
		switch at := strings.LastIndex(p, ` at "`); {
		case validator:
			var ns string
			if ns, text, ok = strings.Cut(p, "' Error:"); ok {
				_, path, ok = strings.Cut(ns, ".")
			}
		case strings.HasPrefix(p, "At path: "):
			path, text, ok = strings.Cut(p[len("At path: "):], " -- ")
		case at > 0 && at+len(` at "`) < len(p) && strings.HasSuffix(p, `"`): // not `x at "` alone
			path, text, ok = p[at+len(` at "`):len(p)-1], p[:at], true
		}
		if !ok || path == "" || !isPropertyPath(strings.NewReplacer("[", "", "]", "").Replace(asciiLower(path[:1])+path[1:])) {
			return nil // Go's field names are capitalized
		}
		fields = append(fields, [2]string{path, text})
	}
	return fields
}

// codeLike reports a value that reads like a code rather than a sentence: one
// token of letters, digits and _ . : - /, not only a reason phrase.
func codeLike(s string) bool {
	if s == "" || len(s) > 120 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == ':' || c == '-' || c == '/') {
			return false
		}
	}
	// One word: a reason phrase only as written ("Unauthorized"), capitalized;
	// a final period ends a sentence (restless's {"error": "Unauthorized."}).
	return !(s[0] >= 'A' && s[0] <= 'Z' && ReasonPhraseStatus(s) != 0) && !strings.Contains(s, "://") && s[len(s)-1] != '.'
}

// identifier reports a code-like value that names an error rather than one
// occurrence: letters with _ or - or capitals, not a number, UUID or hex id.
func identifier(s string) bool {
	letters, digits := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			letters++
		}
	}
	return letters > 0 && digits*3 < letters && len(s) <= 64
}

// phraseCode reports a code of at most three words, starting in lower case,
// of letters and spaces only.
func phraseCode(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	spaces := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i] | 0x20; {
		case s[i] == ' ':
			spaces++
		case c < 'a' || c > 'z':
			return false
		}
	}
	return spaces < 3
}

// isStatusWord reports a "status" value that only says the call failed.
func isStatusWord(s string) bool {
	switch strings.ToLower(s) {
	case "error", "err", "fail", "failed", "failure", "ko", "false", "nok":
		return true
	}
	return false
}

// firstExisting returns the first of v that exists.
func firstExisting(v ...gjson.Result) gjson.Result {
	for _, r := range v {
		if r.Exists() {
			return r
		}
	}
	return gjson.Result{}
}

// readTreeAsJSON reads root, the JSON a body of another format stands for
// (xmlTree's, formTree's), as a JSON body is read.
func readTreeAsJSON(d *doc, r *Report, root gjson.Result) {
	d.root = root
	d.top = newObj("", root, d.top.m[:0])
	readJSON(d, r, &d.top)
}

// readXML reads an XML body by the JSON reader, from its tree (xmlTree), after
// what XML-RPC's and WebDAV's faults say.
func readXML(d *doc, r *Report) {
	if strings.Contains(d.body, "<fault>") { // XML-RPC: <member><name>faultCode</name><value><int>10</int>...
		for _, m := range []struct {
			name string
			to   *string
		}{{"faultCode", &r.Code}, {"faultString", &r.Message}} {
			if i := strings.Index(d.body, "<name>"+m.name+"</name>"); i >= 0 && *m.to == "" {
				v := d.body[i:]
				if end := strings.Index(v, "</member>"); end > 0 {
					*m.to = collapse(unescape(stripTags(v[len("<name>"+m.name+"</name>"):end])))
				}
			}
		}
	}
	if strings.Contains(d.body, `"DAV:"`) { // WebDAV's multistatus: a precondition element in <error>, and <responsedescription>
		r.Message = xmlLocal(d.body, "responsedescription")
		r.Code = davCondition(d.body)
	}
	if tree := xmlTree(d.body); tree != "" && gjson.Valid(tree) {
		d.root = gjson.Parse(tree)
		envelope := true // of a Header and a Body only: a SOAP envelope, whose header carries the transport's metadata
		d.root.ForEach(func(k, _ gjson.Result) bool {
			envelope = k.Str == "Header" || k.Str == "Body"
			return envelope
		})
		if body := d.root.Get("Body"); envelope && body.IsObject() {
			d.root = body // the fault, or the reply that says what failed (Chronopost's <return><errorCode>)
		}
		readTreeAsJSON(d, r, d.root)
		d.root.Get("Fault.detail").ForEach(func(_, e gjson.Result) bool { // the application's own code and message (UPnP's UPnPError, DPD's authenticationFault)
			if c := text(firstExisting(field(e, "errorCode"), field(e, "code"))); c != "" {
				r.Code, r.Message = c, cmp.Or(text(firstExisting(field(e, "errorMessage"), field(e, "errorDescription"), field(e, "message"))), r.Message)
				d.takePath("Fault.detail") // read, so not listed again under Other members
				return false
			}
			return true
		})
		if r.Code == "" && r.Message == "" && d.root.Get("Fault.Code").Exists() { // SOAP 1.2: <Code><Value>, <Reason><Text>, taken so no member repeats them
			r.Code, r.Message = text(d.takePath("Fault.Code").Get("Value")), text(d.takePath("Fault.Reason").Get("Text"))
		}
	}
	if _, c, ok := strings.Cut(r.Code, ":"); ok && !strings.Contains(r.Code, "://") {
		r.Code = c // a SOAP fault's "soap11env:Client...": the namespace prefix is no part of it
	}
}

// davCondition returns the name of the precondition or postcondition element
// in a WebDAV <error> (RFC 4918 §16): its first child not in a server's own
// namespace (sabre/dav's exception and message, Apache's human-readable), or "".
func davCondition(body string) string {
	var own []string
	for _, ns := range []string{"http://sabredav.org/ns", "http://apache.org/dav/xmlns"} {
		if i := strings.Index(body, `="`+ns+`"`); i >= 0 {
			own = append(own, body[strings.LastIndexAny(body[:i], " :")+1:i]+":")
		}
	}
	inside := false
	for e := body; ; {
		i := strings.IndexByte(e, '<')
		if i < 0 {
			return ""
		}
		e = e[i+1:]
		tag, _, _ := strings.Cut(e, ">")
		tag, _, _ = strings.Cut(strings.TrimRight(tag, "/"), " ")
		local := tag[strings.LastIndexByte(tag, ':')+1:]
		switch {
		case local == "error":
			if strings.HasPrefix(tag, "/") {
				return "" // </d:error>
			}
			inside = true
		case inside && !strings.HasPrefix(tag, "/") && !slices.ContainsFunc(own, func(p string) bool { return strings.HasPrefix(tag, p) }):
			return local
		}
	}
}

// opaque reports a UUID-like value, 32 or more hex digits and dashes: a code
// no reader branches on (Symfony's constraint codes), the first listed
// error's code must not be; an id where a request id is sought.
func opaque(code string) bool {
	ok, _ := hexOnly(code)
	return ok && len(code) >= 32
}

// itemCode returns an error item's code, or "" for what only reads like one:
// a sentence, or express-validator's kinds of item ("field").
func itemCode(code string) string {
	if strings.HasPrefix(code, "urn:") && !strings.Contains(code, " ") {
		return code // Australia's CDR: "urn:au-cds:error:cds-all:Resource/Unavailable"
	}
	if kind, rest, ok := strings.Cut(strings.TrimPrefix(code, "["), "]"); ok && code[0] == '[' && codeLike(kind) && (rest == "" || codeLike(rest)) {
		return code // FusionAuth's "[invalid]", "[duplicate]user.username"
	}
	if code == "field" || code == "error" || !codeLike(code) || isLocation(strings.ToLower(code)) { // not zod-express-middleware's "type": "Body"
		return ""
	}
	return code
}

// sentences reports whether an object's string values, at any depth, include
// a sentence (a space): field messages do, descriptions of a resource seldom.
func sentences(v gjson.Result, depth int) bool {
	found := false
	v.ForEach(func(_, e gjson.Result) bool {
		switch {
		case e.Type == gjson.String:
			found = strings.Contains(e.Str, " ")
		case (e.IsObject() || e.IsArray()) && depth < maxDepth:
			found = sentences(e, depth+1)
		}
		return !found
	})
	return found
}

// unlocate drops the spans of field errors read from JSON inside a string: its
// offsets are the inner text's, not the body's.
func unlocate(fields []FieldError) {
	for i := range fields {
		fields[i].Offset, fields[i].Len = 0, 0
	}
}

// errorMap reports a map whose every value is an error object with a message:
// {"email": {"code": "invalid", "message": "..."}} (PocketBase).
func errorMap(v gjson.Result) bool {
	ok, n := true, 0
	v.ForEach(func(_, e gjson.Result) bool {
		n++
		ok = e.IsObject() && field(e, "message").Type == gjson.String && !field(e, "__typename").Exists() // not a GraphQL payload (Vendure's ErrorResult)
		return ok
	})
	return ok && n > 0
}

// sentenceMap reports an object whose values are all sentences or such
// objects: ozzo-validation's {"email": "must be a valid email address",
// "address": {"zip": "must be in a valid format"}}.
func sentenceMap(v gjson.Result, depth int) bool {
	ok, n := depth <= maxDepth && v.IsObject(), 0
	v.ForEach(func(_, e gjson.Result) bool {
		n++
		ok = ok && (e.Type == gjson.String && strings.Contains(e.Str, " ") || sentenceMap(e, depth+1))
		return ok
	})
	return ok && n > 0
}

// unnamed reports whether no member of o has a name the vocabularies know.
func unnamed(o *obj) bool {
	for _, m := range o.m {
		if lookupFolded(m.key) != nil {
			return false
		}
	}
	return true
}

// hasMessage reports whether o has a message of its own.
func hasMessage(o *obj) bool {
	m, _ := pickMessage(o, "", "", "")
	return m != ""
}

// source is the path of o's member key, or "" for none.
func source(o *obj, key string) string {
	if key == "" {
		return ""
	}
	return joinKey(o.path, key)
}

// bracketIndexes reports whether every [...] of p holds a number: "items[0]"
// is already normal, "card[gateway]" is not.
func bracketIndexes(p string) bool {
	for {
		i := strings.IndexByte(p, '[')
		if i < 0 {
			return true
		}
		j := strings.IndexByte(p[i:], ']')
		if j < 0 || !message.Digits(p[i+1:i+j]) {
			return false
		}
		p = p[i+j+1:]
	}
}

// readValidationError reads a class-validator ValidationError (routing-controllers,
// NestJS with exceptionFactory): {property, constraints: {isEmail: "..."},
// children: [...]}, a field error per constraint, its children below it.
func readValidationError(r *Report, e gjson.Result, parent string, depth int) {
	f := joinKey(parent, text(field(e, "property")))
	field(e, "constraints").ForEach(func(k, v gjson.Result) bool {
		r.addField(f, f, text(v), k.Str, e)
		return true
	})
	if depth < maxDepth {
		field(e, "children").ForEach(func(_, c gjson.Result) bool {
			readValidationError(r, c, f, depth+1)
			return true
		})
	}
}

// dropStatusEcho clears a code that is only the status's number (GoCardless'
// error.code, Field Nation's errors[0].code).
func dropStatusEcho(d *doc, r *Report) {
	if r.Code != "" && message.Digits(r.Code) && r.Code == strconv.Itoa(cmp.Or(d.msg.Status, r.BodyStatus)) {
		r.Code = ""
	}
}

// verdictKeys name a body's flag saying whether the request may be retried.
var verdictKeys = []string{"retryable", "isRetryable", "is_retryable", "retriable", "recoverable",
	"Retryable", "Recoverable", "IsRetryable"}
