//go:build !wasm

// Package cli is errlens's command line: `errlens inspect` prints the report of
// a pasted response, readable on a terminal or as JSON. It is a thin layer over
// package dialects, which does all the reading.
package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/errlens/errlens/app/server"
	"github.com/errlens/errlens/dialects"
	"github.com/errlens/errlens/dialects/retry"
	"github.com/errlens/errlens/dialects/share"
)

// Exit codes: 0 done, 1 the input could not be read, 2 bad usage.
const (
	exitOK    = 0
	exitInput = 1
	exitUsage = 2
)

const usage = `errlens: read what an HTTP API sent back when a call failed.

Usage:
  errlens inspect [FILE|-] [flags]   report what the error response in FILE says
  errlens share [FILE|-] [flags]     print a share link (secrets redacted)
  errlens serve [--addr HOST:PORT]   serve the app (default 127.0.0.1:8000)
  errlens static [--base /path/]     write the app as a static website (./static)
  errlens dialects                   list the dialects errlens reads

FILE holds curl -i or curl -v output, headers and a body, a body alone, or a
HAR file; "-" or no FILE reads standard input.

Flags of inspect:
`

// Env is what a command reads and writes, so tests can run it in memory.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Color turns on ANSI colours in the readable report.
	Color bool
}

// Main runs errlens with the process's arguments and streams, and exits.
func Main() {
	env := Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Color: isTerminal(os.Stdout)}
	os.Exit(Run(os.Args[1:], env))
}

// Run runs one errlens command and returns its exit code.
func Run(args []string, env Env) int {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		inspectFlags(new(inspectOptions), env.Stderr).PrintDefaults()
		return exitUsage
	}
	switch args[0] {
	case "inspect":
		return inspect(args[1:], env)
	case "serve":
		return serve(args[1:], env)
	case "share":
		return shareLink(args[1:], env)
	case "static":
		return static(args[1:], env)
	case "dialects":
		for _, d := range dialects.All() {
			fmt.Fprintf(env.Stdout, "%-20s %s\n%-20s %s\n", d.ID, d.Name, "", d.Description)
		}
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, usage)
		inspectFlags(new(inspectOptions), env.Stdout).PrintDefaults()
		return exitOK
	}
	fmt.Fprintf(env.Stderr, "errlens: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

type inspectOptions struct {
	decode   dialects.Options
	advice   retry.Options
	attempts int
	asJSON   bool
	config   bool
}

func inspectFlags(o *inspectOptions, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&o.advice.Method, "method", "", "request method, when the paste does not show it (GET, POST...)")
	fs.BoolVar(&o.advice.IdempotencyKey, "idempotency-key", false, "the request was sent with an Idempotency-Key")
	fs.StringVar(&o.advice.Policy, "policy", "recommended", "retry profile of the timeline: "+strings.Join(profileNames(), ", "))
	fs.IntVar(&o.attempts, "attempts", 0, "attempts of the timeline, counting the first (default: the profile's)")
	fs.Uint64Var(&o.advice.Seed, "seed", 1, "seed of the sampled retry delays")
	fs.BoolVar(&o.advice.DelayOnce, "delay-once", false, "the timeline's later responses carry no delay (default: every retry meets this same response)")
	fs.IntVar(&o.decode.Entry, "entry", 0, "HAR entry to read, by number (default: the first failed one)")
	fs.StringVar(&o.decode.Dialect, "dialect", "", "decode as this dialect instead of the detected one")
	fs.BoolVar(&o.asJSON, "json", false, "print the report as JSON (the documented contract)")
	fs.BoolVar(&o.config, "config", false, "print only the configuration that makes the policy's library retry as the timeline shows")
	return fs
}

func inspect(args []string, env Env) int {
	var o inspectOptions
	fs := inspectFlags(&o, env.Stderr)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(files) > 1 {
		fmt.Fprintln(env.Stderr, "errlens inspect: one FILE at a time")
		return exitUsage
	}
	in, name, err := readInput(files, env.Stdin)
	if err != nil {
		fmt.Fprintf(env.Stderr, "errlens inspect: %v\n", err)
		return exitInput
	}
	r, err := dialects.Inspect(in, o.decode)
	if err != nil {
		fmt.Fprintf(env.Stderr, "errlens inspect: %s: %v\n", name, err)
		return exitInput
	}
	p := retry.ProfileNamed(o.advice.Policy)
	if p == nil {
		fmt.Fprintf(env.Stderr, "errlens inspect: unknown policy %q (known: %s)\n", o.advice.Policy, strings.Join(profileNames(), ", "))
		return exitUsage
	}
	if o.attempts != 0 {
		params := p.Params
		params.Attempts = o.attempts
		if err := params.Check(); err != nil {
			fmt.Fprintf(env.Stderr, "errlens inspect: --attempts: %v\n", err)
			return exitUsage
		}
		o.advice.Params = &params
	}
	a := retry.Advise(r, o.advice)
	if o.config {
		c, ok := retry.ConfigFor(a.Policy, a.Params)
		if !ok {
			fmt.Fprintf(env.Stderr, "errlens inspect: %s is no library: no configuration to print\n", a.Policy)
			return exitUsage
		}
		fmt.Fprintln(env.Stdout, c.Code)
		if c.Note != "" {
			fmt.Fprintln(env.Stderr, "note: "+c.Note)
		}
		return exitOK
	}
	if o.asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(retry.Report{Report: r, Retry: a}); err != nil {
			fmt.Fprintf(env.Stderr, "errlens inspect: %v\n", err)
			return exitInput
		}
		return exitOK
	}
	printReport(env.Stdout, r, env.Color)
	printAdvice(env.Stdout, a, env.Color)
	return exitOK
}

