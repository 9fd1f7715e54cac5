package dialects

// Dialects as data. A dialect file (format "dialect/1", documented in README.md
// under "Your own error format") says how to recognise a dialect, where its
// facts are, and what its codes mean for retrying. The built-in dialects that
// are only a mapping are such files (builtin/*.json), read by the same loader
// as a user's own; the generic reader fills what a file does not map.

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/tidwall/gjson"
)

// FileFormat is the format, and its version, of the dialect files errlens reads.
const FileFormat = "dialect/1"

// Guidance is what a dialect's documentation says to do after one code, type
// or status; the retry advice applies it before its general rules.
type Guidance struct {
	Code   string `json:"code,omitempty"` // the error code: exact, or a prefix or suffix with "*"
	Type   string `json:"type,omitempty"` // the error type, matched the same way
	Status int    `json:"status,omitempty"`
	Then   string `json:"then"`   // one of Thens
	Reason string `json:"reason"` // what the user reads
	ID     string `json:"id,omitempty"`
}

// Thens are what Guidance.Then may say: retry (a transient failure; a write
// sent without an Idempotency-Key is still verified first), wait (refused
// before it ran: retry after the delay whatever the method), and the three
// decisions that are not a plain retry.
var Thens = []string{"retry", "wait", "verify-then-retry", "refresh-then-retry", "do-not-retry"}

// FileError is one thing wrong in a dialect file, and where.
type FileError struct {
	Member string // the member's path in the file, "detect[2].points"; "" for the file
	Line   int    // 1-based
	Column int    // 1-based, in bytes
	Offset int    // byte offset in the file
	Msg    string
}

func (e FileError) Error() string {
	at := ""
	if e.Member != "" {
		at = e.Member + ": "
	}
	return itoa(e.Line) + ":" + itoa(e.Column) + ": " + at + e.Msg
}

// FileErrors is everything wrong in a dialect file.
type FileErrors []FileError

func (e FileErrors) Error() string {
	s := make([]string, len(e))
	for i, fe := range e {
		s[i] = fe.Error()
	}
	return strings.Join(s, "\n")
}

// dialectFile is a dialect file's JSON.
type dialectFile struct {
	Errlens     string     `json:"errlens"`
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	Description string     `json:"description,omitempty"`
	Spec        string     `json:"spec,omitempty"`
	Detect      []rule     `json:"detect"`
	Read        facts      `json:"read,omitempty"`
	Retry       []Guidance `json:"retry,omitempty"`
}

// facts are where a file says the facts are: for each, member paths (gjson
// syntax, from the body's root), the first that holds a value wins.
type facts struct {
	Type      paths      `json:"type,omitempty"`
	Code      paths      `json:"code,omitempty"`
	Title     paths      `json:"title,omitempty"`
	Message   paths      `json:"message,omitempty"`
	Detail    paths      `json:"detail,omitempty"`
	Instance  paths      `json:"instance,omitempty"`
	Timestamp paths      `json:"timestamp,omitempty"`
	DocURL    paths      `json:"docUrl,omitempty"`
	RequestID paths      `json:"requestId,omitempty"`
	Status    paths      `json:"status,omitempty"`
	Delay     paths      `json:"delay,omitempty"`   // seconds, or milliseconds when the member's name ends in ms
	Request   paths      `json:"request,omitempty"` // "POST /v1/orders", or the URL alone
	Fields    fieldsList `json:"fields,omitempty"`
	Ignore    paths      `json:"ignore,omitempty"` // members of the envelope, not listed as unmapped
}

// rule is one detection rule: a test of a body member or a header (or of
// conditions, "all" or "any" of them), and the points it gives.
type rule struct {
	Path     paths          `json:"path,omitempty"` // the first that exists is tested
	Header   string         `json:"header,omitempty"`
	All      []rule         `json:"all,omitempty"`
	Any      []rule         `json:"any,omitempty"`
	Is       string         `json:"is,omitempty"`
	Equals   paths          `json:"equals,omitempty"`
	Prefix   string         `json:"prefix,omitempty"`
	Contains string         `json:"contains,omitempty"`
	Matches  string         `json:"matches,omitempty"` // a regular expression (RE2 syntax)
	Count    *int           `json:"count,omitempty"`   // members or elements
	Not      bool           `json:"not,omitempty"`     // the member exists and fails the tests
	Absent   bool           `json:"absent,omitempty"`
	Require  bool           `json:"require,omitempty"`
	Group    string         `json:"group,omitempty"` // of a group's rules, only the first that holds scores
	Points   int            `json:"points,omitempty"`
	Evidence string         `json:"evidence,omitempty"`
	re       *regexp.Regexp // Matches compiled, once first needed (regexpOf)
}

