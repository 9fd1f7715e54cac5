// Package corpus reads errlens's corpus of real error responses, each with the
// expectations a careful reader wrote for it by hand (the format and its rules
// are in testdata/corpus/README.md), and scores errlens's reading against them.
package corpus

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/errlens/errlens/dialects"
	"github.com/errlens/errlens/dialects/retry"
)

// Case is one response and what it means.
type Case struct {
	Name      string // "<api>/<case>", from the file's place in the corpus
	Source    string
	API       string
	Dialect   string
	Status    int
	Code      string
	Message   string
	RequestID string
	Fields    []Field
	Retry     bool
	Delay     *float64 // seconds; nil when the response asks for none
	Input     string   // the paste
}

// Field is an expected field error.
type Field struct{ Path, Message string }

// Facts are the facts a case checks, in the scoreboard's order.
var Facts = []string{"dialect", "status", "code", "message", "request-id", "fields", "retry", "delay"}

const separator = "-- response --\n"

// Parse reads a case file; name is its "<api>/<case>" name. Errors name the
// line that is wrong.
func Parse(name, text string) (*Case, error) {
	head, input, ok := strings.Cut(text, separator)
	if !ok {
		return nil, fmt.Errorf("%s: no %q line", name, strings.TrimSpace(separator))
	}
	c := &Case{Name: name, Input: input}
	seen := map[string]bool{}
	for i, line := range strings.Split(strings.TrimRight(head, "\n"), "\n") {
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want \"key: value\", got %q", name, i+1, line)
		}
		val = strings.TrimSpace(val)
		if key != "field" && key != "note" && seen[key] {
			return nil, fmt.Errorf("%s:%d: %s given twice", name, i+1, key)
		}
		seen[key] = true
		var err error
		switch key {
		case "source":
			c.Source = val
		case "api":
			c.API = val
		case "dialect":
			c.Dialect = val
		case "status":
			if val != "" {
				c.Status, err = strconv.Atoi(val)
			}
		case "code":
			c.Code = val
		case "message":
			c.Message = val
		case "request-id":
			c.RequestID = val
		case "field":
			p, m, ok := strings.Cut(val, " | ")
			if !ok {
				err = fmt.Errorf("want \"path | message\"")
			}
			c.Fields = append(c.Fields, Field{strings.TrimSpace(p), strings.TrimSpace(m)})
		case "retry":
			if val != "yes" && val != "no" {
				err = fmt.Errorf("want yes or no")
			}
			c.Retry = val == "yes"
		case "delay":
			if val != "" {
				var f float64
				f, err = strconv.ParseFloat(strings.TrimSuffix(val, "s"), 64)
				c.Delay = &f
			}
		case "note":
		default:
			err = fmt.Errorf("unknown key")
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %s: %v", name, i+1, key, err)
		}
	}
	for _, k := range []string{"source", "api", "dialect", "status", "code", "message", "request-id", "retry", "delay"} {
		if !seen[k] {
			return nil, fmt.Errorf("%s: no %s line", name, k)
		}
	}
	return c, nil
}

// Load reads every case under dir, in name order, and the errors of the files
// it could not read.
func Load(dir string) ([]*Case, []error) {
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	var cases []*Case
	var errs []error
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		name := filepath.Base(filepath.Dir(f)) + "/" + strings.TrimSuffix(filepath.Base(f), ".txt")
		c, err := Parse(name, string(b))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		cases = append(cases, c)
	}
	return cases, errs
}

// Result is how errlens read a case: the facts it got wrong, each with what it
// said instead.
type Result struct {
	Case  *Case
	Wrong map[string]string // fact -> what errlens said
}

// Right reports whether every fact was read right.
func (r Result) Right() bool { return len(r.Wrong) == 0 }

