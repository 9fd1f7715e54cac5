package dialects

// Falcon's HTTPError body (https://falcon.readthedocs.io/en/stable/api/errors.html):
// {"title": "400 Bad Request", "description": "...", "code": ..., "link": {...}}.

import (
	"strings"

	"github.com/tidwall/gjson"
)

var falcon = &Dialect{
	ID:          "falcon",
	Name:        "Falcon",
	Description: "title (often the status line) and description, with an optional code and link.",
	Spec:        "https://falcon.readthedocs.io/en/stable/api/errors.html",
	detect:      detectFalcon,
	anchors:     []string{"title"},
	decode:      decodeFalcon,
}

func detectFalcon(d *doc, s *score) {
	t := &d.top
	title := text(t.get("title"))
	if title == "" || t.has("type") || t.has("status") || t.has("detail") {
		return
	}
	if t.has("description") {
		s.add(55, "title and description")
	} else if len(t.m) == 1 {
		s.add(25, "only a title")
	}
	if len(title) > 4 && status(gjson.Result{Type: gjson.String, Str: title[:3]}) != 0 && title[3] == ' ' {
		s.add(30, "title is a status line, "+title)
	}
}

func decodeFalcon(d *doc, r *Report) {
	t := &d.top
	r.Title, r.Message = t.str("title"), t.str("description")
	// HTTPMissingParam and HTTPInvalidParam: The "page" parameter is
	// required; Mailman's: Invalid Parameter "max_message_size": ...
	name, ok := "", false
	if rest, cut := strings.CutPrefix(r.Message, `The "`); cut {
		name, _, ok = strings.Cut(rest, `" parameter `)
	} else if rest, cut := strings.CutPrefix(r.Message, `Invalid Parameter "`); cut {
		name, _, ok = strings.Cut(rest, `"`)
	}
	if ok && name != "" && !strings.Contains(name, " ") {
		r.addField(name, name, r.Message, "", t.get("description"))
	}
	if l := t.get("link"); l.IsObject() {
		t.take("link")
		r.DocURL = text(field(l, "href"))
	}
}
