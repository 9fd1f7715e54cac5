//go:build !wasm

package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/errlens/errlens/dialects"
	"github.com/errlens/errlens/dialects/message"
	"github.com/errlens/errlens/dialects/retry"
)

// style wraps text in ANSI escapes when colour is on.
type style bool

func (s style) wrap(code, text string) string {
	if !s || text == "" {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

func (s style) bold(t string) string { return s.wrap("1", t) }
func (s style) dim(t string) string  { return s.wrap("2", t) }
func (s style) warn(t string) string { return s.wrap("33", t) }

func (s style) status(code int, t string) string {
	switch {
	case code >= 500:
		return s.wrap("1;31", t)
	case code >= 400:
		return s.wrap("1;33", t)
	}
	return s.wrap("1;32", t)
}

// printReport writes the readable report.
func printReport(w io.Writer, r *dialects.Report, color bool) {
	s := style(color)
	status := "no status"
	if r.Status != 0 {
		status = fmt.Sprintf("%d %s", r.Status, r.Reason)
	}
	fmt.Fprintf(w, "%s  %s\n", s.status(r.Status, status), s.dim(fmt.Sprintf("%s, confidence %.2f", r.Dialect, r.Confidence)))
	if h := r.Headline(); h != "" {
		fmt.Fprintf(w, "%s\n", s.bold(h))
	}
	fmt.Fprintln(w)
	row := func(label, value string) {
		if value != "" {
			fmt.Fprintf(w, "  %-10s %s\n", s.dim(label), value)
		}
	}
	if m := dialects.StatusMeaning(r.Status); m.Text != "" {
		row("status", m.Text+s.dim(" ("+m.Spec+")"))
	}
	row("type", r.Type)
	row("code", r.Code)
	row("title", r.Title)
	row("message", r.Message)
	row("detail", r.Detail)
	row("instance", r.Instance)
	if r.RequestID != "" {
		row("request", r.RequestID+s.dim(" ("+r.RequestIDSource+")"))
	}
	row("docs", r.DocURL)
	row("time", r.Timestamp)
	if r.Request.Method != "" {
		row("method", strings.TrimSpace(r.Request.Method+" "+r.Request.URL)+s.dim(" ("+r.Request.Source+")"))
	}
	if r.RetryDelay != nil {
		row("retry in", r.RetryDelay.Value+s.dim(" ("+r.RetryDelay.Source+")"))
	}
	if len(r.FieldErrors) > 0 {
		fmt.Fprintf(w, "\n%s\n", s.bold("Field errors"))
		width := 0
		for _, f := range r.FieldErrors {
			width = max(width, len(f.Field))
		}
		for _, f := range r.FieldErrors {
			code := ""
			if f.Code != "" {
				code = s.dim("  [" + f.Code + "]")
			}
			fmt.Fprintf(w, "  %-*s  %s%s\n", width, f.Field, f.Message, code)
		}
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(w, "\n%s\n", s.bold("Errors"))
		for _, e := range r.Errors {
			code := ""
			if e.Code != "" {
				code = s.dim("  [" + e.Code + "]")
			}
			fmt.Fprintf(w, "  - %s%s\n", e.Message, code)
		}
	}
	if len(r.Members) > 0 {
		fmt.Fprintf(w, "\n%s\n", s.bold("Other members"))
		for _, m := range r.Members {
			v := m.Value
			if len(v) > 100 {
				v = v[:97] + "..."
			}
			fmt.Fprintf(w, "  %s %s\n", s.dim(m.Path+":"), v)
		}
	}
	if len(r.Entries) > 0 {
		fmt.Fprintf(w, "\n%s %s\n", s.bold("HAR entries"), s.dim("(failed first; --entry N picks one): status, method, body size, time, type, URL"))
		for _, e := range r.Entries {
			mark := " "
			if e.N == r.Entry {
				mark = ">"
			}
			fmt.Fprintf(w, "  %s %3d  %s %-6s %8s %7s  %-24s %s\n", mark, e.N, s.status(e.Status, fmt.Sprint(e.Status)), e.Method, message.FormatSize(e.Size), fmt.Sprintf("%.0f ms", e.Time), e.MediaType(), e.URL)
		}
	}
	notes := append(append([]string{}, r.Warnings...), r.Body.Notes...)
	if len(notes) > 0 {
		fmt.Fprintf(w, "\n%s\n", s.bold("Warnings"))
		for _, n := range notes {
			fmt.Fprintf(w, "  %s %s\n", s.warn("!"), n)
		}
	}
	fmt.Fprintf(w, "\n%s %s\n", s.dim("why "+r.Dialect+":"), strings.Join(r.Evidence, "; "))
	if len(r.Alternatives) > 0 {
		alts := make([]string, len(r.Alternatives))
		for i, a := range r.Alternatives {
			alts[i] = fmt.Sprintf("%s %.2f", a.Dialect, a.Confidence)
		}
		fmt.Fprintf(w, "%s %s\n", s.dim("also close:"), strings.Join(alts, ", "))
	}
}

// printAdvice writes the retry advice and the timeline.
func printAdvice(w io.Writer, a *retry.Advice, color bool) {
	s := style(color)
	d := retry.DecisionText(a.Decision)
	switch a.Decision {
	case retry.Retry:
		d = s.wrap("1;32", d)
	case retry.DoNotRetry:
		d = s.wrap("1;31", d)
	default:
		d = s.wrap("1;33", d)
	}
	fmt.Fprintf(w, "\n%s %s\n", s.bold("Retry:"), d)
	for _, r := range a.Reasons {
		facts := make([]string, len(r.Facts))
		for i, f := range r.Facts {
			facts[i] = f.Name + "=" + f.Value
		}
		fmt.Fprintf(w, "  - %s %s\n", r.Text, s.dim("["+r.Rule+"; "+strings.Join(facts, ", ")+"]"))
	}
	if dl := a.Delay; dl != nil {
		fmt.Fprintf(w, "  %s %s: %s, read as %s: wait %s, %s (%s)\n", s.dim("server delay"), dl.Source, dl.Raw, dl.Reading,
			retry.Dur(dl.Seconds*1000), retry.When(dl.Seconds, dl.At, time.Local), dl.Plausibility)
		if dl.Other != "" {
			fmt.Fprintf(w, "  %s %s\n", s.dim("other reading:"), dl.Other)
		}
		if dl.Note != "" {
			fmt.Fprintf(w, "  %s %s\n", s.warn("!"), dl.Note)
		}
	}
	for _, ig := range a.Ignored {
		fmt.Fprintf(w, "  %s ignored: %s\n", s.warn("!"), ig)
	}
	if rl := a.RateLimit; rl != nil {
		num := func(f *float64) string {
			if f == nil {
				return "?"
			}
			return fmt.Sprint(*f)
		}
		fmt.Fprintf(w, "  %s remaining %s of %s", s.dim("rate limit"), num(rl.Remaining), num(rl.Limit))
		if rl.Window != nil {
			fmt.Fprintf(w, " per %s s", num(rl.Window))
		}
		if rl.ResetSeconds != nil {
			fmt.Fprintf(w, ", resets %s", retry.When(*rl.ResetSeconds, rl.ResetAt, time.Local))
		} else if rl.Reset != "" {
			fmt.Fprintf(w, ", reset: %s", rl.Reset)
		}
		fmt.Fprintf(w, " %s\n", s.dim("("+strings.Join(rl.Headers, ", ")+")"))
	}
	will := "would retry"
	if !a.WillRetry {
		will = "would not retry"
	}
	fmt.Fprintf(w, "\n%s %s: %s\n", s.bold("Timeline"), a.Policy+" ("+a.Library+")", will+": "+a.WillRetryWhy)
	p := a.Plan(time.Local)
	fmt.Fprintf(w, "  %s\n", p.Sentence)
	for _, r := range p.Rows {
		server := ""
		if r.Server {
			server = s.dim(" (the server's delay)")
		}
		fmt.Fprintf(w, "  retry %-3d waits %-20s fires after %-20s at %s%s\n", r.Retry, r.Wait, r.After, r.At, server)
	}
	if p.More != "" {
		fmt.Fprintf(w, "  %s\n", p.More)
	}
}
