-- sql/remove/overrides.sql: `learnclub remove DB overrides DAY` (issue 14), in one
-- transaction. The holiday calendar's local change (KR5).
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT rowid AS id FROM holiday_override WHERE day = @k1;
SELECT 'error', printf('no holiday override on %s', @k1) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
DELETE FROM holiday_override WHERE rowid IN (SELECT id FROM lc_target);
SELECT 'ok', printf('removed the holiday override on %s', @k1);
COMMIT;
