//go:build !wasm

package server

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The browser figures of `make bench`: time from navigation to the first
// decoded paste, from input to the rendered report for 10 KB and 1 MB
// pastes, measured in the page with performance.now(), and the longest
// main-thread task for a 10 MB paste and a 100,000-entry HAR.

// bigBody returns a problem+json response of about n bytes with field errors.
func bigBody(n int) string {
	var b strings.Builder
	b.WriteString("HTTP/1.1 422 Unprocessable Content\ncontent-type: application/problem+json\n\n")
	b.WriteString(`{"type":"https://api.example.com/problems/validation","title":"Validation failed","status":422,"errors":[`)
	for i := 0; b.Len() < n-200; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"field":"rows[%d].amount","message":"Amount must be a positive number with at most two decimals","code":"invalid_amount"}`, i)
	}
	b.WriteString("]}")
	return b.String()
}

// inputToRender pastes text and returns the milliseconds until the report is
// in the DOM, and until the frame that paints it starts.
func (tb *tab) inputToRender(b testing.TB, text string) (dom, frame float64) {
	b.Helper()
	var ms []float64
	// Each paste starts on a quiet page: the previous one's body view, drawn
	// a frame after its report, is in.
	tb.run(b, chromedp.WaitNotPresent(`[data-testid=body-pending]`))
	script := fmt.Sprintf(`new Promise(resolve => {
		const res = document.querySelector('[data-testid=results]');
		const before = res.dataset.decodes;
		const el = document.querySelector('[data-testid=input]');
		const t0 = performance.now();
		const obs = new MutationObserver(() => {
			if (res.dataset.decodes !== before) {
				obs.disconnect();
				const dom = performance.now() - t0;
				requestAnimationFrame(() => resolve([dom, performance.now() - t0]));
			}
		});
		obs.observe(res, {attributes: true});
		el.value = %s;
		el.dispatchEvent(new Event('input', {bubbles: true}));
	})`, jsString(text))
	tb.run(b, chromedp.Evaluate(script, &ms, awaitPromise))
	return ms[0], ms[1]
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// BenchmarkBrowser reports, as custom metrics, medians over b.N runs. For a
// paste, render is the time from the input event until the page's DOM shows
// the report; next-frame, until the frame that paints it starts; decode, the
// core's share of it. Bigger inputs are read in several tasks: longest-task
// measures them.
func BenchmarkBrowser(b *testing.B) {
	sample := mustRead(b, "problem-details/seed-003-02-validation-error.gallery.http")
	b.Run("load-to-first-decode", func(b *testing.B) {
		var v []float64
		for range b.N {
			tb := openTab(b, "")
			tb.paste(b, sample)
			var ms float64
			tb.run(b, chromedp.Evaluate(`performance.now()`, &ms))
			v = append(v, ms)
		}
		b.ReportMetric(median(v), "ms-median")
		b.ReportMetric(v[0], "ms-cold")
	})
	b.Run("cold-first-answer-20Mbit", func(b *testing.B) {
		s := getSession(b)
		var v, fetched []float64
		for range b.N {
			answer, wasm := coldFirstAnswer(b, s, sample)
			v, fetched = append(v, answer), append(fetched, wasm)
		}
		b.ReportMetric(median(v), "ms-median")
		// When app.wasm's last byte arrived: the part of the answer that is
		// the emulated link's, not the page's.
		b.ReportMetric(median(fetched), "ms-wasm-fetched-median")
	})
	b.Run("longest-task", func(b *testing.B) {
		var paste, har []float64
		harText := harOf(100000)
		for range b.N {
			tb := openTab(b, "")
			paste = append(paste, tb.longestTask(b, bigBody(10<<20), false))
			har = append(har, tb.longestTask(b, harText, true))
		}
		b.ReportMetric(median(paste), "ms-10MB-paste-median")
		b.ReportMetric(slices.Max(paste), "ms-10MB-paste-max")
		b.ReportMetric(median(har), "ms-100k-HAR-median")
		b.ReportMetric(slices.Max(har), "ms-100k-HAR-max")
	})
	for _, c := range []struct {
		name string
		size int
	}{{"input-to-render-10KB", 10 << 10}, {"input-to-render-1MB", 1 << 20}} {
		text := bigBody(c.size)
		b.Run(c.name, func(b *testing.B) {
			tb := openTab(b, "")
			// Warm up: the first pastes also compile the page's hot code.
			for i := range 3 {
				tb.inputToRender(b, strings.Repeat(" ", i+1)+text)
			}
			var v, dom, decode []float64
			for i := range b.N {
				// Alternate two pastes so every run changes the input.
				t := text
				if i%2 == 1 {
					t = strings.Replace(text, "Validation failed", "Validation failed!", 1)
				}
				d, f := tb.inputToRender(b, t)
				v, dom = append(v, f), append(dom, d)
				var ms float64
				tb.run(b, chromedp.Evaluate(`+document.querySelector('[data-testid=decode-time]').dataset.ms`, &ms))
				decode = append(decode, ms)
			}
			b.ReportMetric(median(dom), "ms-render-median")
			b.ReportMetric(slices.Max(dom), "ms-render-max")
			b.ReportMetric(median(v), "ms-next-frame-median")
			b.ReportMetric(median(decode), "ms-decode-median")
		})
	}
}

// coldFirstAnswer opens the app with an empty cache, no service worker and
// Chromium's network emulation of a 20 Mbit/s link with a 40 ms round trip,
// pastes text right after navigation, and returns the milliseconds from
// navigation until the report shows and until app.wasm's last byte arrived.
func coldFirstAnswer(b *testing.B, s *session, text string) (answer, wasm float64) {
	b.Helper()
	ctx, cancel := chromedp.NewContext(s.browser)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, time.Minute)
	defer cancelTimeout()
	tb := &tab{ctx: ctx}
	const bytesPerSecond = 20e6 / 8
	tb.run(b, network.Enable(), network.SetBypassServiceWorker(true), network.SetCacheDisabled(true),
		network.EmulateNetworkConditions(false, 40, bytesPerSecond, bytesPerSecond), chromedp.Navigate(s.url))
	tb.run(b, chromedp.Evaluate(`(() => {
		new MutationObserver((_, obs) => {
			if (document.querySelector('[data-testid=dialect]')) { window.__answer = performance.now(); obs.disconnect(); }
		}).observe(document.documentElement, {childList: true, subtree: true});
		const el = document.getElementById('input');
		el.value = `+jsString(text)+`;
		el.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));
	})()`, nil))
	tb.wait(b, `window.__answer`)
	tb.run(b, chromedp.Evaluate(`window.__answer`, &answer),
		chromedp.Evaluate(`performance.getEntriesByType('resource').find(e => e.name.endsWith('/app.wasm')).responseEnd`, &wasm))
	return answer, wasm
}
