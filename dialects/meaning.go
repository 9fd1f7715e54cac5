package dialects

import (
	"errors"
	"strconv"
	"strings"
	"sync"

	"github.com/tidwall/gjson"
)

// Meaning explains a status code or a header field in a line or two, with the
// specification that defines it.
type Meaning struct {
	Text   string `json:"text"`             // what it means
	Causes string `json:"causes,omitempty"` // the usual causes, for an error status
	Spec   string `json:"spec,omitempty"`   // "RFC 9110 §15.5.20"
	URL    string `json:"url,omitempty"`    // where to read the spec
}

// StatusMeaning explains an HTTP status code: its own meaning when errlens
// knows it, else its class's (RFC 9110 §15). It is empty until the meanings
// are read (UseMeanings).
func StatusMeaning(code int) Meaning {
	statusMeanings, _ := loadMeanings()
	if s, ok := statusMeanings[code]; ok {
		return meaning(s)
	}
	if code < 100 || code > 599 {
		return Meaning{}
	}
	return meaning(statusMeanings[code/100])
}

// HeaderMeaning explains a response header field, or returns false for one
// errlens does not know.
func HeaderMeaning(name string) (Meaning, bool) {
	_, headerMeanings := loadMeanings()
	s, ok := headerMeanings[strings.ToLower(name)]
	if !ok {
		return Meaning{}, false
	}
	return meaning(s), true
}

// meaning reads "spec|text|causes", where spec is an RFC and its section
// ("rfc9110#15.5.1"), a name and a URL ("Fetch https://..."), or empty.
func meaning(s string) Meaning {
	spec, rest, _ := strings.Cut(s, "|")
	var m Meaning
	m.Text, m.Causes, _ = strings.Cut(rest, "|")
	switch rfc, section, _ := strings.Cut(spec, "#"); {
	case strings.HasPrefix(rfc, "rfc"):
		m.Spec, m.URL = "RFC "+rfc[3:], "https://www.rfc-editor.org/rfc/"+rfc
		if section != "" {
			m.Spec += " §" + section
			m.URL += "#section-" + section
		}
	case spec != "":
		m.Spec, m.URL, _ = strings.Cut(spec, " ")
	}
	return m
}

var (
	// statusMeanings (by code, and by class, 1 to 5, for the codes not
	// listed) and headerMeanings (by lower-case name) are what UseMeanings
	// read, nil before.
	statusMeanings map[int]string
	headerMeanings map[string]string
	// builtInMeanings is meanings.json in a native build (MeaningsFile), read
	// on first use.
	builtInMeanings     []byte
	builtInMeaningsOnce sync.Once
)

// UseMeanings gives the package what statuses and headers mean: the bytes of
// meanings.json. Native builds have it built in (MeaningsFile); app.wasm does
// not carry it: the app fetches it beside app.wasm, and shows no meanings
// until it has it.
func UseMeanings(file []byte) error {
	if !gjson.Valid(string(file)) {
		return errors.New("dialects: meanings.json is not JSON")
	}
	root := gjson.Parse(string(file))
	st, hd := map[int]string{}, map[string]string{}
	root.Get("status").ForEach(func(k, v gjson.Result) bool {
		if n, err := strconv.Atoi(k.Str); err == nil {
			st[n] = v.Str
		}
		return true
	})
	root.Get("header").ForEach(func(k, v gjson.Result) bool {
		hd[strings.ToLower(k.Str)] = v.Str
		return true
	})
	if len(st) == 0 || len(hd) == 0 {
		return errors.New("dialects: meanings.json has no status or no header meanings")
	}
	statusMeanings, headerMeanings = st, hd
	return nil
}

// loadMeanings returns the meanings, reading the built-in ones on first use.
func loadMeanings() (map[int]string, map[string]string) {
	builtInMeaningsOnce.Do(func() {
		if statusMeanings == nil && builtInMeanings != nil {
			if err := UseMeanings(builtInMeanings); err != nil {
				panic(err)
			}
		}
	})
	return statusMeanings, headerMeanings
}
