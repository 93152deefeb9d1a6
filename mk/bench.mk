# mk/bench.mk — the performance benchmark (issue 7), included by the Makefile.
#
#   make bench         generate (or reuse) the databases, run every measurement,
#                      print the summary table; results in build/bench/last/
#   make bench-smoke   the same on a few thousand rows, every measurement once:
#                      seconds, asserts only that each measurement gave a number
#                      (tests/bench/smoke.sh runs it in `make test`)
#   make bench-data    just the databases
#   make bench-report  the HTML report alone (issue 16): the page of the
#                      one-year database against its own queries, and its
#                      size; results in build/bench/report/
#
# The generated databases are cached under build/bench/, named by a key: the
# hash of the generator, sql/schema.sql and the generator's arguments. A rerun
# with the same inputs reuses them (file times do not matter); a change to any
# input makes new ones and drops the older ones of that kind.
# BENCH_REPS (5) sets the repetitions, BENCH_CALLGRIND=0 skips callgrind.
# See bench/README.md.

BENCH_DIR      = build/bench
BENCH_SEED    ?= 1
BENCH_GOVS    ?= 243
BENCH_CLUBS   ?= 20
BENCH_MEMBERS ?= 12
BENCH_YEARS   ?= 10
BENCH_LAST    ?= 2025
BENCH_ROWS    ?= 10000000
NOOP_SO        = $(BENCH_DIR)/noop.so

# bench_key FILES,ARGS — 12 hex digits of sha256(the FILES' contents, ARGS)
bench_key = $(shell { cat $(1); echo '$(2)'; } | sha256sum | cut -c1-12)
BENCH_GEN_ARGS10 = $(shell echo $$(($(BENCH_LAST) - $(BENCH_YEARS) + 1))) $(BENCH_YEARS) $(BENCH_GOVS) $(BENCH_CLUBS) $(BENCH_MEMBERS) $(BENCH_SEED)
BENCH_GEN_ARGS1  = $(BENCH_LAST) 1 $(BENCH_GOVS) $(BENCH_CLUBS) $(BENCH_MEMBERS) $(BENCH_SEED)
BENCH_NATIONAL = $(BENCH_DIR)/national-$(call bench_key,bench/gen.sh bench/hash.sh sql/schema.sql sql/rules.sql,$(BENCH_GEN_ARGS10)).db
BENCH_ONEYEAR  = $(BENCH_DIR)/oneyear-$(call bench_key,bench/gen.sh bench/hash.sh sql/schema.sql sql/rules.sql,$(BENCH_GEN_ARGS1)).db
BENCH_FLOOR    = $(BENCH_DIR)/floor-$(call bench_key,bench/gen-floor.sh bench/hash.sh,$(BENCH_ROWS) $(BENCH_SEED)).db

# the smoke shape: 2 governments, 5 clubs of 6, 3 years; 3 000 per-call rows
SMOKE_DIR      = $(BENCH_DIR)/smoke
SMOKE_ARGS10   = 2023 3 2 5 6 $(BENCH_SEED)
SMOKE_ARGS1    = 2025 1 2 5 6 $(BENCH_SEED)
SMOKE_NATIONAL = $(SMOKE_DIR)/national-$(call bench_key,bench/gen.sh bench/hash.sh sql/schema.sql sql/rules.sql,$(SMOKE_ARGS10)).db
SMOKE_ONEYEAR  = $(SMOKE_DIR)/oneyear-$(call bench_key,bench/gen.sh bench/hash.sh sql/schema.sql sql/rules.sql,$(SMOKE_ARGS1)).db
SMOKE_FLOOR    = $(SMOKE_DIR)/floor-$(call bench_key,bench/gen-floor.sh bench/hash.sh,3000 $(BENCH_SEED)).db

.PHONY: bench bench-smoke bench-data bench-report

# The no-op floor: built for the benchmark only, never shipped (not in dist/).
$(NOOP_SO): bench/noop.c mk/bench.mk
	@mkdir -p $(BENCH_DIR)
	$(CC) $(CFLAGS) -std=c99 -fPIC -shared -o $@ bench/noop.c

