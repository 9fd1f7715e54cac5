package dialects

// The {statusCode, error, message} body of hapi's Boom
// (https://hapi.dev/module/boom/api/), also sent by NestJS (message may be a list
// of class-validator messages) and Fastify (with a "code" such as
// FST_ERR_VALIDATION and Ajv messages).

import (
	"strings"

	"github.com/tidwall/gjson"
)

var boom = &Dialect{
	ID:          "boom",
	Name:        "Boom / NestJS / Fastify",
	Description: "statusCode, error (the reason phrase) and message, a string or a list.",
	Spec:        "https://hapi.dev/module/boom/api/",
	detect:      detectBoom,
	anchors:     []string{"statusCode"},
	decode:      decodeBoom,
}

func detectBoom(d *doc, s *score) {
	t := &d.top
	if t.get("statusCode").Type != gjson.Number || !t.has("message") {
		return
	}
	if e := t.get("error"); e.Type == gjson.String && (ReasonPhraseStatus(e.Str) != 0 || !t.has("errors")) {
		s.add(70, "statusCode, error and message")
	} else if len(t.m) == 2 {
		s.add(55, "only statusCode and message (NestJS)")
	} else {
		s.add(45, "statusCode and message")
	}
	if t.get("message").IsArray() {
		s.add(15, "message is a list (NestJS validation)")
	}
	if len(text(t.get("code"))) > 4 && text(t.get("code"))[:4] == "FST_" {
		s.add(20, "code is a Fastify error code")
	}
}

func decodeBoom(d *doc, r *Report) {
	t := &d.top
	r.BodyStatus = status(t.take("statusCode"))
	r.Title = t.str("error")
	r.Code = t.str("code")
	m := t.take("message")
	if m.IsArray() {
		m.ForEach(func(_, v gjson.Result) bool {
			if r.Message == "" {
				r.Message = text(v)
			}
			r.addMessage(text(v), "", v, true)
			return true
		})
		return
	}
	r.Message = text(m)
	if v := t.get("validation"); v.IsObject() { // hapi's failAction, celebrate: Joi's sentences
		t.take("validation")
		msg := r.Message
		v.ForEach(func(_, part gjson.Result) bool { // celebrate: one per part, {"body": {"message": ...}}
			if pm := field(part, "message"); pm.Type == gjson.String {
				msg = pm.Str
				for _, s := range joiSentences(msg) {
					r.addField(fromDotted(s.path), s.path, s.text, "", part)
				}
				msg = ""
			}
			return true
		})
		for _, s := range joiSentences(msg) {
			r.addField(fromDotted(s.path), s.path, s.text, "", m)
		}
		return
	}
	for _, part := range ajvParts(r.Message) {
		if field, path, rest, ok := ajvMessage(part); ok {
			r.addField(field, path, rest, r.Code, m)
		} else if f, _, ok := classValidatorMessage(part); ok {
			r.addField(fromDotted(f), f, part, r.Code, m)
		}
	}
}

// ajvParts splits Fastify's message for several Ajv errors, "body/a must ...,
// body/b must ...", at each ", " that opens another location.
func ajvParts(msg string) []string {
	var parts []string
	for {
		i := -1
		for _, loc := range []string{", body/", ", querystring/", ", params/", ", headers/", ", body ", ", querystring "} {
			if j := strings.Index(msg, loc); j >= 0 && (i < 0 || j < i) {
				i = j
			}
		}
		if i < 0 {
			return append(parts, msg)
		}
		parts, msg = append(parts, msg[:i]), msg[i+2:]
	}
}

// joiSentence is one of Joi's messages: "\"email\" must be a valid email".
type joiSentence struct{ path, text string }

// joiSentences splits Joi's joined message into its sentences, each naming
// its field in quotes first.
func joiSentences(msg string) []joiSentence {
	var out []joiSentence
	for _, s := range strings.Split(msg, `. "`) {
		if !strings.HasPrefix(s, `"`) {
			s = `"` + s
		}
		path, _, ok := strings.Cut(s[1:], `"`)
		if !ok || path == "" {
			continue
		}
		if len(out) < len(strings.Split(msg, `. "`))-1 {
			s += "."
		}
		out = append(out, joiSentence{path, strings.TrimSuffix(s, ".")})
	}
	return out
}
