#!/usr/bin/env bash
# Programs without SQL (issue 14, H1): program-add, program-set, program-show
# (cli/cmd_program.c P1-P7), the schema's own checks of the settings (S1,
# sql/rules.sql "issue 14 (H1)"), programs without monthly reports and over
# any dates, and the roster creating a program only when its code is new.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
plain_error() {  # the message a plain sqlite3 (no extension) gives for SQL
  "$SQLITE3" -batch "$1" "$2" 2>&1 >/dev/null |
    sed -E -n '1{s/^(Error: (stepping|in prepare), |Runtime error near line [0-9]+: |Error: near line [0-9]+: |Error: )//; s/ \([0-9]+\)$//; p}'
}

# --- program-add, program-show (P5, P7) ---------------------------------------------
db=$(newdb program); "$LC" init "$db" >/dev/null
out=$("$LC" program-add "$db" rg-2026 --name "시정연구 2026" --from 2026-03-01 --to 2027-02-28 --office 기획예산과 \
      reports_from=none award_scheme=naju-2025 'leave_tiers=최우수, 우수' max_members=4 outsider_pct=20 2>&1); rc=$?
check "P5 add: says what it set" "rg-2026: added (award_scheme, leave_tiers, max_members, outsider_pct, reports_from, reports_to)|0" "$out|$rc"
check "P5 add: stored (issue 15: leave_tiers a shorthand of incentives, IC5)" "rg-2026|시정연구 2026|기획예산과|2026-03-01|2027-02-28|||naju-2025|최우수:leave*2+trip,우수:leave*2|4|20.0" \
  "$("$SQLITE3" "$db" "SELECT code, name, office, starts_on, ends_on, reports_from, reports_to, award_scheme, incentives, max_members, outsider_pct FROM program")"
out=$("$LC" program-show "$db" rg-2026 --format csv); rc=$?
check "P7 show one, csv" 'code,name,office,starts_on,ends_on,reports_from,reports_to,report_rule,award_scheme,hours_cap,judges_min,drop_high,drop_low,tie_break,education_type,max_members,outsider_pct,panel_weights,finalists,criteria,incentives,allocation,min_members,clubs_per_person,max_from_one_unit,outsiders,regular_per_month,hours_cap_year,hours_per_meeting_cap,hours_shared_cap
rg-2026,"시정연구 2026","기획예산과",2026-03-01,2027-02-28,none,none,"",naju-2025,12.0,5,1,1,none,"기관주관교육/학습동아리",4,20.0,none,none,none,"최우수:leave*2+trip,우수:leave*2",none,none,1,none,"expert,citizen",1,none,none,1|0' "$out|$rc"
out=$("$LC" program-add "$db" jg-2026 --name 학습동아리 --from 2026.1.1. --to 2026-12-31 2>&1); rc=$?
check "P5 add: defaults, dotted date" "jg-2026: added|0" "$out|$rc"
check "P5 add: reports default to the program's months" "2026-01-01|2026-01|2026-12|junggu-2015|12.0|5||최우수:leave*2+trip,우수:leave*2|" \
  "$("$SQLITE3" "$db" "SELECT starts_on, reports_from, reports_to, award_scheme, hours_cap, judges_min, tie_break, incentives, allocation FROM program WHERE code = 'jg-2026'")"
check "P7 show all: ordered by start" "jg-2026 rg-2026" "$("$LC" program-show "$db" --format csv | sed 1d | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//')"

# --- program-set (P1-P4) --------------------------------------------------------------
out=$("$LC" program-set "$db" jg-2026 reports_from=2026-03 'report_rule= day=10 , strict' hours_cap=10.5 tie_break=성과 judges_min=007 2>&1); rc=$?
check "P1 set: says what it changed" "jg-2026: updated (report_rule, hours_cap, judges_min, tie_break, reports_from)|0" "$out|$rc"
check "P1 set: stored, numbers as numbers" "2026-03|2026-12| day=10 , strict|10.5|real|7|integer|성과" \
  "$("$SQLITE3" "$db" "SELECT reports_from, reports_to, report_rule, hours_cap, typeof(hours_cap), judges_min, typeof(judges_min), tie_break FROM program WHERE code = 'jg-2026'")"
