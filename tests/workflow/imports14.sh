#!/usr/bin/env bash
# Issue 14 (H2): the imports for what had none (nominations, places, expenses,
# overrides, pledges, budget, calls, proposals), the roster's optional columns
# kind, email, phone (IR6), and --replace on import-meetings, import-reports
# and import-scores (M5). Each template imports as it is, twice changes
# nothing, a bad row rejects the whole file with its line and column.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
T="$LEARNCLUB_ROOT/examples/templates"
D="$TMPROOT/imports14"; mkdir -p "$D"
dump() { "$SQLITE3" "$1" .dump | md5sum; }
q() { "$SQLITE3" "$db" "$1"; }
run() {  # run CASE EXPECTED_STATUS EXPECTED_OUTPUT ARGS...
  local name="$1" st="$2" exp="$3" out rc; shift 3
  out=$("$LC" "$@" 2>&1); rc=$?
  check "$name" "$exp" "$out"
  check "$name: exit $st" "$st" "$rc"
}
bad() {  # bad CASE KIND MESSAGE_AFTER_FILE CSV_TEXT
  local name="$1" kind="$2" msg="$3" f="$D/bad.csv" before out rc
  printf '%s' "$4" >"$f"
  before=$(dump "$db")
  out=$("$LC" "import-$kind" "$db" "$f" 2>&1); rc=$?
  check "$name" "learnclub import-$kind: $f: $msg|2" "$out|$rc"
  check "$name: database unchanged" "$before" "$(dump "$db")"
}

db=$(newdb imports14)
"$LC" init "$db" >/dev/null
"$LC" import-roster "$db" "$T/roster.csv" >/dev/null

# --- roster: optional columns kind, email, phone (IR6, NJ1) -------------------------
RH="program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on"
printf '%s\n' "$RH,phone,kind,email" \
  "junggu-2015,예산지킴이,bureau,기획재정국,기획예산과,1500037,김예산,president,2015-02-16,,02-3396-4321,official,kim@junggu.go.kr" \
  "junggu-2015,예산지킴이,bureau,기획재정국,재무과,1500074,이절감,member,2015-02-16,,,전문가," >"$D/roster-opt.csv"
run "IR6 roster with optional columns in any order" 0 "$D/roster-opt.csv: 2 rows: 1 clubs, 2 people" import-roster "$db" "$D/roster-opt.csv"
check "IR6 kind, email, phone stored (NJ1: 전문가 is expert)" \
  "1500037|official|kim@junggu.go.kr|02-3396-4321 1500074|expert||" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT emp_no || '|' || kind || '|' || coalesce(email, '') || '|' || coalesce(phone, '') AS x FROM person WHERE emp_no IN ('1500037', '1500074') ORDER BY emp_no)")"
"$LC" import-roster "$db" "$T/roster.csv" >/dev/null
check "IR6 a file without the columns keeps what is stored" \
  "1500037|official|kim@junggu.go.kr|02-3396-4321 1500074|expert||" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT emp_no || '|' || kind || '|' || coalesce(email, '') || '|' || coalesce(phone, '') AS x FROM person WHERE emp_no IN ('1500037', '1500074') ORDER BY emp_no)")"
R1="junggu-2015,예산지킴이,bureau,기획재정국,기획예산과,1500037,김예산,president,2015-02-16,"
bad "IR6 roster: unknown kind" roster "line 2, column kind: invalid value 'student'; expected official, expert or citizen (NJ1); nothing imported" \
  "$RH,kind"$'\n'"$R1,student"$'\n'
bad "IR6 roster: bad email" roster "line 2, column email: invalid email 'kim.junggu.go.kr'; expected NAME@DOMAIN; nothing imported" \
  "$RH,email"$'\n'"$R1,kim.junggu.go.kr"$'\n'
bad "IR6 roster: bad phone" roster "line 2, column phone: invalid phone '02-3396-432x'; expected digits, with + - . ( ) or spaces; nothing imported" \
  "$RH,phone"$'\n'"$R1,02-3396-432x"$'\n'
