package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/errlens/errlens/dialects"
	"github.com/errlens/errlens/dialects/message"
	"github.com/errlens/errlens/dialects/retry"
	"github.com/errlens/errlens/dialects/share"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The share link, the embed view and its postMessage API.

// link is the last share link made, with what was redacted from it.
type link struct {
	url     string
	embed   string // the iframe snippet
	secrets []share.Secret
	state   share.State // what it carries
}

// OnNav restores a shared state from the URL fragment ("#v1.…", or
// "#embed.v1.…" for the embed view). A link is untrusted: a bad one leaves an
// empty, working editor and says what is wrong.
func (p *Page) OnNav(ctx app.Context) {
	// The raw fragment, as typed: a hostile one may not parse as a URL.
	frag := strings.TrimPrefix(app.Window().Get("location").Get("hash").String(), "#")
	if frag == "" {
		return
	}
	rest, embed := strings.CutPrefix(frag, share.EmbedPrefix)
	p.embed = embed
	p.appURL = openInApp(app.Window().Get("location").Get("href").String())
	ctx.Async(func() {
		s, notes, err := share.DecodeWith(rest, browserInflate)
		ctx.Dispatch(func(ctx app.Context) {
			p.open(ctx, s, notes, err)
			postReady()
		})
	})
}

// open shows a link's state, or what is wrong with the link.
func (p *Page) open(ctx app.Context, s share.State, notes []string, err error) {
	if err != nil {
		p.setInput(ctx, "")
		p.linkErr = err.Error()
		return
	}
	p.linkErr, p.linkNotes = "", notes
	p.method, p.key, p.dialect, p.params, p.origins, p.delayOnce = s.Method, s.Key, s.Dialect, s.Params, s.Origins, s.DelayOnce
	p.customs, p.files, p.hide, p.locked = s.Custom(), s.Dialects, s.Hide, s.Locked
	if s.Policy != "" {
		p.policy = s.Policy
	}
	if s.Seed != 0 {
		p.seed = s.Seed
	}
	p.remember = false // a link's content is not this browser's to keep
	p.input = s.Input
	p.setEditor(ctx)
	p.entry, p.selected = s.Entry, -1
	p.refresh(ctx)
}

// shared is the paste a link carries: of a HAR file, only the entry read,
// unless the whole file is asked for; entry is its number there.
func (p *Page) shared() (input string, entry int) {
	if r := p.report; r != nil && len(r.Entries) > 1 && !p.wholeHAR {
		if one, err := message.OneEntry(p.input, r.Entry); err == nil {
			return one, 1
		}
	}
	return p.input, p.entry
}

// state is what a link carries: input, the secrets redacted except those
// kept.
func (p *Page) state(input string, entry int, secrets []share.Secret) share.State {
	return share.State{
		Input:    share.Redact(input, secrets, p.keep),
		Method:   p.method,
		Key:      p.key,
		Entry:    entry,
		Dialect:  p.dialect,
		Policy:   p.policy,
		Params:   p.params,
		Seed:     p.seed,
		Origins:  p.origins,
		Dialects: p.files,
		Hide:     p.hide,
		Locked:   p.locked,

		DelayOnce: p.delayOnce,
	}
}

// onWholeHAR shares the whole HAR file, or only the entry read, from now
// on; a link shown is made again.
func (p *Page) onWholeHAR(ctx app.Context, e app.Event) {
	p.wholeHAR, p.keep = !p.wholeHAR, map[int]bool{}
	if p.link != nil {
		p.makeLink(ctx, nil)
	}
}

// onShare makes the link, puts it in the address bar and the clipboard.
func (p *Page) onShare(ctx app.Context, e app.Event) {
	p.makeLink(ctx, showLink)
}

// showLink puts a link in the address bar and the clipboard.
func showLink(ctx app.Context, l *link) {
	u := *ctx.Page().URL()
	u.Fragment, u.RawFragment = l.url[strings.IndexByte(l.url, '#')+1:], ""
	ctx.Page().ReplaceURL(&u)
	copyText(l.url)
}

