// h9extract: dump gitleaks' default rule set, global allowlist and the
// true/false-positive examples its generator validates, as plain JSON.
//
// Run via run.sh, which checks gitleaks out to /tmp/gitleaks-src, patches
// cmd/generate/config/utils.Validate{,WithPaths} to record their arguments
// (utils.H9Calls), and generates rulelist_gen.go (allRules) from
// cmd/generate/config/main.go.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/viper"

	"github.com/zricethezav/gitleaks/v8/cmd/generate/config/base"
	"github.com/zricethezav/gitleaks/v8/cmd/generate/config/utils"
	"github.com/zricethezav/gitleaks/v8/config"
	"github.com/zricethezav/gitleaks/v8/detect"
)

type allowlistJSON struct {
	Description string   `json:"description"`
	Condition   string   `json:"condition"`
	RegexTarget string   `json:"regexTarget"`
	Regexes     []string `json:"regexes"`
	StopWords   []string `json:"stopwords"`
	Paths       []string `json:"paths"`
	Commits     []string `json:"commits"`
}

type ruleJSON struct {
	ID            string          `json:"id"`
	Description   string          `json:"description"`
	Regex         string          `json:"regex"`
	SecretGroup   int             `json:"secretGroup"`
	Entropy       float64         `json:"entropy"`
	Keywords      []string        `json:"keywords"`
	Path          string          `json:"path"`
	AllowRegexes  []string        `json:"allowRegexes"`
	AllowTarget   string          `json:"allowTarget"`
	StopWords     []string        `json:"stopwords"`
	AllowPaths    []string        `json:"allowPaths"`
	Tags          []string        `json:"tags"`
	Allowlists    []allowlistJSON `json:"allowlists"`
	RequiredRules []string        `json:"requiredRules,omitempty"`
	SkipReport    bool            `json:"skipReport,omitempty"`
}

type tpLine struct {
	Rule   string  `json:"rule"`
	TP     string  `json:"tp"`
	Secret string  `json:"secret"`
	Path   *string `json:"path,omitempty"`
}

type fpLine struct {
	Rule string  `json:"rule"`
	FP   string  `json:"fp"`
	Path *string `json:"path,omitempty"`
}

type pathLine struct {
	Rule  string `json:"rule"`
	Path  string `json:"path"`
	Match bool   `json:"match"`
}

type example struct {
	text    string
	path    string
	hasPath bool
}

func nz(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func reStrings[T interface{ String() string }](rs []T) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.String())
	}
	return out
}

func toAllowlistJSON(a *config.Allowlist) allowlistJSON {
	sw := slices.Clone(a.StopWords)
	sort.Strings(sw)
	cm := slices.Clone(a.Commits)
	sort.Strings(cm)
	target := a.RegexTarget
	if target == "" && len(a.Regexes) > 0 {
		target = "secret" // gitleaks default: regexes are tested against the secret
	}
	return allowlistJSON{
		Description: a.Description,
		Condition:   a.MatchCondition.String(),
		RegexTarget: target,
		Regexes:     reStrings(a.Regexes),
		StopWords:   nz(sw),
		Paths:       reStrings(a.Paths),
		Commits:     nz(cm),
	}
}

// secretOf follows detect.(*Detector).detectRule: first match, trimmed of
// "\n", then FindStringSubmatch on the match text; secretGroup>0 -> that
// group, else the first non-empty group, else the whole match.
func secretOf(re *regexp.Regexp, secretGroup int, s string) (string, bool) {
	loc := re.FindStringIndex(s)
	if loc == nil {
		return "", false
	}
	secret := strings.Trim(s[loc[0]:loc[1]], "\n")
	groups := re.FindStringSubmatch(secret)
	if len(groups) >= 2 {
		if secretGroup > 0 {
			if len(groups) <= secretGroup {
				return "", false
			}
			return groups[secretGroup], true
		}
		for _, g := range groups[1:] {
			if len(g) > 0 {
				return g, true
			}
		}
	}
	return secret, true
}

func writeJSON(path string, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		panic(err)
	}
}

func writeJSONL[T any](path string, lines []T) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, l := range lines {
		if err := enc.Encode(l); err != nil {
			panic(err)
		}
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		panic(err)
	}
}

