// Command compact writes errlens's secretrules.json from the extraction's
// rules.json and global-allowlist.json: the fields errlens's detector reads,
// without generic-api-key (errlens reads names instead) and the rules limited
// to file paths (a paste has none).
//
//	go run . /tmp/gitleaks-data ../../../../secretrules.json
package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
)

type allowlist struct {
	RegexTarget string   `json:"regexTarget"`
	Regexes     []string `json:"regexes"`
	Stopwords   []string `json:"stopwords"`
}

type in struct {
	ID          string      `json:"id"`
	Regex       string      `json:"regex"`
	SecretGroup int         `json:"secretGroup"`
	Entropy     float64     `json:"entropy"`
	Keywords    []string    `json:"keywords"`
	Path        string      `json:"path"`
	Allowlists  []allowlist `json:"allowlists"`
}

type out struct {
	ID        string   `json:"id"`
	Regex     string   `json:"regex"`
	Group     int      `json:"group,omitempty"`
	Entropy   float64  `json:"entropy,omitempty"`
	Keywords  []string `json:"keywords"`
	Allow     []string `json:"allow,omitempty"`
	Target    string   `json:"target,omitempty"`
	Stopwords []string `json:"stopwords,omitempty"`
}

func main() {
	dir, dst := os.Args[1], os.Args[2]
	var rules []in
	var global allowlist
	read(filepath.Join(dir, "rules.json"), &rules)
	read(filepath.Join(dir, "global-allowlist.json"), &global)
	doc := struct {
		Source    string   `json:"source"`
		Rules     []out    `json:"rules"`
		Allow     []string `json:"allow"`
		Stopwords []string `json:"stopwords"`
	}{Source: "gitleaks v8.30.1 (github.com/gitleaks/gitleaks, config/gitleaks.toml), MIT License, Copyright (c) 2019 Zachary Rice; without generic-api-key and the rules limited to file paths",
		Allow: global.Regexes, Stopwords: lower(global.Stopwords)}
	for _, r := range rules {
		if r.ID == "generic-api-key" || r.Path != "" || r.Regex == "" {
			continue
		}
		o := out{ID: r.ID, Regex: r.Regex, Group: r.SecretGroup, Entropy: r.Entropy, Keywords: lower(r.Keywords)}
		for _, a := range r.Allowlists {
			o.Allow = append(o.Allow, a.Regexes...)
			o.Stopwords = append(o.Stopwords, lower(a.Stopwords)...)
			if len(a.Regexes) > 0 && a.RegexTarget != "" && a.RegexTarget != "secret" {
				o.Target = a.RegexTarget
			}
		}
		doc.Rules = append(doc.Rules, o)
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		panic(err)
	}
	if err := os.WriteFile(dst, []byte(b.String()), 0o644); err != nil {
		panic(err)
	}
}

func read(path string, v any) {
	b, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		panic(err)
	}
}

func lower(s []string) []string {
	out := make([]string, len(s))
	for i, w := range s {
		out[i] = strings.ToLower(w)
	}
	return out
}
