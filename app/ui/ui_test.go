package ui

import (
	"strings"
	"testing"

	"github.com/errlens/errlens/dialects/retry"
)

// TestPrettyHTML: re-indents, colours, escapes markup, and highlights exactly
// the span asked for, whatever the body's own formatting.
func TestPrettyHTML(t *testing.T) {
	body := `{"a":[1,{"b":"<x>"}],"c":true}`
	start := strings.Index(body, `{"b"`)
	out, truncated := prettyHTML(body, start, start+len(`{"b":"<x>"}`), 1<<10)
	if truncated || strings.Contains(out, "<x>") || !strings.Contains(out, "&lt;x&gt;") {
		t.Errorf("not escaped: %s", out)
	}
	for _, want := range []string{`<span class="tk">&#34;a&#34;</span>`, `<span class="tn">1</span>`, `<span class="tl">true</span>`, `id="hl"`, "\n    "} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if n := strings.Count(out, " hl"); n != 5 { // { "b" : "<x>" }
		t.Errorf("%d highlighted tokens in\n%s", n, out)
	}
	if _, truncated := prettyHTML(strings.Repeat(" ", 100), -1, -1, 10); !truncated {
		t.Error("a body over the limit is not reported truncated")
	}
	// Broken JSON is still shown, byte for byte where it is not JSON.
	if out, _ := prettyHTML(`{"a": tru`, -1, -1, 100); !strings.Contains(out, "tru") {
		t.Errorf("broken body lost: %s", out)
	}
}

// TestLanesData: the numbers web/chart.js draws a lane from, one lane per
// retry shown, the server's delay marked.
func TestLanesData(t *testing.T) {
	steps, _ := retry.Schedule(retry.ProfileNamed("recommended").Params, &retry.Server{Ms: 5000}, 1)
	lanes := strings.Split(lanesData(steps, 10), ";")
	if len(lanes) != len(steps) || len(steps) < 2 {
		t.Fatalf("%d lanes for %d steps", len(lanes), len(steps))
	}
	for i, l := range lanes {
		f := strings.Split(l, ",")
		if len(f) != 4 || f[0] != ms(steps[i].AtMinMs) || f[1] != ms(steps[i].AtMaxMs) || f[2] != ms(steps[i].ExpectedMs) || f[3] != "1" {
			t.Errorf("lane %d: %q for %+v", i, l, steps[i])
		}
	}
	if n := strings.Count(lanesData(steps, 2), ";"); n != 1 {
		t.Errorf("%d separators for the 2 lanes asked for", n)
	}
}
