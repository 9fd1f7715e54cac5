package dialects

// Spring Boot's default error attributes (DefaultErrorAttributes,
// https://docs.spring.io/spring-boot/api/java/org/springframework/boot/web/servlet/error/DefaultErrorAttributes.html):
// {timestamp, status, error, path, message?, exception?, trace?, errors?, requestId?}.

import "github.com/tidwall/gjson"

var springBoot = &Dialect{
	ID:          "spring-boot",
	Name:        "Spring Boot",
	Description: "timestamp, status, error (the reason phrase), path, and optional message, trace and errors.",
	Spec:        "https://docs.spring.io/spring-boot/api/java/org/springframework/boot/web/servlet/error/DefaultErrorAttributes.html",
	detect:      detectSpring,
	decode:      decodeSpring,
}

func detectSpring(d *doc, s *score) {
	t := &d.top
	if t.get("status").Type != gjson.Number || t.get("error").Type != gjson.String {
		return
	}
	if n := t.keys("timestamp", "path"); n > 0 {
		s.add(40+n*20, "status and error beside timestamp or path")
	}
	if t.has("trace") || t.has("exception") {
		s.add(10, "trace or exception")
	}
}

func decodeSpring(d *doc, r *Report) {
	t := &d.top
	r.Timestamp = t.str("timestamp")
	r.BodyStatus = status(t.take("status"))
	r.Title = t.str("error")
	r.Message = t.str("message")
	r.Instance = t.str("path")
	r.Type = t.str("exception")
	if id := t.str("requestId"); id != "" {
		r.RequestID, r.RequestIDSource = id, "body requestId"
	}
	readItems(r, t.take("errors"), 0)
}
