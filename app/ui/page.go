// Package ui is errlens's in-browser inspector: one page where pasting an API
// error response shows, at once, what it says and what to do next. It calls
// the core (dialects, dialects/retry) directly: nothing leaves the browser.
package ui

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/errlens/errlens/dialects"
	"github.com/errlens/errlens/dialects/message"
	"github.com/errlens/errlens/dialects/retry"
	"github.com/errlens/errlens/dialects/share"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// savedKey is the localStorage key of the last input, kept (redacted) only
// while the user leaves "remember" on.
const savedKey = "errlens.input.v1"

// bigPaste is the size past which a paste is read a frame after it shows.
const bigPaste = 1 << 20

// Page is the whole app: the editor, the report, the retry advice and the
// gallery. Its state is unexported, as go-app resets a route component's
// exported fields on navigation.
type Page struct {
	app.Compo

	input string
	// shown is the text the app last put in the editor: its default value.
	// Typing changes the editor's value, never this, so a keystroke does not
	// send the whole paste back into the page.
	shown    string
	method   string
	key      bool
	entry    int
	dialect  string // override; "" detects
	policy   string
	params   *retry.Params // edited parameters; nil uses the profile's
	seed     uint64
	selected int // selected field error, -1 for none
	compare  bool
	// delayOnce: the timeline's later responses carry no delay.
	delayOnce bool
	showAll   bool // every field error, not only the first ones
	// entryFilter and entryPage choose the HAR entries listed.
	entryFilter string
	entryPage   int
	remember    bool // keep the input in localStorage
	// rulesWaiting is what waits for the secret rules; rulesErr says
	// why they could not be read.
	rulesWaiting []func(app.Context)
	rulesErr     string
	wrap         bool // the editor wraps long lines
	rawBody      bool // the body as pasted, not pretty-printed
	wholeHAR     bool // links carry the whole HAR file, not the entry read

	report   *dialects.Report
	advice   *retry.Advice
	compared []*retry.Advice
	err      string
	took     time.Duration // time of the last decode
	decodes  int           // decodes so far: tests wait for it to change
	reading  int           // size of a big paste about to be read
	// bodyShown is the decode whose body view is rendered: a big body is
	// drawn one frame after the report, so the report shows at once.
	bodyShown int

	// Sharing and embedding (share.go).
	embed     bool     // the embed view (#embed.…)
	linkErr   string   // what is wrong with the link opened
	linkNotes []string // the link's values dropped as out of bounds
	origins   []string // host pages allowed to use the postMessage API
	// customs are the custom dialects a link or a host page gave, read
	// from files.
	customs     []*dialects.Dialect
	files       []string
	dialectText string // the dialect file being edited
	dialectErr  string // what is wrong with it
	keep        map[int]bool
	link        *link
	shareErr    string   // why the paste makes no link
	copied      string   // what the last Copy button copied
	hide        []string // the sections the embed view leaves out (share.Sections)
	locked      bool     // the embed view has no editor
	showEmbed   bool
	showInput   bool   // the embed view's editor, hidden at first
	appURL      string // the full app's URL of the embed view's state

	updateAvailable bool
	keydown         app.Func
	message         app.Func
	bigPaste        app.Func
	resize          app.Value
}

// OnInit sets the defaults.
func (p *Page) OnInit() {
	p.policy, p.seed, p.selected, p.remember = "recommended", 1, -1, true
}

// OnPreRender, on the server, has the page fetch app.wasm before anything
// else it loads: app.wasm is most of what a first visit waits for, and a
// browser opens only six connections to a host at a time.
func (p *Page) OnPreRender(ctx app.Context) {
	ctx.Page().SetPreloads(app.Preload{Href: "web/app.wasm crossorigin=anonymous", As: "fetch", Type: "application/wasm", FetchPriority: "high"})
}

