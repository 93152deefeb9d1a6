#!/usr/bin/env bash
# bench/run.sh — the measurements of issue 7 (bench/README.md), run by
# `make bench` (full) and `make bench-smoke` (tiny, every measurement once).
#
#   bench/run.sh NATIONAL.db ONEYEAR.db FLOOR.db OUTDIR
#
# NATIONAL.db and ONEYEAR.db come from bench/gen.sh (ten years and one year of
# the same shape), FLOOR.db from bench/gen-floor.sh. Nothing is written to
# them: the workflows run on copies under OUTDIR/work, the per-call tables are
# ATTACHed read-only to a scratch database that holds holiday_override.
#
# How it measures:
#   - per-call and aggregate measurements run in ONE sqlite3 process per
#     session, both extensions loaded; each group's members (the function and
#     its baseline) run once untimed to warm the cache, then REPS times
#     alternating A B A B …; the shell's `.timer on` gives each statement's
#     CPU time (getrusage user + sys) and wall time;
#   - the learnclub command (issue 13): its overhead against the same script
#     in one sqlite3 process, its start-up against `sqlite3 :memory:`, and
#     import-meetings against the floor of plain SQL (rows per second in
#     OUTDIR/import-rates.txt);
#   - workflows are whole `learnclub` commands (dist/bin/learnclub), one-year and ten-year
#     database alternating, timed by /usr/bin/time (CPU, wall, max RSS; the
#     RSS is the largest process of the command, i.e. its sqlite3);
#   - a ratio is the median of the per-repetition ratios A_i / B_i (the two
#     ran back to back), shown with its min and max; timings are medians of
#     CPU seconds with min and max;
#   - callgrind (BENCH_CALLGRIND=1, default in a full run): instructions per
#     row of each function and its no-op, exact, from two runs of 10 000 and
#     60 000 rows (the difference divided by 50 000, so start-up and the
#     calendar's one-time build cancel out), and the per-row cost of the
#     functions on deadline_ok's path.
# Environment: BENCH_REPS (5), BENCH_SMOKE (1: every measurement once, no
# callgrind, no EXPLAIN dump), BENCH_CALLGRIND, SQLITE3, LEARNCLUB_EXT,
# NOOP_EXT (build/bench/noop), BENCH_ONLY (one section of percall,
# aggregates, workflows, command, import, report, whatif, eqp, callgrind: the others
# are skipped, and the summary says NO NUMBER for them). Never fails on a timing: it fails only when a
# measurement produced no number (bench-smoke checks that too).
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 NATIONAL.db ONEYEAR.db FLOOR.db OUTDIR" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NATIONAL=$(readlink -f "$1") ONEYEAR=$(readlink -f "$2") FLOOR=$(readlink -f "$3") OUT=$4
SQLITE3=${SQLITE3:-sqlite3}
EXT_SRC=${LEARNCLUB_EXT:-$ROOT/dist/learnclub}
NOOP=${NOOP_EXT:-$ROOT/build/bench/noop}
LC=${LEARNCLUB:-$ROOT/dist/bin/learnclub}
SMOKE=${BENCH_SMOKE:-0}
ONLY=${BENCH_ONLY:-}
want() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }  # want SECTION: run it?
if [ "$SMOKE" = 1 ]; then REPS=1; CALLGRIND=${BENCH_CALLGRIND:-0}
else REPS=${BENCH_REPS:-5}; CALLGRIND=${BENCH_CALLGRIND:-1}; fi
export LC_ALL=C.UTF-8
mkdir -p "$OUT"
OUT=$(readlink -f "$OUT")
WORK="$OUT/work"
rm -rf "$WORK" && mkdir -p "$WORK"
# One snapshot of the extension for the whole run (the workflow commands get
# it through LEARNCLUB_EXT), so that a rebuild of dist/ during the run cannot
# mix two versions; its hash goes into OUTDIR/extension.txt.
cp "$EXT_SRC.so" "$WORK/learnclub.so"
EXT="$WORK/learnclub"
export LEARNCLUB_EXT="$EXT"
{ sha256sum "$EXT_SRC.so" | cut -c1-16; git -C "$ROOT" log -1 --format='commit %h %s' 2>/dev/null || true
  git -C "$ROOT" status --short -- ext/ 2>/dev/null | sed 's/^/  uncommitted: /' || true; } >"$OUT/extension.txt"
RES="$OUT/results.tsv"   # group member rep cpu wall value
printf 'group\tmember\trep\tcpu\twall\tvalue\n' >"$RES"
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---- the SQL under test ------------------------------------------------------
# Plain SQL, the best an analyst can write with date()/strftime()/CASE:
# due = the 5th of the next month (a half-year: 31 July / 31 December), moved
# to Monday when a Saturday or Sunday; on time when the submission's date is
# not after it. Two ways: with date()/strftime() (A) and with integer
# arithmetic only (B: Sakamoto's day-of-week), the faster is "best".
half_base="substr(period, 1, 4) || CASE substr(period, 7, 1) WHEN '1' THEN '-07-31' ELSE '-12-31' END"
month_base="CASE substr(period, 6, 2) WHEN '12' THEN (substr(period, 1, 4) + 1) || '-01-05' ELSE substr(period, 1, 5) || printf('%02d', substr(period, 6, 2) + 1) || '-05' END"
wk() { printf "date(%s, CASE strftime('%%w', %s) WHEN '6' THEN '+2 days' WHEN '0' THEN '+1 day' ELSE '+0 days' END)" "$1" "$1"; }
PLAIN_A="SELECT sum(substr(submitted_at, 1, 10) <= CASE WHEN substr(period, 6, 1) = 'H' THEN $(wk "$half_base") ELSE $(wk "$month_base") END) FROM f.sub;"
# B: integers. NY/NM the next month; dow(y, m, d) = (y' + y'/4 - y'/100 + y'/400 + t[m] + d) % 7, y' = y - (m < 3), 0 = Sunday
NY="(CAST(substr(period, 1, 4) AS INTEGER) + (substr(period, 6, 2) = '12'))"
NM="(CAST(substr(period, 6, 2) AS INTEGER) % 12 + 1)"
YP="($NY - ($NM < 3))"
DOW_M="(($YP + $YP / 4 - $YP / 100 + $YP / 400 + CAST(substr('032503514624', $NM, 1) AS INTEGER) + 5) % 7)"
HY="CAST(substr(period, 1, 4) AS INTEGER)"
DOW_H="(($HY + $HY / 4 - $HY / 100 + $HY / 400 + CASE substr(period, 7, 1) WHEN '1' THEN 5 ELSE 4 END + 31) % 7)"
DUE_B="CASE WHEN substr(period, 6, 1) = 'H' THEN
  CASE substr(period, 7, 1) WHEN '1' THEN $HY * 10000 + CASE $DOW_H WHEN 6 THEN 802 WHEN 0 THEN 801 ELSE 731 END
  ELSE CASE $DOW_H WHEN 6 THEN ($HY + 1) * 10000 + 102 WHEN 0 THEN ($HY + 1) * 10000 + 101 ELSE $HY * 10000 + 1231 END END
