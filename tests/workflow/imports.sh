#!/usr/bin/env bash
# Import tests (issue 4): the templates in examples/templates/ import as they
# are; UTF-8 with and without BOM, CRLF, and CP949 give the same database;
# importing twice changes nothing (upsert); a bad row anywhere rejects the whole
# file with its line and column and leaves the database exactly as it was.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
T="$LEARNCLUB_ROOT/examples/templates"
D="$TMPROOT/imports"; mkdir -p "$D"
dump() { "$SQLITE3" "$1" .dump | md5sum; }
# the data without the change log, whose rows name the files and the user (issue 14)
dump_data() { "$SQLITE3" "$1" .dump | grep -v '^INSERT INTO change_log' | md5sum; }

# run CASE EXPECTED_STATUS EXPECTED_OUTPUT ARGS...
run() {
  local name="$1" st="$2" exp="$3" out rc; shift 3
  out=$("$LC" "$@" 2>&1); rc=$?
  check "$name" "$exp" "$out"
  check "$name: exit $st" "$st" "$rc"
}

db=$(newdb imports)
"$LC" init "$db" >/dev/null
run "JG2 import-roster template" 0 "$T/roster.csv: 4 rows: 2 clubs, 4 people" import-roster "$db" "$T/roster.csv"
run "JG5 import-meetings template" 0 "$T/meetings.csv: 3 meetings, 5 attendances" import-meetings "$db" "$T/meetings.csv"
run "JG6 import-reports template" 0 "$T/reports.csv: 3 reports" import-reports "$db" "$T/reports.csv"
run "JG8 import-scores template" 0 "$T/scores.csv: 4 scores, 2 clubs, 1 judges" import-scores "$db" "$T/scores.csv"
check "roster: a new program NAME-YYYY gets the year and the defaults (R1)" \
  "junggu-2015|2015-01-01|2015-12-31|2015-03|2015-12|junggu-2015|12.0|성과" \
  "$("$SQLITE3" "$db" "SELECT code, starts_on, ends_on, reports_from, reports_to, award_scheme, hours_cap, tie_break FROM program")"
check "roster: clubs, kinds and bureaus (JG2)" "예산지킴이|bureau|기획재정국 창의아이디어뱅크|integrated|" \
  "$("$SQLITE3" "$db" "SELECT group_concat(c.name || '|' || c.kind || '|' || coalesce(b.name, ''), ' ') FROM club c LEFT JOIN bureau b ON b.id = c.bureau_id")"
check "roster: dotted date and left_on (R4)" "1504181|president|2015-02-16| 1504218|member|2015-03-02|2015-09-30" \
  "$("$SQLITE3" "$db" "SELECT group_concat(x, ' ') FROM (SELECT p.emp_no || '|' || m.role || '|' || m.joined_on || '|' || coalesce(m.left_on, '') AS x FROM membership m JOIN person p ON p.id = m.person_id JOIN club c ON c.id = m.club_id WHERE c.name = '창의아이디어뱅크' ORDER BY p.emp_no)")"
check "meetings: attendees split on spaces and commas (M4)" "2015-03-12|regular|3.0|2 2015-03-18|regular|2.5|2 2015-03-27|extra|2.0|1" \
  "$("$SQLITE3" "$db" "SELECT group_concat(held_on || '|' || kind || '|' || hours || '|' || n, ' ') FROM (SELECT m.held_on, m.kind, m.hours, count(a.person_id) AS n FROM meeting m LEFT JOIN attendance a ON a.meeting_id = m.id GROUP BY m.id ORDER BY m.held_on)")"
# Issue 12: submitted_at is stored as kr_datetime() gives it, seconds always (P3)
check "D2 reports: dotted date, offset converted to Korean time" "2015-04-03 17:20:00 2015-04-06 00:00:00 2015-07-20 09:15:00" \
  "$("$SQLITE3" "$db" "SELECT group_concat(submitted_at, ' ') FROM (SELECT submitted_at FROM report ORDER BY id)")"

# importing the same files again changes nothing (R5, M5, P4, C4)
sum=$(dump "$db")
for k in roster meetings reports scores; do "$LC" import-$k "$db" "$T/$k.csv" >/dev/null; done
check "imports twice: database unchanged" "$sum" "$(dump "$db")"

