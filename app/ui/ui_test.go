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

// TestTimelineGeometry: lanes in order, bands inside the axis, the expected
// point inside its band, ticks from 0.
func TestTimelineGeometry(t *testing.T) {
	steps, _ := retry.Schedule(retry.ProfileNamed("recommended").Params, &retry.Server{Ms: 5000}, 1)
	lanes, maxMs, ticks := timelineGeometry(steps, 5000)
	if len(lanes) != len(steps) || maxMs < steps[len(steps)-1].AtMaxMs {
		t.Fatalf("%d lanes for %d steps, axis to %v", len(lanes), len(steps), maxMs)
	}
	for i, l := range lanes {
		if l.x0 < tlLeft || l.x1 > tlWidth-tlRight+tlMinBar || l.xExp < l.x0-0.01 || l.xExp > l.x1+0.01 || i > 0 && l.y <= lanes[i-1].y {
			t.Errorf("lane %d: %+v", i, l)
		}
	}
	if len(ticks) < 2 || ticks[0].label != "0s" || ticks[0].x != tlLeft {
		t.Errorf("ticks %+v", ticks)
	}
}