// fieldsAt is where field errors are: a map of field to messages, a list of
// items (Field, Message and Code name their members when the generic names do
// not fit), or a string naming one field.
type fieldsAt struct {
	At      string `json:"at"` // "" for the body itself
	Field   string `json:"field,omitempty"`
	Message string `json:"message,omitempty"`
	Code    string `json:"code,omitempty"`
}

// paths is a string or a list of them (for "equals", of scalars).
type paths []string

func (p *paths) UnmarshalJSON(b []byte) error {
	ok := true
	each(gjson.Parse(string(b)), func(e gjson.Result) {
		ok = ok && !e.IsObject() && !e.IsArray() && e.Type != gjson.Null
		*p = append(*p, text(e))
	})
	if !ok || len(*p) == 0 {
		return &json.UnmarshalTypeError{Value: "a string or a non-empty list of them", Type: reflect.TypeFor[string]()}
	}
	return nil
}

// each calls f with v, or with each element of v when it is a list.
func each(v gjson.Result, f func(gjson.Result)) {
	if !v.IsArray() {
		f(v)
		return
	}
	v.ForEach(func(_, e gjson.Result) bool {
		f(e)
		return true
	})
}

// fieldsList is one fieldsAt, a path, or a list of them.
type fieldsList []fieldsAt

func (f *fieldsList) UnmarshalJSON(b []byte) (err error) {
	each(gjson.Parse(string(b)), func(e gjson.Result) {
		fa := fieldsAt{At: e.Str}
		if e.Type != gjson.String && err == nil {
			err = strictJSON(e.Raw, &fa)
		}
		*f = append(*f, fa)
	})
	return err
}

// strictJSON decodes into v, refusing members v does not have and text after
// the value.
func strictJSON(s string, v any) error {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if end := int(dec.InputOffset()); strings.TrimSpace(s[end:]) != "" {
		return trailing(end)
	}
	return nil
}

// trailing is the offset of text after a file's JSON value.
type trailing int

func (t trailing) Error() string { return "text after the end of the dialect's object" }

// builtins are the built-in dialects defined as data, in their order below:
// each is a stand-in, which detects nothing, until UseBuiltins reads its file.
// They, and the registry, are static data, not code run at start.
var builtins = []*Dialect{errorcodeEnvelope, errorObject, flatError, github, springBoot, twirp, postgrest,
	elasticsearch, matrix, telegram, loopback, rails, couchDB, symfony, fhir, goa}

func detectNothing(*doc, *score)  {}
func decodeNothing(*doc, *Report) {}

// BundleBuiltins is the bundle UseBuiltins reads, made of the built-in
// dialect files in fsys (builtin/*.json): a JSON object of each file by its id.
func BundleBuiltins(fsys fs.FS) ([]byte, error) {
	names, err := fs.Glob(fsys, "builtin/*.json")
	if err != nil || len(names) == 0 {
		return nil, errors.New("dialects: no built-in dialect files")
	}
	files := map[string]json.RawMessage{}
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		files[strings.TrimSuffix(path.Base(n), ".json")] = b
	}
	return json.Marshal(files)
}

// UseBuiltins reads the built-in dialect files: bundle is a JSON object of
// each file by its id (BuiltinsFile). Native builds read theirs at start;
// app.wasm does not carry them: the app fetches them beside app.wasm before
// it starts. TestBuiltinFiles checks the files as ParseDialect does, so
// nothing here checks them again.
func UseBuiltins(bundle []byte) error {
	indexNames()
	root := gjson.Parse(string(bundle))
	for _, d := range builtins {
		var f dialectFile
		raw := field(root, d.ID)
		if !raw.IsObject() {
			return errors.New("dialects: no built-in dialect file " + d.ID)
		}
		if err := strictJSON(raw.Raw, &f); err != nil {
			return errors.New("dialects: built-in dialect file " + d.ID + ": " + err.Error())
		}
		i := d.index
		*d = *build(&f)
		d.index = i
	}
	indexAnchors()
	return nil
}