ELSE $NY * 10000 + $NM * 100 + 5 + CASE $DOW_M WHEN 6 THEN 2 WHEN 0 THEN 1 ELSE 0 END END"
PLAIN_B="SELECT sum(CAST(replace(substr(submitted_at, 1, 10), '-', '') AS INTEGER) <= $DUE_B) FROM f.sub;"
# With the holiday rule: a calendar table of working days (built from a
# holiday table — here holidays() — and the weekends), one index seek a row.
PLAIN_HOL="SELECT sum(substr(submitted_at, 1, 10) <= (SELECT min(w.day) FROM main.workday w WHERE w.day >= CASE WHEN substr(period, 6, 1) = 'H' THEN $half_base ELSE $month_base END)) FROM f.sub;"
WORKDAY_SETUP="CREATE TABLE main.workday(day TEXT PRIMARY KEY) WITHOUT ROWID;
WITH RECURSIVE d(day) AS (SELECT '2015-12-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2027-02-28')
INSERT INTO main.workday SELECT day FROM d WHERE strftime('%w', day) NOT IN ('0', '6')
  AND day NOT IN (SELECT date FROM holidays('2015-12-01', '2027-02-28'));"
OVERRIDE_ON="CREATE TABLE IF NOT EXISTS main.holiday_override(day TEXT PRIMARY KEY, name TEXT, is_holiday INTEGER NOT NULL);
INSERT OR IGNORE INTO main.holiday_override
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 99)
SELECT date('2016-01-08', printf('+%d days', i * 37)), 'bench', CASE i % 4 WHEN 0 THEN 0 ELSE 1 END FROM k;"
OVERRIDE_OFF="DROP TABLE IF EXISTS main.holiday_override;"
HALF="substr(mt.held_on, 1, 4) || CASE WHEN substr(mt.held_on, 6, 2) <= '06' THEN '-H1' ELSE '-H2' END"
ATT="FROM attendance a JOIN meeting mt ON mt.id = a.meeting_id"
agg() { printf 'SELECT count(x), round(sum(x), 6) FROM (SELECT %s AS x %s GROUP BY a.person_id, %s);' "$1" "$ATT" "$HALF"; }
win() {  # win EXPR — EXPR with @W where the window goes
  local w="OVER (PARTITION BY a.person_id, $HALF ORDER BY mt.held_on, mt.id)"
  printf 'SELECT count(x), round(sum(x), 6) FROM (SELECT %s AS x %s);' "${1//@W/$w}" "$ATT"
}
pledge() { printf 'SELECT count(x), round(sum(x), 6) FROM (SELECT %s AS x FROM f.indicator GROUP BY pledge);' "$1"; }

