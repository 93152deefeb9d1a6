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
bad "format xml" "learnclub monthly-check: invalid --format 'xml'; expected table, csv, json or xlsx" monthly-check "$db" 2015-05 --format xml
bad "missing month" "learnclub monthly-check: missing argument YYYY-MM; see 'learnclub help'" monthly-check "$db"
bad "extra argument" "learnclub monthly-check: unexpected argument 'extra'" monthly-check "$db" 2015-05 extra
bad "half-year H3" "learnclub evaluate: invalid half-year '2015-H3'; expected YYYY-H1 or YYYY-H2" evaluate "$db" 2015-H3
bad "half-year lowercase" "learnclub hours: invalid half-year '2015-h1'; expected YYYY-H1 or YYYY-H2" hours "$db" 2015-h1
bad "half-year as a month" "learnclub incentives: invalid half-year '2015-06'; expected YYYY-H1 or YYYY-H2" incentives "$db" 2015-06
bad "year two digits" "learnclub summary: invalid year '15'; expected YYYY" summary "$db" 15
# issue 16 (args.c A4, output.c O6): --format xlsx, --output, --bom
bad "issue 16: xlsx without --output" "learnclub evaluate: --format xlsx needs --output FILE; a workbook is not written to stdout" evaluate "$db" 2015-H1 --format xlsx
bad "issue 16: --output to stdout" "learnclub evaluate: invalid --output '-'; expected a file name (--output never writes to stdout)" evaluate "$db" 2015-H1 --format xlsx --output -
bad "issue 16: --output over the database" "learnclub evaluate: '$db' is the database '$db'; refusing to write over it" evaluate "$db" 2015-H1 --format xlsx --output "$db"
bad "issue 16: --output over its journal" "learnclub evaluate: '$db-journal' is the database '$db' (its journal file); refusing to write over it" evaluate "$db" 2015-H1 --format csv --output "$db-journal"
bad "issue 16: --bom with table" "learnclub hours: option '--bom' is for --format csv" hours "$db" 2015-H1 --bom
bad "issue 16: --output without value" "learnclub hours: option '--output' needs a value" hours "$db" 2015-H1 --output
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
bad "someone else's database" "learnclub monthly-check: database '$f/other.db' is at schema version 0, not 5; run 'learnclub init' on it" monthly-check "$f/other.db" 2015-05
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
H=$(head -n 1 "$LEARNCLUB_ROOT/examples/templates/meetings.csv" | sed "s/,program$//")  # the required columns (issue 15: the template shows the optional program)
good="예산지킴이,2015-03-12,regular,3,연구과제 선정,1500037 1500074"
csv() { local name=$1; shift; printf '%s\n' "$@" >"$f/$name.csv"; printf '%s' "$f/$name.csv"; }
bad "csv: missing file" "learnclub import-meetings: file '$f/none.csv' does not exist" import-meetings "$db" "$f/none.csv"
bad "csv: a folder" "learnclub import-meetings: file '$f' is not a readable file" import-meetings "$db" "$f"
p=$(csv empty ""); bad "csv: empty" "learnclub import-meetings: $p: line 1: header must be '$H[,program]', not ''; nothing imported" import-meetings "$db" "$p"
p=$(csv header_only "$H"); out=$("$LC" import-meetings "$db" "$p" 2>&1); rc=$?
check "csv: header only imports nothing, exit 0" "0" "$rc"; n=$((n + 1))
p=$(csv wrong_header "club,date,kind,hours,topic,attendees" "$good")
bad "csv: wrong header" "learnclub import-meetings: $p: line 1: header must be '$H[,program]', not 'club,date,kind,hours,topic,attendees'; nothing imported" import-meetings "$db" "$p"
p=$(csv missing_column "club,held_on,kind,hours,topic" "예산지킴이,2015-03-12,regular,3,x")
bad "csv: a missing column" "learnclub import-meetings: $p: line 1: header must be '$H[,program]', not 'club,held_on,kind,hours,topic'; nothing imported" import-meetings "$db" "$p"
p=$(csv extra_column "$H,extra" "$good,x")
bad "csv: an extra column" "learnclub import-meetings: $p: line 1: header must be '$H[,program]', not '$H,extra'; nothing imported" import-meetings "$db" "$p"
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
check "csv: and its message stays short (E2: cut after 1,000 characters)" "yes" "$([ ${#out} -lt 1100 ] && echo yes || echo "no: ${#out} bytes")"; n=$((n + 1))
p=$(csv bad_report "$(head -n 1 "$LEARNCLUB_ROOT/examples/templates/reports.csv" | sed "s/,program$//")" "예산지킴이,monthly,2015-13,2015-04-03,x,y")
out=$("$LC" import-reports "$db" "$p" 2>&1); rc=$?
check "csv: report period 2015-13 refused" "2" "$rc"; n=$((n + 1))
p=$(csv bad_score "$(head -n 1 "$LEARNCLUB_ROOT/examples/templates/scores.csv" | sed "s/,program$//")" "예산지킴이,2015-H1,심사위원1,연구성과,101")
out=$("$LC" import-scores "$db" "$p" 2>&1); rc=$?
check "csv: a score over 100 refused" "2" "$rc"; n=$((n + 1))
p=$(csv bad_roster "$(head -n 1 "$LEARNCLUB_ROOT/examples/templates/roster.csv")" "x,y,weird,b,u,E1,n,member,2015-03-01,")
out=$("$LC" import-roster "$db" "$p" 2>&1); rc=$?
check "csv: a roster row with a bad club kind refused" "2" "$rc"; n=$((n + 1))
# issue 15 (A): the roster's since and stints (more in tests/workflow/history15.sh)
RHS="$(head -n 1 "$LEARNCLUB_ROOT/examples/templates/roster.csv"),since"
p=$(csv bad_since "$RHS" "junggu-2015,예산지킴이,bureau,기획재정국,재무과,1500074,이절감,member,2015-02-16,,2015.13.1.")
bad "csv: roster since not a date (IR9)" "learnclub import-roster: $p: line 2, column since: invalid date '2015.13.1.'; expected YYYY-MM-DD; nothing imported" import-roster "$db" "$p"
p=$(csv since_before "$RHS" "junggu-2015,예산지킴이,bureau,기획재정국,재무과,1500074,이절감,member,2015-02-16,,2015-02-15")
bad "csv: roster since before joined_on (IR9)" "learnclub import-roster: $p: line 2, column since: 2015-02-15 is before joined_on; nothing imported" import-roster "$db" "$p"
p=$(csv stints_overlap "$RHS" "junggu-2015,예산지킴이,bureau,기획재정국,재무과,1500074,이절감,member,2015-02-16,2015-06-30," "junggu-2015,예산지킴이,bureau,기획재정국,재무과,1500074,이절감,member,2015-06-01,,")
bad "csv: roster stints of one person in one club overlap (IR5)" "learnclub import-roster: $p: line 3, column joined_on: emp_no 1500074 has a stint in club '예산지킴이' on line 2 that overlaps this one; nothing imported" import-roster "$db" "$p"
# --- issue 14 (H1): programs, list, remove, withdraw (more in tests/workflow/program.sh, records.sh)
bad "program-set: report_rule" "learnclub program-set: invalid report_rule 'weekly': unknown rule setting 'weekly'" program-set "$db" junggu-2015 report_rule=weekly
bad "program-set: award_scheme" "learnclub program-set: invalid award_scheme '최우수:1:500,000': tier '000' is not name:count:prize" program-set "$db" junggu-2015 'award_scheme=최우수:1:500,000'
bad "program-set: a tier the scheme lacks" "learnclub program-set: invalid trip_tiers '대상': '대상' is not a tier of award_scheme 'junggu-2015'" program-set "$db" junggu-2015 trip_tiers=대상
bad "program-set: value with SQL" "learnclub program-set: invalid hours_cap '12; DROP TABLE club': expected a number, 0 or more" program-set "$db" junggu-2015 'hours_cap=12; DROP TABLE club'
bad "program-set: unknown program" "learnclub program-set: unknown program 'x'" program-set "$db" x hours_cap=1
bad "program-add: existing code" "learnclub program-add: program 'junggu-2015' already exists; change it with 'learnclub program-set'" program-add "$db" junggu-2015 --name x --from 2015-01-01 --to 2015-12-31
bad "program-add: bad --to" "learnclub program-add: invalid --to date '2015-12-32'; expected YYYY-MM-DD" program-add "$db" x --name x --from 2015-01-01 --to 2015-12-32
bad "program-show: unknown program" "learnclub program-show: unknown program 'x'" program-show "$db" x
# --- issue 15 (B2): incentives and allocation (more in tests/workflow/incentives15.sh)
bad "program-set: incentives with an unknown kind" "learnclub program-set: invalid incentives '최우수:bonus': program: incentives must be TIER:KIND[*N][/M] joined by + and separated by commas, each tier and kind once; KIND leave, transfer, trip, training, promotion or gift(NAME) (JG10, JG11, O1, O2); nothing was written" program-set "$db" junggu-2015 'incentives=최우수:bonus'
bad "program-set: incentives with SQL" "learnclub program-set: invalid incentives '최우수:trip');DROP TABLE club;--': program: incentives must be TIER:KIND[*N][/M] joined by + and separated by commas, each tier and kind once; KIND leave, transfer, trip, training, promotion or gift(NAME) (JG10, JG11, O1, O2); nothing was written" program-set "$db" junggu-2015 "incentives=최우수:trip');DROP TABLE club;--"
bad "program-set: allocation with a thousands comma" "learnclub program-set: invalid allocation '2,000,000': program: allocation must be AMOUNT[,CLUB:AMOUNT...] in whole KRW, each club once (O5); nothing was written" program-set "$db" junggu-2015 allocation=2,000,000
bad "program-set: allocation for a club the program lacks" "learnclub program-set: invalid allocation '1,없는모임:2': '없는모임' is not a club of program 'junggu-2015'" program-set "$db" junggu-2015 allocation=1,없는모임:2
bad "list: unknown kind" "learnclub list: unknown kind 'x'; expected one of programs, clubs, people, members, meetings, reports, scores, awards, nominations, places, expenses, overrides, pledges, indicators, budget, calls, proposals" list "$db" x
bad "list: bad --period" "learnclub list: invalid --period '2015-13'; expected YYYY, YYYY-H1, YYYY-H2 or YYYY-MM" list "$db" meetings --period 2015-13
bad "list: unknown club" "learnclub list: no club 'x' OR 1=1 --'" list "$db" meetings --club "x' OR 1=1 --"
bad "remove: key count" "learnclub remove: remove reports takes 3 keys, CLUB KIND PERIOD; got 1" remove "$db" reports 예산지킴이
bad "remove: no such row" "learnclub remove: no monthly report of club '예산지킴이' for 2015-01" remove "$db" reports 예산지킴이 monthly 2015-01
bad "remove: still needed" "learnclub remove: program 'junggu-2015' is still needed by $("$SQLITE3" "$db" 'SELECT count(*) FROM club') clubs; remove them first" remove "$db" programs junggu-2015
bad "program-add: P5 a code with a space" "learnclub program-add: invalid program code 'saesol 2026'; expected one word, without spaces or control characters" program-add "$db" "saesol 2026" --name n --from 2026-03-01 --to 2026-12-31
bad "program-add: P5 a code with a newline" "learnclub program-add: invalid program code 'saesol
2026'; expected one word, without spaces or control characters" program-add "$db" $'saesol\n2026' --name n --from 2026-03-01 --to 2026-12-31
bad "program-add: P5 an empty code" "learnclub program-add: invalid program code ''; it must not be empty" program-add "$db" "" --name n --from 2026-03-01 --to 2026-12-31
bad "withdraw: no --on" "learnclub withdraw: missing option --on" withdraw "$db" 예산지킴이
bad "withdraw: bad --on" "learnclub withdraw: invalid --on date '2015-6-31'; expected YYYY-MM-DD" withdraw "$db" 예산지킴이 --on 2015-6-31
# issue 14 (H1): the rest of program-*, list, remove, withdraw and report --as-of
bad "program-add: P5 --to before --from" "learnclub program-add: invalid --to date '2016-02-01': before --from '2016-03-01'" program-add "$db" x-2016 --name x --from 2016-03-01 --to 2016-02-01
bad "program-add: P5 no --name" "learnclub program-add: missing option --name" program-add "$db" x-2016 --from 2016-03-01 --to 2016-12-01
bad "program-add: P5 no --from" "learnclub program-add: missing option --from" program-add "$db" x-2016 --name x --to 2016-12-01
bad "program-add: P5 no --to" "learnclub program-add: missing option --to" program-add "$db" x-2016 --name x --from 2016-03-01
bad "program-add: P5 an empty --name" "learnclub program-add: invalid --name ''; it must not be empty" program-add "$db" x-2016 --name '' --from 2016-03-01 --to 2016-12-01
bad "program-add: an unknown setting" "learnclub program-add: unknown setting 'colour'; expected one of report_rule, award_scheme, hours_cap, judges_min, drop_high, drop_low, tie_break, leave_tiers, trip_tiers, education_type, max_members, outsider_pct, reports_from, reports_to, panel_weights, finalists, criteria, incentives, allocation, min_members, clubs_per_person, max_from_one_unit, outsiders, regular_per_month, hours_cap_year, hours_per_meeting_cap, hours_shared_cap" program-add "$db" x-2016 --name x --from 2016-03-01 --to 2016-12-01 colour=red
bad "program-add: a setting without =" "learnclub program-add: invalid argument 'hours_cap'; expected KEY=VALUE" program-add "$db" x-2016 --name x --from 2016-03-01 --to 2016-12-01 hours_cap
bad "program-add: report_rule day=32" "learnclub program-add: invalid report_rule 'day=32': invalid rule setting 'day=32'" program-add "$db" x-2016 --name x --from 2016-03-01 --to 2016-12-01 report_rule=day=32
bad "program-add: report_rule h1=02-30 (issue 15, R10)" "learnclub program-add: invalid report_rule 'h1=02-30': invalid rule setting 'h1=02-30'" program-add "$db" x-2016 --name x --from 2016-03-01 --to 2016-12-01 report_rule=h1=02-30
bad "program-set: P6 judges_min not above the drops (KR7)" "learnclub program-set: invalid judges_min '2': CHECK constraint failed: program: judges_min must be more than drop_high + drop_low; nothing was written" program-set "$db" junggu-2015 judges_min=2
bad "program-set: P6 reports_to before reports_from" "learnclub program-set: invalid reports_from '2015-09', reports_to '2015-03': CHECK constraint failed: program: reports_to must not be before reports_from; nothing was written" program-set "$db" junggu-2015 reports_from=2015-09 reports_to=2015-03
bad "program-set: max_members 0 (NJ6)" "learnclub program-set: invalid max_members '0': expected a positive whole number" program-set "$db" junggu-2015 max_members=0
bad "program-set: outsider_pct 101 (NJ1)" "learnclub program-set: invalid outsider_pct '101': expected a number from 0 to 100" program-set "$db" junggu-2015 outsider_pct=101
bad "program-set: starts_on impossible" "learnclub program-set: invalid starts_on '2015-02-30': expected a date YYYY-MM-DD" program-set "$db" junggu-2015 starts_on=2015-02-30
bad "withdraw: R4 outside the program" "learnclub withdraw: club '예산지킴이': 2016-03-01 is outside its program 'junggu-2015' (2015-02-01 to 2015-12-31)" withdraw "$db" 예산지킴이 --on 2016-03-01
bad "withdraw: unknown program" "learnclub withdraw: unknown program 'x'" withdraw "$db" 예산지킴이 --on 2015-06-30 --program x
bad "list: unknown program" "learnclub list: unknown program 'x'" list "$db" meetings --program x
bad "list: a filter the kind has no use for" "learnclub list: list pledges takes no --club" list "$db" pledges --club 예산지킴이
bad "remove: unknown kind" "learnclub remove: unknown kind 'club'; expected one of programs, clubs, people, members, meetings, reports, scores, awards, nominations, places, expenses, overrides, pledges, indicators, budget, calls, proposals" remove "$db" club 예산지킴이
bad "report: as-of impossible" "learnclub report: invalid --as-of date '2015-13-01'; expected YYYY-MM-DD" report "$db" 2015 --html "$f/r.html" --as-of 2015-13-01
# issue 16 (RP1): the report's --program and --office name what the database has
bad "report: unknown program" "learnclub report: unknown program 'x'" report "$db" 2015 --html "$f/r.html" --program x
bad "report: unknown office" "learnclub report: unknown office '총무과'" report "$db" 2015 --html "$f/r.html" --office 총무과
bad "report: --program twice" "learnclub report: option '--program' given twice" report "$db" 2015 --html "$f/r.html" --program junggu-2015 --program junggu-2015
# --- issue 14 (H2): the imports for what had none, and the roster's optional columns --
# bad14 NAME KIND MESSAGE-AFTER-LINE HEADER ROW... — a file of those lines, refused
bad14() {
  local name=$1 kind=$2 msg=$3 p; shift 3
  p=$(csv "i14_$n" "$@")
  bad "$name" "learnclub import-$kind: $p: $msg; nothing imported" "import-$kind" "$db" "$p"
}
NH="club,period,emp_no,note"
bad14 "nominations: header" nominations "line 1: header must be '$NH[,program]', not 'club,half,emp_no,note'" "club,half,emp_no,note" "예산지킴이,2015-H1,1500037,"
bad14 "nominations: IN1 half-year" nominations "line 2, column period: invalid half-year '2015-06'; expected YYYY-H1 or YYYY-H2" "$NH" "예산지킴이,2015-06,1500037,"
bad14 "nominations: IN1 unknown club" nominations "line 2, column club: no club '없는동아리' in a program running in 2015-H1" "$NH" "없는동아리,2015-H1,1500037,"
bad14 "nominations: IN2 unknown emp_no" nominations "line 2, column emp_no: unknown emp_no '9999999'" "$NH" "예산지킴이,2015-H1,9999999,"
bad14 "nominations: IN2 not a member" nominations "line 2, column emp_no: emp_no 1502701 is not a member of club '예산지킴이' in 2015-H1 (JG10)" "$NH" "예산지킴이,2015-H1,1502701,"
bad14 "nominations: IN3 the same nominee twice" nominations "line 3, column emp_no: the same nomination is on line 2" "$NH" "교통편의모임,2015-H1,1502701," "교통편의모임,2015-H1,1502701,"
bad14 "nominations: IN3 a third nominee (JG10)" nominations "line 2, column emp_no: club '창의아이디어뱅크' would have more than 2 nominees for 2015-H1 (JG10)" "$NH" "창의아이디어뱅크,2015-H1,1504218,"
LH="club,period,place,note"
bad14 "places: IL1 half-year" places "line 2, column period: invalid half-year '2015'; expected YYYY-H1 or YYYY-H2" "$LH" "예산지킴이,2015,1,"
bad14 "places: IL2 place 0" places "line 2, column place: invalid place '0'; expected a whole number from 1 up (D3)" "$LH" "예산지킴이,2015-H1,0,"
bad14 "places: IL2 place 1.5" places "line 2, column place: invalid place '1.5'; expected a whole number from 1 up (D3)" "$LH" "예산지킴이,2015-H1,1.5,"
bad14 "places: IL1 the same club twice" places "line 3, column period: the same club and half-year is on line 2" "$LH" "예산지킴이,2015-H1,1," "예산지킴이,2015-H1,2,"
EH="club,spent_on,kind,amount,note"
bad14 "expenses: IE1 date" expenses "line 2, column spent_on: invalid date '2015-02-30'; expected YYYY-MM-DD" "$EH" "예산지킴이,2015-02-30,books,1000,"
bad14 "expenses: IE1 outside the program" expenses "line 2, column club: no club '예산지킴이' in a program running on 2016-01-04" "$EH" "예산지킴이,2016-01-04,books,1000,"
bad14 "expenses: IE2 kind" expenses "line 2, column kind: invalid value 'food'; expected advisory, books, prize or other (JG12)" "$EH" "예산지킴이,2015-04-01,food,1000,"
bad14 "expenses: IE3 amount 0" expenses "line 2, column amount: invalid amount '0'; expected a whole number of KRW more than 0" "$EH" "예산지킴이,2015-04-01,books,0,"
bad14 "expenses: IE3 misplaced commas" expenses "line 2, column amount: invalid amount '1,00,000'; expected a whole number of KRW more than 0" "$EH" "예산지킴이,2015-04-01,books,\"1,00,000\","
bad14 "expenses: IE3 won sign" expenses "line 2, column amount: invalid amount '1000원'; expected a whole number of KRW more than 0" "$EH" "예산지킴이,2015-04-01,books,1000원,"
bad14 "expenses: IE4 the same expense twice" expenses "line 3, column note: the same expense is on line 2; tell them apart by their note" "$EH" "예산지킴이,2015-04-01,books,1000,책" "예산지킴이,2015-04-01,books,1000,책"
OH="day,name,is_holiday"
bad14 "overrides: IO1 date" overrides "line 2, column day: invalid date '2015-13-01'; expected YYYY-MM-DD" "$OH" "2015-13-01,x,1"
bad14 "overrides: IO1 the same day twice" overrides "line 3, column day: the same day is on line 2" "$OH" "2015-05-06,x,1" "2015.5.6.,y,0"
bad14 "overrides: IO2 is_holiday" overrides "line 2, column is_holiday: invalid value 'yes'; expected 1 (holiday) or 0 (working) (KR5)" "$OH" "2015-05-06,x,yes"
GH="pledge,title,goal,completion,bodies,continuing,budgeted,total_budget,status,indicator,unit,weight,year,target,achieved,achieved_on"
G="1-1,복지 확대,,within_term,city,new,budgeted,1000,on_track"
bad14 "pledges: IG1 empty code" pledges "line 2, column pledge: must not be empty" "$GH" ",복지 확대,,,,,,,,,,,,,,"
bad14 "pledges: IG1 empty title" pledges "line 2, column title: must not be empty" "$GH" "1-1,,,,,,,,,,,,,,,"
bad14 "pledges: IG1 rows disagree" pledges "line 3, column status: pledge 1-1 is given differently on line 2" "$GH" "$G,,,,,,," "1-1,복지 확대,,within_term,city,new,budgeted,1000,partial,,,,,,,"
bad14 "pledges: IG2 completion" pledges "line 2, column completion: invalid value 'soon'; expected within_term or after_term (NJ9)" "$GH" "1-1,복지 확대,,soon,,,,,,,,,,,,"
bad14 "pledges: IG3 bodies" pledges "line 2, column bodies: invalid body 'county'; expected national, province, city or private (NJ9)" "$GH" "1-1,복지 확대,,,city county,,,,,,,,,,,"
bad14 "pledges: IG4 continuing" pledges "line 2, column continuing: invalid value 'yes'; expected new or continuing (NJ9)" "$GH" "1-1,복지 확대,,,,yes,,,,,,,,,,"
bad14 "pledges: IG4 budgeted" pledges "line 2, column budgeted: invalid value '1'; expected budgeted or unbudgeted (NJ9)" "$GH" "1-1,복지 확대,,,,,1,,,,,,,,,"
bad14 "pledges: IG4 total_budget" pledges "line 2, column total_budget: invalid amount '-5'; expected a whole number of KRW, 0 or more (NJ9)" "$GH" "1-1,복지 확대,,,,,,-5,,,,,,,,"
bad14 "pledges: IG5 status (KR8)" pledges "line 2, column status: invalid value 'done'; expected completed, completed_continuing, on_track, partial, on_hold or dropped (KR8)" "$GH" "1-1,복지 확대,,,,,,,done,,,,,,,"
bad14 "pledges: IG6 a year without an indicator" pledges "line 2, column indicator: unit, weight and the year's columns need an indicator" "$GH" "$G,,,,2015,1,,"
bad14 "pledges: IG6 indicator rows disagree" pledges "line 3, column unit: indicator '센터' is given differently on line 2" "$GH" "$G,센터,개소,,2015,1,," "$G,센터,곳,,2016,1,,"
bad14 "pledges: IG6 weight 0 (D5)" pledges "line 2, column weight: invalid weight '0'; expected a number more than 0 (D5)" "$GH" "$G,센터,개소,0,,,,"
bad14 "pledges: IG6 weight .5 (import-values V1)" pledges "line 2, column weight: invalid weight '.5'; expected a number more than 0 (D5)" "$GH" "$G,센터,개소,.5,,,,"
bad14 "pledges: IG7 target 1e3 (import-values V1)" pledges "line 2, column target: invalid number '1e3'; expected a number, 0 or more (NJ8)" "$GH" "$G,센터,개소,,2015,1e3,,"
bad14 "pledges: IG7 year" pledges "line 2, column year: invalid year '15'; expected YYYY" "$GH" "$G,센터,개소,,15,1,,"
bad14 "pledges: IG7 a target without a year" pledges "line 2, column year: target, achieved and achieved_on need a year" "$GH" "$G,센터,개소,,,1,,"
bad14 "pledges: IG7 the same year twice" pledges "line 3, column year: the same indicator and year is on line 2" "$GH" "$G,센터,개소,,2015,1,," "$G,센터,개소,,2015,2,,"
bad14 "pledges: IG7 target" pledges "line 2, column target: invalid number 'ten'; expected a number, 0 or more (NJ8)" "$GH" "$G,센터,개소,,2015,ten,,"
bad14 "pledges: IG7 achieved" pledges "line 2, column achieved: invalid number '-1'; expected a number, 0 or more (NJ8)" "$GH" "$G,센터,개소,,2015,1,-1,"
bad14 "pledges: IG7 achieved_on" pledges "line 2, column achieved_on: invalid date '2015-11-31'; expected YYYY-MM-DD" "$GH" "$G,센터,개소,,2015,1,1,2015-11-31"
bad14 "pledges: IG7 achieved_on without achieved" pledges "line 2, column achieved_on: given without achieved (NJ8)" "$GH" "$G,센터,개소,,2015,1,,2015-11-30"
bad14 "pledges: IG9 kind (issue 15)" pledges "line 2, column kind: invalid value 'yearly'; expected cumulative or level (NJ8)" "$GH,kind" "$G,센터,개소,,2015,1,,,yearly"
BH="plan,pledge,year,source,planned,executed"
bad14 "budget: IB1 empty plan" budget "line 2, column plan: must not be empty" "$BH" ",,2015,city,1,"
bad14 "budget: IB1 unknown pledge" budget "line 2, column pledge: unknown pledge '9-9'; import it with import-pledges first" "$BH" "센터,9-9,2015,city,1,"
bad14 "budget: IB2 year" budget "line 2, column year: invalid year '2015-16'; expected YYYY" "$BH" "센터,,2015-16,city,1,"
bad14 "budget: IB2 source" budget "line 2, column source: invalid value 'county'; expected national, province, city or other (NJ7)" "$BH" "센터,,2015,county,1,"
bad14 "budget: IB2 the same line twice" budget "line 3, column source: the same plan, year and source is on line 2" "$BH" "센터,,2015,city,1," "센터,,2015,시비,2,"
bad14 "budget: IB3 planned" budget "line 2, column planned: invalid amount '1.5'; expected a whole number of KRW, 0 or more (NJ7)" "$BH" "센터,,2015,city,1.5,"
bad14 "budget: IB3 executed" budget "line 2, column executed: invalid amount '-3'; expected a whole number of KRW, 0 or more (NJ7)" "$BH" "센터,,2015,city,1,-3"
CH="program,opens_on,closes_on,applications,min_teams,max_teams,outcome,reason"
bad14 "calls: IC3 a count of 10 digits (import-values V3)" calls "line 2, column applications: invalid number '1234567890'; expected a whole number, 0 or more (NJ3)" "$CH" "junggu-2015,,,1234567890,,,,"
bad14 "calls: IC1 unknown program" calls "line 2, column program: unknown program 'naju-2015'" "$CH" "naju-2015,,,,,,,"
bad14 "calls: IC1 the same program twice" calls "line 3, column program: the same program is on line 2" "$CH" "junggu-2015,,,,,,," "junggu-2015,,,,,,,"
bad14 "calls: IC2 opens_on" calls "line 2, column opens_on: invalid date '2015-01-32'; expected YYYY-MM-DD" "$CH" "junggu-2015,2015-01-32,,,,,,"
bad14 "calls: IC2 closes before it opens" calls "line 2, column closes_on: before opens_on" "$CH" "junggu-2015,2015-01-30,2015-01-05,,,,,"
bad14 "calls: IC3 applications" calls "line 2, column applications: invalid number '-1'; expected a whole number, 0 or more (NJ3)" "$CH" "junggu-2015,,,-1,,,,"
bad14 "calls: IC3 min_teams 0" calls "line 2, column min_teams: invalid number '0'; expected a whole number from 1 (NJ3)" "$CH" "junggu-2015,,,,0,,,"
bad14 "calls: IC3 max below min" calls "line 2, column max_teams: below min_teams (NJ3)" "$CH" "junggu-2015,,,,5,3,,"
bad14 "calls: IC4 outcome" calls "line 2, column outcome: invalid value 'maybe'; expected run, cancelled or empty (NJ3)" "$CH" "junggu-2015,,,,,,maybe,"
bad14 "calls: IC4 cancelled without a reason" calls "line 2, column reason: a cancelled call gives its reason (NJ3)" "$CH" "junggu-2015,,,2,3,,cancelled,"
QH="program,club,title,field,department,adopted,decided_on"
bad14 "proposals: IQ1 unknown program" proposals "line 2, column program: unknown program 'junggu'" "$QH" "junggu,예산지킴이,x,,,,"
bad14 "proposals: IQ1 unknown club" proposals "line 2, column club: no club '없는동아리' in program 'junggu-2015'" "$QH" "junggu-2015,없는동아리,x,,,,"
bad14 "proposals: IQ2 empty title" proposals "line 2, column title: must not be empty" "$QH" "junggu-2015,예산지킴이,,,,,"
bad14 "proposals: IQ2 the same proposal twice" proposals "line 3, column title: the same proposal is on line 2" "$QH" "junggu-2015,예산지킴이,x,,,," "junggu-2015,예산지킴이,x,,,yes,"
bad14 "proposals: IQ3 field" proposals "line 2, column field: invalid value 'health'; expected policy, service, economy, culture, sport or environment (NJ2)" "$QH" "junggu-2015,예산지킴이,x,health,,,"
bad14 "proposals: IQ4 adopted" proposals "line 2, column adopted: invalid value 'maybe'; expected yes, no or empty (NJ2)" "$QH" "junggu-2015,예산지킴이,x,,,maybe,"
bad14 "proposals: IQ4 decided_on" proposals "line 2, column decided_on: invalid date '2015.9.31.'; expected YYYY-MM-DD" "$QH" "junggu-2015,예산지킴이,x,,,yes,2015.9.31."
bad14 "proposals: IQ4 decided_on without a decision" proposals "line 2, column decided_on: an undecided proposal has no decided_on (NJ2)" "$QH" "junggu-2015,예산지킴이,x,,,,2015-09-15"
RH14="program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on"
R14="junggu-2015,예산지킴이,bureau,기획재정국,기획예산과,1500037,김예산,president,2015-02-16,"
bad14 "roster: IR1 a new code with a space (program-add P5)" roster "line 2, column program: unknown program 'junggu 2016-2016'; a new program is named NAME-YYYY" "$RH14" "junggu 2016-2016,예산지킴이,bureau,기획재정국,기획예산과,1500037,김예산,president,2016-02-16,"
bad14 "roster: IR6 kind" roster "line 2, column kind: invalid value 'student'; expected official, expert or citizen (NJ1)" "$RH14,kind" "$R14,student"
bad14 "roster: IR6 email" roster "line 2, column email: invalid email 'a@b@c'; expected NAME@DOMAIN" "$RH14,email" "$R14,a@b@c"
bad14 "roster: IR6 phone" roster "line 2, column phone: invalid phone '010-CALL'; expected digits, with + - . ( ) or spaces" "$RH14,phone" "$R14,010-CALL"
bad "import: --replace where it is not taken" "learnclub import-places: unknown option '--replace'" import-places "$db" "$LEARNCLUB_ROOT/examples/templates/places.csv" --replace
# --- issue 15 (B1): judging settings and the scores' optional columns (more in tests/workflow/judging.sh)
bad "program-set: panel_weights not adding up to 100 (O3)" "learnclub program-set: invalid panel_weights '전문가:70,청중:20': program: panel_weights must be panels name:weight separated by commas, each name once, each weight a whole number more than 0, the weights adding up to 100 (O3); nothing was written" program-set "$db" junggu-2015 panel_weights=전문가:70,청중:20
bad "program-set: panel_weights with a weight in words" "learnclub program-set: invalid panel_weights '전문가:칠십,청중:30': program: panel_weights must be panels name:weight separated by commas, each name once, each weight a whole number more than 0, the weights adding up to 100 (O3); nothing was written" program-set "$db" junggu-2015 panel_weights=전문가:칠십,청중:30
bad "program-set: criteria with a maximum of 0 (O5)" "learnclub program-set: invalid criteria '추진실적:0,성과:60': program: criteria must be criteria name:maximum separated by commas, each name once, each maximum a number more than 0 and at most 100 (O5); nothing was written" program-set "$db" junggu-2015 criteria=추진실적:0,성과:60
bad "program-set: criteria empty" "learnclub program-set: invalid criteria '': program: criteria must be criteria name:maximum separated by commas, each name once, each maximum a number more than 0 and at most 100 (O5); nothing was written" program-set "$db" junggu-2015 criteria=
bad "program-set: finalists not a number" "learnclub program-set: invalid finalists 'ten': expected a positive whole number" program-set "$db" junggu-2015 finalists=ten
SH15="club,period,judge,criterion,points"
bad14 "scores: IS6 stage" scores "line 2, column stage: invalid stage 'semifinal'; expected screening or final (O3)" "$SH15,stage" "예산지킴이,2015-H1,심사위원1,성과,40,semifinal"
bad14 "scores: IS6 screening without finalists" scores "line 2, column stage: program 'junggu-2015' has no finalists setting, so no screening (O3)" "$SH15,stage" "예산지킴이,2015-H1,심사위원1,성과,40,screening"
bad14 "scores: IS6 unknown judge_emp_no" scores "line 2, column judge_emp_no: no person with emp_no '0000000'" "$SH15,judge_emp_no" "예산지킴이,2015-H1,심사위원1,성과,40,0000000"
bad14 "scores: IS6 an optional column twice" scores "line 1: header must be '$SH15[,panel][,judge_emp_no][,stage][,program]', not '$SH15,panel,panel'" "$SH15,panel,panel" "예산지킴이,2015-H1,심사위원1,성과,40,a,b"
# a copy whose program has the settings, so that the files meet them
db15=$(newdb bad_inputs15); cp "$db" "$db15"
"$LC" program-set "$db15" junggu-2015 panel_weights=전문가:70,청중:30 criteria=추진실적:40,성과:60 >/dev/null
before15=$("$SQLITE3" "$db15" .dump | md5sum)
p=$(csv i15_panel "$SH15,panel" "예산지킴이,2015-H1,심사위원1,성과,40,심사단")
bad "scores: IS6 a panel panel_weights does not name" "learnclub import-scores: $p: line 2, column panel: invalid panel '심사단'; expected one of the panels of program 'junggu-2015': 전문가, 청중 (O3); nothing imported" import-scores "$db15" "$p"
p=$(csv i15_max "$SH15,panel" "예산지킴이,2015-H1,심사위원1,추진실적,44,전문가")
bad "scores: IS7 above the criterion's maximum" "learnclub import-scores: $p: line 2, column points: invalid points '44'; above the maximum 40 of criterion '추진실적' (O5); nothing imported" import-scores "$db15" "$p"
p=$(csv i15_crit "$SH15,panel" "예산지킴이,2015-H1,심사위원1,연구성과,44,전문가")
bad "scores: IS7 a criterion not listed" "learnclub import-scores: $p: line 2, column criterion: invalid criterion '연구성과'; expected one of the criteria of program 'junggu-2015': 추진실적, 성과 (O5); nothing imported" import-scores "$db15" "$p"
check "issue 15: the copy is unchanged after its bad inputs" "$before15" "$("$SQLITE3" "$db15" .dump | md5sum)"
RH15="program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on"
bad14 "roster: IR7 two tracks for one club" roster "line 3, column track: club '예산지킴이' is given track '정책' on line 2" "$RH15,track" \
  "junggu-2015,예산지킴이,bureau,기획재정국,기획예산과,1500037,김예산,president,2015-02-16,,정책" "junggu-2015,예산지킴이,bureau,기획재정국,재무과,1500074,이절감,member,2015-02-16,,학습"
# issue 15 (C): membership, meetings and hours settings (cli/cmd_program.c P10), and the roster's clubs_per_person (IR8)
bad "program-set: min_members 0 (O6, O7)" "learnclub program-set: invalid min_members '0': expected a positive whole number" program-set "$db" junggu-2015 min_members=0
bad "program-set: clubs_per_person none (W-D2)" "learnclub program-set: invalid clubs_per_person 'none': expected a positive whole number" program-set "$db" junggu-2015 clubs_per_person=none
bad "program-set: max_from_one_unit -5 (O6)" "learnclub program-set: invalid max_from_one_unit '-5': expected a positive whole number" program-set "$db" junggu-2015 max_from_one_unit=-5
bad "program-set: outsiders resident (O7)" "learnclub program-set: invalid outsiders 'resident': expected person kinds official, expert, citizen, each at most once, separated by commas" program-set "$db" junggu-2015 outsiders=resident
bad "program-set: regular_per_month 1.5 (JG5)" "learnclub program-set: invalid regular_per_month '1.5': expected a positive whole number" program-set "$db" junggu-2015 regular_per_month=1.5
bad "program-set: hours_cap_year twenty (KR6)" "learnclub program-set: invalid hours_cap_year 'twenty': expected a number, 0 or more" program-set "$db" junggu-2015 hours_cap_year=twenty
bad "program-set: hours_per_meeting_cap 0 (D4)" "learnclub program-set: invalid hours_per_meeting_cap '0': expected a number more than 0" program-set "$db" junggu-2015 hours_per_meeting_cap=0
bad "program-set: hours_shared_cap yes (D7)" "learnclub program-set: invalid hours_shared_cap 'yes': expected 1 (shared) or 0 (apart)" program-set "$db" junggu-2015 hours_shared_cap=yes
bad14 "roster: IR8 two clubs of one program at once (clubs_per_person 1)" roster "line 3, column club: emp_no 1500037 is already in club '예산지킴이' on line 2" "$RH14" "$R14" "junggu-2015,세입발굴단,bureau,기획재정국,기획예산과,1500037,김예산,member,2015-03-01,"
# issue 17: rollup (cli/cmd_rollup.c R1-R4, R7; tests/workflow/rollup.sh has every case)
bad "rollup: unknown workflow (R1)" "learnclub rollup: unknown workflow 'hours'; rollup runs summary or monthly-check" rollup "$db" hours 2015-H1
bad "rollup: month checked as monthly-check's (R1)" "learnclub rollup: invalid month '2015-13'; expected YYYY-MM" rollup "$db" monthly-check 2015-13
bad "rollup: year checked as summary's (R1)" "learnclub rollup: invalid year '15'; expected YYYY" rollup "$db" summary 15
bad "rollup: no files (R2)" "learnclub rollup: no office databases given; name them (FILE... summary) or give --cluster HOST:PORT,..." rollup summary 2015
bad "rollup: the same file twice (R3)" "learnclub rollup: database '$db' is the same file as '$db'; give each office once" rollup "$db" "$db" summary 2015
bad "rollup: a missing file fails the whole rollup (R4)" "learnclub rollup: database '$f/none.db' does not exist; create it with 'learnclub init'" rollup "$db" "$f/none.db" summary 2015
bad "rollup: --output over an office's -wal (R7)" "learnclub rollup: '$db-wal' is the database '$db' (its wal file); refusing to write over it" rollup "$db" summary 2015 --format csv --output "$db-wal"
# issue 17: push and pull (cli/cmd_move.c M1-M3), refused before any cluster is reached
bad "push: NAME of the cluster's own (M1)" "learnclub push: invalid office name '_learnclub'; expected 1 to 64 bytes of letters, digits, Korean letters, '-', '_' and '.', not starting with '_' or '.'" push _learnclub "$db" --cluster 127.0.0.1:1
bad "push: NAME with a slash (M1)" "learnclub push: invalid office name '../x'; expected 1 to 64 bytes of letters, digits, Korean letters, '-', '_' and '.', not starting with '_' or '.'" push ../x "$db" --cluster 127.0.0.1:1
bad "push: missing FILE" "learnclub push: missing argument FILE; see 'learnclub help'" push junggu --cluster 127.0.0.1:1
printf 'name\n' >"$f/not-a-db.csv"
bad "push: FILE not a database (M2)" "learnclub push: database '$f/not-a-db.csv' is not a SQLite database" push junggu "$f/not-a-db.csv" --cluster 127.0.0.1:1
bad "pull: over the database (M3)" "learnclub pull: '$db' already exists; a pull never overwrites" pull junggu "$db" --cluster 127.0.0.1:1
bad "pull: missing NAME" "learnclub pull: missing argument NAME; see 'learnclub help'" pull --cluster 127.0.0.1:1
# --- nothing was written by any of them -------------------------------------------------
check "the database is unchanged after every bad input" "$before" "$("$SQLITE3" "$db" .dump | md5sum)"
check "at least 50 command and file cases" "yes" "$([ "$n" -ge 50 ] && echo yes || echo "no: $n")"
