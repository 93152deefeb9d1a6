-- sql/remove/calls.sql: `learnclub remove DB calls PROGRAM` (issue 14), in one
-- transaction. A program's call for teams (NJ3).
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT t.program_id AS id FROM team_call t JOIN program p ON p.id = t.program_id WHERE p.code = @k1;
SELECT 'error', printf('no call for teams of program ''%s''', @k1) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
DELETE FROM team_call WHERE program_id IN (SELECT id FROM lc_target);
SELECT 'ok', printf('removed the call for teams of program ''%s''', @k1);
COMMIT;
