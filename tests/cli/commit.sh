#!/usr/bin/env bash
# Issue 13, cli/db.c D4 and files.c F1 on a disk whose fsync fails (EIO,
# tests/cli/fsync_fail.c preloaded): a COMMIT that fails with an I/O error
# says its outcome is unknown, never "nothing imported"; an output file that
# cannot be synced is not put in place, and the old one stays.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
w="$TMPROOT/commit"; rm -rf "$w"; mkdir -p "$w"
# the shim is built with the plain compiler even under check-asan: it only returns EIO
if ! cc -shared -fPIC -o "$w/fsync_fail.so" "$LEARNCLUB_ROOT/tests/cli/fsync_fail.c" 2>"$w/cc.err"; then
  check "fsync_fail.so builds" "" "$(cat "$w/cc.err")"; exit 0
fi
T="$LEARNCLUB_ROOT/examples/templates"
for mode in wal delete; do
  db="$w/$mode.db"; cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"
  "$SQLITE3" "$db" "PRAGMA journal_mode = $mode;" >/dev/null
  out=$(LD_PRELOAD="$w/fsync_fail.so" "$LC" import-meetings "$db" "$T/meetings.csv" 2>&1); rc=$?
  check "D4 import, COMMIT meets an I/O error ($mode journal): outcome unknown, said so" \
    "learnclub import-meetings: $db: input/output error (disk I/O error) during COMMIT; the changes may or may not have been written|2" "$out|$rc"
done
db="$w/eval.db"; cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"
out=$(LD_PRELOAD="$w/fsync_fail.so" "$LC" evaluate "$db" 2015-H1 2>&1 >/dev/null); rc=$?
check "D4 evaluate, COMMIT meets an I/O error: not 'nothing was written'" \
  "learnclub evaluate: $db: input/output error (disk I/O error) during COMMIT; the changes may or may not have been written|2" "$out|$rc"
db="$w/report.db"; cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"
printf 'the old page\n' >"$w/page.html"
out=$(LD_PRELOAD="$w/fsync_fail.so" LEARNCLUB_TODAY=2016-01-31 "$LC" report "$db" 2015 --html "$w/page.html" 2>&1); rc=$?
check "F1 report whose page cannot be synced: refused, the old page kept" \
  "learnclub report: cannot write '$w/page.html': Input/output error; it was left as it was|2|the old page" "$out|$rc|$(cat "$w/page.html")"
check "F1 ... and no temporary file left in the folder" "" "$(ls -A "$w" | grep '^\.')"
out=$(LD_PRELOAD="$w/fsync_fail.so" "$LC" backup "$w/report.db" "$w/copy.db" 2>&1); rc=$?
check "F1 backup that cannot be synced: refused, no file" \
  "learnclub backup: cannot write '$w/copy.db': Input/output error; nothing was written|2|absent" "$out|$rc|$([ -e "$w/copy.db" ] && echo present || echo absent)"
