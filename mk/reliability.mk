# mk/reliability.mk — reliability targets (issue 6), included by the Makefile.
#
#   make check-asan       the extension and the whole suite under ASan + UBSan
#   make check-valgrind   the extension's tests under valgrind memcheck
#   make fuzz             every libFuzzer target for FUZZ_SECONDS (default 60)
#   make fuzz-build       just build the fuzz targets
#
# `make test` itself runs the OOM driver (tests/oom/oom.sh) and replays the
# fuzz regression inputs (tests/fuzz/replay.sh) with the plain compiler: CI
# needs neither clang nor libFuzzer for it. See docs/reliability.md.

CLANG        ?= clang
FUZZ_SECONDS ?= 60
# Sanitizers: every report is fatal (-fno-sanitize-recover), frames kept.
SAN_FLAGS     = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_CFLAGS    = -O1 -g $(SAN_FLAGS) $(WARN) -std=c99
ASAN_RT       = $(shell $(CLANG) -print-file-name=libclang_rt.asan-x86_64.so)
REAL_SQLITE3  = $(shell command -v $(SQLITE3))

ASAN_DIR  = build/asan
ASAN_EXT  = $(ASAN_DIR)/learnclub.so
ASAN_BIN  = $(ASAN_DIR)/learnclub
ASAN_LOGS = $(abspath $(ASAN_DIR)/logs)
VG_LOGS   = $(abspath build/valgrind/logs)

# Sanitizer options, for the wrapped sqlite3 and for test binaries built
# with CC="$(CLANG) $(SAN_FLAGS)" (tests/oom, tests/core/old_sqlite): halt on
# the first report, write it to LOGDIR/san.PID (the learnclub command's
# too: LEARNCLUB runs it through tests/tools/learnclub-asan or -valgrind);
# tests/tools/san-report fails the run when any report exists.
san_env = ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:log_path=$(1)/san \
          UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:log_path=$(1)/san \
          LC_SAN_LOGDIR=$(1) LC_REAL_SQLITE3=$(REAL_SQLITE3)

.PHONY: check-asan check-valgrind fuzz fuzz-build

$(ASAN_EXT): $(SRC) $(HDR) mk/reliability.mk
	@mkdir -p $(ASAN_DIR)
	$(CLANG) $(SAN_CFLAGS) -fPIC -fvisibility=hidden -shared -o $@ $(SRC) $(LDLIBS)

# The learnclub command (issue 13) with the same sanitizers.
$(ASAN_BIN): $(CLI_SRC) $(CLI_HDR) $(SQL_GEN) $(SRC) $(HDR) mk/reliability.mk
	@mkdir -p $(ASAN_DIR)
	$(CLANG) $(SAN_CFLAGS) -fvisibility=hidden -Icli -o $@ $(CLI_SRC) $(SQL_GEN) $(SRC) $(BIN_LIBS)

# The whole suite (tests/run) with SQLITE3 = tests/tools/sqlite3-asan and the
# instrumented extension; C helpers of shell tests are built with CC = clang
# and the sanitizers, so they can load it. Hosts that are not instrumented
# (python, node, tcl in tests/hosts) cannot load it: LEARNCLUB_HOST_EXT names
# the plain build for them. Fails on a failed test or on any sanitizer report.
check-asan: $(ASAN_EXT) $(ASAN_BIN) $(EXT) $(BIN) $(NODE_IF) examples
	@rm -rf $(ASAN_LOGS) && mkdir -p $(ASAN_LOGS) && : >$(ASAN_LOGS)/commands
	@test -f "$(ASAN_RT)" || { echo "check-asan: no $(ASAN_RT) (install libclang-rt-14-dev)"; exit 1; }
	@rc=0; $(call san_env,$(ASAN_LOGS)) LC_ASAN_RT=$(ASAN_RT) \
	  SQLITE3=$(abspath tests/tools/sqlite3-asan) \
	  LEARNCLUB_EXT=$(abspath $(ASAN_DIR)/learnclub) \
	  LEARNCLUB=$(abspath tests/tools/learnclub-asan) LC_REAL_LEARNCLUB=$(abspath $(ASAN_BIN)) \
	  LEARNCLUB_HOST_EXT=$(abspath dist/learnclub) \
	  CC="$(CLANG) $(SAN_FLAGS)" bash tests/run || rc=1; \
	  bash tests/tools/san-report $(ASAN_LOGS) || rc=1; exit $$rc

