#!/usr/bin/env bash
# Naju schema tests (issue 5): migration 2 -> 5 (sql/migrate/003.sql, 004.sql, 005.sql) keeps
# every row and gives the same schema as a fresh init; the team composition
# triggers at their exact limits (NJ6: 4 members; NJ1: outsiders 20%, 1 of 5
# allowed, 1 of 4 and 2 of 9 refused), the call triggers (NJ1, NJ3), and every
# new CHECK constraint with its exact message (S2); a plain sqlite3 without
# the extension enforces them (S1).
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
V2="$LEARNCLUB_ROOT/tests/workflow/fixtures/schema-v2.sql"
SMALL="$LEARNCLUB_ROOT/tests/workflow/fixtures/small.sql.in"
NAJU="$LEARNCLUB_ROOT/tests/workflow/fixtures/naju-small.sql.in"

# --- S3 migration 2 -> 5 ------------------------------------------------------------
db=$(newdb naju-v2)
"$SQLITE3" -bail "$db" ".read $V2" ".read $SMALL"
counts="SELECT (SELECT count(*) FROM program), (SELECT count(*) FROM club), (SELECT count(*) FROM person), (SELECT count(*) FROM membership), (SELECT count(*) FROM meeting), (SELECT count(*) FROM attendance), (SELECT count(*) FROM report), (SELECT count(*) FROM score), (SELECT count(*) FROM committee_place), (SELECT count(*) FROM nomination), (SELECT count(*) FROM expense)"
before=$("$SQLITE3" "$db" "$counts")
out=$("$LC" init "$db" 2>&1); rc=$?
check "S3 migrate: 2 -> 5" "$db: upgraded from schema version 2 to 5|0" "$out|$rc"
check "S3 migrate: rows kept" "$before" "$("$SQLITE3" "$db" "$counts")"
check "S3 migrate: people are officials, programs without composition rules (NJ1, NJ6)" "9|official|0" \
  "$("$SQLITE3" "$db" "SELECT count(*) || '|' || group_concat(DISTINCT kind) || '|' || (SELECT count(*) FROM program WHERE max_members IS NOT NULL OR outsider_pct IS NOT NULL) FROM person")"
