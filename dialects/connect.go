package dialects

// The Connect protocol's error body (https://connectrpc.com/docs/protocol#error-end-stream):
// {"code": "invalid_argument", "message": "...", "details": [{"type", "value",
// "debug"}]}, the code one of gRPC's, in lower snake case; a detail's "debug" is
// its JSON form, read as Google's typed details.

import (
	"encoding/base64"
	"encoding/binary"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

var connect = &Dialect{
	ID:          "connect",
	Name:        "Connect RPC",
	Description: "code (a gRPC code in snake case), message, and typed details with their JSON debug form.",
	Spec:        "https://connectrpc.com/docs/protocol#error-end-stream",
	detect:      detectConnect,
	anchors:     []string{"code"},
	decode:      decodeConnect,
}

func detectConnect(d *doc, s *score) {
	t := &d.top
	if !contains(twirpCodes, text(t.get("code"))) || t.has("msg") {
		return
	}
	for _, m := range t.m {
		if m.key != "code" && m.key != "message" && m.key != "details" {
			return
		}
	}
	s.add(70, "only code, message and details, the code a Connect code")
	if det := first(t.get("details")); field(det, "type").Exists() && field(det, "value").Exists() {
		s.add(25, `details carry "type" and "value"`)
	}
}

func decodeConnect(d *doc, r *Report) {
	t := &d.top
	r.Code, r.Message = t.str("code"), t.str("message")
	i := 0
	t.take("details").ForEach(func(_, det gjson.Result) bool {
		typ, path := text(field(det, "type")), "details."+itoa(i)
		decodeGoogleDetail(r, typ, field(det, "debug"), path)
		if typ == "google.rpc.RetryInfo" {
			// The protocol makes "value" the detail; "debug" is only a copy.
			if secs, ok := retryInfoSeconds(text(field(det, "value"))); ok {
				r.RetryDelay = &Hint{Value: secs + "s", Source: path + ".value"}
			}
		}
		i++
		return true
	})
}

// retryInfoSeconds decodes a google.rpc.RetryInfo message (base64, padding
// optional, as Connect sends it) to its retry_delay in seconds:
// RetryInfo{1: Duration{1: seconds, 2: nanos}}.
func retryInfoSeconds(b64 string) (string, bool) {
	b, err := base64.RawStdEncoding.DecodeString(strings.TrimRight(b64, "="))
	if err != nil || len(b) < 2 || b[0] != 0x0a || int(b[1]) != len(b)-2 {
		return "", false
	}
	var secs, nanos uint64
	for p := b[2:]; len(p) > 0; {
		tag, n := binary.Uvarint(p)
		if n <= 0 || tag&7 != 0 || len(p) <= n {
			return "", false
		}
		v, m := binary.Uvarint(p[n:])
		if m <= 0 {
			return "", false
		}
		switch tag >> 3 {
		case 1:
			secs = v
		case 2:
			nanos = v
		}
		p = p[n+m:]
	}
	return strconv.FormatFloat(float64(secs)+float64(nanos)/1e9, 'f', -1, 64), true
}

// twirpCodes are Twirp's error codes (spec v7): Connect's codes are the same
// names, so a body with one and no "msg" may be Connect's.
var twirpCodes = []string{"canceled", "unknown", "invalid_argument", "malformed", "deadline_exceeded",
	"not_found", "bad_route", "already_exists", "permission_denied", "unauthenticated",
	"resource_exhausted", "failed_precondition", "aborted", "out_of_range", "unimplemented",
	"internal", "unavailable", "dataloss"}

// contains reports whether list holds s.
func contains(list []string, s string) bool { return s != "" && index(list, s, len(list)) >= 0 }
