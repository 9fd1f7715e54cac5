package ui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/errlens/errlens/dialects/retry"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// lanesData writes the first n retries of a schedule for web/chart.js, which
// draws them: "atMinMs,atMaxMs,expectedMs,server" per retry, joined by ";".
func lanesData(steps []retry.Step, n int) string {
	var b strings.Builder
	for i, s := range steps[:min(n, len(steps))] {
		if i > 0 {
			b.WriteByte(';')
		}
		server := "0"
		if s.FloorMs > 0 && s.MinMs == s.FloorMs {
			server = "1" // its wait is the server's delay
		}
		b.WriteString(ms(s.AtMinMs) + "," + ms(s.AtMaxMs) + "," + ms(s.ExpectedMs) + "," + server)
	}
	return b.String()
}

func ms(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// timelineSVG is the chart of the retries shown in the plan: one lane per
// retry with the band when it may fire, the expected time and the figure
// beside it, and the end where the client gives up; web/chart.js draws it.
// The table beside it says the same for screen readers.
func timelineSVG(a *retry.Advice, plan retry.Plan) app.UI {
	attrs := `class="timeline-chart" data-lanes="` + lanesData(a.Schedule, len(plan.Rows)) + `"`
	if a.GivesUp.Attempts > 0 && plan.More == "" {
		attrs += " data-gives-up"
	}
	return app.Raw("<div " + attrs + "></div>")
}

// registerDur gives web/chart.js the durations in words the text uses.
func registerDur() {
	app.Window().Set("errlensDur", app.FuncOf(func(_ app.Value, args []app.Value) any { return retry.Dur(args[0].Float()) }))
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
		b.WriteString(`<tr><th scope="row">` + strconv.Itoa(r.Retry) + `</th><td>` + wait + `</td><td>` + esc(r.After) + `</td><td>` + esc(r.At) + `</td></tr>`)
	}
	if plan.More != "" {
		b.WriteString(`<tr><td colspan="4" class="muted">` + esc(plan.More) + `</td></tr>`)
	}
	b.WriteString(`</tbody></table>`)
	return app.Raw(b.String())
}

// compareTable lines libraries up: each one's verdict in words and its
// retries on one axis shared by all rows, long empty stretches skipped
// (web/chart.js draws the strips).
func compareTable(rows []*retry.Advice, plans []retry.Plan) app.UI {
	var b strings.Builder
	b.WriteString(`<table class="compare" data-testid="compare"><caption class="sr-only">What each library does with this response</caption><thead><tr><th scope="col">Library</th><th scope="col">What it does</th><th scope="col" class="strip">Its retries, on one time axis</th></tr></thead><tbody>`)
	for i, a := range rows {
		b.WriteString(`<tr data-policy="` + esc(a.Policy) + `"><th scope="row">` + esc(a.Policy) + `</th><td>` + esc(plans[i].Verdict) +
			`</td><td class="strip" data-lanes="` + lanesData(a.Schedule, len(plans[i].Rows)) + `"></td></tr>`)
	}
	b.WriteString(`<tr><td></td><td class="muted">time after the failure</td><td class="strip" data-axis></td></tr></tbody></table>`)
	return app.Raw(b.String())
}
