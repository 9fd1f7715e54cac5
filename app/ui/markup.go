package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// markup writes HTML text for app.Raw. The report's read-only parts are
// written this way: as text they compile to a fraction of the code that
// go-app's element builders take, and app.wasm has a size budget.
type markup struct{ strings.Builder }

// open writes a start tag; attrs, already escaped, may be empty.
func (m *markup) open(tag, attrs string) {
	m.WriteString("<" + tag)
	if attrs != "" {
		m.WriteString(" " + attrs)
	}
	m.WriteByte('>')
}

// close writes an end tag.
func (m *markup) close(tag string) { m.WriteString("</" + tag + ">") }

// el writes an element holding text, escaped.
func (m *markup) el(tag, attrs, text string) {
	m.open(tag, attrs)
	m.WriteString(esc(text))
	m.close(tag)
}

// openFact starts a fact of a dl: its term, then its description's start.
func (m *markup) openFact(label string) { m.WriteString("<div><dt>" + esc(label) + "</dt><dd>") }

// closeFact ends a fact openFact started.
func (m *markup) closeFact() { m.WriteString("</dd></div>") }

// list writes items as a ul.
func (m *markup) list(attrs string, items []string) {
	m.open("ul", attrs)
	for _, s := range items {
		m.el("li", "", s)
	}
	m.close("ul")
}

// ui is the markup as one element.
func (m *markup) ui() app.UI { return app.Raw(m.String()) }

// link writes a link to an http(s) URL from the paste or the spec tables; any
// other scheme (javascript:, data:...) is written as text, never made
// clickable.
func (m *markup) link(u, text string) {
	if l := strings.ToLower(strings.TrimSpace(u)); !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "http://") {
		m.el("span", `data-testid="doc-text"`, text)
		return
	}
	m.el("a", `href="`+esc(u)+`" target="_blank" rel="noopener noreferrer"`, text)
}

// locate writes the button that shows a fact in the editor: what names it
// for Page.locate.
func (m *markup) locate(what, label string) {
	m.el("button", `type="button" class="link locate" data-locate="`+esc(what)+`" aria-label="`+esc(label)+`"`, "show")
}

// h is an element with its attributes written as name=value pairs split by
// "|" ("type=button|class=small|data-testid=share"): one call where a chain
// of builder calls would cost app.wasm several times the code.
func h(tag, attrs string) app.HTMLElem {
	e := app.Elem(tag)
	for attrs != "" {
		var kv string
		kv, attrs, _ = strings.Cut(attrs, "|")
		k, v, _ := strings.Cut(kv, "=")
		e = e.Attr(k, v)
	}
	return e
}

// when is ui if c holds, else nothing: app.If without the closure, where ui
// costs little to build and is safe to build either way.
func when(c bool, ui app.UI) app.UI {
	if c {
		return ui
	}
	return app.Text("")
}
