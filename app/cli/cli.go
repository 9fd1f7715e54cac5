//go:build !wasm

// Package cli is errlens's command line: `errlens inspect` prints the report of
// a pasted response, readable on a terminal or as JSON. It is a thin layer over
// package dialects, which does all the reading.
package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/errlens/errlens/app/server"
	"github.com/errlens/errlens/dialects"
	"github.com/errlens/errlens/dialects/message"
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
  errlens dialect check FILE...      check dialect files (your own error format)
  errlens dialect draft [FILE|-]     draft a dialect file from one response

FILE holds curl -i or curl -v output, headers and a body, a body alone, or a
HAR file; "-" or no FILE reads standard input.
Run 'errlens COMMAND --help' for a command's flags.
` + exitCodes

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
	case "dialect":
		return dialectCommand(args[1:], env)
	case "dialects":
		for _, d := range dialects.All() {
			fmt.Fprintf(env.Stdout, "%-20s %s\n%-20s %s\n", d.ID, d.Name, "", d.Description)
		}
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, usage)
		return exitOK
	}
	commands := []string{"inspect", "share", "serve", "static", "dialects", "dialect", "help"}
	fmt.Fprintf(env.Stderr, "errlens: unknown command %q%s\n\n%s", args[0], didYouMean(args[0], commands, ""), usage)
	return exitUsage
}

type inspectOptions struct {
	decode   dialects.Options
	files    fileList // --dialects
	advice   retry.Options
	attempts int
	asJSON   bool
	config   bool
}

const inspectUsage = `Usage: errlens inspect [FILE|-] [flags]

