//go:build !wasm

// Package server serves the errlens app: go-app's handler configured with
// errlens's own icons, styles and version, behind a strict
// Content-Security-Policy, with app.wasm precompressed. It is native-only, so
// none of it is linked into app.wasm.
package server

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/errlens/errlens/app/ui"
	"github.com/errlens/errlens/dialects"
	"github.com/errlens/errlens/dialects/share"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// CSP is the Content-Security-Policy every response carries: the page loads
// nothing from another origin, runs no inline script or style, and sends
// nothing anywhere but its own origin.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; " +
	"manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"

// App returns go-app's handler for the app whose assets are in dir/web, with
// res resolving /web/ paths (nil: served from dir). Its version is a hash of
// web/app.wasm, so a new build reaches users as an update.
func App(dir string, res app.ResourceResolver) (*app.Handler, error) {
	wasm, err := os.ReadFile(filepath.Join(dir, "web", "app.wasm"))
	if err != nil {
		return nil, fmt.Errorf("%w (build it with make build)", err)
	}
	ui.Register()
	sum := sha256.Sum256(wasm)
	if res == nil {
		res = localWeb{http.FileServer(http.Dir(dir))}
	}
	return &app.Handler{
		Name:        "errlens",
		ShortName:   "errlens",
		Title:       "errlens: inspect API error responses",
		Description: "Paste an HTTP API error response: errlens says what it means, whether to retry, and when. Runs in your browser; nothing you paste leaves it.",
		Lang:        "en",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			SVG:      "/web/icon.svg",
			Maskable: "/web/icon-512.png",
		},
		Image:             "/web/icon-512.png",
		Styles:            []string{"/web/errlens.css"},
		Scripts:           []string{"/web/storage-shim.js", "/web/fragment-guard.js", "/web/input.js", "/web/chart.js"},
		ThemeColor:        "#1f2933",
		BackgroundColor:   "#1f2933",
		LoadingLabel:      "Loading errlens… {progress}%",
		Version:           hex.EncodeToString(sum[:6]),
		WasmContentLength: strconv.Itoa(len(wasm)),
		Resources:         res,
		// Served beside app.wasm rather than built into it (data), and
		// kept for offline use.
		CacheableResources: slices.Sorted(maps.Keys(data)),
		// The same policy in the page, for static hosts that send no
		// header (a meta policy cannot carry frame-ancestors or sandbox).
		RawHeaders: []string{`<meta http-equiv="Content-Security-Policy" content="` + CSP + `">`, `<meta name="referrer" content="no-referrer">`},
	}, nil
}

// localWeb serves /web/ from a directory on disk, keeping /web/ paths as they
// are in the page (go-app's LocalDir would write the directory into them).
type localWeb struct{ http.Handler }

func (localWeb) Resolve(loc string) string { return loc }

// New returns the HTTP handler `errlens serve` runs: the app, under the CSP,
// with app.wasm sent brotli- or gzip-compressed when the browser accepts it
// and web/app.wasm.br or .gz exists, and every text (the page, scripts,
// styles, the files beside app.wasm) gzipped for a browser that accepts it.
func New(dir string) (http.Handler, error) {
	h, err := App(dir, nil)
	if err != nil {
		return nil, err
	}
	wasm := filepath.Join(dir, "web", "app.wasm")
	etag := `"` + h.Version + `"`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", CSP)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		switch r.URL.Path {
		case "/web/app.wasm", "/app.wasm":
			serveWasm(w, r, wasm, etag)
			return
		}
		if r.Method == http.MethodGet && r.Header.Get("Range") == "" && acceptsEncoding(r.Header.Get("Accept-Encoding"), "gzip") {
			g := &gzipWriter{ResponseWriter: w}
			defer g.close()
			w = g
		}
		if b, ok := data[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Cache-Control", "no-cache")
			w.Write(b)
			return
		}
		h.ServeHTTP(w, r)
	}), nil
}