func profileNames() []string {
	var names []string
	for _, p := range retry.Profiles() {
		names = append(names, p.Name)
	}
	return names
}

// parseInterspersed parses flags wherever they are among the arguments, so
// `inspect FILE --json` works as well as `inspect --json FILE`.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// readInput reads the named file, or standard input for "-" or no file.
func readInput(files []string, stdin io.Reader) (in, name string, err error) {
	name = "-"
	var b []byte
	if len(files) == 0 || files[0] == "-" {
		b, err = io.ReadAll(io.LimitReader(stdin, maxRead))
	} else {
		name = files[0]
		var f *os.File
		if f, err = os.Open(name); err != nil {
			return "", name, err
		}
		defer f.Close()
		b, err = io.ReadAll(io.LimitReader(f, maxRead))
	}
	return string(b), name, err
}

// maxRead reads one byte past the core's limit, so it can report the size.
const maxRead = 32<<20 + 1

func isTerminal(f *os.File) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// serve runs the app's server until it fails.
func serve(args []string, env Env) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on")
	dir := fs.String("dir", ".", "directory holding web/ (with web/app.wasm)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	h, err := server.New(*dir)
	if err != nil {
		fmt.Fprintf(env.Stderr, "errlens serve: %v\n", err)
		return exitInput
	}
	fmt.Fprintf(env.Stdout, "errlens: serving the app on http://%s/\n", *addr)
	if err := http.ListenAndServe(*addr, h); err != nil {
		fmt.Fprintf(env.Stderr, "errlens serve: %v\n", err)
		return exitInput
	}
	return exitOK
}

// shareLink prints a share link of a paste, its secrets redacted unless kept.
func shareLink(args []string, env Env) int {
	fs := flag.NewFlagSet("share", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	base := fs.String("base", "http://127.0.0.1:8000/", "URL of the app the link opens")
	method := fs.String("method", "", "request method, when the paste does not show it")
	key := fs.Bool("idempotency-key", false, "the request was sent with an Idempotency-Key")
	policy := fs.String("policy", "", "retry profile the link shows")
	keep := fs.String("keep", "", "comma-separated numbers of redactions to keep (see the list printed)")
	embed := fs.Bool("embed", false, "print the embed view's link instead")
	files, err := parseInterspersed(fs, args)
	if err != nil || len(files) > 1 {
		return exitUsage
	}
	in, name, err := readInput(files, env.Stdin)
	if err != nil {
		fmt.Fprintf(env.Stderr, "errlens share: %v\n", err)
		return exitInput
	}
	if err := share.CheckSize(len(in)); err != nil {
		fmt.Fprintf(env.Stderr, "errlens share: %s: %v\n", name, err)
		return exitInput
	}
	secrets := share.FindSecrets(in)
	kept := map[int]bool{}
	for _, n := range strings.Split(*keep, ",") {
		if i, err := strconv.Atoi(strings.TrimSpace(n)); err == nil && i >= 1 && i <= len(secrets) {
			kept[i-1] = true
		}
	}
	frag, err := share.Encode(share.State{Input: share.Redact(in, secrets, kept), Method: strings.ToUpper(*method), Key: *key, Policy: *policy})
	if err != nil {
		fmt.Fprintf(env.Stderr, "errlens share: %s: %v\n", name, err)
		return exitInput
	}
	if *embed {
		frag = share.EmbedPrefix + frag
	}
	link := strings.TrimSuffix(*base, "#") + "#" + frag
	fmt.Fprintln(env.Stdout, link)
	for i, s := range secrets {
		what := "redacted"
		if kept[i] {
			what = "kept"
		}
		fmt.Fprintf(env.Stderr, "%s %d: %s, line %d (%s): %s\n", what, i+1, strings.TrimSpace(s.Kind+" "+s.Name), s.Line, s.Preview, s.Why)
	}
	if n := len(link); n > share.Long {
		fmt.Fprintf(env.Stderr, "the link is %d characters: some tools cut links past %d; trim the paste\n", n, share.Long)
	}
	return exitOK
}

// static writes the static website.
func static(args []string, env Env) int {
	fs := flag.NewFlagSet("static", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	base := fs.String("base", "/", "path the site is served under, such as /tools/errlens/")
	out := fs.String("out", "static", "directory to write")
	dir := fs.String("dir", ".", "directory holding web/ (with web/app.wasm)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if err := server.Static(*dir, *out, *base); err != nil {
		fmt.Fprintf(env.Stderr, "errlens static: %v\n", err)
		return exitInput
	}
	fmt.Fprintf(env.Stdout, "errlens: wrote the app for %s into %s/\n", *base, *out)
	return exitOK
}
