package dialects

// gRPC's status (https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-HTTP2.md):
// grpc-status, a code number, and grpc-message, percent-encoded, in the
// trailers, or in the headers of a Trailers-Only response, as curl -v shows a
// gRPC or gRPC-Web call.

import (
	"net/url"
	"strconv"
	"strings"
)

var grpcStatus = &Dialect{
	ID:          "grpc",
	Name:        "gRPC status",
	Description: "grpc-status (a code number) and grpc-message in the headers or trailers of a gRPC or gRPC-Web call.",
	Spec:        "https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-HTTP2.md",
	detect:      detectGRPC,
	decode:      decodeGRPC,
}

func detectGRPC(d *doc, s *score) {
	st := d.header("Grpc-Status")
	if st == "" {
		return
	}
	s.add(90, "grpc-status: "+st+", gRPC's status")
	if strings.HasPrefix(d.header("Content-Type"), "application/grpc") {
		s.add(10, "content-type is "+d.header("Content-Type"))
	}
}

func decodeGRPC(d *doc, r *Report) {
	r.Code = strings.TrimSpace(d.header("Grpc-Status")) // the number, as grpc-gateway's
	r.Type = r.Code
	if n, err := strconv.Atoi(r.Code); err == nil {
		r.Type = grpcCodeName(n)
	}
	msg := d.header("Grpc-Message")
	if m, err := url.PathUnescape(msg); err == nil {
		msg = m
	}
	r.Message = msg
}