Reports what the error response in FILE says: dialect, status, code, message,
request id, field errors, and whether and when to retry. FILE holds curl -i or
curl -v output, headers and a body, a body alone, or a HAR file; "-" or no FILE
reads standard input.
`

func inspectCommand(o *inspectOptions) *command {
	c := newCommand("inspect", inspectUsage)
	fs := c.flags
	fs.StringVar(&o.advice.Method, "method", "", "request `METHOD`, when the paste does not show it: "+strings.Join(methods, ", "))
	fs.BoolVar(&o.advice.IdempotencyKey, "idempotency-key", false, "the request was sent with an Idempotency-Key")
	fs.StringVar(&o.advice.Policy, "policy", "recommended", "retry profile of the timeline, `NAME`: "+strings.Join(profileNames(), ", "))
	fs.IntVar(&o.attempts, "attempts", 0, "`N` attempts in the timeline, counting the first (default: the profile's)")
	fs.Uint64Var(&o.advice.Seed, "seed", 1, "`SEED` of the sampled retry delays: the same seed, the same timeline")
	fs.BoolVar(&o.advice.DelayOnce, "delay-once", false, "only this response carries the server's delay (default: every retry meets it again)")
	fs.IntVar(&o.decode.Entry, "entry", 0, "HAR entry to read, by its number `N` (default: the first failed one)")
	fs.StringVar(&o.decode.Dialect, "dialect", "", "decode as dialect `ID` instead of the detected one (errlens dialects lists them)")
	fs.Var(&o.files, "dialects", "read your own dialect `FILE` too (repeatable; errlens dialect check FILE checks one)")
	fs.BoolVar(&o.asJSON, "json", false, "print the report as JSON (the documented contract)")
	fs.BoolVar(&o.config, "config", false, "print only the configuration that makes the policy's library retry as the timeline shows")
	return c
}

func inspect(args []string, env Env) int {
	var o inspectOptions
	c := inspectCommand(&o)
	files, code, done := c.parse(args, env)
	if done {
		return code
	}
	if len(files) > 1 {
		return c.fail(env, "one FILE at a time (got %d)", len(files))
	}
	if msg := checkMethod(&o.advice.Method); msg != "" {
		return c.fail(env, "%s", msg)
	}
	if msg := oneOf("policy", o.advice.Policy, profileNames()); msg != "" {
		return c.fail(env, "%s", msg)
	}
	for _, file := range o.files {
		d, err := loadDialect(file)
		if err != nil {
			fmt.Fprintf(env.Stderr, "errlens inspect: %v\n", err)
			return exitInput
		}
		o.decode.Dialects = append(o.decode.Dialects, d)
	}
	if o.decode.Dialect != "" {
		ids := dialects.IDs()
		for _, d := range o.decode.Dialects {
			ids = append(ids, d.ID)
		}
		if msg := oneOf("dialect", o.decode.Dialect, ids); msg != "" {
			return c.fail(env, "%s", msg)
		}
	}
	if o.decode.Entry < 0 {
		return c.fail(env, "--entry %d: entries are numbered from 1", o.decode.Entry)
	}
	p := retry.ProfileNamed(o.advice.Policy)
	if o.attempts != 0 {
		params := p.Params
		params.Attempts = o.attempts
		if err := params.Check(); err != nil {
			return c.fail(env, "--attempts: %v", err)
		}
		o.advice.Params = &params
	}
	in, name, code, done := c.read(files, env)
	if done {
		return code
	}
	r, err := dialects.Inspect(in, o.decode)
	if err != nil {
		fmt.Fprintf(env.Stderr, "errlens inspect: %s: %v\n", name, err)
		return exitInput
	}
	if o.decode.Entry != 0 && r.Entries == nil {
		return c.fail(env, "--entry %d: %s is no HAR file; --entry picks an entry of one", o.decode.Entry, name)
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

// checkMethod upper-cases *m and checks it is a request method.
func checkMethod(m *string) string {
	if *m == "" {
		return ""
	}
	*m = strings.ToUpper(*m)
	return oneOf("method", *m, methods)
}

func profileNames() []string {
	var names []string
	for _, p := range retry.Profiles() {
		names = append(names, p.Name)
	}
	return names
}

// read reads the input the command names; done reports that the caller
// returns code at once: the input could not be read (1), or there is none (2).
func (c *command) read(files []string, env Env) (in, name string, code int, done bool) {
	if len(files) == 0 && charDevice(env.Stdin) {
		return "", "", c.fail(env, "no input: give a FILE, or pipe a response in (curl -si URL | errlens %s -)", c.name), true
	}
	in, name, err := readInput(files, env.Stdin)
	if err != nil {
		fmt.Fprintf(env.Stderr, "errlens %s: %v\n", c.name, err)
		return "", name, exitInput, true
	}
	if strings.TrimSpace(in) == "" {
		where := "standard input was empty"
		if name != "-" {
			where = name + " is empty"
		}
		return "", name, c.fail(env, "no input: %s", where), true
	}
	return in, name, exitOK, false
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
	return charDevice(f)
}

// serve runs the app's server until it fails.
func serve(args []string, env Env) int {
	c := newCommand("serve", "Usage: errlens serve [flags]\n\nServes the app (the page, app.wasm and the embed view) over HTTP.\n")
	addr := c.flags.String("addr", "127.0.0.1:8000", "`HOST:PORT` to listen on")
	dir := c.flags.String("dir", ".", "`DIR` holding web/ (with web/app.wasm)")
	files, code, done := c.parse(args, env)
	if done {
		return code
	}
	if len(files) > 0 {
		return c.fail(env, "unexpected argument %q", files[0])
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
	c := newCommand("share", "Usage: errlens share [FILE|-] [flags]\n\nPrints a link that opens the app on the paste in FILE, its secrets redacted,\nand lists on stderr what was redacted and why.\n")
	fs := c.flags
	base := fs.String("base", "http://127.0.0.1:8000/", "`URL` of the app the link opens")
	method := fs.String("method", "", "request `METHOD`, when the paste does not show it: "+strings.Join(methods, ", "))
	key := fs.Bool("idempotency-key", false, "the request was sent with an Idempotency-Key")
	policy := fs.String("policy", "", "retry profile `NAME` the link shows (default: the app's)")
	keep := fs.String("keep", "", "redactions to keep, by their `N,N...` in the list printed")
	embed := fs.Bool("embed", false, "print the embed view's link instead")
	markdown := fs.Bool("markdown", false, "print the report as Markdown, for an issue or a chat, with the link")
	entry := fs.Int("entry", 0, "of a HAR file, the entry `N` the link shows, alone (default: the first failed one)")
	wholeHAR := fs.Bool("whole-har", false, "of a HAR file, carry every entry, not only the one shown")
	hide := fs.String("hide", "", "sections `S,S...` the embed view leaves out: "+strings.Join(share.Sections, ", "))
	locked := fs.Bool("locked", false, "the embed view has no editor: readers see the report only")
	var origins, dialectFiles fileList
	fs.Var(&origins, "origin", "a host page `URL` (its origin) allowed to drive the embedded view with postMessage (repeatable)")
	fs.Var(&dialectFiles, "dialects", "your own dialect `FILE`, carried in the link for the view to read with (repeatable)")
	files, code, done := c.parse(args, env)
	if done {
		return code
	}
	if len(files) > 1 {
		return c.fail(env, "one FILE at a time (got %d)", len(files))
	}
	if msg := checkMethod(method); msg != "" {
		return c.fail(env, "%s", msg)
	}
	if *policy != "" {
		if msg := oneOf("policy", *policy, profileNames()); msg != "" {
			return c.fail(env, "%s", msg)
		}
	}
	state := share.State{Method: *method, Key: *key, Policy: *policy, Locked: *locked}
	for h := range strings.SplitSeq(*hide, ",") {
		if h = strings.TrimSpace(h); h == "" {
			continue
		}
		if msg := oneOf("hide", h, share.Sections); msg != "" {
			return c.fail(env, "%s", msg)
		}
		state.Hide = append(state.Hide, h)
	}
	for _, o := range origins {
		origin := share.Origin(o)
		if origin == "" {
			return c.fail(env, "--origin %s: not a URL (https://docs.example.com)", o)
		}
		state.Origins = append(state.Origins, origin)
	}
	var customs []*dialects.Dialect
	for _, file := range dialectFiles {
		d, err := loadDialect(file)
		if err != nil {
			fmt.Fprintf(env.Stderr, "errlens share: %v\n", err)
			return exitInput
		}
		state.Dialects, customs = append(state.Dialects, d.File), append(customs, d)
	}
	if *entry < 0 {
		return c.fail(env, "--entry %d: entries are numbered from 1", *entry)
	}
	in, name, code, done := c.read(files, env)
	if done {
		return code
	}
	msg, err := message.Parse(in, message.Options{Entry: *entry})
	if err != nil {
		fmt.Fprintf(env.Stderr, "errlens share: %s: %v\n", name, err)
		return exitInput
	}
	if msg.Entries == nil && *entry != 0 {
		return c.fail(env, "--entry %d: %s is no HAR file; --entry picks an entry of one", *entry, name)
	}
	state.Entry = msg.Entry
	if len(msg.Entries) > 1 && !*wholeHAR {
		if one, err := message.OneEntry(in, msg.Entry); err == nil {
			in, state.Entry = one, 1
		}
	}
	if err := share.CheckSize(len(in)); err != nil {
		fmt.Fprintf(env.Stderr, "errlens share: %s: %v\n", name, err)
		return exitInput
	}
	secrets := share.FindSecrets(in)
	kept := map[int]bool{}
	for n := range strings.SplitSeq(*keep, ",") {
		if n = strings.TrimSpace(n); n == "" {
			continue
		}
		i, err := strconv.Atoi(n)
		if err != nil || i < 1 || i > len(secrets) {
			return c.fail(env, "--keep %s: no redaction %s; this paste has %d (numbered from 1)", *keep, n, len(secrets))
		}
		kept[i-1] = true
	}
	state.Input = share.Redact(in, secrets, kept)
	frag, err := share.Encode(state)
	if err != nil {
		fmt.Fprintf(env.Stderr, "errlens share: %s: %v\n", name, err)
		return exitInput
	}
	if *embed {
		frag = share.EmbedPrefix + frag
	}
	link := strings.TrimSuffix(*base, "#") + "#" + frag
	if *markdown {
		r, err := dialects.Inspect(state.Input, dialects.Options{Dialects: customs})
		if err != nil {
			fmt.Fprintf(env.Stderr, "errlens share: %s: %v\n", name, err)
			return exitInput
		}
		link = retry.Report{Report: r, Retry: retry.Advise(r, retry.Options{Method: *method, IdempotencyKey: *key, Policy: *policy})}.Markdown(link)
	}
	fmt.Fprintln(env.Stdout, strings.TrimSpace(link))
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
	c := newCommand("static", "Usage: errlens static [flags]\n\nWrites the app as a static website, for any static host.\n")
	base := c.flags.String("base", "/", "`PATH` the site is served under, such as /tools/errlens/")
	out := c.flags.String("out", "static", "`DIR` to write")
	dir := c.flags.String("dir", ".", "`DIR` holding web/ (with web/app.wasm)")
	files, code, done := c.parse(args, env)
	if done {
		return code
	}
	if len(files) > 0 {
		return c.fail(env, "unexpected argument %q", files[0])
	}
	if err := server.Static(*dir, *out, *base); err != nil {
		fmt.Fprintf(env.Stderr, "errlens static: %v\n", err)
		return exitInput
	}
	fmt.Fprintf(env.Stdout, "errlens: wrote the app for %s into %s/\n", *base, *out)
	return exitOK
}

// fileList collects a repeated flag's files.
type fileList []string

func (l *fileList) String() string     { return strings.Join(*l, ",") }
func (l *fileList) Set(v string) error { *l = append(*l, v); return nil }

// loadDialect reads a dialect file; its errors name the file, line and column.
func loadDialect(file string) (*dialects.Dialect, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	d, err := dialects.ParseDialect(string(b))
	if fe, ok := err.(dialects.FileErrors); ok {
		lines := make([]string, len(fe))
		for i, e := range fe {
			lines[i] = file + ":" + e.Error()
		}
		return nil, fmt.Errorf("%s is not a dialect errlens can read:\n%s", file, strings.Join(lines, "\n"))
	}
	return d, err
}

const dialectUsage = `Usage:
  errlens dialect check FILE...               check dialect files
  errlens dialect draft [FILE|-] [flags]      draft a dialect file from a response