# ---- sessions ------------------------------------------------------------------
# A session is one sqlite3 process. group NAME PRE1 SQL1 NAME2 PRE2 SQL2 … adds a
# group of members (label, untimed SQL run before each timing, timed SQL);
# reps R overrides REPS for the next group.
SCRIPT="" GREPS=""
session_begin() {  # session_begin NAME
  SESSION=$1; SCRIPT="$WORK/$1.sql"; WARM=1
  printf '.bail on\n.load %s\n.load %s\n.mode list\n.headers off\n.separator "\\t"\n' "$EXT" "$NOOP" >"$SCRIPT"
}
setup() { printf '%s\n' "$1" >>"$SCRIPT"; }
reps() { GREPS=$1; }
group() {
  local g=$1; shift
  local n r=${GREPS:-$REPS} i
  [ "$SMOKE" = 1 ] && r=1
  GREPS=""
  local warm=$WARM; WARM=0
  local -a L=() P=() Q=()
  while [ $# -gt 0 ]; do L+=("$1"); P+=("$2"); Q+=("$3"); shift 3; done
  # rep 0: an untimed warm-up, for the first group of a session only (it
  # loads the tables into the page cache and builds the calendar)
  for ((n = warm ? 0 : 1; n <= r; n++)); do
    [ "$SMOKE" = 1 ] && [ $n = 0 ] && continue
    for i in "${!L[@]}"; do
      printf '.timer off\n%s\n.timer on\n.print @@ %s %s %d\n%s\n.timer off\n' \
        "${P[$i]}" "$g" "${L[$i]}" "$n" "${Q[$i]}" >>"$SCRIPT"
    done
  done
}
# session_run DB [sqlite3 options]: runs the script, appends timings to RES
session_run() {
  local db=$1; shift
  log "session $SESSION"
  "$SQLITE3" -batch "$@" "$db" <"$SCRIPT" >"$WORK/$SESSION.out" 2>"$WORK/$SESSION.err" || {
    echo "bench: session $SESSION failed:" >&2; cat "$WORK/$SESSION.err" >&2; exit 1; }
  awk -F'\t' -v OFS='\t' '
    /^@@[ \t]/ { split($0, p, /[ \t]+/); g = p[2]; m = p[3]; r = p[4]; val = ""; next }
    /^Run Time: / { if (g != "") { split($0, w, " "); if (r > 0) print g, m, r, w[6] + w[8], w[4], val; g = "" } next }
    g != "" && val == "" { val = $0; gsub(/\t/, " ", val) }' "$WORK/$SESSION.out" >>"$RES"
}

# ---- 1. per call: the floor, plain SQL, pledge_rate, the calendar ------------------
if want percall; then
session_begin percall
setup "ATTACH 'file:$FLOOR?mode=ro' AS f;"
setup "$WORKDAY_SETUP"
# the pair with a target closest to its measure: twice the repetitions and one
reps $((REPS * 2 + 1))
group deadline_ok \
  deadline_ok "" "SELECT sum(deadline_ok(period, submitted_at)) FROM f.sub;" \
  noop_deadline_ok "" "SELECT sum(noop_deadline_ok(period, submitted_at)) FROM f.sub;"
group report_due \
  report_due "" "SELECT count(report_due(period)) FROM f.sub;" \
  noop_report_due "" "SELECT count(noop_report_due(period)) FROM f.sub;"
# issue 12, defect 6: three rules cycling in one statement against two, at the
# same cost of choosing them (one memo a rule: no cliff at the third rule)
RULES3="CASE rowid % 3 WHEN 0 THEN 'strict' WHEN 1 THEN 'day=10' ELSE '' END"
RULES2="CASE rowid % 3 WHEN 0 THEN 'strict' WHEN 1 THEN 'day=10' ELSE 'strict' END"
group report_due_rules \
  three_rules "" "SELECT count(report_due(period, $RULES3)) FROM f.sub;" \
  two_rules "" "SELECT count(report_due(period, $RULES2)) FROM f.sub;"
group is_working_day \
  is_working_day "" "SELECT sum(is_working_day(day)) FROM f.sub;" \
  noop_is_working_day "" "SELECT sum(noop_is_working_day(day)) FROM f.sub;"
group half_year \
  half_year "" "SELECT count(half_year(day)) FROM f.sub;" \
  noop_half_year "" "SELECT count(noop_half_year(day)) FROM f.sub;"
group award_tier \
  award_tier "" "SELECT count(award_tier(rank)) FROM f.sub;" \
  noop_award_tier "" "SELECT count(noop_award_tier(rank)) FROM f.sub;"
reps 3
group plain \
  deadline_ok "" "SELECT sum(deadline_ok(period, submitted_at)) FROM f.sub;" \
  plain_date "" "$PLAIN_A" \
  plain_arith "" "$PLAIN_B"
reps 3
group plain_holidays \
  deadline_ok "" "SELECT sum(deadline_ok(period, submitted_at)) FROM f.sub;" \
  plain_workday "" "$PLAIN_HOL"
group pledge \
  pledge_rate "" "$(pledge 'pledge_rate(achieved, target)')" \
  avg_min "" "$(pledge 'avg(min(100.0 * achieved / target, 100))')" \
  noop_sum "" "$(pledge 'noop_sum(achieved, target)')"
group override_is_working_day \
  without "$OVERRIDE_OFF" "SELECT sum(is_working_day(day)) FROM f.sub;" \
  with100 "$OVERRIDE_ON" "SELECT sum(is_working_day(day)) FROM f.sub;"
group override_deadline_ok \
  without "$OVERRIDE_OFF" "SELECT sum(deadline_ok(period, submitted_at)) FROM f.sub;" \
  with100 "$OVERRIDE_ON" "SELECT sum(deadline_ok(period, submitted_at)) FROM f.sub;"
rm -f "$WORK/scratch.db"
session_run "$WORK/scratch.db"
fi

# ---- 2. aggregates over the whole attendance table (ten-year database) ------------
if want aggregates; then
session_begin aggregates
group learning_hours \
  learning_hours "" "$(agg 'learning_hours(mt.hours)')" \
  min_sum "" "$(agg 'min(sum(mt.hours), 12)')" \
  noop_sum "" "$(agg 'noop_sum(mt.hours)')"
reps 3
group learning_hours_window \
  learning_hours "" "$(win 'learning_hours(mt.hours) @W')" \
  min_sum "" "$(win 'min(sum(mt.hours) @W, 12)')"
session_run "$NATIONAL" -readonly
fi

# ---- 3. workflows: one year against ten --------------------------------------------
log "copying the databases for the workflows"
cp "$ONEYEAR" "$WORK/y1.db"; cp "$NATIONAL" "$WORK/y10.db"
# HALF_ASOF: the half-year commands' one "today" (issue 14), after the research due date
MONTH=2025-05 ASOF=2025-06-30 HALFY=2025-H1 HALF_ASOF=2025-12-31
wf_args() {  # wf_args CMD → the command's arguments after DB
  case $1 in monthly-check) echo "$MONTH --as-of $ASOF" ;; *) echo "$HALFY --as-of $HALF_ASOF" ;; esac
}
# The plain shape: the same script with the extension's calls replaced by
# built-in SQL (weekend-only due dates, the tiers as CASE, min(sum())).
TIER="CASE WHEN (\\1) <= 1 THEN '최우수' WHEN (\\1) <= 3 THEN '우수' WHEN (\\1) <= 6 THEN '장려' END"
PRIZE="CASE WHEN (\\1) <= 1 THEN 500000 WHEN (\\1) <= 3 THEN 300000 WHEN (\\1) <= 6 THEN 200000 END"
sed_esc() { printf '%s' "$1" | sed -e 's/[\/&]/\\&/g'; }
DUE_PLAIN=$(sed_esc "$(wk "date(a.month || '-05', '+1 month')")")
HALF_START="substr(@period, 1, 4) || CASE substr(@period, 7) WHEN '1' THEN '-01-01' ELSE '-07-01' END"
HALF_END="substr(@period, 1, 4) || CASE substr(@period, 7) WHEN '1' THEN '-06-30' ELSE '-12-31' END"
sed -E -e "s/report_due\(a\.month, p\.report_rule\)/$DUE_PLAIN/" \
       -e "s/period_start\(@month\)/@month || '-01'/" -e "s/period_end\(@month\)/date(@month || '-01', '+1 month', '-1 day')/" \
       -e "s/report_status\(a\.month, r\.submitted_at, a\.as_of, s\.rule\)/CASE WHEN substr(r.submitted_at, 1, 10) <= a.as_of THEN CASE WHEN substr(r.submitted_at, 1, 10) <= s.due THEN 'on_time' ELSE 'late' END WHEN a.as_of > s.due THEN 'missing' ELSE 'pending' END/" \
       -e "s/kr_date\(submitted_at\)/substr(submitted_at, 1, 10)/" \
       "$ROOT/sql/monthly-check.sql" >"$WORK/plain-monthly-check.sql"
