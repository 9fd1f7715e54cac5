// Command errlens inspects HTTP API error responses: what the error says, in
// whatever dialect it is written. See README.md.
package main

import "github.com/errlens/errlens/app/cli"

func main() { cli.Main() }
