// Package message reads what a developer pastes after a failed API call into one
// HTTP response and, where the paste shows it, the request that caused it.
//
// It accepts, without being told which:
//   - a whole response as `curl -i` prints it (HTTP/1.0, 1.1, 2 and 3 status lines,
//     several responses after redirects or 100 Continue: the last one counts),
//     optionally preceded by the curl command line;
//   - `curl -v` output with its "> " request and "< " response prefixes;
//   - a header block and a body, or a body alone;
//   - a HAR file saved from a browser's DevTools (see har.go).
//
// Reading never fails on odd text: what cannot be read as HTTP is kept as body and
// described in Notes with its line. Only input over MaxInput, or a HAR entry that
// does not exist, is an error.
package message

import (
	"fmt"
	"strings"
)

// MaxInput is the largest paste read, in bytes: room for a 10 MB body with its
// headers, or a HAR file holding a few such bodies.
const MaxInput = 32 << 20

// Format names the shape a paste was recognised as.
type Format string

// The formats Parse recognises.
const (
	FormatCurl    Format = "curl"         // status line, headers, body (curl -i)
	FormatVerbose Format = "curl-verbose" // "> " and "< " prefixed lines (curl -v)
	FormatHeaders Format = "headers"      // header block and body, no status line
	FormatBody    Format = "body"         // body alone
	FormatHAR     Format = "har"          // HAR 1.2 file
	FormatEmpty   Format = "empty"        // nothing but white space
)

// Message is one HTTP response read from a paste, with what the paste tells of its
// request.
type Message struct {
	Format  Format
	Proto   string // "HTTP/1.1", "HTTP/2"...; empty without a status line
	Status  int    // 0 without a status line
	Reason  string // the status line's reason phrase, if it has one
	Headers Headers
	Body    string
	// Unrecorded is the size of a body a HAR entry received but did not save
	// (no content.text): Body is empty, but the response had one.
	Unrecorded int
	// BodyLine is the 1-based line of the paste on which the body starts, and
	// BodyOffset its byte offset, so positions inside the body can be given as
	// positions in the paste.
	BodyLine   int
	BodyOffset int
	// BodyAsPasted reports that Body is the paste's own text at BodyOffset,
	// byte for byte (not so in curl -v output that interleaves curl's own
	// lines or ends lines with CR LF, nor in a HAR file).
	BodyAsPasted bool
	// Responses counts the responses the paste held (redirects, 100 Continue).
	Responses int

	Method         string // request method, where the paste shows it
	URL            string // request URL or path, where the paste shows it
	RequestHeaders Headers

	// Entries lists a HAR file's entries, failed ones first; Entry is the number
	// of the one read (see Entry.N).
	Entries []Entry
	Entry   int

	// Notes say what could not be read as HTTP, and where.
	Notes []Note
}

// Note is a remark on the paste, at a 1-based line (0 when it concerns the whole).
type Note struct {
	Line int    `json:"line,omitempty"`
	Text string `json:"text"`
}

func (n Note) String() string {
	if n.Line == 0 {
		return n.Text
	}
	return fmt.Sprintf("line %d: %s", n.Line, n.Text)
}

// Options choose what to read from a paste that holds several responses.
type Options struct {
	// Entry is the HAR entry to read, by its number (Entry.N); 0 picks the first
	// failed one (status 0 or >= 400), or the first entry when none failed.
	Entry int
	// Yield, when set, is called now and then while a big HAR file is read
	// (every 2,000 entries), so that a caller on a single thread can let
	// other work run.
	Yield func()
}

// TooLargeError reports a paste over MaxInput.
type TooLargeError struct{ Size int }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the paste is %d bytes; errlens reads at most %d (32 MB)", e.Size, MaxInput)
}