sed -E -e "s/period_start\(@period\)/$HALF_START/" -e "s/period_end\(@period\)/$HALF_END/" \
       -e "s/report_status\(a\.period, r\.submitted_at, a\.as_of, c\.report_rule\)/CASE WHEN r.id IS NULL OR substr(r.submitted_at, 1, 10) > a.as_of THEN CASE WHEN a.as_of > substr(a.period, 1, 4) || CASE substr(a.period, 7) WHEN '1' THEN '-07-31' ELSE '-12-31' END THEN 'missing' ELSE 'pending' END WHEN substr(r.submitted_at, 1, 10) <= substr(a.period, 1, 4) || CASE substr(a.period, 7) WHEN '1' THEN '-07-31' ELSE '-12-31' END THEN 'on_time' ELSE 'late' END/" \
       -e "s/award_tier\(([^,()]+), [a-z]\.scheme\)/($TIER)/g" -e "s/award_prize\(([^,()]+), [a-z]\.scheme\)/($PRIZE)/g" \
       "$ROOT/sql/evaluate.sql" >"$WORK/plain-evaluate.sql"
sed -E -e "s/learning_hours\((([a-z]+\.)?hours), ([a-z0-9.]+)\)/min(sum(\1), \3)/g" \
       -e "s/period_start\(@period\)/$HALF_START/" -e "s/period_end\(@period\)/$HALF_END/" \
       "$ROOT/sql/hours.sql" >"$WORK/plain-hours.sql"
for c in monthly-check evaluate hours; do
  if grep -vE '^ *--' "$WORK/plain-$c.sql" | grep -qE 'report_due|deadline_ok|report_status|period_start|period_end|kr_date|award_tier|award_prize|learning_hours'; then
    echo "bench: the plain version of sql/$c.sql still calls the extension (the SQL changed?)" >&2; exit 1
  fi
done
for c in monthly-check evaluate hours; do  # the plain shape's driver: parameters, then the script
  {
    printf '.bail on\n.parameter init\n'
    case $c in
      monthly-check) printf ".parameter set @month \"'%s'\"\n.parameter set @as_of \"'%s'\"\n" "$MONTH" "$ASOF" ;;
      *) printf ".parameter set @period \"'%s'\"\n.parameter set @as_of \"'%s'\"\n" "$HALFY" "$HALF_ASOF" ;;
    esac
    printf '.mode csv\n.headers on\n.read %s\n' "$WORK/plain-$c.sql"
  } >"$WORK/plain-$c.cmds"
done
timed() {  # timed GROUP MEMBER REP COMMAND… — one timed command into RES
  # CPU: bash's `times` for the command's children (millisecond resolution;
  # /usr/bin/time's %U/%S have only 10 ms); max RSS and wall: /usr/bin/time.
  local g=$1 m=$2 r=$3; shift 3
  local rc=0 t0=$EPOCHREALTIME
  /usr/bin/time -f '%e %M' -o "$WORK/time" \
    bash -c '"$@" >"$0.out" 2>"$0.err"; rc=$?; times >"$0.times"; exit $rc' "$WORK/cmd" "$@" || rc=$?
  local t1=$EPOCHREALTIME
  if [ $rc -gt 1 ] || ! [ -s "$WORK/time" ]; then
    echo "bench: $g $m failed (exit $rc):" >&2; cat "$WORK/cmd.err" >&2; exit 1; fi
  cp "$WORK/cmd.out" "$WORK/out.$g.$m"
  [ "$r" = 0 ] && return 0
  local cpu
  cpu=$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.3f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$WORK/cmd.times")
  # wall: microseconds from bash's clock (time's %e has only 10 ms)
  awk -v OFS='\t' -v g="$g" -v m="$m" -v r="$r" -v cpu="$cpu" -v n="$(wc -l <"$WORK/cmd.out")" -v t0="$t0" -v t1="$t1" \
    'NF == 2 && $1 ~ /^[0-9.]+$/ { printf "%s\t%s\t%s\t%s\t%.4f\t%s\n", g, m, r, cpu, t1 - t0, "rss_kb=" $2 " rows=" n }' "$WORK/time" >>"$RES"
}
if want workflows; then
log "session workflows"
for c in monthly-check evaluate hours; do
  r=$REPS; start=0; [ "$SMOKE" = 1 ] && start=1
  for ((n = start; n <= r; n++)); do
    # shellcheck disable=SC2046
    timed "wf_$c" y1 $n "$LC" $c "$WORK/y1.db" $(wf_args $c) --format csv
    # shellcheck disable=SC2046
    timed "wf_$c" y10 $n "$LC" $c "$WORK/y10.db" $(wf_args $c) --format csv
  done
  for ((n = start; n <= (SMOKE == 1 ? 1 : 3); n++)); do
    timed "mem_$c" learnclub $n "$LC" $c "$WORK/y10.db" $(wf_args $c) --format csv
    timed "mem_$c" plain_sqlite3 $n "$SQLITE3" -batch "$WORK/y10.db" ".read $WORK/plain-$c.cmds"
  done
done
fi

