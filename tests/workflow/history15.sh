#!/usr/bin/env bash
# Issue 15 (helper A): history that stays true. A person's unit is dated, a
# role is dated, a person may leave a club and join it again (stints), and
# every report shows the unit and the role of the day that matters
# (sql/rules.sql person_unit_span and membership_span; import-roster IR5, IR9).
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
D="$TMPROOT/history15"; mkdir -p "$D"
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
hours_units() {  # emp_no:unit of `hours` for a half-year, as CSV without the header
  "$LC" hours "$db" "$1" --as-of 2016-12-31 --format csv | tail -n +2 | tr -d '"' | cut -d, -f1,3 | tr ',\n' ': ' | sed 's/ $//'
}
RH="program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on"
MH="club,held_on,kind,hours,topic,attendees"

# A 2015 roster: 김예산 president, 이절감 in 재무과, 박회원 a member.
printf '%s\n' "$RH" \
  "junggu-2015,예산지킴이,bureau,기획재정국,기획예산과,E001,김예산,president,2015-02-16," \
  "junggu-2015,예산지킴이,bureau,기획재정국,재무과,E002,이절감,member,2015-02-16," \
  "junggu-2015,예산지킴이,bureau,기획재정국,세무1과,E003,박회원,member,2015-02-16," >"$D/roster2015.csv"
printf '%s\n' "$MH" \
  "예산지킴이,2015-03-12,regular,2,3월,E001 E002 E003" \
  "예산지킴이,2015-04-09,regular,2,4월,E001 E002" \
  "예산지킴이,2015-09-10,regular,2,9월,E001 E002" >"$D/meetings2015.csv"
# The 2016 roster: 이절감 moved to 기획예산과.
printf '%s\n' "$RH" \
  "junggu-2016,예산지킴이,bureau,기획재정국,기획예산과,E001,김예산,president,2016-02-15," \
  "junggu-2016,예산지킴이,bureau,기획재정국,기획예산과,E002,이절감,member,2016-02-15," >"$D/roster2016.csv"
printf '%s\n' "$MH" "예산지킴이,2016-03-10,regular,2,3월,E001 E002" >"$D/meetings2016.csv"

# --- a person's unit is dated ----------------------------------------------------
db=$(newdb history-units)
"$LC" init "$db" >/dev/null
"$LC" import-roster "$db" "$D/roster2015.csv" >/dev/null 2>&1
"$LC" import-meetings "$db" "$D/meetings2015.csv" >/dev/null
check "issue 15: a person's unit is dated: the 2015 hours file before 2016" "E001:기획예산과 E002:재무과 E003:세무1과" "$(hours_units 2015-H1)"
"$LC" import-roster "$db" "$D/roster2016.csv" >/dev/null 2>&1
"$LC" import-meetings "$db" "$D/meetings2016.csv" >/dev/null
check "issue 15: a person's unit is dated: importing the 2016 roster with a member moved to 기획예산과 leaves the 2015 hours file at 재무과" \
  "E001:기획예산과 E002:재무과 E003:세무1과" "$(hours_units 2015-H1)"
check "issue 15: a person's unit is dated: the 2016 hours file shows 기획예산과" "E001:기획예산과 E002:기획예산과" "$(hours_units 2016-H1)"
check "issue 15: the dated units stored (person_unit: the file's unit from joined_on, a change only)" \
  "E001|2015-02-16|기획예산과 E002|2015-02-16|재무과 E002|2016-02-15|기획예산과 E003|2015-02-16|세무1과" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT pe.emp_no || '|' || d.since || '|' || u.name AS x FROM person_unit d JOIN person pe ON pe.id = d.person_id JOIN unit u ON u.id = d.unit_id ORDER BY pe.emp_no, d.since)")"
check "issue 15: the undated unit is the one the first file gave (person.unit_id)" "재무과" \
  "$(q "SELECT u.name FROM person pe JOIN unit u ON u.id = pe.unit_id WHERE pe.emp_no = 'E002'")"
