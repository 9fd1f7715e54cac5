package dialects

// PostgREST's error body (https://docs.postgrest.org/en/stable/references/errors.html),
// also Supabase's: {"code": "PGRST116" or a PostgreSQL SQLSTATE, "message",
// "details", "hint"}, the last two often null.

import "strings"

var postgrest = &Dialect{
	ID:          "postgrest",
	Name:        "PostgREST / Supabase",
	Description: "code (PGRST... or a PostgreSQL SQLSTATE), message, details and hint.",
	Spec:        "https://docs.postgrest.org/en/stable/references/errors.html",
	detect:      detectPostgREST,
	anchors:     []string{"hint"},
}

func detectPostgREST(d *doc, s *score) {
	t := &d.top
	if t.keys("code", "message", "details", "hint") < 3 || !t.has("hint") {
		return
	}
	s.add(55, "code, message, details and hint")
	code := text(t.get("code"))
	if strings.HasPrefix(code, "PGRST") {
		s.add(40, "code is a PostgREST code, "+code)
	} else if len(code) == 5 {
		s.add(30, "code is a 5-character SQLSTATE")
	}
}
