package dialects

// Salesforce REST API errors (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm):
// a top-level array of {"message", "errorCode", "fields": [...]}, one element
// an error.

var salesforce = &Dialect{
	ID:          "salesforce",
	Name:        "Salesforce REST",
	Description: "A top-level list of {message, errorCode, fields}.",
	Spec:        "https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm",
	detect:      detectSalesforce,
}

func detectSalesforce(d *doc, s *score) {
	e := first(d.root)
	if !d.root.IsArray() || !field(e, "errorCode").Exists() || !field(e, "message").Exists() {
		return
	}
	s.add(90, "a top-level list of {message, errorCode}")
}
