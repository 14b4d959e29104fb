# plancheck — make targets. `make test` is what CI runs (.ci/run).
GO          ?= go
STATICCHECK ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2
BIN         := bin/plancheck
VERSION     ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS     := -X github.com/jlp-hrss/plancheck/pkg/cli.version=$(VERSION)
FUZZTIME    ?= 10s

.PHONY: all build run sample test unit lint fmt fuzz bench clean

all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/plancheck

# The main job: evaluate the sample 2023 workbook against the embedded 十四五
# plan (the plan and the year are found by themselves).
run: build
	./$(BIN) eval testdata/2023.xlsx

# testdata/2023.xlsx is made by testdata/gensample; remake it after changing that.
sample:
	$(GO) run ./testdata/gensample

# Everything CI checks: formatting, vet, staticcheck, a tidy go.mod, the tests
# with the race detector, and a short run of every fuzz target.
test: lint unit fuzz

unit:
	$(GO) test -race -count=1 ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...
	$(GO) mod tidy -diff
	GOOS=windows GOARCH=amd64 $(GO) build -o /dev/null ./cmd/plancheck
	GOOS=darwin GOARCH=arm64 $(GO) build -o /dev/null ./cmd/plancheck

fmt:
	gofmt -w $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')
	$(GO) mod tidy

# Each fuzz target for FUZZTIME (go test runs one fuzz target per call).
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./pkg/expr
	$(GO) test -run='^$$' -fuzz='^FuzzLoad$$' -fuzztime=$(FUZZTIME) ./pkg/plan
	$(GO) test -run='^$$' -fuzz='^FuzzReadWorkbook$$' -fuzztime=$(FUZZTIME) ./pkg/actuals
	$(GO) test -run='^$$' -fuzz='^FuzzRows$$' -fuzztime=$(FUZZTIME) ./pkg/actuals/xlsx

bench:
	$(GO) test -run='^$$' -bench=. -benchmem -count=6 ./... | tee bench.txt

clean:
	rm -rf bin bench.txt
