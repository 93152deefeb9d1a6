-- sql/check.sql: is the database sound (issue 14, H3)?
--
-- Run by `learnclub check DB`. For rows a plain sqlite3 may have written
-- (before a trigger existed, or with the rules dropped), one row per problem:
--   CK1 integrity_check: SQLite's own check of the file, with every CHECK and
--       NOT NULL constraint of today's schema re-checked on every row.
--   CK2 foreign_key_check: every row whose declared reference finds no row.
--   CK3 rules: every row that a trigger of sql/rules.sql would refuse today,
--       read from the rule's own view (S5), with the trigger's message.
--       Team composition is not re-checked: a program may tighten its rules
--       without rewriting history (N-D4); `learnclub teams` reports it.
-- Columns: check (integrity_check | foreign_key_check | rules), tbl, row (the
-- row's key), problem.
-- Findings (exit 1): every row.
BEGIN;

CREATE TEMP TABLE lc_out(check_name, tbl, row_key, problem);
-- CK1
INSERT INTO lc_out SELECT 'integrity_check', NULL, NULL, integrity_check FROM pragma_integrity_check
WHERE integrity_check <> 'ok';
-- CK2
INSERT INTO lc_out SELECT 'foreign_key_check', f."table", 'rowid ' || f.rowid, 'refers to a missing ' || f.parent || ' row'
FROM pragma_foreign_key_check f;
-- CK3
INSERT INTO lc_out
SELECT DISTINCT 'rules', 'membership', 'club_id ' || club_id || ', person_id ' || person_id, 'membership: the club already has a president for these dates' FROM membership_second_president  -- issue 15 (A): a row per piece of a stint
UNION ALL SELECT 'rules', 'membership', 'club_id ' || club_id || ', person_id ' || person_id, 'membership: the person would be in more clubs of this program at once than its clubs_per_person (W-D2, O6)' FROM (SELECT DISTINCT club_id, person_id FROM membership_over_clubs)
UNION ALL SELECT 'rules', 'meeting', 'id ' || id, 'meeting: held_on is outside the club''s program' FROM meeting_outside_program
UNION ALL SELECT 'rules', 'meeting', 'id ' || id, 'meeting: the club had withdrawn by then (D6)' FROM meeting_after_withdrawal
UNION ALL SELECT 'rules', 'attendance', 'meeting_id ' || meeting_id || ', person_id ' || person_id, 'attendance: the person is not a member of the club on the meeting''s day' FROM attendance_not_member
UNION ALL SELECT 'rules', 'report', 'id ' || id, 'report: submitted before its period began' FROM report_before_period
UNION ALL SELECT 'rules', 'report', 'id ' || id, 'report: the club''s program asks for no report for this period' FROM report_outside_program
UNION ALL SELECT 'rules', 'nomination', 'club_id ' || club_id || ', period ' || period, 'nomination: a club nominates at most 2 top contributors a half-year (JG10)' FROM nomination_over_two
UNION ALL SELECT 'rules', 'holiday_override', 'day ' || quote(day), 'holiday_override: day must be a date YYYY-MM-DD and is_holiday 0 or 1 (KR5)' FROM holiday_override_invalid
UNION ALL SELECT 'rules', 'club', 'id ' || id, 'club: the program''s call for teams was cancelled (NJ3)' FROM club_in_cancelled_call
UNION ALL SELECT 'rules', 'team_call', 'program_id ' || program_id, 'club: the program already has its call''s max_teams teams (NJ1)' FROM program_over_max_teams
UNION ALL SELECT 'rules', tbl, 'rowid ' || rid, tbl || ': ' || col || ' refers to a missing ' || parent || ' row (foreign key)' FROM reference_orphan
-- issue 15 (B1): the judging settings' grammar (program_judging_invalid)
UNION ALL SELECT 'rules', 'program', 'id ' || id, CASE setting
    WHEN 'panel_weights' THEN 'program: panel_weights must be panels name:weight separated by commas, each name once, each weight a whole number more than 0, the weights adding up to 100 (O3)'
    ELSE 'program: criteria must be criteria name:maximum separated by commas, each name once, each maximum a number more than 0 and at most 100 (O5)' END
  FROM program_judging_invalid
-- issue 15 (A): stints and dated roles
UNION ALL SELECT 'rules', 'membership', 'club_id ' || club_id || ', person_id ' || person_id || ', joined_on ' || joined_on, 'membership: the person''s stints in this club overlap' FROM membership_stint_overlap
UNION ALL SELECT 'rules', 'membership_role', 'club_id ' || club_id || ', person_id ' || person_id || ', since ' || since, 'membership_role: since must fall within a stint of the person in the club, after its joined_on' FROM membership_role_outside_stint;

SELECT check_name AS "check", tbl AS "table", row_key AS "row", problem FROM lc_out ORDER BY rowid;

COMMIT;

CREATE TEMP TABLE lc_status AS SELECT count(*) AS findings FROM lc_out;
