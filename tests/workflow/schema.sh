#!/usr/bin/env bash
# Schema tests (issue 4): `learnclub init` and its migrations, every CHECK
# constraint and trigger with its exact message, and the database staying
# usable from a plain sqlite3 without the extension (S1 in sql/schema.sql).
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
FIXTURE="$LEARNCLUB_ROOT/tests/workflow/fixtures/small.sql.in"

# --- init ------------------------------------------------------------------------
db=$(newdb schema-init)
out=$("$LC" init "$db" 2>&1); rc=$?
check "init: creates" "$db: created at schema version 5" "$out"
check "init: exit 0" 0 "$rc"
check "init: user_version" 5 "$("$SQLITE3" "$db" 'PRAGMA user_version')"
check "init: tables" "attendance award budget_line budget_plan bureau change_log club committee_place evaluation expense holiday_override indicator indicator_year meeting membership membership_role nomination person person_unit pledge program proposal report score team_call unit" \
  "$("$SQLITE3" "$db" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)")"
out=$("$LC" init "$db" 2>&1); rc=$?
check "init: again is a no-op" "$db: schema version 5, up to date|0" "$out|$rc"

# a database that has holiday_override only (KR5, made by hand) is taken over
db=$(newdb schema-holidays)
"$SQLITE3" "$db" "CREATE TABLE holiday_override(day TEXT PRIMARY KEY, name TEXT, is_holiday INTEGER NOT NULL); INSERT INTO holiday_override VALUES ('2015-08-14', '임시공휴일', 1);"
out=$("$LC" init "$db" 2>&1); rc=$?
check "init: keeps holiday_override rows" "0|1" "$rc|$("$SQLITE3" "$db" 'SELECT count(*) FROM holiday_override')"

# someone else's database, a newer one, a missing folder: refused, untouched
db=$(newdb schema-foreign)
"$SQLITE3" "$db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
before=$("$SQLITE3" "$db" .dump | md5sum)
out=$("$LC" init "$db" 2>&1); rc=$?
check "init: refuses a foreign database" "learnclub init: database '$db' has tables but no learnclub schema version; refusing to touch it|2" "$out|$rc"
check "init: foreign database unchanged" "$before" "$("$SQLITE3" "$db" .dump | md5sum)"
db=$(newdb schema-newer)
"$SQLITE3" "$db" "PRAGMA user_version = 6;"
out=$("$LC" init "$db" 2>&1); rc=$?
check "init: refuses a newer schema" "learnclub init: database '$db' is at schema version 6, newer than this learnclub (5)|2" "$out|$rc"
out=$("$LC" init "$TMPROOT/no/such/dir/x.db" 2>&1); rc=$?
check "init: missing folder" "learnclub init: folder '$TMPROOT/no/such/dir' of database '$TMPROOT/no/such/dir/x.db' does not exist|2" "$out|$rc"
out=$("$LC" init 2>&1); rc=$?
check "init: missing DB argument" "learnclub init: missing argument DB; see 'learnclub help'|2" "$out|$rc"

# --- migration 1 -> 2 keeps every row ----------------------------------------------
db=$(newdb schema-v1)
"$SQLITE3" -bail "$db" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/schema-v2.sql"
"$SQLITE3" -bail "$db" ".read $FIXTURE" "DROP TABLE committee_place; PRAGMA user_version = 1;"
counts="SELECT (SELECT count(*) FROM club), (SELECT count(*) FROM person), (SELECT count(*) FROM meeting), (SELECT count(*) FROM attendance), (SELECT count(*) FROM report), (SELECT count(*) FROM score), (SELECT count(*) FROM nomination), (SELECT count(*) FROM expense)"
before=$("$SQLITE3" "$db" "$counts")
out=$("$LC" init "$db" 2>&1); rc=$?
check "migrate: 1 -> 5" "$db: upgraded from schema version 1 to 5|0" "$out|$rc"
check "migrate: rows kept" "$before" "$("$SQLITE3" "$db" "$counts")"
check "migrate: user_version" 5 "$("$SQLITE3" "$db" 'PRAGMA user_version')"
check "migrate: committee_place made" 1 "$("$SQLITE3" "$db" "SELECT count(*) FROM sqlite_master WHERE name = 'committee_place'")"