# encodings: UTF-8 with BOM and CRLF, CP949 (as Excel writes it in Korea)
for enc in bom cp949; do
  other=$(newdb "imports-$enc"); "$LC" init "$other" >/dev/null
  for k in roster meetings reports scores; do
    f="$D/$k-$enc.csv"
    case $enc in
      bom) { printf '\xef\xbb\xbf'; sed 's/$/\r/' "$T/$k.csv"; } >"$f" ;;
      cp949) iconv -f UTF-8 -t CP949 "$T/$k.csv" | sed 's/$/\r/' >"$f" ;;
    esac
    "$LC" import-$k "$other" "$f" >/dev/null 2>&1 || check "import $k $enc" 0 "$?"
  done
  check "imports $enc: same database as UTF-8" "$(dump_data "$db")" "$(dump_data "$other")"
done

# --- bad files: exit 2, line and column named, nothing written --------------------
bad() {  # bad CASE KIND MESSAGE_AFTER_FILE CSV_TEXT
  local name="$1" kind="$2" msg="$3" f="$D/bad.csv" before out rc
  printf '%s' "$4" >"$f"
  before=$(dump "$db")
  out=$("$LC" "import-$kind" "$db" "$f" 2>&1); rc=$?
  check "$name" "learnclub import-$kind: $f: $msg|2" "$out|$rc"
  check "$name: database unchanged" "$before" "$(dump "$db")"
}
RH="program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on"
RHO="$RH[,kind][,email][,phone]"
R1="junggu-2015,세입발굴단,bureau,기획재정국,재무과,1500111,정세입,president,2015-02-16,"
bad "roster: header" roster "line 1: header must be '$RHO', not 'club,name'; nothing imported" $'club,name\nx,y\n'
bad "roster: too few fields" roster "line 3: 9 fields, expected 10; nothing imported" "$RH"$'\n'"$R1"$'\nx,y,z,a,b,c,d,e,f\n'
bad "roster: bad date on the last line (R4)" roster "line 3, column joined_on: invalid date '2015-02-30'; expected YYYY-MM-DD; nothing imported" \
  "$RH"$'\n'"$R1"$'\njunggu-2015,세입발굴단,bureau,기획재정국,재무과,1500112,한세입,member,2015-02-30,\n'
bad "roster: JG2 integrated club with a bureau" roster "line 2, column bureau: an integrated club has no bureau, not '보건소' (JG2); nothing imported" \
  "$RH"$'\njunggu-2015,미래포럼,integrated,보건소,보건행정과,1500200,오미래,member,2015-02-16,\n'
bad "roster: kind" roster "line 2, column club_kind: invalid value 'team'; expected bureau or integrated (JG2); nothing imported" \
  "$RH"$'\njunggu-2015,미래포럼,team,,보건행정과,1500200,오미래,member,2015-02-16,\n'
bad "roster: unknown program" roster "line 2, column program: unknown program 'junggu'; a new program is named NAME-YYYY; nothing imported" \
  "$RH"$'\njunggu,미래포럼,integrated,,보건행정과,1500200,오미래,member,2015-02-16,\n'
bad "roster: two presidents" roster "line 3, column role: club '세입발굴단' already has a president on line 2; nothing imported" \
  "$RH"$'\n'"$R1"$'\njunggu-2015,세입발굴단,bureau,기획재정국,재무과,1500112,한세입,회장,2015-02-16,\n'
bad "roster: one person in two clubs" roster "line 3, column club: emp_no 1500111 is already in club '세입발굴단' on line 2; nothing imported" \
  "$RH"$'\n'"$R1"$'\njunggu-2015,미래포럼,integrated,,재무과,1500111,정세입,member,2015-02-16,\n'
bad "roster: left before joined" roster "line 2, column left_on: before joined_on; nothing imported" \
  "$RH"$'\njunggu-2015,미래포럼,integrated,,재무과,1500300,정미래,member,2015-02-16,2015-01-31\n'
bad "roster: SQL in a value is just text, and rejected as a kind" roster "line 2, column club_kind: invalid value 'bureau'); DROP TABLE club; --'; expected bureau or integrated (JG2); nothing imported" \
  "$RH"$'\njunggu-2015,x,"bureau\'); DROP TABLE club; --",기획재정국,재무과,1500300,x,member,2015-02-16,\n'
MH="club,held_on,kind,hours,topic,attendees"
bad "meetings: D4 negative hours" meetings "line 2, column hours: invalid hours '-2'; expected a number more than 0 and at most 24 (D4); nothing imported" \
  "$MH"$'\n예산지킴이,2015-04-09,regular,-2,토론,1500037\n'