bad "IR6 roster: rows of one emp_no agree" roster "line 3, column email: emp_no 1500037 is given differently on line 2; nothing imported" \
  "$RH,email"$'\n'"$R1,a@junggu.go.kr"$'\n'"junggu-2016,예산지킴이,bureau,기획재정국,기획예산과,1500037,김예산,president,2016-02-16,,b@junggu.go.kr"$'\n'
bad "M4 roster: an optional column twice" roster "line 1: header must be '$RH[,kind][,email][,phone][,track][,since]', not '$RH,kind,kind'; nothing imported" \
  "$RH,kind,kind"$'\n'"$R1,official,official"$'\n'
bad "M4 roster: an unknown extra column" roster "line 1: header must be '$RH[,kind][,email][,phone][,track][,since]', not '$RH,mobile'; nothing imported" \
  "$RH,mobile"$'\n'"$R1,010"$'\n'
bad "M4 roster: a short row with optional columns" roster "line 2: 11 fields, expected 12; nothing imported" \
  "$RH,kind,email"$'\n'"$R1,official"$'\n'

# --- the templates import as they are; twice changes nothing ------------------------
"$LC" import-meetings "$db" "$T/meetings.csv" >/dev/null
"$LC" import-reports "$db" "$T/reports.csv" >/dev/null
"$LC" import-scores "$db" "$T/scores.csv" >/dev/null
run "JG10 import-nominations template" 0 "$T/nominations.csv: 3 nominations, 2 clubs" import-nominations "$db" "$T/nominations.csv"
run "D3 import-places template" 0 "$T/places.csv: 2 places" import-places "$db" "$T/places.csv"
run "JG12 import-expenses template" 0 "$T/expenses.csv: 3 expenses, 1198000 KRW" import-expenses "$db" "$T/expenses.csv"
run "KR5 import-overrides template" 0 "$T/overrides.csv: 2 overrides: 1 holidays, 1 working days" import-overrides "$db" "$T/overrides.csv"
run "NJ8 import-pledges template" 0 "$T/pledges.csv: 2 pledges, 2 indicators, 3 indicator years" import-pledges "$db" "$T/pledges.csv"
run "NJ7 import-budget template" 0 "$T/budget.csv: 3 budget lines, 1 plans" import-budget "$db" "$T/budget.csv"
run "NJ3 import-calls template" 0 "$T/calls.csv: 1 calls" import-calls "$db" "$T/calls.csv"
run "NJ2 import-proposals template" 0 "$T/proposals.csv: 2 proposals: 1 adopted, 0 not adopted, 1 undecided" import-proposals "$db" "$T/proposals.csv"
sum=$(dump "$db")
for k in nominations places expenses overrides pledges budget calls proposals; do "$LC" import-$k "$db" "$T/$k.csv" >/dev/null; done
check "issue 14 imports twice: database unchanged (IN4, IL3, IE4, IO3, IG8, IB4, IC5, IQ5)" "$sum" "$(dump "$db")"
# encodings: CP949 with CRLF, as Excel writes it in Korea, gives the same rows
other=$(newdb imports14-cp949); "$LC" init "$other" >/dev/null
for k in roster meetings reports scores nominations places expenses overrides pledges budget calls proposals; do
  iconv -f UTF-8 -t CP949 "$T/$k.csv" | sed 's/$/\r/' >"$D/$k-cp949.csv"
  "$LC" import-$k "$other" "$D/$k-cp949.csv" >/dev/null 2>&1 || check "import $k cp949" 0 "$?"
done
for t in nomination committee_place expense holiday_override pledge indicator indicator_year budget_plan budget_line team_call proposal; do
  check "cp949: $t as from UTF-8" "$("$SQLITE3" "$db" "SELECT * FROM $t")" "$("$SQLITE3" "$other" "SELECT * FROM $t")"
done

