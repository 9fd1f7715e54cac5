package message

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse: any paste parses without a panic; the body it finds is the text
// of the paste at BodyOffset, to its end but for trailer fields (and but for
// curl -v and HAR, whose bodies are assembled), and notes point at lines of the
// paste.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../testdata/*/*.http")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), 0)
	}
	f.Add(har, 2)
	f.Add("$ curl -X 'POST \\\nHTTP/1.1 200 OK\n", 0)
	f.Fuzz(func(t *testing.T, in string, entry int) {
		m, err := Parse(in, Options{Entry: entry})
		if err != nil {
			if m != nil {
				t.Fatal("a message and an error")
			}
			return
		}
		// The body is the paste's tail at BodyOffset, less the trailer
		// fields curl -i prints after a body.
		if m.BodyAsPasted && (m.BodyOffset > len(in) || !strings.HasPrefix(in[m.BodyOffset:], m.Body)) {
			t.Fatalf("body %q is not the paste's text at %d", m.Body, m.BodyOffset)
		}
		if !m.BodyAsPasted && m.Format != FormatVerbose && m.Format != FormatHAR && m.Format != FormatEmpty {
			t.Fatalf("a %s paste's body is not said to be as pasted", m.Format)
		}
		lines := 1
		for i := 0; i < len(in); i++ {
			if in[i] == '\n' {
				lines++
			}
		}
		for _, n := range m.Notes {
			if n.Line < 0 || n.Line > lines {
				t.Fatalf("note %v beyond line %d", n, lines)
			}
		}
		// A HAR file cut to the entry read holds that entry, and reads it.
		if m.Format == FormatHAR && m.Entry > 0 {
			one, err := OneEntry(in, m.Entry)
			if err != nil {
				t.Fatalf("OneEntry(%d): %v", m.Entry, err)
			}
			if o, err := Parse(one, Options{}); err != nil || o.Status != m.Status || o.Body != m.Body || len(o.Entries) != 1 {
				t.Fatalf("entry %d alone reads %+v (%v)", m.Entry, o, err)
			}
		}
	})
}
