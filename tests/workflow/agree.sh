#!/usr/bin/env bash
# The imports, the workflows and the extension agree (issue 12):
#   - every import reads dates with the extension's one parser: a value is
#     accepted exactly when is_date() accepts it, and stored as kr_date() (a
#     day: held_on, joined_on) or kr_datetime() (submitted_at) gives it
#     (import-meetings IM2, import-roster IR4, import-reports IP3);
#   - the two cases where the GLOB ladders and the extension disagreed;
#   - monthly-check, summary, the HTML report and evaluate give the status
#     report_status() gives for the same rows (W2, W9, R1);
#   - a period's days come from period_start()/period_end(): hours, and the
#     first moment of a report's period.
# Expected values are computed by the extension's functions, never written in.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
T="$LEARNCLUB_ROOT/examples/templates"
D="$TMPROOT/agree"; mkdir -p "$D"
q() { sql :memory: "$1"; }   # a value from the extension

db=$(newdb agree)
"$LC" init "$db" >/dev/null
for k in roster meetings reports; do "$LC" import-$k "$db" "$T/$k.csv" >/dev/null; done

# --- the imports accept exactly is_date()'s set ---------------------------------------
# Each value is the only data line of a file; none has spaces at its ends (a CSV
# field is trimmed before it is read). All of them, where they are dates, fall in
# April 2015, when the template's club and member exist.
VALUES=(
  '2015-04-09' '2015-04-09 19:00' '2015-04-09 19:00:30' '2015-04-09T19:00' '2015-04-09T19:00:30.75'
  '2015-04-08T15:00:00Z' '2015-04-08T14:59z' '2015-04-09 09:00+09:00' '2015-04-08 20:00-05:00'
  '2015-04-09T23:30:00+10:00' '2015.4.9.' '2015. 4. 9.' '2015.04.09' '2015. 4. 9' '2015.4.9'
  '2015.0012.23.' '2015-4-9' '2015/04/09' '20150409' '2015-04-31' '2015-04-09 24:00' '2015-04-09 19:60'
  '2015-04-09T19' '04/09/2015' '2015.4.9..' '2015.4' '2015-04-09 19:00 KST' 'April 9' 'x' '0000-04-09'
)
# probe RULE KIND CSV OK_OUTPUT STORED_SQL STORED ERROR — import CSV (a header
# and one line holding the value $v); when is_date($v) is 1, expect OK_OUTPUT and
# STORED_SQL to give STORED, else exit 2 with ERROR (after "line 2, column ").
probe() {
  local f="$D/$2-$i.csv" out rc
  printf '%s\n' "$3" >"$f"
  out=$("$LC" "import-$2" "$db" "$f" 2>&1); rc=$?
  if [ "$ok" = 1 ]; then
    check "$1 import-$2 accepts '$v' as is_date() does" "$f: $4|0" "$out|$rc"
    check "$1 import-$2 stores '$v' as $6" "$(q "SELECT $6")" "$("$SQLITE3" "$db" "$5")"
  else
    check "$1 import-$2 refuses '$v' as is_date() does" "learnclub import-$2: $f: line 2, column $7; nothing imported|2" "$out|$rc"
  fi
}
accepted=0 refused=0 i=0
for v in "${VALUES[@]}"; do
  i=$((i + 1))
  ok=$(q "SELECT is_date('$v')")
  if [ "$ok" = 1 ]; then accepted=$((accepted + 1)); else refused=$((refused + 1)); fi
  probe M2 meetings $'club,held_on,kind,hours,topic,attendees\n'"예산지킴이,$v,extra,1,probe-$i,1500037" \
    "1 meetings, 1 attendances" "SELECT held_on FROM meeting WHERE topic = 'probe-$i'" "kr_date('$v')" \
    "held_on: invalid date '$v'; expected YYYY-MM-DD"
  probe R4 roster $'program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on\n'"junggu-2015,예산지킴이,bureau,기획재정국,기획예산과,P$i,시험,member,$v," \
    "1 rows: 1 clubs, 1 people" "SELECT m.joined_on FROM membership m JOIN person p ON p.id = m.person_id WHERE p.emp_no = 'P$i'" "kr_date('$v')" \
    "joined_on: invalid date '$v'; expected YYYY-MM-DD"
  probe P3 reports $'club,kind,period,submitted_at,board_ref,title\n'"예산지킴이,monthly,2015-04,$v,probe-$i," \
    "1 reports" "SELECT submitted_at FROM report WHERE board_ref = 'probe-$i'" "kr_datetime('$v')" \
    "submitted_at: invalid time '$v'; expected YYYY-MM-DD[ HH:MM[:SS]] (D2)"
