# plancheck — make targets. `make test` is what CI runs (.ci/run);
# `make test-short` is the quick tier for the edit–test loop.
GO          ?= go
BIN         := bin/plancheck
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS     := -X github.com/jlp-hrss/plancheck/pkg/cli.version=$(VERSION)
FUZZTIME    ?= 10s
# How long the fuzzer may shrink each new input it finds: by default it spends
# a minute on each, which left a 10 s run almost no time to fuzz.
FUZZMINIMIZE ?= 100x
# Where make fuzz keeps what the fuzzer finds: emptied at each run, so that a
# run starts from the seed corpora. In Go's own cache ($GOCACHE/fuzz) the
# inputs of long fuzzing sessions piled up, and gathering their coverage took
# a 10 s run's whole time ("context deadline exceeded").
FUZZCACHE   ?= bin/fuzzcache

# staticcheck, pinned. It is installed once into bin/tools/, under a name that
# carries the version (so changing the version installs it again), instead of
# `go run …@version` at every lint, which resolves the module again each time.
# The first install compiles it (about a minute of CPU); it can start while
# vet still compiles, see lint. STATICCHECK=… uses another binary instead.
STATICCHECK_VERSION := v0.8.2
STATICCHECK_BIN     := bin/tools/staticcheck-$(STATICCHECK_VERSION)
STATICCHECK         ?= $(STATICCHECK_BIN)

# How many of make's jobs `make test` runs at once: one per core. Each of the
# lint checks and the unit tests is one `go` command that already keeps the
# cores busy while it compiles; running them side by side fills the gaps
# (module downloads, links, test binaries waiting for LibreOffice).
JOBS        ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all build run sample test test-short unit lint lint-fmt lint-vet \
        lint-staticcheck lint-tidy lint-windows lint-darwin staticcheck-bin fmt fuzz \
        bench clean dist

all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/plancheck

# The binaries to hand to analysts, into DIST: one per system of
# DIST_PLATFORMS, named plancheck-GOOS-GOARCH (.exe on Windows), with the
# version stamped in, and SHA256SUMS for them. -trimpath and no cgo make the
# bytes depend only on the source, the Go version and VERSION, not on the
# machine or the folder. CI runs it for its own system only (TestMakeDist in
# pkg/cli, which checks the names, the version and SHA256SUMS): lint-windows
# and lint-darwin already compile and link the command for Windows and macOS,
# and four more optimised builds would add minutes. DIST_PLATFORMS=linux/amd64
# builds one.
DIST           ?= dist
DIST_PLATFORMS ?= windows/amd64 linux/amd64 linux/arm64 darwin/arm64

dist:
	@mkdir -p $(DIST)
	rm -f $(DIST)/plancheck-* $(DIST)/SHA256SUMS
	@set -e; for p in $(DIST_PLATFORMS); do \
	  os=$${p%/*}; arch=$${p#*/}; out=$(DIST)/plancheck-$$os-$$arch; \
	  case $$os in windows) out=$$out.exe;; esac; \
	  echo "GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $$out ./cmd/plancheck"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $$out ./cmd/plancheck; \
	done
	cd $(DIST) && export LC_ALL=C && if command -v sha256sum >/dev/null; then \
	  sha256sum plancheck-*; else shasum -a 256 plancheck-*; fi > SHA256SUMS

# The main job: evaluate the sample 2023 workbook against the embedded 十四五
# plan (the plan and the year are found by themselves).
run: build
	./$(BIN) eval testdata/2023.xlsx

# testdata/2023.xlsx is made by testdata/gensample; remake it after changing that.
sample:
	$(GO) run ./testdata/gensample

# Everything CI checks: formatting, vet, staticcheck, a tidy go.mod, builds
# for windows and darwin, every test with the race detector (LibreOffice and
# openpyxl included), and a short run of every fuzz target.
#
# The unit tests and the lint checks run side by side (JOBS at once, each
# one's output printed together when it ends): unit starts first, being the
# longest (a race-instrumented build of everything, then LibreOffice), and the
# lint checks, which share nothing with it in the build cache, fill the cores
# around it. The fuzz targets run after both, one at a time, so that each
# gets every core for its FUZZTIME.
test:
	@$(MAKE) --no-print-directory -j$(JOBS) --output-sync=target unit lint
	@$(MAKE) --no-print-directory fuzz

