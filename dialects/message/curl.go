package message

import "strings"

// isCommandLine reports whether line is a shell prompt or curl command pasted
// above the output: "$ curl -i ...", "curl -si ...", "% curl ...".
func isCommandLine(line string) bool {
	t := strings.TrimSpace(line)
	if len(t) > 2 && t[1] == ' ' && strings.IndexByte("$%>#", t[0]) >= 0 {
		t = t[2:] // a shell prompt
	}
	return strings.HasPrefix(t, "curl ")
}

// readCommand takes the request method, URL and headers from a curl command,
// following backslash line continuations.
func readCommand(m *Message, sc *scanner, line string) {
	cmd := line
	for strings.HasSuffix(strings.TrimRight(cmd, " \t"), "\\") {
		next, ok := sc.next()
		if !ok {
			break
		}
		cmd = strings.TrimSuffix(strings.TrimRight(cmd, " \t"), "\\") + " " + next
	}
	args := shellWords(cmd)
	hasData := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		val := ""
		if i+1 < len(args) {
			val = args[i+1]
		}
		switch {
		case a == "-X" || a == "--request":
			m.Method = strings.ToUpper(val)
			i++
		case strings.HasPrefix(a, "-X") && len(a) > 2:
			m.Method = strings.ToUpper(a[2:])
		case a == "-H" || a == "--header":
			if name, value, ok := splitHeader(val); ok {
				m.RequestHeaders = append(m.RequestHeaders, Header{name, value})
			}
			i++
		case a == "-d" || a == "--data" || a == "--data-raw" || a == "--data-binary" || a == "--json" || a == "-F" || a == "--form":
			hasData = true
			i++
		case a == "-I" || a == "--head":
			m.Method = "HEAD"
		case strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://"):
			m.URL = a
		}
	}
	if m.Method == "" {
		m.Method = "GET"
		if hasData {
			m.Method = "POST"
		}
	}
}

// shellWords splits a command line as a POSIX shell would for the simple cases
// pasted commands use: single and double quotes, and backslash escapes.
func shellWords(s string) []string {
	var words []string
	var w strings.Builder
	in, quote := false, byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote == '\'':
			w.WriteByte(c)
		case c == '\\' && i+1 < len(s):
			i++
			w.WriteByte(s[i])
			in = true
		case quote == '"':
			w.WriteByte(c)
		case c == '\'' || c == '"':
			quote, in = c, true
		case c == ' ' || c == '\t':
			if in {
				words = append(words, w.String())
				w.Reset()
				in = false
			}
		default:
			w.WriteByte(c)
			in = true
		}
	}
	if in {
		words = append(words, w.String())
	}
	return words
}

// isVerbose reports whether the paste is curl -v output: a "< HTTP/" line near
// the start of a line.
func isVerbose(s string) bool {
	return strings.HasPrefix(s, "< HTTP/") || strings.Contains(s, "\n< HTTP/") ||
		strings.HasPrefix(s, "* ") && strings.Contains(s, "\n> ")
}

// parseVerbose reads curl -v output. "> " lines are the request, "< " lines the
// responses (the last one counts), "* " lines and "{ [n bytes data]" markers are
// curl's own; other lines after the last response headers are the body.
func parseVerbose(m *Message, sc *scanner) {
	bodyStart, bodyLine := -1, 0
	var body []string
	inResponse := false
	for {
		start := sc.pos
		line, ok := sc.next()
		if !ok {
			break
		}
		switch {
		case strings.HasPrefix(line, "> ") || line == ">":
			text := strings.TrimPrefix(strings.TrimPrefix(line, ">"), " ")
			if method, target, ok := requestLine(text); ok {
				m.Method, m.URL = method, target
				m.RequestHeaders = nil
			} else if name, value, ok := splitHeader(text); ok {
				m.RequestHeaders = append(m.RequestHeaders, Header{name, value})
			}
		case strings.HasPrefix(line, "< ") || line == "<":
			text := strings.TrimPrefix(strings.TrimPrefix(line, "<"), " ")
			if isStatusLine(text) {
				m.Responses++
				m.Headers = nil
				readStatusLine(m, text, sc.line)
				inResponse = true
				body, bodyStart = nil, -1
				continue
			}
			if name, value, ok := splitHeader(text); ok && inResponse {
				m.Headers = append(m.Headers, Header{name, value})
			}
		case strings.HasPrefix(line, "* ") || line == "*" || isDataMarker(line):
		default:
			if !inResponse {
				continue
			}
			if bodyStart < 0 {
				bodyStart, bodyLine = start, sc.line
			}
			body = append(body, line)
		}
	}
	if bodyStart < 0 {
		m.BodyLine, m.BodyOffset = sc.line+1, len(sc.s)
		return
	}
	m.BodyLine, m.BodyOffset = bodyLine, bodyStart
	if n := len(body); n > 0 {
		// Without a final newline in the body, curl appends its closing
		// message to the body's last line.
		if i := strings.Index(body[n-1], "* Connection #"); i >= 0 {
			body[n-1] = body[n-1][:i]
		}
	}
	m.Body = strings.Join(body, "\n")
	m.BodyAsPasted = strings.HasPrefix(sc.s[bodyStart:], m.Body)
}

// isDataMarker reports curl's "{ [5 bytes data]" and "} [5 bytes data]" lines.
func isDataMarker(line string) bool {
	return (strings.HasPrefix(line, "{ [") || strings.HasPrefix(line, "} [")) && strings.HasSuffix(line, "]")
}

// requestLine splits "POST /v1/things HTTP/1.1" into method and target.
func requestLine(s string) (method, target string, ok bool) {
	f := strings.Fields(s)
	if len(f) != 3 || !strings.HasPrefix(f[2], "HTTP/") || !isToken(f[0]) || strings.ToUpper(f[0]) != f[0] {
		return "", "", false
	}
	return f[0], f[1], true
}