// ParseDialect reads a user's dialect file. Everything wrong in it is reported
// as FileErrors, each with its place; an id that is a built-in dialect's is
// one of them.
func ParseDialect(file string) (*Dialect, error) {
	f, p := checkFile(file)
	if p.errs == nil && Lookup(f.ID) != nil {
		p.fail("id", `"`+f.ID+`" is a built-in dialect's id: choose another`)
	}
	if p.errs != nil {
		return nil, p.errs
	}
	d := build(f)
	d.Custom, d.File, d.anchors = true, file, nil
	return d, nil
}

// checkFile decodes and checks a dialect file.
func checkFile(file string) (*dialectFile, *fileParser) {
	p := &fileParser{src: file}
	f := &dialectFile{}
	if rest := strings.TrimSpace(file); rest == "" || rest[0] != '{' {
		p.failAt(0, "", "a dialect file is a JSON object")
	} else if err := strictJSON(file, f); err != nil {
		p.decodeError(err)
	} else {
		p.check(f)
	}
	return f, p
}

// build makes the dialect a checked file describes.
func build(f *dialectFile) *Dialect {
	d := &Dialect{ID: f.ID, Name: f.Name, Description: f.Description, Spec: f.Spec, Guidance: f.Retry}
	fd := &fileDialect{rules: f.Detect, facts: &f.Read}
	d.detect, d.decode = fd.detect, fd.decode
	d.anchors = anchors(f.Detect)
	for i := range d.Guidance {
		if d.Guidance[i].ID == "" {
			d.Guidance[i].ID = d.ID + "-" + itoa(i+1)
		}
	}
	return d
}

// compiling guards the rules' regular expressions, each compiled when its
// rule is first tested rather than when its file is read: most never are (a
// dialect's rules run only on bodies with its anchors), and the app, which
// reads the built-in files before it starts, starts sooner.
var compiling sync.Mutex

// regexpOf returns the rule's regular expression, checked when its file was.
func (r *rule) regexpOf() *regexp.Regexp {
	compiling.Lock()
	defer compiling.Unlock()
	if r.re == nil {
		r.re = regexp.MustCompile(r.Matches)
	}
	return r.re
}

// anchors are the top-level members one of which a body needs for the rules
// to score (most bodies then skip the dialect): a required member's, else
// every scoring rule's; none when a rule can hold without one.
func anchors(rules []rule) []string {
	var out []string
	for _, r := range rules {
		if r.Require && !r.Absent && len(r.Path) == 1 && r.Path[0] != "" {
			return []string{pathHead(r.Path[0])}
		}
	}
	var add func(r *rule) bool
	add = func(r *rule) bool {
		if r.Header != "" || r.Absent || r.Not && r.Path == nil {
			return false
		}
		for _, p := range r.Path {
			if p == "" {
				return false
			}
			out = append(out, pathHead(p))
		}
		for i := range r.Any {
			if !add(&r.Any[i]) {
				return false
			}
		}
		if len(r.All) > 0 && !add(&r.All[0]) {
			return false
		}
		return true
	}
	for i := range rules {
		if rules[i].Points > 0 && !add(&rules[i]) {
			return nil
		}
	}
	return out
}

// fileParser checks a dialect file, collecting what is wrong with it.
type fileParser struct {
	src  string
	errs FileErrors
}