check "IN1 nominations stored" "예산지킴이|2015-H1|1500037|연구과제 총괄 예산지킴이|2015-H1|1500074|자료 분석 창의아이디어뱅크|2015-H1|1504181|" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT c.name || '|' || n.period || '|' || p.emp_no || '|' || coalesce(n.note, '') AS x FROM nomination n JOIN club c ON c.id = n.club_id JOIN person p ON p.id = n.person_id ORDER BY c.name, p.emp_no)")"
check "IL1 places stored (D3)" "예산지킴이|2015-H1|1 창의아이디어뱅크|2015-H1|2" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT c.name || '|' || period || '|' || place AS x FROM committee_place JOIN club c ON c.id = club_id ORDER BY c.name)")"
check "IE1-IE3 expenses: dotted date, commas in the amount, Korean kind" "2015-04-09|advisory|150000 2015-05-14|books|48000 2015-08-20|prize|1000000" \
  "$(q "SELECT group_concat(spent_on || '|' || kind || '|' || amount, ' ') FROM (SELECT * FROM expense ORDER BY spent_on)")"
check "IO2 overrides: KR5 report_due moves past the added holiday" "2015-05-07|1" "$(sql "$db" "SELECT report_due('2015-04'), is_working_day('2015-03-07')")"
check "IG1-IG5 pledges: bodies, continuing, budgeted, total, status" \
  "1-1|within_term|0|1|1|0|0|1|1200000000|on_track 2-1|after_term|0|0|1|1|1|0||partial" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT code || '|' || completion || '|' || by_national || '|' || by_province || '|' || by_city || '|' || by_private || '|' || continuing || '|' || budgeted || '|' || coalesce(total_budget, '') || '|' || status AS x FROM pledge ORDER BY code)")"
check "IG6 indicators numbered in file order, weight" "1|복지센터 설치|개소|2.0 2|방문상담 건수|건|1.0" \
  "$(q "SELECT group_concat(seq || '|' || name || '|' || unit || '|' || weight, ' ') FROM (SELECT * FROM indicator ORDER BY seq)")"
check "IG7 indicator years" "복지센터 설치|2015|2.0|2.0|2015-11-30 복지센터 설치|2016|4.0|| 방문상담 건수|2015|500.0|430.0|" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT i.name || '|' || y.year || '|' || coalesce(y.target, '') || '|' || coalesce(y.achieved, '') || '|' || coalesce(y.achieved_on, '') AS x FROM indicator_year y JOIN indicator i ON i.id = y.indicator_id ORDER BY i.seq, y.year)")"
check "IB1-IB3 budget lines, empty executed is 0" "복지센터 건립|1-1|2015|city|300000000|280000000 복지센터 건립|1-1|2015|province|100000000|100000000 복지센터 건립|1-1|2016|city|400000000|0" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT b.name || '|' || p.code || '|' || l.year || '|' || l.source || '|' || l.planned || '|' || l.executed AS x FROM budget_line l JOIN budget_plan b ON b.id = l.plan_id JOIN pledge p ON p.id = b.pledge_id ORDER BY l.year, l.source)")"
check "IC1-IC4 call" "junggu-2015|2015-01-05|2015-01-30|12|3|10|run|" \
  "$(q "SELECT p.code || '|' || opens_on || '|' || closes_on || '|' || applications || '|' || min_teams || '|' || max_teams || '|' || outcome || '|' || coalesce(reason, '') FROM team_call JOIN program p ON p.id = program_id")"
check "IQ1-IQ4 proposals" "예산지킴이|예산 낭비 신고센터 개선|policy|1|2015-09-15 창의아이디어뱅크|공공 와이파이 확대|service||" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT c.name || '|' || title || '|' || field || '|' || coalesce(adopted, '') || '|' || coalesce(decided_on, '') AS x FROM proposal JOIN club c ON c.id = club_id ORDER BY c.name)")"
# the reports read what the imports wrote: nothing needs SQL (issue 14, problem 3)
check "NJ2 adoption reads the imported proposals" "2015,1,2,4,2,1,1,50,50" "$("$LC" adoption "$db" 2015 --format csv | sed -n 2p)"
check "NJ7 budget reads the imported plan" "\"복지센터 건립\",total,0,100,700,0,800,380,47.5" "$("$LC" budget "$db" --format csv | sed -n 4p)"
BH="plan,pledge,year,source,planned,executed"
bad "IB1 budget: rows of one plan disagree on the pledge" budget "line 3, column pledge: plan '센터' is given differently on line 2; nothing imported" \
  "$BH"$'\n센터,1-1,2015,city,1,\n센터,2-1,2016,city,1,\n'
