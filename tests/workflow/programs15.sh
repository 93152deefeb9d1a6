#!/usr/bin/env bash
# Issue 15 (helper A): two programs at once. When two programs running on one
# date both have a club of one name, an import row without a program column
# is an error that names both programs; the meetings, reports and scores CSVs
# (and nominations, places, expenses, which find clubs by the same one rule,
# sql/import-values.sql V4) accept an optional column program.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
D="$TMPROOT/programs15"; mkdir -p "$D"
dump() { "$SQLITE3" "$1" .dump | md5sum; }
q() { "$SQLITE3" "$db" "$1"; }
imp() {  # imp CASE KIND EXPECTED(after "FILE: ") EXIT CSV_TEXT — import, compare the message and exit
  local name="$1" kind="$2" msg="$3" st="$4" f="$D/$2.csv" before out rc
  printf '%s' "$5" >"$f"
  before=$(dump "$db")
  out=$("$LC" "import-$kind" "$db" "$f" 2>&1); rc=$?
  if [ "$st" = 2 ]; then
    check "$name" "learnclub import-$kind: $f: $msg; nothing imported|2" "$out|$rc"
    check "$name: database unchanged" "$before" "$(dump "$db")"
  else
    check "$name" "$f: $msg|$st" "$out|$rc"
  fi
}
RH="program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on"

db=$(newdb programs15)
"$LC" init "$db" >/dev/null
"$LC" program-add "$db" junggu-2015 --name "중구 학습동아리 2015" --from 2015-01-01 --to 2015-12-31 reports_from=2015-03 reports_to=2015-12 >/dev/null
"$LC" program-add "$db" learn-2015 --name "학습조직 2015" --from 2015-03-01 --to 2015-12-31 reports_from=2015-03 reports_to=2015-12 >/dev/null
printf '%s\n' "$RH" \
  "junggu-2015,예산지킴이,bureau,기획재정국,기획예산과,E001,김예산,president,2015-02-16," \
  "junggu-2015,예산지킴이,bureau,기획재정국,재무과,E002,이절감,member,2015-02-16," \
  "junggu-2015,세입발굴단,bureau,기획재정국,세무1과,E004,최세입,president,2015-02-16," \
  "learn-2015,예산지킴이,integrated,,기획예산과,E001,김예산,member,2015-03-02," \
  "learn-2015,예산지킴이,integrated,,세무1과,E003,박회원,president,2015-03-02," >"$D/roster.csv"
"$LC" import-roster "$db" "$D/roster.csv" >/dev/null
check "setup: two programs running at once, each with a club 예산지킴이" "2" "$(q "SELECT count(*) FROM club WHERE name = '예산지킴이'")"
J=$(q "SELECT c.id FROM club c JOIN program p ON p.id = c.program_id WHERE c.name = '예산지킴이' AND p.code = 'junggu-2015'")
L=$(q "SELECT c.id FROM club c JOIN program p ON p.id = c.program_id WHERE c.name = '예산지킴이' AND p.code = 'learn-2015'")

# --- meetings ------------------------------------------------------------------------
MH="club,held_on,kind,hours,topic,attendees"
imp "issue 15: two programs at once: a meetings row without a program column is an error that names both programs" meetings \
  "line 2, column club: club '예산지킴이' is in more than one program running on 2015-03-12: 'junggu-2015' and 'learn-2015'; add a column program to say which" 2 \
  "$MH"$'\n'"예산지킴이,2015-03-12,regular,2,,E001"$'\n'
imp "issue 15: two programs at once: an empty program cell is no program given" meetings \
  "line 2, column club: club '예산지킴이' is in more than one program running on 2015-03-12: 'junggu-2015' and 'learn-2015'; add a column program to say which" 2 \
  "$MH,program"$'\n'"예산지킴이,2015-03-12,regular,2,,E001,"$'\n'
imp "issue 15: the meetings CSV accepts an optional program column" meetings "2 meetings, 3 attendances" 0 \
  "$MH,program"$'\n'"예산지킴이,2015-03-12,regular,2,,E001 E002,junggu-2015"$'\n'"예산지킴이,2015-03-13,regular,2,,E003,learn-2015"$'\n'
check "issue 15: each meeting went to the club of its program" "$J|2015-03-12 $L|2015-03-13" \
  "$(q "SELECT group_concat(club_id || '|' || held_on, ' ') FROM (SELECT * FROM meeting ORDER BY held_on)")"
imp "issue 15: a club of one program only needs no program column" meetings "1 meetings, 1 attendances" 0 \
  "$MH"$'\n'"세입발굴단,2015-03-12,regular,2,,E004"$'\n'
imp "issue 15: before the second program starts, one program runs: no program column needed" meetings "1 meetings, 1 attendances" 0 \
  "$MH"$'\n'"예산지킴이,2015-02-26,regular,2,,E001"$'\n'
imp "issue 15: program: an unknown code" meetings "line 2, column program: unknown program 'x-2015'" 2 \
  "$MH,program"$'\n'"예산지킴이,2015-03-12,regular,2,,E001,x-2015"$'\n'
