// Package share turns what a user sees in errlens into a link and back: the
// whole state (input, method, idempotency flag, HAR entry, dialect override,
// retry profile, parameters, seed) goes into the URL fragment, which browsers
// never send to a server, compressed and versioned. Links are untrusted input:
// Decode bounds every size and reports what is wrong.
package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/errlens/errlens/dialects"
	"github.com/errlens/errlens/dialects/retry"
)

// State is everything a link restores.
type State struct {
	Input   string        `json:"i"`
	Method  string        `json:"m,omitempty"`
	Key     bool          `json:"k,omitempty"` // sent with an Idempotency-Key
	Entry   int           `json:"e,omitempty"` // HAR entry
	Dialect string        `json:"d,omitempty"` // dialect override
	Policy  string        `json:"p,omitempty"`
	Params  *retry.Params `json:"r,omitempty"`
	Seed    uint64        `json:"s,omitempty"`
	// DelayOnce: the timeline's later responses carry no delay.
	DelayOnce bool `json:"n,omitempty"`
	// Origins lists the host pages allowed to drive an embedded view with
	// postMessage.
	Origins []string `json:"o,omitempty"`
	// Dialects are custom dialect files (dialects.ParseDialect) the view reads
	// with; Decode keeps those that load, in Custom.
	Dialects []string `json:"x,omitempty"`
	// Hide lists the report's sections (Sections) the embed view leaves
	// out; Locked takes the editor out of the embed view.
	Hide   []string `json:"h,omitempty"`
	Locked bool     `json:"l,omitempty"`

	custom []*dialects.Dialect
}

// Sections are the parts of a report an embed view may leave out; the status,
// dialect, headline and facts always show.
var Sections = []string{"headers", "fields", "errors", "retry", "body", "members", "warnings"}

func (s *State) customID(id string) bool {
	for _, d := range s.custom {
		if d.ID == id {
			return true
		}
	}
	return false
}

// Custom returns the custom dialects of a decoded state's Dialects.
func (s *State) Custom() []*dialects.Dialect { return s.custom }

// Prefix starts every link's fragment and names its format; later formats get
// new prefixes, and old links keep working.
const Prefix = "v1."

// EmbedPrefix, put before a link's fragment, opens the embed view.
const EmbedPrefix = "embed."

// Limits a link must stay within.
const (
	MaxFragment = 4 << 20  // characters of fragment read
	MaxState    = 12 << 20 // bytes a fragment may expand to: a 10 MB paste and its escaping
)

// MaxInput is the largest paste a link is made of (and the app remembers):
// a bigger one makes a link no chat or mail tool carries, and finding its
// secrets would hold the page.
const MaxInput = 256 << 10

// CheckSize says why a paste of n bytes makes no link, or nil.
func CheckSize(n int) error {
	if n > MaxInput {
		return fmt.Errorf("this paste is %d KB; a link carries at most %d KB: trim it (keep the status line, the headers that matter and the error body; drop other HAR entries and big data members)", n>>10, MaxInput>>10)
	}
	return nil
}

// Link thresholds: comfortable in chat and e-mail up to Comfortable
// characters; past Long, some tools truncate or refuse them.
const (
	Comfortable = 2000
	Long        = 8000
)

// Encode writes s as a fragment, without "#": Prefix, then base64url of the
// JSON compressed with raw DEFLATE (RFC 1951).
func Encode(s State) (string, error) { return EncodeWith(s, deflate) }

// EncodeWith is Encode with another raw DEFLATE compressor. The app passes
// the browser's own (CompressionStream), so app.wasm carries no compressor;
// Decode reads what any of them wrote.
func EncodeWith(s State, deflate func([]byte) ([]byte, error)) (string, error) {
	raw, err := json.Marshal(s)
	if err != nil {
		return "", err
	}
	packed, err := deflate(raw)
	if err != nil {
		return "", err
	}
	return Prefix + base64.RawURLEncoding.EncodeToString(packed), nil
}

func inflate(packed []byte, limit int) ([]byte, error) {
	return io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(packed)), int64(limit)))
}

func deflate(b []byte) ([]byte, error) {
	var out bytes.Buffer
	w, _ := flate.NewWriter(&out, flate.BestCompression)
	w.Write(b)
	err := w.Close()
	return out.Bytes(), err
}

// Error says what is wrong with a link.
type Error struct{ Msg string }

func (e *Error) Error() string { return "this link cannot be opened: " + e.Msg }

func fail(format string, a ...any) error { return &Error{fmt.Sprintf(format, a...)} }

// Decode reads a fragment (with or without "#", and without EmbedPrefix) back
// into a State. It never runs what the link holds: values are only data, and
// those out of bounds or unknown are dropped, each with a note saying so.
func Decode(fragment string) (State, []string, error) { return DecodeWith(fragment, inflate) }

