package share

import (
	"encoding/json"
	"errors"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
)

// ruleSet is the rules, compiled on first use.
type ruleSet struct {
	Source    string  `json:"source"`
	Rules     []*rule `json:"rules"`
	Allow     []string
	Stopwords []string
	allow     []*regexp.Regexp
	// byPair lists the keywords by their first two bytes (lower case), so
	// one pass over a paste finds every keyword of every rule.
	byPair map[uint16][]keyword
}

// rule is one provider's secret shape.
type rule struct {
	ID        string   `json:"id"`
	Regex     string   `json:"regex"`
	Group     int      `json:"group,omitempty"`
	Entropy   float64  `json:"entropy,omitempty"`
	Keywords  []string `json:"keywords,omitempty"`
	Allow     []string `json:"allow,omitempty"`
	Target    string   `json:"target,omitempty"` // what Allow is matched on: "" (the secret), "match" or "line"
	Stopwords []string `json:"stopwords,omitempty"`

	once     sync.Once
	re       *regexp.Regexp
	allow    []*regexp.Regexp
	spanOnce sync.Once
	reach    int
}

// Most rules end a secret where a quote, a space, a semicolon or a line end
// follows it, as in code; in an error message it is as often followed by
// punctuation: "Invalid API key sk_live_… (revoked)", or a full stop that
// ends a sentence.
const (
	gitleaksEnd = `(?:[\x60'"\s;]|\\[nr]|$)`
	proseEnd    = `(?:[\x60'"\s;,)\]}>&<|]|\.(?:[\x60'"\s),]|$)|\\[nr]|$)`
)

type keyword struct {
	word string // lower case
	rule int
}

var (
	// rules is the rule set UseRules read, nil before.
	rules *ruleSet
	// builtIn is the rule file a native build carries (RulesFile), read on
	// first use so that a command needing no redaction does not read it.
	builtIn     []byte
	builtInOnce sync.Once
)

// UseRules gives the package the secret rules it redacts with: the bytes of
// secretrules.json, gitleaks's rule set as data (each rule's keywords,
// regular expression, secret group, entropy floor and allowlists; see
// testdata/gitleaks/README.md for the version and how it is regenerated).
// Native builds have it built in (RulesFile). app.wasm does not carry it: the
// app fetches it beside app.wasm, and makes no link and remembers nothing
// until it has it. The regular expressions are compiled when a keyword first
// calls for them.
func UseRules(file []byte) error {
	rs := &ruleSet{}
	if err := json.Unmarshal(file, rs); err != nil {
		return err
	}
	if len(rs.Rules) == 0 {
		return errors.New("share: the secret rule set is empty")
	}
	rs.allow = compileAll(rs.Allow)
	rs.byPair = map[uint16][]keyword{}
	for i, r := range rs.Rules {
		if strings.HasSuffix(r.Regex, gitleaksEnd) {
			r.Regex = strings.TrimSuffix(r.Regex, gitleaksEnd) + proseEnd
		}
		for _, w := range r.Keywords {
			w = strings.ToLower(w)
			if len(w) < 2 {
				return errors.New("share: rule " + r.ID + " has a keyword shorter than 2 bytes")
			}
			k := uint16(w[0])<<8 | uint16(w[1])
			rs.byPair[k] = append(rs.byPair[k], keyword{w, i})
		}
	}
	rules = rs
	return nil
}

// RulesLoaded reports whether UseRules has given the package its rules:
// before that, FindSecrets would find nothing, so it panics instead.
func RulesLoaded() bool { return rules != nil || builtIn != nil }

// loadRules returns the rules, reading the built-in ones on first use;
// without rules, no paste can be called free of secrets.
func loadRules() *ruleSet {
	builtInOnce.Do(func() {
		if rules == nil && builtIn != nil {
			if err := UseRules(builtIn); err != nil {
				panic("share: secretrules.json: " + err.Error())
			}
		}
	})
	if rules == nil {
		panic("share: no secret rules (UseRules)")
	}
	return rules
}

// lazyRegexp returns the regular expression src, compiled on first use:
// app.wasm starts without compiling any.
func lazyRegexp(src string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(src) })
}

func compileAll(res []string) []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(res))
	for i, s := range res {
		out[i] = regexp.MustCompile(s)
	}
	return out
}

func (r *rule) compile() {
	r.once.Do(func() {
		r.re = regexp.MustCompile(r.Regex)
		r.allow = compileAll(r.Allow)
	})
}

// span is how far from a keyword a match of the rule can reach: a window of
// that much on each side of every keyword holds every match around it. A
// rule whose keywords are not in its expression (airtable's tokens say
// nothing of airtable) looks as far as unbounded around them.
func (r *rule) span() int {
	r.spanOnce.Do(func() {
		r.reach = unbounded
		src := strings.ToLower(r.Regex)
		for _, k := range r.Keywords {
			if !strings.Contains(src, k) {
				return
			}
		}
		if re, err := syntax.Parse(r.Regex, syntax.Perl); err == nil {
			r.reach = reach(re.Simplify())
		}
	})
	return r.reach
}