# ---- 3c. the learnclub command (issue 13): overhead, start-up, import -----------
# Overhead: the command against the same script run by one sqlite3 process with
# the extension loaded (parameters bound, CSV out), on the ten-year database.
if want command; then
for c in monthly-check evaluate hours; do
  {
    printf '.bail on\n.load %s\n.timeout 10000\nPRAGMA foreign_keys = ON;\n.parameter init\n' "$EXT"
    case $c in
      monthly-check) printf ".parameter set @month \"'%s'\"\n.parameter set @as_of \"'%s'\"\n" "$MONTH" "$ASOF" ;;
      *) printf ".parameter set @period \"'%s'\"\n.parameter set @as_of \"'%s'\"\n" "$HALFY" "$HALF_ASOF" ;;
    esac
    printf '.mode csv\n.separator "," "\\n"\n.headers on\n.read %s\n' "$ROOT/sql/$c.sql"
  } >"$WORK/ext-$c.cmds"
done
log "session command overhead"
for c in monthly-check evaluate hours; do
  start=0; [ "$SMOKE" = 1 ] && start=1
  for ((n = start; n <= REPS; n++)); do
    # shellcheck disable=SC2046
    timed "overhead_$c" learnclub $n "$LC" $c "$WORK/y10.db" $(wf_args $c) --format csv
    timed "overhead_$c" sqlite3 $n "$SQLITE3" -batch "$WORK/y10.db" ".read $WORK/ext-$c.cmds"
  done
  if ! cmp -s "$WORK/out.overhead_$c.learnclub" "$WORK/out.overhead_$c.sqlite3"; then
    echo "bench: learnclub $c and the sqlite3 shell printed different results" >&2; exit 1; fi
done
log "session start-up"
start=0; [ "$SMOKE" = 1 ] && start=1
for ((n = start; n <= 2 * REPS; n++)); do
  timed startup learnclub $n "$LC" help
  timed startup sqlite3 $n "$SQLITE3" :memory: 'select 1'
done
fi
# Import: a year of meetings with attendance into empty tables (the one-year
# database without its meetings), and one month into the ten-year database
# (without that month's meetings). The floor: the same rows, their ids already
# known, .import-ed into bare tables and put into meeting and attendance by
# INSERT … SELECT with every constraint and trigger in place, in one
# transaction, by one sqlite3 with the extension loaded.
IMP="$WORK/import"; mkdir -p "$IMP"
import_prep() {  # import_prep NAME SOURCE.db FIRST_DAY LAST_DAY
  local name=$1 src=$2 a=$3 b=$4 where
  where="m.held_on BETWEEN '$a' AND '$b'"
  "$SQLITE3" -batch "$src" -cmd ".mode csv" -cmd ".headers on" \
    "SELECT c.name AS club, m.held_on, m.kind, m.hours, m.topic,
            (SELECT group_concat(p.emp_no, ' ') FROM (SELECT p.emp_no FROM attendance a JOIN person p ON p.id = a.person_id
                                                    WHERE a.meeting_id = m.id ORDER BY a.rowid) p) AS attendees
     FROM meeting m JOIN club c ON c.id = m.club_id WHERE $where ORDER BY m.id" >"$IMP/$name.csv"
  "$SQLITE3" -batch "$src" -cmd ".mode csv" "SELECT club_id, held_on, kind, hours, topic FROM meeting m WHERE $where ORDER BY id" >"$IMP/$name-m.csv"
  "$SQLITE3" -batch "$src" -cmd ".mode csv" "SELECT m.club_id, m.held_on, m.kind, a.person_id FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE $where ORDER BY a.rowid" >"$IMP/$name-a.csv"
  echo "$(($(wc -l <"$IMP/$name-m.csv") + $(wc -l <"$IMP/$name-a.csv")))" >"$IMP/$name.rows"
  cp "$src" "$IMP/$name-base.db"
  "$SQLITE3" -batch "$IMP/$name-base.db" "PRAGMA foreign_keys = ON;
    DELETE FROM attendance WHERE meeting_id IN (SELECT id FROM meeting m WHERE $where);
    DELETE FROM meeting AS m WHERE $where;"
  printf '.bail on\n.load %s\n.timeout 10000\nPRAGMA foreign_keys = ON;\nBEGIN IMMEDIATE;\n%s\n%s\n.import --csv --schema temp %s rm\n.import --csv --schema temp %s ra\n%s\n%s\nCOMMIT;\n' \
    "$EXT" "CREATE TEMP TABLE rm(club_id, held_on, kind, hours, topic);" "CREATE TEMP TABLE ra(club_id, held_on, kind, person_id);" \
    "$IMP/$name-m.csv" "$IMP/$name-a.csv" \
    "INSERT INTO meeting(club_id, held_on, hours, kind, topic) SELECT club_id, held_on, hours, kind, nullif(topic, '') FROM temp.rm;" \
    "INSERT INTO attendance(meeting_id, person_id) SELECT m.id, a.person_id FROM temp.ra a JOIN meeting m ON m.club_id = a.club_id AND m.held_on = a.held_on AND m.kind = a.kind;" \
    >"$IMP/$name-floor.cmds"
}
if want import; then
log "preparing the import files"
import_prep year "$WORK/y1.db" "${ASOF%%-*}-01-01" "${ASOF%%-*}-12-31"
import_prep month "$WORK/y10.db" "$MONTH-01" "$MONTH-31"
log "session import"
for name in year month; do
  start=0; [ "$SMOKE" = 1 ] && start=1
  for ((n = start; n <= REPS; n++)); do
    cp "$IMP/$name-base.db" "$IMP/work.db"
    timed "import_$name" learnclub $n "$LC" import-meetings "$IMP/work.db" "$IMP/$name.csv"
    [ "$n" = "$REPS" ] && sum_lc=$("$SQLITE3" "$IMP/work.db" "SELECT count(*), total(hours) FROM meeting; SELECT count(*) FROM attendance;" | md5sum)
    cp "$IMP/$name-base.db" "$IMP/floor.db"
    timed "import_$name" floor $n "$SQLITE3" -batch "$IMP/floor.db" ".read $IMP/$name-floor.cmds"
  done
  sum_floor=$("$SQLITE3" "$IMP/floor.db" "SELECT count(*), total(hours) FROM meeting; SELECT count(*) FROM attendance;" | md5sum)
  [ "$sum_lc" = "$sum_floor" ] || { echo "bench: import $name: the command and the floor wrote different rows" >&2; exit 1; }
  rm -f "$IMP/work.db" "$IMP/floor.db"