done
# the list has both kinds, so the loop above checks both ways
check "the values: 15 dates, 15 not" "15 15" "$accepted $refused"

# --- the two cases issue 12 names -------------------------------------------------------
# '2015-04-06T14:59z' passed half_year() and failed import-reports; '2015.0012.23.'
# did the opposite. Now both follow the extension.
check "2015-04-06T14:59z: half_year() reads it" "2015-H1" "$(q "SELECT half_year('2015-04-06T14:59z')")"
f="$D/reports-z.csv"
printf 'club,kind,period,submitted_at,board_ref,title\n예산지킴이,monthly,2015-03,2015-04-06T14:59z,,\n' >"$f"
check "2015-04-06T14:59z: import-reports reads it" "$f: 1 reports|0" "$("$LC" import-reports "$db" "$f" 2>&1)|$?"
check "2015-04-06T14:59z: stored in Korean time (D2)" "2015-04-06 23:59:00" \
  "$("$SQLITE3" "$db" "SELECT r.submitted_at FROM report r JOIN club c ON c.id = r.club_id WHERE c.name = '예산지킴이' AND r.kind = 'monthly' AND r.period = '2015-03'")"
check "2015.0012.23.: half_year() refuses it" "half_year(): invalid date '2015.0012.23.'" "$(sql_error :memory: "SELECT half_year('2015.0012.23.')")"
f="$D/meetings-dots.csv"
printf 'club,held_on,kind,hours,topic,attendees\n예산지킴이,2015.0012.23.,regular,2,,1500037\n' >"$f"
check "2015.0012.23.: import-meetings refuses it" \
  "learnclub import-meetings: $f: line 2, column held_on: invalid date '2015.0012.23.'; expected YYYY-MM-DD; nothing imported|2" \
  "$("$LC" import-meetings "$db" "$f" 2>&1)|$?"

# --- a period's first moment: period_start(), in Korean time ------------------------------
f="$D/reports-start.csv"
printf 'club,kind,period,submitted_at,board_ref,title\n예산지킴이,monthly,2015-05,2015-04-30T15:00:00Z,,\n' >"$f"
check "P3 period_start: 00:00 KST on 1 May is in the period 2015-05" "$f: 1 reports|0" "$("$LC" import-reports "$db" "$f" 2>&1)|$?"
printf 'club,kind,period,submitted_at,board_ref,title\n예산지킴이,monthly,2015-05,2015-04-30T14:59:59Z,,\n' >"$f"
check "P3 period_start: a second earlier is before it" \
  "learnclub import-reports: $f: line 2, column submitted_at: 2015-04-30 is before the period 2015-05 began; nothing imported|2" \
  "$("$LC" import-reports "$db" "$f" 2>&1)|$?"
printf 'club,kind,period,submitted_at,board_ref,title\n예산지킴이,monthly,0000-05,2015-05-04,,\n' >"$f"
check "P1 a period of year 0000 is refused, not an error of period_start()" \
  "learnclub import-reports: $f: line 2, column period: invalid period '0000-05'; expected YYYY-MM (JG6); nothing imported|2" \
  "$("$LC" import-reports "$db" "$f" 2>&1)|$?"
printf 'club,period,judge,criterion,points\n예산지킴이,0000-H1,A,성과,40\n' >"$f"
check "C1 scores for year 0000: no club, not an error of period_end()" \
  "learnclub import-scores: $f: line 2, column club: no club '예산지킴이' in a program running in 0000-H1; nothing imported|2" \
  "$("$LC" import-scores "$db" "$f" 2>&1)|$?"

# --- hours: the half-year's days are period_start() to period_end() -------------------------
f="$D/meetings-edges.csv"
printf 'club,held_on,kind,hours,topic,attendees\n예산지킴이,%s,regular,1.25,,1500037\n예산지킴이,%s,regular,2.5,,1500037\n' \
  "$(q "SELECT period_end('2015-H1')")" "$(q "SELECT period_start('2015-H2')")" >"$f"
"$LC" import-meetings "$db" "$f" >/dev/null
check "W12 hours 2015-H1 counts its last day, not the next" "4.25" \
  "$("$LC" hours "$db" 2015-H1 --format csv | awk -F, '$1 == 1500037 { print $5 }')"
