package retry

import (
	"strconv"
	"strings"
)

// Config is the configuration that makes a library retry as a timeline's
// parameters say: code to copy. Options is the value the library takes (its
// options object, its Retry, its service config) and Code a snippet that uses
// it; Note says what the library cannot be told.
type Config struct {
	Lang    string `json:"lang"` // js, python, go, json, yaml or csharp
	Options string `json:"options"`
	Code    string `json:"code"`
	Note    string `json:"note,omitempty"`
}

// ConfigFor writes the configuration of the profile's library for params;
// false for a profile without a library (seeds, recommended).
func ConfigFor(profile string, p Params) (Config, bool) {
	for _, lc := range configs {
		if lc.lib == profile {
			c := lc.config(p)
			c.Code = strings.Replace(c.Code, "OPTIONS", c.Options, 1)
			return c, true
		}
	}
	return Config{}, false
}

// retries is the retry count that params' attempts allow, or "" for none.
func retriesOf(p Params) string {
	if p.Attempts <= 0 {
		return ""
	}
	return strconv.Itoa(p.Attempts - 1)
}

// num writes a number as code: 1000, 0.5, 1e+21.
func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// jsFormula is params' delay before retry n (named n) as a JavaScript
// expression, jitter included, or "" and what it lacks.
func jsFormula(p Params, n string) (string, string) {
	raw := num(p.BaseMs) + " * " + num(p.Multiplier) + " ** (" + n + " - 1)"
	switch p.Growth {
	case "quadratic":
		raw = num(p.BaseMs) + " * " + n + " ** 2"
	case "exponential", "":
	default:
		return "", "the " + p.Growth + " growth"
	}
	if p.CapMs > 0 {
		raw = "Math.min(" + raw + ", " + num(p.CapMs) + ")"
	}
	switch p.Jitter {
	case "none", "":
	case "full":
		raw = "Math.random() * " + raw
	case "equal":
		raw = "(0.5 + Math.random() / 2) * " + raw
	case "proportional":
		raw = "(" + num(p.JitterLo) + " + Math.random() * " + num(p.JitterHi-p.JitterLo) + ") * " + raw
	case "additive":
		raw += " + Math.random() * " + num(p.JitterHi)
	default:
		return "", p.Jitter + " jitter"
	}
	if p.MinMs > 0 {
		raw = "Math.max(" + raw + ", " + num(p.MinMs) + ")"
	}
	if p.FirstZero {
		raw = "(" + n + " === 1 ? 0 : " + raw + ")"
	}
	return raw, ""
}

func note(lib string, lacks ...string) string {
	var l []string
	for _, s := range lacks {
		if s != "" {
			l = append(l, s)
		}
	}
	if len(l) == 0 {
		return ""
	}
	return lib + " cannot be told " + strings.Join(l, ", ") + "; the timeline shows what errlens computes."
}

