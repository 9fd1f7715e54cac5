//go:build !wasm

package server

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/errlens/errlens/dialects/share"
)

// axeScript is axe-core from npm (app/server/testdata/axe, installed by make).
func axeScript(t *testing.T) string {
	t.Helper()
	const path = "testdata/axe/node_modules/axe-core/axe.min.js"
	need(t, path)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// axeViolations runs axe-core's WCAG 2.2 A and AA rules on the page and
// returns its serious and critical violations, one line per node.
func (tb *tab) axeViolations(t *testing.T, axe string) []string {
	t.Helper()
	var out []string
	tb.run(t, chromedp.Evaluate(axe+`; true`, nil), chromedp.Evaluate(`axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}}).then(r =>
		r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
			.flatMap(v => v.nodes.map(n => v.id + ' ' + n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 160))))`, &out, awaitPromise))
	return out
}

// TestBrowserAccessibility: axe-core finds no serious or critical WCAG 2.2 AA
// violation in the empty page, a report with field errors, the retry and
// compare views, in light and dark, at 390 px, and in the embed.
func TestBrowserAccessibility(t *testing.T) {
	axe := axeScript(t)
	report := mustRead(t, "google-rpc/bad-request.gallery.http")
	const r429 = "HTTP/1.1 429 Too Many Requests\nRetry-After: 30\nContent-Type: application/json\n\n{\"error\":{\"code\":\"rate_limited\",\"message\":\"Slow down\"}}\n"
	total := 0
	for _, scheme := range []string{"light", "dark"} {
		for _, width := range []int{1280, 390} {
			views := []struct {
				name  string
				setup func(tb *tab)
			}{
				{"empty", func(*tab) {}},
				{"field errors", func(tb *tab) { tb.paste(t, report); tb.click(t, `[data-testid=field-error]`) }},
				{"retry and compare", func(tb *tab) {
					tb.paste(t, r429)
					tb.decoded(t, `document.getElementById('compare').click()`)
					tb.wait(t, `document.querySelector('[data-testid=compare]')`)
				}},
			}
			for _, v := range views {
				tb := openTab(t, "")
				tb.run(t, emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}),
					emulation.SetDeviceMetricsOverride(int64(width), 900, 1, width < 500))
				v.setup(tb)
				found := tb.axeViolations(t, axe)
				total += len(found)
				if len(found) > 0 {
					t.Errorf("%s, %s, %d px: %d violations:\n%s", v.name, scheme, width, len(found), strings.Join(found, "\n"))
				}
			}
		}
	}
	frag, err := share.Encode(share.State{Input: report})
	if err != nil {
		t.Fatal(err)
	}
	embed := openTab(t, "#"+share.EmbedPrefix+frag)
	if found := embed.axeViolations(t, axe); len(found) > 0 {
		total += len(found)
		t.Errorf("embed: %d violations:\n%s", len(found), strings.Join(found, "\n"))
	}
	t.Logf("%d serious or critical violation nodes in all", total)
}
