#!/usr/bin/env bash
# calendar.c (issue 12): cal_build() sizes the holiday array from the data and
# checks its bounds. From 2026 a year has 17 base holidays (노동절 and 제헌절
# added, KR5), more than the 16 a year the array once had room for.
source "$(dirname "$0")/../lib.sh"
bin="$TMPROOT/cal_build"
root="$LEARNCLUB_ROOT"
others=()  # every other source of the extension (cal_build.c includes calendar.c)
for f in "$root"/ext/*.c; do [ "${f##*/}" = calendar.c ] || others+=("$f"); done
${CC:-cc} -O1 -g -DSQLITE_CORE -I"$root/ext" -o "$bin" "$root/tests/calendar/cal_build.c" \
  "${others[@]}" -lsqlite3 -lm
out=$(${LC_BIN_WRAPPER:-} "$bin")
check "C2 the most base holidays a year has: 17, from 2026" "most base holidays in a year: 17 (2026)" "$(sed -n 1p <<<"$out")"
check "a list counts every holiday and writes only within its room" "room 3: counted 17, written within room: yes" "$(sed -n 2p <<<"$out")"
nSql=$("$SQLITE3" -batch :memory: -cmd ".load $LEARNCLUB_EXT" "SELECT count(*) FROM holidays('2000-01-01', '2050-12-31');")
check "the calendar stores what holidays() gives, in room counted from the data" \
  "yes" "$(awk -v n="$nSql" '/^base holidays/ { split($0, w, /[ ,]+/); print (w[7] == n && w[7] <= w[5] && /sorted yes, in range yes/) ? "yes" : $0 }' <<<"$out")"