"$LC" program-set "$db" jg-2026 tie_break=none max_members=none >/dev/null
check "P4 set: none is NULL" "1|1" "$("$SQLITE3" "$db" "SELECT tie_break IS NULL, max_members IS NULL FROM program WHERE code = 'jg-2026'")"
"$LC" program-set "$db" rg-2026 reports_to=2026-12 >/dev/null
check "P4 set: a month for one sets both" "2026-12|2026-12" "$("$SQLITE3" "$db" "SELECT reports_from, reports_to FROM program WHERE code = 'rg-2026'")"
"$LC" program-set "$db" rg-2026 reports_to=none >/dev/null
check "P4 set: none for one clears both" "1|1" "$("$SQLITE3" "$db" "SELECT reports_from IS NULL, reports_to IS NULL FROM program WHERE code = 'rg-2026'")"
out=$("$LC" program-set "$db" rg-2026 'award_scheme=금:1:100, 은:*:50' leave_tiers=금 'trip_tiers=금 , 은' 2>&1); rc=$?
check "P3 set: a new scheme with its tiers (IC5: the shorthands replace every leave and trip grant)" "rg-2026: updated (award_scheme, leave_tiers, trip_tiers)|0|금:leave*2+trip,은:trip" \
  "$out|$rc|$("$SQLITE3" "$db" "SELECT incentives FROM program WHERE code = 'rg-2026'")"

# --- bad input: exact messages, exit 2, nothing written (P2, P6) ---------------------------
before=$("$SQLITE3" "$db" .dump | md5sum)
bad() {
  local name=$1 want=$2 out rc; shift 2
  out=$("$LC" "$@" 2>&1 >/dev/null); rc=$?
  check "$name" "$want|2" "$out|$rc"
}
bad "P2 issue 14: report_rule day=10일 refused by the parser" \
  "learnclub program-set: invalid report_rule 'day=10일': unknown rule setting 'day=10일'" program-set "$db" jg-2026 'report_rule=day=10일'
bad "P2 report_rule unknown setting" \
  "learnclub program-set: invalid report_rule 'weekly': unknown rule setting 'weekly'" program-set "$db" jg-2026 report_rule=weekly
bad "P2 issue 14: award_scheme with a thousands comma" \
  "learnclub program-set: invalid award_scheme '최우수:1:500,000': tier '000' is not name:count:prize" program-set "$db" jg-2026 'award_scheme=최우수:1:500,000'
bad "P2 award_scheme unknown name" \
  "learnclub program-set: invalid award_scheme 'seoul-2020': unknown scheme 'seoul-2020'" program-set "$db" jg-2026 award_scheme=seoul-2020
bad "P3 a tier the scheme lacks" \
  "learnclub program-set: invalid leave_tiers '최우수, 특별': '특별' is not a tier of award_scheme 'junggu-2015'" program-set "$db" jg-2026 'leave_tiers=최우수, 특별'
bad "P3 an empty tier" \
  "learnclub program-set: invalid trip_tiers '최우수,': an empty tier name" program-set "$db" jg-2026 'trip_tiers=최우수,'
bad "P3 a new scheme without the stored tiers" \
  "learnclub program-set: invalid award_scheme '금:1:100': the program's incentives names '최우수', not a tier of it; give incentives too" program-set "$db" jg-2026 award_scheme=금:1:100
bad "P2 hours_cap not a number" \
  "learnclub program-set: invalid hours_cap '12h': expected a number, 0 or more" program-set "$db" jg-2026 hours_cap=12h
bad "P2 judges_min zero" \
  "learnclub program-set: invalid judges_min '0': expected a positive whole number" program-set "$db" jg-2026 judges_min=0
bad "P2 drop_low negative" \
  "learnclub program-set: invalid drop_low '-1': expected a whole number, 0 or more" program-set "$db" jg-2026 drop_low=-1
bad "P2 outsider_pct over 100" \
  "learnclub program-set: invalid outsider_pct '120': expected a number from 0 to 100" program-set "$db" jg-2026 outsider_pct=120
bad "P2 max_members none-like text" \
  "learnclub program-set: invalid max_members 'four': expected a positive whole number" program-set "$db" jg-2026 max_members=four
bad "P2 reports_from month 13" \
  "learnclub program-set: invalid reports_from '2026-13': expected a month YYYY-MM, or none" program-set "$db" jg-2026 reports_from=2026-13
bad "P2 starts_on impossible" \
  "learnclub program-set: invalid starts_on '2026-02-30': expected a date YYYY-MM-DD" program-set "$db" jg-2026 starts_on=2026-02-30