# The extension's tests (tests/core, calendar, oom, fuzz: VALGRIND_DIRS) with
# SQLITE3 = tests/tools/sqlite3-valgrind and dist/learnclub.so; the OOM driver
# and the fuzz replays run under valgrind too (LC_BIN_WRAPPER). The workflow,
# bench, install and report tests run the same functions through hundreds more
# sqlite3 processes (about 1 s each under valgrind; tests/workflow alone takes
# 8 minutes and its busy-timeout cases then fail on timing), so they are left
# out by default. Fails on a failed test, a memcheck error or a definite leak.
# tests/cli runs the learnclub command under valgrind too (LEARNCLUB =
# tests/tools/learnclub-valgrind); TEST_TIME_FACTOR stretches its time limits,
# LC_UNDER_VALGRIND skips its cases with a broken TMPDIR (valgrind needs one).
VALGRIND_DIRS ?= core calendar oom fuzz cli
check-valgrind: $(EXT) $(BIN) examples
	@command -v valgrind >/dev/null || { echo "check-valgrind: valgrind is not installed"; exit 1; }
	@rm -rf $(VG_LOGS) && mkdir -p $(VG_LOGS) && : >$(VG_LOGS)/commands
	@rc=0; $(call san_env,$(VG_LOGS)) \
	  SQLITE3=$(abspath tests/tools/sqlite3-valgrind) \
	  LEARNCLUB=$(abspath tests/tools/learnclub-valgrind) LC_REAL_LEARNCLUB=$(abspath $(BIN)) TEST_TIME_FACTOR=20 LC_UNDER_VALGRIND=1 \
	  LC_VALGRIND_SUPP=$(abspath tests/tools/valgrind.supp) \
	  LC_BIN_WRAPPER="valgrind -q --error-exitcode=99 --suppressions=$(abspath tests/tools/valgrind.supp) --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --log-file=$(VG_LOGS)/vg.%p" \
	  bash tests/tools/run-subset $(VALGRIND_DIRS) || rc=1; \
	  bash tests/tools/san-report $(VG_LOGS) || rc=1; exit $$rc

# libFuzzer targets, one per family (tests/fuzz/fuzz_*.c, fuzz.h says how
# they work): the extension's sources compiled in with -DSQLITE_CORE, the
# system libsqlite3 linked. `make test` replays their corpus and regression
# inputs without libFuzzer (tests/fuzz/replay.sh).
FUZZ_TARGETS = fuzz_dates fuzz_rules fuzz_awards fuzz_aggregates fuzz_tvf fuzz_csv
FUZZ_BINS    = $(addprefix build/fuzz/,$(FUZZ_TARGETS))
FUZZ_FLAGS   = -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
               -fno-omit-frame-pointer -DSQLITE_CORE -Iext -Icli
# The command's CSV reader, fuzzed by fuzz_csv (issue 13), linked into all.
FUZZ_CLI     = cli/csv.c cli/text.c

build/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(SRC) $(HDR) $(FUZZ_CLI) mk/reliability.mk
	@mkdir -p build/fuzz
	$(CLANG) $(FUZZ_FLAGS) -o $@ $< $(SRC) $(FUZZ_CLI) -lsqlite3 $(LDLIBS)

fuzz-build: $(FUZZ_BINS)

# make fuzz FUZZ_SECONDS=N: every target for N seconds, one after another.
fuzz: $(FUZZ_BINS)
	@rm -rf build/fuzz/findings
	@bash tests/tools/fuzz-all $(FUZZ_SECONDS) $(FUZZ_TARGETS)
