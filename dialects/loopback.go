package dialects

// LoopBack's error body (https://loopback.io/doc/en/lb4/Error-handling.html):
// {"error": {"statusCode", "name": "UnprocessableEntityError", "message",
// "code": "VALIDATION_FAILED", "details": [{"path", "code", "message", "info"}]}}.

import "github.com/tidwall/gjson"

var loopback = &Dialect{
	ID:          "loopback",
	Name:        "LoopBack",
	Description: "error with statusCode, name (the error class), message, code and details per path.",
	Spec:        "https://loopback.io/doc/en/lb4/Error-handling.html",
	detect:      detectLoopBack,
	anchors:     []string{"error"},
}

func detectLoopBack(d *doc, s *score) {
	e := &d.inner
	if e.get("statusCode").Type != gjson.Number || !e.has("message") {
		return
	}
	if e.get("code").Type == gjson.Number && !e.has("name") {
		return // Ably's {"error": {code: 40101, statusCode, message}}: an error object
	}
	s.add(60, "error with statusCode and message")
	if e.has("name") {
		s.add(20, "error.name, the error's class")
	}
	if first(e.get("details")).IsObject() && field(first(e.get("details")), "path").Exists() {
		s.add(15, "error.details with path")
	}
}
