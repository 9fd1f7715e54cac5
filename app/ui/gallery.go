package ui

import (
	"sync"

	"github.com/errlens/errlens/dialects"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// loadExample is the action a gallery button sends with an example's text.
const loadExample = "load-example"

// gallery shows every dialect with a button that loads its example. It has no
// fields, so go-app never re-renders it when the page updates.
type gallery struct{ app.Compo }

// gallerySamples returns every dialect's examples, read once.
var gallerySamples = sync.OnceValue(func() map[string][]dialects.Sample {
	m := map[string][]dialects.Sample{}
	for _, d := range dialects.All() {
		m[d.ID] = d.Samples()
	}
	return m
})

// Render draws the gallery.
func (g *gallery) Render() app.UI {
	all := dialects.All()
	return app.Elem("section").ID("gallery").Class("gallery").Aria("label", "Gallery of dialects").Body(
		app.Elem("h2").Text("Gallery: every dialect errlens reads"),
		app.Elem("ul").Class("cards").Body(app.Range(all).Slice(func(i int) app.UI {
			d := all[i]
			samples := gallerySamples()[d.ID]
			return app.Elem("li").Class("card").Attr("data-testid", "gallery-item").Attr("data-dialect", d.ID).Body(
				app.Elem("h3").Text(d.Name),
				app.Elem("p").Text(d.Description),
				app.Elem("div").Class("row").Body(
					app.If(d.Spec != "", func() app.UI {
						return app.Elem("a").Attr("href", d.Spec).Attr("target", "_blank").Attr("rel", "noopener noreferrer").Text("spec")
					}),
					app.If(len(samples) > 0, func() app.UI {
						input := samples[0].Input
						return app.Elem("button").Attr("type", "button").Class("small").Attr("data-testid", "load-example").
							Aria("label", "Load the "+d.Name+" example").
							Text("Load example").
							OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(loadExample, input) })
					}),
				),
			)
		})),
	)
}