// makeLink encodes the state, then done (when not nil) does what the button
// pressed is for with the link. The browser compresses the link (browserDeflate), so the
// link arrives a moment later, on another goroutine.
func (p *Page) makeLink(ctx app.Context, done func(app.Context, *link)) {
	if !share.RulesLoaded() {
		p.link, p.shareErr = nil, p.rulesErr
		p.withRules(ctx, func(ctx app.Context) { p.makeLink(ctx, done) })
		return
	}
	input, entry := p.shared()
	if err := share.CheckSize(len(input)); err != nil {
		p.link, p.shareErr = nil, err.Error()
		return
	}
	p.shareErr = ""
	secrets := share.FindSecrets(input)
	state := p.state(input, entry, secrets)
	u := *ctx.Page().URL()
	u.Fragment, u.RawFragment = "", ""
	ctx.Async(func() {
		frag, err := share.EncodeWith(state, browserDeflate)
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.shareErr = "this browser could not compress the link: " + err.Error()
				return
			}
			base := u.String()
			p.link = &link{
				url:     base + "#" + frag,
				embed:   fmt.Sprintf(embedSnippet, base, share.EmbedPrefix, frag),
				secrets: secrets,
				state:   state,
			}
			if done != nil {
				done(ctx, p.link)
			}
		})
	})
}

// browserDeflate compresses b with raw DEFLATE, and browserInflate
// decompresses at most limit bytes of it, by the browser's CompressionStream
// and DecompressionStream (web/input.js): app.wasm carries no DEFLATE code.
// They wait for the browser's promise, so they run off the goroutine that
// handles events.
func browserDeflate(b []byte) ([]byte, error) { return browserBytes("errlensDeflate", b, 0) }

func browserInflate(b []byte, limit int) ([]byte, error) {
	return browserBytes("errlensInflate", b, limit)
}

func browserBytes(fn string, b []byte, limit int) ([]byte, error) {
	src := app.Window().Get("Uint8Array").New(len(b))
	app.CopyBytesToJS(src, b)
	done, failed := make(chan app.Value, 1), make(chan string, 1)
	ok := app.FuncOf(func(_ app.Value, args []app.Value) any { done <- args[0]; return nil })
	bad := app.FuncOf(func(_ app.Value, args []app.Value) any { failed <- args[0].Call("toString").String(); return nil })
	defer ok.Release()
	defer bad.Release()
	app.Window().Call(fn, src, limit).Call("then", ok, bad)
	select {
	case v := <-done:
		out := make([]byte, v.Get("length").Int())
		app.CopyBytesToGo(out, v)
		return out, nil
	case msg := <-failed:
		return nil, errors.New(msg)
	}
}

// embedSnippet is the iframe of an embed link and the script that keeps it as
// tall as its content (a page with a strict CSP uses web/embed.js instead).
const embedSnippet = `<iframe id="errlens" src="%s#%s%s" title="errlens: API error" width="100%%" height="480" loading="lazy" frameborder="0"></iframe>
<script>addEventListener("message", function (e) { var f = document.getElementById("errlens"); if (e.source === f.contentWindow && e.data && e.data.type === "errlens:height") f.height = e.data.height; });</script>`

// onOrigins sets the docs pages (origins) allowed to drive the embed, and
// remakes its snippet.
func (p *Page) onOrigins(ctx app.Context, e app.Event) {
	p.origins = nil
	for _, o := range strings.Fields(ctx.JSSrc().Get("value").String()) {
		origin := share.Origin(o)
		if origin == "" {
			p.shareErr = o + " is not a page's address (https://docs.example.com)"
			return
		}
		p.origins = append(p.origins, origin)
	}
	p.makeLink(ctx, nil)
}

// sectionLabels name share.Sections, in their order, for the embed options.
var sectionLabels = []string{"headers", "field errors", "errors of no field", "retry advice", "body", "other members", "warnings"}

// embedOptions choose what the embed view shows: which sections, and
// whether readers may edit the response.
func (p *Page) embedOptions() app.UI {
	boxes := []app.UI{app.Elem("legend").Text("The embed shows the status and the facts, and:")}
	for i, name := range share.Sections {
		boxes = append(boxes, h("label", "class=check").Body(
			checkbox("embed-"+name, !slices.Contains(p.hide, name)).Attr("value", name), app.Text(" "+sectionLabels[i]+" ")))
	}
	return h("fieldset", "class=embed-options|data-testid=embed-options").OnChange(p.onEmbedOption).Body(
		append(boxes, h("label", "class=check").Body(checkbox("embed-edit", !p.locked), app.Text(" readers may edit the response")))...)
}

