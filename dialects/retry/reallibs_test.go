//go:build !js

package retry

// The real retry libraries of other languages, run here: the npm ones under
// Node and Python's urllib3 and tenacity, each against loopback servers that
// keep answering the same error response. What each library did (requests
// sent, the sleep before each retry with its randomness at both ends) is
// compared with errlens's profile of it. The harnesses live in
// testdata/libs (make test installs the npm packages there with npm ci).

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/errlens/errlens/dialects"
	"github.com/hashicorp/go-retryablehttp"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// libCase is one request a harness makes with one library, against a server
// of its own.
type libCase struct {
	ID      string  `json:"id"`
	Lib     string  `json:"lib"`
	Method  string  `json:"method"`
	URL     string  `json:"url"`
	Options *string `json:"options"`

	profile string
	paste   string // the response as errlens reads it
	now     time.Time
	dated   bool // Retry-After is an HTTP-date: the library measures it on the clock
	served  *atomic.Int64
	params  *Params // the parameters the options stand for, if any
}

// libRun is what a harness saw one library do in one run.
type libRun struct {
	ID       string    `json:"id"`
	Run      string    `json:"run"`
	Lib      string    `json:"lib"`
	Version  string    `json:"version"`
	Attempts int       `json:"attempts"`
	DelaysMs []float64 `json:"delaysMs"`
	Error    string    `json:"error"`
}

// The responses every library meets: each status, without Retry-After, with
// 7 seconds, and with a date 7 seconds after the response's Date.
var (
	libStatuses = []int{400, 404, 409, 413, 429, 500, 502, 503, 504}
	libMethods  = []string{"GET", "POST"}
	libDelays   = []string{"", "7", "date"}
)

// errorServer answers every request with status and Retry-After (raw, or
// "date" for an HTTP-date 7 s after its Date header), counting requests.
func errorServer(t *testing.T, status int, ra string) (*httptest.Server, *atomic.Int64, string, time.Time) {
	t.Helper()
	now := time.Now().UTC().Truncate(time.Second)
	// Date and an HTTP-date Retry-After are written when each request comes,
	// as a server does, always 7 s apart.
	header := func(now time.Time) (date, retryAfter string) {
		if ra == "date" {
			return now.Format(http.TimeFormat), now.Add(7 * time.Second).Format(http.TimeFormat)
		}
		return now.Format(http.TimeFormat), ra
	}
	date, retryAfter := header(now)
	head := "HTTP/1.1 " + itoa(status) + " " + http.StatusText(status) + "\r\nDate: " + date + "\r\nContent-Type: application/json\r\n"
	if retryAfter != "" {
		head += "Retry-After: " + retryAfter + "\r\n"
	}
	body := `{"error":{"message":"failing on purpose","type":"api_error"}}`
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		date, retryAfter := header(time.Now().UTC())
		w.Header().Set("Date", date)
		w.Header().Set("Content-Type", "application/json")
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv, &n, head + "\r\n" + body, now
}

// libCases makes the full matrix for libs (harness name -> profile).
func libCases(t *testing.T, libs map[string]string) []*libCase {
	var cases []*libCase
	for _, status := range libStatuses {
		for _, ra := range libDelays {
			for lib, profile := range libs {
				for _, method := range libMethods {
					srv, n, paste, now := errorServer(t, status, ra)
					cases = append(cases, &libCase{ID: fmt.Sprintf("%s-%d-%s-%s", lib, status, method, ra), Lib: lib, Method: method, URL: srv.URL,
						profile: profile, paste: paste, now: now, dated: ra == "date", served: n})
				}
			}
		}
	}
	return cases
}

// runHarness runs a harness on cases and returns each case's two runs.
func runHarness(t *testing.T, cmd []string, cases []*libCase) map[string][]libRun {
	t.Helper()
	in, _ := json.Marshal(map[string]any{"cases": cases})
	c := exec.Command(cmd[0], cmd[1:]...)
	c.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	c.Stderr = &stderr
	out, err := c.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd, " "), err, stderr.String())
	}
	runs := map[string][]libRun{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r libRun
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("harness line %q: %v", sc.Text(), err)
		}
		runs[r.ID] = append(runs[r.ID], r)
	}
	return runs
}

