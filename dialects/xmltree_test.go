package dialects

import (
	"testing"

	"github.com/tidwall/gjson"
)

// TestXMLTree: the JSON an XML body is read as.
func TestXMLTree(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<error code="10">Invalid API Key</error>`, `{"code":"10","message":"Invalid API Key"}`},
		{`<?xml version="1.0"?><!-- c --><Errors><Error><Code>501</Code></Error></Errors>`, `[{"Code":"501"}]`},
		{`<r><e>a</e><e>b</e><f/></r>`, `{"e":["a","b"],"f":""}`},
		{`<soap:Fault xmlns:soap="x"><faultcode>soap:Client</faultcode></soap:Fault>`, `{"faultcode":"soap:Client"}`},
		{`<hash><status type="integer">500</status><error nil="true"/></hash>`, `{"status":"500","error":""}`},
		{`<m><![CDATA[a <b> & "c"]]></m>`, `"a <b> & \"c\""`},
		{`<m>x &amp; y &lt;z&gt;</m>`, `"x & y <z>"`},
		{`<a><b c='1'>`, `{"b":{"c":"1"}}`},
		{`not xml`, ``},
	} {
		got := xmlTree(c.in)
		if got != c.want || got != "" && !gjson.Valid(got) {
			t.Errorf("xmlTree(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}