check "NJ8 D5 pledge-report reads the imported pledge: weighted rate of its indicators" 'pledge,1-1,"생활밀착형 복지 확대",,,,,,50.89,on_track' \
  "$("$LC" pledge-report "$db" --as-of 2016-01-31 --format csv | grep '^pledge,1-1')"
# upserts change what the file changes
printf '%s\n' "club,period,place,note" "예산지킴이,2015-H1,2,재심" >"$D/places2.csv"
"$LC" import-places "$db" "$D/places2.csv" >/dev/null
check "IL3 a place re-imported is updated" "2|재심" "$(q "SELECT place || '|' || note FROM committee_place cp JOIN club c ON c.id = cp.club_id WHERE c.name = '예산지킴이'")"

# --- --replace: the file is the whole truth for what it covers (M5) -----------------
# issue 14 problem 2: a meeting re-imported with the right date kept the wrong one too
MH="club,held_on,kind,hours,topic,attendees"
printf '%s\n' "$MH" "예산지킴이,2015-03-13,regular,3,연구과제 선정,1500037 1500074" >"$D/meetings-fix.csv"
hours() { q "SELECT total(m.hours) FROM attendance a JOIN meeting m ON m.id = a.meeting_id JOIN person p ON p.id = a.person_id WHERE p.emp_no = '1500037' AND m.kind = 'regular'"; }
rep=$(newdb imports14-replace); cp "$db" "$rep"
"$LC" import-meetings "$rep" "$D/meetings-fix.csv" >/dev/null
check "M5 without --replace the wrong meeting stays (as before)" "6.0" "$(db=$rep; hours)"
cp "$db" "$rep"
run "IM6 --replace removes the club's other meetings of that month, and says so" 0 \
  "$D/meetings-fix.csv: 1 meetings, 2 attendances
$D/meetings-fix.csv: removed meeting 예산지킴이 2015-03-12 regular (2 attendances)
$D/meetings-fix.csv: removed meeting 예산지킴이 2015-03-27 extra (1 attendances)" import-meetings "$rep" "$D/meetings-fix.csv" --replace
check "IM6 one regular meeting left for March: 3 hours" "3.0" "$(db=$rep; hours)"
check "IM6 another club's meetings of that month are kept" "창의아이디어뱅크|2015-03-18" \
  "$("$SQLITE3" "$rep" "SELECT c.name || '|' || m.held_on FROM meeting m JOIN club c ON c.id = m.club_id WHERE c.name <> '예산지킴이'")"
check "IM6 no orphan attendance" "0" "$("$SQLITE3" "$rep" "SELECT count(*) FROM attendance WHERE meeting_id NOT IN (SELECT id FROM meeting)")"
sum=$(dump "$rep")
run "IM6 --replace twice removes nothing more" 0 "$D/meetings-fix.csv: 1 meetings, 2 attendances" import-meetings "$rep" "$D/meetings-fix.csv" --replace
check "IM6 --replace twice: database unchanged" "$sum" "$(dump "$rep")"

# issue 14 problem 2: a judge typed '심사위원 1' added a sixth judge
SH="club,period,judge,criterion,points"
printf '%s\n' "$SH" "예산지킴이,2015-H1,심사위원 1,추진실적,44" >"$D/scores-typo.csv"
"$LC" import-scores "$rep" "$D/scores-typo.csv" >/dev/null
printf '%s\n' "$SH" "예산지킴이,2015-H1,심사위원1,추진실적,44" "예산지킴이,2015-H1,심사위원1,성과,43.5" >"$D/scores-fix.csv"
run "IS5 --replace removes the club's other scores of that half-year, and says so" 0 \
  "$D/scores-fix.csv: 2 scores, 1 clubs, 1 judges
$D/scores-fix.csv: removed score 예산지킴이 2015-H1 심사위원 1 추진실적 44.0" import-scores "$rep" "$D/scores-fix.csv" --replace
check "IS5 judges left" "심사위원1" "$("$SQLITE3" "$rep" "SELECT group_concat(DISTINCT judge) FROM score")"
check "IS5 another club's scores kept" "2" "$("$SQLITE3" "$rep" "SELECT count(*) FROM score s JOIN club c ON c.id = s.club_id WHERE c.name = '창의아이디어뱅크'")"

