package dialects

// The "errors" list family: a body whose content is a list of {code, message,
// detail} objects, as in the OCI Distribution spec (Docker Registry,
// https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes),
// Square, Intercom, Cloudflare and many more; also lists of plain messages
// (HashiCorp Vault, Asana). More specific dialects (JSON:API, GraphQL, GitHub)
// outscore it.

import "strings"

var errorsList = &Dialect{
	ID:          "errors-list",
	Name:        `"errors" list`,
	Description: `An "errors" list of {code, message, detail} objects or of messages (OCI registries, Square, Intercom, Cloudflare).`,
	Spec:        "https://github.com/opencontainers/distribution-spec/blob/main/spec.md#error-codes",
	detect:      detectErrorsList,
	anchors:     []string{"errors"},
}

func detectErrorsList(d *doc, s *score) {
	t := &d.top
	errs := t.get("errors")
	if c := t.get("code"); !errs.IsArray() || t.has("message") || hasMessage(t) || c.Exists() && status(c) != d.msg.Status {
		return // an envelope with its own message or code
	}
	switch {
	case len(t.m) == 1 && errs.Raw == "[]" || len(t.m) == 1 && strings.TrimSpace(errs.Raw[1:len(errs.Raw)-1]) == "":
		s.add(55, `only an empty "errors" list`)
	case strings.HasPrefix(strings.TrimLeft(errs.Raw[1:], " \t\r\n"), `"`):
		s.add(55, `"errors" is a list of messages`)
	case d.err0.has("code") && d.err0.keys("message", "detail", "title") > 0:
		s.add(60, `"errors" is a list of {code, message}`)
	case d.err0.keys("message", "msg", "reason", "description", "detail", "code", "error_code", "error_message") > 0:
		s.add(52, `"errors" is a list of error objects`)
	}
}
