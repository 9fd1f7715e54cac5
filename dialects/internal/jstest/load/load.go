//go:build js

// Package load gives dialects, when its tests run under Node, the built-in
// dialect files: a test package imports it for that alone.
package load

import (
	"github.com/errlens/errlens/dialects"
	"github.com/errlens/errlens/dialects/internal/jstest"
)

func init() {
	if err := dialects.UseBuiltins(jstest.Builtins()); err != nil {
		panic(err)
	}
}
