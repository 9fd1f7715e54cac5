package dialects

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/errlens/errlens/dialects/message"
	"github.com/tidwall/gjson"
)

// Draft proposes a dialect file for the JSON error response in msg: where the
// generic reader found its code, message, title, detail, status, request id,
// doc link and errors, written down as a dialect named id, for a user to check,
// edit and load. The draft reads msg as the reader does, under its own name.
func Draft(msg *message.Message, id, name string) (string, error) {
	r := Decode(msg, Options{Dialect: genericJSON.ID})
	if !gjson.Valid(r.BodyText) || !gjson.Parse(r.BodyText).IsObject() {
		return "", errors.New("a dialect is drafted from a JSON object body; this body is " + r.Body.Kind)
	}
	path := func(src string) paths { // "errors[0].code" to gjson's "errors.0.code"
		if src == "" || strings.ContainsAny(src, " :") {
			return nil
		}
		return paths{strings.NewReplacer("[", ".", "]", "").Replace(src)}
	}
	s := r.Sources
	f := dialectFile{Errlens: FileFormat, ID: id, Name: name,
		Description: "Drafted by errlens from one example response: check each member against the API's documentation.",
		Read: facts{Code: path(s.Code), Message: path(s.Message), Title: path(s.Title), Detail: path(s.Detail),
			DocURL: path(s.DocURL), Status: path(s.Status)}}
	body := gjson.Parse(r.BodyText)
	if s.Errors != "" {
		at := path(s.Errors)[0]
		for v := body.Get(at); v.IsObject(); { // {"fields": {...}}: a wrapper of one member
			n, key, inner := 0, "", gjson.Result{}
			v.ForEach(func(k, e gjson.Result) bool {
				n, key, inner = n+1, k.Str, e
				return n < 2
			})
			if n != 1 || !inner.IsObject() {
				break
			}
			at, v = at+"."+gjson.Escape(key), inner
		}
		f.Read.Fields = fieldsList{{At: at}}
	} else if s.Code == "" && s.Message == "" && s.Title == "" && s.Detail == "" && isMessageTree(body, 1) {
		f.Read.Fields = fieldsList{{At: ""}} // {"email": ["Enter a valid email."]}: the body is the map
	}
	if id, ok := strings.CutPrefix(r.RequestIDSource, "body "); ok {
		f.Read.RequestID = path(id)
	}
	if r.RetryDelay != nil {
		f.Read.Delay = path(r.RetryDelay.Source)
	}
	parent := pathParent(f.Read.Message)
	for _, k := range []string{"type", "errorType", "error_type", "kind", "category"} {
		if v := body.Get(parent + k); v.Type == gjson.String && !strings.Contains(v.Str, ":") && (s.Code == "" || f.Read.Code[0] != parent+k) {
			f.Read.Type = paths{parent + k}
			break
		}
	}
	// Detection: the members the reading rests on must all be there.
	var need []string
	for _, p := range []paths{f.Read.Code, f.Read.Message, f.Read.Title, f.Read.Detail} {
		if p != nil {
			need = append(need, p[0])
		}
	}
	if need == nil && f.Read.Fields != nil && f.Read.Fields[0].At != "" {
		need = paths{f.Read.Fields[0].At}
	}
	if need == nil {
		body.ForEach(func(k, _ gjson.Result) bool {
			need = append(need, gjson.Escape(k.Str))
			return len(need) < 3
		})
	}
	if need == nil {
		return "", errors.New("the body is an empty object: nothing to recognise it by")
	}
	for i, p := range need {
		f.Detect = append(f.Detect, rule{Path: paths{p}, Require: true, Points: 100/len(need) + btoi(i < 100%len(need))})
	}
	b, err := json.MarshalIndent(f, "", "  ")
	return string(b), err
}

// MarshalJSON writes one path as a string, more as a list.
func (p paths) MarshalJSON() ([]byte, error) {
	if len(p) == 1 {
		return json.Marshal(p[0])
	}
	return json.Marshal([]string(p))
}
