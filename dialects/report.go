package dialects

import (
	"encoding/json"
	"unicode/utf8"

	"github.com/errlens/errlens/dialects/message"
)

// Report is what an error response says, in one shape whatever its dialect. Its
// JSON form is errlens's stable contract (the CLI's --json, the embed API): keys
// are never renamed, and the ones listed in README.md are always present.
type Report struct {
	Dialect      string        `json:"dialect"`    // id of the detected (or chosen) dialect
	Confidence   float64       `json:"confidence"` // 0 to 1
	Alternatives []Alternative `json:"alternatives"`
	Evidence     []string      `json:"evidence"` // why the dialect was chosen
	Overridden   bool          `json:"overridden,omitempty"`

	Status     int    `json:"status"`     // status line, else the body's own status
	Reason     string `json:"reason"`     // reason phrase
	BodyStatus int    `json:"bodyStatus"` // the status the body states, 0 if none

	Type     string `json:"type"`
	Code     string `json:"code"`
	Title    string `json:"title"`
	Message  string `json:"message"`
	Detail   string `json:"detail"`
	Instance string `json:"instance"`

	RequestID       string `json:"requestId"`
	RequestIDSource string `json:"requestIdSource,omitempty"` // body member or header name
	DocURL          string `json:"docUrl"`
	Timestamp       string `json:"timestamp,omitempty"`

	FieldErrors []FieldError `json:"fieldErrors"`
	Errors      []Issue      `json:"errors"`  // errors that belong to no field
	Members     []Member     `json:"members"` // members the dialect does not map
	Warnings    []string     `json:"warnings"`

	// Sources says where the generic reader found the facts it read, as
	// member paths ("error.errcode") or header names: the evidence for each
	// choice. Facts a dialect read itself have none here.
	Sources Sources `json:"sources"`

	// RetryVerdict is the body's own word on retrying: a retryable or
	// recoverable flag ("true" or "false"), with where it was read.
	RetryVerdict *Hint `json:"retryVerdict,omitempty"`

	// RetryDelay is a delay the body asks for (seed 002's retry_after, Google's
	// RetryInfo); the retry advice weighs it against the headers.
	RetryDelay *Hint `json:"retryDelay,omitempty"`
	// NotRun says the error was raised before the operation ran: a GraphQL
	// request error (no path: the document or its variables were refused).
	NotRun bool `json:"notRun,omitempty"`

	Request Request `json:"request"`
	Body    Body    `json:"body"`
	// Entries lists a HAR file's entries, failed ones first; Entry is the one read.
	Entries []message.Entry `json:"entries,omitempty"`
	Entry   int             `json:"entry,omitempty"`

	// Headers are the response's header fields as pasted.
	Headers message.Headers `json:"-"`
	// BodyText is the body without surrounding white space: FieldError
	// offsets point into it.
	BodyText string `json:"-"`

	// dialect is the dialect Dialect names.
	dialect *Dialect
	// first is the first error item a list held, in the body's order.
	first *Issue
	// yield and items: Options.Yield, called every yieldEvery items read.
	yield func()
	items int
}

// Sources are the places the generic reader took facts from.
type Sources struct {
	Code    string `json:"code,omitempty"`
	Message string `json:"message,omitempty"`
	Title   string `json:"title,omitempty"`
	Detail  string `json:"detail,omitempty"`
	DocURL  string `json:"docUrl,omitempty"`
	Status  string `json:"status,omitempty"`
	Errors  string `json:"errors,omitempty"` // the list or map of errors
}

// Alternative is a runner-up dialect.
type Alternative struct {
	Dialect    string  `json:"dialect"`
	Confidence float64 `json:"confidence"`
}

// FieldError is an error about one member of the request.
type FieldError struct {
	// Field is the normalized path: dot notation with [n] indexes, "items[0].name".
	Field string `json:"field"`
	// Path is the path as the body gave it: a JSON pointer, a loc list, "items.0.name".
	Path    string `json:"path"`
	Message string `json:"message"`
	Code    string `json:"code"`
	// In says where the field was sent when the body tells: body, query, path,
	// header, cookie.
	In string `json:"in,omitempty"`
	// Offset and Len locate, in Report.BodyText, the member that reported the
	// error, so a view can highlight it.
	Offset int `json:"-"`
	Len    int `json:"-"`
}

// Issue is an error that belongs to no field.
type Issue struct {
	Message string `json:"message"`
	Code    string `json:"code,omitempty"`
}

// Member is a body member the dialect does not map, kept so nothing is lost.
type Member struct {
	Path  string // dotted path from the body's root
	Value string // raw JSON (or text for XML)
}

// MarshalJSON writes the value as JSON when it is valid UTF-8 JSON, else as
// a string.
func (m Member) MarshalJSON() ([]byte, error) {
	type out struct {
		Path  string `json:"path"`
		Value any    `json:"value"`
	}
	var v any = m.Value
	if utf8.ValidString(m.Value) && json.Valid([]byte(m.Value)) {
		v = json.RawMessage(m.Value)
	}
	return json.Marshal(out{m.Path, v})
}

// Hint is a value read from the body, with where it was read.
type Hint struct {
	Value  string `json:"value"`
	Source string `json:"source"`
}

// Request is what the paste tells of the request that failed.
type Request struct {
	Method string          `json:"method,omitempty"`
	URL    string          `json:"url,omitempty"`
	Source string          `json:"source,omitempty"` // where the method was read
	Header message.Headers `json:"-"`
}

// Body describes the response body as pasted.
type Body struct {
	Format      message.Format `json:"format"` // the paste's shape
	ContentType string         `json:"contentType,omitempty"`
	Kind        string         `json:"kind"` // json, xml, html, text, binary, empty, unrecorded
	Bytes       int            `json:"bytes"`
	Line        int            `json:"line"` // line of the paste where the body starts
	// Offset is the byte offset of BodyText in the paste, or -1 when the
	// paste does not hold the body as is (a HAR file escapes it; curl -v
	// output may interleave its own lines).
	Offset int `json:"-"`
	// SyntaxError locates invalid JSON; the headers are still used.
	SyntaxError *SyntaxError `json:"syntaxError,omitempty"`
	Notes       []string     `json:"notes,omitempty"` // what could not be read as HTTP
}

// SyntaxError is a position in the paste where a JSON body stops being JSON.
type SyntaxError struct {
	Msg    string `json:"message"`
	Line   int    `json:"line"`   // 1-based, in the paste
	Column int    `json:"column"` // 1-based, in bytes
	Offset int    `json:"offset"` // byte offset in the paste
}

func (e *SyntaxError) Error() string {
	return "invalid JSON at line " + itoa(e.Line) + ", column " + itoa(e.Column) + " (byte " + itoa(e.Offset) + "): " + e.Msg
}

// Guidance is the retry guidance of the report's dialect.
func (r *Report) Guidance() []Guidance {
	if r.dialect == nil {
		return nil
	}
	return r.dialect.Guidance
}

// Headline is the report's one-line summary: its title, message or detail,
// whichever comes first.
func (r *Report) Headline() string {
	for _, s := range []string{r.Title, r.Message, r.Detail, r.Code, r.Type} {
		if s != "" {
			return s
		}
	}
	if len(r.Errors) > 0 {
		return r.Errors[0].Message
	}
	return r.Reason
}