check "W12 hours 2015-H2 counts its first day" "2.5" \
  "$("$LC" hours "$db" 2015-H2 --format csv | awk -F, '$1 == 1500037 { print $5 }')"

# --- the workflows give report_status() ---------------------------------------------------------
ex=$(newdb agree-example); cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$ex"
months=$(q "WITH RECURSIVE m(x) AS (SELECT '2015-03' UNION ALL SELECT strftime('%Y-%m', x || '-01', '+1 month') FROM m WHERE x < '2015-12') SELECT group_concat(x, ' ') FROM m")
: >"$D/mc-all.csv"
for as_of in 2015-05-06 2015-09-07 2016-01-31; do
  : >"$D/mc.csv"
  for m in $months; do
    "$LC" monthly-check "$ex" "$m" --as-of "$as_of" --format csv | sed 1d | sed "s/^/$m,/" >>"$D/mc.csv"
  done
  # one row per club and month, with what report_status() says of its report
  got=$("$SQLITE3" "$ex" -cmd ".load $LEARNCLUB_EXT" -cmd "CREATE TEMP TABLE mc(month, club, president, due, submitted, status, meeting)" \
        -cmd ".import --csv $D/mc.csv mc" \
        "SELECT count(*), sum(mc.status IS report_status(mc.month, r.submitted_at, '$as_of', p.report_rule)),
                sum(mc.submitted IS CASE WHEN mc.status IN ('on_time', 'late') THEN kr_date(r.submitted_at) ELSE '' END)
         FROM mc JOIN club c ON c.name = mc.club JOIN program p ON p.id = c.program_id
         LEFT JOIN report r ON r.club_id = c.id AND r.kind = 'monthly' AND r.period = mc.month")
  n=${got%%|*}
  check "W2 monthly-check as of $as_of: status and submitted are report_status()'s for every club and month" "$n|$n|$n" "$got"
  counts=$("$SQLITE3" :memory: -cmd "CREATE TABLE mc(month, club, president, due, submitted, status, meeting)" -cmd ".import --csv $D/mc.csv mc" \
           "SELECT group_concat(n, ' ') FROM (SELECT s, (SELECT count(*) FROM mc WHERE status = s) AS n FROM (SELECT 'on_time' AS s UNION ALL SELECT 'late' UNION ALL SELECT 'missing' UNION ALL SELECT 'pending'))")
  check "monthly-check as of $as_of: checks rows of every status it has" 1 "$([ "$n" -gt 0 ] && echo 1)"
  check "summary on $as_of: the monthly counts of monthly-check" "$counts" \
    "$(LEARNCLUB_TODAY=$as_of "$LC" summary "$ex" 2015 --format csv | awk -F, '$1 == "monthly" { printf "%s%s", s, $3; s = " " }')"
  "$LC" report "$ex" 2015 --html "$D/page.html" --as-of "$as_of" >/dev/null
  check "R1 report page as of $as_of: the counts of monthly-check" "$counts" \
    "$(for id in on-time late missing pending; do sed -n "s/.*id=\"count-$id\">\([0-9]*\)<.*/\1/p" "$D/page.html"; done | paste -sd' ')"
  cat "$D/mc.csv" >>"$D/mc-all.csv"
done
check "the as-of days give all four statuses" 1 \
  "$(for s in on_time late missing pending; do grep -c ",$s," "$D/mc-all.csv" | grep -qv '^0$' || echo "no $s"; done; echo 1)"

# evaluate sees every report filed, whenever (W9): after the last filing and the due
# date its report column is report_status() on any later day
for half in 2015-H1 2015-H2; do
  "$LC" evaluate "$ex" "$half" --format csv | sed 1d >"$D/ev.csv"
  got=$("$SQLITE3" "$ex" -cmd ".load $LEARNCLUB_EXT" -cmd "CREATE TEMP TABLE ev(rank, club, report, judges, score, tie_break, tier, prize, status)" \
        -cmd ".import --csv $D/ev.csv ev" \
        "SELECT count(*) > 0, count(*) = sum(ev.report IS report_status('$half', r.submitted_at, '2016-03-31', p.report_rule))
         FROM ev JOIN club c ON c.name = ev.club JOIN program p ON p.id = c.program_id
         LEFT JOIN report r ON r.club_id = c.id AND r.kind = 'research' AND r.period = '$half'")
  check "W9 evaluate $half: report is report_status() of each club's research report" "1|1" "$got"
done