// compareRuns checks each case's runs against errlens's advice for the same
// response: the attempts, and each delay's band (its two ends drawn by the
// runs). It returns the comparisons made and those that agreed, per profile.
func compareRuns(t *testing.T, cases []*libCase, runs map[string][]libRun) map[string][2]int {
	t.Helper()
	score := map[string][2]int{}
	for _, c := range cases {
		rs := runs[c.ID]
		s := score[c.profile]
		s[0]++
		if len(rs) != 2 || rs[0].Error != "" || rs[1].Error != "" {
			t.Errorf("%s: harness runs %+v", c.ID, rs)
			score[c.profile] = s
			continue
		}
		r, err := dialects.Inspect(c.paste, dialects.Options{})
		if err != nil {
			t.Fatal(err)
		}
		a := Advise(r, Options{Policy: c.profile, Method: c.Method, Now: c.now, Params: c.params})
		why := libDiff(c, a, rs)
		if served := c.served.Load(); served != int64(rs[0].Attempts+rs[1].Attempts) {
			why = append(why, fmt.Sprintf("the server saw %d requests, the harness counted %d", served, rs[0].Attempts+rs[1].Attempts))
		}
		if len(why) > 0 {
			t.Errorf("%s (%s %s): %s", c.ID, rs[0].Lib, rs[0].Version, strings.Join(why, "; "))
		} else {
			s[1]++
		}
		score[c.profile] = s
	}
	return score
}

// libDiff lists where a library's runs and errlens's schedule differ.
func libDiff(c *libCase, a *Advice, rs []libRun) []string {
	var why []string
	want := len(a.Schedule) + 1
	for _, r := range rs {
		if r.Attempts != want {
			why = append(why, fmt.Sprintf("%s run: %d attempts, errlens %d (%s)", r.Run, r.Attempts, want, a.GivesUp.Reason))
		}
	}
	if len(why) > 0 || len(rs[0].DelaysMs) != len(rs[1].DelaysMs) {
		return why
	}
	for i, st := range a.Schedule[:min(len(a.Schedule), len(rs[0].DelaysMs))] {
		lo, hi := math.Min(rs[0].DelaysMs[i], rs[1].DelaysMs[i]), math.Max(rs[0].DelaysMs[i], rs[1].DelaysMs[i])
		tol := 1.0
		if c.dated && st.FloorMs > 0 {
			tol = 1100 // measured on the clock against a Date of whole seconds, some ms after the server wrote it
		}
		if math.Abs(lo-st.MinMs) > tol || math.Abs(hi-st.MaxMs) > tol {
			why = append(why, fmt.Sprintf("retry %d waits %v to %v ms, errlens %v to %v ms", i+1, lo, hi, st.MinMs, st.MaxMs))
		}
	}
	return why
}

// logScore prints the agreement per profile, the figure the README quotes.
func logScore(t *testing.T, score map[string][2]int, versions map[string]string) {
	names := make([]string, 0, len(score))
	for n := range score {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		t.Logf("%-14s %-22s agrees on %d of %d responses", n, versions[n], score[n][1], score[n][0])
	}
}

// need fails a test for want of a tool under CI, and skips it elsewhere.
func need(t *testing.T, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("missing under CI: %s", what)
	}
	t.Skipf("needs %s (under CI=true this fails instead)", what)
}

// versionsOf maps each profile to the library version the runs report.
func versionsOf(cases []*libCase, runs map[string][]libRun) map[string]string {
	v := map[string]string{}
	for _, c := range cases {
		if rs := runs[c.ID]; len(rs) > 0 {
			v[c.profile] = rs[0].Lib + " " + rs[0].Version
		}
	}
	return v
}

// TestPythonLibraries: urllib3 (with each python3 that has it: Debian's 1.26,
// and 2.x where installed) and tenacity.
func TestPythonLibraries(t *testing.T) {
	pythons := []string{}
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if path, err := exec.LookPath(p); err == nil && !slices.Contains(pythons, path) {
			pythons = append(pythons, path)
		}
	}
	has := func(py, mod string) bool { return exec.Command(py, "-c", "import "+mod).Run() == nil }
	var urllib3, tenacity []string
	for _, py := range pythons {
		if has(py, "urllib3") {
			urllib3 = append(urllib3, py)
		}
		if has(py, "tenacity") && len(tenacity) == 0 {
			tenacity = append(tenacity, py)
		}
	}
	need(t, len(urllib3) > 0 && len(tenacity) > 0, "python3 with urllib3 and tenacity (apt-get install python3-urllib3 python3-tenacity)")
	for _, py := range urllib3 {
		cases := libCases(t, map[string]string{"urllib3": "urllib3"})
		runs := runHarness(t, []string{py, "testdata/libs/libs.py"}, cases)
		logScore(t, compareRuns(t, cases, runs), versionsOf(cases, runs))
	}
	cases := libCases(t, map[string]string{"tenacity": "tenacity"})
	runs := runHarness(t, []string{tenacity[0], "testdata/libs/libs.py"}, cases)
	logScore(t, compareRuns(t, cases, runs), versionsOf(cases, runs))
}