PH="club,kind,period,submitted_at,board_ref,title"
printf '%s\n' "$PH" "예산지킴이,monthly,2015-03,2015-04-02 10:00,학습동아리-1061,3월 활동보고서" >"$D/reports-fix.csv"
run "IP5 --replace says which stored report it overwrote" 0 \
  "$D/reports-fix.csv: 1 reports
$D/reports-fix.csv: removed report 예산지킴이 monthly 2015-03 submitted 2015-04-03 17:20:00" import-reports "$rep" "$D/reports-fix.csv" --replace
check "IP5 the file's report stored" "2015-04-02 10:00:00" "$("$SQLITE3" "$rep" "SELECT submitted_at FROM report WHERE kind = 'monthly' AND club_id = (SELECT id FROM club WHERE name = '예산지킴이')")"
run "IP5 --replace with the same file removes nothing" 0 "$D/reports-fix.csv: 1 reports" import-reports "$rep" "$D/reports-fix.csv" --replace

# a bad --replace file removes nothing
printf '%s\n' "$MH" "예산지킴이,2015-03-13,regular,30,연구과제 선정,1500037" >"$D/meetings-bad.csv"
before=$(dump "$rep")
out=$("$LC" import-meetings "$rep" "$D/meetings-bad.csv" --replace 2>&1); rc=$?
check "M5 a bad --replace file: refused" "learnclub import-meetings: $D/meetings-bad.csv: line 2, column hours: invalid hours '30'; expected a number more than 0 and at most 24 (D4); nothing imported|2" "$out|$rc"
check "M5 a bad --replace file: database unchanged" "$before" "$(dump "$rep")"
run "M5 --replace only on meetings, reports and scores" 2 "learnclub import-roster: unknown option '--replace'" import-roster "$rep" "$T/roster.csv" --replace
run "M5 --replace after -- is a file name" 2 "learnclub import-scores: unexpected argument '--replace'" import-scores "$rep" "$T/scores.csv" -- --replace

# --- each page in docs/commands/ states its script's rules as the script does -------
for kp in nominations:IN places:IL expenses:IE overrides:IO pledges:IG budget:IB calls:IC proposals:IQ; do
  k=${kp%:*} p=${kp#*:}
  check "docs/commands/import-$k.md states sql/import-$k.sql's rules" \
    "$(sed -n "/^--   ${p}1 /,/^BEGIN/p" "$LEARNCLUB_ROOT/sql/import-$k.sql" | sed '$d; s/^--//')" \
    "$(sed -n "/^   ${p}1 /,/^\`\`\`/p" "$LEARNCLUB_ROOT/docs/commands/import-$k.md" | sed '$d')"
  check "import-$k: the page's header is the template's" "$(head -n 1 "$T/$k.csv")" \
    "$(grep -A3 'The header line is exactly$' "$LEARNCLUB_ROOT/docs/commands/import-$k.md" | sed -n 4p)"
done

# --- the change log (H3's changelog.c): the new imports and --replace are logged ----
cl=$(newdb imports14-log); "$LC" init "$cl" >/dev/null
"$LC" import-roster "$cl" "$T/roster.csv" >/dev/null
"$LC" import-places "$cl" "$T/places.csv" >/dev/null
check "CL import-places writes a change_log row with its rows added" "import-places|2" \
  "$("$SQLITE3" "$cl" "SELECT command || '|' || json_extract(changes, '$.committee_place.added') FROM change_log ORDER BY id DESC LIMIT 1")"
"$LC" import-scores "$cl" "$T/scores.csv" >/dev/null
"$LC" import-scores "$cl" "$D/scores-typo.csv" >/dev/null
"$LC" import-scores "$cl" "$D/scores-fix.csv" --replace >/dev/null
check "CL --replace: the removed score is in the log with its values" "1|심사위원 1" \
  "$("$SQLITE3" "$cl" "SELECT json_extract(changes, '$.score.removed') || '|' || json_extract(changes, '$.score.removed_rows[0].judge') FROM change_log ORDER BY id DESC LIMIT 1")"
