#!/usr/bin/env bash
# Issue 14 (H3): the change log (cli/changelog.c CL1-CL5, sql/log.sql) and
# `learnclub log DB [--since YYYY-MM-DD]`.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
T="$LEARNCLUB_ROOT/examples/templates"
w="$TMPROOT/changelog"; rm -rf "$w"; mkdir -p "$w"
db="$w/db.db"
export LEARNCLUB_TODAY=2015-08-01
me=$(id -un)
q() { "$SQLITE3" "$db" "$1"; }

"$LC" init "$db" >/dev/null
check "CL3 init: a created schema is logged though no row changed" "1|2015-08-01 00:00:00|$me|init|[\"$db\"]|{}" \
  "$(q "SELECT id, at, os_user, command, args, changes FROM change_log")"

for k in roster meetings reports scores; do "$LC" import-$k "$db" "$T/$k.csv" >/dev/null; done
check "CL1 an import: rows added per table" \
  '{"bureau":{"added":1,"changed":0,"removed":0},"club":{"added":2,"changed":0,"removed":0},"membership":{"added":4,"changed":0,"removed":0},"person":{"added":4,"changed":0,"removed":0},"person_unit":{"added":4,"changed":0,"removed":0},"program":{"added":1,"changed":0,"removed":0},"unit":{"added":4,"changed":0,"removed":0}}' \
  "$(q "SELECT changes FROM change_log WHERE command = 'import-roster'")"
check "CL4 the arguments after the command, as a JSON array" "[\"$db\",\"$T/meetings.csv\"]" \
  "$(q "SELECT args FROM change_log WHERE command = 'import-meetings'")"
check "CL2 one row per writing command" "init import-roster import-meetings import-reports import-scores" \
  "$(q "SELECT group_concat(command, ' ') FROM (SELECT command FROM change_log ORDER BY id)")"

# CL1/CL3: the same files again change nothing, so no row (the meetings'
# attendance is removed and added again with the same values: no change)
n=$(q "SELECT count(*) FROM change_log")
for k in roster meetings reports scores; do "$LC" import-$k "$db" "$T/$k.csv" >/dev/null; done
check "CL3 imports that change nothing add no row" "$n" "$(q "SELECT count(*) FROM change_log")"

# CL1: a changed value is logged with the old row; an UPDATE that changes nothing is not
sed 's/,44,\([^,]*\)$/,40,\1/' "$T/scores.csv" >"$w/scores.csv"
"$LC" import-scores "$db" "$w/scores.csv" >/dev/null
check "CL1 a changed score: counted, with the old row's values" \
  '{"score":{"added":0,"changed":1,"removed":0,"changed_rows":[{"club_id":1,"period":"2015-H1","judge":"심사위원1","criterion":"추진실적","points":44.0,"panel":"","judge_emp_no":null,"stage":"final"}]}}' \
  "$(q "SELECT changes FROM change_log ORDER BY id DESC LIMIT 1")"

# CL1: a meeting's attendance list changed: the removed row, with its values
printf 'club,held_on,kind,hours,topic,attendees\n예산지킴이,2015-03-12,regular,3,연구과제 선정,1500037\n' >"$w/meetings.csv"
"$LC" import-meetings "$db" "$w/meetings.csv" >/dev/null
check "CL1 an attendance removed: its old values" \
  '{"attendance":{"added":0,"changed":0,"removed":1,"removed_rows":[{"meeting_id":1,"person_id":2}]}}' \
  "$(q "SELECT changes FROM change_log ORDER BY id DESC LIMIT 1")"

# evaluate writes (its awards); a re-run replaces them: the old awards are in the log
printf 'club,kind,period,submitted_at,board_ref,title\n창의아이디어뱅크,research,2015-H1,2015-07-03,,연구\n' >"$w/reports.csv"
"$LC" import-reports "$db" "$w/reports.csv" >/dev/null
"$LC" evaluate "$db" 2015-H1 >/dev/null
n=$(q "SELECT count(*) FROM change_log")
"$LC" evaluate "$db" 2015-H1 >/dev/null
check "CL1 evaluate again, the same awards: removed and added again is no change, no row" "$n" "$(q "SELECT count(*) FROM change_log")"
sed 's/,45,\([^,]*\)$/,30,\1/' "$w/scores.csv" >"$w/scores2.csv"
"$LC" import-scores "$db" "$w/scores2.csv" >/dev/null
"$LC" evaluate "$db" 2015-H1 >/dev/null
check "CL1 evaluate: awards replaced, the old ones kept in the log" \
  'evaluate|{"award":{"added":2,"changed":0,"removed":2,"removed_rows":[{"club_id":2,"period":"2015-H1","rank":1,"tier":"최우수","prize":500000},{"club_id":1,"period":"2015-H1","rank":2,"tier":"우수","prize":300000}]},"evaluation":{"added":0,"changed":1,"removed":0,"changed_rows":[{"period":"2015-H1","evaluated_on":"2015-08-01","stale_reason":"scores changed","ties":"[]"}]}}' \
  "$(q "SELECT command, changes FROM change_log ORDER BY id DESC LIMIT 1")"
# the removed row's values are enough to put it back by hand
check "CL4 the removed rows, put back by hand from their JSON, are the awards before" \
  "2|2015-H1|1|최우수|500000" \
  "$("$SQLITE3" "$db" "CREATE TEMP TABLE a AS SELECT * FROM award WHERE 0;
      INSERT INTO a SELECT json_extract(r.value, '\$.club_id'), json_extract(r.value, '\$.period'), json_extract(r.value, '\$.rank'), json_extract(r.value, '\$.tier'), json_extract(r.value, '\$.prize')
        FROM change_log l, json_each(l.changes, '\$.award.removed_rows') r WHERE l.id = (SELECT max(id) FROM change_log);
      SELECT group_concat(club_id || '|' || period || '|' || rank || '|' || tier || '|' || prize, ' ') FROM (SELECT * FROM a WHERE rank = 1)")"

