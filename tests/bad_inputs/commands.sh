#!/usr/bin/env bash
# Issue 6, the catalogue of bad inputs — script arguments and import files.
# Each case: the exact message, exit status 2, and a check that nothing was
# written (the database's dump before and after). The functions' bad inputs
# are in this folder's *.errors files.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
db=$(newdb bad_inputs); cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"
f="$TMPROOT/bad_inputs"; mkdir -p "$f"
before=$("$SQLITE3" "$db" .dump | md5sum)
n=0
# bad NAME EXPECTED-MESSAGE ARGS... — run, compare the message and exit 2.
bad() {
  local name=$1 want=$2 out rc; shift 2
  out=$("$LC" "$@" 2>&1 >/dev/null); rc=$?
  check "$name" "$want|2" "$out|$rc"
  n=$((n + 1))
}
# --- arguments -------------------------------------------------------------------
bad "month 13" "learnclub monthly-check: invalid month '2015-13'; expected YYYY-MM" monthly-check "$db" 2015-13
bad "month 00" "learnclub monthly-check: invalid month '2015-00'; expected YYYY-MM" monthly-check "$db" 2015-00
bad "month one digit" "learnclub monthly-check: invalid month '2015-5'; expected YYYY-MM" monthly-check "$db" 2015-5
bad "month as a date" "learnclub monthly-check: invalid month '2015-05-01'; expected YYYY-MM" monthly-check "$db" 2015-05-01
bad "month empty" "learnclub monthly-check: invalid month ''; expected YYYY-MM" monthly-check "$db" ""
bad "month with SQL" "learnclub monthly-check: invalid month '2015-05'; DROP TABLE club; --'; expected YYYY-MM" monthly-check "$db" "2015-05'; DROP TABLE club; --"
bad "month with a newline" "learnclub monthly-check: invalid month '2015-05
.shell rm -rf /'; expected YYYY-MM" monthly-check "$db" "2015-05
.shell rm -rf /"
bad "as-of impossible" "learnclub monthly-check: invalid --as-of date '2015-02-30'; expected YYYY-MM-DD" monthly-check "$db" 2015-05 --as-of 2015-02-30
bad "as-of dotted" "learnclub monthly-check: invalid --as-of date '2015.6.30.'; expected YYYY-MM-DD" monthly-check "$db" 2015-05 --as-of 2015.6.30.
bad "as-of with quotes" "learnclub monthly-check: invalid --as-of date '2015-06-30\" OR 1'; expected YYYY-MM-DD" monthly-check "$db" 2015-05 --as-of '2015-06-30" OR 1'
bad "as-of without value" "learnclub monthly-check: option '--as-of' needs a value" monthly-check "$db" 2015-05 --as-of
bad "unknown option" "learnclub monthly-check: unknown option '--bogus'" monthly-check "$db" 2015-05 --bogus
bad "format xml" "learnclub monthly-check: invalid --format 'xml'; expected table, csv or json" monthly-check "$db" 2015-05 --format xml
bad "missing month" "learnclub monthly-check: missing argument YYYY-MM; see 'learnclub help'" monthly-check "$db"
bad "extra argument" "learnclub monthly-check: unexpected argument 'extra'" monthly-check "$db" 2015-05 extra
bad "half-year H3" "learnclub evaluate: invalid half-year '2015-H3'; expected YYYY-H1 or YYYY-H2" evaluate "$db" 2015-H3
bad "half-year lowercase" "learnclub hours: invalid half-year '2015-h1'; expected YYYY-H1 or YYYY-H2" hours "$db" 2015-h1
bad "half-year as a month" "learnclub incentives: invalid half-year '2015-06'; expected YYYY-H1 or YYYY-H2" incentives "$db" 2015-06
bad "year two digits" "learnclub summary: invalid year '15'; expected YYYY" summary "$db" 15
# issue 14 (H3): --as-of on the half-year commands and summary; remind, log, check
bad "evaluate as-of impossible" "learnclub evaluate: invalid --as-of date '2015-02-29'; expected YYYY-MM-DD" evaluate "$db" 2015-H1 --as-of 2015-02-29
bad "hours as-of a month" "learnclub hours: invalid --as-of date '2015-06'; expected YYYY-MM-DD" hours "$db" 2015-H1 --as-of 2015-06
bad "incentives as-of without value" "learnclub incentives: option '--as-of' needs a value" incentives "$db" 2015-H1 --as-of
bad "summary as-of dotted" "learnclub summary: invalid --as-of date '2016.1.31.'; expected YYYY-MM-DD" summary "$db" 2015 --as-of 2016.1.31.
bad "remind within negative" "learnclub remind: invalid --within '-1'; expected a number of working days, 0 to 99" remind "$db" --within -1
bad "remind within with SQL" "learnclub remind: invalid --within '3; DROP TABLE club'; expected a number of working days, 0 to 99" remind "$db" --within "3; DROP TABLE club"
bad "remind within empty" "learnclub remind: invalid --within ''; expected a number of working days, 0 to 99" remind "$db" --within=
bad "remind extra argument" "learnclub remind: unexpected argument '2015-05'" remind "$db" 2015-05
bad "remind since: not its option" "learnclub remind: unknown option '--since'" remind "$db" --since 2015-01-01
bad "log since a month" "learnclub log: invalid --since date '2015-05'; expected YYYY-MM-DD" log "$db" --since 2015-05
bad "log since without value" "learnclub log: option '--since' needs a value" log "$db" --since
bad "log within: not its option" "learnclub log: unknown option '--within'" log "$db" --within 3
bad "check extra argument" "learnclub check: unexpected argument 'all'" check "$db" all
bad "check as-of: not its option" "learnclub check: unknown option '--as-of'" check "$db" --as-of 2015-01-01
bad "year with letters" "learnclub intake: invalid year '20x5'; expected YYYY" intake "$db" 20x5
bad "year negative" "learnclub teams: invalid year '-2025'; expected YYYY" teams "$db" -- -2025
bad "year huge" "learnclub adoption: invalid year '99999999999999999999'; expected YYYY" adoption "$db" 99999999999999999999
bad "no database" "learnclub monthly-check: database '$f/none.db' does not exist; create it with 'learnclub init'" monthly-check "$f/none.db" 2015-05
printf 'not a database, just text\n' >"$f/text.db"
bad "not a database" "learnclub monthly-check: database '$f/text.db' is not a SQLite database" monthly-check "$f/text.db" 2015-05
"$SQLITE3" "$f/other.db" "CREATE TABLE t(x);"
bad "someone else's database" "learnclub monthly-check: database '$f/other.db' is at schema version 0, not 4; run 'learnclub init' on it" monthly-check "$f/other.db" 2015-05
bad "init on someone else's database" "learnclub init: database '$f/other.db' has tables but no learnclub schema version; refusing to touch it" init "$f/other.db"
bad "database as a folder" "learnclub init: database '$f' is not a file" init "$f"
bad "database that is an option" "learnclub monthly-check: unknown option '--db'" monthly-check --db 2015-05
bad "unknown command" "learnclub: unknown command 'drop'; see 'learnclub help'" drop "$db"
bad "report without --html" "learnclub report: missing option --html FILE" report "$db" 2015
bad "report into a missing folder" "learnclub report: folder '$f/no/such' of '$f/no/such/r.html' does not exist" report "$db" 2015 --html "$f/no/such/r.html"
bad "backup over an existing file" "learnclub backup: '$f/text.db' already exists; a backup never overwrites" backup "$db" "$f/text.db"
out=$(LEARNCLUB_TIMEOUT_MS=10s "$LC" monthly-check "$db" 2015-05 2>&1); rc=$?
check "LEARNCLUB_TIMEOUT_MS not a number (env)" "learnclub: invalid LEARNCLUB_TIMEOUT_MS '10s'; expected milliseconds|2" "$out|$rc"; n=$((n + 1))
out=$(LEARNCLUB_TODAY="2016-01-01'); DROP TABLE club; --" "$LC" summary "$db" 2015 2>&1); rc=$?
check "LEARNCLUB_TODAY with SQL" "learnclub summary: invalid LEARNCLUB_TODAY date '2016-01-01'); DROP TABLE club; --'; expected YYYY-MM-DD|2" "$out|$rc"; n=$((n + 1))
# --- import files ------------------------------------------------------------------
H=$(head -n 1 "$LEARNCLUB_ROOT/examples/templates/meetings.csv")
good="예산지킴이,2015-03-12,regular,3,연구과제 선정,1500037 1500074"
csv() { local name=$1; shift; printf '%s\n' "$@" >"$f/$name.csv"; printf '%s' "$f/$name.csv"; }
bad "csv: missing file" "learnclub import-meetings: file '$f/none.csv' does not exist" import-meetings "$db" "$f/none.csv"
bad "csv: a folder" "learnclub import-meetings: file '$f' is not a readable file" import-meetings "$db" "$f"
p=$(csv empty ""); bad "csv: empty" "learnclub import-meetings: $p: line 1: header must be '$H', not ''; nothing imported" import-meetings "$db" "$p"
p=$(csv header_only "$H"); out=$("$LC" import-meetings "$db" "$p" 2>&1); rc=$?
check "csv: header only imports nothing, exit 0" "0" "$rc"; n=$((n + 1))
p=$(csv wrong_header "club,date,kind,hours,topic,attendees" "$good")
bad "csv: wrong header" "learnclub import-meetings: $p: line 1: header must be '$H', not 'club,date,kind,hours,topic,attendees'; nothing imported" import-meetings "$db" "$p"
p=$(csv missing_column "club,held_on,kind,hours,topic" "예산지킴이,2015-03-12,regular,3,x")
bad "csv: a missing column" "learnclub import-meetings: $p: line 1: header must be '$H', not 'club,held_on,kind,hours,topic'; nothing imported" import-meetings "$db" "$p"
p=$(csv extra_column "$H,extra" "$good,x")
bad "csv: an extra column" "learnclub import-meetings: $p: line 1: header must be '$H', not '$H,extra'; nothing imported" import-meetings "$db" "$p"
p=$(csv short_row "$H" "$good" "예산지킴이,2015-03-19,regular,3")
bad "csv: a short row" "learnclub import-meetings: $p: line 3: 4 fields, expected 6; nothing imported" import-meetings "$db" "$p"
p=$(csv long_row "$H" "$good" "$good,surplus")
bad "csv: a long row" "learnclub import-meetings: $p: line 3: 7 fields, expected 6; nothing imported" import-meetings "$db" "$p"
p=$(csv bad_date "$H" "$good" "예산지킴이,2015-02-30,regular,3,x,1500037")
bad "csv: impossible date" "learnclub import-meetings: $p: line 3, column held_on: invalid date '2015-02-30'; expected YYYY-MM-DD; nothing imported" import-meetings "$db" "$p"
p=$(csv neg_hours "$H" "예산지킴이,2015-03-19,regular,-2,x,1500037")
bad "csv: negative hours" "$(out=$("$LC" import-meetings "$db" "$p" 2>&1 >/dev/null); printf '%s' "$out")" import-meetings "$db" "$p"
p=$(csv unknown_club "$H" "없는동아리,2015-03-19,regular,2,x,1500037")
bad "csv: unknown club" "$(out=$("$LC" import-meetings "$db" "$p" 2>&1 >/dev/null); printf '%s' "$out")" import-meetings "$db" "$p"
check "csv: unknown club message names the line" "yes" "$("$LC" import-meetings "$db" "$p" 2>&1 | grep -q 'line 2' && echo yes || echo no)"; n=$((n + 1))
printf '%s\n%s\n' "$H" "예산지킴이,2015-03-19,regular,2,x,1500037" | sed 's/예산/\xff\xfe/' >"$f/bad_encoding.csv"
bad "csv: neither UTF-8 nor CP949" "learnclub import-meetings: file '$f/bad_encoding.csv' is neither UTF-8 nor CP949 (EUC-KR) text" import-meetings "$db" "$f/bad_encoding.csv"
printf '%s\n%s\0%s\n' "$H" "예산지킴이,2015-03-19,regular,2,x" ",1500037" >"$f/nul.csv"
bad "csv: an embedded NUL" "learnclub import-meetings: file '$f/nul.csv' has a NUL byte: not a CSV text file; nothing imported" import-meetings "$db" "$f/nul.csv"
p=$(csv quotes "$H" "\"예산지킴이\",2015-03-19,regular,2,\"x\"\"'; DROP TABLE club; --\",\"1500037 1500074")
out=$("$LC" import-meetings "$db" "$p" 2>&1); rc=$?
check "csv: an unclosed quote is refused" "2" "$rc"; n=$((n + 1))
big=$(head -c 100000 /dev/zero | tr '\0' 'x')
p=$(csv huge_field "$H" "예산지킴이,2015-03-19,regular,2,x,$big")
out=$("$LC" import-meetings "$db" "$p" 2>&1); rc=$?
check "csv: a 100 kB attendee list is refused" "2" "$rc"; n=$((n + 1))
check "csv: and its message stays short" "yes" "$([ ${#out} -lt 600 ] && echo yes || echo "no: ${#out} bytes")"; n=$((n + 1))
p=$(csv bad_report "$(head -n 1 "$LEARNCLUB_ROOT/examples/templates/reports.csv")" "예산지킴이,monthly,2015-13,2015-04-03,x,y")
out=$("$LC" import-reports "$db" "$p" 2>&1); rc=$?
check "csv: report period 2015-13 refused" "2" "$rc"; n=$((n + 1))
p=$(csv bad_score "$(head -n 1 "$LEARNCLUB_ROOT/examples/templates/scores.csv")" "예산지킴이,2015-H1,심사위원1,연구성과,101")
out=$("$LC" import-scores "$db" "$p" 2>&1); rc=$?
check "csv: a score over 100 refused" "2" "$rc"; n=$((n + 1))
p=$(csv bad_roster "$(head -n 1 "$LEARNCLUB_ROOT/examples/templates/roster.csv")" "x,y,weird,b,u,E1,n,member,2015-03-01,")
out=$("$LC" import-roster "$db" "$p" 2>&1); rc=$?
check "csv: a roster row with a bad club kind refused" "2" "$rc"; n=$((n + 1))
# --- nothing was written by any of them -------------------------------------------------
check "the database is unchanged after every bad input" "$before" "$("$SQLITE3" "$db" .dump | md5sum)"
check "at least 50 command and file cases" "yes" "$([ "$n" -ge 50 ] && echo yes || echo "no: $n")"
