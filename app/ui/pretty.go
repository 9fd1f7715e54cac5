package ui

import "strings"

// token is a piece of a pretty-printed body with its syntax class.
type token struct {
	text  string
	class string // "k" key, "s" string, "n" number, "l" literal, "p" punctuation, "" plain
	hl    bool   // inside the highlighted span
}

// line is one line of the pretty-printed body.
type line []token

// prettyJSON re-indents a JSON body for display, keeping each token's place in
// the original so the bytes [hlStart, hlEnd) can be highlighted. It stops
// after limit bytes of input (returning truncated), and never fails: bytes it
// cannot read as JSON are shown as they are.
func prettyJSON(body string, hlStart, hlEnd, limit int) (lines []line, truncated bool) {
	if len(body) > limit {
		body, truncated = body[:limit], true
	}
	var cur line
	depth := 0
	indent := func() string { return strings.Repeat("  ", min(depth, 40)) }
	newline := func() {
		lines = append(lines, cur)
		cur = line{{text: indent()}}
	}
	emit := func(start, end int, class string) {
		cur = append(cur, token{text: body[start:end], class: class, hl: start < hlEnd && end > hlStart})
	}
	afterColon := false
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '{' || c == '[':
			emit(i, i+1, "p")
			depth++
			i++
			if j := skipWS(body, i); j < len(body) && (body[j] == '}' || body[j] == ']') {
				depth--
				emit(j, j+1, "p")
				i = j + 1
				continue
			}
			newline()
		case c == '}' || c == ']':
			depth = max(depth-1, 0)
			newline()
			emit(i, i+1, "p")
			i++
		case c == ',':
			emit(i, i+1, "p")
			i++
			newline()
		case c == ':':
			emit(i, i+1, "p")
			cur = append(cur, token{text: " "})
			i++
			afterColon = true
			continue
		case c == '"':
			j := stringEnd(body, i)
			class := "s"
			if !afterColon && isKey(body, j) {
				class = "k"
			}
			emit(i, j, class)
			i = j
		default:
			j := i
			for j < len(body) && !strings.ContainsRune(" \t\r\n,:]}", rune(body[j])) {
				j++
			}
			if j == i {
				j++
			}
			class := "n"
			if c == 't' || c == 'f' || c == 'n' {
				class = "l"
			}
			emit(i, j, class)
			i = j
		}
		afterColon = false
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines, truncated
}

func skipWS(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the offset after the string starting at s[i] == '"'.
func stringEnd(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return len(s)
}

// isKey reports whether a colon follows the string ending at j.
func isKey(s string, j int) bool {
	j = skipWS(s, j)
	return j < len(s) && s[j] == ':'
}