before=$(dump "$db")
"$LC" import-roster "$db" "$D/roster2015.csv" >/dev/null 2>&1
"$LC" import-roster "$db" "$D/roster2016.csv" >/dev/null 2>&1
check "issue 15: importing both rosters again changes nothing" "$before" "$(dump "$db")"
check "issue 15: a person's unit is dated: list people --period 2015 shows the unit on 2015-12-31" "E002,이절감,재무과" \
  "$("$LC" list "$db" people --period 2015 --format csv | tr -d '"' | grep '^E002' | cut -d, -f1-3)"
check "issue 15: a person's unit is dated: list people without --period shows the latest unit" "E002,이절감,기획예산과" \
  "$("$LC" list "$db" people --format csv | tr -d '"' | grep '^E002' | cut -d, -f1-3)"
"$LC" report "$db" 2015 --html "$D/r2015.html" >/dev/null 2>&1
check "issue 15: a person's unit is dated: the 2015 HTML report's hours per unit (RH3) show 재무과, and no 2016 unit" "재무과|" \
  "$(grep -o '>재무과<' "$D/r2015.html" | head -n 1 | tr -d '<>')|$(grep -o '>기획예산과[^<]*<' "$D/r2015.html" | grep -v '기획예산과<' | head -n 1)"

# an older roster imported after a newer one dates its own unit, and keeps the newer
db=$(newdb history-units-older)
"$LC" init "$db" >/dev/null
"$LC" import-roster "$db" "$D/roster2016.csv" >/dev/null 2>&1
"$LC" import-roster "$db" "$D/roster2015.csv" >/dev/null 2>&1
"$LC" import-meetings "$db" "$D/meetings2015.csv" >/dev/null
"$LC" import-meetings "$db" "$D/meetings2016.csv" >/dev/null
check "issue 15: a person's unit is dated: the 2016 roster imported first, then 2015: 2015 hours at 재무과" "E001:기획예산과 E002:재무과 E003:세무1과" "$(hours_units 2015-H1)"
check "issue 15: a person's unit is dated: the 2016 roster imported first, then 2015: 2016 hours at 기획예산과" "E001:기획예산과 E002:기획예산과" "$(hours_units 2016-H1)"

