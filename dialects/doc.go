package dialects

import (
	"slices"
	"strings"

	"github.com/errlens/errlens/dialects/message"
	"github.com/tidwall/gjson"
)

// maxDepth bounds every walk into nested members, so a hostile body nested
// 100,000 deep costs no more than a flat one.
const maxDepth = 32

// doc is the pasted response as detectors and decoders see it: the message, its
// body's kind, and the body's top-level members read once.
type doc struct {
	msg  *message.Message
	ct   string // media type, lower case
	kind string // json, xml, html, text, binary, empty
	body string // the body, trimmed of surrounding white space
	// tooDeep is the offset in body where JSON nests past maxNesting, or -1.
	tooDeep int
	// comma is 1 + the offset in body of a comma before a closing bracket
	// that was read as if it were not there, or 0.
	comma int
	root  gjson.Result
	top   obj // the root's members when the body is a JSON object
	// inner holds the members of the root's "error" member when it is an
	// object: the wrapper of Stripe, Google, OData and seed 002.
	inner obj
	// err0 holds the members of the first element of the root's "errors"
	// list (JSON:API, GraphQL, GitHub, Dakota), read once for every detector.
	err0 obj
	// opened lists the objects a decoder went into: their members it did not
	// take are reported as unmapped.
	opened    []*obj
	openedBuf [4]*obj
	score     score // the detectors' scores, kept here to save an allocation
}

// obj is a JSON object's members in order, each marked once a decoder takes it.
type obj struct {
	path  string // dotted path from the root, "" for the root
	m     []member
	bloom uint64 // keyBit of every member's key: most absent keys miss here
	// sets has, for each vocabulary (vocabs), a bit for each of its names the
	// object has; indexed says it is filled.
	sets    [len(vocabs)]uint64
	indexed bool
}

// present returns the names of vocabulary id that o has, as bits: bit i for
// vocabs[id][i]. The members are looked up once, in one pass.
func (o *obj) present(id int) uint64 {
	if !o.indexed {
		for i := range o.m {
			if f := lookupFolded(o.m[i].key); f != nil {
				o.m[i].fold = f.name
				for _, r := range f.ranks {
					o.sets[r.vocab] |= 1 << r.rank
				}
			}
		}
		o.indexed = true
	}
	return o.sets[id]
}

// vget returns the member holding name i of vocabulary id in any spelling
// ("ErrorCode" for "error_code"): its key as written and its value. present
// must have said o has it.
func (o *obj) vget(id, i int) (string, gjson.Result) {
	f := vocabFolds[id][i]
	for j := range o.m {
		if o.m[j].fold == f {
			return o.m[j].key, o.m[j].val
		}
	}
	return "", gjson.Result{}
}

// keyBit is a key's bit in obj.bloom.
func keyBit(k string) uint64 {
	if k == "" {
		return 1
	}
	return 1 << ((uint(k[0]) + uint(len(k))*7 + uint(k[len(k)-1])*3) & 63)
}

type member struct {
	key  string
	fold string // the key's folded vocabulary name (see present), or ""
	val  gjson.Result
	used bool
}

// newObj reads the members of r, an object, appending them to buf.
func newObj(path string, r gjson.Result, buf []member) obj {
	o := obj{path: path}
	if !r.IsObject() {
		return o
	}
	o.m = buf
	r.ForEach(func(k, v gjson.Result) bool {
		o.m = append(o.m, member{key: k.Str, val: v})
		o.bloom |= keyBit(k.Str)
		return true
	})
	return o
}

// get returns the member named key, or a zero Result.
func (o *obj) get(key string) gjson.Result {
	if o.bloom&keyBit(key) == 0 {
		return gjson.Result{}
	}
	for i := range o.m {
		if o.m[i].key == key {
			return o.m[i].val
		}
	}
	return gjson.Result{}
}

// used reports whether a decoder has taken the member named key.
func (o *obj) used(key string) bool {
	for i := range o.m {
		if o.m[i].key == key {
			return o.m[i].used
		}
	}
	return false
}

