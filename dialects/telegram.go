package dialects

// The Telegram Bot API's error body (https://core.telegram.org/bots/api#making-requests):
// {"ok": false, "error_code": 429, "description": "Too Many Requests: retry after
// 35", "parameters": {"retry_after": 35}}.

import "github.com/tidwall/gjson"

var telegram = &Dialect{
	ID:          "telegram",
	Name:        "Telegram Bot API",
	Description: `"ok": false, error_code and description, with parameters.retry_after when flooded.`,
	Spec:        "https://core.telegram.org/bots/api#making-requests",
	detect:      detectTelegram,
	anchors:     []string{"error_code"},
	decode:      decodeTelegram,
}

func detectTelegram(d *doc, s *score) {
	t := &d.top
	if t.get("ok").Type == gjson.False && t.get("error_code").Type == gjson.Number && t.has("description") {
		s.add(95, `"ok": false with error_code and description`)
	}
}

func decodeTelegram(d *doc, r *Report) {
	t := &d.top
	t.take("ok")
	r.Message = t.str("description")
	if c := t.take("error_code"); status(c) != d.msg.Status || d.msg.Status == 0 {
		r.Code = text(c)
	}
	if p := t.get("parameters"); p.IsObject() {
		t.take("parameters")
		if ra := field(p, "retry_after"); ra.Exists() {
			r.RetryDelay = &Hint{Value: ra.Raw, Source: "parameters.retry_after"}
		}
		if m := field(p, "migrate_to_chat_id"); m.Exists() {
			r.Members = append(r.Members, Member{Path: "parameters.migrate_to_chat_id", Value: m.Raw})
		}
	}
}
