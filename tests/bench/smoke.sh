#!/usr/bin/env bash
# tests/bench/smoke.sh — the benchmark's smoke run (issue 7, bench/README.md),
# so that `make bench` cannot rot: the generators on a few thousand rows, every
# measurement of bench/run.sh once, and bench/summary.sh. Asserts no timing:
# only that everything ran, that each measurement produced a number, and that
# the pairs which compute the same thing agree (the plain-SQL versions, the
# built-in aggregates against learning_hours and pledge_rate).
. "$(dirname "$0")/../lib.sh"
R="$LEARNCLUB_ROOT"
D="$TMPROOT/bench-smoke"
rm -rf "$D" && mkdir -p "$D"

${CC:-cc} -O2 -std=c99 -fPIC -shared -o "$D/noop.so" "$R/bench/noop.c" 2>"$D/cc.err"
check "noop.so builds" "0" "$?"
bash "$R/bench/gen.sh" "$D/national.db" 2023 3 2 5 6 1 >"$D/gen.log" 2>&1
check "gen.sh: three years" "0" "$?"
bash "$R/bench/gen.sh" "$D/oneyear.db" 2025 1 2 5 6 1 >>"$D/gen.log" 2>&1
check "gen.sh: one year" "0" "$?"
bash "$R/bench/gen-floor.sh" "$D/floor.db" 3000 1 >>"$D/gen.log" 2>&1
check "gen-floor.sh" "0" "$?"
check "gen.sh reports time and size" "2" "$(grep -c '^generated .* s wall .* MB$' "$D/gen.log")"
bash "$R/bench/gen.sh" "$D/again.db" 2023 3 2 5 6 1 >/dev/null 2>&1
# the change log apart: init's row names the file and the time (issue 14)
check "gen.sh is deterministic (same arguments, same rows)" \
  "$("$SQLITE3" "$D/national.db" .dump | grep -v '^INSERT INTO change_log' | sha256sum)" \
  "$("$SQLITE3" "$D/again.db" .dump | grep -v '^INSERT INTO change_log' | sha256sum)"

BENCH_SMOKE=1 NOOP_EXT="$D/noop" bash "$R/bench/run.sh" "$D/national.db" "$D/oneyear.db" "$D/floor.db" "$D/out" >"$D/run.log" 2>&1
check "bench/run.sh runs every measurement" "0" "$?"
bash "$R/bench/summary.sh" "$D/out" >"$D/summary.txt" 2>&1
check "bench/summary.sh: every measurement has a number" "0" "$?"
check "summary: no measurement without a number" "0" "$(grep -c 'NO NUMBER' "$D/summary.txt")"
check "summary: 29 measurement rows" "29" "$(grep -cE '^(floor|plain|agg|calendar|workflow|memory|command|import|report): ' "$D/summary.txt")"

# value of GROUP/MEMBER in the last repetition
v() { awk -F'\t' -v g="$1" -v m="$2" '$1 == g && $2 == m { x = $6 } END { print x }' "$D/out/results.tsv"; }
check "deadline_ok gave a number" "1" "$(v deadline_ok deadline_ok | grep -cE '^[0-9]+$')"
check "report_due with three rules and with two: a due date on every row" "$(v report_due report_due)" "$(v report_due_rules three_rules)"
check "report_due with two rules: a due date on every row" "$(v report_due report_due)" "$(v report_due_rules two_rules)"
check "plain SQL: date() and arithmetic versions agree" "$(v plain plain_date)" "$(v plain plain_arith)"
check "plain SQL with the workday table agrees with deadline_ok" "$(v plain_holidays deadline_ok)" "$(v plain_holidays plain_workday)"
check "learning_hours agrees with min(sum(h), 12)" "$(v learning_hours min_sum)" "$(v learning_hours learning_hours)"
check "learning_hours window agrees with min(sum() OVER, 12)" "$(v learning_hours_window min_sum)" "$(v learning_hours_window learning_hours)"
check "pledge_rate agrees with avg(min(…))" "$(v pledge avg_min)" "$(v pledge pledge_rate)"
check "the workflow commands ran on both databases" "6" "$(grep -cE '^wf_[a-z-]+	y1?0?	1	' "$D/out/results.tsv")"
# issue 13: the command's overhead, start-up and import measurements
check "overhead: learnclub and sqlite3 + ext for each workflow" "6" "$(grep -cE '^overhead_[a-z-]+	(learnclub|sqlite3)	1	' "$D/out/results.tsv")"
check "start-up: learnclub help and sqlite3 select 1" "2" "$(grep -cE '^startup	(learnclub|sqlite3)	1	' "$D/out/results.tsv")"
check "import: the command and the floor, a year and a month" "4" "$(grep -cE '^import_(year|month)	(learnclub|floor)	1	' "$D/out/results.tsv")"
check "import: rows per second reported for each" "4" "$(grep -cE '^import (year|month) +(learnclub|floor) +[0-9]+ rows .* [0-9]+ rows/s$' "$D/out/import-rates.txt")"
# issue 16: the HTML report against its own queries, and the page's size
check "report: the command and its queries" "2" "$(grep -cE '^report_page	(learnclub|queries)	1	' "$D/out/results.tsv")"
check "report: the page's size recorded" "1" "$(grep -cE '^report page [0-9]{4} of the one-year database: [0-9]+ bytes, 2 programs, 10 clubs$' "$D/out/report-size.txt")"
check "report: the size in the summary" "1" "$(grep -cE '^  report page .* bytes' "$D/summary.txt")"
# BENCH_ONLY runs one section: the import alone gives the import rows and nothing else
BENCH_SMOKE=1 BENCH_ONLY=import NOOP_EXT="$D/noop" bash "$R/bench/run.sh" "$D/national.db" "$D/oneyear.db" "$D/floor.db" "$D/only" >"$D/only.log" 2>&1
check "BENCH_ONLY=import: runs" "0" "$?"
check "BENCH_ONLY=import: only the import groups measured" "import_month import_year" \
  "$(awk -F'\t' 'NR > 1 { print $1 }' "$D/only/results.tsv" | sort -u | tr '\n' ' ' | sed 's/ $//')"
check "BENCH_ONLY=import: rows per second for each" "4" "$(grep -cE '^import (year|month) +(learnclub|floor) +[0-9]+ rows .* [0-9]+ rows/s$' "$D/only/import-rates.txt")"
