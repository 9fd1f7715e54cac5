package dialects

// Kubernetes API errors: a metav1.Status object
// (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/):
// {"kind": "Status", status: "Failure", message, reason, details: {name, kind,
// causes: [{reason, message, field}], retryAfterSeconds}, code}; Audit-Id header.

import "github.com/tidwall/gjson"

var kubernetes = &Dialect{
	ID:          "kubernetes",
	Name:        "Kubernetes Status",
	Description: `kind "Status" with reason, message, code and details.causes per field.`,
	Spec:        "https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/",
	detect:      detectKubernetes,
	anchors:     []string{"kind"},
	decode:      decodeKubernetes,
}

func detectKubernetes(d *doc, s *score) {
	t := &d.top
	if text(t.get("kind")) == "Status" {
		s.add(70, `kind is "Status"`)
	}
	if t.has("apiVersion") && t.has("reason") {
		s.add(20, "apiVersion and reason")
	}
	if d.hasHeader("Audit-Id") {
		s.add(10, "Audit-Id header")
	}
}

func decodeKubernetes(d *doc, r *Report) {
	t := &d.top
	t.take("kind")
	t.take("apiVersion")
	r.Type = t.str("status") // "Failure"
	r.Message = t.str("message")
	r.Code = t.str("reason")
	r.BodyStatus = status(t.take("code"))
	if t.get("metadata").Raw == "{}" {
		t.take("metadata")
	}
	if det := t.get("details"); det.IsObject() {
		dt := d.open(t, "details")
		dt.take("name")
		dt.take("kind")
		if ra := dt.take("retryAfterSeconds"); ra.Type == gjson.Number {
			r.RetryDelay = &Hint{Value: ra.Raw, Source: "details.retryAfterSeconds"}
		}
		readItems(r, dt.take("causes"), 0)
		r.Instance = text(field(det, "kind")) + "/" + text(field(det, "name"))
		if r.Instance == "/" {
			r.Instance = ""
		}
	}
}