func singleRuleDetector(r config.Rule) *detect.Detector {
	kw := map[string]struct{}{}
	for _, k := range r.Keywords {
		kw[strings.ToLower(k)] = struct{}{}
	}
	cfg := base.CreateGlobalConfig()
	cfg.Rules = map[string]config.Rule{r.RuleID: r}
	cfg.Keywords = kw
	for _, a := range cfg.Allowlists {
		_ = a.Validate()
	}
	return detect.NewDetector(cfg)
}

func main() {
	src := flag.String("src", "/tmp/gitleaks-src", "gitleaks checkout")
	out := flag.String("out", "/work/h9", "output dir")
	commit := flag.String("commit", "", "commit hash (for stats)")
	describe := flag.String("describe", "", "git describe (for stats)")
	flag.Parse()

	// --- build rules exactly like cmd/generate/config/main.go ---
	ruleList := allRules()
	rules := map[string]*config.Rule{}
	var ids []string
	for _, r := range ruleList {
		if err := r.Validate(); err != nil {
			fmt.Fprintln(os.Stderr, "rule validate:", err)
			os.Exit(1)
		}
		if _, dup := rules[r.RuleID]; dup {
			fmt.Fprintln(os.Stderr, "duplicate rule id", r.RuleID)
			os.Exit(1)
		}
		rules[r.RuleID] = r
		ids = append(ids, r.RuleID)
	}
	sort.Strings(ids)

	// --- examples captured from Validate / ValidateWithPaths ---
	tpsBy := map[string][]example{}
	fpsBy := map[string][]example{}
	var orphanCalls []string
	for _, c := range utils.H9Calls {
		if _, ok := rules[c.RuleID]; !ok {
			orphanCalls = append(orphanCalls, c.RuleID)
		}
		if c.WithPaths {
			for p, v := range c.PathTPs {
				tpsBy[c.RuleID] = append(tpsBy[c.RuleID], example{v, p, true})
			}
			for p, v := range c.PathFPs {
				fpsBy[c.RuleID] = append(fpsBy[c.RuleID], example{v, p, true})
			}
		} else {
			for _, v := range c.TPs {
				tpsBy[c.RuleID] = append(tpsBy[c.RuleID], example{text: v})
			}
			for _, v := range c.FPs {
				fpsBy[c.RuleID] = append(fpsBy[c.RuleID], example{text: v})
			}
		}
	}
	sortDedupe := func(xs []example) []example {
		sort.SliceStable(xs, func(i, j int) bool {
			if xs[i].text != xs[j].text {
				return xs[i].text < xs[j].text
			}
			if xs[i].path != xs[j].path {
				return xs[i].path < xs[j].path
			}
			return !xs[i].hasPath && xs[j].hasPath
		})
		return slices.Compact(xs)
	}

	// --- checks ---
	type issue struct {
		Rule   string `json:"rule"`
		What   string `json:"what"`
		Detail string `json:"detail,omitempty"`
	}
	var issues []issue
	compileCheck := func(rule, what, pat string) {
		if _, err := regexp.Compile(pat); err != nil {
			issues = append(issues, issue{rule, "regex does not compile (" + what + ")", err.Error()})
		}
	}

	var (
		rulesOut       []ruleJSON
		tpsOut         []tpLine
		fpsOut         []fpLine
		pathsOut       []pathLine
		pathOnly       int
		distinctSecret = map[string]struct{}{}
		rulesWithTP    = map[string]struct{}{}
		noTP           []string
		noFP           []string
		tpNoMatch      []issue
		secretDiff     []issue
		fpMatch        []issue
		multiMatch     int
	)

	for _, id := range ids {
		r := rules[id]
		rj := ruleJSON{
			ID:          r.RuleID,
			Description: r.Description,
			SecretGroup: r.SecretGroup,
			Entropy:     r.Entropy,
			Keywords:    nz(slices.Clone(r.Keywords)),
			Tags:        nz(slices.Clone(r.Tags)),
			SkipReport:  r.SkipReport,
		}
		if r.Regex != nil {
			rj.Regex = r.Regex.String()
			compileCheck(id, "regex", rj.Regex)
		}
		if r.Path != nil {
			rj.Path = r.Path.String()
			compileCheck(id, "path", rj.Path)
		}
		if r.Regex == nil && r.Path != nil {
			pathOnly++
		}
		for _, rr := range r.RequiredRules {
			rj.RequiredRules = append(rj.RequiredRules, rr.RuleID)
		}
		rj.Allowlists = []allowlistJSON{}
		rj.AllowRegexes, rj.StopWords, rj.AllowPaths = []string{}, []string{}, []string{}
		targets := map[string]bool{}
		for _, a := range r.Allowlists {
			if a == nil {
				continue
			}
			aj := toAllowlistJSON(a)
			rj.Allowlists = append(rj.Allowlists, aj)
			for _, p := range aj.Regexes {
				compileCheck(id, "allowlist regex", p)
			}
			for _, p := range aj.Paths {
				compileCheck(id, "allowlist path", p)
			}
			if a.MatchCondition == config.AllowlistMatchAnd {
				// Flattening an AND allowlist into the OR-style flat fields would
				// widen it; it is only in "allowlists".
				issues = append(issues, issue{id, "allowlist with condition AND left out of flat allow* fields; see allowlists", ""})
				continue
			}
			rj.AllowRegexes = append(rj.AllowRegexes, aj.Regexes...)
			rj.StopWords = append(rj.StopWords, aj.StopWords...)
			rj.AllowPaths = append(rj.AllowPaths, aj.Paths...)
			if len(aj.Regexes) > 0 {
				targets[aj.RegexTarget] = true
			}
		}
		sort.Strings(rj.StopWords)
		rj.StopWords = slices.Compact(rj.StopWords)
		switch len(targets) {
		case 0:
		case 1:
			for t := range targets {
				rj.AllowTarget = t
			}
		default:
			var ts []string
			for t := range targets {
				ts = append(ts, t)
			}
			sort.Strings(ts)
			rj.AllowTarget = "mixed"
			issues = append(issues, issue{id, "allowlists with different regexTargets; allowTarget=mixed, see allowlists", strings.Join(ts, ",")})
		}
		rulesOut = append(rulesOut, rj)

		// examples
		tps := sortDedupe(tpsBy[id])
		fps := sortDedupe(fpsBy[id])
		if len(tps) == 0 {
			noTP = append(noTP, id)
		}
		if len(fps) == 0 {
			noFP = append(noFP, id)
		}
		d := singleRuleDetector(*r)
		for _, ex := range tps {
			if r.Regex == nil { // path-only rule
				ok := r.Path.MatchString(ex.path)
				if ok {
					rulesWithTP[id] = struct{}{}
				} else {
					tpNoMatch = append(tpNoMatch, issue{id, "path tp not matched by path regex", ex.path})
				}
				pathsOut = append(pathsOut, pathLine{id, ex.path, true})
				continue
			}
			sec, ok := secretOf(r.Regex, r.SecretGroup, ex.text)
			if !ok {
				tpNoMatch = append(tpNoMatch, issue{id, "tp not matched by regex", ex.text})
				continue
			}
			if ex.hasPath && r.Path != nil && !r.Path.MatchString(ex.path) {
				tpNoMatch = append(tpNoMatch, issue{id, "tp path not matched by path regex", ex.path})
			}
			line := tpLine{Rule: id, TP: ex.text, Secret: sec}
			if ex.hasPath {
				p := ex.path
				line.Path = &p
			}
			tpsOut = append(tpsOut, line)
			if len(r.Regex.FindAllStringIndex(ex.text, -1)) > 1 {
				multiMatch++
			}
			distinctSecret[sec] = struct{}{}
			rulesWithTP[id] = struct{}{}

			// cross-check with gitleaks' own detector (entropy, allowlists included)
			var secs []string
			for _, f := range d.Detect(detect.Fragment{Raw: ex.text, FilePath: ex.path}) {
				secs = append(secs, f.Secret)
			}
			if !slices.Contains(secs, sec) {
				secretDiff = append(secretDiff, issue{id, "first-match secret not among gitleaks detector findings",
					fmt.Sprintf("tp=%q ours=%q gitleaks=%q", ex.text, sec, secs)})
			}
			if r.Entropy > 0 && shannon(sec) <= r.Entropy {
				secretDiff = append(secretDiff, issue{id, "secret entropy <= rule entropy", fmt.Sprintf("%q %.3f", sec, shannon(sec))})
			}
		}
		for _, ex := range fps {
			if r.Regex == nil {
				pathsOut = append(pathsOut, pathLine{id, ex.path, false})
				if r.Path.MatchString(ex.path) {
					fpMatch = append(fpMatch, issue{id, "path fp matched by path regex", ex.path})
				}
				continue
			}
			line := fpLine{Rule: id, FP: ex.text}
			if ex.hasPath {
				p := ex.path
				line.Path = &p
			}
			fpsOut = append(fpsOut, line)
			if n := len(d.Detect(detect.Fragment{Raw: ex.text, FilePath: ex.path})); n != 0 {
				fpMatch = append(fpMatch, issue{id, "fp detected by gitleaks detector", ex.text})
			}
		}
	}

	// --- global allowlist ---
	gcfg := base.CreateGlobalConfig()
	var globals []allowlistJSON
	for _, a := range gcfg.Allowlists {
		if err := a.Validate(); err != nil {
			panic(err)
		}
		aj := toAllowlistJSON(a)
		for _, p := range aj.Regexes {
			compileCheck("(global)", "global allowlist regex", p)
		}
		for _, p := range aj.Paths {
			compileCheck("(global)", "global allowlist path", p)
		}
		globals = append(globals, aj)
	}
	if len(globals) != 1 {
		fmt.Fprintf(os.Stderr, "note: %d global allowlists\n", len(globals))
	}
	g := globals[0]
	writeJSON(filepath.Join(*out, "global-allowlist.json"), map[string]any{
		"description": g.Description,
		"condition":   g.Condition,
		"regexTarget": g.RegexTarget,
		"regexes":     g.Regexes,
		"stopwords":   g.StopWords,
		"paths":       g.Paths,
		"commits":     g.Commits,
	})

	// --- cross-check against the committed config/gitleaks.toml ---
	var tomlDiffs []issue
	viper.SetConfigType("toml")
	tomlPath := filepath.Join(*src, "config", "gitleaks.toml")
	tb, err := os.ReadFile(tomlPath)
	if err != nil {
		panic(err)
	}
	if err := viper.ReadConfig(bytes.NewReader(tb)); err != nil {
		panic(err)
	}
	var vc config.ViperConfig
	if err := viper.Unmarshal(&vc); err != nil {
		panic(err)
	}
	tcfg, err := vc.Translate()
	if err != nil {
		panic(err)
	}
	for id, tr := range tcfg.Rules {
		r, ok := rules[id]
		if !ok {
			tomlDiffs = append(tomlDiffs, issue{id, "in gitleaks.toml but not generated", ""})
			continue
		}
		rs := func(x interface{ String() string }) string {
			if x == nil || (fmt.Sprint(x) == "<nil>") {
				return ""
			}
			return x.String()
		}
		if (tr.Regex == nil) != (r.Regex == nil) || (tr.Regex != nil && tr.Regex.String() != r.Regex.String()) {
			tomlDiffs = append(tomlDiffs, issue{id, "regex differs from gitleaks.toml", ""})
		}
		if (tr.Path == nil) != (r.Path == nil) || (tr.Path != nil && rs(tr.Path) != rs(r.Path)) {
			tomlDiffs = append(tomlDiffs, issue{id, "path differs from gitleaks.toml", ""})
		}
		if tr.SecretGroup != r.SecretGroup || math.Abs(tr.Entropy-r.Entropy) > 1e-9 {
			tomlDiffs = append(tomlDiffs, issue{id, "secretGroup/entropy differs from gitleaks.toml", ""})
		}
		a, b := slices.Clone(tr.Keywords), slices.Clone(r.Keywords)
		sort.Strings(a)
		sort.Strings(b)
		if !slices.Equal(a, b) {
			tomlDiffs = append(tomlDiffs, issue{id, "keywords differ from gitleaks.toml", fmt.Sprint(a, b)})
		}
		if len(tr.Allowlists) != len(r.Allowlists) {
			tomlDiffs = append(tomlDiffs, issue{id, "allowlist count differs from gitleaks.toml", ""})
		} else {
			for i := range tr.Allowlists {
				x, y := toAllowlistJSON(tr.Allowlists[i]), toAllowlistJSON(r.Allowlists[i])
				xb, _ := json.Marshal(x)
				yb, _ := json.Marshal(y)
				if !bytes.Equal(xb, yb) {
					tomlDiffs = append(tomlDiffs, issue{id, "allowlist differs from gitleaks.toml", fmt.Sprintf("toml=%s gen=%s", xb, yb)})
				}
			}
		}
	}
	for _, id := range ids {
		if _, ok := tcfg.Rules[id]; !ok {
			tomlDiffs = append(tomlDiffs, issue{id, "generated but not in gitleaks.toml", ""})
		}
	}
	sort.Slice(tomlDiffs, func(i, j int) bool { return tomlDiffs[i].Rule < tomlDiffs[j].Rule })

	writeJSON(filepath.Join(*out, "rules.json"), rulesOut)
	writeJSONL(filepath.Join(*out, "tps.jsonl"), tpsOut)
	writeJSONL(filepath.Join(*out, "fps.jsonl"), fpsOut)
	writeJSONL(filepath.Join(*out, "path-examples.jsonl"), pathsOut)

	var compileFail []issue
	var other []issue
	for _, is := range issues {
		if strings.HasPrefix(is.What, "regex does not compile") {
			compileFail = append(compileFail, is)
		} else {
			other = append(other, is)
		}
	}
	stats := map[string]any{
		"gitCommit":                     *commit,
		"gitDescribe":                   *describe,
		"rules":                         len(rulesOut),
		"rulesPathOnly":                 pathOnly,
		"rulesWithPath":                 countIf(rulesOut, func(r ruleJSON) bool { return r.Path != "" }),
		"tpsLines":                      len(tpsOut),
		"distinctSecrets":               len(distinctSecret),
		"distinctRulesWithTps":          len(rulesWithTP),
		"distinctRulesInTpsJsonl":       countRules(tpsOut),
		"fpsLines":                      len(fpsOut),
		"tpsWithMoreThanOneMatch":       multiMatch,
		"pathExampleLines":              len(pathsOut),
		"validateCalls":                 len(utils.H9Calls),
		"globalAllowlistRegexes":        len(g.Regexes),
		"globalAllowlistStopwords":      len(g.StopWords),
		"globalAllowlistPaths":          len(g.Paths),
		"regexCompileFailures":          nzIssues(compileFail),
		"rulesWithoutTps":               nz(noTP),
		"rulesWithoutFps":               nz(noFP),
		"tpsNotMatching":                nzIssues(tpNoMatch),
		"tpSecretVsGitleaksDetector":    nzIssues(secretDiff),
		"fpsDetected":                   nzIssues(fpMatch),
		"validateCallsForUnlistedRules": nz(orphanCalls),
		"tomlCrossCheck":                nzIssues(tomlDiffs),
		"notes":                         nzIssues(other),
	}
	writeJSON(filepath.Join(*out, "extraction-stats.json"), stats)
	sb, _ := json.MarshalIndent(map[string]any{
		"rules": stats["rules"], "rulesPathOnly": pathOnly, "tpsLines": len(tpsOut),
		"distinctSecrets": len(distinctSecret), "distinctRulesWithTps": len(rulesWithTP),
		"fpsLines": len(fpsOut), "pathExampleLines": len(pathsOut),
		"compileFailures": len(compileFail), "rulesWithoutTps": len(noTP),
		"tpsNotMatching": len(tpNoMatch), "secretDiffs": len(secretDiff),
		"fpsDetected": len(fpMatch), "tomlDiffs": len(tomlDiffs), "notes": len(other),
	}, "", "  ")
	fmt.Println(string(sb))
}

func nzIssues[T any](x []T) []T {
	if x == nil {
		return []T{}
	}
	return x
}

func countIf[T any](xs []T, f func(T) bool) int {
	n := 0
	for _, x := range xs {
		if f(x) {
			n++
		}
	}
	return n
}

// shannon mirrors detect.shannonEntropy.
func shannon(data string) float64 {
	if data == "" {
		return 0
	}
	charCounts := make(map[rune]int)
	for _, char := range data {
		charCounts[char]++
	}
	invLength := 1.0 / float64(len(data))
	var entropy float64
	for _, count := range charCounts {
		freq := float64(count) * invLength
		entropy -= freq * math.Log2(freq)
	}
	return entropy
}

func countRules(ls []tpLine) int {
	m := map[string]bool{}
	for _, l := range ls {
		m[l.Rule] = true
	}
	return len(m)
}