done
# rows per second, from the median CPU seconds
for name in year month; do
  for m in learnclub floor; do
    awk -F'\t' -v g="import_$name" -v m="$m" '$1 == g && $2 == m { print $4 }' "$RES" | sort -n |
      awk -v g="$name" -v m="$m" -v rows="$(cat "$IMP/$name.rows")" '{ t[++n] = $1 }
        END { md = n % 2 ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
              printf "import %-5s %-9s %8d rows  %8.3f s CPU (median)  %10.0f rows/s\n", g, m, rows, md, (md > 0 ? rows / md : 0) }'
  done
done >"$OUT/import-rates.txt"
fi

# ---- 3d. the HTML report (issue 16): the page against its own queries -------------
# `learnclub report` of the one-year database's year (the whole country: the page
# summarises by program, RH9) against the queries of sql/report-html.sql, the
# script up to its page ("-- RH: the page"), run by one sqlite3 with the
# extension loaded: what the page's assembly and the command add. The page's
# size goes to OUTDIR/report-size.txt.
if want report; then
  RYEAR=${HALF_ASOF%%-*}
  {
    printf '.bail on\n.load %s\n.timeout 10000\nPRAGMA foreign_keys = ON;\n.parameter init\n' "$EXT"
    printf ".parameter set @year %s\n.parameter set @as_of \"'%s'\"\n.parameter set @program NULL\n.parameter set @office NULL\n" "$RYEAR" "$HALF_ASOF"
    sed '/^-- RH: the page/,$d' "$ROOT/sql/report-html.sql"
    printf 'COMMIT;\n'
  } >"$WORK/report-queries.cmds"
  grep -q '^CREATE TEMP TABLE lc_program_sum' "$WORK/report-queries.cmds" && ! grep -q 'lc_page' "$WORK/report-queries.cmds" ||
    { echo "bench: sql/report-html.sql no longer has the line '-- RH: the page' after its queries" >&2; exit 1; }
  log "session report"
  start=0; [ "$SMOKE" = 1 ] && start=1
  for ((n = start; n <= REPS; n++)); do
    rm -f "$WORK/report.html"
    timed report_page learnclub $n "$LC" report "$WORK/y1.db" "$RYEAR" --as-of "$HALF_ASOF" --html "$WORK/report.html"
    timed report_page queries $n "$SQLITE3" -batch "$WORK/y1.db" ".read $WORK/report-queries.cmds"
  done
  printf 'report page %s of the one-year database: %d bytes, %d programs, %d clubs\n' "$RYEAR" "$(wc -c <"$WORK/report.html")" \
    "$("$SQLITE3" "$WORK/y1.db" "SELECT count(*) FROM program")" "$("$SQLITE3" "$WORK/y1.db" "SELECT count(*) FROM club")" >"$OUT/report-size.txt"
fi

