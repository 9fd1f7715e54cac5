package dialects

// FastAPI / Pydantic validation errors (https://fastapi.tiangolo.com/tutorial/handling-errors/):
// {"detail": [{loc: ["body", "items", 0, "name"], msg, type, ctx, input, url}]},
// or {"detail": "..."} from an HTTPException.

import (
	"strings"

	"github.com/tidwall/gjson"
)

var fastAPI = &Dialect{
	ID:          "fastapi",
	Name:        "FastAPI / Pydantic",
	Description: "detail list of {loc, msg, type}: Pydantic's validation errors.",
	Spec:        "https://fastapi.tiangolo.com/tutorial/handling-errors/",
	detect:      detectFastAPI,
	anchors:     []string{"detail"},
	decode:      decodeFastAPI,
}

func detectFastAPI(d *doc, s *score) {
	det := d.top.get("detail")
	if det.Exists() && len(d.top.m) == 1 && asgiServer(d) {
		s.add(75, `only "detail", from an ASGI server (`+d.header("Server")+`)`)
	} else if det.IsObject() && len(d.top.m) == 1 {
		s.add(55, `only "detail", holding an object (an HTTPException's dict)`) // DRF's and problem details' detail is a sentence
	}
	e := first(det)
	if !e.IsObject() {
		return
	}
	if field(e, "loc").IsArray() && field(e, "msg").Exists() {
		s.add(80, "detail[0] has loc and msg")
	}
	if field(e, "type").Exists() {
		s.add(15, "detail[0].type")
	}
}

func decodeFastAPI(d *doc, r *Report) {
	d.top.take("detail").ForEach(func(_, e gjson.Result) bool {
		loc := field(e, "loc")
		in := ""
		if l := text(first(loc)); l == "body" || l == "query" || l == "path" || l == "header" || l == "cookie" {
			in = l
		}
		f := fromList(loc)
		if in != "" {
			f = strings.TrimPrefix(strings.TrimPrefix(f, in), ".")
		}
		if strings.HasPrefix(f, "[") {
			f = "" // ["body", 18]: a position in the body (a JSON decode error), no field
		}
		if fe := r.addField(f, loc.Raw, text(field(e, "msg")), text(field(e, "type")), e); fe != nil {
			fe.In = in
		}
		return true
	})
}

// asgiServer reports a response from an ASGI server (uvicorn, hypercorn), which
// is how FastAPI and Starlette answer: their {"detail": ...} is not DRF's.
func asgiServer(d *doc) bool {
	s := asciiLower(d.header("Server"))
	return strings.HasPrefix(s, "uvicorn") || strings.HasPrefix(s, "hypercorn")
}