# a move within the year: the optional column since (IR9)
db=$(newdb history-since)
"$LC" init "$db" >/dev/null
"$LC" import-roster "$db" "$D/roster2015.csv" >/dev/null 2>&1
"$LC" import-meetings "$db" "$D/meetings2015.csv" >/dev/null
printf '%s\n' "$RH,since" "junggu-2015,예산지킴이,bureau,기획재정국,감사담당관,E002,이절감,member,2015-02-16,,2015-07-01" >"$D/move.csv"
run "IR9 a unit that changes within the year, from since" 0 "$D/move.csv: 1 rows: 1 clubs, 1 people" import-roster "$db" "$D/move.csv"
check "issue 15: every report shows the unit on the last day of the half-year for hours: H1" "E001:기획예산과 E002:재무과 E003:세무1과" "$(hours_units 2015-H1)"
check "issue 15: every report shows the unit on the last day of the half-year for hours: H2" "E001:기획예산과 E002:감사담당관" "$(hours_units 2015-H2)"
unit_on() { q "SELECT count(*) || ':' || coalesce(group_concat(u.name), '') FROM person_unit_span s JOIN person pe ON pe.id = s.person_id LEFT JOIN unit u ON u.id = s.unit_id
                WHERE pe.emp_no = 'E002' AND '$1' BETWEEN s.first_day AND s.last_day"; }
check "issue 15: person_unit_span: exactly one row covers each day, with the unit of that day" \
  "1:재무과 1:재무과 1:재무과 1:감사담당관 1:감사담당관" "$(unit_on 0001-01-01) $(unit_on 2015-02-16) $(unit_on 2015-06-30) $(unit_on 2015-07-01) $(unit_on 9999-12-31)"

# incentives: the unit on the half-year's last day (IN6)
q "INSERT INTO award VALUES ((SELECT id FROM club WHERE name = '예산지킴이'), '2015-H1', 1, '최우수', 500000);
   INSERT INTO nomination VALUES ((SELECT id FROM club WHERE name = '예산지킴이'), '2015-H1', (SELECT id FROM person WHERE emp_no = 'E002'), NULL);"
check "issue 15: incentives show the unit on the half-year's last day (IN6)" "special_leave,E002,재무과 overseas_trip,E002,재무과" \
  "$("$LC" incentives "$db" 2015-H1 --as-of 2015-12-31 --format csv | tr -d '"' | grep E002 | cut -d, -f1,4,6 | tr '\n' ' ' | sed 's/ $//')"

# bad since values (IR9)
bad "IR9 since: not a date" roster "line 2, column since: invalid date '2015-13-01'; expected YYYY-MM-DD; nothing imported" \
  "$RH,since"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,재무과,E002,이절감,member,2015-02-16,,2015-13-01"$'\n'
bad "IR9 since: before joined_on" roster "line 2, column since: 2015-02-01 is before joined_on; nothing imported" \
  "$RH,since"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,재무과,E002,이절감,member,2015-02-16,,2015-02-01"$'\n'
bad "IR9 since: after left_on" roster "line 2, column since: 2015-07-01 is after left_on; nothing imported" \
  "$RH,since"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,재무과,E002,이절감,member,2015-02-16,2015-06-30,2015-07-01"$'\n'
bad "IR9 two units for one person from one day" roster "line 3, column unit: emp_no E002 is in unit '재무과' from 2015-07-01 on line 2; nothing imported" \
  "$RH,since"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,재무과,E002,이절감,member,2015-02-16,,2015-07-01"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,총무과,E002,이절감,member,2015-02-16,,2015-07-01"$'\n'
bad "IR9 one stint, one since, twice" roster "line 3, column since: emp_no E002 in club '예산지킴이' is given for 2015-07-01 on line 2 too; nothing imported" \
  "$RH,since"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,재무과,E002,이절감,member,2015-02-16,,2015-07-01"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,재무과,E002,이절감,president,2015-02-16,,2015-07-01"$'\n'

# --- a role is dated -------------------------------------------------------------
db=$(newdb history-roles)
"$LC" init "$db" >/dev/null
"$LC" import-roster "$db" "$D/roster2015.csv" >/dev/null 2>&1
president() { "$LC" monthly-check "$db" "$1" --as-of 2015-12-31 --format csv | tail -n +2 | tr -d '"' | cut -d, -f2; }
check "issue 15: monthly-check for March before the change: 김예산" "김예산" "$(president 2015-03)"
printf '%s\n' "$RH,since" \
  "junggu-2015,예산지킴이,bureau,기획재정국,기획예산과,E001,김예산,member,2015-02-16,,2015-04-01" \
  "junggu-2015,예산지킴이,bureau,기획재정국,재무과,E002,이절감,president,2015-02-16,,2015-04-01" >"$D/president.csv"
run "issue 15: a change of president in the roster, from since" 0 "$D/president.csv: 2 rows: 1 clubs, 2 people" import-roster "$db" "$D/president.csv"
check "issue 15: a role is dated: monthly-check for March shows March's president" "김예산" "$(president 2015-03)"
check "issue 15: a role is dated: monthly-check for April shows April's president" "이절감" "$(president 2015-04)"
check "issue 15: a role is dated: the stints keep their own roles, the change is a dated row" \
  "E001|president E002|member E003|member / E001|2015-04-01|member E002|2015-04-01|president" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT pe.emp_no || '|' || m.role AS x FROM membership m JOIN person pe ON pe.id = m.person_id ORDER BY pe.emp_no)") / $(q "SELECT group_concat(x, ' ') FROM (SELECT pe.emp_no || '|' || r.since || '|' || r.role AS x FROM membership_role r JOIN person pe ON pe.id = r.person_id ORDER BY pe.emp_no)")"
"$LC" import-roster "$db" "$D/roster2015.csv" >/dev/null 2>&1
check "issue 15: a role is dated: the original roster imported again does not rewrite April" "김예산|이절감" "$(president 2015-03)|$(president 2015-04)"
check "issue 15: a role is dated: list members for March and for April" "president,E001 president,E002" \
  "$("$LC" list "$db" members --period 2015-03 --format csv | grep ',president,' | cut -d, -f4,2 | awk -F, '{print $2","$1}') $("$LC" list "$db" members --period 2015-04 --format csv | grep ',president,' | cut -d, -f4,2 | awk -F, '{print $2","$1}')"
