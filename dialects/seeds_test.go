package dialects

import (
	"os"
	"slices"
	"testing"

	"github.com/errlens/errlens/dialects/message"
)

// TestSeeds pins, by hand, what each example of the five seed documents says:
// the product started from them, so every member they document must land in
// its place in the report.
func TestSeeds(t *testing.T) {
	for _, tt := range seedCases {
		t.Run(tt.file, func(t *testing.T) {
			r, err := Inspect(seedInput(t, tt.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if r.Dialect != tt.dialect || r.Type != tt.typ {
				t.Errorf("got %s type=%q", r.Dialect, r.Type)
			}
			tt.check(t, r)
			var members []string
			for _, m := range r.Members {
				members = append(members, m.Path)
			}
			if !slices.Equal(members, tt.members) {
				t.Errorf("unmapped members = %q, want %q", members, tt.members)
			}
		})
	}
}

// TestDraftSeeds: a dialect drafted from each seed example reads that
// example fully right (status, code, message, field errors, errors of no
// field, request id), under the draft's name.
func TestDraftSeeds(t *testing.T) {
	for _, tt := range seedCases {
		t.Run(tt.file, func(t *testing.T) {
			in := seedInput(t, tt.file)
			msg, err := message.Parse(in, message.Options{})
			if err != nil {
				t.Fatal(err)
			}
			file, err := Draft(msg, "acme", "Acme API")
			if err != nil {
				t.Fatal(err)
			}
			d, err := ParseDialect(file)
			if err != nil {
				t.Fatalf("the draft does not load: %v\n%s", err, file)
			}
			r, _ := Inspect(in, Options{Dialects: []*Dialect{d}})
			if r.Dialect != "acme" {
				t.Errorf("read as %s, not as the draft:\n%s", r.Dialect, file)
			}
			tt.check(t, r)
			if t.Failed() {
				t.Logf("draft:\n%s", file)
			}
		})
	}
}

func seedInput(t *testing.T, file string) string {
	in, err := os.ReadFile("testdata/" + file + ".http")
	if err != nil {
		t.Fatal(err)
	}
	return string(in)
}

// seedCase is what a seed example says, pinned by hand.
type seedCase struct {
	file           string
	dialect        string
	status         int
	typ, code, msg string
	fields         []string
	issues         int
	requestID      string
	members        []string
}

// check compares what any dialect must read right: status, code, message,
// field errors, errors of no field and request id.
func (tt seedCase) check(t *testing.T, r *Report) {
	t.Helper()
	if r.Status != tt.status || r.Code != tt.code || tt.msg != "" && r.Message != tt.msg {
		t.Errorf("got %d code=%q message=%q", r.Status, r.Code, r.Message)
	}
	var fields []string
	for _, f := range r.FieldErrors {
		fields = append(fields, f.Field)
		if f.Message == "" {
			t.Errorf("field %s has no message", f.Field)
		}
	}
	if !slices.Equal(fields, tt.fields) {
		t.Errorf("fields = %q, want %q", fields, tt.fields)
	}
	if len(r.Errors) != tt.issues {
		t.Errorf("errors = %v, want %d", r.Errors, tt.issues)
	}
	if tt.requestID != "" && r.RequestID != tt.requestID {
		t.Errorf("request id = %q, want %q", r.RequestID, tt.requestID)
	}
}

var seedCases = []seedCase{
	{file: "drf/seed-000-01-fields.gallery", dialect: "drf", fields: []string{"blockchain"}, issues: 1},
	{file: "drf/seed-000-02-detail", dialect: "drf", msg: "Authentication credentials were not provided."},
	{file: "errorcode-envelope/seed-001-invalid-address", dialect: "errorcode-envelope", status: 400, code: "BR-1", msg: "Invalid address provided"},
	{file: "errorcode-envelope/seed-001-upstream-curl.gallery", dialect: "errorcode-envelope", status: 503, code: "HAC-1", msg: "Upstream blockchain provider exception"},
	{file: "error-object/seed-002-01-validation-error", dialect: "error-object", status: 400, typ: "validation_error", code: "transaction_does_not_balance",
		msg: "Transaction does not balance", members: []string{"error.details.total_debits", "error.details.total_credits", "error.details.difference"}},
	{file: "error-object/seed-002-02-authentication-error", dialect: "error-object", status: 401, typ: "authentication_error", code: "invalid_api_key", msg: "The provided API key is invalid or expired"},
	{file: "error-object/seed-002-03-validation-error.gallery", dialect: "error-object", status: 400, typ: "validation_error", code: "invalid_request",
		msg: "Request validation failed", fields: []string{"entries", "entries[0].amount"}},
	{file: "error-object/seed-002-04-business-rule-error", dialect: "error-object", status: 422, typ: "business_rule_error", code: "transaction_does_not_balance",
		msg: "Transaction does not balance", members: []string{"error.details.total_debits", "error.details.total_credits", "error.details.difference"}},
	{file: "error-object/seed-002-05-rate-limit-error", dialect: "error-object", status: 429, typ: "rate_limit_error", code: "rate_limit_exceeded", msg: "API rate limit exceeded. Try again later."},
	{file: "problem-details/seed-003-02-validation-error.gallery", dialect: "problem-details", status: 400, typ: "validation-error",
		fields: []string{"bank_account.routing_number", "email"}, requestID: "req_8d4b2e1f"},
	{file: "problem-details/seed-003-03-validation-error", dialect: "problem-details", status: 400, typ: "validation-error", fields: []string{"capabilities"}, requestID: "req_abc123"},
	{file: "problem-details/seed-003-14-compliance-blocked", dialect: "problem-details", status: 422, typ: "compliance-blocked", requestID: "req_hij456"},
	{file: "problem-details/seed-003-rate-limited-curl", dialect: "problem-details", status: 429, typ: "rate-limited", requestID: "req_klm789"},
	{file: "flat-error/seed-004-validation.gallery", dialect: "flat-error", status: 422, typ: "validation_error", code: "amount_too_small",
		msg: "Amount must be at least 50 cents.", fields: []string{"amount"}, requestID: "req_9bX2kq1LmN"},
	{file: "flat-error/seed-004-idempotency", dialect: "flat-error", status: 409, typ: "idempotency_error", code: "idempotency_key_reused", requestID: "req_3Hf8sPq0Zt"},
}