// has reports whether the object has a member named key.
func (o *obj) has(key string) bool { return o.get(key).Exists() }

// take returns the member named key and marks it mapped.
func (o *obj) take(key string) gjson.Result {
	if o.bloom&keyBit(key) == 0 {
		return gjson.Result{}
	}
	for i := range o.m {
		if o.m[i].key == key {
			o.m[i].used = true
			return o.m[i].val
		}
	}
	return gjson.Result{}
}

// str takes a member and returns it as text: strings as they are, numbers and
// booleans as written, objects and arrays as "".
func (o *obj) str(key string) string { return text(o.take(key)) }

// keys counts how many of keys the object has.
func (o *obj) keys(keys ...string) int {
	n := 0
	for _, k := range keys {
		if o.has(k) {
			n++
		}
	}
	return n
}

// text returns a scalar's text: a string's value, a number or literal as written.
func text(r gjson.Result) string {
	switch r.Type {
	case gjson.String:
		return r.Str
	case gjson.Number, gjson.True, gjson.False:
		return r.Raw
	}
	return ""
}

// field returns member key of object r without gjson's path syntax, so keys
// holding dots or starting with @ ("@type", "odata.error") read as written.
func field(r gjson.Result, key string) gjson.Result {
	var out gjson.Result
	if !r.IsObject() {
		return out // not an array's every element
	}
	r.ForEach(func(k, v gjson.Result) bool {
		if k.Str == key {
			out = v
			return false
		}
		return true
	})
	return out
}

// first returns an array's first element.
func first(arr gjson.Result) gjson.Result {
	var out gjson.Result
	if arr.IsArray() {
		arr.ForEach(func(_, v gjson.Result) bool {
			out = v
			return false
		})
	}
	return out
}

// status reads an HTTP status from a number or a numeric string ("422", as
// JSON:API and GitHub write it); 0 when it is neither or out of range.
func status(r gjson.Result) int {
	s := text(r)
	if len(s) != 3 {
		return 0
	}
	n := 0
	for i := 0; i < 3; i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	if n < 100 || n > 599 || n < 400 && reasons[n] == "" { // Tencent's "status": 311 is its own code
		return 0
	}
	return n
}

// open marks parent's member key mapped and returns the members of its value
// (an object) for a decoder to take from; what it leaves is reported unmapped.
// Opening the same member twice returns the same members.
func (d *doc) open(parent *obj, key string) *obj {
	v := parent.take(key)
	path := joinKey(parent.path, key)
	for _, o := range d.opened {
		if o.path == path {
			return o
		}
	}
	if parent == &d.top && key == "error" && d.inner.m != nil {
		d.opened = append(d.opened, &d.inner)
		return &d.inner
	}
	o := newObj(path, v, nil)
	d.opened = append(d.opened, &o)
	return &o
}

// untouched returns the object at path a decoder went into and took nothing
// from, or nil.
func (d *doc) untouched(path string) *obj {
	for _, o := range d.opened {
		if o.path == path && !slices.ContainsFunc(o.m, func(m member) bool { return m.used }) {
			return o
		}
	}
	return nil
}

// openFirst is open for the first element of parent's list member key.
func (d *doc) openFirst(parent *obj, key string) *obj {
	o := newObj(joinKey(parent.path, key)+"[0]", first(parent.take(key)), nil)
	d.opened = append(d.opened, &o)
	return &o
}

// header returns a response header's value.
func (d *doc) header(name string) string { return d.msg.Headers.Get(name) }

// hasHeader reports whether the response has a header named name.
func (d *doc) hasHeader(name string) bool {
	_, ok := d.msg.Headers.Lookup(name)
	return ok
}

// isJSONType reports whether the media type is JSON or a +json suffix type.
func isJSONType(ct string) bool {
	return ct == "application/json" || strings.HasSuffix(ct, "+json") || ct == "text/json"
}

// asciiLower lowers ASCII letters only, so offsets in the result are offsets in
// s (strings.ToLower rewrites invalid UTF-8 and changes lengths).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