# ---- 3e. the cluster (issue 17): one and three nodes against the file ----------
# The one-year database pushed into a 1-node and a 3-node cluster on loopback;
# monthly-check, evaluate and hours through --cluster against the same command
# on the file (targets: reads <= 1.5x, evaluate <= 3x), an import of a month
# of national meetings (<= 3x at 3 nodes; the month is taken out again between
# repetitions), and the time from a SIGKILL of the leader to the first write
# that succeeds (the median of 5, in OUTDIR/failover.txt). Wall seconds: the
# work is done in the node, not in the command's process. Skipped (NO NUMBER)
# when the node is not built.
# the node beside the command, else the built one (make check-asan runs a
# sanitized command from another folder); the command's serve finds it too
NODE=${LEARNCLUB_NODE:-$(dirname "$LC")/learnclub-node}
[ -x "$NODE" ] || NODE=$ROOT/dist/bin/learnclub-node
export LEARNCLUB_NODE="$NODE"
if want cluster && [ -x "$NODE" ]; then
  log "session cluster"
  CW="$WORK/cluster"; rm -rf "$CW"; mkdir -p "$CW"
  read -r -a CPORT < <(python3 -c 'import socket
s = [socket.socket() for _ in range(4)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
  C1="127.0.0.1:${CPORT[0]}" C3="127.0.0.1:${CPORT[1]},127.0.0.1:${CPORT[2]},127.0.0.1:${CPORT[3]}"
  declare -A CPID=()
  cl_start() { # cl_start KEY ID ADDRESS [--join A]: a node, its pid in CPID[KEY]
    local k=$1 id=$2 a=$3; shift 3
    "$LC" serve --id "$id" --address "$a" --dir "$CW/$k" "$@" 2>>"$CW/$k.log" &
    CPID[$k]=$!
  }
  cl_stop() { local k; for k in "${!CPID[@]}"; do kill -TERM "${CPID[$k]}" 2>/dev/null || true; done; wait 2>/dev/null || true; }
  trap 'for k in "${!CPID[@]}"; do kill -KILL "${CPID[$k]}" 2>/dev/null; done' EXIT
  cl_wait() { # cl_wait CLUSTER N: N voters within 60 s
    local end=$((SECONDS + 60))
    until [ "$("$LC" cluster status --cluster "$1" 2>/dev/null | awk '$3 == "voter"' | wc -l)" = "$2" ]; do
      [ $SECONDS -lt $end ] || { echo "bench: the cluster $1 did not come up" >&2; exit 1; }; sleep 0.2; done
  }
  cl_start one 1 "$C1"
  cl_start a 1 "127.0.0.1:${CPORT[1]}"
  cl_wait "$C1" 1; cl_wait "127.0.0.1:${CPORT[1]}" 1
  cl_start b 2 "127.0.0.1:${CPORT[2]}" --join "127.0.0.1:${CPORT[1]}"
  cl_start c 3 "127.0.0.1:${CPORT[3]}" --join "127.0.0.1:${CPORT[1]}"
  cl_wait "$C3" 3
  import_prep clmonth "$WORK/y1.db" "$MONTH-01" "$MONTH-31"
  for c in "$C1" "$C3"; do
    "$LC" --cluster "$c" push y1 "$WORK/y1.db" >/dev/null
    "$LC" --cluster "$c" push imp "$IMP/clmonth-base.db" >/dev/null
  done
  log "session cluster: pushed"
  start=0; [ "$SMOKE" = 1 ] && start=1
  for c in monthly-check evaluate hours; do
    for ((n = start; n <= REPS; n++)); do
      # shellcheck disable=SC2046
      timed "cl_$c" file $n "$LC" $c "$WORK/y1.db" $(wf_args $c) --format csv
      # shellcheck disable=SC2046
      timed "cl_$c" node1 $n "$LC" --cluster "$C1" $c y1 $(wf_args $c) --format csv
      # shellcheck disable=SC2046
      timed "cl_$c" node3 $n "$LC" --cluster "$C3" $c y1 $(wf_args $c) --format csv
    done
    for m in node1 node3; do
      cmp -s "$WORK/out.cl_$c.file" "$WORK/out.cl_$c.$m" ||
        { echo "bench: $c through the cluster ($m) printed another result than on the file" >&2; exit 1; }
    done
  done
  unimport() { # unimport CLUSTER: the month's meetings out again
    "$NODE" exec --cluster "$1" imp "DELETE FROM attendance WHERE meeting_id IN (SELECT id FROM meeting WHERE held_on BETWEEN '$MONTH-01' AND '$MONTH-31')"
    "$NODE" exec --cluster "$1" imp "DELETE FROM meeting WHERE held_on BETWEEN '$MONTH-01' AND '$MONTH-31'"
  }
  for ((n = start; n <= REPS; n++)); do
    cp "$IMP/clmonth-base.db" "$IMP/clwork.db"
    timed cl_import file $n "$LC" import-meetings "$IMP/clwork.db" "$IMP/clmonth.csv"
    q="SELECT count(*) || '|' || printf('%.1f', total(hours)) || '|' || (SELECT count(*) FROM attendance) FROM meeting"
    want_sum=$("$SQLITE3" "$IMP/clwork.db" "$q")
    for m in node1 node3; do
      c=$C1; [ $m = node3 ] && c=$C3
      timed cl_import $m $n "$LC" --cluster "$c" import-meetings imp "$IMP/clmonth.csv"
      got=$("$NODE" query --cluster "$c" imp "$q")
      [ "$got" = "$want_sum" ] || { echo "bench: the import through the cluster ($m) wrote other rows: $got, not $want_sum" >&2; exit 1; }
      unimport "$c"
    done
  done
  # failover: SIGKILL the leader of the 3-node cluster; the seconds to the first
  # write that succeeds through the command (init of an up-to-date office takes
  # the write lock); the killed node restarts before the next run
  "$LC" --cluster "$C3" init fo >/dev/null
  fo=()
  for ((n = 1; n <= (SMOKE == 1 ? 1 : 5); n++)); do
    lid=$("$LC" cluster status --cluster "$C3" | awk 'NR > 1 && $4 == "leader" { print $1 }')
    case $lid in 1) k=a ;; 2) k=b ;; 3) k=c ;; *) echo "bench: no leader" >&2; exit 1 ;; esac
    t0=$(date +%s.%N)
    kill -KILL "${CPID[$k]}"; wait "${CPID[$k]}" 2>/dev/null || true
    until LEARNCLUB_TIMEOUT_MS=2000 "$LC" --cluster "$C3" init fo >/dev/null 2>&1; do sleep 0.05; done
    fo+=("$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')")
    cl_start "$k" "$lid" "127.0.0.1:${CPORT[$lid]}"
    cl_wait "$C3" 3
  done
  printf '%s\n' "${fo[@]}" | sort -n | awk '{ t[++n] = $1 } END { md = n % 2 ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
    printf "failover after a SIGKILL of the leader (3 nodes): median %.2f s (%.2f-%.2f) of %d:", md, t[1], t[n], n
    for (i = 1; i <= n; i++) printf " %s", t[i]; printf "\n" }' >"$OUT/failover.txt"
  printf 'one-year database %d bytes; the month: %s rows\n' "$(stat -c %s "$WORK/y1.db")" "$(cat "$IMP/clmonth.rows")" >>"$OUT/failover.txt"
  cl_stop
  trap - EXIT
elif want cluster; then
  log "cluster skipped: $NODE not built"
fi

# ---- 3b. what-if: the changes bench/README.md proposes, on copies ----------------
# evaluate: drive the judges' totals from the clubs (CROSS JOIN fixes the join
# order; without statistics the planner scans the whole score table first);
# hours: a covering index on meeting(kind, held_on, club_id, hours).
# Reported, no target: they show what the proposals would give. Skipped when sql/evaluate.sql no longer has
# the text (the proposal was applied or the SQL changed).
WI="$WORK/whatif"
mkdir -p "$WI"
cp -r "$ROOT/sql" "$WI/"
if want whatif && want workflows && perl -0pi -e 's/  FROM score s JOIN lc_club c ON c\.club_id = s\.club_id, lc_arg a\n  WHERE s\.period = a\.period/  FROM lc_arg a CROSS JOIN lc_club c CROSS JOIN score s\n  WHERE s.club_id = c.club_id AND s.period = a.period/ or exit 1' "$WI/sql/evaluate.sql"; then
  log "session what-if"
  for d in y1 y10; do
    cp "$WORK/$d.db" "$WI/$d.db"
    "$SQLITE3" "$WI/$d.db" "CREATE INDEX IF NOT EXISTS meeting_kind_day ON meeting(kind, held_on, club_id, hours);"
  done
  for c in evaluate hours; do
    r=$REPS; start=0; [ "$SMOKE" = 1 ] && start=1
    for ((n = start; n <= r; n++)); do
      for d in y1 y10; do
        LEARNCLUB_SQL_DIR="$WI/sql" timed "whatif_$c" $d $n "$LC" $c "$WI/$d.db" "$HALFY" --format csv
      done
    done
  done
  for c in evaluate hours; do
    for d in y1 y10; do
      if cmp -s "$WORK/out.wf_$c.$d" "$WORK/out.whatif_$c.$d"; then echo "what-if $c $d: output identical to the real command's"
      else echo "what-if $c $d: OUTPUT DIFFERS from the real command's"; fi
    done
  done >"$OUT/whatif-check.txt"
