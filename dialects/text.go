package dialects

// Plain text bodies, and what is not text at all (binary, compressed).

import (
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

var plainText = &Dialect{
	ID:          "text",
	Name:        "Plain text",
	Description: "A text body (its first paragraph is the message), or XML no dialect claims.",
	Spec:        "https://www.rfc-editor.org/rfc/rfc9110#section-15",
	decode:      decodeText,
}

func decodeText(d *doc, r *Report) {
	if d.kind == "binary" {
		return
	}
	if d.kind == "xml" {
		if readXML(d, r); r.Message != "" || r.Code != "" || r.Title != "" {
			return
		}
	}
	if readCSV(d.body, r) {
		return
	}
	para, rest, _ := strings.Cut(strings.ReplaceAll(d.body[:min(len(d.body), 4096)], "\r\n", "\n"), "\n\n")
	if (statusLike(strings.TrimSpace(para)) || strings.HasSuffix(para, ":")) && strings.TrimSpace(rest) != "" { // aiohttp: "500 Internal Server Error\n\nServer got itself in trouble"; promhttp's "An error has occurred while serving metrics:\n\n..."
		para, _, _ = strings.Cut(strings.TrimSpace(rest), "\n\n")
	}
	if head, tail, ok := strings.Cut(para, "\n"); ok && statusLike(strings.TrimSpace(head)) && strings.TrimSpace(tail) != "" {
		para = tail // CivetWeb's "Error 404: Not Found\nNot found"
	}
	if strings.Count(para, "\n") > 4 { // a stack trace or a page: its first line
		para, _, _ = strings.Cut(para, "\n")
	}
	r.Message = stripStatusPrefix(collapse(para[:min(len(para), 500)]))
	if rest, ok := strings.CutPrefix(r.Message, "remoteAddr: "); ok && strings.Contains(rest, "; requestURI: ") {
		_, r.Message, _ = strings.Cut(rest[strings.Index(rest, "; requestURI: ")+2:], "; ") // VictoriaMetrics says who asked what first
	}
	if d.ct == "text/html" {
		r.Message = unescape(r.Message) // text sent as HTML (Netdata's "&#x2F;usr&#x2F;share")
	}
	// kin-openapi's "[422][code][id] title [source pointer=/items/1/qty]".
	if rest, ok := strings.CutPrefix(r.Message, "["+strconv.Itoa(d.msg.Status)+"]["); ok && d.msg.Status != 0 {
		code, rest, _ := strings.Cut(rest, "]")
		if _, rest, ok = strings.Cut(rest, "] "); ok {
			r.Code, r.Message = code, rest
			if msg, src, ok := strings.Cut(rest, " [source "); ok {
				_, at, _ := strings.Cut(strings.TrimSuffix(src, "]"), "=")
				r.Message = msg
				r.addField(normItemPath(at, ""), at, msg, code, gjson.Result{})
			}
		}
	}
	// A code before the message: tusd's "ERR_UPLOAD_NOT_FOUND: upload not
	// found"; or a code alone: Elysia's "NOT_FOUND".
	if code, msg, ok := strings.Cut(r.Message, ": "); ok && isUpperSnake(code) && strings.Contains(code, "_") {
		r.Code, r.Message = code, msg
	} else if isUpperSnake(r.Message) && strings.Contains(r.Message, "_") {
		r.Code, r.Message = r.Message, ""
	}
	readMessageFields(r)
	if who := servedBy(d); who != "" {
		r.Evidence = append(r.Evidence, "a response from "+who+", not from the API itself")
	}
}

// readCSV reads a body of a header row and one row whose columns the
// vocabularies name (api.data.gov's "Error Code,Error Message"): a code and
// a message. It reports whether it read one.
func readCSV(body string, r *Report) bool {
	head, row, ok := strings.Cut(strings.TrimSpace(body), "\n")
	if !ok || strings.Contains(row, "\n") || !strings.Contains(head, ",") {
		return false
	}
	names, values := strings.Split(strings.TrimSpace(head), ","), strings.SplitN(strings.TrimSpace(row), ",", len(strings.Split(head, ",")))
	for i, n := range names {
		f := lookupFolded(n)
		if f == nil || i >= len(values) {
			continue
		}
		for _, rk := range f.ranks {
			switch {
			case rk.vocab == vCode && r.Code == "":
				r.Code = values[i]
			case rk.vocab == vMessage && r.Message == "":
				r.Message = values[i]
			}
		}
	}
	return r.Message != "" || r.Code != ""
}
