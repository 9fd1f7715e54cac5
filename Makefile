# errlens: see README.md. `make run` builds and serves the app on 127.0.0.1;
# `make test` runs every test.

GO        ?= go
GOROOT    := $(shell $(GO) env GOROOT)
WASM_EXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
FUZZTIME  ?= 2m
COUNT     ?= 6

BASE      ?= /
LIBS      := dialects/retry/testdata/libs
AXE       := app/server/testdata/axe

.PHONY: build run static test vet test-native test-wasm bench fuzz corpus

## build: web/app.wasm (precompressed) and the native errlens binary, each
## rebuilt only when a Go source or an embedded file changed.
## Inlining is off to keep app.wasm small, except in gjson, tidwall/match,
## dialects/message, strconv, internal/bytealg, unicode/utf8, math/bits and cmp (the
## smallest of the variants measured last), where it makes the code
## faster and, as measured with brotli, app.wasm.br smaller. GOWASM lets it use
## sign-extension and saturating conversions, which every browser errlens runs
## in has (it needs CompressionStream: Chrome 80, Firefox 113, Safari 16.4):
## about 6 KB less with brotli. app.wasm.br is brotli's default (quality 11, a
## 16 MB window), the size the budget is measured at; its output moves by up
## to 10 KB with any change of the input (function indexes and data addresses
## shift everywhere), whatever the change's own size. app/wasmstrip then zeroes
## the file and line tables and function names that only a printed stack trace
## reads: 125 KB less with brotli.
SOURCES := go.mod go.sum $(shell find app dialects main.go -name '*.go' ! -name '*_test.go' ! -path '*/testdata/*') \
	dialects/share/secretrules.json dialects/meanings.json $(wildcard dialects/builtin/*.json) $(wildcard dialects/testdata/*/*.gallery.http)

build: web/app.wasm.gz web/app.wasm.br errlens

web/app.wasm: $(SOURCES)
	GOOS=js GOARCH=wasm GOWASM=satconv,signext $(GO) build -trimpath -gcflags=all=-l -gcflags=github.com/tidwall/gjson= -gcflags=github.com/errlens/errlens/dialects/message= -gcflags=strconv= -gcflags=github.com/tidwall/match= -gcflags=internal/bytealg= -gcflags=unicode/utf8= -gcflags=math/bits= -gcflags=cmp= -ldflags="-s -w" -o web/app.wasm .
	$(GO) run ./app/wasmstrip web/app.wasm

web/app.wasm.gz: web/app.wasm
	gzip -9 -c web/app.wasm > web/app.wasm.gz

web/app.wasm.br: web/app.wasm
	rm -f web/app.wasm.br
	if command -v brotli >/dev/null; then brotli -c web/app.wasm > web/app.wasm.br; fi

errlens: $(SOURCES)
	$(GO) build -o errlens .

## run: build what changed, then serve the app on http://127.0.0.1:8000/
run: build
	./errlens serve --addr 127.0.0.1:8000

## static: the app as a static website in static/, for a host serving it at
## BASE (make static BASE=/tools/errlens/)
static: build
	find static -mindepth 1 ! -name .gitkeep -delete 2>/dev/null; ./errlens static --base $(BASE) --out static

## test: vet, native tests (browser tests included: they need web/app.wasm and
## chromium), the core's tests as WASM under Node
test: vet build test-native test-wasm

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet . ./app/... ./dialects/...

test-native: $(LIBS)/node_modules/.package-lock.json $(AXE)/node_modules/.package-lock.json
	$(GO) test ./...

## the npm retry libraries the retry tests run (dialects/retry/testdata/libs)
$(LIBS)/node_modules/.package-lock.json: $(LIBS)/package-lock.json
	if command -v npm >/dev/null; then cd $(LIBS) && npm ci --no-audit --no-fund; fi

## axe-core, which the accessibility browser test runs in the page
$(AXE)/node_modules/.package-lock.json: $(AXE)/package-lock.json
	if command -v npm >/dev/null; then cd $(AXE) && npm ci --no-audit --no-fund; fi

test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" ./dialects/...

## bench: the core's figures (medians of $(COUNT) runs, against encoding/json),
## app.wasm's size, redaction's figures and speed, and the browser's load,
## input-to-render times and longest tasks
bench: build
	$(GO) test -run '^$$' -bench 'Inspect|BaselineJSON' -benchmem -count $(COUNT) ./dialects/ | tee bench.out
	@awk -f .ci/medians.awk bench.out
	@echo
	@printf 'app.wasm: raw %d bytes, gzip %d, brotli %d (goal: brotli <= 1700000)\n' \
		$$(wc -c < web/app.wasm) $$(wc -c < web/app.wasm.gz) $$(wc -c < web/app.wasm.br)
	@echo
	$(GO) test -run 'TestSecretCorpus|TestOrdinaryValues' -v -count 1 ./dialects/share/ | grep -E 'removed|redacted \(' | tee -a bench.out
	$(GO) test -run '^$$' -bench 'FindSecrets' -benchtime 5x ./dialects/share/ | tee -a bench.out
	$(GO) test -run '^$$' -bench 'Browser/(load|input)' -benchtime 31x ./app/server/ | tee -a bench.out
	$(GO) test -run '^$$' -bench 'Browser/cold' -benchtime 5x ./app/server/ | tee -a bench.out
	$(GO) test -run '^$$' -bench 'Browser/longest' -benchtime 5x ./app/server/ | tee -a bench.out
	@echo "goals: load-to-first-decode < 1000 ms; cold-first-answer-20Mbit (empty cache, 20 Mbit/s, 40 ms RTT) <= 1200 ms; input-to-render-10KB ms-render-median < 16 ms; 1MB < 150 ms; longest task (10 MB paste, 100k-entry HAR) <= 500 ms"

## corpus: the scoreboard of the corpus of real responses
## (dialects/testdata/corpus): per dialect and per fact, how many are right
corpus:
	@$(GO) test -run '^TestCorpus$$' -v -count 1 ./dialects/corpus/ > corpus.out; status=$$?; \
		sed -n '/cases from/,/^ *$$/p;/corpus_test.go:[0-9]*: [a-z]/p' corpus.out; exit $$status
	$(GO) test -run '^TestSeeds$$' -count 1 ./dialects/ >/dev/null && echo "the five seed documents' examples: all read right (TestSeeds)"

## fuzz: every fuzz target for $(FUZZTIME) each
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzInspect$$' -fuzztime $(FUZZTIME) ./dialects/
	$(GO) test -run '^$$' -fuzz '^FuzzParseDialect$$' -fuzztime $(FUZZTIME) ./dialects/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./dialects/message/
	$(GO) test -run '^$$' -fuzz '^FuzzAdvise$$' -fuzztime $(FUZZTIME) ./dialects/retry/
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME) ./dialects/share/
	$(GO) test -run '^$$' -fuzz '^FuzzFindSecrets$$' -fuzztime $(FUZZTIME) ./dialects/share/
