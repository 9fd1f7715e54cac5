package dialects

import (
	"slices"
	"strings"
)

// Dialect is one way APIs write errors: how to recognise it and how to read it.
type Dialect struct {
	ID          string // stable id, used by the app, share links and the CLI's JSON
	Name        string // display name
	Description string // one line
	Spec        string // URL of its spec or documentation

	// Guidance is what the dialect's documentation says to do after its codes.
	Guidance []Guidance
	// Custom marks a dialect read from a user's file; File is that file.
	Custom bool
	File   string

	// detect scores a body from 0 to 100 with its evidence; nil for the
	// fallbacks, which are chosen by the body's kind.
	detect func(*doc, *score)
	// anchors, when set, are top-level members one of which detect needs:
	// without any, the body is not scored (most bodies skip most detectors).
	anchors    []string
	anchorBits uint64
	// decode reads what is the dialect's own; nil where the generic reader
	// (reader.go), which runs after it, reads all there is.
	decode func(*doc, *Report)
	index  int
}

// registry lists every dialect: the specific ones in detection order (ties go
// to the earlier), then the fallbacks.
var registry = []*Dialect{
	problemDetails, symfony, drf, errorcodeEnvelope, errorObject, flatError, stripe,
	googleRPC, jsonAPI, graphQL, odata, aws, github, fastAPI, springBoot,
	laravel, kubernetes, slack, boom, oauth2,
	twirp, connect, postgrest, elasticsearch, couchDB, matrix, telegram, salesforce,
	errorsList, falcon, trpc, loopback, rails, fhir, goa, grpcStatus,
	genericJSON, html, plainText, emptyBody, unrecorded,
}

// vocabRanks maps every folded name of every vocabulary to its places;
// vocabFolds holds each vocabulary's names folded, by place (foldVocabs
// builds them).
var (
	vocabRanks map[string]*folded
	vocabFolds [len(vocabs)][]string
)

func foldVocabs() {
	for id, names := range vocabText {
		vocabs[id] = strings.Fields(names)
	}
	m := map[string]*folded{}
	var fs [len(vocabs)][]string
	for id, list := range vocabs {
		if len(list) > 64 {
			panic("vocabulary over 64 names")
		}
		fs[id] = make([]string, len(list))
		for i, k := range list {
			fs[id][i] = addFolded(m, k, vocabRank{uint8(id), uint8(i)})
		}
	}
	vocabRanks, vocabFolds = m, fs
}

// indexNames builds the indexes of names the reader matches, once: from init,
// not from variable initializers, because a call among those makes the
// compiler build the registry and the vocabularies with code run at start
// rather than lay them out as data. UseBuiltins, which a native build runs
// from an earlier init, calls it first.
func indexNames() {
	if vocabRanks == nil {
		indexPhrases()
		foldVocabs()
	}
}

func init() {
	indexNames()
	for i, d := range registry {
		d.index = i
	}
	indexAnchors()
}

// indexAnchors makes every dialect's anchors a vocabulary of their own, in
// folded form, anew.
func indexAnchors() {
	for _, f := range vocabRanks {
		f.ranks = slices.DeleteFunc(f.ranks, func(r vocabRank) bool { return r.vocab == vAnchor })
	}
	var anchors []string
	for _, d := range registry {
		d.anchorBits = 0
		for _, k := range d.anchors {
			f := addFolded(vocabRanks, k, vocabRank{vAnchor, uint8(len(anchors))})
			j := index(anchors, f, len(anchors))
			if j < 0 {
				j = len(anchors)
				anchors = append(anchors, f)
			}
			d.anchorBits |= 1 << j
		}
	}
	vocabs[vAnchor] = anchors
	vocabFolds[vAnchor] = anchors
}

// All returns every dialect, in the registry's order.
func All() []*Dialect { return registry }

// IDs returns every dialect's id.
func IDs() []string {
	ids := make([]string, len(registry))
	for i, d := range registry {
		ids[i] = d.ID
	}
	return ids
}

// Lookup returns the dialect with id, or nil.
func Lookup(id string) *Dialect {
	for _, d := range registry {
		if d.ID == id {
			return d
		}
	}
	return nil
}