// data is what the app reads from files beside app.wasm, by path: the
// built-in dialect files, what statuses and headers mean and the gallery's
// examples (dialects), and the secret rules (dialects/share), which the
// native build embeds.
var data = map[string][]byte{
	"/web/dialects.json":    dialects.BuiltinsFile,
	"/web/secretrules.json": share.RulesFile,
	"/web/meanings.json":    dialects.MeaningsFile,
	"/web/gallery.json":     galleryJSON(),
}

// galleryJSON is each built-in dialect's example, by dialect id.
func galleryJSON() []byte {
	examples := map[string]string{}
	for _, d := range dialects.All() {
		if s := d.Samples(); len(s) > 0 {
			examples[d.ID] = s[0].Input
		}
	}
	b, _ := json.Marshal(examples)
	return b
}

// serveWasm sends app.wasm precompressed, revalidated by the app's version.
func serveWasm(w http.ResponseWriter, r *http.Request, path, etag string) {
	hd := w.Header()
	hd.Set("Content-Type", "application/wasm")
	hd.Set("Cache-Control", "no-cache")
	hd.Set("Vary", "Accept-Encoding")
	accept := r.Header.Get("Accept-Encoding")
	for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !acceptsEncoding(accept, enc.name) {
			continue
		}
		if f, err := os.Open(path + enc.ext); err == nil {
			defer f.Close()
			hd.Set("Content-Encoding", enc.name)
			hd.Set("ETag", strings.TrimSuffix(etag, `"`)+"-"+enc.name+`"`)
			if st, err := f.Stat(); err == nil {
				http.ServeContent(w, r, "", st.ModTime(), f)
				return
			}
		}
	}
	hd.Set("ETag", etag)
	http.ServeFile(w, r, path)
}

// gzipWriter gzips a response whose media type is text (HTML, CSS,
// JavaScript, JSON, SVG, the manifest) and which is not already encoded: on a
// slow link the page and its scripts reach the browser sooner.
type gzipWriter struct {
	http.ResponseWriter
	gz      *gzip.Writer
	decided bool
}

func (g *gzipWriter) WriteHeader(code int) {
	if !g.decided {
		g.decided = true
		h := g.Header()
		if ct := h.Get("Content-Type"); code == http.StatusOK && h.Get("Content-Encoding") == "" && textual(ct) {
			h.Del("Content-Length")
			h.Set("Content-Encoding", "gzip")
			h.Add("Vary", "Accept-Encoding")
			if et := h.Get("ETag"); et != "" && !strings.HasPrefix(et, "W/") {
				h.Set("ETag", "W/"+et) // the same entity, but not byte for byte
			}
			g.gz, _ = gzip.NewWriterLevel(g.ResponseWriter, gzip.BestCompression)
		}
	}
	g.ResponseWriter.WriteHeader(code)
}

func (g *gzipWriter) Write(b []byte) (int, error) {
	if !g.decided {
		if g.Header().Get("Content-Type") == "" {
			g.Header().Set("Content-Type", http.DetectContentType(b))
		}
		g.WriteHeader(http.StatusOK)
	}
	if g.gz != nil {
		return g.gz.Write(b)
	}
	return g.ResponseWriter.Write(b)
}

// close ends the gzip stream, if the response is gzipped.
func (g *gzipWriter) close() {
	if g.gz != nil {
		g.gz.Close()
	}
}

// textual reports a media type worth compressing.
func textual(ct string) bool {
	ct, _, _ = strings.Cut(ct, ";")
	return strings.HasPrefix(ct, "text/") || strings.HasSuffix(ct, "javascript") || strings.HasSuffix(ct, "json") ||
		strings.HasSuffix(ct, "+xml") || ct == "application/manifest+json"
}

// acceptsEncoding reports whether an Accept-Encoding value allows enc with a
// non-zero quality.
func acceptsEncoding(accept, enc string) bool {
	for part := range strings.SplitSeq(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		q, found := strings.CutPrefix(strings.TrimSpace(params), "q=")
		if !found {
			return true
		}
		v, err := strconv.ParseFloat(q, 64)
		return err == nil && v > 0
	}
	return false
}