bad "meetings: JG1 outside the program" meetings "line 3, column club: no club '예산지킴이' in a program running on 2016-01-14; nothing imported" \
  "$MH"$'\n예산지킴이,2015-04-09,regular,2,토론,1500037\n예산지킴이,2016-01-14,regular,2,토론,1500037\n'
bad "meetings: attendee not a member" meetings "line 2, column attendees: emp_no 1504181 is not a member of club '예산지킴이' on 2015-04-09; nothing imported" \
  "$MH"$'\n예산지킴이,2015-04-09,regular,2,토론,1500037 1504181\n'
bad "meetings: unknown attendee" meetings "line 2, column attendees: unknown emp_no '9999999'; nothing imported" \
  "$MH"$'\n예산지킴이,2015-04-09,regular,2,토론,1500037;9999999\n'
bad "meetings: JG5 kind" meetings "line 2, column kind: invalid value 'party'; expected regular or extra (JG5); nothing imported" \
  "$MH"$'\n예산지킴이,2015-04-09,party,2,토론,1500037\n'
PH="club,kind,period,submitted_at,board_ref,title"
bad "reports: JG6 period" reports "line 2, column period: invalid period '2015-4'; expected YYYY-MM (JG6); nothing imported" \
  "$PH"$'\n예산지킴이,monthly,2015-4,2015-05-04,,\n'
bad "reports: JG6 February not asked for" reports "line 2, column club: no club '예산지킴이' in a program that asks for a monthly report for 2015-02; nothing imported" \
  "$PH"$'\n예산지킴이,monthly,2015-02,2015-03-04,,\n'
bad "reports: D2 bad time" reports "line 2, column submitted_at: invalid time '2015-05-04 25:00'; expected YYYY-MM-DD[ HH:MM[:SS]] (D2); nothing imported" \
  "$PH"$'\n예산지킴이,monthly,2015-04,2015-05-04 25:00,,\n'
bad "reports: before its period" reports "line 2, column submitted_at: 2015-03-31 is before the period 2015-04 began; nothing imported" \
  "$PH"$'\n예산지킴이,monthly,2015-04,2015-03-31,,\n'
bad "reports: D2 offset moves it before its period" reports "line 2, column submitted_at: 2015-03-31 is before the period 2015-04 began; nothing imported" \
  "$PH"$'\n예산지킴이,monthly,2015-04,2015-04-01T00:30:00+10:00,,\n'
bad "reports: duplicate in the file" reports "line 3, column period: the same report is on line 2; nothing imported" \
  "$PH"$'\n예산지킴이,monthly,2015-04,2015-05-04,,\n예산지킴이,monthly,2015-04,2015-05-05,,\n'
SH="club,period,judge,criterion,points"
bad "scores: points over 100" scores "line 2, column points: invalid points '101'; expected a number from 0 to 100; nothing imported" \
  "$SH"$'\n예산지킴이,2015-H1,심사위원2,성과,101\n'
bad "scores: points not a number" scores "line 2, column points: invalid points '4O'; expected a number from 0 to 100; nothing imported" \
  "$SH"$'\n예산지킴이,2015-H1,심사위원2,성과,4O\n'
bad "scores: half-year" scores "line 2, column period: invalid half-year '2015-07'; expected YYYY-H1 or YYYY-H2; nothing imported" \
  "$SH"$'\n예산지킴이,2015-07,심사위원2,성과,40\n'
bad "scores: unknown club" scores "line 2, column club: no club '없는동아리' in a program running in 2015-H1; nothing imported" \
  "$SH"$'\n없는동아리,2015-H1,심사위원2,성과,40\n'
printf 'club,period\xff\xfe\xff,judge\n' >"$D/binary.csv"
run "not UTF-8 nor CP949" 2 "learnclub import-scores: file '$D/binary.csv' is neither UTF-8 nor CP949 (EUC-KR) text" import-scores "$db" "$D/binary.csv"
run "missing file" 2 "learnclub import-scores: file '$D/none.csv' does not exist" import-scores "$db" "$D/none.csv"
run "missing FILE argument" 2 "learnclub import-reports: missing argument FILE; see 'learnclub help'" import-reports "$db"

# a file name with quotes and SQL in it is only a file name
f="$D/x'; DROP TABLE club; --\".csv"
cp "$T/scores.csv" "$f"
run "file name with quotes and SQL" 0 "$f: 4 scores, 2 clubs, 1 judges" import-scores "$db" "$f"
check "file name with SQL: database unchanged" "$sum" "$(dump "$db")"