// DecodeWith is Decode with another raw DEFLATE decompressor, which returns
// at most limit bytes. The app passes the browser's own
// (DecompressionStream).
func DecodeWith(fragment string, inflate func(packed []byte, limit int) ([]byte, error)) (State, []string, error) {
	var s State
	fragment = strings.TrimPrefix(fragment, "#")
	if len(fragment) > MaxFragment {
		return s, nil, fail("it is %d characters long; errlens reads links up to %d", len(fragment), MaxFragment)
	}
	payload, ok := strings.CutPrefix(fragment, Prefix)
	if !ok {
		version, _, _ := strings.Cut(fragment, ".")
		if len(version) > 1 && version[0] == 'v' && len(version) < 6 {
			return s, nil, fail("it is in format %q, newer than this errlens knows (v1): reload to update", version)
		}
		return s, nil, fail("it does not start with %q, so it is not an errlens share link", Prefix)
	}
	packed, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(payload, "="))
	if err != nil {
		if ce, ok := err.(base64.CorruptInputError); ok {
			return s, nil, fail("it is damaged at character %d (truncated or edited?)", int(ce)+len(Prefix))
		}
		return s, nil, fail("it is damaged (%v)", err)
	}
	raw, err := inflate(packed, MaxState+1)
	if err != nil {
		return s, nil, fail("it is damaged: its data does not decompress (%v); was it cut short?", err)
	}
	if len(raw) > MaxState {
		return s, nil, fail("it expands past %d MB, more than any paste errlens reads", MaxState>>20)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&s); err != nil {
		return State{}, nil, fail("its data is not an errlens state (%v)", err)
	}
	return s, s.drop(), nil
}

// Bounds of a link's lists.
const (
	MaxDialects = 8
	MaxOrigins  = 16
	MaxEntry    = 1 << 20 // HAR entry index
)

// drop clears every value out of bounds or unknown to this errlens (the
// limits the app's own controls enforce), saying what it dropped: a link
// cannot make the page do more work, or stick a dialect or profile that does
// not exist.
func (s *State) drop() []string {
	var notes []string
	out := func(format string, a ...any) { notes = append(notes, fmt.Sprintf(format, a...)) }
	if !validMethod(s.Method) {
		out("method %.20q is not an HTTP method", s.Method)
		s.Method = ""
	}
	if s.Entry < 0 || s.Entry > MaxEntry {
		out("HAR entry %d is out of range", s.Entry)
		s.Entry = 0
	}
	var files []string
	for i, file := range s.Dialects {
		if i == MaxDialects {
			out("more than %d dialect files: the rest are dropped", MaxDialects)
			break
		}
		d, err := dialects.ParseDialect(file)
		if fe, ok := err.(dialects.FileErrors); ok {
			out("dialect file %d is not used: %v", i+1, fe[0])
			continue
		}
		files, s.custom = append(files, file), append(s.custom, d)
	}
	s.Dialects = files
	if s.Dialect != "" && dialects.Lookup(s.Dialect) == nil && !s.customID(s.Dialect) {
		out("dialect %.40q is unknown to this errlens: the dialect is detected", s.Dialect)
		s.Dialect = ""
	}
	if s.Policy != "" && retry.ProfileNamed(s.Policy) == nil {
		out("retry profile %.40q is unknown to this errlens: the recommended one is shown", s.Policy)
		s.Policy = ""
	}
	if s.Params != nil {
		if err := s.Params.Check(); err != nil {
			out("retry parameters: %v; the profile's own are shown", err)
			s.Params = nil
		}
	}
	var origins []string
	for _, o := range s.Origins {
		if len(origins) == MaxOrigins {
			out("more than %d allowed origins: the rest are dropped", MaxOrigins)
			break
		}
		if !validOrigin(o) {
			out("allowed origin %.80q is not an origin (scheme://host[:port])", o)
			continue
		}
		origins = append(origins, o)
	}
	s.Origins = origins
	var hide []string
	for _, h := range s.Hide {
		if !slices.Contains(Sections, h) || slices.Contains(hide, h) {
			out("section %.40q is not one the embed view can leave out", h)
			continue
		}
		hide = append(hide, h)
	}
	s.Hide = hide
	return notes
}

// validMethod accepts "" and the tokens HTTP methods are made of, up to 20
// characters.
func validMethod(m string) bool {
	if len(m) > 20 {
		return false
	}
	for _, c := range m {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// Origin returns the origin (scheme://host[:port]) of an http(s) page
// address, as a host page's MessageEvent.origin reads, or "" when page is none.
func Origin(page string) string {
	u, err := url.Parse(page)
	if err != nil || u.Host == "" || u.Scheme != "https" && u.Scheme != "http" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

// validOrigin accepts what a browser's MessageEvent.origin can be: an http(s)
// scheme, a host and an optional port, nothing more.
func validOrigin(o string) bool {
	u, err := url.Parse(o)
	return err == nil && len(o) <= 200 && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" &&
		u.User == nil && u.Path == "" && u.RawQuery == "" && u.Fragment == "" && o == u.Scheme+"://"+u.Host
}
