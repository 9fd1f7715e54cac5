package retry

import (
	"strconv"
	"strings"
)

// Markdown writes the report as Markdown for an issue tracker or a chat: the
// status and dialect, the headline, the facts, the field errors and the advice
// with its reasons, then link (a share link, its secrets redacted) when given.
func (r Report) Markdown(link string) string {
	var b strings.Builder
	status := "no status"
	if r.Status != 0 {
		status = strconv.Itoa(r.Status) + " " + r.Reason
	}
	b.WriteString("**" + mdText(status) + "** · " + mdText(r.Dialect) + "\n\n")
	if h := r.Headline(); h != "" {
		b.WriteString("> " + mdText(h) + "\n\n")
	}
	var rows [][2]string
	for _, f := range [][2]string{{"Type", r.Type}, {"Code", r.Code}, {"Message", r.Message}, {"Detail", r.Detail},
		{"Request id", r.RequestID}, {"Docs", r.DocURL}} {
		if f[1] != "" && f[1] != r.Headline() {
			rows = append(rows, f)
		}
	}
	table(&b, []string{"Fact", "Value"}, len(rows), func(i int) []string { return rows[i][:] })
	if n := len(r.FieldErrors); n > 0 {
		b.WriteString("Field errors (" + strconv.Itoa(n) + "):\n\n")
		table(&b, []string{"Field", "Message", "Code"}, min(n, 50), func(i int) []string {
			f := r.FieldErrors[i]
			return []string{"`" + strings.ReplaceAll(f.Field, "`", "'") + "`", f.Message, f.Code}
		})
	}
	if a := r.Retry; a != nil {
		b.WriteString("**Retry: " + DecisionText(a.Decision) + "**\n")
		for _, rs := range a.Reasons {
			b.WriteString("- " + mdText(rs.Text) + "\n")
		}
		b.WriteString("\n")
	}
	if link != "" {
		b.WriteString("[Open in errlens](" + link + ") (secrets redacted)\n")
	}
	return b.String()
}

// table writes a Markdown table of n rows.
func table(b *strings.Builder, head []string, n int, row func(int) []string) {
	if n == 0 {
		return
	}
	b.WriteString("|" + strings.Join(head, "|") + "|\n|" + strings.Repeat("---|", len(head)) + "\n")
	for i := range n {
		cells := row(i)
		for j, c := range cells {
			if !strings.HasPrefix(c, "`") {
				c = mdText(c)
			}
			cells[j] = strings.ReplaceAll(c, "|", `\|`)
		}
		b.WriteString("|" + strings.Join(cells, "|") + "|\n")
	}
	b.WriteString("\n")
}

// mdText keeps text as text in Markdown: one line, with the characters that
// would format it escaped.
func mdText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, "#", `\#`).Replace(s)
}
