package dialects

// Plain text bodies, and what is not text at all (binary, compressed).

import "strings"

var plainText = &Dialect{
	ID:          "text",
	Name:        "Plain text",
	Description: "A text body: its first line is the message.",
	Spec:        "https://www.rfc-editor.org/rfc/rfc9110#section-15",
	decode:      decodeText,
}

func decodeText(d *doc, r *Report) {
	if d.kind == "binary" {
		return
	}
	if d.kind == "xml" {
		if readXML(d, r); r.Message != "" || r.Code != "" {
			return
		}
	}
	line, _, _ := strings.Cut(d.body, "\n")
	r.Message = strings.TrimSpace(line[:min(len(line), 500)])
	if who := servedBy(d); who != "" {
		r.Evidence = append(r.Evidence, "a response from "+who+", not from the API itself")
	}
}
