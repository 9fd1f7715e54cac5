package ui

import (
	"encoding/json"

	"github.com/errlens/errlens/dialects"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// loadExample is the action a gallery button sends with an example's text.
const loadExample = "load-example"

// galleryFile holds every built-in dialect's example, by dialect id. The
// server makes it from the examples the native build embeds; app.wasm does
// not carry them.
const galleryFile = "web/gallery.json"

// gallery shows every dialect with a button that loads its example. It has no
// fields, so go-app never re-renders it when the page updates.
type gallery struct{ app.Compo }

// Render draws the gallery.
func (g *gallery) Render() app.UI {
	var m markup
	m.open("section", `id="gallery" class="gallery" aria-label="Gallery of dialects"`)
	m.el("h2", "", "Gallery: every dialect errlens reads")
	m.open("ul", `class="cards"`)
	for _, d := range dialects.All() {
		m.open("li", `class="card" data-testid="gallery-item" data-dialect="`+esc(d.ID)+`"`)
		m.el("h3", "", d.Name)
		m.el("p", "", d.Description)
		m.open("div", `class="row"`)
		if d.Spec != "" {
			m.link(d.Spec, "spec")
		}
		m.el("button", `type="button" class="small" data-testid="load-example" data-example="`+esc(d.ID)+`" aria-label="Load example: `+esc(d.Name)+`"`, "Load example")
		m.close("div")
		m.close("li")
	}
	m.WriteString("</ul></section>")
	return app.Elem("div").OnClick(g.onClick).Body(m.ui())
}

// onClick loads the example of the button clicked, from galleryFile.
func (g *gallery) onClick(ctx app.Context, e app.Event) {
	b := e.Get("target").Call("closest", "[data-example]")
	if !b.Truthy() {
		return
	}
	id := b.Get("dataset").Get("example").String()
	fetchText(ctx, galleryFile, func(ctx app.Context, text string, ok bool) {
		var examples map[string]string
		if ok && json.Unmarshal([]byte(text), &examples) == nil && examples[id] != "" {
			ctx.NewActionWithValue(loadExample, examples[id])
		}
	})
}

// fetchText fetches a file served beside app.wasm (web/input.js
// errlensFetchText) and calls done with its text, or with ok false.
func fetchText(ctx app.Context, path string, done func(ctx app.Context, text string, ok bool)) {
	var f app.Func
	f = app.FuncOf(func(this app.Value, args []app.Value) any {
		text, ok := "", args[0].Type() == app.TypeString
		if ok {
			text = args[0].String()
		}
		ctx.Dispatch(func(ctx app.Context) { done(ctx, text, ok) })
		f.Release()
		return nil
	})
	app.Window().Call("errlensFetchText", path, f)
}
