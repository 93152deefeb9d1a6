#!/usr/bin/env bash
# The out-of-memory driver (issue 6; tests/oom/oom.c says what it checks):
# every function and table-valued function, and the loading of the
# extension, with the 1st, 2nd, … allocation failing in turn. Built with $CC
# (make check-asan sets clang with the sanitizers, so leaks and bad accesses
# after a failure are caught there too; make check-valgrind runs it under
# valgrind) against the system libsqlite3.
# The driver prints the PASS/FAIL lines itself, one per case.
source "$(dirname "$0")/../lib.sh"
bin="$TMPROOT/oom"
if ! out=$(${CC:-cc} -O1 -g -o "$bin" "$LEARNCLUB_ROOT/tests/oom/oom.c" -lsqlite3 2>&1); then
  check "OOM driver builds" "" "$out"
  exit 0
fi
# LC_BIN_WRAPPER: make check-valgrind runs the driver under valgrind.
${LC_BIN_WRAPPER:-} "$bin" "$LEARNCLUB_EXT" 2>"$TMPROOT/oom.err"
rc=$?
check "OOM driver exits cleanly" "0" "$rc$( [ "$rc" -ne 0 ] && printf ': %s' "$(tail -n 3 "$TMPROOT/oom.err")")"
