package ui

import (
	"fmt"
	"html"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/errlens/errlens/dialects/retry"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

const svgNS = "http://www.w3.org/2000/svg"

// Timeline geometry, in SVG user units.
const (
	tlWidth  = 640.0
	tlLeft   = 62.0 // room for lane labels
	tlRight  = 24.0
	tlLane   = 26.0
	tlTop    = 6.0
	tlAxis   = 28.0 // room for the axis under the lanes
	tlMinBar = 3.0
	tlBreak  = 48.0 // the width of a gap the axis skips
)

// axis maps milliseconds to x on a linear scale that skips the long empty
// stretches (a server's long delay before a few short retries), so both stay
// readable. Each segment is a linear piece; a skipped one is drawn narrow,
// with a break mark.
type axis struct{ segs []segment }

type segment struct {
	from, to, x0, x1 float64
	skipped          bool
}

// newAxis lays out spans (firing bands, in ms from the failure) between x0
// and x1. A gap between spans is skipped when it is over a quarter of the
// whole and over four times every gap that is kept.
func newAxis(spans [][2]float64, x0, x1 float64) axis {
	spans = append(spans, [2]float64{0, 0})
	sort.Sort(byStart(spans))
	var merged [][2]float64
	for _, s := range spans {
		if n := len(merged); n > 0 && s[0] <= merged[n-1][1] {
			merged[n-1][1] = math.Max(merged[n-1][1], s[1])
			continue
		}
		merged = append(merged, s)
	}
	end := math.Max(merged[len(merged)-1][1], 1)
	var gaps [][2]float64 // from, to
	for i := 1; i < len(merged); i++ {
		gaps = append(gaps, [2]float64{merged[i-1][1], merged[i][0]})
	}
	sort.Sort(longestFirst(gaps))
	var skip [][2]float64
	for i, g := range gaps {
		next := 0.0
		if i+1 < len(gaps) {
			next = gaps[i+1][1] - gaps[i+1][0]
		}
		if g[1]-g[0] <= end/4 || g[1]-g[0] <= 4*next {
			break
		}
		skip = append(skip, g)
	}
	sort.Sort(byStart(skip))
	kept := end
	for _, g := range skip {
		kept -= g[1] - g[0]
	}
	scale := (x1 - x0 - tlBreak*float64(len(skip))) / kept
	var ax axis
	at, x := 0.0, x0
	add := func(to float64, skipped bool) {
		w := (to - at) * scale
		if skipped {
			w = tlBreak
		}
		ax.segs = append(ax.segs, segment{at, to, x, x + w, skipped})
		at, x = to, x+w
	}
	for _, g := range skip {
		add(g[0], false)
		add(g[1], true)
	}
	add(end, false)
	return ax
}

// byStart orders spans by their start, longestFirst by their length, longest
// first. (One sort.Sort serves every element type; a generic sort would be
// compiled again for each, and app.wasm is on a budget.)
type (
	byStart      [][2]float64
	longestFirst [][2]float64
)

func (s byStart) Len() int                { return len(s) }
func (s byStart) Less(i, j int) bool      { return s[i][0] < s[j][0] }
func (s byStart) Swap(i, j int)           { s[i], s[j] = s[j], s[i] }
func (s longestFirst) Len() int           { return len(s) }
func (s longestFirst) Less(i, j int) bool { return s[i][1]-s[i][0] > s[j][1]-s[j][0] }
func (s longestFirst) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

// x is where ms lies on the axis.
func (ax axis) x(ms float64) float64 {
	for _, s := range ax.segs {
		if ms <= s.to || s == ax.segs[len(ax.segs)-1] {
			if s.to == s.from {
				return s.x0
			}
			return s.x0 + (math.Min(ms, s.to)-s.from)/(s.to-s.from)*(s.x1-s.x0)
		}
	}
	return 0
}

// ticks labels the axis: round values inside each kept segment, and both ends
// of a skipped one, never two labels closer than 44 units.
func (ax axis) ticks() []tick {
	var ts []tick
	add := func(ms float64) {
		x := ax.x(ms)
		if n := len(ts); n > 0 && x-ts[n-1].x < 44 {
			return
		}
		ts = append(ts, tick{x, retry.Dur(ms)})
	}
	for _, s := range ax.segs {
		if s.skipped {
			add(s.to)
			continue
		}
		step := niceStep((s.to - s.from) * 100 / math.Max(s.x1-s.x0, 1))
		for v := math.Ceil(s.from/step) * step; v <= s.to+step/1e6; v += step {
			add(v)
		}
	}
	return ts
}

// niceStep rounds a tick step up to one a clock reads well: 1, 2 or 5 times a
// power of ten below a second; then 1, 2, 5, 10, 15 or 30 seconds or
// minutes; 1, 2, 3, 6 or 12 hours; then whole days.
func niceStep(ms float64) float64 {
	if ms < 1000 {
		p := math.Pow(10, math.Floor(math.Log10(math.Max(ms, 1e-3))))
		for _, m := range []float64{1, 2, 5, 10} {
			if m*p >= ms {
				return m * p
			}
		}
	}
	for _, s := range clockSteps {
		if s >= ms {
			return s
		}
	}
	return math.Ceil(ms/86400e3) * 86400e3
}

var clockSteps = []float64{1e3, 2e3, 5e3, 10e3, 15e3, 30e3, 60e3, 120e3, 300e3, 600e3, 900e3, 1800e3, 3600e3, 7200e3, 10800e3, 21600e3, 43200e3, 86400e3}

// drawAxis draws the axis line at y, its ticks and its break marks.
func (b *svgDoc) drawAxis(ax axis, y float64) {
	for _, s := range ax.segs {
		if s.skipped {
			m := (s.x0 + s.x1) / 2
			b.el("path", "", nil, "d", fmt.Sprintf("M%s %sl-4 8M%s %sl-4 8", num(m-2), num(y-4), num(m+4), num(y-4)), "class", "axis")
			continue
		}
		b.el("line", "", nil, "x1", s.x0, "x2", s.x1, "y1", y, "y2", y, "class", "axis")
	}
	for _, t := range ax.ticks() {
		b.el("line", "", nil, "x1", t.x, "x2", t.x, "y1", y, "y2", y+4, "class", "axis")
		b.text(t.x, y+16, "tick", t.label)
	}
}

// tick is a labelled mark on the time axis.
type tick struct {
	x     float64
	label string
}

// lane is one retry drawn on the timeline.
type lane struct {
	label        string
	x0, x1, xExp float64 // band of firing times and the expected one
	y            float64
	figure       string // when it fires, written beside the band
	server       bool   // its wait is the server's delay
}

// timelineGeometry lays out the first n retries of the schedule on an axis
// shared with the other spans given (the compare view's other libraries).
func timelineGeometry(steps []retry.Step, n int) (lanes []lane, ax axis) {
	steps = steps[:min(n, len(steps))]
	spans := make([][2]float64, len(steps))
	for i, s := range steps {
		spans[i] = [2]float64{s.AtMinMs, s.AtMaxMs}
	}
	ax = newAxis(spans, tlLeft, tlWidth-tlRight)
	expected := 0.0
	for i, s := range steps {
		expected += s.ExpectedMs
		l := lane{
			label: "retry " + strconv.Itoa(i+1),
			x0:    ax.x(s.AtMinMs), x1: ax.x(s.AtMaxMs), xExp: ax.x(expected),
			y:      tlTop + float64(i)*tlLane,
			figure: bandText(s.AtMinMs, s.AtMaxMs),
			server: s.FloorMs > 0 && s.MinMs == s.FloorMs,
		}
		if l.x1-l.x0 < tlMinBar {
			l.x1 = l.x0 + tlMinBar
		}
		lanes = append(lanes, l)
	}
	return lanes, ax
}

// bandText writes a firing band for a label: "at 7 s", "at 1 s to 2.5 s".
func bandText(lo, hi float64) string {
	if retry.Dur(lo) == retry.Dur(hi) {
		return "at " + retry.Dur(lo)
	}
	return "at " + retry.Dur(lo) + " to " + retry.Dur(hi)
}

// svgDoc builds SVG markup. The timelines are drawn as one raw element: built
// node by node, they cost more code in app.wasm and more DOM calls per paste.
type svgDoc struct{ strings.Builder }

// el writes an element with attributes (name, value pairs), a body (written
// by body), and a title (tooltip) when title is not "".
func (b *svgDoc) el(tag, title string, body func(), attrs ...any) {
	b.WriteString("<" + tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		v := attrs[i+1]
		if f, ok := v.(float64); ok {
			v = num(f)
		}
		fmt.Fprintf(&b.Builder, ` %s="%s"`, attrs[i], html.EscapeString(fmt.Sprint(v)))
	}
	b.WriteString(">")
	if title != "" {
		b.WriteString("<title>" + html.EscapeString(title) + "</title>")
	}
	if body != nil {
		body()
	}
	b.WriteString("</" + tag + ">")
}

// text writes a text element.
func (b *svgDoc) text(x, y float64, class, s string) {
	b.el("text", "", func() { b.WriteString(html.EscapeString(s)) }, "x", x, "y", y, "class", class)
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// timelineSVG draws one lane per retry shown in the plan: the band when it
// may fire, the expected time, the figure beside it, and the end where the
// client gives up. The table beside it says the same for screen readers.
func timelineSVG(a *retry.Advice, plan retry.Plan) app.UI {
	lanes, ax := timelineGeometry(a.Schedule, len(plan.Rows))
	axisY := tlTop + float64(len(lanes))*tlLane + 4
	var b svgDoc
	b.el("svg", "", func() {
		for _, l := range lanes {
			class := "lane"
			if l.server {
				class += " server"
			}
			b.el("g", "", func() {
				b.text(4, l.y+15, "lane-label", l.label)
				b.el("rect", "", nil, "x", l.x0, "y", l.y+4, "width", l.x1-l.x0, "height", 14.0, "rx", 3.0, "class", "band")
				b.el("circle", "", nil, "cx", l.xExp, "cy", l.y+11, "r", 4.0, "class", "expected")
				if l.x1 > tlWidth-170 {
					b.el("text", "", func() { b.WriteString(html.EscapeString(l.figure)) }, "x", l.x0-8, "y", l.y+15, "class", "figure end")
				} else {
					b.text(l.x1+8, l.y+15, "figure", l.figure)
				}
			}, "class", class)
		}
		b.drawAxis(ax, axisY)
		if a.GivesUp.Attempts > 0 && plan.More == "" && len(lanes) > 0 {
			gx := lanes[len(lanes)-1].x1 + 3
			b.el("line", "", nil, "x1", gx, "x2", gx, "y1", tlTop, "y2", axisY, "class", "give-up")
		}
	}, "xmlns", svgNS, "data-testid", "timeline", "viewBox", "0 0 "+num(tlWidth)+" "+num(axisY+24),
		"aria-hidden", "true", "class", "timeline")
	return app.Raw(b.String())
}

// legend names what the chart draws.
func legend(a *retry.Advice, plan retry.Plan) app.UI {
	items := []string{`<span><span class="key band"></span>when it may fire (the spread is random jitter)</span>`, `<span><span class="key expected"></span>on average</span>`}
	if slices.ContainsFunc(plan.Rows, func(r retry.Row) bool { return r.Server }) {
		items = append(items, `<span><span class="key band server"></span>waits the server's delay</span>`)
	}
	if a.GivesUp.Attempts > 0 && plan.More == "" {
		items = append(items, `<span><span class="key give-up"></span>gives up</span>`)
	}
	return app.Raw(`<p class="legend" data-testid="legend">` + strings.Join(items, "") + `</p>`)
}

// planTable lists the retries for every reader: wait, time after the failure
// and clock time.
func planTable(plan retry.Plan) app.UI {
	var b strings.Builder
	b.WriteString(`<table class="plan" data-testid="plan-table"><caption class="sr-only">Upcoming retries</caption><thead><tr><th scope="col">Retry</th><th scope="col">Waits</th><th scope="col">Fires after the failure</th><th scope="col">On the clock</th></tr></thead><tbody>`)
	for _, r := range plan.Rows {
		wait := esc(r.Wait)
		if r.Server {
			wait += ` <span class="muted">(the server's delay)</span>`
		}
		fmt.Fprintf(&b, `<tr><th scope="row">%d</th><td>%s</td><td>%s</td><td>%s</td></tr>`, r.Retry, wait, esc(r.After), esc(r.At))
	}
	if plan.More != "" {
		fmt.Fprintf(&b, `<tr><td colspan="4" class="muted">%s</td></tr>`, esc(plan.More))
	}
	b.WriteString(`</tbody></table>`)
	return app.Raw(b.String())
}

// compareTable lines libraries up: each one's verdict in words and its
// retries on one axis shared by all rows, long empty stretches skipped.
func compareTable(rows []*retry.Advice, plans []retry.Plan) app.UI {
	const x0, x1 = 8.0, 392.0
	var spans [][2]float64
	for i, a := range rows {
		for _, s := range a.Schedule[:min(len(plans[i].Rows), len(a.Schedule))] {
			spans = append(spans, [2]float64{s.AtMinMs, s.AtMaxMs})
		}
	}
	ax := newAxis(spans, x0, x1)
	var b strings.Builder
	b.WriteString(`<table class="compare" data-testid="compare"><caption class="sr-only">What each library does with this response</caption><thead><tr><th scope="col">Library</th><th scope="col">What it does</th><th scope="col" class="strip">Its retries, on one time axis</th></tr></thead><tbody>`)
	for i, a := range rows {
		var s svgDoc
		s.el("svg", "", func() {
			expected := 0.0
			for _, st := range a.Schedule[:min(len(plans[i].Rows), len(a.Schedule))] {
				expected += st.ExpectedMs
				s.el("rect", "", nil, "x", ax.x(st.AtMinMs), "y", 5.0, "width", math.Max(ax.x(st.AtMaxMs)-ax.x(st.AtMinMs), 2), "height", 12.0, "rx", 2.0, "class", "band")
				s.el("circle", "", nil, "cx", ax.x(expected), "cy", 11.0, "r", 3.5, "class", "expected")
			}
		}, "xmlns", svgNS, "viewBox", "0 0 420 22", "aria-hidden", "true", "class", "strip")
		fmt.Fprintf(&b, `<tr data-policy="%s"><th scope="row">%s</th><td>%s</td><td class="strip">%s</td></tr>`, esc(a.Policy), esc(a.Policy), esc(plans[i].Verdict), s.String())
	}
	var s svgDoc
	s.el("svg", "", func() { s.drawAxis(ax, 6) }, "xmlns", svgNS, "viewBox", "0 0 420 28", "aria-hidden", "true", "class", "strip")
	b.WriteString(`<tr><td></td><td class="muted">time after the failure</td><td class="strip">` + s.String() + `</td></tr></tbody></table>`)
	return app.Raw(b.String())
}