// OnMount takes what was typed, pasted, dropped or picked while the app
// loaded, else restores the last input, and installs the keyboard shortcuts.
func (p *Page) OnMount(ctx app.Context) {
	// What statuses and headers mean, shown with the report once read (the
	// report does without until then).
	fetchText(ctx, "web/meanings.json", func(ctx app.Context, text string, ok bool) {
		if ok {
			dialects.UseMeanings([]byte(text))
		}
	})
	p.takeEarlyInput(ctx)
	p.takeBigPastes(ctx)
	p.message = app.FuncOf(func(this app.Value, args []app.Value) any {
		ev := args[0]
		ctx.Dispatch(func(ctx app.Context) { p.onMessage(ctx, ev) })
		return nil
	})
	app.Window().Call("addEventListener", "message", p.message)
	if ro := app.Window().Get("ResizeObserver"); ro.Truthy() {
		p.resize = ro.New(app.FuncOf(func(app.Value, []app.Value) any { postHeight(); return nil }))
		p.resize.Call("observe", app.Window().Get("document").Get("body"))
	}
	if app.Window().Get("location").Get("hash").String() == "" {
		postReady() // else once the link's state, and its allowed origins, are read (OnNav)
	}
	ctx.Handle(loadExample, func(ctx app.Context, a app.Action) {
		if text, ok := a.Value.(string); ok {
			p.setInput(ctx, text)
			p.save(ctx)
			ctx.ScrollTo("top")
		}
	})
	p.keydown = app.FuncOf(func(this app.Value, args []app.Value) any {
		shortcut(app.Event{Value: args[0]})
		return nil
	})
	app.Window().Call("addEventListener", "keydown", p.keydown)
}

// rulesFile is the secret rules (dialects/share: UseRules), served beside
// app.wasm rather than built into it.
const rulesFile = "web/secretrules.json"

// withRules runs then once the secret rules are read, at once if they are.
// They are read on first need, after the first report: nothing is
// remembered and no link is made without them, as neither may carry a
// secret. When they cannot be read, then never runs and rulesErr says why.
func (p *Page) withRules(ctx app.Context, then func(app.Context)) {
	if share.RulesLoaded() {
		then(ctx)
		return
	}
	if p.rulesErr != "" {
		return
	}
	if p.rulesWaiting = append(p.rulesWaiting, then); len(p.rulesWaiting) > 1 {
		return // already being read
	}
	fetchText(ctx, rulesFile, func(ctx app.Context, text string, ok bool) {
		waiting := p.rulesWaiting
		p.rulesWaiting = nil
		if err := share.UseRules([]byte(text)); !ok || err != nil {
			p.rulesErr = fmt.Sprintf("errlens could not read its secret rules (%s: %v), so it makes no link and remembers nothing: neither may carry a secret", rulesFile, err)
			p.shareErr = p.rulesErr
			return
		}
		for _, f := range waiting {
			f(ctx)
		}
	})
}

// takeEarlyInput asks web/input.js for the input given before the app
// started: it wins over the remembered input, and a link's state wins over
// both.
func (p *Page) takeEarlyInput(ctx app.Context) {
	restore := func(ctx app.Context) {
		var saved string
		if err := ctx.LocalStorage().Get(savedKey, &saved); err == nil && saved != "" && ctx.Page().URL().Fragment == "" {
			p.setInput(ctx, saved)
		}
	}
	take := app.Window().Get("errlensTakeEarlyInput")
	if !take.Truthy() {
		restore(ctx)
		return
	}
	var done app.Func
	done = app.FuncOf(func(this app.Value, args []app.Value) any {
		early := args[0]
		ctx.Dispatch(func(ctx app.Context) {
			if early.Type() != app.TypeString || ctx.Page().URL().Fragment != "" {
				restore(ctx)
				return
			}
			p.setInput(ctx, early.String())
			p.saveSoon(ctx)
		})
		done.Release()
		return nil
	})
	take.Invoke(done)
}

// takeBigPastes asks web/input.js for the pastes over bigPaste (as UTF-8
// bytes), which the editor never lays out: it shows their start.
func (p *Page) takeBigPastes(ctx app.Context) {
	p.bigPaste = app.FuncOf(func(this app.Value, args []app.Value) any {
		text := goText(args[0])
		ctx.Dispatch(func(ctx app.Context) {
			p.setInput(ctx, text)
			p.save(ctx)
		})
		return nil
	})
	app.Window().Set("errlensBigPaste", map[string]any{"limit": bigPaste, "take": p.bigPaste})
}

// goText copies a Uint8Array of UTF-8 text into Go: many times faster than
// converting a JS string of megabytes. A byte order mark is dropped, as a
// browser reading the text would.
func goText(bytes app.Value) string {
	n := bytes.Get("length").Int()
	if n == 0 {
		return ""
	}
	b := make([]byte, n)
	app.CopyBytesToGo(b, bytes)
	// b is never written again: the string can share it, not copy megabytes.
	return strings.TrimPrefix(unsafe.String(&b[0], n), "\uFEFF")
}