// Parse reads a paste. It returns an error only for input over MaxInput and for a
// HAR entry that does not exist (EntryError).
func Parse(in string, opt Options) (*Message, error) {
	if len(in) > MaxInput {
		return nil, &TooLargeError{Size: len(in)}
	}
	start := skipSpace(in)
	if start == len(in) {
		return &Message{Format: FormatEmpty, BodyLine: 1}, nil
	}
	if in[start] == '{' {
		if entries, ok := looksLikeHAR(in[start:]); ok {
			return parseHAR(entries, opt)
		}
	}
	m := &Message{}
	sc := scanner{s: in}
	sc.skipTo(strings.LastIndexByte(in[:start], '\n') + 1)
	line, ok := sc.peek()
	command := false
	for ok && line != "" && isCommandLine(line) {
		sc.next()
		readCommand(m, &sc, line)
		line, ok = sc.peek()
		command = true
	}
	for command && ok && strings.TrimSpace(line) == "" { // blank lines after the command
		sc.next()
		line, ok = sc.peek()
	}
	switch {
	case !ok:
		m.Format = FormatEmpty
		m.BodyLine, m.BodyOffset = sc.line+1, len(in)
	case line != "" && (line[0] == '*' || line[0] == '<' || line[0] == '>') && isVerbose(in[sc.pos:]):
		m.Format = FormatVerbose
		parseVerbose(m, &sc)
	case isStatusLine(line):
		m.Format = FormatCurl
		parseResponses(m, &sc)
	case isHeaderLine(line):
		m.Format = FormatHeaders
		parseHeaders(m, &sc, &m.Headers)
		m.setBody(&sc)
	default:
		m.Format = FormatBody
		m.setBody(&sc)
	}
	return m, nil
}

// setBody takes the rest of the paste as the body.
func (m *Message) setBody(sc *scanner) {
	m.BodyLine, m.BodyOffset, m.BodyAsPasted = sc.line+1, sc.pos, true
	m.Body = sc.s[sc.pos:]
	m.cutTrailers()
}

// cutTrailers takes off a JSON body the trailer fields curl -i prints after
// it ("Server-Timing: ..."), noting each with its line: they are no part of
// the body.
func (m *Message) cutTrailers() {
	b := strings.TrimRight(m.Body, " \t\r\n")
	if b == "" || b[0] != '{' && b[0] != '[' {
		return
	}
	var starts []int // where each trailer starts in the body, last first
	for {
		i := strings.LastIndexByte(b, '\n')
		if i < 0 {
			break
		}
		if !isHeaderLine(strings.TrimRight(b[i+1:], "\r")) { // a JSON line never is: its names are quoted
			break
		}
		starts = append(starts, i+1)
		b = strings.TrimRight(b[:i], " \t\r\n")
	}
	if k := strings.LastIndexAny(b, "}]"); k >= 0 && k < len(b)-1 && isHeaderLine(b[k+1:]) {
		starts = append(starts, k+1) // no newline between the body and the trailer
		b = b[:k+1]
	}
	if len(starts) == 0 || b[len(b)-1] != '}' && b[len(b)-1] != ']' {
		return
	}
	full := m.Body
	m.Body = b
	for i := len(starts) - 1; i >= 0; i-- {
		line, _, _ := strings.Cut(full[starts[i]:], "\n")
		m.Notes = append(m.Notes, Note{m.BodyLine + strings.Count(full[:starts[i]], "\n"), "trailer field after the body, not part of it: " + clip(strings.TrimRight(line, "\r"))})
	}
}

// parseResponses reads status line, headers and body, as many times as the paste
// repeats them: curl -i -L prints every response of a redirect chain.
func parseResponses(m *Message, sc *scanner) {
	for {
		line, _ := sc.next()
		m.Responses++
		m.Headers = nil
		readStatusLine(m, line, sc.line)
		parseHeaders(m, sc, &m.Headers)
		next, ok := sc.peek()
		if !ok || !isStatusLine(next) {
			break
		}
	}
	m.setBody(sc)
}

// readStatusLine fills Proto, Status and Reason from "HTTP/1.1 404 Not Found".
func readStatusLine(m *Message, line string, n int) {
	line = strings.TrimSpace(line)
	if strings.HasPrefix(line, "HTTP ") {
		line = "HTTP/" + line[len("HTTP "):] // docs' "HTTP 1.1 404 Not Found" (PeerTube's)
		m.Notes = append(m.Notes, Note{n, `the status line has "HTTP 1.1" where HTTP/1.1 has a slash; read as HTTP/1.1`})
	}
	proto, rest, _ := strings.Cut(line, " ")
	m.Proto = proto
	code, reason, _ := strings.Cut(strings.TrimLeft(rest, " "), " ")
	m.Status, m.Reason = 0, ""
	if len(code) != 3 || !Digits(code) || code[0] == '0' {
		m.Notes = append(m.Notes, Note{n, fmt.Sprintf("status line %q has no three-digit status code", clip(line))})
		return
	}
	m.Reason = strings.TrimSpace(reason)
	m.Status = int(code[0]-'0')*100 + int(code[1]-'0')*10 + int(code[2]-'0')
}

