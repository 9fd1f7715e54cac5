package dialects

// Responses with no body: everything is in the status line and the headers.

var emptyBody = &Dialect{
	ID:          "empty",
	Name:        "No body",
	Description: "No body: the status and headers are all there is.",
	Spec:        "https://www.rfc-editor.org/rfc/rfc9110#section-6.4",
	decode:      func(*doc, *Report) {},
}

// unrecorded is a HAR entry whose body the browser received but did not save.
var unrecorded = &Dialect{
	ID:          "unrecorded",
	Name:        "Body not recorded",
	Description: "The HAR file holds no copy of this response's body: the status and headers are all there is. Export the HAR again with content, or copy the response from the browser's Network panel.",
	Spec:        "https://w3c.github.io/web-performance/specs/HAR/Overview.html#sec-object-types-content",
	decode:      func(*doc, *Report) {},
}
