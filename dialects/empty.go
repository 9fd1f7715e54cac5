package dialects

// Responses with no body: everything is in the status line and the headers.

var emptyBody = &Dialect{
	ID:          "empty",
	Name:        "No body",
	Description: "No body: the status and headers are all there is.",
	Spec:        "https://www.rfc-editor.org/rfc/rfc9110#section-6.4",
	decode:      func(*doc, *Report) {},
}