// parseHeaders reads header fields up to the blank line that ends them. A line
// that is no header field ends the block too: it and what follows are the body,
// with a note unless it plainly starts one ({, [ or <).
func parseHeaders(m *Message, sc *scanner, h *Headers) {
	for {
		line, ok := sc.peek()
		if !ok {
			return
		}
		if strings.TrimSpace(line) == "" {
			sc.next()
			return
		}
		if (line[0] == ' ' || line[0] == '\t') && len(*h) > 0 {
			sc.next() // obsolete line folding (RFC 9112 §5.2)
			last := &(*h)[len(*h)-1]
			last.Value += " " + strings.TrimSpace(line)
			continue
		}
		name, value, ok := splitHeader(line)
		if !ok {
			if c := line[0]; c != '{' && c != '[' && c != '<' {
				m.Notes = append(m.Notes, Note{sc.line + 1, fmt.Sprintf("%q is not a header field (Name: value); the body is taken to start here", clip(line))})
			}
			return
		}
		sc.next()
		if *h == nil {
			*h = make(Headers, 0, 16)
		}
		*h = append(*h, Header{Name: name, Value: value})
	}
}

// splitHeader splits "Name: value", requiring a token for the name (RFC 9110 §5.1).
func splitHeader(line string) (name, value string, ok bool) {
	name, value, ok = strings.Cut(line, ":")
	if !ok || name == "" || !isToken(name) {
		return "", "", false
	}
	return name, strings.TrimSpace(value), true
}

func isHeaderLine(line string) bool {
	_, _, ok := splitHeader(line)
	return ok
}

// isStatusLine reports whether line starts "HTTP/" followed by a version, or
// "HTTP " as some docs write it.
func isStatusLine(line string) bool {
	if !strings.HasPrefix(line, "HTTP/") && !strings.HasPrefix(line, "HTTP ") || len(line) < 6 {
		return false
	}
	c := line[5]
	return c >= '0' && c <= '9'
}

func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if !tchar[s[i]] {
			return false
		}
	}
	return true
}

// tchar marks the bytes allowed in a token (RFC 9110 §5.6.2).
var tchar = func() (t [256]bool) {
	for c := '!'; c <= '~'; c++ {
		t[c] = !strings.ContainsRune("\"(),/:;<=>?@[\\]{}", c)
	}
	return t
}()

// Digits reports whether s is a non-empty run of ASCII digits: a status code,
// delay-seconds, an array index.
func Digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func skipSpace(s string) int {
	i := 0
	if strings.HasPrefix(s, "\ufeff") {
		i = 3
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
		i++
	}
	return i
}

// clip shortens a line quoted in a note.
func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

// scanner walks a paste line by line, keeping the line number and byte offset.
type scanner struct {
	s    string
	pos  int // offset of the next line
	line int // number of lines consumed
}

// peek returns the next line without its line ending.
func (sc *scanner) peek() (string, bool) {
	line, _, ok := sc.line1()
	return line, ok
}

// next consumes the next line.
func (sc *scanner) next() (string, bool) {
	line, end, ok := sc.line1()
	if ok {
		sc.pos = end
		sc.line++
	}
	return line, ok
}

// line1 returns the next line and the offset after its line ending.
func (sc *scanner) line1() (line string, end int, ok bool) {
	if sc.pos >= len(sc.s) {
		return "", sc.pos, false
	}
	rest := sc.s[sc.pos:]
	end = len(sc.s)
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest, end = rest[:i], sc.pos+i+1
	}
	return strings.TrimSuffix(rest, "\r"), end, true
}

// skipTo moves to offset off, counting the lines passed.
func (sc *scanner) skipTo(off int) {
	sc.line += strings.Count(sc.s[sc.pos:off], "\n")
	sc.pos = off
}
