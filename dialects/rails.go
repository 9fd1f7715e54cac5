package dialects

// Ruby on Rails' error bodies (https://guides.rubyonrails.org/configuring.html#config-exceptions-app):
// {"status": 404, "error": "Not Found"} from the exceptions app of an API-only
// app, and the {"errors": {field: [messages]}} or {"errors": [full messages]}
// that controllers render from a model's errors. Rails marks its responses with
// X-Runtime and X-Request-Id.

import "github.com/tidwall/gjson"

var rails = &Dialect{
	ID:          "rails",
	Name:        "Ruby on Rails",
	Description: `{"status", "error"} from the exceptions app, or a model's "errors", with X-Runtime and X-Request-Id.`,
	Spec:        "https://guides.rubyonrails.org/configuring.html#config-exceptions-app",
	detect:      detectRails,
}

func detectRails(d *doc, s *score) {
	if !d.hasHeader("X-Runtime") {
		return
	}
	t := &d.top
	switch {
	case len(t.m) == 2 && t.get("status").Type == gjson.Number && t.get("error").Type == gjson.String:
		s.add(90, `X-Runtime, and only "status" and "error" (the exceptions app)`)
	case (t.has("errors") || t.has("exception")) && !t.has("message"):
		s.add(85, `X-Runtime, and the model's "errors"`)
	}
}