// OnDismount removes the shortcuts.
func (p *Page) OnDismount() {
	if p.keydown != nil {
		app.Window().Call("removeEventListener", "keydown", p.keydown)
		p.keydown.Release()
	}
	if p.message != nil {
		app.Window().Call("removeEventListener", "message", p.message)
		p.message.Release()
	}
	if p.bigPaste != nil {
		app.Window().Set("errlensBigPaste", nil)
		p.bigPaste.Release()
	}
	if p.resize != nil {
		p.resize.Call("disconnect")
	}
}

// OnAppUpdate shows the "update available" prompt.
func (p *Page) OnAppUpdate(ctx app.Context) {
	p.updateAvailable = ctx.AppUpdateAvailable()
}

// shortcut handles the keys that never reach the editor: "/" focuses it,
// "g" jumps to the gallery; Escape leaves the editor.
func shortcut(e app.Event) {
	active := app.Window().Get("document").Get("activeElement")
	tag := ""
	if active.Truthy() {
		tag = strings.ToLower(active.Get("tagName").String())
	}
	typing := tag == "textarea" || tag == "input" || tag == "select"
	key := e.Get("key").String()
	if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
		return
	}
	switch {
	case key == "Escape" && typing:
		active.Call("blur")
	case key == "/" && !typing:
		e.PreventDefault()
		app.Window().GetElementByID("input").Call("focus")
	case key == "g" && !typing:
		app.Window().GetElementByID("gallery").Call("scrollIntoView")
	}
}

// setInput replaces the editor's text and decodes it (a big one a frame
// later).
func (p *Page) setInput(ctx app.Context, s string) {
	p.resetFor(s)
	if len(s) > bigPaste {
		p.readLater(ctx)
		return
	}
	p.setEditor(ctx)
	p.refresh(ctx)
}

// setEditor puts p.input in the editor, now and again after the next render:
// at start, go-app replaces the prerendered page, editor included.
func (p *Page) setEditor(ctx app.Context) {
	p.shown = p.editorText()
	set := func() {
		text := p.editorText()
		if el := app.Window().GetElementByID("input"); el.Truthy() && el.Get("value").String() != text {
			el.Set("value", text)
		}
	}
	set()
	ctx.Defer(func(app.Context) { set() })
}

// refresh decodes the input and computes the advice.
func (p *Page) refresh(ctx app.Context) {
	start := time.Now()
	msg, err := p.parse(nil)
	p.decode(ctx, msg, err, time.Since(start), nil)
}

// parse reads the input's HTTP message, the first half of a decode: nil for
// an empty input. yield, when set, is called between parts of a big HAR.
func (p *Page) parse(yield func()) (msg *message.Message, err error) {
	defer func() {
		if r := recover(); r != nil {
			msg, err = nil, fmt.Errorf("errlens failed on this input (%v); your text is still in the editor", r)
		}
	}()
	if strings.TrimSpace(p.input) == "" {
		return nil, nil
	}
	return message.Parse(p.input, message.Options{Entry: p.entry, Yield: yield})
}

// decode reports what msg says and computes the advice, the second half of a
// decode; parsing took spent. yield, when set, is called between parts of a
// big body.
func (p *Page) decode(ctx app.Context, msg *message.Message, err error, spent time.Duration, yield func()) {
	start := time.Now()
	p.decodes++
	p.report, p.advice, p.compared, p.err = nil, nil, nil, ""
	defer func() {
		if r := recover(); r != nil {
			p.report, p.advice = nil, nil
			p.err = fmt.Sprintf("errlens failed on this input (%v); your text is still in the editor", r)
		}
		p.took = spent + time.Since(start)
	}()
	if err != nil {
		p.err = err.Error()
		return
	}
	if msg == nil {
		return
	}
	r := dialects.Decode(msg, dialects.Options{Dialect: p.dialect, Dialects: p.customs, Yield: yield})
	p.report = r
	if len(r.BodyText) <= 2048 {
		p.bodyShown = p.decodes
	} else {
		n := p.decodes
		// After this frame: a dispatch made now would run before it.
		ctx.Defer(func(ctx app.Context) { ctx.Dispatch(func(app.Context) { p.bodyShown = n }) })
	}
	opt := p.adviceOptions(p.policy)
	opt.Params = p.params
	p.advice = retry.Advise(r, opt)
	// Invalid JSON is marked where it stops being JSON; else no mark stays.
	se := r.Body.SyntaxError
	ctx.Defer(func(app.Context) {
		if se != nil {
			off := min(se.Offset, len(p.input)-1)
			p.mark(off, off+1, true, false)
		} else {
			p.mark(0, 0, false, false)
		}
	})
	if p.compare {
		for _, name := range compareSet {
			p.compared = append(p.compared, retry.Advise(r, p.adviceOptions(name)))
		}
	}
}