func (p *fileParser) failAt(off int, member, msg string) {
	line, col := 1, 1
	for i := 0; i < off && i < len(p.src); i++ {
		if p.src[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	p.errs = append(p.errs, FileError{Member: member, Line: line, Column: col, Offset: off, Msg: msg})
}

// fail reports a problem with the member at path ("detect.2.points").
func (p *fileParser) fail(path, msg string) {
	v := gjson.Get(p.src, path)
	for v.Index == 0 && strings.Contains(path, ".") { // absent: point at its parent
		v = gjson.Get(p.src, path[:strings.LastIndex(path, ".")])
		if v.Index != 0 {
			break
		}
		path = path[:strings.LastIndex(path, ".")]
	}
	member := ""
	for _, k := range strings.Split(path, ".") {
		member = joinKey(member, k)
	}
	p.failAt(v.Index, member, msg)
}

// decodeError reports what encoding/json found wrong.
func (p *fileParser) decodeError(err error) {
	msg := strings.TrimPrefix(err.Error(), "json: ")
	se, _ := err.(*json.SyntaxError)
	te, _ := err.(*json.UnmarshalTypeError)
	t, isTrailing := err.(trailing)
	switch {
	case se != nil:
		p.failAt(int(se.Offset)-1, "", "not JSON: "+msg)
	case te != nil && te.Offset > 0: // Offset is the value's end
		start := strings.LastIndexAny(p.src[:te.Offset-1], ":[,") + 1
		start += len(p.src[start:te.Offset]) - len(strings.TrimLeft(p.src[start:te.Offset], " \t\r\n"))
		p.failAt(start, te.Field, "must be "+kindName(te.Type.Kind().String())+", not "+te.Value)
	case te != nil:
		p.fail(te.Field, "must be "+te.Value)
	case err == io.ErrUnexpectedEOF:
		p.failAt(len(p.src), "", "the file ends before its JSON does")
	case isTrailing:
		p.failAt(len(p.src)-len(strings.TrimLeft(p.src[t:], " \t\r\n")), "", t.Error())
	case strings.HasPrefix(msg, "unknown field "):
		name := strings.TrimPrefix(msg, "unknown field ")
		p.failAt(max(strings.Index(p.src, name+":"), strings.Index(p.src, name)), strings.Trim(name, `"`), "unknown member (README.md lists a dialect file's members)")
	default:
		p.failAt(0, "", msg)
	}
}

// kindName names a kind of Go value a file's members decode into.
func kindName(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "int", "ptr":
		return "a whole number"
	case "bool":
		return "true or false"
	case "slice":
		return "a list"
	case "struct", "map":
		return "an object"
	}
	return kind
}

// kinds are the values a rule's "is" takes; a status is an HTTP status, as a
// number or a string of three digits.
var kinds = []string{"string", "number", "boolean", "object", "array", "null", "status"}

// check reports what the file's JSON shape allows but its meaning does not.
func (p *fileParser) check(f *dialectFile) {
	for _, c := range []struct {
		ok         bool
		path, what string
	}{
		{f.Errlens == FileFormat, "errlens", `must be "` + FileFormat + `", the format this errlens reads`},
		{validID(f.ID), "id", "an id is lower-case letters, digits and dashes, 1 to 40 of them"},
		{f.Name != "", "name", "a dialect needs a name"},
		{f.Spec == "" || strings.HasPrefix(f.Spec, "https://") || strings.HasPrefix(f.Spec, "http://"), "spec", "must be an http(s) URL"},
		{len(f.Detect) > 0, "detect", "a dialect needs detection rules"},
	} {
		if !c.ok {
			p.fail(c.path, c.what)
		}
	}
	points, groups := 0, map[string]int{}
	for i, r := range f.Detect {
		p.checkRule(&r, "detect."+itoa(i), true)
		if r.Group == "" {
			points += r.Points
		} else {
			groups[r.Group] = max(groups[r.Group], r.Points)
		}
	}
	for _, n := range groups {
		points += n
	}
	if len(f.Detect) > 0 && points < minScore {
		p.fail("detect", "its rules give "+itoa(points)+" points at most; a dialect is chosen from "+itoa(minScore))
	}
	for i, g := range f.Retry {
		m := "retry." + itoa(i)
		if btoi(g.Code != "")+btoi(g.Type != "")+btoi(g.Status != 0) != 1 {
			p.fail(m, `needs exactly one of "code", "type" and "status"`)
		}
		if g.Status != 0 && (g.Status < 100 || g.Status > 599) {
			p.fail(m+".status", "must be an HTTP status, 100 to 599")
		}
		if !oneOf(g.Then, Thens) {
			p.fail(m+".then", "must be one of "+strings.Join(Thens, ", "))
		}
		if g.Reason == "" {
			p.fail(m+".reason", "say why, in the words a user reads")
		}
	}
}

// checkRule checks a rule, or (scored false) a condition of "all" or "any".
func (p *fileParser) checkRule(r *rule, m string, scored bool) {
	tests := r.Is != "" || r.Equals != nil || r.Prefix != "" || r.Contains != "" || r.Matches != "" || r.Count != nil
	if _, err := regexp.Compile(r.Matches); err != nil {
		p.fail(m+".matches", "not a regular expression: "+strings.TrimPrefix(err.Error(), "error parsing regexp: "))
	}
	conds := r.All != nil || r.Any != nil
	for _, c := range []struct {
		bad        bool
		path, what string
	}{
		{btoi(r.Path != nil)+btoi(r.Header != "")+btoi(r.All != nil)+btoi(r.Any != nil) != 1, m, `needs one of "path" (a body member), "header", "all" or "any" (lists of conditions)`},
		{conds && (tests || r.Not || r.Absent), m, `"all" and "any" take no other test`},
		{conds && !scored, m, `conditions do not nest`},
		{r.Header != "" && (r.Is != "" || r.Count != nil), m, `"is" and "count" test body members, not headers`},
		{r.Absent && (r.Not || tests), m, `"absent" takes no other test`},
		{r.Not && !tests, m, `"not" needs a test to invert ("is", "equals", "prefix", "contains", "matches" or "count")`},
		{r.Is != "" && !oneOf(r.Is, kinds), m + ".is", "must be one of " + strings.Join(kinds, ", ")},
		{r.Points < 0 || r.Points > 100, m + ".points", "must be 0 to 100"},
		{r.Count != nil && *r.Count < 0, m + ".count", "must not be negative"},
		{scored && !r.Require && r.Points == 0, m, "gives no points and is not required: it changes nothing"},
		{!scored && (r.Require || r.Points != 0 || r.Group != "" || r.Evidence != ""), m, "a condition takes no points, require, group or evidence"},
	} {
		if c.bad {
			p.fail(c.path, c.what)
			return
		}
	}
	for i := range r.All {
		p.checkRule(&r.All[i], m+".all."+itoa(i), false)
	}
	for i := range r.Any {
		p.checkRule(&r.Any[i], m+".any."+itoa(i), false)
	}
}

// evidence is what a rule that held says, value being what it tested: the
// file's words, else "has error.code".
func (r *rule) evidence(value string) string {
	switch {
	case r.Evidence != "":
		return strings.ReplaceAll(r.Evidence, "{value}", value)
	case r.Header != "":
		return "header " + r.Header + ": " + value
	case r.Path != nil && (r.Equals != nil || r.Prefix != "" || r.Contains != "" || r.Matches != ""):
		return strings.Join(r.Path, " or ") + ": " + value
	case r.Path != nil:
		return "has " + strings.Join(r.Path, " or ")
	}
	return "the body matches"
}

func validID(id string) bool {
	for i := 0; i < len(id); i++ {
		if c := id[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0) {
			return false
		}
	}
	return id != "" && len(id) <= 40
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fileDialect reads a body as a dialect file says.
type fileDialect struct {
	rules []rule
	facts *facts
}

// pathParent is the path, with a trailing dot, of the object holding the
// first of paths: "error." for "error.type", "" for "type".
func pathParent(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	return paths[0][:strings.LastIndexByte(paths[0], '.')+1]
}

// pathHead is a member path's first name, unescaped: "error" of "error.code".
func pathHead(path string) string {
	head, _ := cutPath(path)
	return head
}

// cutPath splits a gjson path at its first unescaped dot.
func cutPath(path string) (head, rest string) {
	if strings.IndexByte(path, '\\') < 0 {
		head, rest, _ = strings.Cut(path, ".")
		return head, rest
	}
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		switch c := path[i]; {
		case c == '\\' && i+1 < len(path):
			i++
			b.WriteByte(path[i])
		case c == '.':
			return b.String(), path[i+1:]
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), ""
}

// at returns the body member at a gjson path; "" is the body itself.
func (d *doc) at(path string) gjson.Result {
	if path == "" {
		return d.root
	}
	head, rest := cutPath(path)
	if !d.root.IsObject() || strings.ContainsAny(head, "#*?|@") {
		return d.root.Get(path)
	}
	v := d.top.get(head)
	if rest == "" || !v.Exists() {
		return v
	}
	return v.Get(rest)
}

// takePath returns the member at path and marks it mapped, opening the
// objects on the way so their other members are reported unmapped.
func (d *doc) takePath(path string) gjson.Result {
	if !d.root.IsObject() {
		return d.root.Get(path)
	}
	o := &d.top
	if path == "" { // the body itself
		for i := range o.m {
			o.m[i].used = true
		}
		return d.root
	}
	for p := path; ; {
		head, rest := cutPath(p)
		if rest == "" {
			return o.take(head)
		}
		if !o.get(head).IsObject() {
			return d.at(path) // through a list: read, not marked
		}
		o, p = d.open(o, head), rest
	}
}

// takeFirst takes the first of paths that holds a value other than skip, and
// those before it.
func (d *doc) takeFirst(paths []string, skip string) (gjson.Result, string) {
	for _, p := range paths {
		if v := d.at(p); v.Exists() {
			if v = d.takePath(p); v.Type != gjson.Null && (skip == "" || text(v) != skip) {
				return v, p
			}
		}
	}
	return gjson.Result{}, ""
}

// match tests the rule; value is the member's or header's text.
func (r *rule) match(d *doc) (value string, ok bool) {
	if r.All != nil || r.Any != nil {
		for i := range r.All {
			if _, ok := r.All[i].match(d); !ok {
				return "", false
			}
		}
		for i := range r.Any {
			if v, ok := r.Any[i].match(d); ok {
				return v, true
			}
		}
		return "", r.Any == nil
	}
	var v gjson.Result
	exists := false
	if r.Header != "" {
		value, exists = d.msg.Headers.Lookup(r.Header)
	} else {
		for _, p := range r.Path {
			if v = d.at(p); v.Exists() {
				break
			}
		}
		exists, value = v.Exists(), text(v)
	}
	if r.Absent || !exists {
		return "", r.Absent && !exists
	}
	n := -1
	if v.IsObject() || v.IsArray() {
		n = 0
		v.ForEach(func(_, _ gjson.Result) bool { n++; return true })
	}
	holds := (r.Is == "" || r.Is == kindOf(v) || r.Is == "status" && status(v) >= 400) && (r.Equals == nil || oneOf(value, r.Equals)) &&
		strings.HasPrefix(value, r.Prefix) && strings.Contains(value, r.Contains) && (r.Count == nil || n == *r.Count) &&
		(r.Matches == "" || r.regexpOf().MatchString(value))
	return value, holds != r.Not
}

func kindOf(v gjson.Result) string {
	switch {
	case v.IsObject():
		return "object"
	case v.IsArray():
		return "array"
	case v.Type == gjson.True || v.Type == gjson.False:
		return "boolean"
	}
	return strings.ToLower(v.Type.String())
}

// detect scores the body: nothing unless every required rule holds.
func (f *fileDialect) detect(d *doc, s *score) {
	ev, points := len(s.ev), s.points[s.dialect]
	var scored []string // the groups that gave points
	for i := range f.rules {
		r := &f.rules[i]
		v, ok := r.match(d)
		switch {
		case !ok && r.Require:
			s.ev, s.points[s.dialect] = s.ev[:ev], points
			return
		case ok && r.Points > 0 && (r.Group == "" || !oneOf(r.Group, scored)):
			s.add(r.Points, r.evidence(v))
			if r.Group != "" {
				scored = append(scored, r.Group)
			}
		}
	}
}

// decode reads the facts where the file says they are.
func (f *fileDialect) decode(d *doc, r *Report) {
	fs := f.facts
	for _, fact := range [...]struct {
		dst   *string
		paths paths
	}{{&r.Type, fs.Type}, {&r.Title, fs.Title}, {&r.Message, fs.Message}, {&r.Detail, fs.Detail},
		{&r.Instance, fs.Instance}, {&r.Timestamp, fs.Timestamp}, {&r.DocURL, fs.DocURL}} {
		v, _ := d.takeFirst(fact.paths, "")
		*fact.dst = text(v)
	}
	code, _ := d.takeFirst(fs.Code, itoa(d.msg.Status)) // a code that only repeats the status is none
	r.Code = text(code)
	if r.Code == "" && codeLike(r.Type) && (strings.Contains(r.Type, "_") || StatusOfCode(r.Type) != 0 && strings.Trim(r.Type, "abcdefghijklmnopqrstuvwxyz") == "") && !d.at(pathParent(fs.Type)+"errors").Exists() {
		r.Code = r.Type // "not_found", "forbidden" name the error; beside a list, the first error's code is the code
	}
	if v, p := d.takeFirst(fs.RequestID, ""); text(v) != "" {
		r.RequestID, r.RequestIDSource = text(v), "body "+p
	}
	if v, _ := d.takeFirst(fs.Status, ""); v.Exists() {
		r.BodyStatus = status(v)
	}
	if v, p := d.takeFirst(fs.Delay, ""); text(v) != "" {
		r.RetryDelay = &Hint{Value: text(v), Source: p}
	}
	if v, p := d.takeFirst(fs.Request, ""); text(v) != "" { // "POST /v1/orders" or a URL
		method, target, ok := strings.Cut(text(v), " ")
		if !ok || !isUpperWord(method) {
			method, target = "", text(v)
		}
		r.Request = Request{Method: method, URL: target, Source: "body " + p}
	}
	for _, p := range fs.Ignore {
		d.takePath(p)
	}
	for _, fa := range f.facts.Fields {
		switch v := d.takePath(fa.At); {
		case v.Type == gjson.String && v.Str != "":
			r.addField(fromDotted(v.Str), v.Str, firstNonEmpty(r.Message, r.Detail), r.Code, v)
		case v.IsObject():
			readFieldMap(r, v, "", "", 0)
		case v.IsArray() && fa.Field == "":
			readItems(r, v, 0)
		case v.IsArray():
			v.ForEach(func(_, e gjson.Result) bool {
				p := text(field(e, fa.Field))
				r.addField(fromDotted(p), p, text(field(e, fa.Message)), text(field(e, fa.Code)), e)
				return true
			})
		}
	}
}

// The built-in dialects defined as data.
var (
	errorcodeEnvelope = &Dialect{ID: "errorcode-envelope", detect: detectNothing, decode: decodeNothing}
	errorObject       = &Dialect{ID: "error-object", detect: detectNothing, decode: decodeNothing}
	flatError         = &Dialect{ID: "flat-error", detect: detectNothing, decode: decodeNothing}
	github            = &Dialect{ID: "github", detect: detectNothing, decode: decodeNothing}
	springBoot        = &Dialect{ID: "spring-boot", detect: detectNothing, decode: decodeNothing}
	twirp             = &Dialect{ID: "twirp", detect: detectNothing, decode: decodeNothing}
	postgrest         = &Dialect{ID: "postgrest", detect: detectNothing, decode: decodeNothing}
	elasticsearch     = &Dialect{ID: "elasticsearch", detect: detectNothing, decode: decodeNothing}
	matrix            = &Dialect{ID: "matrix", detect: detectNothing, decode: decodeNothing}
	telegram          = &Dialect{ID: "telegram", detect: detectNothing, decode: decodeNothing}
	loopback          = &Dialect{ID: "loopback", detect: detectNothing, decode: decodeNothing}
	rails             = &Dialect{ID: "rails", detect: detectNothing, decode: decodeNothing}
	couchDB           = &Dialect{ID: "couchdb", detect: detectNothing, decode: decodeNothing}
	symfony           = &Dialect{ID: "symfony", detect: detectNothing, decode: decodeNothing}
	fhir              = &Dialect{ID: "fhir", detect: detectNothing, decode: decodeNothing}
	goa               = &Dialect{ID: "goa", detect: detectNothing, decode: decodeNothing}
)

func isUpperWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

func oneOf(s string, list []string) bool {
	for _, v := range list {
		if s == v {
			return true
		}
	}
	return false
}
