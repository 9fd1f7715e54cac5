package ui

import (
	"fmt"
	"math"
	"strconv"
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

// svg makes an SVG element in the SVG namespace.
func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

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
	var nodes []app.UI
	for _, l := range lanes {
		nodes = append(nodes, svg("g").Class("lane").Body(
			svg("title").Text(l.title),
			svg("text").Attr("x", 4).Attr("y", num(l.y+15)).Class("lane-label").Text(l.label),
			svg("rect").Attr("x", num(l.x0)).Attr("y", num(l.y+4)).Attr("width", num(l.x1-l.x0)).Attr("height", 14).Attr("rx", 3).Class("band"),
			svg("circle").Attr("cx", num(l.xExp)).Attr("cy", num(l.y+11)).Attr("r", 4).Class("expected"),
		))
	}
	axisY := tlTop + float64(len(lanes))*tlLane + 4
	nodes = append(nodes, svg("line").Attr("x1", tlLeft).Attr("x2", num(tlWidth-tlRight)).Attr("y1", num(axisY)).Attr("y2", num(axisY)).Class("axis"))
	for _, t := range ticks {
		nodes = append(nodes,
			svg("line").Attr("x1", num(t.x)).Attr("x2", num(t.x)).Attr("y1", num(axisY)).Attr("y2", num(axisY+4)).Class("axis"),
			svg("text").Attr("x", num(t.x)).Attr("y", num(axisY+16)).Class("tick").Text(t.label))
	}
	if floor > 0 && len(lanes) > 0 {
		fx := lanes[0].x0
		nodes = append(nodes, svg("g").Class("floor").Body(
			svg("title").Text("the server's delay: "+dur(floor)),
			svg("line").Attr("x1", num(fx)).Attr("x2", num(fx)).Attr("y1", tlTop).Attr("y2", num(axisY)),
		))
	}
	if len(lanes) > 0 {
		gx := lanes[len(lanes)-1].x1 + 4
		nodes = append(nodes, svg("g").Class("give-up").Body(
			svg("title").Text("gives up: "+a.GivesUp.Reason),
			svg("line").Attr("x1", num(gx)).Attr("x2", num(gx)).Attr("y1", tlTop).Attr("y2", num(axisY)),
		))
	}
	return svg("svg").
		Attr("data-testid", "timeline").
		Attr("viewBox", "0 0 "+num(tlWidth)+" "+num(height)).
		Attr("role", "img").
		Aria("label", fmt.Sprintf("Backoff timeline of %s: %d retries; %s", a.Policy, len(a.Schedule), a.GivesUp.Reason)).
		Class("timeline").
		Body(nodes...)
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
	var nodes []app.UI
	for i, a := range rows {
		y := tlTop + float64(i)*tlLane
		row := []app.UI{svg("text").Attr("x", 4).Attr("y", num(y+15)).Class("lane-label").Text(a.Policy)}
		if !a.WillRetry {
			row = append(row, svg("text").Attr("x", num(x(0))).Attr("y", num(y+15)).Class("no-retry").Text("does not retry: "+a.WillRetryWhy))
		}
		expected := 0.0
		for _, s := range a.Schedule {
			expected += s.ExpectedMs
			row = append(row,
				svg("rect").Attr("x", num(x(s.AtMinMs))).Attr("y", num(y+6)).Attr("width", num(math.Max(x(s.AtMaxMs)-x(s.AtMinMs), 2))).Attr("height", 10).Class("band"),
				svg("circle").Attr("cx", num(x(expected))).Attr("cy", num(y+11)).Attr("r", 3.5).Class("expected").Body(
					svg("title").Text(fmt.Sprintf("%s attempt %d at about %s", a.Policy, s.Attempt, dur(expected)))))
		}
		nodes = append(nodes, svg("g").Class("lane").Body(row...))
	}
	axisY := tlTop + float64(len(rows))*tlLane + 4
	nodes = append(nodes, svg("line").Attr("x1", num(x(0))).Attr("x2", num(tlWidth-tlRight)).Attr("y1", num(axisY)).Attr("y2", num(axisY)).Class("axis"))
	for _, v := range []float64{0, 100, 1000, 10000, 60000, 600000, 3600000, 36000000} {
		if v > maxMs*1.01 {
			break
		}
		nodes = append(nodes, svg("text").Attr("x", num(x(v))).Attr("y", num(axisY+16)).Class("tick").Text(dur(v)))
	}
	return svg("svg").
		Attr("data-testid", "compare").
		Attr("viewBox", "0 0 "+num(tlWidth)+" "+num(axisY+24)).
		Attr("role", "img").
		Aria("label", "Retry timelines of several libraries, on a logarithmic time axis").
		Class("timeline compare").
		Body(nodes...)
}