// onEmbedOption shows or hides a section in the embed, or lets readers edit
// or not, and remakes the snippet.
func (p *Page) onEmbedOption(ctx app.Context, e app.Event) {
	box := e.Get("target")
	on, name := box.Get("checked").Bool(), box.Get("value").String()
	switch {
	case box.Get("id").String() == "embed-edit":
		p.locked = !on
	case on:
		p.hide = slices.DeleteFunc(p.hide, func(h string) bool { return h == name })
	case !slices.Contains(p.hide, name):
		p.hide = append(p.hide, name)
	}
	p.makeLink(ctx, nil)
}

// onKeep keeps (or redacts again) the secret of the box ticked, by its
// data-index, and remakes the link.
func (p *Page) onKeep(ctx app.Context, e app.Event) {
	box := e.Get("target")
	i, err := strconv.Atoi(box.Get("dataset").Get("index").String())
	if err != nil {
		return
	}
	if p.keep == nil {
		p.keep = map[int]bool{}
	}
	p.keep[i] = box.Get("checked").Bool()
	p.makeLink(ctx, showLink)
}

// onMarkdown copies the report as Markdown for an issue or a chat, with the
// link. It is read from the paste as the link carries it, secrets redacted:
// a message quoting a key does not quote it in the Markdown.
func (p *Page) onMarkdown(ctx app.Context, e app.Event) {
	p.makeLink(ctx, func(ctx app.Context, l *link) {
		msg, err := message.Parse(l.state.Input, message.Options{Entry: l.state.Entry})
		if err != nil {
			p.shareErr = err.Error()
			return
		}
		r := dialects.Decode(msg, dialects.Options{Dialect: p.dialect, Dialects: p.customs})
		opt := p.adviceOptions(p.policy)
		opt.Params = p.params
		copyText(retry.Report{Report: r, Retry: retry.Advise(r, opt)}.Markdown(l.url))
		p.copied = "The report is copied as Markdown, with the link."
	})
}

func (p *Page) onEmbed(ctx app.Context, e app.Event) {
	p.makeLink(ctx, nil)
	p.showEmbed = true
}

func copyText(text string) {
	if c := app.Window().Get("navigator").Get("clipboard"); c.Truthy() {
		c.Call("writeText", text).Call("catch", app.FuncOf(func(app.Value, []app.Value) any { return nil }))
	}
}

// shareView is the Share and Embed buttons, the link with its length, and the
// list of what was redacted.
func (p *Page) shareView() app.UI {
	l := p.link
	return h("div", "class=share").Body(
		h("button", "type=button|class=primary|data-testid=share").Text("Share link").OnClick(p.onShare),
		h("button", "type=button|data-testid=markdown").Text("Copy as Markdown").OnClick(p.onMarkdown),
		h("button", "type=button|data-testid=embed").Text("Embed").OnClick(p.onEmbed),
		when(p.copied != "", h("p", "class=muted|role=status").Text(p.copied)),
		app.If(p.report != nil && len(p.report.Entries) > 1, func() app.UI {
			return h("label", "class=check").Body(
				checkbox("whole-har", p.wholeHAR).OnChange(p.onWholeHAR),
				app.Text(fmt.Sprintf(" share the whole HAR file (%d entries), not only entry %d", len(p.report.Entries), p.report.Entry)),
			)
		}),
		when(p.shareErr != "", h("p", "class=error|role=alert|data-testid=share-error").Text(p.shareErr)),
		app.If(l != nil, func() app.UI {
			n := len(l.url)
			advice := "comfortable to paste anywhere"
			cls := "ok"
			switch {
			case n > share.Long:
				advice, cls = "long: some chat tools and e-mail clients cut links this long; trim the paste (keep the status line, the headers that matter and the error body; drop other HAR entries and big data members)", "bad"
			case n > share.Comfortable:
				advice, cls = "longer than most links; fine in a browser, may be cut by some tools", "warn"
			}
			return h("div", "class=link").Body(
				h("input", "type=text|data-testid=share-url|aria-label=Share link").Attr("readonly", true).Attr("value", l.url),
				app.Raw(fmt.Sprintf(`<p class="muted"><span class="len %s" data-testid="share-length" data-length="%d">%d characters: %s. </span>`+
					`Copied to the clipboard. The link holds the paste itself, in the part of the URL browsers never send to a server.</p>`, cls, n, n, advice)),
				app.If(len(l.secrets) > 0, func() app.UI {
					return h("div", "data-testid=redactions").Body(
						app.Elem("p").Text(fmt.Sprintf("Redacted from the link (%d): tick one to keep it.", len(l.secrets))),
						h("ul", "class=redactions").OnChange(p.onKeep).Body(p.redactions(l.secrets)...),
					)
				}),
				app.If(p.showEmbed, func() app.UI {
					return app.Elem("div").Body(
						h("label", "for=embed-origin").Text("Docs pages that may drive it with postMessage: "),
						h("input", "id=embed-origin|type=text|data-testid=embed-origin|placeholder=https://docs.example.com").
							Attr("value", strings.Join(p.origins, " ")).OnChange(p.onOrigins),
						p.embedOptions(),
						h("label", "for=embed-snippet").Text("Embed this view in a docs page:"),
						h("textarea", "id=embed-snippet|data-testid=embed-snippet").Attr("readonly", true).Attr("value", l.embed),
					)
				}),
			)
		}),
	)
}