# commands that only read add nothing
n=$(q "SELECT count(*) FROM change_log")
"$LC" hours "$db" 2015-H1 >/dev/null; "$LC" monthly-check "$db" 2015-03 >/dev/null; "$LC" summary "$db" 2015 >/dev/null
check "reading commands add no row" "$n" "$(q "SELECT count(*) FROM change_log")"

# CL2: a refused import writes nothing and logs nothing
printf 'club,period,judge,criterion,points\n예산지킴이,2015-H1,심사위원1,추진실적,101\n' >"$w/bad.csv"
"$LC" import-scores "$db" "$w/bad.csv" >/dev/null 2>&1
check "CL2 a refused import: no row" "$n" "$(q "SELECT count(*) FROM change_log")"

# CL1: the triggers are TEMP, the command's own: a plain sqlite3 writes no log row
q "PRAGMA foreign_keys = ON; INSERT INTO holiday_override VALUES ('2015-08-14', '임시공휴일', 1)"
check "CL1 a plain sqlite3 is not logged (the triggers are the command's)" "$n|0" \
  "$(q "SELECT (SELECT count(*) FROM change_log) || '|' || (SELECT count(*) FROM sqlite_master WHERE name LIKE 'lc_log%')")"

# CL3 init upgrading a version 3 database: logged
v3="$w/v3.db"
"$SQLITE3" -bail "$v3" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/schema-v3.sql" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/small.sql.in"
"$LC" init "$v3" >/dev/null
check "CL3 init upgrading: logged" "init|{}" "$("$SQLITE3" "$v3" "SELECT command || '|' || changes FROM change_log")"
n=$("$SQLITE3" "$v3" "SELECT count(*) FROM change_log")
"$LC" init "$v3" >/dev/null
check "CL3 init with nothing to do: no row" "$n" "$("$SQLITE3" "$v3" "SELECT count(*) FROM change_log")"

# learnclub log
check "log: csv, oldest first, the tables summed up" \
  "id,at,user,command,arguments,tables,changes
1,\"2015-08-01 00:00:00\",$me,init,$db,
2,\"2015-08-01 00:00:00\",$me,import-roster,\"$db $T/roster.csv\",\"bureau +1, club +2, membership +4, person +4, person_unit +4, program +1, unit +4\"" \
  "$("$LC" log "$db" --format csv | head -n 3 | sed -E 's/,("\{.*|\{\})$//')"
check "log: a change summed up with its signs" "score ~1" "$("$LC" log "$db" --format json | sed -n '6p' | sed -E 's/.*"tables":"([^"]*)".*/\1/')"
LEARNCLUB_TODAY=2015-08-02 "$LC" import-scores "$db" "$T/scores.csv" >/dev/null
check "log --since: the rows from that day on" "import-scores" \
  "$("$LC" log "$db" --since 2015-08-02 --format csv | sed 1d | cut -d, -f4)"
out=$("$LC" log "$db" --since 2015-08-03 2>&1); rc=$?
check "log --since after the last row: (no rows) on stderr, exit 0" "(no rows)|0" "$out|$rc"
check "log --since after the last row, csv: the header" "id,at,user,command,arguments,tables,changes" \
  "$("$LC" log "$db" --since 2015-08-03 --format csv)"
check "log --since after the last row, json: []" "[]" "$("$LC" log "$db" --since 2015-08-03 --format json)"
out=$("$LC" log "$db" --since 2015-02-30 2>&1); rc=$?
check "log --since an invalid date: refused" "learnclub log: invalid --since date '2015-02-30'; expected YYYY-MM-DD|2" "$out|$rc"
out=$("$LC" log "$db" --as-of 2015-01-01 2>&1); rc=$?
check "log: no --as-of" "learnclub log: unknown option '--as-of'|2" "$out|$rc"
out=$("$LC" log 2>&1); rc=$?
check "log: DB missing" "learnclub log: missing argument DB; see 'learnclub help'|2" "$out|$rc"

# log: the arguments as one line the shell reads back into the same words (a
# name with a space, a list typed with a space after the comma, a ', an empty
# value), so "put it back by hand" can rerun the command as logged.
d2="$w/quoted.db"; "$LC" init "$d2" >/dev/null
words=("$d2" q-2026 --name "새솔 학습 it's" --from 2026-03-01 --to 2026-06-30 --office '' 'leave_tiers=최우수, 우수')
"$LC" program-add "${words[@]}" >/dev/null
line=$("$LC" log "$d2" --format json | grep '"command":"program-add"' | sed -E 's/.*"command":"program-add","arguments":"(([^"\\]|\\.)*)".*/\1/; s/\\\\/\\/g')
check "log: arguments quoted as the shell reads them" \
  "$d2 q-2026 --name '새솔 학습 it'\\''s' --from 2026-03-01 --to 2026-06-30 --office '' 'leave_tiers=최우수, 우수'" "$line"
eval "back=($line)"
check "log: the quoted arguments read back into the same words" "$(printf '<%s>' "${words[@]}")" "$(printf '<%s>' "${back[@]}")"
check "log: a plain argument is not quoted" "$d2" "$("$LC" log "$d2" --format csv | sed -n 2p | cut -d, -f5)"
