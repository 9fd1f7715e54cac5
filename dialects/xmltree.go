package dialects

// XML bodies are read by the JSON reader: xmlTree writes the document as the
// JSON an XML-to-JSON mapping would, and the vocabularies, wrappers and lists
// do the rest, so <Error code="2050" element="firstname"><Message>...</Message>
// and {"Error": {"code": "2050", "element": "firstname", "Message": ...}} are
// read alike.

import (
	"strings"
)

// xnode is an XML element: its local name, attributes, children and text.
type xnode struct {
	name  string
	attrs []string // name, value, name, value...
	kids  []*xnode
	text  strings.Builder
}

// maxXMLNodes bounds how many elements a body's tree holds.
const maxXMLNodes = 1024

// xmlTree returns body's root element as JSON: attributes (but namespace
// declarations) and children are members under their local names; repeated
// children are a list, as are the children of a plural (<Errors><Error>);
// an element of text alone is a string, and the text of one that also has
// attributes is its "message". A body that is not XML enough to read is "".
func xmlTree(body string) string {
	p := xmlParser{s: body}
	root := &xnode{}
	p.content(root, 0)
	for _, k := range root.kids {
		var b strings.Builder
		k.write(&b)
		return b.String()
	}
	return ""
}

type xmlParser struct {
	s     string
	i     int
	nodes int
}

// content reads text and elements into n until its end tag (or the end).
func (p *xmlParser) content(n *xnode, depth int) {
	for p.i < len(p.s) {
		lt := strings.IndexByte(p.s[p.i:], '<')
		if lt < 0 {
			n.text.WriteString(unescape(p.s[p.i:]))
			p.i = len(p.s)
			return
		}
		n.text.WriteString(unescape(p.s[p.i : p.i+lt]))
		p.i += lt
		rest := p.s[p.i:]
		switch {
		case strings.HasPrefix(rest, "</"):
			p.skipPast(">")
			return
		case strings.HasPrefix(rest, "<![CDATA["):
			end := strings.Index(rest, "]]>")
			if end < 0 {
				end = len(rest) - 3
			}
			n.text.WriteString(rest[9:max(end, 9)])
			p.i += end + 3
		case strings.HasPrefix(rest, "<!--"):
			p.skipPast("-->")
		case strings.HasPrefix(rest, "<?") || strings.HasPrefix(rest, "<!"):
			p.skipPast(">")
		default:
			p.element(n, depth)
		}
	}
}

// element reads the element at p.i into a new child of parent.
func (p *xmlParser) element(parent *xnode, depth int) {
	end := strings.IndexByte(p.s[p.i:], '>')
	if end < 0 || depth >= maxDepth || p.nodes >= maxXMLNodes {
		p.i = len(p.s)
		return
	}
	tag := p.s[p.i+1 : p.i+end]
	p.i += end + 1
	p.nodes++
	empty := strings.HasSuffix(tag, "/")
	tag = strings.TrimSuffix(tag, "/")
	name, attrs, _ := strings.Cut(tag, " ")
	n := &xnode{name: localName(name)}
	for attrs = strings.TrimSpace(attrs); attrs != ""; attrs = strings.TrimSpace(attrs) {
		eq := strings.IndexByte(attrs, '=')
		if eq < 0 || eq+1 >= len(attrs) {
			break
		}
		q := attrs[eq+1]
		close := strings.IndexByte(attrs[eq+2:], q)
		if close < 0 {
			break
		}
		k := strings.TrimSpace(attrs[:eq])
		if k != "xmlns" && !strings.HasPrefix(k, "xmlns:") && !strings.HasPrefix(k, "xml:") && !strings.HasSuffix(k, "chemaLocation") && !strings.HasSuffix(k, ":encodingStyle") && !xmlType(localName(k), attrs[eq+2:eq+2+close]) { // xml:lang, xml:space, xsi:schemaLocation and SOAP's encodingStyle say how, not what
			n.attrs = append(n.attrs, localName(k), unescape(attrs[eq+2:eq+2+close]))
		}
		attrs = attrs[eq+3+close:]
	}
	parent.kids = append(parent.kids, n)
	if !empty {
		p.content(n, depth+1)
	}
}

func (p *xmlParser) skipPast(s string) {
	if j := strings.Index(p.s[p.i:], s); j >= 0 {
		p.i += j + len(s)
	} else {
		p.i = len(p.s)
	}
}

// xmlType reports an attribute that types its element's text, as Rails'
// <status type="integer">500</status> and xsi:type="xs:string" do: no fact.
func xmlType(name, v string) bool {
	return name == "nil" || name == "type" && strings.Contains(" integer int string boolean float decimal double datetime dateTime date array symbol ", " "+localName(v)+" ")
}

// localName drops a namespace prefix: "soap:Fault" is "Fault".
func localName(s string) string {
	return s[strings.LastIndexByte(s, ':')+1:]
}

// write writes n's value as JSON.
func (n *xnode) write(b *strings.Builder) {
	text := strings.TrimSpace(n.text.String())
	switch {
	case len(n.kids) == 0 && len(n.attrs) == 0:
		writeJSONString(b, text)
		return
	case len(n.attrs) == 0 && n.list():
		b.WriteByte('[')
		for i, k := range n.kids {
			if i > 0 {
				b.WriteByte(',')
			}
			k.write(b)
		}
		b.WriteByte(']')
		return
	}
	b.WriteByte('{')
	first := true
	sep := func(name string) {
		if !first {
			b.WriteByte(',')
		}
		first = false
		writeJSONString(b, name)
		b.WriteByte(':')
	}
	for i := 0; i+1 < len(n.attrs); i += 2 {
		sep(n.attrs[i])
		writeJSONString(b, n.attrs[i+1])
	}
	if len(n.kids) == 0 && text != "" {
		sep("message")
		writeJSONString(b, text)
	}
	for i, k := range n.kids {
		if n.seen(i) {
			continue
		}
		sep(k.name)
		if n.count(k.name) == 1 {
			k.write(b)
			continue
		}
		b.WriteByte('[')
		for j, o := range n.kids[i:] {
			if o.name == k.name {
				if j > 0 {
					b.WriteByte(',')
				}
				o.write(b)
			}
		}
		b.WriteByte(']')
	}
	b.WriteByte('}')
}

// list reports children that are a list: all of one name, several, or the
// items of a plural (<Errors><Error>, <details><detail>).
func (n *xnode) list() bool {
	k := n.kids[0].name
	return n.count(k) == len(n.kids) && (len(n.kids) > 1 || strings.EqualFold(n.name, k+"s"))
}

func (n *xnode) count(name string) int {
	c := 0
	for _, k := range n.kids {
		if k.name == name {
			c++
		}
	}
	return c
}

// seen reports whether a child before i has the name of child i.
func (n *xnode) seen(i int) bool {
	for _, k := range n.kids[:i] {
		if k.name == n.kids[i].name {
			return true
		}
	}
	return false
}

// writeJSONString writes s as a JSON string.
func writeJSONString(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
}