// compareSet is the profiles the "compare libraries" view puts side by side.
var compareSet = []string{"recommended", "seeds", "go-retryablehttp", "urllib3", "aws-standard", "grpc", "stripe", "got", "ky", "openai-node", "octokit", "polly"}

func (p *Page) adviceOptions(policy string) retry.Options {
	return retry.Options{Method: p.method, IdempotencyKey: p.key, Policy: policy, Seed: p.seed, DelayOnce: p.delayOnce}
}

// save remembers the input, its secrets redacted as in a share link, while
// "remember" is on; else it forgets it.
func (p *Page) save(ctx app.Context) {
	if !p.remember || share.CheckSize(len(p.input)) != nil {
		ctx.LocalStorage().Del(savedKey)
		return
	}
	p.withRules(ctx, func(ctx app.Context) {
		if p.remember && share.CheckSize(len(p.input)) == nil {
			ctx.LocalStorage().Set(savedKey, share.Redact(p.input, share.FindSecrets(p.input), nil))
		}
	})
}

// Event handlers.

func (p *Page) onInput(ctx app.Context, e app.Event) {
	p.resetFor(ctx.JSSrc().Get("value").String())
	if len(p.input) > bigPaste {
		p.readLater(ctx)
		return
	}
	p.reading = 0
	p.refresh(ctx)
	p.saveSoon(ctx)
}

// saveSoon saves after a pause in the typing: saving, and reading the secret
// rules it needs, are no part of a keystroke or of the first report.
func (p *Page) saveSoon(ctx app.Context) {
	n := p.decodes
	ctx.After(time.Second, func(ctx app.Context) {
		if p.decodes == n {
			p.save(ctx)
		}
		if share.RulesLoaded() {
			ctx.PreventUpdate() // nothing shows
		}
	})
}

// resetFor makes s the input, with nothing chosen in it and no link.
func (p *Page) resetFor(s string) {
	p.input, p.entry, p.selected, p.showAll, p.entryFilter, p.entryPage = s, 0, -1, false, "", 0
	p.report, p.advice, p.compared = nil, nil, nil // garbage before a big input arrives
	p.link, p.linkErr, p.linkNotes, p.shareErr, p.copied = nil, "", nil, "", ""
}

// readLater shows that a big input is being read, then reads it: the page
// paints its progress before the one long decode.
func (p *Page) readLater(ctx app.Context) {
	p.reading = len(p.input)
	p.setEditor(ctx)
	n := p.decodes
	ctx.After(20*time.Millisecond, func(ctx app.Context) {
		if p.decodes != n {
			return
		}
		// The parse, the decode, the page's update and the garbage
		// collection are four tasks, each short: the collector waits for
		// a task of its own, at the end.
		start, gc := time.Now(), debug.SetGCPercent(-1)
		collect := func(ctx app.Context) {
			runtime.GC()
			debug.SetGCPercent(gc)
			ctx.PreventUpdate()
		}
		// Sleeping between parts of a big HAR hands the main thread back
		// to the browser (go-app's loop waits, events queue meanwhile).
		msg, err := p.parse(handBack)
		spent := time.Since(start)
		ctx.PreventUpdate()
		nextTask(ctx, func(ctx app.Context) {
			if p.decodes != n {
				collect(ctx)
				return
			}
			p.decode(ctx, msg, err, spent, handBack)
			p.save(ctx) // too big to keep: forgets the last input
			ctx.PreventUpdate()
			nextTask(ctx, func(ctx app.Context) {
				p.reading = 0
				nextTask(ctx, collect)
			})
		})
	})
}

// handBack lets the browser have the main thread for a moment: a goroutine
// that sleeps leaves Go with nothing to run.
func handBack() { time.Sleep(time.Millisecond) }