bad "P2 education_type empty" \
  "learnclub program-set: invalid education_type '': must not be empty" program-set "$db" jg-2026 education_type=
bad "P4 none and a month" \
  "learnclub program-set: reports_from and reports_to are both a month, or both none" program-set "$db" jg-2026 reports_from=none reports_to=2026-05
bad "P6 the schema's rule: judges_min" \
  "learnclub program-set: invalid judges_min '2': CHECK constraint failed: program: judges_min must be more than drop_high + drop_low; nothing was written" program-set "$db" jg-2026 judges_min=2
bad "P6 the schema's rule: reports_to before reports_from" \
  "learnclub program-set: invalid reports_to '2026-02': CHECK constraint failed: program: reports_to must not be before reports_from; nothing was written" program-set "$db" jg-2026 reports_to=2026-02
bad "P1 unknown key" \
  "learnclub program-set: unknown setting 'cap'; expected one of report_rule, award_scheme, hours_cap, judges_min, drop_high, drop_low, tie_break, leave_tiers, trip_tiers, education_type, max_members, outsider_pct, reports_from, reports_to, name, office, starts_on, ends_on, panel_weights, finalists, criteria, incentives, allocation, min_members, clubs_per_person, max_from_one_unit, outsiders, regular_per_month, hours_cap_year, hours_per_meeting_cap, hours_shared_cap" program-set "$db" jg-2026 cap=3
bad "P1 not KEY=VALUE" "learnclub program-set: invalid argument 'hours_cap'; expected KEY=VALUE" program-set "$db" jg-2026 hours_cap
bad "P1 key twice" "learnclub program-set: setting 'hours_cap' given twice" program-set "$db" jg-2026 hours_cap=1 hours_cap=2
bad "P1 no setting" "learnclub program-set: missing argument KEY=VALUE; see 'learnclub help'" program-set "$db" jg-2026
bad "P1 unknown program" "learnclub program-set: unknown program 'jg-2027'" program-set "$db" jg-2027 hours_cap=1
bad "P1 add: name is an option, not a key" \
  "learnclub program-add: unknown setting 'name'; expected one of report_rule, award_scheme, hours_cap, judges_min, drop_high, drop_low, tie_break, leave_tiers, trip_tiers, education_type, max_members, outsider_pct, reports_from, reports_to, panel_weights, finalists, criteria, incentives, allocation, min_members, clubs_per_person, max_from_one_unit, outsiders, regular_per_month, hours_cap_year, hours_per_meeting_cap, hours_shared_cap" program-add "$db" x --name x --from 2026-01-01 --to 2026-12-31 name=y
bad "P5 add: existing code" "learnclub program-add: program 'jg-2026' already exists; change it with 'learnclub program-set'" program-add "$db" jg-2026 --name x --from 2026-01-01 --to 2026-12-31
bad "P5 add: missing --name" "learnclub program-add: missing option --name" program-add "$db" x --from 2026-01-01 --to 2026-12-31
bad "P5 add: missing --to" "learnclub program-add: missing option --to" program-add "$db" x --name x --from 2026-01-01
bad "P5 add: bad --from" "learnclub program-add: invalid --from date '2026-13-01'; expected YYYY-MM-DD" program-add "$db" x --name x --from 2026-13-01 --to 2026-12-31
bad "P5 add: --to before --from" "learnclub program-add: invalid --to date '2025-12-31': before --from '2026-01-01'" program-add "$db" x --name x --from 2026-01-01 --to 2025-12-31
bad "P5 add: empty code" "learnclub program-add: invalid program code ''; it must not be empty" program-add "$db" "" --name x --from 2026-01-01 --to 2026-12-31
bad "P5 add: option twice" "learnclub program-add: option '--name' given twice" program-add "$db" x --name x --name y --from 2026-01-01 --to 2026-12-31
bad "P5 add: a bad setting" "learnclub program-add: invalid hours_cap 'x': expected a number, 0 or more" program-add "$db" x --name x --from 2026-01-01 --to 2026-12-31 hours_cap=x
bad "P7 show: unknown program" "learnclub program-show: unknown program 'x'" program-show "$db" x
check "P2 bad input: nothing written" "$before" "$("$SQLITE3" "$db" .dump | md5sum)"