// TestNodeLibraries: got, ky, openai-node, stripe-node and Octokit's retry
// plugin, at the versions testdata/libs/package-lock.json pins.
func TestNodeLibraries(t *testing.T) {
	_, err := exec.LookPath("node")
	_, mods := os.Stat("testdata/libs/node_modules/got")
	need(t, err == nil && mods == nil, "node and testdata/libs/node_modules (make test runs npm ci there)")
	cases := libCases(t, map[string]string{"got": "got", "ky": "ky", "openai": "openai-node", "stripe": "stripe", "octokit": "octokit"})
	runs := runHarness(t, []string{"node", "testdata/libs/libs.mjs"}, cases)
	logScore(t, compareRuns(t, cases, runs), versionsOf(cases, runs))
}

// TestGoRetryablehttpClient: go-retryablehttp's own Client, CheckRetry and
// DefaultBackoff on the same matrix; its sleeps are recorded, not slept.
func TestGoRetryablehttpClient(t *testing.T) {
	cases := libCases(t, map[string]string{"go-retryablehttp": "go-retryablehttp"})
	runs := map[string][]libRun{}
	for _, c := range cases {
		for _, run := range []string{"lo", "hi"} { // no jitter: both runs alike
			r := libRun{ID: c.ID, Run: run, Lib: "go-retryablehttp", Version: moduleVersion("github.com/hashicorp/go-retryablehttp")}
			client := retryablehttp.NewClient()
			client.Logger = nil
			client.Backoff = func(min, max time.Duration, n int, resp *http.Response) time.Duration {
				r.DelaysMs = append(r.DelaysMs, float64(retryablehttp.DefaultBackoff(min, max, n, resp))/1e6)
				return 0
			}
			client.HTTPClient.Transport = countingTransport{&r.Attempts, client.HTTPClient.Transport}
			req, _ := retryablehttp.NewRequest(c.Method, c.URL+"/x", strings.NewReader(`{"a":1}`))
			if resp, err := client.Do(req); err == nil {
				resp.Body.Close()
			}
			runs[c.ID] = append(runs[c.ID], r)
		}
	}
	logScore(t, compareRuns(t, cases, runs), versionsOf(cases, runs))
}

// countingTransport counts the requests a client sends.
type countingTransport struct {
	n    *int
	next http.RoundTripper
}

func (c countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	*c.n++
	return c.next.RoundTrip(r)
}

// moduleVersion is the version of a module in the project's go.mod.
func moduleVersion(path string) string {
	b, _ := os.ReadFile("../../go.mod")
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == path {
			return f[1]
		}
	}
	return "?"
}

// TestCopiedConfigs: the configuration errlens gives to copy, run in the
// real library, retries as the timeline of the edited parameters says.
func TestCopiedConfigs(t *testing.T) {
	edit := func(profile string, f func(*Params)) *Params {
		p := ProfileNamed(profile).Params
		f(&p)
		return &p
	}
	type cfgCase struct {
		lib, profile string
		status       int
		ra           string
		params       *Params
	}
	node := []cfgCase{
		{"got", "got", 503, "", edit("got", func(p *Params) { p.Attempts, p.BaseMs, p.Multiplier, p.CapMs, p.Jitter = 4, 500, 3, 4000, "full" })},
		{"got", "got", 429, "7", edit("got", func(p *Params) { p.Attempts, p.BaseMs = 5, 200 })},
		{"ky", "ky", 503, "", edit("ky", func(p *Params) { p.Attempts, p.BaseMs, p.Multiplier, p.CapMs, p.Jitter = 5, 200, 3, 2000, "full" })},
		{"ky", "ky", 500, "", edit("ky", func(p *Params) { p.Attempts = 4 })},
		{"openai", "openai-node", 503, "", edit("openai-node", func(p *Params) { p.Attempts = 5 })},
		{"stripe", "stripe", 500, "", edit("stripe", func(p *Params) { p.Attempts = 6 })},
		{"octokit", "octokit", 502, "", edit("octokit", func(p *Params) { p.Attempts, p.BaseMs = 3, 200 })},
	}
	python := []cfgCase{
		{"urllib3", "urllib3", 429, "7", edit("urllib3", func(p *Params) { p.Attempts, p.BaseMs = 6, 500 })},
		{"tenacity", "tenacity", 500, "", edit("tenacity", func(p *Params) { p.Attempts, p.BaseMs, p.Multiplier, p.CapMs, p.Jitter = 5, 500, 3, 5000, "full" })},
		{"tenacity", "tenacity", 503, "", edit("tenacity", func(p *Params) { p.Attempts, p.BaseMs = 4, 1000 })},
	}
	build := func(list []cfgCase) []*libCase {
		var cases []*libCase
		for i, cc := range list {
			cfg, ok := ConfigFor(cc.profile, *cc.params)
			if !ok || cfg.Note != "" || !strings.Contains(cfg.Code, cfg.Options) {
				t.Errorf("%s: config %+v", cc.profile, cfg)
			}
			srv, n, paste, now := errorServer(t, cc.status, cc.ra)
			opts := cfg.Options
			cases = append(cases, &libCase{ID: fmt.Sprintf("config-%s-%d", cc.lib, i), Lib: cc.lib, Method: "GET", URL: srv.URL, Options: &opts,
				profile: cc.profile, paste: paste, now: now, served: n, params: cc.params})
		}
		return cases
	}
	_, err := exec.LookPath("node")
	_, mods := os.Stat("testdata/libs/node_modules/got")
	need(t, err == nil && mods == nil, "node and testdata/libs/node_modules (make test runs npm ci there)")
	cases := build(node)
	score := compareRuns(t, cases, runHarness(t, []string{"node", "testdata/libs/libs.mjs"}, cases))
	py := "/usr/bin/python3"
	need(t, exec.Command(py, "-c", "import urllib3, tenacity").Run() == nil, "Debian's python3 with urllib3 and tenacity")
	cases = build(python)
	for k, v := range compareRuns(t, cases, runHarness(t, []string{py, "testdata/libs/libs.py"}, cases)) {
		score[k] = v
	}
	for lib, s := range score {
		if s[0] != s[1] {
			t.Errorf("%s: the copied config reproduces %d of %d timelines", lib, s[1], s[0])
		}
	}
	t.Logf("copied configs reproduce their timelines in %d libraries", len(score))
}

