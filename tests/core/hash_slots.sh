#!/usr/bin/env bash
# deadlines.c R8: deadline_ok()'s hash tables have a slot for every period and month.
source "$(dirname "$0")/../lib.sh"
bin="$TMPROOT/hash_slots"
root="$LEARNCLUB_ROOT"
${CC:-cc} -O1 -DSQLITE_CORE -I"$root/ext" -o "$bin" "$root/tests/core/hash_slots.c" \
  "$root"/ext/{awards,calendar,dates,hours,learnclub,pledges}.c -lsqlite3 -lm
check "R8 distinct slots for every period and month, keys as the texts load" \
  "714 periods in 714 slots, 612 months in 612 slots, 1326 keys as loaded" "$("$bin")"