// nextTask runs fn in a task of its own, once the browser has had the main
// thread (go-app's After(0) would run it at once, in the same task).
func nextTask(ctx app.Context, fn func(app.Context)) {
	var f app.Func
	f = app.FuncOf(func(app.Value, []app.Value) any {
		f.Release()
		ctx.Dispatch(fn)
		return nil
	})
	app.Window().Call("setTimeout", f, 0)
}

// previewBytes is how much of a big input the editor shows.
const previewBytes = 64 << 10

// editorText is what the editor holds: the input, or the start of a big one
// (the report reads all of it).
func (p *Page) editorText() string {
	if len(p.input) <= bigPaste {
		return p.input
	}
	cut := previewBytes
	for cut > 0 && !utf8.RuneStart(p.input[cut]) {
		cut--
	}
	return p.input[:cut] + "\n…"
}

func (p *Page) onMethod(ctx app.Context, e app.Event) {
	p.method = strings.TrimPrefix(e.Get("target").Get("value").String(), asPasted)
	p.refresh(ctx)
}

func (p *Page) onKey(ctx app.Context, e app.Event) {
	p.key = ctx.JSSrc().Get("checked").Bool()
	p.refresh(ctx)
}

func (p *Page) onDialect(ctx app.Context, e app.Event) {
	p.dialect = e.Get("target").Get("value").String()
	p.selected = -1
	p.refresh(ctx)
}

func (p *Page) onPolicy(ctx app.Context, e app.Event) {
	p.policy, p.params = e.Get("target").Get("value").String(), nil
	p.refresh(ctx)
}

func (p *Page) onCompare(ctx app.Context, e app.Event) {
	p.compare = ctx.JSSrc().Get("checked").Bool()
	p.refresh(ctx)
}

func (p *Page) onDelayOnce(ctx app.Context, e app.Event) {
	p.delayOnce = ctx.JSSrc().Get("checked").Bool()
	p.refresh(ctx)
}

func (p *Page) onRemember(ctx app.Context, e app.Event) {
	p.remember = ctx.JSSrc().Get("checked").Bool()
	p.save(ctx)
}

func (p *Page) onClearSaved(ctx app.Context, e app.Event) {
	ctx.LocalStorage().Del(savedKey)
	p.remember = false
	p.setInput(ctx, "")
}

func (p *Page) onClearEditor(ctx app.Context, e app.Event) {
	p.setInput(ctx, "")
	p.save(ctx)
}

// onParam edits the profile's parameter, or the seed, of the field changed:
// one handler for the parameter grid, told the field by its id.
func (p *Page) onParam(ctx app.Context, e app.Event) {
	if p.advice == nil {
		return
	}
	params := p.advice.Params
	target := e.Get("target")
	v := target.Get("value").String()
	f, err := strconv.ParseFloat(v, 64)
	switch target.Get("id").String() {
	case "p-attempts":
		params.Attempts = int(f)
	case "p-base":
		params.BaseMs = f
	case "p-mult":
		params.Multiplier = f
	case "p-cap":
		params.CapMs = f
	case "p-jitter":
		params.Jitter, err = v, nil
	case "p-ra":
		params.RetryAfter, err = v, nil
	case "p-racap":
		params.RetryAfterCapMs = f
	case "p-seed":
		if seed, err := strconv.ParseUint(v, 10, 64); err == nil {
			p.seed = seed
			p.refresh(ctx)
		}
		return
	}
	if err != nil || params.Check() != nil {
		return // keep the last valid parameters while the field is being typed
	}
	p.params = &params
	p.refresh(ctx)
}

func (p *Page) onResetParams(ctx app.Context, e app.Event) {
	p.params = nil
	p.refresh(ctx)
}

// onFieldRow selects the field error of the row clicked, or of the focused
// row on Enter or Space, and shows its member in the body.
func (p *Page) onFieldRow(ctx app.Context, e app.Event) {
	if e.Get("type").String() == "keydown" && e.Get("key").String() != "Enter" && e.Get("key").String() != " " {
		return
	}
	row := e.Get("target").Call("closest", "tr[data-index]")
	if !row.Truthy() {
		return
	}
	e.PreventDefault()
	i, err := strconv.Atoi(row.Get("dataset").Get("index").String())
	if err != nil || p.selected == i {
		p.selected = -1
		return
	}
	p.selected = i
	start, end, ok := p.locate("field:" + strconv.Itoa(i))
	ctx.Defer(func(ctx app.Context) {
		app.Window().Call("errlensCenter", app.Window().GetElementByID("hl"))
		p.mark(start, end, ok, true)
	})
}