# --- migration 3 -> 4 (issue 12): every row kept; the rules move into views (S5) ------
V3="$LEARNCLUB_ROOT/tests/workflow/fixtures/schema-v3.sql"
rows() {  # every row of every table, in rowid order; issue 14's and 15's new tables apart (init logs itself; evaluation,
  # person_unit and membership_role start empty, checked apart);
  # with a second argument, only the columns listed per table in that file (columns a migration adds are checked apart)
  local t cols
  for t in $("$SQLITE3" "$1" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('change_log', 'evaluation', 'person_unit', 'membership_role') ORDER BY name"); do
    cols='*'; [ -n "$2" ] && cols=$(grep "^$t:" "$2" | cut -d: -f2)
    printf '%s\n' "$t"; "$SQLITE3" "$1" "SELECT ${cols:-*} FROM \"$t\" ORDER BY rowid"
  done | md5sum
}
columns() {  # TABLE:col,col,... for every table
  "$SQLITE3" "$1" "SELECT m.name || ':' || group_concat('\"' || c.name || '\"', ',') FROM sqlite_master m, pragma_table_info(m.name) c
                   WHERE m.type = 'table' GROUP BY m.name ORDER BY m.name"
}
objects() {  # columns of every table; views, triggers and indexes as written; each table's triggers in firing order
  # (issue 15: SQLite fires a table's triggers by their order of creation; a migration that rebuilds a
  # table, such as 005's score, makes its triggers again after the others, which changes no firing order)
  "$SQLITE3" "$1" "SELECT m.name || ':' || group_concat(c.name || ' ' || c.type || ' ' || c.\"notnull\" || ' ' || coalesce(c.dflt_value, '') || ' ' || c.pk, ', ')
                   FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' GROUP BY m.name ORDER BY m.name;
                   SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type <> 'table' ORDER BY type, name;
                   SELECT tbl_name || ':' || name FROM sqlite_master WHERE type = 'trigger' ORDER BY tbl_name, rowid;"
}
fresh=$(newdb schema-v4-fresh); "$LC" init "$fresh" >/dev/null
for fixture in small naju-small; do
  db=$(newdb "schema-v3-$fixture")
  "$SQLITE3" -bail "$db" ".read $V3" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/$fixture.sql.in"
  # issue 15 (B2): leave_tiers and trip_tiers move into incentives (checked below)
  columns "$db" | sed 's/"leave_tiers","trip_tiers",//' >"$TMPROOT/v3-columns"; before=$(rows "$db" "$TMPROOT/v3-columns")
  tiers=$("$SQLITE3" "$db" "SELECT group_concat(leave_tiers || '/' || trip_tiers, ' ') FROM program")
  out=$("$LC" init "$db" 2>&1); rc=$?
  check "migrate $fixture: 3 -> 5" "$db: upgraded from schema version 3 to 5|0" "$out|$rc"
  check "migrate $fixture: every row of every table kept" "$before" "$(rows "$db" "$TMPROOT/v3-columns")"
  check "migrate $fixture: issue 15 no dated unit or role yet (person_unit, membership_role empty)" "0|0" \
    "$("$SQLITE3" "$db" "SELECT (SELECT count(*) FROM person_unit) || '|' || (SELECT count(*) FROM membership_role)")"
  check "migrate $fixture: issue 15 (005): leave_tiers and trip_tiers become incentives" \
    "$(printf '%s' "$tiers" | sed 's#최우수,우수/최우수#최우수:leave*2+trip,우수:leave*2#g; s#/##g')" \
    "$("$SQLITE3" "$db" "SELECT group_concat(incentives, ' ') FROM program")"
  check "migrate $fixture: issue 14 person.email and phone empty" "0" \
    "$("$SQLITE3" "$db" "SELECT count(*) FROM person WHERE email IS NOT NULL OR phone IS NOT NULL")"
  check "migrate $fixture: the upgrade is the change log's one row (issue 14, changelog.c CL3)" "init|[\"$db\"]|{}" \
    "$("$SQLITE3" "$db" "SELECT group_concat(command || '|' || args || '|' || changes, ' ') FROM change_log")"
  check "migrate $fixture: the same columns, views, triggers (in the same order) and indexes as a fresh database" \
    "$(objects "$fresh")" "$(objects "$db")"
done
# the example year, written into a version 3 database, upgrades to the very rows
# `make examples` writes into a fresh one
db=$(newdb schema-v3-junggu2015)
sed -E '/^\.read \.\.\/sql\/(schema|rules)\.sql$/d' "$LEARNCLUB_ROOT/examples/junggu2015.sql" >"$TMPROOT/junggu2015-v3.sql"
(cd "$LEARNCLUB_ROOT/examples" && "$SQLITE3" -bail "$db" -cmd ".load $LEARNCLUB_EXT" ".read $V3" ".read $TMPROOT/junggu2015-v3.sql")
check "migrate example: version 3 before" 3 "$("$SQLITE3" "$db" 'PRAGMA user_version')"
"$LC" init "$db" >/dev/null
check "migrate example: the rows of examples/junggu2015.db" "$(rows "$LEARNCLUB_ROOT/examples/junggu2015.db")" "$(rows "$db")"
out=$("$SQLITE3" "$db" "PRAGMA foreign_keys = ON; UPDATE report SET submitted_at = '2015-11-30 23:59' WHERE club_id = 1 AND kind = 'monthly' AND period = '2015-12';" 2>&1 |
      sed -E 's/^(Error: (stepping|in prepare), |Runtime error near line [0-9]+: |Error: near line [0-9]+: |Error: )//; s/ \([0-9]+\)$//')
check "S1 migrate: a plain sqlite3 enforces the new trigger on the upgraded database" "report: submitted before its period began" "$out"

# --- constraints and triggers: exact messages ---------------------------------------
db=$(newdb schema-rules)
"$LC" init "$db" >/dev/null
"$SQLITE3" -bail "$db" ".read $FIXTURE"
dump=$("$SQLITE3" "$db" .dump | md5sum)
while IFS='|' read -r name stmt msg; do
  [ -z "$name" ] && continue
  case "$name" in "#"*) continue ;; esac
  check "$name" "$msg" "$(sql_error "$db" "PRAGMA foreign_keys = ON; BEGIN; $stmt")"
