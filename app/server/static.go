//go:build !wasm

package server

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// subPath resolves the app's paths under a base path of a static host
// ("/tools/errlens/"), keeping the root's trailing slash so the page's URL
// matches what the service worker caches.
type subPath string

func (p subPath) Resolve(loc string) string {
	if strings.HasPrefix(loc, "https://") || strings.HasPrefix(loc, "http://") {
		return loc
	}
	return strings.TrimSuffix(string(p), "/") + "/" + strings.TrimPrefix(loc, "/")
}

// Static writes the app as a static website into out, for a host that serves
// it under base ("/" or "/tools/errlens/"): the page, go-app's scripts,
// manifest and service worker, web/ from dir (app.wasm included), and the
// files the app reads beside app.wasm (data).
func Static(dir, out, base string) error {
	if !strings.HasPrefix(base, "/") {
		return fmt.Errorf("base %q must start with /", base)
	}
	h, err := App(dir, subPath(base))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return err
	}
	for path, b := range data {
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(path)), b, 0o644); err != nil {
			return err
		}
	}
	entries, err := os.ReadDir(filepath.Join(dir, "web"))
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
			continue
		}
		if err := copyFile(filepath.Join(dir, "web", name), filepath.Join(out, "web", name)); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}
