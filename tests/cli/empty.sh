#!/usr/bin/env bash
# Issue 14 (H3), problem 3: on a new database every report said nothing at all
# (adoption, budget, pledge-report, incentives). Empty results are said: "(no
# rows)" on stderr in table format, the header line in CSV, [] in JSON
# (output.c O2-O4), for every report.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
db=$(newdb empty-results); "$LC" init "$db" >/dev/null
bad=""
while read -r c args; do
  [ -n "$c" ] || continue
  # shellcheck disable=SC2086
  out=$(LEARNCLUB_TODAY=2016-01-31 "$LC" $c "$db" $args 2>&1 >/dev/null); so=$(LEARNCLUB_TODAY=2016-01-31 "$LC" $c "$db" $args 2>/dev/null)
  [ "$out|$so" = "(no rows)|" ] || bad+="$c table: '$out' '$so'; "
  # shellcheck disable=SC2086
  so=$(LEARNCLUB_TODAY=2016-01-31 "$LC" $c "$db" $args --format csv 2>&1)
  { [ "$(printf '%s\n' "$so" | wc -l)" = 1 ] && [[ "$so" == *,* ]]; } || bad+="$c csv: '$so'; "
  # shellcheck disable=SC2086
  so=$(LEARNCLUB_TODAY=2016-01-31 "$LC" $c "$db" $args --format json 2>&1)
  [ "$so" = "[]" ] || bad+="$c json: '$so'; "
done <<'CMDS'
monthly-check 2015-05
evaluate 2015-H1
hours 2015-H1
incentives 2015-H1
teams 2015
adoption
budget
pledge-report
remind
check
log --since 2030-01-01
CMDS
check "every report on a new database: (no rows) on stderr, a CSV header, []" "" "$bad"
