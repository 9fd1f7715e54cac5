package dialects

// GitHub REST API errors (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api):
// {message, documentation_url, status, errors: [{resource, field, code, message}]},
// the request id in X-GitHub-Request-Id.

import "strings"

var github = &Dialect{
	ID:          "github",
	Name:        "GitHub REST",
	Description: "message and documentation_url, with errors naming resource, field and code.",
	Spec:        "https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api",
	detect:      detectGitHub,
	anchors:     []string{"message"},
	decode:      decodeGitHub,
}

func detectGitHub(d *doc, s *score) {
	t := &d.top
	if !t.has("message") {
		return
	}
	if t.has("documentation_url") {
		s.add(50, "message with documentation_url")
	}
	if strings.Contains(text(t.get("documentation_url")), "docs.github.com") || strings.Contains(text(t.get("documentation_url")), "developer.github.com") {
		s.add(30, "documentation_url points at GitHub's docs")
	}
	if d.hasHeader("X-GitHub-Request-Id") {
		s.add(30, "X-GitHub-Request-Id header")
	}
	if d.err0.has("resource") {
		s.add(20, "errors[0].resource")
	}
	if msg := text(t.get("message")); contains(githubMessages, msg) {
		s.add(55, "message is one of GitHub's documented messages: "+msg)
	}
}

func decodeGitHub(d *doc, r *Report) {
	t := &d.top
	r.Message = t.str("message")
	r.DocURL = t.str("documentation_url")
	r.BodyStatus = status(t.take("status"))
	readItems(r, t.take("errors"), 0)
	if id := d.header("X-GitHub-Request-Id"); id != "" {
		r.RequestID, r.RequestIDSource = id, "X-GitHub-Request-Id"
	}
}

// githubMessages are messages GitHub's REST docs list, distinctive enough to
// name the API without documentation_url.
var githubMessages = []string{"Problems parsing JSON", "Body should be a JSON object", "Validation Failed",
	"Bad credentials", "Requires authentication", "Must have admin rights to Repository."}
