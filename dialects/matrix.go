package dialects

// The Matrix client-server API's error body
// (https://spec.matrix.org/latest/client-server-api/#standard-error-response):
// {"errcode": "M_FORBIDDEN", "error": "...", "retry_after_ms": 2000}.

import "strings"

var matrix = &Dialect{
	ID:          "matrix",
	Name:        "Matrix",
	Description: `errcode (M_FORBIDDEN...) and error, with retry_after_ms when rate-limited.`,
	Spec:        "https://spec.matrix.org/latest/client-server-api/#standard-error-response",
	detect:      detectMatrix,
	anchors:     []string{"errcode"},
}

func detectMatrix(d *doc, s *score) {
	code := text(d.top.get("errcode"))
	if code == "" {
		return
	}
	s.add(60, "has errcode")
	if strings.HasPrefix(code, "M_") {
		s.add(35, "errcode is a Matrix code, "+code)
	}
}
