package dialects

// Slack Web API errors (https://api.slack.com/web#evaluating_responses):
// HTTP 200 with {"ok": false, "error": "channel_not_found", "response_metadata":
// {"messages": ["[ERROR] ..."]}}; needed/provided scopes on missing_scope.

import "github.com/tidwall/gjson"

var slack = &Dialect{
	ID:          "slack",
	Name:        "Slack Web API",
	Description: `"ok": false with an error code, often under HTTP 200.`,
	Spec:        "https://api.slack.com/web#evaluating_responses",
	detect:      detectSlack,
	anchors:     []string{"ok"},
	decode:      decodeSlack,
}

func detectSlack(d *doc, s *score) {
	t := &d.top
	if t.get("ok").Type == gjson.False && t.get("error").Type == gjson.String {
		s.add(90, `"ok": false with an error string`)
	}
}

func decodeSlack(d *doc, r *Report) {
	t := &d.top
	t.take("ok")
	r.Code = t.str("error")
	r.Message = t.str("warning")
	if meta := t.get("response_metadata"); meta.IsObject() {
		m := d.open(t, "response_metadata")
		m.take("messages").ForEach(func(_, v gjson.Result) bool {
			r.addIssue(text(v), "")
			return true
		})
	}
	if r.Code == "missing_scope" {
		r.Detail = "needed: " + t.str("needed") + "; provided: " + t.str("provided")
	}
	if d.msg.Status == 200 {
		r.Warnings = append(r.Warnings, `the error came with HTTP 200: Slack reports failures with "ok": false in the body`)
	}
}
