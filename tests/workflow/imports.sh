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
run "JG2 import-roster template" 0 "learnclub import-roster: $T/roster.csv: created program 'junggu-2015' (2015-01-01 to 2015-12-31) with the default settings; see them with 'learnclub program-show', change them with 'learnclub program-set'
$T/roster.csv: 4 rows: 2 clubs, 4 people" import-roster "$db" "$T/roster.csv"
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
RHO="$RH[,kind][,email][,phone][,track][,since]"
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

# --- meetings: every check of sql/import-meetings.sql (IM1-IM5) -------------------------
bad "meetings: IM1 empty club" meetings "line 2, column club: must not be empty; nothing imported" \
  "$MH"$'\n,2015-04-09,regular,2,토론,1500037\n'
bad "meetings: the same meeting twice in the file (IM2: dotted date, 정기)" meetings \
  "line 3, column kind: the same meeting is on line 2; nothing imported" \
  "$MH"$'\n예산지킴이,2015-04-09,regular,2,토론,1500037\n예산지킴이,2015.4.9.,정기,3,토론,1500074\n'
bad "meetings: IM4 an attendee listed twice (spaces, commas, semicolons, tabs)" meetings \
  "line 2, column attendees: emp_no 1500037 is listed twice; nothing imported" \
  "$MH"$'\n예산지킴이,2015-04-09,regular,2,토론,"1500037,1500074;\t1500037"\n'
# the first bad attendee of a line by its place in the list, not by its value
bad "meetings: IM4 the first unknown attendee of the line" meetings "line 2, column attendees: unknown emp_no '9999999'; nothing imported" \
  "$MH"$'\n예산지킴이,2015-04-09,regular,2,토론,"9999999 9999998"\n'
# on one line and column, the order of the checks: an unknown attendee before a non-member
bad "meetings: IM4 an unknown attendee is named before an earlier non-member" meetings "line 2, column attendees: unknown emp_no '9999999'; nothing imported" \
  "$MH"$'\n예산지킴이,2015-04-09,regular,2,토론,"1504181 9999999"\n'
# an attendee's text reaches the message as it is: quotes, backslashes, JSON-like text
bad "meetings: IM4 quotes and backslashes in an attendee are text" meetings \
  "line 2, column attendees: unknown emp_no '15\"00\\u0037\\'; nothing imported" \
  "$MH"$'\n예산지킴이,2015-04-09,regular,2,토론,"1500037  15""00\\u0037\\"\n'
bad "meetings: IM4 a JSON array as an attendee is text" meetings \
  "line 2, column attendees: unknown emp_no '[\"1500037\"]'; nothing imported" \
  "$MH"$'\n예산지킴이,2015-04-09,regular,2,토론,"[""1500037""]"\n'
wd=$(newdb imports-withdrawn)
"$LC" init "$wd" >/dev/null && "$LC" import-roster "$wd" "$T/roster.csv" >/dev/null
"$SQLITE3" "$wd" "UPDATE club SET status = 'withdrawn', withdrawn_on = '2015-06-30' WHERE name = '예산지킴이'"
printf '%s\n' "$MH" '예산지킴이,2015-07-09,regular,2,토론,1500037' >"$D/withdrawn.csv"
run "meetings: D6 after the club withdrew" 2 \
  "learnclub import-meetings: $D/withdrawn.csv: line 2, column club: club '예산지킴이' had withdrawn on 2015-06-30 (D6); nothing imported" \
  import-meetings "$wd" "$D/withdrawn.csv"

# IM5: a meeting already recorded gets the file's hours, topic and attendance
# list (its id kept); a new one is added; attendance rows in the order of the
# file's lines, then of each list
up=$(newdb imports-upsert)
"$LC" init "$up" >/dev/null
for k in roster meetings; do "$LC" import-$k "$up" "$T/$k.csv" >/dev/null; done
id_before=$("$SQLITE3" "$up" "SELECT id FROM meeting WHERE held_on = '2015-03-12'")
printf '%s\n' "$MH" '예산지킴이,2015-04-09,extra,1,새 모임,"1500074 1500037"' '예산지킴이,2015-03-12,정기,1.5,,1500074' >"$D/upsert.csv"
run "meetings: IM5 update one, add one" 0 "$D/upsert.csv: 2 meetings, 3 attendances" import-meetings "$up" "$D/upsert.csv"
check "meetings: IM5 the meeting already recorded keeps its id, gets the file's hours and topic" \
  "$id_before|1.5|" "$("$SQLITE3" "$up" "SELECT id || '|' || hours || '|' || coalesce(topic, '') FROM meeting WHERE held_on = '2015-03-12'")"