else
  if want whatif && want workflows; then log "what-if skipped: sql/evaluate.sql no longer has the text it changes"; fi
fi

# ---- 4. EXPLAIN QUERY PLAN of the workflows (ten-year database) -------------------
if [ "$SMOKE" != 1 ] && want eqp; then
  for c in monthly-check evaluate hours; do
    {
      printf '.bail on\n.load %s\n.parameter init\n' "$EXT"
      case $c in
        monthly-check) printf ".parameter set @month \"'%s'\"\n.parameter set @as_of \"'%s'\"\n" "$MONTH" "$ASOF" ;;
        *) printf ".parameter set @period \"'%s'\"\n.parameter set @as_of \"'%s'\"\n" "$HALFY" "$HALF_ASOF" ;;
      esac
      printf '.mode tabs\n.eqp on\n.read %s\n' "$ROOT/sql/$c.sql"
    } | "$SQLITE3" -batch "$WORK/y10.db" 2>&1 | awk '/^QUERY PLAN/ || /^(\||`|  )/ { print; next } { if (!sep) print "…"; sep = 1 } /^QUERY PLAN/ { sep = 0 }' \
      | awk '!($0 == "…" && prev == "…") { print } { prev = $0 }' >"$OUT/eqp-$c.txt"
  done
fi

# ---- 5. callgrind: instructions per row -------------------------------------------
CG="$OUT/callgrind.tsv"
: >"$CG"
if [ "$CALLGRIND" = 1 ] && want callgrind && want percall && command -v valgrind >/dev/null; then
  log "callgrind"
  # the holiday_override case runs with a main database holding the 100 rows
  rm -f "$WORK/override.db"
  "$SQLITE3" "$WORK/override.db" "$OVERRIDE_ON"
  N1=10000 N2=60000
  cg_run() {  # cg_run NAME MAIN_DB EXPR N → total Ir; keeps the output file
    local f="$WORK/cg.$1.$4"
    valgrind --tool=callgrind --callgrind-out-file="$f" "$SQLITE3" -batch "$2" \
      -cmd ".load $EXT" -cmd ".load $NOOP" -cmd "ATTACH 'file:$FLOOR?mode=ro' AS f;" \
      "SELECT $3 FROM f.sub WHERE rowid <= $4;" >/dev/null 2>"$f.log"
    awk '/^totals:|^summary:/ { print $2; exit }' "$f"
  }
  body() { local q=${1#SELECT }; q=${q% FROM f.sub;}; printf '%s' "${q//$'\n'/ }"; }  # a query's select list, one line
  while IFS='|' read -r name db expr; do
    a=$(cg_run "$name" "$WORK/$db" "$expr" $N1); b=$(cg_run "$name" "$WORK/$db" "$expr" $N2)
    printf '%s\t%s\n' "$name" "$(awk -v a="$a" -v b="$b" -v n=$((N2 - N1)) 'BEGIN { printf "%.1f", (b - a) / n }')" >>"$CG"
  done <<EOF
deadline_ok|scratch.db|sum(deadline_ok(period, submitted_at))
noop_deadline_ok|scratch.db|sum(noop_deadline_ok(period, submitted_at))
report_due|scratch.db|count(report_due(period))
noop_report_due|scratch.db|count(noop_report_due(period))
is_working_day|scratch.db|sum(is_working_day(day))
noop_is_working_day|scratch.db|sum(noop_is_working_day(day))
half_year|scratch.db|count(half_year(day))
noop_half_year|scratch.db|count(noop_half_year(day))
award_tier|scratch.db|count(award_tier(rank))
noop_award_tier|scratch.db|count(noop_award_tier(rank))
deadline_ok+100overrides|override.db|sum(deadline_ok(period, submitted_at))
is_working_day+100overrides|override.db|sum(is_working_day(day))
plain_date|scratch.db|$(body "$PLAIN_A")
plain_arith|scratch.db|$(body "$PLAIN_B")
EOF
  # per-row cost of each function on a path: exclusive Ir, (N2 run - N1 run) / (N2 - N1)
  cga() {
    callgrind_annotate --threshold=100 "$1" 2>/dev/null | awk '/^ *[0-9,]+ +\( *[0-9.]+%\) +[^ ]/ && !/PROGRAM TOTALS/ {
      x = $1; gsub(/,/, "", x); s = $0; sub(/^.*%\) +/, "", s); if (s ~ /^</) next; sub(/ .*$/, "", s); sub(/^.*:/, "", s); print s "\t" x }'
  }
  for fn in deadline_ok noop_deadline_ok report_due is_working_day half_year; do
    cga "$WORK/cg.$fn.$N1" >"$WORK/cga.$fn.1"; cga "$WORK/cg.$fn.$N2" >"$WORK/cga.$fn.2"
    awk -F'\t' -v fn="$fn" -v n=$((N2 - N1)) 'NR == FNR { a[$1] += $2; next } { b[$1] += $2 }
      END { for (k in b) { d = (b[k] - a[k]) / n; if (d >= 0.5) printf "%s\t%s\t%.1f\n", fn, k, d } }' \
      "$WORK/cga.$fn.1" "$WORK/cga.$fn.2" | sort -t$'\t' -k3,3nr | head -n 16 >"$OUT/hotspots-$fn.tsv"
  done
fi

# the workflow copies are big (the ten-year one twice): drop them
rm -rf "$WORK/y1.db" "$WORK/y10.db" "$WI/y1.db" "$WI/y10.db"
log "measurements done; results in $RES"
