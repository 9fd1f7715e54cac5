//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http/httptest"
	"regexp"
	"testing"
)

// TestPrerenderedPage: the page served before app.wasm starts takes input as
// it looks: no boolean attribute written "false" (which HTML reads as true:
// a read-only editor, every option selected, a ticked box), no "\n" shown
// as text.
func TestPrerenderedPage(t *testing.T) {
	h, err := New(repo)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	body, _ := io.ReadAll(rec.Body)
	for _, bad := range []string{`(checked|selected|readonly|disabled)="false"`, `placeholder="[^"]*\\n`} {
		if m := regexp.MustCompile(bad).Find(body); m != nil {
			t.Errorf("the prerendered page holds %s", m)
		}
	}
	if !regexp.MustCompile(`<textarea[^>]*id="input"`).Match(body) || regexp.MustCompile(`<textarea[^>]*readonly`).Match(body) {
		t.Errorf("the prerendered editor is missing or read-only")
	}
	// app.wasm is the first thing the page asks for: a browser opens six
	// connections to a host, and the styles and scripts would take them.
	preload := bytes.Index(body, []byte(`rel="preload"`))
	if other := regexp.MustCompile(`<link [^>]*rel="stylesheet"|<script `).FindIndex(body); preload < 0 || other == nil || preload > other[0] ||
		!regexp.MustCompile(`<link [^>]*href="web/app.wasm"[^>]*rel="preload"|<link [^>]*rel="preload"[^>]*href="web/app.wasm"`).Match(body) {
		t.Errorf("app.wasm's preload is missing or after the styles and scripts")
	}
}

// TestGzip: the page, scripts, styles and the files beside app.wasm are sent
// gzipped to a browser that accepts it, and are the same bytes once
// unzipped; app.wasm keeps its own precompressed encoding, and a browser
// that does not accept gzip gets the plain bytes.
func TestGzip(t *testing.T) {
	h, err := New(repo)
	if err != nil {
		t.Fatal(err)
	}
	get := func(path, accept string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", path, nil)
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for _, path := range []string{"/app.js", "/wasm_exec.js", "/web/errlens.css", "/web/chart.js", "/web/dialects.json", "/web/secretrules.json"} {
		plain, zipped := get(path, ""), get(path, "gzip, deflate")
		if plain.Code != 200 || plain.Header().Get("Content-Encoding") != "" || plain.Body.Len() == 0 {
			t.Errorf("%s without gzip: %d %q, %d bytes", path, plain.Code, plain.Header().Get("Content-Encoding"), plain.Body.Len())
			continue
		}
		if zipped.Header().Get("Content-Encoding") != "gzip" || zipped.Body.Len() >= plain.Body.Len() {
			t.Errorf("%s: Content-Encoding %q, %d bytes for %d", path, zipped.Header().Get("Content-Encoding"), zipped.Body.Len(), plain.Body.Len())
			continue
		}
		zr, err := gzip.NewReader(zipped.Body)
		if err != nil {
			t.Fatal(err)
		}
		if b, err := io.ReadAll(zr); err != nil || !bytes.Equal(b, plain.Body.Bytes()) {
			t.Errorf("%s unzips to %d bytes (%v), want the %d plain ones", path, len(b), err, plain.Body.Len())
		}
	}
	if wasm := get("/web/app.wasm", "gzip"); wasm.Header().Get("Content-Encoding") != "gzip" || !bytes.HasPrefix(wasm.Body.Bytes(), []byte{0x1f, 0x8b}) {
		t.Errorf("app.wasm: %q", wasm.Header().Get("Content-Encoding"))
	} else if zr, err := gzip.NewReader(wasm.Body); err != nil {
		t.Error(err)
	} else if head := make([]byte, 4); func() bool { _, err := io.ReadFull(zr, head); return err != nil }() || string(head) != "\x00asm" {
		t.Errorf("app.wasm is gzipped twice or not wasm: %q", head)
	}
}
