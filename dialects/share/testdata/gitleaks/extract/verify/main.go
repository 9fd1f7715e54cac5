// verify: stdlib-only check that the extracted JSON data on its own
// reproduces gitleaks' verdicts on the examples. It reimplements the
// single-rule detection path of gitleaks' detect package (keyword prefilter,
// path, regex, secretGroup, entropy, global + rule allowlists) from
// rules.json / global-allowlist.json, then checks
//   - every tps.jsonl line is detected, with the recorded secret;
//   - every fps.jsonl line is not detected;
//   - every path-examples.jsonl line matches/doesn't as recorded.
//
// It also counts how many fps are rejected by the regex alone.
//
// Usage: go run ./verify -dir /work/h9
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

type allowlist struct {
	Condition   string   `json:"condition"`
	RegexTarget string   `json:"regexTarget"`
	Regexes     []string `json:"regexes"`
	StopWords   []string `json:"stopwords"`
	Paths       []string `json:"paths"`
	re          []*regexp.Regexp
	pathRe      []*regexp.Regexp
}

type rule struct {
	ID          string      `json:"id"`
	Regex       string      `json:"regex"`
	SecretGroup int         `json:"secretGroup"`
	Entropy     float64     `json:"entropy"`
	Keywords    []string    `json:"keywords"`
	Path        string      `json:"path"`
	Allowlists  []allowlist `json:"allowlists"`
	re, pathRe  *regexp.Regexp
}

func mustAll(ps []string) []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, p := range ps {
		out = append(out, regexp.MustCompile(p))
	}
	return out
}

func anyMatch(rs []*regexp.Regexp, s string) bool {
	for _, r := range rs {
		if r.MatchString(s) {
			return true
		}
	}
	return false
}