check "meetings: IM5 its attendance list is the file's" "1500074" \
  "$("$SQLITE3" "$up" "SELECT group_concat(p.emp_no, ' ') FROM attendance a JOIN person p ON p.id = a.person_id JOIN meeting m ON m.id = a.meeting_id WHERE m.held_on = '2015-03-12'")"
check "meetings: IM5 the new meeting is added after the others" "4|2015-04-09|extra|1.0|새 모임" \
  "$("$SQLITE3" "$up" "SELECT id || '|' || held_on || '|' || kind || '|' || hours || '|' || topic FROM meeting WHERE id = (SELECT max(id) FROM meeting)")"
check "meetings: IM4 attendance rows in the order of the lines, then of each list" "1500074 1500037 1500074" \
  "$("$SQLITE3" "$up" "SELECT group_concat(emp_no, ' ') FROM (SELECT p.emp_no FROM attendance a JOIN person p ON p.id = a.person_id WHERE a.rowid > (SELECT max(rowid) - 3 FROM attendance) ORDER BY a.rowid)")"
check "meetings: IM5 the other meetings unchanged" "2015-03-18|regular|2.5|2 2015-03-27|extra|2.0|1" \
  "$("$SQLITE3" "$up" "SELECT group_concat(x, ' ') FROM (SELECT m.held_on || '|' || m.kind || '|' || m.hours || '|' || count(a.person_id) AS x FROM meeting m LEFT JOIN attendance a ON a.meeting_id = m.id WHERE m.held_on IN ('2015-03-18', '2015-03-27') GROUP BY m.id ORDER BY m.held_on)")"

# --- issue 13: an import's cost does not grow with the history stored ------------------
# The same files imported into a database holding only them, and into one that
# also holds ten years of two governments (bench/gen.sh: 1 000 meetings, 5 018
# attendances, 1 173 reports, 3 000 scores): each sql/import-*.sql, run by the
# sqlite3 shell as the command runs it, executes exactly as many virtual machine
# steps (its triggers' included) in both, the first time and the second (the
# upsert). A statement that scanned the stored rows would add steps per row.
hist=$(newdb imports-history)
bash "$LEARNCLUB_ROOT/bench/gen.sh" "$hist" 2006 10 2 5 6 1 >/dev/null 2>&1
check "history: generated" "1000|1173|3000" "$("$SQLITE3" "$hist" "SELECT (SELECT count(*) FROM meeting) || '|' || (SELECT count(*) FROM report) || '|' || (SELECT count(*) FROM score)")"
bare=$(newdb imports-bare); "$LC" init "$bare" >/dev/null
vm_steps() {  # vm_steps DB KIND FILE → "OUTPUT steps N"
  local cols; cols=$(head -n 1 "$3")
  [ "$2" = roster ] && cols+=",kind,email,phone,track,since"  # the optional columns, empty (cmd_import.c M4)
  [ "$2" = scores ] && cols+=",panel,judge_emp_no,stage"  # issue 15 (B1)
  { printf '.load %s\nPRAGMA foreign_keys = ON;\nPRAGMA temp_store = MEMORY;\nCREATE TEMP TABLE lc_raw(%s);\n' "$LEARNCLUB_EXT" "$cols"
    printf '.import --csv --skip 1 --schema temp %s lc_raw\n.read %s\n.stats on\n.read %s\n' "$3" "$LEARNCLUB_ROOT/sql/import-values.sql" "$LEARNCLUB_ROOT/sql/import-$2.sql"
  } | "$SQLITE3" -batch "$1" 2>&1 | awk -F': *' '/^Virtual Machine Steps/ { s += $2; next } /^(ok|error)\|/ { o = $0 } END { print o " steps " s }'
}
for pass in first second; do
  for k in roster meetings reports scores; do
    a=$(vm_steps "$bare" $k "$T/$k.csv"); b=$(vm_steps "$hist" $k "$T/$k.csv")
    check "issue 13: import-$k, $pass time: ran" "ok" "${a%%|*}"
    check "issue 13: import-$k, $pass time: as many steps with ten years stored" "$a" "$b"
  done
done
