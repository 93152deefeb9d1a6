#!/usr/bin/env bash
# issue 15: pledge indicators of two kinds (indicator.kind): cumulative (NJ8,
# the results add up to the term's target) and level (a yearly target met or
# not: the rate is the years met ÷ the years due; sql/pledge-report.sql).
# import-pledges' optional column kind (IG9), the schema's CHECK (S1).
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
D="$TMPROOT/indicator-kind"; mkdir -p "$D"
H="pledge,title,goal,completion,bodies,continuing,budgeted,total_budget,status,indicator,unit,weight,year,target,achieved,achieved_on"
dump() { "$SQLITE3" "$1" .dump | md5sum; }
q() { "$SQLITE3" "$db" "$1"; }
report() { "$LC" pledge-report "$db" --as-of "$1" --format csv | grep -E "^$2"; }
bad() {  # bad CASE MESSAGE_AFTER_FILE CSV_TEXT
  local name="$1" msg="$2" f="$D/bad.csv" before out rc
  printf '%s' "$3" >"$f"
  before=$(dump "$db")
  out=$("$LC" import-pledges "$db" "$f" 2>&1); rc=$?
  check "$name" "learnclub import-pledges: $f: $msg; nothing imported|2" "$out|$rc"
  check "$name: database unchanged" "$before" "$(dump "$db")"
}

db=$(newdb indicator-kind); "$LC" init "$db" >/dev/null
# "clubs run: 10 a year" over 2025-2029, two good years (12, then 10), as a level
# indicator and, beside it, the same figures as a cumulative one.
cat >"$D/pledges.csv" <<CSV
$H,kind
L-1,학습동아리 운영,,,,,,,on_track,동아리 운영,개,,2025,10,12,,level
L-1,학습동아리 운영,,,,,,,on_track,동아리 운영,개,,2026,10,10,,수준
L-1,학습동아리 운영,,,,,,,on_track,동아리 운영,개,,2027,10,,,level
L-1,학습동아리 운영,,,,,,,on_track,동아리 운영,개,,2028,10,,,level
L-1,학습동아리 운영,,,,,,,on_track,동아리 운영,개,,2029,10,,,level
C-1,누적 비교,,,,,,,on_track,동아리 운영,개,,2025,10,12,,
C-1,누적 비교,,,,,,,on_track,동아리 운영,개,,2026,10,10,,누적
C-1,누적 비교,,,,,,,on_track,동아리 운영,개,,2027,10,,,
C-1,누적 비교,,,,,,,on_track,동아리 운영,개,,2028,10,,,
C-1,누적 비교,,,,,,,on_track,동아리 운영,개,,2029,10,,,
CSV
out=$("$LC" import-pledges "$db" "$D/pledges.csv" 2>&1); rc=$?
check "IG9 import-pledges with the optional column kind" "$D/pledges.csv: 2 pledges, 2 indicators, 10 indicator years|0" "$out|$rc"
check "IG9 kinds stored (수준, 누적 and empty read as level, cumulative, cumulative)" "C-1|cumulative L-1|level" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT p.code || '|' || i.kind AS x FROM indicator i JOIN pledge p ON p.id = i.pledge_id ORDER BY p.code)")"
check "issue 15: a level indicator with two good years of two due: 100 (the cumulative rule gives 44)" \
  'indicator,L-1,"동아리 운영",,2,,2,,100,|indicator,C-1,"동아리 운영",,50,,22,,44,' \
  "$(report 2026-12-31 'indicator,L-1')|$(report 2026-12-31 'indicator,C-1')"
check "issue 15: the pledge's rate is its level indicator's (pledge_rate, NJ8)" 'pledge,L-1,"학습동아리 운영",,,,,,100,on_track' "$(report 2026-12-31 'pledge,L-1')"
check "issue 15: a level indicator's year rows have no running totals" \
  'year,L-1,"동아리 운영",2025,10,,12,,,|year,L-1,"동아리 운영",2026,10,,10,,,' \
  "$(report 2026-12-31 'year,L-1,"동아리 운영",202[56]' | tr '\n' '|' | sed 's/|$//')"
check "issue 15: a year not ended and without a result is not due yet (2026-06-30: 1 of 1)" \
  'indicator,L-1,"동아리 운영",,1,,1,,100,' "$(report 2026-06-30 'indicator,L-1')"
q "UPDATE indicator_year SET achieved = 10, achieved_on = '2026-05-01' WHERE year = 2026"
check "issue 15: a year met early is due and met when its result is recorded (2026-06-30: 2 of 2)" \
  'indicator,L-1,"동아리 운영",,2,,2,,100,' "$(report 2026-06-30 'indicator,L-1')"
q "UPDATE indicator_year SET achieved = 6 WHERE year = 2026"
check "issue 15: a year below its target, mid-year, is not due yet (2026-06-30: 1 of 1)" \
  'indicator,L-1,"동아리 운영",,1,,1,,100,' "$(report 2026-06-30 'indicator,L-1')"
