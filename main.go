// Command errlens inspects HTTP API error responses. Compiled to WebAssembly it
// is the in-browser app (app/ui); natively it is the CLI and the server that
// serves the app (app/cli). See README.md.
package main

import (
	"github.com/errlens/errlens/app/cli"
	"github.com/errlens/errlens/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	ui.Register()
	app.RunWhenOnBrowser() // returns at once outside the browser
	cli.Main()
}
