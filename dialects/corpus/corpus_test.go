package corpus

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

const dir = "../testdata/corpus"

// goal is the share of the corpus that must be read fully right.
const goal = 0.97

// TestCorpus reads every case of the corpus and fails when a case goes wrong
// that known-wrong.txt does not list, when a listed case has come right (the
// list must shrink with the fixes), or when less than the goal is fully right.
// With -v it prints the scoreboard (make corpus).
func TestCorpus(t *testing.T) {
	cases, errs := Load(dir)
	for _, err := range errs {
		t.Error(err)
	}
	if len(cases) == 0 {
		t.Fatal("no cases in " + dir)
	}
	known := knownWrong(t)
	var results []Result
	right := 0
	for _, c := range cases {
		res := Check(c)
		results = append(results, res)
		_, listed := known[c.Name]
		delete(known, c.Name)
		switch {
		case res.Right():
			right++
			if listed {
				t.Errorf("%s is read right now: remove it from known-wrong.txt", c.Name)
			}
		case !listed:
			t.Errorf("%s (%s): %s", c.Name, c.Source, describe(res))
		}
	}
	for name := range known {
		t.Errorf("known-wrong.txt lists %s, which is not in the corpus", name)
	}
	t.Log("\n" + Scoreboard(results))
	if share := float64(right) / float64(len(cases)); share < goal {
		t.Errorf("%d of %d cases fully right (%.1f%%), want at least %.0f%%", right, len(cases), 100*share, 100*goal)
	}
}

// describe says what a result got wrong: each fact, with the expected and the
// reported value.
func describe(res Result) string {
	var b strings.Builder
	for _, f := range Facts {
		if got, ok := res.Wrong[f]; ok {
			fmt.Fprintf(&b, "\n\t%s: got %q, want %q", f, got, expected(res.Case, f))
		}
	}
	return b.String()
}

func expected(c *Case, fact string) string {
	switch fact {
	case "dialect":
		return c.Dialect
	case "status":
		return fmt.Sprint(c.Status)
	case "code":
		return c.Code
	case "message":
		return c.Message
	case "request-id":
		return c.RequestID
	case "fields":
		return fmt.Sprint(c.Fields)
	case "retry":
		return map[bool]string{true: "yes", false: "no"}[c.Retry]
	}
	return fmt.Sprint(deref(c.Delay))
}

// knownWrong reads known-wrong.txt: "<api>/<case>: why", one a line.
func knownWrong(t *testing.T) map[string]string {
	out := map[string]string{}
	f, err := os.Open(dir + "/known-wrong.txt")
	if os.IsNotExist(err) {
		return out
	} else if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		line := strings.TrimSpace(s.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, why, _ := strings.Cut(line, ":")
		out[strings.TrimSpace(name)] = strings.TrimSpace(why)
	}
	return out
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
