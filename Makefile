# learnclub — build, test, demo.  `make` builds dist/learnclub.so and the
# command dist/bin/learnclub; `make test` runs the suite; `make demo` runs the
# main job on an example database.
CC       ?= cc
SQLITE3  ?= sqlite3
CFLAGS   ?= -O2 -g
WARN      = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter
ALL_CFLAGS = $(CFLAGS) $(WARN) -std=c99 -fPIC -fvisibility=hidden
LDLIBS    = -lm

SRC  = $(wildcard ext/*.c)
HDR  = $(wildcard ext/*.h)
EXT  = dist/learnclub.so

# The command (issue 13): cli/*.c, the extension's sources linked in, and
# sql/ embedded as generated C (scripts/embed-sql).
CLI_SRC  = $(wildcard cli/*.c)
CLI_HDR  = $(wildcard cli/*.h)
SQL_SRC  = $(wildcard sql/*.sql) $(wildcard sql/migrate/*.sql) $(wildcard sql/list/*.sql) $(wildcard sql/remove/*.sql)
SQL_GEN  = dist/gen/lc_sql.c
BIN      = dist/bin/learnclub
BIN_CFLAGS = $(CFLAGS) $(WARN) -std=c99 -fvisibility=hidden
# issue 16: --format xlsx is written with Debian's libxlsxwriter (libxlsxwriter-dev)
XLSX_LIBS := $(shell pkg-config --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter -lz)
BIN_LIBS  = -lsqlite3 -lm $(XLSX_LIBS)

# The cluster node (issue 17): cluster/*.go, Go on go-dqlite's app package,
# with the extension's objects linked in (dist/gen/liblcext.a). Built only
# where golang-go and go-dqlite's Debian sources are installed (CI installs
# them: scripts/install-deps); the rest of the build never needs them. Go
# packages come from Debian's sources only: GOPATH mode on /usr/share/gocode,
# no proxy, no network.
NODE      = dist/bin/learnclub-node
NODE_SRC  = $(wildcard cluster/*.go)
EXT_LIB   = dist/gen/liblcext.a
EXT_OBJ   = $(patsubst ext/%.c,dist/gen/ext/%.o,$(SRC))
GO       ?= go
GOCODE   ?= /usr/share/gocode
NODE_IF   = $(if $(and $(shell command -v $(GO)),$(wildcard $(GOCODE)/src/github.com/canonical/go-dqlite/app)),$(NODE))

EXAMPLE_SQL = $(wildcard examples/*.sql)
EXAMPLE_DB  = $(EXAMPLE_SQL:.sql=.db)

.PHONY: all test demo examples clean deps check-cluster

all: $(EXT) $(BIN) $(NODE_IF)

$(EXT): $(SRC) $(HDR) Makefile
	@mkdir -p dist
	$(CC) $(ALL_CFLAGS) -shared -o $@ $(SRC) $(LDLIBS)

$(SQL_GEN): $(SQL_SRC) scripts/embed-sql
	@mkdir -p dist/gen
	bash scripts/embed-sql $(SQL_SRC) >$@.tmp && mv $@.tmp $@

$(BIN): $(CLI_SRC) $(CLI_HDR) $(SQL_GEN) $(SRC) $(HDR) Makefile
	@mkdir -p dist/bin
	$(CC) $(BIN_CFLAGS) -Icli -o $@ $(CLI_SRC) $(SQL_GEN) $(SRC) $(BIN_LIBS)

dist/gen/ext/%.o: ext/%.c $(HDR) Makefile
	@mkdir -p dist/gen/ext
	$(CC) $(BIN_CFLAGS) -fPIC -c -o $@ $<

$(EXT_LIB): $(EXT_OBJ)
	rm -f $@ && ar rcs $@ $(EXT_OBJ)

# go-dqlite's bindings ask the linker for -Wl,-z,now, which cgo allows only
# when told.
$(NODE): $(NODE_SRC) $(EXT_LIB)
	@mkdir -p dist/bin
	cd cluster && CGO_LDFLAGS_ALLOW='-Wl,-z,now' GO111MODULE=off GOPATH=$(GOCODE) \
	  GOPROXY=off GOFLAGS= $(GO) build -o ../$(NODE) .

# An example database is built from its SQL by the sqlite3 shell with the
# extension loaded; a failure removes the half-built file.
examples/%.db: examples/%.sql $(EXT) $(wildcard sql/*.sql)
	@rm -f $@
	cd examples && $(SQLITE3) -batch -bail $*.db -cmd ".load ../dist/learnclub" ".read $*.sql" >/dev/null || { rm -f $*.db; exit 1; }

examples: $(EXAMPLE_DB)

# A fresh machine (issue 12): `make test` first installs what the suite
# needs and lacks, the way CI does (scripts/install-deps: as root, or through
# sudo; it only checks when everything is there). Nothing else comes first.
deps:
	@bash scripts/install-deps

test: deps
	@$(MAKE) --no-print-directory $(EXT) $(BIN) $(NODE_IF) examples
	@SQLITE3=$(SQLITE3) bash tests/run

# Issue 17: the full fault test (three leader kills in a stream of 60
# imports) and the rest of tests/cluster/; `make test` runs one kill.
check-cluster: deps
	@$(MAKE) --no-print-directory $(EXT) $(BIN) $(NODE_IF) examples
	@FAULT_KILLS=3 FAULT_IMPORTS=60 TEST_FILTER=cluster SQLITE3=$(SQLITE3) bash tests/run

demo: $(EXT) $(BIN) examples
	@bash examples/demo.sh

clean:
	rm -rf dist $(EXAMPLE_DB)
include mk/reliability.mk
include mk/bench.mk
include mk/install.mk
