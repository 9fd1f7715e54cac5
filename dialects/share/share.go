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
	"strings"

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
}

// Prefix starts every link's fragment and names its format; later formats get
// new prefixes, and old links keep working.
const Prefix = "v1."

// EmbedPrefix, put before a link's fragment, opens the embed view.
const EmbedPrefix = "embed."

// Limits a link must stay within.
const (
	MaxFragment = 4 << 20  // characters of fragment read
	MaxState    = 40 << 20 // bytes a fragment may expand to (10 MB input and more)
)

// Link thresholds: comfortable in chat and e-mail up to Comfortable
// characters; past Long, some tools truncate or refuse them.
const (
	Comfortable = 2000
	Long        = 8000
)

// Encode writes s as a fragment, without "#": Prefix, then base64url of the
// deflated JSON.
func Encode(s State) (string, error) {
	raw, err := json.Marshal(s)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write(raw)
	w.Close()
	return Prefix + base64.RawURLEncoding.EncodeToString(b.Bytes()), nil
}

// Error says what is wrong with a link.
type Error struct{ Msg string }

func (e *Error) Error() string { return "this link cannot be opened: " + e.Msg }

func fail(format string, a ...any) error { return &Error{fmt.Sprintf(format, a...)} }

// Decode reads a fragment (with or without "#", and without EmbedPrefix) back
// into a State. It never runs what the link holds: values are only data.
func Decode(fragment string) (State, error) {
	var s State
	fragment = strings.TrimPrefix(fragment, "#")
	if len(fragment) > MaxFragment {
		return s, fail("it is %d characters long; errlens reads links up to %d", len(fragment), MaxFragment)
	}
	payload, ok := strings.CutPrefix(fragment, Prefix)
	if !ok {
		version, _, _ := strings.Cut(fragment, ".")
		if len(version) > 1 && version[0] == 'v' && len(version) < 6 {
			return s, fail("it is in format %q, newer than this errlens knows (v1): reload to update", version)
		}
		return s, fail("it does not start with %q, so it is not an errlens share link", Prefix)
	}
	packed, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(payload, "="))
	if err != nil {
		if ce, ok := err.(base64.CorruptInputError); ok {
			return s, fail("it is damaged at character %d (truncated or edited?)", int(ce)+len(Prefix))
		}
		return s, fail("it is damaged (%v)", err)
	}
	r := flate.NewReader(bytes.NewReader(packed))
	raw, err := io.ReadAll(io.LimitReader(r, MaxState+1))
	if err != nil {
		return s, fail("it is damaged: its data does not decompress (%v); was it cut short?", err)
	}
	if len(raw) > MaxState {
		return s, fail("it expands past %d MB, more than any paste errlens reads", MaxState>>20)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&s); err != nil {
		return State{}, fail("its data is not an errlens state (%v)", err)
	}
	return s, nil
}
