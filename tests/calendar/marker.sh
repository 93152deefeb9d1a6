#!/usr/bin/env bash
# calendar.c C9: the per-statement marker's four properties, on the SQLite
# that runs the tests (tests/calendar/marker.c says what each is).
source "$(dirname "$0")/../lib.sh"
bin="$TMPROOT/marker"
${CC:-cc} -O1 -g -I"$LEARNCLUB_ROOT/ext" -o "$bin" "$LEARNCLUB_ROOT/tests/calendar/marker.c" -lsqlite3
out=$(${LC_BIN_WRAPPER:-} "$bin")
check "C9 marker: lasts from call to call within a run" "1 yes" "$(sed -n 1p <<<"$out")"
check "C9 marker: shared by the functions of the statement" "2 yes" "$(sed -n 2p <<<"$out")"
check "C9 marker: gone after a reset (each run checks again)" "3 yes" "$(sed -n 3p <<<"$out")"
check "C9 marker: not seen by another statement" "4 yes" "$(sed -n 4p <<<"$out")"