A dialect file describes your API's error format: how to recognise it, where
its code, message, request id and field errors are, and what each code means
for retrying (README.md, "Your own error format"). check prints what each file
defines, or every problem with its line and column; draft writes down what
errlens found in one JSON error response, for you to check and edit.
`

// dialectCommand runs errlens dialect check and errlens dialect draft.
func dialectCommand(args []string, env Env) int {
	sub := ""
	if len(args) > 0 {
		sub, args = args[0], args[1:]
	}
	switch sub {
	case "check":
		c := newCommand("dialect check", dialectUsage)
		files, code, done := c.parse(args, env)
		if done {
			return code
		}
		if len(files) == 0 {
			return c.fail(env, "no FILE to check")
		}
		code = exitOK
		for _, file := range files {
			d, err := loadDialect(file)
			if err != nil {
				fmt.Fprintln(env.Stderr, err)
				code = exitInput
				continue
			}
			fmt.Fprintf(env.Stdout, "%s: ok: dialect %s (%s), %d retry rules\n", file, d.ID, d.Name, len(d.Guidance))
		}
		return code
	case "draft":
		c := newCommand("dialect draft", dialectUsage)
		id := c.flags.String("id", "my-api", "the draft's dialect `ID`")
		name := c.flags.String("name", "My API", "the draft's dialect `NAME`")
		var entry int
		c.flags.IntVar(&entry, "entry", 0, "HAR entry to draft from, by its number `N` (default: the first failed one)")
		files, code, done := c.parse(args, env)
		if done {
			return code
		}
		if len(files) > 1 {
			return c.fail(env, "one FILE at a time (got %d)", len(files))
		}
		in, src, code, done := c.read(files, env)
		if done {
			return code
		}
		msg, err := message.Parse(in, message.Options{Entry: entry})
		if err == nil {
			var draft string
			if draft, err = dialects.Draft(msg, *id, *name); err == nil {
				fmt.Fprintln(env.Stdout, draft)
				return exitOK
			}
		}
		fmt.Fprintf(env.Stderr, "errlens dialect draft: %s: %v\n", src, err)
		return exitInput
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, dialectUsage)
		return exitOK
	}
	fmt.Fprintf(env.Stderr, "errlens dialect: unknown subcommand %q%s\n\n%s", sub, didYouMean(sub, []string{"check", "draft"}, ""), dialectUsage)
	return exitUsage
}