imp "issue 15: program: the club is not in that program" meetings "line 2, column club: no club '세입발굴단' in program 'learn-2015' running on 2015-03-12" 2 \
  "$MH,program"$'\n'"세입발굴단,2015-03-12,regular,2,,E004,learn-2015"$'\n'
imp "issue 15: program: attendees are checked against the club of that program" meetings \
  "line 2, column attendees: emp_no E002 is not a member of club '예산지킴이' on 2015-03-20" 2 \
  "$MH,program"$'\n'"예산지킴이,2015-03-20,regular,2,,E002,learn-2015"$'\n'

# --- reports ---------------------------------------------------------------------------
PH="club,kind,period,submitted_at,board_ref,title"
imp "issue 15: two programs at once: a reports row without a program column is an error that names both programs" reports \
  "line 2, column club: club '예산지킴이' is in more than one program that asks for a monthly report for 2015-03: 'junggu-2015' and 'learn-2015'; add a column program to say which" 2 \
  "$PH"$'\n'"예산지킴이,monthly,2015-03,2015-04-03,,"$'\n'
imp "issue 15: the reports CSV accepts an optional program column" reports "2 reports" 0 \
  "$PH,program"$'\n'"예산지킴이,monthly,2015-03,2015-04-03,,,junggu-2015"$'\n'"예산지킴이,monthly,2015-03,2015-04-07,,,learn-2015"$'\n'
check "issue 15: each report went to the club of its program" "$J|2015-04-03 00:00:00 $L|2015-04-07 00:00:00" \
  "$(q "SELECT group_concat(club_id || '|' || submitted_at, ' ') FROM (SELECT * FROM report ORDER BY submitted_at)")"

# --- scores ----------------------------------------------------------------------------
SH="club,period,judge,criterion,points"
imp "issue 15: two programs at once: a scores row without a program column is an error that names both programs" scores \
  "line 2, column club: club '예산지킴이' is in more than one program running in 2015-H1: 'junggu-2015' and 'learn-2015'; add a column program to say which" 2 \
  "$SH"$'\n'"예산지킴이,2015-H1,A,성과,40"$'\n'
imp "issue 15: the scores CSV accepts an optional program column" scores "2 scores, 2 clubs, 1 judges" 0 \
  "$SH,program"$'\n'"예산지킴이,2015-H1,A,성과,40,junggu-2015"$'\n'"예산지킴이,2015-H1,A,성과,30,learn-2015"$'\n'
check "issue 15: each score went to the club of its program" "$J|40.0 $L|30.0" \
  "$(q "SELECT group_concat(club_id || '|' || points, ' ') FROM (SELECT * FROM score ORDER BY club_id)")"

# --- nominations, places, expenses: the same one rule ----------------------------------
imp "issue 15: nominations find the club by the same rule" nominations \
  "line 2, column club: club '예산지킴이' is in more than one program running in 2015-H1: 'junggu-2015' and 'learn-2015'; add a column program to say which" 2 \
  "club,period,emp_no,note"$'\n'"예산지킴이,2015-H1,E001,"$'\n'
imp "issue 15: nominations accept the program column" nominations "1 nominations, 1 clubs" 0 \
  "club,period,emp_no,note,program"$'\n'"예산지킴이,2015-H1,E003,,learn-2015"$'\n'
imp "issue 15: places find the club by the same rule" places \
  "line 2, column club: club '예산지킴이' is in more than one program running in 2015-H1: 'junggu-2015' and 'learn-2015'; add a column program to say which" 2 \
  "club,period,place,note"$'\n'"예산지킴이,2015-H1,1,"$'\n'
imp "issue 15: expenses find the club by the same rule" expenses \
  "line 2, column club: club '예산지킴이' is in more than one program running on 2015-05-01: 'junggu-2015' and 'learn-2015'; add a column program to say which" 2 \
  "club,spent_on,kind,amount,note"$'\n'"예산지킴이,2015-05-01,books,30000,"$'\n'
imp "issue 15: expenses accept the program column" expenses "1 expenses, 30000 KRW" 0 \
  "club,spent_on,kind,amount,note,program"$'\n'"예산지킴이,2015-05-01,books,30000,,junggu-2015"$'\n'
check "issue 15: the expense went to the club of its program" "$J" "$(q "SELECT club_id FROM expense")"

# three programs: every one is named
"$LC" program-add "$db" extra-2015 --name "셋째" --from 2015-01-01 --to 2015-12-31 >/dev/null
printf '%s\n' "$RH" "extra-2015,예산지킴이,integrated,,총무과,E009,정셋째,president,2015-02-16," >"$D/roster3.csv"
"$LC" import-roster "$db" "$D/roster3.csv" >/dev/null
imp "issue 15: three programs at once: the error names them all" meetings \
  "line 2, column club: club '예산지킴이' is in more than one program running on 2015-03-12: 'extra-2015', 'junggu-2015' and 'learn-2015'; add a column program to say which" 2 \
  "$MH"$'\n'"예산지킴이,2015-03-12,regular,2,,E001"$'\n'
