package dialects

// tRPC's error body (https://trpc.io/docs/server/error-handling): {"error":
// {"message", "code": -32600, "data": {"code": "BAD_REQUEST", "httpStatus",
// "path", "zodError"}}}, under "json" when the superjson transformer is on, and
// a list of them for a batch. The code is data.code; a Zod error's issues in
// the message (JSON text) are the field errors.

import "github.com/tidwall/gjson"

var trpc = &Dialect{
	ID:          "trpc",
	Name:        "tRPC",
	Description: "error with message, a JSON-RPC code, and data.code (BAD_REQUEST...), httpStatus and path.",
	Spec:        "https://trpc.io/docs/server/error-handling",
	detect:      detectTRPC,
	decode:      decodeTRPC,
}

// trpcError returns the error of a tRPC body: the first failed call of a batch, under
// "json" when the transformer wrapped it.
func trpcError(d *doc) gjson.Result {
	if !d.root.IsArray() {
		e := d.top.get("error")
		if j := field(e, "json"); j.IsObject() {
			return j
		}
		return e
	}
	root := d.root
	root.ForEach(func(_, call gjson.Result) bool {
		root = call
		return !field(call, "error").Exists()
	})
	e := field(root, "error")
	if j := field(e, "json"); j.IsObject() {
		e = j
	}
	return e
}

func detectTRPC(d *doc, s *score) {
	if !d.root.IsArray() && !d.top.has("error") {
		return
	}
	e := trpcError(d)
	data := field(e, "data")
	if !data.IsObject() || !field(e, "message").Exists() || d.top.has("jsonrpc") {
		return // JSON-RPC 2.0 itself says "jsonrpc"; tRPC does not
	}
	if c := field(e, "code"); c.Type == gjson.Number && c.Int() <= -32000 {
		s.add(50, "error.code is a JSON-RPC code, "+c.Raw)
	}
	if field(data, "httpStatus").Exists() && field(data, "code").Exists() {
		s.add(45, "error.data has code and httpStatus")
	}
}

func decodeTRPC(d *doc, r *Report) {
	e := trpcError(d)
	data := field(e, "data")
	r.Code, r.Message = text(field(data, "code")), text(field(e, "message"))
	r.BodyStatus = status(field(data, "httpStatus"))
	if !d.root.IsArray() {
		o := d.open(&d.top, "error") // what is left of it is reported unmapped
		o.take("message")
		o.take("code")
	}
	if issues := gjson.Parse(r.Message); len(r.Message) > 1 && r.Message[0] == '[' && issues.IsArray() {
		readItems(r, issues, 0)
		unlocate(r.FieldErrors)
		if len(r.FieldErrors) > 0 {
			r.Message = r.FieldErrors[0].Message
		}
	}
}
