package ui

import (
	"cmp"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/errlens/errlens/dialects"
	"github.com/errlens/errlens/dialects/message"
	"github.com/errlens/errlens/dialects/retry"
	"github.com/errlens/errlens/dialects/share"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Limits that keep the page responsive on big pastes.
const (
	bodyViewLimit  = 64 << 10 // bytes of the body shown pretty-printed
	fieldRowsLimit = 200      // field errors shown before "show all"
)

// asPasted is the method picker's value for "the method the paste shows".
const asPasted = "pasted"

// methodChoices are what the method picker offers: the method the paste
// shows, or one of these.
var methodChoices = []choice{{asPasted, "as pasted"}, {"GET", "GET"}, {"HEAD", "HEAD"}, {"OPTIONS", "OPTIONS"},
	{"PUT", "PUT"}, {"DELETE", "DELETE"}, {"POST", "POST"}, {"PATCH", "PATCH"}}

// Render draws the page: the full app, or the embed view.
func (p *Page) Render() app.UI {
	if p.embed {
		return p.embedView()
	}
	return h("div", "id=top|class=page").Body(
		app.If(p.updateAvailable, func() app.UI {
			return h("div", "class=update|aria-live=polite").Body(
				app.Elem("span").Text("A new version of errlens is available."),
				h("button", "type=button|class=primary").Text("Reload").OnClick(p.onReload),
			)
		}),
		h("header", "class=masthead").Body(
			h("img", "src=/web/icon.svg|role=presentation|class=logo"),
			app.Elem("h1").Text("errlens"),
			h("p", "class=tagline").Text("Paste what an API sent back. See what it means and what to do next. Nothing leaves this page."),
		),
		h("main", "class=grid").Body(
			p.inputPanel(),
			p.resultsSection(),
		),
		p.yourDialects(),
		&gallery{},
		h("footer", "class=footer").Body(
			app.Text("Keys: / edit, Esc leave the editor, g gallery. Runs offline; your input stays in this browser. "),
			p.decodeTime(),
		),
	)
}

// embedView is the report with minimal chrome, for an iframe in a docs page:
// the editor is one click away, and the full app one link away.
func (p *Page) embedView() app.UI {
	editor := "embed-input hidden"
	if p.showInput {
		editor = "embed-input"
	}
	return h("div", "id=top|class=page embed|data-testid=embed-view").Body(
		h("div", "class=embed-bar row").Body(
			h("img", "src=/web/icon.svg|role=presentation|class=logo small"),
			app.Elem("a").Attr("href", p.appURL).Attr("target", "_blank").Attr("rel", "noopener").Attr("data-testid", "open-in-app").Text("Open in errlens"),
			app.If(!p.locked, func() app.UI {
				return h("button", "type=button|class=small|data-testid=edit-toggle").Aria("expanded", p.showInput).Text("Edit").
					OnClick(func(ctx app.Context, e app.Event) { p.showInput = !p.showInput })
			}),
		),
		app.Elem("div").Class(editor).Body(p.inputPanel()),
		p.resultsSection(),
		p.decodeTime(),
	)
}

func (p *Page) resultsSection() app.UI {
	return h("section", "class=results|data-testid=results").Attr("data-decodes", p.decodes).
		Aria("label", "Report").OnClick(p.onReportClick).Body(
		append([]app.UI{h("p", "class=sr-only|role=status|data-testid=announce").Text(p.announcement())}, p.results()...)...)
}

func (p *Page) decodeTime() app.UI {
	if p.took <= 0 {
		return app.Text("")
	}
	return h("span", "class=muted|data-testid=decode-time").Attr("data-ms", p.took.Seconds()*1000).
		Text(fmt.Sprintf("Decoded in %.1f ms.", p.took.Seconds()*1000))
}

// The page the server prerenders (what shows, and takes input, while
// app.wasm loads) writes a false boolean attribute as checked="false", which
// HTML reads as true, and a newline in an attribute as "\n": there, those
// attributes are written only when they hold. In the browser, go-app sets
// them either way.

// editor is the textarea of the paste: read-only while it shows the start
// of a big input.
func (p *Page) editor() app.UI {
	ed := h("textarea", "id=input|data-testid=input|spellcheck=false|autocomplete=off").
		Class(map[bool]string{false: "editor", true: "editor wrap"}[p.wrap]).
		// The text is the default value, so the editor shows the input
		// when go-app (re)creates it; typing and setEditor set its value.
		Attr("value", p.shown).
		OnInput(p.onInput).
		OnDrop(p.onDrop).
		OnDragOver(p.onDragOver)
	if app.IsClient {
		ed = ed.Attr("placeholder", "HTTP/1.1 422 Unprocessable Entity\nContent-Type: application/problem+json\n\n{\"type\": \"...\", \"title\": \"...\"}")
	}
	if big := len(p.input) > bigPaste; big || app.IsClient {
		ed = ed.Attr("readonly", big)
	}
	return ed
}

// checkbox is a checkbox, ticked when on.
func checkbox(id string, on bool) app.HTMLElem {
	c := h("input", "type=checkbox").ID(id)
	if on || app.IsClient {
		c = c.Attr("checked", on)
	}
	return c
}

func (p *Page) inputPanel() app.UI {
	return h("section", "class=input-panel|aria-label=Input").Body(
		h("label", "for=input|class=label").Text("Response: curl -i or -v output, headers and body, a body, or a HAR file"),
		when(len(p.input) > bigPaste, h("p", "class=note|data-testid=big-input").Body(
			app.Text(fmt.Sprintf("This %.1f MB input is read whole; the editor shows its first %d KB, read-only. ", float64(len(p.input))/(1<<20), previewBytes>>10)),
			h("button", "type=button|class=small|data-testid=clear-editor").Text("Clear the editor").OnClick(p.onClearEditor),
		)),
		p.editor(),
		h("div", "class=controls").Body(
			h("label", "for=method").Text("Method"),
			app.Elem("span").OnChange(p.onMethod).Body(app.Raw(selectHTML("method", methodChoices, cmp.Or(p.method, asPasted)))),
			h("label", "class=check").Body(
				checkbox("wrap", p.wrap).OnChange(func(ctx app.Context, e app.Event) { p.wrap = !p.wrap }),
				app.Text(" wrap lines"),
			),
			h("label", "class=check").Body(
				checkbox("idempotency-key", p.key).OnChange(p.onKey),
				app.Text(" sent with an Idempotency-Key"),
			),
			h("label", "class=file").Body(
				app.Text("Open a file… "),
				h("input", "type=file|id=file|accept=.har,.json,.txt,.http,.log,text/*,application/json").OnChange(p.onFile),
			),
		),
		h("div", "class=controls muted").Body(
			h("label", "class=check").Body(
				checkbox("remember", p.remember).OnChange(p.onRemember),
				app.Text(" remember the last input in this browser, its secrets redacted"),
			),
			h("button", "type=button|class=link|id=clear-saved").Text("Clear it").OnClick(p.onClearSaved),
		),
		when(p.rulesErr != "" || builtinsErr != "", h("p", "class=error|role=alert").Text(strings.Trim(p.rulesErr+". "+builtinsErr, ". ")+".")),
		p.shareView(),
		p.entries(),
	)
}

// entriesPage is how many HAR entries the list shows at once: a HAR of
// 100,000 entries renders as fast as one of 100.
const entriesPage = 100

// entriesShown is the HAR entries the filter keeps, the page shown and the
// number of pages.
func (p *Page) entriesShown() (shown []message.Entry, page, pages int) {
	shown = p.report.Entries
	if f := strings.ToLower(strings.TrimSpace(p.entryFilter)); f != "" {
		shown = nil
		for _, e := range p.report.Entries {
			if strings.Contains(strings.ToLower(e.Method+" "+strconv.Itoa(e.Status)+" "+e.URL+" "+e.MimeType), f) {
				shown = append(shown, e)
			}
		}
	}
	pages = max(1, (len(shown)+entriesPage-1)/entriesPage)
	return shown, min(max(p.entryPage, 0), pages-1), pages
}

// entries lists a HAR file's entries, failed first, a page at a time, with
// a filter on method, status and URL.
func (p *Page) entries() app.UI {
	r := p.report
	if r == nil || len(r.Entries) == 0 {
		return app.Text("")
	}
	shown, page, pages := p.entriesShown()
	from, to := page*entriesPage, min(len(shown), (page+1)*entriesPage)
	return h("div", "class=entries").Body(
		app.Elem("h3").Text(fmt.Sprintf("HAR entries, failed first (%d)", len(r.Entries))),
		h("label", "for=entry-filter|class=muted").Text("Filter by method, status, URL or type "),
		h("input", "type=search|id=entry-filter|data-testid=entry-filter").Attr("value", p.entryFilter).OnInput(p.onEntryFilter),
		app.Elem("div").OnClick(p.onEntry).Body(app.Raw(entryList(shown[from:to], r.Entry))),
		app.If(pages > 1 || len(shown) == 0, func() app.UI {
			return h("p", "class=pager muted").Body(
				h("button", "type=button|class=small|data-testid=entries-prev").Attr("disabled", page == 0).Text("Previous").OnClick(p.onEntryPage(-1)),
				h("span", "role=status").Text(fmt.Sprintf(" %d–%d of %d ", min(from+1, to), to, len(shown))),
				h("button", "type=button|class=small|data-testid=entries-next").Attr("disabled", page >= pages-1).Text("Next").OnClick(p.onEntryPage(1)),
			)
		}),
	)
}

// entryList writes HAR entries as buttons: status, method, URL, type, size
// and time; chosen is the entry read.
func entryList(entries []message.Entry, chosen int) string {
	var m markup
	m.open("ul", `data-testid="har-entries"`)
	for _, e := range entries {
		cls := "entry"
		if e.N == chosen {
			cls += " chosen"
		}
		if e.Failed() {
			cls += " failed"
		}
		m.open("li", "")
		m.open("button", fmt.Sprintf(`type="button" class="%s" data-entry="%d"`, cls, e.N))
		m.el("span", `class="code `+statusClass(e.Status)+`"`, strconv.Itoa(e.Status))
		m.el("span", "", e.Method)
		m.el("span", `class="url"`, e.URL)
		m.el("span", `class="muted"`, strings.TrimPrefix(e.MediaType(), "application/"))
		m.el("span", `class="num"`, message.FormatSize(e.Size))
		m.el("span", `class="num"`, fmt.Sprintf("%.0f ms", e.Time))
		m.close("button")
		m.close("li")
	}
	m.close("ul")
	return m.String()
}

func (p *Page) results() []app.UI {
	switch {
	case p.reading > 0:
		return []app.UI{h("div", "class=empty|role=status").Text(fmt.Sprintf("Reading %.1f MB…", float64(p.reading)/(1<<20)))}
	case p.linkErr != "":
		return []app.UI{h("div", "class=error|role=alert|data-testid=link-error").Text(p.linkErr + ". The editor is empty and ready.")}
	case p.err != "":
		return []app.UI{h("div", "class=error|role=alert|data-testid=error").Text(p.err)}
	case p.report == nil:
		return []app.UI{h("div", "class=empty").Body(
			app.Elem("p").Text("Paste a response on the left, drop a file on it, or load an example from the gallery below."),
		)}
	}
	r := p.report
	return append([]app.UI{
		when(len(p.linkNotes) > 0, linkNotes(p.linkNotes)),
		p.summary(r),
	}, p.sections(r)...)
}

// sections are the report's parts after its summary, in share.Sections'
// order; the embed view leaves out those its link hides.
func (p *Page) sections(r *dialects.Report) []app.UI {
	parts := []app.UI{headersView(r, p.advice), p.fieldErrors(r), p.issues(r), p.retryView(), p.bodyView(r), p.members(r), p.warnings(r)}
	for i, name := range share.Sections {
		if p.embed && slices.Contains(p.hide, name) {
			parts[i] = app.Text("")
		}
	}
	return parts
}

func statusClass(s int) string {
	switch {
	case s >= 500 || s == 0:
		return "s5"
	case s >= 400:
		return "s4"
	}
	return "s2"
}

func (p *Page) summary(r *dialects.Report) app.UI {
	d := p.lookup(r.Dialect)
	return h("div", "class=card summary").Body(
		summaryHead(r, d),
		h("details", "class=evidence").Body(
			app.Elem("summary").Text("Why "+d.Name+"?"),
			p.evidence(r),
			h("label", "for=dialect-override").Text("Read as "),
			app.Elem("span").OnChange(p.onDialect).Body(app.Raw(selectHTML("dialect-override", p.dialectChoices(), p.dialect))),
			p.dialectEditor(),
		),
	)
}

// evidence lists why the dialect was chosen, and the others that came close.
func (p *Page) evidence(r *dialects.Report) app.UI {
	var m markup
	m.open("div", "")
	m.list("", r.Evidence)
	if len(r.Alternatives) > 0 {
		alts := make([]string, len(r.Alternatives))
		for i, a := range r.Alternatives {
			alts[i] = fmt.Sprintf("%s (%.0f%%)", p.lookup(a.Dialect).Name, a.Confidence*100)
		}
		m.el("p", "", "Also close: "+strings.Join(alts, ", "))
	}
	m.close("div")
	return m.ui()
}

// linkNotes says what of a link was left out.
func linkNotes(notes []string) app.UI {
	var m markup
	m.open("div", `class="note" role="status" data-testid="link-notes"`)
	m.el("p", "", "Parts of this link were left out:")
	m.list("", notes)
	m.close("div")
	return m.ui()
}

// summaryHead is the status and what it means, the dialect, the headline and
// the facts, each with a button that shows it in the editor.
func summaryHead(r *dialects.Report, d *dialects.Dialect) app.UI {
	var m markup
	m.open("div", "")
	m.open("div", `class="row"`)
	m.el("span", fmt.Sprintf(`class="status %s" data-testid="status" data-status="%d"`, statusClass(r.Status), r.Status), statusText(r))
	m.open("span", `class="dialect" data-testid="dialect" data-dialect="`+esc(r.Dialect)+`"`)
	m.WriteString(esc(d.Name))
	m.el("span", `class="confidence"`, fmt.Sprintf(" %.0f%%", r.Confidence*100))
	m.close("span")
	m.close("div")
	if se := r.Body.SyntaxError; se != nil {
		m.open("p", `class="error-line" role="alert" data-testid="syntax-error"`)
		m.WriteString(esc(fmt.Sprintf("The body is not valid JSON: line %d, column %d: %s. ", se.Line, se.Column, se.Msg)))
		m.locate(fmt.Sprintf("at:%d", se.Offset), "Show it in the input")
		m.close("p")
	}
	if mean := dialects.StatusMeaning(r.Status); mean.Text != "" {
		m.open("p", `class="meaning" data-testid="status-meaning"`)
		m.WriteString(esc(mean.Text) + " ")
		if mean.Causes != "" {
			m.el("span", `class="muted"`, "Usual causes: "+mean.Causes+" ")
		}
		m.link(mean.URL, mean.Spec)
		m.close("p")
	}
	if h := r.Headline(); h != "" {
		m.el("h2", `class="headline"`, h)
	}
	m.open("dl", `class="facts"`)
	for _, f := range []struct{ label, key, value string }{
		{"Type", "type", r.Type}, {"Code", "code", r.Code}, {"Title", "title", r.Title}, {"Message", "message", r.Message},
		{"Detail", "detail", r.Detail}, {"Instance", "instance", r.Instance}, {"Time", "timestamp", r.Timestamp},
	} {
		if f.value != "" {
			m.openFact(f.label)
			m.WriteString(esc(f.value) + " ")
			m.locate(f.key, "Show the "+strings.ToLower(f.label)+" in the input")
			m.closeFact()
		}
	}
	if r.DocURL != "" {
		m.openFact("Docs")
		m.link(r.DocURL, r.DocURL)
		m.closeFact()
	}
	if r.RequestID != "" {
		m.openFact("Request id")
		m.el("code", `data-testid="request-id"`, r.RequestID)
		m.el("span", `class="muted"`, " from "+r.RequestIDSource+" ")
		m.el("button", `type="button" class="small" data-copy="[data-testid=request-id]" aria-label="Copy the request id"`, "Copy")
		m.WriteString(" ")
		m.locate("requestId", "Show the request id in the input")
		m.closeFact()
	}
	if r.Request.Method != "" {
		m.openFact("Request")
		m.WriteString(esc(strings.TrimSpace(r.Request.Method+" "+r.Request.URL) + " (" + r.Request.Source + ")"))
		m.closeFact()
	}
	if r.Entry > 0 && r.Entry <= len(r.Entries) {
		for _, e := range r.Entries {
			if e.N == r.Entry && e.Time > 0 {
				m.openFact("Took")
				m.el("span", `data-testid="entry-time"`, fmt.Sprintf("%.0f ms (HAR timing)", e.Time))
				m.closeFact()
			}
		}
	}
	m.close("dl")
	m.close("div")
	return m.ui()
}

// headersView is the response's headers as pasted: what each common one is,
// and what the ones that shaped the report did.
func headersView(r *dialects.Report, a *retry.Advice) app.UI {
	if len(r.Headers) == 0 {
		return app.Text("")
	}
	var m markup
	m.open("details", `class="card" open`)
	m.el("summary", "", fmt.Sprintf("Headers (%d)", len(r.Headers)))
	m.open("div", `class="table-wrap"`)
	m.open("table", `class="headers" data-testid="headers"`)
	m.WriteString(`<thead><tr><th scope="col">Header</th><th scope="col">Value</th><th scope="col">What it is</th></tr></thead><tbody>`)
	for _, h := range r.Headers {
		used := headerUse(r, a, h.Name)
		if used != "" {
			m.open("tr", `class="used" data-testid="header-used"`)
		} else {
			m.open("tr", "")
		}
		m.open("th", `scope="row"`)
		m.el("code", "", h.Name)
		m.close("th")
		m.open("td", "")
		m.el("code", "", h.Value)
		m.close("td")
		m.open("td", "")
		if mean, ok := dialects.HeaderMeaning(h.Name); ok {
			m.WriteString(esc(mean.Text) + " ")
			if mean.URL != "" {
				m.link(mean.URL, mean.Spec)
			}
		}
		if used != "" {
			m.el("strong", `class="use"`, " Used: "+used+". ")
			m.locate("header:"+h.Name, "Show "+h.Name+" in the input")
		}
		m.close("td")
		m.close("tr")
	}
	m.WriteString(`</tbody></table></div></details>`)
	return m.ui()
}

// headerUse says what the header name did in the report and the advice, or
// "" when it did nothing.
func headerUse(r *dialects.Report, a *retry.Advice, name string) string {
	var uses []string
	is := func(n string) bool { return strings.EqualFold(n, name) }
	if is("Content-Type") {
		uses = append(uses, "the body was read as "+r.Body.Kind)
	}
	if is(r.RequestIDSource) {
		uses = append(uses, "the request id")
	}
	if a != nil {
		if is(a.AfterSource) {
			uses = append(uses, "the server's delay before a retry")
		}
		if a.RateLimit != nil && slices.ContainsFunc(a.RateLimit.Headers, is) {
			uses = append(uses, "the rate limit")
		}
		for _, rs := range a.Reasons {
			if slices.ContainsFunc(rs.Facts, func(f retry.Fact) bool { return is(f.Name) }) {
				uses = append(uses, "a reason of the retry advice")
				break
			}
		}
	}
	return strings.Join(uses, "; ")
}

// announcement is the one line a screen reader hears when a report shows.
func (p *Page) announcement() string {
	r := p.report
	switch {
	case p.err != "":
		return p.err
	case r == nil:
		return ""
	}
	s := statusText(r) + ", " + p.lookup(r.Dialect).Name
	if h := r.Headline(); h != "" {
		s += ": " + h
	}
	if len(r.FieldErrors) > 0 {
		s += fmt.Sprintf("; %d field errors", len(r.FieldErrors))
	}
	if p.advice != nil {
		s += ". Retry: " + retry.DecisionText(p.advice.Decision)
	}
	return s + "."
}

// statusText is the status line, "422 Unprocessable Content".
func statusText(r *dialects.Report) string {
	if r.Status == 0 {
		return "no status"
	}
	return strings.TrimSpace(strconv.Itoa(r.Status) + " " + r.Reason)
}

func (p *Page) fieldErrors(r *dialects.Report) app.UI {
	if len(r.FieldErrors) == 0 {
		return app.Text("")
	}
	rows := r.FieldErrors
	if !p.showAll && len(rows) > fieldRowsLimit {
		rows = rows[:fieldRowsLimit]
	}
	return h("div", "class=card").Body(
		app.Elem("h3").Text(fmt.Sprintf("Field errors (%d)", len(r.FieldErrors))),
		// One raw table, with one delegated handler, renders hundreds of rows
		// in a frame.
		h("div", "class=table-wrap").OnClick(p.onFieldRow).OnKeyDown(p.onFieldRow).Body(
			app.Raw(fieldTable(rows, p.selected)),
		),
		when(len(rows) < len(r.FieldErrors), h("button", "type=button|class=link").Text(fmt.Sprintf("Show all %d", len(r.FieldErrors))).OnClick(func(ctx app.Context, e app.Event) { p.showAll = true })),
	)
}

// fieldTable writes the field errors as an HTML table; each row carries its
// index for the delegated click and key handler.
func fieldTable(rows []dialects.FieldError, selected int) string {
	var b strings.Builder
	b.WriteString(`<table class="fields"><thead><tr><th>Field</th><th>Message</th><th>Code</th></tr></thead><tbody>`)
	for i, fe := range rows {
		cls, sel := "field-row", "false"
		if i == selected {
			cls, sel = "field-row selected", "true"
		}
		field := esc(fe.Field)
		// Written piece by piece, without fmt: a table of hundreds of rows
		// is part of the first frame after a paste.
		for _, s := range [...]string{`<tr class="`, cls, `" data-testid="field-error" data-index="`, strconv.Itoa(i), `" data-field="`, field,
			`" tabindex="0" aria-selected="`, sel, `" title="Show it in the body (`, esc(fe.Path), `)"><td><code>`, field,
			`</code></td><td>`, esc(fe.Message), `</td><td>`, esc(fe.Code), `</td></tr>`} {
			b.WriteString(s)
		}
	}
	b.WriteString(`</tbody></table>`)
	return b.String()
}

var esc = html.EscapeString

func (p *Page) issues(r *dialects.Report) app.UI {
	if len(r.Errors) == 0 {
		return app.Text("")
	}
	var m markup
	m.open("div", `class="card"`)
	m.el("h3", "", "Errors of no field")
	m.open("ul", `data-testid="issues"`)
	for _, e := range r.Errors {
		m.open("li", "")
		m.WriteString(esc(e.Message))
		if e.Code != "" {
			m.el("code", `class="muted"`, " "+e.Code)
		}
		m.close("li")
	}
	m.close("ul")
	m.close("div")
	return m.ui()
}

func (p *Page) members(r *dialects.Report) app.UI {
	if len(r.Members) == 0 {
		return app.Text("")
	}
	var m markup
	m.open("details", `class="card"`)
	m.el("summary", "", fmt.Sprintf("Other members (%d)", len(r.Members)))
	m.open("dl", `class="facts"`)
	for _, x := range r.Members {
		v := x.Value
		if len(v) > 400 {
			v = v[:400] + "…"
		}
		m.open("div", "")
		m.open("dt", "")
		m.el("code", "", x.Path)
		m.close("dt")
		m.open("dd", "")
		m.el("code", "", v)
		m.close("dd")
		m.close("div")
	}
	m.close("dl")
	m.close("details")
	return m.ui()
}

func (p *Page) warnings(r *dialects.Report) app.UI {
	notes := append(append([]string{}, r.Warnings...), r.Body.Notes...)
	if len(notes) == 0 {
		return app.Text("")
	}
	var m markup
	m.open("div", `class="card warn"`)
	m.el("h3", "", "Warnings")
	m.list(`data-testid="warnings"`, notes)
	m.close("div")
	return m.ui()
}

// bodyView shows the body pretty-printed and syntax-coloured, with the selected
// field error's member highlighted.
func (p *Page) bodyView(r *dialects.Report) app.UI {
	if r.BodyText == "" {
		return app.Text("")
	}
	if p.bodyShown != p.decodes {
		return h("p", "class=card muted|data-testid=body-pending").Text(fmt.Sprintf("Body (%s, %d bytes)…", r.Body.Kind, r.Body.Bytes))
	}
	hs, he := -1, -1
	if p.selected >= 0 && p.selected < len(r.FieldErrors) {
		fe := r.FieldErrors[p.selected]
		hs, he = fe.Offset, fe.Offset+fe.Len
	}
	content, truncated := "", false
	pretty := r.Body.Kind == "json" && r.Body.SyntaxError == nil
	if pretty && !p.rawBody {
		content, truncated = prettyHTML(r.BodyText, hs, he, bodyViewLimit)
	} else {
		text := r.BodyText
		if len(text) > bodyViewLimit {
			text, truncated = text[:bodyViewLimit], true
		}
		if hs >= 0 && he <= len(text) {
			content = esc(text[:hs]) + `<span class="hl" id="hl">` + esc(text[hs:he]) + `</span>` + esc(text[he:])
		} else {
			content = esc(text)
		}
	}
	return h("details", "class=card").Attr("open", true).Body(
		app.Elem("summary").Text(fmt.Sprintf("Body (%s, %s)", r.Body.Kind, message.FormatSize(r.Body.Bytes))),
		when(pretty, h("button", "type=button|class=small|data-testid=body-raw").Aria("pressed", p.rawBody).
			Text("As pasted").OnClick(func(ctx app.Context, e app.Event) { p.rawBody = !p.rawBody })),
		app.Raw(`<pre class="body" data-testid="body" tabindex="0">`+content+`</pre>`),
		when(truncated, h("p", "class=muted").Text(fmt.Sprintf("Showing the first %d KB of %d KB.", bodyViewLimit>>10, len(r.BodyText)>>10))),
	)
}

// retryView shows the decision, the server's delay, the rate limit and the
// timeline with its profile and parameters.
func (p *Page) retryView() app.UI {
	a := p.advice
	if a == nil {
		return app.Text("")
	}
	var m markup
	m.open("div", "")
	m.open("h3", "")
	m.WriteString("Retry: ")
	m.el("span", `class="decision `+a.Decision+`" data-testid="retry-decision" data-decision="`+a.Decision+`"`, retry.DecisionText(a.Decision))
	m.close("h3")
	m.open("ul", `class="reasons"`)
	for _, rs := range a.Reasons {
		facts := make([]string, len(rs.Facts))
		for k, f := range rs.Facts {
			facts[k] = f.Name + " " + f.Value
		}
		m.open("li", "")
		m.WriteString(esc(rs.Text))
		if len(facts) > 0 {
			m.el("span", `class="muted"`, " (based on "+strings.Join(facts, "; ")+")")
		}
		m.close("li")
	}
	m.close("ul")
	delayMarkup(&m, a)
	rateMarkup(&m, a.RateLimit)
	m.close("div")
	return h("div", "class=card retry").Body(
		m.ui(),
		app.If(a.Decision != retry.DoNotRetry, func() app.UI { return p.timelineView(a) }),
	)
}

// timelineView shows what the chosen library does with this response: in a
// sentence, a chart with its legend, a table, and beside other libraries.
func (p *Page) timelineView(a *retry.Advice) app.UI {
	plan := a.Plan(time.Local)
	return h("div", "class=timeline-view").Body(
		app.Elem("h4").Text("What a retrying client does"),
		p.policyControls(a),
		h("p", "class=plan-sentence|data-testid=plan-sentence").Text(plan.Sentence),
		when(a.WillRetry, h("p", "class=muted").Text("It retries this response because "+a.WillRetryWhy+".")),
		app.If(len(plan.Rows) > 0, func() app.UI {
			return app.Elem("div").Body(legend(a, plan), timelineSVG(a, plan), planTable(plan))
		}),
		p.configView(a),
		app.If(a.Delay != nil && a.WillRetry, func() app.UI {
			return h("label", "class=check").Body(
				h("input", "type=checkbox|id=delay-once").Attr("checked", p.delayOnce).OnChange(p.onDelayOnce),
				app.Text(" only this response carries the server's delay (by default every retry meets this same response again)"),
			)
		}),
		h("label", "class=check").Body(
			h("input", "type=checkbox|id=compare").Attr("checked", p.compare).OnChange(p.onCompare),
			app.Text(" compare libraries"),
		),
		app.If(p.compare && len(p.compared) > 0, func() app.UI {
			plans := make([]retry.Plan, len(p.compared))
			for i, c := range p.compared {
				plans[i] = c.Plan(time.Local)
			}
			return compareTable(p.compared, plans)
		}),
	)
}

// configView gives the library's configuration that makes this timeline,
// to copy.
func (p *Page) configView(a *retry.Advice) app.UI {
	c, ok := retry.ConfigFor(a.Policy, a.Params)
	if !ok {
		return app.Text("")
	}
	var m markup
	m.open("details", `class="config"`)
	m.el("summary", "", "Configure "+a.Library+" to retry like this")
	m.el("pre", `data-testid="config" data-lang="`+esc(c.Lang)+`" tabindex="0"`, c.Code)
	if c.Note != "" {
		m.el("p", `class="muted"`, c.Note)
	}
	m.el("button", `type="button" class="small" data-copy="[data-testid=config]"`, "Copy the config")
	m.close("details")
	return m.ui()
}

// delayMarkup writes the server's delay, in plain words, and the delays that
// could not be used.
func delayMarkup(m *markup, a *retry.Advice) {
	if d := a.Delay; d != nil {
		m.open("p", `data-testid="server-delay"`)
		m.el("strong", "", "The server asks to wait "+retry.Dur(d.Seconds*1000))
		m.WriteString(esc(fmt.Sprintf(": %s %s, read as %s; %s. ", d.Source, d.Raw, d.Reading, retry.When(d.Seconds, d.At, time.Local))))
		m.el("span", `class="plausibility `+d.Plausibility+`"`, d.Plausibility)
		if d.Note != "" {
			m.WriteString(esc(". " + d.Note))
		}
		if d.Other != "" {
			m.el("span", `class="muted"`, " ("+d.Other+")")
		}
		m.close("p")
	}
	for _, ig := range a.Ignored {
		m.el("p", `class="muted"`, "Ignored: "+ig)
	}
}

// rateMarkup draws the rate limit's remaining share as a meter, with when
// the window resets.
func rateMarkup(m *markup, rl *retry.RateLimit) {
	if rl == nil || rl.Remaining == nil {
		return
	}
	label := fmt.Sprintf("%g requests left", *rl.Remaining)
	limit := *rl.Remaining
	if rl.Limit != nil {
		limit = *rl.Limit
		label = fmt.Sprintf("%g of %g requests left", *rl.Remaining, *rl.Limit)
	}
	if rl.Window != nil {
		label += " per " + retry.Dur(*rl.Window*1000)
	}
	if rl.ResetSeconds != nil {
		label += "; the window resets " + retry.When(*rl.ResetSeconds, rl.ResetAt, time.Local)
	} else if rl.Reset != "" {
		label += "; reset: " + rl.Reset
	}
	m.open("div", `class="gauge" data-testid="rate-limit"`)
	m.el("label", `for="rate-meter"`, "Rate limit ")
	fmt.Fprintf(m, `<meter id="rate-meter" min="0" max="%g" low="%g" optimum="%g" value="%g"></meter>`, limit, limit/10, limit, *rl.Remaining)
	m.el("span", "", " "+label+" ("+strings.Join(rl.Headers, ", ")+")")
	m.close("div")
}

// policyControls picks the profile and edits its parameters.
func (p *Page) policyControls(a *retry.Advice) app.UI {
	pr := a.Params
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	fields := []app.UI{}
	for _, x := range []struct{ id, label, value string }{
		{"p-attempts", "attempts, the first included ", strconv.Itoa(pr.Attempts)}, {"p-base", "first delay (ms) ", f(pr.BaseMs)},
		{"p-mult", "each delay times ", f(pr.Multiplier)}, {"p-cap", "longest delay (ms) ", f(pr.CapMs)},
		{"p-jitter", "randomness (jitter) ", pr.Jitter}, {"p-ra", "Retry-After ", pr.RetryAfter},
		{"p-racap", "longest server delay waited (ms) ", f(pr.RetryAfterCapMs)}, {"p-seed", "seed ", strconv.FormatUint(p.seed, 10)},
	} {
		var in app.UI
		switch x.id {
		case "p-jitter":
			in = app.Raw(selectHTML(x.id, jitterChoices, x.value))
		case "p-ra":
			in = app.Raw(selectHTML(x.id, retryAfterChoices, x.value))
		default:
			in = h("input", "type=number|min=0|step=any").ID(x.id).Attr("value", x.value)
		}
		fields = append(fields, app.Elem("label").Attr("for", x.id).Class("param").Body(app.Text(x.label), in))
	}
	return h("div", "class=policy").Body(
		h("label", "for=policy").Text("Timeline for "),
		app.Elem("span").OnChange(p.onPolicy).Body(app.Raw(selectHTML("policy", policyChoices(), a.Policy))),
		h("p", "class=muted").Text(retry.ProfileNamed(a.Policy).Description),
		h("details", "class=params").Body(
			app.Elem("summary").Text("Parameters"),
			h("div", "class=param-grid").OnChange(p.onParam).Body(
				append(fields, h("button", "type=button|class=small").Text("Reset to the profile").OnClick(p.onResetParams))...,
			),
		),
	)
}

// The jitter and Retry-After modes the parameters offer, in plain words.
var (
	jitterChoices = []choice{{"none", "none: exact delays"}, {"full", "full: from 0 to the delay"}, {"equal", "equal: half the delay plus up to half"},
		{"decorrelated", "decorrelated: from the base to 3 × the last delay"}, {"proportional", "proportional: the delay × a random factor"},
		{"additive", "additive: the delay plus a random amount"}}
	retryAfterChoices = []choice{{"floor", "wait at least the server's delay"}, {"replace", "wait exactly the server's delay"}, {"ignore", "ignore the server's delay"}}
)

// choice is an option of a select drawn as raw HTML.
type choice struct{ value, label string }

// selectHTML writes a <select> with id (and data-testid) id. Long, mostly
// static selects are raw HTML, unchanged from one paste to the next, so go-app
// skips them; their change events bubble to a handler on the wrapper.
func selectHTML(id string, choices []choice, selected string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<select id="%s" data-testid="%s">`, id, id)
	for _, c := range choices {
		sel := ""
		if c.value == selected {
			sel = " selected"
		}
		fmt.Fprintf(&b, `<option value="%s"%s>%s</option>`, esc(c.value), sel, esc(c.label))
	}
	b.WriteString(`</select>`)
	return b.String()
}

// yourDialects shows, above the gallery, the dialects read from the user's
// own file, marked as theirs.
func (p *Page) yourDialects() app.UI {
	if len(p.customs) == 0 {
		return app.Text("")
	}
	var m markup
	m.open("section", `class="gallery" aria-label="Your dialects" data-testid="your-dialects"`)
	m.el("h2", "", "Your dialects")
	m.open("ul", `class="cards"`)
	for _, d := range p.customs {
		m.open("li", `class="card" data-dialect="`+esc(d.ID)+`"`)
		m.open("h3", "")
		m.WriteString(esc(d.Name) + " ")
		m.el("span", `class="badge"`, "custom")
		m.close("h3")
		m.el("p", "", d.Description)
		m.el("p", `class="muted"`, "id "+d.ID+": read from your dialect file, which links carry.")
		if d.Spec != "" {
			m.link(d.Spec, "spec")
		}
		m.close("li")
	}
	m.WriteString("</ul></section>")
	return m.ui()
}

// dialectChoices is what "Read as" offers: the user's own dialects, marked,
// then the built-in ones.
func (p *Page) dialectChoices() []choice {
	c := []choice{{"", "detected"}}
	for _, d := range p.customs {
		c = append(c, choice{d.ID, d.Name + " (yours)"})
	}
	return append(c, builtinChoices()...)
}

var builtinChoices = sync.OnceValue(func() []choice {
	var c []choice
	for _, d := range dialects.All() {
		c = append(c, choice{d.ID, d.Name})
	}
	return c
})

var policyChoices = sync.OnceValue(func() []choice {
	var c []choice
	for _, p := range retry.Profiles() {
		c = append(c, choice{p.Name, p.Name + " — " + p.Library})
	}
	return c
})

// lookup returns the custom or built-in dialect with id.
func (p *Page) lookup(id string) *dialects.Dialect {
	for _, d := range p.customs {
		if d.ID == id {
			return d
		}
	}
	return dialects.Lookup(id)
}

// dialectEditor reads the paste with the user's own dialect file, used as it
// is pasted or edited (and carried by links).
func (p *Page) dialectEditor() app.UI {
	return h("div", "class=dialect-file").Body(
		h("label", "for=dialect-text").Text("Your own dialect file (README: \"Your own error format\") "),
		h("textarea", "id=dialect-text|data-testid=dialect-text|rows=8|spellcheck=false").Attr("value", p.dialectText).
			OnChange(p.onDialectText).OnDrop(p.onDialectFile).OnDragOver(p.onDragOver),
		h("label", "class=file").Body(
			app.Text("Open a dialect file… "),
			h("input", "type=file|id=dialect-file|accept=.json,application/json").OnChange(p.onDialectFile),
		),
		h("button", "type=button|class=small|data-testid=draft-dialect").Text("Draft one from this response").OnClick(p.onDraft),
		when(p.dialectErr != "", h("pre", "class=error|role=alert|data-testid=dialect-error").Text(p.dialectErr)),
	)
}
