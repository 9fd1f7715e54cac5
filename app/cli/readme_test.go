//go:build !wasm

package cli

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeExamples runs, from the clone's root, every `errlens` line of
// README.md's sh blocks, as a newcomer would type it (but serve, which does
// not return): each must print something and exit 0.
func TestReadmeExamples(t *testing.T) {
	t.Chdir("../..")
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	inSh := false
	for line := range strings.Lines(string(readme)) {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "```"):
			inSh = line == "```sh"
			continue
		case !inSh || !strings.HasPrefix(line, "errlens ") || strings.HasPrefix(line, "errlens serve"):
			continue
		}
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		args := strings.Fields(line)[1:]
		code, out, errs := run(t, "", args...)
		if code != exitOK || out == "" {
			t.Errorf("%s: exit %d\n%s%s", line, code, out, errs)
		}
		ran++
	}
	if ran < 10 {
		t.Errorf("ran %d examples of README.md; want its CLI and share examples", ran)
	}
}