check "issue 15: once the year has ended it is due and not met (2026-12-31: 1 of 2)" \
  'indicator,L-1,"동아리 운영",,2,,1,,50,' "$(report 2026-12-31 'indicator,L-1')"
check "issue 15: a year without a result is due and not met once ended (2027-12-31: 1 of 3)" \
  'indicator,L-1,"동아리 운영",,3,,1,,33.33,' "$(report 2027-12-31 'indicator,L-1')"
q "UPDATE indicator_year SET target = NULL WHERE year = 2027; UPDATE indicator_year SET target = 0 WHERE year = 2028"
check "issue 15: a year without a target (NULL or 0) is never due (2028-12-31: 1 of 2)" \
  'indicator,L-1,"동아리 운영",,2,,1,,50,' "$(report 2028-12-31 'indicator,L-1')"
check "issue 15: nothing due yet: no rate, as a target of 0 gives none (P1)" \
  'indicator,L-1,"동아리 운영",,0,,0,,,' "$(report 2025-06-30 'indicator,L-1')"

# IG9: an empty kind keeps what is stored; a file without the column too
printf '%s\n' "$H,kind" "L-1,학습동아리 운영,,,,,,,on_track,동아리 운영,개,,2029,10,,," >"$D/keep.csv"
"$LC" import-pledges "$db" "$D/keep.csv" >/dev/null
printf '%s\n' "$H" "L-1,학습동아리 운영,,,,,,,on_track,동아리 운영,개,,2029,10,,," >"$D/old.csv"
"$LC" import-pledges "$db" "$D/old.csv" >/dev/null
check "IG9 an empty kind, or a file without the column, keeps the stored kind" "level" \
  "$(q "SELECT kind FROM indicator i JOIN pledge p ON p.id = i.pledge_id WHERE p.code = 'L-1'")"
printf '%s\n' "$H,kind" "L-1,학습동아리 운영,,,,,,,on_track,동아리 운영,개,,2029,10,,,cumulative" >"$D/change.csv"
"$LC" import-pledges "$db" "$D/change.csv" >/dev/null
check "IG8 IG9 a kind given is the file's value (upsert)" "cumulative" \
  "$(q "SELECT kind FROM indicator i JOIN pledge p ON p.id = i.pledge_id WHERE p.code = 'L-1'")"
printf '%s\n' "$H,kind" "N-1,새 공약,,,,,,,on_track,새 지표,,,,,,," >"$D/new.csv"
"$LC" import-pledges "$db" "$D/new.csv" >/dev/null
check "IG9 a new indicator without a kind is cumulative (NJ8)" "cumulative" \
  "$(q "SELECT kind FROM indicator i JOIN pledge p ON p.id = i.pledge_id WHERE p.code = 'N-1'")"

bad "IG9 kind: an unknown value" "line 2, column kind: invalid value 'yearly'; expected cumulative or level (NJ8)" \
  "$H,kind"$'\n'"X-1,x,,,,,,,on_track,지표,,,2026,1,,,yearly"$'\n'
bad "IG9 kind needs an indicator" "line 2, column indicator: unit, weight and the year's columns need an indicator" \
  "$H,kind"$'\n'"X-1,x,,,,,,,on_track,,,,,,,,level"$'\n'
bad "IG9 rows of one indicator agree on kind" "line 3, column kind: indicator '지표' is given differently on line 2" \
  "$H,kind"$'\n'"X-1,x,,,,,,,on_track,지표,,,2026,1,,,level"$'\n'"X-1,x,,,,,,,on_track,지표,,,2027,1,,,cumulative"$'\n'

# S1: the schema holds a plain sqlite3 to the two kinds
err=$("$SQLITE3" -batch "$db" "UPDATE indicator SET kind = 'yearly'" 2>&1 >/dev/null |
      sed -E 's/^(Error: (stepping|in prepare), |Runtime error near line [0-9]+: |Error: near line [0-9]+: |Error: )//; s/ \([0-9]+\)$//')
check "S1 indicator.kind is cumulative or level" "CHECK constraint failed: indicator: kind must be cumulative or level (NJ8)" "$err"

# migration (005.sql, block D): the indicators of an older database are cumulative, as they were rated
old=$(newdb indicator-kind-v3)
"$SQLITE3" -bail "$old" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/schema-v3.sql" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/naju-small.sql.in"
fresh=$(newdb indicator-kind-fresh); "$LC" init "$fresh" >/dev/null
"$SQLITE3" -bail "$fresh" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/naju-small.sql.in"
"$LC" init "$old" >/dev/null
check "migrate: every indicator of an older database is cumulative" "4 4" \
  "$("$SQLITE3" "$old" "SELECT count(*) || ' ' || sum(kind = 'cumulative') FROM indicator")"
check "migrate: pledge-report says what a fresh database with the same rows says" \
  "$("$LC" pledge-report "$fresh" --as-of 2026-12-31 --format csv 2>&1)" "$("$LC" pledge-report "$old" --as-of 2026-12-31 --format csv 2>&1)"
