#!/usr/bin/env bash
# Issue 14 (H3): a plain sqlite3 with foreign keys off (its default) cannot
# leave a row referring to nothing: the triggers of sql/rules.sql ("references
# held by triggers too") refuse it, and a meeting takes its attendance with it.
# The one home of the rule is the view reference_orphan.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
db=$(newdb orphans)
"$LC" init "$db" >/dev/null
"$SQLITE3" -bail "$db" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/small.sql.in"
dump=$("$SQLITE3" "$db" .dump | md5sum)
# plain: the sqlite3 shell without the extension, foreign keys off
plain_error() {
  "$SQLITE3" -batch "$db" "PRAGMA foreign_keys = OFF; $1" 2>&1 >/dev/null |
    sed -E -n '1{s/^(Error: (stepping|in prepare), |Runtime error near line [0-9]+: |Error: near line [0-9]+: |Error: )//; s/ \([0-9]+\)$//; p}'
}
while IFS='|' read -r name stmt msg; do
  [ -z "$name" ] && continue
  check "$name" "$msg" "$(plain_error "$stmt")"
done <<'EOF_CASES'
foreign keys off: attendance of a missing meeting|INSERT INTO attendance VALUES (99, 1)|attendance: refers to a missing meeting or person row (foreign key)
foreign keys off: attendance of a missing person|INSERT INTO attendance VALUES (1, 99)|attendance: refers to a missing meeting or person row (foreign key)
foreign keys off: a membership of a missing person|INSERT INTO membership VALUES (2, 99, 'member', '2015-03-01', NULL)|membership: refers to a missing club or person row (foreign key)
foreign keys off: a membership moved to a missing person|UPDATE membership SET person_id = 99 WHERE person_id = 2|membership: refers to a missing club or person row (foreign key)
foreign keys off: removing a person with memberships|DELETE FROM person WHERE id = 2|person: other rows still refer to it (attendance, membership, membership_role, nomination, person_unit); remove them first (foreign key)
foreign keys off: a person's id changed under its memberships|UPDATE person SET id = 99 WHERE id = 2|person: other rows still refer to it (attendance, membership, membership_role, nomination, person_unit); remove them first (foreign key)
foreign keys off: removing a club with meetings|DELETE FROM club WHERE id = 1|club: other rows still refer to it (award, committee_place, expense, meeting, membership, membership_role, nomination, proposal, report, score); remove them first (foreign key)
foreign keys off: removing a program with clubs|DELETE FROM program WHERE id = 1|program: other rows still refer to it (club, team_call); remove them first (foreign key)
foreign keys off: a score of a missing club|INSERT INTO score(club_id, period, judge, criterion, points) VALUES (99, '2015-H1', 'A', '성과', 50)|score: refers to a missing club row (foreign key)
EOF_CASES
check "refused writes leave the database as it was" "$dump" "$("$SQLITE3" "$db" .dump | md5sum)"

# a meeting removed with foreign keys off takes its attendance with it (ON DELETE CASCADE)
n=$("$SQLITE3" "$db" "SELECT count(*) FROM attendance WHERE meeting_id = 1")
"$SQLITE3" "$db" "PRAGMA foreign_keys = OFF; DELETE FROM meeting WHERE id = 1"
check "foreign keys off: a removed meeting's attendance goes with it (there were $n)" "0|0" \
  "$("$SQLITE3" "$db" "SELECT (SELECT count(*) FROM attendance WHERE meeting_id = 1) || '|' || (SELECT count(*) FROM meeting WHERE id = 1)")"
# a person nothing refers to can be removed
"$SQLITE3" "$db" "INSERT INTO person(id, emp_no, name) VALUES (50, 'E050', '임시')"
check "foreign keys off: a person nothing refers to can be removed" "" \
  "$(plain_error "DELETE FROM person WHERE id = 50")"
check "the database has no orphan: foreign_key_check and reference_orphan are empty" "|0" \
  "$("$SQLITE3" "$db" "PRAGMA foreign_key_check" | head -n 3)|$("$SQLITE3" "$db" "SELECT count(*) FROM reference_orphan")"