# --- S1: a plain sqlite3 is held to the same grammar ----------------------------------------
check "S1 report_rule day=10일" "program: report_rule must be settings day=N (1 to 31), h1=MM-DD, h2=MM-DD or strict, separated by commas (JG6, O6)" \
  "$(plain_error "$db" "UPDATE program SET report_rule = 'day=10일'")"
check "S1 report_rule day=32" "program: report_rule must be settings day=N (1 to 31), h1=MM-DD, h2=MM-DD or strict, separated by commas (JG6, O6)" \
  "$(plain_error "$db" "UPDATE program SET report_rule = 'strict, day=32'")"
check "S1 report_rule accepted" "" "$(plain_error "$db" "UPDATE program SET report_rule = ' day=5 , strict,' WHERE code = 'jg-2026'")"
check "S1 award_scheme with a thousands comma" "program: award_scheme must be junggu-2015, naju-2025 or tiers name:count:prize separated by commas (JG8)" \
  "$(plain_error "$db" "UPDATE program SET award_scheme = '최우수:1:500,000' WHERE code = 'jg-2026'")"
check "S1 award_scheme count 0" "program: award_scheme must be junggu-2015, naju-2025 or tiers name:count:prize separated by commas (JG8)" \
  "$(plain_error "$db" "INSERT INTO program(code, name, starts_on, ends_on, award_scheme) VALUES ('s', 's', '2026-01-01', '2026-12-31', 'a:0:5')")"
check "S1 award_scheme spec accepted" "" "$(plain_error "$db" "UPDATE program SET award_scheme = 'a:1:5, b:*:0', incentives = 'a:leave*2+trip,b:trip' WHERE code = 'rg-2026'")"
check "S1 reports_from alone NULL" "CHECK constraint failed: program: reports_from and reports_to are both a month, or both NULL for no monthly reports" \
  "$(plain_error "$db" "UPDATE program SET reports_from = NULL WHERE code = 'jg-2026'")"

# --- issue 14 problem 1: leave_tiers as people type it grants 우수's leave ----------------------
j=$(newdb program-junggu); cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$j"
"$LC" evaluate "$j" 2015-H1 >/dev/null
"$LC" program-set "$j" junggu-2015 leave_tiers=최우수 >/dev/null
check "P3 without 우수: its nominees no_award" "no_award" "$("$LC" incentives "$j" 2015-H1 --format csv | tr -d '"' | awk -F, '$3 == "우수" { print $7 }' | sort -u)"
"$LC" program-set "$j" junggu-2015 'leave_tiers=최우수, 우수' >/dev/null
check "P3 '최우수, 우수' as typed: 우수's nominees get leave" "ok" "$("$LC" incentives "$j" 2015-H1 --format csv | tr -d '"' | awk -F, '$3 == "우수" { print $7 }' | sort -u)"

# --- a research group without monthly reports, a program from March to February ---------------
r=$(newdb program-research); "$LC" init "$r" >/dev/null
"$LC" program-add "$r" rg-2026 --name 시정연구 --from 2026-03-01 --to 2027-02-28 reports_from=none >/dev/null
"$LC" program-add "$r" mf-2026 --name 학습동아리 --from 2026-03-01 --to 2027-02-28 >/dev/null
cat >"$TMPROOT/program-roster.csv" <<'CSV'
program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on
rg-2026,연구팀,integrated,,기획예산과,2600001,김연구,president,2026-03-02,
mf-2026,봄동아리,integrated,,기획예산과,2600002,이학습,president,2026-03-02,
CSV
out=$("$LC" import-roster "$r" "$TMPROOT/program-roster.csv" 2>&1); rc=$?
check "roster: existing codes create no program, and say nothing" "$TMPROOT/program-roster.csv: 2 rows: 2 clubs, 2 people|0|2" \
  "$out|$rc|$("$SQLITE3" "$r" 'SELECT count(*) FROM program')"
out=$("$LC" monthly-check "$r" 2026-04 --as-of 2026-06-01 --format csv); rc=$?; out=$(printf '%s' "$out" | tr -d '"')
check "reports_from=none: no monthly report is missing" "club,president,due,submitted,status,meeting,regular,members,size
"봄동아리","이학습",2026-05-06,,missing,none,0,1,ok|1" "$out|$rc"
check "March to February: February's report is asked for" "봄동아리" \
  "$("$LC" monthly-check "$r" 2027-02 --as-of 2027-01-15 --format csv | sed 1d | cut -d, -f1 | tr -d '"')"