// Check reads c's input as a user would (no options; the method the paste
// shows, else GET) and compares every fact.
func Check(c *Case) Result {
	res := Result{Case: c, Wrong: map[string]string{}}
	r, err := dialects.Inspect(c.Input, dialects.Options{})
	if err != nil {
		for _, f := range Facts {
			res.Wrong[f] = "error: " + err.Error()
		}
		return res
	}
	opt := retry.Options{}
	if r.Request.Method == "" {
		opt.Method = "GET"
	}
	a := retry.Advise(r, opt)
	wrong := func(fact string, ok bool, got string) {
		if !ok {
			res.Wrong[fact] = got
		}
	}
	wrong("dialect", r.Dialect == c.Dialect, r.Dialect)
	wrong("status", r.Status == c.Status, strconv.Itoa(r.Status))
	wrong("code", same(r.Code, c.Code), r.Code)
	msg := firstOf(r.Message, r.Detail, r.Title)
	wrong("message", same(msg, c.Message), msg)
	wrong("request-id", same(r.RequestID, c.RequestID), r.RequestID)
	got := make([]Field, 0, len(r.FieldErrors))
	for _, f := range r.FieldErrors {
		got = append(got, Field{f.Field, firstOf(f.Message, f.Code)})
	}
	wrong("fields", sameFields(got, c.Fields), fmt.Sprint(got))
	retried := a.Decision == retry.Retry || a.Decision == retry.VerifyThenRetry
	wrong("retry", retried == c.Retry, a.Decision)
	switch {
	case c.Delay == nil:
		wrong("delay", a.AfterSeconds == nil, fmt.Sprint(deref(a.AfterSeconds)))
	default:
		wrong("delay", a.AfterSeconds != nil && math.Abs(*a.AfterSeconds-*c.Delay) <= 1, fmt.Sprint(deref(a.AfterSeconds)))
	}
	return res
}

func deref(f *float64) any {
	if f == nil {
		return "none"
	}
	return *f
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// fold trims s and folds its runs of white space into one space.
func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

func same(a, b string) bool { return fold(a) == fold(b) }

// sameFields compares field errors as sets of (path, message) pairs.
func sameFields(got, want []Field) bool {
	key := func(fs []Field) []string {
		out := make([]string, len(fs))
		for i, f := range fs {
			out[i] = fold(f.Path) + "\x00" + fold(f.Message)
		}
		slices.Sort(out)
		return slices.Compact(out) // a set: a body that lists an error twice says it once
	}
	return slices.Equal(key(got), key(want))
}

// Scoreboard tabulates results: per expected dialect and overall, the cases
// fully right and each fact right; then live captures against docs examples.
func Scoreboard(results []Result) string {
	type row struct {
		n, right int
		facts    map[string]int
	}
	rows := map[string]*row{}
	add := func(key string, res Result) {
		r := rows[key]
		if r == nil {
			r = &row{facts: map[string]int{}}
			rows[key] = r
		}
		r.n++
		if res.Right() {
			r.right++
		}
		for _, f := range Facts {
			if _, bad := res.Wrong[f]; !bad {
				r.facts[f]++
			}
		}
	}
	apis := map[string]bool{}
	for _, res := range results {
		add(res.Case.Dialect, res)
		kind := "[docs]"
		if strings.HasPrefix(res.Case.Source, "live:") {
			kind = "[live]"
		}
		add(kind, res)
		add("[all]", res)
		apis[strings.Split(res.Case.Name, "/")[0]] = true
	}
	keys := make([]string, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "%d cases from %d APIs, frameworks and servers\n", len(results), len(apis))
	fmt.Fprintf(&b, "%-20s %5s %7s", "dialect", "cases", "right")
	for _, f := range Facts {
		fmt.Fprintf(&b, " %10s", f)
	}
	b.WriteString("\n")
	for _, k := range keys {
		r := rows[k]
		fmt.Fprintf(&b, "%-20s %5d %6.1f%%", k, r.n, 100*float64(r.right)/float64(r.n))
		for _, f := range Facts {
			fmt.Fprintf(&b, " %10d", r.facts[f])
		}
		b.WriteString("\n")
	}
	return b.String()
}
