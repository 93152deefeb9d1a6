#!/usr/bin/env bash
# Issue 14 (H3): `learnclub check DB` (sql/check.sql CK1-CK3): integrity,
# foreign keys and every rule re-checked on every row, for rows a plain
# sqlite3 may have written; exit 1 with the list when something is off.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
w="$TMPROOT/check"; rm -rf "$w"; mkdir -p "$w"
db="$w/db.db"
cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"
out=$("$LC" check "$db" 2>&1); rc=$?
check "a sound database: (no rows), exit 0" "(no rows)|0" "$out|$rc"
check "a sound database, csv: the header" "check,table,row,problem" "$("$LC" check "$db" --format csv)"

# rows written by a plain sqlite3 with the rules dropped (or before they existed)
"$SQLITE3" "$db" "DROP TRIGGER attendance_reference_insert; INSERT INTO attendance VALUES (99999, 1);"
out=$("$LC" check "$db" --format csv); rc=$?
check "CK2 CK3 an orphan attendance: foreign_key_check and the rule, exit 1" \
  "check,table,row,problem
foreign_key_check,attendance,\"rowid 1115\",\"refers to a missing meeting row\"
rules,attendance,\"rowid 1115\",\"attendance: meeting_id refers to a missing meeting row (foreign key)\"|1" "$out|$rc"

cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"
"$SQLITE3" "$db" "DROP TRIGGER report_before_period_update; DROP TRIGGER membership_one_president_insert;
  UPDATE report SET submitted_at = '2015-02-01' WHERE id = (SELECT min(id) FROM report WHERE kind = 'monthly' AND period = '2015-03');"
"$SQLITE3" "$db" "INSERT INTO person(emp_no, name) VALUES ('X1', '새사람')" 2>/dev/null
pid=$("$SQLITE3" "$db" "SELECT max(id) FROM person")
"$SQLITE3" "$db" "INSERT INTO membership(club_id, person_id, role, joined_on) VALUES (1, $pid, 'president', '2015-02-16')"
out=$("$LC" check "$db" --format json | sed -E 's/.*"check":"([^"]*)","table":"([^"]*)".*"problem":"([^"]*)".*/\1|\2|\3/' | sort)
check "CK3 a report before its period and a second president (both presidencies): the triggers' messages" \
  "rules|membership|membership: the club already has a president for these dates
rules|membership|membership: the club already has a president for these dates
rules|report|report: submitted before its period began" "$out"
"$LC" check "$db" >/dev/null 2>&1; rc=$?
check "CK3 exit 1" 1 "$rc"

# CK1: a CHECK constraint broken by a row written around it
cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"
"$SQLITE3" "$db" "PRAGMA ignore_check_constraints = ON; UPDATE meeting SET hours = -1 WHERE id = 1;"
out=$("$LC" check "$db" --format csv | sed -n 2p); rc=$?
check "CK1 integrity_check re-checks CHECK constraints" 'integrity_check,,,"CHECK constraint failed in meeting"' "$out"
out=$("$LC" check 2>&1); rc=$?
check "DB missing: refused" "learnclub check: missing argument DB; see 'learnclub help'|2" "$out|$rc"
out=$("$LC" check "$w/none.db" 2>&1); rc=$?
check "DB not there: refused" "learnclub check: database '$w/none.db' does not exist; create it with 'learnclub init'|2" "$out|$rc"
