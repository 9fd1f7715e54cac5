package dialects

// Twirp's error body (https://twitchtv.github.io/twirp/docs/spec_v7.html#error-codes):
// {"code": "invalid_argument", "msg": "...", "meta": {"argument": "name"}}, the
// code one of the spec's fixed list; an invalid_argument names its field in
// meta.argument.

import "github.com/tidwall/gjson"

var twirp = &Dialect{
	ID:          "twirp",
	Name:        "Twirp",
	Description: `code (one of Twirp's fixed list), msg, and string meta such as meta.argument.`,
	Spec:        "https://twitchtv.github.io/twirp/docs/spec_v7.html#error-codes",
	detect:      detectTwirp,
	anchors:     []string{"msg"},
	decode:      decodeTwirp,
}

// twirpCodes are Twirp's error codes (spec v7).
var twirpCodes = []string{"canceled", "unknown", "invalid_argument", "malformed", "deadline_exceeded",
	"not_found", "bad_route", "already_exists", "permission_denied", "unauthenticated",
	"resource_exhausted", "failed_precondition", "aborted", "out_of_range", "unimplemented",
	"internal", "unavailable", "dataloss"}

func detectTwirp(d *doc, s *score) {
	t := &d.top
	if !t.has("msg") || !contains(twirpCodes, text(t.get("code"))) {
		return
	}
	s.add(85, `code is a Twirp error code, beside "msg"`)
	if t.get("meta").IsObject() {
		s.add(10, `has Twirp's "meta" map`)
	}
}

func decodeTwirp(d *doc, r *Report) {
	t := &d.top
	r.Code, r.Message = t.str("code"), t.str("msg")
	if meta := t.get("meta"); meta.IsObject() {
		if arg := field(meta, "argument"); arg.Type == gjson.String && (r.Code == "invalid_argument" || r.Code == "malformed") {
			t.take("meta")
			r.addField(fromDotted(arg.Str), arg.Str, r.Message, r.Code, arg)
		}
	}
}

// contains reports whether list holds s.
func contains(list []string, s string) bool { return s != "" && index(list, s, len(list)) >= 0 }
