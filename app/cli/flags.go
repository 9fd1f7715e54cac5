//go:build !wasm

package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// command is one errlens command: its flags and its help.
type command struct {
	name  string // "inspect"
	usage string // the lines above the flags in its help
	flags *flag.FlagSet
}

func newCommand(name, usage string) *command {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // parse reports errors in its own words
	fs.Usage = func() {}
	return &command{name: name, usage: usage, flags: fs}
}

// help writes the command's usage and its flags, GNU style.
func (c *command) help(w io.Writer) {
	fmt.Fprint(w, c.usage)
	if c.flags == nil {
		return
	}
	fmt.Fprintln(w, "\nFlags (anywhere on the line):")
	c.flags.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		name := "--" + f.Name
		if arg != "" {
			name += " " + arg
		}
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" && !strings.Contains(usage, "default") {
			usage += " (default " + f.DefValue + ")"
		}
		fmt.Fprintf(w, "  %-24s %s\n", name, usage)
	})
	fmt.Fprint(w, exitCodes)
}

const exitCodes = `
Exit codes: 0 report printed, 1 the input could not be read (missing file,
over 32 MB, no such HAR entry), 2 bad usage (unknown command or flag, a value
out of its list, no input).
`

// parse reads args, flags anywhere among them. done reports that the caller
// returns code at once: help was asked for (0), or the line is wrong (2, said
// on stderr with what would be right).
func (c *command) parse(args []string, env Env) (files []string, code int, done bool) {
	fs := c.flags
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			c.help(env.Stdout)
			return nil, exitOK, true
		}
		if err != nil {
			return nil, c.fail(env, "%s", strings.Replace(c.explain(err.Error()), ": parse error", ": not a number", 1)), true
		}
		if fs.NArg() == 0 {
			return files, exitOK, false
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// fail says what is wrong with the command line, and where help is.
func (c *command) fail(env Env, format string, a ...any) int {
	fmt.Fprintf(env.Stderr, "errlens %s: %s\nRun 'errlens %s --help' for its flags.\n", c.name, fmt.Sprintf(format, a...), c.name)
	return exitUsage
}

var dashFlag = regexp.MustCompile(`(^|[ :])-([a-z][a-z-]*)`)

// explain rewrites a flag package error in double-dash style, with the flag
// that was probably meant.
func (c *command) explain(msg string) string {
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		var known []string
		c.flags.VisitAll(func(f *flag.Flag) { known = append(known, f.Name) })
		return "unknown flag --" + name + didYouMean(name, known, "--")
	}
	return dashFlag.ReplaceAllString(msg, "$1--$2")
}

// oneOf checks a flag's value against the values it may take: "" when it is
// one of them, else what is wrong in words.
func oneOf(flagName, value string, known []string) string {
	for _, k := range known {
		if value == k {
			return ""
		}
	}
	return fmt.Sprintf("--%s %s: unknown%s (known: %s)", flagName, value, didYouMean(value, known, ""), strings.Join(known, ", "))
}

// didYouMean names the known word closest to got, when one is close.
func didYouMean(got string, known []string, prefix string) string {
	best, bestD := "", len(got)/3+2
	for _, k := range known {
		if d := distance(strings.ToLower(got), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return "; did you mean " + prefix + best + "?"
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	row := make([]int, len(b)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(a); i++ {
		prev := row[0]
		row[0] = i
		for j := 1; j <= len(b); j++ {
			cur := row[j]
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			row[j] = min(row[j]+1, row[j-1]+1, prev+cost)
			prev = cur
		}
	}
	return row[len(b)]
}

// methods are the request methods --method takes: RFC 9110's and PATCH.
var methods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"}

// charDevice reports a terminal (or another character device): for standard
// input, no paste is coming.
func charDevice(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