check "issue 15: a role is dated: teams names everyone who was president" '"김예산, 이절감"' \
  "$("$LC" teams "$db" 2015 --format csv | grep -o '"김예산[^"]*"')"
bad "issue 15: two presidents from one day in one file" roster "line 3, column role: club '예산지킴이' already has a president on line 2; nothing imported" \
  "$RH,since"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,재무과,E002,이절감,president,2015-02-16,,2015-08-01"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,세무1과,E003,박회원,president,2015-02-16,,2015-08-01"$'\n'
# the schema's rules (S1: a plain sqlite3 too)
check "issue 15: a dated role outside every stint is refused" "membership_role: since must fall within a stint of the person in the club, after its joined_on" \
  "$(sql_error "$db" "INSERT INTO membership_role VALUES (1, (SELECT id FROM person WHERE emp_no = 'E003'), '2015-02-16', 'member')")"
check "issue 15: a dated role that makes a second president is refused" "membership: the club already has a president for these dates" \
  "$(sql_error "$db" "INSERT INTO membership_role VALUES (1, (SELECT id FROM person WHERE emp_no = 'E003'), '2015-05-01', 'president')")"
check "issue 15: a dated role for a missing person is refused (foreign key by trigger)" "membership_role: refers to a missing club or person row (foreign key)" \
  "$(sql_error "$db" "INSERT INTO membership_role VALUES (99, 1, '2015-05-01', 'member')")"
check "issue 15: a dated unit for a missing unit is refused (foreign key by trigger)" "person_unit: refers to a missing person or unit row (foreign key)" \
  "$(sql_error "$db" "INSERT INTO person_unit VALUES (1, '2015-05-01', 99)")"
check "issue 15: person_unit since must be a date" "CHECK constraint failed: person_unit: since must be a date YYYY-MM-DD" \
  "$(sql_error "$db" "INSERT INTO person_unit VALUES (1, '2015-02-30', NULL)")"
check "issue 15: membership_role role must be president or member" "CHECK constraint failed: membership_role: role must be president or member" \
  "$(sql_error "$db" "INSERT INTO membership_role VALUES (1, 1, '2015-05-01', 'leader')")"

# --- a person may leave a club and join it again ---------------------------------
db=$(newdb history-stints)
"$LC" init "$db" >/dev/null
printf '%s\n' "$RH" \
  "junggu-2015,예산지킴이,bureau,기획재정국,기획예산과,E001,김예산,president,2015-02-16," \
  "junggu-2015,예산지킴이,bureau,기획재정국,세무1과,E003,박회원,member,2015-02-16,2015-05-31" >"$D/stint1.csv"
"$LC" import-roster "$db" "$D/stint1.csv" >/dev/null 2>&1
printf '%s\n' "$MH" "예산지킴이,2015-03-12,regular,2,3월,E001 E003" >"$D/m-march.csv"
"$LC" import-meetings "$db" "$D/m-march.csv" >/dev/null
printf '%s\n' "$RH" "junggu-2015,예산지킴이,bureau,기획재정국,세무1과,E003,박회원,member,2015-09-01," >"$D/stint2.csv"
run "issue 15: a person may leave a club and join it again: the second stint is imported" 0 "$D/stint2.csv: 1 rows: 1 clubs, 1 people" import-roster "$db" "$D/stint2.csv"
check "issue 15: several stints are kept: the second stint no longer overwrites the first" "2015-02-16|2015-05-31 2015-09-01|" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT m.joined_on || '|' || coalesce(m.left_on, '') AS x FROM membership m JOIN person pe ON pe.id = m.person_id WHERE pe.emp_no = 'E003' ORDER BY m.joined_on)")"
run "issue 15: after the second stint, the original meetings file imports again" 0 "$D/m-march.csv: 1 meetings, 2 attendances" import-meetings "$db" "$D/m-march.csv"
printf '%s\n' "$MH" "예산지킴이,2015-07-09,regular,2,7월,E001 E003" >"$D/m-july.csv"
run "issue 15: attendance is checked against the stint it falls in: between the stints" 2 \
  "learnclub import-meetings: $D/m-july.csv: line 2, column attendees: emp_no E003 is not a member of club '예산지킴이' on 2015-07-09; nothing imported" import-meetings "$db" "$D/m-july.csv"
