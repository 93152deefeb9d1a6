#!/usr/bin/env bash
# issue 15: report_rule h1=MM-DD and h2=MM-DD (deadlines.c R10, DOMAIN O6) as a
# program setting: program-add and program-set check it with the extension's
# parser (cmd_program.c P2), the schema with built-in SQL (S1, sql/rules.sql
# program_setting_invalid), and the stored rule gives the due dates.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
plain_error() {  # the message a plain sqlite3 (no extension) gives for SQL
  "$SQLITE3" -batch "$1" "$2" 2>&1 >/dev/null |
    sed -E -n '1{s/^(Error: (stepping|in prepare), |Runtime error near line [0-9]+: |Error: near line [0-9]+: |Error: )//; s/ \([0-9]+\)$//; p}'
}
bad() {
  local name=$1 want=$2 out rc; shift 2
  out=$("$LC" "$@" 2>&1 >/dev/null); rc=$?
  check "$name" "$want|2" "$out|$rc"
}
msg="program: report_rule must be settings day=N (1 to 31), h1=MM-DD, h2=MM-DD or strict, separated by commas (JG6, O6)"

db=$(newdb report-rule); "$LC" init "$db" >/dev/null
out=$("$LC" program-add "$db" seoul-2026 --name "연구단체 2026" --from 2026-01-01 --to 2026-12-31 'report_rule=h1=01-20, h2=07-20' 2>&1); rc=$?
check "issue 15 (R10): program-add accepts h1= and h2=" "seoul-2026: added (report_rule)|0" "$out|$rc"
out=$("$LC" program-set "$db" seoul-2026 'report_rule=day=10, h1=07-20, strict' 2>&1); rc=$?
check "issue 15 (R10): program-set accepts them beside day= and strict" "seoul-2026: updated (report_rule)|0" "$out|$rc"
check "issue 15 (R10): the stored rule gives the due dates" "2026-07-20|2026-12-31|2026-04-10" \
  "$(sql "$db" "SELECT report_due('2026-H1', report_rule), report_due('2026-H2', report_rule), report_due('2026-03', report_rule) FROM program")"
"$LC" program-set "$db" seoul-2026 'report_rule=h2=01-20' >/dev/null
check "issue 15 (R10): report_calendar over the stored rule (h2 in the next January)" "2026-H1|2026-07-31 2026-H2|2027-01-20" \
  "$(sql "$db" "SELECT group_concat(period || '|' || due, ' ') FROM program p, report_calendar('2026-01', '2026-12', p.report_rule) WHERE kind = 'research'")"

before=$("$SQLITE3" "$db" .dump | md5sum)
bad "issue 15 (R10): program-set h1 on a day February never has" \
  "learnclub program-set: invalid report_rule 'h1=02-30': invalid rule setting 'h1=02-30'" program-set "$db" seoul-2026 report_rule=h1=02-30
bad "issue 15 (R10): program-add a one-digit month" \
  "learnclub program-add: invalid report_rule 'h2=7-20': invalid rule setting 'h2=7-20'" program-add "$db" x --name x --from 2026-01-01 --to 2026-12-31 report_rule=h2=7-20
bad "issue 15 (R10): program-set h3 is unknown" \
  "learnclub program-set: invalid report_rule 'strict, h3=07-20': unknown rule setting 'h3=07-20'" program-set "$db" seoul-2026 'report_rule=strict, h3=07-20'
check "issue 15 (R10): a refused rule writes nothing" "$before" "$("$SQLITE3" "$db" .dump | md5sum)"

# S1: a plain sqlite3 holds the table to the same grammar
check "S1 plain sqlite3 accepts h1= and h2=" "" "$(plain_error "$db" "UPDATE program SET report_rule = ' h1=01-20 , h2=07-20, day=5,strict'")"
check "S1 plain sqlite3 accepts 02-29" "" "$(plain_error "$db" "UPDATE program SET report_rule = 'h1=02-29'")"
for r in 'h1=02-30' 'h2=13-01' 'h1=00-10' 'h1=07-00' 'h2=09-31' 'h1=7-20' 'h1=0720' 'h1=07-20-' 'h1=' 'h3=07-20' 'H1=07-20' 'h1=07/20'; do
  check "S1 plain sqlite3 refuses report_rule '$r'" "$msg" "$(plain_error "$db" "UPDATE program SET report_rule = '$r'")"
done
check "S1 plain sqlite3 refuses it on insert" "$msg" \
  "$(plain_error "$db" "INSERT INTO program(code, name, starts_on, ends_on, report_rule) VALUES ('y', 'y', '2026-01-01', '2026-12-31', 'h2=06-31')")"
# the schema and the parser agree: every month's last day and the day after, months 00 and 13
cp "$db" "$TMPROOT/report-rule-plain.db"
agree=0; n=0
for m in 00 01 02 03 04 05 06 07 08 09 10 11 12 13; do
  for d in 28 29 30 31 32; do
    r="h$(( n % 2 + 1 ))=$m-$d"; n=$((n + 1))
    p=$(sql "$db" "SELECT report_due('2026-H1', '$r')" >/dev/null 2>&1 && echo ok || echo refused)
    s=$([ -z "$(plain_error "$TMPROOT/report-rule-plain.db" "UPDATE program SET report_rule = '$r'")" ] && echo ok || echo refused)
    [ "$p" = "$s" ] && agree=$((agree + 1))
  done
done
check "S1 the schema accepts exactly what report_due() accepts (70 month ends)" "70 of 70" "$agree of $n"
