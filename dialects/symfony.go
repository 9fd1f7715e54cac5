package dialects

// Symfony's and API Platform's validation errors (https://symfony.com/doc/current/validation.html,
// https://api-platform.com/docs/core/validation/): problem details whose
// "violations" list {propertyPath, title or message, code}.

import "strings"

var symfony = &Dialect{
	ID:          "symfony",
	Name:        "Symfony / API Platform",
	Description: "Problem details with violations: propertyPath, title and code per field.",
	Spec:        "https://symfony.com/doc/current/validation.html",
	detect:      detectSymfony,
	anchors:     []string{"type", "violations"},
	decode:      decodeProblem,
}

func detectSymfony(d *doc, s *score) {
	t := &d.top
	if strings.Contains(text(t.get("type")), "symfony.com/errors") {
		s.add(95, "type is a symfony.com/errors URI")
	}
	if v := first(t.get("violations")); field(v, "propertyPath").Exists() {
		s.add(95, "violations with propertyPath")
	}
}
