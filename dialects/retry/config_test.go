package retry

import (
	"strings"
	"testing"
)

// TestConfigFor: every library profile has a configuration to copy, written
// from its documented options, which says what it cannot express.
func TestConfigFor(t *testing.T) {
	for _, p := range Profiles() {
		c, ok := ConfigFor(p.Name, p.Params)
		if p.Name == "seeds" || p.Name == "recommended" {
			if ok {
				t.Errorf("%s is no library, but has a config", p.Name)
			}
			continue
		}
		if !ok || c.Options == "" || !strings.Contains(c.Code, c.Options) || strings.Contains(c.Code, "OPTIONS") || c.Lang == "" {
			t.Errorf("%s: %+v", p.Name, c)
		}
		if c.Note != "" {
			t.Errorf("%s: its own defaults need a note: %s", p.Name, c.Note)
		}
	}
	for _, tt := range []struct {
		profile string
		edit    func(*Params)
		options string // the expected options, from each library's documentation
		note    string
	}{
		{"got", func(p *Params) {}, "{retry: {limit: 2}}", ""},
		{"got", func(p *Params) { p.Attempts = 0 }, "{retry: {limit: Infinity}}", ""},
		{"ky", func(p *Params) { p.Attempts, p.CapMs = 4, 5000 }, "{retry: {limit: 3, backoffLimit: 5000}}", ""},
		{"ky", func(p *Params) { p.Jitter = "equal" }, "{retry: {limit: 2}}", "equal jitter"},
		{"urllib3", func(p *Params) { p.Attempts, p.BaseMs = 6, 500 }, "Retry(total=5, backoff_factor=0.5)", ""},
		{"urllib3", func(p *Params) { p.Jitter = "full" }, "Retry(total=3, backoff_factor=0)", "full jitter"},
		{"tenacity", func(p *Params) { p.BaseMs, p.CapMs, p.Attempts = 1000, 10000, 4 }, "dict(wait=wait_exponential(multiplier=1, exp_base=2, max=10), stop=stop_after_attempt(4))", ""},
		{"tenacity", func(p *Params) {}, "dict(wait=wait_none())", ""},
		{"openai-node", func(p *Params) { p.BaseMs = 100 }, "{maxRetries: 2}", "only the retry count"},
		{"grpc", func(p *Params) {}, `{"methodConfig": [{"name": [{}], "retryPolicy": {"maxAttempts": 4, "initialBackoff": "0.1s", "maxBackoff": "1s", "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]}}]}`, ""},
	} {
		p := ProfileNamed(tt.profile).Params
		tt.edit(&p)
		c, _ := ConfigFor(tt.profile, p)
		if c.Options != tt.options || !strings.Contains(c.Note, tt.note) || (tt.note == "") != (c.Note == "") {
			t.Errorf("%s %+v:\n got %q (note %q)\nwant %q (note %q)", tt.profile, p, c.Options, c.Note, tt.options, tt.note)
		}
	}
}
