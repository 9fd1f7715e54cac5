package dialects

import "strings"

// Locate finds where the paste states value, so that a view can mark it: in
// the body first, as a JSON string and then as written, else anywhere in the
// paste (a header line, a HAR file's text). It returns the byte span, or ok
// false when the paste does not hold value as written (a message joined from
// several members, text a HAR file escapes).
func (r *Report) Locate(paste, value string) (start, end int, ok bool) {
	if value == "" {
		return 0, 0, false
	}
	if at := r.Body.Offset; at >= 0 && at+len(r.BodyText) <= len(paste) {
		body := paste[at : at+len(r.BodyText)]
		if i := strings.Index(body, `"`+value+`"`); i >= 0 {
			return at + i + 1, at + i + 1 + len(value), true
		}
		if i := strings.Index(body, value); i >= 0 {
			return at + i, at + i + len(value), true
		}
	}
	if i := strings.Index(paste, value); i >= 0 {
		return i, i + len(value), true
	}
	return 0, 0, false
}

// LocateHeader finds the line of the paste that holds the response header
// name ("Retry-After: 30", or "< Retry-After: 30" in curl -v output), or
// returns ok false.
func (r *Report) LocateHeader(paste, name string) (start, end int, ok bool) {
	head := paste
	if at := r.Body.Offset; at >= 0 && at <= len(paste) {
		head = paste[:at]
	}
	for start < len(head) {
		end = strings.IndexByte(head[start:], '\n')
		if end < 0 {
			end = len(head)
		} else {
			end += start
		}
		line := strings.TrimPrefix(head[start:end], "< ")
		if len(line) > len(name) && line[len(name)] == ':' && strings.EqualFold(line[:len(name)], name) {
			return start, len(strings.TrimRight(head[:end], "\r")), true
		}
		start = end + 1
	}
	return 0, 0, false
}