cat >"$TMPROOT/program-report.csv" <<'CSV'
club,kind,period,submitted_at,board_ref,title
연구팀,monthly,2026-04,2026-05-04,,
CSV
out=$("$LC" import-reports "$r" "$TMPROOT/program-report.csv" 2>&1); rc=$?
check "reports_from=none: a monthly report is refused" "learnclub import-reports: $TMPROOT/program-report.csv: line 2, column club: no club '연구팀' in a program that asks for a monthly report for 2026-04; nothing imported|2" "$out|$rc"
check "S1 reports_from=none: a plain sqlite3 refuses a monthly report" "report: the club's program asks for no report for this period" \
  "$(plain_error "$r" "INSERT INTO report(club_id, kind, period, submitted_at) SELECT id, 'monthly', '2026-04', '2026-05-04' FROM club WHERE name = '연구팀'")"

# --- the roster creates a program only for a new code, and says so on stderr (IR1) -----------
n=$(newdb program-roster-new); "$LC" init "$n" >/dev/null
"$LC" import-roster "$n" "$LEARNCLUB_ROOT/examples/templates/roster.csv" >"$TMPROOT/roster.out" 2>"$TMPROOT/roster.err"; rc=$?
check "IR1 new code: created, said on stderr" "0|learnclub import-roster: $LEARNCLUB_ROOT/examples/templates/roster.csv: created program 'junggu-2015' (2015-01-01 to 2015-12-31) with the default settings; see them with 'learnclub program-show', change them with 'learnclub program-set'" \
  "$rc|$(cat "$TMPROOT/roster.err")"
"$LC" import-roster "$n" "$LEARNCLUB_ROOT/examples/templates/roster.csv" >/dev/null 2>"$TMPROOT/roster.err"
check "IR1 the same code again: nothing said, one program" "|1" "$(cat "$TMPROOT/roster.err")|$("$SQLITE3" "$n" 'SELECT count(*) FROM program')"

# --- the change log (issue 14, H3's cli/changelog.c) ------------------------------------------
check "change log: program-add and program-set write a row each, refusals none" "program-add|2 program-set|5" \
  "$("$SQLITE3" "$db" "SELECT group_concat(command || '|' || n, ' ') FROM (SELECT command, count(*) AS n FROM change_log WHERE command LIKE 'program-%' OR command IN ('remove', 'withdraw') GROUP BY command ORDER BY command)")"

# --- migration 3 -> 4 (PR-D2, PR-D3): program rebuilt, rows kept, tier lists without spaces ----
m=$(newdb program-v3)
"$SQLITE3" -bail "$m" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/schema-v3.sql" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/small.sql.in" \
  "UPDATE program SET leave_tiers = '최우수, 우수', trip_tiers = '최우수 ,우수' WHERE id = 1"
before=$("$SQLITE3" "$m" "SELECT id, code, name, starts_on, ends_on, reports_from, reports_to, award_scheme, hours_cap FROM program ORDER BY id")
"$LC" init "$m" >/dev/null
check "migrate: program rows kept" "$before" "$("$SQLITE3" "$m" "SELECT id, code, name, starts_on, ends_on, reports_from, reports_to, award_scheme, hours_cap FROM program ORDER BY id")"
check "migrate: tier lists written without spaces, then into incentives (issue 15, 005)" "최우수:leave*2+trip,우수:leave*2+trip" "$("$SQLITE3" "$m" "SELECT incentives FROM program WHERE id = 1")"
check "migrate: reports_from may be none" "" "$(plain_error "$m" "UPDATE program SET reports_from = NULL, reports_to = NULL WHERE id = 1")"

# --- E2: a message is cut after 1,000 characters, the list of settings is not -------
long=$(printf 'k%.0s' $(seq 1 1500))
out=$("$LC" program-set "$db" jg-2026 "$long=1" 2>&1); rc=$?
msg=${out#learnclub program-set: }; kept=${msg%%... (cut; *}
check "E2 a huge key is cut after 1,000 characters, and says how long it was" \
  "1000|unknown setting 'kkkkkkkkkk|... (cut; $(( 17 + 1500 + $(LC_ALL=C.UTF-8 "$LC" program-set "$db" jg-2026 k=1 2>&1 | sed "s/^learnclub program-set: unknown setting 'k//" | LC_ALL=C.UTF-8 wc -m) - 1 )) characters in all)|2" \
  "${#kept}|${kept:0:27}|${msg:${#kept}}|$rc"
