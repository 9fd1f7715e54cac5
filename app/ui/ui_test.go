package ui

import (
	"math"
	"strconv"
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
// point inside its band, the figure beside it.
func TestTimelineGeometry(t *testing.T) {
	steps, _ := retry.Schedule(retry.ProfileNamed("recommended").Params, &retry.Server{Ms: 5000}, 1)
	lanes, ax := timelineGeometry(steps, 10)
	if len(lanes) != len(steps) || ax.x(steps[len(steps)-1].AtMaxMs) > tlWidth-tlRight+0.01 {
		t.Fatalf("%d lanes for %d steps", len(lanes), len(steps))
	}
	for i, l := range lanes {
		if l.x0 < tlLeft || l.x1 > tlWidth-tlRight+tlMinBar || l.xExp < l.x0-0.01 || l.xExp > l.x1+0.01 || i > 0 && l.y <= lanes[i-1].y || l.label != "retry "+strconv.Itoa(i+1) || !l.server {
			t.Errorf("lane %d: %+v", i, l)
		}
	}
	if lanes[0].figure != "at 5 s" {
		t.Errorf("first figure %q", lanes[0].figure)
	}
	if lanes, _ := timelineGeometry(steps, 2); len(lanes) != 2 {
		t.Errorf("%d lanes, want the 2 asked for", len(lanes))
	}
}

// TestAxisSkipsLongGaps: a long server delay before short retries is skipped
// with a break; evenly spaced retries keep one linear axis.
func TestAxisSkipsLongGaps(t *testing.T) {
	ax := newAxis([][2]float64{{30000, 30000}, {31000, 33000}, {34000, 38000}}, 0, 400)
	if len(ax.segs) != 3 || !ax.segs[1].skipped || ax.x(30000) != tlBreak {
		t.Fatalf("segments %+v", ax.segs)
	}
	prev := -1.0
	for ms := 0.0; ms <= 38000; ms += 500 {
		if x := ax.x(ms); x < prev || x > 400.01 {
			t.Fatalf("x(%v) = %v after %v", ms, x, prev)
		} else {
			prev = x
		}
	}
	labels := map[string]bool{}
	for _, tk := range ax.ticks() {
		labels[tk.label] = true
	}
	if !labels["0 s"] || !labels["30 s"] {
		t.Errorf("ticks %+v", ax.ticks())
	}
	even := newAxis([][2]float64{{3600e3, 3600e3}, {7200e3, 7200e3}, {10800e3, 10800e3}}, 0, 300)
	if len(even.segs) != 1 || math.Abs(even.x(7200e3)-200) > 0.01 {
		t.Errorf("even gaps: %+v", even.segs)
	}
}