// onReportClick handles the report's buttons written as markup: "Copy"
// (data-copy names what to copy) and "show" (data-locate names the fact to
// show in the editor).
func (p *Page) onReportClick(ctx app.Context, e app.Event) {
	t := e.Get("target")
	if b := t.Call("closest", "[data-copy]"); b.Truthy() {
		if el := app.Window().Get("document").Call("querySelector", b.Get("dataset").Get("copy").String()); el.Truthy() {
			copyText(el.Get("textContent").String())
		}
		return
	}
	if b := t.Call("closest", "[data-locate]"); b.Truthy() && p.report != nil {
		start, end, ok := p.locate(b.Get("dataset").Get("locate").String())
		p.mark(start, end, ok, true)
	}
}

// locate finds in the input the fact what names: "code", "requestId"...,
// "header:Retry-After", "field:2" (a field error), "at:120" (a byte).
func (p *Page) locate(what string) (start, end int, ok bool) {
	r := p.report
	kind, arg, _ := strings.Cut(what, ":")
	n, _ := strconv.Atoi(arg)
	switch kind {
	case "at":
		return n, n + 1, n < len(p.input)
	case "header":
		if start, end, ok = r.LocateHeader(p.input, arg); !ok {
			start, end, ok = r.Locate(p.input, r.Headers.Get(arg))
		}
		return start, end, ok
	case "field":
		if n < 0 || n >= len(r.FieldErrors) || r.Body.Offset < 0 || r.FieldErrors[n].Len == 0 {
			return 0, 0, false
		}
		start = r.Body.Offset + r.FieldErrors[n].Offset
		return start, start + r.FieldErrors[n].Len, true
	}
	v := map[string]string{"type": r.Type, "code": r.Code, "title": r.Title, "message": r.Message, "detail": r.Detail,
		"instance": r.Instance, "timestamp": r.Timestamp, "requestId": r.RequestID}[kind]
	return r.Locate(p.input, v)
}

// mark marks the input's bytes [start, end) in the editor (web/input.js
// errlensMark), scrolled to the middle of its view when scroll; when !ok, or
// past what the editor shows, it clears the mark.
func (p *Page) mark(start, end int, ok, scroll bool) {
	text := p.editorText()
	if !ok || end > len(text) {
		start, end = -1, -1
	} else {
		start, end = utf16Len(text[:start]), utf16Len(text[:end])
	}
	if f := app.Window().Get("errlensMark"); f.Truthy() {
		f.Invoke(start, end, scroll)
	}
}

// utf16Len is the length of s in UTF-16 code units, a JS string's index.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

func (p *Page) onEntryFilter(ctx app.Context, e app.Event) {
	p.entryFilter, p.entryPage = ctx.JSSrc().Get("value").String(), 0
}

// onEntryPage turns the HAR entry list by step pages.
func (p *Page) onEntryPage(step int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if p.report != nil {
			_, page, pages := p.entriesShown()
			p.entryPage = min(max(page+step, 0), pages-1)
		}
	}
}

// onEntry reads the HAR entry of the button clicked, by its data-entry.
func (p *Page) onEntry(ctx app.Context, e app.Event) {
	b := e.Get("target").Call("closest", "[data-entry]")
	if !b.Truthy() {
		return
	}
	n, err := strconv.Atoi(b.Get("dataset").Get("entry").String())
	if err != nil {
		return
	}
	p.entry, p.selected = n, -1
	p.refresh(ctx)
}

func (p *Page) onReload(ctx app.Context, e app.Event) { ctx.Reload() }

// onFile reads a file chosen with the picker.
func (p *Page) onFile(ctx app.Context, e app.Event) {
	p.readFile(ctx, ctx.JSSrc().Get("files"), p.takeFile)
}

// onDrop reads a file dropped on the editor.
func (p *Page) onDrop(ctx app.Context, e app.Event) {
	files := e.Get("dataTransfer").Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return // plain text drops are the textarea's own business
	}
	e.PreventDefault()
	p.readFile(ctx, files, p.takeFile)
}