printf '%s\n' "$MH" "예산지킴이,2015-09-10,regular,2,9월,E001 E003" >"$D/m-sept.csv"
run "issue 15: attendance is checked against the stint it falls in: in the second stint" 0 "$D/m-sept.csv: 1 meetings, 2 attendances" import-meetings "$db" "$D/m-sept.csv"
check "issue 15: attendance between the stints is refused by the schema too (attendance_not_member)" "attendance: the person is not a member of the club on the meeting's day" \
  "$(sql_error "$db" "INSERT INTO meeting(id, club_id, held_on, hours) VALUES (90, 1, '2015-08-13', 2); INSERT INTO attendance VALUES (90, (SELECT id FROM person WHERE emp_no = 'E003'))")"
check "issue 15: stints of one person in one club must not overlap (trigger)" "membership: the person's stints in this club overlap" \
  "$(sql_error "$db" "INSERT INTO membership VALUES (1, (SELECT id FROM person WHERE emp_no = 'E003'), 'member', '2015-05-01', '2015-06-30')")"
check "issue 15: stints must not overlap, also by update" "membership: the person's stints in this club overlap" \
  "$(sql_error "$db" "UPDATE membership SET left_on = NULL WHERE joined_on = '2015-02-16' AND person_id = (SELECT id FROM person WHERE emp_no = 'E003')")"
check "issue 15: a person with two stints counts once in the team's size and the club list" "2|2" \
  "$(q "SELECT size FROM team_composition WHERE club_id = 1")|$("$LC" list "$db" clubs --format csv | tail -n 1 | awk -F, '{print $(NF-1)}')"
check "issue 15: list members: a row per stint" "E003,2015-02-16,2015-05-31 E003,2015-09-01," \
  "$("$LC" list "$db" members --format csv | grep E003 | cut -d, -f2,5,6 | tr '\n' ' ' | sed 's/ $//')"
bad "issue 15: two stints of one person in one club that overlap, in one file" roster \
  "line 3, column joined_on: emp_no E003 has a stint in club '예산지킴이' on line 2 that overlaps this one; nothing imported" \
  "$RH"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,세무1과,E003,박회원,member,2015-02-16,2015-05-31"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,세무1과,E003,박회원,member,2015-05-01,"$'\n'
bad "issue 15: rows of one stint agree on left_on" roster \
  "line 3, column left_on: emp_no E003's stint in club '예산지킴이' from 2015-02-16 ends differently on line 2; nothing imported" \
  "$RH,since"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,세무1과,E003,박회원,member,2015-02-16,2015-05-31,"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,세무1과,E003,박회원,member,2015-02-16,2015-06-30,2015-04-01"$'\n'

# a wrong joined_on is corrected by the next file (the one stored stint it overlaps)
printf '%s\n' "$RH" "junggu-2015,예산지킴이,bureau,기획재정국,기획예산과,E001,김예산,president,2015-03-02," >"$D/fix.csv"
"$LC" import-roster "$db" "$D/fix.csv" >/dev/null 2>&1
check "IR5 a joined_on not stored corrects the one stored stint it overlaps" "2015-03-02|" \
  "$(q "SELECT group_concat(m.joined_on || '|' || coalesce(m.left_on, ''), ' ') FROM membership m JOIN person pe ON pe.id = m.person_id WHERE pe.emp_no = 'E001'")"