// unbounded is the reach of a rule whose match has no bound on its length
// (a private key, a JWT, a curl command): its window runs that far after a
// keyword, and unboundedBefore before it (such matches start at their
// keyword, or after a variable name).
const (
	unbounded       = 4096
	unboundedBefore = 512
)

// reach is the longest match re can make, in bytes of ASCII, or unbounded.
func reach(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpStar, syntax.OpPlus:
		return unbounded
	case syntax.OpRepeat:
		if re.Max < 0 {
			return unbounded
		}
		return min(unbounded, re.Max*reach(re.Sub[0]))
	case syntax.OpCapture, syntax.OpQuest:
		return reach(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, sub := range re.Sub {
			n = min(unbounded, n+reach(sub))
		}
		return n
	case syntax.OpAlternate:
		n := 0
		for _, sub := range re.Sub {
			n = max(n, reach(sub))
		}
		return n
	}
	return 0 // anchors and empty matches
}

// shapes finds the values shaped like a provider's secret: a rule runs only
// in the windows around its keywords.
func (f *finder) shapes() {
	rs := loadRules()
	in := f.in
	windows := map[int][][2]int{} // rule -> merged windows, in order
	var order []int
	for i := 0; i+1 < len(in); i++ {
		ks, ok := rs.byPair[uint16(lower(in[i]))<<8|uint16(lower(in[i+1]))]
		if !ok {
			continue
		}
		for _, k := range ks {
			if !hasFoldAt(in, i, k.word) {
				continue
			}
			n := rs.Rules[k.rule].span()
			lo, hi := max(0, i-min(n, unboundedBefore)), min(len(in), i+len(k.word)+n)
			w := windows[k.rule]
			if n := len(w); n > 0 && lo <= w[n-1][1] {
				w[n-1][1] = max(w[n-1][1], hi)
			} else {
				if n == 0 {
					order = append(order, k.rule)
				}
				w = append(w, [2]int{lo, hi})
			}
			windows[k.rule] = w
		}
	}
	for _, ri := range order {
		r := rs.Rules[ri]
		r.compile()
		for _, w := range windows[ri] {
			for _, m := range r.re.FindAllStringSubmatchIndex(in[w[0]:w[1]], -1) {
				s, e := secretSpan(r, m)
				if s < 0 {
					continue
				}
				s, e = s+w[0], e+w[0]
				for s < e && in[s] == '\n' { // as gitleaks trims a match
					s++
				}
				for e > s && in[e-1] == '\n' {
					e--
				}
				if rs.allowed(r, in, m[0]+w[0], m[1]+w[0], s, e) {
					continue
				}
				f.add(kindOf(r.ID), "", "shaped like a "+kindOf(r.ID)+" (gitleaks rule "+r.ID+")", s, e)
			}
		}
	}
}

// secretSpan is where a match's secret is, as gitleaks takes it: the rule's
// secret group, else the first group that matched something, else the whole
// match.
func secretSpan(r *rule, m []int) (int, int) {
	if r.Group > 0 {
		if 2*r.Group+1 >= len(m) || m[2*r.Group] < 0 {
			return -1, -1
		}
		return m[2*r.Group], m[2*r.Group+1]
	}
	for g := 2; g+1 < len(m); g += 2 {
		if m[g] >= 0 && m[g+1] > m[g] {
			return m[g], m[g+1]
		}
	}
	return m[0], m[1]
}

// allowed applies the entropy floor, stopwords and allowlists of the rule and
// of the whole set to one match.
func (rs *ruleSet) allowed(r *rule, in string, ms, me, s, e int) bool {
	secret := in[s:e]
	if r.Entropy > 0 && entropy(secret) <= r.Entropy {
		return true
	}
	low := strings.ToLower(secret)
	for _, w := range append(r.Stopwords, rs.Stopwords...) {
		if strings.Contains(low, w) {
			return true
		}
	}
	target := secret
	switch r.Target {
	case "match":
		target = in[ms:me]
	case "line":
		ls := strings.LastIndexByte(in[:ms], '\n') + 1
		le := strings.IndexByte(in[me:], '\n')
		if le < 0 {
			le = len(in) - me
		}
		target = in[ls : me+le]
	}
	for _, a := range r.allow {
		if a.MatchString(target) {
			return true
		}
	}
	for _, a := range rs.allow {
		if a.MatchString(secret) {
			return true
		}
	}
	return false
}

// kindOf names a rule's secret for people: "stripe-access-token" is a
// "stripe access token".
func kindOf(id string) string { return strings.ReplaceAll(id, "-", " ") }

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasFoldAt reports whether in holds word (lower case) at i, ignoring case.
func hasFoldAt(in string, i int, word string) bool {
	if len(in)-i < len(word) {
		return false
	}
	for j := 0; j < len(word); j++ {
		if lower(in[i+j]) != word[j] {
			return false
		}
	}
	return true
}
