package corpus

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// goal is the share of the corpus that must be read fully right.
const goal = 0.97

// TestCorpus reads every case of the corpus and fails when a case goes wrong
// that known-wrong.txt does not list, when a listed case has come right (the
// list must shrink with the fixes), or when less than the goal is fully right.
// With -v it prints the scoreboard (make corpus).
func TestCorpus(t *testing.T) { checkCases(t, "../testdata/corpus", goal) }

// TestPending holds the cases of the last round of unseen responses, scored
// before errlens learnt from them, that the corpus cannot take yet: each one
// read wrong is listed, with why, in the directory's known-wrong.txt, as in
// the corpus, but no share has to be right.
func TestPending(t *testing.T) { checkCases(t, "../testdata/pending", 0) }

func checkCases(t *testing.T, dir string, goal float64) {
	cases, errs := Load(dir)
	for _, err := range errs {
		t.Error(err)
	}
	if len(cases) == 0 {
		t.Fatal("no cases in " + dir)
	}
	known := knownWrong(t, dir)
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
				t.Errorf("%s is read right now: remove it from %s/known-wrong.txt", c.Name, dir)
			}
		case !listed:
			t.Errorf("%s (%s): %s", c.Name, c.Source, describe(res))
		}
	}
	for name := range known {
		t.Errorf("%s/known-wrong.txt lists %s, which is not there", dir, name)
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

// knownWrong reads dir/known-wrong.txt: "<api>/<case>: why", one a line.
func knownWrong(t *testing.T, dir string) map[string]string {
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
