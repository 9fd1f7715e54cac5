package dialects

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// bench1KB is a typical 1 KB error body: a problem+json validation error, as
// pasted alone. BenchmarkBaselineJSON decodes the same bytes.
const bench1KB = `{
  "type": "https://api.example.com/problems/validation-error",
  "title": "Validation Error",
  "status": 422,
  "detail": "Four fields failed validation.",
  "instance": "/customers/cst_2abc123/accounts",
  "request_id": "req_8d4b2e1f",
  "errors": [
    {"field": "bank_account.routing_number", "message": "Routing number must be exactly 9 digits", "code": "invalid_format"},
    {"field": "bank_account.account_number", "message": "Account number must be between 4 and 17 digits", "code": "invalid_length"},
    {"field": "owners[0].email", "message": "Invalid email address format", "code": "invalid_format"},
    {"field": "owners[1].date_of_birth", "message": "Date of birth must be in the past", "code": "out_of_range"},
    {"field": "owners[1].address.postal_code", "message": "Postal code does not match the country", "code": "invalid_value"}
  ],
  "documentation": "https://docs.example.com/errors/validation-error",
  "support": "Include the request_id when contacting support or open a ticket."
}`

// bench1MB is a large paste: the same response with 5,000 field errors.
var bench1MB = func() string {
	var b strings.Builder
	b.WriteString("HTTP/1.1 400 Bad Request\ncontent-type: application/problem+json\n\n")
	b.WriteString(`{"type": "https://api.example.com/problems/validation-error", "title": "Validation Error", "status": 400, "errors": [`)
	for i := 0; b.Len() < 1<<20-300; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"field": "rows[%d].amount", "message": "Amount must be a positive number with at most two decimals, got a negative value", "code": "invalid_amount"}`, i)
	}
	b.WriteString("]}")
	return b.String()
}()

func BenchmarkInspect(b *testing.B) {
	for _, c := range []struct{ name, in string }{{"1KB", bench1KB}, {"1MB", bench1MB}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(c.in)))
			for b.Loop() {
				if _, err := Inspect(c.in, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBaselineJSON is what merely decoding the 1 KB body with
// encoding/json into a map costs, the yardstick for BenchmarkInspect/1KB.
func BenchmarkBaselineJSON(b *testing.B) {
	b.Run("1KB", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(bench1KB)))
		for b.Loop() {
			var m map[string]any
			if err := json.Unmarshal([]byte(bench1KB), &m); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestBenchInputs(t *testing.T) {
	r := inspect(t, bench1KB)
	if r.Dialect != "problem-details" || len(r.FieldErrors) != 5 || len(bench1KB) < 1000 || len(bench1KB) > 1024 {
		t.Errorf("1KB input: %s, %d fields, %d bytes", r.Dialect, len(r.FieldErrors), len(bench1KB))
	}
	r = inspect(t, bench1MB)
	if r.Dialect != "problem-details" || len(r.FieldErrors) < 5000 || len(bench1MB) < 1<<20-400 {
		t.Errorf("1MB input: %s, %d fields, %d bytes", r.Dialect, len(r.FieldErrors), len(bench1MB))
	}
}
