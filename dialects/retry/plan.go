package retry

import (
	"math"
	"strconv"
	"time"
)

// Plan is a timeline told in words, for people: one sentence, then one row per
// retry in clock time. The app's table and the CLI both print it.
type Plan struct {
	Sentence string `json:"sentence"`
	// Verdict is the sentence's short form, for lining libraries up: "2
	// retries, the last at about 14 s".
	Verdict string `json:"verdict"`
	Rows    []Row  `json:"rows"`
	// More says what the rows leave out, when a long or endless schedule is
	// summarised; "" when every retry has its row.
	More string `json:"more,omitempty"`
}

// Row is one retry: how long it waits and when it fires, after the failure
// and on the clock.
type Row struct {
	Retry  int    `json:"retry"`  // 1 for the first retry
	Wait   string `json:"wait"`   // the delay before it: "30 s" or "0.5 s to 1.5 s"
	After  string `json:"after"`  // when it fires, counted from the failure
	At     string `json:"at"`     // when it fires on the clock
	Server bool   `json:"server"` // the server's delay shaped this wait
}

// planRows is how many rows a long schedule shows before it is summarised.
const planRows = 6

// Plan tells the timeline in words, clock times in loc (the user's zone).
func (a *Advice) Plan(loc *time.Location) Plan {
	lib := a.Policy
	if !a.WillRetry {
		return Plan{Sentence: lib + " does not retry this response: " + a.WillRetryWhy + ".", Verdict: "no retry: " + a.WillRetryWhy, Rows: []Row{}}
	}
	steps := a.Schedule
	if len(steps) == 0 {
		return Plan{Sentence: lib + " gives up at once: " + a.GivesUp.Reason + ".", Verdict: "no retry: " + a.GivesUp.Reason, Rows: []Row{}}
	}
	endless := a.GivesUp.Attempts == 0
	last := steps[len(steps)-1]
	if last.AtMaxMs == 0 {
		v := "without end"
		if !endless {
			v = count(len(steps), "time")
		}
		s := "Retries at once, with no delay, " + v + ": no attempt limit."
		if !endless {
			s = "Retries at once, with no delay, " + v + ", then gives up: " + a.GivesUp.Reason + "."
		}
		return Plan{Sentence: s, Verdict: "retries at once, " + v, Rows: []Row{}}
	}
	clock := func(lo, hi float64) string {
		layout := "15:04:05"
		if hi > 20*3600e3 {
			layout = "Jan 2 15:04:05"
		}
		t := func(ms float64) string {
			return a.From.Add(time.Duration(ms * float64(time.Millisecond))).In(loc).Format(layout)
		}
		if t(lo) == t(hi) {
			return t(lo)
		}
		return t(lo) + " to " + t(hi)
	}
	p := Plan{Rows: []Row{}}
	expected := 0.0
	for i, st := range steps {
		expected += st.ExpectedMs
		if i < planRows || len(steps) <= planRows+1 {
			p.Rows = append(p.Rows, Row{Retry: i + 1, Wait: span(st.MinMs, st.MaxMs), After: span(st.AtMinMs, st.AtMaxMs),
				At: clock(st.AtMinMs, st.AtMaxMs), Server: st.FloorMs > 0})
		}
	}
	first := steps[0]
	s := "Waits " + span(first.MinMs, first.MaxMs)
	if first.FloorMs > 0 && first.MinMs == first.FloorMs {
		s += " (the server's delay)"
	}
	s += ", until " + clock(first.AtMinMs, first.AtMaxMs) + ", then retries"
	p.Verdict = count(len(steps), "retry") + ", the last at about " + Dur(expected)
	switch {
	case endless:
		s += "; it keeps retrying without end: no attempt limit"
		p.Verdict = "retries without end, first after " + span(first.MinMs, first.MaxMs)
	case len(steps) == 1:
		s += " once; then it gives up: " + a.GivesUp.Reason
	default:
		s += "; " + count(len(steps), "retry") + " in all, the last at about " + Dur(expected) + " (" + clock(expected, expected) + "); then it gives up: " + a.GivesUp.Reason
	}
	p.Sentence = s + "."
	if hidden := len(steps) - len(p.Rows); hidden > 0 {
		p.More = count(hidden, "more retry") + ", each waiting up to " + Dur(last.MaxMs)
		if endless {
			p.More = "and more, each waiting up to " + Dur(last.MaxMs) + ", without end"
		}
	}
	return p
}

// span writes a band of milliseconds: "30 s", or "0.5 s to 1.5 s".
func span(lo, hi float64) string {
	if Dur(lo) == Dur(hi) {
		return Dur(lo)
	}
	return Dur(lo) + " to " + Dur(hi)
}

// count writes "1 retry", "3 retries", "2 times".
func count(n int, noun string) string {
	if n != 1 {
		if noun[len(noun)-1] == 'y' {
			noun = noun[:len(noun)-1] + "ie"
		}
		noun += "s"
	}
	return strconv.Itoa(n) + " " + noun
}

// When says when something happens, seconds after the response, for a
// reader: "in 30 s, at 14:41:39", "2 min ago, at 14:09:00", with the day
// when it is not today on loc's clock. at, an RFC 3339 time, is left out
// when empty or unreadable.
func When(seconds float64, at string, loc *time.Location) string {
	s := "in " + Dur(seconds*1000)
	if seconds < 0 {
		s = Dur(-seconds*1000) + " ago"
	}
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return s
	}
	t = t.In(loc)
	layout := "15:04:05"
	if y, m, d := time.Now().In(loc).Date(); t.Year() != y || t.Month() != m || t.Day() != d {
		layout = "Jan 2 2006 15:04:05"
	}
	return s + ", at " + t.Format(layout)
}

// Dur writes milliseconds for people: "0 s", "750 ms", "1.5 s", "2 min 5 s",
// "1 h 30 min", "3 d 4 h".
func Dur(ms float64) string {
	f := func(v float64, unit string) string { return strconv.FormatFloat(v, 'f', -1, 64) + " " + unit }
	for i, u := range durUnits[:3] {
		small := durUnits[i+1]
		if total := math.Round(ms / small.ms); total*small.ms >= u.ms {
			per := u.ms / small.ms
			b := math.Floor(total / per)
			if r := total - b*per; r > 0 {
				return f(b, u.name) + " " + f(r, small.name)
			}
			return f(b, u.name)
		}
	}
	switch {
	case ms <= 0 || math.IsNaN(ms):
		return "0 s"
	case ms < 1:
		return f(math.Round(ms*100)/100, "ms")
	case ms < 999.5:
		return f(math.Round(ms), "ms")
	}
	return f(math.Round(ms/10)/100, "s")
}

// durUnits are Dur's units, largest first.
var durUnits = []struct {
	ms   float64
	name string
}{{86400e3, "d"}, {3600e3, "h"}, {60e3, "min"}, {1e3, "s"}}
