package dialects

// The {statusCode, error, message} body of hapi's Boom
// (https://hapi.dev/module/boom/api/), also sent by NestJS (message may be a list
// of class-validator messages) and Fastify (with a "code" such as
// FST_ERR_VALIDATION and Ajv messages).

import "github.com/tidwall/gjson"

var boom = &Dialect{
	ID:          "boom",
	Name:        "Boom / NestJS / Fastify",
	Description: "statusCode, error (the reason phrase) and message, a string or a list.",
	Spec:        "https://hapi.dev/module/boom/api/",
	detect:      detectBoom,
	decode:      decodeBoom,
}

func detectBoom(d *doc, s *score) {
	t := &d.top
	if t.get("statusCode").Type != gjson.Number || !t.has("message") {
		return
	}
	if t.get("error").Type == gjson.String {
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
			r.addMessage(text(v), "", v)
			return true
		})
		return
	}
	r.Message = text(m)
	if field, path, rest, ok := ajvMessage(r.Message); ok {
		r.addField(field, path, rest, r.Code, m)
	} else if f, rest, ok := classValidatorMessage(r.Message); ok {
		r.addField(fromDotted(f), f, rest, r.Code, m)
	}
}
