package dialects

// The Connect protocol's error body (https://connectrpc.com/docs/protocol#error-end-stream):
// {"code": "invalid_argument", "message": "...", "details": [{"type", "value",
// "debug"}]}, the code one of gRPC's, in lower snake case; a detail's "debug" is
// its JSON form, read as Google's typed details.

import "github.com/tidwall/gjson"

var connect = &Dialect{
	ID:          "connect",
	Name:        "Connect RPC",
	Description: "code (a gRPC code in snake case), message, and typed details with their JSON debug form.",
	Spec:        "https://connectrpc.com/docs/protocol#error-end-stream",
	detect:      detectConnect,
	anchors:     []string{"code"},
	decode:      decodeConnect,
}

func detectConnect(d *doc, s *score) {
	t := &d.top
	if !contains(twirpCodes, text(t.get("code"))) || t.has("msg") {
		return
	}
	for _, m := range t.m {
		if m.key != "code" && m.key != "message" && m.key != "details" {
			return
		}
	}
	s.add(70, "only code, message and details, the code a Connect code")
	if det := first(t.get("details")); field(det, "type").Exists() && field(det, "value").Exists() {
		s.add(25, `details carry "type" and "value"`)
	}
}

func decodeConnect(d *doc, r *Report) {
	t := &d.top
	r.Code, r.Message = t.str("code"), t.str("message")
	i := 0
	t.take("details").ForEach(func(_, det gjson.Result) bool {
		decodeGoogleDetail(r, text(field(det, "type")), field(det, "debug"), "details."+itoa(i))
		i++
		return true
	})
}
