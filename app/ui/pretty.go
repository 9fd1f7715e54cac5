package ui

import (
	"html"
	"strings"
)

// prettyHTML re-indents a JSON body as HTML for a <pre>: keys, strings,
// numbers and literals in coloured spans, the bytes [hlStart, hlEnd) of the
// original in highlight spans (the first with id "hl"). It stops after limit
// bytes of input (returning truncated), and never fails: bytes it cannot read
// as JSON are written as they are. It writes straight to HTML, in one pass:
// on a 10 KB body, building tokens first cost more than the rest of a render.
func prettyHTML(body string, hlStart, hlEnd, limit int) (out string, truncated bool) {
	if len(body) > limit {
		body, truncated = body[:limit], true
	}
	var b strings.Builder
	b.Grow(len(body) * 3)
	depth, afterColon, firstHL := 0, false, true
	newline := func() {
		b.WriteByte('\n')
		for range min(depth, 40) {
			b.WriteString("  ")
		}
	}
	emit := func(start, end int, class string) {
		hl := start < hlEnd && end > hlStart
		if class == "" && !hl {
			b.WriteString(html.EscapeString(body[start:end]))
			return
		}
		b.WriteString(`<span class="`)
		if class != "" {
			b.WriteString("t" + class)
		}
		if hl {
			b.WriteString(" hl")
			if firstHL {
				b.WriteString(`" id="hl`)
				firstHL = false
			}
		}
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(body[start:end]))
		b.WriteString(`</span>`)
	}
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
			continue
		case c == '{' || c == '[':
			emit(i, i+1, "")
			depth++
			i++
			if j := skipWS(body, i); j < len(body) && (body[j] == '}' || body[j] == ']') {
				depth--
				emit(j, j+1, "")
				i = j + 1
			} else {
				newline()
			}
		case c == '}' || c == ']':
			depth = max(depth-1, 0)
			newline()
			emit(i, i+1, "")
			i++
		case c == ',':
			emit(i, i+1, "")
			i++
			newline()
		case c == ':':
			emit(i, i+1, "")
			b.WriteByte(' ')
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
	return b.String(), truncated
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