func (a *allowlist) stop(secret string) bool {
	s := strings.ToLower(secret)
	for _, w := range a.StopWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func (a *allowlist) pathOK(path string) bool { return path != "" && anyMatch(a.pathRe, path) }

// fragment-level: OR allowlist with a matching path, or AND allowlist with
// only commit/path checks all true.
func skipFile(als []allowlist, path string) bool {
	if path == "" {
		return false
	}
	for i := range als {
		a := &als[i]
		if a.Condition == "AND" {
			if len(a.Regexes) > 0 || len(a.StopWords) > 0 {
				continue
			}
			if len(a.Paths) > 0 && a.pathOK(path) {
				return true
			}
		} else if a.pathOK(path) {
			return true
		}
	}
	return false
}

func findingAllowed(als []allowlist, secret, match, line, path string) bool {
	for i := range als {
		a := &als[i]
		target := secret
		switch a.RegexTarget {
		case "match":
			target = match
		case "line":
			target = line
		}
		regexOK := secret != "" && len(a.re) > 0 && anyMatch(a.re, target)
		stopOK := secret != "" && a.stop(secret)
		if a.Condition == "AND" {
			all := true
			if len(a.Paths) > 0 {
				all = all && a.pathOK(path)
			}
			if len(a.Regexes) > 0 {
				all = all && regexOK
			}
			if len(a.StopWords) > 0 {
				all = all && stopOK
			}
			if all {
				return true
			}
		} else if regexOK || stopOK {
			return true
		}
	}
	return false
}

func shannon(data string) float64 {
	if data == "" {
		return 0
	}
	counts := map[rune]int{}
	for _, c := range data {
		counts[c]++
	}
	inv := 1.0 / float64(len(data))
	var e float64
	for _, n := range counts {
		f := float64(n) * inv
		e -= f * math.Log2(f)
	}
	return e
}

// detect returns the secrets gitleaks would report for rule r on text at path.
func detect(r *rule, global []allowlist, text, path string) []string {
	if skipFile(global, path) || skipFile(r.Allowlists, path) {
		return nil
	}
	if len(r.Keywords) > 0 {
		low := strings.ToLower(text)
		hit := false
		for _, k := range r.Keywords {
			if strings.Contains(low, k) {
				hit = true
				break
			}
		}
		if !hit {
			return nil
		}
	}
	if r.pathRe != nil && !r.pathRe.MatchString(path) {
		return nil
	}
	if r.re == nil {
		return nil
	}
	var out []string
	for _, loc := range r.re.FindAllStringIndex(text, -1) {
		match := strings.Trim(text[loc[0]:loc[1]], "\n")
		// gitleaks trims only the trailing side in effect for the index
		start := loc[0]
		end := start + len(match)
		ls := strings.LastIndex(text[:start], "\n") + 1
		le := strings.Index(text[end:], "\n")
		if le < 0 {
			le = len(text)
		} else {
			le += end
		}
		line := text[ls:le]
		if strings.Contains(line, "gitleaks:allow") {
			continue
		}
		secret := match
		if g := r.re.FindStringSubmatch(match); len(g) >= 2 {
			if r.SecretGroup > 0 {
				if len(g) <= r.SecretGroup {
					continue
				}
				secret = g[r.SecretGroup]
			} else {
				for _, s := range g[1:] {
					if s != "" {
						secret = s
						break
					}
				}
			}
		}
		if r.Entropy != 0 && shannon(secret) <= r.Entropy {
			continue
		}
		if findingAllowed(global, secret, match, line, path) || findingAllowed(r.Allowlists, secret, match, line, path) {
			continue
		}
		out = append(out, secret)
	}
	return out
}

func readJSONL(path string, f func([]byte)) {
	fh, err := os.Open(path)
	if err != nil {
		panic(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		f(sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		panic(err)
	}
}

func main() {
	dir := flag.String("dir", "/work/h9", "data dir")
	verbose := flag.Bool("v", false, "print each failure")
	flag.Parse()

	var rules []*rule
	b, err := os.ReadFile(filepath.Join(*dir, "rules.json"))
	if err != nil {
		panic(err)
	}
	if err := json.Unmarshal(b, &rules); err != nil {
		panic(err)
	}
	byID := map[string]*rule{}
	for _, r := range rules {
		if r.Regex != "" {
			r.re = regexp.MustCompile(r.Regex)
		}
		if r.Path != "" {
			r.pathRe = regexp.MustCompile(r.Path)
		}
		for i := range r.Allowlists {
			r.Allowlists[i].re = mustAll(r.Allowlists[i].Regexes)
			r.Allowlists[i].pathRe = mustAll(r.Allowlists[i].Paths)
		}
		byID[r.ID] = r
	}
	var g allowlist
	b, err = os.ReadFile(filepath.Join(*dir, "global-allowlist.json"))
	if err != nil {
		panic(err)
	}
	if err := json.Unmarshal(b, &g); err != nil {
		panic(err)
	}
	g.re, g.pathRe = mustAll(g.Regexes), mustAll(g.Paths)
	global := []allowlist{g}

	var tpN, tpBad, fpN, fpBad, fpRegexOnly, pN, pBad int
	readJSONL(filepath.Join(*dir, "tps.jsonl"), func(l []byte) {
		var t struct {
			Rule, TP, Secret string
			Path             string
		}
		if err := json.Unmarshal(l, &t); err != nil {
			panic(err)
		}
		tpN++
		got := detect(byID[t.Rule], global, t.TP, t.Path)
		if len(got) == 0 || got[0] != t.Secret {
			tpBad++
			if *verbose {
				fmt.Printf("TP FAIL %s %q want %q got %q\n", t.Rule, t.TP, t.Secret, got)
			}
		}
	})
	readJSONL(filepath.Join(*dir, "fps.jsonl"), func(l []byte) {
		var f struct{ Rule, FP, Path string }
		if err := json.Unmarshal(l, &f); err != nil {
			panic(err)
		}
		fpN++
		r := byID[f.Rule]
		if !r.re.MatchString(f.FP) {
			fpRegexOnly++
		}
		if got := detect(r, global, f.FP, f.Path); len(got) != 0 {
			fpBad++
			if *verbose {
				fmt.Printf("FP FAIL %s %q got %q\n", f.Rule, f.FP, got)
			}
		}
	})
	readJSONL(filepath.Join(*dir, "path-examples.jsonl"), func(l []byte) {
		var p struct {
			Rule, Path string
			Match      bool
		}
		if err := json.Unmarshal(l, &p); err != nil {
			panic(err)
		}
		pN++
		r := byID[p.Rule]
		if (r.pathRe.MatchString(p.Path) && !skipFile(global, p.Path)) != p.Match {
			pBad++
		}
	})
	fmt.Printf("tps: %d, not reproduced: %d\nfps: %d, wrongly detected: %d, rejected by regex alone: %d\npath examples: %d, wrong: %d\n",
		tpN, tpBad, fpN, fpBad, fpRegexOnly, pN, pBad)
	if tpBad+fpBad+pBad > 0 {
		os.Exit(1)
	}
}
