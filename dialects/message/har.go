package message

// HAR 1.2 as browsers save it from DevTools' Network panel:
// http://www.softwareishard.com/blog/har-12-spec/

import (
	"encoding/base64"
	"fmt"
	"slices"
	"strings"

	"github.com/tidwall/gjson"
)

// Entry is one request/response pair of a HAR file.
type Entry struct {
	N          int    `json:"n"` // 1-based position in the file
	Method     string `json:"method"`
	URL        string `json:"url"`
	Status     int    `json:"status"` // 0 when the browser got no response
	StatusText string `json:"statusText,omitempty"`
	MimeType   string `json:"mimeType,omitempty"`
	Size       int    `json:"size"` // response body bytes as recorded
	Started    string `json:"started,omitempty"`
}

// Failed reports whether the entry got no response or an error status.
func (e Entry) Failed() bool { return e.Status == 0 || e.Status >= 400 }

// EntryError reports a HAR entry number that the file does not have.
type EntryError struct{ N, Count int }

func (e *EntryError) Error() string {
	if e.Count == 0 {
		return fmt.Sprintf("entry %d does not exist: the HAR file has no entries", e.N)
	}
	return fmt.Sprintf("entry %d does not exist: the HAR file has %d entries (1 to %d)", e.N, e.Count, e.Count)
}

// looksLikeHAR reports whether a JSON paste is a HAR file: an object whose
// first member is "log" holding "entries", as every browser writes it.
func looksLikeHAR(s string) bool {
	rest := strings.TrimLeft(s[1:], " \t\r\n")
	return strings.HasPrefix(rest, `"log"`) && gjson.Get(s, "log.entries").IsArray() && gjson.Valid(s)
}

func parseHAR(s string, opt Options) (*Message, error) {
	entries := gjson.Get(s, "log.entries").Array()
	m := &Message{Format: FormatHAR, Responses: 1, BodyLine: 1}
	if len(entries) == 0 && opt.Entry != 0 {
		return nil, &EntryError{N: opt.Entry}
	}
	if len(entries) == 0 {
		m.Notes = append(m.Notes, Note{Text: "the HAR file has no entries"})
		return m, nil
	}
	m.Entries = make([]Entry, len(entries))
	pick := 0
	for i, e := range entries {
		m.Entries[i] = Entry{
			N:          i + 1,
			Method:     e.Get("request.method").String(),
			URL:        e.Get("request.url").String(),
			Status:     int(e.Get("response.status").Int()),
			StatusText: e.Get("response.statusText").String(),
			MimeType:   e.Get("response.content.mimeType").String(),
			Size:       int(e.Get("response.content.size").Int()),
			Started:    e.Get("startedDateTime").String(),
		}
		if pick == 0 && m.Entries[i].Status >= 400 {
			pick = i + 1
		}
	}
	if opt.Entry != 0 {
		pick = opt.Entry
	}
	if pick == 0 {
		pick = 1
	}
	if pick < 1 || pick > len(entries) {
		return nil, &EntryError{N: pick, Count: len(entries)}
	}
	e, chosen := entries[pick-1], m.Entries[pick-1]
	m.Entry = pick
	m.Method, m.URL = chosen.Method, chosen.URL
	m.Status, m.Reason = chosen.Status, chosen.StatusText
	m.Proto = e.Get("response.httpVersion").String()
	m.RequestHeaders = harHeaders(e.Get("request.headers"))
	m.Headers = harHeaders(e.Get("response.headers"))
	content := e.Get("response.content")
	m.Body = content.Get("text").String()
	if content.Get("encoding").String() == "base64" {
		if b, err := base64.StdEncoding.DecodeString(m.Body); err == nil {
			m.Body = string(b)
		} else {
			m.Notes = append(m.Notes, Note{Text: fmt.Sprintf("entry %d: response.content.text is marked base64 but is not: %v", pick, err)})
		}
	}
	if m.Status == 0 {
		m.Notes = append(m.Notes, Note{Text: fmt.Sprintf("entry %d got no response (status 0): blocked, cancelled, or a network or CORS failure", pick)})
	}
	// Failed entries first, each group in file order.
	slices.SortStableFunc(m.Entries, func(a, b Entry) int {
		switch {
		case a.Failed() && !b.Failed():
			return -1
		case b.Failed() && !a.Failed():
			return 1
		}
		return 0
	})
	return m, nil
}

func harHeaders(list gjson.Result) Headers {
	var h Headers
	list.ForEach(func(_, v gjson.Result) bool {
		h = append(h, Header{Name: v.Get("name").String(), Value: v.Get("value").String()})
		return true
	})
	return h
}