# gen_db OUT SCRIPT ARGS KIND — run a generator, keep its report beside the
# database; then drop the cache's older databases of that KIND (other keys)
define gen_db
	@mkdir -p $(dir $(1))
	@bash $(2) $(1) $(3) >$(1).log 2>&1; rc=$$?; cat $(1).log; exit $$rc
	@for f in $(dir $(1))$(4)-*.db; do [ "$$f" = "$(1)" ] || rm -f "$$f" "$$f.log" "$$f.tmp" "$$f.tmp-journal"; done
endef

$(BENCH_NATIONAL):
	$(call gen_db,$@,bench/gen.sh,$(BENCH_GEN_ARGS10),national)
$(BENCH_ONEYEAR):
	$(call gen_db,$@,bench/gen.sh,$(BENCH_GEN_ARGS1),oneyear)
$(BENCH_FLOOR):
	$(call gen_db,$@,bench/gen-floor.sh,$(BENCH_ROWS) $(BENCH_SEED),floor)
$(SMOKE_NATIONAL):
	$(call gen_db,$@,bench/gen.sh,$(SMOKE_ARGS10),national)
$(SMOKE_ONEYEAR):
	$(call gen_db,$@,bench/gen.sh,$(SMOKE_ARGS1),oneyear)
$(SMOKE_FLOOR):
	$(call gen_db,$@,bench/gen-floor.sh,3000 $(BENCH_SEED),floor)

bench-data: $(BENCH_NATIONAL) $(BENCH_ONEYEAR) $(BENCH_FLOOR)

bench: $(EXT) $(BIN) $(NODE_IF) $(NOOP_SO) $(BENCH_NATIONAL) $(BENCH_ONEYEAR) $(BENCH_FLOOR)
	@echo "== the databases (generator's report; cached under $(BENCH_DIR)/ by key)"
	@cat $(BENCH_NATIONAL).log $(BENCH_ONEYEAR).log $(BENCH_FLOOR).log
	@rm -rf $(BENCH_DIR)/last
	@start=$$(date +%s); NOOP_EXT=$(abspath $(BENCH_DIR)/noop) SQLITE3=$(SQLITE3) \
	  bash bench/run.sh $(BENCH_NATIONAL) $(BENCH_ONEYEAR) $(BENCH_FLOOR) $(BENCH_DIR)/last && \
	  { uname -srm; grep -m1 'model name' /proc/cpuinfo; nproc; $(SQLITE3) --version; \
	    echo "measurements took $$(( $$(date +%s) - start )) s"; } >$(BENCH_DIR)/last/machine.txt
	@echo; echo "== summary (build/bench/last/summary.txt)"
	@bash bench/summary.sh $(BENCH_DIR)/last | tee $(BENCH_DIR)/last/summary.txt

bench-smoke: $(EXT) $(BIN) $(NODE_IF) $(NOOP_SO) $(SMOKE_NATIONAL) $(SMOKE_ONEYEAR) $(SMOKE_FLOOR)
	@rm -rf $(SMOKE_DIR)/last
	@BENCH_SMOKE=1 NOOP_EXT=$(abspath $(BENCH_DIR)/noop) SQLITE3=$(SQLITE3) \
	  bash bench/run.sh $(SMOKE_NATIONAL) $(SMOKE_ONEYEAR) $(SMOKE_FLOOR) $(SMOKE_DIR)/last
	@bash bench/summary.sh $(SMOKE_DIR)/last

# issue 16: the report's measurement alone, on the one-year database (given
# for all three: BENCH_ONLY=report reads only the one-year one); the summary's
# other rows say NO NUMBER, so only the report's lines are shown.
bench-report: $(EXT) $(BIN) $(NOOP_SO) $(BENCH_ONEYEAR)
	@rm -rf $(BENCH_DIR)/report
	@BENCH_ONLY=report NOOP_EXT=$(abspath $(BENCH_DIR)/noop) SQLITE3=$(SQLITE3) \
	  bash bench/run.sh $(BENCH_ONEYEAR) $(BENCH_ONEYEAR) $(BENCH_ONEYEAR) $(BENCH_DIR)/report
	@{ { bash bench/summary.sh $(BENCH_DIR)/report 2>/dev/null || true; } | grep -E '^(measurement |report: )'; \
	   cat $(BENCH_DIR)/report/report-size.txt; } | tee $(BENCH_DIR)/report/summary.txt