// healthServer fails every Check with its code, and the pushback trailer when
// set, noting when each call came.
type healthServer struct {
	healthpb.UnimplementedHealthServer
	code     codes.Code
	pushback string
	mu       sync.Mutex
	calls    []time.Time
}

func (h *healthServer) Check(ctx context.Context, _ *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	h.mu.Lock()
	h.calls = append(h.calls, time.Now())
	h.mu.Unlock()
	if h.pushback != "" {
		grpc.SetTrailer(ctx, metadata.Pairs("grpc-retry-pushback-ms", h.pushback))
	}
	return nil, status.Error(h.code, "failing on purpose")
}

// TestGRPCGo: grpc-go's client, configured with the service config errlens
// gives to copy, against a server failing with a status and a pushback; the
// waits are measured between the calls the server saw.
func TestGRPCGo(t *testing.T) {
	params := ProfileNamed("grpc").Params
	cfg, _ := ConfigFor("grpc", params)
	for _, tt := range []struct {
		code     codes.Code
		pushback string
	}{
		{codes.Unavailable, ""}, {codes.Unavailable, "150"}, {codes.Unavailable, "-1"}, {codes.Unavailable, "soon"},
		{codes.Internal, ""}, {codes.ResourceExhausted, "150"},
	} {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		h := &healthServer{code: tt.code, pushback: tt.pushback}
		srv := grpc.NewServer()
		healthpb.RegisterHealthServer(srv, h)
		go srv.Serve(l)
		conn, err := grpc.NewClient("passthrough:///"+l.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithDefaultServiceConfig(cfg.Options))
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, err = healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{})
		cancel()
		conn.Close()
		srv.Stop()
		if status.Code(err) != tt.code {
			t.Fatalf("%v: the call ended with %v", tt.code, err)
		}
		paste := fmt.Sprintf("HTTP/2 200\ncontent-type: application/grpc\ngrpc-status: %d\ngrpc-message: failing on purpose\n", tt.code)
		if tt.pushback != "" {
			paste += "grpc-retry-pushback-ms: " + tt.pushback + "\n"
		}
		r, err := dialects.Inspect(paste+"\n", dialects.Options{})
		if err != nil {
			t.Fatal(err)
		}
		a := Advise(r, Options{Policy: "grpc"})
		name := fmt.Sprintf("%v with pushback %q", tt.code, tt.pushback)
		if len(h.calls) != len(a.Schedule)+1 {
			t.Errorf("%s: grpc-go made %d calls, errlens %d (%s)", name, len(h.calls), len(a.Schedule)+1, a.WillRetryWhy)
			continue
		}
		for i, st := range a.Schedule {
			gap := float64(h.calls[i+1].Sub(h.calls[i])) / 1e6
			if gap < st.MinMs-2 || gap > st.MaxMs+60 {
				t.Errorf("%s: retry %d came after %.1f ms, errlens %v to %v ms", name, i+1, gap, st.MinMs, st.MaxMs)
			}
		}
	}
	t.Logf("grpc-go %s agrees on the attempts and waits of 6 responses", moduleVersion("google.golang.org/grpc"))
}
