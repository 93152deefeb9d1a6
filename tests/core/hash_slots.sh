#!/usr/bin/env bash
# deadlines.c R8: deadline_ok()'s hash tables have a slot for every period and month.
source "$(dirname "$0")/../lib.sh"
bin="$TMPROOT/hash_slots"
root="$LEARNCLUB_ROOT"
others=()  # every other source of the extension (hash_slots.c includes deadlines.c)
for f in "$root"/ext/*.c; do [ "${f##*/}" = deadlines.c ] || others+=("$f"); done
${CC:-cc} -O1 -DSQLITE_CORE -I"$root/ext" -o "$bin" "$root/tests/core/hash_slots.c" \
  "${others[@]}" -lsqlite3 -lm
check "R8 distinct slots for every period and month, keys as the texts load" \
  "714 periods in 714 slots, 612 months in 612 slots, 1326 keys as loaded" "$("$bin")"
