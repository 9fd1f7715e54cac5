package message

// HAR 1.2 as browsers save it from DevTools' Network panel:
// http://www.softwareishard.com/blog/har-12-spec/

import (
	"encoding/base64"
	"fmt"
	"strconv"
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
	// Time is the milliseconds the request took, from sending to the end of
	// the response.
	Time float64 `json:"time,omitempty"`
}

// FormatSize writes a byte count for a reader: "512 B", "1.5 KB", "2.0 MB";
// "-" for a size a HAR file does not know.
func FormatSize(n int) string {
	switch {
	case n < 0:
		return "-"
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f KB", float64(n)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// MediaType is the entry's response media type without its parameters:
// "application/json".
func (e Entry) MediaType() string {
	mt, _, _ := strings.Cut(e.MimeType, ";")
	return strings.TrimSpace(mt)
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
// first member is "log" holding "entries", as every browser writes it. It
// returns the entries.
func looksLikeHAR(s string) (entries gjson.Result, ok bool) {
	rest := strings.TrimLeft(s[1:], " \t\r\n")
	if !strings.HasPrefix(rest, `"log"`) {
		return entries, false
	}
	entries = gjson.Get(s, "log.entries")
	return entries, entries.IsArray() && gjson.Valid(s)
}

// parseHAR reads a HAR file's entries.
func parseHAR(entries gjson.Result, opt Options) (*Message, error) {
	m := &Message{Format: FormatHAR, Responses: 1, BodyLine: 1}
	// One pass over the entries (a HAR may hold 100,000), keeping the one to
	// read: the entry asked for, else the first that failed with a status,
	// else the first.
	var chosen gjson.Result
	pick, failed := 0, false
	m.Entries = make([]Entry, 0, len(entries.Raw)/512+1) // the smallest entries are about 250 bytes
	entries.ForEach(func(_, e gjson.Result) bool {
		n := len(m.Entries) + 1
		if opt.Yield != nil && n%2000 == 0 {
			opt.Yield()
		}
		en := harEntry(n, e)
		m.Entries = append(m.Entries, en)
		switch {
		case opt.Entry != 0:
			if n == opt.Entry {
				chosen, pick = e, n
			}
		case n == 1 || !failed && en.Status >= 400:
			chosen, pick, failed = e, n, en.Status >= 400
		}
		return true
	})
	if len(m.Entries) == 0 && opt.Entry != 0 {
		return nil, &EntryError{N: opt.Entry}
	}
	if len(m.Entries) == 0 {
		m.Notes = append(m.Notes, Note{Text: "the HAR file has no entries"})
		return m, nil
	}
	if opt.Entry != 0 && pick != opt.Entry {
		return nil, &EntryError{N: opt.Entry, Count: len(m.Entries)}
	}
	e, chosenEntry := chosen, m.Entries[pick-1]
	m.Entry = pick
	m.Method, m.URL = chosenEntry.Method, chosenEntry.URL
	m.Status, m.Reason = chosenEntry.Status, chosenEntry.StatusText
	m.Proto = e.Get("response.httpVersion").String()
	m.RequestHeaders = harHeaders(e.Get("request.headers"))
	m.Headers = harHeaders(e.Get("response.headers"))
	content := e.Get("response.content")
	text := content.Get("text")
	m.Body = text.String()
	if !text.Exists() {
		m.Unrecorded = max(chosenEntry.Size, 0)
	}
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
	// Failed entries first, each group in file order: one pass each.
	sorted := make([]Entry, 0, len(m.Entries))
	for _, failed := range []bool{true, false} {
		for _, e := range m.Entries {
			if e.Failed() == failed {
				sorted = append(sorted, e)
			}
		}
	}
	m.Entries = sorted
	return m, nil
}

// harEntry reads what the entry list shows of an entry, in one pass over it.
func harEntry(n int, e gjson.Result) Entry {
	en := Entry{N: n}
	e.ForEach(func(k, v gjson.Result) bool {
		switch k.Str {
		case "startedDateTime":
			en.Started = v.String()
		case "time":
			en.Time = v.Float()
		case "request":
			v.ForEach(func(k, v gjson.Result) bool {
				switch k.Str {
				case "method":
					en.Method = v.String()
				case "url":
					en.URL = v.String()
				}
				return true
			})
		case "response":
			v.ForEach(func(k, v gjson.Result) bool {
				switch k.Str {
				case "status":
					en.Status = int(v.Int())
				case "statusText":
					en.StatusText = v.String()
				case "content":
					en.MimeType, en.Size = v.Get("mimeType").String(), int(v.Get("size").Int())
				}
				return true
			})
		}
		return true
	})
	return en
}

func harHeaders(list gjson.Result) Headers {
	var h Headers
	list.ForEach(func(_, v gjson.Result) bool {
		h = append(h, Header{Name: v.Get("name").String(), Value: v.Get("value").String()})
		return true
	})
	return h
}

// OneEntry returns a HAR file that holds only entry n (1-based) of the HAR
// file har, with its log's version and creator: what a link needs to show
// that entry, without the rest of a browsing session.
func OneEntry(har string, n int) (string, error) {
	har = strings.TrimSpace(har)
	entries, ok := gjson.Result{}, strings.HasPrefix(har, "{")
	if ok {
		entries, ok = looksLikeHAR(har)
	}
	if !ok {
		return "", fmt.Errorf("not a HAR file")
	}
	count := int(entries.Get("#").Int())
	if n < 1 || n > count {
		return "", &EntryError{N: n, Count: count}
	}
	log := gjson.Get(har, "log")
	var b strings.Builder
	b.WriteString(`{"log":{`)
	for _, k := range []string{"version", "creator"} {
		if v := log.Get(k); v.Exists() {
			b.WriteString(`"` + k + `":` + v.Raw + `,`)
		}
	}
	b.WriteString(`"entries":[` + entries.Get(strconv.Itoa(n-1)).Raw + `]}}`)
	return b.String(), nil
}