# a move between clubs within a year, written in one roster file
db=$(newdb history-move)
"$LC" init "$db" >/dev/null
"$LC" program-add "$db" junggu-2015 --name 중구 --from 2015-01-01 --to 2015-12-31 >/dev/null
printf '%s\n' "$RH" \
  "junggu-2015,예산지킴이,bureau,기획재정국,기획예산과,E001,김예산,president,2015-02-16," \
  "junggu-2015,세입발굴단,bureau,기획재정국,세무1과,E004,최세입,president,2015-02-16," \
  "junggu-2015,세입발굴단,bureau,기획재정국,세무1과,E003,박회원,member,2015-07-01," \
  "junggu-2015,예산지킴이,bureau,기획재정국,세무1과,E003,박회원,member,2015-02-16,2015-06-30" >"$D/move-clubs.csv"
run "issue 15: a move between clubs within a year can be written in one roster file" 0 "$D/move-clubs.csv: 4 rows: 2 clubs, 3 people" import-roster "$db" "$D/move-clubs.csv"
printf '%s\n' "$MH" "예산지킴이,2015-03-12,regular,2,,E001 E003" "세입발굴단,2015-08-13,regular,2,,E004 E003" >"$D/m-move.csv"
run "issue 15: the moved member attends each club in its own months" 0 "$D/m-move.csv: 2 meetings, 4 attendances" import-meetings "$db" "$D/m-move.csv"
bad "issue 15: a move between clubs whose stints overlap is refused (JG2)" roster \
  "line 3, column club: emp_no E003 is already in club '세입발굴단' on line 2; nothing imported" \
  "$RH"$'\n'"junggu-2015,세입발굴단,bureau,기획재정국,세무1과,E003,박회원,member,2015-06-01,"$'\n'"junggu-2015,예산지킴이,bureau,기획재정국,세무1과,E003,박회원,member,2015-02-16,2015-06-30"$'\n'

# --- learnclub check reads the new rules' views (CK3) -----------------------------
db=$(newdb history-check)
cp "$TMPROOT/history-stints.db" "$db"
"$SQLITE3" "$db" "DROP TRIGGER membership_stints_insert; DROP TRIGGER membership_role_stint_insert;
  INSERT INTO membership VALUES (1, (SELECT id FROM person WHERE emp_no = 'E003'), 'member', '2015-05-01', '2015-06-30');
  INSERT INTO membership_role VALUES (1, (SELECT id FROM person WHERE emp_no = 'E003'), '2015-07-15', 'member');"
out=$("$LC" check "$db" --format csv 2>&1); rc=$?
p3=$("$SQLITE3" "$db" "SELECT id FROM person WHERE emp_no = 'E003'")
check "issue 15: check lists overlapping stints and a dated role outside every stint, a finding" \
  "rules,membership,\"club_id 1, person_id $p3, joined_on 2015-02-16\",\"membership: the person's stints in this club overlap\"
rules,membership,\"club_id 1, person_id $p3, joined_on 2015-05-01\",\"membership: the person's stints in this club overlap\"
rules,membership_role,\"club_id 1, person_id $p3, since 2015-07-15\",\"membership_role: since must fall within a stint of the person in the club, after its joined_on\"|1" \
  "$(printf '%s' "$out" | grep -v '^check,')|$rc"

# a corrected stint keeps only the dated roles that still fall within it
db=$(newdb history-correct-roles)
"$LC" init "$db" >/dev/null
"$LC" import-roster "$db" "$D/roster2015.csv" >/dev/null 2>&1
"$LC" import-roster "$db" "$D/president.csv" >/dev/null 2>&1
q "INSERT INTO membership_role VALUES (1, (SELECT id FROM person WHERE emp_no = 'E003'), '2015-03-01', 'member')"
printf '%s\n' "$RH" "junggu-2015,예산지킴이,bureau,기획재정국,세무1과,E003,박회원,member,2015-05-01," >"$D/e3-fix.csv"
"$LC" import-roster "$db" "$D/e3-fix.csv" >/dev/null 2>&1
check "IR5 a stint corrected to start later drops its dated roles before the new joined_on" "2015-05-01|0|0" \
  "$(q "SELECT m.joined_on FROM membership m JOIN person pe ON pe.id = m.person_id WHERE pe.emp_no = 'E003'")|$(q "SELECT count(*) FROM membership_role r JOIN person pe ON pe.id = r.person_id WHERE pe.emp_no = 'E003'")|$("$LC" check "$db" --format csv | grep -c membership_role)"
