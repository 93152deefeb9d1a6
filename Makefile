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

EXAMPLE_SQL = $(wildcard examples/*.sql)
EXAMPLE_DB  = $(EXAMPLE_SQL:.sql=.db)

.PHONY: all test demo examples clean deps

all: $(EXT) $(BIN)

$(EXT): $(SRC) $(HDR) Makefile
	@mkdir -p dist
	$(CC) $(ALL_CFLAGS) -shared -o $@ $(SRC) $(LDLIBS)

$(SQL_GEN): $(SQL_SRC) scripts/embed-sql
	@mkdir -p dist/gen
	bash scripts/embed-sql $(SQL_SRC) >$@.tmp && mv $@.tmp $@

$(BIN): $(CLI_SRC) $(CLI_HDR) $(SQL_GEN) $(SRC) $(HDR) Makefile
	@mkdir -p dist/bin
	$(CC) $(BIN_CFLAGS) -Icli -o $@ $(CLI_SRC) $(SQL_GEN) $(SRC) $(BIN_LIBS)

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
	@$(MAKE) --no-print-directory $(EXT) $(BIN) examples
	@SQLITE3=$(SQLITE3) bash tests/run

demo: $(EXT) $(BIN) examples
	@bash examples/demo.sh

clean:
	rm -rf dist $(EXAMPLE_DB)
include mk/reliability.mk
include mk/bench.mk
include mk/install.mk