done <<'EOF_CASES'
program code empty|INSERT INTO program(code, name, starts_on, ends_on, reports_from, reports_to) VALUES ('', 'x', '2016-01-01', '2016-12-31', '2016-03', '2016-12')|CHECK constraint failed: program: code must not be empty
program starts_on not a date|INSERT INTO program(code, name, starts_on, ends_on, reports_from, reports_to) VALUES ('x', 'x', '2016-02-30', '2016-12-31', '2016-03', '2016-12')|CHECK constraint failed: program: starts_on must be a date YYYY-MM-DD
program ends_on dotted|INSERT INTO program(code, name, starts_on, ends_on, reports_from, reports_to) VALUES ('x', 'x', '2016-01-01', '2016.12.31.', '2016-03', '2016-12')|CHECK constraint failed: program: ends_on must be a date YYYY-MM-DD
program reports_from month 13|INSERT INTO program(code, name, starts_on, ends_on, reports_from, reports_to) VALUES ('x', 'x', '2016-01-01', '2016-12-31', '2016-13', '2016-12')|CHECK constraint failed: program: reports_from must be a month YYYY-MM
program reports_to a date|INSERT INTO program(code, name, starts_on, ends_on, reports_from, reports_to) VALUES ('x', 'x', '2016-01-01', '2016-12-31', '2016-03', '2016-12-01')|CHECK constraint failed: program: reports_to must be a month YYYY-MM
program ends before it starts|INSERT INTO program(code, name, starts_on, ends_on, reports_from, reports_to) VALUES ('x', 'x', '2016-01-01', '2015-12-31', '2016-03', '2016-12')|CHECK constraint failed: program: ends_on must not be before starts_on
program reports_to before reports_from|INSERT INTO program(code, name, starts_on, ends_on, reports_from, reports_to) VALUES ('x', 'x', '2016-01-01', '2016-12-31', '2016-12', '2016-03')|CHECK constraint failed: program: reports_to must not be before reports_from
program KR7 judges_min too small|INSERT INTO program(code, name, starts_on, ends_on, reports_from, reports_to, judges_min) VALUES ('x', 'x', '2016-01-01', '2016-12-31', '2016-03', '2016-12', 2)|CHECK constraint failed: program: judges_min must be more than drop_high + drop_low
program D4 negative hours cap|INSERT INTO program(code, name, starts_on, ends_on, reports_from, reports_to, hours_cap) VALUES ('x', 'x', '2016-01-01', '2016-12-31', '2016-03', '2016-12', -1)|CHECK constraint failed: program: hours_cap must not be negative
program duplicate code|INSERT INTO program(code, name, starts_on, ends_on, reports_from, reports_to) VALUES ('t2015', 'x', '2016-01-01', '2016-12-31', '2016-03', '2016-12')|UNIQUE constraint failed: program.code
bureau name empty|INSERT INTO bureau(name) VALUES ('')|CHECK constraint failed: bureau: name must not be empty
unit name empty|INSERT INTO unit(name) VALUES ('')|CHECK constraint failed: unit: name must not be empty
unit unknown bureau|INSERT INTO unit(name, bureau_id) VALUES ('x', 99)|unit: refers to a missing bureau row (foreign key)
club name empty|INSERT INTO club(program_id, name, kind, bureau_id) VALUES (1, '', 'bureau', 1)|CHECK constraint failed: club: name must not be empty
club kind|INSERT INTO club(program_id, name, kind, bureau_id) VALUES (1, 'x', 'team', 1)|CHECK constraint failed: club: kind must be bureau or integrated
club JG2 bureau club without bureau|INSERT INTO club(program_id, name, kind) VALUES (1, 'x', 'bureau')|CHECK constraint failed: club: a bureau club names its bureau, an integrated club none (JG2)
club JG2 integrated club with bureau|INSERT INTO club(program_id, name, kind, bureau_id) VALUES (1, 'x', 'integrated', 1)|CHECK constraint failed: club: a bureau club names its bureau, an integrated club none (JG2)
club status|INSERT INTO club(program_id, name, kind, status) VALUES (1, 'x', 'integrated', 'closed')|CHECK constraint failed: club: status must be active or withdrawn
club D6 withdrawn without date|INSERT INTO club(program_id, name, kind, status) VALUES (1, 'x', 'integrated', 'withdrawn')|CHECK constraint failed: club: a withdrawn club has a withdrawn_on date, an active one none (D6)
club D6 active with date|UPDATE club SET withdrawn_on = '2015-06-01' WHERE id = 1|CHECK constraint failed: club: a withdrawn club has a withdrawn_on date, an active one none (D6)
club duplicate name in program|INSERT INTO club(program_id, name, kind) VALUES (1, '다솜', 'integrated')|UNIQUE constraint failed: club.program_id, club.name
club unknown program|INSERT INTO club(program_id, name, kind) VALUES (9, 'x', 'integrated')|club: refers to a missing bureau or program row (foreign key)
person emp_no empty|INSERT INTO person(emp_no, name) VALUES ('', 'x')|CHECK constraint failed: person: emp_no must not be empty
person name empty|INSERT INTO person(emp_no, name) VALUES ('E100', '')|CHECK constraint failed: person: name must not be empty
person duplicate emp_no|INSERT INTO person(emp_no, name) VALUES ('E001', 'x')|UNIQUE constraint failed: person.emp_no
membership role|INSERT INTO person(id, emp_no, name) VALUES (50, 'E050', 'x'); INSERT INTO membership VALUES (3, 50, 'leader', '2015-02-01', NULL)|CHECK constraint failed: membership: role must be president or member
membership joined_on|INSERT INTO person(id, emp_no, name) VALUES (50, 'E050', 'x'); INSERT INTO membership VALUES (3, 50, 'member', '2015-2-1', NULL)|CHECK constraint failed: membership: joined_on must be a date YYYY-MM-DD
membership left_on|INSERT INTO person(id, emp_no, name) VALUES (50, 'E050', 'x'); INSERT INTO membership VALUES (3, 50, 'member', '2015-02-01', '2015-02-29')|CHECK constraint failed: membership: left_on must be a date YYYY-MM-DD
membership left before joined|INSERT INTO person(id, emp_no, name) VALUES (50, 'E050', 'x'); INSERT INTO membership VALUES (3, 50, 'member', '2015-03-01', '2015-02-01')|CHECK constraint failed: membership: left_on must not be before joined_on
membership second president|INSERT INTO person(id, emp_no, name) VALUES (50, 'E050', 'x'); INSERT INTO membership VALUES (3, 50, 'president', '2015-03-01', NULL)|membership: the club already has a president for these dates
membership second president by update|UPDATE membership SET role = 'president' WHERE person_id = 7|membership: the club already has a president for these dates
membership JG2 two clubs at once|INSERT INTO membership VALUES (2, 1, 'member', '2015-03-01', NULL)|membership: the person would be in more clubs of this program at once than its clubs_per_person (W-D2, O6)
membership unknown person|INSERT INTO membership VALUES (2, 99, 'member', '2015-03-01', NULL)|membership: refers to a missing club or person row (foreign key)
meeting held_on|INSERT INTO meeting(club_id, held_on, hours) VALUES (1, '2015.3.12.', 2)|CHECK constraint failed: meeting: held_on must be a date YYYY-MM-DD
meeting D4 negative hours|INSERT INTO meeting(club_id, held_on, hours) VALUES (1, '2015-03-13', -2)|CHECK constraint failed: meeting: hours must be more than 0 and at most 24 (D4)
meeting D4 zero hours|INSERT INTO meeting(club_id, held_on, hours) VALUES (1, '2015-03-13', 0)|CHECK constraint failed: meeting: hours must be more than 0 and at most 24 (D4)
meeting D4 25 hours|INSERT INTO meeting(club_id, held_on, hours) VALUES (1, '2015-03-13', 25)|CHECK constraint failed: meeting: hours must be more than 0 and at most 24 (D4)
meeting D4 hours as text|INSERT INTO meeting(club_id, held_on, hours) VALUES (1, '2015-03-13', 'two')|CHECK constraint failed: meeting: hours must be more than 0 and at most 24 (D4)
meeting JG5 kind|INSERT INTO meeting(club_id, held_on, hours, kind) VALUES (1, '2015-03-13', 2, 'party')|CHECK constraint failed: meeting: kind must be regular or extra (JG5)
meeting JG1 outside the program|INSERT INTO meeting(club_id, held_on, hours) VALUES (1, '2016-01-14', 2)|meeting: held_on is outside the club's program
meeting JG1 moved outside the program|UPDATE meeting SET held_on = '2015-01-31' WHERE id = 1|meeting: held_on is outside the club's program
meeting D6 after withdrawal|INSERT INTO meeting(club_id, held_on, hours) VALUES (4, '2015-06-10', 2)|meeting: the club had withdrawn by then (D6)
meeting duplicate|INSERT INTO meeting(club_id, held_on, hours) VALUES (1, '2015-03-12', 2)|UNIQUE constraint failed: meeting.club_id, meeting.held_on, meeting.kind
meeting unknown club|INSERT INTO meeting(club_id, held_on, hours) VALUES (99, '2015-03-12', 2)|meeting: refers to a missing club row (foreign key)
attendance non-member|INSERT INTO attendance VALUES (1, 4)|attendance: the person is not a member of the club on the meeting's day
attendance after leaving|INSERT INTO meeting(id, club_id, held_on, hours) VALUES (40, 3, '2015-07-01', 2); UPDATE membership SET left_on = '2015-06-30' WHERE person_id = 7; INSERT INTO attendance VALUES (40, 7)|attendance: the person is not a member of the club on the meeting's day
attendance unknown meeting|INSERT INTO attendance VALUES (99, 1)|attendance: refers to a missing meeting or person row (foreign key)
report kind|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (1, 'weekly', '2015-04', '2015-05-04')|CHECK constraint failed: report: kind must be monthly or research
report D2 submitted_at with offset|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (1, 'monthly', '2015-04', '2015-05-04T10:00+09:00')|CHECK constraint failed: report: submitted_at must be YYYY-MM-DD[ HH:MM[:SS]] in Korean time (D2)
report D2 submitted_at hour 25|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (1, 'monthly', '2015-04', '2015-05-04 25:00')|CHECK constraint failed: report: submitted_at must be YYYY-MM-DD[ HH:MM[:SS]] in Korean time (D2)
report D2 submitted_at not a date|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (1, 'monthly', '2015-04', '2015-04-31')|CHECK constraint failed: report: submitted_at must be YYYY-MM-DD[ HH:MM[:SS]] in Korean time (D2)
report JG6 monthly period as half|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (1, 'monthly', '2015-H1', '2015-07-04')|CHECK constraint failed: report: period must be YYYY-MM for a monthly report, YYYY-H1 or YYYY-H2 for a research report
report JG7 research period as month|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (1, 'research', '2015-07', '2015-07-04')|CHECK constraint failed: report: period must be YYYY-MM for a monthly report, YYYY-H1 or YYYY-H2 for a research report
# Issue 12: a trigger on the view report_span (the period's days, S5) now, no longer a CHECK
report before its period|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (1, 'monthly', '2015-06', '2015-05-31 23:00')|report: submitted before its period began
report research before its half|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (1, 'research', '2015-H2', '2015-06-30')|report: submitted before its period began
report moved before its period|UPDATE report SET submitted_at = '2015-04-30 23:59' WHERE id = 5|report: submitted before its period began
report H2 on its first day|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (2, 'research', '2015-H2', '2015-07-01 00:00')|
report December on its last day|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (2, 'monthly', '2015-12', '2015-12-31')|
report JG6 duplicate|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (1, 'monthly', '2015-05', '2015-06-09')|report: the club already filed this report for this period
report JG6 duplicate by update|UPDATE report SET period = '2015-03' WHERE club_id = 1 AND period = '2015-05'|report: the club already filed this report for this period
report JG6 February not asked|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (1, 'monthly', '2015-02', '2015-03-04')|report: the club's program asks for no report for this period
report JG7 half outside the program|INSERT INTO report(club_id, kind, period, submitted_at) VALUES (1, 'research', '2016-H1', '2016-06-30')|report: the club's program asks for no report for this period
score period|INSERT INTO score(club_id, period, judge, criterion, points) VALUES (1, '2015-07', 'A', '성과', 40)|CHECK constraint failed: score: period must be YYYY-H1 or YYYY-H2
score judge empty|INSERT INTO score(club_id, period, judge, criterion, points) VALUES (1, '2015-H2', '', '성과', 40)|CHECK constraint failed: score: judge must not be empty
score criterion empty|INSERT INTO score(club_id, period, judge, criterion, points) VALUES (1, '2015-H2', 'A', '', 40)|CHECK constraint failed: score: criterion must not be empty
score points above 100|INSERT INTO score(club_id, period, judge, criterion, points) VALUES (1, '2015-H2', 'A', '성과', 101)|CHECK constraint failed: score: points must be a number from 0 to 100
score points negative|INSERT INTO score(club_id, period, judge, criterion, points) VALUES (1, '2015-H2', 'A', '성과', -1)|CHECK constraint failed: score: points must be a number from 0 to 100
score points text|INSERT INTO score(club_id, period, judge, criterion, points) VALUES (1, '2015-H2', 'A', '성과', 'good')|CHECK constraint failed: score: points must be a number from 0 to 100
score duplicate|INSERT INTO score(club_id, period, judge, criterion, points) VALUES (1, '2015-H1', 'A', '성과', 40)|UNIQUE constraint failed: score.club_id, score.period, score.stage, score.panel, score.judge, score.criterion
committee_place D3 period|INSERT INTO committee_place VALUES (2, '2015', 1, NULL)|CHECK constraint failed: committee_place: period must be YYYY-H1 or YYYY-H2
committee_place D3 place zero|INSERT INTO committee_place VALUES (2, '2015-H1', 0, NULL)|CHECK constraint failed: committee_place: place must be a positive integer
award period|INSERT INTO award VALUES (1, 'H1', 1, '최우수', 500000)|CHECK constraint failed: award: period must be YYYY-H1 or YYYY-H2
award rank|INSERT INTO award VALUES (1, '2015-H2', 1.5, '최우수', 500000)|CHECK constraint failed: award: rank must be a positive integer
award prize|INSERT INTO award VALUES (1, '2015-H2', 1, '최우수', -500000)|CHECK constraint failed: award: prize must not be negative
nomination period|INSERT INTO nomination VALUES (1, '2015', 2, NULL)|CHECK constraint failed: nomination: period must be YYYY-H1 or YYYY-H2
nomination JG10 third|INSERT INTO nomination VALUES (1, '2015-H1', 2, NULL)|nomination: a club nominates at most 2 top contributors a half-year (JG10)
nomination JG10 third by update|INSERT INTO nomination VALUES (1, '2015-H2', 2, NULL); UPDATE nomination SET period = '2015-H1' WHERE period = '2015-H2'|nomination: a club nominates at most 2 top contributors a half-year (JG10)
expense spent_on|INSERT INTO expense(club_id, spent_on, kind, amount) VALUES (1, '2015-13-01', 'books', 1000)|CHECK constraint failed: expense: spent_on must be a date YYYY-MM-DD
expense JG12 kind|INSERT INTO expense(club_id, spent_on, kind, amount) VALUES (1, '2015-05-01', 'dinner', 1000)|CHECK constraint failed: expense: kind must be advisory, books, prize or other (JG12)
expense amount zero|INSERT INTO expense(club_id, spent_on, kind, amount) VALUES (1, '2015-05-01', 'books', 0)|CHECK constraint failed: expense: amount must be a positive integer (KRW)
expense amount fraction|INSERT INTO expense(club_id, spent_on, kind, amount) VALUES (1, '2015-05-01', 'books', 10.5)|CHECK constraint failed: expense: amount must be a positive integer (KRW)
holiday_override KR5 bad day|INSERT INTO holiday_override VALUES ('2015-02-30', 'x', 1)|holiday_override: day must be a date YYYY-MM-DD and is_holiday 0 or 1 (KR5)
holiday_override KR5 bad flag|INSERT INTO holiday_override VALUES ('2015-08-14', 'x', 2)|holiday_override: day must be a date YYYY-MM-DD and is_holiday 0 or 1 (KR5)
bureau duplicate name|INSERT INTO bureau(name) VALUES ('기획재정국')|UNIQUE constraint failed: bureau.name
unit duplicate name|INSERT INTO unit(name) VALUES ('총무과')|UNIQUE constraint failed: unit.name
# Issue 12: version 3's trigger counted the moved row itself as the other club, so a
# person could not be moved at all; a move that leaves one membership is allowed now
membership JG2 moved to another club: allowed|UPDATE membership SET club_id = 2 WHERE person_id = 7|
membership JG2 two clubs by update|INSERT INTO membership VALUES (1, 9, 'member', '2015-06-01', NULL); UPDATE membership SET left_on = '2015-06-01' WHERE club_id = 4 AND person_id = 9|membership: the person would be in more clubs of this program at once than its clubs_per_person (W-D2, O6)
membership JG2 one club after another: allowed|INSERT INTO membership VALUES (1, 9, 'member', '2015-06-01', NULL)|
meeting D6 moved after withdrawal|UPDATE meeting SET held_on = '2015-06-26' WHERE id = 13|meeting: the club had withdrawn by then (D6)
attendance moved to another club's meeting|UPDATE attendance SET meeting_id = 6 WHERE meeting_id = 1 AND person_id = 2|attendance: the person is not a member of the club on the meeting's day
report JG6 moved to a month not asked for|UPDATE report SET period = '2016-01' WHERE id = 5|report: the club's program asks for no report for this period
holiday_override KR5 bad update|INSERT INTO holiday_override VALUES ('2015-08-14', '임시공휴일', 1); UPDATE holiday_override SET day = '2015-08-32'|holiday_override: day must be a date YYYY-MM-DD and is_holiday 0 or 1 (KR5)
EOF_CASES
check "rules: nothing was written" "$dump" "$("$SQLITE3" "$db" .dump | md5sum)"

# --- S1: a plain sqlite3, no extension, reads and writes the file -------------------
out=$("$SQLITE3" -bail "$db" "PRAGMA foreign_keys = ON; INSERT INTO report(club_id, kind, period, submitted_at) VALUES (3, 'monthly', '2015-05', '2015-06-10'); SELECT count(*) FROM report; PRAGMA integrity_check; PRAGMA foreign_key_check;" 2>&1)
check "S1 plain sqlite3 writes and checks" $'9\nok' "$out"
