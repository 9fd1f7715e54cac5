package dialects

// Any other JSON body: read by the generic reader alone (reader.go). Nothing is
// forced into a dialect it does not fit, and nothing is lost: the members the
// reader does not map are kept as unmapped members.

var genericJSON = &Dialect{
	ID:          "generic-json",
	Name:        "JSON (no known dialect)",
	Description: "Any other JSON: its error object, code, message, request id, field errors and delay found by structure and by the names APIs use.",
	Spec:        "https://www.rfc-editor.org/rfc/rfc8259",
}