// configs write each library's configuration: a list, not a map, so that it
// is data rather than code run at start.
var configs = [...]struct {
	lib    string
	config func(Params) Config
}{
	{"got", func(p Params) Config {
		limit := retriesOf(p)
		if limit == "" {
			limit = "Infinity"
		}
		o := "{retry: {limit: " + limit
		formula, lacks := jsFormula(p, "attemptCount")
		if p.BaseMs != 1000 || p.Multiplier != 2 || p.CapMs != 0 || p.Jitter != "additive" || p.JitterHi != 100 || p.MinMs != 0 {
			// computedValue is got's own answer: 0 when it would not retry;
			// a delay of 0 would stop it too, so 1 ms is the least.
			o += ", calculateDelay: ({attemptCount, retryAfter, computedValue}) => computedValue === 0 ? 0 : retryAfter ?? Math.max(" + formula + ", 1)"
		}
		if p.RetryAfterCapMs > 0 {
			o += ", maxRetryAfter: " + num(p.RetryAfterCapMs)
		}
		return Config{Lang: "js", Options: o + "}}", Code: "import got from 'got';\n\nconst client = got.extend(OPTIONS);\nconst body = await client.get(url).json();",
			Note: note("got", lacks, cond(p.RetryAfter != "replace", "to ignore Retry-After or use it as a floor"))}
	}},
	{"ky", func(p Params) Config {
		limit := retriesOf(p)
		if limit == "" {
			limit = "Infinity"
		}
		o := "{retry: {limit: " + limit
		q := p
		q.Jitter, q.CapMs = "none", 0
		formula, lacks := jsFormula(q, "attemptCount")
		if p.BaseMs != 300 || p.Multiplier != 2 || p.Growth != "exponential" || p.MinMs != 0 || p.FirstZero {
			o += ", delay: attemptCount => " + formula
		}
		if p.Jitter == "full" {
			o += ", jitter: true"
		}
		if p.CapMs > 0 {
			o += ", backoffLimit: " + num(p.CapMs)
		}
		if p.RetryAfterCapMs > 0 {
			o += ", maxRetryAfter: " + num(p.RetryAfterCapMs)
		}
		return Config{Lang: "js", Options: o + "}}", Code: "import ky from 'ky';\n\nconst api = ky.extend(OPTIONS);\nconst body = await api.get(url).json();",
			Note: note("ky", lacks, cond(p.Jitter != "full" && p.Jitter != "none", p.Jitter+" jitter"), cond(p.RetryAfter != "replace", "to ignore Retry-After or use it as a floor"))}
	}},
	{"openai-node", func(p Params) Config {
		r := retriesOf(p)
		def := ProfileNamed("openai-node").Params
		return Config{Lang: "js", Options: "{maxRetries: " + or(r, "Number.MAX_SAFE_INTEGER") + "}", Code: "import OpenAI from 'openai';\n\nconst client = new OpenAI(OPTIONS);",
			Note: note("openai-node", cond(r == "", "to retry without limit"), timingOf(p, def))}
	}},
	{"stripe", func(p Params) Config {
		r := retriesOf(p)
		def := ProfileNamed("stripe").Params
		return Config{Lang: "js", Options: "{maxNetworkRetries: " + or(r, "Number.MAX_SAFE_INTEGER") + "}", Code: "import Stripe from 'stripe';\n\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY, OPTIONS);",
			Note: note("stripe-node", cond(r == "", "to retry without limit"), timingOf(p, def))}
	}},
	{"octokit", func(p Params) Config {
		r := retriesOf(p)
		q := p
		q.BaseMs = ProfileNamed("octokit").Params.BaseMs
		return Config{Lang: "js", Options: "{retry: {retries: " + or(r, "Number.MAX_SAFE_INTEGER") + ", retryAfterBaseValue: " + num(p.BaseMs) + "}}",
			Code: "import {Octokit} from '@octokit/core';\nimport {retry} from '@octokit/plugin-retry';\n\nconst MyOctokit = Octokit.plugin(retry);\nconst octokit = new MyOctokit({auth: process.env.GITHUB_TOKEN, ...OPTIONS});",
			Note: note("@octokit/plugin-retry", cond(r == "", "to retry without limit"), timingOf(q, ProfileNamed("octokit").Params))}
	}},
	{"urllib3", func(p Params) Config {
		o := "Retry(total=" + or(retriesOf(p), "None") + ", backoff_factor=" + num(p.BaseMs/1000)
		if p.CapMs != 120000 && p.CapMs > 0 {
			o += ", backoff_max=" + num(p.CapMs/1000) // urllib3 2.x
		}
		lacks := ""
		switch p.Jitter {
		case "additive":
			o += ", backoff_jitter=" + num(p.JitterHi/1000) // urllib3 2.x
		case "none", "":
		default:
			lacks = p.Jitter + " jitter"
		}
		if p.RetryAfter == "ignore" {
			o += ", respect_retry_after_header=False"
		}
		return Config{Lang: "python", Options: o + ")", Code: "import urllib3\nfrom urllib3.util import Retry\n\nhttp = urllib3.PoolManager(retries=OPTIONS)\nresp = http.request(\"GET\", url)",
			Note: note("urllib3", lacks, cond(p.Multiplier != 2 || p.Growth != "exponential", "another growth than doubling"), cond(!p.FirstZero, "to wait before the first retry"),
				cond(p.RetryAfter == "floor", "to use Retry-After as a floor"))}
	}},
	{"tenacity", func(p Params) Config {
		wait, lacks := "wait_exponential", ""
		switch p.Jitter {
		case "full":
			wait = "wait_random_exponential"
		case "none", "":
		default:
			lacks = p.Jitter + " jitter"
		}
		w := wait + "(multiplier=" + num(p.BaseMs/1000) + ", exp_base=" + num(p.Multiplier)
		if p.CapMs > 0 {
			w += ", max=" + num(p.CapMs/1000)
		}
		w += ")"
		if p.BaseMs == 0 {
			w = "wait_none()"
		}
		o := "dict(wait=" + w
		if p.Attempts > 0 {
			o += ", stop=stop_after_attempt(" + strconv.Itoa(p.Attempts) + ")"
		}
		return Config{Lang: "python", Options: o + ")", Code: "from tenacity import retry, stop_after_attempt, wait_exponential, wait_none, wait_random_exponential\n\nretry_options = OPTIONS\n\n@retry(**retry_options)\ndef call():\n    ...",
			Note: note("tenacity", lacks, cond(p.Growth != "exponential", "the "+p.Growth+" growth"), cond(p.RetryAfter != "ignore", "to read Retry-After (write a wait function for it)"))}
	}},
	{"go-retryablehttp", func(p Params) Config {
		o := "client := retryablehttp.NewClient()\nclient.RetryMax = " + or(retriesOf(p), "math.MaxInt") + "\nclient.RetryWaitMin = " + goDur(p.BaseMs) + "\nclient.RetryWaitMax = " + goDur(p.CapMs)
		return Config{Lang: "go", Options: o, Code: "import \"github.com/hashicorp/go-retryablehttp\"\n\nOPTIONS\nresp, err := client.Get(url)",
			Note: note("go-retryablehttp's DefaultBackoff", cond(p.Multiplier != 2, "another growth than doubling"), cond(p.Jitter != "none", "jitter (LinearJitterBackoff is another formula)"))}
	}},
	{"cenkalti-backoff-v4", cenkalti}, {"cenkalti-backoff-v5", cenkalti},
	{"aws-standard", func(p Params) Config {
		o := "retry.NewStandard(func(o *retry.StandardOptions) {\n\to.MaxAttempts = " + strconv.Itoa(p.Attempts) + "\n\to.MaxBackoff = " + goDur(p.CapMs) + "\n})"
		return Config{Lang: "go", Options: o, Code: "cfg, err := config.LoadDefaultConfig(ctx, config.WithRetryer(func() aws.Retryer {\n\treturn OPTIONS\n}))",
			Note: note("the standard retryer", cond(p.BaseMs != 2000 || p.Multiplier != 2, "another base or growth"))}
	}},
	{"grpc", func(p Params) Config {
		o := `{"methodConfig": [{"name": [{}], "retryPolicy": {"maxAttempts": ` + strconv.Itoa(p.Attempts) + `, "initialBackoff": "` + num(p.BaseMs/1000) + `s", "maxBackoff": "` + num(p.CapMs/1000) + `s", "backoffMultiplier": ` + num(p.Multiplier) + `, "retryableStatusCodes": ["UNAVAILABLE"]}}]}`
		return Config{Lang: "json", Options: o, Code: "// Go: grpc.NewClient(target, grpc.WithDefaultServiceConfig(`OPTIONS`))",
			Note: note("gRPC", cond(p.Jitter != "proportional" || p.JitterLo != 0.8 || p.JitterHi != 1.2, "another jitter than ±20%"))}
	}},
	{"google-api-core", func(p Params) Config {
		o := "Retry(initial=" + num(p.BaseMs/1000) + ", maximum=" + num(p.CapMs/1000) + ", multiplier=" + num(p.Multiplier) + ", timeout=" + num(p.BudgetMs/1000) + ")"
		return Config{Lang: "python", Options: o, Code: "from google.api_core.retry import Retry\n\nresponse = client.get_thing(request, retry=OPTIONS)",
			Note: note("api-core's Retry", cond(p.Jitter != "full", "another jitter than full"))}
	}},
	{"polly", func(p Params) Config {
		o := "new HttpRetryStrategyOptions\n{\n    MaxRetryAttempts = " + or(retriesOf(p), "int.MaxValue") + ",\n    Delay = TimeSpan.FromMilliseconds(" + num(p.BaseMs) + "),\n    BackoffType = DelayBackoffType.Exponential,\n    UseJitter = true,\n}"
		return Config{Lang: "csharp", Options: o, Code: "builder.Services.AddHttpClient(\"api\").AddResilienceHandler(\"retry\", b => b.AddRetry(OPTIONS));"}
	}},
	{"envoy", func(p Params) Config {
		o := "retry_policy:\n  retry_on: 5xx,retriable-4xx\n  num_retries: " + retriesOf(p) + "\n  retry_back_off:\n    base_interval: " + num(p.BaseMs/1000) + "s\n    max_interval: " + num(p.CapMs/1000) + "s"
		return Config{Lang: "yaml", Options: o, Code: "# in a route of the route configuration\nOPTIONS"}
	}},
}

