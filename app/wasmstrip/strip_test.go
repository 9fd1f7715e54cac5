package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestStrippedBinaryRuns builds a probe program for js/wasm, runs it under
// Node before and after strip, and checks that it computes the same results
// (stack growth, garbage collection and a recovered panic need the tables
// that stay) while its file, line and function names are gone.
func TestStrippedBinaryRuns(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("this test runs js/wasm binaries under node, which is not installed")
		}
		t.Skip("needs node to run js/wasm binaries (under CI=true this fails instead)")
	}
	bin := filepath.Join(t.TempDir(), "probe.wasm")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "./testdata/probe")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the probe: %v\n%s", err, out)
	}
	run := func() []string {
		t.Helper()
		out, err := exec.Command(filepath.Join(runtime.GOROOT(), "lib", "wasm", "go_js_wasm_exec"), bin).CombinedOutput()
		if err != nil {
			t.Fatalf("running the probe: %v\n%s", err, out)
		}
		return strings.Split(strings.TrimSpace(string(out)), "\n")
	}
	before := run()
	b, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	orig := bytes.Clone(b)
	if err := strip(b); err != nil {
		t.Fatal(err)
	}
	if len(b) != len(orig) {
		t.Fatalf("strip changed the length: %d -> %d", len(orig), len(b))
	}
	if err := os.WriteFile(bin, b, 0o644); err != nil {
		t.Fatal(err)
	}
	after := run()

	want := "sum 200010000 goroutines 50040010 recovered runtime error: index out of range [5] with length 3"
	if len(before) != 2 || before[0] != want || len(after) != 2 || after[0] != want {
		t.Fatalf("results: before %q, after %q; want first line %q", before, after, want)
	}
	if before[1] != `where "main.main" main.go:50` {
		t.Errorf("unstripped probe says %q: the probe changed?", before[1])
	}
	if after[1] != `where "" ?:0` {
		t.Errorf("stripped probe still knows where it is: %q", after[1])
	}
	if g, o := gzipSize(b), gzipSize(orig); g > o*95/100 {
		t.Errorf("gzip size %d -> %d: less than 5%% smaller", o, g)
	}
}

// TestRefusesOtherInput checks that strip fails, without writing, on what
// is not a Go js/wasm binary.
func TestRefusesOtherInput(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":      nil,
		"text":       []byte("HTTP/1.1 500 Internal Server Error\n"),
		"bare wasm":  []byte("\x00asm\x01\x00\x00\x00"),
		"cut header": []byte("\x00asm\x01\x00\x00\x00\x0b\x05\x01\x00\x41\x00\x0b"),
	} {
		if err := strip(bytes.Clone(b)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Len()
}