// Embed view: the postMessage API for the host page.

// onMessage answers a host page allowed by the link: {type: "errlens:set",
// input, method, policy} sets the input and replies {type: "errlens:report",
// report}. Messages from other origins are ignored.
func (p *Page) onMessage(ctx app.Context, ev app.Value) {
	origin := ev.Get("origin").String()
	if !slices.Contains(p.origins, origin) {
		return
	}
	data := ev.Get("data")
	reject := func(msg string) {
		if src := ev.Get("source"); src.Truthy() {
			src.Call("postMessage", map[string]any{"type": "errlens:error", "error": msg}, origin)
		}
	}
	if data.Type() != app.TypeObject || data.Get("type").String() != "errlens:set" {
		reject("errlens understands {type: \"errlens:set\", input, method, policy}; this message is not one")
		return
	}
	if v := data.Get("input"); v.Type() == app.TypeString {
		p.input = v.String()
		p.setEditor(ctx)
	}
	if v := data.Get("method"); v.Type() == app.TypeString {
		p.method = strings.ToUpper(v.String())
	}
	if v := data.Get("policy"); v.Type() == app.TypeString {
		p.policy = v.String()
	}
	p.entry, p.selected = 0, -1
	p.refresh(ctx)
	reply := map[string]any{"type": "errlens:report", "error": p.err}
	if p.report != nil {
		b, err := json.Marshal(retry.Report{Report: p.report, Retry: p.advice})
		if err == nil {
			reply["report"] = app.Window().Get("JSON").Call("parse", string(b))
		}
	}
	if src := ev.Get("source"); src.Truthy() {
		src.Call("postMessage", reply, origin)
	}
}

// postReady tells the host page the view takes its messages.
func postReady() { toHost(map[string]any{"type": "errlens:ready"}) }

// toHost posts msg, which holds nothing of the paste, to the page embedding
// this one, if any.
func toHost(msg map[string]any) {
	if parent := app.Window().Get("parent"); parent.Truthy() && !parent.Equal(app.Window().JSValue()) {
		parent.Call("postMessage", msg, "*")
	}
}

// postHeight tells the host page how tall the embed view is, so the iframe
// can fit it. The height is no secret: any origin may read it.
func postHeight() {
	// The body's own height: the document's scrollHeight is never less than
	// the frame, so a frame sized by it could grow but never shrink.
	h := math.Ceil(app.Window().Get("document").Get("body").Call("getBoundingClientRect").Get("height").Float())
	toHost(map[string]any{"type": "errlens:height", "height": int(h)})
}

// openInApp is the full app's URL for the embed view's "open in errlens":
// the embed view's own, without "embed.".
func openInApp(href string) string {
	return strings.Replace(href, "#"+share.EmbedPrefix, "#", 1)
}

// redactions are the items of the list of secrets taken out of a link, each
// with its box to keep it.
func (p *Page) redactions(secrets []share.Secret) []app.UI {
	items := make([]app.UI, len(secrets))
	for i, s := range secrets {
		name := s.Kind
		if s.Name != "" {
			name += " " + s.Name
		}
		items[i] = app.Elem("li").Body(app.Elem("label").Body(
			h("input", "type=checkbox|data-testid=keep-secret").Attr("data-index", i).Attr("checked", p.keep[i]),
			app.Text(fmt.Sprintf(" keep %s (line %d, %s)", name, s.Line, s.Preview)),
		), h("span", "class=muted").Text(": "+s.Why))
	}
	return items
}
