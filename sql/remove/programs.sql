-- sql/remove/programs.sql: `learnclub remove DB programs CODE` (issue 14), in one
-- transaction. Refused while clubs belong to it; its call for teams (NJ3) goes with it.
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT id, code FROM program WHERE code = @k1;
CREATE TEMP TABLE lc_need AS
SELECT 'clubs' AS what, count(*) AS n FROM club WHERE program_id IN (SELECT id FROM lc_target);
SELECT 'error', printf('no program ''%s''', @k1) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
SELECT 'error', printf('program ''%s'' is still needed by %d clubs; remove them first', @k1, n) FROM lc_need WHERE n > 0;
CREATE TEMP TABLE lc_gone AS
SELECT (SELECT count(*) FROM team_call WHERE program_id IN (SELECT id FROM lc_target)) AS calls;
DELETE FROM team_call WHERE program_id IN (SELECT id FROM lc_target) AND NOT EXISTS (SELECT 1 FROM lc_need WHERE n > 0);
DELETE FROM program WHERE id IN (SELECT id FROM lc_target) AND NOT EXISTS (SELECT 1 FROM lc_need WHERE n > 0);
SELECT 'ok', printf('removed program ''%s''%s', @k1, CASE WHEN calls > 0 THEN ' and its call for teams' ELSE '' END) FROM lc_gone;
COMMIT;