func (p *Page) onDragOver(ctx app.Context, e app.Event) { e.PreventDefault() }

// readFile reads the first file of a FileList as text, in the browser.
func (p *Page) readFile(ctx app.Context, files app.Value, use func(app.Context, string)) {
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	file := files.Index(0)
	if size := file.Get("size").Int(); size > 32<<20 {
		p.err = fmt.Sprintf("%s is %d MB; errlens reads at most 32 MB", file.Get("name").String(), size>>20)
		return
	}
	var then app.Func
	then = app.FuncOf(func(this app.Value, args []app.Value) any {
		text := goText(app.Window().Get("Uint8Array").New(args[0]))
		ctx.Dispatch(func(ctx app.Context) { use(ctx, text) })
		then.Release()
		return nil
	})
	file.Call("arrayBuffer").Call("then", then)
}

// Register routes the app's one page, in the browser and on the server that
// prerenders it.
func Register() {
	if app.IsClient {
		// Pastes make short-lived garbage in bursts; collecting less often
		// keeps pauses out of the keystroke-to-report path.
		debug.SetGCPercent(400)
		readBuiltins()
		registerDur()
	}
	app.Route("/", func() app.Composer { return &Page{} })
}

// builtinsErr says why the built-in dialect files could not be read.
var builtinsErr string

// readBuiltins gives dialects its built-in dialect files, served beside
// app.wasm (web/dialects.json) and fetched as the page loads: the app starts
// once it has them, so no paste is read without them.
func readBuiltins() {
	done := make(chan string, 1)
	f := app.FuncOf(func(this app.Value, args []app.Value) any {
		text := ""
		if args[0].Type() == app.TypeString {
			text = args[0].String()
		}
		done <- text
		return nil
	})
	app.Window().Call("errlensFetchText", "web/dialects.json", f)
	text := <-done
	f.Release()
	if err := dialects.UseBuiltins([]byte(text)); err != nil {
		builtinsErr = "errlens could not read its built-in dialects (web/dialects.json: " + err.Error() + "), so it reads only the formats coded into it"
	}
}

// takeFile reads a response from a file picked or dropped.
func (p *Page) takeFile(ctx app.Context, text string) {
	p.setInput(ctx, text)
	p.save(ctx)
}

// onDialectFile reads a dialect file picked, or dropped on the dialect
// editor.
func (p *Page) onDialectFile(ctx app.Context, e app.Event) {
	files := e.Get("target").Get("files")
	if e.Get("type").String() == "drop" {
		if files = e.Get("dataTransfer").Get("files"); !files.Truthy() || files.Length() == 0 {
			return // dropped text is the textarea's own business
		}
		e.PreventDefault()
	}
	p.readFile(ctx, files, p.putDialect)
}

// putDialect puts a dialect file the app made or read in the dialect
// editor, and reads the paste with it.
func (p *Page) putDialect(ctx app.Context, file string) {
	p.useDialect(ctx, file)
	app.Window().GetElementByID("dialect-text").Set("value", file)
}

// onDraft proposes a dialect file for the response pasted, as errlens dialect
// draft does: where the generic reader found each fact, for the user to check,
// edit and name. It is used at once, and so reads the response as drafted.
func (p *Page) onDraft(ctx app.Context, e app.Event) {
	msg, err := p.parse(nil)
	if err == nil && msg == nil {
		err = errors.New("paste a response first")
	}
	var file string
	if err == nil {
		file, err = dialects.Draft(msg, "my-api", "My API")
	}
	if err != nil {
		p.dialectErr = err.Error()
		return
	}
	p.putDialect(ctx, file)
}

// onDialectText reads the paste with the dialect file as edited.
func (p *Page) onDialectText(ctx app.Context, e app.Event) {
	p.useDialect(ctx, ctx.JSSrc().Get("value").String())
}

// useDialect reads the paste with the dialect file, or says what is wrong
// with it and keeps the last good one.
func (p *Page) useDialect(ctx app.Context, file string) {
	p.dialectText, p.dialectErr = file, ""
	if strings.TrimSpace(file) == "" {
		p.customs, p.files = nil, nil
	} else if d, err := dialects.ParseDialect(file); err != nil {
		p.dialectErr = err.Error()
		return
	} else {
		p.customs, p.files = []*dialects.Dialect{d}, []string{file}
	}
	p.refresh(ctx)
}
