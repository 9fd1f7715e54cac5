//go:build wasm

package cli

// Main does nothing in the browser: there is no command line there.
func Main() {}