check "S3 migrate: again is a no-op" "$db: schema version 5, up to date" "$("$LC" init "$db" 2>&1)"
fresh=$(newdb naju-fresh); "$LC" init "$fresh" >/dev/null
shape() {  # every table's columns (name, type, not null, default, pk), and every object
  "$SQLITE3" "$1" "SELECT m.name || ':' || group_concat(c.name || ' ' || c.type || ' ' || c.\"notnull\" || ' ' || coalesce(c.dflt_value, '') || ' ' || c.pk, ', ')
                   FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' GROUP BY m.name ORDER BY m.name;
                   SELECT type || ' ' || name FROM sqlite_master ORDER BY type, name;"
}
check "S3 migrate: same tables, columns, indexes and triggers as a fresh database" "$(shape "$fresh")" "$(shape "$db")"
out=$("$SQLITE3" -bail "$db" "PRAGMA foreign_keys = ON; UPDATE program SET max_members = 3 WHERE id = 1;
  INSERT INTO team_call(program_id, applications, min_teams, outcome) VALUES (1, 4, 3, 'run');
  INSERT INTO person(id, emp_no, name, kind) VALUES (60, 'X60', '전문가', 'expert');
  INSERT INTO membership VALUES (1, 60, 'member', '2015-03-01', NULL);" 2>&1 | sed -E 's/^(Error: (stepping|in prepare), |Runtime error near line [0-9]+: |Error: )//; s/ \([0-9]+\)$//')
check "S3 NJ6 migrate: the upgraded database enforces the new rules" "membership: the team would have more members than its program's max_members (NJ6)" "$out"

# --- composition triggers at their limits, call triggers, constraints ------------------
db=$(newdb naju-rules)
"$LC" init "$db" >/dev/null
"$SQLITE3" -bail "$db" ".read $NAJU"
dump=$("$SQLITE3" "$db" .dump | md5sum)
# Each case runs in a transaction that is never committed; "ok" means no error.
NEW_OFFICIALS="INSERT INTO person(id, emp_no, name) VALUES (40, 'E40', 'a'), (41, 'E41', 'b'), (42, 'E42', 'c'), (43, 'E43', 'd'), (44, 'E44', 'e'), (45, 'E45', 'f'), (46, 'E46', 'g'), (47, 'E47', 'h'), (48, 'E48', 'i'); INSERT INTO person(id, emp_no, name, kind) VALUES (50, 'X50', 'x', 'expert'), (51, 'C51', 'y', 'citizen')"
while IFS='|' read -r name stmt msg; do
  [ -z "$name" ] && continue
  case "$name" in "#"*) continue ;; esac
  stmt=${stmt//@NEW/$NEW_OFFICIALS}
  got=$(sql_error "$db" "PRAGMA foreign_keys = ON; BEGIN; $stmt")
  check "$name" "$msg" "${got:-ok}"
done <<'EOF_CASES'
NJ6 4th member of a team of at most 4: allowed|@NEW; INSERT INTO membership VALUES (2, 40, 'member', '2026-04-01', NULL), (2, 41, 'member', '2026-04-01', NULL)|ok
NJ6 5th member: refused|@NEW; INSERT INTO membership VALUES (1, 40, 'member', '2026-04-01', NULL)|membership: the team would have more members than its program's max_members (NJ6)
NJ6 5th member after filling a team of 2|@NEW; INSERT INTO membership VALUES (2, 40, 'member', '2026-04-01', NULL), (2, 41, 'member', '2026-04-01', NULL), (2, 42, 'member', '2026-04-01', NULL)|membership: the team would have more members than its program's max_members (NJ6)
NJ6 a member who left still counts (the roster)|@NEW; UPDATE membership SET left_on = '2026-05-01' WHERE club_id = 1 AND person_id = 4; INSERT INTO membership VALUES (1, 40, 'member', '2026-05-02', NULL)|membership: the team would have more members than its program's max_members (NJ6)
NJ6 moved into a full team|UPDATE membership SET club_id = 1 WHERE club_id = 2 AND person_id = 6|membership: the team would have more members than its program's max_members (NJ6)
NJ6 upsert of a member already in a full team: allowed|INSERT INTO membership VALUES (1, 4, 'member', '2026-04-01', NULL) ON CONFLICT DO UPDATE SET role = 'member'|ok
NJ1 outsider_pct 0: no outsider at all|@NEW; INSERT INTO membership VALUES (2, 50, 'member', '2026-04-01', NULL)|membership: outsiders (the person kinds in the program's outsiders) would be more than the program's outsider_pct of the team (NJ1)
NJ1 1 outsider of 5 is 20%: allowed|@NEW; INSERT INTO club(id, program_id, name, kind) VALUES (6, 2, '다팀', 'integrated'); INSERT INTO membership VALUES (6, 40, 'president', '2026-03-01', NULL), (6, 41, 'member', '2026-03-01', NULL), (6, 42, 'member', '2026-03-01', NULL), (6, 43, 'member', '2026-03-01', NULL), (6, 50, 'member', '2026-03-01', NULL)|ok
NJ1 1 outsider of 4 is 25%: refused (a team under 5 has none)|@NEW; INSERT INTO club(id, program_id, name, kind) VALUES (6, 2, '다팀', 'integrated'); INSERT INTO membership VALUES (6, 40, 'president', '2026-03-01', NULL), (6, 41, 'member', '2026-03-01', NULL), (6, 42, 'member', '2026-03-01', NULL), (6, 50, 'member', '2026-03-01', NULL)|membership: outsiders (the person kinds in the program's outsiders) would be more than the program's outsider_pct of the team (NJ1)
NJ1 an outsider first is 100%: refused|@NEW; INSERT INTO club(id, program_id, name, kind) VALUES (6, 2, '다팀', 'integrated'); INSERT INTO membership VALUES (6, 50, 'member', '2026-03-01', NULL)|membership: outsiders (the person kinds in the program's outsiders) would be more than the program's outsider_pct of the team (NJ1)
NJ1 2 outsiders of 9 is 22.2%: refused|@NEW; INSERT INTO club(id, program_id, name, kind) VALUES (6, 2, '다팀', 'integrated'); INSERT INTO membership SELECT 6, id, 'member', '2026-03-01', NULL FROM person WHERE id BETWEEN 40 AND 46; INSERT INTO membership VALUES (6, 50, 'member', '2026-03-01', NULL), (6, 51, 'member', '2026-03-01', NULL)|membership: outsiders (the person kinds in the program's outsiders) would be more than the program's outsider_pct of the team (NJ1)
NJ1 2 outsiders of 10 is 20%: allowed|@NEW; INSERT INTO club(id, program_id, name, kind) VALUES (6, 2, '다팀', 'integrated'); INSERT INTO membership SELECT 6, id, 'member', '2026-03-01', NULL FROM person WHERE id BETWEEN 40 AND 47; INSERT INTO membership VALUES (6, 50, 'member', '2026-03-01', NULL), (6, 51, 'member', '2026-03-01', NULL)|ok
NJ1 3rd outsider in a team of 10 (3 of 11): refused|@NEW; INSERT INTO membership VALUES (5, 50, 'member', '2026-03-01', NULL)|membership: outsiders (the person kinds in the program's outsiders) would be more than the program's outsider_pct of the team (NJ1)
NJ1 an outsider moved into a team at 20%|UPDATE membership SET club_id = 5 WHERE club_id = 4 AND person_id = 31|membership: outsiders (the person kinds in the program's outsiders) would be more than the program's outsider_pct of the team (NJ1)
NJ1 an official deleted from a team at 20%|DELETE FROM membership WHERE club_id = 4 AND person_id = 11|membership: without this member, outsiders would be more than the program's outsider_pct of the team (NJ1)
NJ1 the outsider first, then the official: allowed|DELETE FROM membership WHERE club_id = 4 AND person_id = 31; DELETE FROM membership WHERE club_id = 4 AND person_id = 11|ok
NJ1 an official moved out of a team at 20%|@NEW; INSERT INTO club(id, program_id, name, kind) VALUES (6, 2, '다팀', 'integrated'); UPDATE membership SET club_id = 6 WHERE club_id = 4 AND person_id = 11|membership: without this member, outsiders would be more than the program's outsider_pct of the team (NJ1)
NJ1 an official who becomes an expert|UPDATE person SET kind = 'expert' WHERE id = 11|person: as an outsider the person would put a team over its program's outsider_pct (NJ1)
NJ1 an expert who becomes a citizen: allowed|UPDATE person SET kind = 'citizen' WHERE id = 31|ok
NJ1 a program without a share rule takes outsiders|@NEW; UPDATE program SET outsider_pct = NULL WHERE id = 2; INSERT INTO membership VALUES (5, 50, 'member', '2026-03-01', NULL), (5, 51, 'member', '2026-03-01', NULL)|ok
NJ3 a team in a cancelled call|INSERT INTO club(program_id, name, kind) VALUES (5, '라팀', 'integrated')|club: the program's call for teams was cancelled (NJ3)
NJ3 a team moved into a cancelled call|UPDATE club SET program_id = 5 WHERE id = 4|club: the program's call for teams was cancelled (NJ3)
NJ1 a team over the call's max_teams|INSERT INTO club(program_id, name, kind) VALUES (1, 'D팀', 'integrated')|club: the program already has its call's max_teams teams (NJ1)
NJ1 a team moved into a call at max_teams|UPDATE club SET program_id = 1 WHERE id = 4|club: the program already has its call's max_teams teams (NJ1)
program max_members 0|UPDATE program SET max_members = 0 WHERE id = 1|CHECK constraint failed: program: max_members must be a positive integer (NJ6)
program max_members 4.5|UPDATE program SET max_members = 4.5 WHERE id = 1|CHECK constraint failed: program: max_members must be a positive integer (NJ6)
program outsider_pct over 100|UPDATE program SET outsider_pct = 120 WHERE id = 2|CHECK constraint failed: program: outsider_pct must be a number from 0 to 100 (NJ1)
program outsider_pct text|UPDATE program SET outsider_pct = '20%' WHERE id = 2|CHECK constraint failed: program: outsider_pct must be a number from 0 to 100 (NJ1)
person kind|UPDATE person SET kind = 'guest' WHERE id = 31|CHECK constraint failed: person: kind must be official, expert or citizen (NJ1)
club selection_round 0|UPDATE club SET selection_round = 0 WHERE id = 1|CHECK constraint failed: club: selection_round must be a positive integer (NJ6)
club selected_on|UPDATE club SET selected_on = '2026-04-31' WHERE id = 1|CHECK constraint failed: club: selected_on must be a date YYYY-MM-DD
team_call opens_on|UPDATE team_call SET opens_on = '2026.2.2.' WHERE program_id = 1|CHECK constraint failed: team_call: opens_on must be a date YYYY-MM-DD
team_call closes before it opens|UPDATE team_call SET closes_on = '2026-01-31' WHERE program_id = 1|CHECK constraint failed: team_call: closes_on must not be before opens_on
team_call applications negative|UPDATE team_call SET applications = -1 WHERE program_id = 1|CHECK constraint failed: team_call: applications must be a whole number, 0 or more (NJ3)
team_call min_teams 0|UPDATE team_call SET min_teams = 0 WHERE program_id = 1|CHECK constraint failed: team_call: min_teams must be a positive integer (NJ3)
team_call max_teams below min_teams|UPDATE team_call SET max_teams = 2 WHERE program_id = 1|CHECK constraint failed: team_call: max_teams must not be below min_teams
team_call outcome|UPDATE team_call SET outcome = 'done' WHERE program_id = 1|CHECK constraint failed: team_call: outcome must be run or cancelled (NJ3)
team_call NJ3 cancelled without a reason|UPDATE team_call SET outcome = 'cancelled' WHERE program_id = 3|CHECK constraint failed: team_call: a cancelled call gives its reason (NJ3)
team_call second call for a program|INSERT INTO team_call(program_id) VALUES (1)|UNIQUE constraint failed: team_call.program_id
proposal title empty|INSERT INTO proposal(club_id, title) VALUES (1, '')|CHECK constraint failed: proposal: title must not be empty
proposal NJ2 field|INSERT INTO proposal(club_id, title, field) VALUES (1, 'x', 'tourism')|CHECK constraint failed: proposal: field must be policy, service, economy, culture, sport or environment (NJ2)
proposal NJ2 adopted 2|INSERT INTO proposal(club_id, title, adopted) VALUES (1, 'x', 2)|CHECK constraint failed: proposal: adopted must be 1, 0 or NULL for not decided yet (NJ2)
proposal decided_on without a decision|INSERT INTO proposal(club_id, title, decided_on) VALUES (1, 'x', '2026-10-01')|CHECK constraint failed: proposal: an undecided proposal has no decided_on
proposal unknown team|INSERT INTO proposal(club_id, title) VALUES (99, 'x')|proposal: refers to a missing club row (foreign key)
pledge code empty|INSERT INTO pledge(code, title) VALUES ('', 'x')|CHECK constraint failed: pledge: code must not be empty
pledge NJ9 completion|UPDATE pledge SET completion = 'soon' WHERE id = 1|CHECK constraint failed: pledge: completion must be within_term or after_term (NJ9)
pledge NJ9 by_city 2|UPDATE pledge SET by_city = 2 WHERE id = 1|CHECK constraint failed: pledge: by_city must be 0 or 1 (NJ9)
pledge NJ9 continuing|UPDATE pledge SET continuing = 3 WHERE id = 1|CHECK constraint failed: pledge: continuing must be 0 (new) or 1 (continuing) (NJ9)
pledge NJ9 total_budget|UPDATE pledge SET total_budget = 75.4 WHERE id = 1|CHECK constraint failed: pledge: total_budget must be a whole number of KRW, 0 or more (NJ9)
pledge KR8 status|UPDATE pledge SET status = '완료' WHERE id = 1|CHECK constraint failed: pledge: status must be completed, completed_continuing, on_track, partial, on_hold or dropped (NJ9, KR8)
pledge duplicate code|INSERT INTO pledge(code, title) VALUES ('P-1', 'x')|UNIQUE constraint failed: pledge.code
indicator D5 weight 0|UPDATE indicator SET weight = 0 WHERE id = 1|CHECK constraint failed: indicator: weight must be a number more than 0 (D5)
indicator name empty|INSERT INTO indicator(pledge_id, name) VALUES (1, '')|CHECK constraint failed: indicator: name must not be empty
indicator_year year|INSERT INTO indicator_year(indicator_id, year) VALUES (1, '2028년')|CHECK constraint failed: indicator_year: year must be a year YYYY
indicator_year NJ8 negative target|UPDATE indicator_year SET target = -1 WHERE indicator_id = 1 AND year = 2026|CHECK constraint failed: indicator_year: target must be a number, 0 or more, or NULL for no target (NJ8)
indicator_year NJ8 achieved text|UPDATE indicator_year SET achieved = 'done' WHERE indicator_id = 1 AND year = 2026|CHECK constraint failed: indicator_year: achieved must be a number, 0 or more, or NULL for no result yet (NJ8)
indicator_year achieved_on not a date|UPDATE indicator_year SET achieved_on = '2026-02-30' WHERE indicator_id = 1 AND year = 2026|CHECK constraint failed: indicator_year: achieved_on must be a date YYYY-MM-DD
indicator_year achieved_on without a result|UPDATE indicator_year SET achieved_on = '2027-03-01' WHERE indicator_id = 1 AND year = 2027|CHECK constraint failed: indicator_year: achieved_on without an achievement
indicator_year duplicate year|INSERT INTO indicator_year(indicator_id, year) VALUES (1, 2026)|UNIQUE constraint failed: indicator_year.indicator_id, indicator_year.year
budget_plan name empty|INSERT INTO budget_plan(name) VALUES ('')|CHECK constraint failed: budget_plan: name must not be empty
budget_line NJ7 source|INSERT INTO budget_line(plan_id, year, source) VALUES (1, 2028, 'bank')|CHECK constraint failed: budget_line: source must be national, province, city or other (NJ7)
budget_line NJ7 planned in million|INSERT INTO budget_line(plan_id, year, source, planned) VALUES (1, 2028, 'city', 75.4)|CHECK constraint failed: budget_line: planned must be a whole number of KRW, 0 or more (NJ7)
budget_line NJ7 executed negative|UPDATE budget_line SET executed = -1 WHERE year = 2027|CHECK constraint failed: budget_line: executed must be a whole number of KRW, 0 or more (NJ7)
budget_line year|INSERT INTO budget_line(plan_id, year, source) VALUES (1, 26, 'city')|CHECK constraint failed: budget_line: year must be a year YYYY
budget_line unknown plan|INSERT INTO budget_line(plan_id, year, source) VALUES (9, 2028, 'city')|budget_line: refers to a missing budget_plan row (foreign key)
EOF_CASES
check "rules: nothing was written" "$dump" "$("$SQLITE3" "$db" .dump | md5sum)"

# --- S1: a plain sqlite3, no extension, enforces the composition rules -------------
out=$("$SQLITE3" "$db" "PRAGMA foreign_keys = ON; INSERT INTO person(id, emp_no, name) VALUES (40, 'E40', 'a'); INSERT INTO membership VALUES (1, 40, 'member', '2026-04-01', NULL);" 2>&1 | sed -E 's/^(Error: (stepping|in prepare), |Runtime error near line [0-9]+: |Error: near line [0-9]+: |Error: )//; s/ \([0-9]+\)$//')
check "S1 NJ6 plain sqlite3 refuses a 5th member" "membership: the team would have more members than its program's max_members (NJ6)" "$out"
