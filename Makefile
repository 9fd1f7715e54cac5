# errlens: see README.md. `make run` builds and serves the app on 127.0.0.1;
# `make test` runs every test.

GO        ?= go
GOROOT    := $(shell $(GO) env GOROOT)
WASM_EXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
FUZZTIME  ?= 2m
COUNT     ?= 6

.PHONY: build run test vet test-native test-wasm bench fuzz

## build: the native errlens binary (CLI)
build:
	$(GO) build -o errlens .

## run: build, then run errlens
run: build
	./errlens

## test: vet, native tests, the core's tests as WASM under Node
test: vet test-native test-wasm

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./dialects/...

test-native:
	$(GO) test ./...

test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" ./dialects/...

## bench: the core's figures, medians of $(COUNT) runs, against encoding/json
bench:
	$(GO) test -run '^$$' -bench 'Inspect|BaselineJSON' -benchmem -count $(COUNT) ./dialects/ | tee bench.out
	@awk -f .ci/medians.awk bench.out

## fuzz: every fuzz target for $(FUZZTIME) each
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzInspect$$' -fuzztime $(FUZZTIME) ./dialects/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./dialects/message/
	$(GO) test -run '^$$' -fuzz '^FuzzAdvise$$' -fuzztime $(FUZZTIME) ./dialects/retry/
