package dialects

// Elasticsearch's and OpenSearch's error body
// (https://www.elastic.co/guide/en/elasticsearch/reference/current/common-options.html):
// {"error": {"root_cause": [{type, reason}], "type", "reason", "caused_by"},
// "status": 404}; the exception type is the code.

var elasticsearch = &Dialect{
	ID:          "elasticsearch",
	Name:        "Elasticsearch / OpenSearch",
	Description: "error with root_cause, type (the exception) and reason, beside the status.",
	Spec:        "https://www.elastic.co/guide/en/elasticsearch/reference/current/common-options.html",
	detect:      detectElasticsearch,
	anchors:     []string{"error"},
	decode:      decodeElasticsearch,
}

func detectElasticsearch(d *doc, s *score) {
	e := &d.inner
	if e.get("root_cause").IsArray() {
		s.add(90, "error.root_cause")
	} else if e.has("type") && e.has("reason") {
		s.add(40, "error with type and reason")
	}
	if status(d.top.get("status")) != 0 {
		s.add(10, "status beside error")
	}
}

func decodeElasticsearch(d *doc, r *Report) {
	e := d.open(&d.top, "error")
	r.Code, r.Message = e.str("type"), e.str("reason")
	if rc := first(e.take("root_cause")); r.Code == "" {
		r.Code, r.Message = text(field(rc, "type")), text(field(rc, "reason"))
	}
	r.BodyStatus = status(d.top.take("status"))
}