// cenkalti is cenkalti/backoff's ExponentialBackOff.
func cenkalti(p Params) Config {
	o := "b := backoff.NewExponentialBackOff()\nb.InitialInterval = " + goDur(p.BaseMs) + "\nb.Multiplier = " + num(p.Multiplier) + "\nb.MaxInterval = " + goDur(p.CapMs) + "\nb.RandomizationFactor = " + num(p.JitterHi-1)
	if p.BudgetMs > 0 {
		o += "\nb.MaxElapsedTime = " + goDur(p.BudgetMs) // v4; v5: backoff.WithMaxElapsedTime
	}
	return Config{Lang: "go", Options: o, Code: "OPTIONS\nerr := backoff.Retry(operation, b)",
		Note: note("ExponentialBackOff", cond(p.Jitter != "proportional" || p.JitterLo+p.JitterHi != 2, "another jitter than ±RandomizationFactor"))}
}

// timingOf says which timing parameters differ from a library's fixed ones.
func timingOf(p, fixed Params) string {
	p.Attempts, fixed.Attempts = 0, 0
	if p != fixed {
		return "another timing than its own (only the retry count is configurable)"
	}
	return ""
}

// goDur writes milliseconds as a Go time.Duration expression.
func goDur(ms float64) string {
	switch {
	case ms == 0:
		return "0"
	case ms >= 1000 && ms == float64(int64(ms/1000))*1000:
		return strconv.FormatInt(int64(ms/1000), 10) + " * time.Second"
	}
	return num(ms) + " * time.Millisecond"
}

func cond(b bool, s string) string {
	if b {
		return s
	}
	return ""
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
