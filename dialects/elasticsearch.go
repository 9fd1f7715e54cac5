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
	decode:      decodeElasticsearch,
}

func detectElasticsearch(d *doc, s *score) {
	e := &d.inner
	if !e.has("type") || !e.has("reason") {
		return
	}
	s.add(40, "error with type and reason")
	if e.get("root_cause").IsArray() {
		s.add(50, "error.root_cause")
	}
	if status(d.top.get("status")) != 0 {
		s.add(10, "status beside error")
	}
}

func decodeElasticsearch(d *doc, r *Report) {
	e := d.open(&d.top, "error")
	r.Code, r.Message = e.str("type"), e.str("reason")
	e.take("root_cause")
	r.BodyStatus = status(d.top.take("status"))
}
