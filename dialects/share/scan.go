package share

import (
	"bytes"
	"strings"
)

// Hand-written scanners for the patterns met on every line of a paste, where
// Go's regular expressions would cost ten times as much on a big one. Each
// returns submatch indexes as regexp's FindAllStringSubmatchIndex would.

func isTokenChar(c byte) bool { // RFC 9110 tchar
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$%&'*+.^_`|~-", c) >= 0
}

// headerLines finds "Name: value" lines, raw or in curl -v output ("> ",
// "< "): the line, the name and the value up to the line's end.
func headerLines(in string) [][]int {
	var out [][]int
	for ls := 0; ls < len(in); {
		le := strings.IndexByte(in[ls:], '\n')
		if le < 0 {
			le = len(in)
		} else {
			le += ls
		}
		p := ls
		if le-ls >= 2 && (in[p] == '>' || in[p] == '<') && in[p+1] == ' ' {
			p += 2
		}
		ns := p
		for p < le && isTokenChar(in[p]) {
			p++
		}
		if p > ns && p < le && in[p] == ':' {
			ne := p
			p++
			for p < le && (in[p] == ' ' || in[p] == '\t') {
				p++
			}
			ve := p
			for ve < le && in[ve] != '\r' {
				ve++
			}
			out = append(out, []int{ls, ve, ns, ne, p, ve})
		}
		ls = le + 1
	}
	return out
}

func isParamChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-' || c == '[' || c == ']'
}

// params finds name=value in query strings, form bodies, cookies and log
// text: a name of up to 61 characters starting with a letter or "_", after
// the start or a delimiter, and the value up to the next delimiter.
func params(in string) [][]int {
	var out [][]int
	for at := 0; at < len(in); {
		q := strings.IndexByte(in[at:], '=')
		if q < 0 {
			break
		}
		q += at
		ns := q
		for ns > at && isParamChar(in[ns-1]) {
			ns--
		}
		at = q + 1
		if n := q - ns; n == 0 || n > 61 || !(isLetter(in[ns]) || in[ns] == '_') ||
			ns > 0 && strings.IndexByte("?&;, \t\r\n'\"([{|", in[ns-1]) < 0 {
			continue
		}
		ve := q + 1
		for ve < len(in) && strings.IndexByte("& \t\r\n\f\v\"'<>;,)]}|\\", in[ve]) < 0 {
			ve++
		}
		out = append(out, []int{ns, ve, ns, q, q + 1, ve})
		at = ve
	}
	return out
}

// urls finds URLs (scheme://...) and the password of those that carry a
// user:password@.
func urls(in string) (spans, passwords [][2]int) {
	for at := 0; at < len(in); {
		i := strings.Index(in[at:], "://")
		if i < 0 {
			break
		}
		i += at
		s := i
		for s > at && (isLetter(in[s-1]) || isDigit(in[s-1]) || strings.IndexByte("+.-", in[s-1]) >= 0) {
			s--
		}
		for s < i && !isLetter(in[s]) {
			s++
		}
		e := i + 3
		for e < len(in) && strings.IndexByte(" \t\r\n\f\v\"'<>", in[e]) < 0 {
			e++
		}
		at = max(e, i+3)
		if s == i || e == i+3 {
			continue
		}
		spans = append(spans, [2]int{s, e})
		// user:password@ before the first "/"
		auth := in[i+3 : e]
		if slash := strings.IndexByte(auth, '/'); slash >= 0 {
			auth = auth[:slash]
		}
		if atSign := strings.LastIndexByte(auth, '@'); atSign > 0 {
			if colon := strings.IndexByte(auth[:atSign], ':'); colon > 0 && colon < atSign-1 {
				passwords = append(passwords, [2]int{i + 3 + colon + 1, i + 3 + atSign})
			}
		}
	}
	return spans, passwords
}

func isTokenRune(c byte) bool { // what a generated key is made of
	return isLetter(c) || isDigit(c) || strings.IndexByte("+/_-.~=:|@#$%!*&^", c) >= 0
}

// tokens finds the runs of key characters at least n long.
func tokens(in string, n int) [][2]int {
	var out [][2]int
	for i := 0; i < len(in); {
		if !isTokenRune(in[i]) {
			i++
			continue
		}
		s := i
		for i < len(in) && isTokenRune(in[i]) {
			i++
		}
		if i-s >= n {
			out = append(out, [2]int{s, i})
		}
	}
	return out
}

// eachWord calls fn at every place in holds one of words (lower case),
// ignoring case, that does not continue a word.
func eachWord(in string, words []string, fn func(i int, word string)) {
	low := []byte(in)
	for i, c := range low {
		low[i] = lower(c)
	}
	for _, w := range words {
		for at := 0; ; {
			i := bytes.Index(low[at:], []byte(w))
			if i < 0 {
				break
			}
			i += at
			at = i + len(w)
			if i == 0 || !isLetter(in[i-1]) && !isDigit(in[i-1]) && in[i-1] != '_' {
				fn(i, w)
			}
		}
	}
}

func isKeyChar(c byte) bool { return isLetter(c) || isDigit(c) || strings.IndexByte("._~+/=-", c) >= 0 }

// schemeCredentials finds the credential after an authorization scheme
// written in text ("Bearer 9f8e…", "token ghp_…"): eight key characters or
// more after the scheme and white space.
func schemeCredentials(in string) [][2]int {
	var out [][2]int
	eachWord(in, []string{"bearer", "token", "basic", "digest", "apikey"}, func(i int, w string) {
		s := i + len(w)
		for s < len(in) && (in[s] == ' ' || in[s] == '\t' || in[s] == '\n' || in[s] == '\r') {
			s++
		}
		if s == i+len(w) {
			return
		}
		e := s
		for e < len(in) && isKeyChar(in[e]) {
			e++
		}
		if e-s >= 8 {
			out = append(out, [2]int{s, e})
		}
	})
	return out
}
