#!/usr/bin/env bash
# deadlines.c R8: the fast path's hash table has a slot for every period.
source "$(dirname "$0")/../lib.sh"
bin="$TMPROOT/hash_slots"
root="$LEARNCLUB_ROOT"
${CC:-cc} -O1 -DSQLITE_CORE -I"$root/ext" -o "$bin" "$root/tests/core/hash_slots.c" \
  "$root"/ext/{awards,calendar,dates,hours,learnclub,pledges}.c -lsqlite3 -lm
check "R8 714 periods, 714 distinct slots, keys as the texts load" \
  "714 keys, 714 slots, 714 as loaded" "$("$bin")"
