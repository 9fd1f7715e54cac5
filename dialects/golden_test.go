package dialects

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata")

// TestGolden decodes every example in testdata/<dialect>/ and compares the JSON
// report with the golden file beside it. Each example must be detected as the
// dialect its folder names; a folder of a custom dialect holds its file,
// <id>.dialect.json. Run with -update to rewrite the goldens.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*/*.http")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(strings.TrimPrefix(f, "testdata/"), ".http"), func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var opt Options
			if b, err := os.ReadFile(filepath.Join(filepath.Dir(f), filepath.Base(filepath.Dir(f))+".dialect.json")); err == nil {
				d, err := ParseDialect(string(b))
				if err != nil {
					t.Fatal(err)
				}
				opt.Dialects = []*Dialect{d}
			}
			r, err := Inspect(string(in), opt)
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Base(filepath.Dir(f)); r.Dialect != want {
				t.Errorf("dialect = %s (%v), want %s; alternatives %v", r.Dialect, r.Evidence, want, r.Alternatives)
			}
			got := marshal(t, r)
			golden := strings.TrimSuffix(f, ".http") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("report differs from %s (go test -update rewrites it):\n%s", golden, got)
			}
		})
	}
}

func marshal(t testing.TB, r *Report) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
