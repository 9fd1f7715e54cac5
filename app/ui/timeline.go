package ui

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/errlens/errlens/dialects/retry"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

const svgNS = "http://www.w3.org/2000/svg"

// Timeline geometry, in SVG user units.
const (
	tlWidth  = 640.0
	tlLeft   = 86.0 // room for lane labels
	tlRight  = 16.0
	tlLane   = 26.0
	tlTop    = 10.0
	tlAxis   = 28.0 // room for the axis under the lanes
	tlMinBar = 3.0
)

// lane is one retry drawn on the timeline.
type lane struct {
	label        string
	x0, x1, xExp float64 // band of firing times and the expected one
	y            float64
	title        string // tooltip
}

// timelineGeometry lays the schedule out on a linear axis from the failed
// response to the latest firing time (or the server's floor, if later).
func timelineGeometry(steps []retry.Step, floorMs float64) (lanes []lane, maxMs float64, ticks []tick) {
	expected := 0.0
	for _, s := range steps {
		maxMs = math.Max(maxMs, s.AtMaxMs)
	}
	maxMs = math.Max(math.Max(maxMs, floorMs), 1)
	x := func(ms float64) float64 { return tlLeft + ms/maxMs*(tlWidth-tlLeft-tlRight) }
	for i, s := range steps {
		expected += s.ExpectedMs
		l := lane{
			label: "attempt " + strconv.Itoa(s.Attempt),
			x0:    x(s.AtMinMs), x1: x(s.AtMaxMs), xExp: x(expected),
			y:     tlTop + float64(i)*tlLane,
			title: fmt.Sprintf("attempt %d fires %s to %s after the failure (expected %s; this delay %s to %s)", s.Attempt, dur(s.AtMinMs), dur(s.AtMaxMs), dur(expected), dur(s.MinMs), dur(s.MaxMs)),
		}
		if l.x1-l.x0 < tlMinBar {
			l.x1 = l.x0 + tlMinBar
		}
		lanes = append(lanes, l)
	}
	return lanes, maxMs, axisTicks(maxMs, x)
}

// tick is a labelled mark on the time axis.
type tick struct {
	x     float64
	label string
}

// axisTicks returns about five round ticks from 0 to maxMs.
func axisTicks(maxMs float64, x func(float64) float64) []tick {
	step := math.Pow(10, math.Floor(math.Log10(maxMs/4)))
	for _, m := range []float64{1, 2, 5, 10} {
		if maxMs/(step*m) <= 5 {
			step *= m
			break
		}
	}
	var ticks []tick
	for v := 0.0; v <= maxMs+step/2; v += step {
		ticks = append(ticks, tick{x(v), dur(v)})
	}
	return ticks
}

// dur writes milliseconds for a label: "750ms", "4s", "1m30s".
func dur(ms float64) string {
	d := time.Duration(ms * float64(time.Millisecond))
	switch {
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d < time.Minute:
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Second).String()
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

// timelineSVG draws one lane per retry: the jitter band, the expected firing
// time, the server's floor and where the client gives up.
func timelineSVG(a *retry.Advice) app.UI {
	floor := 0.0
	if a.AfterSeconds != nil && len(a.Schedule) > 0 && a.Schedule[0].FloorMs > 0 {
		floor = a.Schedule[0].FloorMs
	}
	lanes, _, ticks := timelineGeometry(a.Schedule, floor)
	height := tlTop + float64(max(len(lanes), 1))*tlLane + tlAxis
	axisY := tlTop + float64(len(lanes))*tlLane + 4
	var b svgDoc
	label := fmt.Sprintf("Backoff timeline of %s: %d retries; %s", a.Policy, len(a.Schedule), a.GivesUp.Reason)
	b.el("svg", "", func() {
		for _, l := range lanes {
			b.el("g", l.title, func() {
				b.text(4, l.y+15, "lane-label", l.label)
				b.el("rect", "", nil, "x", l.x0, "y", l.y+4, "width", l.x1-l.x0, "height", 14.0, "rx", 3.0, "class", "band")
				b.el("circle", "", nil, "cx", l.xExp, "cy", l.y+11, "r", 4.0, "class", "expected")
			}, "class", "lane")
		}
		b.el("line", "", nil, "x1", tlLeft, "x2", tlWidth-tlRight, "y1", axisY, "y2", axisY, "class", "axis")
		for _, t := range ticks {
			b.el("line", "", nil, "x1", t.x, "x2", t.x, "y1", axisY, "y2", axisY+4, "class", "axis")
			b.text(t.x, axisY+16, "tick", t.label)
		}
		if floor > 0 && len(lanes) > 0 {
			b.el("g", "the server's delay: "+dur(floor), func() {
				b.el("line", "", nil, "x1", lanes[0].x0, "x2", lanes[0].x0, "y1", tlTop, "y2", axisY)
			}, "class", "floor")
		}
		if len(lanes) > 0 {
			gx := lanes[len(lanes)-1].x1 + 4
			b.el("g", "gives up: "+a.GivesUp.Reason, func() {
				b.el("line", "", nil, "x1", gx, "x2", gx, "y1", tlTop, "y2", axisY)
			}, "class", "give-up")
		}
	}, "xmlns", svgNS, "data-testid", "timeline", "viewBox", "0 0 "+num(tlWidth)+" "+num(height),
		"role", "img", "aria-label", label, "class", "timeline")
	return app.Raw(b.String())
}

// compareSVG puts several profiles' retries on one logarithmic axis, one row
// per profile, each retry a dot at its expected firing time.
func compareSVG(rows []*retry.Advice) app.UI {
	maxMs := 1000.0
	for _, a := range rows {
		for _, s := range a.Schedule {
			maxMs = math.Max(maxMs, s.AtMaxMs)
		}
	}
	x := func(ms float64) float64 {
		return tlLeft + 40 + math.Log10(1+ms)/math.Log10(1+maxMs)*(tlWidth-tlLeft-40-tlRight)
	}
	axisY := tlTop + float64(len(rows))*tlLane + 4
	var b svgDoc
	b.el("svg", "", func() {
		for i, a := range rows {
			y := tlTop + float64(i)*tlLane
			b.el("g", "", func() {
				b.text(4, y+15, "lane-label", a.Policy)
				if !a.WillRetry {
					b.text(x(0), y+15, "no-retry", "does not retry: "+a.WillRetryWhy)
				}
				expected := 0.0
				for _, s := range a.Schedule {
					expected += s.ExpectedMs
					b.el("rect", "", nil, "x", x(s.AtMinMs), "y", y+6, "width", math.Max(x(s.AtMaxMs)-x(s.AtMinMs), 2), "height", 10.0, "class", "band")
					b.el("circle", fmt.Sprintf("%s attempt %d at about %s", a.Policy, s.Attempt, dur(expected)), nil,
						"cx", x(expected), "cy", y+11, "r", 3.5, "class", "expected")
				}
			}, "class", "lane")
		}
		b.el("line", "", nil, "x1", x(0), "x2", tlWidth-tlRight, "y1", axisY, "y2", axisY, "class", "axis")
		for _, v := range []float64{0, 100, 1000, 10000, 60000, 600000, 3600000, 36000000} {
			if v > maxMs*1.01 {
				break
			}
			b.text(x(v), axisY+16, "tick", dur(v))
		}
	}, "xmlns", svgNS, "data-testid", "compare", "viewBox", "0 0 "+num(tlWidth)+" "+num(axisY+24),
		"role", "img", "aria-label", "Retry timelines of several libraries, on a logarithmic time axis", "class", "timeline compare")
	return app.Raw(b.String())
}
