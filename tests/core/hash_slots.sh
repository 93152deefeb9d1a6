#!/usr/bin/env bash
# deadline_fast.c F6, F7: deadline_ok()'s hash tables have a slot for every
# period and month, and its day ordinals order as the days do.
source "$(dirname "$0")/../lib.sh"
bin="$TMPROOT/hash_slots"
root="$LEARNCLUB_ROOT"
others=()  # every other source of the extension (hash_slots.c includes deadline_fast.c)
for f in "$root"/ext/*.c; do [ "${f##*/}" = deadline_fast.c ] || others+=("$f"); done
${CC:-cc} -O1 -DSQLITE_CORE -I"$root/ext" -o "$bin" "$root/tests/core/hash_slots.c" \
  "${others[@]}" -lsqlite3 -lm
out=$("$bin")
check "F6 distinct slots for every period and month, keys as the texts load" \
  "714 periods in 714 slots, 612 months in 612 slots, 1326 keys as loaded" "$(sed -n 1p <<<"$out")"
check "F7 day ordinals in date order over 2000–2050, month ordinals in 16 bits" \
  "18628 days, 18628 in order; 612 months' first ordinals fit 16 bits" "$(sed -n 2p <<<"$out")"
