#!/usr/bin/env bash
# Issue 14 (H3): stale awards. After evaluate, a change to the scores, the
# research reports, the committee's places or the club list marks the stored
# awards of that half-year stale (sql/rules.sql, evaluation.stale_reason),
# whoever writes; incentives (IN5), summary and report (RH6) say so as a
# finding, exit 1, until evaluate runs again (EV7).
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
T="$LEARNCLUB_ROOT/examples/templates"
w="$TMPROOT/stale"; rm -rf "$w"; mkdir -p "$w"
db="$w/db.db"
export LEARNCLUB_TODAY=2015-08-03
"$LC" init "$db" >/dev/null
for k in roster meetings reports scores; do "$LC" import-$k "$db" "$T/$k.csv" >/dev/null; done
q() { "$SQLITE3" "$db" "$1"; }
reason() { q "SELECT coalesce(stale_reason, 'up to date') FROM evaluation WHERE period = '2015-H1'"; }
inc_last() { "$LC" incentives "$db" 2015-H1 --format csv | tail -n 1; }

"$LC" evaluate "$db" 2015-H1 >/dev/null
check "EV7 evaluate stores its run, up to date" "2015-H1|2015-08-03|up to date" \
  "$(q "SELECT period || '|' || evaluated_on || '|' || coalesce(stale_reason, 'up to date') FROM evaluation")"
"$LC" incentives "$db" 2015-H1 >/dev/null; rc=$?
check "IN5 incentives after evaluate: no finding" 0 "$rc"
"$LC" import-scores "$db" "$T/scores.csv" >/dev/null
check "the same scores again: still up to date" "up to date" "$(reason)"

sed 's/,44,\([^,]*\)$/,40,\1/' "$T/scores.csv" >"$w/scores.csv"
"$LC" import-scores "$db" "$w/scores.csv" >/dev/null
check "a changed score: the half-year's awards are stale" "scores changed" "$(reason)"
out=$(inc_last); "$LC" incentives "$db" 2015-H1 >/dev/null; rc=$?
check "IN5 incentives says so, a finding" 'awards,,,,,,"stale (scores changed after evaluate)"|1' "$out|$rc"
out=$("$LC" summary "$db" 2015 --format csv | grep '^awards,stale'); "$LC" summary "$db" 2015 >/dev/null; rc=$?
check "summary says so, a finding" 'awards,stale,"2015-H1: scores changed"|1' "$out|$rc"
out=$("$LC" report "$db" 2015 --html "$w/page.html"); rc=$?
check "RH6 report says so on the page, a finding" "learnclub report: wrote $w/page.html|1|1" \
  "$out|$rc|$(grep -c '<p class="stale" id="stale-2015-H1">⚠ 2015-H1 .*(scores changed)' "$w/page.html")"
check "the first reason is kept" "scores changed" "$(q "INSERT INTO committee_place VALUES (1, '2015-H1', 1, NULL)"; reason)"

"$LC" evaluate "$db" 2015-H1 >/dev/null
check "EV7 evaluate again: up to date" "up to date" "$(reason)"
"$LC" incentives "$db" 2015-H1 >/dev/null; rc=$?
check "IN5 up to date again: no finding" 0 "$rc"
"$LC" report "$db" 2015 --html "$w/page.html" >/dev/null; rc=$?
check "RH6 up to date again: exit 0, no stale paragraph" "0|0" "$rc|$(grep -c 'class="stale"' "$w/page.html")"

# each kind of change, also from a plain sqlite3 (the triggers are the schema's)
while IFS='|' read -r name stmt want; do
  [ -z "$name" ] && continue
  "$LC" evaluate "$db" 2015-H1 >/dev/null
  q "$stmt"
  check "stale: $name" "$want" "$(reason)"
done <<'EOF_CASES'
a score removed|DELETE FROM score WHERE club_id = 1 AND criterion = '성과'|scores changed
a score of another half-year: not this one|INSERT INTO score(club_id, period, judge, criterion, points) VALUES (1, '2015-H2', '심사위원1', '성과', 40)|up to date
a research report filed|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (2, 'research', '2015-H1', '2015-07-30')|research reports changed
a research report's time changed|UPDATE report SET submitted_at = '2015-08-01' WHERE club_id = 2 AND kind = 'research'|research reports changed
a monthly report: not a research report|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (2, 'monthly', '2015-04', '2015-05-04')|up to date
a committee place changed|UPDATE committee_place SET place = 2 WHERE club_id = 1|committee places changed
a club withdrawn (D6)|UPDATE club SET status = 'withdrawn', withdrawn_on = '2015-05-31' WHERE id = 2|the club list changed
a club added to the program|INSERT INTO club(program_id, name, kind) VALUES (1, '새동아리', 'integrated')|the club list changed
EOF_CASES

# 004.sql: a version 3 database's awards become evaluations, so a later change marks them stale
v3="$w/v3.db"
"$SQLITE3" -bail "$v3" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/schema-v3.sql" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/small.sql.in" \
  "INSERT INTO award VALUES (1, '2015-H1', 1, '최우수', 500000)"
"$LC" init "$v3" >/dev/null
check "migrate 3 -> 4: a half-year with awards is an evaluation, up to date" "2015-H1|1" \
  "$("$SQLITE3" "$v3" "SELECT period || '|' || (stale_reason IS NULL AND evaluated_on = date('now', '+9 hours')) FROM evaluation")"
"$SQLITE3" "$v3" "DELETE FROM score WHERE period = '2015-H1' AND rowid = (SELECT min(rowid) FROM score WHERE period = '2015-H1')"
check "migrate 3 -> 4: then a changed score marks it stale" "scores changed" "$("$SQLITE3" "$v3" "SELECT stale_reason FROM evaluation")"