# The quick tier: every test except those that start LibreOffice or Python
# (workbooktest skips them under -short), without the race detector; well
# under 30 s with a warm build cache. Run `make test` before pushing.
test-short:
	$(GO) test -short ./...

# -vet=off: `go vet ./...` (lint) runs every analyzer go test would run
# before the tests, and more, so go test need not run them again.
# -timeout=30m: cmd/plancheck's tests (scripts, baselines, the hostile corpus
# and memory tests on child processes) take 6–10 minutes under -race on a busy
# 2-core machine, at go test's default limit of ten.
unit:
	$(GO) test -race -vet=off -count=1 -timeout=30m ./...

lint: lint-fmt lint-vet lint-staticcheck lint-tidy lint-windows lint-darwin

lint-fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

lint-vet:
	$(GO) vet ./...

# After vet: staticcheck loads the packages' export data through
# `go list -export`, which then reuses what vet compiled instead of compiling
# it again side by side. Installing staticcheck may run meanwhile.
lint-staticcheck: lint-vet $(if $(filter $(STATICCHECK_BIN),$(STATICCHECK)),$(STATICCHECK_BIN))
	$(STATICCHECK) ./...

# .ci/run installs it ahead, while apt-get runs.
staticcheck-bin: $(STATICCHECK_BIN)

$(STATICCHECK_BIN):
	GOBIN=$(CURDIR)/bin/tools $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	mv bin/tools/staticcheck $@

lint-tidy:
	$(GO) mod tidy -diff

# The command compiles and links for systems CI does not run on. Nothing is
# kept, so -N -l (no optimisation, no inlining): the compiler reports the same
# errors for a quarter less CPU from a cold cache (windows: 53 s, not 71 s).
# As two targets, so that make can run them side by side.
CROSSFLAGS := -gcflags='all=-N -l' -o /dev/null ./cmd/plancheck

lint-windows:
	GOOS=windows GOARCH=amd64 $(GO) build $(CROSSFLAGS)

lint-darwin:
	GOOS=darwin GOARCH=arm64 $(GO) build $(CROSSFLAGS)

fmt:
	gofmt -w $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')
	$(GO) mod tidy

# Each fuzz target for FUZZTIME (go test runs one fuzz target per call). The
# seed corpora already ran in unit, hence -vet=off too.
fuzz:
	rm -rf $(FUZZCACHE)
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/expr -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzLoad$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/plan -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzEncode$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/plan -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzReadWorkbook$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/actuals -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzValueText$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/actuals -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzTextSource$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/actuals -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzHTMLSource$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/actuals -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzODSSource$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/actuals -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzXLSSource$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/actuals -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzCFB$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/actuals/cfb -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzRows$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/actuals/xlsx -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzScanner$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/actuals/xlsx -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzParts$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/actuals/xlsx -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzMergeRef$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/actuals/xlsx -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzNewPlan$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/newplan -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))
	$(GO) test -vet=off -run='^$$' -fuzz='^FuzzFormula$$' -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./pkg/actuals/xlsx -args -test.fuzzcachedir=$(abspath $(FUZZCACHE))

# The Go benchmarks of each stage (six runs each, into bench.txt: compare runs
# with benchstat), then testdata/bench: plancheck as a user runs it, against
# excelize's bare Rows loop and the unzip floor, on workbooks it generates into
# bin/bench-data (never committed), with the goals of issue 8 as PASS/FAIL.
# BENCHRUNS=3 for a quicker run.
BENCHRUNS ?= 5

bench: build
	$(GO) test -run='^$$' -bench=. -benchmem -count=6 ./... | tee bench.txt
	$(GO) build -o bin/bench ./testdata/bench
	./bin/bench run -plancheck $(BIN) -dir bin/bench-data -n $(BENCHRUNS)

clean:
	rm -rf bin bench.txt
